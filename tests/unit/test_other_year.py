"""An entry written from a 2020 letter states 2020's dates. A question about a later year
("năm học 2021-2022 hạn chót … là ngày nào") is not answered with them: no loaded source speaks
of that year, so the honest answer is that the bot does not know, with the hand-off. Asked with
no year, or about the entry's own year, the entry still answers. The entry is written here."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source

DEADLINE = Entry(
    id="temis_2020", topic="t", title="Hạn nhập đánh giá chuẩn trên TEMIS",
    answer="Các trường nhập kết quả đánh giá chuẩn nghề nghiệp giáo viên lên TEMIS trước ngày "
           "14/12/2020.",
    questions=("Hạn chót nhập đánh giá chuẩn nghề nghiệp trên TEMIS là ngày nào?",),
    sources=(Source("004", "4082/SGDĐT-TCCB", "11/2020", "Sở GD&ĐT TP.HCM"),))


def test_a_later_year_asked_is_not_answered_with_an_earlier_years_dates() -> None:
    engine = AnsweringEngine((DEADLINE,))
    later = engine.answer("Năm học 2021-2022 hạn chót nhập đánh giá chuẩn nghề nghiệp trên "
                          "TEMIS là ngày nào?")
    assert later.kind == "none"
    assert engine.answer("Hạn chót nhập đánh giá chuẩn nghề nghiệp trên TEMIS là ngày "
                         "nào?").entry == DEADLINE
    assert engine.answer("Năm 2020 hạn chót nhập đánh giá chuẩn nghề nghiệp trên TEMIS là "
                         "ngày nào?").entry == DEADLINE
