"""A question naming a sanction or a certificate is answered only by a text naming one: a
summary sharing the question's other words (the course, the year, the province) gets the
honest no. The entries are written here, in our own words."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.named_matters import unnamed_matter

SOURCE = (Source("plan", "77/KH-SGDĐT", "9/2025", "Sở GD&ĐT Bình Phước"),)
SUMMARY = Entry(
    "ls_summary", "documents", "Bình Phước 2025: kế hoạch bồi dưỡng trực tuyến chuyên đề 4",
    "Kế hoạch 77/KH-SGDĐT: giáo viên tiểu học, THCS học trực tuyến chuyên đề 4 trên hệ "
    "thống của Sở; hoàn thành trước ngày 15/11/2025; kinh phí do ngân sách tỉnh bảo đảm.",
    ("kế hoạch bồi dưỡng trực tuyến chuyên đề 4 năm 2025 ở Bình Phước",
     "giáo viên hoàn thành chuyên đề 4 trực tuyến trước ngày nào"),
    province="binh_phuoc", sources=SOURCE)
RESULT = Entry(
    "ls_result", "completion", "Bình Phước: không hoàn thành chuyên đề 4 thì sao?",
    "Giáo viên không hoàn thành chuyên đề 4 bị xếp loại <b>chưa hoàn thành nhiệm vụ</b> "
    "bồi dưỡng năm 2025 và không được xét thi đua; Sở cấp giấy chứng nhận cho người học xong.",
    ("không hoàn thành chuyên đề 4 thì bị sao", "học xong chuyên đề 4 có gì"),
    province="binh_phuoc", sources=SOURCE)
EXAMS = Entry(
    "ls_exams", "exams", "Bình Phước: coi thi sai quy chế",
    "Cán bộ coi thi để thí sinh mang điện thoại vào phòng thi bị xử lý kỷ luật theo quy chế thi.",
    ("coi thi sai quy chế bị kỷ luật không",), province="binh_phuoc", sources=SOURCE)


def test_a_sanction_or_a_certificate_no_text_names_gets_the_honest_no() -> None:
    engine = AnsweringEngine([SUMMARY, EXAMS])
    for question in ("Bình Phước 2025, giáo viên không hoàn thành chuyên đề 4 trực tuyến thì bị "
                     "kỷ luật thế nào?",
                     "bp 2025 gv học trực tuyến chuyên đề 4 xong có đc cấp chứng chỉ ko"):
        assert engine.answer(question).kind == "none", question


def test_a_text_naming_the_matter_in_other_words_answers() -> None:
    engine = AnsweringEngine([SUMMARY, RESULT, EXAMS])
    answer = engine.answer("bp: giáo viên không hoàn thành chuyên đề 4 thì bị kỷ luật thế nào")
    assert answer.kind != "none" and answer.entry is not None and answer.entry.id == "ls_result"
    assert unnamed_matter("học xong có được cấp chứng chỉ không", RESULT.answer) is None
    assert unnamed_matter("hạn hoàn thành chuyên đề 4 là ngày nào", SUMMARY.answer) is None


def test_a_certificate_told_as_the_aim_or_as_held_is_not_what_is_asked() -> None:
    deadline = "Phòng GD&ĐT duyệt xong trước ngày 15/11/2025."
    assert unnamed_matter("Phòng phải duyệt xong trước ngày nào để giáo viên kịp được cấp "
                          "chứng chỉ?", deadline) is None
    assert unnamed_matter("cô ấy đã được cấp chứng nhận hoàn thành chuyên đề 4 rồi thì có phải "
                          "học lại không", deadline) is None
    assert unnamed_matter("học xong có được cấp giấy chứng nhận không", deadline) == \
        "certificate"


def test_a_lighter_teaching_load_is_answered_only_by_a_text_taking_periods_off() -> None:
    sessions = ("Các buổi dự giờ xếp vào chiều thứ Năm; không cắt giảm giờ dạy chính khóa của "
                "học sinh để đi dự.")
    question = "giáo viên đi dự giờ ở cụm có được giảm tiết dạy mỗi tuần không"
    assert unnamed_matter(question, sessions) == "reduced load"
    assert unnamed_matter("gv hướng dẫn có dc giảm định mức ko", sessions) == "reduced load"
    assert unnamed_matter(question, "Người đi dự giờ được giảm 02 tiết mỗi tuần.") is None
    assert unnamed_matter("có được giảm định mức không",
                          "được giảm 10% định mức tiết dạy trong học kỳ") is None
    assert unnamed_matter("các buổi dự giờ xếp vào ngày nào", sessions) is None
