"""The detector behind the check every test runs (tests/output_capture.py): it finds each
untranslated line issue 20 reported, and nothing in correct text."""

from __future__ import annotations

import pytest

from tests.output_language import english_in, vietnamese_in

# What the CLI and the bot showed in Vietnamese mode before issue 20 (paths and ids as typed).
SHOWN_IN_ENGLISH = [
    "database: data/demo.sqlite3",
    "Bình Phước: mô đun 1 [binh_phuoc], binh_phuoc; approvals: default",
    "  module1      Mô đun 1             pass     gv,ht,pht; all levels: Mô đun 1 — 03/2021",
    "  deadline 28/02 every year: Cốt cán hoàn thành kế hoạch (plan_m2; reminds core; "
    "days before 14,7,3,1,0)",
    "#1 Hoàn thành kế hoạch — Chủ nhật, 28/02/2027 (every year); core; reminders 14,7,3,1,0",
    "#3 Nộp báo cáo — Thứ ba, 30/03/2027; staff; reminders 7,1,0; OFF",
    "#4 Nộp báo cáo — past; staff; reminders 7,1,0",
    "removed letter #2",
    "no letter #99",
    "added #5",
    "updated",
    "troly: cannot read nope: FileNotFoundError",
    "https://t.me/TroLyBoiDuongBot?start=abc123\n(code abc123, valid 7 days, one use)",
    "<b>I read this letter. Please check it:</b>\nTiêu đề: V/v bồi dưỡng mô đun trí tuệ nhân tạo",
    "<b>Letters I answer from:</b>\n#1 2468/SGDĐT-TCCB · 15/01/2027 · Sở GD&ĐT Đồng Nai",
]
# What English mode showed: the Vietnamese catalog's words, a Vietnamese literal of the code.
SHOWN_IN_VIETNAMESE = [
    "<b>Việc của Thầy/Cô</b> (✅ xong, ⏳ đang làm, ❌ chưa, ❔ chưa ghi nhận):",
    "#2 Finish module 1 (đã tắt)\n   Next: Sunday, 28/02/2027",
    "Source: do Sở đặt trên Trợ lý",
    "⏰ <b>Module 1</b>: 3 days left — hạn tới là 28/02/2027",
]


@pytest.mark.parametrize("text", SHOWN_IN_ENGLISH)
def test_each_english_line_of_issue_20_is_found(text: str) -> None:
    assert english_in(text)


@pytest.mark.parametrize("text", SHOWN_IN_VIETNAMESE)
def test_vietnamese_in_english_mode_is_found(text: str) -> None:
    assert vietnamese_in(text)


@pytest.mark.parametrize("text", [
    "Cơ sở dữ liệu: data/demo.sqlite3",
    "Gõ /hanchot them để thêm hạn chót; /congvan liệt kê công văn.",
    "Telegram từ chối token: kiểm tra TELEGRAM_BOT_TOKEN (lấy lại từ @BotFather).",
    "Trả lời (reply) tin nhắn này; tệp .docx hoặc .pdf; webhook sau reverse proxy.",
    "Tệp phải có khoá “tasks”; dùng lệnh “troly deadlines list” để xem.",
    "Cốt cán: Nguyễn Thị Lan (THCS Tân Phú, Đồng Xoài) — Long An, Hà Nội",
    "Mô đun 1 trên LMS, tự đánh giá trên TEMIS; tải tệp Excel hoặc Word",
])
def test_vietnamese_text_with_names_codes_and_kept_terms_is_clean(text: str) -> None:
    assert english_in(text) == []


@pytest.mark.parametrize("text", [
    "<b>Your tasks</b> (✅ done, ⏳ in progress):\n❔ Module 1: not recorded yet",
    "Cốt cán: Nguyễn Thị Lan (Trường THCS Tân Phú), Sở GD&ĐT Bình Phước",
    "Ask me, e.g. “hạn chót mô đun là ngày nào”; Phòng (or xã/phường) staff; cốt cán only",
    "Trợ lý Bồi dưỡng — offline console on data/demo.sqlite3",
])
def test_english_text_with_names_quotes_and_kept_terms_is_clean(text: str) -> None:
    assert vietnamese_in(text) == []


def test_what_the_user_typed_and_letters_are_data() -> None:
    typed = "please check the deadline"
    assert english_in(f"Không hiểu “{typed}”.") == []
    assert english_in(f"Không hiểu: {typed}.", allowed=[typed]) == []
    assert english_in(f"Không hiểu: {typed}.") != []
    letter = "Các trường gửi báo cáo kết quả bồi dưỡng, hoàn thành trước ngày 15/5/2027."
    assert vietnamese_in(f"Quote: {letter}", allowed=[letter]) == []
    assert vietnamese_in("Deadline: gửi báo cáo kết quả bồi dưỡng", allowed=[letter]) == []
