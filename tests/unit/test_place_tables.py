"""Tables whose columns or groups of rows say whose case a value is: a column per former
province (its header marked for a footnote under the table), a table running over a page
break without its header printed again, rows grouped under a heading row spanning the table
("1. Cấp trung học cơ sở") and closed by a subtotal. A teacher who says where they are, or
what level they teach, reads their own column or group; so does the quote."""

from __future__ import annotations

import dataclasses

import pypdfium2

from bot.knowledge.asked import former_places
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import LEFT as MERGED
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.normalize import fold_word, words
from bot.services.letters import read_letter_file
from tests.letter_files import LEFT, letter_docx, letter_pdf

HEADER = (["UBND TỈNH BẮC NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 713/SGDĐT-GDTrH",
           "V/v tập huấn sơ cứu ban đầu cho nhân viên y tế trường học"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Bắc Ninh, ngày 10 tháng 02 năm 2027"])
# one column per former province; one cell over both columns; a footnote marked (*)
BY_PLACE = [
    ["Hạng mục", "Khu vực Bắc Ninh cũ", "Khu vực Bắc Giang cũ (*)"],
    ["Thời gian tập huấn", "15/3/2027 - 16/3/2027", "22/3/2027 - 23/3/2027"],
    ["Nơi tập huấn", "Trung tâm Y tế thành phố, phường Kinh Bắc",
     "Bệnh viện Đa khoa tỉnh, phường Bắc Giang"],
    ["Bài thu hoạch", "Viết tay, nộp ngay cuối buổi chiều ngày thứ hai", LEFT],
    ["Cán bộ phụ trách", "Ông Trần Văn Quý, điện thoại 0222.3811.204",
     "Bà Ngô Thị Hằng, điện thoại 0204.3855.671"],
]
NOTE = ("(*) Trường thuộc huyện Yên Dũng trước đây được chuyển sang lớp của khu vực Bắc Ninh "
        "cũ, gửi đăng ký trước ngày 05/3/2027.")
BODY = ["Kính gửi: Các trường trung học cơ sở, trung học phổ thông.",
        "1. Lịch tập huấn",
        "Mỗi trường cử 01 nhân viên y tế trường học tham gia tập huấn theo khu vực như sau:",
        BY_PLACE, NOTE,
        "2. Báo cáo",
        "Các trường báo cáo danh sách người tham gia trước ngày 01/3/2027.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def _index(data: bytes, name: str) -> LetterIndex:
    return LetterIndex([dataclasses.replace(read_letter_file(data, name).letter, id=1)])


def test_an_asker_of_a_former_province_reads_its_column_not_the_others() -> None:
    index = _index(letter_docx(BODY, HEADER), "taphuan.docx")
    quote = index.search("Trường tôi ở xã thuộc huyện Lục Nam cũ (Bắc Giang), nhân viên y tế "
                         "đi tập huấn ngày nào, ở đâu?")
    assert quote is not None
    assert "22/3/2027" in quote.text and "Bệnh viện Đa khoa tỉnh" in quote.text
    assert "15/3/2027" not in quote.text and "phường Kinh Bắc" not in quote.text


def test_an_asker_naming_only_their_former_district_reads_the_column_the_letter_puts_it_in(
        ) -> None:
    said = ("Trường thuộc các huyện Lục Ngạn, Sơn Động trước đây của tỉnh Bắc Giang báo số người "
            "qua trường đầu cụm.")
    index = _index(letter_docx([*BODY[:5], said, *BODY[5:]], HEADER), "taphuan.docx")
    quote = index.search("Trường tôi ở xã thuộc huyện Sơn Động cũ, nhân viên y tế tập huấn ngày "
                         "nào, ở đâu?")
    assert quote is not None
    assert "22/3/2027" in quote.text and "15/3/2027" not in quote.text


def test_a_note_sending_a_district_to_another_column_is_quoted_with_that_columns_date() -> None:
    index = _index(letter_docx(BODY, HEADER), "taphuan.docx")
    quote = index.search("Trường tôi thuộc huyện Yên Dũng cũ, muốn học bên khu vực Bắc Ninh thì "
                         "có được không, làm thế nào?")
    assert quote is not None
    assert "05/3/2027" in quote.text  # the note
    assert "15/3/2027" in quote.text  # the date of the class it sends them to


def test_a_footnote_mark_in_a_header_and_before_its_note_is_kept() -> None:
    body = read_letter_file(letter_docx(BODY, HEADER), "taphuan.docx").body
    assert NOTE in body.split("\n")
    assert "Khu vực Bắc Giang cũ (*) — Thời gian tập huấn: 22/3/2027 - 23/3/2027" in body


def test_a_table_split_by_a_page_break_is_said_column_by_column_from_every_row() -> None:
    # enough lines before it that the page breaks after the table's second row, and the rows
    # on the next page come without the header
    filler = [f"Nội dung {k}: nhân viên y tế ôn lại quy trình xử lý tình huống số {k} tại "
              "trường trước khi đi tập huấn." for k in range(1, 32)]
    body = [*BODY[:3], *filler, BY_PLACE, NOTE, *BODY[5:]]
    data = letter_pdf(body, HEADER)
    assert len(pypdfium2.PdfDocument(data)) > 1
    lines = read_letter_file(data, "taphuan.pdf").body.split("\n")
    [column] = [line for line in lines if line.startswith("Khu vực Bắc Giang cũ (*) — ")]
    assert "Thời gian tập huấn: 22/3/2027 - 23/3/2027" in column  # the first page's row
    assert "Cán bộ phụ trách: Bà Ngô Thị Hằng" in column  # the next page's row


def test_a_former_place_and_its_province_are_read_in_a_question_typed_without_marks() -> None:
    # "gv", read "giáo viên", puts marks in no word the asker typed
    accented = words("truong o xa thuoc huyen Luc Nam cu (Bac Giang) cu gv di tap huan")
    folded = [fold_word(w) for w in accented]
    found = former_places(accented, folded)
    assert {folded[k] for k in found} >= {"huyen", "luc", "nam", "cu"}


# rows grouped by level under a heading row across the table, each group closed by a subtotal
BY_LEVEL = [
    ["STT", "Địa bàn", "Ngày tập huấn", "Số người"],
    ["1. Cấp trung học cơ sở", LEFT, LEFT, LEFT],
    ["1", "Các phường thuộc thành phố Bắc Ninh cũ", "08/4/2027", "60"],
    ["2", "Các xã còn lại", "09/4/2027", "85"],
    ["Cộng", LEFT, LEFT, "145"],
    ["2. Cấp trung học phổ thông", LEFT, LEFT, LEFT],
    ["3", "Các phường thuộc thành phố Bắc Ninh cũ", "15/4/2027", "40"],
    ["Cộng", LEFT, LEFT, "40"],
    ["Tổng cộng", LEFT, LEFT, "185"],
]


def test_rows_under_a_heading_row_are_said_with_it_and_a_subtotal_once() -> None:
    lines = table_lines([[MERGED if cell == LEFT else cell for cell in row] for row in BY_LEVEL])
    assert lines[:3] == [
        "Các phường thuộc thành phố Bắc Ninh cũ (Cấp trung học cơ sở) — Ngày tập huấn: "
        "08/4/2027; Số người: 60.",
        "Các xã còn lại (Cấp trung học cơ sở) — Ngày tập huấn: 09/4/2027; Số người: 85.",
        "Cộng — Số người: 145."]
    assert "Tổng cộng — Số người: 185." in lines  # of no group
    assert not any(line.startswith(("1.", "2.")) for line in lines)


def test_an_asker_of_one_level_reads_the_row_of_their_group() -> None:
    body = [*BODY[:3], BY_LEVEL, *BODY[5:]]
    letter = read_letter_file(letter_docx(body, HEADER), "taphuan.docx").letter
    # the heading rows are no sections of the letter: its own "2. Báo cáo" stays section 2
    assert [p.section for p in letter.passages if p.section] == ["1", "2"]
    index = LetterIndex([dataclasses.replace(letter, id=1)])
    quote = index.search("Tôi dạy trường THPT ở phường thuộc thành phố Bắc Ninh cũ, ngày nào "
                         "tập huấn?")
    assert quote is not None
    assert "15/4/2027" in quote.text and "08/4/2027" not in quote.text


def test_a_rule_counting_from_a_tables_date_is_quoted_with_the_askers_row() -> None:
    rule = ("Trường cần thay người tham gia thì báo Sở chậm nhất 05 ngày trước ngày tập huấn "
            "của cấp học mình.")
    body = [*BODY[:3], BY_LEVEL, "2. Thay đổi người học", rule, *BODY[7:]]
    index = _index(letter_docx(body, HEADER), "taphuan.docx")
    quote = index.search("Trường THPT của tôi đến ngày 12/4/2027 mới báo Sở thay người tập huấn "
                         "thì có kịp không?")
    assert quote is not None
    assert rule in quote.text
    assert "Ngày tập huấn: 15/4/2027" in quote.text and "08/4/2027" not in quote.text


def test_a_school_of_two_levels_reads_the_row_of_each_in_a_long_table() -> None:
    # long enough that its rows are cut into several passages, the high-school row far below
    middle = [[str(k), f"Các phường, xã thuộc cụm trường số {k} gồm các địa bàn ven sông Cầu "
               f"và sông Thương trước đây", f"{k + 5:02d}/4/2027", f"{30 + k}"]
              for k in range(1, 9)]
    table = [BY_LEVEL[0], BY_LEVEL[1], *middle, ["Cộng", LEFT, LEFT, "300"],
             ["2. Cấp trung học phổ thông", LEFT, LEFT, LEFT],
             ["9", "Toàn tỉnh", "20/4/2027", "40"], ["Cộng", LEFT, LEFT, "40"]]
    body = [*BODY[:3], table, *BODY[5:]]
    index = _index(letter_docx(body, HEADER), "taphuan.docx")
    quote = index.search("Trường THCS và THPT của tôi thuộc cụm trường số 3 thì nhân viên y tế "
                         "tập huấn ngày nào?")
    assert quote is not None
    assert "08/4/2027" in quote.text and "20/4/2027" in quote.text
