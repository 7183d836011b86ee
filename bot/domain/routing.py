"""Who approves a cốt cán's plans and reports (001, Bước 3), as a per-deployment rule table.

Provinces route differently: Bình Phước (001) sends GV cốt cán to their principal, while
Kiên Giang (003, Bước 8 and the Phòng's duties) has the Phòng approve every TH/THCS cốt cán.
A deployment picks its table by name; 001's chain is the default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from bot.domain.errors import NotApplicable
from bot.domain.people import Level, Person, Profile, Role, Unit, UnitKind
from bot.i18n import N_

_T = TypeVar("_T")


class CoreRole(StrEnum):
    GV = "gv"  # GV cốt cán
    CBQL = "cbql"  # CBQL cốt cán (principal or vice principal)


class ApproverKind(StrEnum):
    PRINCIPAL = "principal"  # the principal of the cốt cán's school
    PHONG = "phong"  # staff of the school's managing unit (Phòng GD&ĐT or xã/phường)
    SO = "so"  # staff of the Sở


@dataclass(frozen=True, slots=True)
class RoutingRules:
    name: str
    table: Mapping[tuple[CoreRole, Level], ApproverKind]


@dataclass(frozen=True, slots=True)
class Approver:
    """The principal of school ``unit_id``, or the staff of Phòng / Sở ``unit_id``."""

    kind: ApproverKind
    unit_id: int


_PHONG_LEVELS = (Level.TH, Level.THCS)
_SO_LEVELS = (Level.THPT, Level.GDTX)

DEFAULT_RULES = RoutingRules(
    "default",
    {
        **{(CoreRole.GV, lv): ApproverKind.PRINCIPAL for lv in Level},
        **{(CoreRole.CBQL, lv): ApproverKind.PHONG for lv in _PHONG_LEVELS},
        **{(CoreRole.CBQL, lv): ApproverKind.SO for lv in _SO_LEVELS},
    },
)
"""001, Bước 3: GV cốt cán → principal; CBQL cốt cán TH/THCS → Phòng; THPT (and GDTX) → Sở."""

KIEN_GIANG_RULES = RoutingRules(
    "kien_giang",
    {
        **{(role, lv): ApproverKind.PHONG for role in CoreRole for lv in _PHONG_LEVELS},
        **{(role, lv): ApproverKind.SO for role in CoreRole for lv in _SO_LEVELS},
    },
)
"""003: the Phòng approves GV and CBQL cốt cán plans of TH/THCS; the Sở those of THPT/GDTX."""

RULE_TABLES: dict[str, RoutingRules] = {r.name: r for r in (DEFAULT_RULES, KIEN_GIANG_RULES)}


def rules_named(name: str) -> RoutingRules:
    """The rule table a deployment configured; an unknown name is a configuration error."""
    try:
        return RULE_TABLES[name]
    except KeyError:
        known = sorted(RULE_TABLES)
        raise ValueError(f"unknown routing rules {name!r}; choose one of {known}") from None


_NO_APPROVER = N_("No approver is set up for your unit yet; please tell your Phòng or Sở.")


def approver_for(profile: Profile, rules: RoutingRules = DEFAULT_RULES) -> Approver:
    """Where a cốt cán's plans and reports go for the superior's approval.

    The level is the school's when the roster gives it, else the person's: approval follows the
    school's managing chain (001: "tại các trường trực thuộc").

    Raises:
        NotApplicable: the person is not cốt cán of a school, or their unit lacks the
            approving unit (e.g. no Phòng above a THPT school).
    """
    person = profile.person
    if not (person.is_core and person.role.is_school_staff):
        raise NotApplicable(N_("Only cốt cán have peer-support plans and reports to approve."))
    level = (profile.school.level if profile.school else None) or person.level
    core_role = CoreRole.GV if person.role is Role.TEACHER else CoreRole.CBQL
    kind = rules.table.get((core_role, level)) if level else None
    unit = _approving_unit(kind, profile) if kind else None
    if kind is None or unit is None:
        raise NotApplicable(_NO_APPROVER)
    return Approver(kind, unit.id)


def _approving_unit(kind: ApproverKind, profile: Profile) -> Unit | None:
    if kind is ApproverKind.PRINCIPAL:
        return profile.school
    above = [u for u in (profile.managing_unit, profile.so) if u is not None]
    wanted = UnitKind.PHONG if kind is ApproverKind.PHONG else UnitKind.SO
    return next((u for u in above if u.kind is wanted), None)


_APPROVER_ROLE = {
    ApproverKind.PRINCIPAL: (Role.PRINCIPAL, UnitKind.SCHOOL),
    ApproverKind.PHONG: (Role.PHONG_STAFF, UnitKind.PHONG),
    ApproverKind.SO: (Role.SO_STAFF, UnitKind.SO),
}


def may_approve(
    approver_person: Person,
    approver_profile: Profile,
    owner_profile: Profile,
    rules: RoutingRules = DEFAULT_RULES,
) -> bool:
    """Whether this person is the routed superior of the owner's plans and reports.

    Only the principal of the owner's school (not a vice principal, not another school's),
    staff of that Phòng, or staff of that Sở; never the cốt cán themself. Admin corrections
    are not approvals and go through ``tasks.Actor.ADMIN`` instead.
    """
    if approver_person.id == owner_profile.person.id or approver_profile.person != approver_person:
        return False
    try:
        target = approver_for(owner_profile, rules)
    except NotApplicable:
        return False
    role, unit_kind = _APPROVER_ROLE[target.kind]
    unit = approver_profile.unit
    return approver_person.role is role and unit.kind is unit_kind and unit.id == target.unit_id


APPROVER_ROLE = {ApproverKind.PRINCIPAL: Role.PRINCIPAL, ApproverKind.PHONG: Role.PHONG_STAFF,
                 ApproverKind.SO: Role.SO_STAFF}


def routed_level(profile: Profile) -> Level | None:
    """The level approval follows: the school's, else the person's (see ``approver_for``)."""
    return (profile.school.level if profile.school else None) or profile.person.level


def officers_for_level(kind: ApproverKind, staff: Sequence[_T], level: Level | None,
                       level_of: Callable[[_T], Level | None]) -> list[_T]:
    """Who of the approving unit's staff is alerted.

    A principal approves alone. In a Phòng or the Sở, the officers who follow the owner's level
    ("cán bộ Phòng phụ trách cấp học", 001), else those who follow no level, else everyone.
    """
    if kind is ApproverKind.PRINCIPAL:
        return list(staff)
    return ([s for s in staff if level_of(s) == level]
            or [s for s in staff if level_of(s) is None] or list(staff))
