"""A new Sở IT officer on a fresh clone (issue 20): every command names the same database, and a
new database is its province's from whichever command comes first."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from tests.conversations.test_cli_errors import commands

# command → a harmless run of it (a missing file is fine: the database line comes first).
RUNS: dict[str, list[str]] = {
    "run": ["run"],
    "chat": ["chat"],
    "import-roster": ["import-roster", "missing.xlsx"],
    "import-status": ["import-status", "missing.csv"],
    "roster-template": ["roster-template", "mau.xlsx"],
    "ask": ["ask", "hạn chót hoàn thành bồi dưỡng các mô đun là khi nào"],
    "eval": ["eval", "missing.yaml"],
    "reminders": ["reminders", "plan", "--at", "2027-02-21 07:30"],
    "deadlines": ["deadlines", "list"],
    "broadcast": ["broadcast", "--dry-run", "--text", "Họp"],
    "invite": ["invite", "--role", "so", "--name", "Nguyễn Văn A"],
    "letters": ["letters", "list"],
    "backup": ["backup"],
    "restore": ["restore", "missing.sqlite3"],
    "doctor": ["doctor"],
    "campaign": ["campaign", "show"],
    "demo-reset": ["demo-reset"],
    "web-link": ["web-link", "0903000001"],
}


@pytest.fixture
def officer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh clone: no .env, no token, no database; the console reads an empty stdin."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "TROLY_DB_PATH", "TROLY_PROVINCE", "TROLY_BACKUP_DIR",
                 "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    yield tmp_path


def troly(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_a_run() -> None:
    assert commands() == set(RUNS)


def test_every_command_names_the_same_database_first(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for args in RUNS.values():  # no token, no TROLY_DB_PATH: the console's demo database
        _code, out, err = troly(capsys, *args)
        assert out.startswith("Cơ sở dữ liệu: data/demo.sqlite3 (dữ liệu mẫu"), (args, out, err)
    monkeypatch.setenv("TROLY_DB_PATH", str(officer / "so.sqlite3"))
    for args in RUNS.values():
        _code, out, err = troly(capsys, *args)
        assert out.startswith(f"Cơ sở dữ liệu: {officer / 'so.sqlite3'}\n"), (args, out, err)
    for args in RUNS.values():  # --db wins, before or after the command word
        _code, out, err = troly(capsys, "--db", "other.sqlite3", *args)
        assert out.startswith("Cơ sở dữ liệu: other.sqlite3\n"), (args, out, err)
    code, out, _err = troly(capsys, "deadlines", "list", "--db", "third.sqlite3")
    assert code == 0 and out.startswith("Cơ sở dữ liệu: third.sqlite3\n")


def test_the_console_opens_the_database_of_troly_db_path(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROLY_DB_PATH", str(officer / "so.sqlite3"))
    assert troly(capsys, "letters", "list")[0] == 0
    code, out, _err = troly(capsys, "chat")
    assert code == 0
    assert f"offline console on {officer / 'so.sqlite3'}" in out or \
        f"ngoại tuyến trên {officer / 'so.sqlite3'}" in out, out
    assert not (officer / "data" / "demo.sqlite3").exists()


@pytest.mark.parametrize("first", ["ask", "campaign", "deadlines", "chat", "broadcast"])
def test_a_new_hanoi_deployment_is_hanoi_from_its_first_command(
        officer: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        first: str) -> None:
    monkeypatch.setenv("TROLY_DB_PATH", str(officer / "hn.sqlite3"))
    monkeypatch.setenv("TROLY_PROVINCE", "Hà Nội")
    troly(capsys, *RUNS[first])
    _code, out, _err = troly(capsys, *RUNS["ask"])
    assert "31/12/2022" in out and "28/02" not in out and "30/3" not in out, out
    _code, out, _err = troly(capsys, "campaign", "show")
    assert "ha_noi_2022" in out and "binh_phuoc" not in out, out
    _code, out, _err = troly(capsys, "deadlines", "list")
    active = [line for line in out.splitlines()[1:] if "TẮT" not in line and "OFF" not in line]
    assert active and all("2022" in line for line in active), out


def test_a_merged_province_finds_its_shipped_campaign_by_its_new_name(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROLY_DB_PATH", str(officer / "ag.sqlite3"))
    monkeypatch.setenv("TROLY_PROVINCE", "an_giang")  # Kiên Giang is part of An Giang
    _code, out, _err = troly(capsys, "campaign", "show")
    assert "kien_giang_2020" in out, out
    _code, out, _err = troly(capsys, "doctor")
    assert "Tỉnh: An Giang" in out, out


def test_a_province_without_a_shipped_file_starts_empty_and_doctor_says_so(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROLY_DB_PATH", str(officer / "ld.sqlite3"))
    monkeypatch.setenv("TROLY_PROVINCE", "dak_nong")  # a former province: Lâm Đồng today
    _code, out, _err = troly(capsys, "campaign", "show")
    assert "lam_dong_empty" in out and "module1" not in out, out
    _code, out, _err = troly(capsys, "deadlines", "list")
    assert all("TẮT" in line or "OFF" in line for line in out.splitlines()[1:]), out
    code, out, _err = troly(capsys, "doctor")
    assert code == 1
    assert "Tỉnh: Lâm Đồng" in out and "chưa có việc nào" in out, out


def test_troly_province_never_changes_the_demo_database(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROLY_PROVINCE", "ha_noi")
    for args in (["chat"], ["run"], ["campaign", "show"]):
        troly(capsys, *args)
    _code, out, _err = troly(capsys, "campaign", "show")
    assert out.startswith("Cơ sở dữ liệu: data/demo.sqlite3") and "[binh_phuoc]" in out, out


def test_an_unknown_province_is_refused_in_one_line(
        officer: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROLY_PROVINCE", "atlantis")
    code, out, err = troly(capsys, "campaign", "show")
    assert code == 2 and out == "" and "dong_nai" in err and len(err.splitlines()) == 1
