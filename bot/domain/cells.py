"""Cell values a spreadsheet can hold that the import rules must understand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UncalculatedFormula:
    """A formula whose result was never stored (the file was written by a program and not
    saved by Excel): the value is unknown, which is not the same as an empty cell."""

    cell: str  # e.g. "C5"

    def __str__(self) -> str:
        return f"={self.cell}?"
