"""A table's header may name the unit of the figures under it ("Học phí (đồng/người)",
"Thời lượng (tiết)"), or a row's label the unit of the figures beside it: a reader reads
"1.350.000" there as a sum of money, so the row's sentence says "1.350.000 đồng/người", and a
question asking how much to pay is answered by it, not refused for want of a sum. "bao nhiêu
tiền" asks a sum; "tiền" is no word the letter must hold. The letter is written here, in our
own words."""

from __future__ import annotations

import dataclasses
import gettext

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import LEFT, letter_docx

HEADER = (["UBND TỈNH QUẢNG TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 815/SGDĐT-GDTrH",
           "V/v lớp bồi dưỡng giáo viên dạy nội dung giáo dục địa phương năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Quảng Trị, ngày 12 tháng 01 năm 2027"])
BODY = [
    "Kính gửi: Các trường trung học trực thuộc Sở; Ủy ban nhân dân các xã, phường.",
    "1. Các lớp",
    "Sở mở ba lớp bồi dưỡng nội dung giáo dục địa phương, mỗi cấp học một lớp:",
    [["Nội dung", "Lớp tiểu học", "Lớp trung học cơ sở", "Lớp trung học phổ thông"],
     ["Số học viên (người)", "150", "120", "80"],
     ["Thời lượng (tiết)", "16", "24", LEFT],
     ["Học trực tiếp", "06/3/2027", "13/3/2027", "20/3/2027"],
     ["Kinh phí học viên đóng (đồng)", "0", "280.000", LEFT]],
    "2. Đăng ký",
    "Các trường gửi danh sách về Sở trước ngày 15/02/2027.",
]


def shown(question: str) -> str:
    letter = read_letter_file(letter_docx(BODY, HEADER), "cv815.docx").letter
    engine = AnsweringEngine(())
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return plain_text(render_answer(engine.answer(question, role="gv"), gettext.gettext))


def test_a_figure_says_the_unit_its_header_or_its_row_names() -> None:
    lines = [line for line in table_lines(
        [["Môn", "Thời lượng (tiết)", "Kinh phí (triệu đồng)", "Ghi chú"],
         ["Toán", "40", "1,5", "Học tại trường"],
         ["Ngữ văn", "30", "2", "Học trực tuyến"]]) if line]
    assert lines == ["Toán — Thời lượng: 40 tiết; Kinh phí: 1,5 triệu đồng; "
                     "Ghi chú: Học tại trường.",
                     "Ngữ văn — Thời lượng: 30 tiết; Kinh phí: 2 triệu đồng; "
                     "Ghi chú: Học trực tuyến."]
    beside = table_lines([["Nội dung", "Lớp A", "Lớp B", "Lớp C"],
                          ["Học phí (đồng/người)", "1.350.000", "1.650.000", "1.900.000"],
                          ["Thời lượng (tiết)", "120", "160", "200"],
                          ["Học trực tiếp", "20/02/2027", "27/02/2027", "06/3/2027"]])
    assert "Học phí — Lớp A: 1.350.000 đồng/người; Lớp B: 1.650.000 đồng/người; " \
           "Lớp C: 1.900.000 đồng/người." in beside


def test_how_much_to_pay_is_answered_by_the_figure_under_a_header_naming_its_unit() -> None:
    text = shown("Giáo viên THCS phải đóng bao nhiêu tiền?")
    assert "280.000 đồng" in text
