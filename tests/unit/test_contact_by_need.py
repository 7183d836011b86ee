"""Whom to call is decided by the kind of help asked, then by the asker's area.

A Sở's letter names one officer per area (for the lists, changes of class and the content) and
one person for accounts and the online system, whatever the area; another Sở writes the same
in two sentences ("Về chuyên môn, đăng ký: …. Về đường truyền, tài khoản: …"). A teacher who
cannot log in gets the technical person though they name their area; one asking about their
school's list gets their area's officer, though the table's lead, not its row, says the
officers handle the lists; one who changes a registered class gets the registration officer
("đk" is "đăng ký" there). Typos and "khóa này" do not sink a question the letter answers.
The letters are written here, in our own words.
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.asked import asked_kinds
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter
from bot.knowledge.normalize import words
from bot.knowledge.render import plain_text, render_answer
from bot.knowledge.table_rows import row_keys
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx, letter_pdf

VI = translator("vi").gettext
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
SOUTH = ("Bà Nông Thị Lan", "0205.3812.114")  # the officer of the southern districts
NORTH = ("Ông Hoàng Văn Nam", "0205.3870.221")
FIXER = ("Bà Lã Thị Hoa", "0205.3899.650")  # accounts and the online system, any area
DEADLINES = (
    "Các trường mầm non gửi danh sách học viên (họ tên, ngày sinh, vị trí việc làm, số điện thoại, "
    "ghi rõ người đã có chứng chỉ sơ cấp cứu còn hạn) về Phòng Văn hóa - Xã hội của xã, phường "
    "trước ngày 20/11/2026; Phòng Văn hóa - Xã hội tổng hợp, gửi Sở qua thư điện tử "
    "gdmn@langson.edu.vn trước ngày 25/11/2026; trường mầm non tư thục gửi thẳng về Sở cùng thời "
    "hạn; Sở cấp tài khoản học trực tuyến qua nhà trường trước ngày 30/11/2026; học viên học phần "
    "trực tuyến từ ngày 01/12/2026 đến hết ngày 20/12/2026 và dự buổi thực hành của lớp mình; bài "
    "thu hoạch nộp trên hệ thống trước ngày 15/01/2027; Sở cấp giấy chứng nhận trước ngày "
    "28/02/2027; nhà trường lưu giấy chứng nhận vào hồ sơ bồi dưỡng của giáo viên.")
TABLE_BODY = [
    "Kính gửi: Các trường mầm non.",
    "1. Nội dung và lịch học",
    "Giáo viên mầm non học phần trực tuyến gồm 04 chuyên đề sơ cấp cứu trẻ em (nhận biết; "
    "xử trí hóc dị vật; xử trí bỏng) trên hệ thống https://hoctap.langson.edu.vn và một buổi "
    "thực hành; giờ thực hành từ 7 giờ 45 đến 11 giờ 15. "
    "Giáo viên học xong được tính 15 tiết vào nội dung 2.",
    [["Lớp", "Địa bàn (trước đây)", "Buổi thực hành", "Nơi học"],
     ["Lớp 1", "Huyện Hữu Lũng, Chi Lăng", "Ngày 09/01/2027", "Trường Mầm non Hoa Sen"],
     ["Lớp 2", "Huyện Tràng Định, Bình Gia", "Ngày 16/01/2027", "Trường Mầm non Sơn Ca"]],
    "2. Thời hạn và người phụ trách",
    DEADLINES,
    "Cán bộ theo dõi từng địa bàn (danh sách học viên, đổi lớp, nội dung học) và hỗ trợ kỹ "
    "thuật như sau:",
    [["Địa bàn", "Cán bộ", "Số điện thoại"],
     ["Huyện Hữu Lũng, Chi Lăng trước đây (Lớp 1)", f"{SOUTH[0]}, chuyên viên Phòng Giáo dục "
      "Mầm non", SOUTH[1]],
     ["Huyện Tràng Định, Bình Gia trước đây (Lớp 2)", f"{NORTH[0]}, chuyên viên Phòng Giáo dục "
      "Mầm non", NORTH[1]],
     ["Tài khoản, lỗi hệ thống học trực tuyến (chung cho các địa bàn)",
      f"{FIXER[0]}, Trung tâm Công nghệ thông tin", FIXER[1]]],
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "GIÁM ĐỐC",
]
REGISTRAR = ("ông Vi Văn Đức", "0216.3852.307")
LINKMAN = ("bà Hà Thu Trang", "0216.3861.940")
PROSE_BODY = [
    "Kính gửi: Các trường trung học cơ sở.",
    "1. Lớp học",
    "Giáo viên Âm nhạc đăng ký một trong hai lớp: lớp hát dân ca học tập trung tại Trường Cao "
    "đẳng Sư phạm Yên Bái ngày 12/01/2027; lớp nhạc cụ dân tộc học trực tuyến vào các buổi tối "
    "13, 14/01/2027 qua đường truyền của Sở.",
    "2. Liên hệ",
    f"Về chuyên môn, đăng ký lớp: {REGISTRAR[0]}, Phòng Giáo dục Trung học, điện thoại "
    f"{REGISTRAR[1]}. Về đường truyền lớp nhạc cụ và tài khoản: {LINKMAN[0]}, Trung tâm Công nghệ "
    f"thông tin, điện thoại {LINKMAN[1]}.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "GIÁM ĐỐC",
]


@cache
def table_letter() -> Letter:
    header = (["UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2731/SGDĐT-GDMN",
               "V/v bồi dưỡng sơ cấp cứu trẻ em cho giáo viên mầm non năm học 2026-2027"],
              [*MOTTO, "Lạng Sơn, ngày 06 tháng 11 năm 2026"])
    return read_letter_file(letter_docx(TABLE_BODY, header), "cv2731.docx").letter


@cache
def prose_letter() -> Letter:
    header = (["UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1906/SGDĐT-GDTrH",
               "V/v bồi dưỡng giáo viên Âm nhạc về dân ca và nhạc cụ dân tộc"],
              [*MOTTO, "Lào Cai, ngày 02 tháng 12 năm 2026"])
    return read_letter_file(letter_pdf(PROSE_BODY, header), "cv1906.pdf").letter


def answer(letter: Letter, question: str) -> str:
    engine: AnsweringEngine = default_engine()
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return plain_text(render_answer(engine.answer(question), VI))


@pytest.mark.parametrize("question", [
    "Trường em ở Bình Gia cũ, quên mật khẩu tài khoản học thì hỏi ai ạ?",
    "truong o huu lung cu khong dang nhap duoc he thong hoctap thi goi ai",
])
def test_a_login_trouble_gets_the_technical_person_whatever_the_area(question: str) -> None:
    text = answer(table_letter(), question)
    assert FIXER[1] in text, text
    assert NORTH[1] not in text and SOUTH[1] not in text, text


@pytest.mark.parametrize("question", [
    "trường mầm non ở Chi Lăng cũ muốn hỏi về danh sách học viên thì liên hệ ai, sđt bao nhiêu",
    "trg mn o huyen chi lang cu hoi ds hoc vien thi lh ai",
])
def test_a_question_on_the_list_gets_the_officer_of_the_askers_area(question: str) -> None:
    """The table's lead says the officers handle the lists; the row of the asker's area, which
    names its class in brackets ("(Lớp 1)", no grade), gives the person."""
    text = answer(table_letter(), question)
    assert SOUTH[1] in text, text
    assert FIXER[1] not in text and NORTH[1] not in text, text


def test_a_class_named_in_brackets_after_an_area_is_no_grade() -> None:
    assert row_keys("Huyện Hữu Lũng trước đây (Lớp 1) — Cán bộ: Bà Lan")[:2] == (
        frozenset(), frozenset())
    # said with its teachers, a grade stays one
    assert row_keys("Giáo viên tiểu học (Lớp 1) — Cán bộ: Bà Lan")[1] == frozenset({1})


def test_a_connection_trouble_in_an_evening_class_gets_the_it_person() -> None:
    text = answer(prose_letter(),
                  "Tối học lớp nhạc cụ dân tộc trực tuyến bị lỗi đường truyền thì gọi ai?")
    assert LINKMAN[1] in text, text


def test_changing_a_registered_class_gets_the_registration_officer() -> None:
    """"đk" beside the class is registering, as the letter words it, not a condition."""
    text = answer(prose_letter(), "trg mình muốn đổi lớp đk cho 1 gv thì lh ai ạ")
    assert REGISTRAR[1] in text, text


def test_an_abbreviation_of_a_condition_stays_one() -> None:
    assert words("gv đủ đk dự thi không") [2:4] == ["đủ", "điều"]


@pytest.mark.parametrize("question", [
    "buổi thưc hành bắt đầu lúc mây giờ vậy ạ",
    "buoi thuc hanh bat dau luc may gio",
])
def test_a_mistyped_question_word_still_asks_the_time(question: str) -> None:
    assert "time" in asked_kinds(question)
    assert "7 giờ 45" in answer(table_letter(), question)


def test_a_mistyped_word_reads_as_the_letters_phrase() -> None:
    """"trưc" has marks that make no syllable: it is "trực" mistyped, and "hoc trưc tiếp" is
    the in-person part as "học trực tiếp" is."""
    assert words("hoc trưc tiếp") == words("học trực tiếp")


def test_this_course_and_the_programme_are_the_letters_own() -> None:
    """"khóa này" is the letter's course; "nội dung 2" is a content of bồi dưỡng thường
    xuyên, which the letter does not name."""
    text = answer(table_letter(), "Giáo viên học xong khóa này được tính mấy tiết bồi dưỡng "
                                  "thường xuyên?")
    assert "15 tiết" in text, text



def test_the_site_and_the_deadline_asked_together_are_both_answered() -> None:
    """The site is named where the course is set out, the last day where the dates are."""
    text = answer(table_letter(), "phan hoc truc tuyen hoc tren trang nao, han cuoi ngay nao")
    assert "hoctap.langson.edu.vn" in text and "20/12/2026" in text, text
