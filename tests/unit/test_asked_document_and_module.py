"""A question about a document by its number is answered by the entry written about that
document, not by the summary of a Sở's letter that relied on it; a date asked of a module none of
the named province's texts name is refused, while the modules it does name keep their answer.
The entries are written here, in our own words."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries
from bot.knowledge.named_document import documents_asked

SO = (Source("so", "/SGDĐT-GDTrH", "3/2026", "Sở GD&ĐT Bình Phước"),)
SUMMARY = Entry(
    "tb_summary", "documents", "Bình Phước 3/2026: công văn duyệt kế hoạch hỗ trợ đồng nghiệp",
    "Công văn của Sở GD&ĐT Bình Phước (3/2026) về duyệt kế hoạch hỗ trợ đồng nghiệp của giáo "
    "viên cốt cán: cốt cán nộp kế hoạch mô đun 2, 3 trên hệ thống, giảng viên duyệt rồi hiệu "
    "trưởng duyệt, hạn trước 15/4/2026.",
    ("công văn tháng 3/2026 của sở bình phước về duyệt kế hoạch hỗ trợ đồng nghiệp",
     "sở bình phước hướng dẫn duyệt kế hoạch cốt cán thế nào",
     "sở bình phước dựa vào văn bản nào của bộ khi hướng dẫn duyệt kế hoạch hỗ trợ đồng nghiệp"),
    province="binh_phuoc", sources=SO)
BO_LETTER = Entry(
    "cv7070", "legal", "Công văn 7070/BGDĐT-NGCBQLGD nói về gì?",
    "Công văn số 7070/BGDĐT-NGCBQLGD ngày 02/10/2025 của Bộ GD&ĐT hướng dẫn quản lý hồ sơ bồi "
    "dưỡng thường xuyên trên hệ thống trực tuyến; Sở Bình Phước dựa vào đó khi hướng dẫn duyệt "
    "kế hoạch hỗ trợ đồng nghiệp.",
    ("cv 7070 là công văn gì", "công văn 7070 của bộ ngày nào"),
    sources=SO)
DEADLINE = Entry(
    "tb_deadline", "deadlines", "Bình Phước: hạn học các mô đun 2026",
    "Năm 2026, giáo viên Bình Phước học mô đun 2, 3 và mô đun 4 trên hệ thống, hoàn thành "
    "trước ngày 30/11/2026.",
    ("hạn học xong các mô đun năm 2026 ở bình phước", "bình phước học mô đun 2 đến khi nào"),
    province="binh_phuoc", sources=SO)


def test_a_document_asked_about_by_its_number_is_answered_by_its_own_entry() -> None:
    # beside the knowledge base, whose entries on the Sở's approvals share the question's words
    engine = AnsweringEngine([*load_entries(), SUMMARY, BO_LETTER])
    question = ("Công văn 7070 của Bộ mà Sở Bình Phước dựa vào khi hướng dẫn duyệt kế hoạch hỗ "
                "trợ đồng nghiệp ban hành ngày nào?")
    answer = engine.answer(question)
    assert answer.entry is not None and answer.entry.id == "cv7070"
    # cited as where the asker read a rule, the document is not what is asked about
    assert documents_asked("theo công văn 7070 thì hiệu trưởng duyệt khi nào") == frozenset()


def test_a_date_of_a_module_no_text_of_the_province_names_is_refused() -> None:
    engine = AnsweringEngine([DEADLINE, SUMMARY])
    assert engine.answer("bình phước năm 2026 giáo viên phải học xong mô đun 7 trước ngày "
                         "nào").kind == "none"
    named = engine.answer("bình phước năm 2026 giáo viên phải học xong mô đun 4 trước ngày nào")
    assert named.entry is not None and named.entry.id == "tb_deadline"
