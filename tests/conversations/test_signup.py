"""Sign-up as people live it: /start, share the contact, be recognised (or not), leave."""

from __future__ import annotations

import datetime as dt

from bot.offline import OfflineTelegram
from bot.storage import Database
from bot.storage.accounts import account_by_telegram_id
from tests.conftest import ADMIN_ID

PRINCIPAL_PHONE = "0912345678"  # Trần Thị Lan, Hiệu trưởng, Trường TH Kim Đồng


async def test_stranger_verifies_and_is_recognised_as_the_principal(
        telegram: OfflineTelegram) -> None:
    user = telegram.user(501, "Lan")
    [greeting] = await user.send("/start")
    assert "Kính chào Thầy/Cô" in greeting.text
    assert greeting.reply_markup["keyboard"][0][0]["request_contact"] is True

    [welcome] = await user.share_contact("+84 912 345 678")
    assert "Trần Thị Lan" in welcome.text
    assert "Hiệu trưởng" in welcome.text and "Trường TH Kim Đồng" in welcome.text
    assert welcome.reply_markup == {"remove_keyboard": True}

    [profile] = await user.send("/toi")
    assert "Trần Thị Lan" in profile.text and "cốt cán" in profile.text


async def test_someone_elses_contact_is_refused_and_links_nothing(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(502, "Mạo danh")
    [refusal] = await user.share_contact(PRINCIPAL_PHONE, owner_id=777)
    assert "chính Thầy/Cô" in refusal.text
    [card] = await user.share_contact(PRINCIPAL_PHONE, owner_id=None)  # address-book card
    assert "chính Thầy/Cô" in card.text
    assert await account_by_telegram_id(demo_db.reader, 502) is None
    [profile] = await user.send("/toi")
    assert "chưa xác minh" in profile.text


async def test_a_number_not_in_the_roster_becomes_a_guest(telegram: OfflineTelegram) -> None:
    user = telegram.user(503, "Khách")
    [reply] = await user.share_contact("0999 888 777")
    assert "chưa có trong danh sách" in reply.text and "/start" in reply.text
    [profile] = await user.send("/toi")
    assert "khách" in profile.text


async def test_erasing_removes_the_link_after_confirmation(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(504, "Hoa")
    await user.share_contact("0912000001")
    assert (await account_by_telegram_id(demo_db.reader, 504)).person_id is not None

    [question] = await user.send("/xoadulieu")
    assert question.button_texts == ["🗑 Xoá", "Huỷ"]
    [cancelled] = await user.press("Huỷ")
    assert "Không có gì bị xoá" in cancelled.text
    assert await account_by_telegram_id(demo_db.reader, 504) is not None

    await user.send("/xoadulieu")
    [done] = await user.press("Xoá")
    assert "Đã xoá" in done.text
    assert await account_by_telegram_id(demo_db.reader, 504) is None
    [profile] = await user.send("/toi")
    assert "chưa xác minh" in profile.text


async def test_a_forged_erase_press_only_ever_touches_the_presser(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    victim = telegram.user(505, "Nạn nhân")
    await victim.share_contact("0912000002")
    attacker = telegram.user(506, "Kẻ xấu")
    await attacker.send("/xoadulieu")
    await attacker.press_data("erase:yes:505")
    assert (await account_by_telegram_id(demo_db.reader, 505)).person_id is not None


async def test_an_invitation_links_phong_staff_once(telegram: OfflineTelegram,
                                                   demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID, "Sở")
    [invite] = await admin.send("/moi phong Huyện Hòa An | Nguyễn Văn Mới")
    link = invite.text.split()[-1]
    assert link.startswith("https://t.me/") and "?start=" in link
    code = link.split("start=")[1]

    newcomer = telegram.user(507, "Mới")
    [greeting] = await newcomer.send(f"/start {code}")
    assert greeting.reply_markup["keyboard"][0][0]["request_contact"]
    [welcome] = await newcomer.share_contact("0977 000 111")
    assert "Nguyễn Văn Mới" in welcome.text and "Chuyên viên Phòng" in welcome.text
    assert "Huyện Hòa An" in welcome.text

    second = telegram.user(508, "Người khác")
    [refused] = await second.send(f"/start {code}")
    assert "không còn hiệu lực" in refused.text


async def test_an_expired_invitation_is_refused(telegram: OfflineTelegram,
                                               demo_db: Database) -> None:
    from bot.domain.people import Role
    from bot.services.accounts import create_invite

    code = await create_invite(demo_db, role=Role.SO_STAFF, unit_name=None, full_name="Cũ",
                               actor="test", so_name="Sở",
                               now=dt.datetime.now(dt.UTC) - dt.timedelta(days=8))
    [refused] = await telegram.user(509).send(f"/start {code}")
    assert "không còn hiệu lực" in refused.text


async def test_only_admins_invite_and_teachers_are_refused_politely(
        telegram: OfflineTelegram) -> None:
    teacher = telegram.user(510)
    await teacher.share_contact("0912000003")
    [refused] = await teacher.send("/moi so Ai Đó")
    assert "không dành cho vai trò" in refused.text and "/help" in refused.text
    guest = telegram.user(511)
    [guest_refused] = await guest.send("/moi so Ai Đó")
    assert "/start" in guest_refused.text


async def test_language_switch_and_menus_in_both_languages(telegram: OfflineTelegram) -> None:
    assert {"", "en"} <= set(telegram.api.commands)
    assert telegram.api.commands[""][0]["description"].startswith("Bắt đầu")
    assert telegram.api.commands["en"][0]["description"].startswith("Start")
    user = telegram.user(512)
    await user.send("/ngonngu")
    [done] = await user.press("English")
    assert "Type /help" in done.text
    [help_text] = await user.send("/help")
    assert "What I can do for you" in help_text.text
    await user.send("/ngonngu")
    await user.press_data("lang:klingon")
    [help_again] = await user.send("/help")
    assert "What I can do for you" in help_again.text  # forged data changed nothing


async def test_logs_carry_no_phone_numbers_or_names(telegram: OfflineTelegram, caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    with caplog.at_level(logging.INFO):
        user = telegram.user(520, "Lan")
        await user.share_contact("0912345678", owner_id=777)  # refused: logged
        await user.share_contact("0912345678")
        await user.send("/moi so Ai Đó")  # refused role: logged
        await user.send_raw(sticker={"file_id": "s", "file_unique_id": "us", "width": 1,
                                     "height": 1, "is_animated": False, "is_video": False,
                                     "type": "regular"})
    assert caplog.records  # something was logged …
    assert "912345678" not in caplog.text and "Trần Thị Lan" not in caplog.text  # … but not this


async def test_phong_staff_see_their_own_unit(telegram: OfflineTelegram) -> None:
    [welcome] = await telegram.user(530).share_contact("0904000001")
    assert "Chuyên viên Phòng" in welcome.text and "Đơn vị: Huyện Hòa An" in welcome.text
    assert "Đơn vị quản lý" not in welcome.text
