"""Câu hỏi: what the assistant could not answer (most asked first), the open questions of the
officer's unit answered from the page (the answer reaches the asker through the outbox, as a
reply in Telegram does), and answers proposed for and approved into the knowledge base."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from bot.domain.permissions import allowed
from bot.services import tickets as service
from bot.services.answering import most_frequent_unanswered
from bot.services.dashboard import NotInScope
from bot.services.web_access import WebViewer
from bot.telegram_text import escape
from bot.textnorm import nfc
from web.render import Table, render, table_or_csv, tr_of
from web.session import form_of, page, services_of

MAX_ANSWER_CHARS = 3000


def _by(viewer: WebViewer) -> str:
    """Who answered, as the bot records it: the Telegram account, so a failed delivery is
    reported to the officer in Telegram too."""
    return f"tg:{viewer.telegram_user_id}" if viewer.telegram_user_id else viewer.actor


@page("answer_tickets")
async def questions(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    db = services_of(request).db
    tables = []
    if allowed("unanswered", viewer.tags):
        frequent = await most_frequent_unanswered(db)
        tables.append(Table(_("Questions the assistant could not answer, most asked first"),
                            [_("Question"), _("Times asked"), _("Last asked")],
                            [[q.text[:300], q.count, q.last_asked[:10]] for q in frequent]))
    open_tickets = await service.tickets_for_staff(db, viewer.profile, viewer.is_admin)
    tables.append(Table(_("Open questions for the support staff"),
                        [_("No."), _("Question"), _("Unit"), _("Asked on")],
                        [[f"#{t.id}", t.question[:300], await service.unit_name(db, t.unit_id),
                          f"{t.created_at:%d/%m/%Y}"] for t in open_tickets],
                        [f"/cau-hoi/{t.id}" for t in open_tickets]))
    drafts = await service.pending_drafts(db) if allowed("approve_faq", viewer.tags) else []
    csv = table_or_csv(request, tables, "cau-hoi")
    if csv is not None:
        return csv
    return render(request, viewer, "questions.html", title=_("Questions"), tables=tables,
                  drafts=drafts)


async def _ticket(request: Request, viewer: WebViewer) -> service.Ticket:
    ticket = await service.ticket_by_id(services_of(request).db,
                                        int(request.path_params["ticket_id"]))
    if ticket is None or not service.may_answer(viewer.profile, viewer.is_admin, ticket):
        raise NotInScope()
    return ticket


@page("answer_tickets")
async def ticket(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    found = await _ticket(request, viewer)
    asker = await service.asker_of(services_of(request).db, found)
    return render(request, viewer, "ticket.html", title=_("Question #{id}").format(id=found.id),
                  ticket=found, asker=asker, sent=False)


@page("answer_tickets", post=True)
async def answer(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    found = await _ticket(request, viewer)
    services = services_of(request)
    text = nfc(str(form_of(request).get("answer", ""))).strip()[:MAX_ANSWER_CHARS]
    answered = await service.answer_ticket(services.db, found.id, staff=viewer.profile,
                                           is_admin=viewer.is_admin, text=escape(text),
                                           by=_by(viewer))
    services.outbox.wake()  # the answer was queued with it
    return render(request, viewer, "ticket.html", title=_("Question #{id}").format(id=found.id),
                  ticket=answered, asker=None, sent=True)


@page("answer_tickets", post=True)
async def propose(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    ticket_id = int(request.path_params["ticket_id"])
    draft_id = await service.propose_faq(services_of(request).db, ticket_id,
                                         staff=viewer.profile, is_admin=viewer.is_admin,
                                         by=_by(viewer))
    return render(request, viewer, "message.html", title=_("Proposed"),
                  text=_("Draft #{id} waits for a Sở officer's approval.").format(id=draft_id))


@page("approve_faq", post=True)
async def decide(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    approve = request.path_params["decision"] == "duyet"
    draft = await service.decide_faq(services.db, int(request.path_params["draft_id"]),
                                     approve=approve, staff=viewer.profile,
                                     is_admin=viewer.is_admin, by=_by(viewer))
    if draft.status == "approved":
        service.publish_faq(services.engine, services.topics,
                            await service.faq_entry(services.db, draft))
        text = _("Draft #{id} is live: the assistant answers with it from now on.")
    else:
        text = _("Draft #{id} rejected.")
    return render(request, viewer, "message.html", title=_("Questions"),
                  text=text.format(id=draft.id))
