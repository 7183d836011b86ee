"""A sum a letter sets per person, asked for the number of people the asker sends: the total is
worked out before the letter's sentence; a question counting no one, or a text with two prices
per person, gets no line. The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter
from bot.knowledge.per_head import per_head
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi").gettext
LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NINH BÌNH
Số: 517/SGDĐT-GDTrH
Ninh Bình, ngày 04 tháng 02 năm 2027
V/v lớp tập huấn giáo viên Tiếng Anh dạy học theo dự án
1. Đối tượng
Giáo viên Tiếng Anh trường trung học phổ thông công lập, mỗi trường cử 02 người.
2. Kinh phí
Trường ngoài công lập đăng ký cho giáo viên dự lớp đóng 380.000 đồng/người vào tài khoản của
Sở chậm nhất ngày 20/02/2027.
"""


def test_the_price_per_person_is_multiplied_by_the_count_asked() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    answer = engine.answer("trường ngoài công lập đăng ký ba giáo viên dự lớp thì đóng bao "
                           "nhiêu tiền, hạn khi nào")
    text = plain_text(render_answer(answer, VI))
    assert "380.000 đồng × 3 người = 1.140.000 đồng" in text
    assert "20/02/2027" in text


def test_no_total_without_a_count_or_with_two_prices() -> None:
    text = "Học viên đóng 380.000 đồng/người."
    assert per_head("đóng bao nhiêu tiền một người", text) is None
    found = per_head("cử 4 gv thì nộp bn tiền", text)
    assert found is not None and found.total == 4 * 380_000
    both = "Giáo viên công lập đóng 200.000 đồng/người; ngoài công lập 380.000 đồng/người."
    assert per_head("cử 4 gv thì nộp bn tiền", both) is None
