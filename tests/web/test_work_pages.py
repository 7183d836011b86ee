"""Câu hỏi and Công văn: the officer's work done from the page, under the bot's rules."""

from __future__ import annotations

import csv
import io

import httpx

from bot.app import Services
from bot.offline import OfflineTelegram
from bot.services.answering import answer_question
from bot.services.handoff import open_ticket
from bot.services.web_access import create_link
from tests.conftest import ADMIN_ID
from tests.letter_files import letter_docx, scanned_pdf
from tests.web.conftest import PHONG, SO, TEACHER, csrf_of, open_link, sign_in

KIM_TEACHER = "0914000002"  # Hồ Văn Sơn, TH Võ Thị Sáu (Thành phố Sông Lam)


async def _ask(services: Services, telegram: OfflineTelegram, phone: str, text: str) -> int:
    user = telegram.user(int(phone), phone=phone)
    await user.share_contact()
    from bot.services.accounts import load_visitor

    visitor = await load_visitor(services.db, int(phone), is_admin=False)
    handoff = await open_ticket(services.db, asker_tg=int(phone), profile=visitor.profile,
                                question=text, now=services.clock(),
                                admin_ids=services.settings.admin_ids)
    return handoff.ticket.id


async def test_an_officer_answers_a_question_and_the_teacher_gets_it(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    ticket_id = await _ask(services, telegram, TEACHER, "Em chưa vào được LMS thì làm sao ạ?")
    await sign_in(browser, services, PHONG)
    page = await browser.get("/cau-hoi")
    assert page.status_code == 200 and "Em chưa vào được LMS" in page.text
    ticket = await browser.get(f"/cau-hoi/{ticket_id}")
    assert ticket.status_code == 200
    sent = await browser.post(f"/cau-hoi/{ticket_id}/tra-loi",
                              data={"csrf": csrf_of(ticket.text),
                                    "answer": "Thầy/Cô gọi tổng đài <1900> để cấp lại mật khẩu."})
    assert sent.status_code == 200
    await services.outbox.drain()
    answers = [m for m in telegram.api.messages_to(int(TEACHER)) if "1900" in m.text]
    # HTML-escaped once: Telegram shows "<1900>" as typed
    assert answers and "&lt;1900&gt;" in answers[-1].text and "&amp;lt;" not in answers[-1].text
    assert "Em chưa vào được LMS" not in (await browser.get("/cau-hoi")).text  # answered
    proposed = await browser.post(f"/cau-hoi/{ticket_id}/de-xuat-faq",
                                  data={"csrf": csrf_of(sent.text)})
    assert proposed.status_code == 200


async def test_another_units_question_is_not_shown_nor_answerable(
        browser: httpx.AsyncClient, services: Services, telegram: OfflineTelegram) -> None:
    ticket_id = await _ask(services, telegram, KIM_TEACHER, "Câu hỏi của trường Sông Lam")
    await sign_in(browser, services, PHONG)  # Phòng Hòa An
    page = await browser.get("/cau-hoi")
    assert "Câu hỏi của trường Sông Lam" not in page.text
    assert (await browser.get(f"/cau-hoi/{ticket_id}")).status_code == 404
    refused = await browser.post(f"/cau-hoi/{ticket_id}/tra-loi",
                                 data={"csrf": csrf_of(page.text), "answer": "x"})
    assert refused.status_code == 404
    assert not [m for m in telegram.api.messages_to(int(KIM_TEACHER)) if m.text == "x"]


async def test_a_so_officer_approves_a_proposed_answer(browser: httpx.AsyncClient,
                                                       services: Services,
                                                       telegram: OfflineTelegram) -> None:
    ticket_id = await _ask(services, telegram, TEACHER, "Mô đun 9 học trên nền tảng nào?")
    await sign_in(browser, services, SO)
    ticket = await browser.get(f"/cau-hoi/{ticket_id}")
    sent = await browser.post(f"/cau-hoi/{ticket_id}/tra-loi",
                              data={"csrf": csrf_of(ticket.text),
                                    "answer": "Mô đun 9 học trên nền tảng TEMIS-Zeta."})
    await services.outbox.drain()  # delivered: the question counts as answered
    await browser.post(f"/cau-hoi/{ticket_id}/de-xuat-faq", data={"csrf": csrf_of(sent.text)})
    page = await browser.get("/cau-hoi")
    draft = page.text.split('action="/cau-hoi/faq/', 1)[1].split("/", 1)[0]
    approved = await browser.post(f"/cau-hoi/faq/{draft}/duyet",
                                  data={"csrf": csrf_of(page.text)})
    assert approved.status_code == 200
    answer = services.engine.answer("mô đun 9 học trên nền tảng nào")
    assert answer.entry is not None and "TEMIS-Zeta" in answer.entry.answer


async def test_letters_are_for_admins_only(browser: httpx.AsyncClient,
                                           services: Services) -> None:
    await sign_in(browser, services, SO)
    assert (await browser.get("/cong-van")).status_code == 403


async def _sign_in_admin(browser: httpx.AsyncClient, services: Services) -> None:
    token = await create_link(services.db, person_id=None, telegram_user_id=ADMIN_ID,
                              is_admin=True, now=services.clock())
    assert (await open_link(browser, token)).status_code == 303


async def test_a_letter_is_previewed_saved_and_removed(browser: httpx.AsyncClient,
                                                       services: Services) -> None:
    await _sign_in_admin(browser, services)
    page = await browser.get("/cong-van")
    assert page.status_code == 200
    preview = await browser.post("/cong-van/tai-len", data={"csrf": csrf_of(page.text)},
                                 files={"file": ("cv.docx", letter_docx())})
    assert preview.status_code == 200 and "2468/SGDĐT-TCCB" in preview.text
    assert not services.engine.letters.letters  # nothing stored before «Lưu»
    saved = await browser.post("/cong-van/luu", data={"csrf": csrf_of(preview.text)})
    assert saved.status_code == 200 and "15/05/2027" in saved.text
    [letter] = services.engine.letters.letters
    deadline = await browser.post("/cong-van/han/0", data={"csrf": csrf_of(saved.text)})
    assert deadline.status_code == 200
    listed = await browser.get("/cong-van")
    assert "2468/SGDĐT-TCCB" in listed.text
    answer = await answer_question(services.db, services.engine,
                                   "báo cáo kết quả bồi dưỡng trí tuệ nhân tạo gửi hộp thư nào",
                                   person=None, province=None)
    assert answer.quote is not None and answer.quote.letter.id == letter.id
    [header, row] = list(csv.reader(io.StringIO((await browser.get("/cong-van?csv=0")).text)))
    assert row[0] == f"#{letter.id}" and row[header.index("Số câu đã trả lời (7 ngày)")] == "1"
    removed = await browser.post(f"/cong-van/{letter.id}/go", data={"csrf": csrf_of(listed.text)})
    assert removed.status_code == 200 and not services.engine.letters.letters


async def test_a_scanned_letter_is_refused_and_nothing_stored(browser: httpx.AsyncClient,
                                                              services: Services) -> None:
    await _sign_in_admin(browser, services)
    page = await browser.get("/cong-van")
    refused = await browser.post("/cong-van/tai-len", data={"csrf": csrf_of(page.text)},
                                 files={"file": ("scan.pdf", scanned_pdf())})
    assert refused.status_code == 400
    assert (await browser.post("/cong-van/luu",
                               data={"csrf": csrf_of(page.text)})).status_code == 409
    assert not services.engine.letters.letters
