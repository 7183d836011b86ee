"""A letter of one year speaks of that year's courses: asked about a later year it never names
("năm 2022 … học tập trung vào thời gian nào"), its sentences are no answer, and the asker is told
the bot does not know; asked with no year, or of a year it names, the letter answers. And a
question asking when ("vào tháng mấy", "bao giờ") is not answered by sentences giving no date
nor month. The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH PHÚ THỌ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 812/SGDĐT-GDTrH
V/v bồi dưỡng giáo viên dạy môn Tin học năm 2020
Phú Thọ, ngày 10 tháng 3 năm 2020
Kính gửi: Các trường trung học phổ thông trực thuộc.
1. Thời gian
Lớp bồi dưỡng giáo viên dạy môn Tin học học tập trung trong tháng 8 năm 2020 tại Trường \
THPT Hùng Vương.
2. Chứng nhận
Giáo viên học đủ số buổi và làm bài thu hoạch đạt yêu cầu được Sở cấp giấy chứng nhận \
hoàn thành lớp bồi dưỡng môn Tin học.
"""


def engine() -> AnsweringEngine:
    found = AnsweringEngine(())
    letter = read_letter_file(LETTER.encode(), "cv812.txt").letter
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_a_later_year_the_letter_never_names_is_not_answered_from_it() -> None:
    bot = engine()
    later = bot.answer("Năm 2022 lớp bồi dưỡng giáo viên dạy môn Tin học học tập trung vào "
                       "thời gian nào ạ?")
    assert later.kind == "none", later
    for asked in ("Lớp bồi dưỡng giáo viên dạy môn Tin học học tập trung vào thời gian nào ạ?",
                  "Năm 2020 lớp bồi dưỡng giáo viên dạy môn Tin học học tập trung vào thời gian "
                  "nào ạ?"):
        found = bot.answer(asked)
        assert found.kind == "quoted" and found.quote is not None, asked
        assert "tháng 8 năm 2020" in found.quote.text


def test_when_is_not_answered_by_sentences_giving_no_date() -> None:
    bot = engine()
    for asked in ("Giấy chứng nhận hoàn thành lớp bồi dưỡng môn Tin học được Sở cấp vào "
                  "tháng mấy ạ?",
                  "giay chung nhan hoan thanh lop boi duong mon tin hoc bao gio duoc cap"):
        assert bot.answer(asked).kind == "none", asked
    found = bot.answer("Giáo viên cần làm gì để được Sở cấp giấy chứng nhận hoàn thành lớp "
                       "bồi dưỡng môn Tin học?")
    assert found.kind == "quoted" and found.quote is not None
    assert "bài thu hoạch" in found.quote.text
