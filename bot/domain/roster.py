"""The school roster: which columns it has, and how each row becomes a person.

A roster import is all-or-nothing, so parsing collects *every* bad row with its reason before
anything is written; the caller shows them all at once and the database stays as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.domain.cells import UncalculatedFormula
from bot.domain.people import Level, Role
from bot.domain.phones import normalise_phone
from bot.domain.sample_rows import is_sample_phone
from bot.i18n import N_
from bot.textnorm import header_key, nfc

# Column → accepted header spellings (compared by header_key: no case, diacritics or spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "full_name": ("Họ và tên", "Họ tên", "Họ và tên giáo viên"),
    "birth_date": ("Ngày sinh", "Ngày tháng năm sinh"),
    "phone": ("Số điện thoại", "Điện thoại", "SĐT", "SĐT di động"),
    "role": ("Chức vụ",),
    "level": ("Cấp học", "Cấp"),
    "school": ("Trường", "Tên trường", "Đơn vị"),
    "district": ("Quận/Huyện", "Xã/Phường", "Quận huyện", "Xã phường", "Huyện", "Phòng GD&ĐT"),
    "core": ("Cốt cán",),
}
REQUIRED_COLUMNS = ("full_name", "phone", "role")
TEMPLATE_HEADERS = ("Họ và tên", "Ngày sinh", "Số điện thoại", "Chức vụ", "Cấp học", "Trường",
                    "Quận/Huyện", "Cốt cán")

ROLE_NAMES: dict[str, Role] = {
    "giaovien": Role.TEACHER, "gv": Role.TEACHER,
    "hieutruong": Role.PRINCIPAL, "ht": Role.PRINCIPAL,
    "giamdoc": Role.PRINCIPAL, "giamdoctrungtam": Role.PRINCIPAL,  # head of a GDTX centre
    "phohieutruong": Role.VICE_PRINCIPAL, "pht": Role.VICE_PRINCIPAL,
    "phogiamdoc": Role.VICE_PRINCIPAL,
    "chuyenvienphong": Role.PHONG_STAFF, "cvphong": Role.PHONG_STAFF,
    "chuyenvienphonggddt": Role.PHONG_STAFF,
    "chuyenviens": Role.SO_STAFF, "chuyenvienso": Role.SO_STAFF, "cvso": Role.SO_STAFF,
    "chuyenviensogddt": Role.SO_STAFF,
}
LEVEL_NAMES: dict[str, Level] = {
    "th": Level.TH, "tieuhoc": Level.TH,
    "thcs": Level.THCS, "trunghoccoso": Level.THCS,
    "thpt": Level.THPT, "trunghocphothong": Level.THPT,
    "gdtx": Level.GDTX, "giaoducthuongxuyen": Level.GDTX,
}
YES = {"x", "co", "1", "yes", "true", "cotcan", "v"}
NO = {"", "0", "khong", "no", "false", "-"}


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # 1-based, as the spreadsheet shows it; 0 for the whole file
    message: str  # an English gettext msgid with {placeholders}
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    row: int
    full_name: str
    phone: str
    role: Role
    level: Level | None
    school: str | None
    district: str | None
    is_core: bool
    birth_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ParsedRoster:
    entries: list[RosterEntry]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.entries)


def uncalculated_cells(row: int, values: Iterable[object]) -> list[RowError]:
    """Formulas Excel never calculated: their value is unknown, so the row cannot be read."""
    cells = [v.cell for v in values if isinstance(v, UncalculatedFormula)]
    if not cells:
        return []
    return [RowError(row, N_("cell {cells} holds a formula that was never calculated: open the "
                             "file in Excel, save it, and send it again"),
                     {"cells": ", ".join(cells)})]


EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (with Excel's 1900 leap bug)


def _excel_serial_date(value: object) -> dt.date | None:
    """An Excel date stored as its serial number (a cell without a date format, or a CSV).
    Only five-digit serials (1927–2064) are dates of birth; "1985" alone is not a date."""
    if isinstance(value, bool):
        return None
    text = _clean(value)
    if isinstance(value, int | float) or text.isdigit():
        serial = float(value) if isinstance(value, int | float) else int(text)
        if 10_000 <= serial <= 60_000 and float(serial).is_integer():  # 1927 … 2064
            return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    return None


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", nfc(str(value))).strip()


def match_columns(header: Sequence[object]) -> dict[str, int]:
    """Column name → index for the headers this row contains."""
    keys = {header_key(alias): name for name, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = keys.get(header_key(_clean(cell)))
        if name and name not in found:
            found[name] = index
    return found


def find_header(rows: Sequence[tuple[int, Sequence[object]]]) -> tuple[int, dict[str, int]] | None:
    """The header row among the first ten (rosters often carry a title above it)."""
    for position, (_, cells) in enumerate(rows[:10]):
        columns = match_columns(cells)
        if all(c in columns for c in REQUIRED_COLUMNS):
            return position, columns
    return None


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    serial = _excel_serial_date(value)
    if serial is not None:
        return serial
    text = _clean(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_roster(rows: Iterable[tuple[int, Sequence[object]]]) -> ParsedRoster:
    """Rows are (spreadsheet row number, cells). Empty rows are skipped, every bad one reported."""
    all_rows = list(rows)
    located = find_header(all_rows)
    if located is None:
        return ParsedRoster([], [RowError(0, N_(
            "The file has no header row with the columns Họ và tên, Số điện thoại and Chức vụ. "
            "Please use the template (/mau)."))])
    position, columns = located
    entries: list[RosterEntry] = []
    errors: list[RowError] = []
    first_row_of_phone: dict[str, int] = {}
    for row_number, cells in all_rows[position + 1:]:
        values = {name: (cells[i] if i < len(cells) else None) for name, i in columns.items()}
        if all(_clean(v) == "" for v in values.values()):
            continue
        entry, row_errors = _parse_row(row_number, values)
        errors.extend(row_errors)
        if entry is None:
            continue
        if entry.phone in first_row_of_phone:
            errors.append(RowError(row_number, N_("phone number also on row {other}"),
                                   {"other": first_row_of_phone[entry.phone]}))
            continue
        first_row_of_phone[entry.phone] = row_number
        entries.append(entry)
    if not entries and not errors:
        errors.append(RowError(0, N_("The file has a header but no people in it.")))
    return ParsedRoster(entries, errors)


def _parse_row(row: int, values: dict[str, object]) -> tuple[RosterEntry | None, list[RowError]]:
    errors: list[RowError] = uncalculated_cells(row, values.values())
    if errors:
        return None, errors
    name = _clean(values.get("full_name"))
    if not name:
        errors.append(RowError(row, N_("missing full name")))
    raw_phone = values.get("phone")
    if is_sample_phone(raw_phone):
        return None, [RowError(row, N_("sample row of the template (phone {phone}): delete it, "
                                       "or write a real person over it"),
                               {"phone": _clean(raw_phone)})]
    phone = normalise_phone(raw_phone)
    if phone is None:
        errors.append(RowError(row, N_("missing phone number") if _clean(raw_phone) == ""
                               else N_("phone number is not valid")))
    role = ROLE_NAMES.get(header_key(_clean(values.get("role"))))
    if role is None:
        errors.append(RowError(row, N_("unknown role \"{value}\""),
                               {"value": _clean(values.get("role"))[:40]}))
    level_text = _clean(values.get("level"))
    level = LEVEL_NAMES.get(header_key(level_text)) if level_text else None
    if level_text and level is None:
        errors.append(RowError(row, N_("unknown level \"{value}\""), {"value": level_text[:40]}))
    school = _clean(values.get("school")) or None
    district = _clean(values.get("district")) or None
    core_text = header_key(_clean(values.get("core")))
    if core_text not in YES and core_text not in NO:
        errors.append(RowError(row, N_("\"Cốt cán\" must be x, có or 1, or empty")))
    birth: dt.date | None = None
    if _clean(values.get("birth_date")):
        try:
            birth = parse_date(values.get("birth_date"))
        except ValueError:
            errors.append(RowError(row, N_("date of birth is not a date (dd/mm/yyyy)")))
    if role is not None:
        if role.is_school_staff:
            if level is None and not level_text:
                errors.append(RowError(row, N_("missing level for school staff")))
            if school is None:
                errors.append(RowError(row, N_("missing school for school staff")))
            if level is not None and level.managed_by_phong and district is None:
                errors.append(RowError(row, N_("missing district/commune for a TH or THCS school")))
        elif role is Role.PHONG_STAFF and district is None:
            errors.append(RowError(row, N_("missing district/commune for Phòng staff")))
    if errors:
        return None, errors
    assert phone is not None and role is not None
    if not role.is_school_staff:
        school = None
    if role is Role.SO_STAFF or (level is not None and not level.managed_by_phong
                                 and role.is_school_staff):
        district = None
    return RosterEntry(row, name, phone, role, level, school, district,
                       core_text in YES, birth), []
