"""The one place where the dashboard's Starlette app is built: routes, middleware, state.

Why Starlette (with Jinja2, served by uvicorn in the bot's own event loop) rather than aiohttp
or tornado: it is a small ASGI toolkit whose endpoints are plain async functions over the same
asyncio loop PTB runs on, so a page calls the bot's services directly (one database, one
outbox, no second process); its middleware and ``TestClient`` make sessions, CSRF and route
tests short. aiohttp would bring a second HTTP stack with its own server and runner to drive
beside PTB; tornado (present through PTB's webhook) has no template-free ASGI test client and
its handler classes would pull the pages towards framework code.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.context import Services
from bot.services.dashboard import ReportCache
from web.drafts import Drafts
from web.pages import (
    announcements,
    approvals,
    downloads,
    letters,
    overview,
    plan,
    questions,
    signin,
)
from web.session import SignInLimiter

log = logging.getLogger("web")
STATIC = Path(__file__).resolve().parent / "static"

# Every page forbids scripts, frames and foreign origins: the dashboard has no JavaScript.
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


class SecurityAndLog:
    """Headers every response carries, and one log line a request naming the endpoint, never
    the path (it may hold a sign-in token), a name or a phone."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            endpoint = scope.get("endpoint")
            log.info("web %s %s %d %.1fms", scope["method"],
                     getattr(endpoint, "__name__", "static" if endpoint else "-"), status,
                     1000 * (time.perf_counter() - started))


ROUTES = [
    Route("/", overview.overview),
    Route("/don-vi/{unit_id:int}", overview.unit),
    Route("/truong/{school_id:int}", overview.school),
    Route("/cho-duyet", approvals.waiting),
    Route("/cho-duyet/{owner_id:int}/{task}", approvals.confirm),
    Route("/cho-duyet/{owner_id:int}/{task}/duyet", approvals.approve, methods=["POST"]),
    Route("/cho-duyet/{owner_id:int}/{task}/hoan-tac", approvals.undo, methods=["POST"]),
    Route("/cau-hoi", questions.questions),
    Route("/cau-hoi/{ticket_id:int}", questions.ticket),
    Route("/cau-hoi/{ticket_id:int}/tra-loi", questions.answer, methods=["POST"]),
    Route("/cau-hoi/{ticket_id:int}/de-xuat-faq", questions.propose, methods=["POST"]),
    Route("/cau-hoi/faq/{draft_id:int}/{decision:str}", questions.decide, methods=["POST"]),
    Route("/cong-van", letters.letters),
    Route("/cong-van/tai-len", letters.upload, methods=["POST"]),
    Route("/cong-van/luu", letters.save, methods=["POST"]),
    Route("/cong-van/han/{k:int}", letters.add_deadline, methods=["POST"]),
    Route("/cong-van/{letter_id:int}/go", letters.confirm_removal),
    Route("/cong-van/{letter_id:int}/go", letters.remove, methods=["POST"]),
    Route("/ke-hoach", plan.plan),
    Route("/ke-hoach/tai-len", plan.upload, methods=["POST"]),
    Route("/ke-hoach/nap", plan.load, methods=["POST"]),
    Route("/ke-hoach/han/{deadline_id:int}", plan.deadline),
    Route("/ke-hoach/han/{deadline_id:int}", plan.change_deadline, methods=["POST"]),
    Route("/thong-bao", announcements.compose),
    Route("/thong-bao/dem", announcements.count, methods=["POST"]),
    Route("/thong-bao/gui", announcements.send, methods=["POST"]),
    Route("/thong-bao/{broadcast_id:int}", announcements.delivery),
    Route("/tai-ve", downloads.downloads),
    Route("/tai-ve/phu-luc-{which}.xlsx", downloads.appendix),
    Route("/dang-nhap", signin.signed_out),
    Route("/vao/{token}", signin.link_opened),
    Route("/vao", signin.link_confirmed, methods=["POST"]),
    Route("/dang-xuat", signin.sign_out_pressed, methods=["POST"]),
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
]


def build_web_app(services: Services, *, limiter: SignInLimiter | None = None,
                  report_min_age: float = 2.0) -> Starlette:
    """``report_min_age``: seconds a report may be reused while the data keeps changing."""
    app = Starlette(routes=ROUTES)
    app.state.services = services
    app.state.reports = ReportCache(services.db, min_age=report_min_age)
    app.state.sign_in_limiter = limiter or SignInLimiter()
    app.state.drafts = Drafts()
    app.add_middleware(SecurityAndLog)
    return app
