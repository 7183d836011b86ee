"""A report as the asker receives it: a text table for a phone, a PNG chart, and the Excel lists
of 000 (Phụ lục 4, Phụ lục 5).

The table and the chart speak the asker's language (``_`` takes English msgids). The workbooks
are the letter's own forms, so their titles and headers are written in Vietnamese as 000 has them.
Percentages are rounded to the nearest whole number, halves up (1/6 → 17%, 3/8 → 38%), but
never to 100% before everyone has finished, nor to 0% once somebody has.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bot.i18n import Gettext
from bot.reports.scope import Scope
from bot.reports.stats import Completion, InfoCorrection, InfoField, Report, name_sort_key
from bot.telegram_text import escape

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets may read as a formula
MAX_TABLE_ROWS = 15
MAX_BARS = 100
CHART_DPI = 100
FONT = "DejaVu Sans"  # ships with matplotlib and has every Vietnamese glyph
_NAME_WIDTH = 18

PHU_LUC_5_TITLE = ("PHỤ LỤC 5. DANH SÁCH CBQL, GV CHƯA HOÀN THÀNH MÔ ĐUN 1 VÀ CÁC NHIỆM VỤ "
                   "TRƯỚC KHI BỒI DƯỠNG MÔ ĐUN 2, 3, 4")
PHU_LUC_5_HEADERS = ("STT", "Họ và tên", "Trường", "Chức vụ", "Cấp học", "Lý do")
UNFINISHED_TITLE = "DANH SÁCH CBQL, GV CHƯA HOÀN THÀNH CÁC VIỆC CỦA ĐỢT BỒI DƯỠNG"
PHU_LUC_4_TITLE = "PHỤ LỤC 4. DANH SÁCH CBQL, GV CẦN ĐIỀU CHỈNH THÔNG TIN CÁ NHÂN TRÊN LMS"
PHU_LUC_4_HEADERS = ("STT", "Họ và tên", "Thông tin sai", "Thông tin đúng")
FIELD_NAMES = {InfoField.FULL_NAME: "Họ và tên", InfoField.BIRTH_DATE: "Ngày sinh",
               InfoField.BIRTH_PLACE: "Nơi sinh"}


def percent_shown(finished: int, people: int) -> int:
    """The whole percentage a reader sees: nearest, halves up, 100 and 0 only when exact."""
    nearest = (200 * finished + people) // (2 * people)
    return min(max(nearest, 1 if finished else 0), 100 if finished == people else 99)


def _percent(c: Completion) -> str:
    return f"{percent_shown(c.finished, c.people)}%" if c.people else "–"


def _group_texts(report: Report, _: Gettext) -> tuple[str, str]:
    """(column header, "… and N more" line) of what ``report.groups`` lists."""
    if report.scope.kind == "province":
        return _("Unit"), _("… and {n} more units")
    if report.scope.kind == "school":
        return _("Task"), ""
    return _("School"), _("… and {n} more schools")


def _group_name(c: Completion, _: Gettext) -> str:
    return c.name if c.name is not None else _("Under the Sở")


def _lowest_first(groups: Sequence[Completion]) -> list[Completion]:
    return sorted(groups, key=lambda c: (c.percent, c.name or ""))


def _pre(header: str, done: str, rows: Iterable[tuple[str, Completion]]) -> str:
    """Aligned columns inside <pre>, about 33 characters wide: a phone shows them unwrapped.
    "Trường" is dropped from school names: the column says it, the width is better spent."""
    lines = [(_shorten(name.removeprefix("Trường "), _NAME_WIDTH), f"{c.finished}/{c.people}",
              _percent(c)) for name, c in rows]
    count_width = max([len(done), *(len(line[1]) for line in lines)])
    out = [f"{header[:_NAME_WIDTH]:<{_NAME_WIDTH}} {done:>{count_width}} {'%':>4}"]
    out += [f"{n:<{_NAME_WIDTH}} {d:>{count_width}} {p:>4}" for n, d, p in lines]
    return "<pre>" + escape("\n".join(out)) + "</pre>"


def text_table(report: Report, _: Gettext) -> str:
    """Telegram HTML: totals, then by level, then the groups lowest first (at most ~15)."""
    total = report.total
    parts = [
        _("<b>Progress report: {title}</b>").format(title=escape(report.scope.title)),
        _("Finished the tasks for {gate}: <b>{finished}/{people}</b> ({percent})").format(
            gate=escape(report.gate), finished=total.finished, people=total.people,
            percent=_percent(total)),
    ]
    if not total.people:
        return "\n".join([parts[0], _("No teachers or managers are listed in this scope yet.")])
    if report.core.items:
        parts.append(_("Cốt cán plans and reports approved: {approved}/{items}").format(
            approved=report.core.approved, items=report.core.items))
    done = _("Done")
    if len(report.by_level) > 1:
        parts.append(_pre(_("Level"), done, ((_group_name(c, _), c) for c in report.by_level)))
    header, more = _group_texts(report, _)
    groups = _lowest_first(report.groups)
    # A last line "and 1 more" would take the room of the row itself.
    shown = groups if len(groups) <= MAX_TABLE_ROWS + 1 else groups[:MAX_TABLE_ROWS]
    if len(groups) > 1:
        parts.append(_("Lowest first:"))
    parts.append(_pre(header, done, ((_group_name(c, _), c) for c in shown)))
    if len(shown) < len(groups):
        parts.append(more.format(n=len(groups) - len(shown)))
    return "\n".join(parts)


def chart_png(report: Report, _: Gettext) -> bytes:
    """The chart as a small PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = chart_figure(report, _).canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()
    # A flat chart needs few colours: a palette PNG is a quarter of matplotlib's RGBA one.
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    image.convert("RGB").quantize(colors=64).save(buffer, "PNG", optimize=True,
                                                  dpi=(CHART_DPI, CHART_DPI))
    return buffer.getvalue()


