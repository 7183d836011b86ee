"""Telegram's HTML rules and limits: what it refuses, how it counts, how long texts are split."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram_text import (
    HtmlError,
    check_html,
    escape,
    split_html,
    truncate_html,
    visible_length,
    visible_text,
)


def test_a_long_answer_is_split_between_lines_under_the_limit() -> None:
    lines = [f"<b>Dòng {i}</b>: " + "nội dung " * 20 for i in range(60)]
    chunks = split_html("\n".join(lines), limit=4096)
    assert len(chunks) > 1 and all(visible_length(c) <= 4096 for c in chunks)
    assert "\n".join(chunks) == "\n".join(lines)  # nothing lost, no tag cut in two
    assert all(c.count("<b>") == c.count("</b>") for c in chunks)


def test_a_bold_staff_answer_is_split_outside_its_tags_and_reopened() -> None:
    """The issue's answer: ~3,600 characters in <b>, once cut at 3,500 inside a tag."""
    answer = "<b>" + "Thầy/Cô nộp hồ sơ &amp; đơn xin hoãn. " * 110 + "</b>"
    parts = split_html(answer, limit=3500)
    assert len(parts) == 2
    for part in parts:
        check_html(part)  # each part parses on its own
        assert part.startswith("<b>") and part.endswith("</b>")
        assert visible_length(part) <= 3500
    assert "".join(visible_text(p) for p in parts) == visible_text(answer)


@pytest.mark.parametrize(("html", "error"), [
    ("a < b", 'Unsupported start tag "" at byte offset 2'),
    ("<br>", 'Unsupported start tag "br"'),
    ("<b>đậm", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b>x</i>", 'expected "</b>", found "</i>"'),
    ("x</b>", "Unexpected end tag"),
    ("<span>x</span>", 'must have class "tg-spoiler"'),
    ("<a href='x>y</a>", "Unclosed start tag"),
])
def test_html_telegram_refuses_is_refused(html: str, error: str) -> None:
    with pytest.raises(HtmlError, match=error.replace("(", r"\(")):
        check_html(html)


def test_length_is_counted_on_the_visible_text() -> None:
    assert visible_length("<b>a &lt; b</b> &amp; <a href=\"https://x.vn/?a=1&amp;b=2\">c</a>") \
        == len("a < b & c")
    assert visible_text("R&D &nbsp; &#7871;") == "R&D &nbsp; ế"  # as Telegram reads them
    html = "<b>" + escape("<Điều 5> & ") * 300 + "</b>"
    assert len(html) > 4096 and visible_length(html) == 3300


def test_truncation_keeps_the_html_valid() -> None:
    short = truncate_html("<i>" + "chữ " * 100 + "</i>", 50)
    check_html(short)
    assert visible_length(short) <= 50 and short.endswith("…")


_piece = st.text(min_size=0, max_size=300).map(escape)
_tagged = st.tuples(st.sampled_from(["b", "i", "u", "code", 'a href="https://t.me/x"']),
                    _piece).map(lambda t: f"<{t[0]}>{t[1]}</{t[0].split()[0]}>")


@given(st.lists(st.one_of(_piece, _tagged), min_size=1, max_size=40),
       st.integers(min_value=20, max_value=600))
def test_every_part_parses_fits_and_nothing_is_lost(pieces: list[str], limit: int) -> None:
    html = "".join(pieces)
    parts = split_html(html, limit=limit)
    for part in parts:
        check_html(part)
        assert 0 < visible_length(part) <= limit and visible_text(part).strip()

    def words(s: str) -> str:
        return "".join(s.split())
    assert words("".join(visible_text(p) for p in parts)) == words(visible_text(html))
