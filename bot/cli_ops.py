"""``troly backup``, ``troly restore`` and ``troly doctor``: the IT officer's commands.

Output is Vietnamese (English with ``--lang en`` or an English locale); an error
is one line on stderr. Exit codes: 0 fine, 1 something failed or is wrong, 2 bad usage or a
bad input file.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from bot import bot_lock
from bot.config import Settings
from bot.i18n import N_, Translator, translator
from bot.storage.backup import BackupError, Snapshot

_held_lock: int | None = None

PROBLEMS = {
    "token_missing": N_("TELEGRAM_BOT_TOKEN is not set: the bot cannot reach Telegram."),
    "admins_missing": N_("TROLY_ADMIN_IDS is empty: nobody receives alerts such as a failed "
                         "backup."),
    "database_missing": N_("There is no database yet: start the bot once or import the "
                           "roster."),
    "database_not_writable": N_("The database cannot be written: check the file's owner and "
                                "permissions, free disk, and that no process holds it locked."),
    "database_damaged": N_("The database fails its integrity check: restore the last good "
                           "backup (troly restore)."),
    "migrations_pending": N_("The database schema is not the current one: restart the bot (it "
                             "upgrades the schema) or update the bot."),
    "token_invalid": N_("Telegram rejects the token: take the current one from @BotFather and "
                        "put it in .env."),
    "telegram_unreachable": N_("Telegram cannot be reached: check the server's network."),
    "webhook_error": N_("Telegram reported a webhook error in the last hour: check the reverse "
                        "proxy and the certificate."),
    "outbox_stuck_sending": N_("Messages have been marked as sending for more than 5 minutes: "
                               "restart the bot (they are sent again)."),
    "outbox_backlog_old": N_("Messages due for more than an hour are still waiting: is the bot "
                             "running?"),
    "backup_stale": N_("No backup in the last 2 days: run troly backup and check the nightly "
                       "job."),
    "disk_low": N_("Less than 512 MB of disk is free."),
    "campaign_empty": N_("The running campaign has no tasks (no campaign file is shipped for "
                         "this province): load the Sở's own with troly campaign load FILE "
                         "(docs/campaign.md)."),
    "province_mismatch": N_("TROLY_PROVINCE differs from the province this database was set "
                            "up for: the database's province is kept; use another database "
                            "for another province."),
}


OUTBOX_KINDS = {"reminder": N_("reminders"), "broadcast": N_("announcements"),
                "broadcast_urgent": N_("urgent announcements"), "alert": N_("approval alerts"),
                "notice": N_("approval notices"), "approval_undone": N_("approvals undone"),
                "ticket": N_("answers to questions"), "ticket_new": N_("new questions"),
                "ticket_undelivered": N_("undelivered answers"),
                "ticket_nudge": N_("questions waiting"), "ops_alert": N_("alerts to the admins")}
OUTBOX_STATES = {"pending": N_("waiting"), "sending": N_("sending"), "failed": N_("failed")}


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help=N_("a verified copy of the database, made while the "
                                           "bot runs; old copies beyond --keep are removed"))
    backup.add_argument("--to", type=Path, help=N_("folder (default TROLY_BACKUP_DIR)"))
    backup.add_argument("--keep", type=int, help=N_("copies to keep (default TROLY_BACKUP_KEEP)"))
    backup.set_defaults(handler=cmd_backup)
    restore = sub.add_parser("restore", help=N_("put a backup back in place (the bot must be "
                                             "stopped); the current database is kept aside"))
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)
    doctor = sub.add_parser("doctor", help=N_("check the deployment; exits non-zero when "
                                           "something is wrong"))
    doctor.add_argument("--json", action="store_true", help=N_("one JSON object, for a monitor"))
    doctor.set_defaults(handler=cmd_doctor)


def _error(message: str) -> None:
    print(f"troly: {message}", file=sys.stderr)


def _counts_line(snapshot: Snapshot, _: Translator) -> str:
    c = snapshot.counts
    return _("Integrity check: ok. People {people}, accounts {accounts}, task states "
             "{task_states}, outbox messages {outbox}.").format(
        people=c.get("people", 0), accounts=c.get("accounts", 0),
        task_states=c.get("task_states", 0), outbox=c.get("outbox", 0))


def claim_database(settings: Settings, language: str) -> bool:
    """For ``troly run``: hold the database's lock for the life of the process."""
    global _held_lock
    try:
        _held_lock = bot_lock.acquire(settings.db_path)
    except bot_lock.BotRunning:
        _ = translator(language)
        _error(_("A bot is already running on {file}: stop it first.").format(
            file=settings.db_path))
        return False
    return True


