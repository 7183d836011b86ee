"""The offline Bot API refuses what Telegram refuses, with Telegram's errors (issue 13), so the
conversation tests meet the real failures."""

from __future__ import annotations

import json

import pytest

from bot.offline import BotApiError, FakeBotApi, FloodLimits


async def refusal(method: str, **params: object) -> str:
    with pytest.raises(BotApiError) as caught:
        await FakeBotApi().call(method, {"chat_id": 5, **params})
    assert caught.value.code == 400
    return caught.value.description


async def test_html_telegram_cannot_parse_is_refused() -> None:
    assert await refusal("sendMessage", text="<b>đậm", parse_mode="HTML") == (
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"")
    assert "Unsupported start tag \"br\"" in await refusal(
        "sendMessage", text="a<br>b", parse_mode="HTML")
    assert "Unsupported start tag \"\"" in await refusal(
        "sendMessage", text="điểm < 5", parse_mode="HTML")


async def test_length_is_counted_after_parsing() -> None:
    api = FakeBotApi()
    fits = "<b>" + "&lt;" * 4096 + "</b>"  # 16,391 characters of HTML, 4,096 visible
    await api.call("sendMessage", {"chat_id": 5, "text": fits, "parse_mode": "HTML"})
    assert await refusal("sendMessage", text="x" * 4097) == "Bad Request: message is too long"
    assert await refusal("sendMessage", text="<i> </i>", parse_mode="HTML") == \
        "Bad Request: message text is empty"


async def test_captions_and_callback_data_have_their_limits() -> None:
    assert await refusal("sendDocument", document="file-id", caption="x" * 1025) == \
        "Bad Request: message caption is too long"
    keyboard = {"inline_keyboard": [[{"text": "Bấm", "callback_data": "đ" * 33}]]}  # 66 bytes
    assert await refusal("sendMessage", text="chọn", reply_markup=json.dumps(keyboard)) == \
        "Bad Request: BUTTON_DATA_INVALID"


async def test_an_expandable_quote_is_accepted_as_telegram_accepts_it() -> None:
    """PTB writes it and Telegram takes it; a staff answer using it was reported sent, then
    "could not be delivered" (issue 19)."""
    api = FakeBotApi()
    await api.call("sendMessage", {"chat_id": 5, "parse_mode": "HTML",
                                   "text": "<blockquote expandable>Trả lời dài</blockquote>"})
    assert "Expected equal sign" in await refusal(
        "sendMessage", text="<i expandable>x</i>", parse_mode="HTML")


async def test_past_telegrams_flood_limits_the_answer_is_429_with_retry_after() -> None:
    now = [100.0]
    api = FakeBotApi(flood=FloodLimits(clock=lambda: now[0]))

    async def send(chat_id: int) -> int | None:
        try:
            await api.call("sendMessage", {"chat_id": chat_id, "text": "chào"})
        except BotApiError as exc:
            assert exc.code == 429 and exc.description.startswith("Too Many Requests")
            return exc.retry_after
        return None

    assert await send(5) is None
    now[0] += 0.5
    assert await send(5) == 1  # one message a second to a chat
    now[0] += 0.5
    assert await send(5) is None
    assert [await send(1000 + n) for n in range(29)] == [None] * 29  # 30 in this second
    assert await send(2000) == 1  # the 31st, to a chat of its own
    assert len(api.sent) == 31


async def test_get_webhook_info_has_telegrams_shape() -> None:
    api = FakeBotApi()
    assert await api.call("getWebhookInfo", {}) == {
        "url": "", "has_custom_certificate": False, "pending_update_count": 0}
    with pytest.raises(BotApiError):
        await api.call("setWebhook", {"url": "http://bot.example.vn/telegram"})
    await api.call("setWebhook", {"url": "https://bot.example.vn/telegram"})
    info = await api.call("getWebhookInfo", {})
    assert info["url"] == "https://bot.example.vn/telegram" and info["max_connections"] == 40
    await api.call("deleteWebhook", {})
    assert (await api.call("getWebhookInfo", {}))["url"] == ""
