"""Who may use which command or button: the one table the handlers consult.

A visitor carries a set of role tags: ``guest`` (not linked), ``linked``, the roster role
(``gv``, ``ht``, ``pht``, ``phong``, ``so``), ``core`` for cốt cán, and ``admin`` for the ids in
the settings. An action is allowed when the visitor has any tag the action lists.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.domain.people import Person

ANYONE = frozenset({"guest", "linked"})
LINKED = frozenset({"linked"})
ADMIN = frozenset({"admin"})
MANAGERS = frozenset({"ht", "pht"})
APPROVERS = frozenset({"ht", "phong", "so", "admin"})
OFFICERS = frozenset({"phong", "so", "admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    # sign-up and account
    "start": ANYONE,
    "contact": ANYONE,
    "profile": ANYONE,
    "erase": ANYONE,
    "language": ANYONE,
    "help": ANYONE,
    "cancel": ANYONE,
    # answering
    "ask": ANYONE,
    "browse_topics": ANYONE,
    "unanswered": ADMIN | frozenset({"so"}),
    # tasks and approvals
    "progress": frozenset({"gv", "ht", "pht"}),
    "eligibility": frozenset({"gv", "ht", "pht"}),
    "approve": frozenset({"ht", "phong", "so"}),
    "school": frozenset({"ht"}),
    "import_status": ADMIN,
    # reminders
    "mute_reminders": LINKED,
    "deadlines": ADMIN | frozenset({"so"}),
    # announcements and reports
    "broadcast": ADMIN | frozenset({"so", "phong", "ht"}),
    "report": ADMIN | frozenset({"so", "phong", "ht"}),
    "report_info": frozenset({"gv", "ht", "pht"}),
    # hand-off to a person
    "ask_staff": ANYONE,
    "answer_tickets": ADMIN | frozenset({"so", "phong"}),
    "support_group": ADMIN | frozenset({"so", "phong"}),
    "approve_faq": ADMIN | frozenset({"so"}),
    # administration
    "import_roster": ADMIN,
    "roster_template": ADMIN | OFFICERS,
    "invite": ADMIN,
    "letters": ADMIN,
    "load_campaign": ADMIN,
    # the web dashboard (signed in through /web or `troly web-link`)
    "web": ADMIN | frozenset({"so", "phong", "ht"}),
}


def role_tags(person: Person | None, *, is_admin: bool) -> frozenset[str]:
    tags: set[str] = {"guest"} if person is None else {"linked", person.role.value}
    if person is not None and person.is_core:
        tags.add("core")
    if is_admin:
        tags.add("admin")
    return frozenset(tags)


def allowed(action: str, tags: Iterable[str]) -> bool:
    """Unknown actions are refused: a handler that forgot to declare itself is closed."""
    return bool(PERMISSIONS.get(action, frozenset()) & set(tags))
