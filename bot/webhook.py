"""Webhook mode that never runs open: a secret is always set, and bad requests are refused.

Without ``TELEGRAM_WEBHOOK_SECRET`` anyone who finds the URL could post forged updates (a
contact that links their account to an officer, an admin's command). So a random secret is
made at start and given to Telegram with ``setWebhook``; requests without it get 403. A body
that is not an update gets 400 (python-telegram-bot answered 500 and logged the whole body,
names and phone numbers included).
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


def webhook_secret(configured: str | None) -> str:
    """The configured secret, or a fresh random one (Telegram allows A-Z a-z 0-9 _ -)."""
    if configured:
        return configured
    secret = secrets.token_urlsafe(32)
    redact_secrets(secret)
    log.info("TELEGRAM_WEBHOOK_SECRET is not set: generated a random secret for this run and "
             "passed it to setWebhook")
    return secret


class CheckedTelegramHandler(webhookhandler.TelegramHandler):
    """python-telegram-bot's webhook endpoint, closed without the secret and strict on bodies."""

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
        self._validate_post()
        try:
            data: Any = json.loads(self.request.body)
        except ValueError:  # includes bad UTF-8
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
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
