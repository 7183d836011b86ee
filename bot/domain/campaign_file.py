"""Reading a campaign file (YAML, docs/campaign.md) into a ``Campaign``, or every error and line.

A Sở officer writes this file; a mistake must point at the line to fix, and a file with any
mistake is refused whole, so the running campaign never changes halfway.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.domain.campaign import (
    CODE,
    SCHOOL_ROLES,
    Campaign,
    Criterion,
    DeadlineSpec,
    Letter,
    Prerequisites,
    Reminds,
    Requirement,
    Task,
    TaskKind,
)
from bot.domain.people import Level, Role
from bot.domain.routing import RULE_TABLES
from bot.i18n import N_
from bot.textnorm import header_key, nfc

DEFAULT_OFFSETS = (14, 7, 3, 1, 0)
_CAMPAIGN_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
ROLE_WORDS: dict[str, tuple[Role, ...]] = {
    "gv": (Role.TEACHER,), "ht": (Role.PRINCIPAL,), "pht": (Role.VICE_PRINCIPAL,),
    "cbql": (Role.PRINCIPAL, Role.VICE_PRINCIPAL),
}
_REVIEW_GROUPS = ("plan", "report")


@dataclass(frozen=True, slots=True)
class CampaignError:
    """A mistake in the file: the line (1-based, 0 when the file as a whole) and why."""

    line: int
    message: str  # an English gettext msgid
    params: dict[str, object] = field(default_factory=dict)


class _Map(dict[str, Any]):
    """A YAML mapping that remembers its line and the line of each key."""

    line = 0
    key_lines: dict[str, int]

    def at(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _List(list[Any]):
    line = 0
    item_lines: list[int]


MAX_DEPTH = 32  # a campaign file nests about six levels; PyYAML recurses once per level


class _TooDeep(yaml.YAMLError):
    def __init__(self, line: int) -> None:
        super().__init__("too deep")
        self.line = line


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps lines, and stops at :data:`MAX_DEPTH` levels: PyYAML composes and
    constructs recursively, so 100,000 nested levels ended in RecursionError."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    mapping = _Map()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_list(loader: _Loader, node: yaml.SequenceNode) -> _List:
    items = _List(loader.construct_object(n, deep=True) for n in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [n.start_mark.line + 1 for n in node.value]
    return items


def _construct_str(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)
# Dates and numbers stay text: "28/02" and "2022" mean what the officer typed.
for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
    _Loader.add_constructor(_tag, _construct_str)


class _Reader:
    """Collects errors while reading, so that one pass reports every mistake."""

    def __init__(self) -> None:
        self.errors: list[CampaignError] = []

    def error(self, line: int, message: str, **params: object) -> None:
        self.errors.append(CampaignError(line, message, params))

    def text(self, node: _Map, key: str, *, required: bool = True, default: str = "") -> str:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(node.line, N_("“{key}” is missing."), key=key)
            return default
        if not isinstance(value, str):
            self.error(node.at(key), N_("“{key}” must be text."), key=key)
            return default
        return nfc(value).strip()

    def items(self, node: _Map, key: str) -> list[tuple[int, Any]]:
        value = node.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [(node.at(key), value)]
        if not isinstance(value, _List):
            self.error(node.at(key), N_("“{key}” must be a list."), key=key)
            return []
        return list(zip(value.item_lines, value, strict=True))

    def mapping(self, line: int, value: Any, what: str) -> _Map | None:
        if not isinstance(value, _Map):
            self.error(line, N_("Each item of “{what}” must be a mapping (key: value)."),
                       what=what)
            return None
        return value


def parse_campaign(text: str) -> tuple[Campaign | None, list[CampaignError]]:
    """The campaign of ``text``, or None with every error found, in line order."""
    try:
        root = yaml.load(text, Loader=_Loader)
    except _TooDeep as exc:
        return None, [CampaignError(exc.line, N_("The file nests more than {limit} levels deep; "
                                                 "a campaign file needs far fewer (see "
                                                 "docs/campaign.md)."), {"limit": MAX_DEPTH})]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [CampaignError(mark.line + 1 if mark else 0,
                                    N_("This is not valid YAML: {problem}."),
                                    {"problem": getattr(exc, "problem", None) or str(exc)})]
    r = _Reader()
    if not isinstance(root, _Map):
        return None, [CampaignError(0, N_("The file must be a campaign: key, name, tasks…"))]
    key = r.text(root, "campaign")
    if key and not _CAMPAIGN_KEY.match(key):
        r.error(root.at("campaign"), N_("“{value}” must be short lowercase ASCII."), value=key)
    name = r.text(root, "name")
    province = r.text(root, "province")
    letters = _letters(r, root)
    letter_keys = {lt.key for lt in letters}
    tasks = _tasks(r, root, letter_keys)
    codes = {t.code for t in tasks}
    routing = _routing(r, root, tasks)
    prerequisites = _prerequisites(r, root, codes, letter_keys)
    deadlines = _deadlines(r, root, codes, letter_keys)
    if r.errors:
        return None, sorted(r.errors, key=lambda e: e.line)
    return Campaign(key, name, province, routing, tuple(letters), tuple(tasks), prerequisites,
                    tuple(deadlines), text), []


def _source(r: _Reader, node: _Map, letter_keys: set[str]) -> str:
    """"letter: key" (a letter of the file) and "where" (its section): "004, mục IV.2"."""
    value = node.get("source")
    if value is None:
        r.error(node.line, N_("“{key}” is missing."), key="source")
        return ""
    src = r.mapping(node.at("source"), value, "source")
    if src is None:
        return ""
    letter = r.text(src, "letter")
    if letter and letter not in letter_keys:
        r.error(src.at("letter"), N_("“{value}” is not a letter of this file."), value=letter)
    where = r.text(src, "where", required=False)
    return f"{letter}: {where}" if where else letter


def _letters(r: _Reader, root: _Map) -> list[Letter]:
    letters = []
    for line, raw in r.items(root, "letters"):
        node = r.mapping(line, raw, "letters")
        if node is None:
            continue
        letters.append(Letter(r.text(node, "key"), r.text(node, "issuer"), r.text(node, "date"),
                              r.text(node, "number", required=False) or None,
                              r.text(node, "title", required=False)))
    if root.get("letters") is None:  # "letters: []" is an empty campaign's
        r.error(root.line, N_("“{key}” is missing."), key="letters")
    return letters


def _roles(r: _Reader, node: _Map) -> frozenset[Role]:
    roles: set[Role] = set()
    for line, word in r.items(node, "roles"):
        found = ROLE_WORDS.get(str(word).strip().lower())
        if found is None:
            r.error(line, N_("Unknown role “{value}”: use gv, ht, pht or cbql."), value=word)
        else:
            roles.update(found)
    return frozenset(roles) if roles else frozenset(SCHOOL_ROLES)


def _levels(r: _Reader, node: _Map) -> frozenset[Level]:
    levels: set[Level] = set()
    for line, word in r.items(node, "levels"):
        try:
            levels.add(Level(str(word).strip().upper()))
        except ValueError:
            r.error(line, N_("Unknown level “{value}”: use TH, THCS, THPT or GDTX."), value=word)
    return frozenset(levels)


def _code(r: _Reader, node: _Map, seen: dict[str, int], field_name: str = "code") -> str:
    code = r.text(node, field_name)
    where = node.at(field_name)
    if code and not CODE.match(code):
        r.error(where, N_("Code “{value}” must be 1–12 lowercase letters, digits or _, "
                          "starting with a letter."), value=code)
    elif code in seen:
        r.error(where, N_("Code “{value}” is also on line {other}."), value=code,
                other=seen[code])
    elif code:
        seen[code] = where
    return code


def _tasks(r: _Reader, root: _Map, letter_keys: set[str]) -> list[Task]:
    tasks: list[Task] = []
    codes: dict[str, int] = {}
    headers: dict[str, int] = {}
    listed = r.items(root, "tasks")
    if root.get("tasks") is None:  # "tasks: []": a province with no campaign yet
        r.error(root.line, N_("“{key}” is missing."), key="tasks")
    for line, raw in listed:
        node = r.mapping(line, raw, "tasks")
        if node is None:
            continue
        code = _code(r, node, codes)
        header = r.text(node, "header")
        for text, where in ((header, node.at("header")),
                            *((c.get("header", ""), c.line) for _l, c in
                              r.items(node, "criteria") if isinstance(c, _Map))):
            folded = header_key(str(text))
            if not folded:
                continue
            if folded in headers:
                r.error(where, N_("Header “{value}” is also on line {other}."), value=text,
                        other=headers[folded])
            else:
                headers[folded] = where
        label = r.text(node, "label")
        kind_text = r.text(node, "kind")
        try:
            kind = TaskKind(kind_text)
        except ValueError:
            if kind_text:
                r.error(node.at("kind"), N_("Unknown kind “{value}”: use pass, done, criteria or "
                                            "review."), value=kind_text)
            kind = TaskKind.DONE
        who = node.get("who")
        who_map = r.mapping(node.at("who"), who, "who") if who is not None else _Map()
        roles = _roles(r, who_map) if who_map is not None else frozenset(SCHOOL_ROLES)
        levels = _levels(r, who_map) if who_map is not None else frozenset()
        core_only = bool(who_map and str(who_map.get("core", "")).lower() in ("only", "true"))
        criteria = _criteria(r, node, kind)
        group = ""
        if kind is TaskKind.REVIEW:
            core_only = True
            approver = node.get("approver")
            if approver is None:
                r.error(node.line, N_("Review task “{code}” has no approver: add “approver: "
                                      "default” (principal, Phòng or Sở by level) or "
                                      "“approver: kien_giang” (Phòng for TH and THCS)."),
                        code=code)
            elif str(approver) not in RULE_TABLES:
                r.error(node.at("approver"), N_("Unknown approver table “{value}”: use {known}."),
                        value=approver, known=", ".join(sorted(RULE_TABLES)))
            group = r.text(node, "group", required=False) or "plan"
            if group not in _REVIEW_GROUPS:
                r.error(node.at("group"), N_("Group must be plan or report."))
        tasks.append(Task(
            code=code, header=header, label=label,
            label_en=r.text(node, "label_en", required=False), kind=kind, roles=roles,
            levels=levels, core_only=core_only, criteria=criteria,
            not_rolled_out=bool(node.get("not_rolled_out")) and kind is TaskKind.REVIEW,
            group=group, source=_source(r, node, letter_keys), reasons=_reasons(r, node)))
    return tasks


def _reasons(r: _Reader, node: _Map) -> tuple[str, str]:
    raw = node.get("reasons")
    if raw is None:
        return "", ""
    reasons = r.mapping(node.at("reasons"), raw, "reasons")
    if reasons is None:
        return "", ""
    return (r.text(reasons, "not_done", required=False),
            r.text(reasons, "not_recorded", required=False))


def _criteria(r: _Reader, node: _Map, kind: TaskKind) -> tuple[Criterion, ...]:
    listed = r.items(node, "criteria")
    if kind is not TaskKind.CRITERIA:
        if listed:
            r.error(node.at("criteria"), N_("Only a task of kind criteria has criteria."))
        return ()
    if len(listed) < 2:
        r.error(node.line, N_("A task of kind criteria needs at least two criteria."))
    out: list[Criterion] = []
    seen: dict[str, int] = {}
    for line, raw in listed:
        crit = r.mapping(line, raw, "criteria")
        if crit is not None:
            out.append(Criterion(_code(r, crit, seen), r.text(crit, "label"),
                                 r.text(crit, "label_en", required=False),
                                 r.text(crit, "header", required=False)))
    return tuple(out)


def _routing(r: _Reader, root: _Map, tasks: list[Task]) -> str:
    """The one routing table of the campaign's review tasks (default: letter 001's)."""
    tables = set()
    for line, raw in r.items(root, "tasks"):
        if isinstance(raw, _Map) and raw.get("kind") == "review" and raw.get("approver"):
            tables.add((str(raw["approver"]), line))
    names = {name for name, _line in tables}
    if len(names) > 1:
        r.error(max(line for _n, line in tables),
                N_("All review tasks of a campaign must use the same approver table."))
    return next(iter(names)) if names else "default"


def _requirement(r: _Reader, node: _Map, codes: set[str]) -> Requirement:
    task = r.text(node, "task", required=False) or None
    core = [(line, str(c)) for line, c in r.items(node, "school_core")]
    if task is None and not core:
        r.error(node.line, N_("A requirement names a “task” or the “school_core” tasks."))
    for line, code in ([(node.at("task"), task)] if task else []) + core:
        if code not in codes:
            r.error(line, N_("The prerequisite names “{value}”, which is not a task of this "
                             "file."), value=code)
    label = r.text(node, "label", required=task is None)
    return Requirement(key=task or r.text(node, "key"), label=label,
                       label_en=r.text(node, "label_en", required=False), task=task,
                       school_core=tuple(c for _l, c in core), roles=_roles(r, node),
                       help=r.text(node, "help", required=False) or None)


def _prerequisites(r: _Reader, root: _Map, codes: set[str],
                   letter_keys: set[str]) -> Prerequisites | None:
    raw = root.get("prerequisites")
    if raw is None:
        return None
    node = r.mapping(root.at("prerequisites"), raw, "prerequisites")
    if node is None:
        return None
    requires = []
    for line, item in r.items(node, "requires"):
        req = r.mapping(line, item, "requires")
        if req is not None:
            requires.append(_requirement(r, req, codes))
    return Prerequisites(r.text(node, "gate"), r.text(node, "gate_en", required=False),
                         tuple(requires), _source(r, node, letter_keys))


def _date(r: _Reader, node: _Map) -> tuple[int, int, int | None]:
    text = r.text(node, "date")
    parts = text.replace("-", "/").replace(".", "/").split("/") if text else []
    if text and (len(parts) not in (2, 3) or not all(p.strip().isdigit() for p in parts)):
        r.error(node.at("date"), N_("Write the date as dd/mm (every year) or dd/mm/yyyy, not "
                                    "“{value}”."), value=text)
        return 1, 1, None
    if not text:
        return 1, 1, None
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else None
    try:
        dt.date(year or 2028, month, day)  # 2028: a leap year, so 29/2 is a yearly day
    except ValueError:
        r.error(node.at("date"), N_("{value} is not a date."), value=text)
        return 1, 1, None
    return day, month, year


def _offsets(r: _Reader, node: _Map) -> tuple[int, ...]:
    listed = r.items(node, "offsets")
    if not listed:
        return DEFAULT_OFFSETS
    values = []
    for line, value in listed:
        text = str(value).strip()
        if not text.isdigit() or int(text) > 60:
            r.error(line, N_("Reminder days must be between 0 and 60."))
        else:
            values.append(int(text))
    return tuple(sorted(set(values), reverse=True))


def _deadlines(r: _Reader, root: _Map, codes: set[str],
               letter_keys: set[str]) -> list[DeadlineSpec]:
    out: list[DeadlineSpec] = []
    keys: dict[str, int] = {}
    review_codes = {str(raw.get("code")) for _l, raw in r.items(root, "tasks")
                    if isinstance(raw, _Map) and raw.get("kind") == "review"}
    for line, raw in r.items(root, "deadlines"):
        node = r.mapping(line, raw, "deadlines")
        if node is None:
            continue
        key = _code(r, node, keys, field_name="key")
        day, month, year = _date(r, node)
        tasks = []
        for tline, code in r.items(node, "tasks"):
            if str(code) not in codes:
                r.error(tline, N_("The deadline names “{value}”, which is not a task of this "
                                  "file."), value=code)
            else:
                tasks.append(str(code))
        if not tasks:
            r.error(node.line, N_("A deadline needs the “tasks” it closes."))
        reminds_default = "core" if tasks and set(tasks) <= review_codes else "staff"
        reminds_text = r.text(node, "reminds", required=False) or reminds_default
        try:
            reminds = Reminds(reminds_text)
        except ValueError:
            r.error(node.at("reminds"), N_("“reminds” must be core or staff."))
            reminds = Reminds.STAFF
        out.append(DeadlineSpec(key, r.text(node, "title"), day, month, year, tuple(tasks),
                                reminds, _offsets(r, node), _source(r, node, letter_keys)))
    return out


Translate = Callable[[str], str]


def error_lines(errors: list[CampaignError], gettext: Translate) -> list[str]:
    """"line 12: …" for each error, in the reader's language."""
    out = []
    for e in errors:
        message = gettext(e.message).format(**e.params)
        out.append(gettext("line {line}: {message}").format(line=e.line, message=message)
                   if e.line else message)
    return out
