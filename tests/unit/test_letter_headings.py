"""A letter's own numbering becomes each passage's heading path and the section its quote
cites: "a) …" and "a. …" items, and an annex after the signature ("PHỤ LỤC 1") with its
table, which a teacher's question reaches and the answer cites as the annex."""

from __future__ import annotations

import dataclasses

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.letters import read_letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx, letter_pdf

VI = translator("vi").gettext
HEADER = (["UBND TỈNH GIA LAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 530/SGDĐT-GDTrH",
           "V/v lịch bồi dưỡng giáo viên năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Gia Lai, ngày 03 tháng 3 năm 2027"])


def test_items_lettered_with_a_dot_are_sections_as_with_a_bracket() -> None:
    text = "\n".join([
        *HEADER[0], *HEADER[1],
        "2. Báo cáo",
        "a. Các trường gửi báo cáo kết quả bồi dưỡng về Sở trước ngày 10/7/2027.",
        "b. Phòng Giáo dục Trung học tổng hợp, trình Giám đốc Sở trước ngày 20/7/2027.",
        "c. giáo viên chưa hoàn thành học bù ở đợt sau.",  # no item: lower case after "c."
    ])
    letter = read_letter(text)
    sections = {p.section: p.text for p in letter.passages}
    assert sections["2.a"].startswith("a. Các trường gửi báo cáo")
    assert sections["2.b"].startswith("b. Phòng Giáo dục Trung học tổng hợp")
    assert [(d.section, d.title) for d in letter.task_dates] == [
        ("2.a", "Các trường gửi báo cáo kết quả bồi dưỡng về Sở"),
        ("2.b", "Phòng Giáo dục Trung học tổng hợp, trình Giám đốc Sở")]



def test_an_annex_after_the_signature_is_a_section_its_rows_answer_from() -> None:
    body = [
        "Kính gửi: Các trường trung học cơ sở trực thuộc.",
        "1. Lịch bồi dưỡng",
        "Giáo viên học theo lịch tại Phụ lục 1 kèm theo Công văn này.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, GDTrH.",
        "GIÁM ĐỐC",
        "Trần Văn Bình",
        "PHỤ LỤC 1",
        "LỊCH BỒI DƯỠNG CÁC MÔN",
        "(Kèm theo Công văn số 530/SGDĐT-GDTrH ngày 03/3/2027 của Sở GD&ĐT Gia Lai)",
        [["Môn", "Số tiết", "Hoàn thành trước"],
         ["Khoa học tự nhiên", "180 tiết", "30/6/2027"],
         ["Lịch sử và Địa lí", "120 tiết", "15/6/2027"]],
    ]
    for name, write in (("pl.docx", letter_docx), ("pl.pdf", letter_pdf)):
        letter = read_letter_file(write(body, HEADER), name).letter
        [annex] = [p for p in letter.passages if p.path == ("PHỤ LỤC 1",)]
        assert "Trần Văn Bình" not in annex.text  # the signature stays out
        engine = default_engine()
        engine.letters.add(dataclasses.replace(letter, id=1))
        text = " ".join(plain_text(render_answer(
            engine.answer("lịch sử địa lí phải hoàn thành trước ngày nào"), VI)).split())
        assert "Lịch sử và Địa lí — Số tiết: 120 tiết; Hoàn thành trước: 15/6/2027." in text
        assert "Theo Công văn số 530/SGDĐT-GDTrH" in text and "phụ lục 1" in text, name


def test_a_sentence_naming_an_annex_is_no_heading() -> None:
    letter = read_letter("\n".join([*HEADER[0], *HEADER[1], "1. Hồ sơ",
                                     "Phụ lục 1 gồm danh sách giáo viên đăng ký học.",
                                     "Phụ lục kèm theo"]))
    assert [p.section for p in letter.passages if p.section] == ["1"]
