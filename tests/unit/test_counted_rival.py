"""A question asking "how many" of something: when the answer does not number it, a rival that
does may answer instead, but only one covering the question nearly as well as the answer
itself. An answer found beyond the ranked contenders (a table row, a letter's contact) is the
best; an entry far below it, which merely numbers the counted word ("mô đun 2" for "hạng 2"),
must not take its place, or an out-of-scope question gets a confident, unrelated answer."""

from __future__ import annotations

from bot.knowledge.engine import Answer, Contender, Ranking, _holding
from bot.knowledge.entries import Entry, Source

SOURCE = (Source(document="x", number="12/SGDĐT-GDTrH", date="10/01/2027",
                 issuer="Sở GD&ĐT Hà Nội"),)
NUMBERING = Entry(id="module_two_report", topic="cotcan", title="Báo cáo mô đun 2",
                  answer="Báo cáo mô đun 2 nộp trên hệ thống trước ngày 28/2.",
                  questions=("báo cáo mô đun 2 nộp ở đâu",), province="ha_noi", sources=SOURCE)


def _ranking(answer_confidence: float, rival_score: float) -> Ranking:
    answer = Answer("confident", None, answer_confidence)
    return Ranking(answer, (Contender(rival_score, NUMBERING, None),), "why")


def _numbers_module(text: str) -> bool:
    return "mô đun 2" in text


def test_a_rival_far_below_the_answer_found_does_not_take_its_place() -> None:
    ranking = _ranking(answer_confidence=0.54, rival_score=0.37)
    assert _holding(ranking, _numbers_module, "counted").answer.entry is None


def test_a_rival_as_close_as_the_answer_numbers_what_is_counted_and_answers() -> None:
    ranking = _ranking(answer_confidence=0.54, rival_score=0.5)
    assert _holding(ranking, _numbers_module, "counted").answer.entry is NUMBERING
