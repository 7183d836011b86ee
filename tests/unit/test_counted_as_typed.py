"""The thing a question counts is read as typed (issue 18): "bao nhiêu bộ máy" asks a number of
sets, and a text saying "bổ sung" (which folds to the same letters) never speaks of one. Asked
beside another value ("…, ai cấp"), a text giving neither answers nothing. Entries written
here in words of their own."""

from __future__ import annotations

from bot.app import default_engine
from bot.knowledge.asked import counted_as_typed, speaks_of_typed
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source

ROOMS = Entry(
    id="hn_phong_may", topic="thiet_bi", title="Phòng máy tính của trường tiểu học",
    answer="Ở Hà Nội, Sở bổ sung phòng máy tính cho các trường tiểu học có phòng tin học "
           "chưa đủ chỗ, theo đề nghị của nhà trường năm 2027.",
    questions=("trường tiểu học được bổ sung phòng máy tính khi nào",
               "phòng tin học của trường tiểu học chưa đủ máy tính"),
    province="ha_noi",
    sources=(Source(document="x", number="12/SGDĐT-KHTC", date="05/01/2027",
                    issuer="Sở GD&ĐT Hà Nội"),))


def engine() -> AnsweringEngine:
    return AnsweringEngine.from_entries([*default_engine().entries, ROOMS])


def test_the_counted_word_keeps_its_marks() -> None:
    assert counted_as_typed("phòng tin học được cấp bao nhiêu bộ máy, ai cấp") == "bộ"
    assert counted_as_typed("học ở đâu, mấy tiết") == "tiết"
    assert counted_as_typed("hoc o phong may tinh, bao nhieu tiet") == "tiet"
    assert counted_as_typed("học ngày mấy") is None


def test_people_are_counted_however_a_text_names_them() -> None:
    assert speaks_of_typed("người", "Cấp THPT: 162 hiệu trưởng, phó hiệu trưởng.")
    assert not speaks_of_typed("bộ", "Sở bổ sung đối tượng học viên.")
    assert speaks_of_typed("bộ", "Mỗi trường được cấp 20 bộ máy tính.")


def test_a_text_giving_neither_value_asked_is_no_answer() -> None:
    answer = engine().answer(
        "trường tiểu học ở Hà Nội được cấp bao nhiêu bộ máy tính cho phòng tin học, ai cấp")
    assert answer.kind == "none", (answer.kind, answer.entry and answer.entry.id)


def test_a_word_folding_alike_is_no_count_of_the_thing_asked() -> None:
    answer = engine().answer(
        "trường tiểu học ở Hà Nội được cấp bao nhiêu bộ máy tính cho phòng tin học")
    assert answer.kind == "none", (answer.kind, answer.entry and answer.entry.id)


def test_the_same_text_answers_what_it_says() -> None:
    answer = engine().answer("phòng tin học trường tiểu học ở Hà Nội chưa đủ máy tính thì sao")
    assert answer.entry is not None and answer.entry.id == "hn_phong_may"
