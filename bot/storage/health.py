"""What ``troly doctor`` reads from the database: schema, writability, outbox backlog, jobs.

Plain ``sqlite3`` with a short busy timeout: the doctor runs beside the bot, every minute if a
monitor wants, and must answer quickly rather than queue behind the bot's writes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

PROBE_TIMEOUT_S = 2.0


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True,
                           isolation_level=None, timeout=PROBE_TIMEOUT_S)


def write_error(conn: sqlite3.Connection) -> str | None:
    """Try a write and roll it back: None when the database takes writes, else why not."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE doctor_write_probe (x INTEGER)")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        return str(exc)
    return None


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def quick_check(conn: sqlite3.Connection) -> str:
    return "; ".join(r[0] for r in conn.execute("PRAGMA quick_check").fetchall()[:3])


@dataclass
class OutboxHealth:
    backlog: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → status → rows
    oldest_pending: str | None = None  # created_at of the oldest row due now
    stuck_sending: int = 0  # claimed longer ago than the threshold
    oldest_sending: str | None = None


def outbox_health(conn: sqlite3.Connection, now: dt.datetime,
                  stuck_before: dt.datetime) -> OutboxHealth:
    """Rows not yet final (pending, sending, and failed for the record) by kind and status."""
    health = OutboxHealth()
    for kind, status, n in conn.execute(
            "SELECT kind, status, COUNT(*) FROM outbox WHERE status IN "
            "('pending', 'sending', 'failed') GROUP BY kind, status ORDER BY kind, status"):
        health.backlog.setdefault(kind, {})[status] = n
    health.oldest_pending = conn.execute(
        "SELECT MIN(created_at) FROM outbox WHERE status = 'pending' AND "
        "(not_before IS NULL OR not_before <= ?)",
        (now.isoformat(timespec="seconds"),)).fetchone()[0]
    health.stuck_sending, health.oldest_sending = conn.execute(
        "SELECT COUNT(*), MIN(updated_at) FROM outbox WHERE status = 'sending' "
        "AND updated_at < ?", (stuck_before.isoformat(timespec="seconds"),)).fetchone()
    return health


def last_audit(conn: sqlite3.Connection, action: str) -> str | None:
    """When the audit log last recorded ``action`` (e.g. a reminder planning run)."""
    row = conn.execute("SELECT MAX(at) FROM audit_log WHERE action = ?", (action,)).fetchone()
    return row[0] if row else None


def active_campaign_text(conn: sqlite3.Connection) -> str | None:
    """The running campaign's file, or None before any campaign was loaded."""
    row = conn.execute("SELECT text FROM campaigns WHERE active = 1 ORDER BY id DESC "
                       "LIMIT 1").fetchone()
    return str(row[0]) if row else None
