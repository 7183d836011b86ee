"""Two entries that share a rule's wording (issue 18): the one that says what the asker asks
answers, not the one whose phrasing merely echoes the message. Entries written here, in words
of their own, on a matter no seed letter speaks of (a Sở's yearly school initiatives), for two
provinces the knowledge base knows."""

from __future__ import annotations

import dataclasses

import pytest

from bot.app import default_engine
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.render import plain_text, render_answer

SOURCE = (Source(document="x", number="88/SGDĐT-GDTrH", date="10/01/2027",
                 issuer="Sở GD&ĐT Hà Nội"),)


def render(answer: Answer) -> str:
    return plain_text(render_answer(answer, lambda text: text))


def entry(entry_id: str, title: str, answer: str, *questions: str) -> Entry:
    return Entry(id=entry_id, topic="sangkien", title=title, answer=answer,
                 questions=questions, province="ha_noi", sources=SOURCE)


SIGNED = entry(
    "hn_to_truong_da_cham",
    "Tổ trưởng chấm rồi mà phó hiệu trưởng chưa xác nhận?",
    "Nếu sáng kiến đã được tổ trưởng chuyên môn chấm mà phó hiệu trưởng chưa xác nhận, "
    "thầy cô báo ngay cho phó hiệu trưởng để xác nhận trên phần mềm.",
    "tổ trưởng chấm rồi nhưng phó hiệu trưởng chưa xác nhận sáng kiến thì làm gì",
    "phó hiệu trưởng chưa xác nhận sáng kiến dù tổ trưởng đã chấm",
)
NOT_MARKED = entry(
    "hn_to_truong_chua_cham",
    "Tổ trưởng chưa chấm sáng kiến thì làm sao?",
    "Nếu sáng kiến chưa được tổ trưởng chuyên môn chấm, thầy cô chủ động gặp tổ trưởng để "
    "được chấm. Chỉ sau khi tổ trưởng chấm mới in bản sáng kiến, xin phó hiệu trưởng ký "
    "xác nhận, đóng dấu, scan rồi nộp.",
    "tổ trưởng chưa chấm sáng kiến của tôi",
)
FILED = entry(
    "hn_han_nop_so",
    "Hạn nộp sổ đăng ký sáng kiến",
    "Trường nộp sổ đăng ký sáng kiến về Sở trước ngày 10/3/2027.",
    "hạn nộp sổ đăng ký sáng kiến về sở",
    "trường nộp sổ đăng ký sáng kiến trước ngày nào",
)
RESULTS = entry(
    "hn_han_bao_cao",
    "Hạn gửi báo cáo kết quả chấm sáng kiến",
    "Trường gửi báo cáo kết quả chấm sáng kiến về Sở trước ngày 24/3/2027, sau khi đã nộp "
    "sổ đăng ký.",
    "hạn gửi báo cáo kết quả chấm sáng kiến",
)


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    shipped = default_engine()  # the shipped entries weigh the words as a deployment does
    return AnsweringEngine.from_entries([*shipped.entries, SIGNED, NOT_MARKED, FILED, RESULTS])


def test_the_entry_holding_the_askers_case_answers_though_another_echoes_the_words(
        engine: AnsweringEngine) -> None:
    answer = engine.answer(
        "tổ trưởng chưa chấm thì tôi scan sáng kiến nhờ phó hiệu trưởng xác nhận được không")
    assert answer.entry is not None and answer.entry.id == "hn_to_truong_chua_cham"


def test_a_date_the_asker_states_is_not_the_date_given_back(engine: AnsweringEngine) -> None:
    answer = engine.answer(
        "trường đã nộp sổ đăng ký sáng kiến trước 10/3/2027 rồi, còn báo cáo kết quả chấm "
        "sáng kiến hạn chót là ngày nào")
    assert answer.entry is not None and answer.entry.id == "hn_han_bao_cao"


def test_a_date_asked_about_is_still_the_answer(engine: AnsweringEngine) -> None:
    answer = engine.answer("nộp sổ đăng ký sáng kiến ngày 10/3/2027 có kịp không")
    assert answer.entry is not None and answer.entry.id == "hn_han_nop_so"


PLAN_HERE = entry(
    "hn_ke_hoach_phong",
    "Hà Nội: kế hoạch sáng kiến của phòng do ai duyệt?",
    "Ở Hà Nội, kế hoạch chấm sáng kiến của phòng giáo dục trình Ủy ban nhân dân quận duyệt.",
    "kế hoạch chấm sáng kiến của phòng giáo dục trình ai duyệt",
)
PLAN_THERE = dataclasses.replace(
    PLAN_HERE, id="hcm_ke_hoach_phong", province="tphcm",
    title="TP.HCM: kế hoạch sáng kiến của phòng do ai duyệt?",
    answer="Ở TP.HCM, kế hoạch chấm sáng kiến của phòng giáo dục trình Sở Giáo dục duyệt.")


def test_a_province_one_ask_names_holds_for_the_next_ask() -> None:
    shipped = default_engine()
    engine = AnsweringEngine.from_entries(
        [*shipped.entries, FILED, RESULTS, PLAN_THERE, PLAN_HERE])
    answer = engine.answer("trường ở hà nội nộp sổ đăng ký sáng kiến trước ngày nào, "
                           "còn kế hoạch chấm sáng kiến của phòng giáo dục trình ai duyệt")
    assert "Ủy ban nhân dân quận" in render(answer)
    assert "Sở Giáo dục duyệt" not in render(answer)
