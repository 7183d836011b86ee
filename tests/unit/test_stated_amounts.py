"""A number the asker states about their own case ("trường em cách 40 km", "con 8 tháng
tuổi") says when the letter's rule applies to them; the letter states a threshold ("từ 20 km
trở lên", "dưới 24 tháng tuổi"), so the number is no word the passage must repeat.

The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.asked import stated_amounts
from bot.knowledge.letter_index import QUOTE_AT
from bot.knowledge.normalize import words
from bot.textnorm import fold
from tests.letter_quotes import one_letter


def test_a_number_the_asker_states_with_a_unit_is_their_case_not_the_subject() -> None:
    # the letter states a threshold ("từ 20 km trở lên", "dưới 24 tháng tuổi"); the asker's
    # own number says their case falls within it, and is no word the passage must repeat
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO LAI CHÂU",
        "Số: 733/SGDĐT-GDPT",
        "V/v tập huấn giáo viên dạy học ở điểm trường năm 2027",
        "Lai Châu, ngày 10 tháng 4 năm 2027",
        "1. Hỗ trợ học viên",
        "Học viên có nơi công tác cách điểm học từ 20 km trở lên được thanh toán tiền đi lại "
        "theo giá vé xe khách; học viên được bố trí nơi ở miễn phí.",
        "2. Trường hợp học bù",
        "Giáo viên đang nuôi con dưới 24 tháng tuổi được học bù trực tuyến trong tháng 8/2027 "
        "thay cho phần học tập trung.",
        "3. Thời lượng",
        "Khóa tập huấn gồm 30 tiết, học trong 05 ngày, mỗi buổi 4 tiết.",
    ])
    index = one_letter(letter)
    for question, said in (
            ("Trường em cách điểm học khoảng 45 km thì tiền đi lại có được thanh toán không?",
             "20 km"),
            ("Cô đang nuôi con 9 tháng tuổi thì có phải đi học tập trung không?", "24 tháng")):
        quote = index.search(question)
        assert quote is not None and said in quote.text, question
        assert quote.confidence >= QUOTE_AT, question  # it covers the question: answered


def test_numbers_that_label_a_thing_or_a_year_are_not_amounts() -> None:
    def amounts(text: str) -> list[str]:
        folded = [fold(w) for w in words(text)]
        return [folded[i] for i in sorted(stated_amounts(folded))]

    assert amounts("cách trường khoảng 40 cây số") == ["khoang", "40"]
    assert amounts("nuôi con 8 tháng tuổi, nghỉ ốm 2 tuần") == ["8", "2"]
    assert amounts("dạy lớp 6 năm nay, mô đun 2 năm 2021, hạng 3 năm 2027") == []
    assert amounts("nghỉ hưu tháng 10 năm 2026") == []  # a date, read as one (stated_dates)
