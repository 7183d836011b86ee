"""A message typed with marks dropped throughout ("đi dư giơ 6 buôi ơ trương cach …") is read
as if typed without marks, so the letters' words are found; a message with one word the
letters do not use ("lương") is read as typed. The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter
from bot.knowledge.syllables import marks_dropped

LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH GIA LAI
Số: 1204/SGDĐT-GDTH
Gia Lai, ngày 09 tháng 3 năm 2027
V/v dự giờ liên trường môn Toán tiểu học học kỳ II
1. Dự giờ liên trường
Mỗi trường tiểu học cử 02 giáo viên Toán dự giờ tại trường bạn, ít nhất 02 buổi từ ngày
15/3/2027 đến ngày 15/5/2027.
2. Tiền tàu xe
Người đi dự giờ ở trường cách trường mình từ 20 km trở lên được chi 80.000 đồng mỗi buổi.
"""


def engine() -> AnsweringEngine:
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    return found


def test_a_mark_left_out_is_told_from_a_mark_changed() -> None:
    assert marks_dropped("buôi", "buổi") and marks_dropped("trương", "trường")
    assert marks_dropped("dư", "dự") and marks_dropped("đươc", "được")
    assert not marks_dropped("buổi", "buổi") and not marks_dropped("lượng", "lương")
    assert not marks_dropped("đi", "di") and not marks_dropped("dư", "dữa")


def test_a_message_dropping_marks_throughout_is_read_as_typed_without_them() -> None:
    found = engine()
    question = "tôi đi dư giơ ơ trương cach trương minh 25 km thi đươc chi bao nhiêu tiên 1 buôi"
    assert found.letters.as_meant(question) == ("toi di du gio o truong cach truong minh 25 km "
                                               "thi duoc chi bao nhieu tien 1 buoi")
    answer = found.answer(question)
    assert answer.kind == "quoted" and answer.quote is not None
    assert "80.000" in answer.quote.text
    # one word the letters do not use, typed with its marks, is the word meant
    kept = "giáo viên dự giờ có được tăng lương không"
    assert found.letters.as_meant(kept) == kept
