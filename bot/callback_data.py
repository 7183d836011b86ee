"""Callback data and numeric command arguments, packed and checked in one place.

A button's data comes back from the user's phone, so it is untrusted input like a typed
message: a forged or mangled press (``ap:99999999999999999999:plan_m2``, ``ap:²:plan_m2``)
must end in a polite message, never in a traceback. Each kind of button is a frozen dataclass
whose annotated fields say how each part is checked::

    @dataclass(frozen=True)
    class ApprovePress(CallbackData, prefix="ap"):
        owner_id: int
        task: Annotated[str, OneOf(task_codes)]

    ApprovePress(12, "plan_m2").pack()     # "ap:12:plan_m2", refused over 64 bytes
    ApprovePress.unpack(query.data)        # ApprovePress(owner_id=12, task="plan_m2")
    CallbackQueryHandler(approve_pressed, pattern=ApprovePress.pattern)

Field types: ``int`` (ASCII digits only, 0 … 2**63-1 unless annotated with ``Range``),
``bool`` ("1"/"0"), ``Literal[...]`` of strings, ``str`` (letters, digits, ``_-.``; narrowed
with ``OneOf``). Fields with defaults may be left off the end of the data.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from bot.domain.errors import DomainError
from bot.i18n import N_

INT64_MAX = 2**63 - 1
MAX_CALLBACK_BYTES = 64  # Telegram refuses longer callback data
SEPARATOR = ":"
_WORD = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


class InvalidCallback(DomainError):
    """Callback data that no button of this bot produced (forged, mangled or outdated)."""


class InvalidNumber(DomainError):
    """A typed number that is not a plain decimal in range (``²``, ``٣``, 20 digits…)."""


@dataclass(frozen=True, slots=True)
class Range:
    """Bounds of an ``int`` field or argument, both included."""

    low: int = 0
    high: int = INT64_MAX


@dataclass(frozen=True, slots=True)
class OneOf:
    """A ``str`` field limited to the values known when the press arrives (task codes of the
    running campaign, knowledge-base entry ids…): a callable is asked each time."""

    values: Callable[[], Collection[str]] | Collection[str]

    def allows(self, value: str) -> bool:
        values = self.values() if callable(self.values) else self.values
        return value in values


def parse_int(text: str, bounds: Range = Range()) -> int | None:
    """``text`` as an int when it is plain ASCII digits (an optional leading ``-`` only if the
    range allows negatives) within ``bounds``; otherwise None. ``str.isdigit`` accepts ``²``
    and Arabic-Indic digits, and ``int`` then fails or returns numbers SQLite cannot store."""
    digits = text[1:] if text.startswith("-") and bounds.low < 0 else text
    if not digits or len(digits) > 19 or not (digits.isascii() and digits.isdigit()):
        return None
    value = int(text)
    return value if bounds.low <= value <= bounds.high else None


def number_argument(text: str, bounds: Range = Range(1)) -> int:
    """A numeric command argument (``/themfaq 12``, ``#12`` accepted).

    Raises:
        InvalidNumber: with a message saying what a number looks like.
    """
    value = parse_int(text.strip().lstrip("#"), bounds)
    if value is None:
        raise InvalidNumber(N_("“{text}” is not a number I can use. Please type digits only, "
                               "e.g. 12."), {"text": text[:20]})
    return value


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    parse: Callable[[str], Any]
    default: Any


class CallbackData:
    """Base of every button's data; subclasses are frozen dataclasses named with a prefix."""

    prefix: ClassVar[str]
    pattern: ClassVar[str]
    invalid_message: ClassVar[str] = N_("This button is not valid for you.")
    _parsers: ClassVar[list[_Field]]

    def __init_subclass__(cls, prefix: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if prefix:
            cls.prefix = prefix
            cls.pattern = "^" + re.escape(prefix) + "(?::|$)"

    @classmethod
    def _fields(cls) -> list[_Field]:
        cached = cls.__dict__.get("_parsers")
        if cached is None:
            hints = typing.get_type_hints(cls, include_extras=True)
            cached = [_Field(f.name, _parser(hints[f.name]), f.default)
                      for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
            cls._parsers = cached
        return cached

    def pack(self) -> str:
        """The data to put on a button; raises ValueError if it is not what ``unpack`` reads
        back or is longer than Telegram's 64 bytes (a bug, caught where it is made)."""
        fields = self._fields()
        while fields and getattr(self, fields[-1].name) == fields[-1].default:
            fields = fields[:-1]  # defaults at the end are left off
        parts = [self.prefix]
        for field in fields:
            value = getattr(self, field.name)
            text = ("1" if value else "0") if isinstance(value, bool) else str(value)
            if SEPARATOR in text or field.parse(text) is None:
                raise ValueError(f"{type(self).__name__}.{field.name} cannot carry {value!r}")
            parts.append(text)
        data = SEPARATOR.join(parts)
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"{type(self).__name__}: callback data over "
                             f"{MAX_CALLBACK_BYTES} bytes")
        return data

    @classmethod
    def unpack(cls, data: str | None) -> Self:
        """The press this data stands for.

        Raises:
            InvalidCallback: the data is not what ``pack`` makes (its message is polite).
        """
        parts = (data or "").split(SEPARATOR)
        head = cls.prefix.split(SEPARATOR)
        fields = cls._fields()
        values = parts[len(head):]
        required = sum(1 for f in fields if f.default is dataclasses.MISSING)
        if parts[:len(head)] != head or not required <= len(values) <= len(fields):
            raise InvalidCallback(cls.invalid_message)
        kwargs = {}
        for field, text in zip(fields, values, strict=False):
            value = field.parse(text)
            if value is None:
                raise InvalidCallback(cls.invalid_message)
            kwargs[field.name] = value
        return cls(**kwargs)


def _parser(annotation: Any) -> Callable[[str], Any]:
    """How a field's text becomes its value (None when the text is not acceptable)."""
    checks: list[Any] = []
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *checks = typing.get_args(annotation)
    if annotation is bool:
        return lambda text: {"1": True, "0": False}.get(text)
    if annotation is int:
        bounds = next((c for c in checks if isinstance(c, Range)), Range())
        return lambda text: parse_int(text, bounds)
    if typing.get_origin(annotation) is typing.Literal:
        allowed = {str(v) for v in typing.get_args(annotation)}
        return lambda text: text if text in allowed else None
    if annotation is str:
        one_of = [c for c in checks if isinstance(c, OneOf)]
        return lambda text: (text if _WORD.fullmatch(text)
                             and all(c.allows(text) for c in one_of) else None)
    raise TypeError(f"callback field of unsupported type {annotation!r}")
