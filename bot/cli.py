"""The ``troly`` command: run the bot, the offline console, imports and checks."""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot import cli_campaign, cli_demo, cli_frame, cli_letters, cli_ops
from bot.cli_campaign import _cmd_campaign  # noqa: F401 - found by main() through globals()
from bot.cli_frame import Parser
from bot.config import ConfigError, Settings, load_settings
from bot.i18n import LANGUAGES, N_, translator
from bot.logs import setup_logging

if TYPE_CHECKING:
    from bot.i18n import Translator
    from bot.knowledge.engine import Answer, AnsweringEngine

log = logging.getLogger("troly")


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="troly", description=N_("Trợ lý Bồi dưỡng: the bot and its tools"))
    parser.add_argument("-v", "--verbose", action="store_true",
                        help=N_("more log lines, and the full error when something fails"))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=N_("language of help and messages (default: vi, or en when the "
                                "locale is English)"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help=N_("run the bot (long polling, or webhook with "
                                        "--webhook-url)"))
    run.add_argument("--webhook-url", help=N_("public HTTPS URL Telegram posts updates to"))
    run.add_argument("--port", type=int, default=8443, help=N_("local port for webhook mode"))
    run.add_argument("--listen", default="127.0.0.1",
                     help=N_("address to listen on in webhook mode (behind a reverse proxy)"))

    chat = sub.add_parser("chat", help=N_("offline console (the demo database unless --db, "
                                          "TROLY_DB_PATH or a token says otherwise)"))
    chat.add_argument("--reset", action="store_true",
                      help=N_("rebuild the demo database first (what was tried in it is lost)"))

    imp = sub.add_parser("import-roster", help=N_("import a roster (.xlsx or UTF-8 .csv)"))
    imp.add_argument("file", type=Path, help=N_("the .xlsx or .csv file"))

    status = sub.add_parser("import-status", help=N_("import task statuses (.xlsx or .csv), "
                                                     "one row per phone, one column per task"))
    status.add_argument("file", type=Path, help=N_("the .xlsx or .csv file"))

    tpl = sub.add_parser("roster-template", help=N_("write the roster template (.xlsx)"))
    tpl.add_argument("file", type=Path, help=N_("where to write it, e.g. mau.xlsx"))

    ask = sub.add_parser("ask", help=N_("answer a question as the bot would (tags stripped)"))
    ask.add_argument("question", nargs="?", help=N_("the question; omit with --jsonl"))
    ask.add_argument("--jsonl", action="store_true",
                     help=N_("read one question per line on stdin, print one JSON object per line"))
    ask.add_argument("--role", help=N_("asker's role: gv, gv_cotcan, cbql, cbql_cotcan, ht, "
                                    "phong, so"))
    ask.add_argument("--province", help=N_("the asker's province, by code or name, old or new "
                                           "(default: the deployment's)"))
    ask.add_argument("--why", action="store_true",
                     help=N_("also print the five best candidates, entries and letter passages, "
                             "with their scores, and why the answer won"))
    cli_letters.add_letters_option(ask)

    ev = sub.add_parser("eval", help=N_("score the engine on a question set (../shared/eval "
                                        "format)"))
    ev.add_argument("file", type=Path, help=N_("the question set (.yaml)"))
    ev.add_argument("--province", help=N_("the asker's province, by code or name, old or new "
                                          "(default: the deployment's)"))
    cli_letters.add_letters_option(ev)

    rem = sub.add_parser("reminders", help=N_("deadline reminders: plan (dry run) or run"))
    rem_sub = rem.add_subparsers(dest="action", required=True, metavar="ACTION")
    rem_plan = rem_sub.add_parser("plan", help=N_("print who would be reminded of what, send "
                                                  "nothing"))
    rem_plan.add_argument("--at", help=N_('local time, "YYYY-MM-DD HH:MM" (default: now)'))
    rem_sub.add_parser("run", help=N_("queue what is due now and send it (needs the token)"))

    dl = sub.add_parser("deadlines", help=N_("list, add or edit deadlines"))
    dl_sub = dl.add_subparsers(dest="action", required=True, metavar="ACTION")
    dl_sub.add_parser("list", help=N_("every deadline with its next date and reminders"))
    dl_add = dl_sub.add_parser("add", help=N_("add a deadline"))
    dl_add.add_argument("--date", required=True, help=N_("dd/mm (every year) or dd/mm/yyyy"))
    dl_add.add_argument("--title", required=True, help=N_("what is due, as reminders say it"))
    dl_add.add_argument("--audience", choices=["staff", "core"], required=True,
                        help=N_("staff: teachers and school managers; core: cốt cán"))
    dl_add.add_argument("--offsets", default="14,7,3,1,0",
                        help=N_("remind this many days before (default 14,7,3,1,0)"))
    dl_edit = dl_sub.add_parser("edit", help=N_("change a deadline's date or reminders"))
    dl_edit.add_argument("id", type=int, help=N_("the number deadlines list shows (#N)"))
    dl_edit.add_argument("--date", help=N_("dd/mm (every year) or dd/mm/yyyy"))
    dl_edit.add_argument("--offsets", help=N_("remind this many days before, e.g. 7,1,0"))
    dl_edit.add_argument("--off", action="store_true", help=N_("stop reminding"))
    dl_edit.add_argument("--on", action="store_true", help=N_("remind again"))

    bc = sub.add_parser("broadcast", help=N_("send an announcement as the Sở"))
    bc.add_argument("--audience", default="",
                    help=N_('e.g. "level=TH,THCS; role=gv,cbql; core; missing=module1; '
                            'unit=Huyện X"'))
    content = bc.add_mutually_exclusive_group(required=True)
    content.add_argument("--text", help=N_("the announcement (Telegram HTML)"))
    content.add_argument("--file", type=Path,
                         help=N_("a UTF-8 text file holding the announcement"))
    bc.add_argument("--dry-run", action="store_true", help=N_("only count who would receive it"))
    bc.add_argument("--urgent", action="store_true",
                    help=N_("send at once even between 21:00 and 07:00 (audited)"))

    inv = sub.add_parser("invite", help=N_("a single-use /start link for Phòng or Sở staff"))
    inv.add_argument("--role", choices=["so", "phong"], required=True,
                     help=N_("so: Sở staff; phong: Phòng (or xã/phường) staff"))
    inv.add_argument("--name", required=True, help=N_("the person's full name"))
    inv.add_argument("--unit", help=N_("the Phòng (or xã/phường) name, for --role phong: one "
                                       "of the roster's"))
    inv.add_argument("--new-unit", action="store_true",
                     help=N_("create the Phòng (or xã/phường) named by --unit when the roster "
                             "has none of that name"))
    wl = sub.add_parser("web-link", help=N_("a one-time sign-in link to the web dashboard "
                                            "(10 minutes), printed on the last line"))
    wl.add_argument("phone", help=N_("the phone number of a Sở, Phòng officer or principal"))
    cli_demo.add_parsers(sub)
    cli_ops.add_parsers(sub)
    cli_campaign.add_parsers(sub)
    cli_letters.add_parsers(sub)
    _add_db_option(parser, default=None)
    return parser


