"""Consistent copies of the database while the bot writes, and putting one back.

SQLite's online backup API copies every page inside one read transaction, so a copy is the
database as of one moment even while the bot writes (in WAL mode the writer does not wait for
it); a plain file copy could catch half a transaction. These functions use the standard
``sqlite3`` module, not aiosqlite: they run from the command line, or in a thread from the
bot's nightly job. Errors carry an English gettext msgid, like domain errors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.domain.errors import DomainError
from bot.i18n import N_
from bot.storage.database import BUSY_TIMEOUT_MS, LATEST_VERSION

COUNTED_TABLES = ("people", "accounts", "task_states", "outbox")
_BACKUP_NAME = re.compile(r"^troly-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")


class BackupError(DomainError):
    """A copy could not be made, verified or restored; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A verified database file: its schema version and how many rows the key tables hold."""

    path: Path
    schema_version: int
    counts: dict[str, int]


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    return conn


def verify(path: Path) -> Snapshot:
    """Integrity check, schema version and row counts of a database file.

    Raises:
        BackupError: the file is missing, not an SQLite database, or damaged.
    """
    if not path.is_file():
        raise BackupError(N_("No such file: {file}"), {"file": path})
    try:
        conn = _connect(path, read_only=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                      for t in COUNTED_TABLES if t in tables}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(N_("{file} is not a readable database of the bot."),
                          {"file": path}) from exc
    if problems != ["ok"]:
        raise BackupError(N_("{file} is damaged: {error}"),
                          {"file": path, "error": "; ".join(problems[:3])})
    if "people" not in tables:
        raise BackupError(N_("{file} is not a database of the bot (it has no roster)."),
                          {"file": path})
    return Snapshot(path, version, counts)


def _copy(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` with the backup API, in one step (one snapshot)."""
    src = _connect(source)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def backup_name(now: dt.datetime) -> str:
    return f"troly-{now:%Y%m%d-%H%M%S}.sqlite3"


def backups_in(directory: Path) -> list[Path]:
    """The bot's copies in ``directory``, oldest first (names sort by time)."""
    if not directory.is_dir():
        return []
    found = [(m.group(1), int(m.group(2) or 0), p) for p in directory.iterdir()
             if (m := _BACKUP_NAME.match(p.name))]
    return [p for _stamp, _n, p in sorted(found)]


def make_backup(db_path: Path, directory: Path, now: dt.datetime, keep: int) -> Snapshot:
    """Copy the database into ``directory``, verify the copy, then keep the newest ``keep``.

    The copy is written under a temporary name and renamed only once verified, so a file
    with the final name is always a good copy.

    Raises:
        BackupError: no database, the folder cannot be written, or the copy is not sound.
    """
    if not db_path.is_file():
        raise BackupError(N_("No database at {file}."), {"file": db_path})
    target = directory / backup_name(now)
    n = 1
    while target.exists():
        target = directory / f"{backup_name(now).removesuffix('.sqlite3')}-{n}.sqlite3"
        n += 1
    partial = target.with_name(target.name + ".partial")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy(db_path, partial)
        snapshot = verify(partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(N_("The backup could not be written to {file}: {error}"),
                          {"file": directory, "error": exc}) from exc
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    for old in backups_in(directory)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return Snapshot(target, snapshot.schema_version, snapshot.counts)


def before_restore_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".before-restore")


def check_restorable(file: Path) -> Snapshot:
    """The file's integrity and schema version, before anything is touched.

    Raises:
        BackupError: damaged, not the bot's, or made by a newer version of the bot.
    """
    snapshot = verify(file)
    if snapshot.schema_version > LATEST_VERSION:
        raise BackupError(N_("{file} was made by a newer version of the bot (schema "
                             "{version}, this one knows {latest}): update the bot first."),
                          {"file": file, "version": snapshot.schema_version,
                           "latest": LATEST_VERSION})
    return snapshot


def stage_restore(file: Path, db_path: Path) -> Path:
    """Copy ``file`` beside the database (the original is never changed); returns the copy,
    which the caller migrates before :func:`swap_in`."""
    staged = db_path.with_name(db_path.name + ".restoring")
    for leftover in (staged, *_sidecars(staged)):
        leftover.unlink(missing_ok=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _copy(file, staged)
    return staged


def settle(staged: Path) -> None:
    """After the migrations: back to one self-contained file, ready to be moved into place."""
    conn = _connect(staged)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    for sidecar in _sidecars(staged):
        sidecar.unlink(missing_ok=True)


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def swap_in(staged: Path, db_path: Path) -> Path | None:
    """Keep the current database as ``….before-restore`` and put ``staged`` in its place.

    Only call it while no bot holds the database. Returns where the old database was kept.
    """
    kept = None
    if db_path.exists():
        with contextlib.suppress(sqlite3.Error):  # fold the WAL in, if the file is readable
            conn = _connect(db_path)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        kept = before_restore_path(db_path)
        for old in (kept, *_sidecars(kept)):
            old.unlink(missing_ok=True)
        os.replace(db_path, kept)
        wal, shm = _sidecars(db_path)
        if wal.exists():  # not folded in (a damaged database): keep it with the old file
            os.replace(wal, _sidecars(kept)[0])
        shm.unlink(missing_ok=True)
    os.replace(staged, db_path)
    return kept
