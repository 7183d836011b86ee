"""Whatever people send, they get a polite Vietnamese answer that says what to do next."""

from __future__ import annotations

from bot.offline import OfflineTelegram
from bot.storage import Database
from bot.storage.people import count_people
from tests.conftest import ADMIN_ID


async def test_stickers_photos_voice_and_locations_get_a_text_only_note(
        telegram: OfflineTelegram) -> None:
    user = telegram.user(601)
    kinds = [
        {"sticker": {"file_id": "s", "file_unique_id": "us", "width": 1, "height": 1,
                     "is_animated": False, "is_video": False, "type": "regular"}},
        {"photo": [{"file_id": "p", "file_unique_id": "up", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "uv", "duration": 3}},
        {"location": {"latitude": 10.77, "longitude": 106.7}},
    ]
    for content in kinds:
        [reply] = await user.send_raw(**content)
        assert "chỉ đọc được tin nhắn chữ" in reply.text and "/help" in reply.text


async def test_unknown_commands_and_edited_messages(telegram: OfflineTelegram) -> None:
    user = telegram.user(602)
    [unknown] = await user.send("/khongcolenhnay")
    assert "/khongcolenhnay" in unknown.text and "/help" in unknown.text
    [edited] = await user.edit(5, "sửa lại câu hỏi")
    assert "tin nhắn mới" in edited.text


async def test_group_commands_point_to_the_private_chat(telegram: OfflineTelegram) -> None:
    [reply] = await telegram.group_message(-100123, 603, "/start")
    assert "tin nhắn riêng" in reply.text
    assert await telegram.group_message(-100123, 603, "chào cả nhà") == []


async def test_a_non_spreadsheet_from_the_admin_changes_nothing(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    before = await count_people(demo_db.reader)
    admin = telegram.user(ADMIN_ID)
    [pdf] = await admin.send_document("congvan.pdf", b"%PDF-1.7 ...")
    assert "PDF" in pdf.text and "/mau" in pdf.text
    [xls] = await admin.send_document("ds.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 64)
    assert ".xlsx" in xls.text
    assert await count_people(demo_db.reader) == before


async def test_admin_imports_a_roster_by_sending_it(telegram: OfflineTelegram,
                                                   demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    [template] = await admin.send("/mau")
    assert template.kind == "document" and template.filename == "mau_danh_sach.xlsx"
    good = ("Họ và tên,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện\n"
            "Giáo Viên Mới,0918 111 222,Giáo viên,TH,Trường TH Kim Đồng,Huyện Hòa An\n")
    [ok] = await admin.send_document("ds.csv", good.encode())
    assert "1 người mới" in ok.text
    bad = good + "Sai,0918,Giáo viên,TH,Trường TH Kim Đồng,Huyện Hòa An\n"
    [refused] = await admin.send_document("ds.csv", bad.encode())
    assert "Dòng 3" in refused.text and "số điện thoại không hợp lệ" in refused.text


async def test_a_teacher_sending_a_file_is_refused(telegram: OfflineTelegram,
                                                  demo_db: Database) -> None:
    before = await count_people(demo_db.reader)
    teacher = telegram.user(604)
    await teacher.share_contact("0912000003")
    [refused] = await teacher.send_document("ds.csv", b"Ho va ten,So dien thoai,Chuc vu\n")
    assert "không dành cho vai trò" in refused.text
    assert await count_people(demo_db.reader) == before


async def test_a_teacher_reports_wrong_personal_info_for_phu_luc_4(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    teacher = telegram.user(620)
    await teacher.share_contact("0912000002")
    [menu] = await teacher.send("/suathongtin")
    [ask] = await teacher.press("Ngày sinh", menu)
    assert "LMS" in ask.text and "|" not in ask.text  # one question at a time, no separator
    [second] = await teacher.send("12/03/1985")
    assert "đúng" in second.text
    [ok] = await teacher.send("21/03/1985")
    assert "Phụ lục 4" in ok.text
    async with demo_db.reader.execute(
            "SELECT field, wrong_value, correct_value FROM info_corrections") as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [
            ("birth_date", "12/03/1985", "21/03/1985")]
    guest = telegram.user(621)
    [refused] = await guest.send("/suathongtin")
    assert "/start" in refused.text


async def test_added_to_a_group_the_bot_says_what_it_does_there(
        telegram: OfflineTelegram) -> None:
    import time

    update = {"my_chat_member": {
        "chat": {"id": -100555, "type": "supergroup", "title": "Tổ hỗ trợ"},
        "from": {"id": 603, "is_bot": False, "first_name": "Cán bộ"}, "date": int(time.time()),
        "old_chat_member": {"status": "left", "user": telegram.api.bot_user()},
        "new_chat_member": {"status": "member", "user": telegram.api.bot_user()}}}
    [note] = await telegram.deliver(update, -100555)
    assert "/nhomhotro" in note.text and "tin nhắn riêng" in note.text


async def test_a_press_too_old_for_telegram_still_gets_its_reply(
        telegram: OfflineTelegram) -> None:
    from bot.offline import BotApiError

    user = telegram.user(622)
    [menu] = await user.send("/ngonngu")

    async def too_old(params: dict, files: dict) -> bool:  # type: ignore[type-arg]
        raise BotApiError(400, "Bad Request: query is too old and response timeout expired")

    telegram.api._m_answercallbackquery = too_old  # type: ignore[method-assign]
    [done] = await user.press("English", menu)
    assert "Type /help" in done.text  # not "something went wrong"
