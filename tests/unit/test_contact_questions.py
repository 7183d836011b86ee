"""Whom to contact, and where (issue 18, item 5): a question asking whom to call, a phone, a
website is answered with the letter's sentence that states it about the question's matter.

A letter names one contact for its content ("về chuyên môn") and one for accounts and faults
("về tài khoản và lỗi kỹ thuật"); teachers name their trouble ("quên mật khẩu", "không đăng
nhập được") and get the second. The letter is written here, in our own words, from a Sở with no
curated entries (Cà Mau), in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.asked import asked, asked_kind, asked_kinds, asked_person
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry
from bot.knowledge.letters import Letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import letters_from_paths, read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
WITH_SEEDS = [False, pytest.param(True, marks=pytest.mark.skipif(
    not SEEDS.is_dir(), reason="source letters not available"))]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
CONTENT = "Nguyễn Thị Bích Thủy"  # the contact for the training's content
CONTENT_PHONE = "0290.3950.118"
SUPPORT = "Lâm Văn Khoa"  # the contact for accounts and faults
SUPPORT_PHONE = "0918.274.063"


def body(year: str, content: str, support: str) -> list[str]:
    return [
        "Kính gửi: Các trường trực thuộc; Ủy ban nhân dân các xã, phường.",
        "1. Nội dung và hình thức bồi dưỡng",
        "Giáo viên học chuyên đề năng lực số trong dạy học, 30 tiết, hình thức trực tuyến "
        "trên hệ thống bồi dưỡng của Sở tại địa chỉ https://taphuan.camau.edu.vn; giáo viên "
        "tự đăng nhập bằng tài khoản do nhà trường cấp.",
        "Các trường phân công cán bộ quản lý theo dõi tiến độ học của giáo viên, nhắc giáo "
        f"viên chưa học và báo cáo Sở trước ngày 30/5/{year}.",
        "2. Liên hệ",
        f"Về chuyên môn của chuyên đề liên hệ {content}, chuyên viên Phòng Tổ chức cán bộ, "
        f"điện thoại {CONTENT_PHONE}. Về tài khoản và lỗi kỹ thuật của hệ thống liên hệ "
        f"{support}, điện thoại {SUPPORT_PHONE}.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, TCCB.",
        "GIÁM ĐỐC",
    ]


@cache
def letter(year: str = "2027", content: str = f"cô {CONTENT}",
           support: str = f"thầy {SUPPORT}") -> Letter:
    header = (["UBND TỈNH CÀ MAU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 517/SGDĐT-TCCB",
               f"V/v bồi dưỡng chuyên đề năng lực số cho giáo viên năm {year}"],
              [*MOTTO, f"Cà Mau, ngày 10 tháng 02 năm {year}"])
    return read_letter_file(letter_docx(body(year, content, support), header),
                            f"cv517-{year}.docx").letter


@cache
def _seeds() -> tuple[Letter, ...]:
    return tuple(letters_from_paths([SEEDS]))


def engine_with(*letters: Letter, seeds: bool = False) -> AnsweringEngine:
    engine = default_engine()
    loaded = [*(_seeds() if seeds else ()), *letters]
    engine.letters.replace([dataclasses.replace(x, id=k) for k, x in enumerate(loaded, 1)])
    return engine


def answer(engine: AnsweringEngine, question: str) -> str:
    return plain_text(render_answer(engine.answer(question, province="ca_mau"), VI))


@pytest.mark.parametrize(("question", "kind"), [
    ("quên mật khẩu thì liên hệ ai, sđt bao nhiêu", "contact"),
    ("hoi ve chuyen de thi goi ai", "contact"),
    ("chuyên viên phụ trách bồi dưỡng là ai", "contact"),
    ("đầu mối của Sở về lớp tập huấn là ai", "contact"),
    ("kế hoạch hỗ trợ đồng nghiệp do ai phê duyệt", "person"),
    ("số điện thoại của Phòng Giáo dục Trung học là số nào", "phone"),
    ("gửi danh sách vào mail nào", "email"),
    ("liên hệ trước ngày nào", "date"),
    ("số điện thoại bàn của phòng tccb", "landline"),
    ("so may ban phong tccb la so nao", "landline"),
    ("có mấy bàn học", "number"),
])
def test_a_question_asking_whom_to_turn_to_asks_for_a_contact(question: str, kind: str) -> None:
    assert asked_kind(question) == kind


@pytest.mark.parametrize("seeds", WITH_SEEDS)
@pytest.mark.parametrize("question", [
    "em quên mật khẩu hệ thống bồi dưỡng thì hỏi ai ạ",
    "quen mat khau thi lien he ai sdt bn",
    "tài khoản bị lỗi đăng nhập không được thì gọi ai",
    "khong dang nhap duoc vao he thong boi duong thi nho ai",
    # the system the account is on names the same matter, whatever the letter calls it
    "tài khoản học online bị lỗi ko vào dc thì liên hệ ai, sđt bao nhiêu",
    "tai khoan hoc truc tuyen bi loi thi goi ai",
])
def test_a_login_or_password_trouble_gets_the_letters_technical_contact(
        seeds: bool, question: str) -> None:
    text = answer(engine_with(letter(), seeds=seeds), question)
    assert SUPPORT in text and SUPPORT_PHONE in text, text
    assert "517/SGDĐT-TCCB" in text, text


@pytest.mark.parametrize("seeds", WITH_SEEDS)
@pytest.mark.parametrize("question", [
    "hỏi về chuyên môn của chuyên đề năng lực số thì gọi ai",
    "chuyen vien phong tccb phu trach chuyen de nang luc so la ai, sdt",
])
def test_a_question_on_the_content_gets_the_contact_for_the_content(
        seeds: bool, question: str) -> None:
    text = answer(engine_with(letter(), seeds=seeds), question)
    assert CONTENT in text and CONTENT_PHONE in text, text


def test_the_trouble_words_do_not_stand_for_the_technical_matter_outside_a_contact_question(
) -> None:
    """"quên mật khẩu thì làm sao" asks for steps, not a contact: no contact is forced on it."""
    assert asked_kind("quên mật khẩu thì làm sao") is None


@pytest.mark.parametrize("seeds", WITH_SEEDS)
@pytest.mark.parametrize("question", [
    "học chuyên đề năng lực số trên trang web nào",
    "hoc online chuyen de nang luc so o trang nao",
])
def test_a_website_question_is_answered_by_the_sentence_giving_the_website(
        seeds: bool, question: str) -> None:
    text = answer(engine_with(letter(), seeds=seeds), question)
    assert "taphuan.camau.edu.vn" in text, text


def test_the_newest_letters_contact_replaces_an_older_letters() -> None:
    """Staff change from year to year: last year's letter names someone else for the same
    matter, and the newer letter's contact is the one given."""
    old = letter("2026", "cô Lê Thị Hồng Nhung", "thầy Võ Văn Sang")
    text = answer(engine_with(old, letter()), "quên mật khẩu hệ thống thì liên hệ ai")
    assert SUPPORT in text and "Sang" not in text, text