def _add_db_option(parser: argparse.ArgumentParser, default: object) -> None:
    """``--db FILE`` before or after any command word: the database (bot.deployment)."""
    parser.add_argument("--db", type=Path, default=default,
                        help=N_("the database to use (a new file is created); default: "
                                "TROLY_DB_PATH, else the demo database when there is no token"))
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _add_db_option(child, argparse.SUPPRESS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _ = cli_frame.speak(cli_frame.language_of(argv))
    parser = _parser()
    cli_frame.translate_help(parser, _)
    args = parser.parse_args(argv)
    args.lang = _.language
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"troly: {exc}", file=sys.stderr)
        return 2
    setup_logging(verbose=args.verbose, log_format=settings.log_format,
                  secrets=(settings.token, settings.webhook_secret, settings.erasure_key))
    command = getattr(args, "handler", None) or globals()[f"_cmd_{args.command.replace('-', '_')}"]
    return cli_frame.run_command(command, settings, args, _)


def _require_file(path: Path) -> None:
    """A missing input file ends the command with one line (see cli_frame)."""
    if not path.is_file():
        raise FileNotFoundError(errno.EISDIR if path.is_dir() else errno.ENOENT,
                                "not a file", str(path))


_cmd_letters = cli_letters.cmd_letters


def _cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.token:
        from bot.console import run_console_sync

        print(translator(args.lang).gettext("TELEGRAM_BOT_TOKEN is not set: starting the offline "
                                            "console instead (see .env.example to run the real "
                                            "bot)."))
        logging.getLogger().setLevel(logging.WARNING)
        run_console_sync(settings, language=args.lang)
        return 0
    from bot.app import Services, build_application
    from bot.storage import Database

    if not cli_ops.claim_database(settings, args.lang):
        return 1
    asyncio.run(_check_telegram(settings))
    application = build_application(Services(settings=settings, db=Database(settings.db_path)))
    if args.webhook_url:
        from bot.webhook import run_webhook

        run_webhook(application, base_url=args.webhook_url, listen=args.listen, port=args.port,
                    secret=settings.webhook_secret)
    else:
        log.info("starting with long polling on the database %s", settings.db_path)
        application.run_polling()
    return 0