def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.storage.backup import backups_in, make_backup

    _ = translator(args.lang)
    keep = settings.backup_keep if args.keep is None else args.keep
    if keep < 1:
        _error(_("--keep must be at least 1."))
        return 2
    directory = args.to or settings.backups
    before = len(backups_in(directory))
    try:
        snapshot = make_backup(settings.db_path, directory,
                               dt.datetime.now(settings.timezone), keep)
    except BackupError as exc:
        _error(_(exc.message).format(**exc.params))
        return 1
    print(_("Backup written: {file}").format(file=snapshot.path))
    print(_counts_line(snapshot, _))
    removed = before + 1 - len(backups_in(directory))
    if removed > 0:
        print(_("Removed {n} old copies; the newest {keep} are kept.").format(n=removed,
                                                                              keep=keep))
    return 0


def cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from bot.storage.backup import check_restorable, settle, stage_restore, swap_in, verify

    _ = translator(args.lang)
    db_path = settings.db_path
    if not args.file.is_file():
        _error(_("No such file: {file}").format(file=args.file))
        return 2
    try:
        lock = bot_lock.acquire(db_path)
    except bot_lock.BotRunning:
        _error(_("A bot is running on {file}: stop it first (sudo systemctl stop troly), then "
                 "restore.").format(file=db_path))
        return 1
    try:
        sole = bot_lock.acquire_sole_use(db_path)
    except bot_lock.InUse:
        bot_lock.release(lock)
        _error(_("Another troly process (the offline console or a command) is using {file}: "
                 "close it first, then restore.").format(file=db_path))
        return 1
    try:
        try:
            found = check_restorable(args.file)
        except BackupError as exc:
            _error(_(exc.message).format(**exc.params))
            return 2
        try:
            staged = stage_restore(args.file, db_path)
            asyncio.run(_migrate(staged))
            settle(staged)
            restored = verify(staged)
            kept = swap_in(staged, db_path)
        except (BackupError, OSError, sqlite3.Error) as exc:
            message = (_(exc.message).format(**exc.params) if isinstance(exc, BackupError)
                       else str(exc))
            _error(_("Nothing was restored: {error}").format(error=message))
            return 1
    finally:
        bot_lock.release(sole)
        bot_lock.release(lock)
    print(_("Restored {file} into {db} (schema {old} → {new}).").format(
        file=args.file, db=db_path, old=found.schema_version, new=restored.schema_version))
    if kept is not None:
        print(_("The database as it was before is kept as {file}.").format(file=kept))
    print(_counts_line(restored, _))
    return 0


async def _migrate(path: Path) -> None:
    from bot.storage import Database

    db = await Database.open(path)  # applies the missing migrations, each in a transaction
    await db.close()


def cmd_doctor(settings: Settings, args: argparse.Namespace) -> int:
    from bot.doctor import diagnose

    diagnosis = asyncio.run(diagnose(settings, dt.datetime.now(dt.UTC)))
    if args.json:
        print(json.dumps(diagnosis.as_json(), ensure_ascii=False, indent=2))
    else:
        for line in doctor_lines(diagnosis.as_json(), translator(args.lang)):
            print(line)
    return 0 if diagnosis.ok else 1


