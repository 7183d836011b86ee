"""A school teaching two levels sends each level's quota: the letter gives one count per level,
one of them broken down after a colon ("02 giáo viên: 01 … và 01 …"), and a principal of such a
school asks how many in all. The answer adds the two levels' counts, not the parts of one."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.evaluation import vietnamese_gettext
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from bot.textnorm import fold

LETTER = """UBND TỈNH PHÚ THỌ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 905/SGDĐT-GDTrH
V/v tập huấn giáo viên dạy trí tuệ nhân tạo năm 2027
Phú Thọ, ngày 12 tháng 5 năm 2027
Kính gửi: Các trường trung học.
1. Thành phần
Mỗi trường trung học phổ thông cử 02 giáo viên: 01 giáo viên dạy Tin học và 01 giáo viên dạy \
Công nghệ. Mỗi trường trung học cơ sở cử 01 giáo viên dạy Tin học. Trường có hai cấp học cử \
người cho từng cấp như trên.
2. Thời gian
Lớp tập huấn học trực tuyến từ ngày 02/6/2027 đến ngày 04/6/2027.
"""


def shown(question: str) -> str:
    loaded = AnsweringEngine()
    read = read_letter_file(LETTER.encode(), "pt905.txt").letter
    loaded.letters.replace([dataclasses.replace(read, id=1)])
    return fold(plain_text(render_answer(loaded.answer(question), vietnamese_gettext())))


def test_a_school_of_both_levels_adds_each_levels_quota() -> None:
    answer = shown("Trường tôi có cả THCS và THPT thì cử bao nhiêu giáo viên đi tập huấn?")
    assert "= 3" in answer and "= 4" not in answer
