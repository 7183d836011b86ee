"""A merged province's letter sets a rule for the units of one former province ("Đơn vị
thuộc tỉnh Hà Giang trước đây …"): a teacher who says their commune lies there ("xã Vị
Xuyên (Hà Giang cũ)") is answered by that rule, not by a table row that only names their
district beside another matter's dates.

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

from bot.knowledge.letter_index import LetterIndex
from tests.letter_quotes import one_letter

MERGED = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TUYÊN QUANG",
    "Số: 1207/SGDĐT-KHTC",
    "V/v tập huấn ghi sổ tài sản trên phần mềm trong trường học năm 2027",
    "Tuyên Quang, ngày 05 tháng 1 năm 2027",
    "1. Lịch tập huấn",
    "Trường tiểu học, trung học cơ sở — Cụm 1; Đơn vị ở xã, phường thuộc: các huyện Vị "
    "Xuyên, Bắc Mê, Quản Bạ trước đây; "
    "Ngày tập huấn: 20/3/2027; Địa điểm: Trường THPT Vị Xuyên.",
    "Trường tiểu học, trung học cơ sở — Cụm 2; Đơn vị ở xã, phường thuộc: các huyện Yên "
    "Sơn, Sơn Dương trước đây; "
    "Ngày tập huấn: 27/3/2027; Địa điểm: Trường THPT Sơn Dương.",
    "2. Sổ theo dõi tài sản",
    "a) Đơn vị thuộc tỉnh Hà Giang trước đây còn ghi sổ tài sản bằng tay đến hết ngày "
    "30/6/2027, sau đó nhập toàn bộ vào phần mềm.",
    "b) Đơn vị thuộc tỉnh Tuyên Quang trước đây đã dùng phần mềm thì tiếp tục sử dụng.",
])


def _index() -> LetterIndex:
    return one_letter(MERGED)


def test_the_rule_for_the_former_province_answers_a_commune_said_to_lie_there() -> None:
    found = _index().candidates(
        "truong THCS o xa Vi Xuyen (Ha Giang cu) duoc ghi so tai san bang tay den khi nao")
    assert found and "30/6/2027" in found[0].text


def test_naming_the_commune_too_never_makes_the_rule_cover_less() -> None:
    """The commune says who the asker is, not what they ask: told beside the former
    province, it leaves the rule for that province covering at least as much."""
    def rule(question: str) -> float:
        return next((q.confidence for q in _index().candidates(question)
                     if "30/6/2027" in q.text), 0.0)
    province = rule("truong THCS o Ha Giang cu duoc ghi so tai san bang tay den khi nao")
    commune = rule("truong THCS o xa Vi Xuyen (Ha Giang cu) duoc ghi so tai san bang tay "
                   "den khi nao")
    assert province > 0 and commune >= province
