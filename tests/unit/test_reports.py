"""Progress reports: every figure equals an independent count of the database, and the table,
chart and Excel lists say what the figures say, in Vietnamese, without a missing glyph."""

from __future__ import annotations

import io
import random
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PIL import Image

from bot.domain.people import Level, Person, Role
from bot.domain.tasks import (
    Module1State,
    ReviewState,
    TaskState,
    TemisState,
    done_state,
    states_for,
)
from bot.i18n import Gettext
from bot.reports import render
from bot.reports.scope import Scope
from bot.reports.stats import Completion, Report, StaffMember, build_report
from bot.storage import Database
from bot.storage.corrections import report_correction
from bot.storage.reports import open_corrections, staff_in_scope
from bot.storage.tasks import set_state
from tests.default_campaign import BP, TaskCode, tasks_for


def build_report_bp(scope: Scope, staff: object) -> Report:
    return build_report(scope, staff, BP)  # type: ignore[arg-type]


PROVINCE = "Sở GD&ĐT tỉnh Bình Phước (demo)"
# The Vietnamese of the report's msgids, as the catalog has them: the glyph test draws these.
VI = {
    "<b>Progress report: {title}</b>": "<b>Báo cáo tiến độ: {title}</b>",
    "Finished the tasks for {gate}: <b>{finished}/{people}</b> ({percent})":
        "Đã xong các việc để {gate}: <b>{finished}/{people}</b> ({percent})",
    "No teachers or managers are listed in this scope yet.":
        "Chưa có CBQL, GV nào trong danh sách của phạm vi này.",
    "Cốt cán plans and reports approved: {approved}/{items}":
        "Kế hoạch, báo cáo của cốt cán đã được duyệt: {approved}/{items}",
    "Done": "Xong",
    "Level": "Cấp học",
    "Unit": "Đơn vị",
    "School": "Trường",
    "Task": "Nhiệm vụ",
    "Under the Sở": "Trực thuộc Sở",
    "Lowest first:": "Xếp từ tỉ lệ thấp nhất:",
    "… and {n} more units": "… và {n} đơn vị khác",
    "… and {n} more schools": "… và {n} trường khác",
    "% finished": "% hoàn thành",
    "Finished the tasks for {gate}": "Đã xong các việc để {gate}",
    "The {shown} lowest of {total}": "{shown} đơn vị thấp nhất trong {total}",
}


def vi(message: str) -> str:
    return VI.get(message, message)


async def unit_id(db: Database, name: str) -> int:
    rows = list(await db.reader.execute_fetchall("SELECT id FROM units WHERE name = ?", (name,)))
    return int(rows[0][0])


async def person_id(db: Database, name: str) -> int:
    rows = list(await db.reader.execute_fetchall("SELECT id FROM people WHERE full_name = ?",
                                                 (name,)))
    return int(rows[0][0])


async def scopes(db: Database) -> list[Scope]:
    return [Scope("province", None, PROVINCE),
            Scope("district", await unit_id(db, "Huyện Hòa An"), "Huyện Hòa An"),
            Scope("school", await unit_id(db, "Trường TH Kim Đồng"), "Trường TH Kim Đồng")]


@pytest.fixture
async def progress_db(demo_db: Database) -> Database:
    """The demo province with mixed states: done, not done and never recorded, plus a few
    stray states a report must ignore (a plan of someone not cốt cán, a GV's TEMIS eval)."""
    rng = random.Random(11)
    people = await staff_in_scope(demo_db.reader, Scope("province", None, PROVINCE), BP)
    forced: dict[str, dict[TaskCode, TaskState]] = {
        "Trần Thị Lan": {t: done_state(t) for t in TaskCode},  # all done, cốt cán HT
        "Lê Văn Bình": {TaskCode.MODULE1: Module1State.NOT_PASSED},
        "Kiều Văn Hải": {TaskCode.MODULE1: Module1State.PASSED, TaskCode.TEMIS_SELF:
                         TemisState.DONE},
    }
    async with demo_db.transaction() as tx:
        for member in people:
            p = member.person
            wanted: dict[TaskCode, TaskState | None] = {
                t: rng.choice([*states_for(t), None]) for t in tasks_for(p)}
            wanted.update(forced.get(p.full_name, {}))
            if p.full_name == "Lê Văn Bình":
                wanted[TaskCode.TEMIS_SELF] = None
                wanted[TaskCode.PLAN_M2] = ReviewState.APPROVED  # not cốt cán: ignored
            if p.full_name == "Vũ Thị Thu":
                wanted[TaskCode.TEMIS_EVAL] = TemisState.NOT_DONE  # a GV: not their task
            for task, state in wanted.items():
                if state is not None:
                    assert await set_state(tx, p.id, task, None, state, actor="test")
    return demo_db


