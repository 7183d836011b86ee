"""A letter's tables as sentences: each row says its values with their column headers.

A table read cell by cell ("Kiểm tra cuối khóa / Khoa học tự nhiên / 240 tiết / …") loses which
value belongs to which row and column, so "gv khtn học bao nhiêu tiết" finds nothing to quote.
Each row becomes one line, "Khoa học tự nhiên — Thời lượng: 240 tiết; Học trực tuyến:
01/3/2027 - 30/6/2027; Kiểm tra cuối khóa: 10/7/2027.", which a question about the row's subject
and the column's topic both reach.

Merged cells are read the way a person reads them: a cell merged across columns of the header
names each column under it (a second header row then gives the sub-headings: "Học trực tuyến -
Từ ngày"), and a cell merged down the rows of the body gives its value to every row it covers.
A table laid on its side (criteria down the side, one class per column) is also said column by
column, "Lớp B: giáo viên tiểu học — Thời lượng: 160 tiết; …; Học phí: 1.350.000", since a
reader asked about one class reads its column; its values tell its shape (``_transposed``).
Tables that lay out the letter itself (the header with "Số:" and the motto, the signature block)
stay lines, as the letter's metadata is read from them.

The grid is filled by the .docx reader (python-docx) and the PDF reader (pdfplumber finds ruled
tables, which PDFium's text layer cannot: it gives the cells as loose lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Any

from bot.textnorm import fold

LEFT = "\x00left"  # this cell is the one to its left, merged across
ABOVE = "\x00above"  # this cell is the one above it, merged down
Grid = list[list[str]]

_MAX_HEADER_ROWS = 3
# "Nơi nhận:" heads the recipients beside the signature; "Nơi nhận" alone heads a column of data
# (where each row's file goes), which keeps its table one of data
_LAYOUT = re.compile(r"CỘNG H[ÒO]A|Độc lập\s*[-–]|^S[ốố]\s*(?:hiệu)?\s*:|Nơi nhận\s*:|^V/v\b|"
                     r"ngày\s*\d{0,2}\s*tháng\s*\d{0,2}\s*năm",
                     re.IGNORECASE | re.MULTILINE)
# the signer's title, in capitals as a signature prints it ("KT. GIÁM ĐỐC"): a table of data
# names the approver in a sentence's case ("Giám đốc Sở", "Chủ tịch UBND xã") and stays a table
_SIGNATURE = re.compile(r"GIÁM ĐỐC|CHỦ TỊCH")
_ROW_NUMBER = re.compile(r"^(stt|tt|so tt|so thu tu)\.?$")
# a label column naming things the letter numbers and calls by their number elsewhere
# ("STT | Chuyên đề | …" and "kế hoạch tổ chức giải (chuyên đề 1, 2, 4)"), folded
_NUMBERED_UNIT = re.compile(r"^(chuyen de|lop|lop hoc|cum|nhom|mo ?-?dun|module|dot|khoa|"
                            r"khoa hoc|phan|noi dung|hoat dong|bai|hoc phan)$")
_ROW = re.compile(r"^[^\n—]{1,200} — [^\n:;—]{1,80}: \S")
ROW_JOIN = " — "  # between a row's label and its values: how ``is_row`` knows a row


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_row(line: str) -> bool:
    """A line that is a table's row as ``table_lines`` writes it: one sentence to quote."""
    return ROW_JOIN in line and _ROW.match(line) is not None


def is_layout(grid: Grid) -> bool:
    """A table that lays out the letter (header, signature), not one of data."""
    return any(_LAYOUT.search(cell) or _SIGNATURE.search(cell)
               for row in grid for cell in row if cell not in (LEFT, ABOVE))


def _resolved(grid: Grid) -> Grid:
    """Every merged slot holds its cell's text."""
    out: Grid = []
    for r, row in enumerate(grid):
        line: list[str] = []
        for c, cell in enumerate(row):
            if cell == LEFT:
                line.append(line[c - 1] if c else "")
            elif cell == ABOVE:
                line.append(out[r - 1][c] if r and c < len(out[r - 1]) else "")
            else:
                line.append(_clean(cell))
        out.append(line)
    return out


