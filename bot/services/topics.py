"""/hoidap: the deployment's own province first. A topic or question about another province's
rule (Hà Nội's plan in a Đồng Nai bot) is shown only when the asker asks for other provinces."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.domain.provinces import same_province
from bot.knowledge.entries import Entry

OTHER_PROVINCES = "-"  # the topic key of the list of other provinces' topics
WHOLE_TOPIC = ".all"  # appended to a topic key: its other provinces' questions too


def is_local(entry: Entry, province: str | None) -> bool:
    """An entry for everyone, or for the deployment's province (old or new name)."""
    return province is None or entry.province is None or same_province(entry.province, province)


def topic_menu(topics: Mapping[str, str], entries: Iterable[Entry], province: str | None,
               ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key, title) of the topics with a question for this deployment, and of the others."""
    local: set[str] = set()
    seen: set[str] = set()
    for e in entries:
        seen.add(e.topic)
        if is_local(e, province):
            local.add(e.topic)
    shown = [(k, t) for k, t in topics.items() if k in local or k not in seen]
    others = [(k, t) for k, t in topics.items() if k in seen and k not in local]
    return shown, others


def topic_entries(entries: Iterable[Entry], key: str, province: str | None,
                  ) -> tuple[list[Entry], bool]:
    """The questions of a topic (``key`` ending in WHOLE_TOPIC: every province's), and whether
    other provinces' questions were left out."""
    whole = key.endswith(WHOLE_TOPIC)
    of_topic = [e for e in entries if e.topic == key.removesuffix(WHOLE_TOPIC)]
    local = [e for e in of_topic if is_local(e, province)]
    if whole or not local:
        return of_topic, False
    return local, len(local) < len(of_topic)
