"""An offline Telegram: the Bot API answered in-process, and users simulated against it.

``troly chat`` and the conversation tests run the real python-telegram-bot Application through
:class:`OfflineRequest`, so every handler, keyboard and callback is exercised exactly as in
production while no byte leaves the machine. Any Bot API method the fake does not know fails
loudly instead of pretending, so a test cannot pass on a call that would break for real; and
texts are held to Telegram's rules (HTML that parses, 4,096 visible characters, captions of
1,024, callback data of 64 bytes), answered with Telegram's own 400 errors; and sending faster
than Telegram lets a bot (one message a second to a chat, 30 a second overall) is answered with
429 and ``retry_after``, as Telegram does. The limits are measured on a clock the bot's pacer
shares (:mod:`bot.pacing`), so tests exercise them without waiting.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.error import TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.pacing import SENDING_METHODS
from bot.telegram_text import (
    CAPTION_LIMIT,
    MESSAGE_LIMIT,
    HtmlError,
    callback_data_fits,
    visible_text,
)

BOT_ID = 7_000_000_001
BOT_USERNAME = "troly_boiduong_bot"
OFFLINE_TOKEN = f"{BOT_ID}:OFFLINE-offline-offline-offline-offline"


@dataclass
class SentMessage:
    """What the bot put on a user's screen (a message, possibly edited later)."""

    chat_id: int
    message_id: int
    text: str = ""
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    kind: str = "text"  # text, document, photo
    filename: str | None = None
    content: bytes | None = None
    caption: str | None = None
    edits: int = 0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """Inline buttons in reading order, or the reply-keyboard buttons."""
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        return [b if isinstance(b, dict) else {"text": b} for row in rows for b in row]

    @property
    def button_texts(self) -> list[str]:
        return [b["text"] for b in self.buttons]

    @property
    def body(self) -> str:
        return self.caption if self.kind != "text" and self.caption is not None else self.text


class SimulatedTimeout(Exception):
    """A fault for tests: the request times out (Telegram may or may not have got it)."""


class BotApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class FloodLimits:
    """Telegram's flood limits for sending: sliding one-second windows, overall and per chat,
    on ``clock`` (seconds). Every refusal is counted."""

    per_second: int = 30
    per_chat_per_second: int = 1
    window: float = 1.0
    clock: Callable[[], float] = time.monotonic
    _all: deque[float] = field(default_factory=deque)
    _chats: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    rejected: int = 0
    accepted: int = 0

    def check(self, chat_id: str) -> int | None:
        """None when the message may go; else the whole seconds to wait (``retry_after``)."""
        now = self.clock()
        while self._all and now - self._all[0] >= self.window:
            self._all.popleft()
        chat = self._chats[chat_id]
        while chat and now - chat[0] >= self.window:
            chat.popleft()
        if len(self._all) >= self.per_second or len(chat) >= self.per_chat_per_second:
            self.rejected += 1
            free_at = max(self._all[-self.per_second] if len(self._all) >= self.per_second
                          else now,
                          chat[-self.per_chat_per_second]
                          if len(chat) >= self.per_chat_per_second else now) + self.window
            return max(1, math.ceil(free_at - now))
        self._all.append(now)
        chat.append(now)
        self.accepted += 1
        return None