async def independent_counts(db: Database, scope: Scope) -> dict[str, Any]:
    """The figures counted straight from the tables, with 000, 1.2 written out in SQL."""
    where = {"province": "1 = 1", "district": "s.parent_id = ?", "school": "s.id = ?"}
    params = [] if scope.kind == "province" else [scope.unit_id]
    rows = list(await db.reader.execute_fetchall(
        f"""SELECT p.id, p.level, s.name, d.name, p.role, p.is_core,
               COALESCE(m.state = 'passed' AND t.state = 'done'
                        AND (p.role <> 'ht' OR e.state = 'done'), 0),
               m.state = 'passed', t.state = 'done', e.state = 'done'
            FROM people p JOIN units s ON s.id = p.unit_id
            LEFT JOIN units d ON d.id = s.parent_id AND d.kind = 'phong'
            LEFT JOIN task_states m ON m.person_id = p.id AND m.task = 'module1'
            LEFT JOIN task_states t ON t.person_id = p.id AND t.task = 'temis_self'
            LEFT JOIN task_states e ON e.person_id = p.id AND e.task = 'temis_eval'
            WHERE p.role IN ('gv', 'ht', 'pht') AND {where[scope.kind]}""", params))

    def tally(key: int | None) -> dict[object, tuple[int, int]]:
        out: dict[object, tuple[int, int]] = {}
        for r in rows:
            people, finished = out.get(r[key] if key is not None else "all", (0, 0))
            out[r[key] if key is not None else "all"] = (people + 1, finished + r[6])
        return out

    core = sum(1 for r in rows if r[5])
    [(approved,)] = await db.reader.execute_fetchall(
        f"""SELECT COUNT(*) FROM task_states ts JOIN people p ON p.id = ts.person_id
            JOIN units s ON s.id = p.unit_id
            WHERE p.is_core = 1 AND p.role IN ('gv', 'ht', 'pht') AND ts.state = 'approved'
              AND (ts.task GLOB 'plan_m*' OR ts.task GLOB 'report_m*') AND {where[scope.kind]}""",
        params)
    heads = [r for r in rows if r[4] == "ht"]
    return {
        "total": tally(None)["all"], "level": tally(1), "school": tally(2), "district": tally(3),
        "task": {"Mô đun 1": (len(rows), sum(bool(r[7]) for r in rows)),
                 "TEMIS tự đánh giá": (len(rows), sum(bool(r[8]) for r in rows)),
                 "TEMIS đánh giá GV": (len(heads), sum(bool(r[9]) for r in heads))},
        "core": (core, 9 * core, approved),
        "unfinished": {r[0] for r in rows if not r[6]},
    }


def as_dict(groups: tuple[Completion, ...]) -> dict[object, tuple[int, int]]:
    return {c.name: (c.people, c.finished) for c in groups}


