"""Sentences a letter wraps over lines are read whole: a PDF line ending before a capital
letter, a page break with the page's number, a .docx soft break, a scan's lines, so the quote a
teacher gets holds the address and the date the sentence goes on to give."""

from __future__ import annotations

import dataclasses

import pypdfium2
import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.letters import read_letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx, letter_pdf

VI = translator("vi").gettext
HEADER = (["UBND TỈNH KHÁNH HÒA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 712/SGDĐT-GDTrH",
           "V/v nộp hồ sơ bồi dưỡng thường xuyên năm học 2026-2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Khánh Hòa, ngày 20 tháng 4 năm 2027"])
# Printed 11 pt on A4, this item wraps after "gửi về", before "Văn phòng Sở …".
PAPER = ("b) Sổ bồi dưỡng thường xuyên và phiếu tự đánh giá bản giấy của từng giáo viên được "
         "gửi về Văn phòng Sở Giáo dục và Đào tạo, số 4 đường Phan Bội Châu, phường Nha Trang, "
         "chậm nhất ngày 18/6/2027.")
BODY = [
    "Kính gửi: Các trường trung học cơ sở, trung học phổ thông trực thuộc.",
    "1. Hồ sơ bồi dưỡng",
    "a) Giáo viên hoàn thành sổ bồi dưỡng trên hệ thống trước ngày 30/5/2027.",
    PAPER,
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, GDTrH.",
    "GIÁM ĐỐC",
]
WHERE = "sổ bồi dưỡng bản giấy gửi về đâu ạ"
WHEN = "so boi duong ban giay gui cham nhat ngay nao"


def _answer(letter_bytes: bytes, name: str, question: str) -> str:
    engine = default_engine()
    engine.letters.add(dataclasses.replace(read_letter_file(letter_bytes, name).letter, id=1))
    return plain_text(render_answer(engine.answer(question), VI))


def test_the_pdf_used_here_wraps_the_sentence_before_a_capital_letter() -> None:
    lines = pypdfium2.PdfDocument(letter_pdf(BODY, HEADER))[0].get_textpage() \
        .get_text_range().splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("b) Sổ"))
    assert lines[at].endswith("gửi về") and lines[at + 1].startswith("Văn phòng Sở")


@pytest.mark.parametrize("question", [WHERE, WHEN])
@pytest.mark.parametrize("name", ["hoso.pdf", "hoso.docx", "hoso.txt"])
def test_a_sentence_wrapped_before_a_capital_letter_is_quoted_whole(name: str,
                                                                    question: str) -> None:
    if name.endswith(".pdf"):
        data = letter_pdf(BODY, HEADER)
    elif name.endswith(".docx"):  # the same wraps as soft line breaks inside the paragraph
        soft = PAPER.replace("gửi về ", "gửi về\n").replace("chậm nhất ", "chậm nhất\n")
        data = letter_docx([soft if b == PAPER else b for b in BODY], HEADER)
    else:  # the lines a copy from the PDF gives, as a scan's OCR gives them too
        data = "\n".join(pypdfium2.PdfDocument(letter_pdf(BODY, HEADER))[0].get_textpage()
                         .get_text_range().splitlines()).encode()
    text = _answer(data, name, question)
    assert "Văn phòng Sở Giáo dục và Đào tạo, số 4 đường Phan Bội Châu" in " ".join(text.split())
    assert "18/6/2027" in text and "Theo Công văn số 712/SGDĐT-GDTrH" in text


def test_a_sentence_going_on_past_a_page_break_leaves_the_page_number_out() -> None:
    filler = [f"{i}. Nội dung thứ {i} của kế hoạch thực hiện theo hướng dẫn chung của Sở."
              for i in range(1, 40)]
    late = ("Giáo viên cần đọc kỹ phần hướng dẫn về việc nộp sổ bồi dưỡng thường xuyên bản "
            "giấy, vì sổ nộp muộn sau ngày 18/6/2027 không được tính kết quả năm học.")
    data = letter_pdf([*filler, late, "Nơi nhận:", "- Lưu: VT."], HEADER, page_numbers=True)
    document = pypdfium2.PdfDocument(data)
    assert document[0].get_textpage().get_text_range().rstrip().endswith("vì sổ")
    assert document[1].get_textpage().get_text_range().startswith("2\r\nnộp muộn")
    question = "nộp sổ bồi dưỡng bản giấy muộn có được tính kết quả không"
    text = " ".join(_answer(data, "dai.pdf", question).split())
    assert "vì sổ nộp muộn sau ngày 18/6/2027 không được tính kết quả năm học" in text


