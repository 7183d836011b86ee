import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.phones import ForeignNumber, contact_phone, mask_phone, normalise_phone


@pytest.mark.parametrize("written", [
    "0912 345 678", "0912.345.678", "+84912345678", "84912345678", "+84 912 345 678",
    "0912-345-678", 912345678, 912345678.0, "9.12345678E+08", "912345678", "'0912345678",
    "912345678.0",
])
def test_every_way_of_writing_a_number_is_one_number(written: object) -> None:
    assert normalise_phone(written) == "0912345678"


def test_landlines_keep_their_eleven_digits() -> None:
    assert normalise_phone("02713.879107") == "02713879107"


@pytest.mark.parametrize("bad", ["", None, "abc", "0012", "091234567899", "12", 3.5, True,
                                 "0000000000", "9.1234567891E+08"])
def test_what_is_not_a_phone_is_refused(bad: object) -> None:
    assert normalise_phone(bad) is None


@given(st.text(max_size=40))
def test_never_raises_and_result_is_canonical(text: str) -> None:
    result = normalise_phone(text)
    assert result is None or (result.isdigit() and result.startswith("0")
                              and len(result) in (10, 11))


def test_mask_hides_the_middle() -> None:
    assert mask_phone("0912345678") == "0912***678"


@pytest.mark.parametrize(("shared", "roster_form"), [
    ("84912345678", "0912345678"), ("+84912345678", "0912345678"), ("+84 912 345 678",
                                                                    "0912345678"),
    ("0084912345678", "0912345678"), ("0912345678", "0912345678"),
    ("84376612345", "0376612345"), ("842713879107", "02713879107"),
])
def test_telegram_contacts_match_in_the_roster_form(shared: str, roster_form: str) -> None:
    assert contact_phone(shared) == roster_form


@pytest.mark.parametrize("foreign", ["376612345", "+376612345", "14155550123", "+1 415 555 0123",
                                     "447700900123", "912345678", "0033612345678"])
def test_foreign_contacts_are_never_padded_into_vietnamese_ones(foreign: str) -> None:
    with pytest.raises(ForeignNumber):
        contact_phone(foreign)


@pytest.mark.parametrize("malformed", ["", "84", "8412345678", "+84abc", "0084123", "0912"])
def test_malformed_contacts_are_refused(malformed: str) -> None:
    assert contact_phone(malformed) is None
