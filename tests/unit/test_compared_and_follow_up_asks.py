"""A question comparing two things needs each side's fact ("mô đun 4 của giáo viên và của cán
bộ quản lý khác nhau thế nào" is answered by the two lines, one from each list), and a message
asking two values after a comma ("bài thu hoạch dài tối đa bao nhiêu trang, hạn nộp ngày nào",
"học từ mấy giờ, có hỗ trợ tiền ăn không") gets both, each from the sentence that states it,
within a phone message. The letter below is written here, in our own words."""

from __future__ import annotations

import dataclasses
import gettext

import pytest

from bot.knowledge.asked import asked_kind, separate_asks
from bot.knowledge.compared import compared_sides
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.render import WITH_ASKS_LIMIT, plain_text, render_answer
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH BẮC KẠN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 512/SGDĐT-GDPT
V/v bồi dưỡng mô đun năm học 2026-2027
Bắc Kạn, ngày 12 tháng 01 năm 2027
Kính gửi: Ủy ban nhân dân các xã, phường.
1. Các mô đun bồi dưỡng
a) Các mô đun dành cho giáo viên:
- Mô đun 3: Đánh giá học sinh qua sản phẩm học tập;
- Mô đun 4: Thiết kế bài học tích hợp liên môn.
b) Các mô đun dành cho cán bộ quản lý:
- Mô đun 3: Điều hành sinh hoạt tổ chuyên môn;
- Mô đun 4: Xây dựng văn hóa nhà trường.
2. Lịch học tập trung
Học tập trung trong 02 ngày, mỗi ngày buổi sáng từ 7 giờ 45 đến 11 giờ 15, buổi chiều từ 14 giờ 00 \
đến 17 giờ 00, tại Trường Cao đẳng Bắc Kạn.
3. Kinh phí
Sở hỗ trợ tiền ăn 70.000 đồng một người một ngày cho học viên học tập trung.
4. Bài thu hoạch
Mỗi học viên viết một bài thu hoạch về đổi mới kiểm tra, đánh giá ở lớp mình dạy, dài không \
quá 04 trang, có một ví dụ minh họa.
5. Thời hạn
- Học viên nộp bài thu hoạch lên hệ thống trước ngày 15/5/2027.
- Các trường báo cáo kết quả bồi dưỡng về Sở trước ngày 30/5/2027.
"""


def shown(message: str) -> str:
    letter = read_letter_file(LETTER.encode(), "cv512.txt").letter
    found = AnsweringEngine(())
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return plain_text(render_answer(found.answer(message), gettext.gettext))


@pytest.mark.parametrize(("message", "sides"), [
    ("Ở Bắc Kạn, mô đun 4 của giáo viên và mô đun 4 của cán bộ quản lý khác nhau thế nào ạ?",
     ("Ở Bắc Kạn, mô đun 4 của giáo viên", "Ở Bắc Kạn, mô đun 4 của cán bộ quản lý")),
    ("md4 cua gv voi md4 cua cbql khac nhau cho nao v", ("md4 cua gv", "md4 cua cbql")),
    ("Mô đun 3 của giáo viên và của CBQL có gì khác?",
     ("Mô đun 3 của giáo viên", "Mô đun 3 của CBQL")),
    ("Sự khác nhau giữa lớp sáng và lớp chiều là gì", ("lớp sáng", "lớp chiều")),
    ("Hạn nộp của trường THCS so với trường THPT thế nào?",
     ("Hạn nộp của trường THCS", "Hạn nộp của trường THPT")),
    ("bk: md3 của cbql khác md3 của gv ở chỗ nào", ("bk: md3 của cbql", "bk: md3 của gv")),
])
def test_a_comparison_is_parted_into_its_two_sides(message: str, sides: tuple[str, str]) -> None:
    assert compared_sides(message) == sides


@pytest.mark.parametrize("message", ["Em là giáo viên và cán bộ quản lý khác",
                                     "học ở đâu, ngày nào", "Tiền ăn bao nhiêu một ngày?"])
def test_a_message_comparing_nothing_has_no_sides(message: str) -> None:
    assert compared_sides(message) is None


@pytest.mark.parametrize("message", [
    "Mô đun 4 của giáo viên và mô đun 4 của cán bộ quản lý khác nhau thế nào ạ?",
    "mô đun 4 của cán bộ quản lý khác mô đun 4 của giáo viên chỗ nào?",
    "md4 cua gv voi md4 cua cbql khac nhau cho nao v",
])
def test_a_comparison_is_answered_with_each_sides_line(message: str) -> None:
    text = shown(message)
    assert "Thiết kế bài học tích hợp liên môn" in text
    assert "Xây dựng văn hóa nhà trường" in text
    assert len(text) <= WITH_ASKS_LIMIT


def test_another_value_after_a_comma_is_asked_of_the_same_thing() -> None:
    _background, asks = separate_asks(
        "bai thu hoach duoc dai toi da bao nhieu trang, han nop ngay nao") or ("", ())
    assert asks == ("bai thu hoach duoc dai toi da bao nhieu trang",
                    "bai thu hoach duoc dai toi da han nop ngay nao")


@pytest.mark.parametrize(("message", "facts"), [
    ("bai thu hoach duoc dai toi da bao nhieu trang, han nop ngay nao", ("04 trang", "15/5/2027")),
    ("Học tập trung mỗi ngày từ mấy giờ đến mấy giờ, Sở có hỗ trợ tiền ăn không ạ?",
     ("7 giờ 45", "70.000 đồng")),
])
def test_each_value_asked_after_a_comma_is_answered(message: str, facts: tuple[str, ...]) -> None:
    text = shown(message)
    for fact in facts:
        assert fact in text
    assert len(text) <= WITH_ASKS_LIMIT


def test_which_appendix_asks_no_time() -> None:
    # "phụ lục nào" folds as "lúc nào" does: an appendix is asked, not a day
    assert asked_kind("Trường THCS đối chiếu theo phụ lục nào?") is None
    assert asked_kind("Bài thu hoạch nộp lúc nào?") == "date"
