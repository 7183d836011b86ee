"""Letters read from files: metadata, passages along the letter's structure, quotes, refusals."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.citation import cite_letter
from bot.knowledge.evaluation import normalise, run_eval
from bot.knowledge.letter_files import MAX_LETTER_BYTES, LetterFileError
from bot.knowledge.letters import read_meta
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import letters_from_paths, read_letter_file
from tests.letter_files import BODY, letter_docx, letter_pdf, locked_pdf, scanned_pdf

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS, DEV_SET = SHARED / "seeds", SHARED / "eval" / "dev_qa.yaml"
VI = translator("vi").gettext
CITATION = "Theo Công văn số 2468/SGDĐT-TCCB ngày 15/01/2027 của Sở GD&ĐT Đồng Nai"
# Questions only the test letter answers: its platform, its mailbox, its first step.
ONLY_IN_THE_LETTER = [
    ("mô đun trí tuệ nhân tạo học trên nền tảng nào ạ", "VNEdu Learning", "mục 1"),
    ("bao cao ket qua boi duong tri tue nhan tao gui ve hop thu nao", "tccb@dongnai.edu.vn",
     "mục 2.a"),
    ("giao vien dang ky tai khoan vnedu bang gi", "số điện thoại", "mục 3, bước 1"),
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_docx_and_pdf_of_one_letter_give_the_same_metadata_and_passages() -> None:
    docx = read_letter_file(letter_docx(), "cv.docx").letter
    pdf = read_letter_file(letter_pdf(), "cv.pdf").letter
    assert docx.meta == pdf.meta
    assert docx.meta.number == "2468/SGDĐT-TCCB"
    assert docx.meta.date == "15/01/2027"
    assert docx.meta.issuer == "Sở GD&ĐT Đồng Nai"
    assert docx.meta.subject == "bồi dưỡng mô đun trí tuệ nhân tạo năm 2027"
    assert [(p.path, p.section, _flat(p.text)) for p in docx.passages] == \
        [(p.path, p.section, _flat(p.text)) for p in pdf.passages]
    sections = {p.section: p for p in docx.passages}
    assert sections["2.a"].path == ("2. Chế độ báo cáo", "a)")
    assert sections["3, bước 2"].path == ("3. Quy trình đăng ký", "Bước 2")
    assert "7.351" in sections["1"].text  # bullet lines stay with their section
    assert not any("Lưu: VT" in p.text for p in docx.passages)  # recipients are no passage
    assert [(d.date.isoformat(), d.sentence[:2]) for d in docx.task_dates] == [
        ("2027-05-15", "a)"), ("2027-05-20", "b)")]


def test_flags_override_what_the_letter_says() -> None:
    letter = read_letter_file(letter_docx(), "cv.docx", number="99/SGDĐT-KHTC",
                              date="01/02/2027", issuer="Sở GD&ĐT Bình Dương").letter
    assert (letter.meta.number, letter.meta.date, letter.meta.issuer) == (
        "99/SGDĐT-KHTC", "01/02/2027", "Sở GD&ĐT Bình Dương")


def test_a_question_only_the_letter_answers_is_quoted_with_its_citation_until_removed(
        ) -> None:
    engine = default_engine()
    letter = dataclasses.replace(read_letter_file(letter_pdf(), "cv.pdf").letter, id=7)
    for question, fact, _section in ONLY_IN_THE_LETTER:
        assert fact not in plain_text(render_answer(engine.answer(question), VI))
    engine.letters.add(letter)
    for question, fact, section in ONLY_IN_THE_LETTER:
        answer = engine.answer(question)
        text = plain_text(render_answer(answer, VI))
        assert answer.kind == "quoted", question
        assert fact in text and f"{CITATION}, {section}" in text
        assert len(answer.quote.text) <= 600 if answer.quote else False
        assert answer.quote and answer.quote.text.replace("\n", " ") in \
            " ".join(answer.quote.passage.text.split("\n"))  # verbatim
    engine.letters.remove(7)
    for question, fact, _section in ONLY_IN_THE_LETTER:
        answer = engine.answer(question)
        assert answer.kind != "quoted" and fact not in plain_text(render_answer(answer, VI))


def test_a_newer_letter_on_the_same_topic_outranks_the_older_one() -> None:
    older_body = [line.replace("VNEdu Learning", "OLM Edu") for line in BODY]
    older = read_letter_file(letter_docx(older_body), "cu.docx", number="1500/SGDĐT-TCCB",
                             date="10/09/2026").letter
    newer = read_letter_file(letter_docx(), "moi.docx").letter
    engine = default_engine()
    engine.letters.replace([dataclasses.replace(newer, id=1), dataclasses.replace(older, id=2)])
    text = plain_text(render_answer(engine.answer(ONLY_IN_THE_LETTER[0][0]), VI))
    assert "VNEdu Learning" in text and "OLM Edu" not in text and "15/01/2027" in text


@pytest.mark.parametrize(("data", "name", "says"), [
    (scanned_pdf(), "scan.pdf", "bản scan"),
    (locked_pdf(), "khoa.pdf", "mật khẩu"),
    (b"%PDF-1.7 not really a pdf", "hong.pdf", "bị hỏng"),
    (b"PK\x03\x04 broken zip", "hong.docx", "bị hỏng"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "cu.docx", "mật khẩu"),
    (b"", "trong.txt", "trống"),
    ("Xin chào.".encode(), "ngan.txt", "không có chữ"),
    ("Công văn".encode("cp1258"), "cv.txt", "UTF-8"),
    (b"x", "cv.doc", ".pdf, .docx"),
])
def test_bad_files_are_refused_with_a_clear_sentence(data: bytes, name: str, says: str) -> None:
    with pytest.raises(LetterFileError) as refused:
        read_letter_file(data, name)
    assert says in VI(refused.value.message).format(**refused.value.params)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(LetterFileError) as refused:
        read_letter_file(b"a" * (MAX_LETTER_BYTES + 1), "to.txt")
    assert "20 MB" in VI(refused.value.message).format(**refused.value.params)


def test_an_empty_word_document_is_refused() -> None:
    import io

    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    with pytest.raises(LetterFileError) as refused:
        read_letter_file(out.getvalue(), "rong.docx")
    assert "không có chữ" in VI(refused.value.message)


def test_the_citation_names_kind_number_date_issuer_and_section() -> None:
    meta = read_meta("Số: 4082/KH-GDĐT-TC\nThành phố Hồ Chí Minh, ngày 04 tháng 12 năm 2020\n")
    assert cite_letter(meta, "III.1", VI) == (
        "Theo Kế hoạch số 4082/KH-GDĐT-TC ngày 04/12/2020 của Sở GD&ĐT TP. Hồ Chí Minh, "
        "mục III.1")
    blank = read_meta("Số: /SGDĐT-GDTrH\nBình Phước, ngày tháng 3 năm 2021\n")
    assert cite_letter(blank, "", VI) == \
        "Theo Công văn số …/SGDĐT-GDTrH tháng 3/2021 của Sở GD&ĐT Bình Phước"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source letters not available")
def test_the_five_seed_letters_load_through_the_same_path_with_their_metadata() -> None:
    letters = letters_from_paths([SEEDS])
    assert [(x.meta.number, x.meta.date, x.meta.issuer) for x in letters] == [
        ("/SGDĐT-GDTrH", "3/2021", "Sở GD&ĐT Bình Phước"),
        ("/SGDDĐT-GDTrH", "2/2022", "Sở GD&ĐT Bình Phước"),
        ("/SGDDĐT-GDTrH", "2022", "Sở GD&ĐT Hà Nội"),
        ("831/UBND-KGVX", "26/6/2020", "UBND tỉnh Kiên Giang"),
        ("4082/KH-GDĐT-TC", "04/12/2020", "Sở GD&ĐT TP. Hồ Chí Minh"),
    ]
    assert all(len(x.passages) >= 10 for x in letters)


@pytest.mark.skipif(not DEV_SET.is_file(), reason="dev question set not available")
def test_with_the_seeds_loaded_the_dev_set_stays_answered_and_out_of_scope_stays_honest(
        ) -> None:
    engine = default_engine()
    engine.letters.replace(letters_from_paths([SEEDS]))
    report = run_eval(DEV_SET, engine)
    assert report.accuracy >= 0.95
    out_of_scope = [r for r in report.results if r.item.kind == "out_of_scope"]
    assert out_of_scope and all(r.passed and r.answer_kind == "none" for r in out_of_scope)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source letters not available")
def test_facts_beyond_the_curated_entries_are_reachable_once_the_seeds_are_loaded() -> None:
    engine = default_engine()
    engine.letters.replace(letters_from_paths([SEEDS]))
    answer = engine.answer("Kế hoạch 1308 của Kiên Giang có tổng số bao nhiêu giáo viên tiểu "
                           "học tham gia?")
    assert "8324" in normalise(render_answer(answer, VI)).replace(".", "")
    issued = plain_text(render_answer(engine.answer("kế hoạch 4082 của TP.HCM ban hành ngày nào"),
                                      VI))
    assert "ngày 04 tháng 12 năm 2020" in issued and "Theo Kế hoạch số 4082/KH-GDĐT-TC" in issued
    follows = plain_text(render_answer(engine.answer(
        "Bình Phước thực hiện kế hoạch số mấy của Bộ GD&ĐT"), VI))
    assert "37/KH-BGDĐT" in follows


def test_an_unsure_answer_clearly_ahead_is_given_with_the_others_as_choices() -> None:
    from bot.knowledge.engine import LEAD_AT, AnsweringEngine
    from bot.knowledge.entries import Entry, Source

    source = (Source("faq", "1/SGDĐT-TCCB", "1/2027", "Sở GD&ĐT Đồng Nai"),)
    engine = AnsweringEngine([
        Entry("nop_bao_cao", "t", "Nộp báo cáo hoàn thành mô đun trên LMS",
              "Vào LMS, chọn mục Báo cáo, tải tệp lên.",
              ("nộp báo cáo hoàn thành mô đun trên lms thế nào",
               "báo cáo hoàn thành mô đun nộp ở đâu"), sources=source),
        Entry("doi_mat_khau", "t", "Đổi mật khẩu LMS", "Chọn Quên mật khẩu.",
              ("quên mật khẩu lms thì làm sao", "đổi mật khẩu tài khoản lms"), sources=source),
        Entry("lich_hoc", "t", "Lịch học mô đun 2", "Từ tháng 3.",
              ("lịch học mô đun 2 khi nào", "mô đun 2 học lúc nào"), sources=source),
    ])
    answer = engine.answer("báo cáo hoàn thành gửi cho hiệu phó xem trước")
    assert answer.kind == "unsure" and answer.lead >= LEAD_AT
    assert answer.entry is not None and answer.entry.id == "nop_bao_cao"
    assert all(c.id != "nop_bao_cao" for c in answer.candidates)  # the others, as buttons
    text = plain_text(render_answer(answer, VI))
    assert "Vào LMS, chọn mục Báo cáo" in text and "Sở GD&ĐT Đồng Nai" in text
    assert "Có phải Thầy/Cô muốn hỏi một trong" not in text


def test_a_notice_title_wrapped_over_lines_is_its_subject_in_full() -> None:
    # "THÔNG BÁO" has no "V/v": its title, wrapped by the page, runs into the body
    meta = read_meta("UBND TỈNH LÀO CAI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 918/SGDĐT-GDTrH\n"
                     "Lào Cai, ngày 03 tháng 12 năm 2026\nTHÔNG BÁO\n"
                     "Điều chỉnh lịch học và đính chính Công văn số\n"
                     "702/SGDĐT-GDTrH về tập huấn giáo viên dạy Tin học cấp trung học\n"
                     "cơ sở năm học 2026-2027\n"
                     "Ngày 02/11/2026, Sở ban hành Công văn số 702/SGDĐT-GDTrH.\n")
    assert meta.subject == ("Điều chỉnh lịch học và đính chính Công văn số 702/SGDĐT-GDTrH về "
                            "tập huấn giáo viên dạy Tin học cấp trung học cơ sở năm học "
                            "2026-2027")
