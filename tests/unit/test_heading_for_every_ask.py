"""A message headed with whose case it is ("cbql cốt cán thpt ở bp: …, còn …") has every ask
answered for that case, the later asks too, though only the first carries the heading. The
entries are written here, in our own words."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source

SOURCE = (Source("letter", "/SGDĐT-GDTrH", "5/2025", "Sở GD&ĐT Bình Phước"),)


def entry(entry_id: str, answer: str, *questions: str) -> Entry:
    return Entry(entry_id, "approvals", questions[0], answer, questions,
                 province="binh_phuoc", sources=SOURCE)


ONLINE = entry("mgr_online", "CBQL cốt cán cấp THPT chọn duyệt online thì báo cho chuyên viên "
               "Sở là bà Trần Thị Lan để được duyệt trên hệ thống.",
               "cbql cốt cán thpt duyệt online thì báo cho ai")
PRINTED = entry("mgr_printed", "CBQL cốt cán cấp THPT chọn duyệt trực tiếp thì in kế hoạch "
                "ra, xin lãnh đạo Sở ký, đóng dấu rồi nộp bản quét.",
                "cbql cốt cán thpt in kế hoạch ra thì xin ai ký",
                "cbql cốt cán thpt duyệt trực tiếp thì xin chữ ký của ai")
TEACHER = entry("teacher_printed", "Giáo viên cốt cán chọn duyệt trực tiếp thì in kế hoạch ra, "
                "xin hiệu trưởng ký, đóng dấu rồi nộp bản quét.",
                "giáo viên cốt cán in kế hoạch ra thì xin ai ký",
                "giáo viên cốt cán duyệt trực tiếp thì xin chữ ký của ai")


def test_a_later_ask_is_answered_for_the_case_the_heading_names() -> None:
    engine = AnsweringEngine([ONLINE, PRINTED, TEACHER])
    answer = engine.answer("cbql cốt cán thpt ở bình phước: nếu chọn duyệt online thì báo cho "
                           "ai, còn nếu in ra thì xin chữ ký của ai")
    shown = [e.id for e in (answer.entry, *answer.also) if isinstance(e, Entry)]
    assert shown[0] == "mgr_online" and "mgr_printed" in shown, shown
    assert "teacher_printed" not in shown, shown
