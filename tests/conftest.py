"""Fixtures: a demo database per test, and the real Application wired to an offline Bot API."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import Services, offline_telegram
from bot.config import Settings
from bot.demo import DEMO_ROSTER, DEMO_SO_NAME
from bot.offline import OfflineTelegram
from bot.pacing import RateLimits, SimulatedClock
from bot.services.imports import import_roster
from bot.spreadsheets import read_table_file
from bot.storage import Database
from tests.output_capture import OutputRecorder
from tests.output_capture import install as install_output_capture

ADMIN_ID = 999
VN = ZoneInfo("Asia/Ho_Chi_Minh")


class FakeClock:
    """The tests' time: set it, advance it; the bot reads it through Services.clock."""

    def __init__(self, local: dt.datetime) -> None:
        self.now = local.replace(tzinfo=VN).astimezone(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def set_local(self, local: dt.datetime) -> None:
        self.now = local.replace(tzinfo=VN).astimezone(dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2027, 2, 10, 9, 0))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.sqlite3", admin_ids=frozenset({ADMIN_ID}),
                    so_name=DEMO_SO_NAME)


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[Database]:
    database = await Database.open(settings.db_path)
    yield database
    await database.close()


@pytest.fixture
async def demo_db(db: Database) -> Database:
    report = await import_roster(db, read_table_file(DEMO_ROSTER), actor="test",
                                 so_name=DEMO_SO_NAME)
    assert report.ok, report.errors
    return db


@pytest.fixture
async def services(settings: Settings, demo_db: Database, clock: FakeClock) -> Services:
    """Telegram's pacing on a simulated clock, which the offline Bot API's flood limits read
    too: a test meets every 429 the real limits would give, and waits for none."""
    return Services(settings=settings, db=demo_db, clock=clock,
                    limits=RateLimits(clock=SimulatedClock()))


@pytest.fixture
async def telegram(services: Services) -> AsyncIterator[OfflineTelegram]:
    offline = await offline_telegram(services)
    yield offline
    await offline.application.shutdown()


@pytest.fixture(autouse=True)
def one_language_at_a_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[OutputRecorder]:
    """What the bot and the CLI showed holds no English in Vietnamese mode and no Vietnamese
    in English mode (issue 20): checked after every test, whatever it was about."""
    recorder = install_output_capture(monkeypatch)
    yield recorder
    problems = recorder.problems()
    if problems:
        pytest.fail("text in the wrong language (translate it in locales/*.po, or wrap the "
                    "literal in gettext):\n" + "\n".join(problems[:20]), pytrace=False)
