"""A clause after ";" that names no one goes on with the clause before's subject, so the value
it states answers for that subject; one naming whom it is for keeps its own match."""

from __future__ import annotations

from bot.knowledge.letter_index import _continued


def test_a_clause_naming_no_one_takes_the_match_of_the_clause_before() -> None:
    sentences = [
        ("Nhóm trẻ tư thục được cử người đi học: phần trực tuyến miễn phí;", True),
        ("phần học tập trung đóng 300.000 đồng, nộp trước ngày 20/12/2026.", False),
    ]
    assert _continued(sentences, [0.9, 0.2]) == [0.9, 0.9]


def test_a_clause_naming_whom_it_is_for_keeps_its_own_match() -> None:
    sentences = [
        ("Nhóm trẻ tư thục được cử người đi học: phần trực tuyến miễn phí;", True),
        ("giáo viên hợp đồng đóng 300.000 đồng, nộp trước ngày 20/12/2026.", False),
    ]
    assert _continued(sentences, [0.9, 0.2]) == [0.9, 0.2]


def test_a_clause_starting_its_own_line_is_not_continued() -> None:
    sentences = [("a) Phần trực tuyến miễn phí;", True), ("b) Phần tập trung 300.000 đồng.", True)]
    assert _continued(sentences, [0.9, 0.2]) == [0.9, 0.2]
