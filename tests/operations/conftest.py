"""Fixtures for the operations commands: a clean environment and `troly` run in-process."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.cli import main

CliRun = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> CliRun:
    """``cli("backup", "--keep", "2")`` → (exit code, stdout, stderr), with only the settings
    the test sets (TROLY_DB_PATH points into tmp_path) and Vietnamese output."""
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "TROLY_")) or name in (
                "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TROLY_DB_PATH", str(tmp_path / "test.sqlite3"))
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        with ThreadPoolExecutor(1) as pool:  # the command runs its own event loop
            code = pool.submit(main, list(argv)).result()
        out, err = capsys.readouterr()
        # every command first names its database (issue 20), on stderr when stdout is JSON
        stream = "err" if "--json" in argv else "out"
        text = err if stream == "err" else out
        first, _newline, rest = text.partition("\n")
        assert first.startswith("Cơ sở dữ liệu: "), (argv, out, err)
        return (code, rest, err) if stream == "out" else (code, out, rest)

    return run


@pytest.fixture
def acli(cli: CliRun) -> Callable[..., Awaitable[tuple[int, str, str]]]:
    """``await acli(...)``: the same, leaving the test's event loop free (e.g. for a fake
    Bot API server the command talks to)."""

    async def run(*argv: str) -> tuple[int, str, str]:
        return await asyncio.to_thread(cli, *argv)

    return run
