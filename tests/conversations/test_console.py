"""The offline console a newcomer meets first: typing, switching users, pressing buttons."""

from __future__ import annotations

import io

from bot.console import Console
from bot.offline import OfflineTelegram


async def test_switch_user_press_buttons_and_see_alerts_to_others(
        telegram: OfflineTelegram) -> None:
    out = io.StringIO()
    console = Console(telegram, out)
    lines = ["/start", ":as 0912345678", ":as 0912000001", "/tiendo", "#3", "#2",
             ":as 0912345678", "/choduyet", "#1", "#1",  # the item, then "confirm"
             ":sticker", "#99", ":file /no/such/file"]
    for line in lines:
        assert await console.handle(line)
    text = out.getvalue()
    assert "📱 Chia sẻ số điện thoại" in text  # the contact button, numbered
    assert "Nguyễn Thị Hoa" in text and "Trần Thị Lan" in text
    assert "📨 (gửi tới người dùng Telegram 912345678)" in text  # the principal's alert
    assert "Ghi nhận" in text and "chỉ đọc được tin nhắn chữ" in text
    assert "(không có nút này)" in text and "(không đọc được tệp" in text
    assert not await console.handle(":quit")
