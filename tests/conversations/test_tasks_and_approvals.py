"""Tasks, the cốt cán approval chain and its alerts, as the people involved live them."""

from __future__ import annotations

import asyncio

from bot.domain.tasks import ReviewState
from bot.offline import OfflineTelegram, SimulatedUser
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage import tasks as task_repo
from bot.storage.people import person_by_phone
from tests.conftest import ADMIN_ID
from tests.default_campaign import BP, TaskCode

HOA = "0912000001"  # GV cốt cán, Trường TH Kim Đồng (Huyện Hòa An)
LAN = "0912345678"  # Hiệu trưởng TH Kim Đồng, CBQL cốt cán TH
KIM = "0914000001"  # Hiệu trưởng TH Võ Thị Sáu (another school)
PHUC = "0904000001"  # Chuyên viên Phòng Hòa An (TH)
MAI = "0904000002"  # Chuyên viên Phòng Hòa An (THCS)
DUNG = "0913000001"  # Hiệu trưởng THCS Lê Lợi, CBQL cốt cán THCS
LONG = "0915000001"  # Hiệu trưởng THPT Nguyễn Du, CBQL cốt cán THPT
TUAN, HA = "0903000001", "0903000002"  # Sở staff (Hà follows THPT)


async def signed_in(telegram: OfflineTelegram, phone: str) -> SimulatedUser:
    user = telegram.user(int(phone), phone=phone)
    [welcome] = await user.share_contact()
    assert "xác minh" in welcome.text
    return user


async def move(user: SimulatedUser, header: str, state_label: str) -> list:
    await user.send("/tiendo")
    await user.press(header)
    return await user.press(state_label)


async def state_of(db: Database, phone: str, task: TaskCode) -> object:
    person = await person_by_phone(db.reader, phone)
    assert person is not None
    return (await task_repo.states_of(db.reader, BP, person.id)).get(task)