SCHEDULE = [
    ["Lớp", "Đối tượng", "Thời gian học tập trung", "Địa điểm"],
    ["1", "Giáo viên tiểu học", "06/7/2027 - 08/7/2027", "Trường Cao đẳng Cộng đồng Cà Mau"],
    ["2", "Cán bộ quản lý trường trung học cơ sở", "13/7/2027 - 15/7/2027",
     "Hội trường Sở Giáo dục và Đào tạo, số 9 đường Trần Hưng Đạo"],
]


@cache
def schedule_letter() -> Letter:
    header = (["UBND TỈNH CÀ MAU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 603/SGDĐT-GDTrH",
               "V/v tập huấn dạy học số cho giáo viên, cán bộ quản lý năm 2027"],
              [*MOTTO, "Cà Mau, ngày 02 tháng 6 năm 2027"])
    body = [
        "Kính gửi: Các trường trực thuộc.",
        "1. Đối tượng",
        "Cán bộ quản lý và giáo viên được cử đi tập huấn theo danh sách của trường; cán bộ "
        "quản lý nghỉ hưu trước ngày 31/12/2027 không cử đi học tập trung. Cán bộ quản lý "
        "trường trung học cơ sở bổ nhiệm từ ngày 01/3/2027 cũng học tập trung.",
        "2. Lịch học tập trung",
        "Học viên học tập trung theo lịch sau:",
        SCHEDULE,
        "Nơi nhận:",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
    ]
    return read_letter_file(letter_docx(body, header), "cv603.docx").letter


@pytest.mark.parametrize("seeds", WITH_SEEDS)
@pytest.mark.parametrize(("question", "says"), [
    ("cbql truong thcs di hoc tap trung o dau a", ["Hội trường Sở"]),
    ("Cán bộ quản lý THCS học tập trung ở đâu, từ ngày nào?", ["Hội trường Sở", "13/7/2027"]),
    ("giáo viên tiểu học đi tập huấn ở đâu", ["Cao đẳng Cộng đồng"]),
])
def test_where_is_answered_by_the_schedule_rows_venue(
        seeds: bool, question: str, says: list[str]) -> None:
    """A venue stands in a table's "Địa điểm" column: the row of the group asked about, which
    also gives its dates when both are asked, not a sentence that only shares the words."""
    text = answer(engine_with(schedule_letter(), seeds=seeds), question)
    assert all(s in text for s in says) and "603/SGDĐT-GDTrH" in text, text


