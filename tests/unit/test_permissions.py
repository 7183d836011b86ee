"""The permission table fails closed, and every action a handler checks is declared in it."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from bot.domain.permissions import PERMISSIONS, allowed

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("gv", "ht", "pht", "phong", "so")
_CHECKED = re.compile(r"""\b(?:guard|allowed)\(\s*["']([a-z_]+)["']""")


def every_tag_set() -> list[frozenset[str]]:
    """Guests, every roster role with and without cốt cán, each of them admin or not."""
    base = [frozenset({"guest"})] + [frozenset({"linked", role, *core}) for role in ROLES
                                     for core in ((), ("core",))]
    return [tags | admin for tags, admin in itertools.product(base, (frozenset(),
                                                                      frozenset({"admin"})))]


def checked_actions() -> set[str]:
    """Every action name the code asks about (guard("…") or allowed("…"))."""
    found: set[str] = set()
    for folder in ("handlers", "bot", "scheduler"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(_CHECKED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_checked_action_is_declared() -> None:
    actions = checked_actions()
    assert len(actions) >= 20  # the scan really sees the handlers
    assert actions - set(PERMISSIONS) == set()


@pytest.mark.parametrize("action", ["", "delete_everything", "Broadcast", "approve ",
                                    "import_roster2", "__class__"])
def test_an_action_missing_from_the_table_is_refused_to_everyone(action: str) -> None:
    for tags in every_tag_set():
        assert not allowed(action, tags), (action, sorted(tags))


@pytest.mark.parametrize(("action", "who"), [
    ("import_roster", {"admin"}), ("invite", {"admin"}), ("import_status", {"admin"}),
    ("approve_faq", {"admin", "so"}), ("deadlines", {"admin", "so"}),
    ("unanswered", {"admin", "so"}), ("answer_tickets", {"admin", "so", "phong"}),
    ("broadcast", {"admin", "so", "phong", "ht"}), ("approve", {"ht", "phong", "so"}),
    ("school", {"ht"}),
])
def test_sensitive_actions_belong_to_exactly_their_roles(action: str, who: set[str]) -> None:
    for tags in every_tag_set():
        assert allowed(action, tags) == bool(tags & who), (action, sorted(tags))
