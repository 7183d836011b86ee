"""Who an announcement goes to, and who may announce to whom.

The Sở reaches everyone; a Phòng (or the xã/phường that replaced it) only the schools it
manages; a principal only their own school. A filter that reaches outside the sender's scope is
refused, never silently narrowed: an officer must know exactly who will read their message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from bot.domain.errors import PermissionDenied
from bot.domain.people import Level, Profile, Role, UnitKind
from bot.i18n import N_


@dataclass(frozen=True, slots=True)
class Audience:
    """A filter over the roster; empty sets mean "any"."""

    unit_id: int | None = None  # a Phòng (its schools) or a school; None: the whole scope
    levels: frozenset[Level] = field(default_factory=frozenset)
    roles: frozenset[Role] = field(default_factory=frozenset)
    core_only: bool = False
    missing: str | None = None  # only people who still miss this task (its code)

    def to_json(self) -> str:
        return json.dumps({
            "unit_id": self.unit_id, "levels": sorted(lv.value for lv in self.levels),
            "roles": sorted(r.value for r in self.roles), "core_only": self.core_only,
            "missing": self.missing}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Audience:
        data: dict[str, Any] = json.loads(text)
        return cls(unit_id=data.get("unit_id"),
                   levels=frozenset(Level(v) for v in data.get("levels", [])),
                   roles=frozenset(Role(v) for v in data.get("roles", [])),
                   core_only=bool(data.get("core_only")),
                   missing=str(data["missing"]) if data.get("missing") else None)

    def toggled(self, *, level: Level | None = None, role: Role | None = None) -> Audience:
        if level is not None:
            return replace(self, levels=self.levels ^ {level})
        if role is not None:
            return replace(self, roles=self.roles ^ {role})
        return self


SENDER_ROLES = (Role.SO_STAFF, Role.PHONG_STAFF, Role.PRINCIPAL)
ROLE_GROUPS: dict[str, tuple[Role, ...]] = {
    "gv": (Role.TEACHER,), "cbql": (Role.PRINCIPAL, Role.VICE_PRINCIPAL),
    "phong": (Role.PHONG_STAFF,)}
_GROUP_OF = {role: group for group, roles in ROLE_GROUPS.items() for role in roles}


@dataclass(frozen=True, slots=True)
class FilterCounts:
    """How many people of a sender's scope each audience filter would select on its own.

    The picker offers only filters that select somebody: a primary school's principal is not
    offered THCS, nor "Phòng staff".
    """

    levels: dict[Level, int]
    role_groups: dict[str, int]
    core: int

    @classmethod
    def of(cls, rows: Iterable[tuple[Level | None, Role, bool, int]]) -> FilterCounts:
        """From (level, role, cốt cán, how many) rows of the people in scope."""
        levels: dict[Level, int] = {}
        groups: dict[str, int] = {}
        core = 0
        for level, role, is_core, n in rows:
            if level is not None:
                levels[level] = levels.get(level, 0) + n
            group = _GROUP_OF.get(role)
            if group is not None:
                groups[group] = groups.get(group, 0) + n
            core += n if is_core else 0
        return cls({lv: levels[lv] for lv in Level if levels.get(lv)},
                   {g: groups[g] for g in ROLE_GROUPS if groups.get(g)}, core)

    @property
    def level_choice(self) -> bool:
        """Filtering by level means something only when the scope spans several levels."""
        return len(self.levels) > 1


@dataclass(frozen=True, slots=True)
class SenderScope:
    """Where a sender may reach: the whole province, one Phòng's schools, or one school."""

    kind: UnitKind  # SO, PHONG or SCHOOL
    unit_id: int | None  # None for the province

    def allows_unit(self, unit_kind: UnitKind, unit_id: int, parent_id: int | None) -> bool:
        if self.kind is UnitKind.SO:
            return True
        if self.kind is UnitKind.PHONG:
            return unit_id == self.unit_id or (unit_kind is UnitKind.SCHOOL
                                               and parent_id == self.unit_id)
        return unit_kind is UnitKind.SCHOOL and unit_id == self.unit_id


def sender_scope(profile: Profile | None, *, is_admin: bool) -> SenderScope:
    """Raises PermissionDenied for anyone who may not send announcements."""
    if is_admin or (profile is not None and profile.person.role is Role.SO_STAFF):
        return SenderScope(UnitKind.SO, None)
    if profile is not None and profile.person.role is Role.PHONG_STAFF:
        return SenderScope(UnitKind.PHONG, profile.unit.id)
    if profile is not None and profile.person.role is Role.PRINCIPAL and profile.school:
        return SenderScope(UnitKind.SCHOOL, profile.school.id)
    raise PermissionDenied(N_("Announcements are sent by the Sở, the Phòng and principals."))


def within_scope(scope: SenderScope, audience: Audience, unit_kind: UnitKind | None,
                 parent_id: int | None) -> bool:
    """Whether an audience chosen earlier still lies within ``scope`` (checked again when it is
    sent: the sender's role may have changed since)."""
    if audience.unit_id is None:
        return scope.kind is UnitKind.SO
    if unit_kind is None or not scope.allows_unit(unit_kind, audience.unit_id, parent_id):
        return False
    return scope.kind is UnitKind.SO or unit_kind in (UnitKind.PHONG, UnitKind.SCHOOL)


def check_within(scope: SenderScope, audience: Audience, unit_kind: UnitKind | None,
                 parent_id: int | None) -> Audience:
    """The audience as it will be sent, pinned to the sender's scope.

    Raises:
        PermissionDenied: the chosen unit lies outside the sender's scope.
    """
    if audience.unit_id is None:
        return replace(audience, unit_id=scope.unit_id)
    if not within_scope(scope, audience, unit_kind, parent_id):
        raise PermissionDenied(N_("You can only send announcements within your own unit."))
    return audience
