"""A letter splits its teachers into classes ("Lớp 1", "Lớp 2", "Lớp A") by former district, by
level, or by a kind of school in a footnote under its table, and says the rest of a class by its
name only. A teacher says what they are ("trường em ở xã …, trước thuộc huyện …", "em dạy
THCS"): the class they are in is read first, then what the letter says of it, never what it
says of another class only; a sentence sending the reader to the table for a value brings the
table's row, with the asker's class's cell.

The letters are written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.classes import asked_classes
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.table_rows import question_keys, row_fit
from tests.letter_quotes import one_letter, quoted

CLASSES = [
    ["Lớp", "Giáo viên các trường ở xã, phường thuộc", "Ngày học", "Nơi học"],
    ["Lớp 1 (1)", "Thành phố Sơn La, huyện Mai Sơn trước đây", "11/01/2027",
     "Trường Cao đẳng Sơn La, phường Tô Hiệu"],
    ["Lớp 2", "Các huyện Thuận Châu, Quỳnh Nhai trước đây", "18/01/2027",
     "Trường Trung học phổ thông Thuận Châu, xã Thuận Châu"],
    ["Lớp 3 (2)", "Các huyện Mộc Châu, Yên Châu trước đây", "25/01/2027",
     "Trường Tiểu học Chiềng Sơn, xã Chiềng Sơn"],
]


def _letter() -> str:
    return "\n".join([
        "UBND TỈNH SƠN LA",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 733/SGDĐT-GDPT",
        "V/v tập huấn giáo viên phụ trách thư viện trường học năm 2027",
        "Sơn La, ngày 01 tháng 12 năm 2026",
        "Kính gửi:",
        "- Các trường tiểu học, trung học cơ sở.",
        "1. Các lớp",
        "Giáo viên học một ngày trực tiếp theo lớp của địa bàn huyện trước đây nơi có trường:",
        *table_lines(CLASSES),
        "(1) Lớp 1 gồm cả giáo viên của các trường phổ thông dân tộc nội trú thuộc Sở, dù "
        "trường ở huyện nào.",
        "(2) Học viên Lớp 3 mang theo máy tính xách tay.",
        "2. Trường chưa có phòng máy",
        "Giáo viên Lớp 2 có trường chưa có phòng máy được học cùng Lớp 1 nếu nhà trường báo "
        "về Sở trước ngày 20/12/2026.",
        "3. Liên hệ",
        "Về lớp học, liên hệ ông Lò Văn Khánh, chuyên viên Phòng Giáo dục phổ thông, điện "
        "thoại 0912 555 019.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])


def _index(text: str) -> LetterIndex:
    return one_letter(text)


def test_a_class_numbered_in_a_table_is_no_grade() -> None:
    # "Lớp 2" numbers a class of the course; a THCS teacher is not asking about grade 2
    row = table_lines(CLASSES)[1]
    assert row_fit(question_keys("giáo viên THCS học ngày nào"), row) >= 0  # not another's
    text = quoted(_index(_letter()), "Em là giáo viên THCS ở xã Quỳnh Nhai, trước thuộc huyện "
                                      "Quỳnh Nhai. Em học ngày nào, ở đâu ạ?")
    assert "18/01/2027" in text and "11/01/2027" not in text and "25/01/2027" not in text


def test_a_footnote_placing_a_kind_of_school_whatever_its_place_gives_its_class() -> None:
    # the school stands in a district of class 3; the footnote puts it in class 1
    text = quoted(_index(_letter()), "Tôi dạy ở trường phổ thông dân tộc nội trú thuộc Sở, "
                                      "trường ở Mộc Châu. Tôi học lớp nào, ngày nào ạ?")
    assert "11/01/2027" in text and "dù trường ở huyện nào" in text
    assert "25/01/2027" not in text


def test_what_the_letter_says_of_the_askers_class_by_name_is_said_of_them() -> None:
    # the district names class 2 once; the item on schools without a computer room says
    # "Lớp 2" only
    text = quoted(_index(_letter()), "Trường tôi ở xã thuộc huyện Thuận Châu cũ, chưa có "
                                      "phòng máy. Giáo viên có được học cùng lớp khác không?")
    assert "20/12/2026" in text


def test_a_sentence_sending_to_the_table_brings_the_askers_cell() -> None:
    venues = [["Nội dung", "Lớp A: giáo viên tiểu học", "Lớp B: giáo viên trung học cơ sở"],
              ["Ngày học", "06/02/2027", "13/02/2027"],
              ["Địa điểm học", "Trường Cao đẳng Sơn La, phường Tô Hiệu",
               "Trường Đại học Tây Bắc, phường Chiềng Sinh"]]
    letter = "\n".join([
        "UBND TỈNH SƠN LA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 741/SGDĐT-TCCB",
        "V/v bồi dưỡng giáo viên cốt cán môn Khoa học năm 2027",
        "Sơn La, ngày 04 tháng 12 năm 2026",
        "1. Lịch học",
        *table_lines(venues),
        "Giáo viên Lớp A có trường ở các xã thuộc các huyện Sốp Cộp, Sông Mã trước đây học tại "
        "điểm phụ ở Trường Tiểu học Sông Mã, xã Sông Mã. Điểm phụ không mở cho Lớp B; giáo "
        "viên trung học cơ sở ở các xã này học tại địa điểm ghi trong bảng.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])
    text = quoted(_index(letter), "Giáo viên THCS ở xã Sông Mã có được học ở điểm phụ Sông "
                                   "Mã không, hay phải học ở đâu ạ?")
    assert "Trường Đại học Tây Bắc" in text
    assert "Trường Cao đẳng Sơn La" not in text


NOTED = [
    ["Lớp", "Giáo viên các trường ở xã, phường thuộc", "Ngày học", "Nơi học", "Ghi chú"],
    ["Lớp 1", "Thành phố Sơn La, huyện Mai Sơn trước đây", "11/01/2027",
     "Trường Cao đẳng Sơn La, phường Tô Hiệu",
     "Có xe đưa đón. Trường phổ thông dân tộc bán trú tiểu học thuộc bất kỳ xã nào cũng học "
     "lớp này."],
    ["Lớp 2", "Các huyện Thuận Châu, Quỳnh Nhai trước đây", "18/01/2027",
     "Trường Trung học phổ thông Thuận Châu, xã Thuận Châu", "Mang máy tính xách tay."],
    ["Lớp 3", "Các huyện Mộc Châu, Yên Châu trước đây", "25/01/2027",
     "Trường Phổ thông dân tộc bán trú Tiểu học Chiềng Sơn, xã Chiềng Sơn", "Không có."],
]


def _noted_letter() -> str:
    return "\n".join([
        "UBND TỈNH SƠN LA", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 752/SGDĐT-GDPT",
        "V/v tập huấn giáo viên dạy học sinh khuyết tật hòa nhập năm 2027",
        "Sơn La, ngày 08 tháng 12 năm 2026",
        "1. Lịch học",
        "Giáo viên học theo lớp của địa bàn huyện trước đây nơi có trường:",
        *table_lines(NOTED),
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])


def test_a_note_placing_a_kind_of_school_in_a_class_wherever_it_is_overrides_the_guess() -> None:
    # the school stands in a district of class 3 and the asker guesses class 3, near home;
    # the note in class 1's row sends every school of that kind to class 1
    text = quoted(_index(_noted_letter()), "Trường PTDTBT tiểu học Yên Châu cử giáo viên đi "
                                           "học Lớp 3 ở Chiềng Sơn cho gần phải không ạ?")
    assert "11/01/2027" in text and "25/01/2027" not in text, text


def test_a_class_the_asker_guesses_is_not_told() -> None:
    assert asked_classes("hv lớp 3 học ở đâu") == {"lop 3"}
    assert asked_classes("em đi học Lớp 3 ở Mộc Châu đúng không") == frozenset()
    assert asked_classes("kế toán học Lớp 2 hay học lớp nào") == frozenset()
    # the asker's own class, with a yes-or-no ask about something else
    assert asked_classes("em học lớp 2 thì mang máy tính hay không") == {"lop 2"}
    assert asked_classes("em học lớp 2 thì thi ngày 5/3 đúng không") == {"lop 2"}
