"""Letters the tests write themselves, as .docx (python-docx) and as a text PDF (fpdf2 with
the DejaVu font matplotlib ships), and an image-only PDF standing for a scan.

The letter (Sở GD&ĐT Đồng Nai, 2027, about a module on AI in teaching) says things no curated
entry and no seed letter says, so an answer holding them can only come from it.
"""

from __future__ import annotations

import io
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


def letter_docx(body: list[str] = BODY, left: list[str] = HEADER_LEFT,
                right: list[str] = HEADER_RIGHT) -> bytes:
    """The letter as Word writes it: the header in a two-column table, then paragraphs."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for paragraph in body:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _font() -> str:
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT)


def letter_pdf(body: list[str] = BODY, left: list[str] = HEADER_LEFT,
               right: list[str] = HEADER_RIGHT) -> bytes:
    """The same letter printed to PDF: header columns side by side, paragraphs wrapped."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=_font())
    pdf.set_font("DejaVu", size=11)
    for one, other in zip(left, right, strict=True):
        pdf.cell(95, 6, one)
        pdf.cell(0, 6, other, new_x="LMARGIN", new_y="NEXT")
    for paragraph in body:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
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