def _entry(entry_id: str, title: str, answer_text: str, *questions: str) -> Entry:
    return Entry(id=entry_id, topic="fixture", title=title, answer=answer_text,
                 questions=questions)


# Two entries on sending the lists of a drawing course: the deadline words the question more
# closely, the other gives the mailbox the question asks for.
LISTS = (
    _entry("lists_deadline", "Hạn gửi danh sách học viên lớp vẽ kỹ thuật",
           "Các trường gửi danh sách học viên lớp vẽ kỹ thuật về Sở trước ngày 10/4.",
           "trường gửi danh sách học viên lớp vẽ kỹ thuật về sở hạn khi nào",
           "danh sách học viên lớp vẽ kỹ thuật gửi sở trước ngày nào"),
    _entry("lists_mailbox", "Hộp thư của Sở nhận danh sách lớp vẽ kỹ thuật",
           "Các trường gửi danh sách học viên lớp vẽ kỹ thuật vào hộp thư "
           "vekythuat@sogd.edu.vn.",
           "hộp thư nhận danh sách lớp vẽ kỹ thuật là gì"),
)
# Entries on approving a course: one names the officer who approves it, with her title.
OFFICERS = (
    _entry("approve_officer", "Cán bộ Sở duyệt lớp vẽ kỹ thuật",
           "Lớp vẽ kỹ thuật do bà Trần Thị Mai, trưởng phòng Giáo dục nghề nghiệp, duyệt.",
           "ai ở sở duyệt lớp vẽ kỹ thuật"),
    _entry("approve_steps", "Các bước duyệt lớp vẽ kỹ thuật ở Sở",
           "Sở duyệt lớp vẽ kỹ thuật sau khi trường gửi danh sách học viên.",
           "sở duyệt lớp vẽ kỹ thuật thế nào"),
    _entry("approve_time", "Sở duyệt lớp vẽ kỹ thuật khi nào",
           "Sở duyệt lớp vẽ kỹ thuật trong năm ngày làm việc.",
           "sở duyệt lớp vẽ kỹ thuật mất mấy ngày"),
)


def test_an_entry_giving_the_mailbox_answers_which_mailbox_over_one_without_it() -> None:
    engine = AnsweringEngine([*LISTS, *OFFICERS])
    found = engine.answer("trường gửi danh sách lớp vẽ kỹ thuật vào mail nào")
    assert found.entry is not None and found.entry.id == "lists_mailbox", found


@pytest.mark.parametrize("question", [
    "trường gửi danh sách học viên lớp vẽ kỹ thuật về sở vào mail nào",
    "gui danh sach hoc vien lop ve ky thuat ve so email nao",
])
def test_the_entry_giving_the_mailbox_keeps_the_confidence_the_best_had(question: str) -> None:
    # the question words the deadline entry more closely; the mailbox entry answers in its
    # place, not as a runner-up beating the best (which read as "I don't know")
    found = AnsweringEngine([*LISTS, *OFFICERS]).answer(question)
    assert found.kind != "none" and found.entry is not None
    assert found.entry.id == "lists_mailbox", found


def test_a_person_named_in_the_question_is_answered_by_the_entry_naming_them() -> None:
    engine = AnsweringEngine([*LISTS, *OFFICERS])
    found = engine.answer("Bà Trần Thị Mai ở Sở duyệt lớp vẽ kỹ thuật là ai?")
    assert found.entry is not None and found.entry.id == "approve_officer", found
    text = plain_text(render_answer(found, VI))
    assert "trưởng phòng" in text and "Có phải" not in text, text


@pytest.mark.parametrize("question", [
    "cô Thủy bên sở thuộc phòng nào, sđt bn v",
    "co thuy ben so thuoc phong nao sdt bn",
    "cô Thủy thuộc phòng nào, số điện thoại bao nhiêu",
])
def test_a_person_asked_with_where_they_sit_and_belong_gets_the_line_naming_them(
        question: str) -> None:
    # "bên Sở" is "ở Sở", as people say it; "thuộc phòng nào" asks the office the letter names
    text = answer(engine_with(letter()), question)
    assert CONTENT_PHONE in text and "Tổ chức cán bộ" in text, text


@pytest.mark.parametrize(("question", "name"), [
    ("Ông Nguyễn Văn Thành ở Sở giữ chức vụ gì?", "thanh"),
    ("Cô Hà Phòng GDTrH số máy bàn là gì", "ha"),
    ("thầy Khoa số điện thoại bao nhiêu", "khoa"),
])
def test_a_full_name_is_called_by_its_last_word_as_the_letters_name_people(
        question: str, name: str) -> None:
    assert asked_person(question, frozenset()) == name


