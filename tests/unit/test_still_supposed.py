""""Vẫn là X à?", "có phải vẫn X không": the asker checks whether what they knew still holds.
X weighs as little as what a question sets aside, so an older text naming X does not outrank a
newer letter giving the rule of now in its own words. The entry and the letter are written
here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.letters import read_letter
from bot.knowledge.normalize import set_aside

OLD_RULE = Entry(
    "old_marking", "t", "Lào Cai: bài thu hoạch lớp kỹ năng số do ai chấm?",
    "Ở Lào Cai, bài thu hoạch của lớp bồi dưỡng kỹ năng số do Phòng Giáo dục và Đào tạo "
    "huyện chấm, gửi kết quả về Sở.",
    ("bài thu hoạch lớp kỹ năng số ai chấm", "phòng giáo dục huyện chấm bài thu hoạch"),
    province="lao_cai", sources=(Source("faq", "/SGDĐT-GDTX", "3/2022", "Sở GD&ĐT Lào Cai"),))
LETTER = [
    "UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2218/SGDĐT-GDTX",
    "V/v bồi dưỡng kỹ năng số cho giáo viên năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Lào Cai, ngày 02 tháng 12 năm 2026",
    "1. Học trực tuyến",
    "Giáo viên học trực tuyến 04 chuyên đề trên hệ thống của Sở từ ngày 05/01/2027.",
    "2. Đánh giá",
    "Mỗi học viên viết một bài thu hoạch; tổ chuyên môn của trường chấm bài thu hoạch và "
    "hiệu trưởng gửi kết quả về Sở trước ngày 20/3/2027.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Vũ Văn Nam",
]


def test_what_the_asker_supposes_still_holds_is_set_aside_not_what_still_is() -> None:
    supposed = set_aside("bài thu hoạch ai chấm, vẫn là phòng giáo dục huyện chấm à")
    assert {"phong", "giao", "duc", "huyen"} <= supposed and "cham" not in supposed
    assert {"lms"} <= set_aside("có phải vẫn học trên LMS không")
    # told, not asked: "vẫn dạy THCS" says the asker's case
    assert set_aside("tôi chuyển lên Hà Nội, vẫn dạy THCS, có phải học lại không") == frozenset()


def test_the_newer_letters_rule_answers_one_who_names_the_old_one() -> None:
    engine = AnsweringEngine([OLD_RULE])
    engine.letters.replace([dataclasses.replace(read_letter("\n".join(LETTER)), id=1)])
    answer = engine.answer("bài thu hoạch lớp kỹ năng số ai chấm, vẫn là phòng giáo dục "
                           "huyện chấm à", province="lao_cai")
    assert answer.quote is not None and "tổ chuyên môn" in answer.quote.text, answer