def doctor_lines(report: dict[str, Any], _: Translator) -> list[str]:
    """The one screen: a line per check, then each problem with what to do about it."""
    lines = []
    s = report["settings"]
    lines.append(_("Settings: token {token}, {admins} admins, database {db}, backups in "
                   "{backups} (keep {keep}).").format(
        token=_("set") if s["token_set"] else _("not set"), admins=s["admins"],
        db=s["db_path"], backups=s["backup_dir"], keep=s["backup_keep"]))
    db = report["database"]
    if db["exists"]:
        lines.append(_("Database: {state}, schema {version}/{latest}, quick check: "
                       "{check}.").format(
            state=_("writable") if db["writable"] else _("NOT writable"),
            version=db["schema_version"], latest=db["latest_version"],
            check=_("ok") if db["quick_check"] == "ok" else db["quick_check"]))
    if "campaign" in report:
        c = report["campaign"]
        lines.append(_("Province: {province}; running campaign: {name} ({tasks} tasks).").format(
            province=c["province_name"], name=c["name"], tasks=c["tasks"]))
    tg = report["telegram"]
    if not tg["checked"]:
        lines.append(_("Telegram: not checked (no token)."))
    elif tg["token_valid"]:
        lines.append(_("Telegram: the token is valid (@{username}).").format(
            username=tg["username"]))
    elif tg["token_valid"] is False:
        lines.append(_("Telegram: the token is rejected."))
    else:
        lines.append(_("Telegram: no answer ({error}).").format(error=tg["error"]))
    if tg["webhook"]:
        w = tg["webhook"]
        lines.append(_("Webhook {url}: {pending} updates waiting; last error: {error}.").format(
            url=w["url"], pending=w["pending_updates"],
            error=f"{w['last_error']} ({w['last_error_at']})" if w["last_error"] else _("none")))
    if "outbox" in report:
        o = report["outbox"]
        backlog = "; ".join(
            _(OUTBOX_KINDS.get(kind, kind)) + " " + ", ".join(
                f"{_(OUTBOX_STATES.get(st, st))} {n}" for st, n in by.items())
            for kind, by in o["backlog"].items()) or _("empty")
        lines.append(_("Outbox: {backlog}. Oldest pending: {oldest}. Sending for more than 5 "
                       "minutes: {stuck}.").format(backlog=backlog,
                                                   oldest=o["oldest_pending"] or _("none"),
                                                   stuck=o["stuck_sending"]))
    if "reminders" in report:
        lines.append(_("Last reminder planning run: {at}.").format(
            at=report["reminders"]["last_planning_run"] or _("never")))
    b = report["backup"]
    if b["last"]:
        lines.append(_("Last backup: {file}, {hours} hours ago ({count} kept).").format(
            file=b["last"], hours=b["age_hours"], count=b["count"]))
    else:
        lines.append(_("No backup in {dir} yet.").format(dir=b["dir"]))
    lines.append(_("Free disk: {free} GB of {total} GB.").format(
        free=round(report["disk"]["free_bytes"] / 1e9, 1),
        total=round(report["disk"]["total_bytes"] / 1e9, 1)))
    ocr = report["ocr"]
    lines.append(_("Scanned letters: read by OCR (Tesseract {version}, Vietnamese).").format(
        version=ocr["version"]) if ocr["available"] else
        _("Scanned letters: OCR is not installed (apt-get install tesseract-ocr "
          "tesseract-ocr-vie); scans are refused with a clear message."))
    lines.append(_("The bot is running.") if report["bot"]["running"]
                 else _("The bot is not running."))
    if report["bot"]["in_use"] and not report["bot"]["running"]:
        lines.append(_("Another troly process (the offline console or a command) is using the "
                       "database."))
    for code in report["problems"]:
        lines.append(f"❌ {_(PROBLEMS[code])}")
    lines.append(_("✅ Everything is fine.") if report["ok"] else
                 _("{n} problem(s) found.").format(n=len(report["problems"])))
    return lines
