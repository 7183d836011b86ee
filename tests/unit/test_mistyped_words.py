"""A word typed with marks that no Vietnamese syllable spells ("hệ thốg", "bồi dưỡg", "đơt
học") is a slip of the phone: its marks chose no word, so it is read as typed without them and
repaired to the letters' word. A real syllable stays as typed ("lương" is never "lượng"). The
letter below is written here, in our own words."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.normalize import fold_word, words
from bot.knowledge.syllables import is_mistyped, is_syllable
from bot.services.letters import read_letter_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.parametrize("word", """gì gìn giếng giữa quốc quyết quý quýt quỳnh quăng quơ khuya
    người rượu cứu hoặc xoăn khuếch thuế nghiêng kiến ghế xoong ích ếch ấy ở yêu uống ủy thuý
    mỹ kĩ lí được đợt tốt chất vắc trường thống dưỡng lương lượng đăng phải hướng huynh oái
    gửi khuỷu huỵch tuýp đắk lắk kạn búk""".split())
def test_a_real_syllable_is_a_syllable(word: str) -> None:
    assert is_syllable(word)
    assert not is_mistyped(word, fold_word(word))


@pytest.mark.parametrize(("word", "why"), [
    ("thốg", "a final g without n"),
    ("dưỡg", "a final g without n"),
    ("đơt", "a syllable closed by t carries sắc or nặng"),
    ("tâp", "a syllable closed by p carries sắc or nặng"),
    ("sách̀", "two tone marks"),
    ("trưòng", "uo before a final is uô or ươ"),
    ("truờng", "uo before a final is uô or ươ"),
    ("bă", "ă never ends a syllable"),
    ("ghá", "gh stands only before i, e, ê"),
    ("ngé", "ng never stands before i, e, ê"),
    ("cé", "c never stands before i, e, ê"),
    ("fải", "f is no onset"),
])
def test_marks_that_spell_no_syllable_are_a_typo(word: str, why: str) -> None:
    assert not is_syllable(unicodedata.normalize("NFC", word)), why
    assert is_mistyped(word, fold_word(word))


def test_an_abbreviation_is_not_a_mistyped_syllable() -> None:
    # no vowel: "đv", "bgdđt" are shortened on purpose, not syllables mistyped
    assert not is_mistyped("đv", "dv")
    assert not is_mistyped("bgdđt", "bgddt")


def _marked_words() -> list[str]:
    """The seed letters' words written with marks, abbreviations ("BGDĐT") aside."""
    found = {w for f in sorted(SEEDS.glob("*.txt")) for w in words(f.read_text(), None)
             if fold_word(w) != w and set(fold_word(w)) & set("aeiouy")}
    return sorted(found)


MARKED = _marked_words()


def test_every_marked_word_of_the_seed_letters_is_a_syllable() -> None:
    assert len(MARKED) > 300
    assert [w for w in MARKED if not is_syllable(w)] == []


_TONES = {"": "ngang", "\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi",
          "\u0323": "nặng"}


@given(st.sampled_from(MARKED), st.sampled_from(sorted(_TONES)))
def test_a_closed_syllable_takes_only_the_sac_or_nang_tone(word: str, tone: str) -> None:
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in _TONES)
    vowels = [i for i, ch in enumerate(bare) if fold_word(ch) in "aeiouy"]
    retoned = unicodedata.normalize("NFC", bare[:vowels[-1] + 1] + tone + bare[vowels[-1] + 1:])
    closed = fold_word(word).endswith(("p", "t", "c", "ch"))
    assert is_syllable(retoned) == (not closed or _TONES[tone] in ("sắc", "nặng"))


@given(st.sampled_from([w for w in MARKED if w.endswith("ng")]))
def test_a_word_that_lost_the_n_of_its_final_ng_is_no_syllable(word: str) -> None:
    assert not is_syllable(word[:-2] + "g")


LETTER = """UBND TỈNH LẠNG SƠN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 905/SGDĐT-GDPT
V/v bồi dưỡng giáo viên về dạy học trực tuyến năm 2027
Lạng Sơn, ngày 02 tháng 3 năm 2027
Kính gửi: Các trường trung học phổ thông trực thuộc Sở.
1. Tài khoản
Giáo viên đăng nhập hệ thống bồi dưỡng bằng mã định danh cá nhân, mật khẩu ban đầu là \
ngày sinh viết liền tám chữ số.
2. Giáo viên nghỉ thai sản
Giáo viên nghỉ thai sản trùng thời gian của đợt chính được xếp vào đợt bổ sung, học từ ngày \
10/5/2027 đến ngày 06/6/2027.
3. Chế độ
Trong thời gian học, giáo viên được giữ nguyên lương và phụ cấp. Số lượng học viên mỗi lớp \
không quá 40 người.
4. Giáo viên mới tuyển dụng
Giáo viên mới tuyển dụng học bổ sung kiến thức về dạy học trực tuyến từ ngày 01/4/2027.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv905.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


@pytest.mark.parametrize(("question", "stated"), [
    ("đăng nhập hệ thốg bồi dưỡg bằng gì", "mã định danh"),
    ("học bổ sung đơt nào", "10/5/2027"),  # the new teachers' "bổ sung" has no "đợt"
])
def test_a_word_mistyped_with_marks_is_read_as_the_letters_word(question: str,
                                                                 stated: str) -> None:
    answer = engine().answer(question)
    assert answer.kind == "quoted" and answer.quote is not None, answer
    assert stated in answer.quote.text
