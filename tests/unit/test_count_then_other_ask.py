"""A message asking how many to send, then when and where those sent learn ("trường tôi cử
mấy giáo viên, các thầy cô học ngày nào, ở đâu"): the second ask names its own subject, so
it is an ask of its own, answered by the sentence on the asker's place, not by the rule on
how many are sent; and a passage quoted for one ask is not shown again under its heading for
another. The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.asked import separate_asks
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi").gettext
LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ ĐÀ NẴNG
Số: 733/SGDĐT-GDTrH
Đà Nẵng, ngày 02 tháng 3 năm 2027
V/v tập huấn giáo viên dạy kỹ năng an toàn trên mạng
1. Số người tham dự
Mỗi trường trung học cơ sở công lập cử 01 giáo viên Tin học; trường có từ 30 lớp trở lên cử
02 giáo viên. Trường ngoài công lập cử không quá 01 giáo viên.
2. Lịch học trực tiếp
Giáo viên các phường thuộc quận Hải Châu, quận Thanh Khê trước đây học ngày 10/4/2027 tại
Trường THCS Nguyễn Huệ, phường Hải Châu. Giáo viên các xã thuộc huyện Hòa Vang trước đây học
ngày 17/4/2027 tại Trường THCS Nguyễn Văn Linh, xã Hòa Vang.
"""


def test_an_ask_naming_its_own_subject_after_a_count_is_its_own() -> None:
    found = separate_asks("Tôi là hiệu trưởng trường THCS ở quận Thanh Khê cũ, trường có 36 "
                          "lớp. Trường tôi cử mấy giáo viên, các thầy cô học trực tiếp ngày "
                          "nào, ở đâu?")
    assert found is not None
    assert found[1] == ("Trường tôi cử mấy giáo viên", "các thầy cô học trực tiếp ngày nào, ở đâu?")


def test_each_ask_of_a_long_message_is_answered_once() -> None:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    answer = engine.answer("Chào anh chị, tôi là hiệu trưởng trường THCS công lập ở phường thuộc "
                           "quận Thanh Khê cũ, trường có 36 lớp. Xin hỏi trường tôi cử mấy giáo "
                           "viên, các thầy cô học trực tiếp ngày nào, ở đâu? Cảm ơn anh chị.")
    text = plain_text(render_answer(answer, VI))
    assert "02 giáo viên" in text and "10/4/2027" in text and "Nguyễn Huệ" in text
    assert text.count("trường có từ 30 lớp trở lên") == 1
