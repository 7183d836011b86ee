"""One bot per database, and no restore under anyone's feet.

``troly run`` holds an exclusive lock beside the database file, so a second ``troly run`` on the
same database stops instead of sending everything twice. Every troly process that uses the
database (the bot, the console, a command) also holds a shared "in use" lock for as long as it
runs; ``troly restore`` takes both exclusively, so it cannot swap the file under any of them.
The locks are ``flock``s on ``<database>.lock`` and ``<database>.users``: the kernel releases
them when the process ends, however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class BotRunning(Exception):
    """Another process (a running bot) holds the database's lock."""


class InUse(Exception):
    """Another troly process (the console, a command) is using the database."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path) -> int:
    """Take the lock and return its file descriptor (keep it open to keep the lock).

    Raises:
        BotRunning: a bot already runs on this database.
    """
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return _exclusive(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), BotRunning(str(db_path)))


def _exclusive(fd: int, refusal: Exception) -> int:
    """Lock ``fd`` exclusively without waiting; on refusal close it and raise ``refusal``."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise refusal from exc
    return fd


def release(fd: int) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def held(db_path: Path) -> Iterator[None]:
    fd = acquire(db_path)
    try:
        yield
    finally:
        release(fd)


def bot_running(db_path: Path) -> bool:
    """Whether a bot holds the lock now (without keeping it)."""
    if not lock_path(db_path).exists():
        return False
    try:
        fd = acquire(db_path)
    except BotRunning:
        return True
    release(fd)
    return False


def _users_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".users")


def _open_users(db_path: Path) -> int:
    path = _users_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextlib.contextmanager
def using(db_path: Path) -> Iterator[None]:
    """Mark the database in use by this process while the block runs (waits out a restore)."""
    fd = _open_users(db_path)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        release(fd)


def acquire_sole_use(db_path: Path) -> int:
    """For restore: no other troly process may use the database while this fd is open.

    Raises:
        InUse: the bot, the console or a command uses it now.
    """
    return _exclusive(_open_users(db_path), InUse(str(db_path)))


def in_use(db_path: Path) -> bool:
    """Whether any troly process uses the database now (without keeping the lock)."""
    if not _users_path(db_path).exists():
        return False
    try:
        fd = acquire_sole_use(db_path)
    except InUse:
        return True
    release(fd)
    return False
