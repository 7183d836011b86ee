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


# Every form the Bot API's "HTML style" lists (core.telegram.org/bots/api#html-style), in our
# words: the HTML, and what the reader sees.
DOCUMENTED_HTML = [
    ("<b>đậm</b>, <strong>đậm</strong>", "đậm, đậm"),
    ("<i>nghiêng</i>, <em>nghiêng</em>", "nghiêng, nghiêng"),
    ("<u>gạch dưới</u>, <ins>gạch dưới</ins>", "gạch dưới, gạch dưới"),
    ("<s>gạch</s>, <strike>gạch</strike>, <del>gạch</del>", "gạch, gạch, gạch"),
    ('<span class="tg-spoiler">ẩn</span>, <tg-spoiler>ẩn</tg-spoiler>', "ẩn, ẩn"),
    ('<b>đậm <i>nghiêng <s>gạch <span class="tg-spoiler">ẩn</span></s> <u>dưới</u></i> '
     "hết</b>", "đậm nghiêng gạch ẩn dưới hết"),
    ('<a href="http://www.example.com/">liên kết</a>', "liên kết"),
    ('<a href="tg://user?id=123456789">nhắc tên</a>', "nhắc tên"),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
    ('<tg-time unix="1647531900" format="wDT">7:30 mai</tg-time>', "7:30 mai"),
    ('<tg-time unix="1647531900" format="t">7:30 mai</tg-time>', "7:30 mai"),
    ('<tg-time unix="1647531900" format="r">7:30 mai</tg-time>', "7:30 mai"),
    ('<tg-time unix="1647531900">7:30 mai</tg-time>', "7:30 mai"),
    ("<code>mã</code>", "mã"),
    ("<pre>khối mã</pre>", "khối mã"),
    ('<pre><code class="language-python">print(1)</code></pre>', "print(1)"),
    ("<blockquote>Trích dẫn\ndòng hai</blockquote>", "Trích dẫn\ndòng hai"),
    ("<blockquote expandable>Trích dẫn thu gọn\ndòng hai</blockquote>",
     "Trích dẫn thu gọn\ndòng hai"),
    ("&lt;&gt;&amp;&quot;&#39;&#x1F44D;", "<>&\"'👍"),
]


@pytest.mark.parametrize(("html", "seen"), DOCUMENTED_HTML)
def test_every_form_the_bot_api_documents_is_accepted(html: str, seen: str) -> None:
    check_html(html)
    assert visible_text(html) == seen


@pytest.mark.parametrize(("html", "error"), [
    ("<b expandable>x</b>", 'Expected equal sign in declaration of an attribute of the tag "b"'),
    ("<blockquote expandable>x</blockquote", "Unclosed end tag"),
    ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ('<span class="spoiler">x</span>', 'Tag "span" must have class "tg-spoiler"'),
    ("<tg-emoji>👍</tg-emoji>", "Invalid custom emoji identifier specified"),
    ('<tg-emoji emoji-id="abc">👍</tg-emoji>', "Invalid custom emoji identifier specified"),
    ("<tg-time>7:30</tg-time>", 'Tag "tg-time" must have a Unix time'),
    ('<tg-time unix="1647531900" format="x">7:30</tg-time>', 'Tag "tg-time" must have a Unix'),
    ("<p>đoạn</p>", 'Unsupported start tag "p"'),
])
def test_what_the_bot_api_does_not_document_is_refused(html: str, error: str) -> None:
    with pytest.raises(HtmlError, match=error):
        check_html(html)


def test_an_expandable_quote_split_in_parts_stays_expandable_in_each() -> None:
    answer = "<blockquote expandable>" + "Thầy/Cô nộp hồ sơ trước 15/5. " * 200 + "</blockquote>"
    assert visible_length(answer) == 6000
    parts = split_html(answer, limit=2500)
    assert len(parts) == 3
    for part in parts:
        check_html(part)
        assert part.startswith("<blockquote expandable>") and part.endswith("</blockquote>")
