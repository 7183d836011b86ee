"""Thông báo from the page: the audience picker's counts, sending within one's scope only,
the night-time hold, and the delivery of one's own announcement."""

from __future__ import annotations

import datetime as dt

import httpx

from bot.app import Services
from bot.offline import OfflineTelegram
from tests.conftest import FakeClock
from tests.web.conftest import KIM, LAN, TEACHER, csrf_of, sign_in

TEXT = "Họp chuyên môn lúc 14:00 thứ Năm <b>tại hội trường</b>"


async def test_a_principal_counts_then_sends_to_her_school(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    teacher = telegram.user(int(TEACHER), phone=TEACHER)
    await teacher.share_contact()
    await sign_in(browser, services, LAN)
    page = await browser.get("/thong-bao")
    assert page.status_code == 200
    counted = await browser.post("/thong-bao/dem", data={"csrf": csrf_of(page.text),
                                                          "text": TEXT, "group": "gv"})
    assert counted.status_code == 200 and 'id="count"' in counted.text
    sent = await browser.post("/thong-bao/gui", data={"csrf": csrf_of(page.text), "text": TEXT,
                                                       "group": "gv"})
    assert sent.status_code == 303
    progress = await browser.get(sent.headers["location"])
    assert progress.status_code == 200
    await services.outbox.drain()
    got = [m for m in telegram.api.messages_to(int(TEACHER)) if "Họp chuyên môn" in m.text]
    assert got and "&lt;b&gt;" in got[-1].text  # typed text, not markup
    assert "1/1" in (await browser.get(sent.headers["location"])).text


async def test_another_schools_unit_id_in_the_form_is_refused(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    from bot.services.authority import current_profile
    from bot.storage.people import person_by_phone

    kim = await person_by_phone(services.db.reader, KIM)
    assert kim is not None
    other = await current_profile(services.db, kim.id)
    assert other is not None and other.school is not None
    await sign_in(browser, services, LAN)
    page = await browser.get("/thong-bao")
    refused = await browser.post("/thong-bao/gui", data={
        "csrf": csrf_of(page.text), "text": TEXT, "unit": str(other.school.id)})
    assert refused.status_code in (403, 409)
    await services.outbox.drain()
    assert not [m for m in telegram.api.sent if "Họp chuyên môn" in m.text]


async def test_at_night_it_waits_for_seven(browser: httpx.AsyncClient, services: Services,
                                          telegram: OfflineTelegram, clock: FakeClock) -> None:
    teacher = telegram.user(int(TEACHER), phone=TEACHER)
    await teacher.share_contact()
    clock.set_local(dt.datetime(2027, 2, 10, 22, 30))
    await sign_in(browser, services, LAN)
    page = await browser.get("/thong-bao")
    sent = await browser.post("/thong-bao/gui", data={"csrf": csrf_of(page.text), "text": TEXT})
    progress = await browser.get(sent.headers["location"])
    assert "07:00" in progress.text
    await services.outbox.drain()
    assert not [m for m in telegram.api.messages_to(int(TEACHER)) if "Họp chuyên môn" in m.text]


async def test_someone_elses_announcement_is_not_shown(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    teacher = telegram.user(int(TEACHER), phone=TEACHER)
    await teacher.share_contact()
    await sign_in(browser, services, LAN)
    page = await browser.get("/thong-bao")
    sent = await browser.post("/thong-bao/gui", data={"csrf": csrf_of(page.text), "text": TEXT})
    async with httpx.AsyncClient(transport=browser._transport,
                                 base_url="http://testserver") as other:
        await sign_in(other, services, KIM)
        assert (await other.get(sent.headers["location"])).status_code == 409
