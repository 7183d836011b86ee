"""Announcements reach exactly their audience, once, even across a restart (issue: broadcasts)."""

from __future__ import annotations

import datetime as dt

from bot.app import Services
from bot.domain.audience import Audience, SenderScope
from bot.domain.people import Level, Role, UnitKind
from bot.offline import OfflineTelegram, SimulatedUser
from bot.services import broadcasts as service
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.accounts import link
from bot.storage.people import person_by_phone, units_of_kind
from tests.conftest import ADMIN_ID

PHUC = "0904000001"  # Phòng Hòa An
KIM = "0914000001"  # principal, TH Võ Thị Sáu (Thành phố Sông Lam)
FROM_ADMIN = "📢 Thông báo của <b>Sở GD&amp;ĐT tỉnh Bình Phước (demo)</b> · Quản trị viên\n\n"
TH_TEACHERS = ["0912000001", "0912000002", "0912000003", "0912000004", "0914000002",
               "0914000003"]
OTHERS = ["0913000002", "0915000003", "0912345678"]


async def linked(telegram: OfflineTelegram, *phones: str) -> list[SimulatedUser]:
    users = []
    for phone in phones:
        user = telegram.user(int(phone), phone=phone)
        await user.share_contact()
        users.append(user)
    return users


def announcements_to(telegram: OfflineTelegram, phone: str, marker: str) -> int:
    return sum(1 for m in telegram.api.messages_to(int(phone)) if marker in m.body)


