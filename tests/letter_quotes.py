"""What a letter index quotes for a question, for tests that read a letter's answers."""

from __future__ import annotations

import dataclasses

from bot.knowledge.letter_index import QUOTE_AT, LetterIndex
from bot.knowledge.letters import read_letter


def one_letter(text: str) -> LetterIndex:
    """The index of one letter a test writes out, stored as the first letter loaded."""
    return LetterIndex([dataclasses.replace(read_letter(text), id=1)])


def quoted(index: LetterIndex, question: str) -> str:
    """The text quoted for ``question``; the test fails when nothing covers it enough to quote."""
    quote = index.search(question)
    assert quote is not None and quote.confidence >= QUOTE_AT, question
    return quote.text
