"""A letter sends its learners by former district ("các huyện … trước đây"), and a teacher
says where they are the way people do since the 2025 merger: "xã Mỹ Lộc, trước thuộc huyện
Mỹ Lộc", "phường Nam Định (trước là thành phố Nam Định)", typed with or without marks. The row
or line naming their former district is their answer, whatever the venue's school level and
however common the words around it; a group the letter cancels is answered with what its
people do instead.

The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.asked import asked_person, former_frames, former_places, named_people
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.normalize import fold_word, words
from bot.knowledge.table_rows import question_keys, row_fit
from tests.letter_quotes import one_letter, quoted

GROUPS = [
    ["Nhóm", "Giáo viên các trường ở xã, phường thuộc", "Ngày học", "Nơi học"],
    ["Nhóm 1", "Thành phố Nam Định, các huyện Mỹ Lộc, Vụ Bản trước đây", "09/01/2027",
     "Trường Cao đẳng Sư phạm Nam Định, phường Nam Định"],
    ["Nhóm 2", "Các huyện Ý Yên, Nghĩa Hưng trước đây", "16/01/2027",
     "Trường Trung học phổ thông Tống Văn Trân, xã Ý Yên"],
    ["Nhóm 3", "Các huyện Hải Hậu, Giao Thủy trước đây", "23/01/2027",
     "Trường Tiểu học Thị trấn Yên Định, xã Hải Hậu"],
]


def _index() -> LetterIndex:
    letter = "\n".join([
        "UBND TỈNH NINH BÌNH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 812/SGDĐT-GDPT",
        "V/v bồi dưỡng giáo viên dạy tiếng Anh tiểu học về thư viện lớp học năm 2027",
        "Ninh Bình, ngày 02 tháng 12 năm 2026",
        "1. Nhóm học",
        "Giáo viên dạy tiếng Anh ở tiểu học học một ngày trực tiếp theo nhóm của địa bàn "
        "huyện, thành phố trước đây nơi có trường như sau:",
        *table_lines(GROUPS),
        "2. Nhóm 4",
        "Không tổ chức Nhóm 4 (giáo viên các xã thuộc huyện Xuân Trường trước đây, dự kiến "
        "học ngày 30/01/2027 tại Trường Mầm non Xuân Ngọc).",
        "Giáo viên của Nhóm 4 học cùng Nhóm 3 ngày 23/01/2027 tại hội trường tầng 2.",
        "3. Kinh phí",
        "Sở hỗ trợ tiền ăn trưa 70.000 đồng một người trong ngày học trực tiếp; tiền đi lại "
        "do trường cử người học thanh toán trước ngày 15/02/2027.",
        "4. Liên hệ",
        "Về nhóm học, liên hệ bà Phạm Thị Lan, chuyên viên Phòng Giáo dục phổ thông, điện "
        "thoại 0912 345 678.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])
    return one_letter(letter)


def test_a_commune_said_with_its_former_district_finds_that_districts_row() -> None:
    index = _index()
    for question, date in (
            ("Em dạy tiếng Anh ở trường tiểu học xã Vụ Bản, trước thuộc huyện Vụ Bản. Ngày "
             "học trực tiếp của em là ngày nào, học ở đâu ạ?", "09/01/2027"),
            ("truong em o xa nghia hung, truoc la huyen nghia hung, thi hoc truc tiep ngay "
             "nao, o dau", "16/01/2027"),
            ("Trường em ở xã Giao Thủy (huyện Giao Thủy cũ), ngày học trực tiếp là ngày "
             "nào ạ?", "23/01/2027")):
        text = quoted(index, question)
        assert date in text, question
        assert not {"09/01/2027", "16/01/2027", "23/01/2027"} - {date} & set(text.split()), \
            question


def test_the_frame_words_of_a_former_place_are_no_words_to_find() -> None:
    accented = words("trường em ở xã Mỹ Lộc, trước thuộc huyện Mỹ Lộc. Học ngày nào")
    folded = [fold_word(w) for w in accented]
    placed = {accented[k] for k in former_places(accented, folded,
                                                 lambda pair: pair.endswith(" loc"))}
    assert placed == {"xã", "mĩ", "lộc", "huyện"}  # i/y as the index spells them
    assert [accented[k] for k in sorted(former_frames(accented))] == ["trước", "thuộc"]
    # "lục nam" typed without marks is a place's name, not "lúc" asking when
    accented = words("truong o xa luc nam, truoc la huyen luc nam")
    folded = [fold_word(w) for w in accented]
    assert folded.index("luc") in former_places(accented, folded, {"luc nam"}.__contains__)


def test_a_venue_schools_level_is_not_whom_the_row_is_for() -> None:
    # primary teachers of group 2 meet at a high school: the row is still theirs
    row = next(line for line in table_lines(GROUPS) if line.startswith("Nhóm 2"))
    assert row_fit(question_keys("giáo viên tiểu học học ngày nào"), row) >= 0


def test_a_cancelled_group_is_answered_with_what_its_people_do_instead() -> None:
    text = quoted(_index(), "Em ở xã Xuân Trường, trước thuộc huyện Xuân Trường. Nhóm 4 "
                             "học trực tiếp ngày nào ạ?")
    assert "Không tổ chức Nhóm 4" in text and "23/01/2027" in text


def test_english_is_a_language_not_someone_called_anh() -> None:
    # "tiếng Anh ở tiểu học" names no "anh Ở"; a lowercase word after a title is no name
    assert named_people("giáo viên dạy tiếng Anh ở tiểu học, tiếng Anh đang dạy") == frozenset()
    assert asked_person("em dạy tiếng Anh ở trường tiểu học", frozenset({"o"})) is None
    assert named_people("liên hệ bà Phạm Thị Lan") == frozenset({"lan"})


def test_a_grades_pupils_are_the_grade() -> None:
    index = one_letter("\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 77/SGDĐT-QLCL", "V/v sổ điểm điện tử",
        "1. Phạm vi",
        "Học sinh các trường được giáo viên nhập điểm vào sổ điểm điện tử hằng tuần; nhà "
        "trường in sổ điểm điện tử cho học sinh cuối mỗi học kỳ.",
        *table_lines([["Cấp học", "Khối lớp", "Ghi chú"],
                      ["Trung học cơ sở", "Lớp 6, 7, 8, 9", "Lớp 9 khóa sổ trước 31/5/2027"],
                      ["Trung học phổ thông", "Lớp 10, 11",
                       "Lớp 12 vẫn dùng sổ điểm giấy đến khi tốt nghiệp"]]),
        "KT. GIÁM ĐỐC",
    ]))
    assert "sổ điểm giấy" in quoted(index, "Học sinh lớp 12 có dùng sổ điểm điện tử không ạ?")
