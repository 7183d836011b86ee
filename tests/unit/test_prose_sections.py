"""A letter written as prose, its items under numbered sections, is read the way an officer
reads it: an item "b) …" goes on the sentence that leads the list, a section named after an
earlier document speaks of what the letter says that document is about, and a letter sent to
one level's schools speaks to that level's teachers. The letter is written here, in our own
words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH CÀ MAU
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 415/SGDĐT-GDTrH
V/v tập huấn kỹ năng số cho giáo viên năm học 2026-2027
Cà Mau, ngày 02 tháng 3 năm 2027
Kính gửi:
- Ủy ban nhân dân các xã, phường;
- Các trường trung học cơ sở, trung học phổ thông trực thuộc.
Ngày 12/01/2027, Sở Giáo dục và Đào tạo ban hành Kế hoạch số 96/KH-SGDĐT về việc đăng ký \
nhân viên thư viện tham dự lớp tập huấn khai thác học liệu điện tử. Sở hướng dẫn như sau:
1. Cử người tham dự
Các đơn vị chọn người theo định mức sau:
a) Trường có dưới 20 lớp: 01 người;
b) Trường có từ 20 lớp trở lên: 02 người;
c) Trường phổ thông có nhiều cấp học chọn riêng cho mỗi cấp học theo định mức trên.
Mỗi trường trung học phổ thông cử thêm 02 giáo viên làm báo cáo viên: 01 giáo viên Ngữ văn và \
01 giáo viên Lịch sử.
2. Học trực tuyến
Học 16 tiết trên hệ thống https://kynangso.camau.edu.vn từ ngày 05/4/2027 đến ngày 25/4/2027.
3. Điều chỉnh, bổ sung một số nội dung và thời gian đã nêu tại Kế hoạch số 96/KH-SGDĐT
a) Thời hạn gửi danh sách được lùi từ ngày 15/3/2027 sang ngày 29/3/2027.
b) Lớp không tổ chức tại Trung tâm Hội nghị tỉnh mà tổ chức tại Trường Cao đẳng Cà Mau.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv415.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def quoted(question: str) -> str:
    answer = engine().answer(question)
    assert answer.kind == "quoted" and answer.quote is not None, answer
    assert answer.quote.letter.meta.number.startswith("415")
    return answer.quote.text


def test_an_item_goes_on_the_sentence_leading_its_list() -> None:
    # "chọn người theo định mức" is said once, above the items that give each number
    assert "02 người" in quoted("đơn vị từ 20 lớp trở lên chọn mấy người theo định mức")


def test_a_section_on_an_earlier_document_speaks_of_what_that_document_is_about() -> None:
    # section 3 never repeats what plan 96 is about; the opening paragraph says it
    text = quoted("hạn đăng ký nhân viên thư viện tham dự lớp khai thác học liệu điện tử "
                  "bây giờ là ngày nào")
    assert "29/3/2027" in text


def test_a_long_heading_is_read_in_full_though_its_label_is_shortened() -> None:
    # the path shows "3. Điều chỉnh, bổ sung … đã nêu tại Kế hoạch…"; its number still counts
    assert "Trường Cao đẳng Cà Mau" in quoted("theo kh 96 thì lớp tổ chức ở đâu")


def test_a_letter_sent_to_one_levels_schools_speaks_to_its_teachers() -> None:
    # "trung học phổ thông" is only among the addressees, never in section 2
    text = quoted("gv thpt học trực tuyến mấy tiết")
    assert "16 tiết" in text


def test_which_subjects_is_answered_by_the_sentence_naming_them() -> None:
    # the letter names the subjects and never writes "môn" or "gồm"
    text = quoted("báo cáo viên gồm những môn nào")
    assert "Ngữ văn" in text and "Lịch sử" in text


def test_a_school_of_several_levels_is_read_as_the_letter_names_it() -> None:
    # "trường liên cấp" is the letters' "trường phổ thông có nhiều cấp học"
    assert "mỗi cấp học" in quoted("trường liên cấp chọn mấy người theo định mức")