async def _check_telegram(settings: Settings) -> None:
    """Ask Telegram who the bot is before building it: a wrong token or no network then ends
    in one line, not in the start-up retry loop's logged traceback."""
    from telegram import Bot

    base = (settings.api_base_url or "https://api.telegram.org/bot").rstrip("/")
    async with Bot(settings.token or "", base_url=base,
                   base_file_url=base.replace("/bot", "/file/bot")):
        pass


def _cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import run_console_sync
    from bot.deployment import is_demo, reset_demo_database

    if args.reset:
        if not is_demo(settings.db_path):
            _ = translator(args.lang)
            print("troly: " + _("--reset rebuilds only the demo database; leave out --db"),
                  file=sys.stderr)
            return 2
        asyncio.run(reset_demo_database(settings.db_path))
    logging.getLogger().setLevel(logging.WARNING)
    run_console_sync(settings, language=args.lang)
    return 0


def _cmd_import_roster(settings: Settings, args: argparse.Namespace) -> int:
    return _import(settings, args.file, kind="roster", language=args.lang)


def _cmd_import_status(settings: Settings, args: argparse.Namespace) -> int:
    return _import(settings, args.file, kind="status", language=args.lang)


def _import(settings: Settings, path: Path, *, kind: str, language: str) -> int:
    from bot.i18n import translator
    from bot.services.imports import error_lines, import_roster, import_status
    from bot.spreadsheets import SpreadsheetError, read_table_file
    from bot.storage import Database

    _ = translator(language).gettext
    _require_file(path)
    try:
        rows = read_table_file(path)
    except SpreadsheetError as exc:
        print(f"troly: {_(exc.message).format(**exc.params)}", file=sys.stderr)
        return 2

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
    print(translator(args.lang).gettext("Wrote {path}.").format(path=args.file))
    return 0


