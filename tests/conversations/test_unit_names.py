"""A typo in a unit name creates nothing (issue 20, item 6): invitations and announcements name
units the roster made, and a near miss is answered with the closest names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.offline import OfflineTelegram
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.conversations.test_deployment import officer, troly

__all__ = ["officer"]  # the fixture, for pytest


def units(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM units").fetchone()[0])


def test_invite_names_an_existing_phong_or_says_the_closest(
        officer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = officer / "data" / "demo.sqlite3"
    troly(capsys, "letters", "list")  # the demo database, as make run builds it
    before = units(demo)
    code, out, err = troly(capsys, "invite", "--role", "phong", "--name", "A",
                           "--unit", "Huyen Hoa Ann")
    assert code == 2 and "Huyện Hòa An" in err and "t.me" not in out, (out, err)
    code, out, err = troly(capsys, "invite", "--role", "phong", "--name", "A",
                           "--unit", "Huyện Không Có")
    assert code == 2 and "Huyện Không Có" in err and len(err.splitlines()) == 1, err
    assert units(demo) == before
    code, out, _err = troly(capsys, "invite", "--role", "phong", "--name", "A",
                            "--unit", "huyện hoà an")  # case, tone marks: the same Phòng
    assert code == 0 and "t.me" in out and units(demo) == before
    code, out, _err = troly(capsys, "invite", "--role", "phong", "--name", "A",
                            "--unit", "Xã Mới Lập", "--new-unit")
    assert code == 0 and units(demo) == before + 1


def test_broadcast_audience_names_an_existing_unit(
        officer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = troly(capsys, "broadcast", "--dry-run", "--text", "x",
                            "--audience", "unit=Truong TH Kim Dongg")
    assert code == 2 and "Trường TH Kim Đồng" in err, err
    code, out, _err = troly(capsys, "broadcast", "--dry-run", "--text", "x",
                            "--audience", "unit=Trường TH Kim Đồng")
    assert code == 0 and "Người nhận: 6 người" in out, out


async def test_an_invitation_in_the_bot_creates_no_unit_for_a_typo(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID, "Sở")
    before = units(demo_db.path)
    [refused] = await admin.send("/moi phong Huyện Hòa Ann | Nguyễn Văn Mới")
    assert "Huyện Hòa An" in refused.text and "start=" not in refused.text
    assert units(demo_db.path) == before
