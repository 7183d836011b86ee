"""A question's qualifier the best text contradicts or never names.

A question asking of an event or a body at one tier ("hội thao cấp huyện", "hội thi cấp
tỉnh") is not answered by a letter on another tier's event, nor by one naming no tier at all:
the asker gets the honest no and the hand-over. The tier told as the asker's own story ("tôi
đạt giải cấp tỉnh năm ngoái") is no such ask. Likewise a question naming a school level gets
no entry written for other levels only. The letter and the entry are written here, in our own
words."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.letters import read_letter
from bot.knowledge.named_matters import unnamed_tier

LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC GIANG
Số: 611/SGDĐT-CTTT
Bắc Giang, ngày 05 tháng 01 năm 2027
V/v tổ chức Hội thao giáo viên cấp trường năm 2027
1. Thời gian
Mỗi trường trung học cơ sở tổ chức Hội thao giáo viên cấp trường trong tuần từ 08/3/2027 đến
13/3/2027, tại sân trường.
2. Môn thi đấu
Kéo co, chạy tiếp sức, cầu lông đôi nam nữ. Giáo viên đạt giải cấp tỉnh năm 2026 làm trọng tài.
"""


def _engine() -> AnsweringEngine:
    engine = AnsweringEngine([])
    engine.letters.replace([read_letter(LETTER)])
    return engine


def test_another_tiers_event_gets_the_honest_no() -> None:
    engine = _engine()
    assert engine.answer("hội thao giáo viên cấp trường năm 2027 tổ chức khi nào").kind == \
        "quoted"
    # the letter names the province's tier only for last year's referees, not for this event
    for question in ("hội thao giáo viên cấp tỉnh năm 2027 tổ chức khi nào",
                     "Hội thao giáo viên cấp tỉnh 2027 tổ chức vào tuần nào?"):
        assert engine.answer(question).kind == "none", question


def test_a_tier_the_text_names_in_other_words_or_told_as_the_askers_story() -> None:
    text = "Sở tổ chức hội thi cấp thành phố vào tháng 4."
    assert unnamed_tier("hội thi cấp tỉnh vào tháng mấy", text) is None
    assert unnamed_tier("hội thi cấp huyện vào tháng mấy", text) == "huyen"
    assert unnamed_tier("năm ngoái tôi đạt giải cấp tỉnh, năm nay có phải thi không",
                        "Giáo viên thi tại trường.") is None
    # "cho em hỏi" opens the message; it tells nothing of the asker
    assert unnamed_tier("Dạ cho em hỏi hội thi cấp tỉnh tổ chức ở đâu",
                        "Giáo viên thi tại trường.") == "tinh"
    # "cấp trưởng" is a head of a unit, folded like "cấp trường"
    assert unnamed_tier("cán bộ cấp trưởng có phải học không", "Giáo viên học.") is None


MODULES = Entry(
    "lv_modules", "modules", "Bình Phước 2026: giáo viên tiểu học học những học phần nào?",
    "Giáo viên tiểu học ở Bình Phước học <b>học phần 3 và 4</b> trên hệ thống của Sở từ 01/9 đến "
    "30/11/2026.",
    ("giáo viên tiểu học bình phước học những học phần nào năm 2026",
     "bình phước 2026 giáo viên phải học học phần nào"),
    levels=frozenset({"TH"}), province="binh_phuoc",
    sources=(Source("plan", "88/KH-SGDĐT", "8/2026", "Sở GD&ĐT Bình Phước"),))
OTHERS = [Entry(f"lv_other{k}", "other", title, answer, (title,)) for k, (title, answer) in
          enumerate([("Ai cấp tài khoản hệ thống bồi dưỡng?", "Trung tâm tin học của Sở cấp."),
                     ("Bao giờ có giấy chứng nhận?", "Sau khi có kết quả, trước 31/12."),
                     ("Kinh phí bồi dưỡng lấy từ đâu?", "Ngân sách của trường chi trả.")])]


def test_a_level_no_entry_is_written_for_gets_the_honest_no() -> None:
    engine = AnsweringEngine([MODULES, *OTHERS])
    assert engine.answer("Giáo viên tiểu học ở Bình Phước năm 2026 phải học học phần nào?").kind \
        == "confident"
    for question in ("Giáo viên mầm non ở Bình Phước năm 2026 phải học những học phần nào?",
                     "gv thpt binh phuoc 2026 hoc hoc phan nao"):
        assert engine.answer(question).kind == "none", question


def test_a_word_folding_like_a_pronoun_tells_no_story_of_the_asker() -> None:
    text = "Mỗi buổi có một tiết dạy minh họa của trường đăng cai, dự giờ ở cấp trường."
    assert unnamed_tier("tiết dạy minh họa có được dùng để thi giáo viên giỏi cấp tỉnh không",
                        text) == "tinh"
    assert unnamed_tier("mình đạt giáo viên giỏi cấp tỉnh rồi thì có phải dạy minh họa không",
                        text) is None
