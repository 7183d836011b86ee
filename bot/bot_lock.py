"""One bot per database: ``troly run`` holds an exclusive lock beside the database file.

``troly restore`` takes the same lock, so it cannot swap the file under a running bot, and a
second ``troly run`` on the same database stops instead of sending everything twice. The
lock is an ``flock`` on ``<database>.lock``: the kernel releases it when the process ends,
however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class BotRunning(Exception):
    """Another process (a running bot) holds the database's lock."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path) -> int:
    """Take the lock and return its file descriptor (keep it open to keep the lock).

    Raises:
        BotRunning: a bot already runs on this database.
    """
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise BotRunning(str(db_path)) from exc
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
