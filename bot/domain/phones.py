"""Vietnamese phone numbers in one form, ``0xxxxxxxxx``, whatever way they were written.

Rosters come from Excel: numbers lose their leading zero (912345678), turn into floats
(912345678.0) or scientific notation ("9.12345678E+08"), and people write them with spaces,
dots, dashes or the +84 country code.

Telegram's shared contacts are another matter: they carry the country code without "+"
(84912345678). There a missing 0 is not an Excel accident but another country, so a contact
is Vietnamese only with 84 (or +84, 0084) or an explicit national 0; nothing is padded.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SEPARATORS = re.compile(r"[\s.\-()/]")
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")


def normalise_phone(value: object) -> str | None:
    """The canonical ``0…`` form (10 digits, or 11 for landlines), or None when it is no phone."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if value != value or value <= 0 or value != int(value):  # NaN, negative, fractional
            return None
        text = str(int(value))
    else:
        text = str(value).strip().lstrip("'")
        if _SCIENTIFIC.match(text):
            try:
                number = Decimal(text)
            except InvalidOperation:
                return None
            if number != number.to_integral_value():
                return None
            text = str(int(number))
        elif re.fullmatch(r"\d+\.0+", text):  # "912345678.0" from a CSV written by pandas
            text = text.split(".")[0]
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif digits.startswith("0084"):
        digits = "0" + digits[4:]
    if not digits.isdigit():
        return None
    if not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    if len(digits) not in (10, 11) or digits[1] == "0":
        return None
    return digits


class ForeignNumber(ValueError):
    """A contact's number belongs to another country: it can match no roster row."""


def contact_phone(raw: str) -> str | None:
    """The roster form of a number from a Telegram contact, or None when it is malformed.

    Raises:
        ForeignNumber: the number has a country code other than Vietnam's (84).
    """
    digits = _SEPARATORS.sub("", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        return _national(digits)
    if not digits.isdigit():
        return None
    if not digits.startswith("84"):
        raise ForeignNumber(digits[:3])
    return _national("0" + digits[2:])


def _national(digits: str) -> str | None:
    if not digits.isdigit() or len(digits) not in (10, 11) or digits[1] == "0":
        return None
    return digits


def mask_phone(phone: str) -> str:
    """For screens, not logs: ``0912***678``."""
    return phone[:4] + "***" + phone[-3:] if len(phone) >= 7 else "***"
