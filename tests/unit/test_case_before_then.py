"""A question telling, before its "thì", the case the asker is in and what they will have done
("…, sau khi bấm nút Thêm và tải tệp lên thì bước 2 và bước 3 do ai làm") asks what follows
"thì": an entry on that case shares most of the words but answers what the asker has done
already. The entries are written here, in our own words."""

from __future__ import annotations

from bot.knowledge.asked import told_before_then
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source

SOURCE = (Source("plan", "33/SGDĐT-GDTrH", "4/2026", "Sở GD&ĐT Bình Phước"),)
STEPS = Entry(
    "essay_steps", "approvals", "Các bước duyệt bài thu hoạch chuyên đề",
    "Bài thu hoạch chuyên đề được duyệt qua 3 bước: bước 1 giáo viên nộp trên hệ thống; bước "
    "2 tổ trưởng chuyên môn chấm, duyệt; bước 3 hiệu trưởng duyệt và xác nhận kết quả.",
    ("bài thu hoạch do ai chấm, ai xác nhận", "các bước duyệt bài thu hoạch chuyên đề",
     "bước 2 và bước 3 do ai duyệt"),
    province="binh_phuoc", sources=SOURCE)
LATE = Entry(
    "upload_late", "approvals", "Quên tải tệp lên hệ thống thì làm sao?",
    "Ai chưa tải tệp lên thì bấm nút Thêm trên hệ thống rồi tải tệp lên lại, ghi số trang.",
    ("chưa tải tệp lên hệ thống thì làm thế nào", "bấm nút thêm để tải tệp lên ở đâu"),
    province="binh_phuoc", sources=SOURCE)
QUESTION = ("gv bp chưa nộp bài thu hoạch, sau khi bấm nút thêm và tải tệp lên thì bước 2 "
            "và bước 3 do ai duyệt")


def test_what_is_asked_after_then_is_answered() -> None:
    answer = AnsweringEngine([STEPS, LATE]).answer(QUESTION)
    assert answer.entry is not None and answer.entry.id == "essay_steps"


def test_no_case_is_told_when_an_ask_comes_before_then() -> None:
    assert "tệp" in told_before_then(QUESTION) and "bước" not in told_before_then(QUESTION)
    assert told_before_then("hạn nộp ngày nào, và nếu lỗi tệp thì gọi số nào của tổng đài "
                            "hỗ trợ kỹ thuật") == frozenset()
