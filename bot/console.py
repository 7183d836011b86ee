"""``troly chat``: talk to the real bot in a terminal, with no network and no token.

You type as a Telegram user; the bot's replies print with their buttons numbered. Console
commands start with a colon or are listed by ``/console``: switch to a demo user, press a
button, share your contact, send a file or a sticker.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import re
import sys
from pathlib import Path
from typing import TextIO

from bot.app import Services, offline_telegram, start_dashboard
from bot.config import Settings
from bot.domain.phones import normalise_phone
from bot.i18n import N_, translator
from bot.offline import OfflineTelegram, SentMessage
from bot.storage import Database

CONSOLE_ADMIN_ID = 999
STRANGER_ID = 1001

HELP = N_("""\
Console (offline, nothing leaves this machine):
  type text or /commands as a Telegram user would
  #N              press inline button N of the last message (or the contact button)
  :as PHONE       become the demo user with that phone (also /as PHONE)
  :as admin       become the Sở admin (can send a roster with :file)
  :as stranger    become someone who is not in the roster
  :contact [PHONE] share your own contact (or a card with someone else's PHONE)
  :file PATH      send a document (e.g. a roster .xlsx or .csv)
  :sticker        send a sticker
  :who            who am I now
  :quit           leave
Demo users: 0912345678 principal TH Kim Đồng · 0912000001 teacher (cốt cán) ·
            0913000001 principal THCS Lê Lợi · 0904000001 Phòng Hòa An · 0903000001 Sở""")

_TAGS = re.compile(r"<[^>]+>")


OUTPUT_DIR = Path("data/console")


def save_file(message: SentMessage) -> str:
    """Files the bot sends (charts, Excel lists) land in data/console/ to be opened."""
    if message.content is None:
        return message.filename or ""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    name = message.filename or f"{message.kind}-{message.message_id}"
    path = OUTPUT_DIR / f"{message.message_id}-{Path(name).name}"
    path.write_bytes(message.content)
    return f"saved to {path}"


def render(message: SentMessage) -> str:
    """A message as a phone shows it: text without tags, buttons numbered."""
    if message.kind != "text":
        body = f"[{message.kind}: {save_file(message)}] {message.caption or ''}"
    else:
        body = html.unescape(_TAGS.sub("", message.text))
    lines = [f"🤖 {line}" if i == 0 else f"   {line}" for i, line in
             enumerate(body.splitlines() or [""])]
    for number, text in enumerate(message.button_texts, start=1):
        lines.append(f"   [{number}] {text}")
    return "\n".join(lines)


class Console:
    def __init__(self, telegram: OfflineTelegram, out: TextIO, language: str = "vi") -> None:
        self.telegram = telegram
        self.out = out
        self._ = translator(language)
        self.user = telegram.user(STRANGER_ID, "Khách")
        self.last: SentMessage | None = None
        self.seen = len(telegram.api.sent)

    def show(self, messages: list[SentMessage]) -> None:
        for message in messages:
            print(render(message), file=self.out)
            if message.buttons:
                self.last = message
        # What the bot sent to other people meanwhile (approval alerts, notices).
        for message in self.telegram.api.sent[self.seen:]:
            if message.chat_id != self.user.user_id:
                print(self._("📨 (to Telegram user {id})").format(id=message.chat_id),
                      file=self.out)
                print(render(message), file=self.out)
        self.seen = len(self.telegram.api.sent)
        self.out.flush()

    async def handle(self, line: str) -> bool:
        """One line of input; False to stop."""
        line = line.strip()
        if not line:
            return True
        if line in (":quit", ":q", "/quit", ":exit"):
            return False
        if line in (":help", "/console", ":h"):
            print(self._(HELP), file=self.out)
        elif line.startswith("#") and line[1:].isdigit():
            await self.press(int(line[1:]))
        elif line.startswith((":as ", "/as ")):
            await self.switch(line[4:].strip())
        elif line.startswith(":contact"):
            phone = line[len(":contact"):].strip()
            if phone:
                self.show(await self.user.share_contact(phone, owner_id=None))
            else:
                self.show(await self.user.share_contact())
        elif line.startswith(":file "):
            path = Path(line[6:].strip())
            try:
                content = await asyncio.to_thread(lambda: path.expanduser().read_bytes())
            except OSError:
                print(self._("(cannot read the file: {path})").format(path=path), file=self.out)
            else:
                self.show(await self.user.send_document(path.name, content))
        elif line == ":sticker":
            self.show(await self.user.send_raw(sticker={
                "file_id": "s1", "file_unique_id": "us1", "width": 512, "height": 512,
                "is_animated": False, "is_video": False, "type": "regular"}))
        elif line == ":who":
            print(self._("(you are Telegram user {id}, phone {phone})").format(
                id=self.user.user_id, phone=self.user.phone or "—"), file=self.out)
        else:
            self.show(await self.user.send(line))
        return True

    async def press(self, number: int) -> None:
        if self.last is None or number < 1 or number > len(self.last.buttons):
            print(self._("(no such button)"), file=self.out)
            return
        button = self.last.buttons[number - 1]
        if button.get("request_contact"):
            self.show(await self.user.share_contact())
        elif "callback_data" in button:
            self.show(await self.user.press_data(button["callback_data"], self.last))
        else:
            self.show(await self.user.send(button["text"]))

    async def switch(self, who: str) -> None:
        if who == "admin":
            self.user = self.telegram.user(CONSOLE_ADMIN_ID, "Quản trị")
        elif who == "stranger":
            self.user = self.telegram.user(STRANGER_ID, "Khách", phone="0999888777")
        else:
            phone = normalise_phone(who)
            if phone is None:
                print(self._("(not a phone number)"), file=self.out)
                return
            self.user = self.telegram.user(int(phone), "Demo", phone=phone)
            print(self._("(you are now the user with phone {phone}; sharing the contact…)")
                  .format(phone=phone), file=self.out)
            self.show(await self.user.share_contact())
            return
        print(self._("(you are now {who})").format(who=who), file=self.out)


async def run_console(settings: Settings, *, stdin: TextIO | None = None,
                      stdout: TextIO | None = None, language: str = "vi") -> None:
    """The console on the database and province ``bot.deployment`` decided and settled."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    path = settings.db_path
    settings = dataclasses.replace(settings, admin_ids=settings.admin_ids | {CONSOLE_ADMIN_ID})
    services = Services(settings=settings, db=await Database.open(path))
    telegram = await offline_telegram(services)
    console = Console(telegram, stdout, language)
    print(console._("Trợ lý Bồi dưỡng — offline console on {path}. Type :help for console "
                    "commands.").format(path=path), file=stdout)
    dashboard = await start_dashboard(services)
    if dashboard is not None:  # what the browser approves is sent at once, shown on the next line
        services.outbox.start()
        print(console._("Web dashboard: {url} (sign in with: troly web-link PHONE)").format(
            url=settings.web_address), file=stdout)
    console.show(await console.user.send("/start"))
    loop = asyncio.get_running_loop()
    try:
        while True:
            print("> ", end="", file=stdout, flush=True)
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            if not await console.handle(line):
                break
    finally:
        if dashboard is not None:
            await dashboard.stop()
            await services.outbox.stop()
        await telegram.application.shutdown()
        await services.db.close()


def run_console_sync(settings: Settings, language: str = "vi") -> None:
    asyncio.run(run_console(settings, language=language))
