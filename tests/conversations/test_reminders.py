"""Deadline reminders with a controlled clock: exactly who still misses something, once, by day."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
from contextlib import redirect_stdout

from bot.app import Services
from bot.cli import main as cli_main
from bot.offline import BotApiError, OfflineTelegram, SimulatedTimeout
from bot.sending import Account, OutboxRow, Rendered
from bot.services.reminders import ReminderKind, enqueue_due, plan
from bot.spreadsheets import read_table
from bot.storage.accounts import account_by_telegram_id, mark_blocked
from bot.storage.outbox import counts
from bot.storage.people import person_by_phone
from tests.conftest import FakeClock

HOA, KHOA, BINH = "0912000001", "0912000004", "0912000002"  # TH Kim Đồng teachers
LAN = "0912345678"  # its principal, CBQL cốt cán
PHUC, TUAN = "0904000001", "0903000001"
ALL_CORE_DONE = ",".join(["đã duyệt"] * 9)


async def link(telegram: OfflineTelegram, *phones: str) -> None:
    for phone in phones:
        await telegram.user(int(phone), phone=phone).share_contact()


async def import_status(services: Services, csv_text: str) -> None:
    from bot.services.imports import import_status as run_import

    report = await run_import(services.db, read_table(csv_text.encode(), "s.csv"), actor="test")
    assert report.ok, report.errors


HEADER = "Số điện thoại,KH MĐ2,KH MĐ3,KH MĐ4,KH MĐ5,KH MĐ9,BC MĐ2,BC MĐ3,BC MĐ4,BC MĐ5\n"


async def setup_core(telegram: OfflineTelegram, services: Services) -> None:
    await link(telegram, HOA, KHOA, BINH, LAN, PHUC, TUAN)
    await import_status(services, HEADER + f"{KHOA},{ALL_CORE_DONE}\n"
                        f"{HOA},GVSP đã duyệt,đã nộp,,,,,,,\n")


def reminders_to(telegram: OfflineTelegram, phone: str) -> list:
    return [m for m in telegram.api.messages_to(int(phone)) if "⏰" in m.text]


async def run_at(services: Services, clock: FakeClock, local: dt.datetime) -> int:
    clock.set_local(local)
    queued = await enqueue_due(services.db, services.local_now(), services.rules)
    await services.outbox.drain()
    return queued


async def test_at_07_30_two_weeks_ahead_exactly_the_right_people_are_reminded(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 14, 7, 30))
    planned = await plan(services.db, services.local_now(), services.rules)
    ids = {(await person_by_phone(services.db.reader, p)).id: p for p in (HOA, LAN, KHOA)}
    got = {(ids.get(p.person_id), p.kind) for p in planned}
    assert got == {(HOA, ReminderKind.OWN), (LAN, ReminderKind.OWN),
                   (LAN, ReminderKind.APPROVER)}

    await run_at(services, clock, dt.datetime(2027, 2, 14, 7, 30))
    [hoa] = reminders_to(telegram, HOA)
    assert "Chủ nhật, 28/02/2027" in hoa.text and "còn 14 ngày" in hoa.text
    assert "Kế hoạch hỗ trợ đồng nghiệp mô đun 3" in hoa.text
    assert "✏️ KH MĐ3" in hoa.button_texts  # update the item in one tap
    [_lan_own, lan_approver] = sorted(reminders_to(telegram, LAN), key=lambda m: "chờ" in m.text)
    assert "1 hồ sơ" in lan_approver.text and "Xem hồ sơ chờ duyệt" in \
        lan_approver.button_texts[0]
    for done_or_not_core in (KHOA, BINH, PHUC, TUAN):
        assert reminders_to(telegram, done_or_not_core) == []

    # A second planning the same day (a restart, the daily job) queues nothing new.
    assert await run_at(services, clock, dt.datetime(2027, 2, 14, 8, 0)) == 0
    assert len(reminders_to(telegram, HOA)) == 1

    # Pressing the button in the reminder opens the item.
    hoa_user = telegram.user(int(HOA), phone=HOA)
    [options] = await hoa_user.press("KH MĐ3", hoa)
    assert "Chọn trạng thái mới" in options.text


async def test_nothing_is_sent_at_23_00(telegram: OfflineTelegram, services: Services,
                                        clock: FakeClock) -> None:
    await setup_core(telegram, services)
    assert await run_at(services, clock, dt.datetime(2027, 2, 14, 23, 0)) == 0
    assert reminders_to(telegram, HOA) == []
    # Queued in the evening, held through the night, sent in the morning.
    clock.set_local(dt.datetime(2027, 2, 14, 20, 59))
    await enqueue_due(services.db, services.local_now(), services.rules)
    clock.set_local(dt.datetime(2027, 2, 14, 23, 0))
    report = await services.outbox.drain()
    assert report.sent == 0 and reminders_to(telegram, HOA) == []
    clock.set_local(dt.datetime(2027, 2, 15, 7, 5))
    await services.outbox.drain()
    assert len(reminders_to(telegram, HOA)) == 1


async def test_finished_at_07_29_is_not_reminded_at_07_30(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 27, 7, 30))
    await enqueue_due(services.db, services.local_now(), services.rules)
    await import_status(services, HEADER + f"{HOA},{ALL_CORE_DONE}\n")
    await services.outbox.drain()
    assert reminders_to(telegram, HOA) == []
    [lan_own] = reminders_to(telegram, LAN)  # Lan's approval reminder went: nothing waits now
    assert "chờ" not in lan_own.text and "ngày mai là hạn chót" in lan_own.text


async def test_the_30_3_deadline_reminds_staff_and_summarises_for_principal_and_phong(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await link(telegram, HOA, BINH, LAN, PHUC, "0904000002")
    await import_status(services, "Số điện thoại,Mô đun 1,TEMIS tự đánh giá\n"
                        f"{HOA},đạt,đã hoàn thành\n{BINH},đạt,chưa\n")
    await run_at(services, clock, dt.datetime(2027, 3, 30, 7, 30))
    assert reminders_to(telegram, HOA) == []
    [binh] = reminders_to(telegram, BINH)
    assert "Thứ ba, 30/03/2027" in binh.text and "hôm nay là hạn chót" in binh.text
    assert "Tự đánh giá trên TEMIS" in binh.text and "Mô đun 1" not in binh.text
    lan = reminders_to(telegram, LAN)
    assert any("Trường TH Kim Đồng: 5 người" in m.text for m in lan)  # 6 staff, Hoa done
    [phuc] = reminders_to(telegram, PHUC)
    assert "Huyện Hòa An" in phuc.text and "Trường THCS Lê Lợi: 4" in phuc.text


async def test_a_restart_halfway_sends_the_other_half_only(
        services: Services, clock: FakeClock, telegram: OfflineTelegram) -> None:
    people = await _many_core_teachers(services, 200)
    clock.set_local(dt.datetime(2027, 2, 21, 7, 30))
    assert await enqueue_due(services.db, services.local_now(), services.rules) == 200
    first = await services.outbox.drain(max_messages=100)  # then the process dies
    assert first.sent == 100

    restarted = Services(settings=services.settings, db=services.db, clock=clock,
                         limits=services.limits)
    restarted.outbox.bot = telegram.application.bot
    restarted.outbox.renderers = services.outbox.renderers
    await restarted.outbox.recover()
    second = await restarted.outbox.drain()
    assert second.sent == 100
    per_chat = {chat: len([m for m in telegram.api.messages_to(chat) if "⏰" in m.text])
                for chat in people}
    assert set(per_chat.values()) == {1}


async def test_a_crash_after_telegram_accepted_resends_only_the_message_in_flight(
        services: Services, clock: FakeClock, telegram: OfflineTelegram) -> None:
    people = await _many_core_teachers(services, 10)
    clock.set_local(dt.datetime(2027, 2, 21, 7, 30))
    await enqueue_due(services.db, services.local_now(), services.rules)
    async with services.db.transaction() as tx:  # claimed, sent, not recorded: then a crash
        from bot.storage.outbox import claim

        [row] = await claim(tx, 1, services.clock())
    await services.outbox.recover()
    await services.outbox.drain()
    received = sorted(len([m for m in telegram.api.messages_to(c) if "⏰" in m.text])
                      for c in people)
    assert received == [1] * 10  # nothing was lost; the uncertain one went (again) too
    assert row.person_id


async def test_blocked_and_unlinked_users_are_skipped_and_marked(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    telegram.api.blocked_chats.add(int(HOA))
    await telegram.user(int(LAN), phone=LAN).send("/xoadulieu")
    await telegram.user(int(LAN), phone=LAN).press("Xoá")
    await run_at(services, clock, dt.datetime(2027, 2, 21, 7, 30))
    assert reminders_to(telegram, HOA) == [] and reminders_to(telegram, LAN) == []
    account = await account_by_telegram_id(services.db.reader, int(HOA))
    assert account is not None and account.blocked
    assert (await counts(services.db.reader)).get("blocked") == 1
    # Marked inactive: the next reminder day does not even plan for them.
    clock.set_local(dt.datetime(2027, 2, 25, 7, 30))
    planned = await plan(services.db, services.local_now(), services.rules)
    hoa_id = (await person_by_phone(services.db.reader, HOA)).id
    assert all(p.person_id != hoa_id for p in planned)


async def test_telegram_429_500_and_timeouts_are_retried_without_duplicates(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    telegram.api.faults[int(HOA)] = [
        BotApiError(429, "Too Many Requests: retry after 1", retry_after=1),
        BotApiError(500, "Internal Server Error"),
    ]
    telegram.api.faults[int(LAN)] = [SimulatedTimeout()]
    report = await _drain_at(services, clock, dt.datetime(2027, 2, 21, 7, 30))
    assert report.retry_after == 1 and report.retried == 2
    clock.now += dt.timedelta(minutes=1)  # the backoff has passed
    await services.outbox.drain()
    assert len(reminders_to(telegram, HOA)) == 1
    assert len(reminders_to(telegram, LAN)) == 2  # own and approver, once each


async def test_muted_users_still_get_the_last_days(telegram: OfflineTelegram,
                                                  services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    hoa = telegram.user(int(HOA), phone=HOA)
    [setting] = await hoa.send("/nhacnho")
    await hoa.press(1, setting)
    await run_at(services, clock, dt.datetime(2027, 2, 21, 7, 30))
    assert reminders_to(telegram, HOA) == []
    await run_at(services, clock, dt.datetime(2027, 2, 27, 7, 30))
    assert len(reminders_to(telegram, HOA)) == 1


async def test_an_edited_deadline_drops_the_stale_reminders(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 21, 7, 30))
    await enqueue_due(services.db, services.local_now(), services.rules)
    admin = telegram.user(999)
    [edited] = await admin.send("/hanchot ngay 1 15/3")
    assert "cập nhật" in edited.text
    await services.outbox.drain()
    assert reminders_to(telegram, HOA) == []  # planned for 28/2, which no longer holds


async def test_deadline_admin_and_bad_dates(telegram: OfflineTelegram) -> None:
    admin = telegram.user(999)
    [listing] = await admin.send("/hanchot")
    assert "#1" in listing.text and "28/02" in listing.text and "30/03" in listing.text
    [bad] = await admin.send("/hanchot them 29/2/2027 | Ngày không có | staff")
    assert "không phải là ngày" in bad.text
    [past] = await admin.send("/hanchot them 1/1/2020 | Đã qua | staff")
    assert "đã qua" in past.text
    [ok] = await admin.send("/hanchot them 29/2 | Hạn năm nhuận | staff")
    assert "Đã thêm hạn chót #3" in ok.text
    teacher = telegram.user(int(BINH), phone=BINH)
    await teacher.share_contact()
    [refused] = await teacher.send("/hanchot ngay 1 1/4")
    assert "không dành cho vai trò" in refused.text


async def test_the_dry_run_and_the_real_run_agree(
        telegram: OfflineTelegram, services: Services, clock: FakeClock, monkeypatch) -> None:
    await setup_core(telegram, services)
    monkeypatch.setenv("TROLY_DB_PATH", str(services.settings.db_path))
    out = io.StringIO()
    with redirect_stdout(out):
        code = await asyncio.to_thread(cli_main, ["reminders", "plan", "--at",
                                                  "2027-02-14 07:30"])
    assert code == 0
    dry = out.getvalue()
    assert "3 lời nhắc lúc" in dry and "Nguyễn Thị Hoa" in dry and "Khoa" not in dry

    await run_at(services, clock, dt.datetime(2027, 2, 14, 7, 30))
    async with services.db.reader.execute(
            "SELECT p.full_name, o.payload FROM outbox o JOIN people p ON p.id = o.person_id "
            "WHERE o.status = 'sent' AND o.kind = 'reminder'") as cur:
        sent = {(name, json.loads(payload)["kind"]) for name, payload in await cur.fetchall()}
    planned = set()
    for line in dry.splitlines():
        if " −" in line:
            _date, _offset, kind, rest = line.split(None, 3)
            planned.add((rest.split(":")[0], kind))
    assert sent == planned


async def _drain_at(services: Services, clock: FakeClock, local: dt.datetime):  # type: ignore[no-untyped-def]
    clock.set_local(local)
    await enqueue_due(services.db, services.local_now(), services.rules)
    return await services.outbox.drain()


async def _many_core_teachers(services: Services, n: int) -> list[int]:
    """n GV cốt cán of one school, each with a linked Telegram account (chat id = 5000 + i)."""
    rows = "Họ và tên,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện,Cốt cán\n" + "".join(
        f"GV Cốt Cán {i},0977{i:06d},Giáo viên,TH,Trường TH Đông Đúc,Huyện Hòa An,x\n"
        for i in range(n))
    from bot.services.imports import import_roster
    from bot.storage.accounts import link

    assert (await import_roster(services.db, read_table(rows.encode(), "r.csv"),
                                actor="test")).ok
    chats = []
    async with services.db.transaction() as tx:
        for i in range(n):
            person = await person_by_phone(tx, f"0977{i:06d}")
            await link(tx, 5000 + i, person.id)
            chats.append(5000 + i)
    return chats




async def test_a_database_locked_for_a_moment_only_delays_the_sending(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    import sqlite3
    import threading
    import time

    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 21, 7, 30))
    await enqueue_due(services.db, services.local_now(), services.rules)
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:  # another process (say, an import) writing for 1.5 s
        conn = sqlite3.connect(services.settings.db_path)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(5)
        time.sleep(1.5)
        conn.rollback()
        conn.close()

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    await asyncio.to_thread(locked.wait, 5)
    release.set()
    report = await services.outbox.drain()
    thread.join()
    assert report.sent == 3 and report.failed == 0
    assert len(reminders_to(telegram, HOA)) == 1


async def test_one_deadline_reminds_on_each_of_its_five_days_exactly_once(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    """28/2: 14, 7, 3 and 1 days before, and the morning of the day; nothing in between, and a
    second planning the same day (a restart) adds nothing (issue 13, item 9)."""
    await setup_core(telegram, services)
    deadline = dt.date(2027, 2, 28)
    seen: list[str] = []
    for days_before in range(15, -1, -1):
        day = deadline - dt.timedelta(days=days_before)
        for hour, minute in ((7, 30), (8, 0), (16, 0)):
            await run_at(services, clock, dt.datetime(day.year, day.month, day.day, hour, minute))
        sent = reminders_to(telegram, HOA)
        new = sent[len(seen):]
        assert len(new) == (1 if days_before in (14, 7, 3, 1, 0) else 0), days_before
        seen += [m.text for m in new]
    assert len(seen) == 5 and len(set(seen)) == 5
    assert "còn 14 ngày" in seen[0] and "còn 7 ngày" in seen[1] and "còn 3 ngày" in seen[2]
    assert "ngày mai là hạn chót" in seen[3]


async def test_a_drain_that_runs_past_21_00_holds_the_rest_until_07_00(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    """Claimed at 20:59:50, the reminders reach their turn after 21:00: checked again as each
    goes, they wait for the morning instead of waking people."""
    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 21, 20, 59, 50))
    assert await enqueue_due(services.db, services.local_now(), services.rules) == 3
    render = services.outbox.renderers["reminder"]

    async def slow_render(row: OutboxRow, account: Account) -> Rendered | None:
        clock.set_local(dt.datetime(2027, 2, 21, 21, 0, 5))  # the drain crossed 21:00
        return await render(row, account)

    services.outbox.renderers["reminder"] = slow_render
    report = await services.outbox.drain()
    assert report.deferred == 3 and report.sent == 0
    assert reminders_to(telegram, HOA) == [] and reminders_to(telegram, LAN) == []
    services.outbox.renderers["reminder"] = render
    clock.set_local(dt.datetime(2027, 2, 22, 6, 59))
    assert (await services.outbox.drain()).sent == 0
    clock.set_local(dt.datetime(2027, 2, 22, 7, 0))
    assert (await services.outbox.drain()).sent == 3
    assert len(reminders_to(telegram, HOA)) == 1 and len(reminders_to(telegram, LAN)) == 2


async def test_messages_queued_before_a_user_blocked_the_bot_are_not_tried(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    await setup_core(telegram, services)
    clock.set_local(dt.datetime(2027, 2, 21, 7, 30))
    await enqueue_due(services.db, services.local_now(), services.rules)
    async with services.db.transaction() as tx:  # an earlier message found the bot blocked
        await mark_blocked(tx, int(HOA))
    before = len(telegram.api.calls)
    report = await services.outbox.drain()
    assert report.skipped == 1 and report.sent == 2
    assert not [p for name, p in telegram.api.calls[before:]
                if name == "sendMessage" and int(p["chat_id"]) == int(HOA)]
    [(error,)] = await services.db.reader.execute_fetchall(
        "SELECT error FROM outbox WHERE status = 'skipped'")
    assert error == "blocked"
