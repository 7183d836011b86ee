"""Signing in with the link the bot sent, and signing out.

Opening the link shows a button; only pressing it spends the link. Link previewers and mail
scanners that fetch the address therefore use up nothing, and the button's form must come with
the cookie the page set (no signing someone in to another person's account from elsewhere).
"""

from __future__ import annotations

import logging
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.i18n import N_
from bot.services.web_access import LINK_TTL, WebViewer, sign_in, sign_out
from web.render import message_page, render, tr_of
from web.session import (
    clear_session_cookie,
    current_viewer,
    is_https,
    page,
    read_form,
    services_of,
    set_session_cookie,
)

log = logging.getLogger(__name__)
NONCE_COOKIE = "troly_signin"
LINK_SPENT = N_("This sign-in link cannot be used (it was used already, is older than 10 "
                "minutes, or is not for a dashboard user). Type /web to the assistant in "
                "Telegram for a new one.")
TOO_MANY = N_("Too many sign-in attempts. Please wait a minute and try again.")


async def signed_out(request: Request) -> Response:
    if await current_viewer(request) is not None:
        return RedirectResponse("/", status_code=303)
    _ = tr_of(None)
    return render(request, None, "signin.html", title=_("Sign in"), token="", nonce="",
                  text=_("Open the assistant in Telegram and type /web: it sends you a sign-in "
                         "link that works once, for 10 minutes."))


async def link_opened(request: Request) -> Response:
    if not _limiter_allows(request):
        return message_page(request, None, N_("Sign in"), TOO_MANY, status=429)
    _ = tr_of(None)
    nonce = secrets.token_urlsafe(16)
    response = render(request, None, "signin.html", title=_("Sign in"),
                      token=request.path_params["token"], nonce=nonce,
                      text=_("Press the button to sign in to the dashboard."))
    response.set_cookie(NONCE_COOKIE, nonce, max_age=int(LINK_TTL.total_seconds()), path="/vao",
                        httponly=True, samesite="strict", secure=is_https(request))
    return response


async def link_confirmed(request: Request) -> Response:
    if not _limiter_allows(request):
        return message_page(request, None, N_("Sign in"), TOO_MANY, status=429)
    form = await read_form(request)
    nonce = request.cookies.get(NONCE_COOKIE, "")
    if form is None or not nonce or not secrets.compare_digest(str(form.get("nonce", "")),
                                                                nonce):
        log.info("web sign-in refused: no nonce")
        return message_page(request, None, N_("Sign in"), LINK_SPENT, status=403)
    services = services_of(request)
    opened = await sign_in(services.db, str(form.get("token", "")),
                           admin_ids=services.settings.admin_ids, now=services.clock())
    if opened is None:
        log.info("web sign-in refused")
        return message_page(request, None, N_("Sign in"), LINK_SPENT, status=403)
    token, _viewer = opened
    log.info("web sign-in")
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, token)
    response.delete_cookie(NONCE_COOKIE, path="/vao")
    return response


@page("web", post=True)
async def sign_out_pressed(request: Request, viewer: WebViewer) -> Response:
    services = services_of(request)
    await sign_out(services.db, viewer, now=services.clock())
    response = RedirectResponse("/dang-nhap", status_code=303)
    clear_session_cookie(request, response)
    return response


def _limiter_allows(request: Request) -> bool:
    client = request.client.host if request.client else "?"
    allowed: bool = request.app.state.sign_in_limiter.allow(client)
    if not allowed:
        log.warning("web sign-in attempts over the limit")
    return allowed
