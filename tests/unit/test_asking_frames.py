"""A question's words that frame what it asks are not what the letter must say: "mấy giờ bắt
đầu, mấy giờ kết thúc" is answered by "từ 7 giờ 30 đến 17 giờ", "học xong thì được tính mấy
tiết" by the letter's own conditions, "có phải trả tiền không" by a sum or "miễn phí". And a
quote answers what was asked of it: an item cancelling a class comes with the item saying where
its teachers go, a deadline asked is a date something is due by, "nộp cho ai" is answered by
the office named, "có chứng chỉ" names no "cô".

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_person, asked_values, holds
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import QUOTE_AT
from bot.knowledge.letters import read_letter
from bot.knowledge.normalize import words

LETTER = "\n".join([
    "UBND TỈNH QUẢNG TRỊ",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 915/SGDĐT-GDTrH",
    "V/v bồi dưỡng giáo viên trung học cơ sở dạy học theo định hướng STEM năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quảng Trị, ngày 09 tháng 3 năm 2027",
    "Kính gửi: Các trường trung học cơ sở, trường phổ thông dân tộc nội trú.",
    "Ngày 02/02/2027, Sở Giáo dục và Đào tạo ban hành Kế hoạch số 120/KH-SGDĐT về lớp STEM; "
    "nay nhiều trường tư thục đề nghị cho giáo viên cùng học. Sở điều chỉnh như sau.",
    "I. ĐIỀU CHỈNH LỚP HỌC",
    "1. Không tổ chức Lớp Cam Lộ (dự kiến học ngày 10/4/2027 tại Trường THCS Cam Lộ).",
    "2. Giáo viên của Lớp Cam Lộ học cùng Lớp Đông Hà ngày 17/4/2027 tại Trường THCS Nguyễn "
    "Trãi, phường Đông Hà.",
    "II. THỜI GIAN, ĐỊA ĐIỂM",
    "1. Ngày học trực tiếp, buổi sáng từ 7 giờ 30 đến 11 giờ 00, buổi chiều từ 13 giờ 30 "
    "đến 17 giờ 00; học viên mang theo máy tính xách tay.",
    "2. Sản phẩm: một kế hoạch bài dạy STEM của môn mình dạy, nộp lên hệ thống trước ngày "
    "15/5/2027.",
    "3. Học viên đạt bài kiểm tra, dự đủ ngày trực tiếp và có sản phẩm đạt được cấp giấy "
    "chứng nhận của lớp STEM, tính 24 tiết vào kế hoạch bồi dưỡng thường xuyên của năm học.",
    "4. Tài liệu in được phát miễn phí lần đầu; cấp lại từ lần thứ hai, học viên nộp "
    "15.000 đồng một bộ.",
    "5. Giáo viên có chứng chỉ Kỹ sư STEM quốc tế còn hạn được miễn phần kiểm tra; nhà "
    "trường tải bản chụp chứng chỉ lên hệ thống trước ngày 20/3/2027.",
    "III. TRƯỜNG TƯ THỤC",
    "1. Trường trung học cơ sở tư thục được cử giáo viên đi học, đóng học phí 300.000 đồng "
    "một người, nộp cho Trường Cao đẳng Sư phạm Quảng Trị trước ngày 25/3/2027.",
    "2. Danh sách của các trường này gửi Phòng Văn hóa - Xã hội trước ngày 22/3/2027.",
    "IV. KINH PHÍ",
    "Giáo viên trường công lập được cử đi học không đóng học phí; trường tư thục tự chi tiền "
    "đi lại cho giáo viên. Sở hỗ trợ tiền ăn 50.000 đồng một người một ngày; giáo viên ở xa "
    "được bố trí chỗ nghỉ tối 16/4/2027.",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Lê Văn Thành",
])


def _quoted(question: str) -> str:
    """What the engine, with the letter loaded and no entries, quotes for ``question``."""
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    answer = engine.answer(question)
    assert answer.kind == "quoted" and answer.quote is not None, (question, answer)
    assert answer.confidence >= QUOTE_AT, answer  # as sure as a quote standing on its own
    return answer.quote.text


def test_the_bounds_of_a_time_asked_are_answered_by_from_and_to() -> None:
    text = _quoted("hoc truc tiep may gio bat dau, may gio ket thuc")
    assert "7 giờ 30" in text and "17 giờ 00" in text


def test_finishing_the_course_is_the_askers_condition_the_letter_states_its_own() -> None:
    assert "24 tiết" in _quoted(
        "Học xong lớp STEM thì được tính bao nhiêu tiết bồi dưỡng thường xuyên ạ?")


def test_whether_one_pays_is_answered_by_the_sum() -> None:
    assert "15.000" in _quoted("xin lai tai lieu in co phai nop tien khong, bao nhieu")


def test_the_course_end_is_when_the_product_comes_not_a_word_the_letter_must_say() -> None:
    assert "15/5/2027" in _quoted("Sản phẩm cuối khóa là gì, nộp trước ngày nào?")


def test_a_word_typed_with_the_marks_of_have_is_no_title() -> None:
    question = "Em có chứng chỉ Kỹ sư STEM thì được miễn phần nào, nộp bản chụp trước ngày nào?"
    assert asked_person(question, frozenset()) is None
    assert "20/3/2027" in _quoted(question)
    assert asked_person("Cô Hoa ở phòng nào", frozenset()) == "hoa"


def test_a_cancelled_class_is_quoted_with_where_its_teachers_go() -> None:
    text = _quoted("lop cam lo ngay 10/4 con hoc nua khong")
    assert "Không tổ chức" in text and "17/4/2027" in text


def test_a_deadline_asked_is_a_date_something_is_due_by_not_the_letters_own() -> None:
    assert "deadline" in asked_values("danh sách trường tư thục gửi phòng hạn chót ngày nào")
    assert "deadline" not in asked_values("học trực tiếp ngày nào")
    assert not holds("deadline", "Ngày 02/02/2027, Sở ban hành Kế hoạch số 120/KH-SGDĐT")
    assert holds("deadline", "gửi Phòng Văn hóa - Xã hội trước ngày 22/3/2027")


def test_whom_to_hand_in_to_is_answered_by_the_office_named() -> None:
    text = _quoted("Trường tư thục cử giáo viên đi học thì đóng học phí bao nhiêu, nộp cho ai, "
                   "hạn ngày nào?")
    assert "300.000" in text and "25/3/2027" in text
    assert holds("person", "nộp cho Trường Cao đẳng Sư phạm Quảng Trị trước ngày 25/3/2027")
    assert not holds("person", "học tại Trường THCS Nguyễn Trãi ngày 17/4/2027")


def test_a_lecturers_abbreviation_reads_teacher_training() -> None:
    assert words("giảng viên SP đã duyệt") == ["giảng", "viên", "sư", "phạm", "đã", "duyệt"]


def test_where_the_askers_school_is_told_with_its_kind_is_no_subject() -> None:
    # "ở phường Đông Hà": the letter names the ward for a venue, which the rule asked about
    # does not repeat
    assert "24 tiết" in _quoted(
        "Trường tôi ở phường Đông Hà, học viên được tính bao nhiêu tiết bồi dưỡng thường xuyên?")
