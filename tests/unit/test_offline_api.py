"""The offline Bot API refuses what Telegram refuses, with Telegram's errors (issue 13), so the
conversation tests meet the real failures."""

from __future__ import annotations

import json

import pytest

from bot.offline import BotApiError, FakeBotApi


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
