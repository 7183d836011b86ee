"""The callback-data codec: what it packs it reads back, and nothing else (issue 13, item 6)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

import pytest

from bot.callback_data import (
    INT64_MAX,
    CallbackData,
    InvalidCallback,
    InvalidNumber,
    OneOf,
    Range,
    number_argument,
    parse_int,
)
from handlers.buttons import ApprovePress, BroadcastPress, RatePress


@dataclass(frozen=True)
class Sample(CallbackData, prefix="x:s"):
    n: Annotated[int, Range(-5, 5)]
    code: Annotated[str, OneOf(("a", "b"))]
    flag: bool = False
    kind: Literal["p", "q"] = "p"


def test_what_is_packed_is_read_back() -> None:
    for press in (Sample(-3, "a"), Sample(5, "b", True, "q"), Sample(0, "a", True)):
        assert Sample.unpack(press.pack()) == press
    assert Sample(1, "a").pack() == "x:s:1:a"  # defaults at the end are left off
    assert ApprovePress.unpack("ap:12:plan_m2") == ApprovePress(12, "plan_m2")
    assert RatePress.unpack(RatePress(7, "-1").pack()) == RatePress(7, "-1")


@pytest.mark.parametrize("data", [
    "ap:99999999999999999999:plan_m2", "ap:²:plan_m2", "ap:١٢:plan_m2", "ap:0:plan_m2",
    "ap:-1:plan_m2", "ap:12:no_such_task", "ap:12", "ap:12:plan_m2:extra", "ap: 12:plan_m2",
    "ap:+12:plan_m2", "", None, "apx:12:plan_m2", "tk:rate:1:2", "bc:1:drop",
])
def test_forged_data_is_refused_with_a_polite_message(data: str | None) -> None:
    codec = {"tk": RatePress, "bc": BroadcastPress}.get((data or "").split(":")[0],
                                                         ApprovePress)
    with pytest.raises(InvalidCallback) as refused:
        codec.unpack(data)
    assert refused.value.message == "This button is not valid for you."


def test_packing_refuses_what_unpacking_would_refuse_and_over_64_bytes() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        BroadcastPress(1, "un", "a" * 60).pack()
    with pytest.raises(ValueError):
        ApprovePress(12, "plan:m2").pack()
    with pytest.raises(ValueError):
        ApprovePress(2**63, "plan_m2").pack()
    assert len(BroadcastPress(INT64_MAX, "cancel").pack().encode()) <= 64


def test_numbers_are_ascii_digits_in_range() -> None:
    assert parse_int("9223372036854775807") == INT64_MAX
    assert parse_int("9223372036854775808") is None
    assert parse_int("²") is None and parse_int("١") is None and parse_int("") is None
    assert parse_int("-3", Range(-5, 5)) == -3 and parse_int("-3") is None
    assert number_argument("#12") == 12
    for text in ("²", "0", "12a", "99999999999999999999"):
        with pytest.raises(InvalidNumber):
            number_argument(text)
