"""A table whose rows are roles (the principal, the trainer, the trainee, the class secretary),
each with its work and, under a header spanning three columns, the paper it hands in, to whom
and by when. A question naming a role gets that role's row with its recipient and deadline; a
role named only as whose sessions another attends is not the row asked. The letter is written
here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge import letter_tables
from bot.knowledge.asked import asked_kind
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from bot.services.letters import read_letter_file
from tests.letter_files import ABOVE, LEFT, letter_docx

HEADER = (["UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1187/SGDĐT-GDTX",
           "V/v tập huấn giảng viên về kỹ năng số năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Nghệ An, ngày 05 tháng 01 năm 2027"])
TABLE = [
    ["TT", "Người thực hiện", "Công việc", "Sản phẩm", LEFT, LEFT],
    [ABOVE, ABOVE, ABOVE, "Tên sản phẩm", "Nơi nhận", "Thời hạn"],
    ["1", "Hiệu trưởng", "Cử học viên đúng đối tượng; bố trí người dạy thay trong ngày học",
     "Danh sách học viên theo Mẫu A", "Phòng Văn hóa - Xã hội", "20/01/2027"],
    ["2", "Giảng viên", "Soạn bài giảng; dự ít nhất 05 buổi thực hành của học viên; chấm bài "
     "cuối khóa", "Bảng điểm cuối khóa", "Ban tổ chức lớp", "10/4/2027"],
    ["3", "Học viên", "Dự ít nhất 10 buổi giảng của giảng viên; làm bài cuối khóa",
     "Bài thu hoạch", "Giảng viên", "31/3/2027"],
    ["4", "Thư ký lớp", "Điểm danh mỗi buổi; tổng hợp ý kiến của học viên về lớp",
     "Sổ điểm danh", "Hiệu trưởng", "05/4/2027"],
]
BODY = ["Kính gửi: Các trường tiểu học, trung học cơ sở.",
        "1. Đối tượng",
        "Mỗi trường cử 01 giáo viên làm học viên của lớp giảng viên kỹ năng số.",
        "2. Việc của từng người",
        TABLE,
        "3. Kinh phí",
        "Sở chi tài liệu và thù lao giảng viên; trường chi tiền đi lại.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC"]


def _index() -> LetterIndex:
    letter = read_letter_file(letter_docx(BODY, HEADER), "kynangso.docx").letter
    return LetterIndex([dataclasses.replace(letter, id=1)])


def test_a_column_of_recipients_keeps_the_table_one_of_data() -> None:
    grid = [[{LEFT: letter_tables.LEFT, ABOVE: letter_tables.ABOVE}.get(c, c) for c in row]
            for row in TABLE]  # as the .docx reader marks merged cells
    lines = table_lines(grid)
    assert lines[0].startswith("Hiệu trưởng — Công việc: Cử học viên")
    assert "Sản phẩm - Nơi nhận: Phòng Văn hóa - Xã hội" in lines[0]
    assert "Sản phẩm - Thời hạn: 20/01/2027" in lines[0]


def test_a_role_asked_to_whom_and_by_when_gets_its_rows_recipient_and_deadline() -> None:
    quote = _index().search("hiệu trưởng nộp danh sách học viên cho ai, hạn chót ngày nào")
    assert quote is not None
    assert "Phòng Văn hóa - Xã hội" in quote.text and "20/01/2027" in quote.text


def test_whom_a_row_sends_to_is_not_whom_the_row_is_for() -> None:
    # the secretary's row sends to the principal; a question naming teachers still reaches it
    quote = _index().search("thư ký lớp tổng hợp ý kiến giáo viên đi học, nộp sổ điểm danh "
                            "ngày 08/4/2027 thì có đúng hạn không")
    assert quote is not None
    assert quote.text.startswith("Thư ký lớp") and "05/4/2027" in quote.text


def test_a_role_named_as_whose_sessions_another_attends_is_not_the_row_asked() -> None:
    quote = _index().search("tôi là giáo viên đi học, phải dự ít nhất mấy buổi của giảng viên")
    assert quote is not None
    assert quote.text.startswith("Học viên") and "10 buổi" in quote.text
    # the trainer's own row, asked as such
    quote = _index().search("giảng viên phải dự ít nhất mấy buổi thực hành")
    assert quote is not None and "05 buổi" in quote.text


def test_whether_a_day_keeps_the_time_set_asks_a_date() -> None:
    assert asked_kind("nộp ngày 08/4 thì có đúng hạn không") == "date"
    assert asked_kind("tổ chức ngày 27/5 có đúng thời gian quy định không ạ") == "date"
    assert asked_kind("làm như vậy có đúng quy định không") is None


def test_two_roles_deadlines_are_no_days_that_could_overlap() -> None:
    from bot.knowledge.row_overlap import overlap

    grid = [[{LEFT: letter_tables.LEFT, ABOVE: letter_tables.ABOVE}.get(c, c) for c in row]
            for row in TABLE]
    rows = [line for line in table_lines(grid) if line]
    assert overlap("hiệu trưởng và thư ký lớp nộp cùng lúc được không", rows) is None