def _header_rows(grid: Grid) -> int:
    """Row 0 is the header; a header cell spanning several columns brings the next row in."""
    rows = 1
    while (rows < _MAX_HEADER_ROWS and rows < len(grid)
           and any(cell == LEFT for cell in grid[rows - 1][1:])):
        rows += 1
    return rows


def continued(previous: Grid, grid: Grid) -> Grid:
    """The whole table when ``grid`` goes on with ``previous`` after a page break (as wide,
    its first row not the header printed again): ``previous``'s rows, then ``grid``'s; else
    ``grid`` itself (a table starting with the same header is read as one of its own, as a
    letter gives one table per section). Read whole, the table is said column by column from
    every row (``_transposed``), not from the rows of its last page only."""
    if not (previous and grid) or len(grid[0]) != len(previous[0]) or is_layout(previous):
        return grid
    if _resolved(grid[:1]) == _resolved(previous[:1]):
        return grid
    return previous + grid


def went_on(pages: list[list[str]], lines: list[str]) -> list[str]:
    """The lines of a table going on over a page break (``lines``, the whole table read)
    that its earlier ``pages`` did not say. Each earlier page keeps its rows and loses what
    it said of the table's columns from its own rows only, now said from every row."""
    kept = set(lines)
    said: set[str] = set()
    for page in pages:
        page[:] = [line for line in page if not line or line in kept]
        said.update(page)
    return [*(line for line in lines if line and line not in said), ""]


def _plain(grid: Grid) -> list[str]:
    """Cells row by row, each merged cell once."""
    lines: list[str] = []
    for row in grid:
        lines += [line for cell in row if cell not in (LEFT, ABOVE)
                  for line in cell.split("\n")]
        lines.append("")
    return lines


# a group heading's numbering ("I.", "2)", "a."): said with each row, the heading is no
# section of the letter
_NUMBERED = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}|[a-zđ])[.)]\s+")
# a row closing a group or the table: its subtotal or total ("Cộng", "Tổng cộng", "Tổng số")
_CLOSING = re.compile(r"^(?:cong|tong cong|tong so|tong)\b")


def _counts_rows(cells: list[str]) -> bool:
    """A column that numbers the rows 1, 2, 3… ("Bước", "Lớp" over a group's name): the row
    is named by the next column ("Duyệt kế hoạch của giáo viên cốt cán"), which says whom and
    what it is about; the number stays in the row as a value ("Bước: 2")."""
    numbers = [cell.rstrip(".") for cell in cells if cell]
    if len(numbers) < 2 or not numbers[0].isdigit() or int(numbers[0]) < 1:
        return False
    # a table going on after a page break counts on from the page before: 8, 9…
    first = int(numbers[0])
    return numbers == [str(n) for n in range(first, first + len(numbers))]


