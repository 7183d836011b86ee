"""All logging set-up: plain or JSON lines, secrets redacted on every handler, and one summary
line per update (id, handler, duration, outcome).

Why one place: the token once leaked through a third-party line ("Set Bot API URL: …/bot<token>")
and, at DEBUG, python-telegram-bot dumps whole updates (names, phone numbers, message texts).
So the redacting filter sits on the root handlers, where every library's records pass, and the
libraries that log payloads stay at INFO even with ``-v``. Our own lines carry ids and counts.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import json
import logging
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from telegram.ext import ApplicationHandlerStop

from bot.domain.errors import DomainError

FORMATS = ("plain", "json")
OUR_LOGGERS = ("troly", "bot", "handlers", "scheduler", "benchmarks")
# Libraries whose DEBUG lines carry request parameters and updates (texts, names, phones).
PAYLOAD_LOGGERS = ("telegram", "httpx", "httpcore", "apscheduler", "aiosqlite", "tornado",
                   "asyncio")
_BOT_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
# A safety net, never the primary rule: a Vietnamese mobile or landline number (0… or 84…).
_PHONE = re.compile(r"(?<![\w.])(?:\+?84|0)\d{9,10}(?!\w)")
REDACTED = "[redacted]"
PHONE_REDACTED = "[phone]"


@dataclass
class UpdateLog:
    """What the summary line of one update says; filled in while the update runs."""

    update_id: int | None
    handler: str | None = None
    outcome: str = "ignored"  # ignored, ok, refused, error


_current: contextvars.ContextVar[UpdateLog | None] = contextvars.ContextVar(
    "troly_update_log", default=None)


class RedactingFilter(logging.Filter):
    """Takes secrets (the bot token, the webhook secret…) and phone numbers out of a record's
    message and traceback. Attached to handlers, so it sees every library's records."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets: set[str] = set()
        self.add_secrets(secrets)

    def add_secrets(self, secrets: Iterable[str | None]) -> None:
        for secret in secrets:
            if secret and len(secret) >= 6:
                self.secrets.add(secret)
                if ":" in secret:  # a token: its secret half alone is a secret too
                    self.secrets.add(secret.split(":", 1)[1])

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        text = _BOT_TOKEN.sub(REDACTED, text)
        return _PHONE.sub(PHONE_REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: keep the template, drop the arguments
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        current = _current.get()
        if current is not None:
            record.__dict__.setdefault("update_id", current.update_id)
            record.__dict__.setdefault("handler", current.handler)
        return True


_FIELDS = ("update_id", "handler", "duration_ms", "outcome")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, event (the message), logger, and the update's
    id, handler, duration and outcome when known."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            "logger": record.name,
        }
        for name in _FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                data[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            data["exception"] = record.exc_text
        return json.dumps(data, ensure_ascii=False)


_filter = RedactingFilter()


def setup_logging(*, verbose: bool = False, log_format: str = "plain",
                  secrets: Iterable[str | None] = (), stream: TextIO | None = None) -> None:
    """Configure the root logger once for the process (again on a second call).

    ``verbose`` turns on DEBUG for the bot's own loggers only; libraries that log payloads
    stay at INFO (httpx and httpcore at WARNING: they print request URLs).
    """
    if log_format not in FORMATS:
        raise ValueError(log_format)
    _filter.add_secrets(secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(_filter)
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.NOTSET)
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def redact_secrets(*secrets: str | None) -> None:
    """Secrets learnt after start-up (a generated webhook secret) are redacted from then on."""
    _filter.add_secrets(secrets)
    for handler in logging.getLogger().handlers:
        for f in handler.filters:
            if isinstance(f, RedactingFilter) and f is not _filter:
                f.add_secrets(secrets)


def note_outcome(outcome: str) -> None:
    """A handler says how the update ended when it is not plain "ok" (e.g. "refused")."""
    current = _current.get()
    if current is not None:
        current.outcome = outcome


_log = logging.getLogger("troly.updates")


async def logged_update(update_id: int | None, run: Awaitable[Any]) -> None:
    """Run one update and log its summary line (ids, handler, duration, outcome; no content)."""
    record = UpdateLog(update_id)
    token = _current.set(record)
    started = time.perf_counter()
    try:
        await run
    except Exception:
        record.outcome = "error"
        raise
    finally:
        duration = round((time.perf_counter() - started) * 1000, 1)
        _log.info("update %s handled by %s in %.1f ms: %s", update_id, record.handler or "-",
                  duration, record.outcome,
                  extra={"update_id": update_id, "handler": record.handler,
                         "duration_ms": duration, "outcome": record.outcome})
        _current.reset(token)


Callback = Callable[..., Awaitable[Any]]


def traced(callback: Callback) -> Callback:
    """Wrap a handler callback so the update's summary names it and its outcome."""

    @functools.wraps(callback)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        current = _current.get()
        if current is not None:
            current.handler = f"{callback.__module__}.{callback.__qualname__}"
            current.outcome = "ok"
        try:
            return await callback(*args, **kwargs)
        except ApplicationHandlerStop:
            raise
        except DomainError:
            note_outcome("refused")
            raise
        except Exception:
            note_outcome("error")
            raise

    wrapper.__traced__ = True  # type: ignore[attr-defined]
    return wrapper


def trace_handlers(handlers: Iterable[Any]) -> None:
    """Wrap every handler's callback, looking into conversation handlers' states too."""
    for handler in handlers:
        nested = [*getattr(handler, "entry_points", ()), *getattr(handler, "fallbacks", ())]
        for state_handlers in (getattr(handler, "states", None) or {}).values():
            nested.extend(state_handlers)
        if nested:
            trace_handlers(nested)
        callback = getattr(handler, "callback", None)
        if callback is not None and not getattr(callback, "__traced__", False):
            handler.callback = traced(callback)
