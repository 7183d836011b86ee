"""A teacher on an island asks whether they must go "vào đất liền" to learn: the mainland is
no word of a letter, which says where its class is and who does not come to it ("giáo viên
huyện đảo … không đến lớp, học trực tuyến"). The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter

LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH QUẢNG NGÃI
Số: 388/SGDĐT-GDTH
Quảng Ngãi, ngày 20 tháng 02 năm 2027
V/v tập huấn giáo viên tiểu học dạy bơi an toàn
1. Lịch học
Giáo viên tiểu học các xã, phường thuộc tỉnh Quảng Ngãi học trực tiếp ngày 13/3/2027 tại
Trường Tiểu học Lê Trung Đình, phường Cẩm Thành. Giáo viên đặc khu Lý Sơn không đến lớp, học
trực tuyến cùng ngày qua đường truyền của Sở.
2. Hồ sơ
Các trường gửi danh sách về Sở trước ngày 05/3/2027.
"""


def test_an_islander_going_to_the_mainland_is_told_the_islands_rule() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    for question in ("gv tiểu học ở lý sơn có phải vô đất liền học tt ko ạ",
                     "giáo viên đặc khu Lý Sơn có phải vào đất liền tập huấn không"):
        answer = engine.answer(question)
        assert answer.kind == "quoted" and answer.quote is not None, question
        assert "học trực tuyến" in answer.quote.text, question
