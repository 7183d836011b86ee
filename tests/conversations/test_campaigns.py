"""Campaign files as a Sở lives them (issue 11): load TP.HCM's on a fresh database and work with
it end to end, load Bình Phước back, refuse a broken file, move a deadline and ask about it,
and a Hà Nội teacher's checklist with the three criteria of each module."""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from bot import cli
from bot.campaigns import bundled_text
from bot.config import Settings
from bot.offline import OfflineTelegram, SimulatedUser
from bot.services import campaigns as campaign_service
from bot.storage import Database
from tests.conversations.test_tasks_and_approvals import HOA, LAN, signed_in, state_of
from tests.default_campaign import TaskCode

BINH, THU, KHOA = "0912000002", "0912000003", "0912000004"  # teachers of TH Kim Đồng


@pytest.fixture
def cli_env(settings: Settings) -> Iterator[None]:
    """The command line on the test's database, as a Sở officer runs it beside the bot."""
    saved = dict(os.environ)
    os.environ["TROLY_DB_PATH"] = str(settings.db_path)
    os.environ.pop("TROLY_PROVINCE", None)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


async def troly(*argv: str) -> tuple[int, str, str]:
    """``troly ARGV`` in a thread (it runs its own event loop): exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        with redirect_stdout(out), redirect_stderr(err):
            return cli.main(list(argv))

    code = await asyncio.to_thread(run)
    return code, out.getvalue(), err.getvalue()


async def test_tphcm_campaign_end_to_end_then_binh_phuoc_back(
        telegram: OfflineTelegram, demo_db: Database, cli_env: None, tmp_path: Path) -> None:
    # A Bình Phước status recorded before the switch.
    hoa = await signed_in(telegram, HOA)
    status = tmp_path / "bp.csv"
    status.write_text(f"Số điện thoại,Mô đun 1\n{HOA},đạt\n", encoding="utf-8")
    assert (await troly("import-status", str(status)))[0] == 0

    code, out, _err = await troly("campaign", "load", "tphcm")
    assert code == 0 and "Đã nạp" in out and "module1" in out  # retired (archived)

    # Status import with TP.HCM's own headers.
    status.write_text("Số điện thoại,TEMIS nhập đánh giá chuẩn,Khảo sát nhu cầu BDTX\n"
                      f"{BINH},đã hoàn thành,đã hoàn thành\n{THU},chưa,\n", encoding="utf-8")
    code, out, err = await troly("import-status", str(status))
    assert code == 0, err

    # /tiendo shows TP.HCM's tasks, not Bình Phước's.
    [checklist] = await hoa.send("/tiendo")
    assert "Nhập kết quả đánh giá chuẩn năm học 2019–2020 trên TEMIS" in checklist.text
    assert "Mô đun 1" not in checklist.text and "KH MĐ2" not in checklist.button_texts

    # Reminders of 07/12/2020 (7 days before 14/12): exactly the signed-up people still
    # missing the TEMIS entry. Bình signed up but has finished; Khoa has not signed up.
    thu = await signed_in(telegram, THU)
    binh = await signed_in(telegram, BINH)
    assert thu and binh
    code, out, err = await troly("reminders", "plan", "--at", "2020-12-07 07:30")
    assert code == 0, err
    own = {line.rsplit(":", 1)[0].split("own", 1)[1].strip()
           for line in out.splitlines() if " own " in line}
    assert own == {"Nguyễn Thị Hoa", "Vũ Thị Thu"}
    assert "TEMIS nhập đánh giá chuẩn" in out

    # /baocao for the principal lists TP.HCM's tasks.
    lan = await signed_in(telegram, LAN)
    [table, *_rest] = await lan.send("/baocao")
    assert "TEMIS nhập đánh g" in table.text and "Khảo sát nhu cầu" in table.text
    assert "Mô đun 1" not in table.text

    # Bình Phước back: the earlier status is there again.
    code, out, _err = await troly("campaign", "load", "binh_phuoc")
    assert code == 0 and "temis_entry" in out
    assert await state_of(demo_db, HOA, TaskCode.MODULE1) is not None
    [checklist] = await hoa.send("/tiendo")
    assert "✅ Mô đun 1: đạt" in checklist.text

    async with demo_db.reader.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.load'") as cur:
        assert tuple(await cur.fetchone() or ()) == (2,)


BROKEN = """\
campaign: broken
name: "Tệp có lỗi"
province: binh_phuoc
letters:
  - {key: l1, issuer: "Sở GD&ĐT Bình Phước", date: "02/2022"}
