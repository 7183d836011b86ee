"""An officer's and a teacher's tour of the CLI and the bot, once in Vietnamese and once in
English: nothing shown is in the other language (issue 20). The check itself runs after every
test (tests/output_capture.py); this tour makes sure English mode is walked as much as
Vietnamese."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.cli import main
from bot.demo import DEMO_ROSTER
from bot.offline import OfflineTelegram, SimulatedUser
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.letter_files import letter_docx
from tests.output_capture import OutputRecorder

LANGUAGES = ["vi", "en"]
TEACHER, PRINCIPAL = "0912000001", "0912345678"


@pytest.fixture
def troly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "TROLY_")) or name in ("LANGUAGE", "LC_ALL",
                                                                   "LC_MESSAGES"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TROLY_DB_PATH", str(tmp_path / "troly.sqlite3"))
    monkeypatch.chdir(tmp_path)

    def run(language: str, *argv: str) -> tuple[int, str]:
        capsys.readouterr()
        with ThreadPoolExecutor(1) as pool:  # each command runs its own event loop
            code = pool.submit(main, ["--lang", language, *argv]).result()
        out, err = capsys.readouterr()
        return code, out + err

    return run


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_officers_commands_speak_one_language(
        language: str, troly, tmp_path: Path,  # type: ignore[no-untyped-def]
        one_language_at_a_time: OutputRecorder) -> None:
    (tmp_path / "cv.docx").write_bytes(letter_docx())
    steps: list[tuple[list[str], int]] = [
        (["import-roster", str(DEMO_ROSTER)], 0),
        (["campaign", "show"], 0),
        (["campaign", "check", "ha_noi"], 0),
        (["campaign", "load", "tphcm"], 0),
        (["campaign", "load", "binh_phuoc"], 0),
        (["campaign", "check", "nope.yaml"], 2),
        (["deadlines", "add", "--date", "15/5/2027", "--title", "Nộp báo cáo AI",
          "--audience", "staff"], 0),
        (["deadlines", "edit", "1", "--off"], 0),
        (["deadlines", "edit", "99", "--on"], 1),
        (["deadlines", "list"], 0),
        (["letters", "add", "cv.docx"], 0),
        (["letters", "list"], 0),
        (["letters", "remove", "1"], 0),
        (["letters", "remove", "99"], 1),
        (["invite", "--role", "so", "--name", "Lê Văn Tám"], 0),
        (["reminders", "plan", "--at", "2027-02-14 07:30"], 0),
        (["broadcast", "--text", "Họp trực tuyến", "--dry-run"], 0),
        (["ask", "hạn chót hoàn thành mô đun 1 là khi nào"], 0),
        (["roster-template", "mau.xlsx"], 0),
        (["backup", "--to", "saoluu"], 0),
    ]
    for argv, code in steps:
        assert troly(language, *argv)[0] == code, argv
    shown = [s for s in one_language_at_a_time.shown if s.language == language]
    assert len(shown) >= len(steps)
    assert one_language_at_a_time.problems() == []


async def _sign_up(telegram: OfflineTelegram, user_id: int, phone: str | None,
                   language: str) -> SimulatedUser:
    user = telegram.user(user_id, phone=phone)
    if language == "en":
        await user.send("/ngonngu")
        await user.press("🇬🇧 English")
    if phone:
        await user.share_contact()
    return user


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_teacher_and_an_admin_hear_one_language(
        language: str, telegram: OfflineTelegram, demo_db: Database,
        one_language_at_a_time: OutputRecorder) -> None:
    teacher = await _sign_up(telegram, int(TEACHER), TEACHER, language)
    for command in ("/help", "/tiendo", "/dieukien", "/hanchot", "/nhacnho", "/toi", "/hoidap"):
        assert await teacher.send(command), command
    await teacher.send("hạn chót hoàn thành mô đun 1 là khi nào")
    await teacher.send("xin chào")
    principal = await _sign_up(telegram, int(PRINCIPAL), PRINCIPAL, language)
    for command in ("/truong", "/choduyet", "/baocao"):
        assert await principal.send(command), command

    admin = await _sign_up(telegram, ADMIN_ID, None, language)
    for command in ("/help", "/hanchot", "/congvan", "/chuatraloi", "/hanchot xoa"):
        assert await admin.send(command), command
    [preview] = await admin.send_document("cong_van_2468.docx", letter_docx())
    _saved, dates = await admin.press(1, preview)
    await admin.press(1, dates)
    [listing] = await admin.send("/congvan")
    [confirm] = await admin.press(1, listing)
    await admin.press(1, confirm)
    [deadlines] = await admin.send("/hanchot")
    assert "#" in deadlines.text

    languages = {s.language for s in one_language_at_a_time.shown if s.where.startswith("bot")}
    assert language in languages
    assert one_language_at_a_time.problems() == []
