"""An entry sums a letter's rule up; when the question asks about a detail the summary leaves
out and a passage of that letter (or of the same Sở) states it, the answer is the entry
followed by the letter's own sentences, cited (issue 18, items 1 and 5): the teacher gets the
short rule and the detail asked for, not a summary without it. The letter and the entry are
written here."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.engine import WHY_ENTRY, WHY_ENTRY_AND_LETTER, AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH BÌNH PHƯỚC
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 512/SGDĐT-TCCB
V/v điều chỉnh thông tin cá nhân của giáo viên trên hệ thống bồi dưỡng
Bình Phước, ngày 15 tháng 3 năm 2021
Kính gửi: Các trường trực thuộc.
1. Lập danh sách
Nhà trường lập danh sách giáo viên cần sửa thông tin cá nhân trên hệ thống, kèm bản sao giấy \
khai sinh của từng người, gửi Phòng Giáo dục và Đào tạo.
2. Sửa trên hệ thống
Giáo viên tự sửa họ tên, số điện thoại trong mục hồ sơ cá nhân.
"""
OWN = (Source("faq", "512/SGDĐT-TCCB", "20/3/2021", "Sở GD&ĐT Bình Phước"),)
FIX_LIST = Entry(
    "fix_list", "t", "Danh sách giáo viên cần sửa thông tin cá nhân",
    "Nhà trường lập danh sách giáo viên cần sửa thông tin cá nhân và gửi Phòng GD&ĐT.",
    ("danh sách giáo viên cần sửa thông tin cá nhân gửi ai",
     "trường lập danh sách sửa thông tin cá nhân của giáo viên thế nào"),
    province="binh_phuoc", sources=OWN)
DETAIL = "bản sao giấy khai sinh"
QUESTION = ("danh sách giáo viên cần sửa thông tin cá nhân gửi phòng có phải kèm bản sao giấy "
            "khai sinh không")


def engine_with(letter_text: str = LETTER) -> AnsweringEngine:
    engine = AnsweringEngine([FIX_LIST])
    letter = read_letter_file(letter_text.encode(), "cv512.txt").letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return engine


def test_the_letters_sentence_on_the_detail_asked_follows_the_entry() -> None:
    ranking = engine_with().explain(QUESTION)
    answer = ranking.answer
    assert answer.kind == "confident" and answer.entry is FIX_LIST, answer
    assert ranking.why == WHY_ENTRY_AND_LETTER
    assert answer.quote is not None and DETAIL in answer.quote.text
    shown = plain_text(render_answer(answer, translator("vi").gettext))
    assert shown.index("Nhà trường lập danh sách") < shown.index(DETAIL)
    assert "512/SGDĐT-TCCB" in shown  # the letter quoted is cited


def test_no_quote_follows_when_the_entry_already_covers_the_question() -> None:
    ranking = engine_with().explain("danh sách giáo viên cần sửa thông tin cá nhân gửi ai")
    assert ranking.answer.kind == "confident" and ranking.answer.quote is None
    assert ranking.why == WHY_ENTRY


def test_another_provinces_letter_never_follows_the_entry_as_its_detail() -> None:
    other = LETTER.replace("UBND TỈNH BÌNH PHƯỚC", "UBND TỈNH NGHỆ AN").replace(
        "Bình Phước, ngày", "Nghệ An, ngày")
    answer = engine_with(other).explain(QUESTION).answer
    assert answer.quote is None or answer.kind == "quoted", answer


def test_an_entry_and_quote_too_long_for_a_phone_give_the_entry_alone() -> None:
    answer = engine_with().explain(QUESTION).answer
    long_entry = dataclasses.replace(FIX_LIST, answer=FIX_LIST.answer + " Chi tiết." * 120)
    shown = plain_text(render_answer(dataclasses.replace(answer, entry=long_entry),
                                     translator("vi").gettext))
    assert DETAIL not in shown and "Nhà trường lập danh sách" in shown


def test_the_value_the_entry_states_still_answers_when_a_quote_follows_it() -> None:
    posted = dataclasses.replace(FIX_LIST, answer=FIX_LIST.answer + (
        " Mẫu danh sách đăng trên trang https://binhphuoc.edu.vn."))
    engine = engine_with()
    engine.replace_entries([posted])
    answer = engine.explain("danh sách giáo viên cần sửa thông tin cá nhân kèm bản sao giấy "
                            "khai sinh, mẫu đăng trên trang web nào").answer
    assert answer.kind == "confident" and answer.entry == posted, answer
    assert "binhphuoc.edu.vn" in plain_text(render_answer(answer, translator("vi").gettext))
