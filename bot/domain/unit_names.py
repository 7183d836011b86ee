"""Naming an existing unit: a Phòng, a xã/phường or a school, as an officer types it.

A typo must never create a unit, so a name is looked up, not made; when nothing matches, the
closest existing names are offered. Units are created by the roster (or on explicit request).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.domain.errors import DomainError
from bot.domain.people import Unit
from bot.i18n import N_
from bot.textnorm import fold

SUGGEST_AT = 60  # WRatio of folded names: "Huyen Hoa Ann" → "Huyện Hòa An"
MAX_SUGGESTIONS = 3


class UnknownUnit(DomainError):
    """No unit has that name; ``params["closest"]`` lists the nearest existing names."""


def closest_names(name: str, units: Sequence[Unit], limit: int = MAX_SUGGESTIONS) -> list[str]:
    """The existing units' names nearest to ``name``, best first (none when nothing is near)."""
    choices = {i: fold(u.name) for i, u in enumerate(units)}
    found = process.extract(fold(name), choices, scorer=fuzz.WRatio, limit=limit,
                            score_cutoff=SUGGEST_AT)
    return [units[key].name for _text, _score, key in found]


def find_unit(name: str, units: Sequence[Unit]) -> Unit:
    """The unit called ``name`` (case, diacritics and spacing aside).

    Raises:
        UnknownUnit: no such unit; its message names the closest ones, or says there are none.
    """
    key = fold(name)
    for unit in units:
        if fold(unit.name) == key:
            return unit
    closest = closest_names(name, units)
    if closest:
        raise UnknownUnit(N_("There is no unit named “{name}”. Did you mean: {closest}?"),
                          {"name": name, "closest": "; ".join(closest)})
    raise UnknownUnit(N_("There is no unit named “{name}”, and none with a similar name. "
                         "Units come from the roster (troly import-roster)."), {"name": name})
