"""``troly doctor``: the checks one IT officer, or a monitor every minute, runs on a deployment.

Each section holds facts (for the screen and ``--json``) and adds a problem code when something
is wrong; any problem makes the command exit non-zero. Telegram is asked through the configured
``TELEGRAM_API_BASE_URL``, so a self-hosted Bot API server (or a test's fake) is what answers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot import bot_lock
from bot.config import Settings
from bot.storage import health
from bot.storage.backup import backups_in
from bot.storage.database import LATEST_VERSION

STUCK_AFTER = dt.timedelta(minutes=5)
BACKLOG_MAX_AGE = dt.timedelta(hours=1)
BACKUP_MAX_AGE = dt.timedelta(days=2)
WEBHOOK_ERROR_RECENT = dt.timedelta(hours=1)
MIN_FREE_BYTES = 512 * 1024 * 1024
TELEGRAM_TIMEOUT_S = 5.0


@dataclass
class Diagnosis:
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems), **self.sections}


async def diagnose(settings: Settings, now: dt.datetime) -> Diagnosis:
    """Every check, in the order the screen shows them; ``now`` is aware (UTC)."""
    d = Diagnosis()
    _settings(d, settings)
    _database(d, settings.db_path, now)
    _campaign(d, settings)
    await _telegram(d, settings, now)
    _backup(d, settings.backups, now)
    _disk(d, settings.db_path)
    _ocr(d)
    d.sections["bot"] = {"running": bot_lock.bot_running(settings.db_path),
                         "in_use": bot_lock.in_use(settings.db_path)}
    return d


def _settings(d: Diagnosis, settings: Settings) -> None:
    d.sections["settings"] = {
        "token_set": settings.token is not None, "admins": len(settings.admin_ids),
        "api_base_url": settings.api_base_url, "db_path": str(settings.db_path),
        "backup_dir": str(settings.backups), "backup_keep": settings.backup_keep,
        "timezone": settings.timezone.key, "province": settings.province,
        "routing": settings.routing}
    if settings.token is None:
        d.problems.append("token_missing")
    if not settings.admin_ids:
        d.problems.append("admins_missing")


def _database(d: Diagnosis, path: Path, now: dt.datetime) -> None:
    db: dict[str, Any] = {"path": str(path), "exists": path.is_file(), "writable": False,
                          "schema_version": None, "latest_version": LATEST_VERSION,
                          "migrations_current": False, "quick_check": None, "error": None}
    d.sections["database"] = db
    if not path.is_file():
        d.problems.append("database_missing")
        return
    try:
        conn = health.connect(path)
    except sqlite3.Error as exc:
        db["error"] = str(exc)
        d.problems.append("database_not_writable")
        return
    try:
        db["error"] = health.write_error(conn)
        db["writable"] = db["error"] is None
        db["schema_version"] = version = health.schema_version(conn)
        db["migrations_current"] = version == LATEST_VERSION
        db["quick_check"] = health.quick_check(conn)
        if db["quick_check"] == "ok" and version >= 5:  # the outbox came in migration 5
            _outbox(d, conn, now)
            d.sections["reminders"] = {
                "last_planning_run": health.last_audit(conn, "reminders.plan")}
    except sqlite3.Error as exc:
        db["error"] = str(exc)
    finally:
        conn.close()
    if not db["writable"]:
        d.problems.append("database_not_writable")
    if db["quick_check"] != "ok":
        d.problems.append("database_damaged")
    if not db["migrations_current"]:
        d.problems.append("migrations_pending")


def _campaign(d: Diagnosis, settings: Settings) -> None:
    """The province the database was settled for, and whether its campaign has any task: a
    province with no shipped file starts on an empty campaign until the Sở loads its own."""
    from bot.domain.campaign_file import parse_campaign
    from bot.domain.provinces import name_of, region

    if not d.sections["database"]["exists"] or d.sections["database"]["quick_check"] != "ok":
        return
    conn = health.connect(settings.db_path)
    try:
        text = health.active_campaign_text(conn)
    except sqlite3.Error:
        return
    finally:
        conn.close()
    campaign = parse_campaign(text)[0] if text else None
    if campaign is None:
        from bot.campaigns import bundled

        campaign = bundled()
    province = region(campaign.province)
    d.sections["campaign"] = {"key": campaign.key, "name": campaign.name, "province": province,
                              "province_name": name_of(province or ""),
                              "tasks": len(campaign.tasks), "loaded": text is not None}
    if not campaign.tasks:
        d.problems.append("campaign_empty")
    if settings.province and text is not None and province != settings.province:
        d.problems.append("province_mismatch")


def _outbox(d: Diagnosis, conn: sqlite3.Connection, now: dt.datetime) -> None:
    found = health.outbox_health(conn, now, now - STUCK_AFTER)
    d.sections["outbox"] = {"backlog": found.backlog, "oldest_pending": found.oldest_pending,
                            "stuck_sending": found.stuck_sending,
                            "oldest_sending": found.oldest_sending}
    if found.stuck_sending:
        d.problems.append("outbox_stuck_sending")
    if found.oldest_pending and (
            now - dt.datetime.fromisoformat(found.oldest_pending) > BACKLOG_MAX_AGE):
        d.problems.append("outbox_backlog_old")


async def _telegram(d: Diagnosis, settings: Settings, now: dt.datetime) -> None:
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError
    from telegram.request import HTTPXRequest

    tg: dict[str, Any] = {"checked": False, "token_valid": None, "username": None,
                          "error": None, "webhook": None}
    d.sections["telegram"] = tg
    if settings.token is None:
        return
    base = (settings.api_base_url or "https://api.telegram.org/bot").rstrip("/")
    bot = Bot(settings.token, base_url=base, base_file_url=base.replace("/bot", "/file/bot"),
              request=HTTPXRequest(connect_timeout=TELEGRAM_TIMEOUT_S,
                                   read_timeout=TELEGRAM_TIMEOUT_S))
    tg["checked"] = True
    try:
        await bot.initialize()  # getMe
        tg["token_valid"] = True
        tg["username"] = bot.username
        info = await bot.get_webhook_info()
        if info.url:
            last_error = info.last_error_date
            tg["webhook"] = {"url": info.url, "pending_updates": info.pending_update_count,
                             "last_error_at": last_error.isoformat() if last_error else None,
                             "last_error": info.last_error_message}
            if last_error and now - last_error < WEBHOOK_ERROR_RECENT:
                d.problems.append("webhook_error")
    except InvalidToken:  # its message repeats the token: never print it
        tg["token_valid"] = False
        tg["error"] = "InvalidToken"
        d.problems.append("token_invalid")
    except TelegramError as exc:
        tg["error"] = type(exc).__name__
        d.problems.append("telegram_unreachable")
    finally:
        with contextlib.suppress(Exception):
            await bot.shutdown()


def _backup(d: Diagnosis, directory: Path, now: dt.datetime) -> None:
    copies = backups_in(directory)
    last = copies[-1] if copies else None
    at = dt.datetime.fromtimestamp(last.stat().st_mtime, dt.UTC) if last else None
    age = now - at if at else None
    stale = age is None or age > BACKUP_MAX_AGE
    hours = round(age.total_seconds() / 3600, 1) if age is not None else None
    d.sections["backup"] = {"dir": str(directory), "count": len(copies),
                            "last": str(last) if last else None,
                            "last_at": at.isoformat(timespec="seconds") if at else None,
                            "age_hours": hours,
                            "stale": stale}
    if stale:
        d.problems.append("backup_stale")


def _ocr(d: Diagnosis) -> None:
    """Whether scanned letters can be read. Not a problem when missing: a scan then gets a
    clear refusal asking for a text PDF or the .docx."""
    from bot.knowledge import ocr

    version = ocr.engine_version()
    d.sections["ocr"] = {"available": version is not None, "engine": "tesseract",
                         "version": version, "language": ocr.LANGUAGE}


def _disk(d: Diagnosis, db_path: Path) -> None:
    where = db_path.parent if db_path.parent.exists() else Path(".")
    usage = shutil.disk_usage(where)
    d.sections["disk"] = {"path": str(where), "free_bytes": usage.free,
                          "total_bytes": usage.total, "low": usage.free < MIN_FREE_BYTES}
    if usage.free < MIN_FREE_BYTES:
        d.problems.append("disk_low")
