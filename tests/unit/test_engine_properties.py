"""Any text a user can send gets a well-formed answer and a message Telegram accepts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.knowledge.engine import KINDS, AnsweringEngine
from bot.knowledge.entries import load_entries
from bot.knowledge.render import TELEGRAM_LIMIT, render_answer

ENGINE = AnsweringEngine.from_entries(
    load_entries(Path(__file__).with_name("fixtures") / "engine_kb")
)
_WORDS = [
    "mô đun",
    "md1",
    "gv",
    "cốt cán",
    "ko",
    "duyệt",
    "hạn",
    "<b>",
    "&amp;",
    "đc",
    "bp",
    "vậyyyy",
    "\u0301",
    "TEMIS",
    "LMS",
    "18008000",
    "'; --",
    "🙂",
]
questions = st.one_of(
    st.text(max_size=6000),
    st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join),
    st.text(alphabet=st.characters(categories=["Mn", "Lo", "So", "Zs"]), max_size=300),
)
roles = st.sampled_from(
    [None, "gv", "gv_cotcan", "cbql", "cbql_cotcan", "ht", "phong", "so", "unknown"]
)
provinces = st.sampled_from([None, "binh_phuoc", "ha_noi", "kien_giang", "tphcm", "x"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    question=questions,
    role=roles,
    province=provinces,
    level=st.sampled_from([None, "TH", "THCS", "THPT", "GDTX"]),
)
def test_any_text_gets_a_bounded_answer(
    question: str, role: str | None, province: str | None, level: str | None
) -> None:
    answer = ENGINE.answer(question, role=role, level=level, province=province)
    assert answer.kind in KINDS
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.candidates) <= 3
    assert (answer.entry is None) == (answer.kind == "none")
    text = render_answer(answer, lambda s: s)
    assert 0 < len(text) <= TELEGRAM_LIMIT


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=5000))
def test_render_never_exceeds_telegram_limit(body: str) -> None:
    from dataclasses import replace

    from bot.knowledge.engine import Answer

    entry = replace(ENGINE.entries[0], answer=body * 3, title=body[:200])
    for kind in KINDS:
        answer = Answer(
            kind, None if kind == "none" else entry, 0.5, (entry,) if kind == "unsure" else ()
        )
        assert len(render_answer(answer, lambda s: s, contacts_html=body[:100])) <= TELEGRAM_LIMIT