@dataclass
class FakeBotApi:
    """The state and methods of a Bot API server, enough for this bot; shared by the offline
    request layer and the fake HTTP server the benchmarks and the base-URL test use."""

    bot_id: int = BOT_ID
    username: str = BOT_USERNAME
    sent: list[SentMessage] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    commands: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    blocked_chats: set[int] = field(default_factory=set)
    faults: dict[int, list[BotApiError | SimulatedTimeout | None]] = field(default_factory=dict)
    chat_actions: list[tuple[int, str]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    updates: asyncio.Queue[dict[str, Any]] | None = None
    flood: FloodLimits | None = field(default_factory=FloodLimits)  # None: no 429s
    webhook_info: dict[str, Any] = field(default_factory=dict)  # what setWebhook was given
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _file_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_message_id(self) -> int:
        return next(self._ids)

    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Trợ lý Bồi dưỡng",
                "username": self.username, "can_join_groups": True,
                "can_read_all_group_messages": False, "supports_inline_queries": False}

    def store_file(self, content: bytes) -> str:
        file_id = f"file-{next(self._file_ids)}"
        self.files[file_id] = content
        return file_id

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id]

    def find(self, chat_id: int, message_id: int) -> SentMessage:
        for m in self.sent:
            if m.chat_id == chat_id and m.message_id == message_id:
                return m
        raise BotApiError(400, "Bad Request: message to edit not found")

    def message_json(self, m: SentMessage) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": m.message_id, "date": int(time.time()),
            "chat": {"id": m.chat_id, "type": "private" if m.chat_id > 0 else "group"},
            "from": self.bot_user(),
        }
        if m.kind == "text":
            data["text"] = m.text
        elif m.kind == "document":
            data["document"] = {"file_id": f"doc-{m.message_id}",
                                "file_unique_id": f"udoc-{m.message_id}",
                                "file_name": m.filename}
        elif m.kind == "photo":
            data["photo"] = [{"file_id": f"photo-{m.message_id}",
                              "file_unique_id": f"uphoto-{m.message_id}",
                              "width": 800, "height": 600}]
        if m.caption:
            data["caption"] = m.caption
        if m.reply_markup and "inline_keyboard" in m.reply_markup:
            data["reply_markup"] = m.reply_markup
        return data

    async def call(self, method: str, params: Mapping[str, Any],
                   files: Mapping[str, Any] | None = None) -> Any:
        """Run one Bot API method; returns its ``result`` or raises :class:`BotApiError`."""
        params = dict(params)
        self.calls.append((method, params))
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            raise BotApiError(404, f"Not Found: the offline Bot API has no method {method}")
        if self.flood is not None and method.lower() in SENDING_METHODS:
            retry_after = self.flood.check(str(params.get("chat_id")))
            if retry_after is not None:
                raise BotApiError(429, f"Too Many Requests: retry after {retry_after}",
                                  retry_after)
        return await handler(params, files or {})

    def _markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        return markup

    def _chat(self, params: dict[str, Any]) -> int:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked_chats:
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        if self.faults.get(chat_id):
            fault = self.faults[chat_id].pop(0)  # None: this request goes through
            if fault is not None:
                raise fault
        return chat_id

    def _check_text(self, params: dict[str, Any], key: str = "text") -> None:
        """Telegram's rules for a text or caption: HTML that parses, the length counted after
        parsing, inline buttons with callback data of 1–64 bytes."""
        raw = params.get(key)
        text = "" if raw is None else str(raw)
        if str(params.get("parse_mode") or "").upper() == "HTML":
            try:
                text = visible_text(text)
            except HtmlError as exc:
                raise BotApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        if key == "text" and not text.strip():
            raise BotApiError(400, "Bad Request: message text is empty")
        if key == "text" and len(text) > MESSAGE_LIMIT:
            raise BotApiError(400, "Bad Request: message is too long")
        if key == "caption" and len(text) > CAPTION_LIMIT:
            raise BotApiError(400, "Bad Request: message caption is too long")
        self._check_markup(params)

    def _check_markup(self, params: dict[str, Any]) -> None:
        markup = self._markup(params) or {}
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                data = button.get("callback_data")
                if data is not None and not callback_data_fits(str(data)):
                    raise BotApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    async def _m_getme(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        return self.bot_user()

    async def _m_setmycommands(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        commands = params.get("commands")
        if isinstance(commands, str):
            commands = json.loads(commands)
        self.commands[str(params.get("language_code") or "")] = list(commands or [])
        return True

    async def _m_deletewebhook(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        self.webhook_info = {}
        return True

    async def _m_setwebhook(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided "
                                   "for webhook")
        self.webhook_info = {"url": url, "max_connections": int(params.get("max_connections")
                                                             or 40)} if url else {}
        allowed = params.get("allowed_updates")
        if url and allowed:
            self.webhook_info["allowed_updates"] = json.loads(allowed) if isinstance(allowed, str) \
                else list(allowed)
        return True

    async def _m_getwebhookinfo(self, params: dict[str, Any],
                                files: Mapping[str, Any]) -> Any:
        """Telegram's WebhookInfo: url "" while the bot polls; no update waits offline."""
        pending = self.updates.qsize() if self.updates is not None else 0
        info: dict[str, Any] = {"url": "", "has_custom_certificate": False,
                                "pending_update_count": pending}
        info.update(self.webhook_info)
        return info

    async def _m_close(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        return True

    async def _m_getupdates(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        if self.updates is None:
            return []
        timeout = float(params.get("timeout") or 0)
        batch: list[dict[str, Any]] = []
        try:
            batch.append(await asyncio.wait_for(self.updates.get(), timeout=max(timeout, 0.01)))
        except TimeoutError:
            return []
        while not self.updates.empty():
            batch.append(self.updates.get_nowait())
        return batch

    async def _m_sendmessage(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        chat_id = self._chat(params)
        text = str(params.get("text", ""))
        self._check_text(params)
        m = SentMessage(chat_id, self.next_message_id(), text, params.get("parse_mode"),
                        self._markup(params))
        self.sent.append(m)
        return self.message_json(m)

    async def _send_file(self, kind: str, params: dict[str, Any],
                         files: Mapping[str, Any]) -> Any:
        chat_id = self._chat(params)
        upload = files.get(kind)
        filename, content = None, None
        if upload is not None:
            filename, content = upload[0], upload[1]
            if hasattr(content, "read"):
                content = content.read()
        elif isinstance(params.get(kind), str):  # re-sent by file_id, as Telegram allows
            filename = str(params[kind])
        else:
            raise BotApiError(400, f"Bad Request: there is no {kind} in the request")
        caption = params.get("caption")
        self._check_text(params, "caption")
        m = SentMessage(chat_id, self.next_message_id(), "", params.get("parse_mode"),
                        self._markup(params), kind, filename, content,
                        str(caption) if caption is not None else None)
        self.sent.append(m)
        return self.message_json(m)

    async def _m_senddocument(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        return await self._send_file("document", params, files)

    async def _m_sendphoto(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        return await self._send_file("photo", params, files)

    async def _m_editmessagetext(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        m = self.find(int(params["chat_id"]), int(params["message_id"]))
        text = str(params.get("text", ""))
        self._check_text(params)
        markup = self._markup(params)
        if text == m.text and markup == m.reply_markup:
            raise BotApiError(400, "Bad Request: message is not modified")
        m.text, m.parse_mode, m.reply_markup = text, params.get("parse_mode"), markup
        m.edits += 1
        return self.message_json(m)

    async def _m_editmessagereplymarkup(self, params: dict[str, Any],
                                        files: Mapping[str, Any]) -> Any:
        m = self.find(int(params["chat_id"]), int(params["message_id"]))
        self._check_markup(params)
        m.reply_markup = self._markup(params)
        m.edits += 1
        return self.message_json(m)

    async def _m_deletemessage(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        m = self.find(int(params["chat_id"]), int(params["message_id"]))
        self.sent.remove(m)
        return True

    async def _m_answercallbackquery(self, params: dict[str, Any],
                                     files: Mapping[str, Any]) -> Any:
        self.callback_answers.append(params)
        return True

    async def _m_sendchataction(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        self.chat_actions.append((self._chat(params), str(params.get("action"))))
        return True

    async def _m_getfile(self, params: dict[str, Any], files: Mapping[str, Any]) -> Any:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            raise BotApiError(400, "Bad Request: invalid file_id")
        if len(self.files[file_id]) > 20 * 1024 * 1024:  # what a bot may download
            raise BotApiError(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}",
                "file_size": len(self.files[file_id]), "file_path": f"documents/{file_id}"}


def envelope(result: Any = None, error: BotApiError | None = None) -> bytes:
    if error is None:
        return json.dumps({"ok": True, "result": result}).encode()
    body: dict[str, Any] = {"ok": False, "error_code": error.code,
                            "description": error.description}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return json.dumps(body).encode()


class OfflineRequest(BaseRequest):
    """python-telegram-bot's request layer answered by a :class:`FakeBotApi`, never the network."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None,
                         connect_timeout: Any = None, pool_timeout: Any = None,
                         ) -> tuple[int, bytes]:
        if "/file/bot" in url:  # a file download: documents/<file_id>
            file_id = url.rsplit("/", 1)[-1]
            content = self.api.files.get(file_id)
            return (200, content) if content is not None else (404, b"")
        api_method = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        files = request_data.multipart_data if request_data and request_data.contains_files \
            else {}
        try:
            result = await self.api.call(api_method, params, files)
        except BotApiError as exc:
            return exc.code, envelope(error=exc)
        except SimulatedTimeout as exc:
            raise TimedOut("simulated timeout") from exc
        return 200, envelope(result)


@dataclass
class SimulatedUser:
    """One person in a private chat with the bot; every action returns what the bot sent."""

    telegram: OfflineTelegram
    user_id: int
    first_name: str
    phone: str | None = None
    language_code: str = "vi"

    def _user(self) -> dict[str, Any]:
        return {"id": self.user_id, "is_bot": False, "first_name": self.first_name,
                "language_code": self.language_code}

    def _message(self, **content: Any) -> dict[str, Any]:
        return {"message_id": self.telegram.api.next_message_id(), "date": int(time.time()),
                "chat": {"id": self.user_id, "type": "private", "first_name": self.first_name},
                "from": self._user(), **content}

    def typed(self, text: str, entities: list[dict[str, Any]] | None = None,
              ) -> dict[str, Any]:
        """The update Telegram sends when this user types ``text``."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        elif entities:
            content["entities"] = entities
        return {"message": self._message(**content)}

    async def send(self, text: str, entities: list[dict[str, Any]] | None = None,
                   ) -> list[SentMessage]:
        """Type ``text``; ``entities`` are its formatting (bold…), as Telegram sends them."""
        return await self.telegram.deliver(self.typed(text, entities), self.user_id)

    async def share_contact(self, phone: str | None = None, *, owner_id: int | None = -1,
                            first_name: str | None = None) -> list[SentMessage]:
        """Share a contact: by default one's own; ``owner_id=None`` is a card with no user id."""
        contact: dict[str, Any] = {"phone_number": phone or self.phone or "",
                                   "first_name": first_name or self.first_name}
        if owner_id == -1:
            contact["user_id"] = self.user_id
        elif owner_id is not None:
            contact["user_id"] = owner_id
        return await self.telegram.deliver({"message": self._message(contact=contact)},
                                           self.user_id)

    async def send_document(self, filename: str, content: bytes) -> list[SentMessage]:
        file_id = self.telegram.api.store_file(content)
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                    "file_size": len(content)}
        return await self.telegram.deliver({"message": self._message(document=document)},
                                           self.user_id)

    async def send_raw(self, **content: Any) -> list[SentMessage]:
        """Any other kind of message: sticker=…, photo=…, voice=…, location=…"""
        return await self.telegram.deliver({"message": self._message(**content)}, self.user_id)

    async def edit(self, message_id: int, text: str) -> list[SentMessage]:
        message = self._message(text=text)
        message["message_id"] = message_id
        message["edit_date"] = int(time.time())
        return await self.telegram.deliver({"edited_message": message}, self.user_id)

    def last_with_buttons(self) -> SentMessage:
        for m in reversed(self.telegram.api.messages_to(self.user_id)):
            if m.reply_markup and "inline_keyboard" in m.reply_markup:
                return m
        raise LookupError("no message with inline buttons in this chat")

    async def press(self, button: str | int, message: SentMessage | None = None,
                    ) -> list[SentMessage]:
        """Press an inline button by its text (or a part of it) or its 1-based number."""
        return await self.telegram.deliver(self.pressed(button, message), self.user_id)

    def pressed(self, button: str | int, message: SentMessage | None = None,
                ) -> dict[str, Any]:
        """The update Telegram sends when this user presses ``button``."""
        message = message or self.last_with_buttons()
        buttons = [b for b in message.buttons if "callback_data" in b]
        if isinstance(button, int):
            chosen = buttons[button - 1]
        else:
            matches = [b for b in buttons if button == b["text"]] or \
                      [b for b in buttons if button.lower() in b["text"].lower()]
            if not matches:
                raise LookupError(f"no button {button!r} in {message.button_texts}")
            chosen = matches[0]
        return self._callback(chosen["callback_data"], message)

    async def press_data(self, data: str, message: SentMessage | None = None,
                         ) -> list[SentMessage]:
        """Send a callback with any data, as a forged or replayed button press would."""
        return await self.telegram.deliver(self._callback(data, message), self.user_id)

    def _callback(self, data: str, message: SentMessage | None) -> dict[str, Any]:
        message = message or self.last_with_buttons()
        query = {"id": str(next(self.telegram.update_ids)), "from": self._user(),
                 "chat_instance": f"ci-{self.user_id}", "data": data,
                 "message": self.telegram.api.message_json(message)}
        return {"callback_query": query}


@dataclass
class OfflineTelegram:
    """An Application wired to a :class:`FakeBotApi`, and the people who talk to it."""

    application: Application  # type: ignore[type-arg]
    api: FakeBotApi
    after_update: Callable[[], Awaitable[object]] | None = None
    update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def user(self, user_id: int, first_name: str = "Thầy/Cô", phone: str | None = None,
             language_code: str = "vi") -> SimulatedUser:
        return SimulatedUser(self, user_id, first_name, phone, language_code)

    async def deliver(self, update: dict[str, Any], chat_id: int | None = None,
                      ) -> list[SentMessage]:
        """Process one update to the end; returns what the bot sent to ``chat_id`` meanwhile
        (new messages, and messages it edited)."""
        before = len(self.api.sent)
        edits_before = {id(m): m.edits for m in self.api.sent}
        update["update_id"] = next(self.update_ids)
        await self.application.process_update(Update.de_json(update, self.application.bot))
        if self.after_update is not None:
            await self.after_update()
        changed = [m for m in self.api.sent[:before] if m.edits != edits_before.get(id(m), 0)]
        new = changed + self.api.sent[before:]
        return [m for m in new if chat_id is None or m.chat_id == chat_id]

    def queue(self, update: dict[str, Any]) -> None:
        """Hand an update to the running application, as polling does, and go on: it is
        handled in its turn (one chat's updates in order) while more arrive."""
        update["update_id"] = next(self.update_ids)
        self.application.update_queue.put_nowait(Update.de_json(update, self.application.bot))

    async def settled(self) -> None:
        """Wait (real time) until every queued update has been handled."""
        processor = self.application.update_processor
        quiet = 0
        async with asyncio.timeout(30):
            while quiet < 5:  # idle for a few turns: nothing queued and nothing running
                idle = (self.application.update_queue.empty()
                        and processor.current_concurrent_updates == 0)
                quiet = quiet + 1 if idle else 0
                await asyncio.sleep(0.01)

    async def group_message(self, chat_id: int, user_id: int, text: str,
                            reply_to: SentMessage | None = None,
                            entities: list[dict[str, Any]] | None = None,
                            ) -> list[SentMessage]:
        message: dict[str, Any] = {
            "message_id": self.api.next_message_id(), "date": int(time.time()),
            "chat": {"id": chat_id, "type": "supergroup", "title": "Nhóm"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Cán bộ"}, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(text.split()[0])}]
        elif entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = self.api.message_json(reply_to)
        return await self.deliver({"message": message}, chat_id)
