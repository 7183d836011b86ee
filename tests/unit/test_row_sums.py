"""A letter's table of figures per group: its total row answers a total of the whole table;
two rows a question names by their own words are added up or subtracted, per column or over
the table's own total column; a question naming one row, or asking no total, gets no working.
The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter
from bot.knowledge.render import plain_text, render_answer
from bot.knowledge.row_sums import Table, rows_summed

VI = translator("vi").gettext
LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ CẦN THƠ
Số: 902/SGDĐT-GDTrH
Cần Thơ, ngày 02 tháng 3 năm 2027
V/v tập huấn giáo viên Tin học, Công nghệ dạy học số
1. Đối tượng
Giáo viên Tin học và giáo viên Công nghệ trường trung học cơ sở; số người mỗi cụm được cử ghi
tại Phụ lục; đơn vị không cử quá số được phân bổ.
2. Thời gian
Tập huấn từ ngày 20/3/2027 đến ngày 22/3/2027 tại Trường Đại học Cần Thơ.
PHỤ LỤC
PHÂN BỔ SỐ NGƯỜI DỰ TẬP HUẤN
Cụm Ninh Kiều, Bình Thủy cũ — Giáo viên Tin học: 15; Giáo viên Công nghệ: 9; Tổng: 24.
Cụm Phong Điền, Thới Lai cũ — Giáo viên Tin học: 7; Giáo viên Công nghệ: 5; Tổng: 12.
Cụm Cờ Đỏ, Vĩnh Thạnh cũ — Giáo viên Tin học: 6; Giáo viên Công nghệ: 6; Tổng: 12.
Tổng cộng — Giáo viên Tin học: 28; Giáo viên Công nghệ: 20; Tổng: 48.
"""


def _engine() -> AnsweringEngine:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    return engine


def _tables(engine: AnsweringEngine) -> tuple[Table, ...]:
    return engine.letters.tables_of(engine.letters.letters[0])


def shown(engine: AnsweringEngine, question: str) -> str:
    return plain_text(render_answer(engine.answer(question), VI))


def test_the_total_row_answers_a_total_of_the_whole_table() -> None:
    text = shown(_engine(), "toàn thành phố tổng cộng được cử mấy giáo viên tin học và công nghệ")
    assert "Tổng: 48" in text and "902/SGDĐT" in text
    found = rows_summed("cả thành phố tổng số gv tin học là bao nhiêu", _tables(_engine()))
    assert found is not None and found.result == 28


def test_two_rows_named_by_their_places_are_added_or_subtracted() -> None:
    engine = _engine()
    text = shown(engine, "cụm Phong Điền, Thới Lai với cụm Cờ Đỏ, Vĩnh Thạnh gộp lại thì được "
                         "phân bổ bao nhiêu người?")
    assert "12 (Cụm Phong Điền, Thới Lai cũ) + 12 (Cụm Cờ Đỏ, Vĩnh Thạnh cũ) = 24 người" \
        in text
    text = shown(engine, "cụm Ninh Kiều, Bình Thủy được nhiều hơn cụm Phong Điền, Thới Lai bao "
                         "nhiêu giáo viên, tính cả hai môn?")
    assert "24 (" in text and "− 12 (" in text and "= 12 giáo viên" in text
    # one column named: that column's figures
    found = rows_summed("giáo viên công nghệ cụm Ninh Kiều chênh lệch với cụm Cờ Đỏ bao nhiêu",
                        _tables(engine))
    assert found is not None and found.result == 9 - 6


def test_no_working_for_one_row_or_no_total_asked() -> None:
    tables = _tables(_engine())
    assert rows_summed("cụm Ninh Kiều, Bình Thủy được cử bao nhiêu giáo viên tin học",
                       tables) is None
    assert rows_summed("cụm Ninh Kiều nhiều hơn bao nhiêu người", tables) is None
    assert rows_summed("cụm Phong Điền và cụm Cờ Đỏ học ở đâu", tables) is None


def test_another_sos_table_answers_no_deployment_question_naming_no_place() -> None:
    engine = _engine()
    question = "toàn thành phố tổng cộng được cử mấy giáo viên tin học và công nghệ"
    assert "Tổng: 48" in plain_text(render_answer(
        engine.answer(question, province="can_tho"), VI))
    assert "Tổng: 48" not in plain_text(render_answer(
        engine.answer(question, province="ha_noi"), VI))