tasks:
  - code: a1
    header: "Mô đun 1"
    label: "Mô đun 1"
    who: {roles: [gv, hieutruong]}
    kind: pass
    source: {letter: l1}
  - code: a2
    header: "mo dun 1"
    label: "Trùng tên cột"
    kind: done
    source: {letter: l1}
  - code: kh2
    header: "KH MĐ2"
    label: "Kế hoạch"
    kind: review
    source: {letter: l1}
prerequisites:
  gate: "học tiếp"
  source: {letter: l1}
  requires:
    - {task: a1}
    - {task: a9}
deadlines:
  - key: d1
    title: "Hạn"
    date: "31/02"
    tasks: [a1]
    source: {letter: l1}
"""


async def test_a_file_with_errors_is_refused_by_line_and_changes_nothing(
        demo_db: Database, cli_env: None, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    async with demo_db.reader.execute("SELECT COUNT(*) FROM campaigns") as cur:
        before = tuple(await cur.fetchone() or ())
    deadlines_before = await demo_db.reader.execute_fetchall("SELECT * FROM deadlines")
    for action in ("check", "load"):
        code, _out, err = await troly("campaign", action, str(path))
        assert code == 2
        assert "dòng 10: Không có chức vụ “hieutruong”" in err  # unknown role
        assert "dòng 14: Tên cột “mo dun 1” đã có ở dòng 8" in err  # duplicate header
        assert "dòng 18: Việc duyệt “kh2” chưa có người duyệt" in err  # review, no approver
        assert "dòng 28: Điều kiện ghi “a9”" in err  # prerequisite naming a missing task
        assert "dòng 32: 31/02 không phải là ngày có thật" in err  # deadline on 31/2
        assert "không có gì thay đổi" in err
    async with demo_db.reader.execute("SELECT COUNT(*) FROM campaigns") as cur:
        assert tuple(await cur.fetchone() or ()) == before
    assert await demo_db.reader.execute_fetchall("SELECT * FROM deadlines") == deadlines_before
    assert (await campaign_service.current(demo_db)).key == "binh_phuoc"


async def test_a_moved_deadline_is_what_troly_ask_answers(demo_db: Database,
                                                          cli_env: None) -> None:
    question = "hạn duyệt kế hoạch cốt cán là ngày nào"
    code, out, _err = await troly("ask", question)
    assert code == 0 and "28/02/20" in out
    code, out, _err = await troly("deadlines", "edit", "1", "--date", "15/3")
    assert code == 0
    code, out, _err = await troly("ask", question)
    assert code == 0 and "15/03/20" in out and "28/02/20" not in out.split("Nguồn")[0]
    assert "Công văn của Sở GD&ĐT Bình Phước, tháng 02/2022" in out
    assert "Công văn 001" not in out and "/SGDDĐT" not in out


async def test_the_bot_answers_the_deadline_the_sở_set(telegram: OfflineTelegram,
                                                      demo_db: Database) -> None:
    admin = telegram.user(999)
    await admin.send("/hanchot ngay 1 15/3")
    asker = telegram.user(4242)
    [answer] = await asker.send("hạn duyệt kế hoạch cốt cán là ngày nào?")
    assert "15/03/2027" in answer.text and "Thứ hai" in answer.text
    [answer] = await asker.send("hạn chót năm nay là ngày nào")
    assert "15/03/2027" in answer.text and "30/03/2027" in answer.text
    assert "2020" not in answer.text.split("Nguồn")[0]


async def hanoi_teacher(telegram: OfflineTelegram, demo_db: Database) -> SimulatedUser:
    result = await campaign_service.load(demo_db, bundled_text("ha_noi"), actor="test")
    assert result.ok
    return await signed_in(telegram, BINH)


async def test_hanoi_teacher_sees_modules_with_three_criteria(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    binh = await hanoi_teacher(telegram, demo_db)
    [checklist] = await binh.send("/tiendo")
    for n in (1, 2, 3, 4, 5, 9):
        assert f"Mô-đun {n} (GV)" in checklist.text
    assert "CBQL" not in checklist.text  # a teacher has the teachers' modules only
    assert checklist.text.count("Tự học qua mạng: hệ thống chấm đạt: chưa ghi nhận") == 6
    assert "Cốt cán phụ trách nhóm đánh giá đạt" in checklist.text
    assert "Cơ sở bồi dưỡng đánh giá đạt" in checklist.text

    [verdict] = await binh.send("/dieukien")
    assert verdict.text.startswith("❔ Chưa xác định")
    assert "❔ Mô-đun 9 (GV)" in verdict.text and "CBQL" not in verdict.text

    # Two criteria of module 1 passed: still not done, and /dieukien says so the same way.
    await binh.send("/tiendo")
    await binh.press("GV MĐ1")
    await binh.press("Tự học qua mạng: hệ thống chấm đạt: đạt")
    await binh.send("/tiendo")
    await binh.press("GV MĐ1")
    [updated] = await binh.press("Cốt cán phụ trách nhóm đánh giá đạt: đạt")
    assert "2/3 tiêu chí đạt" in updated.text
    [checklist] = await binh.send("/tiendo")
    assert "⏳ Mô-đun 1 (GV)" in checklist.text
    [verdict] = await binh.send("/dieukien")
    assert "⏳ Mô-đun 1 (GV): Hướng dẫn thực hiện Chương trình GDPT 2018: 2/3 tiêu chí đạt" \
        in verdict.text


async def test_hanoi_verdict_follows_the_criteria(telegram: OfflineTelegram,
                                                  demo_db: Database, tmp_path: Path) -> None:
    from bot.services.imports import import_status
    from bot.spreadsheets import read_table

    binh = await hanoi_teacher(telegram, demo_db)
    headers = ["GV MĐ1", "GV MĐ2", "GV MĐ3", "GV MĐ4", "GV MĐ5", "GV MĐ9"]
    sheet = "Số điện thoại," + ",".join(headers) + "\n" + BINH + ",đạt" * 5 + ",chưa đạt\n"
    report = await import_status(demo_db, read_table(sheet.encode(), "s.csv"), actor="test")
    assert report.ok, report.errors
    [verdict] = await binh.send("/dieukien")
    assert verdict.text.startswith("❌") and "❌ Mô-đun 9 (GV)" in verdict.text

    sheet = "Số điện thoại,GV MĐ9\n" + BINH + ",đạt\n"
    assert (await import_status(demo_db, read_table(sheet.encode(), "s.csv"),
                                actor="test")).ok
    [verdict] = await binh.send("/dieukien")
    assert verdict.text.startswith("✅")
    assert "công nhận hoàn thành các mô-đun năm 2022" in verdict.text


async def test_tiendo_and_dieukien_use_the_same_words(telegram: OfflineTelegram,
                                                      demo_db: Database) -> None:
    """Issue 14, item 4: one source of truth, the same words for "not recorded" and "not done"."""
    from bot.services.imports import import_status
    from bot.spreadsheets import read_table

    binh = await signed_in(telegram, BINH)
    [checklist] = await binh.send("/tiendo")
    [verdict] = await binh.send("/dieukien")
    for text in (checklist.text, verdict.text):
        assert "❔ Mô đun 1: chưa ghi nhận" in text
        assert "❔ Tự đánh giá trên TEMIS (có minh chứng): chưa ghi nhận" in text
    sheet = f"Số điện thoại,TEMIS tự đánh giá\n{BINH},chưa\n"
    assert (await import_status(demo_db, read_table(sheet.encode(), "s.csv"), actor="t")).ok
    [checklist] = await binh.send("/tiendo")
    [verdict] = await binh.send("/dieukien")
    for text in (checklist.text, verdict.text):
        assert "❌ Tự đánh giá trên TEMIS (có minh chứng): chưa\n" in text + "\n"
    lan = await signed_in(telegram, LAN)
    [school] = await lan.send("/truong")
    assert "chưa xong hoặc chưa ghi nhận" in school.text


async def test_an_admin_sends_a_campaign_file_previews_and_confirms(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(999)
    [refused] = await admin.send_document("loi.yaml", BROKEN.encode())
    assert "dòng 10" in refused.text and "không có gì thay đổi" in refused.text
    assert (await campaign_service.current(demo_db)).key == "binh_phuoc"

    [preview] = await admin.send_document("tphcm.yaml", bundled_text("tphcm").encode())
    assert "TEMIS nhập đánh giá chuẩn" in preview.text and "Mô đun 1" in preview.text
    assert "Số người có danh sách việc thay đổi: 19" in preview.text  # all school staff
    assert (await campaign_service.current(demo_db)).key == "binh_phuoc"  # not yet
    [done] = await admin.press("✅ Nạp đợt này")
    assert "Đã nạp" in done.text
    assert (await campaign_service.current(demo_db)).key == "tphcm_2020"

    teacher = await signed_in(telegram, BINH)  # a teacher may not load a campaign
    [no] = await teacher.send_document("bp.yaml", bundled_text("binh_phuoc").encode())
    assert "Nạp đợt này" not in " ".join(no.button_texts) and "TP.HCM" not in no.text
    assert (await campaign_service.current(demo_db)).key == "tphcm_2020"


async def test_a_fresh_hanoi_deployment_starts_on_hanoi_tasks(
        settings: Settings, demo_db: Database, clock: object) -> None:
    """TROLY_PROVINCE=ha_noi on a database that never ran a campaign: the first start adopts
    Hà Nội's file (audited); a campaign the Sở loads afterwards is never replaced."""
    from dataclasses import replace

    from bot.app import Services, offline_telegram
    from bot.pacing import RateLimits, SimulatedClock

    hanoi = replace(settings, province="ha_noi")
    services = Services(settings=hanoi, db=demo_db, clock=clock,  # type: ignore[arg-type]
                        limits=RateLimits(clock=SimulatedClock()))
    telegram = await offline_telegram(services)
    try:
        binh = await signed_in(telegram, BINH)
        [checklist] = await binh.send("/tiendo")
        assert "Mô-đun 9 (GV)" in checklist.text
        async with demo_db.reader.execute(
                "SELECT COUNT(*) FROM audit_log WHERE actor = 'province:ha_noi'") as cur:
            assert (await cur.fetchone())[0] >= 1  # type: ignore[index]
    finally:
        await telegram.application.shutdown()

    assert (await campaign_service.load(demo_db, bundled_text("tphcm"), actor="test")).ok
    assert not await campaign_service.settle_province(demo_db, "ha_noi")
    assert "TEMIS" in " ".join(t.header for t in (await campaign_service.current(demo_db)).tasks)


async def test_a_campaign_file_in_utf16_or_nested_too_deep_gets_one_clear_line(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(999)
    [utf16] = await admin.send_document("kh.yaml", bundled_text("tphcm").encode("utf-16"))
    assert "kh.yaml đang lưu dạng UTF-16" in utf16.text and "UTF-8" in utf16.text
    [deep] = await admin.send_document("sau.yaml", b"[" * 100_000 + b"]" * 100_000)
    assert "lồng nhau sâu hơn 32 cấp" in deep.text and "không có gì thay đổi" in deep.text
    assert "không lường trước" not in deep.text
    assert (await campaign_service.current(demo_db)).key == "binh_phuoc"
