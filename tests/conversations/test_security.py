"""Attacks that once worked against the real Application (issue 10), now refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.context import Services
from bot.offline import OfflineTelegram, SimulatedUser
from bot.services.imports import import_roster
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.accounts import account_by_telegram_id
from tests.conftest import FakeClock

ROSTER_HEADER = "Họ và tên,Ngày sinh,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện,Cốt cán\n"


async def add_to_roster(db: Database, *lines: str) -> None:
    rows = read_table((ROSTER_HEADER + "\n".join(lines) + "\n").encode(), "them.csv")
    report = await import_roster(db, rows, actor="test", so_name="Sở GD&ĐT Bình Phước")
    assert report.ok, report.errors


async def test_a_foreign_contact_is_refused_not_padded_into_a_teachers_number(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await add_to_roster(demo_db, "Đào Thị Vân,,0376612345,Giáo viên,TH,Trường TH Kim Đồng,"
                                 "Huyện Hòa An,")
    andorran = telegram.user(601, "Jordi")
    [refusal] = await andorran.share_contact("376612345")  # Andorra, as Telegram sends it
    assert "nước ngoài" in refusal.text and "khách" in refusal.text
    assert "Đào Thị Vân" not in refusal.text
    assert await account_by_telegram_id(demo_db.reader, 601) is None
    [audit_row] = await demo_db.reader.execute_fetchall(
        "SELECT action FROM audit_log WHERE actor = 'tg:601'")
    assert audit_row[0] == "signup.foreign_phone"

    teacher = telegram.user(602, "Vân")
    [welcome] = await teacher.share_contact("84376612345")  # the teacher herself
    assert "Đào Thị Vân" in welcome.text


# --- a button outlives its author's role: the action re-checks the actor when it takes effect

TUAN = "0903000001"  # Chuyên viên Sở
TUAN_ID = int(TUAN)
PHUC = "0904000001"  # Chuyên viên Phòng, Huyện Hòa An
HUY = "0904000003"  # Chuyên viên Phòng, Thành phố Sông Lam
LAN = "0912345678"  # Hiệu trưởng TH Kim Đồng (Hòa An)
HOA = "0912000001"  # GV cốt cán TH Kim Đồng
HOA_AN = ["0912345678", "0912345679", "0912000001", "0912000002", "0913000001", "0913000002"]
ELSEWHERE = ["0914000001", "0914000002", "0915000003", "0916000002", "0903000002",
             "0904000003"]


async def linked(telegram: OfflineTelegram, *phones: str) -> list[SimulatedUser]:
    users = []
    for phone in phones:
        user = telegram.user(int(phone), phone=phone)
        [welcome] = await user.share_contact()
        assert "xác minh" in welcome.text
        users.append(user)
    return users


def received(telegram: OfflineTelegram, phone: str, marker: str) -> int:
    return sum(1 for m in telegram.api.messages_to(int(phone)) if marker in m.body)


async def audit_actions(db: Database, action: str) -> list[tuple[str, str | None]]:
    rows = await db.reader.execute_fetchall(
        "SELECT actor, detail FROM audit_log WHERE action = ?", (action,))
    return [(r[0], r[1]) for r in rows]


async def test_a_demoted_so_officers_old_send_button_is_refused_and_audited(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    [tuan] = await linked(telegram, TUAN)
    await linked(telegram, *HOA_AN, *ELSEWHERE)
    await tuan.send("/thongbao")
    [menu] = await tuan.send("Thông báo toàn tỉnh: họp trực tuyến lúc 14:00.")
    assert "toàn tỉnh" in menu.text
    # A roster re-import makes him the principal of a school.
    await add_to_roster(demo_db, "Hoàng Minh Tuấn,12/04/1978,0903 000 001,Hiệu trưởng,TH,"
                                 "Trường TH Kim Đồng,Huyện Hòa An,")
    [refused] = await tuan.press("Gửi", menu)
    assert "đã thay đổi" in refused.text and "Chưa có tin nào được gửi" in refused.text
    for phone in HOA_AN + ELSEWHERE:
        assert received(telegram, phone, "họp trực tuyến") == 0
    [(count,)] = await demo_db.reader.execute_fetchall("SELECT COUNT(*) FROM outbox")
    assert count == 0
    assert await audit_actions(demo_db, "broadcast.queue") == []
    [(actor, detail)] = await audit_actions(demo_db, "broadcast.queue.refused")
    assert actor == f"tg:{TUAN_ID}" and "outside_current_scope" in (detail or "")


async def test_a_phongs_all_my_schools_announcement_reaches_its_schools_only(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    [phuc] = await linked(telegram, PHUC)
    await linked(telegram, *HOA_AN, *ELSEWHERE, TUAN)
    await phuc.send("/thongbao")
    [menu] = await phuc.send("Họp cốt cán cụm Hòa An chiều thứ sáu.")
    [units] = await phuc.press("Đơn vị", menu)
    [menu] = await phuc.press("Tất cả các trường của tôi", units)
    assert f"{len(HOA_AN)} người sẽ nhận" in menu.text  # its schools; not its own sender
    await phuc.press("Gửi", menu)
    for phone in HOA_AN:
        assert received(telegram, phone, "Họp cốt cán cụm Hòa An") == 1, phone
    for phone in [*ELSEWHERE, TUAN, PHUC]:
        assert received(telegram, phone, "Họp cốt cán cụm Hòa An") == 0, phone


async def test_a_ticket_cannot_be_answered_from_another_phong(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    group = -100555
    huy, phuc = await linked(telegram, HUY, PHUC)
    await telegram.group_message(group, huy.user_id, "/nhomhotro")  # Sông Lam's group
    [teacher] = await linked(telegram, "0914000002")  # a Sông Lam teacher
    [answer] = await teacher.send("giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu ạ")
    await teacher.press("Hỏi cán bộ hỗ trợ", answer)
    [ticket] = telegram.api.messages_to(group)[1:]

    [refused] = await telegram.group_message(group, phuc.user_id, "Trả lời mạo danh",
                                             reply_to=ticket)
    assert "Chỉ cán bộ hỗ trợ của đơn vị" in refused.text
    assert not any("Trả lời mạo danh" in m.text
                   for m in telegram.api.messages_to(teacher.user_id))
    [(status,)] = await demo_db.reader.execute_fetchall("SELECT status FROM tickets")
    assert status == "open"
    [(actor, _detail)] = await audit_actions(demo_db, "ticket.answer.refused")
    assert actor == f"tg:{phuc.user_id}"

    await telegram.group_message(group, huy.user_id, "Trả lời đúng đơn vị", reply_to=ticket)
    assert any("Trả lời đúng đơn vị" in m.text
               for m in telegram.api.messages_to(teacher.user_id))


async def test_a_principal_moved_to_another_school_cannot_use_the_old_approval_button(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa, lan = await linked(telegram, HOA, LAN)
    await hoa.send("/tiendo")
    await hoa.press("KH MĐ2")
    await hoa.press("GVSP/GVQLGD")
    [alert] = [m for m in telegram.api.messages_to(lan.user_id) if "chờ Thầy/Cô duyệt" in m.text]
    await add_to_roster(demo_db, "Trần Thị Lan,05/05/1975,0912345678,Hiệu trưởng,TH,"
                                 "Trường TH Võ Thị Sáu,Thành phố Sông Lam,x")
    [refused] = await lan.press("Đã duyệt trên LMS", alert)
    assert "Chỉ người duyệt" in refused.text
    [(state,)] = await demo_db.reader.execute_fetchall(
        "SELECT state FROM task_states WHERE task = 'plan_m2'")
    assert state != "approved"
    [(_actor, detail)] = await audit_actions(demo_db, "task.approve.refused")
    assert "not_routed_approver" in (detail or "")


async def test_faq_approval_rechecks_the_decider_in_the_service(demo_db: Database) -> None:
    from bot.domain.errors import PermissionDenied
    from bot.services import tickets as service
    from bot.storage.people import person_by_phone, profile_of

    phuc = await person_by_phone(demo_db.reader, PHUC)
    tuan = await person_by_phone(demo_db.reader, TUAN)
    assert phuc is not None and tuan is not None
    async with demo_db.transaction() as tx:
        await tx.execute("INSERT INTO kb_drafts (title, question, answer, proposed_by, "
                         "proposed_at) VALUES ('t', 'q', 'a', 'test', '2027-01-01')")
    phong = await profile_of(demo_db.reader, phuc)
    with pytest.raises(PermissionDenied):
        await service.decide_faq(demo_db, 1, approve=True, staff=phong, is_admin=False,
                                 by="tg:1")
    assert len(await audit_actions(demo_db, "faq.decide.refused")) == 1
    so_profile = await profile_of(demo_db.reader, tuan)
    # A stale profile object is not trusted: the roster row is reloaded.
    await add_to_roster(demo_db, "Hoàng Minh Tuấn,12/04/1978,0903 000 001,Giáo viên,TH,"
                                 "Trường TH Kim Đồng,Huyện Hòa An,")
    with pytest.raises(PermissionDenied):
        await service.decide_faq(demo_db, 1, approve=True, staff=so_profile, is_admin=False,
                                 by="tg:2")
    draft = await service.decide_faq(demo_db, 1, approve=True, staff=None, is_admin=True,
                                     by="tg:999")
    assert draft.status == "approved"


# --- /xoadulieu leaves no table tying the Telegram id to the person

TEACHER_TG, OFFICER_TG, GUEST_TG, SO_TG = 731337421, 731337422, 731337423, 731337424
QUESTION = "giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu ạ"


async def tables_holding(db: Database, telegram_id: int) -> list[str]:
    """Every table.column holding the id, as a number or inside a text ("tg:…", JSON…)."""
    found = []
    pattern = re.compile(rf"(?<!\d){telegram_id}(?!\d)")
    tables = [r[0] for r in await db.reader.execute_fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        columns = [r[1] for r in await db.reader.execute_fetchall(
            f"PRAGMA table_info({table})")]
        for row in await db.reader.execute_fetchall(f"SELECT * FROM {table}"):
            for column, value in zip(columns, row, strict=True):
                if value == telegram_id or (isinstance(value, str) and pattern.search(value)):
                    found.append(f"{table}.{column}")
    return sorted(set(found))


async def test_erasure_leaves_no_table_linking_the_telegram_id_to_the_person(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    group = -100666
    officer = telegram.user(OFFICER_TG, phone=PHUC)
    await officer.share_contact()
    await telegram.group_message(group, OFFICER_TG, "/nhomhotro")
    teacher = telegram.user(TEACHER_TG, phone=HOA)
    await teacher.share_contact()
    [answer] = await teacher.send(QUESTION)
    await teacher.press("Hỏi cán bộ hỗ trợ", answer)
    [ticket] = telegram.api.messages_to(group)[1:]
    await telegram.group_message(group, OFFICER_TG, "Nộp đơn cho nhà trường.", reply_to=ticket)
    [reply] = [m for m in telegram.api.messages_to(TEACHER_TG) if "Nộp đơn" in m.text]
    await teacher.press("👍", reply)
    await officer.send("/thongbao")
    [menu] = await officer.send("Họp cốt cán.")
    await officer.press("Gửi", menu)
    await officer.send("/thongbao")  # and leaves the bot waiting for a second one
    # A guest's question, answered by the Sở: the answer goes to the guest's chat.
    so_officer = telegram.user(SO_TG, phone=TUAN)
    await so_officer.share_contact()
    await telegram.group_message(group - 1, SO_TG, "/nhomhotro")
    guest = telegram.user(GUEST_TG, "Khách")
    [answer] = await guest.send(QUESTION)
    await guest.press("Hỏi cán bộ hỗ trợ", answer)
    [guest_ticket] = telegram.api.messages_to(group - 1)[1:]
    await telegram.group_message(group - 1, SO_TG, "Hỏi nhà trường.", reply_to=guest_ticket)
    assert any("Hỏi nhà trường" in m.text for m in telegram.api.messages_to(GUEST_TG))
    for user_id in (TEACHER_TG, OFFICER_TG, GUEST_TG):
        assert await tables_holding(demo_db, user_id)  # before: the id is in many places
    teacher_rows_before = await demo_db.reader.execute_fetchall(
        "SELECT COUNT(*) FROM audit_log WHERE actor = ?", (f"tg:{TEACHER_TG}",))

    for user in (teacher, officer, guest):
        await user.send("/xoadulieu")
        [done] = await user.press("Xoá")
        assert "Đã xoá" in done.text

    for user_id in (TEACHER_TG, OFFICER_TG, GUEST_TG):
        assert await tables_holding(demo_db, user_id) == [], user_id
    # The history stays countable: one pseudonym per person, on all their rows.
    [(pseudonym,)] = await demo_db.reader.execute_fetchall(
        "SELECT actor FROM audit_log WHERE action = 'ticket.rate'")
    [(count,)] = await demo_db.reader.execute_fetchall(
        "SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action != 'account.erase'",
        (pseudonym,))
    assert count == teacher_rows_before[0][0]
    [(status, rating, asker)] = await demo_db.reader.execute_fetchall(
        "SELECT status, rating, asker_tg FROM tickets WHERE asker_person_id IS NOT NULL")
    assert (status, rating) == ("answered", 1) and asker != TEACHER_TG
    assert pseudonym.startswith("tg#") and str(TEACHER_TG) not in pseudonym


async def test_a_night_announcement_is_stopped_at_07_00_if_its_sender_was_demoted(
        telegram: OfflineTelegram, services: Services, clock: FakeClock,
        demo_db: Database) -> None:
    [tuan] = await linked(telegram, TUAN)
    await linked(telegram, *HOA_AN, *ELSEWHERE)
    clock.set_local(dt.datetime(2027, 2, 10, 22, 30))
    await tuan.send("/thongbao")
    [menu] = await tuan.send("Thông báo toàn tỉnh gửi đêm: họp lúc 9:00.")
    [night] = await tuan.press("Gửi", menu)
    await tuan.press("Gửi lúc 07:00", night)  # queued; nothing leaves between 21:00 and 07:00
    await add_to_roster(demo_db, "Hoàng Minh Tuấn,12/04/1978,0903 000 001,Giáo viên,TH,"
                                 "Trường TH Kim Đồng,Huyện Hòa An,")
    clock.set_local(dt.datetime(2027, 2, 11, 7, 5))
    await services.outbox.drain()
    for phone in HOA_AN + ELSEWHERE:
        assert received(telegram, phone, "họp lúc 9:00") == 0, phone
    assert any("đã dừng" in m.text for m in telegram.api.messages_to(TUAN_ID))
    [(status,)] = await demo_db.reader.execute_fetchall("SELECT status FROM broadcasts")
    assert status == "cancelled"
    [(actor, detail)] = await audit_actions(demo_db, "broadcast.send.refused")
    assert actor == f"tg:{TUAN_ID}" and "outside_current_scope" in (detail or "")


@pytest.mark.parametrize("new_row", [
    "Giáo viên,TH,Trường TH Kim Đồng,Huyện Hòa An,",  # demoted to a teacher
    "Chuyên viên Phòng,TH,,Huyện Hòa An,",  # moved from the Sở to a Phòng: a narrower scope
])
async def test_an_announcement_stops_at_the_next_batch_once_its_sender_lost_the_scope(
        telegram: OfflineTelegram, services: Services, demo_db: Database, new_row: str) -> None:
    [tuan] = await linked(telegram, TUAN)
    await linked(telegram, *HOA_AN, *ELSEWHERE)
    await tuan.send("/thongbao")
    [menu] = await tuan.send("Thông báo toàn tỉnh: nộp báo cáo trước thứ sáu.")
    telegram.after_update = None  # the outbox sends in batches, as the running bot does
    await tuan.press("Gửi", menu)
    assert (await services.outbox.drain(max_messages=3)).sent == 3
    await services.outbox.drain(max_messages=3)  # the sender header is looked up, not kept
    await add_to_roster(demo_db, "Hoàng Minh Tuấn,12/04/1978,0903 000 001," + new_row)
    await services.outbox.drain()
    everyone = [*HOA_AN, *ELSEWHERE]  # the whole province; its author does not receive his own
    assert received(telegram, TUAN, "nộp báo cáo trước thứ sáu") == 0
    assert sum(received(telegram, p, "nộp báo cáo trước thứ sáu") for p in everyone) == 6
    [told] = [m for m in telegram.api.messages_to(TUAN_ID) if "đã dừng" in m.text]
    assert f"6/{len(everyone)} người" in told.text
    [(status,)] = await demo_db.reader.execute_fetchall("SELECT status FROM broadcasts")
    assert status == "cancelled"
    [(actor, detail)] = await audit_actions(demo_db, "broadcast.send.refused")
    assert actor == f"tg:{TUAN_ID}" and "outside_current_scope" in (detail or "")
    assert '"delivered": 6' in (detail or "")
