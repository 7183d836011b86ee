"""An asker may say who they are in brackets beside a word for themselves ("hồ sơ của em (gv
tiểu học) đã được duyệt rồi, có phải gửi lại không"): that is whose case it is, as a story told
before the ask is, and the passage answering the ask (here a transitional rule for what was
done under the old routing) wins over one that only repeats the asker's level. The letter is
written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.asked import told_in_brackets
from bot.knowledge.letter_index import LetterIndex
from tests.letter_quotes import one_letter, quoted

LETTER = "\n".join([
    "UBND TỈNH THÁI NGUYÊN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 418/SGDĐT-GDMN",
    "V/v điều chỉnh việc thẩm định sáng kiến của giáo viên năm học 2026-2027",
    "Thái Nguyên, ngày 05 tháng 3 năm 2027",
    "1. Đối với giáo viên mầm non, tiểu học",
    "Theo Công văn số 120/SGDĐT-GDMN, sáng kiến của giáo viên mầm non, giáo viên tiểu học do "
    "Phòng Văn hóa - Xã hội thẩm định. Nay chuyển việc thẩm định sáng kiến của giáo viên mầm "
    "non, tiểu học về Sở (Phòng Giáo dục Mầm non - Tiểu học).",
    "2. Đối với giáo viên trung học",
    "Sáng kiến của giáo viên trung học cơ sở, trung học phổ thông vẫn do Sở thẩm định.",
    "3. Hồ sơ gửi trước ngày ban hành công văn này",
    "Sáng kiến đã được Phòng Văn hóa - Xã hội thẩm định trước ngày 05/3/2027 vẫn giữ kết quả, "
    "không gửi lại hồ sơ. Sáng kiến chưa được thẩm định thì Phòng chuyển hồ sơ lên Sở.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
])


def _index() -> LetterIndex:
    return one_letter(LETTER)


def test_who_the_asker_is_in_brackets_does_not_outweigh_the_ask() -> None:
    text = quoted(_index(), "sáng kiến của em (gv mầm non, tiểu học) đã được phòng văn hóa xã "
                            "hội thẩm định từ tháng 2 rồi, giờ có phải gửi lại để sở thẩm định "
                            "không")
    assert "không gửi lại" in text


def test_only_a_bracket_beside_the_asker_tells_whose_case() -> None:
    assert "tiểu" in told_in_brackets("hồ sơ của em (gv tiểu học) có phải gửi lại không")
    # a bracket naming what is asked about, not the asker, stays asked
    assert told_in_brackets("mô đun 9 (dành cho cbql) học khi nào") == frozenset()
    # words the rest of the question repeats are asked there
    assert "học" not in told_in_brackets("em (gv tiểu học) học lớp nào")
