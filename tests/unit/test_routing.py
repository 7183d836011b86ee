"""Approval routing of cốt cán plans and reports (001, Bước 3; 003 for Kiên Giang)."""

from __future__ import annotations

import itertools

import pytest

from bot.domain.errors import NotApplicable
from bot.domain.people import Level, Person, Profile, Role, Unit, UnitKind
from bot.domain.routing import (
    DEFAULT_RULES,
    KIEN_GIANG_RULES,
    Approver,
    ApproverKind,
    CoreRole,
    RoutingRules,
    approver_for,
    may_approve,
    rules_named,
)

SO = Unit(1, UnitKind.SO, "Sở GD&ĐT")
PHONG_A = Unit(2, UnitKind.PHONG, "Phòng GD&ĐT Đồng Xoài")
PHONG_B = Unit(3, UnitKind.PHONG, "Phòng GD&ĐT Chơn Thành")
SCHOOLS = {
    Level.TH: Unit(10, UnitKind.SCHOOL, "TH Tân Phú", PHONG_A.id, Level.TH),
    Level.THCS: Unit(11, UnitKind.SCHOOL, "THCS Tân Bình", PHONG_A.id, Level.THCS),
    Level.THPT: Unit(20, UnitKind.SCHOOL, "THPT Đồng Xoài", SO.id, Level.THPT),
    Level.GDTX: Unit(21, UnitKind.SCHOOL, "TT GDTX tỉnh", SO.id, Level.GDTX),
}
OTHER_TH = Unit(30, UnitKind.SCHOOL, "TH Minh Hưng", PHONG_B.id, Level.TH)
UNITS = {u.id: u for u in (SO, PHONG_A, PHONG_B, OTHER_TH, *SCHOOLS.values())}
_ids = itertools.count(1000)


def profile(role: Role, unit: Unit, *, core: bool = False, level: Level | None = None) -> Profile:
    """A profile as storage builds it: the Phòng above TH/THCS schools, the Sở above the rest."""
    level = level or unit.level
    who = Person(next(_ids), "Lê Văn C", f"09{next(_ids):08d}", role, unit.id, level, core)
    above = UNITS.get(unit.parent_id) if unit.parent_id else None
    return Profile(who, unit, above, SO if unit is not SO else None)


def approve(approver: Profile, owner: Profile, rules: RoutingRules = DEFAULT_RULES) -> bool:
    return may_approve(approver.person, approver, owner, rules)


# --- rule tables ------------------------------------------------------------------------

EXPECTED = {
    # (rules, GV or CBQL, level) → who approves; written out from 001 and 003
    ("default", "gv", Level.TH): "principal",
    ("default", "gv", Level.THCS): "principal",
    ("default", "gv", Level.THPT): "principal",
    ("default", "gv", Level.GDTX): "principal",
    ("default", "cbql", Level.TH): "phong",
    ("default", "cbql", Level.THCS): "phong",
    ("default", "cbql", Level.THPT): "so",
    ("default", "cbql", Level.GDTX): "so",
    ("kien_giang", "gv", Level.TH): "phong",
    ("kien_giang", "gv", Level.THCS): "phong",
    ("kien_giang", "gv", Level.THPT): "so",
    ("kien_giang", "gv", Level.GDTX): "so",
    ("kien_giang", "cbql", Level.TH): "phong",
    ("kien_giang", "cbql", Level.THCS): "phong",
    ("kien_giang", "cbql", Level.THPT): "so",
    ("kien_giang", "cbql", Level.GDTX): "so",
}
ROLES = {"gv": [Role.TEACHER], "cbql": [Role.PRINCIPAL, Role.VICE_PRINCIPAL]}


@pytest.mark.parametrize(("key", "kind"), EXPECTED.items())
def test_approver_for_each_role_level_and_table(key: tuple[str, str, Level], kind: str) -> None:
    rules_name, group, level = key
    rules = rules_named(rules_name)
    school = SCHOOLS[level]
    unit_of = {"principal": school.id, "phong": PHONG_A.id, "so": SO.id}
    for role in ROLES[group]:
        owner = profile(role, school, core=True)
        assert approver_for(owner, rules) == Approver(ApproverKind(kind), unit_of[kind])


