"""The ``troly`` command: run the bot, the offline console, imports and checks."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings

log = logging.getLogger("troly")


def _setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL at INFO, and the URL carries the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="troly", description="Trợ lý Bồi dưỡng")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (long polling, or webhook with --webhook-url)")
    run.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to")
    run.add_argument("--port", type=int, default=8443, help="local port for webhook mode")
    run.add_argument("--listen", default="127.0.0.1",
                     help="address to listen on in webhook mode (behind a reverse proxy)")

    chat = sub.add_parser("chat", help="offline console on the demo database")
    chat.add_argument("--db", type=Path, help="use this database instead of the demo one")

    imp = sub.add_parser("import-roster", help="import a roster (.xlsx or UTF-8 .csv)")
    imp.add_argument("file", type=Path)

    tpl = sub.add_parser("roster-template", help="write the roster template (.xlsx)")
    tpl.add_argument("file", type=Path)

    inv = sub.add_parser("invite", help="a single-use /start link for Phòng or Sở staff")
    inv.add_argument("--role", choices=["so", "phong"], required=True)
    inv.add_argument("--name", required=True, help="the person's full name")
    inv.add_argument("--unit", help="the Phòng (or xã/phường) name, for --role phong")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"troly: {exc}", file=sys.stderr)
        return 2
    command = args.command.replace("-", "_")
    return int(globals()[f"_cmd_{command}"](settings, args) or 0)


def _cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set: starting the offline console on the demo "
              "database instead (see .env.example to run the real bot).")
        from bot.console import run_console_sync

        logging.getLogger().setLevel(logging.WARNING)
        run_console_sync(settings)
        return 0
    from bot.app import Services, build_application
    from bot.storage import Database

    application = build_application(Services(settings=settings, db=Database(settings.db_path)))
    if args.webhook_url:
        url_path = "telegram"
        log.info("starting in webhook mode on %s:%s", args.listen, args.port)
        application.run_webhook(listen=args.listen, port=args.port, url_path=url_path,
                                webhook_url=f"{args.webhook_url.rstrip('/')}/{url_path}",
                                secret_token=settings.webhook_secret)
    else:
        log.info("starting with long polling")
        application.run_polling()
    return 0


def _cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import run_console_sync

    logging.getLogger().setLevel(logging.WARNING)
    run_console_sync(settings, args.db)
    return 0


def _cmd_import_roster(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import translator
    from bot.services.roster_import import import_roster
    from bot.spreadsheets import SpreadsheetError, read_table_file
    from bot.storage import Database

    _ = translator("vi").gettext
    if not args.file.is_file():
        print(f"troly: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        rows = read_table_file(args.file)
    except SpreadsheetError as exc:
        print(_(exc.message), file=sys.stderr)
        return 1

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            report = await import_roster(db, rows, actor="cli", so_name=settings.so_name)
        finally:
            await db.close()
        if not report.ok:
            print(_("Nothing was imported: {n} rows need fixing.").format(n=len(report.errors)),
                  file=sys.stderr)
            for error in report.errors:
                text = _(error.message).format(**error.params)
                if error.row:
                    text = _("Row {row}: {error}").format(row=error.row, error=text)
                print(f"  {text}", file=sys.stderr)
            return 1
        print(_("Roster imported: {created} new, {updated} updated.").format(
            created=report.created, updated=report.updated))
        return 0

    return asyncio.run(run())


def _cmd_roster_template(settings: Settings, args: argparse.Namespace) -> int:
    from bot.roster_template import roster_template_xlsx

    args.file.write_bytes(roster_template_xlsx())
    print(f"wrote {args.file}")
    return 0


def _cmd_invite(settings: Settings, args: argparse.Namespace) -> int:
    from bot.domain.errors import DomainError
    from bot.domain.people import Role
    from bot.i18n import translator
    from bot.offline import BOT_USERNAME
    from bot.services.accounts import create_invite
    from bot.storage import Database

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            code = await create_invite(db, role=Role(args.role), unit_name=args.unit,
                                       full_name=args.name, actor="cli",
                                       so_name=settings.so_name)
        except DomainError as exc:
            print(translator("vi").gettext(exc.message), file=sys.stderr)
            return 1
        finally:
            await db.close()
        print(f"https://t.me/{BOT_USERNAME}?start={code}")
        print(f"(code {code}, valid 7 days, one use)")
        return 0

    return asyncio.run(run())
