"""A sum given as another group's ("được hỗ trợ tiền ăn như giáo viên công lập") is quoted with
the clause of the letter stating it, as a reader turns to it. The letter is written here, in our
own words."""

from __future__ import annotations

from bot.knowledge.referred import alike, stated_sums
from tests.letter_quotes import one_letter

LETTER = [
    "UBND TỈNH GIA LAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1533/SGDĐT-GDTH",
    "V/v tập huấn dạy học môn Tiếng Anh lớp 3 năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Gia Lai, ngày 05 tháng 12 năm 2026",
    "1. Chế độ",
    "Học viên được Sở chi tiền lưu trú 150.000 đồng một đêm cho những ngày tập huấn; tiền xe "
    "do đơn vị cử đi học thanh toán.",
    "2. Giáo viên hợp đồng",
    "Giáo viên hợp đồng của trường tư thục cũng được cử đi tập huấn, được chi tiền lưu trú như "
    "học viên của trường công lập.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Văn Bảo",
]


def test_a_sum_given_as_another_groups_is_read_and_found() -> None:
    assert alike("được chi tiền lưu trú như học viên của trường công lập.") == ("muc tien luu",)
    assert alike("được chi tiền lưu trú 150.000 đồng như năm trước") == ()
    assert stated_sums(LETTER)["muc tien luu"].startswith("Học viên được Sở chi tiền lưu trú "
                                                          "150.000 đồng")


def test_the_clause_stating_the_sum_is_quoted_beside_the_rule_referring_to_it() -> None:
    index = one_letter("\n".join(LETTER))
    quote = index.search("giáo viên hợp đồng trường tư thục có được chi tiền lưu trú không")
    assert quote is not None and "như học viên" in quote.text, quote
    assert "150.000 đồng" in quote.text, quote.text
