"""uvicorn inside the bot's event loop: started after the bot is initialised, stopped before
its database closes. The bot keeps its own signal handling (PTB stops on SIGINT/SIGTERM)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator

import uvicorn

from bot.context import Services
from bot.reports.scope import Scope
from web.app import build_web_app

log = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:  # the bot's own handlers stay in charge
        yield


class Dashboard:
    """The dashboard's HTTP server, bound before it starts so a busy port fails the start."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._server: _Server | None = None
        self._task: asyncio.Task[None] | None = None
        self._warm: asyncio.Task[None] | None = None
        self.port = 0

    async def start(self) -> None:
        settings = self.services.settings
        family = socket.AF_INET6 if ":" in settings.web_host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((settings.web_host, settings.web_port or 0))
        except OSError:
            sock.close()
            raise
        sock.listen(128)
        sock.setblocking(False)
        self.port = sock.getsockname()[1]
        self._app = build_web_app(self.services)
        config = uvicorn.Config(self._app, log_config=None, access_log=False,
                                lifespan="off", proxy_headers=True,
                                forwarded_allow_ips="127.0.0.1", server_header=False)
        self._server = _Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started and not self._task.done():  # noqa: ASYNC110 - no event
            await asyncio.sleep(0.01)
        if self._task.done():
            self._task.result()
        log.info("dashboard listening on port %d", self.port)
        # The province's overview is counted now, so the Sở's first view does not wait for it.
        self._warm = asyncio.create_task(self._count_province(settings.so_name))

    async def _count_province(self, so_name: str) -> None:
        try:
            await self._app.state.reports.overview(Scope("province", None, so_name))
        except Exception:  # only a head start: the first view counts it again
            log.exception("dashboard: the province's overview could not be counted ahead")

    async def stop(self) -> None:
        if self._server is None or self._task is None:
            return
        if self._warm is not None and not self._warm.done():
            self._warm.cancel()
        self._server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self._task, timeout=5)
        self._server = self._task = None
