"""The first week on a phone (issue 14): small talk, a typed phone number, night-time sends,
who an announcement is from, what the audience picker offers, and /help per role."""

from __future__ import annotations

import datetime as dt

from bot.offline import OfflineTelegram
from bot.storage import Database
from tests.conftest import ADMIN_ID, FakeClock

PRINCIPAL = "0912345678"  # Trần Thị Lan, Hiệu trưởng, Trường TH Kim Đồng (Huyện Hòa An)
PRIMARY_TEACHERS = ["0912000001", "0912000002", "0912000003", "0912000004", "0914000002",
                    "0914000003"]
KIM_DONG_TEACHERS = PRIMARY_TEACHERS[:4]


async def unanswered_texts(db: Database) -> list[str]:
    async with db.reader.execute("SELECT text FROM unanswered_questions") as cur:
        return [row[0] for row in await cur.fetchall()]


async def test_greetings_and_thanks_get_a_friendly_reply_and_are_not_unanswered(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(601, "Hoa")
    for text, opening in [("xin chào", "Xin chào"), ("cảm ơn ad nhiều ạ", "Không có gì"),
                          ("cam on ad nhieu a", "Không có gì"), ("ok", "Vâng"),
                          ("👍", "Vâng")]:
        [answer] = await user.send(text)
        assert answer.text.startswith(opening), (text, answer.text)
        assert "/tiendo" in answer.text and "/help" in answer.text
        assert "tổng đài" not in answer.text and "không tìm thấy" not in answer.text
        assert answer.reply_markup is None  # no "ask a support officer" hand-off
    assert await unanswered_texts(demo_db) == []


async def test_a_typed_phone_number_points_to_the_share_button(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(602, "Hoa")
    for typed in ("0912 000 001", "0912000001", "+84 912 000 001"):
        [answer] = await user.send(typed)
        assert "nút bên dưới" in answer.text and "Chia sẻ số điện thoại" in answer.text
        [[button]] = answer.reply_markup["keyboard"]
        assert button["request_contact"] is True
    assert await unanswered_texts(demo_db) == []
    async with demo_db.reader.execute("SELECT COUNT(*) FROM accounts") as cur:
        assert (await cur.fetchone())[0] == 0  # a typed number links nobody

    [welcome] = await user.share_contact("0912000001")
    assert "Thầy/Cô đã được xác minh" in welcome.text or "xác minh" in welcome.text
    [already] = await user.send("0912000001")
    assert "/toi" in already.text and already.reply_markup is None


async def test_a_real_question_with_a_greeting_is_still_answered(
        telegram: OfflineTelegram) -> None:
    [answer] = await telegram.user(603).send("chào ad, cho hỏi hạn chót mô đun 1 là ngày nào?")
    assert "Xin chào! 👋" not in answer.text
    assert "30/3" in answer.text or "30/03" in answer.text


async def _link(telegram: OfflineTelegram, *phones: str) -> None:
    for phone in phones:
        await telegram.user(int(phone), phone=phone).share_contact()


def _received(telegram: OfflineTelegram, phone: str, marker: str) -> list[str]:
    return [m.body for m in telegram.api.messages_to(int(phone)) if marker in m.body]


async def test_at_night_the_so_is_asked_and_the_progress_keeps_saying_07_00(
        telegram: OfflineTelegram, demo_db: Database, clock: FakeClock) -> None:
    await _link(telegram, *PRIMARY_TEACHERS)
    clock.set_local(dt.datetime(2027, 2, 10, 4, 33))
    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    [menu] = await admin.send("Họp trực tuyến lúc 8 giờ.")
    await admin.press("TH", menu)
    [menu] = await admin.press("Giáo viên", menu)
    [question] = await admin.press("Gửi", menu)
    assert "21:00 đến 07:00" in question.text and "07:00" in question.text
    assert question.button_texts == ["🕖 Gửi lúc 07:00", "🚨 Khẩn: gửi ngay"]
    replies = await admin.press("Gửi lúc 07:00", question)
    [progress] = [m for m in replies if "Thông báo #" in m.text]
    assert progress.text == ("📤 Thông báo #1: sẽ gửi lúc 07:00 tới 6 người (không gửi tin "
                             "từ 21:00 đến 07:00).")
    assert all(not _received(telegram, p, "Họp trực tuyến") for p in PRIMARY_TEACHERS)
    await admin.send("/help")  # another update: the outbox drains again, still at night
    assert "sẽ gửi lúc 07:00 tới 6 người" in telegram.api.find(
        ADMIN_ID, progress.message_id).text

    clock.set_local(dt.datetime(2027, 2, 10, 7, 0))
    await admin.send("/help")
    for phone in PRIMARY_TEACHERS:
        [copy] = _received(telegram, phone, "Họp trực tuyến")
        assert copy == ("📢 Thông báo của <b>Sở GD&amp;ĐT tỉnh Bình Phước (demo)</b> · "
                        "Quản trị viên\n\nHọp trực tuyến lúc 8 giờ.")
    assert "6/6" in telegram.api.find(ADMIN_ID, progress.message_id).text


async def test_an_urgent_announcement_goes_out_at_night_and_is_audited(
        telegram: OfflineTelegram, demo_db: Database, clock: FakeClock) -> None:
    await _link(telegram, *PRIMARY_TEACHERS)
    clock.set_local(dt.datetime(2027, 2, 10, 22, 15))
    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    [menu] = await admin.send("Hệ thống LMS bảo trì, không nộp bài tối nay.")
    [menu] = await admin.press("TH", menu)
    [question] = await admin.press("Gửi", menu)
    await admin.press("Khẩn", question)
    for phone in PRIMARY_TEACHERS:
        assert len(_received(telegram, phone, "LMS bảo trì")) == 1
    async with demo_db.reader.execute(
            "SELECT actor, detail FROM audit_log WHERE action = 'broadcast.queue'") as cur:
        [(actor, detail)] = await cur.fetchall()
    assert actor == f"tg:{ADMIN_ID}" and '"urgent": true' in detail


async def test_a_principal_at_night_is_told_07_00_and_cannot_force_urgent(
        telegram: OfflineTelegram, demo_db: Database, clock: FakeClock) -> None:
    await _link(telegram, PRINCIPAL, *KIM_DONG_TEACHERS)
    clock.set_local(dt.datetime(2027, 2, 10, 23, 0))
    principal = telegram.user(int(PRINCIPAL))
    await principal.send("/thongbao")
    [menu] = await principal.send("Sáng mai họp hội đồng.")
    draft_id = menu.buttons[0]["callback_data"].split(":")[1]
    [forged] = await principal.press_data(f"bc:{draft_id}:send:now", menu)
    assert "Chỉ Sở" in forged.text
    [progress] = await principal.press("Gửi", menu)
    assert "sẽ gửi lúc 07:00 tới" in progress.text
    assert all(not _received(telegram, p, "họp hội đồng") for p in KIM_DONG_TEACHERS)
    async with demo_db.reader.execute(
            "SELECT detail FROM audit_log WHERE action = 'broadcast.queue'") as cur:
        [(detail,)] = await cur.fetchall()
    assert '"urgent": false' in detail

    clock.set_local(dt.datetime(2027, 2, 11, 7, 5))
    await principal.send("/help")
    for phone in KIM_DONG_TEACHERS:
        [copy] = _received(telegram, phone, "họp hội đồng")
        assert copy.startswith("📢 Thông báo của <b>Trường TH Kim Đồng</b> · Hiệu trưởng\n\n")


def _a_zone_at_night() -> str:
    from zoneinfo import ZoneInfo

    zones = ["Asia/Ho_Chi_Minh", "Europe/London", "America/New_York", "Pacific/Auckland",
             "America/Los_Angeles", "Asia/Kolkata", "Europe/Moscow", "Pacific/Honolulu"]
    now = dt.datetime.now(dt.UTC)
    return next(z for z in zones if not 6 <= now.astimezone(ZoneInfo(z)).hour < 21)


async def test_the_command_line_says_when_a_night_broadcast_goes_out(
        telegram: OfflineTelegram, demo_db: Database, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from benchmarks.fake_bot_api import FakeBotApiServer
    from bot.cli import main as cli_main

    await _link(telegram, *KIM_DONG_TEACHERS)
    server = await FakeBotApiServer(limits=None).start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", server.base_url)
    monkeypatch.setenv("TROLY_DB_PATH", str(demo_db.path))
    monkeypatch.setenv("TROLY_TIMEZONE", _a_zone_at_night())
    try:
        code = await asyncio.to_thread(cli_main, [
            "broadcast", "--audience", "unit=Trường TH Kim Đồng; role=gv", "--text", "Họp"])
    finally:
        await server.stop()
    assert code == 0
    out = capsys.readouterr().out
    assert "sẽ gửi lúc 07:00 tới 4 người" in out
    assert all(server.api.messages_to(int(p)) == [] for p in KIM_DONG_TEACHERS)


async def test_the_audience_picker_offers_only_what_applies_with_counts(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await _link(telegram, PRINCIPAL, "0904000001")
    principal = telegram.user(int(PRINCIPAL))
    await principal.send("/thongbao")
    [menu] = await principal.send("Họp hội đồng sư phạm.")
    assert menu.button_texts[:3] == ["Giáo viên (4)", "CBQL (2)", "Cốt cán (3)"]
    for absent in ("THCS", "THPT", "GDTX", "Chuyên viên Phòng", "Đơn vị"):
        assert not any(absent in t for t in menu.button_texts), absent

    phong = telegram.user(int("0904000001"))
    await phong.send("/thongbao")
    [menu] = await phong.send("Họp cốt cán.")
    assert menu.button_texts[:2] == ["TH (7)", "THCS (5)"]
    assert not any("THPT" in t or "GDTX" in t for t in menu.button_texts)

    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    [menu] = await admin.send("Thông báo chung.")
    assert menu.button_texts[:4] == ["TH (10)", "THCS (5)", "THPT (5)", "GDTX (2)"]
    assert "Chuyên viên Phòng (3)" in menu.button_texts
    [menu] = await admin.press("THPT", menu)
    assert menu.button_texts[2] == "✅ THPT (5)"


async def _people(db: Database) -> list[tuple[object, ...]]:
    async with db.reader.execute("SELECT id, full_name, phone, role, unit_id, is_core "
                                 "FROM people ORDER BY id") as cur:
        return [tuple(row) for row in await cur.fetchall()]


async def test_the_template_sent_back_unchanged_is_refused_row_by_row(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    before = await _people(demo_db)
    admin = telegram.user(ADMIN_ID)
    [template] = await admin.send("/mau")
    assert template.kind == "document" and "0000 000 0xx" in template.caption
    [refused] = await admin.send_document("mau_danh_sach.xlsx", template.content)
    assert refused.text.startswith("Chưa nhập dòng nào: có 5 dòng cần sửa.")
    for row, phone in zip(range(2, 7), range(1, 6), strict=True):
        assert (f"Dòng {row}: dòng mẫu của tệp mẫu (số 0000 000 {phone:03d}): hãy xoá, hoặc "
                "ghi người thật đè lên") in refused.text
    assert await _people(demo_db) == before
    async with demo_db.reader.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'roster.import'") as cur:
        assert (await cur.fetchone())[0] == 1  # only the fixture's import of the demo roster


async def test_in_the_console_the_template_sent_back_is_refused_and_changes_nothing(
        telegram: OfflineTelegram, demo_db: Database, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    from bot.console import Console

    monkeypatch.chdir(tmp_path)  # the console saves the files it receives under data/console
    before = await _people(demo_db)
    out = io.StringIO()
    console = Console(telegram, out)
    for line in (":as admin", "/mau"):
        assert await console.handle(line)
    [saved] = (tmp_path / "data" / "console").glob("*mau_danh_sach.xlsx")
    assert await console.handle(f":file {saved}")
    text = out.getvalue()
    assert "Chưa nhập dòng nào: có 5 dòng cần sửa." in text
    assert "Dòng 2: dòng mẫu" in text and "Dòng 6: dòng mẫu" in text
    assert await _people(demo_db) == before


async def test_cauhoi_shows_the_local_day_not_the_utc_one(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    phuc = telegram.user(904000001, phone="0904000001")
    await phuc.share_contact()
    teacher = telegram.user(912000002, phone="0912000002")
    await teacher.share_contact()
    [answer] = await teacher.send("giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu ạ")
    await teacher.press("Hỏi cán bộ hỗ trợ", answer)
    async with demo_db.transaction() as tx:  # 18:30 UTC on 1/12 is 01:30 on 2/12 in Việt Nam
        await tx.execute("UPDATE tickets SET created_at = '2026-12-01T18:30:00+00:00'")
    [listing] = await phuc.send("/cauhoi")
    assert "#1 · 02/12 · giáo viên nghỉ thai sản" in listing.text


def _listed(help_text: str) -> set[str]:
    return {line.split(" — ")[0][1:] for line in help_text.splitlines() if line.startswith("/")}


async def test_help_lists_exactly_the_commands_each_role_may_use(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    from bot.domain.permissions import allowed
    from handlers.account import HELP, command_permissions

    permissions = command_permissions(telegram.application)
    assert set(permissions) == set(HELP), "every command needs a /help line, and only those"
    admin = telegram.user(ADMIN_ID)
    [admin_help] = await admin.send("/help")
    assert {"chuatraloi", "cauhoi", "themfaq", "duyetfaq", "thongbao", "moi"} <= \
        _listed(admin_help.text)
    for phone in ("0912000001", PRINCIPAL, "0904000001", "0903000001"):
        user = telegram.user(int(phone), phone=phone)
        await user.share_contact()
        [text] = await user.send("/help")
        from bot.services.accounts import load_visitor

        visitor = await load_visitor(demo_db, int(phone), is_admin=False)
        expected = {c for c, p in permissions.items() if p is None or allowed(p, visitor.tags)}
        assert _listed(text.text) == expected, phone
    [teacher_help] = await telegram.user(912000001).send("/help")
    assert "tiendo" in _listed(teacher_help.text)
    assert not {"thongbao", "chuatraloi", "moi"} & _listed(teacher_help.text)


async def test_an_approval_is_confirmed_first_and_can_be_undone_for_ten_minutes(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    from bot.domain.tasks import ReviewState
    from tests.conversations.test_tasks_and_approvals import (
        HOA,
        KIM,
        LAN,
        move,
        signed_in,
        state_of,
    )
    from tests.default_campaign import TaskCode

    hoa = await signed_in(telegram, HOA)
    lan = await signed_in(telegram, LAN)
    await move(hoa, "KH MĐ2", "GVSP/GVQLGD")
    [waiting] = await lan.send("/choduyet")
    [confirm] = await lan.press("KH MĐ2", waiting)
    assert confirm.text.splitlines()[:3] == [
        "Xác nhận Thầy/Cô đã duyệt hồ sơ này trên LMS:",
        "• Người nộp: <b>Nguyễn Thị Hoa</b> — Giáo viên (cốt cán), Trường TH Kim Đồng",
        "• Hồ sơ: Kế hoạch hỗ trợ đồng nghiệp mô đun 2 (hiện: GVSP/GVQLGD đã duyệt)"], confirm.text
    assert "nhận thông báo ngay" in confirm.text and "hoàn tác trong 10 phút" in confirm.text
    assert confirm.button_texts == ["✅ Xác nhận đã duyệt", "Để sau"]
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.LECTURER_APPROVED

    [done] = await lan.press("Xác nhận đã duyệt", confirm)
    assert done.button_texts == ["↩️ Hoàn tác"]
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.APPROVED
    kim = await signed_in(telegram, KIM)
    [stranger] = await kim.press_data(done.buttons[0]["callback_data"],
                                      telegram.api.messages_to(kim.user_id)[-1])
    assert "Chỉ người duyệt" in stranger.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.APPROVED

    [undone] = await lan.press("Hoàn tác", done)
    assert undone.text.startswith("Đã hoàn tác:") and "Nguyễn Thị Hoa" in undone.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.LECTURER_APPROVED
    told = [m.text for m in telegram.api.messages_to(hoa.user_id) if "đã hoàn tác" in m.text]
    assert len(told) == 1 and "Hiệu trưởng Trần Thị Lan" in told[0]
    async with demo_db.reader.execute(
            "SELECT actor, detail FROM audit_log WHERE action = 'task.change' "
            "ORDER BY id DESC LIMIT 1") as cur:
        actor, detail = await cur.fetchone()
    assert actor.startswith("person:") and '"to": "lecturer_approved"' in detail \
        and "undone" in detail
    [again] = await lan.press("Hoàn tác", done)  # a second press: nothing left to undo
    assert "không còn" in again.text


async def test_after_ten_minutes_an_approval_is_not_undone(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    from bot.domain.tasks import ReviewState
    from tests.conversations.test_tasks_and_approvals import HOA, LAN, move, signed_in, state_of
    from tests.default_campaign import TaskCode

    hoa = await signed_in(telegram, HOA)
    lan = await signed_in(telegram, LAN)
    await move(hoa, "KH MĐ3", "GVSP/GVQLGD")
    [waiting] = await lan.send("/choduyet")
    [confirm] = await lan.press("KH MĐ3", waiting)
    [done] = await lan.press("Xác nhận đã duyệt", confirm)
    eleven_minutes_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=11)).isoformat()
    async with demo_db.transaction() as tx:
        await tx.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log "
                         "WHERE action = 'task.change')", (eleven_minutes_ago,))
    [late] = await lan.press("Hoàn tác", done)
    assert "trong 10 phút" in late.text and "liên hệ Sở" in late.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M3) is ReviewState.APPROVED


async def test_suathongtin_asks_one_question_per_message_and_stores_at_the_end(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    async def stored() -> list[tuple[object, ...]]:
        async with demo_db.reader.execute(
                "SELECT field, wrong_value, correct_value FROM info_corrections") as cur:
            return [tuple(r) for r in await cur.fetchall()]

    teacher = telegram.user(640)
    await teacher.share_contact("0912000003")
    [menu] = await teacher.send("/suathongtin")
    assert menu.button_texts == ["Họ và tên", "Ngày sinh", "Nơi sinh"]
    [first] = await teacher.press("Nơi sinh", menu)
    assert first.text == "Nơi sinh: trên LMS đang ghi thế nào? Thầy/Cô gõ đúng như LMS hiển " \
        "thị. (/huy để huỷ)"
    [second] = await teacher.send("Hà Tây")
    assert second.text == "Còn thông tin đúng là gì ạ? (/huy để huỷ)"
    assert await stored() == []
    [cancelled] = await teacher.send("/huy")
    assert "Không có gì thay đổi" in cancelled.text or "huỷ" in cancelled.text.lower()
    assert await stored() == []

    await teacher.send("/suathongtin")
    await teacher.press("Nơi sinh")
    await teacher.send("Hà Tây")
    [done] = await teacher.send("Hà Nội")
    assert "“Hà Tây”" in done.text and "“Hà Nội”" in done.text
    assert await stored() == [("birth_place", "Hà Tây", "Hà Nội")]


async def test_hanchot_them_asks_date_title_and_audience_one_at_a_time(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    async def deadlines() -> list[tuple[object, ...]]:
        async with demo_db.reader.execute("SELECT title, day, month, year, audience "
                                          "FROM deadlines ORDER BY id") as cur:
            return [tuple(r) for r in await cur.fetchall()]

    before = await deadlines()
    admin = telegram.user(ADMIN_ID)
    [unknown] = await admin.send("/hanchot xoa 1")
    assert unknown.text.startswith("/hanchot không có lệnh “xoa”.") and "|" not in unknown.text
    assert "staff" not in unknown.text and "core" not in unknown.text
    [step1] = await admin.send("/hanchot thêm")
    assert step1.text.startswith("Thêm hạn chót, bước 1/3: ngày nào?")
    [again] = await admin.send("30/2/2027")
    assert "gõ lại ngày" in again.text
    [step2] = await admin.send("15/4/2027")
    assert step2.text.startswith("Bước 2/3")
    [step3] = await admin.send("Nộp báo cáo tự đánh giá TEMIS")
    assert step3.text == "Bước 3/3: nhắc ai?"
    assert step3.button_texts == ["Giáo viên và CBQL", "Chỉ cốt cán"]
    assert await deadlines() == before  # nothing stored before the last answer
    [done] = await admin.press("Chỉ cốt cán", step3)
    assert done.text.startswith("Đã thêm hạn chót #") and "Chỉ cốt cán" in done.text
    assert (await deadlines())[-1] == ("Nộp báo cáo tự đánh giá TEMIS", 15, 4, 2027, "core")
    [stale] = await admin.press("Giáo viên và CBQL", step3)  # pressed again: nothing added
    assert "không còn hiệu lực" in stale.text
    assert len(await deadlines()) == len(before) + 1


async def test_moi_asks_step_by_step_without_separators(telegram: OfflineTelegram) -> None:
    admin = telegram.user(ADMIN_ID)
    [who] = await admin.send("/moi")
    assert who.text == "Mời ai?" and who.button_texts == ["Chuyên viên Sở", "Chuyên viên Phòng"]
    [units] = await admin.press("Chuyên viên Phòng", who)
    assert units.text == "Phòng nào (hoặc xã/phường nào)?"
    assert units.button_texts == ["Huyện Hòa An", "Thành phố Sông Lam"]
    [name] = await admin.press("Huyện Hòa An", units)
    assert name.text == "Họ và tên người được mời? (/huy để huỷ)"
    [invitation] = await admin.send("Nguyễn Văn Mới")
    link = invitation.text.split()[-1]
    assert "Nguyễn Văn Mới" in invitation.text and "?start=" in link
    newcomer = telegram.user(650)
    await newcomer.send(f"/start {link.split('start=')[1]}")
    [welcome] = await newcomer.share_contact("0977 000 222")
    assert "Nguyễn Văn Mới" in welcome.text and "Huyện Hòa An" in welcome.text
    teacher = telegram.user(651)
    await teacher.share_contact("0912000004")
    [refused] = await teacher.press_data(who.buttons[0]["callback_data"],
                                         telegram.api.messages_to(651)[-1])
    assert "không dành cho vai trò" in refused.text
