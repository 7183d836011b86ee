"""A question naming a numbered item ("chuyên đề 2") is answered by the line of that item, not
by its list's other lines; one asking how many ("mấy chuyên đề") by a text that numbers them,
not by a close summary naming none; a rule stated for one kind of core staff ("tổ trưởng cốt
cán") is no answer for the other, even when its entry is written for the office that approves.

The letter and the entries are written here, in our own words.
"""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.compared import compared_sides
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_quotes import one_letter, quoted

VI = translator("vi").gettext
SOURCE = (Source("plan", "88/KH-SGDĐT", "10/2025", "Sở GD&ĐT Bình Phước"),)

LETTER = [
    "UBND TỈNH ĐỒNG NAI",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 2210/SGDĐT-GDPT",
    "V/v tập huấn tổ trưởng chuyên môn năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Đồng Nai, ngày 02 tháng 11 năm 2026",
    "1. Nội dung tập huấn",
    "b) Các chuyên đề dành cho tổ trưởng chuyên môn",
    "- Chuyên đề 1: Xây dựng kế hoạch giáo dục của tổ theo năm học;",
    "- Chuyên đề 2: Tổ chức sinh hoạt chuyên môn theo nghiên cứu bài học;",
    "- Chuyên đề 3: Đánh giá học sinh bằng nhận xét và điểm số.",
    "2. Hình thức",
    "Tổ trưởng học trực tuyến trên hệ thống của Sở và làm bài kiểm tra cuối khóa.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Lâm",
]


def test_a_numbered_item_asked_is_quoted_without_its_siblings() -> None:
    text = quoted(one_letter("\n".join(LETTER)),
                  "đồng nai: chuyên đề 2 của tổ trưởng chuyên môn học về nội dung gì")
    assert "nghiên cứu bài học" in text
    assert "kế hoạch giáo dục của tổ" not in text and "nhận xét và điểm số" not in text


SUMMARY = Entry(
    "bp_leaders_summary", "plans", "Bình Phước: ai học tập huấn tổ trưởng chuyên môn THCS 2025?",
    "Năm 2025, tổ trưởng chuyên môn THCS ở Bình Phước học tập huấn các chuyên đề trực tuyến "
    "trên hệ thống của Sở.",
    ("tổ trưởng chuyên môn thcs ở bình phước năm 2025 phải học tập huấn những gì",),
    province="binh_phuoc", sources=SOURCE)
OWN_LETTER = "\n".join([
    "UBND TỈNH BÌNH PHƯỚC", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 88/KH-SGDĐT",
    "V/v tập huấn tổ trưởng chuyên môn THCS năm 2025",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Bình Phước, ngày 10 tháng 10 năm 2025",
    "1. Nội dung",
    "Tổ trưởng chuyên môn THCS học các chuyên đề sau:",
    "- Chuyên đề 1: Xây dựng kế hoạch giáo dục của tổ;",
    "- Chuyên đề 2: Sinh hoạt chuyên môn theo nghiên cứu bài học;",
    "- Chuyên đề 3: Đánh giá học sinh.",
    "2. Hình thức",
    "Học trực tuyến trên hệ thống của Sở.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Lâm"])


def test_how_many_is_answered_by_the_text_numbering_them() -> None:
    engine = AnsweringEngine([*load_entries(), SUMMARY])
    letter = read_letter_file(OWN_LETTER.encode(), "kh88.txt").letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    text = plain_text(render_answer(engine.answer(
        "Tổ trưởng chuyên môn THCS ở Bình Phước năm 2025 phải học tập huấn tổng cộng mấy "
        "chuyên đề?"), VI))
    assert "3 chuyên đề" in text and "Sinh hoạt chuyên môn" in text


PHONG_SIGNS = Entry(
    "bp_phong_signs", "approvals", "Phòng GD&ĐT ký duyệt kế hoạch của CBQL cốt cán thế nào?",
    "Lãnh đạo Phòng GD&ĐT ký duyệt kế hoạch hỗ trợ đồng nghiệp của CBQL cốt cán cấp THCS, "
    "đóng dấu; cốt cán nộp bản scan lên hệ thống.",
    ("lãnh đạo phòng ký duyệt kế hoạch hỗ trợ đồng nghiệp của cốt cán thcs",
     "phòng gd có ký kế hoạch hỗ trợ đồng nghiệp không"),
    roles=frozenset({"phong"}), province="binh_phuoc", sources=SOURCE)
PRINCIPAL_SIGNS = Entry(
    "bp_principal_signs", "approvals", "Ai duyệt kế hoạch của giáo viên cốt cán?",
    "Kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán do Hiệu trưởng nhà trường ký duyệt.",
    ("ai duyệt kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán",),
    roles=frozenset({"gv_cotcan"}), province="binh_phuoc", sources=SOURCE)


def test_a_rule_for_the_other_core_staff_named_in_a_title_does_not_answer() -> None:
    found = AnsweringEngine([PHONG_SIGNS, PRINCIPAL_SIGNS]).answer(
        "bp: kế hoạch hỗ trợ đồng nghiệp của gv cốt cán thcs có cần lãnh đạo phòng ký không")
    assert found.entry is not None and found.entry.id == "bp_principal_signs"


def test_whether_two_things_are_alike_is_asked_of_each_with_what_both_share() -> None:
    assert compared_sides("đồng nai tổ trưởng và tổ phó cùng học chuyên đề 2 thì nội dung có "
                          "giống nhau không") == (
        "đồng nai tổ trưởng cùng học chuyên đề 2 thì nội dung",
        "tổ phó cùng học chuyên đề 2 thì nội dung")
