"""A step written short ("b2 ai duyệt", "b3 làm gì") is read as the step the letters and entries
name ("bước 2"); a language level written alike ("chứng chỉ B2") stays what it is."""

from __future__ import annotations

from bot.knowledge.normalize import words


def test_a_short_step_before_a_step_verb_reads_as_the_step() -> None:
    read = words("b3 làm xong thì b4 nộp lên đâu")
    assert read[:3] == ["bước", "3", "làm"] and read.count("bước") == 2
    assert "bước" in words("kh cua toi b1 lam xong roi")


def test_a_language_level_stays_a_level() -> None:
    assert "bước" not in words("giáo viên có chứng chỉ B2 tiếng Anh thì được miễn không")
    assert "bước" not in words("b1 hay b2 thì được dạy")
