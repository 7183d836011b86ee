"""Letters the tests write themselves, as .docx (python-docx) and as a text PDF (fpdf2 with
the DejaVu font matplotlib ships), and an image-only PDF standing for a scan.

The letter (Sở GD&ĐT Đồng Nai, 2027, about a module on AI in teaching) says things no curated
entry and no seed letter says, so an answer holding them can only come from it. A body item
that is a list of rows is a table: "<" in a cell merges it with the cell to its left, "^" with
the cell above, as Word and a printed PDF draw it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

HEADER_LEFT = ["UBND TỈNH ĐỒNG NAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2468/SGDĐT-TCCB",
               "V/v bồi dưỡng mô đun trí tuệ nhân tạo năm 2027"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Đồng Nai, ngày 15 tháng 01 năm 2027"]
BODY = [
    "Kính gửi: Các Phòng Giáo dục và Đào tạo; các trường THPT trực thuộc.",
    "Sở Giáo dục và Đào tạo hướng dẫn bồi dưỡng mô đun ứng dụng trí tuệ nhân tạo trong dạy học "
    "năm 2027 như sau:",
    "1. Đối tượng và nền tảng học",
    "Giáo viên tiểu học, trung học cơ sở học mô đun ứng dụng trí tuệ nhân tạo trong dạy học trên "
    "nền tảng VNEdu Learning, mỗi giáo viên học tối thiểu 40 tiết.",
    "- Giáo viên tiểu học: 7.351 người;",
    "- Giáo viên trung học cơ sở: 5.120 người.",
    "2. Chế độ báo cáo",
    "a) Các trường gửi báo cáo kết quả bồi dưỡng trí tuệ nhân tạo về hộp thư "
    "tccb@dongnai.edu.vn, hoàn thành trước ngày 15/5/2027.",
    "b) Phòng Giáo dục và Đào tạo tổng hợp danh sách giáo viên chưa hoàn thành, gửi về Sở chậm "
    "nhất ngày 20/5/2027.",
    "3. Quy trình đăng ký",
    "Bước 1: Giáo viên đăng ký tài khoản VNEdu Learning bằng số điện thoại của mình.",
    "Bước 2: Hiệu trưởng duyệt danh sách đăng ký của trường trên hệ thống.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, TCCB.",
    "GIÁM ĐỐC",
]
FONT = "DejaVuSans.ttf"
LEFT, ABOVE = "<", "^"
Header = tuple[Sequence[str], Sequence[str]]
Body = Sequence[str | Sequence[Sequence[str]]]

# An An Giang letter with a two-row table: a row-number column, "Học trực tuyến" over two
# columns, and one exam date merged over two rows.
TABLE_HEADER: Header = (
    ["UBND TỈNH AN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 905/SGDĐT-GDTH",
     "V/v bồi dưỡng giáo viên dạy Tiếng Anh năm 2027"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
     "An Giang, ngày 02 tháng 3 năm 2027"])
TABLE = [
    ["STT", "Cấp học", "Số tiết", "Học trực tuyến", LEFT, "Kiểm tra cuối khóa"],
    [ABOVE, ABOVE, ABOVE, "Từ ngày", "Đến ngày", ABOVE],
    ["1", "Tiểu học", "120 tiết", "05/4/2027", "30/6/2027", "12/7/2027"],
    ["2", "Trung học cơ sở", "150 tiết", "05/4/2027", "15/7/2027", ABOVE],
    ["3", "Trung học phổ thông", "180 tiết", "12/4/2027", "31/7/2027", "09/8/2027"],
]
TABLE_ROWS = [
    "Tiểu học — Số tiết: 120 tiết; Học trực tuyến - Từ ngày: 05/4/2027; Học trực tuyến - Đến "
    "ngày: 30/6/2027; Kiểm tra cuối khóa: 12/7/2027.",
    "Trung học cơ sở — Số tiết: 150 tiết; Học trực tuyến - Từ ngày: 05/4/2027; Học trực tuyến - "
    "Đến ngày: 15/7/2027; Kiểm tra cuối khóa: 12/7/2027.",
    "Trung học phổ thông — Số tiết: 180 tiết; Học trực tuyến - Từ ngày: 12/4/2027; Học trực "
    "tuyến - Đến ngày: 31/7/2027; Kiểm tra cuối khóa: 09/8/2027.",
]
TABLE_BODY: Body = [
    "Kính gửi: Ủy ban nhân dân các xã, phường; các trường trực thuộc.",
    "1. Thời lượng và lịch học",
    "Giáo viên dạy Tiếng Anh học theo lịch của cấp học mình tại bảng sau:",
    TABLE,
    "2. Báo cáo",
    "Các trường báo cáo danh sách giáo viên hoàn thành trước ngày 20/8/2027.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, GDTH.",
    "GIÁM ĐỐC",
]


def letter_docx(body: Body = BODY, header: Header = (HEADER_LEFT, HEADER_RIGHT)) -> bytes:
    """The letter as Word writes it: the header in a two-column table, then paragraphs and
    tables (ruled, merged cells merged)."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, header, strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for block in body:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = document.add_table(rows=len(block), cols=len(block[0]))
        grid.style = "Table Grid"
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                if value not in (LEFT, ABOVE):
                    grid.cell(r, c).text = value
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                if value in (LEFT, ABOVE):
                    origin = grid.cell(r, c - 1) if value == LEFT else grid.cell(r - 1, c)
                    origin.merge(grid.cell(r, c))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _font() -> str:
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT)


def _span(rows: Sequence[Sequence[str]], r: int, c: int, marker: str) -> int:
    """How many cells the cell at (r, c) covers to the right ("<") or downwards ("^")."""
    n = 1
    while True:
        rr, cc = (r, c + n) if marker == LEFT else (r + n, c)
        if rr >= len(rows) or cc >= len(rows[rr]) or rows[rr][cc] != marker:
            return n
        n += 1


def letter_pdf(body: Body = BODY, header: Header = (HEADER_LEFT, HEADER_RIGHT), *,
               page_numbers: bool = False) -> bytes:
    """The same letter printed to PDF: header columns side by side, paragraphs wrapped,
    tables ruled with their merged cells; with ``page_numbers``, each page from the second
    numbered at its top centre, as Nghị định 30/2020 lays a letter out."""
    from fpdf import FPDF

    class Letter(FPDF):
        def header(self) -> None:
            if page_numbers and self.page_no() > 1:
                self.cell(0, 6, str(self.page_no()), align="C", new_x="LMARGIN", new_y="NEXT")

    pdf = Letter()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=_font())
    pdf.set_font("DejaVu", size=11)
    for left, right in zip(*header, strict=True):
        pdf.cell(95, 6, left)
        pdf.cell(0, 6, right, new_x="LMARGIN", new_y="NEXT")
    for block in body:
        if isinstance(block, str):
            pdf.multi_cell(0, 6, block, new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("DejaVu", size=10)
        with pdf.table(first_row_as_headings=False) as table:
            for r, values in enumerate(block):
                row = table.row()
                for c, value in enumerate(values):
                    if value not in (LEFT, ABOVE):
                        row.cell(value, colspan=_span(block, r, c, LEFT),
                                 rowspan=_span(block, r, c, ABOVE))
        pdf.set_font("DejaVu", size=11)
        pdf.ln(2)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF holding only a picture of a page, as a scanner makes it."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((40, 40), "So: 2468/SGDDT-TCCB  V/v boi duong", fill="black")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210)
    return bytes(pdf.output())


def locked_pdf() -> bytes:
    """The text PDF with a password."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(letter_pdf())).pages:
        writer.add_page(page)
    writer.encrypt("mat-khau", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