def table_lines(grid: Grid) -> list[str]:
    """One line per data row with its column headers; a layout table or a table without a
    header and a body as its cells, one line each."""
    width = max((len(row) for row in grid), default=0)
    grid = [row + [""] * (width - len(row)) for row in grid]
    if len(grid) < 2 or width < 2 or is_layout(grid):
        return _plain(grid)
    heads = _header_rows(grid)
    if heads >= len(grid):
        return _plain(grid)
    text = _resolved(grid)
    headers: list[str] = []
    for c in range(width):
        parts: list[str] = []
        for r in range(heads):
            if text[r][c] and text[r][c] not in parts:
                parts.append(text[r][c])
        headers.append(" - ".join(parts))
    numbering = {c for c in range(width) if _ROW_NUMBER.match(fold(headers[c]))}
    counting = {c for c in range(width) if _counts_rows([row[c] for row in text[heads:]])}
    label = min(set(range(width)) - numbering - counting, default=0)
    headers, text[heads:] = _units_said(headers, text[heads:], label)
    unit = headers[label].lower() if numbering and _NUMBERED_UNIT.match(fold(headers[label])) \
        else ""
    lines: list[str] = []
    group = ""  # the heading of the group of rows under way ("I. CẤP TIỂU HỌC")
    above = ""  # the last label printed, which an empty label cell under it repeats
    for r in range(heads, len(grid)):
        row = text[r]
        filled = [cell for cell in grid[r] if cell not in (LEFT, ABOVE, "")]
        if len(filled) == 1 and LEFT in grid[r] and all(
                cell in (LEFT, ABOVE, "") for cell in grid[r][grid[r].index(filled[0]) + 1:]):
            group = _NUMBERED.sub("", _clean(filled[0]))  # one cell across the row: a group's
            continue  # heading, which each row under it is said with
        # a cell merged across from the label ("Cộng cấp tiểu học" over the columns but the
        # last) is the label, not a value of each column
        values = [f"{headers[c]}: {row[c]}" if headers[c] else row[c]
                  for c in range(width) if c != label and c not in numbering and row[c]
                  and not (grid[r][c] == LEFT and row[c] == row[label])]
        if not values and not row[label]:
            continue
        if not row[label] and grid[r][label] == "" and values:
            # a label printed once for a group of rows, the cells under it left empty (not
            # merged): the row is of the group above, as a reader reads it
            row[label] = above
        above = "" if _CLOSING.match(fold(row[label])) else row[label]
        closing = _CLOSING.match(fold(row[label])) is not None
        named = f"{row[label]} ({group})" if group and row[label] and not closing else row[label]
        if unit and named and not closing:
            named += _number_said(unit, [row[c] for c in sorted(numbering)], named)
        lines.append(_sentence(named, values))
        if closing:  # "Cộng cấp tiểu học": the group ends; "Tổng cộng" is of no group
            group = ""
    body = [r for r in range(heads, len(grid)) if text[r][label]
            and sum(cell not in (LEFT, ABOVE, "") for cell in grid[r]) > 1]
    groups = [c for c in range(width) if c != label and c not in numbering and headers[c]]
    if _transposed([[text[r][c] for c in groups] for r in body]):
        lines += [_sentence(headers[c], [f"{text[r][label]}: {text[r][c]}" for r in body
                                         if text[r][c]]) for c in groups]
    return [*lines, ""]


# the unit a header gives its column's figures: "Học phí (đồng/người)", "Thời lượng (tiết)"
_UNIT = re.compile(r"\s*\((?P<unit>(?:triệu |nghìn |ngàn )?đồng|tiết|ngày|người|giờ|buổi|trang|"
                   r"km|%)(?P<per>/[^\W\d]+(?: [^\W\d]+)?)?\)\s*$", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d.,]*")


def _units_said(headers: list[str], body: Grid, label: int) -> tuple[list[str], Grid]:
    """The headers and the body with each unit a header or a row's label names in brackets
    ("Học phí (đồng/người)") said after the bare figures under or beside it instead."""
    units = [_UNIT.search(h) for h in headers]
    headers = [h[:u.start()].rstrip() if u else h for h, u in zip(headers, units, strict=True)]
    out: Grid = []
    for line in body:
        own = _UNIT.search(line[label])
        said = [_with_unit(cell, own or units[c]) if c != label else cell
                for c, cell in enumerate(line)]
        if own:
            said[label] = line[label][:own.start()].rstrip()
        out.append(said)
    return headers, out


def _with_unit(cell: str, unit: re.Match[str] | None) -> str:
    """A bare figure under a header naming its unit, with the unit, as a sentence says it:
    "1.350.000 đồng/người". Read alone, "1.350.000" would be no sum of money."""
    if unit is None or not _FIGURE.fullmatch(cell):
        return cell
    return f"{cell}{'' if unit['unit'] == '%' else ' '}{unit['unit']}{unit['per'] or ''}"