def test_tables_cover_every_role_and_level() -> None:
    for rules in (DEFAULT_RULES, KIEN_GIANG_RULES):
        assert set(rules.table) == set(itertools.product(CoreRole, Level))


def test_rules_by_name() -> None:
    assert rules_named("default") is DEFAULT_RULES
    assert rules_named("kien_giang") is KIEN_GIANG_RULES
    with pytest.raises(ValueError, match="kien_giang"):
        rules_named("binh_phuoc")


def test_approver_for_uses_the_default_chain_when_no_table_is_given() -> None:
    owner = profile(Role.TEACHER, SCHOOLS[Level.THPT], core=True)
    assert approver_for(owner) == Approver(ApproverKind.PRINCIPAL, SCHOOLS[Level.THPT].id)


def test_so_found_as_managing_unit_when_so_field_is_missing() -> None:
    owner = profile(Role.PRINCIPAL, SCHOOLS[Level.THPT], core=True)
    bare = Profile(owner.person, owner.unit, SO, None)
    assert approver_for(bare) == Approver(ApproverKind.SO, SO.id)


def test_level_falls_back_to_the_person_when_the_school_has_none() -> None:
    school = Unit(40, UnitKind.SCHOOL, "TH&THCS Tiến Thành", PHONG_A.id)
    owner = profile(Role.VICE_PRINCIPAL, school, core=True, level=Level.THCS)
    assert approver_for(owner) == Approver(ApproverKind.PHONG, PHONG_A.id)


@pytest.mark.parametrize(
    "owner",
    [
        profile(Role.TEACHER, SCHOOLS[Level.TH]),  # not cốt cán
        profile(Role.PRINCIPAL, SCHOOLS[Level.THPT]),  # not cốt cán
        profile(Role.PHONG_STAFF, PHONG_A, core=True),  # not school staff
        profile(Role.SO_STAFF, SO, core=True),
        profile(Role.TEACHER, Unit(41, UnitKind.SCHOOL, "no level", PHONG_A.id), core=True),
    ],
)
def test_approver_for_refuses_who_has_nothing_to_approve(owner: Profile) -> None:
    with pytest.raises(NotApplicable):
        approver_for(owner)


def test_missing_phong_is_reported_not_guessed() -> None:
    owner = profile(Role.PRINCIPAL, SCHOOLS[Level.TH], core=True)
    orphan = Profile(owner.person, owner.unit, None, SO)
    with pytest.raises(NotApplicable) as err:
        approver_for(orphan)
    assert "No approver" in err.value.message


# --- may_approve ------------------------------------------------------------------------

TH = SCHOOLS[Level.TH]
THPT = SCHOOLS[Level.THPT]
GV_CORE_TH = profile(Role.TEACHER, TH, core=True)
CBQL_CORE_TH = profile(Role.VICE_PRINCIPAL, TH, core=True)
GV_CORE_THPT = profile(Role.TEACHER, THPT, core=True)
CBQL_CORE_THPT = profile(Role.PRINCIPAL, THPT, core=True)
PRINCIPAL_TH = profile(Role.PRINCIPAL, TH)
PRINCIPAL_THPT = profile(Role.PRINCIPAL, THPT)
VICE_TH = profile(Role.VICE_PRINCIPAL, TH)
COLLEAGUE_TH = profile(Role.TEACHER, TH)
PRINCIPAL_OTHER_TH = profile(Role.PRINCIPAL, OTHER_TH)
STAFF_PHONG_A = profile(Role.PHONG_STAFF, PHONG_A)
STAFF_PHONG_B = profile(Role.PHONG_STAFF, PHONG_B)
STAFF_SO = profile(Role.SO_STAFF, SO)