@pytest.mark.parametrize("question", [
    "Số điện thoại của thầy Quang là gì ạ",
    "cô Lan ở Sở số máy bàn bao nhiêu",
])
def test_a_person_no_letter_names_gets_an_answer_not_an_error(question: str) -> None:
    # the letter names two people, neither of them asked: the asker still gets a reply (the
    # letter's contacts, or the hand-off), never the engine failing
    text = answer(engine_with(letter()), question)
    assert VI("not found") in text or "không tìm thấy" in text, text
    assert CONTENT_PHONE not in text and SUPPORT_PHONE not in text, text


@pytest.mark.parametrize("question", [
    "Anh Chị cho em hỏi số điện thoại của Sở về chuyên đề",
    "Thầy Cô cho hỏi sđt về chuyên đề năng lực số",
])
def test_titles_said_to_the_office_name_nobody(question: str) -> None:
    # "Anh Chị", "Thầy Cô": the asker greets the Sở's staff; the contact is still answered
    assert asked_person(question, frozenset()) is None
    assert CONTENT_PHONE in answer(engine_with(letter()), question)


# Two entries with the office's phones: the closer wording gives only mobiles, the other the
# desk phone (a landline: a 02x area code, as every Vietnamese landline since 2017).
PHONES = (
    _entry("office_mobiles", "Số điện thoại phòng Khảo thí",
           "Phòng Khảo thí: thầy Lộc, ĐT 0912.345.678; cô Mơ, ĐT 0987.654.321.",
           "số điện thoại phòng khảo thí là số nào"),
    _entry("office_desk", "Liên hệ phòng Khảo thí của Sở",
           "Phòng Khảo thí của Sở: điện thoại bàn 0290.3833.157.",
           "liên hệ phòng khảo thí của sở"),
)


def test_a_desk_phone_question_gets_the_entry_with_a_landline() -> None:
    engine = AnsweringEngine([*PHONES, *LISTS])
    found = engine.answer("số điện thoại bàn của phòng khảo thí là số nào")
    assert found.entry is not None and found.entry.id == "office_desk", found


@pytest.mark.parametrize(("question", "kinds"), [
    ("hạn gửi danh sách về sở, gửi email nào", ("email", "date")),
    ("hạn nộp báo cáo gửi về đâu", ("address", "date")),
    ("quá hạn thì có bao nhiêu ngày để sửa", ("number",)),
    ("Hiệu trưởng đánh giá xong trước ngày mấy?", ("date",)),
    ("học tập trung ở đâu, từ ngày nào", ("date", "address")),
    # a teacher in charge of an activity holds a post; nobody is asked for
    ("gv phụ trách trải nghiệm đi thực hành ở đâu, mấy h tập trung", ("time", "address")),
    ("ai phụ trách hồ sơ", ("contact",)),
    # which school or venue, and where to go, are a place; "hôm nào" a day
    ("phần học trực tiếp em học ở trường nào", ("address",)),
    ("2 ngay hoc tap trung thi len dau hoc", ("address",)),
    ("ngày học tập trung của em là hôm nào", ("date",)),
])
def test_every_kind_a_question_asks_is_known(question: str, kinds: tuple[str, ...]) -> None:
    assert asked_kinds(question) == kinds


def test_every_value_asked_is_asked_by_its_own_words_not_the_subject() -> None:
    # "hạn chót" asks the second value: a passage is not required to say "hạn chót"; "email"
    # is read as the letters write it, "thư điện tử" (``paraphrases``)
    cues = asked("gửi danh sách qua email nào và hạn chót là khi nào")[1]
    assert {"thu", "dien", "tu", "han", "chot", "khi", "nao"} <= cues
    assert "danh" not in cues


@pytest.mark.parametrize("seeds", WITH_SEEDS)
def test_a_deadline_asked_with_a_mailbox_is_answered_by_the_sentence_giving_both(
        seeds: bool) -> None:
    header = (["UBND TỈNH CÀ MAU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 611/SGDĐT-TCCB",
               "V/v tập huấn an toàn thông tin cho giáo viên năm 2027"],
              [*MOTTO, "Cà Mau, ngày 05 tháng 6 năm 2027"])
    body = [
        "Kính gửi: Các trường trực thuộc.",
        "1. Đối tượng",
        "Mỗi trường cử hai giáo viên tin học đi tập huấn an toàn thông tin; danh sách giáo "
        "viên được cử lập theo mẫu đính kèm và gửi kèm lý lịch trước ngày 20/6/2027.",
        "2. Gửi danh sách",
        "Các trường gửi danh sách giáo viên tập huấn an toàn thông tin về Sở qua hộp thư "
        "attt@camau.edu.vn trước ngày 15/6/2027.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
    ]
    cv = read_letter_file(letter_docx(body, header), "cv611.docx").letter
    text = answer(engine_with(cv, seeds=seeds),
                  "hạn gửi danh sách giáo viên tập huấn an toàn thông tin, gửi email nào")
    assert "attt@camau.edu.vn" in text and "15/6/2027" in text, text
