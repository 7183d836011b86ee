"""An asker tells their own case and the letter states the rule for it in other words: one
person doing two jobs ("vừa làm văn thư vừa làm thủ quỹ") against "người làm cả văn thư và
thủ quỹ"; being ill on one's day ("bị ốm không đi được") against "vắng ngày tập huấn"; moving
school before the day ("chuyển trường") against "chuyển công tác"; where the school is ("trường
em ở Mường Thanh") beside what is asked. The sentence stating the rule is what answers them.

The letter is written here, in our own words.
"""

from __future__ import annotations

import pytest

from bot.knowledge.asked import asked_kind
from bot.knowledge.letter_index import QUOTE_AT, LetterIndex
from tests.letter_quotes import one_letter

LETTER = "\n".join([
    "UBND TỈNH ĐIỆN BIÊN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1203/SGDĐT-VP",
    "V/v tập huấn nghiệp vụ văn thư, thủ quỹ cho nhân viên trường học năm 2027",
    "Điện Biên, ngày 05 tháng 01 năm 2027",
    "1. Người học",
    "Mỗi trường cử 01 nhân viên văn thư và 01 nhân viên thủ quỹ. Trường phổ thông dân tộc bán "
    "trú cử thêm 01 người quản lý học sinh bán trú, không phụ thuộc số học sinh của trường.",
    "2. Lịch học",
    "Nhân viên văn thư học ngày 12/3/2027 tại Trường Cao đẳng Sư phạm Điện Biên, phường "
    "Mường Thanh.",
    "Nhân viên thủ quỹ học ngày 14/3/2027 tại Trường Trung học phổ thông Tủa Chùa, xã Tủa "
    "Chùa.",
    "3. Trường hợp riêng",
    "Người làm cả văn thư và thủ quỹ thì học ngày 12/3/2027 và học thêm buổi chiều ngày "
    "14/3/2027 tại Tủa Chùa.",
    "Người có lý do chính đáng (ốm, việc gia đình đột xuất) vắng ngày tập huấn trực tiếp của "
    "mình được học bù ngày 20/3/2027 tại hội trường của Sở.",
    "Người đã được cử nhưng chuyển công tác trước ngày tập huấn trực tiếp thì trường cử người "
    "khác cùng vị trí thay, người thay nộp bài thu hoạch cùng hạn chung.",
    "4. Tài liệu",
    "Mỗi trường có người học đạt yêu cầu được nhận 01 bộ sổ sách mẫu tại điểm tập huấn vào "
    "cuối ngày học.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def _index() -> LetterIndex:
    return one_letter(LETTER)


def _answer(question: str) -> str:
    quote = _index().search(question)
    assert quote is not None and quote.confidence >= QUOTE_AT, question
    return quote.text


@pytest.mark.parametrize("question", [
    "trường em có một chị vừa làm văn thư vừa làm thủ quỹ thì đi học ngày nào",
    "truong minh co co vua lam van thu vua lam thu quy thi co hoc ngay nao",
    "người làm cả văn thư lẫn thủ quỹ thì học ngày nào",
])
def test_one_person_doing_two_jobs_is_answered_by_the_rule_for_both(question: str) -> None:
    assert "cả văn thư và thủ quỹ" in _answer(question)


@pytest.mark.parametrize("question", [
    "nếu hôm tập huấn trực tiếp em bị ốm không đi được thì học bù ngày nào",
    "neu hom tap huan truc tiep em bi om khong di dc thi hoc bu ngay nao",
    "neu hom tap huan truc tiep em bi om khong di dc thi hco bu ngay nao",  # a typo
    "trường em ở Mường Thanh, nếu em ốm không đi được thì học bù ngày nào",
])
def test_being_absent_on_ones_day_is_answered_by_the_make_up_day(question: str) -> None:
    assert "20/3/2027" in _answer(question)


def test_moving_school_before_the_day_is_answered_by_who_stands_in() -> None:
    question = "nhân viên đã được cử mà chuyển trường trước ngày học trực tiếp thì xử lý thế nào"
    assert asked_kind(question) is None  # "trước ngày học …" says when, no date is asked
    assert "cùng vị trí" in _answer(question)


def test_what_the_school_gets_after_the_practice_and_where() -> None:
    assert "cuối ngày" in _answer("sau buổi tập huấn trường mình có được nhận sổ sách mẫu "
                                  "không, nhận ở đâu")


def test_a_boarding_school_typed_short_asks_how_many_not_whom() -> None:
    question = "truong ptdtbt cua em cu may nguoi, gom nhung ai"
    assert asked_kind(question) == "number"  # "những ai": which posts, no named person
    assert "bán trú" in _answer(question)
