"""A schedule whose first column prints a level once for its rows, one row per former province,
and numbered notes under it that change a row for some teachers. A teacher asks by their level
and the district they knew before 2025; the reader finds the row of that level for the former
province the district lay in, follows a note that sends their case to another province's row
(and ignores one naming other levels or places), and counts a date the letter gives only as a
count from their own day.

The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.counted_from import AFTER, WEEK
from bot.knowledge.letter_tables import table_lines
from tests.letter_quotes import one_letter, quoted

SCHEDULE = [
    ["Bậc học", "Nhóm", "Địa bàn (trước khi sáp nhập)", "Ngày tập huấn", "Nơi tập huấn"],
    ["Tiểu học", "NB1", "Các xã, phường thuộc tỉnh Ninh Bình trước đây", "08/03/2027",
     "Trường Tiểu học Đinh Tiên Hoàng, phường Hoa Lư"],
    ["", "NB2", "Các xã, phường thuộc tỉnh Hà Nam trước đây", "10/03/2027",
     "Trường Tiểu học Lê Hồng Phong, phường Phủ Lý"],
    ["", "NB3", "Các xã, phường thuộc tỉnh Nam Định trước đây", "12/03/2027",
     "Trường Tiểu học Trần Quốc Toản, phường Nam Định"],
    ["Trung học cơ sở", "NB4", "Các xã, phường thuộc tỉnh Ninh Bình trước đây", "15/03/2027",
     "Trường Trung học cơ sở Trương Hán Siêu, phường Hoa Lư"],
    ["", "NB5", "Các xã, phường thuộc tỉnh Hà Nam trước đây", "17/03/2027",
     "Trường Trung học cơ sở Lương Thế Vinh, phường Phủ Lý"],
    ["", "NB6", "Các xã, phường thuộc tỉnh Nam Định trước đây", "19/03/2027",
     "Trường Trung học cơ sở Hàn Thuyên, phường Nam Định"],
]

LETTER = "\n".join([
    "UBND TỈNH NINH BÌNH",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 655/SGDĐT-GDTH",
    "V/v tập huấn giáo viên dạy học môn Tin học theo hướng phát triển năng lực số",
    "Ninh Bình, ngày 10 tháng 02 năm 2027",
    "1. Lịch tập huấn",
    "Mỗi trường cử giáo viên dạy Tin học dự một buổi tập huấn trực tiếp theo lịch sau:",
    *table_lines(SCHEDULE),
    "2. Sản phẩm",
    "Mỗi giáo viên nộp một bài dạy minh họa lên hệ thống chậm nhất 7 ngày sau ngày tập huấn "
    "của nhóm mình.",
    "3. Những trường hợp riêng",
    "(1) Giáo viên trung học cơ sở ở các xã thuộc huyện Kim Sơn, huyện Yên Khánh trước đây "
    "tập huấn ở nhóm cùng cấp học của tỉnh Nam Định trước đây cho thuận đường.",
    "(2) Nếu có mưa lũ vào ngày tập huấn, buổi tập huấn của nhóm đó được dời sang cùng thứ "
    "của tuần sau, giữ nguyên nơi tập huấn.",
    "4. Liên hệ",
    "Ông Trần Văn Bình, chuyên viên Phòng Giáo dục Tiểu học, điện thoại 0229.3871.246.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def test_a_row_under_an_empty_level_cell_keeps_the_level_printed_above() -> None:
    lines = [line for line in table_lines(SCHEDULE) if line]
    assert lines[1].startswith("Tiểu học — Nhóm: NB2;")
    assert lines[5].startswith("Trung học cơ sở — Nhóm: NB6;")


def test_a_former_district_finds_the_row_of_its_former_province_for_the_level() -> None:
    index = one_letter(LETTER)
    # Lý Nhân lay in Hà Nam, Hải Hậu in Nam Định; neither is named in the letter
    text = quoted(index, "gv tieu hoc o xa thuoc huyen ly nhan cu thi tap huan ngay nao, o dau")
    assert "10/03/2027" in text and "12/03/2027" not in text
    text = quoted(index, "Giáo viên trung học cơ sở ở xã thuộc huyện Hải Hậu cũ tập huấn ngày "
                         "nào, ở trường nào?")
    assert "19/03/2027" in text and "Hàn Thuyên" in text


def test_a_note_sending_the_askers_case_to_another_province_brings_that_row() -> None:
    index = one_letter(LETTER)
    text = quoted(index, "Tôi dạy trung học cơ sở ở xã thuộc huyện Kim Sơn cũ thì tập huấn "
                         "ngày nào, ở đâu?")
    assert "cùng cấp học của tỉnh Nam Định" in text
    assert "19/03/2027" in text and "15/03/2027" not in text


def test_a_note_naming_another_level_leaves_the_askers_row_as_the_table_gives_it() -> None:
    index = one_letter(LETTER)
    text = quoted(index, "Giáo viên tiểu học ở xã thuộc huyện Kim Sơn cũ tập huấn ngày nào, "
                         "ở trường nào?")
    assert "08/03/2027" in text and "12/03/2027" not in text


def test_a_day_given_as_a_count_from_the_askers_row_is_counted() -> None:
    index = one_letter(LETTER)
    quote = index.search("Tôi thuộc nhóm NB2 thì hạn nộp bài dạy minh họa là ngày nào?")
    assert quote is not None and "7 ngày sau ngày tập huấn" in quote.text
    assert [(c.start, c.way, c.days, c.on) for c in quote.counted] == [
        ("10/03/2027", AFTER, 7, "17/03/2027")]


def test_a_class_moved_to_the_same_weekday_of_the_next_week_is_counted() -> None:
    index = one_letter(LETTER)
    quote = index.search("nhom tap huan ngay 12/03 neu bi doi vi mua lu thi tap huan ngay nao")
    assert quote is not None and "cùng thứ của tuần sau" in quote.text
    assert [(c.start, c.way, c.on) for c in quote.counted] == [("12/03/2027", WEEK,
                                                                 "19/03/2027")]


PROSE = "\n".join([
    "UBND TỈNH QUẢNG TRỊ",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1288/SGDĐT-GDTrH",
    "V/v bồi dưỡng giáo viên dạy môn Lịch sử và Địa lí năm 2027",
    "Quảng Trị, ngày 05 tháng 02 năm 2027",
    "1. Học trực tiếp",
    "Lớp học trực tiếp kéo dài 03 ngày. Giáo viên ở các xã, phường thuộc tỉnh Quảng Bình "
    "trước đây học từ ngày 08/03/2027 đến ngày 10/03/2027 tại Trường Đại học Quảng Bình.",
    "Giáo viên ở các xã, phường thuộc tỉnh Quảng Trị trước đây học từ ngày 15/03/2027 đến "
    "ngày 17/03/2027 tại Trường Trung học phổ thông chuyên Lê Quý Đôn.",
    "2. Sản phẩm cuối khóa",
    "Mỗi học viên nộp một bài thu hoạch về dạy học di sản địa phương chậm nhất 10 ngày sau "
    "buổi học cuối cùng của lớp mình.",
    "3. Lưu ý",
    "(1) Giáo viên có chứng chỉ bồi dưỡng cùng nội dung năm 2026 được miễn học trực tiếp.",
    "(2) Giáo viên của trường phổ thông dân tộc nội trú không nộp bài thu hoạch; nộp một kế "
    "hoạch tham quan di tích cho học sinh nội trú.",
    "4. Liên hệ",
    "Bà Hoàng Thị Mai, chuyên viên Phòng Giáo dục trung học, điện thoại 0233.3852.119.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def test_a_day_given_in_prose_for_the_askers_former_province_is_counted_from() -> None:
    index = one_letter(PROSE)
    # Lệ Thủy lay in Quảng Bình: its class ends on 10/03/2027
    quote = index.search("Giáo viên ở xã thuộc huyện Lệ Thủy cũ phải nộp bài thu hoạch chậm "
                         "nhất khi nào?")
    assert quote is not None and "10 ngày sau" in quote.text
    assert "08/03/2027 đến ngày 10/03/2027" in quote.text
    assert [(c.start, c.on) for c in quote.counted] == [("10/03/2027", "20/03/2027")]


def test_a_note_changing_a_rule_for_the_askers_kind_of_school_is_their_answer() -> None:
    index = one_letter(PROSE)
    text = quoted(index, "giao vien truong pho thong dan toc noi tru thi nop san pham cuoi "
                         "khoa la gi")
    assert "kế hoạch tham quan di tích" in text
