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
EN = translator("en").gettext
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


def test_a_monthly_sum_per_person_from_a_tables_column_for_the_months_up_to_the_cap() -> None:
    text = ("Giáo viên kèm học sinh được chi hỗ trợ hằng tháng, tối đa 04 tháng.\n"
            "Các xã thuộc tỉnh Bình Định trước đây — Hỗ trợ mỗi tháng cho một học sinh được "
            "kèm: 150.000 đồng.")
    found = per_head("kèm 3 người trong 2 tháng thì được bao nhiêu tiền", text)
    assert found is not None and (found.total, found.months, found.capped) == (900_000, 2, 0)
    found = per_head("kèm ba người suốt 6 tháng thì được bao nhiêu tiền", text)
    assert found is not None and (found.total, found.months, found.capped) == (1_800_000, 4, 4)


def test_a_ward_named_as_its_former_district_finds_its_former_provinces_row() -> None:
    letter = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA LAI
Số: 630/SGDĐT-GDTrH
Gia Lai, ngày 04 tháng 02 năm 2027
V/v hỗ trợ giáo viên kèm học sinh yếu
1. Mức hỗ trợ
Giáo viên kèm học sinh được trường chi hỗ trợ hằng tháng cho mỗi học sinh, tối đa 04
tháng, như sau.
Các xã, phường thuộc tỉnh Gia Lai trước đây — Hỗ trợ mỗi tháng cho một học sinh: 120.000 đồng.
Các xã, phường thuộc tỉnh Bình Định trước đây — Hỗ trợ mỗi tháng cho một học sinh: 150.000 đồng.
"""
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(letter), id=1)])
    answer = engine.answer("giáo viên kèm 2 học sinh trong 3 tháng ở phường An Nhơn thì được "
                           "hỗ trợ bao nhiêu tiền")
    text = plain_text(render_answer(answer, VI))
    assert "150.000 đồng × 2 người × 3 tháng = 900.000 đồng" in text


BANDS = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA LAI
Số: 1204/SGDĐT-GDTH
Gia Lai, ngày 09 tháng 3 năm 2027
V/v dự giờ liên trường môn Toán tiểu học học kỳ II
1. Dự giờ liên trường
Mỗi trường tiểu học cử 02 giáo viên Toán dự giờ tại trường bạn, ít nhất 02 buổi từ ngày
15/3/2027 đến ngày 15/5/2027.
2. Tiền tàu xe
Người đi dự giờ ở trường cách trường mình từ 20 km đến dưới 50 km được chi 80.000 đồng mỗi
buổi; từ 50 km trở lên được chi 150.000 đồng mỗi buổi. Dưới 20 km không được chi. Một người
được chi không quá 04 buổi trong học kỳ.
"""


def test_a_price_per_session_is_chosen_by_the_askers_band_and_capped() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(BANDS), id=1)])
    answer = engine.answer("tôi đi dự giờ 6 buổi ở trường cách trường mình 35 km thì được chi "
                           "tất cả bao nhiêu tiền")
    text = plain_text(render_answer(answer, VI))
    assert "80.000 đồng × 4 buổi" in text and "= 320.000 đồng" in text
    assert "× 4 sessions" in plain_text(render_answer(answer, EN))  # the noun is translated
    far = per_head("đi 3 buổi, trường cách 60 km thì được bao nhiêu tiền", BANDS)
    assert far is not None and (far.price, far.count, far.total) == ("150.000", 3, 450_000)
    # no band for 12 km holds a price; no distance told: which price is not known
    assert per_head("đi 3 buổi, cách 12 km thì được bao nhiêu tiền", BANDS) is None
    assert per_head("đi 3 buổi thì được bao nhiêu tiền", BANDS) is None