def _number_said(unit: str, numbers: list[str], label: str) -> str:
    """ " (chuyên đề 2)": the row's number with what its label column calls the rows, as the
    letter's prose calls the row ("kế hoạch tổ chức giải (chuyên đề 1, 2, 4)"); nothing when
    the row has no number or its label already says it ("Lớp 2")."""
    number = next((n for cell in numbers if (n := cell.strip().rstrip(".")).isdigit()), None)
    if number is None or fold(label).startswith(fold(unit)):
        return ""
    return f" ({unit} {number})"


def _sentence(label: str, values: list[str]) -> str:
    sentence = ROW_JOIN.join(x for x in (label, "; ".join(values)) if x)
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")
_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\bđồng\b", re.IGNORECASE)
_AMOUNT = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:[^\d\s]\S*)?$")


def _value_kind(cell: str) -> str:
    """What a cell states, roughly: a date, a sum of money, an amount (a count with or
    without its unit, "160 tiết", "185") or words."""
    if _DATE.search(cell):
        return "date"
    if _MONEY.search(cell):
        return "money"
    if _AMOUNT.match(cell):
        return "amount"
    return "words"


def _alike(cells: list[str]) -> float | None:
    """Whether the filled cells of one line state one kind of value (None: too few to say)."""
    kinds = [_value_kind(cell) for cell in cells if cell]
    return None if len(kinds) < 2 else float(len(set(kinds)) == 1)


def _transposed(body: Grid) -> bool:
    """A table laid out on its side: criteria down the side ("Thời lượng", "Học phí"), one
    group per column ("Lớp A: giáo viên mầm non"). A reader asked about one group reads its
    column, so each column is said as a sentence too. Such a table is told by its values:
    each row states one kind of value (a row of dates, a row of fees) while each column mixes
    them; a table of the usual shape is the other way round."""
    if len(body) < 3 or not body or len(body[0]) < 2:
        return False
    rows = [a for line in body if (a := _alike(line)) is not None]
    columns = [a for c in range(len(body[0]))
               if (a := _alike([line[c] for line in body])) is not None]
    if not rows or not columns:
        return False
    return sum(rows) / len(rows) > sum(columns) / len(columns)


def row_cells(row: str) -> tuple[str, list[str]]:
    """A row's label and its cells ("Header: value"), as ``table_lines`` wrote them; a value
    holding "; " stays one cell."""
    label, rest = row.split(ROW_JOIN, 1)
    cells: list[str] = []
    for piece in rest.removesuffix(".").split("; "):
        if cells and ": " not in piece:
            cells[-1] += "; " + piece
        else:
            cells.append(piece)
    return label, cells


def asked_cells(row: str, terms: Callable[[str], tuple[str, ...]],
                asked: Container[str]) -> str:
    """The row with only the column groups the question names, when its header repeats the
    same columns under several groups ("Kế hoạch - Ngày nộp; Kế hoạch - Hạn duyệt; Báo cáo -
    Ngày nộp; Báo cáo - Hạn duyệt"): asked about the report, a reader reads the report's
    dates, not the plan's. A group is named by the head of its name, its first word pair no
    other group's name has ("báo cáo" of "Báo cáo kết quả"); ``terms`` reads a text's index
    terms, ``asked`` holds the question's. Naming none or all of them keeps the whole row."""
    if not is_row(row):
        return row
    label, cells = row_cells(row)
    groups: dict[str, list[str]] = {}
    for cell in cells:
        header = cell.split(": ", 1)[0]
        if " - " in header:
            group, sub = header.split(" - ", 1)
            groups.setdefault(group, []).append(sub)
    repeated = [g for g, subs in groups.items()
                if sum(other == subs for other in groups.values()) > 1]
    if not repeated:
        return row
    said = {g: [t for t in terms(g) if " " in t] or [t for t in terms(g) if t[:1] != "'"]
            for g in repeated}
    named = {g for g in repeated if any(
        t in asked for t in [t for t in said[g] if not any(
            t in said[h] for h in repeated if h != g)][:1])}
    if not named or len(named) == len(repeated):
        return row
    kept = [cell for cell in cells if (header := cell.split(": ", 1)[0]).split(" - ", 1)[0]
            in named or header.split(" - ", 1)[0] not in repeated or " - " not in header]
    return f"{label}{ROW_JOIN}{'; '.join(kept)}."


