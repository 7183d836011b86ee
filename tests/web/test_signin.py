"""Signing in through the bot's link, and every way in that must fail."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import httpx
import pytest

from bot.app import Services
from bot.offline import OfflineTelegram
from tests.conftest import FakeClock
from tests.web.conftest import (
    LAN,
    SO,
    TEACHER,
    csrf_of,
    new_link,
    open_link,
    reimport_roster,
    sign_in,
)

PAGES = ["/", "/cho-duyet", "/tai-ve", "/tai-ve/phu-luc-5.xlsx", "/don-vi/1", "/truong/1"]


async def test_nothing_is_shown_without_a_session(browser: httpx.AsyncClient) -> None:
    for path in PAGES:
        response = await browser.get(path)
        assert response.status_code == 303 and response.headers["location"] == "/dang-nhap"
    refused = await browser.post("/cho-duyet/1/plan_m2/duyet", data={"csrf": "x"})
    assert refused.status_code == 401
    page = await browser.get("/dang-nhap")
    assert page.status_code == 200 and "/web" in page.text


async def test_a_link_works_once(browser: httpx.AsyncClient, services: Services) -> None:
    token = await new_link(services, SO)
    assert (await open_link(browser, token)).status_code == 303
    assert (await browser.get("/")).status_code == 200
    other = httpx.AsyncClient(transport=browser._transport, base_url="http://testserver")
    async with other:
        second = await open_link(other, token)
        assert second.status_code == 403
        assert (await other.get("/")).status_code == 303


async def test_a_link_older_than_ten_minutes_fails(browser: httpx.AsyncClient,
                                                   services: Services, clock: FakeClock) -> None:
    token = await new_link(services, SO)
    clock.now += dt.timedelta(minutes=10, seconds=1)
    assert (await open_link(browser, token)).status_code == 403
    assert (await browser.get("/")).status_code == 303


async def test_an_unknown_link_fails(browser: httpx.AsyncClient) -> None:
    assert (await open_link(browser, "not-a-real-token")).status_code == 403


async def test_a_teacher_gets_no_link(services: Services) -> None:
    from bot.services.web_access import NotForDashboard

    with pytest.raises(NotForDashboard):
        await new_link(services, TEACHER)


async def test_the_session_cookie_is_httponly_and_lax(browser: httpx.AsyncClient,
                                                      services: Services) -> None:
    response = await open_link(browser, await new_link(services, SO))
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = await browser.get("/")
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]


async def test_behind_https_the_cookie_is_secure(browser: httpx.AsyncClient,
                                                 services: Services) -> None:
    services.settings = dataclasses.replace(services.settings,
                                            web_url="https://troly.example.vn")
    async with httpx.AsyncClient(transport=browser._transport,
                                 base_url="https://testserver") as client:
        response = await open_link(client, await new_link(services, SO))
        assert "Secure" in response.headers["set-cookie"]


async def test_session_expires_and_sign_out_ends_it(browser: httpx.AsyncClient,
                                                    services: Services,
                                                    clock: FakeClock) -> None:
    await sign_in(browser, services, SO)
    page = await browser.get("/")
    signed_out = await browser.post("/dang-xuat", data={"csrf": csrf_of(page.text)})
    assert signed_out.status_code == 303
    assert (await browser.get("/")).status_code == 303
    await sign_in(browser, services, SO)
    clock.now += dt.timedelta(hours=8, seconds=1)
    assert (await browser.get("/")).status_code == 303


async def test_sign_out_without_the_csrf_token_is_refused(browser: httpx.AsyncClient,
                                                          services: Services) -> None:
    await sign_in(browser, services, SO)
    assert (await browser.post("/dang-xuat", data={})).status_code == 403
    assert (await browser.get("/")).status_code == 200


async def test_a_demoted_officers_open_session_sees_nothing(browser: httpx.AsyncClient,
                                                            services: Services) -> None:
    await sign_in(browser, services, SO)
    assert (await browser.get("/")).status_code == 200
    await reimport_roster(services, "0903 000 001,Chuyên viên Sở,,,,",
                          "0903 000 001,Giáo viên,TH,Trường TH Kim Đồng,Huyện Hòa An,")
    for path in PAGES:
        assert (await browser.get(path)).status_code == 303


async def test_a_principal_demoted_to_teacher_cannot_approve(
        browser: httpx.AsyncClient, services: Services) -> None:
    await sign_in(browser, services, LAN)
    page = await browser.get("/cho-duyet")
    assert page.status_code == 200
    await reimport_roster(services, "0912345678,Hiệu trưởng", "0912345678,Giáo viên")
    response = await browser.post("/cho-duyet/1/plan_m2/duyet",
                                  data={"csrf": csrf_of(page.text)})
    assert response.status_code == 401


async def test_an_erased_account_ends_its_sessions(browser: httpx.AsyncClient,
                                                   services: Services,
                                                   telegram: OfflineTelegram) -> None:
    user = telegram.user(int(SO), phone=SO)
    await user.share_contact()
    [message] = await user.send("/web")
    token = message.text.rsplit("/vao/", 1)[1].split()[0]
    assert (await open_link(browser, token)).status_code == 303
    assert (await browser.get("/")).status_code == 200
    await user.send("/xoadulieu")
    for m in telegram.api.messages_to(user.user_id)[-1:]:
        for button in m.button_texts:
            if "Xoá" in button or "xoá" in button:
                await user.press(button, m)
    assert (await browser.get("/")).status_code == 303


async def test_sign_in_attempts_are_rate_limited(browser: httpx.AsyncClient) -> None:
    codes = [(await browser.get("/vao/guess")).status_code for _ in range(12)]
    assert codes[:10] == [200] * 10 and codes[10:] == [429, 429]


async def test_logs_hold_no_link_name_or_phone(browser: httpx.AsyncClient, services: Services,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = await new_link(services, SO)
    await open_link(browser, token)
    await browser.get("/")
    ours = [r.getMessage() for r in caplog.records
            if r.name.split(".")[0] in ("web", "bot", "uvicorn")]  # not the test's client
    text = "\n".join(ours)
    assert "web GET overview 200" in text
    assert token not in text and SO not in text and "Hoàng Minh Tuấn" not in text


async def test_the_dashboard_speaks_the_accounts_language(browser: httpx.AsyncClient,
                                                         services: Services,
                                                         telegram: OfflineTelegram) -> None:
    from bot.services.accounts import set_language

    user = telegram.user(int(SO), phone=SO)
    await user.share_contact()
    await set_language(services.db, user.user_id, "en")
    await sign_in(browser, services, SO)  # the link is bound to her account, in English
    page = await browser.get("/")
    assert "Overview" in page.text and "Sign out" in page.text and "Tổng quan" not in page.text