async def test_every_number_equals_an_independent_count(progress_db: Database) -> None:
    for scope in await scopes(progress_db):
        report = build_report_bp(scope, await staff_in_scope(progress_db.reader, scope, BP))
        expected = await independent_counts(progress_db, scope)
        assert (report.total.people, report.total.finished) == expected["total"]
        assert as_dict(report.by_level) == expected["level"]
        assert as_dict(report.by_school) == expected["school"]
        assert as_dict(report.by_district) == (expected["district"]
                                               if scope.kind == "province" else {})
        assert as_dict(report.by_task) == {k: v for k, v in expected["task"].items() if v[0]}
        assert (report.core.people, report.core.items, report.core.approved) == expected["core"]
        assert {r.person_id for r in report.unfinished_rows()} == expected["unfinished"]
    province = build_report_bp(Scope("province", None, PROVINCE),
                            await staff_in_scope(progress_db.reader,
                                                 Scope("province", None, PROVINCE), BP))
    assert province.total.people == 19  # the demo's GV, HT and PHT; no Phòng or Sở staff
    assert 0 < province.total.finished < 19
    assert as_dict(province.by_district)[None] == expected_under_so(province)


def expected_under_so(report: Report) -> tuple[int, int]:
    """The THPT and GDTX schools, which no Phòng manages, make up the Sở's own group."""
    under = [c for c in report.by_school if "THPT" in (c.name or "") or "GDTX" in (c.name or "")]
    return sum(c.people for c in under), sum(c.finished for c in under)