def _cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    """Answers exactly as the deployed bot: its database (approved FAQ, the Sở's letters, the
    deadlines it has set, the running campaign), its province and today's date."""
    import datetime as dt
    import json

    from bot.domain.provinces import region
    from bot.i18n import translator
    from bot.knowledge.render import plain_text
    from bot.services.answering import answer_question, rendered
    from bot.services.letters import load_letters
    from bot.services.tickets import load_approved_faq
    from bot.storage import Database
    from bot.textnorm import nfc

    if not args.jsonl and not args.question:
        _ = translator(args.lang)
        print("troly: " + _("give a question, or --jsonl to read them from standard input"),
              file=sys.stderr)
        return 2
    gettext = translator(args.lang)
    province = region(args.province) if args.province else settings.province
    today = dt.datetime.now(settings.timezone).date()

    async def run() -> int:
        engine = cli_letters.engine_with_letters(args.letters, gettext)
        db = await Database.open(settings.db_path)
        try:
            await load_approved_faq(db, engine, {})
            if not args.letters:  # the letters the Sở gave the bot
                await load_letters(db, engine.letters)
            questions = ([nfc(line.rstrip("\n")) for line in sys.stdin] if args.jsonl
                         else [nfc(args.question)])
            for question in questions:
                answer = await answer_question(db, engine, question, person=None,
                                               province=province, today=today, record=False,
                                               role=args.role, language=args.lang)
                text = plain_text(rendered(answer, gettext, province,
                                           hotline=settings.hotline, question=question))
                if not args.jsonl:
                    print(text)
                    if args.why:
                        print()
                        print("\n".join(_why(engine, question, answer, args, province,
                                               gettext)))
                    continue
                print(json.dumps({
                    "question": question, "kind": answer.kind, "answer": text,
                    "entry_id": answer.entry.id if answer.entry else None,
                    "confidence": round(answer.confidence, 4),
                    "candidates": [c.id for c in answer.candidates]}, ensure_ascii=False),
                    flush=True)
            return 0
        finally:
            await db.close()

    return asyncio.run(run())


def _why(engine: AnsweringEngine, question: str, answer: Answer, args: argparse.Namespace,
         province: str | None, gettext: Translator) -> list[str]:
    """The ranking behind ``answer`` (``troly ask --why``)."""
    from bot.knowledge.render import why_lines
    from bot.services.answering import DEADLINE_ENTRY

    ranking = engine.explain(question, role=args.role, province=province)
    extra = gettext("the question names a campaign task: the date the Sở has set answers") \
        if answer.entry is not None and answer.entry.id == DEADLINE_ENTRY else ""
    return why_lines(ranking, gettext, extra_reason=extra)


def _cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    from bot.domain.provinces import province as find_province
    from bot.knowledge.evaluation import format_report, run_eval
    from bot.services.answering import rendered

    _require_file(args.file)
    deployment = find_province(args.province)
    if args.province and deployment is None:
        _ = translator(args.lang)
        print("troly: " + _("{name} is not a province: give a province's name or code, old or "
                            "new (e.g. lam_dong, Bình Phước)").format(name=args.province),
              file=sys.stderr)
        return 2
    engine = cli_letters.engine_with_letters(args.letters, translator(args.lang))
    province = deployment.code if deployment else settings.province
    vietnamese = translator("vi")

    def sent(answer: Answer, question: str) -> str:  # as the bot sends it to that province
        return rendered(answer, vietnamese, province, hotline=settings.hotline,
                        question=question)

    report = run_eval(args.file, engine, province=province, render=sent)
    print(format_report(report, translator(args.lang).gettext))
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
            _ = translator(args.lang)
            print("troly: " + _('--at must be a local time like "2027-02-21 07:30"'),
                  file=sys.stderr)
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
            print(translator(args.lang).gettext("{n} reminders at {time}.").format(
                n=len(planned), time=f"{at:%Y-%m-%d %H:%M}"))
            return 0

        return asyncio.run(dry_run())
    if not settings.token:
        _ = translator(args.lang)
        print("troly: " + _("sending needs TELEGRAM_BOT_TOKEN (use 'troly reminders plan' for a "
                            "dry run)"), file=sys.stderr)
        return 2

    async def run() -> int:
        from bot.app import Services, build_application
        from bot.services.reminders import enqueue_due

        await _check_telegram(settings)
        services = Services(settings=settings, db=await Database.open(settings.db_path))
        application = build_application(services)
        try:
            await application.initialize()
            await services.outbox.recover()
            queued = await enqueue_due(services.db, services.local_now(), services.rules)
            report = await services.outbox.drain()
        finally:
            await application.shutdown()
            await services.db.close()
        print(translator(args.lang).gettext(
            "Queued {queued}; sent {sent}, skipped {skipped}, blocked {blocked}, failed {failed}, "
            "deferred {deferred}.").format(
            queued=queued, sent=report.sent, skipped=report.skipped, blocked=report.blocked,
            failed=report.failed, deferred=report.deferred))
        return 0

    return asyncio.run(run())


