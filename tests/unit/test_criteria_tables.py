"""A table may lay its groups out as columns and its criteria as rows ("Địa điểm", "Kinh phí"
down the side, one class per column). A question naming a group and asking one value ("giáo
viên THCS học ở đâu") is answered by the one row stating that kind of value, and a question
asking two ("ngày nào, ở đâu") by the two rows, not by the row sharing most words ("Số học
viên" for "giáo viên … học"). The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses
import gettext

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import LEFT, letter_docx

HEADER = (["UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1207/SGDĐT-TCCB",
           "V/v lớp bồi dưỡng kỹ năng tư vấn tâm lý học đường năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Nghệ An, ngày 05 tháng 02 năm 2027"])
BODY = [
    "Kính gửi: Các trường phổ thông trực thuộc Sở; Ủy ban nhân dân các xã, phường.",
    "1. Các lớp bồi dưỡng",
    "Sở mở ba lớp bồi dưỡng kỹ năng tư vấn tâm lý cho giáo viên phụ trách công tác tư vấn "
    "học sinh. Thông tin từng lớp như sau:",
    [["Nội dung", "Lớp 1 - Tiểu học", "Lớp 2 - Trung học cơ sở", "Lớp 3 - Trung học phổ thông"],
     ["Số học viên", "210", "180", "95"],
     ["Thời lượng", "32 tiết", "40 tiết", LEFT],
     ["Học trực tiếp", "13/3/2027 - 14/3/2027", "20/3/2027 - 21/3/2027",
      "27/3/2027 - 28/3/2027"],
     ["Địa điểm", "Trường Cao đẳng Sư phạm Nghệ An, phường Vinh Tân", LEFT,
      "Trường THPT Huỳnh Thúc Kháng, phường Trường Vinh"],
     ["Kinh phí học viên đóng", "Không", "350.000 đồng", LEFT]],
    "2. Đăng ký",
    "Giáo viên trường ngoài công lập đăng ký qua thư điện tử tuvan@nghean.edu.vn trước ngày "
    "25/02/2027.",
]


def engine() -> AnsweringEngine:
    letter = read_letter_file(letter_docx(BODY, HEADER), "cv1207.docx").letter
    found = AnsweringEngine(())
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def shown(question: str) -> str:
    return plain_text(render_answer(engine().answer(question, role="gv"), gettext.gettext))


def test_the_row_stating_the_kind_asked_answers_not_the_one_sharing_most_words() -> None:
    text = shown("Giáo viên THCS học ở đâu?")
    assert "Cao đẳng Sư phạm Nghệ An" in text
    assert "Số học viên" not in text


def test_two_values_asked_are_answered_by_their_two_rows() -> None:
    text = shown("Giáo viên THCS học trực tiếp ngày nào, ở đâu ạ?")
    assert "20/3/2027" in text
    assert "Cao đẳng Sư phạm Nghệ An" in text


def test_a_group_asked_two_values_reads_its_own_column_not_the_other_groups_dates() -> None:
    text = shown("Giáo viên tiểu học học trực tiếp ngày nào, ở đâu?")
    assert "13/3/2027" in text
    assert "Cao đẳng Sư phạm Nghệ An" in text
    assert "20/3/2027" not in text and "27/3/2027" not in text  # the other classes' days


def test_a_table_of_the_usual_shape_is_not_read_down_its_columns() -> None:
    lines = table_lines([["Môn", "Thời lượng", "Học trực tuyến", "Kiểm tra"],
                         ["Khoa học tự nhiên", "240 tiết", "01/3/2027 - 30/6/2027", "10/7/2027"],
                         ["Lịch sử và Địa lí", "180 tiết", "01/3/2027 - 15/6/2027", "05/7/2027"],
                         ["Tin học", "60 tiết", "01/4/2027 - 30/4/2027", "12/5/2027"]])
    assert [line for line in lines if line] == [
        "Khoa học tự nhiên — Thời lượng: 240 tiết; Học trực tuyến: 01/3/2027 - 30/6/2027; "
        "Kiểm tra: 10/7/2027.",
        "Lịch sử và Địa lí — Thời lượng: 180 tiết; Học trực tuyến: 01/3/2027 - 15/6/2027; "
        "Kiểm tra: 05/7/2027.",
        "Tin học — Thời lượng: 60 tiết; Học trực tuyến: 01/4/2027 - 30/4/2027; "
        "Kiểm tra: 12/5/2027."]
