"""A long message tells of a colleague first ("cô dạy Ngữ văn của tổ em vừa được chọn làm giám
khảo …") and then asks about them by the subject they teach ("cô Ngữ văn soạn đề cho học kỳ
nào"). The rule for that colleague is in what was told of them, not in the ask's few words: the
passage the story brings up answers the ask. The letter below is written here, in our own
words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_person, refers_back
from bot.knowledge.engine import AnsweringEngine
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH LẠNG SƠN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1207/SGDĐT-KTKĐ
V/v thành lập tổ soạn đề kiểm tra định kỳ cấp trung học phổ thông năm học 2026-2027
Lạng Sơn, ngày 04 tháng 12 năm 2026
Kính gửi: Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên.
1. Thành phần tổ soạn đề
a) Mỗi trường trung học phổ thông cử 01 giáo viên cho mỗi môn Toán, Ngữ văn, Tiếng Anh, Vật lí.
b) Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên cử giáo viên dạy các môn Toán, \
Ngữ văn, Tiếng Anh tham gia soạn đề, mỗi trung tâm không quá 02 người.
c) Giáo viên đang là giám khảo kỳ thi chọn học sinh giỏi cấp tỉnh không soạn đề học kỳ I; \
người này soạn đề học kỳ II cùng môn.
2. Thời hạn
Trường gửi danh sách tổ soạn đề về Sở trước ngày 15/01/2027.
"""

MESSAGE = ("Em là tổ trưởng chuyên môn một trường THPT ở xã Hữu Lũng. Cô dạy Ngữ văn của tổ em "
           "vừa được chọn làm giám khảo kỳ thi học sinh giỏi tỉnh. Vậy cô Ngữ văn soạn đề cho "
           "học kỳ nào ạ, và danh sách gửi Sở trước ngày nào?")


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv1207.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_a_teacher_called_by_their_subject_is_no_name() -> None:
    assert asked_person("cô Ngữ Văn soạn đề cho học kỳ nào", frozenset()) is None
    assert asked_person("thầy Tiếng Anh dạy lớp nào", frozenset()) is None
    assert asked_person("cô Lan soạn đề cho học kỳ nào", frozenset()) == "lan"


def test_an_ask_naming_a_colleague_by_what_was_told_refers_back() -> None:
    told = "Cô dạy Ngữ văn của tổ em vừa được chọn làm giám khảo kỳ thi học sinh giỏi tỉnh."
    assert refers_back(told, "cô Ngữ văn soạn đề cho học kỳ nào")
    assert refers_back("chị nấu chính chưa có giấy xác nhận.", "chị ấy học ngày nào")
    # a kind of teacher a rule may be for is asked about, not only told of
    assert not refers_back("một cô là giáo viên hợp đồng 3 tháng.",
                           "cô hợp đồng có phải đi học không")


def test_the_colleague_told_of_gets_the_rule_for_their_case() -> None:
    answer = engine().answer(MESSAGE, role="cbql")
    shown = " ".join(q.text for q in (answer.quote, *answer.also) if q is not None)
    assert "học kỳ II cùng môn" in shown
    assert "15/01/2027" in shown
