"""Kế hoạch và hạn chót: the running campaign, a new campaign file checked then loaded, and a
deadline edited, under the rules of /hanchot and the campaign loader."""

from __future__ import annotations

import httpx

from bot.app import Services
from bot.campaigns import bundled_text
from bot.domain.deadlines import Audience, DeadlineDraft, tasks_reminded
from bot.services import deadlines
from tests.default_campaign import BP
from tests.web.conftest import LAN, SO, csrf_of, sign_in


async def _deadline(services: Services) -> int:
    return await deadlines.add_deadline(services.db, DeadlineDraft(
        "Hoàn thành mô đun 1", 30, 3, None, tasks_reminded(BP, Audience.STAFF), Audience.STAFF),
        actor="test")


async def test_a_so_officer_edits_a_deadline(browser: httpx.AsyncClient,
                                             services: Services) -> None:
    deadline_id = await _deadline(services)
    await sign_in(browser, services, SO)
    page = await browser.get("/ke-hoach")
    assert page.status_code == 200 and "Mô đun 1" in page.text and "30/03/2027" in page.text
    form = await browser.get(f"/ke-hoach/han/{deadline_id}")
    bad = await browser.post(f"/ke-hoach/han/{deadline_id}",
                             data={"csrf": csrf_of(form.text), "date": "31/02",
                                   "offsets": "7,1", "active": "on"})
    assert bad.status_code == 409
    saved = await browser.post(f"/ke-hoach/han/{deadline_id}",
                               data={"csrf": csrf_of(form.text), "date": "15/04",
                                     "offsets": "7,1", "active": "on"})
    assert saved.status_code == 200
    listed = await deadlines.all_deadlines(services.db, await services.campaign())
    [changed] = [d for d in listed if d.id == deadline_id]
    assert (changed.day, changed.month, changed.offsets) == (15, 4, (7, 1))


async def test_principals_do_not_see_the_plan(browser: httpx.AsyncClient,
                                              services: Services) -> None:
    await sign_in(browser, services, LAN)
    assert (await browser.get("/ke-hoach")).status_code == 403


async def test_a_campaign_file_shows_its_errors_by_line_and_loads_nothing(
        browser: httpx.AsyncClient, services: Services) -> None:
    await sign_in(browser, services, SO)  # a Sở officer may see, only an admin loads
    page = await browser.get("/ke-hoach")
    refused = await browser.post("/ke-hoach/tai-len", data={"csrf": csrf_of(page.text)},
                                 files={"file": ("kh.yaml", b"name: x\n")})
    assert refused.status_code == 403


async def test_an_admin_checks_then_loads_a_campaign(browser: httpx.AsyncClient,
                                                     services: Services) -> None:
    from tests.web.test_work_pages import _sign_in_admin

    await _sign_in_admin(browser, services)
    page = await browser.get("/ke-hoach")
    broken = await browser.post("/ke-hoach/tai-len", data={"csrf": csrf_of(page.text)},
                                files={"file": ("kh.yaml", b"name: x\ntasks:\n  - code: 1\n")})
    assert broken.status_code == 400 and "dòng" in broken.text
    text = bundled_text("tphcm").encode()
    preview = await browser.post("/ke-hoach/tai-len", data={"csrf": csrf_of(page.text)},
                                 files={"file": ("tphcm.yaml", text)})
    assert preview.status_code == 200
    assert (await services.campaign()).name == BP.name  # nothing loaded yet
    loaded = await browser.post("/ke-hoach/nap", data={"csrf": csrf_of(preview.text)})
    assert loaded.status_code == 200
    assert (await services.campaign()).name != BP.name
