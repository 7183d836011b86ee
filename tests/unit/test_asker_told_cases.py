"""How an asker tells their case, and what the answer must then give: a place named without
its kind and marked "cũ" ("gv ở Kbang cũ"), a way of attending framed "theo hình thức trực
tuyến" while the letter says "được dự trực tuyến", a story of their level and place before a
"còn kịp không" (the deadline is in the passage naming their place, not the one naming their
level), a contract that "hết hạn vào tháng 4" (a date stated, not asked). The letter is written
here, in our own words.
"""

from __future__ import annotations

from bot.i18n import translator
from bot.knowledge.asked import asked_kinds, soon_words
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.normalize import fold_word, words
from bot.knowledge.render import plain_text, render_answer
from tests.letter_quotes import one_letter, quoted

LETTER = "\n".join([
    "UBND TỈNH GIA LAI",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1207/SGDĐT-GDTrH",
    "V/v bồi dưỡng chuyên đề dạy học tích hợp cho giáo viên năm học 2026-2027",
    "Gia Lai, ngày 12 tháng 01 năm 2027",
    "1. Đối với giáo viên trung học cơ sở",
    "Giáo viên trung học cơ sở học thêm chuyên đề phương pháp dạy học tích hợp liên môn. Giáo "
    "viên trung học cơ sở nộp bài thu hoạch cho tổ trưởng chuyên môn chấm, không nộp lên Sở. "
    "Tài khoản cũ trên hệ thống vẫn dùng được.",
    "2. Đối với giáo viên các xã, phường thuộc tỉnh Bình Định trước đây",
    "Người học ở các xã, phường thuộc tỉnh Bình Định trước đây (gồm cả các phường Quy Nhơn, "
    "An Nhơn) nộp bài thu hoạch trước ngày 15/3/2027 vì tài khoản được cấp muộn; ở các xã, "
    "phường còn lại nộp trước ngày 28/02/2027.",
    "3. Buổi tập huấn tập trung",
    "Buổi tập huấn tập trung ngày 20/3/2027 tổ chức tại phường Pleiku. Giáo viên thuộc các "
    "huyện Kbang, Đak Pơ trước đây được dự trực tuyến buổi này nếu hiệu trưởng báo Sở trước "
    "ngày 10/3/2027.",
    "4. Người đi tập huấn",
    "Giáo viên hợp đồng được đi tập huấn nếu hợp đồng còn hiệu lực đến hết tháng 6/2027. "
    "Trường tư thục có giáo viên đi học thì nộp kinh phí 500.000 đồng một người trước ngày "
    "05/3/2027.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def _index() -> LetterIndex:
    return one_letter(LETTER)


def _answer(question: str) -> str:
    engine = AnsweringEngine()
    engine.letters.replace(_index().letters)
    return plain_text(render_answer(engine.answer(question, role="gv"),
                                    translator("vi").gettext))


def test_attending_online_framed_by_the_asker_is_the_letters_attending_online() -> None:
    text = quoted(_index(), "gv o kbang cu co the du buoi tap huan theo hinh thuc truc tuyen "
                            "khong")
    assert "dự trực tuyến" in text and "10/3/2027" in text


def test_a_late_date_is_answered_with_the_deadline_of_the_askers_place() -> None:
    text = _answer("Tôi là giáo viên THCS dạy tích hợp liên môn ở phường Quy Nhơn. Nếu ngày "
                   "10/3/2027 tôi mới nộp bài thu hoạch thì có còn kịp không?")
    assert "15/3/2027" in text


def test_an_expiry_date_the_asker_states_is_no_date_asked() -> None:
    question = "giáo viên hợp đồng hết hạn hợp đồng vào tháng 4/2027 có được đi tập huấn không"
    assert asked_kinds(question) == ()
    assert asked_kinds("hợp đồng hết hạn ngày nào") == ("date",)
    # "hết hạn" before the date stated says when the case falls, as "sắp" does
    folded = [fold_word(w) for w in words(question)]
    assert {folded[k] for k in soon_words(folded)} == {"het", "han"}
    assert "hết tháng 6/2027" in _answer(question)