@pytest.mark.parametrize(
    ("approver", "owner", "rules", "allowed"),
    [
        # default (001): GV cốt cán → their principal
        (PRINCIPAL_TH, GV_CORE_TH, DEFAULT_RULES, True),
        (PRINCIPAL_THPT, GV_CORE_THPT, DEFAULT_RULES, True),
        (PRINCIPAL_OTHER_TH, GV_CORE_TH, DEFAULT_RULES, False),  # another school's principal
        (PRINCIPAL_THPT, GV_CORE_TH, DEFAULT_RULES, False),
        (VICE_TH, GV_CORE_TH, DEFAULT_RULES, False),  # a vice principal
        (COLLEAGUE_TH, GV_CORE_TH, DEFAULT_RULES, False),
        (GV_CORE_TH, GV_CORE_TH, DEFAULT_RULES, False),  # the owner themself
        (STAFF_PHONG_A, GV_CORE_TH, DEFAULT_RULES, False),  # the principal's, not the Phòng's
        (STAFF_SO, GV_CORE_THPT, DEFAULT_RULES, False),
        # default: CBQL cốt cán TH/THCS → their Phòng; THPT → the Sở
        (STAFF_PHONG_A, CBQL_CORE_TH, DEFAULT_RULES, True),
        (STAFF_PHONG_B, CBQL_CORE_TH, DEFAULT_RULES, False),  # Phòng of another district
        (PRINCIPAL_TH, CBQL_CORE_TH, DEFAULT_RULES, False),  # the vice principal's own principal
        (STAFF_SO, CBQL_CORE_TH, DEFAULT_RULES, False),
        (STAFF_SO, CBQL_CORE_THPT, DEFAULT_RULES, True),
        (CBQL_CORE_THPT, CBQL_CORE_THPT, DEFAULT_RULES, False),  # a principal approving self
        (STAFF_PHONG_A, CBQL_CORE_THPT, DEFAULT_RULES, False),
        # Kiên Giang (003): the Phòng for every TH/THCS cốt cán, the Sở for THPT
        (STAFF_PHONG_A, GV_CORE_TH, KIEN_GIANG_RULES, True),
        (PRINCIPAL_TH, GV_CORE_TH, KIEN_GIANG_RULES, False),
        (STAFF_PHONG_B, GV_CORE_TH, KIEN_GIANG_RULES, False),
        (STAFF_SO, GV_CORE_THPT, KIEN_GIANG_RULES, True),
        (PRINCIPAL_THPT, GV_CORE_THPT, KIEN_GIANG_RULES, False),
        # nothing to approve for someone who is not cốt cán
        (PRINCIPAL_TH, COLLEAGUE_TH, DEFAULT_RULES, False),
        (STAFF_PHONG_A, VICE_TH, DEFAULT_RULES, False),
    ],
)
def test_may_approve(approver: Profile, owner: Profile, rules: RoutingRules, allowed: bool) -> None:
    assert approve(approver, owner, rules) is allowed


def test_a_principal_routed_to_themself_is_still_refused() -> None:
    """Even a table sending CBQL to the school's principal never lets them approve their own."""
    to_principal = RoutingRules(
        "everyone_to_principal",
        {(role, lv): ApproverKind.PRINCIPAL for role in CoreRole for lv in Level},
    )
    owner = profile(Role.PRINCIPAL, TH, core=True)
    assert approver_for(owner, to_principal) == Approver(ApproverKind.PRINCIPAL, TH.id)
    assert not approve(owner, owner, to_principal)


def test_approver_person_must_match_their_profile() -> None:
    assert not may_approve(COLLEAGUE_TH.person, PRINCIPAL_TH, GV_CORE_TH, DEFAULT_RULES)


def test_staff_with_the_wrong_role_in_the_right_unit_is_refused() -> None:
    """A teacher record attached to the Phòng unit is not Phòng staff."""
    odd = profile(Role.TEACHER, PHONG_A)
    assert not approve(odd, CBQL_CORE_TH)
