"""A rule for all that carries one province's line (issue 18, item 2): deployed elsewhere, the
line never reaches an answer, a list of suggestions or a button, so that nobody is sent to
another Sở's office. The entries are written here, in our own words."""

from __future__ import annotations

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.render import plain_text, render_answer
from bot.services.answering import entry_answer

VI = translator("vi").gettext
SOURCE = (Source("faq", "12/SGDĐT-TCCB", "3/2024", "Sở GD&ĐT Bình Phước"),)
HELPDESK = Entry(
    "helpdesk", "contacts", "Tổng đài hỗ trợ hệ thống học trực tuyến",
    "Khi hệ thống học trực tuyến báo lỗi, gọi tổng đài <b>1800 6060</b> (miễn phí).\n"
    "<i>Theo Công văn của Sở GD&ĐT Bình Phước (3/2024).</i>\n\n"
    "Vướng mắc về chuyên môn ở Bình Phước: Phòng Tổ chức cán bộ (0271.3888.555).",
    ("hệ thống học trực tuyến báo lỗi thì gọi tổng đài nào", "số tổng đài hỗ trợ học trực tuyến"),
    sources=SOURCE, related=("calendar",))
CALENDAR = Entry(
    "calendar", "deadlines", "Các mốc nộp bài thu hoạch của từng tỉnh",
    "Các mốc nộp bài thu hoạch:\n<b>Bình Phước</b>\n• trước 15/4/2024: nộp bài thu hoạch;\n"
    "<b>Hà Nội</b>\n• trước 20/4/2024: nộp bài thu hoạch.",
    ("hạn nộp bài thu hoạch là ngày nào", "các mốc nộp bài thu hoạch"), sources=SOURCE)
GENERAL = Entry(
    "essay", "deadlines", "Nộp bài thu hoạch ở đâu",
    "Bài thu hoạch nộp trên hệ thống học trực tuyến, trước mốc Sở của tỉnh mình đặt.",
    ("nộp bài thu hoạch ở đâu", "bài thu hoạch nộp thế nào"), sources=SOURCE)
OFFICE = "0271.3888.555"
QUESTION = "hệ thống học trực tuyến báo lỗi thì gọi tổng đài nào"


def shown(engine: AnsweringEngine, question: str, province: str | None) -> str:
    return plain_text(render_answer(engine.answer(question, province=province), VI))


def test_another_provinces_line_of_a_rule_for_all_stays_out_of_a_deployment() -> None:
    engine = AnsweringEngine([HELPDESK, CALENDAR])
    here = shown(engine, QUESTION, "lao_cai")
    assert "1800 6060" in here and OFFICE not in here
    assert OFFICE in shown(engine, QUESTION, "binh_phuoc")  # its own province's line
    assert OFFICE in shown(engine, QUESTION, "dong_nai")  # Bình Phước is Đồng Nai's now
    assert OFFICE in shown(engine, QUESTION, None)  # no deployment: every line
    assert OFFICE in shown(engine, "Bình Phước: " + QUESTION, "lao_cai")  # named


def test_a_rule_for_all_made_only_of_other_provinces_lines_does_not_answer() -> None:
    engine = AnsweringEngine([HELPDESK, CALENDAR])
    assert engine.answer("các mốc nộp bài thu hoạch", province="lao_cai").kind == "none"
    # nor does it crowd out an entry for all that does
    answer = AnsweringEngine([CALENDAR, GENERAL]).answer("các mốc nộp bài thu hoạch",
                                                        province="lao_cai")
    assert answer.entry is not None and answer.entry.id == "essay"
    named = shown(engine, "các mốc nộp bài thu hoạch ở Hà Nội", "lao_cai")
    assert "20/4/2024" in named and "15/4/2024" not in named
    assert "15/4/2024" in shown(engine, "các mốc nộp bài thu hoạch", None)


def test_a_button_shows_the_rule_for_all_as_the_deployment_does() -> None:
    engine = AnsweringEngine([HELPDESK, CALENDAR])
    answer = entry_answer(engine, HELPDESK, "lao_cai")
    assert OFFICE not in plain_text(render_answer(answer, VI))
    assert not answer.candidates  # the calendar of other provinces is no related entry here
    assert OFFICE in plain_text(render_answer(entry_answer(engine, HELPDESK), VI))
