"""The bot runs against any Bot API-compatible server named in TELEGRAM_API_BASE_URL."""

from __future__ import annotations

import asyncio
import dataclasses
import time

from benchmarks.fake_bot_api import FakeBotApiServer
from bot.app import Services, build_application
from bot.config import Settings
from bot.storage import Database

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


async def test_long_polling_over_real_http_to_a_local_server(settings: Settings,
                                                             demo_db: Database) -> None:
    server = await FakeBotApiServer().start()
    assert server.api.updates is not None
    settings = dataclasses.replace(settings, token=TOKEN, api_base_url=server.base_url)
    application = build_application(Services(settings=settings, db=demo_db))
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)  # run_polling() does this; we drive by hand
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        await server.api.updates.put({"update_id": 1, "message": {
            "message_id": 1, "date": int(time.time()),
            "chat": {"id": 4242, "type": "private"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Lan"},
            "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}})
        for _ in range(100):
            if server.api.messages_to(4242):
                break
            await asyncio.sleep(0.05)
        [greeting] = server.api.messages_to(4242)
        assert "Kính chào Thầy/Cô" in greeting.text
        assert server.api.commands  # set_my_commands reached the server too
        methods = {name for name, _ in server.api.calls}
        assert {"getMe", "getUpdates", "sendMessage", "setMyCommands"} <= methods
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        await server.stop()
