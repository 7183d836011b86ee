"""Each ask of a message gets the value it wants: "gọi ai, số nào" a person with a phone, "bước
mấy" the number of that step, "mỗi việc hạn thế nào" a date for each thing named; an ask the
texts give no value for is refused: the year a plan never reaches, when or where a certificate
comes when no sentence on it says so. The entries and texts below are written here, in our own
words."""

from __future__ import annotations

import gettext

from bot.knowledge.asked import asked_kind, separate_asks, states_which
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.named_matters import certificate_unplaced
from bot.knowledge.render import WITH_ASKS_LIMIT, plain_text, render_answer

SOURCE = (Source("letter", "88/SGDĐT", "5/2026", "Sở GD&ĐT Bình Phước"),)
RULES = Entry(
    "rules", "t", "Bình Phước: tổ trưởng cần xong gì để dự lớp kỹ năng số?",
    "Tổ trưởng chuyên môn được dự lớp kỹ năng số khi đã:\n"
    "• nộp bài thu hoạch lớp an toàn thông tin;\n"
    "• nhập điểm rèn luyện của mọi học sinh lớp chủ nhiệm trên phần mềm;\n"
    "• duyệt kế hoạch dạy học của các giáo viên trong tổ.\n\n"
    "Lưu ý: " + " ".join("bài thu hoạch viết tay phải chụp rõ nét, đủ trang;" for _ in range(18)),
    ("tổ trưởng cần xong gì để dự lớp kỹ năng số",), province="binh_phuoc", sources=SOURCE)
CONTACT = Entry(
    "contact", "t", "Bình Phước: hỏi về lớp kỹ năng số gọi ai?",
    "Vướng mắc về lớp kỹ năng số, liên hệ bà Trần Thu, chuyên viên Phòng Giáo dục phổ thông "
    "của Sở, điện thoại 0912 345 678.",
    ("hỏi về lớp kỹ năng số gọi ai",), province="binh_phuoc", sources=SOURCE)


def shown(answer: Answer) -> str:
    return plain_text(render_answer(answer, gettext.gettext))


def test_the_last_asks_answer_is_kept_before_an_earlier_ones_notes() -> None:
    short = Entry("short", "t", "Bình Phước: lớp kỹ năng số học mấy buổi?",
                  "Lớp kỹ năng số học <b>hai buổi</b> tại trường, sáng thứ Bảy.",
                  ("lớp kỹ năng số học mấy buổi",), province="binh_phuoc", sources=SOURCE)
    assert len(shown(Answer("confident", short, 0.9, also=(RULES,)))) <= WITH_ASKS_LIMIT
    text = shown(Answer("confident", short, 0.9, also=(RULES, CONTACT)))
    assert "nộp bài thu hoạch" in text
    assert "0912 345 678" in text
    assert len(text) <= WITH_ASKS_LIMIT


def test_a_contact_ask_after_a_story_gets_a_person_and_a_phone() -> None:
    found = AnsweringEngine([RULES, CONTACT])
    text = shown(found.answer(
        "Chào Sở, tôi là tổ trưởng tổ Toán một trường THCS ở Bình Phước, đã nộp bài thu "
        "hoạch rồi. Tôi có phải tự nhập điểm rèn luyện cho mọi học sinh không? Nếu còn "
        "vướng thì tôi gọi ai ở Sở, số nào?"))
    assert "0912 345 678" in text


def test_which_number_to_dial_and_whose_signature_are_told_apart_from_a_count_and_a_signer(
) -> None:
    assert asked_kind("máy tính bị lỗi thì gọi tổng đài số mấy") == "phone"
    assert asked_kind("trường có bao nhiêu lớp") == "number"
    assert asked_kind("xin chữ ký của ai, ký xong nộp ở đâu") != "signer"
    assert asked_kind("kế hoạch do ai ký duyệt") != "signer"
    assert asked_kind("văn bản này do ai ký") == "signer"


def test_an_ask_naming_its_subject_over_a_lists_comma_is_an_ask_of_its_own() -> None:
    _told, asks = separate_asks(
        "Tôi ở Phòng GD. Bảng tổng hợp điểm nộp trước ngày nào, sổ theo dõi điểm lớp 6, 7 nộp "
        "trước ngày nào, và kế hoạch năm học gửi trong thời gian nào?") or ("", ())
    assert len(asks) == 3
    assert asks[1] == "sổ theo dõi điểm lớp 6, 7 nộp trước ngày nào"


def test_the_value_of_each_of_two_things_is_asked_of_each() -> None:
    _told, asks = separate_asks(
        "Trường phải nộp bảng điểm rèn luyện và sổ theo dõi thiết bị: mỗi việc hạn "
        "thế nào?") or ("", ())
    assert asks == ("Trường phải nộp bảng điểm rèn luyện hạn thế nào?",
                    "sổ theo dõi thiết bị hạn thế nào?")


def test_which_step_is_answered_by_that_steps_number_only() -> None:
    assert not states_which("phòng lập dự toán ở bước mấy", "Giáo viên lớp 1 học trước.")
    assert states_which("phòng lập dự toán ở bước mấy", "Bước 3: Phòng lập dự toán.")
    assert states_which("phòng lập dự toán thế nào", "Giáo viên lớp 1 học trước.")


def test_a_plan_of_one_year_does_not_answer_the_next_ones_month() -> None:
    plan = Entry(
        "plan", "t", "Kiên Giang: tháng học lớp kỹ năng số",
        "Giáo viên dạy lớp 3 năm học 2026-2027 học lớp kỹ năng số trong <b>tháng 8 năm "
        "2026</b>.", ("tháng học lớp kỹ năng số kiên giang",), province="kien_giang",
        sources=(Source("letter", "9/KH-SGDĐT", "6/2026", "Sở GD&ĐT Kiên Giang"),))
    found = AnsweringEngine([plan])
    assert found.answer("Kiên Giang tháng học lớp kỹ năng số năm 2026 là tháng mấy").kind \
        != "none"
    assert found.answer("Kiên Giang năm 2027 học lớp kỹ năng số tháng mấy").kind == "none"


def test_when_or_where_a_certificate_comes_needs_a_sentence_saying_so() -> None:
    asked = "học xong thì bao giờ nhận giấy chứng nhận, nhận ở đâu"
    assert certificate_unplaced(asked, "Muốn có giấy chứng nhận, bài thu hoạch phải được "
                                       "tổ duyệt. Hạn duyệt: trước 10/5/2026.")
    assert not certificate_unplaced(asked, "Sở cấp giấy chứng nhận trước ngày 30/6/2026.")
    assert not certificate_unplaced(asked, "Giấy chứng nhận tải về trên hệ thống LMS.")
    assert not certificate_unplaced("muốn có giấy chứng nhận cần điều kiện gì",
                                    "Bài thu hoạch phải được duyệt.")
