""""Học trên hệ thống nào", "nộp qua phần mềm nào" ask which system: the sentence naming it by
its address or its own name answers, not a table row whose column says a deadline is kept "trên
hệ thống", though the row shares more of the question's words.

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

from bot.knowledge.asked import asked_kind, asked_values, holds
from bot.knowledge.letter_tables import ABOVE, table_lines
from tests.letter_quotes import one_letter

LETTER = [
    "UBND TỈNH LÀO CAI",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1907/SGDĐT-TCCB",
    "V/v bồi dưỡng thường xuyên cho giáo viên mới tuyển năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Lào Cai, ngày 09 tháng 12 năm 2026",
    "1. Thời hạn",
    *table_lines([
        ["Đối tượng", "Nội dung", "Hạn nộp bài trên phần mềm"],
        ["Giáo viên mới tuyển dụng cấp tiểu học", "Nội dung 1, 2", "15/3/2027"],
        ["Giáo viên mới tuyển dụng cấp trung học cơ sở", ABOVE, "22/3/2027"],
    ]),
    "2. Cách học",
    "Giáo viên tự học và nộp bài trên phần mềm bồi dưỡng của Sở tại địa chỉ "
    "https://bdtx.laocai.edu.vn, đăng nhập bằng tài khoản do nhà trường cấp.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lý Thị Hoa",
]


def test_which_system_is_asked_and_held_by_an_address_or_a_systems_name() -> None:
    assert asked_kind("giáo viên mới tuyển nộp bài trên phần mềm nào") == "system"
    assert asked_values("báo cáo lên hệ thống nào, trước ngày nào")[:2] == ("date", "system")
    assert holds("system", "nhập kết quả trên hệ thống TEMIS")
    assert not holds("system", "Giáo viên trung tâm GDNN-GDTX — Hạn trên hệ thống: 30/4/2027")


def test_the_sentence_naming_the_system_answers_not_a_row_saying_on_the_system() -> None:
    index = one_letter("\n".join(LETTER))
    quote = index.search("giáo viên mới tuyển nộp bài trên phần mềm nào ạ")
    assert quote is not None and "https://bdtx.laocai.edu.vn" in quote.text
