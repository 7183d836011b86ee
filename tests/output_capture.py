"""Everything the bot and the ``troly`` command show during a test, checked for text in the
wrong language when the test ends (see tests/output_language.py).

The bot's side is read at the offline Bot API (messages, edits, captions, buttons, the command
menu), in the language of the chat's account at the moment it was sent; the CLI's side is its
stdout and stderr, in the language the command was run in. What the test itself typed (messages,
file names, command-line arguments) and the text of letters it sent are data, not interface.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.output_language import wrong_language

_SHOWN_BY = {"sendmessage": "text", "editmessagetext": "text", "senddocument": "caption",
             "sendphoto": "caption", "answercallbackquery": "text"}


@dataclass
class Shown:
    language: str
    text: str
    where: str


@dataclass
class OutputRecorder:
    shown: list[Shown] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    apps: dict[int, Any] = field(default_factory=dict)  # id(FakeBotApi) → Application

    def problems(self) -> list[str]:
        return [f"{s.where} [{s.language}] {found!r} in {s.text[:300]!r}"
                for s in self.shown
                for found in [wrong_language(s.text, s.language, self.typed)] if found]


class _Tee(io.TextIOBase):
    """Writes through to the stream pytest captures, and keeps a copy."""

    def __init__(self, stream: Any) -> None:
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return int(self.stream.write(text))

    def flush(self) -> None:
        self.stream.flush()


def _for_people(output: str) -> bool:
    """Not JSON for a monitor or a script (``doctor --json``, ``ask --jsonl``)."""
    if not output.strip():
        return False
    for document in [output, *(line for line in output.splitlines() if line.strip())]:
        try:
            json.loads(document)
        except ValueError:
            if document is not output:
                return True
        else:
            if document is output:
                return False
    return False


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


async def _chat_language(recorder: OutputRecorder, api: Any, chat_id: int) -> str:
    application = recorder.apps.get(id(api))
    if application is None or application.bot_data.services is None:
        return "vi"
    db = application.bot_data.services.db
    if not db.is_open:
        return "vi"
    async with db.reader.execute("SELECT language FROM accounts WHERE telegram_user_id = ?",
                                 (chat_id,)) as cur:
        row = await cur.fetchone()
    return str(row[0]) if row else "vi"


def install(monkeypatch: pytest.MonkeyPatch) -> OutputRecorder:
    """Start recording; the caller checks ``recorder.problems()`` when the test ends."""
    from bot import cli_frame
    from bot.offline import FakeBotApi, OfflineTelegram
    from bot.services import letters as letter_service

    recorder = OutputRecorder()
    call, deliver = FakeBotApi.call, OfflineTelegram.deliver
    run_command, read_text = cli_frame.run_command, letter_service.read_text

    async def recorded_call(api: Any, method: str, params: Any, files: Any = None) -> Any:
        result = await call(api, method, params, files)
        name, p = method.lower(), dict(params)
        texts = [str(p[_SHOWN_BY[name]])] if p.get(_SHOWN_BY.get(name, "")) else []
        markup = p.get("reply_markup")
        if isinstance(markup, dict):
            texts += [str(b.get("text", "")) for row in markup.get("inline_keyboard") or []
                      for b in row]
        if name == "setmycommands":
            commands = p.get("commands")
            language = "en" if p.get("language_code") == "en" else "vi"
            texts = [str(c.get("description", "")) for c in commands or []
                     if isinstance(c, dict)]
        elif "chat_id" in p:
            language = await _chat_language(recorder, api, int(p["chat_id"]))
        else:
            return result  # a callback answer: its chat is not named
        recorder.shown += [Shown(language, t, f"bot {method}") for t in texts if t]
        return result

    async def recorded_deliver(telegram: Any, update: dict[str, Any], *args: Any,
                               **kwargs: Any) -> Any:
        recorder.apps[id(telegram.api)] = telegram.application
        message = update.get("message") or update.get("edited_message") or {}
        typed = [message.get("text"), message.get("caption"),
                 (message.get("document") or {}).get("file_name"),
                 *((message.get("contact") or {}).get(k) for k in ("first_name", "last_name"))]
        recorder.typed += [t for t in typed if isinstance(t, str) and not t.startswith("/")]
        return await deliver(telegram, update, *args, **kwargs)

    def recorded_run_command(command: Any, settings: Any, args: Any, _: Any) -> int:
        given = {k: v for k, v in vars(args).items()
                 if k not in ("command", "action", "lang")}
        recorder.typed += [*_strings(given),
                           *(str(v) for v in given.values() if hasattr(v, "parts"))]
        out, err = _Tee(sys.stdout), _Tee(sys.stderr)
        sys.stdout, sys.stderr = out, err  # type: ignore[assignment]
        try:
            return run_command(command, settings, args, _)
        finally:
            sys.stdout, sys.stderr = out.stream, err.stream
            where = f"troly {getattr(args, 'command', '')}"
            recorder.shown += [Shown(_.language, t.copy.getvalue(), where)
                               for t in (out, err) if _for_people(t.copy.getvalue())]

    def recorded_read_text(*args: Any, **kwargs: Any) -> Any:
        read = read_text(*args, **kwargs)
        recorder.typed.append(read.text)  # a letter's words (or what OCR read), as they are
        return read

    monkeypatch.setattr(FakeBotApi, "call", recorded_call)
    monkeypatch.setattr(OfflineTelegram, "deliver", recorded_deliver)
    monkeypatch.setattr(cli_frame, "run_command", recorded_run_command)
    monkeypatch.setattr(letter_service, "read_text", recorded_read_text)
    return recorder
