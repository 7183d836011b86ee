""""Bao giờ", "khi nào" ask when something happens: an entry on the same matter that gives no
date nor month does not say when, and the asker is told so rather than given it. Entries are
written here, in our own words."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries

SOURCE = (Source("letter", "77/SGDĐT", "5/2026", "Sở GD&ĐT Bình Phước"),)
BADGE = Entry(
    "badge_fields", "completion", "Thẻ học viên lớp kỹ năng số ghi những gì?",
    "Thẻ học viên lớp kỹ năng số in <b>họ tên, đơn vị công tác và mã học viên</b> lấy từ "
    "danh sách đăng ký; sai thông tin thì báo thư ký lớp.",
    ("thẻ học viên lớp kỹ năng số ghi thông tin gì",),
    province="binh_phuoc", sources=SOURCE)
BADGE_DAY = Entry(
    "badge_day", "completion", "Thẻ học viên lớp kỹ năng số phát khi nào?",
    "Thẻ học viên lớp kỹ năng số in <b>họ tên, đơn vị công tác và mã học viên</b>; phát tại "
    "lớp <b>ngày 12/6/2026</b>.",
    ("thẻ học viên lớp kỹ năng số phát ngày nào",),
    province="binh_phuoc", sources=SOURCE)


def test_when_is_not_answered_by_an_entry_giving_no_date() -> None:
    engine = AnsweringEngine([*load_entries(), BADGE])
    assert engine.answer("bình phước: thẻ học viên lớp kỹ năng số in mã học viên, bao giờ "
                         "được phát").kind == "none"
    # the same matter asked without "when" is answered
    found = engine.answer("bình phước: thẻ học viên lớp kỹ năng số in những thông tin gì")
    assert found.entry is not None and found.entry.id == "badge_fields"


def test_when_is_answered_by_the_entry_giving_the_day() -> None:
    engine = AnsweringEngine([*load_entries(), BADGE_DAY])
    found = engine.answer("bình phước: thẻ học viên lớp kỹ năng số in mã học viên, bao giờ "
                          "được phát")
    assert found.entry is not None and found.entry.id == "badge_day"
