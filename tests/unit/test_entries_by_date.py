"""Entries against entries (issue 18, items 1 and 2): of one Sở's entries that cover a question
about as well, the one written from its newer letter answers. The entries are written here, in
our own words."""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source


def source(date: str) -> tuple[Source, ...]:
    return (Source("faq", "/SGDĐT-TCCB", date, "Sở GD&ĐT Bình Phước"),)


OLD_PHONE = Entry(
    "old_phone", "t", "Hỏi về tập huấn chuyển đổi số gọi Phòng Tổ chức cán bộ",
    "Vướng mắc về lớp tập huấn chuyển đổi số, gọi Phòng Tổ chức cán bộ: điện thoại bàn "
    "0271.3777.666.",
    ("số điện thoại bàn phòng tổ chức cán bộ về tập huấn chuyển đổi số",
     "gọi ai ở phòng tổ chức cán bộ về chuyển đổi số"),
    province="binh_phuoc", sources=source("3/2021"))
NEW_PHONE = Entry(
    "new_phone", "t", "Phòng Tổ chức cán bộ: điện thoại",
    "Hỏi về tập huấn chuyển đổi số, gọi số điện thoại bàn Phòng Tổ chức cán bộ của Sở: "
    "0271.3888.999.",
    ("phòng tổ chức cán bộ số điện thoại bàn",),
    keywords=("tập huấn", "chuyển đổi số"),
    province="binh_phuoc", sources=source("2/2022"))
SCHEDULE = Entry(
    "schedule", "t", "Gửi danh sách học viên lớp chuyển đổi số",
    "Các trường gửi danh sách học viên lớp chuyển đổi số về Sở trước ngày 20/4.",
    ("gửi danh sách học viên lớp chuyển đổi số về sở",
     "danh sách học viên lớp chuyển đổi số gửi đâu"),
    province="binh_phuoc", sources=source("3/2021"))
MAILBOX = Entry(
    "mailbox", "t", "Hộp thư nhận danh sách",
    "Danh sách học viên các lớp chuyển đổi số gửi về hộp thư cds@binhphuoc.edu.vn.",
    ("hộp thư nhận danh sách học viên",),
    province="binh_phuoc", sources=source("3/2021"))


def test_of_one_sos_entries_the_one_from_its_newer_letter_answers() -> None:
    engine = AnsweringEngine([OLD_PHONE, NEW_PHONE, SCHEDULE, MAILBOX])
    answer = engine.answer("số điện thoại bàn phòng tổ chức cán bộ về tập huấn chuyển đổi số")
    assert answer.entry is not None and answer.entry.id == "new_phone", answer


def test_another_provinces_newer_entry_does_not_replace_the_asked_provinces() -> None:
    engine = AnsweringEngine([OLD_PHONE, replace(NEW_PHONE, province="ha_noi"), SCHEDULE,
                              MAILBOX])
    answer = engine.answer("Bình Phước: số điện thoại bàn phòng tổ chức cán bộ về tập huấn "
                           "chuyển đổi số")
    assert answer.entry is not None and answer.entry.id == "old_phone", answer