async def test_plan_approved_by_lecturer_alerts_only_the_principal_who_approves(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await signed_in(telegram, HOA)
    lan = await signed_in(telegram, LAN)
    others = [await signed_in(telegram, p) for p in (KIM, PHUC, TUAN)]

    [checklist] = await hoa.send("/tiendo")
    assert "KH MĐ2" in checklist.button_texts and "❌" in checklist.text
    await hoa.press("KH MĐ2")
    replies = await hoa.press("GVSP/GVQLGD")
    assert any("Đã cập nhật" in m.text and "đã báo cho 1 người duyệt" in m.text
               for m in replies)

    [alert] = [m for m in telegram.api.messages_to(lan.user_id) if "chờ Thầy/Cô duyệt" in m.text]
    assert "Nguyễn Thị Hoa" in alert.text and "mô đun 2" in alert.text
    assert "đăng nhập LMS" in alert.text and "scan" in alert.text  # the two ways (001)
    for other in others:
        assert not any("chờ Thầy/Cô duyệt" in m.text
                       for m in telegram.api.messages_to(other.user_id))

    [waiting] = await lan.send("/choduyet")
    assert "Nguyễn Thị Hoa" in waiting.text

    [confirm] = await lan.press("Đã duyệt trên LMS", alert)
    assert "Nguyễn Thị Hoa" in confirm.text and "hoàn tác trong 10 phút" in confirm.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.LECTURER_APPROVED
    replies = await lan.press("Xác nhận đã duyệt", confirm)
    assert any("đã được duyệt" in m.text for m in replies)
    told = [m for m in telegram.api.messages_to(hoa.user_id) if "đã được" in m.text
            and "Hiệu trưởng Trần Thị Lan" in m.text]
    assert told
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.APPROVED

    [again] = await lan.press("Xác nhận đã duyệt", confirm)  # replayed press
    assert "đã ở trạng thái" in again.text


async def test_another_schools_principal_and_the_owner_cannot_approve(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await signed_in(telegram, HOA)
    kim = await signed_in(telegram, KIM)
    await move(hoa, "KH MĐ3", "GVSP/GVQLGD")
    hoa_id = (await person_by_phone(demo_db.reader, HOA)).id

    [refused] = await kim.press_data(f"ap:{hoa_id}:plan_m3",
                                     telegram.api.messages_to(kim.user_id)[-1])
    assert "Chỉ người duyệt" in refused.text
    [own] = await hoa.press_data(f"ap:{hoa_id}:plan_m3")
    assert "không dành cho vai trò" in own.text
    for forged in ("ap:abc:plan_m3", f"ap:{hoa_id}:salary", "ap:99999:plan_m3", "ap:"):
        lan = telegram.user(int(LAN), phone=LAN)
        await lan.share_contact()
        [bad] = await lan.press_data(forged, telegram.api.messages_to(lan.user_id)[-1])
        assert "không hợp lệ" in bad.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M3) is ReviewState.LECTURER_APPROVED


async def test_cbql_cotcan_route_to_the_phong_and_to_the_so(telegram: OfflineTelegram) -> None:
    dung = await signed_in(telegram, DUNG)
    long_ = await signed_in(telegram, LONG)
    phuc, mai = await signed_in(telegram, PHUC), await signed_in(telegram, MAI)
    tuan, ha = await signed_in(telegram, TUAN), await signed_in(telegram, HA)

    await move(dung, "BC MĐ2", "GVSP/GVQLGD")  # THCS → Phòng Hòa An, its THCS officer
    assert any("Ngô Văn Dũng" in m.text for m in telegram.api.messages_to(mai.user_id))
    assert not any("Ngô Văn Dũng" in m.text for m in telegram.api.messages_to(phuc.user_id))
    assert not any("Ngô Văn Dũng" in m.text for m in telegram.api.messages_to(tuan.user_id))

    await move(long_, "BC MĐ2", "GVSP/GVQLGD")  # THPT → Sở, its THPT officer
    assert any("Tạ Văn Long" in m.text for m in telegram.api.messages_to(ha.user_id))
    assert not any("Tạ Văn Long" in m.text for m in telegram.api.messages_to(mai.user_id))


async def test_two_approvers_pressing_at_once_make_one_transition(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    long_ = await signed_in(telegram, LONG)
    tuan, ha = await signed_in(telegram, TUAN), await signed_in(telegram, HA)
    await move(long_, "KH MĐ9", "GVSP/GVQLGD")
    long_id = (await person_by_phone(demo_db.reader, LONG)).id
    data = f"ap:{long_id}:plan_m9"
    results = await asyncio.gather(
        tuan.press_data(data, telegram.api.messages_to(tuan.user_id)[-1]),
        ha.press_data(data, telegram.api.messages_to(ha.user_id)[-1]))
    texts = [m.text for batch in results for m in batch]
    assert sum("đã được duyệt" in t and "Ghi nhận" in t for t in texts) == 1
    assert sum("đã ở trạng thái" in t for t in texts) == 1
    history = await task_repo.history(demo_db.reader, long_id, TaskCode.PLAN_M9)
    assert [h.to_state for h in history] == ["lecturer_approved", "approved"]


async def test_going_back_needs_a_reason_and_history_keeps_every_step(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await signed_in(telegram, HOA)
    await move(hoa, "BC MĐ4", "Chưa triển khai")
    await hoa.send("/tiendo")
    await hoa.press("BC MĐ4")
    [ask] = await hoa.press("↩ chưa nộp")
    assert "cần ghi lý do" in ask.text
    [done] = await hoa.send("Bấm nhầm, chưa nộp thật")
    assert "Đã cập nhật" in done.text
    hoa_id = (await person_by_phone(demo_db.reader, HOA)).id
    history = await task_repo.history(demo_db.reader, hoa_id, TaskCode.REPORT_M4)
    assert [(h.from_state, h.to_state) for h in history] == [
        (None, "not_rolled_out"), ("not_rolled_out", "not_submitted")]
    assert history[1].reason == "Bấm nhầm, chưa nộp thật"
    assert all(h.actor == f"person:{hoa_id}" for h in history)


async def test_a_teacher_cannot_mark_their_own_plan_approved(telegram: OfflineTelegram,
                                                             demo_db: Database) -> None:
    hoa = await signed_in(telegram, HOA)
    await hoa.send("/tiendo")
    [options] = await hoa.press("KH MĐ5")
    assert not any("cấp trên" in t for t in options.button_texts)
    [refused] = await hoa.press_data("ts:plan_m5:approved")
    assert "Chỉ cấp trên" in refused.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M5) is None


async def test_status_import_sets_states_and_a_bad_row_changes_nothing(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    good = ("Số điện thoại,Mô đun 1,TEMIS tự đánh giá,KH MĐ2\n"
            f"{HOA},đạt,đã hoàn thành,GVSP đã duyệt\n"
            "0912000002,Đạt,chưa,\n")
    bad = good + "0912000003,dat roi,,\n" + "0999999999,đạt,,\n" + "0912000002,,chua,\n"
    [refused] = await admin.send_document("trangthai.csv", bad.encode())
    assert "Dòng 4" in refused.text and "Dòng 5" in refused.text and "Dòng 6" in refused.text
    assert await state_of(demo_db, HOA, TaskCode.MODULE1) is None

    [ok] = await admin.send_document("trangthai.csv", good.encode())
    assert "5 mục thay đổi" in ok.text
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.LECTURER_APPROVED

    hoa = await signed_in(telegram, HOA)
    [eligible] = await hoa.send("/dieukien")
    assert "đủ điều kiện" in eligible.text and "❌" not in eligible.text

    teacher = await signed_in(telegram, "0912000002")
    [not_yet] = await teacher.send("/dieukien")
    assert "chưa đủ điều kiện" in not_yet.text.lower()
    assert "Tự đánh giá trên TEMIS" in not_yet.button_texts[0]
    [steps] = await teacher.press(1)
    assert "TEMIS" in steps.text and "Nguồn" in steps.text


async def test_the_principal_sees_the_schools_open_tasks(telegram: OfflineTelegram) -> None:
    lan = await signed_in(telegram, LAN)
    [overview] = await lan.send("/truong")
    assert "Trường TH Kim Đồng" in overview.text and "6 người" in overview.text
    assert "Nguyễn Thị Hoa" in overview.text
    teacher = await signed_in(telegram, "0912000002")
    [refused] = await teacher.send("/truong")
    assert "không dành cho vai trò" in refused.text


def test_status_sheet_detection() -> None:
    from bot.domain.status_sheet import looks_like_status_sheet

    status = read_table("Số điện thoại,KH MĐ2\n0912000001,đã nộp\n".encode(), "s.csv")
    roster = read_table("Họ và tên,Số điện thoại,Chức vụ,KH MĐ2\n".encode(), "r.csv")
    assert looks_like_status_sheet(status, BP) and not looks_like_status_sheet(roster, BP)
