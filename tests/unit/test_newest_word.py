"""The Sở's own letters decide the answers (issue 18): one ranking over entries and passages,
the newest word wins, deadlines by topic, specific facts, an honest "I don't know".

The letters are written here, in the 2026–2027 style, and say things no curated entry says.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.answering import answer_question, rendered
from bot.services.campaigns import current
from bot.services.deadlines import all_deadlines, change_deadline
from bot.services.letters import letters_from_paths, read_letter_file
from bot.storage import Database
from tests.letter_files import TABLE_BODY, TABLE_HEADER, letter_docx, letter_pdf

VI = translator("vi")
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
TODAY = dt.date(2027, 2, 10)
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]

TEMIS_LEFT = ["UBND TỈNH ĐỒNG NAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 812/SGDĐT-TCCB",
              "V/v đánh giá chuẩn nghề nghiệp và bồi dưỡng năm học 2026-2027"]
TEMIS_RIGHT = [*MOTTO, "Đồng Nai, ngày 10 tháng 01 năm 2027"]
TEMIS_BODY = [
    "Kính gửi: Phòng Văn hóa - Xã hội các xã, phường; các trường THPT trực thuộc.",
    "1. Tự đánh giá theo chuẩn nghề nghiệp",
    "Giáo viên, cán bộ quản lý hoàn thành tự đánh giá theo chuẩn nghề nghiệp trên hệ thống "
    "TEMIS năm học 2026-2027 trước ngày 15/5/2027.",
    "Hiệu trưởng hoàn thành đánh giá giáo viên của trường trên TEMIS trước ngày 31/5/2027.",
    "2. Bồi dưỡng môn Lịch sử và Địa lí",
    "Giáo viên dạy môn Lịch sử và Địa lí học trực tuyến trên hệ thống LMS từ ngày 01/4/2027, "
    "hết hạn học trực tuyến vào ngày 20/6/2027.",
    "Mỗi giáo viên học 60 tiết, trong đó 45 tiết học trực tuyến.",
    "3. Duyệt kế hoạch hỗ trợ đồng nghiệp",
    "Kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán do tổ trưởng chuyên môn góp ý, "
    "Phó Hiệu trưởng phụ trách chuyên môn duyệt trên hệ thống LMS.",
    "4. Liên hệ",
    "Vướng mắc về TEMIS liên hệ thầy Nguyễn Văn Khoa, chuyên viên Phòng Tổ chức cán bộ, "
    "số điện thoại 0271.3999.888.",
    "Vướng mắc về tài khoản LMS liên hệ cô Trần Thị Lan, số điện thoại 0251.3822.456.",
    "Hỗ trợ kỹ thuật: ông Lê Minh Tâm, số điện thoại 0912.000.111.",
    "Tài liệu của đợt bồi dưỡng đăng tại trang https://taphuan.dongnai.edu.vn.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, TCCB.",
    "GIÁM ĐỐC",
]


def temis_letter(letter_id: int = 1, kind: str = "docx") -> Letter:
    build = letter_docx if kind == "docx" else letter_pdf
    data = build(TEMIS_BODY, (TEMIS_LEFT, TEMIS_RIGHT))
    return dataclasses.replace(read_letter_file(data, f"cv812.{kind}").letter, id=letter_id)


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    loaded = default_engine()
    loaded.letters.replace([temis_letter()])
    return loaded


def text_of(engine: AnsweringEngine, question: str, **kwargs: str) -> str:
    return plain_text(render_answer(engine.answer(question, **kwargs), VI.gettext))


def test_a_newer_letter_answers_before_an_entry_written_from_an_older_one(
        engine: AnsweringEngine) -> None:
    question = "hạn tự đánh giá chuẩn nghề nghiệp trên TEMIS năm học 2026-2027 là ngày nào ạ"
    assert "15/5/2027" not in text_of(default_engine(), question)
    text = text_of(engine, question)
    assert "15/5/2027" in text and "812/SGDĐT-TCCB" in text and "10/01/2027" in text
    assert "30/3" not in text and "30/03" not in text
    unaccented = text_of(engine, "han tu danh gia chuan nghe nghiep tren temis nam hoc "
                                 "2026-2027 la ngay nao a")
    assert "15/5/2027" in unaccented


def test_the_entry_written_from_the_older_letter_is_offered_as_the_earlier_rule(
        engine: AnsweringEngine) -> None:
    answer = engine.answer("ai duyệt kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "Phó Hiệu trưởng phụ trách chuyên môn duyệt" in answer.quote.text
    assert answer.candidates and all(c.as_of < (2027, 1, 10) for c in answer.candidates)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_person_named_in_the_question_is_matched_by_name(kind: str) -> None:
    engine = default_engine()
    engine.letters.replace([temis_letter(kind=kind)])
    for question in ("thầy Khoa số điện thoại bao nhiêu", "sdt thay khoa la gi vay"):
        text = text_of(engine, question)
        assert "0271.3999.888" in text, question
        assert "0251.3822.456" not in text and "0912.000.111" not in text, question
    lan = text_of(engine, "cô Lan số điện thoại bao nhiêu ạ")
    assert "0251.3822.456" in lan and "0271.3999.888" not in lan


@pytest.mark.parametrize(("question", "value"), [
    ("giáo viên lịch sử và địa lí phải học bao nhiêu tiết", "60 tiết"),
    ("tai lieu dot boi duong dang o trang nao", "taphuan.dongnai.edu.vn"),
    ("hiệu trưởng đánh giá giáo viên trên TEMIS chậm nhất ngày nào", "31/5/2027"),
])
def test_a_question_for_a_value_gets_the_sentence_holding_it(
        engine: AnsweringEngine, question: str, value: str) -> None:
    assert value in text_of(engine, question)


@pytest.mark.parametrize("question", [
    "Phụ cấp thâm niên nhà giáo được tính như thế nào ạ?",
    "phu cap tham nien nha giao tinh the nao",
])
def test_a_question_nothing_covers_gets_an_honest_no(engine: AnsweringEngine,
                                                     question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "none"
    text = plain_text(render_answer(answer, VI.gettext))
    assert "không tìm thấy" in text and "Có lẽ" not in text and "TP.HCM" not in text


def test_accents_no_accents_and_teencode_give_the_same_answer() -> None:
    engine = default_engine()
    answers = [engine.answer(q) for q in (
        "Không học xong mô đun 1 thì bị gì?",
        "khong hoc xong mo dun 1 thi bi gi",
        "ko hoan thanh md1 co bi xep loai chua dat chuan ko",
    )]
    assert {a.entry.id if a.entry else None for a in answers} == {answers[0].entry.id} \
        if answers[0].entry else False
    assert all("chưa đạt chuẩn" in plain_text(render_answer(a, VI.gettext)) for a in answers)


def test_another_provinces_entries_never_answer_a_deployment_without_entries() -> None:
    engine = default_engine()
    question = "kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán do ai duyệt"
    answer = engine.answer(question, province="gia_lai")
    assert answer.entry is None or answer.entry.province is None
    assert all(c.province is None for c in answer.candidates)
    named = engine.answer(question + " ở Kiên Giang", province="gia_lai")
    assert named.entry is not None and named.entry.province == "kien_giang"
    engine.letters.replace([temis_letter()])
    own = engine.answer(question, province="dong_nai")
    assert own.kind == "quoted" and own.quote is not None
    assert own.quote.letter.meta.number == "812/SGDĐT-TCCB"


def test_a_province_named_in_the_question_picks_that_provinces_letters(
        engine: AnsweringEngine) -> None:
    text = text_of(engine, "ở Hà Nội giáo viên tự đánh giá trên TEMIS hạn là ngày nào")
    assert "812/SGDĐT-TCCB" not in text and "15/5/2027" not in text


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source letters not available")
@pytest.mark.parametrize(("question", "fact"), [
    ("kiên giang có bao nhiêu cbql tiểu học tham gia bồi dưỡng", "617"),
    ("Kiên Giang có bao nhiêu giáo viên tiểu học", "8324"),
    ("Kế hoạch 1308 của Kiên Giang căn cứ kế hoạch số mấy của Bộ GD&ĐT", "41/KH-BGDĐT"),
    ("ke hoach 4082 cua tp hcm can cu ke hoach so may cua so", "2168"),
    ("Bình Phước thực hiện kế hoạch số mấy của Bộ", "37/KH-BGDĐT"),
])
def test_facts_printed_in_the_seed_letters_are_reached(question: str, fact: str) -> None:
    engine = default_engine()
    engine.letters.replace(letters_from_paths([SEEDS]))
    assert fact in text_of(engine, question).replace(".", "").replace("8324", "8324")


def test_why_lists_entries_and_passages_with_scores_and_the_reason(
        engine: AnsweringEngine) -> None:
    ranking = engine.explain("hạn tự đánh giá chuẩn nghề nghiệp trên TEMIS năm học 2026-2027 "
                             "là ngày nào ạ")
    assert ranking.answer.kind == "quoted"
    assert any(c.entry is not None for c in ranking.contenders)
    assert any(c.quote is not None for c in ranking.contenders)
    assert [c.score for c in ranking.contenders] == sorted(
        (c.score for c in ranking.contenders), reverse=True)
    assert "newer" in ranking.why


# -- through the service: deadlines by topic, a moved deadline, the letter's count -----------

async def _ask(db: Database, engine: AnsweringEngine, question: str,
               province: str | None = "binh_phuoc") -> str:
    answer = await answer_question(db, engine, question, person=None, province=province,
                                   today=TODAY)
    return plain_text(rendered(answer, VI, province))


async def test_a_date_only_the_letter_gives_is_answered_from_the_letter(
        demo_db: Database) -> None:
    engine = default_engine()
    engine.letters.replace([temis_letter()])
    text = await _ask(demo_db, engine, "lịch sử địa lí học trực tuyến đến ngày nào thì hết hạn")
    assert "20/6/2027" in text and "812/SGDĐT-TCCB" in text and "30/03" not in text
    temis = await _ask(demo_db, engine, "hạn tự đánh giá chuẩn nghề nghiệp trên TEMIS năm "
                                        "học 2026-2027 là ngày nào ạ")
    assert "15/5/2027" in temis and "2021" not in temis


async def test_a_campaign_task_deadline_is_still_answered_from_the_deadlines(
        demo_db: Database) -> None:
    engine = default_engine()
    text = await _ask(demo_db, engine, "hạn duyệt kế hoạch hỗ trợ đồng nghiệp cốt cán là ngày "
                                       "nào")
    assert "28/02/2027" in text and "còn 18 ngày" in text


async def test_a_moved_deadline_is_said_first_wherever_the_old_date_is_stated(
        demo_db: Database) -> None:
    campaign = await current(demo_db)
    [review] = [d for d in await all_deadlines(demo_db, campaign) if d.month == 2 and d.day == 28]
    await change_deadline(demo_db, campaign, review.id, actor="test", date=(5, 3, 2027))
    engine = default_engine()
    text = await _ask(demo_db, engine, "thời gian hoàn thành việc duyệt kế hoạch hỗ trợ đồng "
                                       "nghiệp")
    assert text.startswith("⚠️ Sở đã dời hạn: 05/03/2027"), text
    assert "28/2" in text  # the letter's words follow, with the current date said first


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize(("question", "value", "other"), [
    ("giáo viên tiếng anh trung học cơ sở học bao nhiêu tiết", "150 tiết", "120 tiết"),
    ("gv tieng anh thpt hoc truc tuyen den ngay nao", "31/7/2027", "30/6/2027"),
])
def test_a_value_in_a_table_is_answered_with_its_row_alone(kind: str, question: str, value: str,
                                                           other: str) -> None:
    build = letter_docx if kind == "docx" else letter_pdf
    letter = read_letter_file(build(TABLE_BODY, TABLE_HEADER), f"cv905.{kind}").letter
    engine = default_engine()
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    text = text_of(engine, question)
    assert value in text and other not in text and "905/SGDĐT-GDTH" in text
