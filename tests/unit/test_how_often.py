""""Bao lâu một lần", "mấy lần một năm" ask how often something is done: a text saying "mỗi
học kỳ", "hằng năm" or "2 lần/năm" answers it; one that gives no frequency, whatever it shares of
the question, is no answer. The entries are written here, in our own words."""

from __future__ import annotations

from bot.knowledge.asked import asked_kind
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source

SOURCE = (Source("plan", "12/KH-SGDĐT", "1/2027", "Sở GD&ĐT Bình Phước"),)
REVIEW = Entry(
    "review", "plans", "Sở rút kinh nghiệm công tác bồi dưỡng chuyên đề",
    "Sở GD&ĐT tổ chức rút kinh nghiệm công tác bồi dưỡng chuyên đề cho giáo viên mỗi học kỳ, "
    "sau khi các trường gửi báo cáo.",
    ("sở rút kinh nghiệm bồi dưỡng chuyên đề khi nào", "nhiệm vụ của sở về bồi dưỡng chuyên đề"),
    province="binh_phuoc", sources=SOURCE)
DUTIES = Entry(
    "duties", "plans", "Sở rút kinh nghiệm công tác bồi dưỡng chuyên đề",
    "Sở GD&ĐT chủ trì rút kinh nghiệm công tác bồi dưỡng chuyên đề cho giáo viên sau khi các "
    "trường gửi báo cáo.",
    ("sở rút kinh nghiệm bồi dưỡng chuyên đề khi nào", "nhiệm vụ của sở về bồi dưỡng chuyên đề"),
    province="binh_phuoc", sources=SOURCE)
QUESTION = "Bình Phước: Sở rút kinh nghiệm bồi dưỡng chuyên đề bao lâu một lần?"


def test_how_often_is_answered_by_a_frequency() -> None:
    assert asked_kind(QUESTION) == "frequency"
    assert asked_kind("mấy lần một năm thì sở tổng kết") == "frequency"
    assert asked_kind("học bao lâu") == "duration"
    answer = AnsweringEngine([REVIEW]).answer(QUESTION)
    assert answer.kind != "none" and answer.entry is not None and answer.entry.id == "review"


def test_a_text_giving_no_frequency_does_not_answer_how_often() -> None:
    assert AnsweringEngine([DUTIES]).answer(QUESTION).kind == "none"
