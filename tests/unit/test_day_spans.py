"""The days from a letter's date, or the date the asker types, to the deadline the answer
gives are counted and shown with both dates; no line when either date is missing. The
entries are written here, in our own words."""

from __future__ import annotations

from bot.i18n import translator
from bot.knowledge.day_spans import day_span
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi").gettext
SOURCE = (Source("plan", "512/KH-SGDĐT", "20/9/2025", "Sở GD&ĐT Bình Phước"),)
SURVEY = Entry(
    "bp_survey", "deadlines", "Bình Phước: hạn khảo sát nhu cầu bồi dưỡng năm 2025",
    "Các trường hoàn thành phiếu khảo sát nhu cầu bồi dưỡng trên hệ thống <b>trước ngày "
    "05/10/2025</b>; Phòng GD&ĐT tổng hợp gửi Sở chậm nhất ngày 12/10/2025.",
    ("hạn khảo sát nhu cầu bồi dưỡng năm 2025 ở Bình Phước",
     "trường làm phiếu khảo sát nhu cầu bồi dưỡng trước ngày nào"),
    province="binh_phuoc", sources=SOURCE)
LETTER_DAY = (2025, 9, 20)


def test_days_from_the_letters_date_to_its_deadline_are_shown_first() -> None:
    engine = AnsweringEngine([SURVEY])
    text = plain_text(render_answer(engine.answer(
        "bp: kể từ ngày ký kế hoạch đến hạn làm phiếu khảo sát nhu cầu bồi dưỡng là mấy ngày"),
        VI))
    assert "từ 20/09/2025 (ngày của văn bản) đến 05/10/2025 là 15 ngày" in text
    assert text.index("15 ngày") < text.index("trước ngày 05/10/2025")


def test_a_date_the_asker_types_is_the_start() -> None:
    span = day_span("hôm nay 28/9 thì còn bao nhiêu ngày nữa đến hạn làm phiếu khảo sát",
                    SURVEY.answer, LETTER_DAY)
    assert span is not None and (span.start, span.end, span.days) == (
        "28/09/2025", "05/10/2025", 7) and not span.issued


def test_no_line_without_a_start_or_a_limit_or_once_the_limit_is_past() -> None:
    # no start: the question counts from nothing the text or the asker gives
    assert day_span("làm phiếu khảo sát mất mấy ngày", SURVEY.answer, LETTER_DAY) is None
    # the limit is past on the day typed
    assert day_span("hôm nay 08/10/2025 còn mấy ngày đến hạn khảo sát", SURVEY.answer,
                    LETTER_DAY) is None
    # a text setting no limit
    assert day_span("từ ngày ban hành đến hạn còn bao nhiêu ngày",
                    "Kế hoạch ban hành ngày 20/9/2025 về khảo sát nhu cầu.", LETTER_DAY) is None
    # the question asks no number of days
    assert day_span("từ ngày ban hành đến hạn khảo sát là ngày nào", SURVEY.answer,
                    LETTER_DAY) is None


APPROVAL = Entry(
    "bp_training_approved", "plans", "Bình Phước: kế hoạch tập huấn 2025 được đồng ý thế nào",
    "• Ngày 02/3/2025, Sở GD&ĐT gửi <b>Tờ trình số 245/TTr-SGDĐT</b> đề nghị phê duyệt kế "
    "hoạch tập huấn hè;\n"
    "• UBND tỉnh <b>đồng ý</b> kế hoạch bằng Công văn 77/UBND-VX, do Phó Chủ tịch ký.",
    ("ubnd tỉnh bình phước đồng ý kế hoạch tập huấn hè 2025 bằng văn bản nào",),
    province="binh_phuoc",
    sources=(Source("letter", "77/UBND-VX", "10/3/2025", "UBND tỉnh Bình Phước"),))


def test_the_days_between_two_things_named_are_dated_by_their_own_clauses() -> None:
    engine = AnsweringEngine([APPROVAL, SURVEY])
    text = plain_text(render_answer(engine.answer(
        "bp: từ hôm Sở gửi tờ trình 245 tới lúc UBND tỉnh đồng ý kế hoạch tập huấn hè thì mất "
        "mấy ngày"), VI))
    assert "từ 02/03/2025 đến 10/03/2025 là 8 ngày" in text
    text = plain_text(render_answer(engine.answer(
        "bình phước: hạn trường làm phiếu khảo sát nhu cầu và hạn phòng gd tổng hợp gửi sở "
        "cách nhau bao nhiêu ngày"), VI))
    assert "từ 05/10/2025 đến 12/10/2025 là 7 ngày" in text


def test_a_date_typed_after_den_is_the_end_and_the_letter_signed_the_start() -> None:
    text = plain_text(render_answer(AnsweringEngine([SURVEY]).answer(
        "bình phước tính từ ngày ký kế hoạch 512 đến hạn 12/10/2025 gửi tổng hợp khảo sát là "
        "bao nhiêu ngày"), VI))
    assert "từ 20/09/2025 (ngày của văn bản) đến 12/10/2025 là 22 ngày" in text


def test_no_days_when_a_named_document_is_in_no_text() -> None:
    text = plain_text(render_answer(AnsweringEngine([APPROVAL]).answer(
        "bp: từ ngày Sở gửi tờ trình 999 đến ngày UBND tỉnh đồng ý kế hoạch tập huấn hè là mấy "
        "ngày"), VI))
    assert "Tính theo văn bản" not in text
