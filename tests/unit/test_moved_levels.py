"""A table of marks whose rows are groups of learners and whose columns are what they must
study answers one who moved between school levels from the row for such a move: by the two
levels it names ("giáo viên mầm non chuyển sang dạy lớp 1") or by "another level" ("được
chuyển sang trường khác cấp học"), for a teacher or a manager as the asker is, with the
row's own deadline. "Khi nào" asked beside the conditions asks in which case, not a date.

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_kind
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import LetterIndex, Quote
from bot.knowledge.letter_tables import ABOVE, LEFT, table_lines
from bot.knowledge.letters import read_letter
from tests.letter_quotes import one_letter

HEADER = [
    "UBND TỈNH NGHỆ AN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 2291/SGDĐT-GDTX",
    "V/v bồi dưỡng các chuyên đề cho giáo viên, cán bộ quản lý mới tuyển, chuyển cấp học",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Nghệ An, ngày 03 tháng 12 năm 2026",
]
# a tick where the group studies the topic, the deadline per row
GRID = [
    ["TT", "Đối tượng", "Chuyên đề bắt buộc", LEFT, LEFT, LEFT, "Thời hạn"],
    [ABOVE, ABOVE, "Chuyên đề A", "Chuyên đề B", "Chuyên đề C", "Chuyên đề D", ABOVE],
    ["1", "Giáo viên nhận công tác lần đầu từ năm học 2024-2025", "✓", "✓", "✓", "✓",
     "30/6/2027"],
    ["2", "Giáo viên luân chuyển giữa các bậc học phổ thông, từ tiểu học lên trung học cơ sở "
     "hoặc ngược lại", "", "✓", "✓", "", "15/4/2027"],
    ["3", "Giáo viên mầm non chuyển sang dạy lớp 1 ở trường tiểu học", "✓", "✓", "✓", "",
     "20/5/2027"],
    ["4", "Hiệu trưởng, phó hiệu trưởng mới bổ nhiệm", "✓", "✓", "✓", "✓", "30/6/2027"],
    ["5", "Hiệu trưởng, phó hiệu trưởng được chuyển sang trường khác cấp học", "✓", "", "",
     "✓", "10/4/2027"],
]


BODY = ["1. Đối tượng và chuyên đề",
        "Người học thuộc nhóm nào thì học các chuyên đề có đánh dấu ở hàng của nhóm đó:",
        *table_lines(GRID),
        "2. Cấp chứng nhận",
        "Học viên được cấp chứng nhận hoàn thành chuyên đề khi bài kiểm tra cuối chuyên đề "
        "đạt từ 5 điểm trở lên và tham dự đủ 80% số buổi thảo luận do tổ bộ môn tổ chức. "
        "Mỗi chuyên đề hoàn thành được tính 8 tiết bồi dưỡng thường xuyên.",
        "3. Danh sách",
        "Trường tiểu học, trung học cơ sở gửi danh sách người học cho Phòng Văn hóa - Xã hội "
        "trước ngày 12/12/2026.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hồ Văn Lâm"]


def _index() -> LetterIndex:
    return one_letter("\n".join([*HEADER, *BODY]))


def _quoted(question: str) -> str:
    quote = _index().search(question)
    assert quote is not None, question
    return quote.text


def test_a_manager_moved_to_another_level_gets_the_managers_move_row() -> None:
    # the teachers' move row names both levels; the managers' says "khác cấp học"
    text = _quoted("hiệu phó trường tiểu học vừa được điều sang làm hiệu phó trường THCS "
                   "thì phải học chuyên đề nào, hạn bao giờ")
    assert "khác cấp học" in text and "10/4/2027" in text
    assert "15/4/2027" not in text


def test_a_teacher_moved_between_two_levels_gets_the_row_naming_that_move() -> None:
    text = _quoted("thầy dạy thcs chuyển xuống trường tiểu học thì hạn hoàn thành là bao giờ")
    assert "15/4/2027" in text and "10/4/2027" not in text
    # a preschool teacher now teaching grade 1: the row naming both, not the move between
    # the levels of general education
    text = _quoted("cô giáo mầm non chuyển lên dạy tiểu học học những chuyên đề nào, hạn khi nào")
    assert "20/5/2027" in text and "15/4/2027" not in text


def test_when_asked_beside_the_conditions_asks_in_which_case_not_a_date() -> None:
    assert asked_kind("khi nào thì được cấp chứng nhận, cần những điều kiện gì") is None
    assert asked_kind("chứng nhận cấp khi nào") == "date"
    assert asked_kind("điều kiện là gì, hạn chót khi nào") == "date"
    text = _quoted("khi nao thi duoc cap chung nhan hoan thanh chuyen de, can dieu kien gi")
    assert "80%" in text


def test_a_principal_asking_of_a_teacher_of_theirs_gets_the_teachers_row() -> None:
    # the asker is a principal; the teacher "năm ngoái" moved is whom the ask is about
    # ("năm ngoái", last year, is no "ngoài", besides)
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter("\n".join([*HEADER, *BODY])),
                                                id=1)])
    message = ("Chào Sở, tôi là hiệu trưởng một trường tiểu học ở xã thuộc huyện Mèo Vạc cũ. "
               "Trường tôi có một thầy năm ngoái chuyển từ trường THCS xuống dạy lớp 4, "
               "chưa học chuyên đề nào. Thầy chuyển cấp phải xong trước ngày nào, còn danh sách "
               "thì trường gửi cho ai?")
    answer = engine.answer(message)
    quotes = [q for q in (answer.quote, *answer.also) if isinstance(q, Quote)]
    text = "\n".join(q.text for q in quotes)
    assert "15/4/2027" in text and "10/4/2027" not in text, text
    assert "Phòng Văn hóa - Xã hội" in text, text


def test_the_marks_of_the_askers_row_add_up_by_what_the_letter_gives_each() -> None:
    # three ticks in the preschool teachers' row, "mỗi chuyên đề … 8 tiết": 24 periods
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter("\n".join([*HEADER, *BODY])),
                                                id=1)])
    answer = engine.answer("gv mầm non chuyển sang dạy lớp 1 ở trường tiểu học học xong các "
                           "chuyên đề thì được tính bao nhiêu tiết bdtx")
    assert answer.worked is not None and answer.worked.result == 24, answer
    assert [p[3] for p in answer.worked.parts] == ["Chuyên đề A", "Chuyên đề B", "Chuyên đề C"]


def test_an_office_named_xa_hoi_names_no_askers_commune() -> None:
    found = _index().candidates("trường em ở xã thuộc huyện Mèo Vạc cũ, danh sách gửi cho ai",
                                at=0.3)
    sending = [q for q in found if "Phòng Văn hóa - Xã hội" in q.text]
    assert sending and all(q.named == 0.0 for q in sending)