async def test_the_so_sends_to_primary_teachers_only_with_progress_and_report(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await linked(telegram, *TH_TEACHERS, *OTHERS)
    admin = telegram.user(ADMIN_ID)
    [ask] = await admin.send("/thongbao")
    assert "gửi nội dung" in ask.text.lower()
    [menu] = await admin.send("<b>Thông báo</b>: hạn chót mô đun 1 là 30/3.")
    assert "9 người sẽ nhận" in menu.text
    [menu] = await admin.press("TH", menu)
    [menu] = await admin.press("Giáo viên", menu)
    assert "6 người sẽ nhận" in menu.text
    replies = await admin.press("Xem trước", menu)
    assert any("hạn chót mô đun 1" in m.text for m in replies)
    assert sum(announcements_to(telegram, p, "hạn chót mô đun 1") for p in TH_TEACHERS) == 0

    replies = await admin.press("Gửi", menu)
    for phone in TH_TEACHERS:
        assert announcements_to(telegram, phone, "hạn chót mô đun 1 là 30/3") == 1
    for phone in OTHERS:
        assert announcements_to(telegram, phone, "hạn chót mô đun 1") == 0
    progress = [m for m in telegram.api.messages_to(ADMIN_ID) if "Thông báo #" in m.text]
    assert any("6/6" in m.text and m.edits for m in progress)
    assert any("đã gửi xong" in m.text.lower() and "6 người nhận" in m.text for m in progress)
    async with demo_db.reader.execute(
            "SELECT actor, detail FROM audit_log WHERE action = 'broadcast.queue'") as cur:
        [(actor, detail)] = await cur.fetchall()
    assert actor == f"tg:{ADMIN_ID}" and '"recipients": 6' in detail

    [again] = await admin.press("Gửi", menu)  # a replayed press
    assert "đã được gửi" in again.text
    assert announcements_to(telegram, TH_TEACHERS[0], "hạn chót mô đun 1 là 30/3") == 1


async def test_a_phong_officer_cannot_target_another_district(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    [phuc] = await linked(telegram, PHUC)
    await phuc.send("/thongbao")
    [menu] = await phuc.send("Họp cốt cán chiều thứ sáu.")
    [units] = await phuc.press("Đơn vị", menu)
    assert all("Võ Thị Sáu" not in t for t in units.button_texts)
    assert any("Kim Đồng" in t for t in units.button_texts)
    other = next(u for u in await units_of_kind(demo_db.reader, UnitKind.PHONG)
                 if u.name == "Thành phố Sông Lam")
    draft_id = menu.buttons[0]["callback_data"].split(":")[1]
    [refused] = await phuc.press_data(f"bc:{draft_id}:un:{other.id}", menu)
    assert "trong phạm vi đơn vị của mình" in refused.text
    admin = telegram.user(ADMIN_ID)
    [own] = await admin.send("/help")  # a forged press arrives on one of the presser's messages
    [forged] = await admin.press_data(f"bc:{draft_id}:send", own)
    assert "không phải của Thầy/Cô" in forged.text


async def test_teachers_cannot_announce_and_principals_stay_in_their_school(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    [teacher, kim] = await linked(telegram, TH_TEACHERS[1], KIM)
    [refused] = await teacher.send("/thongbao")
    assert "không dành cho vai trò" in refused.text
    await kim.send("/thongbao")
    [menu] = await kim.send("Họp hội đồng sư phạm.")
    assert not any("Đơn vị" in t for t in menu.button_texts)
    kim_dong = next(u for u in await units_of_kind(demo_db.reader, UnitKind.SCHOOL)
                    if u.name == "Trường TH Kim Đồng")
    draft_id = menu.buttons[0]["callback_data"].split(":")[1]
    [forged] = await kim.press_data(f"bc:{draft_id}:un:{kim_dong.id}", menu)
    assert "trong phạm vi đơn vị của mình" in forged.text


async def test_bad_announcements_are_refused_with_a_clear_message(
        telegram: OfflineTelegram) -> None:
    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    [too_long] = await admin.send("x" * 5000)
    assert "5000 ký tự" in too_long.text and "3936" in too_long.text  # 4096 less the header
    await admin.send("/thongbao")
    big = {"file_id": "big", "file_unique_id": "ubig", "file_name": "congvan.pdf",
           "file_size": 60 * 1024 * 1024}
    [too_big] = await admin.send_raw(document=big, caption="Công văn")
    assert "60 MB" in too_big.text and "20 MB" in too_big.text
    await admin.send("/thongbao")
    [empty] = await admin.send_raw(document={**big, "file_size": 1000})
    assert "trống" in empty.text
    await admin.send("/thongbao")
    [menu] = await admin.send("Thông báo cho GDTX")
    [menu] = await admin.press("GDTX", menu)
    assert "0 người sẽ nhận" in menu.text
    [nobody] = await admin.press("Gửi", menu)
    assert "không có ai" in nobody.text.lower()


async def test_a_pdf_goes_out_as_a_document_with_its_caption(
        telegram: OfflineTelegram) -> None:
    [teacher] = await linked(telegram, TH_TEACHERS[0])
    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    pdf = {"file_id": "letter-1", "file_unique_id": "u1", "file_name": "cv.pdf",
           "file_size": 200_000}
    [menu] = await admin.send_raw(document=pdf, caption="Công văn số 12")
    await admin.press("Gửi", menu)
    [received] = [m for m in telegram.api.messages_to(teacher.user_id) if m.kind == "document"]
    assert received.caption == FROM_ADMIN + "Công văn số 12" and received.filename == "letter-1"


async def _many_teachers(db: Database, n: int) -> list[int]:
    from bot.services.imports import import_roster

    rows = "Họ và tên,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện\n" + "".join(
        f"GV {i},0966{i:06d},Giáo viên,THCS,Trường THCS Đông,Huyện Hòa An\n" for i in range(n))
    assert (await import_roster(db, read_table(rows.encode(), "r.csv"), actor="t")).ok
    async with db.transaction() as tx:
        for i in range(n):
            person = await person_by_phone(tx, f"0966{i:06d}")
            await link(tx, 8000 + i, person.id)
    return [8000 + i for i in range(n)]


async def test_a_broadcast_interrupted_after_100_of_500_sends_only_the_other_400(
        telegram: OfflineTelegram, services: Services) -> None:
    chats = await _many_teachers(services.db, 500)
    sender = service.Sender("cli", None, SenderScope(UnitKind.SO, None))
    draft = await service.start_draft(services.db, sender, "Thông báo khẩn")
    await service.choose_audience(services.db, draft, sender,
                                  Audience(levels=frozenset({Level.THCS}),
                                           roles=frozenset({Role.TEACHER})))
    assert await service.queue(services.db, draft, sender) == 500
    first = await services.outbox.drain(max_messages=100)  # then the process dies
    assert first.sent == 100

    restarted = Services(settings=services.settings, db=services.db, clock=services.clock,
                         limits=services.limits)
    restarted.outbox.bot = telegram.application.bot
    restarted.outbox.renderers = services.outbox.renderers
    await restarted.outbox.recover()
    second = await restarted.outbox.drain()
    assert second.sent == 400
    received = [len([m for m in telegram.api.messages_to(c)
                      if m.text == FROM_ADMIN + "Thông báo khẩn"]) for c in chats]
    assert received == [1] * 500


async def test_a_second_broadcast_waits_for_the_first(
        telegram: OfflineTelegram, services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    chats = await _many_teachers(services.db, 40)
    sender = service.Sender("cli", None, SenderScope(UnitKind.SO, None))
    audience = Audience(levels=frozenset({Level.THCS}), roles=frozenset({Role.TEACHER}))
    ids = []
    for text in ("Thông báo một", "Thông báo hai"):
        draft = await service.start_draft(services.db, sender, text)
        await service.choose_audience(services.db, draft, sender, audience)
        await service.queue(services.db, draft, sender)
        ids.append(draft)
    await services.outbox.drain()
    order = [m.text for m in telegram.api.sent if m.chat_id in chats]
    assert order == [FROM_ADMIN + "Thông báo một"] * 40 + [FROM_ADMIN + "Thông báo hai"] * 40
    clock.now += dt.timedelta(seconds=1)


def _a_zone_in_daytime() -> str:
    from zoneinfo import ZoneInfo

    zones = ["Asia/Ho_Chi_Minh", "Europe/London", "America/New_York", "Pacific/Auckland",
             "America/Los_Angeles", "Asia/Kolkata", "Europe/Moscow", "Pacific/Honolulu"]
    now = dt.datetime.now(dt.UTC)
    return next(z for z in zones if 8 <= now.astimezone(ZoneInfo(z)).hour < 20)


async def test_the_command_line_broadcast_reaches_a_bot_api_server(
        telegram: OfflineTelegram, demo_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from benchmarks.fake_bot_api import FakeBotApiServer
    from bot.cli import main as cli_main

    await linked(telegram, *TH_TEACHERS[:3], OTHERS[0])
    server = await FakeBotApiServer(limits=None).start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", server.base_url)
    monkeypatch.setenv("TROLY_DB_PATH", str(demo_db.path))
    monkeypatch.setenv("TROLY_TIMEZONE", _a_zone_in_daytime())  # announcements wait for 07:00
    try:
        code = await asyncio.to_thread(cli_main, [
            "broadcast", "--audience", "level=TH; role=gv; unit=Huyện Hòa An",
            "--text", "Lịch tập huấn TEMIS"])
    finally:
        await server.stop()
    assert code == 0
    for phone in TH_TEACHERS[:3]:
        assert [m.text for m in server.api.messages_to(int(phone))] == [
            FROM_ADMIN + "Lịch tập huấn TEMIS"]
    assert server.api.messages_to(int(OTHERS[0])) == []


async def test_the_sender_does_not_receive_her_own_announcement(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    teachers = ["0914000002", "0914000003"]  # TH Võ Thị Sáu, KIM's school
    [kim, *_others] = await linked(telegram, KIM, *teachers)
    await kim.send("/thongbao")
    [menu] = await kim.send("Họp hội đồng sư phạm lúc 14 giờ.")
    await kim.press("Gửi", menu)
    for phone in teachers:
        assert announcements_to(telegram, phone, "📢") == 1
    assert announcements_to(telegram, KIM, "📢") == 0
