"""Status spreadsheets: one row per person (keyed by phone), one column per task.

The Sở holds such lists exported from LMS and TEMIS; importing them sets many people's states
at once. Like the roster, a file with any bad row changes nothing, and every bad row is
reported. An empty cell leaves that task as it is (DOMAIN.md, "Task vocabulary").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.errors import InvalidValue
from bot.domain.phones import normalise_phone
from bot.domain.roster import COLUMNS, RowError, uncalculated_cells
from bot.domain.tasks import TaskCode, TaskState, parse_value, task_for_header
from bot.i18n import N_
from bot.textnorm import header_key, nfc

_PHONE_KEYS = {header_key(alias) for alias in COLUMNS["phone"]}


@dataclass(frozen=True, slots=True)
class StatusRow:
    row: int
    phone: str
    states: dict[TaskCode, TaskState]


@dataclass(frozen=True, slots=True)
class ParsedStatus:
    rows: list[StatusRow]
    errors: list[RowError]
    tasks: list[TaskCode]


def looks_like_status_sheet(rows: Sequence[tuple[int, Sequence[object]]]) -> bool:
    """A phone column and at least one task column, and no "Chức vụ" (that is a roster)."""
    return _find_header(rows) is not None


def _find_header(rows: Sequence[tuple[int, Sequence[object]]],
                 ) -> tuple[int, int, dict[TaskCode, int]] | None:
    role_keys = {header_key(a) for a in COLUMNS["role"]}
    for position, (_, cells) in enumerate(rows[:10]):
        keys = [header_key(nfc(str(c))) if c is not None else "" for c in cells]
        if any(k in role_keys for k in keys):
            return None
        phone_col = next((i for i, k in enumerate(keys) if k in _PHONE_KEYS), None)
        tasks = {}
        for i, cell in enumerate(cells):
            task = task_for_header(nfc(str(cell))) if cell is not None else None
            if task is not None and task not in tasks:
                tasks[task] = i
        if phone_col is not None and tasks:
            return position, phone_col, tasks
    return None


def parse_status(rows: Sequence[tuple[int, Sequence[object]]]) -> ParsedStatus:
    located = _find_header(rows)
    if located is None:
        return ParsedStatus([], [RowError(0, N_(
            "The file needs a column Số điện thoại and at least one task column (Mô đun 1, "
            "TEMIS tự đánh giá, KH MĐ2 … BC MĐ5)."))], [])
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
        states: dict[TaskCode, TaskState] = {}
        for task, column in task_cols.items():
            value = cell(column)
            try:
                state = parse_value(task, nfc(str(value)) if value is not None else None)
            except InvalidValue as exc:
                errors.append(RowError(row_number, exc.message, exc.params))
                continue
            if state is not None:
                states[task] = state
        parsed.append(StatusRow(row_number, phone, states))
    return ParsedStatus(parsed, errors, list(task_cols))
