"""The ``troly`` command: run the bot, the offline console, imports and checks."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot import cli_campaign, cli_letters, cli_ops
from bot.cli_campaign import _cmd_campaign  # noqa: F401 - found by main() through globals()
from bot.config import ConfigError, Settings, load_settings
from bot.logs import setup_logging

log = logging.getLogger("troly")


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

    status = sub.add_parser("import-status", help="import task statuses (.xlsx or .csv), "
                                                  "one row per phone, one column per task")
    status.add_argument("file", type=Path)

    tpl = sub.add_parser("roster-template", help="write the roster template (.xlsx)")
    tpl.add_argument("file", type=Path)

    ask = sub.add_parser("ask", help="answer a question as the bot would (tags stripped)")
    ask.add_argument("question", nargs="?", help="the question; omit with --jsonl")
    ask.add_argument("--jsonl", action="store_true",
                     help="read one question per line on stdin, print one JSON object per line")
    ask.add_argument("--role", help="asker's role: gv, gv_cotcan, cbql, cbql_cotcan, ht, "
                                    "phong, so")
    ask.add_argument("--province", help="binh_phuoc, ha_noi, kien_giang or tphcm")
    cli_letters.add_letters_option(ask)

    ev = sub.add_parser("eval", help="score the engine on a question set (../shared/eval format)")
    ev.add_argument("file", type=Path)
    cli_letters.add_letters_option(ev)

    rem = sub.add_parser("reminders", help="deadline reminders: plan (dry run) or run")
    rem_sub = rem.add_subparsers(dest="action", required=True)
    rem_plan = rem_sub.add_parser("plan", help="print who would be reminded of what, send nothing")
    rem_plan.add_argument("--at", help='local time, "YYYY-MM-DD HH:MM" (default: now)')
    rem_sub.add_parser("run", help="queue what is due now and send it (needs the token)")

    dl = sub.add_parser("deadlines", help="list, add or edit deadlines")
    dl_sub = dl.add_subparsers(dest="action", required=True)
    dl_sub.add_parser("list")
    dl_add = dl_sub.add_parser("add")
    dl_add.add_argument("--date", required=True, help="dd/mm (every year) or dd/mm/yyyy")
    dl_add.add_argument("--title", required=True)
    dl_add.add_argument("--audience", choices=["staff", "core"], required=True)
    dl_add.add_argument("--offsets", default="14,7,3,1,0")
    dl_edit = dl_sub.add_parser("edit")
    dl_edit.add_argument("id", type=int)
    dl_edit.add_argument("--date")
    dl_edit.add_argument("--offsets")
    dl_edit.add_argument("--off", action="store_true", help="stop reminding")
    dl_edit.add_argument("--on", action="store_true", help="remind again")

    bc = sub.add_parser("broadcast", help="send an announcement as the Sở")
    bc.add_argument("--audience", default="",
                    help='e.g. "level=TH,THCS; role=gv,cbql; core; missing=module1; unit=Huyện X"')
    content = bc.add_mutually_exclusive_group(required=True)
    content.add_argument("--text", help="the announcement (Telegram HTML)")
    content.add_argument("--file", type=Path, help="a UTF-8 text file holding the announcement")
    bc.add_argument("--dry-run", action="store_true", help="only count who would receive it")
    bc.add_argument("--urgent", action="store_true",
                    help="send at once even between 21:00 and 07:00 (audited)")

    inv = sub.add_parser("invite", help="a single-use /start link for Phòng or Sở staff")
    inv.add_argument("--role", choices=["so", "phong"], required=True)
    inv.add_argument("--name", required=True, help="the person's full name")
    inv.add_argument("--unit", help="the Phòng (or xã/phường) name, for --role phong")
    cli_ops.add_parsers(sub)
    cli_campaign.add_parsers(sub)
    cli_letters.add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"troly: {exc}", file=sys.stderr)
        return 2
    setup_logging(verbose=args.verbose, log_format=settings.log_format,
                  secrets=(settings.token, settings.webhook_secret, settings.erasure_key))
    command = args.command.replace("-", "_")
    handler = getattr(args, "handler", None) or globals()[f"_cmd_{command}"]
    return int(handler(settings, args) or 0)


_cmd_letters = cli_letters.cmd_letters


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

    if not cli_ops.claim_database(settings):
        return 1
    application = build_application(Services(settings=settings, db=Database(settings.db_path)))
    if args.webhook_url:
        from bot.webhook import run_webhook

        run_webhook(application, base_url=args.webhook_url, listen=args.listen, port=args.port,
                    secret=settings.webhook_secret)
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
    return _import(settings, args.file, kind="roster")


def _cmd_import_status(settings: Settings, args: argparse.Namespace) -> int:
    return _import(settings, args.file, kind="status")


def _import(settings: Settings, path: Path, *, kind: str) -> int:
    from bot.i18n import translator
    from bot.services.imports import error_lines, import_roster, import_status
    from bot.spreadsheets import SpreadsheetError, read_table_file
    from bot.storage import Database

    _ = translator("vi").gettext
    if not path.is_file():
        print(f"troly: no such file: {path}", file=sys.stderr)
        return 2
    try:
        rows = read_table_file(path)
    except SpreadsheetError as exc:
        print(_(exc.message).format(**exc.params), file=sys.stderr)
        return 1

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            if kind == "roster":
                report = await import_roster(db, rows, actor="cli", so_name=settings.so_name)
                done = _("Roster imported: {created} new, {updated} updated.")
            else:
                report = await import_status(db, rows, actor="cli")
                done = _("Statuses imported: {created} items changed, {updated} already up to "
                         "date.")
        finally:
            await db.close()
        if not report.ok:
            print(_("Nothing was imported: {n} rows need fixing.").format(n=len(report.errors)),
                  file=sys.stderr)
            for line in error_lines(report.errors, _):
                print(f"  {line}", file=sys.stderr)
            return 1
        print(done.format(created=report.created, updated=report.updated))
        return 0

    return asyncio.run(run())


def _cmd_roster_template(settings: Settings, args: argparse.Namespace) -> int:
    from bot.roster_template import roster_template_xlsx

    args.file.write_bytes(roster_template_xlsx())
    print(f"wrote {args.file}")
    return 0


def _cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from bot.i18n import translator
    from bot.knowledge.evaluation import answer_as_json
    from bot.textnorm import nfc

    engine = cli_letters.engine_with_letters(args.letters)
    gettext = translator("vi").gettext
    province = args.province or settings.province
    if args.jsonl:
        for line in sys.stdin:
            question = nfc(line.rstrip("\n"))
            result = answer_as_json(engine, question, gettext, role=args.role,
                                    province=province)
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        print("troly: give a question, or --jsonl to read them from standard input",
              file=sys.stderr)
        return 2
    result = answer_as_json(engine, nfc(args.question), gettext, role=args.role,
                            province=province)
    print(result["answer"])
    return 0


def _cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from bot.knowledge.evaluation import format_report, run_eval

    if not args.file.is_file():
        print(f"troly: no such file: {args.file}", file=sys.stderr)
        return 2
    print(format_report(run_eval(args.file, cli_letters.engine_with_letters(args.letters))))
    return 0


def _cmd_reminders(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.domain.routing import rules_named
    from bot.services.reminders import describe_plan, plan
    from bot.storage import Database

    if args.action == "plan":
        try:
            at = (dt.datetime.strptime(args.at, "%Y-%m-%d %H:%M") if args.at
                  else dt.datetime.now(settings.timezone).replace(tzinfo=None))
        except ValueError:
            print('troly: --at must look like "2027-02-21 07:30"', file=sys.stderr)
            return 2

        async def dry_run() -> int:
            db = await Database.open(settings.db_path)
            try:
                planned = await plan(db, at.replace(tzinfo=settings.timezone),
                                     rules_named(settings.routing))
                for line in await describe_plan(db, planned):
                    print(line)
            finally:
                await db.close()
            print(f"{len(planned)} reminder(s) at {at:%Y-%m-%d %H:%M}")
            return 0

        return asyncio.run(dry_run())
    if not settings.token:
        print("troly: sending needs TELEGRAM_BOT_TOKEN (use 'troly reminders plan' for a dry run)",
              file=sys.stderr)
        return 2

    async def run() -> int:
        from bot.app import Services, build_application
        from bot.services.reminders import enqueue_due

        services = Services(settings=settings, db=await Database.open(settings.db_path))
        application = build_application(services)
        await application.initialize()
        try:
            await services.outbox.recover()
            queued = await enqueue_due(services.db, services.local_now(), services.rules)
            report = await services.outbox.drain()
        finally:
            await application.shutdown()
            await services.db.close()
        print(f"queued {queued}; sent {report.sent}, skipped {report.skipped}, "
              f"blocked {report.blocked}, failed {report.failed}, deferred {report.deferred}")
        return 0

    return asyncio.run(run())


def _cmd_deadlines(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.domain.deadlines import (
        Audience,
        DeadlineDraft,
        parse_date_text,
        parse_offsets,
        tasks_reminded,
    )
    from bot.domain.errors import DomainError
    from bot.i18n import translator
    from bot.services.campaigns import current
    from bot.storage import Database
    from bot.storage import deadlines as repo

    _ = translator("vi")
    today = dt.datetime.now(settings.timezone).date()

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            if args.action == "list":
                for d in await repo.all_deadlines(db.reader):
                    date = d.occurrence(today)
                    print(f"#{d.id} {d.title} — {_.date(date, weekday=True) if date else 'past'}"
                          f"{'' if d.year else ' (every year)'}; {d.audience.value}; "
                          f"reminders {','.join(map(str, d.offsets))}"
                          f"{'' if d.active else '; OFF'}")
                return 0
            async with db.transaction() as tx:
                if args.action == "add":
                    day, month, year = parse_date_text(args.date, today)
                    audience = Audience(args.audience)
                    draft = DeadlineDraft(args.title, day, month, year,
                                          tasks_reminded(await current(db), audience), audience,
                                          parse_offsets(args.offsets))
                    print(f"added #{await repo.add_deadline(tx, draft, actor='cli')}")
                    return 0
                changed = await repo.update_deadline(
                    tx, args.id, actor="cli",
                    date=parse_date_text(args.date, today) if args.date else None,
                    offsets=parse_offsets(args.offsets) if args.offsets else None,
                    active=True if args.on else False if args.off else None)
            print("updated" if changed else f"no deadline #{args.id} (or nothing to change)")
            return 0 if changed else 1
        except DomainError as exc:
            print(_(exc.message).format(**exc.params), file=sys.stderr)
            return 1
        finally:
            await db.close()

    return asyncio.run(run())


def parse_audience_spec(spec: str) -> tuple[dict[str, object], str | None]:
    """"level=TH,THCS; role=gv,cbql; core; missing=module1; unit=Huyện X" → fields, unit."""
    from bot.domain.people import Level, Role

    groups = {"gv": [Role.TEACHER], "cbql": [Role.PRINCIPAL, Role.VICE_PRINCIPAL],
              "ht": [Role.PRINCIPAL], "phong": [Role.PHONG_STAFF]}
    fields: dict[str, object] = {}
    unit = None
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _sep, value = part.partition("=")
        values = [v.strip() for v in value.split(",") if v.strip()]
        if name == "level":
            fields["levels"] = frozenset(Level(v.upper()) for v in values)
        elif name == "role":
            fields["roles"] = frozenset(r for v in values for r in groups[v])
        elif name == "core":
            fields["core_only"] = True
        elif name == "missing":
            fields["missing"] = value.strip()
        elif name == "unit":
            unit = value.strip()
        else:
            raise ValueError(name)
    return fields, unit


def _cmd_broadcast(settings: Settings, args: argparse.Namespace) -> int:
    from bot.domain.audience import Audience, SenderScope
    from bot.domain.errors import DomainError
    from bot.domain.people import UnitKind
    from bot.i18n import translator
    from bot.services import broadcasts as service
    from bot.storage import Database
    from bot.storage.broadcasts import count_audience
    from bot.storage.people import units_of_kind
    from bot.textnorm import fold

    _ = translator("vi")
    try:
        fields, unit_name = parse_audience_spec(args.audience)
    except (ValueError, KeyError) as exc:
        print(f"troly: cannot read --audience ({exc}); see troly broadcast --help",
              file=sys.stderr)
        return 2
    text = args.text if args.text is not None else args.file.read_text(encoding="utf-8")
    sender = service.Sender("cli", None, SenderScope(UnitKind.SO, None))

    async def run() -> int:
        from bot.app import Services, build_application

        services = Services(settings=settings, db=await Database.open(settings.db_path))
        try:
            unit_id = None
            if unit_name:
                units = [*await units_of_kind(services.db.reader, UnitKind.PHONG),
                         *await units_of_kind(services.db.reader, UnitKind.SCHOOL)]
                match = [u for u in units if fold(u.name) == fold(unit_name)]
                if not match:
                    print(f"troly: no unit named {unit_name!r}", file=sys.stderr)
                    return 2
                unit_id = match[0].id
            audience = Audience(unit_id=unit_id, **fields)  # type: ignore[arg-type]
            campaign = await services.campaign()
            if audience.missing and campaign.task(audience.missing) is None:
                print(f"troly: {audience.missing!r} is not a task of the running campaign "
                      f"({', '.join(t.code for t in campaign.tasks)})", file=sys.stderr)
                return 2
            total, reachable = await count_audience(services.db.reader, audience, campaign)
            print(f"audience: {total} people, {reachable} reachable on Telegram")
            if args.dry_run:
                return 0
            if not settings.token:
                print("troly: sending needs TELEGRAM_BOT_TOKEN (use --dry-run to count)",
                      file=sys.stderr)
                return 2
            draft = await service.start_draft(services.db, sender, text)
            await service.choose_audience(services.db, draft, sender, audience)
            queued = await service.queue(services.db, draft, sender, urgent=args.urgent)
            application = build_application(services)
            await application.initialize()
            try:
                report = await services.outbox.drain()
            finally:
                await application.shutdown()
            print(f"announcement #{draft}: queued {queued}; sent {report.sent}, "
                  f"failed {report.failed}, blocked {report.blocked}")
            held = (await service.progress(services.db, draft)).held
            if held:
                print(_("Announcement #{id}: will be sent at 07:00 to {n} people (nothing is "
                        "sent between 21:00 and 07:00); the running bot sends it then, or "
                        "use --urgent.").format(id=draft, n=held))
            return 0
        except DomainError as exc:
            print(_(exc.message).format(**exc.params), file=sys.stderr)
            return 1
        finally:
            await services.db.close()

    return asyncio.run(run())


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
