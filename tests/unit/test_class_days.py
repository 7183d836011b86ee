"""A timetable that numbers its days ("Ngày thứ nhất" …) for classes held on different dates:
asked when something happens, the asker of one class gets that day's date, counted from their
own class's first day; a rule counted from a class's opening is quoted with the asker's class's
dates. The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.class_days import class_days, counts_from_opening, days_numbered
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from tests.letter_quotes import one_letter

TIMETABLE = [
    ["Ngày", "Buổi", "Nội dung", "Ghi chú"],
    ["Ngày thứ nhất", "Sáng", "Kỹ thuật bơi ếch, bơi sải", "Mang đồ bơi, mũ bơi"],
    ["Ngày thứ hai", "Sáng", "Cứu đuối, hồi sức tim phổi", "Người say sóng được nghỉ"],
    ["Ngày thứ ba", "Chiều", "Kiểm tra bơi 50 mét tại bể bơi", "Đạt khi bơi liên tục"],
]

LETTER = "\n".join([
    "UBND TỈNH LÀO CAI",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 905/SGDĐT-GDTC",
    "V/v tập huấn dạy bơi an toàn cho giáo viên thể dục năm 2027",
    "Lào Cai, ngày 02 tháng 02 năm 2027",
    "1. Cụm học",
    "Cụm 1 dành cho giáo viên các trường thuộc tỉnh Yên Bái trước đây, tập trung từ ngày "
    "08/3/2027 đến ngày 10/3/2027 tại bể bơi phường Văn Phú.",
    "Cụm 2 dành cho giáo viên các trường thuộc tỉnh Lào Cai trước đây, tập trung từ ngày "
    "15/3/2027 đến ngày 19/3/2027 tại bể bơi phường Cam Đường.",
    "2. Lịch tập huấn",
    *table_lines(TIMETABLE),
    "3. Thay người học",
    "Trường muốn thay người học báo Sở chậm nhất 04 ngày trước khi cụm bắt đầu học.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def _index(text: str) -> LetterIndex:
    return one_letter(text)


def test_a_numbered_day_is_dated_for_the_askers_class() -> None:
    quote = _index(LETTER).search("Trường tôi ở tỉnh Yên Bái cũ, hôm nào kiểm tra bơi 50 mét?")
    assert quote is not None and "Ngày thứ ba" in quote.text
    assert [(d.unit, d.on) for d in quote.days] == [("Cụm 1", "10/03/2027")]


def test_no_date_is_guessed_when_the_class_lasts_longer_than_the_days_numbered() -> None:
    # Cụm 2 spans five days for three numbered ones: which are skipped, no one can tell
    quote = _index(LETTER).search("Trường tôi ở tỉnh Lào Cai cũ, hôm nào kiểm tra bơi 50 mét?")
    assert quote is not None and "Ngày thứ ba" in quote.text
    assert quote.days == ()


def test_a_rule_counted_from_the_opening_is_quoted_with_the_askers_class() -> None:
    quote = _index(LETTER).search("Trường em thuộc tỉnh Yên Bái cũ, ngày 06/3/2027 mới báo Sở "
                                  "thay người học thì còn kịp không?")
    assert quote is not None and "04 ngày" in quote.text and "08/3/2027" in quote.text


def test_days_are_read_as_numbered_only_when_a_first_day_is() -> None:
    assert days_numbered(LETTER) == 3
    # "thứ Hai" beside no "ngày thứ nhất" is a weekday
    assert days_numbered("Họp vào ngày thứ Hai, 15/3/2027.") == 0
    assert class_days("Ngày thứ hai: cứu đuối", "Cụm 1 học từ 28/02 đến 02/3/2027", 3)[0].on \
        == "01/03/2027"
    assert counts_from_opening("báo trước ngày khai giảng lớp ít nhất 05 ngày")
    assert not counts_from_opening("nộp bài trước ngày 20/3/2027")


def test_the_answer_says_the_date_of_the_numbered_day() -> None:
    from bot.i18n import translator
    from bot.knowledge.engine import AnsweringEngine
    from bot.knowledge.render import plain_text, render_answer

    engine = AnsweringEngine()
    engine.letters.replace(_index(LETTER).letters)
    answer = engine.answer("Trường tôi ở tỉnh Yên Bái cũ, hôm nào kiểm tra bơi 50 mét?",
                           role="gv")
    text = plain_text(render_answer(answer, translator("vi").gettext))
    assert "ngày thứ ba của lớp là ngày 10/03/2027" in text
