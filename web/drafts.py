"""What a page shows before it is confirmed (a letter read from an upload, the dates offered
as deadlines), kept for the session that uploaded it for ten minutes, in memory: the bot keeps
its own previews the same way, and a restart only asks for the file again."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

DRAFT_TTL = 600.0


class Drafts:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._held: dict[tuple[int, str], tuple[float, Any]] = {}

    def put(self, session_id: int, kind: str, value: Any) -> None:
        now = self.clock()
        self._held = {k: v for k, v in self._held.items() if now - v[0] < DRAFT_TTL}
        self._held[(session_id, kind)] = (now, value)

    def get(self, session_id: int, kind: str) -> Any | None:
        held = self._held.get((session_id, kind))
        if held is None or self.clock() - held[0] >= DRAFT_TTL:
            return None
        return held[1]

    def pop(self, session_id: int, kind: str) -> Any | None:
        value = self.get(session_id, kind)
        self._held.pop((session_id, kind), None)
        return value
