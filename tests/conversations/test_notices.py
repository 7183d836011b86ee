"""A notice is queued in the transaction of the change it announces, so a crash right after
the change still lets it out (issue 13, item 4)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from bot.domain.tasks import ReviewState
from bot.offline import OfflineTelegram, SimulatedUser
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.conversations.test_tasks_and_approvals import HOA, LAN, signed_in, state_of
from tests.default_campaign import TaskCode


class Crash(Exception):
    """The process dying right after the use case committed."""


def crash_after(monkeypatch: pytest.MonkeyPatch, use_case: str) -> None:
    """``use_case`` (a dotted path) commits, then the process dies before anything else."""
    module_name, name = use_case.rsplit(".", 1)
    original = getattr(importlib.import_module(module_name), name)

    async def commits_then_dies(*args: Any, **kwargs: Any) -> Any:
        await original(*args, **kwargs)
        raise Crash

    monkeypatch.setattr(use_case, commits_then_dies)


def approved_notices(telegram: OfflineTelegram, user: SimulatedUser) -> list[str]:
    return [m.text for m in telegram.api.messages_to(user.user_id)
            if "đã được" in m.text and "Hiệu trưởng Trần Thị Lan" in m.text]


async def sent_for_approval(telegram: OfflineTelegram, hoa: SimulatedUser) -> None:
    await hoa.send("/tiendo")
    await hoa.press("KH MĐ2")
    await hoa.press("GVSP/GVQLGD")


async def test_the_alert_and_the_approval_notice_survive_a_crash_after_commit(
        telegram: OfflineTelegram, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    hoa = await signed_in(telegram, HOA)
    lan = await signed_in(telegram, LAN)
    await hoa.send("/tiendo")
    await hoa.press("KH MĐ2")
    with monkeypatch.context() as patch:
        crash_after(patch, "bot.services.tasks.change_own")
        await hoa.press("GVSP/GVQLGD")
    [alert] = [m for m in telegram.api.messages_to(lan.user_id) if "chờ Thầy/Cô duyệt" in m.text]

    [confirm] = await lan.press("Đã duyệt trên LMS", alert)
    with monkeypatch.context() as patch:
        crash_after(patch, "bot.services.tasks.approve")
        await lan.press("Xác nhận đã duyệt", confirm)
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.APPROVED
    assert len(approved_notices(telegram, hoa)) == 1


async def test_approved_again_after_an_import_reopened_it_tells_the_owner_again(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await signed_in(telegram, HOA)
    lan = await signed_in(telegram, LAN)
    await sent_for_approval(telegram, hoa)
    await lan.press("Đã duyệt trên LMS")
    await lan.press("Xác nhận đã duyệt")
    assert len(approved_notices(telegram, hoa)) == 1

    reopen = f"Số điện thoại,KH MĐ2\n{HOA},GVSP đã duyệt\n"
    [imported] = await telegram.user(ADMIN_ID).send_document("trangthai.csv", reopen.encode())
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.LECTURER_APPROVED, \
        imported.text
    [waiting] = await lan.send("/choduyet")
    [confirm] = await lan.press("KH MĐ2", waiting)
    await lan.press("Xác nhận đã duyệt", confirm)
    assert await state_of(demo_db, HOA, TaskCode.PLAN_M2) is ReviewState.APPROVED
    assert len(approved_notices(telegram, hoa)) == 2
