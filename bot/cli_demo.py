"""``troly demo-reset`` (also ``make demo-reset``): rebuild the demo database of the console."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.config import Settings
from bot.i18n import N_, translator


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    reset = sub.add_parser("demo-reset", help=N_("rebuild the demo database of the offline "
                                                 "console (data/demo.sqlite3)"))
    reset.set_defaults(handler=cmd_demo_reset)


def cmd_demo_reset(settings: Settings, args: argparse.Namespace) -> int:
    from bot.deployment import DEMO_DB_PATH, is_demo, reset_demo_database

    _ = translator(getattr(args, "lang", None))
    if not is_demo(settings.db_path):
        print("troly: " + _("demo-reset rebuilds only the demo database {demo}, not {path}")
              .format(demo=DEMO_DB_PATH, path=settings.db_path), file=sys.stderr)
        return 2
    asyncio.run(reset_demo_database())
    print(_(
        "The demo database {path} was rebuilt from the demo roster.").format(path=DEMO_DB_PATH))
    return 0
