"""What every page needs: who is looking (re-checked on every request), may they see this,
and did the form come from our own page (CSRF)."""

from __future__ import annotations

import functools
import logging
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.context import Services
from bot.domain.errors import DomainError
from bot.domain.permissions import allowed
from bot.i18n import N_
from bot.services.dashboard import NotInScope
from bot.services.web_access import SESSION_TTL, WebViewer, viewer_for
from web.render import message_page

log = logging.getLogger(__name__)
COOKIE = "troly_session"
MAX_FORM_BYTES = 64 * 1024  # forms without a file

Endpoint = Callable[[Request, WebViewer], Awaitable[Response]]


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def current_viewer(request: Request) -> WebViewer | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    services = services_of(request)
    return await viewer_for(services.db, token, admin_ids=services.settings.admin_ids,
                            now=services.clock())


def is_https(request: Request) -> bool:
    """Behind the Sở's TLS proxy (X-Forwarded-Proto from 127.0.0.1) or an https public URL."""
    url = services_of(request).settings.web_url or ""
    return request.url.scheme == "https" or url.startswith("https://")


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(COOKIE, token, max_age=int(SESSION_TTL.total_seconds()), path="/",
                        httponly=True, samesite="lax", secure=is_https(request))


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax",
                           secure=is_https(request))


def page(action: str, *, post: bool = False, max_bytes: int = MAX_FORM_BYTES) -> Callable[
        [Endpoint], Callable[[Request], Awaitable[Response]]]:
    """Wrap an endpoint: a live session whose person (as the roster says now) may ``action``,
    and on a POST a form (at most ``max_bytes``) carrying the session's CSRF token. Refusals
    change nothing."""

    def decorate(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(endpoint)
        async def wrapper(request: Request) -> Response:
            viewer = await current_viewer(request)
            if viewer is None:
                if request.method == "GET":
                    response: Response = RedirectResponse("/dang-nhap", status_code=303)
                else:
                    response = message_page(request, None, N_("Please sign in again"),
                                            SIGN_IN_AGAIN, status=401)
                clear_session_cookie(request, response)
                return response
            if not allowed(action, viewer.tags):
                log.info("web refused action=%s", action)
                return message_page(request, viewer, N_("Not for your role"), NOT_FOR_ROLE,
                                    status=403)
            if post or request.method == "POST":
                form = await read_form(request, max_bytes=max_bytes)
                if form is None or not secrets.compare_digest(
                        str(form.get("csrf", "")), viewer.csrf):
                    log.info("web refused csrf action=%s", action)
                    return message_page(request, viewer, N_("The form has expired"),
                                        FORM_EXPIRED, status=403)
                request.state.form = form
            try:
                return await endpoint(request, viewer)
            except NotInScope as exc:
                return message_page(request, viewer, N_("Not within your scope"), exc.message,
                                    status=404, params=exc.params)
            except DomainError as exc:
                return message_page(request, viewer, N_("Not done"), exc.message, status=409,
                                    params=exc.params)

        wrapper.permission = action  # type: ignore[attr-defined]
        return wrapper

    return decorate


async def read_form(request: Request, *, max_bytes: int = MAX_FORM_BYTES) -> FormData | None:
    """The posted form, or None when it is larger than a form of ours can be."""
    length = request.headers.get("content-length")
    if length is None or not length.isdigit() or int(length) > max_bytes:
        return None
    return await request.form(max_files=1, max_fields=50)


def form_of(request: Request) -> FormData:
    form: FormData = request.state.form
    return form


SIGN_IN_AGAIN = N_("Your session has ended. Type /web to the assistant in Telegram for a new "
                   "sign-in link.")
NOT_FOR_ROLE = N_("This page is not available for your role.")
FORM_EXPIRED = N_("This form is no longer valid (it was opened in another session, or is too "
                  "old). Please open the page again and repeat.")


class SignInLimiter:
    """At most ``per_client`` sign-in attempts a minute from one address, ``overall`` from
    all: a guessed link is hopeless anyway (256 random bits), this keeps the log calm."""

    def __init__(self, per_client: int = 10, overall: int = 120, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_client, self.overall, self.window, self.clock = per_client, overall, window, \
            clock
        self._seen: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def allow(self, client: str) -> bool:
        now = self.clock()
        for queue in (self._all, self._seen.setdefault(client, deque())):
            while queue and now - queue[0] > self.window:
                queue.popleft()
        mine = self._seen[client]
        if len(mine) >= self.per_client or len(self._all) >= self.overall:
            return False
        mine.append(now)
        self._all.append(now)
        if len(self._seen) > 10_000:  # forget quiet addresses
            self._seen = {k: v for k, v in self._seen.items() if v}
        return True
