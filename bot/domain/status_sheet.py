"""Status spreadsheets: one row per person (keyed by phone), one column per task.

The Sở holds such lists exported from LMS and TEMIS; importing them sets many people's states
at once. Like the roster, a file with any bad row changes nothing, and every bad row is
reported. An empty cell leaves that task as it is (docs/domain.md, "Tệp trạng thái").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.campaign import Campaign, Task
from bot.domain.errors import InvalidValue
from bot.domain.phones import normalise_phone
from bot.domain.roster import COLUMNS, RowError, uncalculated_cells
from bot.domain.tasks import Module1State, TaskState, parse_value
from bot.i18n import N_
from bot.textnorm import header_key, nfc

_PHONE_KEYS = {header_key(alias) for alias in COLUMNS["phone"]}


@dataclass(frozen=True, slots=True)
class StatusRow:
    row: int
    phone: str
    states: dict[Task, TaskState]
    marks: dict[Task, dict[str, bool]]  # criterion columns: task → criterion code → đạt


@dataclass(frozen=True, slots=True)
class ParsedStatus:
    rows: list[StatusRow]
    errors: list[RowError]
    tasks: list[Task]


Column = tuple[Task, str | None]  # a task, or one criterion of it


def looks_like_status_sheet(rows: Sequence[tuple[int, Sequence[object]]],
                            campaign: Campaign) -> bool:
    """A phone column and at least one task column, and no "Chức vụ" (that is a roster)."""
    return _find_header(rows, campaign) is not None


def _find_header(rows: Sequence[tuple[int, Sequence[object]]], campaign: Campaign,
                 ) -> tuple[int, int, dict[Column, int]] | None:
    role_keys = {header_key(a) for a in COLUMNS["role"]}
    known = campaign.columns()
    for position, (_, cells) in enumerate(rows[:10]):
        keys = [header_key(nfc(str(c))) if c is not None else "" for c in cells]
        if any(k in role_keys for k in keys):
            return None
        phone_col = next((i for i, k in enumerate(keys) if k in _PHONE_KEYS), None)
        tasks: dict[Column, int] = {}
        for i, key in enumerate(keys):
            column = known.get(key)
            if column is not None and column not in tasks:
                tasks[column] = i
        if phone_col is not None and tasks:
            return position, phone_col, tasks
    return None


def parse_status(rows: Sequence[tuple[int, Sequence[object]]],
                 campaign: Campaign) -> ParsedStatus:
    """The rows of a status sheet whose task columns are the running campaign's headers."""
    located = _find_header(rows, campaign)
    if located is None:
        return ParsedStatus([], [RowError(0, N_(
            "The file needs a column Số điện thoại and at least one task column ({headers})."),
            {"headers": ", ".join(t.header for t in campaign.tasks)})], [])
    position, phone_col, task_cols = located
    parsed: list[StatusRow] = []
    errors: list[RowError] = []
    first_row_of_phone: dict[str, int] = {}
    for row_number, cells in rows[position + 1:]:
        def cell(i: int, cells: Sequence[object] = cells) -> object:
            return cells[i] if i < len(cells) else None

        if all(cell(i) in (None, "") for i in [phone_col, *task_cols.values()]):
            continue
        formulas = uncalculated_cells(row_number, [cell(i) for i in [phone_col,
                                                                    *task_cols.values()]])
        if formulas:
            errors += formulas
            continue
        phone = normalise_phone(cell(phone_col))
        if phone is None:
            errors.append(RowError(row_number, N_("phone number is not valid")))
            continue
        if phone in first_row_of_phone:
            errors.append(RowError(row_number, N_("phone number also on row {other}"),
                                   {"other": first_row_of_phone[phone]}))
            continue
        first_row_of_phone[phone] = row_number
        states: dict[Task, TaskState] = {}
        marks: dict[Task, dict[str, bool]] = {}
        for (task, criterion), column in task_cols.items():
            value = cell(column)
            text = nfc(str(value)) if value is not None else None
            try:
                if criterion is None:
                    state = parse_value(task, text)
                    if state is not None:
                        states[task] = state
                elif (passed := _criterion_value(text)) is not None:
                    marks.setdefault(task, {})[criterion] = passed
            except InvalidValue as exc:
                errors.append(RowError(row_number, exc.message, exc.params))
        parsed.append(StatusRow(row_number, phone, states, marks))
    return ParsedStatus(parsed, errors, list(dict.fromkeys(t for t, _c in task_cols)))


_PASS_KEYS = {header_key(a): True for a in ("đạt",)} | {
    header_key(a): False for a in ("chưa đạt", "không đạt", "chưa")}


def _criterion_value(text: str | None) -> bool | None:
    """A criterion cell: đạt, chưa đạt, or empty (left unchanged)."""
    key = header_key(text or "")
    if not key:
        return None
    if key not in _PASS_KEYS:
        raise InvalidValue(N_("“{value}” is not a value of a criterion. Use one of: {allowed}."),
                           {"value": (text or "").strip(), "allowed": " / ".join(
                               (Module1State.PASSED.label, Module1State.NOT_PASSED.label))})
    return _PASS_KEYS[key]
