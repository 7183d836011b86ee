"""What every ``troly`` command shares: its language, one-line errors, the database it uses
(decided in ``bot.deployment``).

Officers run these commands, not developers: help reads in Vietnamese (English with
``--lang en`` or an English locale), a mistake or an outage is one line that says what to do
(exit 2 for a usage or input mistake, 1 for a failure), never a traceback, and a command
that reads or writes data first says which database it is.
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from bot import bot_lock
from bot.archive_limits import UnpackLimitError
from bot.config import Settings
from bot.deployment import database_line, decide_database, settle_database
from bot.domain.errors import DomainError
from bot.i18n import LANGUAGES, N_, Translator, translator
from bot.knowledge.letter_files import LetterFileError
from bot.spreadsheets import SpreadsheetError
from bot.text_files import TextFileError

# Commands that open the database: it is created and its province settled before they run,
# and they hold it "in use" while they run (troly restore refuses meanwhile).
DATA_COMMANDS = frozenset({"run", "chat", "ask", "import-roster", "import-status", "reminders",
                           "deadlines", "broadcast", "invite", "letters", "campaign", "web-link"})

# argparse's own words, so that its help and errors speak the user's language too.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def language_of(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """``--lang X`` on the command line, else an English locale gives English; else Vietnamese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGUAGES else "vi"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else "vi"
    env = os.environ if environ is None else environ
    locale = (env.get("LANGUAGE") or env.get("LC_ALL") or env.get("LC_MESSAGES")
              or env.get("LANG") or "")
    return "en" if locale.lower().startswith("en") else "vi"


class Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line, with the way to the help."""

    translate: Callable[[str], str] = staticmethod(lambda text: text)  # type: ignore[assignment]

    def error(self, message: str) -> NoReturn:
        hint = self.translate(N_("see {prog} --help")).format(prog=self.prog)
        self.exit(2, f"{self.prog}: {message} ({hint})\n")


def speak(language: str) -> Translator:
    """Make argparse, and the parsers built after this call, speak ``language``."""
    _ = translator(language)
    argparse._ = _.gettext  # type: ignore[attr-defined]
    Parser.translate = staticmethod(_.gettext)  # type: ignore[assignment]
    return _


def translate_help(parser: argparse.ArgumentParser, _: Translator) -> None:
    """Help texts are English msgids (marked with N_); show them in the user's language."""
    if parser.description:
        parser.description = _(parser.description)
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = _(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = _(choice.help)
            for sub in set(action.choices.values()):
                translate_help(sub, _)


_FILE_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("a file stands where a folder is needed"),
    errno.EROFS: N_("the disk is read-only"),
}


def one_line_error(exc: BaseException, settings: Settings, _: Translator) -> tuple[str, int]:
    """What to tell the user about ``exc`` in one line, and the exit code (2 input, 1 failure)."""
    from telegram.error import InvalidToken, NetworkError

    if isinstance(exc, OSError) and exc.filename is not None and exc.errno in _FILE_REASONS:
        return _("cannot use the file {path}: {reason}").format(
            path=exc.filename, reason=_(_FILE_REASONS[exc.errno])), 2
    if isinstance(exc, InvalidToken):
        return _("Telegram refused the token: check TELEGRAM_BOT_TOKEN (copy it again from "
                 "@BotFather)."), 1
    if isinstance(exc, NetworkError | ConnectionError | TimeoutError):
        return _("cannot reach the Telegram Bot API at {url}: check the network, or "
                 "TELEGRAM_API_BASE_URL ({error})").format(
            url=settings.api_base_url or "https://api.telegram.org",
            error=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__), 1
    if isinstance(exc, sqlite3.DatabaseError):
        return _("cannot use the database {path}: {error}").format(
            path=settings.db_path, error=str(exc)[:120]), 1
    if isinstance(exc, TextFileError | LetterFileError | SpreadsheetError | UnpackLimitError):
        return _(exc.message).format(**exc.params), 2  # a file the user gave
    if isinstance(exc, UnicodeDecodeError):
        return _("a file is not UTF-8 text; please save it as UTF-8 (in Notepad: Save As → "
                 "Encoding: UTF-8) and try again"), 2
    if isinstance(exc, DomainError):
        return _(exc.message).format(**exc.params), 1
    if isinstance(exc, OSError):
        return _("cannot use {path}: {error}").format(
            path=exc.filename or "", error=exc.strerror or type(exc).__name__), 1
    return _("unexpected error ({error}); run again with -v for the details").format(
        error=type(exc).__name__), 1


def run_command(command: Callable[[Settings, argparse.Namespace], Any], settings: Settings,
                args: argparse.Namespace, _: Translator) -> int:
    """Run one command; whatever goes wrong ends as one line on stderr, not a traceback.

    Every command first says which database it uses (on stderr when its output is JSON).
    """
    try:
        settings, demo = decide_database(settings, getattr(args, "db", None))
        line = database_line(settings, demo, _)
        if settings.log_format == "json":  # a service's journal: JSON objects only
            logging.getLogger("troly").info("%s", line)
        elif getattr(args, "jsonl", False) or getattr(args, "json", False):
            print(line, file=sys.stderr, flush=True)
        else:
            print(line, flush=True)
        if args.command not in DATA_COMMANDS:
            return int(command(settings, args) or 0)
        settings = asyncio.run(settle_database(settings, demo))
        with bot_lock.using(settings.db_path):
            return int(command(settings, args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.verbose:
            raise
        message, code = one_line_error(exc, settings, _)
        print(f"troly: {message}", file=sys.stderr)
        return code
