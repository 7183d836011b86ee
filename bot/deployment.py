"""Which database a ``troly`` command, the console and the bot use, and its province.

One function decides the database for all of them, in this order: ``--db`` (a new file is
created), then ``TROLY_DB_PATH``, then, with no token, the demo database of the offline console
(and the command says so); with a token, ``data/troly.sqlite3``. The province is settled when
a database gets its first campaign, by whichever command opens it first: the shipped campaign
of ``TROLY_PROVINCE``, or an empty one for a province without a shipped file. The demo database
is always the demo province's, whatever ``TROLY_PROVINCE`` says.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from bot.config import Settings
from bot.demo import DEMO_PROVINCE, DEMO_ROSTER, DEMO_SO_NAME
from bot.domain.provinces import region
from bot.i18n import Translator

DEMO_DB_PATH = Path("data/demo.sqlite3")


def is_demo(path: Path) -> bool:
    return path.resolve() == DEMO_DB_PATH.resolve()


def decide_database(settings: Settings, db_option: Path | None = None) -> tuple[Settings, bool]:
    """The settings with the database every command uses, and whether it is the demo one."""
    if db_option is not None:
        path = db_option
    elif settings.db_path_given or settings.token:
        path = settings.db_path
    else:
        path = DEMO_DB_PATH
    demo = is_demo(path)
    return replace(settings, db_path=path,
                   so_name=DEMO_SO_NAME if demo else settings.so_name), demo


def database_line(settings: Settings, demo: bool, _: Translator) -> str:
    if demo:
        return _("Database: {path} (the demo data of the offline console; set TROLY_DB_PATH "
                 "for another one)").format(path=settings.db_path)
    return _("Database: {path}").format(path=settings.db_path)


async def settle_database(settings: Settings, demo: bool) -> Settings:
    """Create the database if needed, settle its province, and return the settings with the
    province the database was settled for (which wins over ``TROLY_PROVINCE`` afterwards)."""
    from bot.services.campaigns import database_province, settle_province
    from bot.storage import Database

    if demo:
        await ensure_demo_database(settings.db_path)
    db = await Database.open(settings.db_path)
    try:
        if not demo:
            await settle_province(db, settings.province)
        settled = await database_province(db)
    finally:
        await db.close()
    fallback = region(DEMO_PROVINCE) if demo else settings.province
    return replace(settings, province=settled or fallback)


async def ensure_demo_database(path: Path = DEMO_DB_PATH) -> None:
    """Create the demo database with the fictional province's roster and campaign the first
    time."""
    from bot.services.campaigns import settle_province
    from bot.services.imports import import_roster
    from bot.spreadsheets import read_table_file
    from bot.storage import Database
    from bot.storage.people import count_people

    db = await Database.open(path)
    try:
        await settle_province(db, DEMO_PROVINCE)
        if await count_people(db.reader) == 0:
            rows = read_table_file(DEMO_ROSTER)
            report = await import_roster(db, rows, actor="demo", so_name=DEMO_SO_NAME)
            if not report.ok:
                raise RuntimeError(f"demo roster is invalid: {report.errors[:3]}")
    finally:
        await db.close()


async def reset_demo_database(path: Path = DEMO_DB_PATH) -> None:
    """Throw away what was tried in the demo (imports, sign-ups, approvals) and rebuild it."""
    def remove() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    await asyncio.to_thread(remove)
    await ensure_demo_database(path)
