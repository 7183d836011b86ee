"""The dashboard in a real headless browser (Debian's chromium, driven by selenium), against
``troly run`` as a separate process and the offline Bot API: an officer signs in through a
``troly web-link`` link, the link does not work twice, a principal approves a pending plan, and
the cốt cán's notice reaches the Bot API.

Nothing downloads a browser: the system's chromium and chromedriver are used, or the test is
skipped on a developer's machine without them, and fails in CI (``CI=true``), where
scripts/system-packages.txt installs them.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest

from bot.app import Services
from bot.domain.tasks import ReviewState
from bot.services import tasks
from bot.services.accounts import sign_up
from bot.services.authority import current_profile
from bot.services.imports import import_status
from bot.spreadsheets import read_table
from bot.storage.people import person_by_phone
from tests.conversations.live_bot import ROOT, free_port, live_bot
from tests.default_campaign import BP, TaskCode
from tests.web.conftest import HOA, LAN, SO

SCHOOLS = ["Trường TH Kim Đồng", "Trường THCS Lê Lợi", "Trường TH Võ Thị Sáu",
           "Trường THPT Nguyễn Du", "Trung tâm GDNN-GDTX huyện Hòa An"]
SCREENSHOT_ENV = "TROLY_SCREENSHOT"  # where to keep the overview's screenshot (README)


def _chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        message = ("chromium and chromium-driver are not installed (Debian: apt-get install "
                   "chromium chromium-driver; `make` installs scripts/system-packages.txt)")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return browser, driver


class Browser:
    """A headless chromium; every call blocks, so the test runs them in a thread."""

    def __init__(self, browser: str, driver: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        options = Options()
        options.binary_location = browser
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         "--disable-gpu", "--window-size=1200,1500", "--lang=vi",
                         "--no-first-run", "--disable-extensions", "--disable-sync",
                         "--disable-background-networking", "--disable-component-update"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=driver))
        self.driver.set_page_load_timeout(30)

    def open(self, url: str) -> str:
        self.driver.get(url)
        return str(self.driver.page_source)

    def click(self, css: str) -> str:
        from selenium.webdriver.common.by import By

        return self._follow(self.driver.find_element(By.CSS_SELECTOR, css))

    def click_link(self, text: str) -> str:
        from selenium.webdriver.common.by import By

        return self._follow(self.driver.find_element(By.PARTIAL_LINK_TEXT, text))

    def _follow(self, element: object) -> str:
        """Click, and wait for the next page to replace this one."""
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        element.click()  # type: ignore[attr-defined]
        WebDriverWait(self.driver, 20).until(expected_conditions.staleness_of(element))
        return str(self.driver.page_source)

    def sign_in(self, url: str) -> str:
        self.open(url)
        return self.click("#signin")

    def close(self) -> None:
        self.driver.quit()


async def _web_link(db_path: Path, port: int, phone: str, tmp_path: Path) -> str:
    """``troly web-link PHONE``, as the IT officer runs it: the link is on the last line."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "TROLY_DB_PATH": str(db_path), "TROLY_WEB_PORT": str(port)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "web-link", phone, cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    return out.decode().strip().splitlines()[-1]


PROGRESS = """Số điện thoại,Mô đun 1,TEMIS tự đánh giá
0912345678,đạt,đã hoàn thành
0912000001,đạt,đã hoàn thành
0912000002,đạt,đã hoàn thành
0912000003,chưa đạt,đã hoàn thành
0913000002,đạt,đã hoàn thành
0913000003,đạt,chưa
0914000002,đạt,đã hoàn thành
0915000003,đạt,đã hoàn thành
0915000004,đạt,đã hoàn thành
0916000002,chưa đạt,chưa
"""


async def _prepare(services: Services) -> int:
    """Some of the demo province's progress (a status import, as the Sở does from LMS), and
    Hoa (GV cốt cán) uses the bot with her plan waiting for her principal's approval."""
    imported = await import_status(services.db, read_table(PROGRESS.encode(), "lms.csv"),
                                   actor="test")
    assert imported.ok, imported.errors
    hoa = await person_by_phone(services.db.reader, HOA)
    assert hoa is not None
    await sign_up(services.db, int(HOA), HOA)
    owner = await current_profile(services.db, hoa.id)
    assert owner is not None
    await tasks.change_own(services.db, BP, owner, TaskCode.PLAN_M2,
                           ReviewState.LECTURER_APPROVED, rules=services.rules, actor="test")
    return hoa.id


async def _listening(port: int, seconds: float = 30) -> None:
    for _ in range(int(seconds * 20)):
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        return
    raise AssertionError("the dashboard did not start")


async def test_sign_in_and_approve_in_a_real_browser(tmp_path: Path,
                                                      services: Services) -> None:
    browser_path, driver_path = _chromium()
    await _prepare(services)
    port = free_port()
    async with live_bot(tmp_path, services.db.path, "run", TROLY_WEB_PORT=str(port),
                        TROLY_SO_NAME="Sở GD&ĐT tỉnh Bình Phước (mẫu)") as bot:
        await _listening(port)
        so_link = await _web_link(services.db.path, port, SO, tmp_path)
        assert so_link.startswith(f"http://127.0.0.1:{port}/vao/")
        browser = await asyncio.to_thread(Browser, browser_path, driver_path)
        try:
            overview = await asyncio.to_thread(browser.sign_in, so_link)
            for school in SCHOOLS:
                assert school in overview
            assert "Tổng quan" in overview and "<svg" in overview
            shot = os.environ.get(SCREENSHOT_ENV)
            await asyncio.to_thread(browser.driver.save_screenshot,
                                    shot or str(tmp_path / "tong-quan.png"))
            await asyncio.to_thread(browser.click, "form.signout button")
            again = await asyncio.to_thread(browser.sign_in, so_link)
            assert "không dùng được" in again and "Trường THCS Lê Lợi" not in again

            lan_link = await _web_link(services.db.path, port, LAN, tmp_path)
            mine = await asyncio.to_thread(browser.sign_in, lan_link)
            assert "Trường TH Kim Đồng" in mine and "Trường TH Võ Thị Sáu" not in mine
            await asyncio.to_thread(browser.click_link, "Chờ duyệt")
            confirm = await asyncio.to_thread(browser.click_link, "Nguyễn Thị Hoa")
            assert "Xác nhận" in confirm
            done = await asyncio.to_thread(browser.click, "#confirm")
            assert "Đã duyệt" in done and "#undo" not in done
        finally:
            await asyncio.to_thread(browser.close)

        def told() -> bool:
            return any("đã được" in m.text and "Trần Thị Lan" in m.text
                       for m in bot.server.api.messages_to(int(HOA)))

        await bot.wait_for(told, "the cốt cán's notice at the Bot API")
    states = await tasks.checklist(services.db, BP, (await person_by_phone(
        services.db.reader, HOA)))  # type: ignore[arg-type]
    assert any(i.task == TaskCode.PLAN_M2 and i.state is ReviewState.APPROVED for i in states)
