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
        config = uvicorn.Config(build_web_app(self.services), log_config=None, access_log=False,
                                lifespan="off", proxy_headers=True,
                                forwarded_allow_ips="127.0.0.1", server_header=False)
        self._server = _Server(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started and not self._task.done():  # noqa: ASYNC110 - no event
            await asyncio.sleep(0.01)
        if self._task.done():
            self._task.result()
        log.info("dashboard listening on port %d", self.port)

    async def stop(self) -> None:
        if self._server is None or self._task is None:
            return
        self._server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self._task, timeout=5)
        self._server = self._task = None
