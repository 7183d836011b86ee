"""Who the users are: roles, school levels, units and people (docs/domain.md, "Người và đơn vị")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """A person's position, as the roster's `Chức vụ` column names it."""

    TEACHER = "gv"  # Giáo viên
    PRINCIPAL = "ht"  # Hiệu trưởng
    VICE_PRINCIPAL = "pht"  # Phó hiệu trưởng
    PHONG_STAFF = "phong"  # Chuyên viên Phòng (or the xã/phường that replaced it)
    SO_STAFF = "so"  # Chuyên viên Sở

    @property
    def is_manager(self) -> bool:
        """CBQL: the school's principal or vice principal."""
        return self in (Role.PRINCIPAL, Role.VICE_PRINCIPAL)

    @property
    def is_school_staff(self) -> bool:
        return self in (Role.TEACHER, Role.PRINCIPAL, Role.VICE_PRINCIPAL)


class Level(StrEnum):
    """School level (cấp học)."""

    TH = "TH"
    THCS = "THCS"
    THPT = "THPT"
    GDTX = "GDTX"

    @property
    def managed_by_phong(self) -> bool:
        """TH and THCS schools sit under a Phòng (or xã/phường); THPT and GDTX under the Sở."""
        return self in (Level.TH, Level.THCS)


class UnitKind(StrEnum):
    SO = "so"
    PHONG = "phong"
    SCHOOL = "school"


@dataclass(frozen=True, slots=True)
class Unit:
    id: int
    kind: UnitKind
    name: str
    parent_id: int | None = None
    level: Level | None = None  # schools only


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    full_name: str
    phone: str
    role: Role
    unit_id: int
    level: Level | None = None
    is_core: bool = False  # cốt cán
    birth_date: dt.date | None = None

    @property
    def is_core_teacher(self) -> bool:
        return self.is_core and self.role is Role.TEACHER

    @property
    def is_core_manager(self) -> bool:
        return self.is_core and self.role.is_manager


@dataclass(frozen=True, slots=True)
class Profile:
    """A person with the units above them, as the bot shows them and routes their work."""

    person: Person
    unit: Unit
    managing_unit: Unit | None  # the Phòng for TH/THCS schools, None for the Sở itself
    so: Unit | None = None

    @property
    def school(self) -> Unit | None:
        return self.unit if self.unit.kind is UnitKind.SCHOOL else None


def unit_chain(unit_id: int, units: Mapping[int, Unit]) -> list[Unit]:
    """A unit and the units above it (school → Phòng → Sở), from an id-to-unit map."""
    chain: list[Unit] = []
    current: int | None = unit_id
    while current is not None and current in units and len(chain) < 4:
        chain.append(units[current])
        current = units[current].parent_id
    return chain


def profile_from_chain(person: Person, chain: Sequence[Unit]) -> Profile:
    """The person's unit is the first of ``chain``, the one that manages it the second, and the
    Sở the first of kind SO."""
    return Profile(person=person, unit=chain[0],
                   managing_unit=chain[1] if len(chain) > 1 else None,
                   so=next((u for u in chain if u.kind is UnitKind.SO), None))