# -- readers ----------------------------------------------------------------------------------

def docx_grid(table: Any) -> Grid:
    """A python-docx table as a grid: merged cells are one ``_tc`` repeated across the grid."""
    grid: Grid = []
    above: list[Any] = []
    for row in table.rows:
        ids: list[Any] = []
        line: list[str] = []
        for c, cell in enumerate(row.cells):
            tc = cell._tc
            if c and ids[c - 1] is tc:
                line.append(LEFT)
            elif c < len(above) and above[c] is tc:
                line.append(ABOVE)
            else:
                paragraphs = [p.text for p in cell.paragraphs]
                for inner in cell.tables:
                    paragraphs += [x for x in table_lines(docx_grid(inner)) if x]
                line.append("\n".join(paragraphs))
            ids.append(tc)
        grid.append(line)
        above = ids
    return grid


_EDGE = 2.0  # points: the same ruling drawn on two pages


def _left_edges(table: Any) -> dict[int, float]:
    """Each column's left edge, by the column's index, from the first cell that starts it."""
    columns: dict[int, float] = {}
    for row in table.rows:
        for c, box in enumerate(row.cells):
            if box is not None:
                columns.setdefault(c, box[0])
    return columns


def pdf_columns(table: Any) -> list[float]:
    """The left edge of each column of a pdfplumber table."""
    columns = _left_edges(table)
    return [columns[c] for c in sorted(columns)]


def same_columns(edges: list[float], previous: list[float]) -> bool:
    """Whether a table's columns are the columns of ``previous`` (a table on the page
    before), some of them merged: each of its left edges is one of ``previous``'s."""
    return len(edges) <= len(previous) and all(
        any(abs(x - y) <= _EDGE for y in previous) for x in edges)


def pdf_grid(table: Any, edges: list[float] | None = None) -> Grid:
    """A pdfplumber table as a grid. pdfplumber leaves a slot that a merged cell covers empty
    (None); the covering cell's box says whether it comes from the left or from above.

    With ``edges`` (the columns of the table it goes on from, on the page before), the rows
    are laid on those columns: after a page break the rows left may merge cells across
    columns in every row ("11/6/2027" for all three levels), and pdfplumber then finds fewer
    columns than the header names."""
    rows = table.rows
    texts = table.extract()
    if edges is not None:
        return [_on_columns(row.cells, texts[r], edges, r) for r, row in enumerate(rows)]
    columns = _left_edges(table)  # by index: a column no cell starts keeps its place
    grid: Grid = []
    for r, row in enumerate(rows):
        line: list[str] = []
        for c, box in enumerate(row.cells):
            if box is not None:
                line.append(_clean(texts[r][c] or ""))  # a line break in a cell is a wrap
                continue
            left = next((b for b in reversed(row.cells[:c]) if b is not None), None)
            line.append(LEFT if left is not None and left[2] > columns.get(c, 0.0) + 1
                        else ABOVE)
        grid.append(line)
    return grid


def _on_columns(cells: list[Any], texts: list[str | None], edges: list[float],
                r: int) -> list[str]:
    """One row's cells laid on the columns starting at ``edges``."""
    line: list[str] = []
    last = None
    for x in edges:
        hit = next((c for c, box in enumerate(cells)
                    if box is not None and box[0] - _EDGE <= x < box[2] - _EDGE), None)
        if hit is None:  # covered by a cell of the row above
            line.append(ABOVE if r else "")
        elif hit == last:
            line.append(LEFT)
        else:
            line.append(_clean(texts[hit] or ""))
        last = hit
    return line
