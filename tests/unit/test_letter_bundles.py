"""A file that bundles several documents (UBND's approval, the Sở's submission, the plan):
each is known with its own number, date and issuer, and a quote from the plan cites the plan.
Also: the facts the seed letters print are in their passages whole, where a search can find
them (which one ranks first is the engine's business)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter, read_letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import LetterDraft, letters_from_paths, preview_lines

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
VI = translator("vi").gettext
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="source letters not available")

BUNDLE = """UBND TỈNH AN GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 512/UBND-VX
An Giang, ngày 10 tháng 3 năm 2027
V/v chấp thuận Kế hoạch bồi dưỡng giáo viên dạy Tin học năm 2027
Kính gửi: Sở Giáo dục và Đào tạo.
Ủy ban nhân dân tỉnh chấp thuận Kế hoạch số 906/KH-SGDĐT ngày 01/3/2027 của Sở Giáo dục và Đào
tạo (đính kèm), giao Sở chủ trì tổ chức thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
UBND TỈNH AN GIANG
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 906/KH-SGDĐT
An Giang, ngày 01 tháng 3 năm 2027
KẾ HOẠCH
Bồi dưỡng giáo viên dạy Tin học năm 2027
1. Đối tượng
Giáo viên dạy Tin học cấp tiểu học học 60 tiết trên hệ thống bồi dưỡng của Sở.
2. Thời gian
Các trường báo cáo danh sách học viên về Sở trước ngày 25/3/2027.
"""


def _quoted(letter: Letter, question: str) -> str:
    engine = AnsweringEngine([])  # no curated entry: the letter answers
    engine.letters.replace([letter])
    answer = engine.answer(question)
    assert answer.kind == "quoted", question
    return plain_text(render_answer(answer, VI))


def test_a_bundled_plan_is_known_by_its_own_number_and_quoted_under_it() -> None:
    letter = read_letter(BUNDLE)
    assert (letter.meta.number, letter.meta.issuer) == ("512/UBND-VX", "UBND tỉnh An Giang")
    [plan] = letter.attachments
    assert (plan.number, plan.date, plan.issuer) == ("906/KH-SGDĐT", "01/3/2027",
                                                     "Sở GD&ĐT An Giang")
    assert "Kèm theo: Kế hoạch số 906/KH-SGDĐT ngày 01/3/2027 của Sở GD&ĐT An Giang" in \
        preview_lines(LetterDraft(letter, BUNDLE, ""), VI)
    said = _quoted(letter, "giáo viên dạy tin học tiểu học học bao nhiêu tiết")
    assert "60 tiết" in said
    assert "Theo Kế hoạch số 906/KH-SGDĐT ngày 01/3/2027 của Sở GD&ĐT An Giang, mục 1" in said
    assert "512/UBND-VX" not in said
    # the cover letter's own words still cite the cover letter
    said = _quoted(letter, "ubnd tỉnh giao ai chủ trì tổ chức thực hiện kế hoạch tin học")
    assert "Theo Công văn số 512/UBND-VX ngày 10/3/2027 của UBND tỉnh An Giang" in said


@needs_seeds
def test_seed_003_holds_the_approval_the_submission_and_the_plan() -> None:
    letter = read_letter((SEEDS / "003_a9940da683ee680b.txt").read_text(encoding="utf-8"))
    assert (letter.meta.number, letter.meta.date) == ("831/UBND-KGVX", "26/6/2020")
    assert [(a.number, a.date, a.issuer) for a in letter.attachments] == [
        ("1307/TTTr-SGDĐT", "17/6/2020", "Sở GD&ĐT Kiên Giang"),  # the incoming stamp
        ("1308/KH-SGDĐT", "17/06/2020", "Sở GD&ĐT Kiên Giang"),  # "Số: 3166" is none
    ]
    said = _quoted(letter, "tổng số cán bộ quản lý của kiên giang là bao nhiêu")
    assert "1097" in said
    assert "Theo Kế hoạch số 1308/KH-SGDĐT ngày 17/06/2020 của Sở GD&ĐT Kiên Giang" in said
    assert "831/UBND-KGVX" not in said


def _flat(text: str) -> str:
    return " ".join(text.split())


@needs_seeds
@pytest.mark.parametrize(("seed", "fact", "document"), [
    ("003", "TH 8324", "1308/KH-SGDĐT"),  # Kiên Giang's primary teachers
    ("003", "TH 617", "1308/KH-SGDĐT"),  # and primary managers
    ("003", "Kế hoạch số 41/KH-BGDĐT", "1308/KH-SGDĐT"),
    ("000", "Kế hoạch số 37/KH-BGDĐT", "/SGDĐT-GDTrH"),
    ("001", "Kế hoạch số 37/KH-BGDĐT", "/SGDDĐT-GDTrH"),
    ("004", "Kế hoạch số 2168/KH-GDĐT-TC", "4082/KH-GDĐT-TC"),
])
def test_a_fact_the_seed_prints_is_in_one_passage_with_its_whole_paragraph(
        seed: str, fact: str, document: str) -> None:
    [path] = SEEDS.glob(f"{seed}_*.txt")
    [letter] = letters_from_paths([path])
    documents = set()
    for line in path.read_text(encoding="utf-8").split("\n"):
        if fact in line:  # every paragraph printing it is in a passage, whole
            paragraph = _flat(re.sub(r"[*#]", "", line))
            holding = [p for p in letter.passages if paragraph in _flat(p.text)]
            assert holding, paragraph
            documents |= {letter.meta_of(p).number for p in holding}
    assert document in documents
