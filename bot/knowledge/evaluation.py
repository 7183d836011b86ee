"""Scores the engine on a question set, exactly as ``shared/eval/README.md`` describes.

Each item is answered by the engine, rendered in Vietnamese as the bot would send it, and
checked: every ``must`` group needs one alternative as a substring of the normalised answer,
no ``must_not`` alternative may appear, and the answer is at most 1,500 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.i18n import N_
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.render import about_lms, plain_text, render_answer

Gettext = Callable[[str], str]
Groups = tuple[tuple[str, ...], ...]

MAX_ANSWER_CHARS = 1500
HONEST_NO = (
    "khong tim thay",
    "chua co thong tin",
    "khong co thong tin",
    "chua tim thay",
    "khong ro",
    "hotline",
    "18008000",
    "chuyen cau hoi",
    "lien he",
)
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


Problem = tuple[str, dict[str, str]]  # a message id (marked with N_) and its fields


@dataclass(frozen=True, slots=True)
class EvalItem:
    id: str
    q: str
    role: str | None  # "any" in the file becomes None: the engine gets no role
    kind: str
    must: Groups
    must_not: Groups = ()
    source: str = ""
    style: str = ""


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: EvalItem
    passed: bool
    answer_kind: str
    entry_id: str | None
    confidence: float
    text: str  # the normalised answer that was scored
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class EvalReport:
    results: tuple[ItemResult, ...]

    @property
    def accuracy(self) -> float:
        return _rate(self.results)

    def by(self, attribute: str) -> dict[str, tuple[int, int]]:
        """(passed, total) per value of an item attribute such as "kind" or "style"."""
        groups: dict[str, list[ItemResult]] = defaultdict(list)
        for r in self.results:
            groups[str(getattr(r.item, attribute))].append(r)
        return {k: (sum(r.passed for r in v), len(v)) for k, v in sorted(groups.items())}

    @property
    def misses(self) -> tuple[ItemResult, ...]:
        return tuple(r for r in self.results if not r.passed)


def _rate(results: Iterable[ItemResult]) -> float:
    results = list(results)
    return sum(r.passed for r in results) / len(results) if results else 0.0


def normalise(text: str) -> str:
    """The README's normalisation: strip tags, NFC, lowercase, đ→d, no marks, one space."""
    text = unicodedata.normalize("NFC", _TAGS.sub("", text)).lower().replace("đ", "d")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def _groups(raw: Any) -> Groups:
    if not raw:
        return ()
    return tuple(tuple(str(alt) for alt in group) for group in raw)


def load_items(path: Path | str) -> list[EvalItem]:
    """A question set in the README's YAML format."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    items = []
    for r in raw:
        role = r.get("role")
        kind = str(r.get("kind", ""))
        must = _groups(r.get("must"))
        if kind == "out_of_scope" and not must:
            must = (HONEST_NO,)
        items.append(
            EvalItem(
                id=str(r["id"]),
                q=str(r["q"]),
                role=None if role in (None, "any") else str(role),
                kind=kind,
                must=must,
                must_not=_groups(r.get("must_not")),
                source=str(r.get("source", "")),
                style=str(r.get("style", "")),
            )
        )
    return items


def score(item: EvalItem, answer_html: str) -> tuple[bool, tuple[Problem, ...], str]:
    """Whether a rendered answer passes an item, the reasons it does not (translated when the
    report is printed), the scored text."""
    text = normalise(answer_html)
    problems: list[Problem] = [(N_("missing {facts}"), {"facts": str(list(g))})
                               for g in item.must if not any(a in text for a in g)]
    problems += [(N_("contains {fact}"), {"fact": repr(a)})
                 for g in item.must_not for a in g if a in text]
    if len(text) > MAX_ANSWER_CHARS:
        problems.append((N_("{n} characters"), {"n": str(len(text))}))
    return not problems, tuple(problems), text


def vietnamese_gettext() -> Gettext:
    from bot.i18n import translator

    return translator("vi").gettext


def run_eval(
    path: Path | str,
    engine: AnsweringEngine,
    gettext: Gettext | None = None,
    province: str | None = None,
    render: Callable[[Answer, str], str] | None = None,
) -> EvalReport:
    """Answer and score every item of a question set (rendered in Vietnamese by default),
    asked as people of ``province`` ask it: a deployment's own province, so that a Sở can
    measure what its teachers get. ``render`` turns an answer to a question into the message
    the bot sends (the CLI passes the bot's own); by default the engine's rendering, with the
    LMS hotline offered only for a question about the LMS, as the bot does."""
    chosen = gettext or vietnamese_gettext()
    show = render or (lambda answer, question: render_answer(answer, chosen,
                                                             lms=about_lms(question)))
    results = []
    for item in load_items(path):
        answer = engine.answer(item.q, role=item.role, province=province)
        passed, problems, text = score(item, show(answer, item.q))
        results.append(
            ItemResult(
                item,
                passed,
                answer.kind,
                answer.entry.id if answer.entry else None,
                answer.confidence,
                text,
                problems,
            )
        )
    return EvalReport(tuple(results))


def _line(label: str, counts: tuple[int, int]) -> str:
    passed, total = counts
    return f"  {label:<14} {passed:>3}/{total:<3} {passed / total:6.1%}"


def format_report(report: EvalReport, gettext: Gettext) -> str:
    """Accuracy overall, by kind and by style, then every miss with what was answered."""
    _ = gettext
    total = len(report.results)
    passed = total - len(report.misses)
    out = [_("Accuracy: {passed}/{total} = {share}").format(
        passed=passed, total=total, share=f"{report.accuracy:.1%}"), _("By kind:")]
    out += [_line(k, v) for k, v in report.by("kind").items()]
    out.append(_("By style:"))
    out += [_line(k, v) for k, v in report.by("style").items()]
    out.append(_("Misses ({count}):").format(count=len(report.misses)))
    for r in report.misses:
        out.append(f"- {r.item.id} [{r.item.kind}/{r.item.style}] {r.item.q}")
        out.append("    " + _("expected: {facts}").format(facts=[list(g) for g in r.item.must]))
        problems = "; ".join(_(message).format(**fields) for message, fields in r.problems)
        out.append("    " + _("answered: {kind} entry={entry} confidence={confidence}; "
                              "{problems}").format(kind=r.answer_kind, entry=r.entry_id,
                                                   confidence=f"{r.confidence:.2f}",
                                                   problems=problems))
        out.append("    " + _("text: {text}").format(text=r.text[:160]))
    return "\n".join(out)


def answer_as_json(
    engine: AnsweringEngine,
    question: str,
    gettext: Gettext,
    *,
    role: str | None = None,
    level: str | None = None,
    province: str | None = None,
) -> dict[str, Any]:
    """One answer as a JSON-ready dict, for ``troly ask --jsonl`` and scripted checks."""
    answer = engine.answer(question, role=role, level=level, province=province)
    return {
        "question": question,
        "kind": answer.kind,
        "answer": plain_text(render_answer(answer, gettext)),
        "entry_id": answer.entry.id if answer.entry else None,
        "confidence": round(answer.confidence, 4),
        "candidates": [c.id for c in answer.candidates],
    }
