"""Whose progress a report covers: the province, one district (Phòng) or one school."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ScopeKind = Literal["province", "district", "school"]


@dataclass(frozen=True, slots=True)
class Scope:
    """Built by the handler from the asker: Sở staff or an admin → the province, Phòng staff →
    their Phòng (``unit_id`` = the Phòng unit), a principal → their school (the school unit).

    ``title`` names the scope in headings and file titles, e.g. "Huyện Hòa An". A province
    scope may carry the Sở's unit id or none: a deployment serves one province.
    """

    kind: ScopeKind
    unit_id: int | None
    title: str

    def __post_init__(self) -> None:
        if self.kind != "province" and self.unit_id is None:
            raise ValueError(f"a {self.kind} scope needs the unit's id")
