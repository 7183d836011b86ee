"""A letter often lists one rule per case under a sentence ending with ":" (the venue of each
former district, the day of each level). A teacher names their own case ("trường em thuộc
huyện Mường Lát cũ") and expects their item, with the sentence saying what it is the item of,
not every other area's. The letter below is written here, in our own words."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import MAX_PASSAGE_CHARS, split_passages
from bot.services.letters import read_letter_file

FILLER = ("Các đơn vị phổ biến kế hoạch đến từng giáo viên, bố trí thời gian để giáo viên tham "
          "gia đầy đủ và báo cáo kết quả về Sở theo đúng thời hạn quy định tại văn bản này. ")

LETTER = f"""UBND TỈNH TUYÊN QUANG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 905/SGDĐT-GDPT
V/v bồi dưỡng giáo viên dạy môn Âm nhạc năm học 2026-2027
Tuyên Quang, ngày 02 tháng 12 năm 2026
Kính gửi: Các trường tiểu học, trung học cơ sở trên địa bàn tỉnh.
1. Mục đích
{FILLER * 4}
2. Thời gian và địa điểm
Phần học trực tuyến từ ngày 11/01/2027 đến ngày 31/01/2027 trên hệ thống bồi dưỡng của Sở.
Phần học tập trung 02 ngày, 20/02/2027 và 21/02/2027, từ 7 giờ 30, tại điểm học ứng với \
địa bàn nơi có trường của giáo viên:
- Khu vực thứ nhất, gồm các xã thuộc huyện Chiêm Hóa, Lâm Bình và Na Hang trước đây: \
Trường Trung học phổ thông Chiêm Hóa, xã Chiêm Hóa;
- Khu vực thứ hai, gồm các xã, phường thuộc thành phố Tuyên Quang và huyện Yên Sơn trước \
đây: Trường Cao đẳng Sư phạm, số 15 đường Lê Duẩn, phường Minh Xuân;
- Khu vực thứ ba, gồm các xã thuộc huyện Hàm Yên và Sơn Dương trước đây: Trường Trung học \
phổ thông Sơn Dương, xã Sơn Dương.
3. Liên hệ
Thầy Ma Văn Khải, chuyên viên Phòng Giáo dục phổ thông, điện thoại 0207.3822.416.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv905.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


@pytest.mark.parametrize(("question", "venue", "others"), [
    ("Trường em thuộc huyện Hàm Yên cũ, phần học trực tiếp em học ở trường nào ạ?",
     "Sơn Dương", ("Chiêm Hóa", "Lê Duẩn")),
    ("truong toi o xa thuoc huyen Lam Binh cu thi hoc tap trung o dau",
     "Trường Trung học phổ thông Chiêm Hóa", ("Lê Duẩn", "Sơn Dương")),
    ("Em dạy ở phường thuộc thành phố Tuyên Quang cũ, 2 ngày học tập trung lên đâu học ạ?",
     "Lê Duẩn", ("Chiêm Hóa", "xã Sơn Dương")),
])
def test_the_askers_own_area_is_quoted_with_what_it_is_the_venue_of(
        question: str, venue: str, others: tuple[str, ...]) -> None:
    answer = engine().answer(question)
    assert answer.kind == "quoted" and answer.quote is not None
    assert venue in answer.quote.text
    assert "học tập trung" in answer.quote.text  # the lead: the venue of what
    for other in others:
        assert other not in answer.quote.text


def test_a_question_naming_no_area_is_not_narrowed_to_one() -> None:
    answer = engine().answer("Phần học tập trung tổ chức ở những điểm nào?")
    assert answer.quote is not None
    shown = [v for v in ("Chiêm Hóa", "Lê Duẩn", "Sơn Dương") if v in answer.quote.text]
    assert len(shown) >= 2, answer.quote.text


def test_a_long_section_is_not_cut_between_a_list_and_the_sentence_opening_it() -> None:
    long_intro = "\n".join([FILLER] * 6)
    text = (f"1. Tổ chức\n{long_intro}\nGiáo viên học tại điểm ứng với địa bàn của mình:\n"
            "- Khu vực thứ nhất: Trường A, xã Chiêm Hóa;\n"
            "- Khu vực thứ hai: Trường B, phường Minh Xuân.\n")
    passages = split_passages(text)
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in passages)
    holding = [p.text for p in passages if "Trường B" in p.text]
    assert holding and "Giáo viên học tại điểm" in holding[0] and "Trường A" in holding[0]
