"""A table numbers its rows and the letter's prose calls them by number ("học phần 1 và 3"); a
teacher calls a row by its name ("phần đàn organ"). The sentence calling the row by number
answers a question naming it, and a question naming the number reaches the row. Two rows asked
of together are told with their days and whether these overlap. The letters are written here,
in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.render import plain_text, render_answer
from bot.knowledge.row_numbers import named_by_number, numbered_rows
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext

HEADER = (["UBND TỈNH LÂM ĐỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 904/SGDĐT-GDPT",
           "V/v bồi dưỡng giáo viên Âm nhạc năm học 2026-2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Lâm Đồng, ngày 02 tháng 12 năm 2026"])
TABLE = [
    ["TT", "Học phần", "Dành cho", "Ngày học", "Nơi học"],
    ["1", "Hát dân ca Tây Nguyên trong giờ Âm nhạc", "Giáo viên tiểu học",
     "08/3/2027 - 09/3/2027", "Trường Cao đẳng Sư phạm, phường Xuân Hương"],
    ["2", "Đàn organ: đệm hát và hòa tấu lớp học", "Giáo viên trung học cơ sở",
     "15/3/2027 - 16/3/2027", "Nhà Thiếu nhi tỉnh, phường Lâm Viên"],
    ["3", "Múa dân gian cho học sinh", "Giáo viên tiểu học, trung học cơ sở",
     "22/3/2027", "Trường Tiểu học Quang Trung, phường Bảo Lộc"],
]
BODY = ["Kính gửi: Các trường tiểu học, trung học cơ sở.",
        "1. Lịch học",
        "Mỗi giáo viên Âm nhạc học các học phần dành cho cấp mình dạy như sau:",
        TABLE,
        "2. Bài thu hoạch",
        "Học xong, giáo viên gửi lên hệ thống trong 07 ngày một video tiết dạy mẫu (học phần 1 "
        "và 3) hoặc một bản kế hoạch buổi biểu diễn của lớp (học phần 2).",
        "3. Kinh phí",
        "Sở chi tài liệu và thù lao giảng viên; trường chi tiền đi lại.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def _index() -> LetterIndex:
    letter = read_letter_file(letter_docx(BODY, HEADER), "amnhac.docx").letter
    return LetterIndex([dataclasses.replace(letter, id=1)])


def test_a_numbered_row_says_its_number_beside_its_name() -> None:
    lines = table_lines(TABLE)
    assert lines[1].startswith("Đàn organ: đệm hát và hòa tấu lớp học (học phần 2) — ")
    # a table numbering rows it never names as such ("Đơn vị") keeps its labels as they are
    units = [["STT", "Đơn vị", "Số người"], ["1", "Trường Tiểu học A", "3"],
             ["2", "Trường THCS B", "2"]]
    assert table_lines(units)[0].startswith("Trường Tiểu học A — ")


def test_prose_calling_rows_by_number_names_them() -> None:
    rows = numbered_rows(table_lines(TABLE))
    assert rows["hoc phan 2"] == "Đàn organ"
    assert named_by_number("một video tiết dạy mẫu (học phần 1 và 3)", rows) == [
        "Hát dân ca Tây Nguyên trong giờ Âm nhạc", "Múa dân gian cho học sinh"]
    assert named_by_number("Học xong trước ngày 15/3/2027.", rows) == []


def test_a_question_naming_the_row_reaches_the_sentence_calling_it_by_number() -> None:
    quote = _index().search("đàn organ gửi gì sau khi học")
    assert quote is not None
    assert "kế hoạch buổi biểu diễn" in quote.text and "07 ngày" in quote.text


def test_a_question_naming_the_number_reaches_the_row() -> None:
    quote = _index().search("Học phần 3 học ở đâu, ngày nào?")
    assert quote is not None
    assert "Trường Tiểu học Quang Trung" in quote.text and "22/3/2027" in quote.text


OVERLAPPING = ["Kính gửi: Các trường trung học cơ sở, trung học phổ thông.",
               "1. Đăng ký",
               "Giáo viên Mỹ thuật chọn tối đa hai lớp; các lớp đã chọn không được trùng lịch.",
               [["STT", "Lớp", "Ngày học", "Nơi học"],
                ["1", "Vẽ tranh cổ động", "Từ 04/5/2027 đến 06/5/2027", "Trường THCS Lê Lợi"],
                ["2", "Gốm và nặn tượng", "Từ 05/5/2027 đến 07/5/2027", "Nhà văn hóa tỉnh"],
                ["3", "Thiết kế sân khấu học đường", "Ngày 12/5/2027", "Trường THPT Chu Văn An"]],
               "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def test_two_rows_asked_of_together_are_told_with_their_days_and_whether_these_meet() -> None:
    engine = AnsweringEngine([])
    letter = read_letter_file(letter_docx(OVERLAPPING, HEADER), "mythuat.docx").letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    said = plain_text(render_answer(engine.answer(
        "thầy muốn học cả lớp vẽ tranh cổ động và lớp gốm có được không"), VI))
    assert "04/05/2027 - 06/05/2027" in said and "05/05/2027 - 07/05/2027" in said
    assert "trùng thời gian" in said and "không được trùng lịch" in said
    apart = plain_text(render_answer(engine.answer(
        "dang ky lop gom voi lop thiet ke san khau duoc ko"), VI))
    assert "không trùng nhau" in apart and "12/05/2027" in apart
