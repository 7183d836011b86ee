"""Of a passage's sentences stating the value asked, the one about the question's subject.

"Người hướng dẫn được tính 15 tiết" and "Người được hướng dẫn … có nhận xét của người hướng dẫn
… được tính 20 tiết" hold the same words, and "người hướng dẫn được tính bao nhiêu tiết" asks
the first: a reader finds the sentence (or the table's row) opening with whom the question
opens with. The subject is the words a question opens with, up to the verb or the copula
after them ("còn người hướng dẫn | được tính …", "hiệu trưởng | phải nộp …").
"""

from __future__ import annotations

from functools import lru_cache

from bot.knowledge.normalize import fold_word, words

# what a message opens with before its subject: "còn", "thế còn", "vậy", "cho em hỏi"
_LEADING = frozenset("con the vay cho em hoi xin a oi".split())
# what follows a subject: the copula, auxiliaries, and the verbs of a letter's duties
_AFTER_SUBJECT = frozenset("""la thi co duoc phai se can da dang nen muon nop gui du day lam hoc
    chiu tham dang ki lap bao""".split())
_LONGEST = 6  # words: a subject longer than that is a clause, not whom it is about
_SHORTEST = 2  # "người hướng dẫn", "hiệu trưởng": one word ("tôi") names no one in a letter


@lru_cache(maxsize=4096)
def question_subject(question: str) -> tuple[str, ...]:
    """The folded words naming whom a question is about, or () when it opens otherwise."""
    folded = [fold_word(w) for w in words(question)]
    while folded and folded[0] in _LEADING:
        folded.pop(0)
    end = next((i for i, w in enumerate(folded) if w in _AFTER_SUBJECT), len(folded))
    subject = tuple(folded[:end])
    return subject if _SHORTEST <= len(subject) <= _LONGEST else ()


@lru_cache(maxsize=16_384)
def opens_with(subject: tuple[str, ...], sentence: str) -> bool:
    """Whether ``sentence`` opens with ``subject`` (see ``question_subject``)."""
    head = [fold_word(w) for w in words(sentence[:80])][:len(subject)]
    return bool(subject) and tuple(head) == subject