async def test_phu_luc_5_lists_who_has_not_finished_and_why(progress_db: Database) -> None:
    scope = (await scopes(progress_db))[1]
    report = build_report_bp(scope, await staff_in_scope(progress_db.reader, scope, BP))
    sheet = load_workbook(io.BytesIO(render.phu_luc_5_xlsx(report))).active
    assert sheet is not None
    assert "CHƯA HOÀN THÀNH MÔ ĐUN 1" in sheet["A1"].value
    assert sheet["A2"].value == "Đơn vị: Huyện Hòa An"
    assert [c.value for c in sheet[3]] == ["STT", "Họ và tên", "Trường", "Chức vụ", "Cấp học",
                                           "Lý do"]
    assert all(c.font.bold for c in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.column_dimensions["F"].width >= 40
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    expected = await independent_counts(progress_db, scope)
    assert len(rows) == len(expected["unfinished"])
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert all(r[2] in ("Trường TH Kim Đồng", "Trường THCS Lê Lợi") for r in rows)
    schools = [r[2] for r in rows]
    assert schools == sorted(schools)
    binh = next(r for r in rows if r[1] == "Lê Văn Bình")
    assert binh[2:] == ["Trường TH Kim Đồng", "Giáo viên", "TH",
                        "Chưa đạt mô đun 1; Chưa ghi nhận kết quả tự đánh giá trên TEMIS"]
    assert "Trần Thị Lan" not in [r[1] for r in rows]
    for row in rows:
        assert row[3] in ("Giáo viên", "Hiệu trưởng", "Phó hiệu trưởng") and row[5]
        if row[3] != "Hiệu trưởng":
            assert "đánh giá giáo viên" not in row[5] and "100%" not in row[5]


async def test_phu_luc_4_lists_the_open_corrections_of_the_scope(progress_db: Database) -> None:
    hoa, son = (await person_id(progress_db, "Nguyễn Thị Hoa"),
                await person_id(progress_db, "Hồ Văn Sơn"))
    async with progress_db.transaction() as tx:
        for person, field, wrong, correct in [
                (hoa, "full_name", "Nguyễn Thị Hòa", "Nguyễn Thị Hoa"),  # resolved below
                (hoa, "birth_date", "1988-08-12", "22/08/1988"),  # ISO or as typed
                (hoa, "birth_place", "Hoà An", "Hòa Bình"),
                (son, "full_name", "Hồ Văn Sơm", "Hồ Văn Sơn")]:  # another district
            await report_correction(tx, person_id=person, field=field, wrong=wrong,
                                    correct=correct, by="test")
        await tx.execute("UPDATE info_corrections SET resolved_at = 'x' WHERE field = 'full_name'"
                         " AND person_id = ?", (hoa,))
    district = (await scopes(progress_db))[1]
    corrections = await open_corrections(progress_db.reader, district)
    assert {c.person_id for c in corrections} == {hoa}
    sheet = load_workbook(io.BytesIO(render.phu_luc_4_xlsx(corrections, district))).active
    assert sheet is not None
    assert "CẦN ĐIỀU CHỈNH THÔNG TIN" in sheet["A1"].value
    assert [c.value for c in sheet[3]] == ["STT", "Họ và tên", "Thông tin sai", "Thông tin đúng"]
    assert all(c.font.bold for c in sheet[3]) and sheet.freeze_panes == "A4"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [[1, "Nguyễn Thị Hoa", "Ngày sinh: 12/08/1988; Nơi sinh: Hoà An",
                     "Ngày sinh: 22/08/1988; Nơi sinh: Hòa Bình"]]
    province = await open_corrections(progress_db.reader, Scope("province", None, PROVINCE))
    assert len(province) == 3


async def test_the_text_table_fits_a_phone_and_says_the_totals(progress_db: Database) -> None:
    for scope in await scopes(progress_db):
        report = build_report_bp(scope, await staff_in_scope(progress_db.reader, scope, BP))
        text = render.text_table(report, vi)
        total = report.total
        assert f"<b>{total.finished}/{total.people}</b>" in text
        assert "Báo cáo tiến độ" in text and text.count("<pre>") == text.count("</pre>") >= 1
        for block in re.findall(r"<pre>(.*?)</pre>", text, re.S):
            assert all(len(line) <= 34 for line in block.split("\n"))
        for c in report.groups:
            assert f"{c.finished}/{c.people}" in text


def synthetic_report(schools: int, *, per_school: int = 3) -> Report:
    """A district of ``schools`` schools; school n has n % (per_school + 1) people finished."""
    staff = []
    for n in range(schools):
        for k in range(per_school):
            done = k < n % (per_school + 1)
            states: dict[TaskCode, TaskState] = {
                TaskCode.MODULE1: Module1State.PASSED if done else Module1State.NOT_PASSED,
                TaskCode.TEMIS_SELF: TemisState.DONE}
            person = Person(n * 10 + k, f"Người {n}-{k}", "", Role.TEACHER, 100 + n, Level.TH)
            staff.append(StaffMember(person, 100 + n, f"Trường TH Số {n} & <Ấp Đồng>", 2,
                                     "Huyện Hòa An", states))
    return build_report_bp(Scope("district", 2, "Huyện Hòa An"), staff)


def test_a_long_list_shows_fifteen_rows_and_counts_the_rest() -> None:
    text = render.text_table(synthetic_report(40), vi)
    table = re.findall(r"<pre>(.*?)</pre>", text, re.S)[-1]
    assert len(table.split("\n")) == 1 + 15
    assert text.endswith("… và 25 trường khác")
    assert "&amp; &lt;Ấp" in text and "<Ấp" not in text
    sixteen = render.text_table(synthetic_report(16), vi)
    assert len(re.findall(r"<pre>(.*?)</pre>", sixteen, re.S)[-1].split("\n")) == 1 + 16
    assert "trường khác" not in sixteen


def draw(report: Report, gettext: Gettext = vi) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render.chart_png(report, gettext)
    return png, [str(w.message) for w in caught]


async def test_the_chart_draws_every_vietnamese_glyph(progress_db: Database) -> None:
    for scope in await scopes(progress_db):
        report = build_report_bp(scope, await staff_in_scope(progress_db.reader, scope, BP))
        png, caught = draw(report)
        assert not [m for m in caught if "missing from" in m], caught
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and image.width == 800 and image.height > 100
        assert round(image.info["dpi"][0]) <= 150


def test_the_glyph_check_would_see_a_missing_glyph() -> None:
    """The control: DejaVu Sans has no Chinese characters, and the warning says so."""
    _png, caught = draw(synthetic_report(2), lambda message: "漢字")
    assert any("missing from" in m for m in caught)


def test_a_chart_of_a_hundred_schools_stays_small() -> None:
    report = synthetic_report(100)
    png, caught = draw(report)
    assert not [m for m in caught if "missing from" in m]
    assert len(png) < 300_000
    image = Image.open(io.BytesIO(png))
    assert image.width == 800 and image.height >= 100 * 20  # one readable bar per school


def test_the_file_formats_survive_no_people() -> None:
    empty = build_report_bp(Scope("school", 9, "Trường TH Trống"), [])
    assert empty.total == Completion("Trường TH Trống", 0, 0) and empty.total.percent == 0.0
    assert "Chưa có CBQL, GV" in render.text_table(empty, vi)
    assert draw(empty)[0].startswith(b"\x89PNG")
    sheet = load_workbook(io.BytesIO(render.phu_luc_5_xlsx(empty))).active
    assert sheet is not None and sheet.max_row == 3


states_strategy = st.fixed_dictionaries(
    {}, optional={t: st.sampled_from(states_for(t)) for t in TaskCode})
member_strategy = st.builds(
    lambda n, role, level, core, school, states: StaffMember(
        Person(n, f"P{n}", "", role, school, level, core), school, f"Trường {school}",
        school % 3 or None, f"Huyện {school % 3}" if school % 3 else None, states),
    st.integers(1, 10_000), st.sampled_from([Role.TEACHER, Role.PRINCIPAL, Role.VICE_PRINCIPAL]),
    st.sampled_from(list(Level)), st.booleans(), st.integers(1, 12), states_strategy)


@settings(max_examples=80, deadline=None)
@given(st.lists(member_strategy, max_size=60))
def test_percentages_are_bounded_and_groups_add_up(members: list[StaffMember]) -> None:
    report = build_report_bp(Scope("province", None, "Tỉnh"), members)
    total = report.total
    assert total.people == len(members)
    for groups in (report.by_level, report.by_district, report.by_school):
        assert sum(c.people for c in groups) == total.people
        assert sum(c.finished for c in groups) == total.finished
    for c in (total, *report.by_level, *report.by_district, *report.by_school, *report.by_task):
        assert 0 <= c.percent <= 100 and 0 <= c.finished <= c.people
    assert len(report.unfinished_rows()) == total.people - total.finished
    assert 0 <= report.core.approved <= report.core.items == 9 * report.core.people


def test_a_district_or_school_scope_needs_its_unit() -> None:
    with pytest.raises(ValueError):
        Scope("district", None, "Huyện Hòa An")
    assert Scope("province", None, PROVINCE).unit_id is None


def test_reports_import_no_telegram() -> None:
    package = Path(render.__file__).parent
    for path in [*package.glob("*.py"), package.parent / "storage" / "reports.py"]:
        assert not re.search(r"^\s*(from|import) telegram", path.read_text(), re.M), path


@pytest.mark.parametrize(("finished", "people", "shown"), [
    (1, 6, 17), (3, 8, 38), (1, 3, 33), (2, 3, 67), (1, 2, 50), (0, 7, 0), (7, 7, 100),
    (199, 200, 99), (1, 300, 1), (5, 6, 83),
])
def test_percentages_round_to_the_nearest_and_100_only_when_all_finished(
        finished: int, people: int, shown: int) -> None:
    assert render.percent_shown(finished, people) == shown


def test_the_chart_axis_stops_at_100_and_labels_round_correctly() -> None:
    report = synthetic_report(8, per_school=8)  # school n: n % 9 of 8 finished
    figure = render.chart_figure(report, vi)
    [axes] = figure.axes
    assert axes.get_xlim() == (0.0, 100.0)
    labels = {t.get_text() for t in axes.texts}
    assert {"1/8 (13%)", "3/8 (38%)", "7/8 (88%)"} <= labels
    six = render.chart_figure(synthetic_report(2, per_school=6), vi)
    assert "1/6 (17%)" in {t.get_text() for t in six.axes[0].texts}
    assert "1/6  17%" in render.text_table(synthetic_report(2, per_school=6), vi)
