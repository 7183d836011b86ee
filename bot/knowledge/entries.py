"""The knowledge base's entries: schema, loading and validation.

Entries live as YAML under ``bot/knowledge/data/`` so that officers can review and extend them
without touching code; the validator runs in the tests so a bad edit never ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.letters import date_key
from bot.textnorm import nfc

DATA_DIR = Path(__file__).with_name("data")
MAX_ANSWER_CHARS = 900

# Who an entry is for; an empty audience means everyone.
AUDIENCE_ROLES = frozenset({"gv", "gv_cotcan", "cbql", "cbql_cotcan", "ht", "phong", "so"})
LEVELS = frozenset({"TH", "THCS", "THPT", "GDTX"})
# Provinces whose letters the seeds are; an entry with a province states that province's rule.
PROVINCES = {
    "binh_phuoc": "Bình Phước",
    "ha_noi": "Hà Nội",
    "kien_giang": "Kiên Giang",
    "tphcm": "TP. Hồ Chí Minh",
}
_ID = re.compile(r"^[a-z0-9_]+$")
_ALLOWED_TAGS = re.compile(r"</?(b|i|u|s|code|a|pre|blockquote)(\s[^>]*)?>")


@dataclass(frozen=True, slots=True)
class Source:
    document: str  # seed prefix "000".."004", or "faq" for an answer approved by the Sở
    number: str  # the letter's number, e.g. "…/SGDĐT-GDTrH" or "1184/KH-UBND"
    date: str  # as the letter dates itself, e.g. "3/2021"
    issuer: str  # e.g. "Sở GD&ĐT Bình Phước"

    def caption(self) -> str:
        """The letter as printed: "Kế hoạch số 1308/KH-SGDĐT, 17/6/2020, Sở GD&ĐT Kiên Giang";
        a copy whose number was left blank ("/SGDĐT-GDTrH") is cited by issuer and month:
        "Công văn của Sở GD&ĐT Bình Phước, tháng 02/2022" (docs/campaign.md, "Trích nguồn")."""
        number = self.number.strip()
        if number and not number.startswith("/"):
            return f"{self.issuer}, {number}, {self.date}"
        month = self.date if "/" not in self.date or self.date.count("/") == 2 else \
            self.date.zfill(len(self.date) + (1 if self.date.index("/") == 1 else 0))
        when = f"tháng {month}" if month.count("/") == 1 else (
            f"ngày {month}" if month.count("/") == 2 else f"năm {month}")
        return f"Công văn của {self.issuer}, {when}"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    topic: str
    title: str
    answer: str  # Telegram HTML
    questions: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    roles: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    province: str | None = None
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def as_of(self) -> tuple[int, int, int]:
        """The date of the newest letter it was written from: the entry states the rule as of
        that day, and a loaded letter newer than it that covers the question answers instead."""
        return max((date_key(s.date) for s in self.sources), default=(0, 0, 0))


class KnowledgeBaseError(ValueError):
    """A data file breaks the schema; the message names the file and entry."""


def _tuple_of_str(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"{where}: '{name}' must be a list of strings")
    return tuple(nfc(v).strip() for v in value)


def _entry_from_dict(raw: dict[str, Any], where: str, topic: str) -> Entry:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: an entry must be a mapping")
    missing = [k for k in ("id", "title", "answer", "questions", "sources") if k not in raw]
    if missing:
        raise KnowledgeBaseError(f"{where}: missing {', '.join(missing)}")
    sources = []
    for s in raw["sources"] or []:
        try:
            sources.append(Source(str(s["document"]), str(s["number"]), str(s["date"]),
                                  str(s["issuer"])))
        except (KeyError, TypeError) as exc:
            raise KnowledgeBaseError(f"{where}: a source needs document, number, date, issuer") \
                from exc
    known = {"id", "title", "answer", "questions", "keywords", "roles", "levels", "province",
             "sources", "related", "topic"}
    return Entry(
        id=str(raw["id"]),
        topic=str(raw.get("topic", topic)),
        title=nfc(str(raw["title"])).strip(),
        answer=nfc(str(raw["answer"])).strip(),
        questions=_tuple_of_str(raw["questions"], where, "questions"),
        keywords=_tuple_of_str(raw.get("keywords"), where, "keywords"),
        roles=frozenset(_tuple_of_str(raw.get("roles"), where, "roles")),
        levels=frozenset(_tuple_of_str(raw.get("levels"), where, "levels")),
        province=raw.get("province"),
        sources=tuple(sources),
        related=_tuple_of_str(raw.get("related"), where, "related"),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def load_file(path: Path) -> list[Entry]:
    """One YAML file: a mapping with ``topic`` and ``entries``."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        raise KnowledgeBaseError(f"{path.name}: expected a mapping with an 'entries' list")
    topic = str(doc.get("topic", path.stem))
    return [
        _entry_from_dict(raw, f"{path.name}#{i + 1}", topic)
        for i, raw in enumerate(doc["entries"])
    ]


def load_entries(directory: Path = DATA_DIR) -> list[Entry]:
    entries: list[Entry] = []
    for path in sorted(directory.glob("*.yaml")):
        entries.extend(load_file(path))
    return entries


def load_topics(directory: Path = DATA_DIR) -> dict[str, str]:
    """Topic key → its Vietnamese title, in file order, for browsing by topic (/hoidap)."""
    topics: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(doc, dict):
            key = str(doc.get("topic", path.stem))
            topics[key] = nfc(str(doc.get("topic_title", key)))
    return topics


def validate(entries: Iterable[Entry]) -> list[str]:
    """Every problem in the knowledge base, one line each; empty when it is sound."""
    entries = list(entries)
    problems: list[str] = []
    ids = [e.id for e in entries]
    seen: set[str] = set()
    for e in entries:
        where = f"entry {e.id!r}"
        if not _ID.match(e.id):
            problems.append(f"{where}: id must be lowercase letters, digits and _")
        if e.id in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(e.id)
        if not e.title:
            problems.append(f"{where}: empty title")
        if not e.answer:
            problems.append(f"{where}: empty answer")
        if len(e.answer) > MAX_ANSWER_CHARS:
            problems.append(f"{where}: answer has {len(e.answer)} characters (max "
                            f"{MAX_ANSWER_CHARS})")
        stray = re.sub(_ALLOWED_TAGS, "", e.answer)
        if re.search(r"<[a-zA-Z/]", stray):
            problems.append(f"{where}: answer uses a tag Telegram HTML does not allow")
        if len(e.questions) < 2:
            problems.append(f"{where}: needs at least two paraphrased questions")
        if not e.sources:
            problems.append(f"{where}: needs a source")
        for s in e.sources:
            if not re.fullmatch(r"00[0-4]|faq", s.document):
                problems.append(f"{where}: unknown source document {s.document!r}")
        if e.province is not None and e.province not in PROVINCES:
            problems.append(f"{where}: unknown province {e.province!r}")
        if unknown := e.roles - AUDIENCE_ROLES:
            problems.append(f"{where}: unknown roles {sorted(unknown)}")
        if unknown := e.levels - LEVELS:
            problems.append(f"{where}: unknown levels {sorted(unknown)}")
        for rel in e.related:
            if rel not in ids:
                problems.append(f"{where}: related entry {rel!r} does not exist")
    return problems
