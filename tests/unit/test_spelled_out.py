"""An entry's shorthand is spelled as the letters write it, in the answer a teacher reads; the
markup, addresses and document numbers stay as written."""

from __future__ import annotations

from bot.knowledge.engine import Answer
from bot.knowledge.entries import Entry
from bot.knowledge.render import render_answer
from bot.knowledge.spelled_out import spelled_out


def test_shorthand_is_spelled_in_full_and_the_office_named_once() -> None:
    html = ("HTĐN: <b>Phòng GD&amp;ĐT</b> duyệt kế hoạch BDTX của trung tâm GDTX; "
            "Phòng GD&amp;ĐT báo cáo Sở theo Kế hoạch 12/KH-BDTX, xem bdtx.edu.vn.")
    assert spelled_out(html) == (
        "Hỗ trợ đồng nghiệp: <b>Phòng Giáo dục và Đào tạo (Phòng GD&amp;ĐT)</b> duyệt kế "
        "hoạch bồi dưỡng thường xuyên của trung tâm giáo dục thường xuyên; Phòng GD&amp;ĐT "
        "báo cáo Sở theo Kế hoạch 12/KH-BDTX, xem bdtx.edu.vn.")


def test_a_link_keeps_its_address_and_cbql_stays() -> None:
    html = '<a href="https://so.edu.vn/BDTX">Lịch BDTX</a> của CBQL'
    assert spelled_out(html) == (
        '<a href="https://so.edu.vn/BDTX">Lịch bồi dưỡng thường xuyên</a> của CBQL')


def test_the_answer_sent_spells_the_entry_out() -> None:
    entry = Entry(id="e", topic="plans", title="Kế hoạch BDTX",
                  questions=("kế hoạch bdtx nộp khi nào",),
                  answer="Giáo viên nộp kế hoạch BDTX cá nhân cho tổ chuyên môn.")
    text = render_answer(Answer("confident", entry, 0.9), lambda s: s)
    assert "kế hoạch bồi dưỡng thường xuyên cá nhân" in text and "BDTX" not in text
