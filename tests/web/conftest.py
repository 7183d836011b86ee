"""The dashboard app on the test's own loop (httpx's ASGI transport), over the demo province,
and signing in as a person of the demo roster the way the bot's link does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from bot.app import Services
from bot.config import Settings
from bot.demo import DEMO_ROSTER, DEMO_SO_NAME
from bot.services.imports import import_roster
from bot.services.web_access import link_for_phone
from bot.spreadsheets import read_table
from tests.conftest import ADMIN_ID
from web.app import build_web_app

SO = "0903000001"  # Hoàng Minh Tuấn, Sở
PHONG = "0904000001"  # Đặng Văn Phúc, Phòng Hòa An (TH)
LAN = "0912345678"  # Trần Thị Lan, principal of TH Kim Đồng (Hòa An)
KIM = "0914000001"  # Lâm Thị Kim, principal of TH Võ Thị Sáu (Sông Lam)
HOA = "0912000001"  # Nguyễn Thị Hoa, GV cốt cán of TH Kim Đồng
TEACHER = "0912000002"  # Lê Văn Bình, teacher


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.sqlite3", admin_ids=frozenset({ADMIN_ID}),
                    so_name=DEMO_SO_NAME, web_port=8080)


@pytest.fixture
def web_app(services: Services) -> Starlette:
    return build_web_app(services, report_min_age=0.0)


@pytest.fixture
async def browser(web_app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web_app),
                                 base_url="http://testserver") as client:
        yield client


async def new_link(services: Services, phone: str) -> str:
    return await link_for_phone(services.db, phone, admin_ids=services.settings.admin_ids,
                                now=services.clock())


async def open_link(client: httpx.AsyncClient, token: str) -> httpx.Response:
    """Open the link, then press «Đăng nhập» as the page asks."""
    page = await client.get(f"/vao/{token}")
    assert page.status_code == 200, page.text
    nonce = page.text.split('name="nonce" value="', 1)[1].split('"', 1)[0]
    return await client.post("/vao", data={"token": token, "nonce": nonce})


async def sign_in(client: httpx.AsyncClient, services: Services, phone: str) -> None:
    response = await open_link(client, await new_link(services, phone))
    assert response.status_code == 303 and response.headers["location"] == "/", response.text


def csrf_of(html: str) -> str:
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


async def reimport_roster(services: Services, old: str, new: str) -> None:
    """The Sở re-imports the demo roster with one line changed (a role, a school)."""
    text = DEMO_ROSTER.read_text(encoding="utf-8")
    assert old in text
    rows = read_table(text.replace(old, new).encode(), "roster.csv")
    report = await import_roster(services.db, rows, actor="test", so_name=DEMO_SO_NAME)
    assert report.ok, report.errors
