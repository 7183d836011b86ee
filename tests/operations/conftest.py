"""Fixtures for the operations commands: a clean environment and `troly` run in-process."""

from __future__ import annotations

import os
from collections.abc import Callable
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
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
