"""Each page as its users see it, within their scope only, with the rules of the bot."""

from __future__ import annotations

import datetime as dt
import io

import httpx
import openpyxl

from bot.app import Services
from bot.domain.tasks import ReviewState
from bot.offline import OfflineTelegram
from bot.reports.stats import build_report
from bot.services import reports, tasks
from bot.services.authority import current_profile
from bot.storage.people import person_by_phone
from tests.default_campaign import BP, TaskCode
from tests.web.conftest import HOA, KIM, LAN, PHONG, SO, csrf_of, sign_in

SCHOOLS = ["Trường TH Kim Đồng", "Trường THCS Lê Lợi", "Trường TH Võ Thị Sáu",
           "Trường THPT Nguyễn Du", "Trung tâm GDNN-GDTX huyện Hòa An"]


async def _id_of(services: Services, phone: str) -> int:
    person = await person_by_phone(services.db.reader, phone)
    assert person is not None
    return person.id


async def _school_id(services: Services, phone: str) -> int:
    profile = await current_profile(services.db, await _id_of(services, phone))
    assert profile is not None and profile.school is not None
    return profile.school.id


async def test_so_overview_has_every_school_and_the_numbers_of_baocao(
        browser: httpx.AsyncClient, services: Services) -> None:
    await sign_in(browser, services, SO)
    page = await browser.get("/")
    assert page.status_code == 200
    for school in SCHOOLS:
        assert school in page.text
    for unit in ("Huyện Hòa An", "Thành phố Sông Lam"):
        assert unit in page.text
    profile = await current_profile(services.db, await _id_of(services, SO))
    scope = reports.scope_for(profile, is_admin=False, so_name=services.so_name)
    report = await reports.report_for(services.db, scope)
    assert f"{report.total.finished}/{report.total.people}" in page.text \
        or f">{report.total.people}<" in page.text
    assert "<svg" in page.text  # the chart, inline


async def test_drill_down_from_unit_to_school_to_people(browser: httpx.AsyncClient,
                                                        services: Services) -> None:
    await sign_in(browser, services, SO)
    page = await browser.get("/")
    unit_link = page.text.split('href="/don-vi/', 1)[1].split('"', 1)[0]
    unit = await browser.get(f"/don-vi/{unit_link}")
    assert unit.status_code == 200 and "Trường TH Kim Đồng" in unit.text
    school_id = await _school_id(services, LAN)
    school = await browser.get(f"/truong/{school_id}")
    assert school.status_code == 200
    assert "Nguyễn Thị Hoa" in school.text and "Lê Văn Bình" in school.text
    assert "Trường TH Võ Thị Sáu" not in school.text


async def test_a_principal_sees_her_school_and_no_other(browser: httpx.AsyncClient,
                                                        services: Services) -> None:
    await sign_in(browser, services, LAN)
    page = await browser.get("/")
    assert page.status_code == 200 and "Trường TH Kim Đồng" in page.text
    for other in SCHOOLS[1:]:
        assert other not in page.text
    assert "Lê Văn Bình" in page.text  # who still misses each task
    own = await browser.get(f"/truong/{await _school_id(services, LAN)}")
    assert own.status_code == 200
    other = await browser.get(f"/truong/{await _school_id(services, KIM)}")
    assert other.status_code == 404 and "Lâm Thị Kim" not in other.text
    assert (await browser.get("/don-vi/1")).status_code == 404


async def test_a_phong_officer_sees_only_the_unit(browser: httpx.AsyncClient,
                                                  services: Services) -> None:
    await sign_in(browser, services, PHONG)
    page = await browser.get("/")
    assert "Trường TH Kim Đồng" in page.text and "Trường TH Võ Thị Sáu" not in page.text
    assert (await browser.get(f"/truong/{await _school_id(services, KIM)}")).status_code == 404
    assert (await browser.get(f"/truong/{await _school_id(services, LAN)}")).status_code == 200


async def test_school_page_has_the_numbers_of_baocao(browser: httpx.AsyncClient,
                                                      services: Services) -> None:
    await sign_in(browser, services, LAN)
    page = await browser.get("/")
    profile = await current_profile(services.db, await _id_of(services, LAN))
    scope = reports.scope_for(profile, is_admin=False, so_name=services.so_name)
    report = await reports.report_for(services.db, scope)
    for row in report.by_task:
        assert f"<td>{row.name}</td><td>{row.people}</td><td>{row.finished}</td>" in page.text


async def test_any_table_downloads_as_csv(browser: httpx.AsyncClient, services: Services) -> None:
    await sign_in(browser, services, SO)
    response = await browser.get("/?csv=0")
    assert response.status_code == 200 and "text/csv" in response.headers["content-type"]
    text = response.content.decode("utf-8-sig")
    assert "Huyện Hòa An" in text
    assert (await browser.get("/?csv=99")).status_code == 404