def _cmd_deadlines(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.domain.deadlines import (
        Audience,
        DeadlineDraft,
        describe_deadline,
        parse_date_text,
        parse_offsets,
        tasks_reminded,
    )
    from bot.domain.errors import DomainError
    from bot.i18n import translator
    from bot.services import deadlines as service
    from bot.services.campaigns import current
    from bot.storage import Database

    _ = translator(args.lang)
    today = dt.datetime.now(settings.timezone).date()

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            campaign = await current(db)
            if args.action == "list":
                for d in await service.all_deadlines(db, campaign):
                    print(describe_deadline(d, today, _))
                return 0
            if args.action == "add":
                day, month, year = parse_date_text(args.date, today)
                audience = Audience(args.audience)
                draft = DeadlineDraft(args.title, day, month, year,
                                      tasks_reminded(campaign, audience), audience,
                                      parse_offsets(args.offsets))
                print(_("Deadline #{id} added.").format(
                    id=await service.add_deadline(db, draft, actor="cli")))
                return 0
            changed = await service.change_deadline(
                db, campaign, args.id, actor="cli",
                date=parse_date_text(args.date, today) if args.date else None,
                offsets=parse_offsets(args.offsets) if args.offsets else None,
                active=True if args.on else False if args.off else None)
            print((_("Deadline #{id} updated.") if changed else
                   _("There is no deadline #{id}, or nothing to change.")).format(id=args.id))
            return 0 if changed else 1
        except DomainError as exc:  # a bad date or list of days, as typed
            print(f"troly: {_(exc.message).format(**exc.params)}", file=sys.stderr)
            return 2
        finally:
            await db.close()

    return asyncio.run(run())


def parse_audience_spec(spec: str) -> tuple[dict[str, object], str | None]:
    """"level=TH,THCS; role=gv,cbql; core; missing=module1; unit=Huyện X" → fields, unit.

    Raises:
        ValueError: naming the part that is wrong and what it may be, in the user's words.
    """
    from bot.domain.people import Level, Role

    groups = {"gv": [Role.TEACHER], "cbql": [Role.PRINCIPAL, Role.VICE_PRINCIPAL],
              "ht": [Role.PRINCIPAL], "phong": [Role.PHONG_STAFF]}
    levels = {lv.value: lv for lv in Level}
    fields: dict[str, object] = {}
    unit = None
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _sep, value = part.partition("=")
        values = [v.strip() for v in value.split(",") if v.strip()]
        allowed: list[str] = list(levels if name == "level" else groups if name == "role"
                                  else ())
        wrong = [v for v in values if allowed and v.upper() not in allowed
                 and v.lower() not in allowed]
        if wrong:
            raise ValueError(f"{name}={wrong[0]}: {', '.join(allowed)}")
        if name == "level":
            fields["levels"] = frozenset(levels[v.upper()] for v in values)
        elif name == "role":
            fields["roles"] = frozenset(r for v in values for r in groups[v.lower()])
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
    from bot.domain.unit_names import UnknownUnit, find_unit
    from bot.i18n import translator
    from bot.services import broadcasts as service
    from bot.storage import Database
    from bot.storage.broadcasts import count_audience
    from bot.storage.people import units_of_kind
    from bot.text_files import read_text_file

    _ = translator(args.lang)
    try:
        fields, unit_name = parse_audience_spec(args.audience)
    except ValueError as exc:
        print("troly: " + _("cannot read --audience ({error}); see troly broadcast --help")
              .format(error=exc), file=sys.stderr)
        return 2
    text = args.text if args.text is not None else read_text_file(args.file)
    sender = service.Sender("cli", None, SenderScope(UnitKind.SO, None))

    async def run() -> int:
        from bot.app import Services, build_application

        services = Services(settings=settings, db=await Database.open(settings.db_path))
        try:
            unit_id = None
            if unit_name:
                units = [*await units_of_kind(services.db.reader, UnitKind.PHONG),
                         *await units_of_kind(services.db.reader, UnitKind.SCHOOL)]
                try:
                    unit_id = find_unit(unit_name, units).id
                except UnknownUnit as exc:
                    print("troly: " + _(exc.message).format(**exc.params), file=sys.stderr)
                    return 2
            audience = Audience(unit_id=unit_id, **fields)  # type: ignore[arg-type]
            campaign = await services.campaign()
            if audience.missing and campaign.task(audience.missing) is None:
                print("troly: " + _("“{code}” is not a task of the running campaign ({codes})")
                      .format(code=audience.missing,
                              codes=", ".join(t.code for t in campaign.tasks)), file=sys.stderr)
                return 2
            total, reachable = await count_audience(services.db.reader, audience, campaign)
            print(_("Audience: {total} people, {reachable} of them reachable on Telegram.")
                  .format(total=total, reachable=reachable))
            if args.dry_run:
                return 0
            if not settings.token:
                print("troly: " + _("sending needs TELEGRAM_BOT_TOKEN (use --dry-run to count)"),
                      file=sys.stderr)
                return 2
            await _check_telegram(settings)  # reach Telegram before queueing anything
            application = build_application(services)
            try:
                await application.initialize()
                draft = await service.start_draft(services.db, sender, text)
                await service.choose_audience(services.db, draft, sender, audience)
                queued = await service.queue(services.db, draft, sender, urgent=args.urgent)
                report = await services.outbox.drain()
            finally:
                await application.shutdown()
            print(_("Announcement #{id}: queued {queued}; sent {sent}, failed {failed}, "
                    "blocked {blocked}.").format(id=draft, queued=queued, sent=report.sent,
                                                 failed=report.failed, blocked=report.blocked))
            held = (await service.progress(services.db, draft)).held
            if held:
                print(_("Announcement #{id}: will be sent at 07:00 to {n} people (nothing is "
                        "sent between 21:00 and 07:00); the running bot sends it then, or "
                        "use --urgent.").format(id=draft, n=held))
            return 0
        except DomainError as exc:
            print("troly: " + _(exc.message).format(**exc.params), file=sys.stderr)
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
                                       so_name=settings.so_name, new_unit=args.new_unit)
        except DomainError as exc:
            print("troly: " + translator(args.lang).gettext(exc.message).format(**exc.params),
                  file=sys.stderr)
            return 2
        finally:
            await db.close()
        print(f"https://t.me/{BOT_USERNAME}?start={code}")
        print(translator(args.lang).gettext("(code {code}: valid for 7 days, for one person)")
              .format(code=code))
        return 0

    return asyncio.run(run())


def _cmd_web_link(settings: Settings, args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.domain.errors import DomainError
    from bot.services.web_access import link_for_phone
    from bot.storage import Database

    _ = translator(args.lang)

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            token = await link_for_phone(db, args.phone, admin_ids=settings.admin_ids,
                                         now=dt.datetime.now(dt.UTC))
        except DomainError as exc:
            print("troly: " + _(exc.message).format(**exc.params), file=sys.stderr)
            return 2
        finally:
            await db.close()
        if not settings.web_port:
            print(_("Note: TROLY_WEB_PORT is not set, so `troly run` serves no dashboard yet."))
        print(_("Sign-in link (works once, for 10 minutes; do not forward it):"))
        print(f"{settings.web_address}/vao/{token}")
        return 0

    return asyncio.run(run())
