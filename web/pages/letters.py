"""Công văn: the letters the assistant quotes; upload a .pdf/.docx/.txt, check the same
preview the bot shows, save it, add its dated tasks as deadlines, or remove a letter."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from bot.i18n import N_
from bot.knowledge.citation import document_name
from bot.knowledge.letter_files import MAX_LETTER_BYTES, TOO_LARGE, LetterFileError
from bot.knowledge.letters import TaskDate
from bot.services import letters as service
from bot.services.web_access import WebViewer
from bot.textnorm import nfc
from web.drafts import Drafts
from web.render import Table, message_page, render, table_or_csv, tr_of
from web.session import form_of, page, services_of

DRAFT, OFFERED = "letter", "letter_dates"
NO_FILE = N_("Please choose a .pdf, .docx or .txt file.")
GONE = N_("This letter was already saved or cancelled. Send the file again if needed.")
NOT_OFFERED = N_("This date is no longer offered. Open the letter again.")
NOT_LOADED = N_("This letter is no longer loaded.")
TITLE = N_("Letters")
MAX_DATES_OFFERED = 8


def _drafts(request: Request) -> Drafts:
    drafts: Drafts = request.app.state.drafts
    return drafts


@page("letters")
async def letters(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    loaded = sorted(services.engine.letters.letters, key=lambda x: x.meta.day, reverse=True)
    answered = await service.answered_last_week(services.db)
    table = Table(_("Letters the assistant answers from"),
                  [_("No."), _("Letter"), _("Date"), _("Issued by"), _("Subject"),
                   _("Questions answered (7 days)")],
                  [[f"#{x.id}", document_name(x.meta, _), x.meta.date, x.meta.issuer,
                    x.meta.subject[:160], str(answered.get(x.id, 0))] for x in loaded],
                  [f"/cong-van/{x.id}/go" for x in loaded])
    csv = table_or_csv(request, [table], "cong-van")
    if csv is not None:
        return csv
    return render(request, viewer, "letters.html", title=_("Letters"), table=table, index=0)


@page("letters", post=True, max_bytes=MAX_LETTER_BYTES + 64 * 1024)
async def upload(request: Request, viewer: WebViewer) -> Response:
    """Read the letter off the event loop and show what was read; nothing is stored yet."""
    _ = tr_of(viewer)
    form = form_of(request)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return message_page(request, viewer, TITLE, NO_FILE, status=400)
    data = await file.read(MAX_LETTER_BYTES + 1)
    if len(data) > MAX_LETTER_BYTES:
        return message_page(request, viewer, TITLE, TOO_LARGE, status=400,
                            params={"mb": MAX_LETTER_BYTES // 2**20})
    overrides = {name: nfc(str(form.get(name, ""))).strip() or None
                 for name in ("number", "date", "issuer")}
    try:
        draft = await service.prepare_letter(data, file.filename, **overrides)
    except LetterFileError as exc:
        return message_page(request, viewer, TITLE, exc.message, status=400,
                            params=exc.params)
    stored = await service.stored_as(services_of(request).db, draft)
    if stored is not None:
        return message_page(request, viewer, TITLE, service.ALREADY_STORED, status=409,
                            params={"id": stored})
    _drafts(request).put(viewer.session_id, DRAFT, draft)
    return render(request, viewer, "letter_preview.html", title=_("Check the letter"),
                  lines=service.preview_lines(draft, _))


@page("letters", post=True)
async def save(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    draft = _drafts(request).pop(viewer.session_id, DRAFT)
    if draft is None:
        return message_page(request, viewer, TITLE, GONE, status=409)
    services = services_of(request)
    try:
        letter = await service.save_letter(services.db, services.engine.letters, draft,
                                           actor=viewer.actor)
    except service.LetterAlreadyStored as exc:
        return message_page(request, viewer, TITLE, exc.message, status=409, params=exc.params)
    dates: list[TaskDate] = service.upcoming(letter.task_dates,
                                             services.local_now().date())[:MAX_DATES_OFFERED]
    _drafts(request).put(viewer.session_id, OFFERED, (letter.id, dates))
    return render(request, viewer, "letter_saved.html", title=_("Letters"),
                  saved=_("Letter #{id} saved ({name}). I answer from it from now on; "
                          "/congvan lists the letters.").format(
                      id=letter.id, name=document_name(letter.meta, _)),
                  dates=[(k, f"{d.date:%d/%m/%Y}", d.sentence) for k, d in enumerate(dates)])


@page("letters", post=True)
async def add_deadline(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    letter_id, dates = _drafts(request).get(viewer.session_id, OFFERED) or (0, [])
    k = int(request.path_params["k"])
    if not 0 <= k < len(dates):
        return message_page(request, viewer, TITLE, NOT_OFFERED, status=409)
    services = services_of(request)
    deadline_id = await service.add_deadline(services.db, await services.campaign(), dates[k],
                                             letter_id=letter_id, actor=viewer.actor)
    return render(request, viewer, "message.html", title=_("Deadlines"),
                  text=_("Deadline #{id} added for {date}. Type /hanchot to change its "
                         "reminders or turn it off.").format(
                      id=deadline_id, date=f"{dates[k].date:%d/%m/%Y}"))


@page("letters")
async def confirm_removal(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    letter_id = int(request.path_params["letter_id"])
    found = next((x for x in services_of(request).engine.letters.letters if x.id == letter_id),
                 None)
    if found is None:
        return message_page(request, viewer, TITLE, NOT_LOADED,
                            status=404)
    return render(request, viewer, "letter_remove.html", title=_("Remove a letter"),
                  letter_id=letter_id, name=document_name(found.meta, _),
                  subject=found.meta.subject)


@page("letters", post=True)
async def remove(request: Request, viewer: WebViewer) -> Response:
    _ = tr_of(viewer)
    services = services_of(request)
    letter_id = int(request.path_params["letter_id"])
    removed = await service.remove_letter(services.db, services.engine.letters, letter_id,
                                          actor=viewer.actor)
    if not removed:
        return message_page(request, viewer, TITLE, NOT_LOADED,
                            status=404)
    return render(request, viewer, "message.html", title=_("Letters"),
                  text=_("Letter #{id} removed: I no longer answer from it.").format(
                      id=letter_id))
