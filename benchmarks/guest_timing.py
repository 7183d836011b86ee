"""Times a guest's answers while the bot does heavy work, for the benchmarks that need it."""

from __future__ import annotations

import time
from typing import Any


def record_answers_to(telegram: Any, user_id: int) -> list[float]:
    """Wrap the offline API so every message sent to ``user_id`` appends its time to the list."""
    answered_at: list[float] = []
    api_call = telegram.api.call

    async def timed_call(method: str, params: Any, files: Any = None) -> Any:
        result = await api_call(method, params, files)
        if method == "sendMessage" and str(params.get("chat_id")) == str(user_id):
            answered_at.append(time.perf_counter())
        return result

    telegram.api.call = timed_call
    return answered_at
