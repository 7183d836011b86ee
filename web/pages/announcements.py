"""Thông báo: write an announcement, pick its audience with the same filters and counts as
/thongbao, see who would receive it, send it (held until 07:00 at night unless the Sở marks
it urgent), and follow its delivery. Every rule is the broadcast service's."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.domain.audience import ROLE_GROUPS, Audience, sender_scope
from bot.domain.people import Level, UnitKind
from bot.i18n import N_
from bot.services import broadcasts as service
from bot.services.web_access import WebViewer
from bot.telegram_text import escape
from bot.textnorm import nfc
from web.render import render, tr_of
from web.session import form_of, page, services_of

ROLE_GROUP_NAMES = {"gv": N_("Teachers"), "cbql": N_("Managers"), "phong": N_("Phòng staff")}
MAX_TEXT = 4096


def _sender(viewer: WebViewer) -> service.Sender:
    author = f"tg:{viewer.telegram_user_id}" if viewer.telegram_user_id else viewer.actor
    return service.Sender(author, viewer.person.id if viewer.person else None,
                          sender_scope(viewer.profile, is_admin=viewer.is_admin),
                          is_admin=viewer.is_admin)


def _audience(request: Request, sender: service.Sender) -> Audience:
    """The picker's choices, as the form sent them; the service checks the scope."""
    form = form_of(request)
    unit = str(form.get("unit", ""))
    levels = frozenset(Level(str(v)) for v in form.getlist("level")
                       if str(v) in Level._value2member_map_)
    roles = frozenset(r for g in form.getlist("group") if g in ROLE_GROUPS
                      for r in ROLE_GROUPS[g])
    missing = str(form.get("missing", "")) or None
    return Audience(unit_id=int(unit) if unit.isdigit() else sender.scope.unit_id,
                    levels=levels, roles=roles, core_only=form.get("core") == "on",
                    missing=missing)


async def _compose(request: Request, viewer: WebViewer, *, text: str = "",
                   audience: Audience | None = None, summary: object = None,
                   status: int = 200) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    sender = _sender(viewer)
    counts = await service.filter_counts(services.db, sender.scope.unit_id)
    units = await service.units_to_choose(services.db, sender.scope)
    campaign = await services.campaign()
    mine = [b for b in await service.in_progress(services.db) if b.author == sender.author]
    return render(request, viewer, "announce.html", title=_("Announcements"), status=status,
                  text=text, audience=audience or Audience(), summary=summary, counts=counts,
                  units=units, tasks=campaign.tasks, groups=ROLE_GROUP_NAMES,
                  may_urgent=sender.scope.kind is UnitKind.SO,
                  running=[(b.id, await service.progress(services.db, b.id)) for b in mine])


@page("broadcast")
async def compose(request: Request, viewer: WebViewer) -> Response:
    return await _compose(request, viewer)


@page("broadcast", post=True)
async def count(request: Request, viewer: WebViewer) -> Response:
    """How many the audience holds and how many use the assistant, before anything is sent."""
    sender = _sender(viewer)
    audience = _audience(request, sender)
    text = nfc(str(form_of(request).get("text", "")))[:MAX_TEXT]
    summary = await service.audience_summary(services_of(request).db, audience)
    return await _compose(request, viewer, text=text, audience=audience, summary=summary)


@page("broadcast", post=True)
async def send(request: Request, viewer: WebViewer) -> Response:
    services = services_of(request)
    sender = _sender(viewer)
    audience = _audience(request, sender)
    text = escape(nfc(str(form_of(request).get("text", ""))).strip()[:MAX_TEXT])
    draft = await service.start_draft(services.db, sender, text)
    await service.choose_audience(services.db, draft, sender, audience)
    await service.queue(services.db, draft, sender, urgent=form_of(request).get("urgent") == "on")
    services.outbox.wake()
    return RedirectResponse(f"/thong-bao/{draft}", status_code=303)


@page("broadcast")
async def delivery(request: Request, viewer: WebViewer) -> Response:
    """The delivery of one's own announcement, in the words of the bot's progress message."""
    _ = tr_of(viewer)
    services = services_of(request)
    broadcast_id = int(request.path_params["broadcast_id"])
    broadcast = await service.own_draft(services.db, broadcast_id, _sender(viewer))
    state = await service.progress(services.db, broadcast_id)
    if state.held:
        line = _("📤 Announcement #{id}: will be sent at 07:00 to {n} people (nothing is sent "
                 "between 21:00 and 07:00).").format(id=broadcast_id, n=state.held)
    else:
        line = _("📤 Announcement #{id}: {sent}/{n} delivered · {failed} failed · "
                 "{blocked} blocked the bot or unlinked").format(
            id=broadcast_id, sent=state.sent, n=broadcast.recipients, failed=state.failed,
            blocked=state.blocked)
    return render(request, viewer, "delivery.html", title=_("Announcements"), line=line,
                  finished=state.finished)
