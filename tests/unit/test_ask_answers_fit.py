"""A message asking several things gets each ask's answer while the reply still reads on a
phone: an entry answering a later ask that is too long to follow whole follows by its first
paragraph (the rule, with the value asked), its notes left out. Entries are written here."""

from __future__ import annotations

import gettext

from bot.knowledge.engine import Answer
from bot.knowledge.entries import Entry, Source
from bot.knowledge.render import WITH_ASKS_LIMIT, plain_text, render_answer

SOURCE = (Source("letter", "64/SGDĐT", "4/2026", "Sở GD&ĐT Bình Phước"),)
WHO = Entry(
    "who", "t", "Ai học lớp an toàn giao thông?",
    "Lớp an toàn giao thông dành cho " + ", ".join(
        f"giáo viên chủ nhiệm khối {n} của các trường tiểu học và trung học cơ sở" for n in
        range(1, 10)) + ".",
    ("ai học lớp an toàn giao thông",), sources=SOURCE)
WHEN = Entry(
    "when", "t", "Hạn nộp bài thu hoạch lớp an toàn giao thông",
    "Học viên nộp bài thu hoạch <b>trước ngày 20/5/2026</b> qua trường.\n\n"
    "Lưu ý: " + " ".join("bài viết tay phải được chụp rõ nét, đủ trang, đánh số trang và ghi "
                         "họ tên ở mỗi trang;" for _ in range(9)),
    ("hạn nộp bài thu hoạch",), sources=SOURCE)


def test_a_long_answer_to_another_ask_follows_by_its_first_paragraph() -> None:
    answer = Answer("confident", WHO, 0.9, also=(WHEN,))
    text = plain_text(render_answer(answer, gettext.gettext))
    assert "20/5/2026" in text
    assert "chụp rõ nét" not in text
    assert len(text) <= WITH_ASKS_LIMIT
