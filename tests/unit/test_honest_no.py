"""The honest "I don't know" (issue 18, item 6): no confident or "Có lẽ" answer when the best
candidate does not hold the question's subject, and the hand-off is offered instead.

The questions are written here, about things no entry or letter of the bot speaks of.
"""

from __future__ import annotations

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi")


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    return default_engine()


def refused(engine: AnsweringEngine, question: str, role: str | None = None) -> str:
    """The rendered answer, checked to be the hand-off and nothing else."""
    answer = engine.answer(question, role=role)
    text = plain_text(render_answer(answer, VI.gettext))
    assert answer.kind == "none", (answer.kind, answer.entry and answer.entry.id, text)
    assert "không tìm thấy" in text and "Có lẽ" not in text, text
    return text


@pytest.mark.parametrize("role", [None, "gv"])
@pytest.mark.parametrize("question", [
    # "dưỡng sức" is a word no entry uses; the rest ("giáo viên … được hưởng bao nhiêu phần
    # trăm lương") is shared with entries on other subjects and must not carry the answer
    "Giáo viên nghỉ dưỡng sức sau sinh được hưởng bao nhiêu phần trăm lương ạ?",
    "giao vien nghi duong suc sau sinh duoc huong bao nhieu phan tram luong",
])
def test_a_subject_word_no_entry_uses_gets_the_hand_off_however_long_the_rest(
        engine: AnsweringEngine, question: str, role: str | None) -> None:
    refused(engine, question, role)


def test_an_unknown_word_in_a_long_message_is_only_the_way_the_person_talks(
        engine: AnsweringEngine) -> None:
    """The words the entries know make up a whole question of their own: the one they do not
    know ("lo sốt vó") is how the person feels, and the entry on the subject still answers."""
    answer = engine.answer(
        "em lo sốt vó vì sắp hết hạn, giáo viên chưa hoàn thành mô đun 1 thì có bị xếp loại "
        "chưa đạt chuẩn nghề nghiệp không ạ, cuối năm học bị đánh giá ra sao", role="gv")
    assert answer.kind == "confident", answer
