"""A core teacher's plan and a core manager's plan are approved by different people: a
question naming which core staff it is about is answered by that staff's rule, even when the
other's rule is written for the school level the question names. Entries written here."""

from __future__ import annotations

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries

SOURCE = (Source("letter", "12/SGDĐT", "3/2026", "Sở GD&ĐT Bình Phước"),)
TEACHERS = Entry(
    "core_teacher_signs", "approvals", "Ai ký duyệt kế hoạch bồi dưỡng của giáo viên cốt cán?",
    "Kế hoạch bồi dưỡng của <b>giáo viên cốt cán</b> do <b>Hiệu trưởng</b> trường mình (tiểu "
    "học, THCS hay THPT) ký "
    "duyệt sau khi giảng viên đã xem.",
    ("giáo viên cốt cán nhờ ai ký duyệt kế hoạch bồi dưỡng",),
    roles=frozenset({"gv_cotcan"}), province="binh_phuoc", sources=SOURCE)
MANAGERS = Entry(
    "core_manager_signs_thpt", "approvals",
    "Ai ký duyệt kế hoạch bồi dưỡng của CBQL cốt cán THPT?",
    "Kế hoạch bồi dưỡng của <b>CBQL cốt cán cấp THPT</b> do <b>Sở GD&ĐT</b> ký duyệt sau khi "
    "giảng viên đã xem.",
    ("cán bộ quản lý cốt cán trường THPT nhờ ai ký duyệt kế hoạch bồi dưỡng",),
    roles=frozenset({"cbql_cotcan"}), levels=frozenset({"THPT"}), province="binh_phuoc",
    sources=SOURCE)


def test_the_core_staff_named_picks_its_own_rule_over_the_level_named() -> None:
    engine = AnsweringEngine([*load_entries(), TEACHERS, MANAGERS])
    found = engine.answer("binh phuoc: ke hoach boi duong cua gv cot can truong thpt ai ky "
                          "duyet")
    assert found.entry is not None and found.entry.id == "core_teacher_signs"
    found = engine.answer("binh phuoc: ke hoach boi duong cua cbql cot can truong thpt ai ky "
                          "duyet")
    assert found.entry is not None and found.entry.id == "core_manager_signs_thpt"