def chart_figure(report: Report, _: Gettext) -> Figure:
    """A horizontal bar per group, lowest on top, on a headless Agg canvas; x from 0 to 100%."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    groups = _lowest_first(report.groups)[:MAX_BARS]
    values = [c.percent for c in groups]
    # The font is given to each text, not through the global rcParams: two reports may be
    # drawn at once in worker threads.
    figure = Figure(figsize=(8, 1.4 + 0.26 * max(len(groups), 1)), dpi=CHART_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    colours = ["#c0392b" if v < 50 else "#e67e22" if v < 80 else "#27ae60" for v in values]
    bars = axes.barh(range(len(groups)), values, color=colours, height=0.7)
    axes.bar_label(bars, labels=[f"{c.finished}/{c.people} ({_percent(c)})" for c in groups],
                   padding=3, fontfamily=FONT, fontsize=8)
    axes.set_yticks(range(len(groups)), [_shorten(_group_name(c, _), 38) for c in groups])
    axes.tick_params(labelfontfamily=FONT, labelsize=9)
    axes.set_ylim(len(groups) - 0.5, -0.5)  # lowest on top, no empty margin
    axes.set_xlim(0, 100)  # a full bar ends at 100%; its label goes into the right margin
    axes.set_xticks(range(0, 101, 20))
    axes.set_xlabel(_("% finished"), fontfamily=FONT, fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    lines = [_shorten(report.scope.title, 80),
             _("Finished the tasks for {gate}").format(gate=report.gate)]
    if len(report.groups) > len(groups):
        lines.append(_("The {shown} lowest of {total}").format(shown=len(groups),
                                                               total=len(report.groups)))
    axes.set_title("\n".join(lines), loc="left", fontfamily=FONT, fontsize=10,
                   fontweight="bold")
    figure.tight_layout()
    return figure


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _workbook_bytes(title: str, scope_title: str, headers: Sequence[str],
                    widths: Sequence[int], rows: Iterable[Sequence[object]]) -> bytes:
    """One sheet: the form's title, the unit, then a bold frozen header row and the rows.

    Written in openpyxl's streaming mode: a province's list is thousands of rows.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet("Danh sách")
    last = get_column_letter(len(headers))
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "3:3"
    sheet.merged_cells.add(f"A1:{last}1")
    sheet.merged_cells.add(f"A2:{last}2")

    def styled(value: str, **style: object) -> WriteOnlyCell:
        cell = as_text_cell(sheet, value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append([styled(title, font=Font(bold=True, size=12), alignment=centred)])
    sheet.append([styled(f"Đơn vị: {scope_title}", font=Font(italic=True),
                         alignment=Alignment(horizontal="center"))])
    sheet.append([styled(h, font=Font(bold=True), alignment=centred) for h in headers])
    for row in rows:
        sheet.append([as_text_cell(sheet, v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_text_cell(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text, whatever people typed into the roster.

    Characters XML forbids are dropped (one ``\\x07`` in a name made the whole workbook fail),
    and a value starting like a formula (``=HYPERLINK(…)``, ``+``, ``-``, ``@``) is stored as a
    string with Excel's quote prefix, so it is shown as typed and never evaluated.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=text)
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def phu_luc_5_xlsx(report: Report, title: str = PHU_LUC_5_TITLE) -> bytes:
    """Phụ lục 5 of 000 (the letter's columns): who has not finished the campaign's tasks, the
    "Lý do" naming each unfinished task as the campaign file words it. Under another ``title``,
    the same list for a campaign whose letters ask for no particular form."""
    rows = ((n, r.full_name, r.school, r.role, r.level, r.reason)
            for n, r in enumerate(report.unfinished_rows(), start=1))
    return _workbook_bytes(title, report.scope.title, PHU_LUC_5_HEADERS,
                           (6, 28, 32, 17, 9, 70), rows)


def phu_luc_4_xlsx(corrections: Iterable[InfoCorrection], scope: Scope) -> bytes:
    """Phụ lục 4 of 000: one row per person, each wrong field beside its correct value."""
    people: dict[int, list[InfoCorrection]] = {}
    for c in sorted(corrections, key=lambda c: name_sort_key(c.school, c.school_id,
                                                             c.full_name, c.person_id)):
        people.setdefault(c.person_id, []).append(c)
    rows = ((n, items[0].full_name,
             "; ".join(_info_text(c.field, c.wrong_value) for c in items),
             "; ".join(_info_text(c.field, c.correct_value) for c in items))
            for n, items in enumerate(people.values(), start=1))
    return _workbook_bytes(PHU_LUC_4_TITLE, scope.title, PHU_LUC_4_HEADERS, (6, 28, 40, 40),
                           rows)


def _info_text(field: InfoField, value: str) -> str:
    """The field named, a date written the Vietnamese way: "Ngày sinh: 12/03/1985"."""
    if field is InfoField.BIRTH_DATE:
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value.strip()).strftime("%d/%m/%Y")
    return f"{FIELD_NAMES[field]}: {value}"
