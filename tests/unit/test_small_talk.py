"""Greetings, thanks and typed phone numbers are told apart from questions."""

from __future__ import annotations

import pytest

from bot.domain.small_talk import SmallTalk, small_talk_kind, typed_phone_number


@pytest.mark.parametrize(("text", "kind"), [
    ("xin chào", SmallTalk.GREETING),
    ("Xin chao", SmallTalk.GREETING),
    ("Chào ad ạ", SmallTalk.GREETING),
    ("hello bot", SmallTalk.GREETING),
    ("cảm ơn ad nhiều ạ", SmallTalk.THANKS),
    ("cam on ad nhieu a", SmallTalk.THANKS),
    ("Cảm ơn Trợ lý!", SmallTalk.THANKS),
    ("thank you so much", SmallTalk.THANKS),
    ("ok", SmallTalk.ACKNOWLEDGEMENT),
    ("Oke nhé", SmallTalk.ACKNOWLEDGEMENT),
    ("vâng ạ", SmallTalk.ACKNOWLEDGEMENT),
    ("👍", SmallTalk.ACKNOWLEDGEMENT),
    ("🙏🙏", SmallTalk.ACKNOWLEDGEMENT),
    ("ok cảm ơn", SmallTalk.THANKS),
])
def test_small_talk_is_recognised_with_or_without_diacritics(text: str,
                                                              kind: SmallTalk) -> None:
    assert small_talk_kind(text) is kind


@pytest.mark.parametrize("text", [
    "chào, cho hỏi hạn chót mô đun 1", "cảm ơn, còn hạn nộp kế hoạch?", "mô đun 1",
    "thầy cô", "", "   ", "0912000001", "ok vậy hạn chót là ngày nào",
])
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk_kind(text) is None


@pytest.mark.parametrize(("text", "phone"), [
    ("0912000001", "0912000001"), ("0912 000 001", "0912000001"),
    ("+84 912 000 001", "0912000001"), ("0912.000.001", "0912000001"),
    ("84912000001", "0912000001"),
])
def test_a_typed_phone_number_is_recognised(text: str, phone: str) -> None:
    assert typed_phone_number(text) == phone


@pytest.mark.parametrize("text", [
    "số của tôi là 0912000001", "12/03/1985", "2027", "mô đun 1", "123", "30/3",
])
def test_other_text_is_no_phone_number(text: str) -> None:
    assert typed_phone_number(text) is None
