"""Who may attend, whom a school sends, what a correction changed: questions a letter answers
in a sentence of prose, asked in the words teachers type ("gv hđ lđ", "trg e có 30 lớp",
"chung chi hang II", "số cũ ghi … gọi ko đc").

The letter is written here, in our own words.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.app import default_engine
from bot.knowledge.asked import asked_kind, asked_person, stated_dates
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import read_letter, read_meta
from bot.knowledge.normalize import set_aside, words
from bot.textnorm import fold

LETTER = "\n".join([
    "UBND TỈNH LÂM ĐỒNG",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 911/SGDĐT-TCCB",
    "Lâm Đồng, ngày 02 tháng 3 năm 2027",
    "THÔNG BÁO",
    "Mở lớp bồi dưỡng kỹ năng tư vấn học đường và đính chính Công văn số",
    "705/SGDĐT-TCCB về bồi dưỡng giáo viên chủ nhiệm năm 2027",
    "Sở Giáo dục và Đào tạo mở lớp bồi dưỡng kỹ năng tư vấn học đường cho giáo viên chủ nhiệm "
    "như sau.",
    "1. Người học",
    "a) Giáo viên là viên chức, có đủ 02 năm làm chủ nhiệm lớp tính đến ngày 30/6/2027. Giáo "
    "viên hợp đồng lao động không đăng ký học.",
    "b) Trường có từ 25 lớp trở lên được cử thêm 01 giáo viên phụ trách tư vấn.",
    "c) Trường chưa có giáo viên tư vấn chuyên trách cử giáo viên đang kiêm nhiệm việc tư vấn.",
    "d) Giáo viên đã có chứng chỉ tư vấn hạng II thì không phải học lại, được miễn phần lý "
    "thuyết.",
    "2. Kiểm tra",
    "Bài thu hoạch cuối khóa dài không quá 05 trang, kèm biên bản góp ý của tổ chuyên môn.",
    "Buổi cuối mỗi học viên đóng vai tư vấn một tình huống, được đánh giá Đạt hoặc Chưa đạt. "
    "Học viên Chưa đạt làm lại cùng lớp sau.",
    "3. Kinh phí",
    "Sở chi tiền ăn 50.000 đồng một người một ngày học, chi tại lớp. Trường cử người đi học "
    "chi tiền đi lại cho người học của trường.",
    "4. Đính chính",
    "Số điện thoại của Phòng Tổ chức cán bộ ghi là 0263.3822.519 là nhầm; số đúng là "
    "0263.3822.591.",
    "5. Liên hệ",
    "Mọi vướng mắc liên hệ bà Trần Thu Hằng, chuyên viên Phòng Tổ chức cán bộ, điện thoại "
    "0263.3822.591.",
])


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    engine = default_engine()
    engine.letters.replace([dataclasses.replace(read_letter(LETTER), id=1)])
    return engine


def quoted(engine: AnsweringEngine, question: str) -> str:
    answer = engine.answer(question, province="lam_dong")
    assert answer.kind == "quoted" and answer.quote is not None, (answer.kind, question)
    return answer.quote.text


@pytest.mark.parametrize(("question", "said"), [
    # "hđ lđ" is a labour contract, as "hđ lao động" is
    ("gv hđ lđ có đc đăng ký học ko ạ", "hợp đồng lao động không đăng ký"),
    # typed without marks, "chung chi hang II" is a certificate of rank II, not "chị Hằng"
    ("em da co chung chi tu van hang II thi co phai hoc lai khong", "không phải học lại"),
    # the asker's 30 classes fall within the letter's "từ 25 lớp trở lên"
    ("trg e có 30 lớp thì đc cử mấy ng đi học ạ", "từ 25 lớp trở lên"),
    # "cử ai" asks which teacher a school sends, a post, not someone to call
    ("Trường chưa có giáo viên tư vấn chuyên trách thì cử ai đi học ạ?", "kiêm nhiệm"),
    # "tragn" is the letters' "trang", "khôg" a "không" missing its "n"
    ("bai thu hoach dai toi da bao nhieu tragn, co phai kem theo gi khôg", "05 trang"),
    # "cuối lớp" says when in the course the check comes, as "cuối khóa" does
    ("bai kiem tra cuoi lop gom nhung gi, khong dat thi lam sao", "cùng lớp sau"),
])
def test_a_rule_stated_in_prose_answers_the_teachers_words(
        engine: AnsweringEngine, question: str, said: str) -> None:
    assert said in quoted(engine, question)


def test_a_number_the_asker_has_is_not_the_one_they_ask_for(engine: AnsweringEngine) -> None:
    text = quoted(engine, "sđt p.tccb sở đúng là số nào v, cv cũ ghi 0263.3822.519 gọi ko đc")
    assert "số đúng là 0263.3822.591" in text


def test_a_title_wrapped_mid_sentence_is_read_whole() -> None:
    subject = read_meta(LETTER).subject
    assert subject.endswith("705/SGDĐT-TCCB về bồi dưỡng giáo viên chủ nhiệm năm 2027")


def test_the_words_of_a_case_are_no_name_nor_a_named_person() -> None:
    assert asked_person("em co chung chi hang II", frozenset({"hang"})) is None
    assert asked_person("em hỏi chị Hằng ạ", frozenset({"hang"})) == "hang"
    assert asked_kind("trường chưa có tổng phụ trách thì cử ai đi học") != "person"
    assert asked_kind("cần liên hệ ai") is not None


def test_days_listed_before_a_day_and_month_are_its_dates() -> None:
    folded = [fold(w) for w in "nghỉ đúng hai ngày 27 và 28 2 thì học bù lúc nào".split()]
    assert stated_dates(folded) == [(4, 5, 6, 7)]
    assert stated_dates("lop 10 1 va 10 2".split()) == []  # classes 10/1 and 10/2


@pytest.mark.parametrize(("typed", "read"), [
    ("được bổ nhiệm hạng III từ tháng 9/2024", "giu hang"),  # the letters' "giữ hạng III"
    ("giáo viên trường tư có được học không", "truong ngoai cong lap"),
    ("truong tu 28 lop tro len", "truong tu 28 lop"),  # unmarked: "trường từ …"
    ("có phải kèm theo gì không", "kem gi"),
])
def test_the_teachers_wording_reads_as_the_letters(typed: str, read: str) -> None:
    assert read in " ".join(fold(w) for w in words(typed))


def test_a_private_school_is_nothing_the_asker_sets_aside() -> None:
    # "ngoài công lập" (what "tư thục", "trường tư" read as) is a kind of school, not the
    # "ngoài …" of "ngoài việc đó, … còn …"
    assert set_aside("em ở trường tư, cũng được cử đi học, còn tiền ăn thì sao") == frozenset()
