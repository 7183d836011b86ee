"""Webhook mode that never runs open: a secret is always set, and bad requests are refused.

Without ``TELEGRAM_WEBHOOK_SECRET`` anyone who finds the URL could post forged updates (a
contact that links their account to an officer, an admin's command). So a random secret is
made at start and given to Telegram with ``setWebhook``; requests without it get 403. A body
that is not an update gets 400 (python-telegram-bot answered 500 and logged the whole body,
names and phone numbers included).

The secret is checked as soon as the headers arrive, before a byte of the body is read, and
a body over :data:`MAX_BODY_BYTES` is refused with 413: python-telegram-bot read whole bodies
of up to 100 MB first, so a few concurrent anonymous posts could take gigabytes.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application, ExtBot
from telegram.ext._utils import webhookhandler

from bot.logs import redact_secrets

log = logging.getLogger(__name__)
URL_PATH = "telegram"
MAX_BODY_BYTES = 1024 * 1024  # an update is a few kilobytes; Telegram's largest are far below
MAX_JSON_DEPTH = 32  # an update nests about ten levels deep


def webhook_secret(configured: str | None) -> str:
    """The configured secret, or a fresh random one (Telegram allows A-Z a-z 0-9 _ -)."""
    if configured:
        return configured
    secret = secrets.token_urlsafe(32)
    redact_secrets(secret)
    log.info("TELEGRAM_WEBHOOK_SECRET is not set: generated a random secret for this run and "
             "passed it to setWebhook")
    return secret


def json_depth(data: object) -> int:
    """How deep lists and objects nest in ``data`` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth + 1)
            stack.extend((item, depth + 1) for item in value)
    return deepest


def read_update_json(body: bytes) -> dict[str, Any] | None:
    """The body as a JSON object with an integer ``update_id``; None when it is not one (bad
    JSON or UTF-8, nested deeper than :data:`MAX_JSON_DEPTH`, another shape)."""
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError):  # ValueError includes bad UTF-8
        return None
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return None
    return data if json_depth(data) <= MAX_JSON_DEPTH else None


@tornado.web.stream_request_body
class CheckedTelegramHandler(webhookhandler.TelegramHandler):
    """python-telegram-bot's webhook endpoint, closed without the secret and strict on bodies.

    The body is streamed (tornado calls :meth:`prepare` on the headers alone), so a request
    without the secret or announcing too large a body is answered before it is read.
    """

    def prepare(self) -> None:
        self._body = bytearray()
        self._validate_post()
        self.request.connection.set_max_body_size(MAX_BODY_BYTES)  # type: ignore[union-attr]
        length = self.request.headers.get("Content-Length") or "0"
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            log.info("webhook: request refused, body larger than %d bytes", MAX_BODY_BYTES)
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def data_received(self, chunk: bytes) -> None:
        self._body += chunk
        if len(self._body) > MAX_BODY_BYTES:  # a chunked body has no Content-Length
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)

    def _validate_post(self) -> None:
        content_type = (self.request.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type != "application/json":
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        given = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token") or ""
        if not self.secret_token or not hmac.compare_digest(given.encode(),
                                                            self.secret_token.encode()):
            log.info("webhook: request refused, missing or wrong secret")
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)

    async def post(self) -> None:
        data = read_update_json(bytes(self._body))
        if data is None:
            log.info("webhook: request refused, the body is not an update")
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST)
        try:
            update = Update.de_json(data, self.bot)
        except Exception as exc:  # malformed fields; the body itself is never logged
            log.info("webhook: update %s refused, unreadable (%s)", data["update_id"],
                     type(exc).__name__)
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        self.set_status(HTTPStatus.OK)
        if isinstance(self.bot, ExtBot):
            self.bot.insert_callback_data(update)
        await self.update_queue.put(update)


def install_checked_handler() -> None:
    """Make python-telegram-bot's webhook server use :class:`CheckedTelegramHandler`."""
    webhookhandler.TelegramHandler = CheckedTelegramHandler  # type: ignore[misc]


def run_webhook(application: Application, *, base_url: str,  # type: ignore[type-arg]
                listen: str, port: int, secret: str | None) -> None:
    """Serve ``/telegram`` on ``listen:port`` until stopped; ``setWebhook`` gets the secret."""
    install_checked_handler()
    log.info("starting in webhook mode on %s:%s", listen, port)
    application.run_webhook(listen=listen, port=port, url_path=URL_PATH,
                            webhook_url=f"{base_url.rstrip('/')}/{URL_PATH}",
                            secret_token=webhook_secret(secret))
