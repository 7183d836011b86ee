"""Kế hoạch và hạn chót: the running campaign and its deadlines; a new campaign file checked
with its line-numbered errors and a preview before it loads (as in the bot and ``troly
campaign load``), and a deadline's date, reminder days or on/off edited."""

from __future__ import annotations

import datetime as dt

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from bot.domain.campaign_file import error_lines
from bot.domain.deadlines import Deadline, parse_date_text, parse_offsets
from bot.domain.permissions import allowed
from bot.i18n import N_, Translator
from bot.services import campaigns as campaign_service
from bot.services import deadlines as deadline_service
from bot.services.web_access import WebViewer
from bot.text_files import TextFileError, decode_text
from bot.textnorm import nfc
from web.drafts import Drafts
from web.render import Table, message_page, render, table_or_csv, tr_of
from web.session import form_of, page, services_of

PENDING = "campaign"
TITLE = N_("Plan and deadlines")
TOO_LARGE = N_("A campaign file is a short text file; this one is too large.")
NO_FILE = N_("Please choose the campaign file (.yaml).")


def _when(deadline: Deadline, today: dt.date, _: Translator) -> str:
    date = deadline.occurrence(today)
    return _.date(date) if date else _("already passed")


@page("deadlines")
async def plan(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    campaign = await services.campaign()
    today = services.local_now().date()
    deadlines = await deadline_service.all_deadlines(services.db, campaign)
    tables = [
        Table(_("Tasks of the running campaign"), [_("Column"), _("Task")],
              [[t.header, t.name(_.language)] for t in campaign.tasks]),
        Table(_("Deadlines"), [_("No."), _("What is due"), _("Next date"), _("Reminders"),
                               _("On")],
              [[f"#{d.id}", d.title, _when(d, today, _), ",".join(map(str, d.offsets)),
                "✓" if d.active else "—"] for d in deadlines],
              [f"/ke-hoach/han/{d.id}" for d in deadlines]),
    ]
    csv = table_or_csv(request, tables, "ke-hoach")
    if csv is not None:
        return csv
    return render(request, viewer, "plan.html", title=_(TITLE), name=campaign.name,
                  tables=tables, may_load=allowed("load_campaign", viewer.tags))


@page("load_campaign", post=True, max_bytes=campaign_service.MAX_CAMPAIGN_BYTES + 64 * 1024)
async def upload(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    file = form_of(request).get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return message_page(request, viewer, TITLE, NO_FILE, status=400)
    data = await file.read(campaign_service.MAX_CAMPAIGN_BYTES + 1)
    if len(data) > campaign_service.MAX_CAMPAIGN_BYTES:
        return message_page(request, viewer, TITLE, TOO_LARGE, status=400)
    try:
        text = decode_text(data, file.filename)
    except TextFileError as exc:  # the bot's own reading: UTF-8 or UTF-16, a BOM, …
        return message_page(request, viewer, TITLE, exc.message, status=400,
                            params=exc.params)
    result = await campaign_service.check(services_of(request).db, text)
    if result.preview is None:
        return render(request, viewer, "campaign_check.html", title=_(TITLE), status=400,
                      errors=error_lines(list(result.errors), _), preview=None)
    request.app.state.drafts.put(viewer.session_id, PENDING, text)
    return render(request, viewer, "campaign_check.html", title=_(TITLE), errors=[],
                  preview=result.preview)


@page("load_campaign", post=True)
async def load(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    drafts: Drafts = request.app.state.drafts
    text = drafts.pop(viewer.session_id, PENDING)
    if text is None:
        return message_page(request, viewer, TITLE, N_("Cancelled. Nothing was changed."),
                            status=409)
    result = await campaign_service.load(services_of(request).db, text, actor=viewer.actor)
    if result.preview is None:
        return render(request, viewer, "campaign_check.html", title=_(TITLE), status=409,
                      errors=error_lines(list(result.errors), _), preview=None)
    request.app.state.reports.forget()
    return render(request, viewer, "message.html", title=_(TITLE),
                  text=_("Loaded: {name}. From now on /tiendo, reminders and reports follow "
                         "it. Type /hanchot to check its deadlines.").format(
                      name=result.preview.new.name))


async def _deadline(request: Request) -> Deadline | None:
    deadline_id = int(request.path_params["deadline_id"])
    services = services_of(request)
    found = await deadline_service.all_deadlines(services.db, await services.campaign())
    return next((d for d in found if d.id == deadline_id), None)


@page("deadlines")
async def deadline(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    found = await _deadline(request)
    if found is None:
        return message_page(request, viewer, TITLE, N_("There is no such deadline."),
                            status=404)
    year = f"/{found.year}" if found.year else ""
    return render(request, viewer, "deadline.html", title=found.title, deadline=found,
                  date=f"{found.day:02d}/{found.month:02d}{year}",
                  offsets=",".join(map(str, found.offsets)))


@page("deadlines", post=True)
async def change_deadline(request: Request, viewer: WebViewer) -> Response:
    """The same checks as /hanchot: a date that exists and is not past, 0–60 reminder days."""
    _ = tr_of(viewer)
    services = services_of(request)
    form = form_of(request)
    found = await _deadline(request)
    if found is None:
        return message_page(request, viewer, TITLE, N_("There is no such deadline."),
                            status=404)
    date = parse_date_text(nfc(str(form.get("date", ""))), services.local_now().date())
    offsets = parse_offsets(str(form.get("offsets", "")))
    await deadline_service.change_deadline(services.db, await services.campaign(), found.id,
                                           actor=viewer.actor, date=date, offsets=offsets,
                                           active=form.get("active") == "on")
    return render(request, viewer, "message.html", title=found.title,
                  text=_("Saved. Reminders follow the new date and days."))
