"""The roster template's sample rows, and how the importer recognises them.

A template sent back unchanged must never overwrite a real person. Sample rows carry phone
numbers ``0000 000 0xx``: no Vietnamese number starts with 00 (that is the international call
prefix), so they can never belong to anybody, and they look fake at a glance.
"""

from __future__ import annotations

import re

SAMPLE_PREFIX = "0000000"


def sample_phone(n: int) -> str:
    """The n-th sample number as the template writes it: ``0000 000 001``."""
    return f"0000 000 {n:03d}"


def is_sample_phone(value: object) -> bool:
    """A phone cell holding a sample number, whatever the spacing."""
    digits = re.sub(r"\D", "", str(value or ""))
    return len(digits) == 10 and digits.startswith(SAMPLE_PREFIX)
