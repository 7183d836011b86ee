"""Numbered things a text lists are counted when a question asks how many, and the ones one
list has that another lacks are named when a question asks which; both lists are shown. The
texts are written here, in our own words."""

from __future__ import annotations

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.knowledge.listed import listed
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi").gettext
SOURCE = (Source("plan", "88/KH-SGDĐT", "3/2025", "Sở GD&ĐT Bình Phước"),)
TOPICS = ("Năm 2025 giáo viên THPT học các chuyên đề sau:\n"
          "• Chuyên đề 2: Dạy học tích hợp;\n"
          "• Chuyên đề 3: Đánh giá năng lực học sinh;\n"
          "• Chuyên đề 6: Chuyển đổi số trong nhà trường;\n"
          "• Chuyên đề 7: An toàn trường học.")
DUES = Entry(
    "bp_dues_2025", "cotcan", "Bình Phước 2025: cốt cán nộp gì trên hệ thống",
    "Năm 2025, giáo viên cốt cán nộp trên hệ thống:\n"
    "• Bản đăng ký dự giờ: chuyên đề 1, 2, 6;\n"
    "• Phiếu nhận xét giờ dạy: chuyên đề 1, 2.",
    ("cốt cán nộp những gì trên hệ thống năm 2025",), province="binh_phuoc", sources=SOURCE)


def test_the_things_a_text_lists_one_by_one_or_as_a_range_are_counted() -> None:
    found = listed("giáo viên THPT năm 2025 phải học tất cả mấy chuyên đề", TOPICS)
    assert found is not None and found.items == (2, 3, 6, 7) and not found.only
    ranged = listed("có bao nhiêu chuyên đề",
                    "Nội dung: từ chuyên đề 1 đến chuyên đề 4 và chuyên đề 8, cho mọi giáo viên.")
    assert ranged is not None and ranged.items == (1, 2, 3, 4, 8)
    hyphened = listed("phải học mấy mô-đun", "Học từ mô-đun 1 đến mô-đun 3, xong trước tháng 6.")
    assert hyphened is not None and hyphened.items == (1, 2, 3)
    # one thing named is no list to count; a question asking which one counts nothing
    assert listed("có bao nhiêu chuyên đề", "Giáo viên học chuyên đề 3 trong tháng 5.") is None
    assert listed("chuyên đề mấy học về chuyển đổi số", TOPICS) is None


def test_the_items_one_list_has_and_another_lacks_are_named_with_both_lists() -> None:
    engine = AnsweringEngine([DUES])
    text = plain_text(render_answer(engine.answer(
        "bp 2025: cốt cán nộp bản đăng ký dự giờ cho chuyên đề nào mà lại không phải nộp phiếu "
        "nhận xét giờ dạy cho chuyên đề đó"), VI))
    assert "vậy chỉ có ở danh sách đầu: chuyên đề 6" in text, text
    assert "bản đăng ký dự giờ: chuyên đề 1, 2, 6" in text.lower()
