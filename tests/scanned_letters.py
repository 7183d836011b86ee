"""Scans the tests make themselves: a letter's text drawn on A4 pages, stamped, slightly
blurred and tilted, saved as an image-only PDF the way an office scanner makes it.

The letter (Sở GD&ĐT Đồng Nai, 3/2027, a STEM training course) is in our own words and says
things no curated entry, seed letter or other test letter says, so an answer holding one of its
facts can only come from reading the scan. Rendered scans are cached: drawing them costs time
the OCR tests would otherwise pay again and again.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))
MARGIN = round(0.9 * DPI)

HEADER_LEFT = ["UBND TỈNH ĐỒNG NAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "Số: 1375/SGDĐT-GDTrH",
               "V/v bồi dưỡng giáo viên", "về giáo dục STEM"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Đồng Nai, ngày 12 tháng 3 năm 2027", "", ""]
PAGE_ONE = [
    "Kính gửi: Các Phòng Giáo dục và Đào tạo; các trường trung học cơ sở.",
    "Sở Giáo dục và Đào tạo hướng dẫn tổ chức bồi dưỡng giáo viên về giáo dục STEM năm học "
    "2026-2027 như sau:",
    "1. Đối tượng và thời lượng",
    "Giáo viên dạy Khoa học tự nhiên, Công nghệ và Tin học cấp trung học cơ sở tham gia bồi "
    "dưỡng. Tổng thời lượng khóa bồi dưỡng STEM là 120 tiết, gồm 40 tiết học trực tiếp và 80 "
    "tiết học trực tuyến.",
    "2. Hình thức và địa điểm",
    "a) Phần trực tuyến học trên hệ thống stem.dongnai.edu.vn, mỗi giáo viên dùng tài khoản do "
    "nhà trường cấp.",
    "b) Phần trực tiếp học tại Trường Cao đẳng Kỹ thuật Đồng Nai vào thứ Bảy và Chủ nhật, từ "
    "ngày 10/4/2027 đến ngày 25/4/2027. Mỗi lớp STEM có tối đa 45 học viên.",
    "3. Đăng ký",
    "Các trường đăng ký danh sách giáo viên học STEM trên hệ thống, hoàn thành trước ngày "
    "31/3/2027.",
]
PAGE_TWO = [
    "4. Đánh giá và cấp giấy chứng nhận",
    "a) Giáo viên làm bài kiểm tra cuối khóa STEM trên hệ thống, hoàn thành trước 17 giờ ngày "
    "15/5/2027.",
    "b) Giáo viên đạt từ 70 điểm trở lên được Sở cấp giấy chứng nhận hoàn thành khóa bồi dưỡng "
    "STEM.",
    "5. Báo cáo và liên hệ",
    "a) Phòng Giáo dục và Đào tạo tổng hợp kết quả bồi dưỡng STEM, gửi về Sở qua hộp thư "
    "gdtrh@dongnai.edu.vn chậm nhất ngày 05/6/2027.",
    "b) Khi cần hỗ trợ về khóa bồi dưỡng STEM, liên hệ Phòng Giáo dục Trung học của Sở, điện "
    "thoại 0251 3946 210.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, GDTrH.",
]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def _font(size: int, bold: bool = False) -> object:
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name),
                              size)


def _wrap(draw: object, text: str, font: object, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:  # type: ignore[attr-defined]
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _page(paragraphs: list[str], *, header: bool, signature: bool) -> object:
    from PIL import Image, ImageDraw

    image = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(image)
    regular, bold = _font(34), _font(34, bold=True)
    step = 50
    y = MARGIN
    if header:
        half = (A4[0] - 2 * MARGIN) // 2
        for left, right in zip(HEADER_LEFT, HEADER_RIGHT, strict=True):
            for text, x0 in ((left, MARGIN), (right, MARGIN + half - 60)):
                if text:
                    font = bold if text.isupper() else regular
                    draw.text((x0, y), text, font=font, fill=0)
            y += step
        y += step
    width = A4[0] - 2 * MARGIN
    for paragraph in paragraphs:
        heading = paragraph[:2].rstrip(".").isdigit()
        for line in _wrap(draw, paragraph, bold if heading else regular, width):
            draw.text((MARGIN, y), line, font=bold if heading else regular, fill=0)
            y += step
        y += step // 3
    if signature:
        x = A4[0] - MARGIN - 520
        for line in SIGNATURE:
            draw.text((x, y), line, font=bold, fill=0)
            y += step
        return _stamped(image, (x + 140, y - 60))
    return image.convert("RGB")


def _stamped(page: object, centre: tuple[int, int]) -> object:
    """A red round seal over the signature, as every signed letter has."""
    from PIL import ImageDraw

    image = page.convert("RGB")  # type: ignore[attr-defined]
    draw = ImageDraw.Draw(image)
    x, y = centre
    for radius, width in ((170, 9), (120, 4)):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=(205, 40, 40),
                     width=width)
    draw.text((x - 95, y - 25), "SỞ GD&ĐT", font=_font(40, bold=True), fill=(205, 40, 40))
    draw.regular_polygon((x, y + 60, 22), 5, fill=(205, 40, 40))
    return image


def page_image(paragraphs: list[str], *, header: bool = False, signature: bool = False,
               tilt: float = 0.4, blur: float = 0.8) -> object:
    """One page as the scanner sees it: slightly tilted and slightly blurred."""
    from PIL import ImageFilter

    page = _page(paragraphs, header=header, signature=signature)
    return page.rotate(tilt, fillcolor="white", resample=3).filter(  # type: ignore[attr-defined]
        ImageFilter.GaussianBlur(blur))


def images_to_pdf(images: list[object]) -> bytes:
    """Pages as JPEG pictures and nothing else: no text layer at all."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for image in images:
        pdf.add_page()
        jpeg = io.BytesIO()
        image.save(jpeg, format="JPEG", quality=80)  # type: ignore[attr-defined]
        pdf.image(jpeg, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


@functools.cache
def scanned_letter_pdf() -> bytes:
    """The two-page STEM letter as a stamped, slightly blurred, image-only scan."""
    return images_to_pdf([page_image(PAGE_ONE, header=True),
                          page_image(PAGE_TWO, signature=True, tilt=-0.3)])


@functools.cache
def blurred_scan_pdf() -> bytes:
    """The first page scanned out of focus: the words are there, but no longer readable."""
    return images_to_pdf([page_image(PAGE_ONE[:4], header=True, blur=4.5)])


@functools.cache
def blank_scan_pdf() -> bytes:
    """A scanner run with nothing on the glass: grey paper, a little noise, no text."""
    from PIL import Image

    page = Image.effect_noise(A4, 6).point(lambda v: 235 + v // 20).convert("RGB")
    return images_to_pdf([page])


@functools.cache
def photo_pdf() -> bytes:
    """A photo of something that is not a letter (shapes and shading, no text)."""
    from PIL import Image, ImageDraw

    image = Image.radial_gradient("L").resize(A4).convert("RGB")
    draw = ImageDraw.Draw(image)
    for k in range(12):
        draw.ellipse((100 + 90 * k, 300 + 120 * k, 500 + 90 * k, 700 + 120 * k),
                     fill=(40 * k % 255, 120, 200 - 10 * k))
    return images_to_pdf([image])
