"""``troly letters add|list|remove``: the Sở's letters from the command line.

``add`` prints the same preview the bot shows an admin, then stores the letter; the running
bot indexes stored letters when it starts (and at once when they come through the chat).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.i18n import N_, Translator

if TYPE_CHECKING:
    from bot.knowledge.engine import AnsweringEngine


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    letters = sub.add_parser("letters", help=N_("the Sở's letters the bot quotes: add, list, "
                                                "remove"))
    actions = letters.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help=N_("read a .pdf, .docx or .txt letter and store it"))
    add.add_argument("file", type=Path)
    add.add_argument("--number", help=N_('the letter\'s number, e.g. "2468/SGDĐT-TCCB"'))
    add.add_argument("--date", help=N_("DD/MM/YYYY, when the letter does not say it readably"))
    add.add_argument("--issuer", help=N_('e.g. "Sở GD&ĐT Đồng Nai"'))
    add.add_argument("--dry-run", action="store_true", help=N_("only print the preview"))
    actions.add_parser("list", help=N_("the stored letters"))
    remove = actions.add_parser("remove", help=N_("remove a letter: it is no longer quoted"))
    remove.add_argument("id", type=int)


def add_letters_option(parser: argparse.ArgumentParser) -> None:
    """``--letters``: letters (files or folders) to load before answering, for ask and eval."""
    parser.add_argument("--letters", type=Path, nargs="+", default=[],
                        help=N_("letters (files or folders) to load first, e.g. "
                                "../shared/seeds"))


def engine_with_letters(paths: list[Path], _: Translator) -> AnsweringEngine:
    """The shipped knowledge base, and the given letters to quote."""
    from bot.app import default_engine
    from bot.services.letters import letters_from_paths

    engine = default_engine()
    if paths:
        engine.letters.replace(letters_from_paths(paths))
        print(_("Letters loaded: {n}").format(n=len(engine.letters)), file=sys.stderr)
    return engine


def cmd_letters(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import translator
    from bot.knowledge.letter_index import LetterIndex
    from bot.services import letters as service
    from bot.storage import Database
    from bot.storage.letters import all_letters

    _ = translator(args.lang).gettext
    draft = None
    if args.action == "add":
        # a missing or unreadable file raises; cli_frame says it in one line
        data = args.file.read_bytes()
        if pages := service.pages_to_read(data, args.file.name):
            print(_("Reading the scan ({n} pages)…").format(n=pages), file=sys.stderr)
        draft = service.read_letter_file(data, args.file.name, number=args.number,
                                         date=args.date, issuer=args.issuer)
        print("\n".join(service.preview_lines(draft, _, sections=None)))
        if args.dry_run:
            return 0

    async def run() -> int:
        db = await Database.open(settings.db_path)
        try:
            if args.action == "list":
                answered = await service.answered_last_week(db)
                for s in await all_letters(db.reader):
                    used = _("{n} question(s) answered in the last 7 days").format(
                        n=answered.get(s.id, 0))
                    print(f"#{s.id} {s.meta.number or '-'} · {s.meta.date or '-'} · "
                          f"{s.meta.issuer or '-'} · {s.meta.subject[:80]} ({s.filename}) · "
                          f"{used}")
                return 0
            if args.action == "remove":
                removed = await service.remove_letter(db, LetterIndex(), args.id, actor="cli")
                print((_("Letter #{id} removed: the bot no longer quotes it.") if removed
                       else _("There is no letter #{id}; troly letters list shows them."))
                      .format(id=args.id))
                return 0 if removed else 1
            assert draft is not None
            stored = await service.stored_as(db, draft)
            if stored is not None:  # said, not an error: adding a folder again adds nothing
                print(_(service.ALREADY_STORED).format(id=stored))
                return 0
            letter = await service.save_letter(db, LetterIndex(), draft, actor="cli")
            print(_("Letter #{id} stored: the bot quotes it from its next start.").format(
                id=letter.id))
            return 0
        finally:
            await db.close()

    return asyncio.run(run())
