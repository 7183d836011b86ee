"""The class an asker is in, told by a sentence sending their place's people there.

A letter's timetable names its classes by level and by former province; a later sentence
says the people of a few former districts go to one class ("Giáo viên các xã thuộc huyện
Mường Khương, Si Ma Cai trước đây học Cụm 2, được hỗ trợ …"). A teacher of those districts
goes to that class, whatever level the other rows name. A class the asker would move to
("muốn chuyển sang học Cụm 2") is not theirs. The letter is written here, in our own words.
"""

from __future__ import annotations

import dataclasses
from functools import cache

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.classes import asked_classes
from bot.knowledge.letters import Letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext
BODY = [
    "Kính gửi: Các trường tiểu học, trung học cơ sở.",
    "1. Lịch học tập trung",
    "Giáo viên học một ngày tập trung theo cụm như bảng sau.",
    [["Cụm", "Giáo viên", "Ngày học", "Nơi học"],
     ["Cụm 1", "Tiểu học các xã, phường thuộc tỉnh Lào Cai trước đây", "08/01/2027",
      "Trường Tiểu học Kim Tân"],
     ["Cụm 2", "Tất cả các cấp học ở vùng cao", "15/01/2027", "Trường PTDTBT THCS Bắc Hà"]],
    "2. Kinh phí",
    "Giáo viên các xã thuộc huyện Mường Khương, Si Ma Cai trước đây học Cụm 2, được hỗ trợ "
    "tiền đi lại 150.000 đồng một người.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "GIÁM ĐỐC",
]


@cache
def letter() -> Letter:
    header = (["UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2190/SGDĐT-GDTH",
               "V/v bồi dưỡng giáo viên dạy học tiếng Việt cho học sinh dân tộc thiểu số"],
              ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
               "Lào Cai, ngày 14 tháng 12 năm 2026"])
    return read_letter_file(letter_docx(BODY, header), "cv2190.docx").letter


def test_a_teacher_of_a_district_the_letter_sends_to_a_class_gets_its_day() -> None:
    engine = default_engine()
    engine.letters.replace([dataclasses.replace(letter(), id=1)])
    text = plain_text(render_answer(engine.answer(
        "Em dạy tiểu học ở một xã thuộc huyện Si Ma Cai cũ thì học tập trung ngày nào?"), VI))
    assert "15/01/2027" in text and "08/01/2027" not in text, text


def test_the_class_one_would_move_to_is_not_ones_own() -> None:
    assert asked_classes("muốn chuyển sang học Cụm 2 thì báo ai") == frozenset()
    assert asked_classes("em học cụm 2, hỏi ngày học") == frozenset({"cum 2"})