async def test_appendix_5_downloads_for_the_scope_only(browser: httpx.AsyncClient,
                                                       services: Services) -> None:
    await sign_in(browser, services, LAN)
    response = await browser.get("/tai-ve/phu-luc-5.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row if c.value)
    assert "Lê Văn Bình" in cells and "Hồ Văn Sơn" not in cells  # Sông Lam's teacher
    assert (await browser.get("/tai-ve/phu-luc-4.xlsx")).status_code == 200


async def _submit_plan(services: Services, phone: str = HOA) -> None:
    owner = await current_profile(services.db, await _id_of(services, phone))
    assert owner is not None
    await tasks.change_own(services.db, BP, owner, TaskCode.PLAN_M2,
                           ReviewState.LECTURER_APPROVED,
                           rules=services.rules, actor="test")


async def _state(services: Services) -> object:
    from bot.storage import tasks as task_repo

    states = await task_repo.states_of(services.db.reader, BP, await _id_of(services, HOA))
    return states.get(TaskCode.PLAN_M2)


async def test_approving_in_the_browser_tells_the_core_teacher(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    hoa = telegram.user(int(HOA), phone=HOA)
    await hoa.share_contact()
    await _submit_plan(services)
    await sign_in(browser, services, LAN)
    waiting = await browser.get("/cho-duyet")
    assert "Nguyễn Thị Hoa" in waiting.text
    owner_id = await _id_of(services, HOA)
    confirm = await browser.get(f"/cho-duyet/{owner_id}/plan_m2")
    assert confirm.status_code == 200 and "Nguyễn Thị Hoa" in confirm.text
    assert await _state(services) is ReviewState.LECTURER_APPROVED  # nothing recorded yet
    done = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/duyet",
                              data={"csrf": csrf_of(confirm.text)})
    assert done.status_code == 200
    assert await _state(services) is ReviewState.APPROVED
    await services.outbox.drain()
    told = [m for m in telegram.api.messages_to(hoa.user_id)
            if "đã được" in m.text and "Trần Thị Lan" in m.text]
    assert told
    assert "Nguyễn Thị Hoa" not in (await browser.get("/cho-duyet")).text
    undone = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/hoan-tac",
                                data={"csrf": csrf_of(done.text)})
    assert undone.status_code == 200
    assert await _state(services) is ReviewState.LECTURER_APPROVED


async def test_undo_after_ten_minutes_is_refused(browser: httpx.AsyncClient,
                                                 services: Services) -> None:
    await _submit_plan(services)
    await sign_in(browser, services, LAN)
    owner_id = await _id_of(services, HOA)
    confirm = await browser.get(f"/cho-duyet/{owner_id}/plan_m2")
    done = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/duyet",
                              data={"csrf": csrf_of(confirm.text)})
    eleven_minutes_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=11)).isoformat()
    async with services.db.transaction() as tx:  # the approval's audit row, as the bot's test
        await tx.execute("UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log "
                         "WHERE action = 'task.change')", (eleven_minutes_ago,))
    late = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/hoan-tac",
                              data={"csrf": csrf_of(done.text)})
    assert late.status_code == 409
    assert await _state(services) is ReviewState.APPROVED


async def test_a_form_without_its_csrf_token_changes_nothing(browser: httpx.AsyncClient,
                                                             services: Services) -> None:
    await _submit_plan(services)
    await sign_in(browser, services, LAN)
    owner_id = await _id_of(services, HOA)
    for data in ({}, {"csrf": "forged"}):
        response = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/duyet", data=data)
        assert response.status_code == 403
    assert await _state(services) is ReviewState.LECTURER_APPROVED


async def test_another_schools_principal_cannot_approve(browser: httpx.AsyncClient,
                                                        services: Services) -> None:
    await _submit_plan(services)
    await sign_in(browser, services, KIM)
    assert "Nguyễn Thị Hoa" not in (await browser.get("/cho-duyet")).text
    owner_id = await _id_of(services, HOA)
    confirm = await browser.get(f"/cho-duyet/{owner_id}/plan_m2")
    assert confirm.status_code == 409
    page = await browser.get("/cho-duyet")
    response = await browser.post(f"/cho-duyet/{owner_id}/plan_m2/duyet",
                                  data={"csrf": csrf_of(page.text)})
    assert response.status_code == 409
    assert await _state(services) is ReviewState.LECTURER_APPROVED


async def test_report_numbers_match_a_fresh_count(services: Services) -> None:
    """The overview's groups add up to the report's total (one count, two views)."""
    from bot.services.dashboard import groups

    profile = await current_profile(services.db, await _id_of(services, SO))
    scope = reports.scope_for(profile, is_admin=False, so_name=services.so_name)
    report = await reports.report_for(services.db, scope)
    for rows in groups(report):
        assert sum(g.people for g in rows) == report.total.people
        assert sum(g.finished for g in rows) == report.total.finished
    again = build_report(scope, report.staff, BP)
    assert again.total == report.total
