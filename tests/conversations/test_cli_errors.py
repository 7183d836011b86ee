"""Every ``troly`` command, given a missing file, a bad date or an unreachable Bot API server,
prints one line and exits non-zero (2: the user's input, 1: a failure); help speaks Vietnamese,
English on request (issue 14)."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

import pytest

from bot.cli import _parser
from bot.storage import Database
from tests.conversations.live_bot import ROOT, TOKEN, free_port

MISSING = "/nonexistent/troly-test"
# command → (arguments, expected exit code); every command of the parser must be listed.
CASES: dict[str, list[tuple[list[str], int]]] = {
    "run": [(["run"], 1)],
    "chat": [(["chat", "--db", "data/x.sqlite3"], 2)],  # data/ is a file: no folder for it
    "import-roster": [(["import-roster", f"{MISSING}/ds.xlsx"], 2), (["import-roster"], 2)],
    "import-status": [(["import-status", f"{MISSING}/tt.csv"], 2)],
    "roster-template": [(["roster-template", f"{MISSING}/mau.xlsx"], 2)],
    "ask": [(["ask"], 2)],
    "eval": [(["eval", f"{MISSING}/q.yaml"], 2)],
    "reminders": [(["reminders", "plan", "--at", "2027-02-31 07:30"], 2),
                  (["reminders", "run"], 1), (["reminders"], 2)],
    "deadlines": [(["deadlines", "add", "--date", "31/02/2027", "--title", "x",
                    "--audience", "staff"], 2),
                  (["deadlines", "edit", "1", "--date", "32/13"], 2),
                  (["deadlines", "edit", "một"], 2)],
    "broadcast": [(["broadcast", "--file", f"{MISSING}/tb.txt"], 2),
                  (["broadcast", "--audience", "level=XYZ", "--text", "x"], 2),
                  (["broadcast", "--text", "Họp"], 1)],
    "invite": [(["invite", "--role", "phong", "--name", "A"], 2),
               (["invite", "--role", "bo", "--name", "A"], 2)],
    "letters": [(["letters", "add", f"{MISSING}/cv.pdf"], 2), (["letters", "remove", "x"], 2)],
    "backup": [(["backup", "--to", "data/bk"], 1), (["backup", "--keep", "abc"], 2)],
    "restore": [(["restore", f"{MISSING}/b.sqlite3"], 2)],
    "doctor": [(["doctor"], 1)],  # its report lists the unreachable Bot API among the problems
    "campaign": [(["campaign", "check", f"{MISSING}/c.yaml"], 2),
                 (["campaign", "load", f"{MISSING}/c.yaml"], 2)],
    "demo-reset": [(["demo-reset"], 2)],  # data/ is a file here: the database cannot be made
    "web-link": [(["web-link", "0999 888 777"], 2), (["web-link"], 2),
                 (["web-link", "0912000002"], 2)],  # not in the roster; a teacher
}
REPORTS = {"doctor"}  # a diagnostic: its answer is a report on stdout, not one error line


def commands() -> set[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return set(sub.choices)  # type: ignore[arg-type]


def test_every_command_has_its_error_cases() -> None:
    missing = commands() - set(CASES)
    assert not missing, f"add error cases for {sorted(missing)} to CASES"


async def troly(args: list[str], cwd: Path, **env: str) -> tuple[int, str, str]:
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "PYTHONPATH": str(ROOT),
                   "LANG": "C.UTF-8", **env}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_each_mistake_and_outage_is_one_line_and_a_non_zero_exit(
        tmp_path: Path, demo_db: Database) -> None:
    closed = free_port()  # nothing listens there: the Bot API server is unreachable
    (tmp_path / "data").write_text("not a folder")
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{closed}/bot",
           "TROLY_DB_PATH": str(demo_db.path)}
    cases = [(args, code) for runs in CASES.values() for args, code in runs]
    gate = asyncio.Semaphore(2)

    async def run(args: list[str]) -> tuple[int, str, str]:
        async with gate:
            return await troly(args, tmp_path, **env)

    results = await asyncio.gather(*(run(args) for args, _code in cases))
    for (args, code), (returncode, out, err) in zip(cases, results, strict=True):
        shown = f"troly {' '.join(args)}\n--- stdout\n{out}--- stderr\n{err}"
        assert "Traceback" not in out + err, shown
        assert returncode == code, shown
        if args[0] in REPORTS:
            assert "Telegram" in out and not err.strip(), shown
            continue
        assert len(err.strip().splitlines()) == 1 and err.startswith("troly"), shown


async def test_the_unreachable_server_and_the_missing_file_are_said_plainly(
        tmp_path: Path, demo_db: Database) -> None:
    closed = free_port()
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{closed}/bot",
           "TROLY_DB_PATH": str(demo_db.path)}
    code, out, err = await troly(["run"], tmp_path, **env)
    assert err == (f"troly: không kết nối được Telegram Bot API tại http://127.0.0.1:{closed}/bot"
                   ": kiểm tra mạng, hoặc TELEGRAM_API_BASE_URL (httpx.ConnectError: All "
                   "connection attempts failed)\n")
    code, out, err = await troly(["roster-template", "/nonexistent/x.xlsx"], tmp_path)
    assert code == 2 and out.startswith("Cơ sở dữ liệu: data/demo.sqlite3")  # every command
    assert err == ("troly: không dùng được tệp /nonexistent/x.xlsx: không có tệp hoặc thư mục "
                   "này\n")
    code, out, err = await troly(["--lang", "en", "roster-template", "/nonexistent/x.xlsx"],
                                 tmp_path)
    assert err == "troly: cannot use the file /nonexistent/x.xlsx: no such file or folder\n"


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["--help"], {}, "cách dùng: troly"),
    (["broadcast", "--help"], {}, "gửi ngay cả trong khoảng 21:00–07:00"),
    (["--lang", "en", "--help"], {}, "usage: troly"),
    (["--help"], {"LANG": "en_US.UTF-8"}, "show this help message and exit"),
])
async def test_help_speaks_vietnamese_and_english_on_request(
        tmp_path: Path, args: list[str], env: dict[str, str], expected: str) -> None:
    code, out, _err = await troly(args, tmp_path, **env)
    assert code == 0 and expected in out


async def test_commands_without_a_token_use_the_demo_database_of_make_run(
        tmp_path: Path) -> None:
    code, out, err = await troly(["reminders", "plan", "--at", "2027-02-21 07:30"], tmp_path)
    assert code == 0, err
    assert out.startswith("Cơ sở dữ liệu: data/demo.sqlite3 (dữ liệu mẫu")
    code, out, err = await troly(["broadcast", "--dry-run", "--text", "x"], tmp_path)
    assert "Người nhận: 24 người" in out  # the demo province, not an empty database
    assert (tmp_path / "data" / "demo.sqlite3").is_file()
    code, out, err = await troly(["deadlines", "list"], tmp_path,
                                 TROLY_DB_PATH=str(tmp_path / "other.sqlite3"))
    assert out.startswith(f"Cơ sở dữ liệu: {tmp_path / 'other.sqlite3'}\n")


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    texts = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            texts.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            texts += [c.help for c in action._choices_actions if c.help]
            for sub in set(action.choices.values()):
                texts += _help_texts(sub)
    return texts


def test_every_help_text_reads_in_vietnamese() -> None:
    from bot.cli_frame import speak
    from bot.i18n import translator

    speak("en")  # argparse's own words as msgids too, whatever an earlier test chose
    vi = translator("vi")
    english = sorted({t for t in _help_texts(_parser()) if vi.gettext(t) == t})
    assert not english, f"mark with N_() and translate: {english[:5]}"