def test_titles_headings_items_and_short_lines_stay_apart() -> None:
    text = "\n".join([
        *HEADER[0], *HEADER[1],
        "KẾ HOẠCH",
        "Bồi dưỡng giáo viên dạy học tích hợp năm 2027",
        "I. MỤC ĐÍCH",
        "Giáo viên dạy các môn tích hợp được bồi dưỡng đủ nội dung theo chương trình của Bộ",
        "trong năm học 2026-2027 và vận dụng được vào bài dạy ở lớp của mình trong năm học",
        "tới, theo kế hoạch của nhà trường",
        "1. Đối tượng tham gia bồi dưỡng trong đợt này",
        "- Giáo viên dạy Khoa học tự nhiên",
        "- Giáo viên dạy Lịch sử và Địa lí",
        "Các trường cử giáo viên theo danh sách",
        "• Giáo viên dạy Tin học",
        "\uf0b7 Giáo viên dạy Công nghệ",
        "Môn — Số tiết: 60 tiết; Hình thức: Trực tuyến.",
        "Liên hệ",
        "Văn phòng Sở Giáo dục và Đào tạo",
        "Điện thoại 0258.3822.123",
    ])
    lines = [line for p in read_letter(text).passages for line in p.text.split("\n")]
    for alone in ("KẾ HOẠCH", "Bồi dưỡng giáo viên dạy học tích hợp năm 2027", "I. MỤC ĐÍCH",
                  "1. Đối tượng tham gia bồi dưỡng trong đợt này",
                  "- Giáo viên dạy Khoa học tự nhiên", "- Giáo viên dạy Lịch sử và Địa lí",
                  "• Giáo viên dạy Tin học", "\uf0b7 Giáo viên dạy Công nghệ",
                  "Môn — Số tiết: 60 tiết; Hình thức: Trực tuyến.", "Liên hệ",
                  "Văn phòng Sở Giáo dục và Đào tạo", "Điện thoại 0258.3822.123"):
        assert alone in lines
    assert ("Giáo viên dạy các môn tích hợp được bồi dưỡng đủ nội dung theo chương trình của "
            "Bộ trong năm học 2026-2027 và vận dụng được vào bài dạy ở lớp của mình trong năm "
            "học tới, theo kế hoạch của nhà trường") in lines



def test_a_line_closing_a_bracket_the_line_before_opened_goes_on_with_it() -> None:
    # "(nội dung" / "3) trong kết quả …": the figure closes the bracket, it starts no item
    text = "\n".join([
        *HEADER[0], *HEADER[1],
        "1. Kết quả bồi dưỡng",
        "Người có sản phẩm đạt được tính 30 tiết vào nội dung bồi dưỡng tự chọn (nội dung",
        "3) trong kết quả bồi dưỡng thường xuyên của năm học.",
        "2. Đánh giá",
        "- Giáo viên tự đánh giá trên hệ thống (theo mẫu",
        "b) Hiệu trưởng xác nhận.",
    ])
    lines = [line for p in read_letter(text).passages for line in p.text.split("\n")]
    assert ("Người có sản phẩm đạt được tính 30 tiết vào nội dung bồi dưỡng tự chọn (nội dung "
            "3) trong kết quả bồi dưỡng thường xuyên của năm học.") in lines
    assert "b) Hiệu trưởng xác nhận." in lines  # a bracket left open closes nothing there


def test_a_closed_bracket_going_on_in_a_lower_case_marked_letter_goes_on_with_its_line() -> None:
    # "4) được …": "đ" in lower case goes on with the sentence; only a capital starts an item
    text = "\n".join([
        *HEADER[0], *HEADER[1],
        "1. Học bù",
        "Giáo viên vắng có phép ở buổi tập trung (theo điểm a mục",
        "4) được học bù vào đợt sau, không phải nộp thêm kinh phí.",
    ])
    lines = [line for p in read_letter(text).passages for line in p.text.split("\n")]
    assert ("Giáo viên vắng có phép ở buổi tập trung (theo điểm a mục 4) được học bù vào đợt "
            "sau, không phải nộp thêm kinh phí.") in lines
