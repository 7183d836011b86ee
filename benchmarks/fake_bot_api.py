"""A fake Telegram Bot API server on 127.0.0.1 that enforces Telegram's flood limits.

It serves :class:`bot.offline.FakeBotApi` over real HTTP, so the bot can be pointed at it with
``TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot``. Sending methods are limited the way
Telegram documents it for bots: at most 30 messages per second overall and one per second to
the same chat; above that the answer is 429 with ``retry_after``, and every 429 is counted.
Texts are held to Telegram's rules by :class:`FakeBotApi` (HTML parsed, 4,096 visible
characters, captions of 1,024, callback data of 64 bytes): a refused message is a 400.

Run it alone: ``python -m benchmarks.fake_bot_api --port 8081``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from tornado import httputil
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler

from bot.offline import BotApiError, FakeBotApi, FloodLimits, envelope
from bot.pacing import SENDING_METHODS


def _decode(value: str) -> Any:
    """PTB sends strings as they are and everything else JSON-encoded."""
    if value[:1] in "{[" or value in ("true", "false", "null"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class _MethodHandler(RequestHandler):
    def initialize(self, server: FakeBotApiServer) -> None:
        self.server = server

    def check_xsrf_cookie(self) -> None:  # an API, not a form
        return None

    async def post(self, token: str, method: str) -> None:
        await self._serve(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._serve(token, method)

    async def _serve(self, token: str, method: str) -> None:
        self.server.requests += 1
        arguments: dict[str, list[bytes]] = {}
        files: dict[str, list[httputil.HTTPFile]] = {}
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            params = json.loads(self.request.body)
        else:
            httputil.parse_body_arguments(content_type, self.request.body, arguments, files)
            for key, values in self.request.query_arguments.items():
                arguments.setdefault(key, values)
            params = {k: _decode(v[-1].decode()) for k, v in arguments.items()}
        uploads = {k: (v[0].filename, v[0].body, v[0].content_type) for k, v in files.items()}
        self.set_header("Content-Type", "application/json")
        if method.lower() in SENDING_METHODS and self.server.delay:
            await asyncio.sleep(self.server.delay)
        try:
            result = await self.server.api.call(method, params, uploads)
        except BotApiError as exc:
            self.set_status(exc.code)
            self.finish(envelope(error=exc))
            return
        self.finish(envelope(result))


class _FileHandler(RequestHandler):
    def initialize(self, server: FakeBotApiServer) -> None:
        self.server = server

    def get(self, token: str, path: str) -> None:
        content = self.server.api.files.get(path.rsplit("/", 1)[-1])
        if content is None:
            self.set_status(404)
            self.finish()
            return
        self.finish(content)


class _StatsHandler(RequestHandler):
    """GET /stats: what the server saw, for a benchmark running it in another process."""

    def initialize(self, server: FakeBotApiServer) -> None:
        self.server = server

    def get(self) -> None:
        limits = self.server.limits
        self.finish({"requests": self.server.requests, "delivered": len(self.server.api.sent),
                     "accepted": limits.accepted if limits else None,
                     "rejected_429": limits.rejected if limits else 0})


@dataclass
class FakeBotApiServer:
    """Serve a FakeBotApi on 127.0.0.1; ``limits=None`` turns the flood limits off."""

    api: FakeBotApi = field(default_factory=FakeBotApi)
    limits: FloodLimits | None = field(default_factory=FloodLimits)
    delay: float = 0.0  # simulated server latency for sending methods
    requests: int = 0
    port: int = 0
    _http: HTTPServer | None = None

    def __post_init__(self) -> None:
        self.api.flood = self.limits  # the API enforces them, in-process and over HTTP alike

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, port: int = 0) -> FakeBotApiServer:
        if self.api.updates is None:
            self.api.updates = asyncio.Queue()
        app = Application([
            (r"/stats", _StatsHandler, {"server": self}),
            (r"/file/bot([^/]+)/(.+)", _FileHandler, {"server": self}),
            (r"/bot([^/]+)/([A-Za-z]+)", _MethodHandler, {"server": self}),
        ], log_function=lambda handler: None)
        sockets = bind_sockets(port, address="127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._http = HTTPServer(app)
        self._http.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        if self._http is not None:
            self._http.stop()
            await self._http.close_all_connections()
            self._http = None


async def _serve_forever(port: int) -> None:
    server = await FakeBotApiServer().start(port)
    print(f"fake Bot API on {server.base_url} (30 msg/s overall, 1 msg/s per chat)",
          flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8081)
    asyncio.run(_serve_forever(parser.parse_args().port))
