"""Finds the passage of the loaded letters that answers a question, and the sentences to quote.

Passages go through the same normalisation as questions (``normalize.words``: no diacritics,
teencode, abbreviations; typo repair against the passages' own vocabulary) and are ranked by
BM25 over folded words and word pairs. Ranking alone would quote something for any question,
so a passage is quoted only when it (with its letter's issuer and subject) covers most of the
question's content words and word pairs: a question about salaries or the weather shares a
few words with every letter, but not its two-syllable words. Among passages that cover the
question as well, the newest letter wins: it replaces what the older one said.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial
from itertools import pairwise
from sys import intern
from typing import Any

import numpy as np

from bot.domain import provinces
from bot.i18n import translator
from bot.knowledge.amended import amended, changed, replaced_numbers
from bot.knowledge.asked import (
    BOTH,
    SIGNS,
    TECHNICAL,
    TOLD,
    amount_unit,
    asked,
    asked_kinds,
    asked_person,
    asked_values,
    asks_next_step,
    asks_start,
    both_words,
    counted,
    former_frames,
    former_places,
    holds,
    named_people,
    soon_words,
    stated_amounts,
    stated_dates,
    states_count,
    subjects_taught,
    teacher_pronouns,
    technical,
    time_words,
    told_in_brackets,
    values,
)
from bot.knowledge.citation import document_kind
from bot.knowledge.class_days import ClassDay, class_days, counts_from_opening, days_numbered
from bot.knowledge.classes import (
    asked_classes,
    class_cells,
    for_whom,
    guessed_words,
    named_classes,
    of_classes,
)
from bot.knowledge.counted_from import Counted, counted_days
from bot.knowledge.counted_from import counts as counts_a_day
from bot.knowledge.day_spans import days_in
from bot.knowledge.districts import (
    district_spans,
    province_words,
    said_as_place,
    wards_named_as_districts,
)
from bot.knowledge.excluded import asks_may, left_out
from bot.knowledge.frames import (
    completion_condition,
    course_end,
    finishing_by,
    frame_words,
    this_course,
)
from bot.knowledge.letter_tables import ROW_JOIN, asked_cells, is_row, row_cells
from bot.knowledge.letters import RECIPIENTS, SIGNED, Letter, Passage
from bot.knowledge.normalize import (
    ASIDE,
    DONE,
    FILLERS,
    ITEM_HEADS,
    QUESTION_WORDS,
    SpellFixer,
    exam_words,
    fold,
    fold_word,
    is_filler,
    is_question_word,
    named_places,
    place_key,
    reread,
    set_aside,
    words,
)
from bot.knowledge.noted_rows import (
    asked_codes,
    case_of,
    noted_row,
    overridden,
    row_codes,
)
from bot.knowledge.postings import Postings, freeze
from bot.knowledge.postings import scores as passage_scores
from bot.knowledge.reckoned import own_row, reckoned_from
from bot.knowledge.referred import SECTION, dated_sections, dated_units, sent_to, stated_sums
from bot.knowledge.row_numbers import named_by_number, numbered_rows
from bot.knowledge.row_sums import Table, tables
from bot.knowledge.subject_first import opens_with, question_subject
from bot.knowledge.syllables import is_mistyped, marks_dropped
from bot.knowledge.table_rows import (
    NO_KEYS,
    SEVERAL,
    Keys,
    by_rule,
    group_rule,
    levels_named,
    named_as_owner,
    question_keys,
    row_fit,
    row_keys,
    said_by_row,
)
from bot.textnorm import CAPITALS, strip_diacritics

QUOTE_CHARS = 600
_QUERIES_KEPT = 256  # questions read, kept while the letters stay the same
_COVERS_KEPT = 16  # their passages' scores (two arrays of the passages' length each)
# Share of the question's content (idf-weighted words and word pairs) a passage must cover to
# be quoted; set with scripts/calibrate_quotes.py on the dev questions and the five seed
# letters: out-of-scope questions (weather, salary, tuition, holidays) reach 0.51, so the
# threshold keeps a margin above them; 28 of the 34 in-scope quotes it lets through pass.
QUOTE_AT = 0.65
_ON_SUBJECT = 2  # word pairs of a letter's subject a question repeats to speak of it
_LEFT_OUT_AT = 0.25  # a passage leaving the asker out covers this much of the question
_VAGUE = 0.35  # content weight, in unknown words, below which a question says too little
_SHORT = 3.5  # content weight, in unknown words, up to which a message is only its subject
_CONTEXT = 0.5  # share of its weight a word no letter uses keeps in a long message
_SAME_TOPIC = 0.08  # passages this close in coverage speak of the same thing: newest wins
_CANDIDATES = 12
_BEST_COVERED = 4  # passages read for their quote for covering most, whatever their rank
_POINTING = 3  # sentences sending the reader to one annex that are read as its heading
_APART_KEPT = 4096  # word pairs whose passages ``_apart`` keeps per index
# whether a sentence states a date, a phone…: asked of the same sentences question after question
_holds = lru_cache(maxsize=65_536)(holds)
_K1, _B = 1.2, 0.75
_QUESTION_WORD_WEIGHT = 0.4
_PAIR_SHARE = 0.5
# A question's adjacent words that stand apart in a passage count this much of their pair: the
# pair may span two words ("giáo viên tiếng anh" → "viên tiếng"), or be a word the passage lacks.
_PAIR_APART = 0.5
_WEAKEST_SENTENCE = 0.15  # a sentence matching less than this share of the best one is left out
# a word of the question weighing at least this share of its heaviest tells which list item
# is the asker's case (``_other_items``)
_TELLING_WORD = 0.5
# a clause barring some people or some act ("Người đang mang thai … không xuống nước;"):
# the clause after its ";" says what is done instead ("nhà trường cử người khác thay"),
# though it shares no word with the question
_EXCLUDING = re.compile(r"\b(?:khong|chua|mien)\b")
_OPENS = re.compile(r"\b(?:từ|bắt đầu(?: từ)?|khai giảng(?: vào)?)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}",
                    re.IGNORECASE)  # "từ ngày 28/12/2026": the day something opens
_OTHER_STEP = 0.5  # a step's clause matching less than this share of the best is another's
_VALUE_SENTENCE = 0.3  # a sentence stating the value asked for comes first if it matches this
# a stop, or the colon before a paragraph's first step ("… theo các bước sau: trước hết, …")
_STOP = re.compile(r"(?<=[.;!?])\s+|(?<=:)\s+(?=(?:trước hết|trước tiên|đầu tiên|thứ nhất)\b)",
                   re.IGNORECASE)
# values a sentence naming the person asked about gives of them: how to reach them
_REACHING = frozenset({"contact", "phone", "landline", "email", "address"})
# the term of any amount in one unit ("#tuoi" for "50 tuổi"): an asker stating their own ("52
# tuổi") is answered by the sentence stating the threshold in that unit ("không quá 50 tuổi")
_AMOUNT = "#"
_CURRENCY = "đồng"
_MONEY = ("tien", "'tiền")
# values a letter corrects ("số đúng là …") that an asker may quote in its wrong form
_CORRECTED = frozenset({"phone", "landline", "email", "website"})
_MORE = frozenset({"them"})
# the three contents of bồi dưỡng thường xuyên ("nội dung bồi dưỡng 2", "nội dung 3"), which
# a letter counting periods into one need not call by the programme's name
_BDTX_CONTENT = re.compile(r"\bnoi dung (?:boi duong )?[123]\b")
_BDTX = ("thuong", "xuyen", "'thường", "'xuyên", "duong thuong", "thuong xuyen", "tiet boi")
# share of its weight a word of the asker's former place adds to a passage naming it; one not
# naming it loses ``ASIDE`` of it
_PLACE_NAMED = 0.5
# share of the asker's place a quote must name to be the one about it (``choose``): a row of
# "Tân Yên" names some of "huyện Yên Phong", as "Phòng Văn hóa - Xã hội" does of "xã Quỳnh Phụ"
_NAMES_PLACE = 0.6
# share of what the older passage covers of a question, in its own words, that an amending
# letter's item covers in its own (not the subject it takes from the letter it amends) to be
# quoted before the older passage it changes
_SPEAKS_OF = 0.2
# characters, at most, of a sentence telling the asker's class quoted before what it says of
# the class: a footnote is, a row or a long item naming many districts is not
_TELLING = 220


@dataclass(frozen=True, slots=True)
class Quote:
    """What a letter says on the question: the sentences to quote and where they stand."""

    letter: Letter
    passage: Passage
    text: str  # verbatim sentences, "…" where some were left out
    confidence: float  # share of the question's content the quoted sentences cover
    holds_value: bool = True  # they state the kind of value asked for (a date, a phone…)
    rank: float = 0.0  # the passage's BM25 score, to order passages covering as much
    fit: int = 0  # how its table rows fit the level and group asked (``row_fit``), 0: no row
    named: float = 0.0  # share of the asker's place (``_Query.placed``) the quote names
    # it states an amount in the unit of the asker's own ("từ 28 lớp trở lên" for "trường
    # có 30 lớp"): whether their case falls within it is what they ask
    measured: bool = False
    # the numbered days it names ("Ngày thứ ba"), dated for the asker's class (``class_days``)
    days: tuple[ClassDay, ...] = ()
    # the asker's day counted by a rule it quotes ("trong vòng 10 ngày kể từ ngày học …")
    counted: tuple[Counted, ...] = ()
    # how many of the question's word pairs the subject of a numbered note it quotes states
    # ("(5) Giáo viên của trung tâm giáo dục nghề nghiệp …"): the note made for the asker's
    # case, which wins over the rule it changes (``_case_said``)
    case: int = 0
    # the older letter's passage quoted after this newer one's (``_amended``): what this
    # changes, or what the older still says on the asker's case, where this is silent
    older: Quote | None = None


def terms(text: str) -> frozenset[str]:
    """A text's index terms, to measure how much of a question it covers (``cover``)."""
    return frozenset(_terms(text))


def _terms(text: str) -> tuple[str, ...]:
    """Folded words and word pairs, and each word with diacritics as "'word"."""
    accented = words(text, limit=None)
    folded = [fold_word(w) for w in accented]
    exam = exam_words(accented, folded)
    keep = [i for i, f in enumerate(folded) if f and (not is_filler(accented[i], f)
                                                      or i in exam)]
    out = [folded[i] for i in keep]
    out += [f"{folded[i]} {folded[j]}" for i, j in pairwise(keep) if j == i + 1]
    out += ["'" + accented[i] for i in keep if accented[i] != folded[i]]
    out += [_AMOUNT + unit for i in range(len(folded))
            if (unit := amount_unit(folded, i)) is not None]
    if any(accented[i] == _CURRENCY and folded[i - 1].isdigit() for i in range(1, len(folded))):
        out += _MONEY  # "đóng 350.000 đồng": a sum is money, which the asker calls "tiền"
    if "tiet" in folded and _BDTX_CONTENT.search(" ".join(folded)):
        out += _BDTX  # "20 tiết vào nội dung bồi dưỡng 3": periods of bồi dưỡng thường xuyên
    if technical(folded):  # a text on accounts or faults: the contact for a failed login
        out.append(TECHNICAL)
    if both_words(folded):  # "làm cả thư viện và thiết bị": the rule for a double case
        out.append(BOTH)
    return tuple(intern(t) for t in out)


def _sentences(passage: Passage) -> list[tuple[str, bool]]:
    """The passage's sentences, each with whether it starts a line of the letter; a table's
    row is one sentence, whatever its cells hold."""
    return [(s, k == 0) for line in passage.text.split("\n")
            for k, s in enumerate(x for x in ([line] if is_row(line) else _split(line)) if x)]


def _split(line: str) -> list[str]:
    """A line's sentences and the clauses a ";" ends. A stop after a figure ends nothing ("1.
    Tiền …", "2.3."); a ";" after one ends a clause when the next opens a step of a paragraph
    of steps ("… trước ngày 18/12/2026; sau đó, Sở cấp …", ``_opens_step``), which a question
    asks of one by one."""
    parts: list[str] = []
    start = 0
    for stop in _STOP.finditer(line):
        said = line[start:stop.start()]
        if not said[-2:-1].isdigit() or said.endswith(":") or (
                said.endswith(";") and _opens_step(line[stop.end():])):
            parts.append(said)
            start = stop.end()
    return [*parts, line[start:]]


@dataclass(frozen=True, slots=True)
class _Query:
    terms: dict[str, float]  # index term -> weight
    content: dict[str, float]  # content word ("'lương" when typed with marks) -> idf
    pairs: dict[str, float]  # adjacent content pair (folded) -> idf
    whole: _Query | None = None  # before the words no letter uses were weighed down
    # a number the asker states of their case ("cách 40 km"): a passage stating it covers it,
    # one stating another ("từ 15 km trở lên") loses nothing (``stated_amounts``)
    stated: dict[str, float] = field(default_factory=dict)
    # whose case the message tells outside its asks (``told``): it picks the passage's line or
    # row ("các xã thuộc huyện A Lưới"), and no passage covers the ask less for lacking it
    told: dict[str, float] = field(default_factory=dict)
    # where the asker says they are ("một xã thuộc huyện … cũ"), weighed down in ``content``
    # and ``pairs`` (``former_places``): at full weight here, for the sentence naming it
    placed: dict[str, float] = field(default_factory=dict)
    # the word pairs of the former place the asker's lies in (``_former``)
    former: frozenset[str] = frozenset()
    # the word pairs of where the asker is, told or asked ("phường Bà Rịa"): which place it
    # is, for the rows and sentences naming places (``_theirs``); no weight of their own
    place_pairs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Read:
    """One letter's passages as terms: kept per letter, so adding or removing a letter
    re-reads only that letter and then recounts the statistics."""

    sentences: list[list[tuple[str, bool]]]  # each passage's sentences
    heads: list[tuple[str, ...]]  # each passage's heading-path terms
    sentence_terms: list[tuple[tuple[str, ...], ...]]
    sentence_sets: list[tuple[frozenset[str], ...]]  # the same as sets, for every question
    counts: list[Counter[str]]
    context: frozenset[str]  # the letter's issuer and subject
    people: list[frozenset[str]]  # given names of the people each passage names
    moved: dict[str, tuple[str, ...]]  # section -> the letter's sentences moving its dates
    # the letter's sentences on whose row applies ("trường có nhiều cấp học học theo nhóm của
    # cấp học cao nhất"), with the rule each states (``group_rule``)
    rules: tuple[tuple[str, str], ...] = ()
    rows: tuple[bool, ...] = ()  # whether each passage holds a table's rows
    places: frozenset[tuple[str, ...]] = frozenset()  # the places it names (``_places``)
    # passage -> the next item of its section that says what replaces what it cancels
    instead: dict[int, str] = field(default_factory=dict)
    # the classes each passage's sentences speak of ("lop 2", ``classes.of_classes``), and
    # whom each class is for, in the letter's words (``classes.for_whom``)
    classes: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    who: dict[str, tuple[str, ...]] = field(default_factory=dict)
    classes_named: frozenset[str] = frozenset()
    # the places each passage's sentences name, and whether they name them as where their
    # teachers are (``_PLACED_GROUP``)
    named_places: list[tuple[frozenset[tuple[str, ...]], ...]] = field(default_factory=list)
    placed_groups: list[tuple[bool, ...]] = field(default_factory=list)
    # (passage, sentence) -> the table rows it sends the reader to ("học tại địa điểm ghi
    # trong bảng"), best first (``_pointed``)
    pointed: dict[tuple[int, int], tuple[tuple[int, int], ...]] = field(default_factory=dict)
    # the sentences placing a kind of school in one class wherever it is, with the class and
    # the folded words naming the kind (``_placing_kind``)
    wherever: tuple[tuple[int, int, str, frozenset[str]], ...] = ()
    # each class or part the letter sets out with a date ("lop 7", "phan 3"), and the words
    # saying when (``referred.dated_units``)
    units: dict[str, str] = field(default_factory=dict)
    # (passage, sentence) -> the classes or parts it sends someone to (``referred.sent_to``)
    sends: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    # for a passage holding several of a letter's answered questions, the one each sentence
    # is of (``_question_items``); None for any other passage
    items: list[tuple[int, ...] | None] = field(default_factory=list)
    # (passage, statement, levels) for each statement leaving a kind of school out
    # (``left_out``)
    leaves_out: tuple[tuple[int, str, frozenset[str]], ...] = ()
    # a place's word pair (or its one word) -> the passages naming it (``_theirs``)
    place_passages: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # (passage, sentence) counting from a date a table column gives -> its folded header
    # (``reckoned.reckoned_from``)
    reckoned: dict[tuple[int, int], str] = field(default_factory=dict)
    # whether each sentence is a table's row whose label names a place (``_placed_label``)
    place_rows: list[tuple[bool, ...]] = field(default_factory=list)
    # a former district's word pair -> the former province's it lies in (``_provinces_of``)
    provinces: dict[str, frozenset[str]] = field(default_factory=dict)
    # how many days its timetable numbers ("Ngày thứ nhất" … "Ngày thứ tư"), 0 when it numbers
    # none, and the sentences counting from a class's opening (``class_days``)
    days: int = 0
    opens: frozenset[tuple[int, int]] = frozenset()
    # whether it names a contact for accounts and the system's faults (``TECHNICAL``): then
    # its other contacts are not for a teacher who cannot log in (``_kind_of_help``)
    fixers: bool = False
    # (passage, sentence) naming no class of its own -> the one class it sends whom it
    # speaks of to ("… trước đây dự Lớp 4", ``_goes_to``)
    goes: dict[tuple[int, int], str] = field(default_factory=dict)
    # the passages giving a day only as a count from the asker's class's ("trong vòng 15 ngày
    # kể từ ngày học trực tiếp cuối cùng của lớp mình", ``counted_from.counts``)
    counting: frozenset[int] = frozenset()
    # the word pairs of the former provinces and cities it names as such ("tỉnh Hải Dương
    # trước đây", "thành phố Hải Phòng cũ"): its rows or groups for a former province
    formerly: frozenset[str] = frozenset()
    # every sentence in the letter's order, a table's row one each, and its tables' runs of
    # rows with figures (``row_sums.tables``): read once, not for every question asking a total
    every: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()


# a contact's label: "Về kinh phí hỗ trợ, chứng từ thanh toán: bà …"
_LABELLED = re.compile(r"\b[Vv]ề ([^:.]{3,120}):")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s*")


def _by_section(passages: Sequence[Passage]) -> list[tuple[str, str]]:
    """Each numbered section's text, its heading first, over the passages it spans."""
    found: dict[str, list[str]] = {}
    for p in passages:
        if p.section:
            found.setdefault(p.section, []).append(p.text)
    return [(section, "\n".join(texts)) for section, texts in found.items()]


def _tells_case(query: _Query, passages: Sequence[Passage], section: str,
                shown: set[str]) -> bool:
    """Whether the asker's words name what a section a note sends some people to says, and
    the quote does not ("đã có giấy chứng nhận năm trước"): the note's condition is their
    case, and the section is where they go; anyone else is only told the note."""
    said = _terms("\n".join(p.text for p in passages if p.section.lower() == section))
    return any(t in query.content for t in set(said) - shown)


def _read(letter: Letter) -> _Read:
    sentences = [_sentences(p) for p in letter.passages]
    every = [s for parts in sentences for s, _ in parts]
    described = _described(letter.passages)
    sections: dict[tuple[str, ...], list[int]] = {}
    for j, p in enumerate(letter.passages):
        sections.setdefault(p.path, []).append(j)
    heads = [_terms(" ".join([*_about(_headings(letter.passages, j, sections), described),
                              *_pointing(letter.passages, sentences, p),
                              *_answered(letter.passages, j),
                              *_table_lead(letter.passages, sentences, j)]))
             for j, p in enumerate(letter.passages)]
    heads = _changing(letter.passages, sentences, heads)
    sentence_terms = _with_rows_named(sentences, [tuple(_terms(s) for s, _ in parts)
                                                  for parts in sentences])
    counts = [Counter(head + tuple(t for s in terms for t in s))
              for head, terms in zip(heads, sentence_terms, strict=True)]
    classes = [_classes_of(parts) for parts in sentences]
    # the places each sentence names; a table's row says whose case it is by its label
    # ("Tỉnh Bến Tre trước đây — …; Địa điểm: …, phường An Hội"): the venue is no one's
    named = [tuple(_places([_whose(s)]) or _places([s]) if is_row(s) else
                   _places([s]) for s, _ in parts) for parts in sentences]
    return _Read(sentences, heads, sentence_terms,
                 [tuple(frozenset(t) for t in terms) for terms in sentence_terms], counts,
                 frozenset(_terms(f"{_called(letter)}\n{letter.meta.issuer}\n"
                                  f"{_unit(letter.meta.issuer)}\n{letter.meta.subject}")
                           ).union(*map(_terms, _addressed_levels(letter))),
                 [named_people(p.text) for p in letter.passages], _moved(sentences),
                 tuple(dict.fromkeys((rule, part) for parts in sentences
                                     for sentence, _ in parts
                                     for part in _STATEMENT.split(sentence)
                                     if (rule := group_rule(part)) is not None)),
                 tuple(any(is_row(s) for s, _ in parts) for parts in sentences),
                 _places(p.text for p in letter.passages),
                 _instead(letter.passages, sentence_terms),
                 classes,
                 _whom_said(sentences),
                 frozenset(c for parts in classes for named in parts for c in named),
                 named,
                 [tuple(_PLACED_GROUP.match(s) is not None for s, _ in parts)
                  for parts in sentences],
                 _pointed(sentences),
                 tuple((j, w, names[0], kind) for j, (parts, named) in enumerate(
                     zip(sentences, classes, strict=True))
                     for w, ((sentence, _), names) in enumerate(zip(parts, named, strict=True))
                     if len(names) == 1 and (kind := _placing_kind(sentence))),
                 {**stated_sums(every), **dated_units(every),
                  **dated_sections(_by_section(letter.passages))},
                 {(j, w): units for j, parts in enumerate(sentences)
                  for w, (s, _) in enumerate(parts) if (units := sent_to(s))},
                 [_question_items(parts) for parts in sentences],
                 tuple((j, part, levels) for j, parts in enumerate(sentences)
                       for s, _ in parts for part in _STATEMENT.split(s)
                       if (levels := left_out(part))),
                 _place_passages(named),
                 reckoned_from(sentences),
                 [tuple(_placed_label(s) for s, _ in parts) for parts in sentences],
                 _provinces_of(p.text for p in letter.passages),
                 days_numbered("\n".join(p.text for p in letter.passages)),
                 frozenset((j, w) for j, parts in enumerate(sentences)
                           for w, (s, _) in enumerate(parts) if counts_from_opening(s)),
                 any(TECHNICAL in terms and _holds("contact", s)
                     for parts, ts in zip(sentences, sentence_terms, strict=True)
                     for (s, _), terms in zip(parts, ts, strict=True)),
                 {(j, w): going for j, parts in enumerate(sentences)
                  for w, (s, _) in enumerate(parts)
                  if not classes[j][w] and (going := _goes_to(s)) is not None},
                 frozenset(j for j, parts in enumerate(sentences)
                           if any(counts_a_day(s) for s, _ in parts)),
                 frozenset(pair for p in letter.passages
                           for m in _FORMER_PROVINCE.finditer(fold(p.text))
                           for pair in _pairs_of(m.group(1))),
                 tuple(every), tables(every) if any(is_row(s) for s in every) else ())


def _with_rows_named(sentences: list[list[tuple[str, bool]]],
                     terms: list[tuple[tuple[str, ...], ...]]
                     ) -> list[tuple[tuple[str, ...], ...]]:
    """Each sentence's terms, and for one calling table rows by number ("chuyên đề 1, 2")
    the words of their names the letter's prose does not use ("bóng chuyền", not "giáo dục
    thể chất"): it speaks of them by name too, but no more than a name says."""
    rows = numbered_rows([s for parts in sentences for s, _ in parts])
    if not rows:
        return terms
    prose = {t for parts, said in zip(sentences, terms, strict=True)
             for (s, _), ts in zip(parts, said, strict=True) if not is_row(s) for t in ts}
    return [tuple(ts + tuple(dict.fromkeys(t for name in named_by_number(s, rows)
                                           for t in _terms(name) if t not in prose))
                  for (s, _), ts in zip(parts, said, strict=True))
            for parts, said in zip(sentences, terms, strict=True)]


def _place_passages(named: list[tuple[frozenset[tuple[str, ...]], ...]]
                    ) -> dict[str, tuple[int, ...]]:
    """Each place's word pairs (its one word, for a one-word name) and the passages naming
    it, as ``_theirs`` reads a question's place."""
    found: dict[str, list[int]] = {}
    for j, parts in enumerate(named):
        for name in {n for places in parts for n in places}:
            for key in ([name[0]] if len(name) == 1 else
                        [f"{a} {b}" for a, b in pairwise(name)]):
                if j not in found.setdefault(key, []):
                    found[key].append(j)
    return {key: tuple(js) for key, js in found.items()}


# "phường Hoa Lư", "xã Than Uyên", "khu vực Trà Vinh": a place a letter names after the word
# for its kind, which a table's header cell starts with a capital ("Tỉnh Bến Tre trước đây")
_PLACE_KIND = re.compile(
    rf"\b(?:[xX]ã|[pP]hường|[hH]uyện|[qQ]uận|[tT]hị xã|[tT]hị trấn|[tT]hành phố|[tT]ỉnh|"
    rf"[kK]hu vực|[đĐ]ặc khu)\s+(?=[{CAPITALS}])")
# "Tỉnh Bà Rịa - Vũng Tàu trước đây, trừ đặc khu Côn Đảo": a place named after "trừ" is
# left out of the group, not one of its places
_SAVE = re.compile(r"\b(?:trừ|ngoại trừ|không kể|không gồm|không bao gồm)\s+(?:các\s+)?$",
                   re.IGNORECASE)
_NAME_WORDS = 4  # words of a place's name, at most
_AT = frozenset({"o", "tai"})  # "ở", "tại" before where the asker is
# the word for a place's kind between "ở" and its name ("ở phường Phố Hiến"), folded
_KIND_WORDS = (("xa",), ("phuong",), ("huyen",), ("quan",), ("tinh",), ("thi", "xa"),
               ("thi", "tran"), ("thanh", "pho"), ("khu", "vuc"), ("vung",), ("dia", "ban"),
               ("dac", "khu"))


# the words every letter says of places ("các xã, phường", "trực thuộc Sở"), folded: a window
# saying only those names no asker's place ("Phòng Văn hóa - Xã hội" says "xã"); a rarer kind
# ("đặc khu", "đảo"), or a former place ("… trước đây" to one in a district "cũ"), does
_COMMON_PLACING = frozenset({"xa", "phuong", "huyen", "quan", "tinh", "thi", "tran", "thanh",
                             "pho", "thuoc"})


def _named_share(placed: dict[str, float], shown: set[str] | frozenset[str]) -> float:
    """The share of the asker's place a window names (by weight), nothing when it names only
    words every letter says of places."""
    if all(set(fold_word(t.lstrip("'")).split()) <= _COMMON_PLACING
           for t in placed if t in shown):
        return 0.0
    return math.fsum(w for t, w in placed.items() if t in shown) / max(
        math.fsum(placed.values()), 1e-9)


def _places(texts: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The places the letter names ("phường Hoa Lư"), each as its folded words: a question
    saying the asker is there ("trường em ở Hoa Lư") tells where, not what is asked. A list
    after the kind ("các huyện Tuần Giáo, Tủa Chùa, Mường Chà") names each of its places."""
    found: set[tuple[str, ...]] = set()
    for text in texts:
        for kind in _PLACE_KIND.finditer(text):
            if _SAVE.search(text, max(0, kind.start() - 30), kind.start()):
                continue
            for name in _names(text[kind.end():]):
                folded = tuple(fold_word(w) for w in words(" ".join(name)))
                if folded:
                    found.add(folded)
    return frozenset(found)


_LISTED_PLACES = 8  # names read in a list after one kind word, at most
# a place's kind, as written ("Quận 7"; "Quan Hóa" is a name)
_KINDS = frozenset({"xã", "phường", "huyện", "quận", "tỉnh", "thành", "thị", "khu", "đặc"})


# the kind words of two ("thành phố", "thị xã"): alone, a name's first word ("Thành Vinh")
_KIND_PAIRS = {"thành": ("phố",), "thị": ("xã", "trấn"), "khu": ("vực",), "đặc": ("khu",)}


def _kind_at(word: str, after: str) -> bool:
    """Whether a capitalised word in a list of places starts the next place's kind ("Quận 7",
    "Thành phố Thủ Đức") rather than a name ("Thành Vinh", "Thị Cầu")."""
    word, after = word.lower(), after.lower().strip(",.;:()")
    return word in _KINDS and after in _KIND_PAIRS.get(word, (after,))


def _names(text: str) -> list[list[str]]:
    """The capitalised names at the start of ``text``, each of at most ``_NAME_WORDS`` words,
    one after another while a comma parts them ("Tuần Giáo, Tủa Chùa, Mường Chà trước đây")."""
    names: list[list[str]] = []
    taken: list[str] = []
    said = text.split(maxsplit=_NAME_WORDS * _LISTED_PLACES)[:_NAME_WORDS * _LISTED_PLACES]
    for k, w in enumerate(said):
        bare = w.strip(",.;:()")
        if not bare or not bare[0].isupper() or len(taken) == _NAME_WORDS or (
                not taken and _kind_at(bare, said[k + 1] if k + 1 < len(said) else "")):
            break  # "Thành phố Thủ Đức, Quận 7": the next place's kind, no name
        taken.append(bare)
        if bare != w:
            names.append(taken)
            taken = []
            if not w.endswith(",") or len(names) == _LISTED_PLACES:
                return names
    return [*names, taken] if taken else names


_PLACE_NAME = rf"[{CAPITALS}][^\W\d_]*(?:\s+[{CAPITALS}][^\W\d_]*){{0,3}}"
# "huyện Chợ Lách trước đây của tỉnh Bến Tre", "các huyện Yên Dũng, Lục Nam thuộc tỉnh Bắc
# Giang cũ": the former province a former district was in, as a letter says it
_IN_PROVINCE = re.compile(
    rf"\b(?:huyện|thị xã|quận)\s+({_PLACE_NAME}(?:,\s*{_PLACE_NAME})*)(?:\s+trước đây|\s+cũ)?"
    rf",?\s+(?:của|thuộc)\s+(?:tỉnh|thành phố)\s+({_PLACE_NAME})")


def _pairs_of(name: str) -> list[str]:
    """A place's folded word pairs, or its one word, as ``_theirs`` reads a question's."""
    folded = [fold_word(w) for w in words(name, limit=None)]
    return folded[:1] if len(folded) == 1 else [f"{a} {b}" for a, b in pairwise(folded)]


def _provinces_of(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """The former province each former district the letter places in one lies in: each word
    pair of the district's name -> the province's pairs. An asker naming only their district
    ("xã thuộc huyện Chợ Lách cũ") is in that province's column, row or class."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for hit in _IN_PROVINCE.finditer(text):
            province = _pairs_of(hit.group(2))
            for district in hit.group(1).split(","):
                for pair in _pairs_of(district):
                    found.setdefault(pair, set()).update(province)
    return {pair: frozenset(of) for pair, of in found.items()}


def _located(places: frozenset[tuple[str, ...]], folded: list[str]) -> frozenset[int]:
    """Positions of a place the letters name, said after "ở", "tại" ("trường em ở Hoa Lư"):
    where the asker is, read as a former place is (``former_places``)."""
    found: set[int] = set()
    if not places:
        return frozenset()
    for k, word in enumerate(folded):
        if word not in _AT:
            continue
        start = k + 1 + next((len(w) for w in _KIND_WORDS
                              if tuple(folded[k + 1:k + 1 + len(w)]) == w), 0)
        for size in range(_NAME_WORDS, 0, -1):
            if tuple(folded[start:start + size]) in places:
                found.update(range(k + 1, start + size))
                break
    return frozenset(found)


_WITHIN = frozenset({"thuoc", "cua", "tinh", "huyen", "thanh", "pho", "khu", "vuc"})


def _within(places: frozenset[tuple[str, ...]], folded: list[str], placed: frozenset[int]
            ) -> frozenset[int]:
    """Positions of the place a former one was in, named just after it ("huyện Mỏ Cày Nam cũ
    (Bến Tre)", "huyện Chợ Lách cũ thuộc tỉnh Bến Tre"), when the letters name that place:
    the former province whose column, row or class is the asker's."""
    found: set[int] = set()
    for k, word in enumerate(folded):
        if word != "cu" or k not in placed:
            continue
        start = k + 1
        while start < min(len(folded), k + 4) and folded[start] in _WITHIN:
            start += 1
        for size in range(_NAME_WORDS, 0, -1):
            if tuple(folded[start:start + size]) in places:
                found.update(range(start, start + size))
                break
    return frozenset(found)


def _classes_of(sentences: list[tuple[str, bool]]) -> tuple[tuple[str, ...], ...]:
    """The classes each sentence speaks of (``classes.of_classes``): a sentence going on with
    a note or an item ("(3) Học viên Lớp 4 ở lại … Nếu đường lên Nà Hỳ bị sạt lở, …") speaks
    of the note's, unless it names its own."""
    found: list[tuple[str, ...]] = []
    item = False  # the line is an item or a note: its sentences speak of one thing
    for sentence, starts_line in sentences:
        own = of_classes(sentence)
        item = _NOTE_OR_ITEM.match(sentence) is not None if starts_line else item
        found.append(own or (found[-1] if found and item and not starts_line else ()))
    return tuple(found)


# "… học tại địa điểm ghi trong bảng", "… theo hạn trong bảng": a value the table gives
# ("… theo bảng sau:" leads the table, it sends nowhere)
_TO_TABLE = re.compile(r"\s(?:(?:ghi|nêu|có)\s+)?(?:trong|tại|theo|ở)\s+bảng\b"
                       r"(?!\s*(?:sau|dưới|kèm|:))", re.IGNORECASE)
_POINTED_WORDS = 3  # words before it naming the value


def _pointed(sentences: list[list[tuple[str, bool]]]
             ) -> dict[tuple[int, int], tuple[tuple[int, int], ...]]:
    """The sentences sending the reader to the letter's table for a value ("giáo viên … ở
    các địa bàn này học tại địa điểm ghi trong bảng"), each with the rows whose label names
    that value ("Địa điểm học trực tiếp — …"), the one naming most of its words first."""
    rows = [(j, w, frozenset(words(s.split(ROW_JOIN, 1)[0], limit=None)))
            for j, parts in enumerate(sentences) for w, (s, _) in enumerate(parts) if is_row(s)]
    found: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
    if not rows:
        return found
    for j, parts in enumerate(sentences):
        for w, (sentence, _) in enumerate(parts):
            to = _TO_TABLE.search(sentence)
            if to is None or is_row(sentence):
                continue
            value = words(sentence[:to.start()], limit=None)[-_POINTED_WORDS:]
            if not value:
                continue
            ranked = sorted(((sum(v in label for v in value), at, b) for at, b, label in rows
                             if value[-1] in label), key=lambda x: -x[0])
            if ranked:
                found[j, w] = tuple((at, b) for _, at, b in ranked)
    return found


def _table_value(read: _Read, j: int, window: list[int], of: _Class | None
                 ) -> tuple[str, frozenset[str]] | None:
    """The row of the letter's table a quoted sentence sends the reader to ("… học tại địa
    điểm ghi trong bảng"), as the asker reads it: only their class's cell, when the row gives
    one per class; with its terms."""
    for w in window:
        rows = read.pointed.get((j, w))
        if not rows:
            continue
        at, b = rows[0]
        row = read.sentences[at][b][0]
        return (class_cells(row, of.name) if of is not None else row), read.sentence_sets[at][b]
    return None


def _whom_said(sentences: list[list[tuple[str, bool]]]) -> dict[str, tuple[str, ...]]:
    """Each class's words for whom it is (``classes.for_whom``), as the letter says them."""
    found: dict[str, list[str]] = {}
    for parts in sentences:
        for sentence, _ in parts:
            for name, who in for_whom(sentence):
                if who not in found.setdefault(name, []):
                    found[name].append(who)
    return {name: tuple(said) for name, said in found.items()}


def _owners_left(question: str, sentences: list[tuple[str, bool]],
                 sets: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """The sentences' terms, a row's label's own terms left out where the question names the
    label only as whose lessons its subject attends (``named_as_owner``): "dự tiết của người
    hướng dẫn" is the row of the one attending, whose cells say "của người hướng dẫn"."""
    if not any(is_row(s) and named_as_owner(question, s) for s, _ in sentences):
        return sets
    out = list(sets)
    for k, (sentence, _) in enumerate(sentences):
        if is_row(sentence) and named_as_owner(question, sentence):
            label, _, rest = sentence.partition(ROW_JOIN)
            out[k] = sets[k] - (terms(label) - terms(rest))
    return tuple(out)


def _class_sets(read: _Read, j: int, of: _Class) -> tuple[frozenset[str], ...]:
    """The terms of passage j's sentences, those speaking of the asker's class with what
    tells the class: what the letter says of the class, it says of the asker."""
    return tuple(ts | of.credit if of.name in names or (
        of.anywhere and of.name in named_classes(sentence)) else ts
        for ts, names, (sentence, _) in zip(read.sentence_sets[j], read.classes[j],
                                            read.sentences[j], strict=True))


def _not_theirs(read: _Read, j: int, of: _Class | None, placed: dict[str, float],
                former: frozenset[str] = frozenset()) -> frozenset[int]:
    """Passage j's sentences that are not the asker's case: another class's rows, notes and
    items, and a table's rows of no class (the total) beside the rows of classes (a paragraph
    saying what one class gets may go on with what the others do); and the sentences on
    other districts' teachers only, unless of the asker's class ("Lớp 1 gồm cả …, dù trường
    ở huyện nào")."""
    sentences, classes = read.sentences[j], read.classes[j]
    found: set[int] = set()
    if of is not None:
        classed_rows = any(names and is_row(sentence)
                           for names, (sentence, _) in zip(classes, sentences, strict=True))
        noted = _in_notes(sentences)
        found.update(w for w, names in enumerate(classes)
                     if (names and of.name not in names and (noted[w] or is_row(
                         sentences[w][0])))
                     or (not names and classed_rows and is_row(sentences[w][0])
                         and not _FOR_EVERY.search(sentences[w][0].split(ROW_JOIN, 1)[0])))
    if placed:
        elsewhere = _elsewhere(read.named_places[j], placed, former)
        found.update(w for w in elsewhere
                     if read.placed_groups[j][w] and (of is None or of.name not in classes[w]))
        # a note whose subject names places, none the asker's ("(2) Giáo viên … thuộc thị xã
        # Kinh Môn trước đây học ở lớp …" to one of the former Gia Lộc): another's case
        # (the note's sentences after its first go with it)
        said = _said_places(placed) | former
        another = False
        for w, (sentence, starts_line) in enumerate(sentences):
            if starts_line or w == 0:
                named = _places([case_of(sentence)])
                another = bool(named) and not _theirs(named, said)
            if another:
                found.add(w)
        # a table's rows labelled by place are another's when one of them is the asker's:
        # when none is ("Quận 10" asked, rows of former provinces), the rows do not say
        rows = read.place_rows[j]
        if any(rows[w] and w not in elsewhere and read.named_places[j][w]
               for w in range(len(rows))):
            found.update(w for w in elsewhere
                         if rows[w] and (of is None or of.name not in classes[w]))
    return frozenset(found)


def _under(read: _Read, at: int) -> frozenset[str]:
    """The terms a row of passage ``at`` is read under: the passage's headings, and the
    sentence leading its table ("…, theo lịch dưới đây")."""
    parts = read.sentences[at]
    first = next((w for w, (s, _) in enumerate(parts) if is_row(s)), 0)
    return frozenset(read.heads[at]).union(*read.sentence_sets[at][first - 1:first])


_NUMBERED_NOTE = re.compile(r"^\s*\(\d{1,2}\)\s")
_CASE_PAIRS = 2  # word pairs of the question a note's subject states, at least, to be theirs


def _case_said(query: _Query, sentence: str) -> int:
    """How many of the question's word pairs the subject of a numbered note states (``case_of``:
    whose case it is), when at least ``_CASE_PAIRS``; 0 for any other sentence."""
    if _NUMBERED_NOTE.match(sentence) is None:
        return 0
    said = sum(t in query.pairs for t in _terms(case_of(sentence))
               if " " in t and not set(t.split()) <= _WHO_WORDS)
    return said if said >= _CASE_PAIRS else 0


# the words of a role and a level ("giáo viên tiểu học", "trường THCS"), folded: the table's
# rows tell those apart (``row_fit``); a note's case is told by what else it names
_WHO_WORDS = frozenset({"giao", "vien", "truong", "cac", "cua", "o", "va", "tieu", "hoc",
                        "trung", "co", "so", "pho", "thong", "mam", "non", "thcs", "thpt",
                        "th", "cap", "can", "bo", "quan", "li", "hieu"})


def _own_fit(keys: Keys, said: frozenset[str], codes: frozenset[str], row: str) -> int:
    """How well a row fits the asker (``_row_fit``), the row of the class they name by its
    code ("lớp MN2") above any other."""
    fit = _row_fit(keys, said, row)
    return fit + 10 if codes and codes & row_codes(row) else fit


def _asker_days(read: _Read, question: str, own: str | None) -> list[date]:
    """The asker's own days, to count a rule from: their row's (``own``), else the day they
    name ("lớp ngày 19/01 bị lùi"), its year as the letter writes that day."""
    if own is not None:
        return days_in(own.split(ROW_JOIN, 1)[-1])
    named = days_in(question, 2000) if _DAY_MONTH.search(question) else []
    if not named:
        return []
    letter = days_in(" ".join(s for parts in read.sentences for s, _ in parts))
    return [d for d in letter if any((d.day, d.month) == (n.day, n.month) for n in named)][:1]


def _placed_days(read: _Read, said: frozenset[str]) -> str | None:
    """The one sentence of the letter dating the teachers of the asker's place ("Giáo viên ở
    các xã, phường thuộc tỉnh Gia Lai trước đây học từ ngày 18/01/2027 …"), if one."""
    if not said:
        return None
    found = [sentence for j, parts in enumerate(read.sentences)
             for w, (sentence, _) in enumerate(parts)
             if read.placed_groups[j][w] and not is_row(sentence) and _DAY_MONTH.search(sentence)
             and _theirs(read.named_places[j][w], said)]
    return found[0] if len(found) == 1 else None


_DATED = ("date", "deadline")  # the kinds of value a day counted for the asker gives
_DAY_MONTH = re.compile(r"\b\d{1,2}/\d{1,2}\b")


def _rows_of(read: _Read) -> list[str]:
    """The letter's table rows, in order."""
    return [s for j, parts in enumerate(read.sentences) if read.rows[j] for s, _ in parts
            if is_row(s)]


def _other_levels(read: _Read, passages: Sequence[Passage], j: int, window: list[int],
                  keys: Keys, kind: str | None) -> list[str]:
    """For a school of several levels ("trường THCS và THPT") whose window quotes its row of
    one level, the rows of its other levels that the same table gives further on or before
    (a long table is cut into passages of a few rows), stating the value asked: each level of
    the school goes by its own row."""
    quoted = [read.sentences[j][w][0] for w in window if is_row(read.sentences[j][w][0])]
    if SEVERAL not in keys[0] or not any(row_fit(keys, row) > 0 for row in quoted):
        return []
    have = {level for row in quoted if row_fit(keys, row) > 0 for level in row_keys(row)[0]}
    found: list[str] = []
    for near in range(len(passages)):
        if near == j or not read.rows[near] or passages[near].section != passages[j].section:
            continue
        for sentence, _ in read.sentences[near]:
            levels = row_keys(sentence)[0] if is_row(sentence) else frozenset()
            if levels and not levels & have and row_fit(keys, sentence) > 0 and (
                    kind is None or _holds(kind, sentence)):
                found.append(sentence)
                have |= levels
    return found


def _row_fit(keys: Keys, said: frozenset[str], row: str) -> int:
    """How well a table's row fits the asker: by the level and group asked (``row_fit``),
    then by the place its label names, theirs or another's."""
    level = row_fit(keys, row)
    if level < 0:
        return -1
    named = _places([row.split(ROW_JOIN, 1)[0]]) if said else frozenset()
    place = (1 if _theirs(named, said) else -1) if named else 0
    return -1 if place < 0 and not level else 2 * level + place


def _placed_label(sentence: str) -> bool:
    """A table's row whose label names a place: the column of one place said as a row
    ("Tỉnh Bến Tre trước đây — Ngày học trực tiếp: …; Địa điểm: …"), that place's case; or
    whose cell saying whom it is for does ("Tiểu học — Lớp: TH2; Xã, phường: Các xã thuộc
    tỉnh Hải Dương trước đây; …")."""
    return is_row(sentence) and bool(_places([_whose(sentence)]))


# a cell saying where a class meets ("Địa điểm: …, phường Lê Chân"), not whose it is
_VENUE_CELL = re.compile(r"^(?:Địa điểm|Địa chỉ|Nơi học|Nơi tổ chức|Nơi tập huấn|Nơi|Tại)",
                         re.IGNORECASE)


def _whose(row: str) -> str:
    """A row's label, or when it names no place, its cells but those saying where it meets:
    the words saying whose case the row is."""
    label, cells = row_cells(row)
    if _places([label]):
        return label
    return "; ".join(c for c in cells if not _VENUE_CELL.match(c))


def _place_cells(said: frozenset[str], row: str) -> str:
    """A row giving a value per place, its column headers naming places ("Ngày học — Tỉnh
    Vĩnh Long trước đây: 12/01/2027; Tỉnh Bến Tre trước đây (*): 19/01/2027; …"), with only
    the cell of the place the asker is in (``said``, ``_said_places``); the row as it is when
    no cell, or every cell, is theirs."""
    if not said or not is_row(row):
        return row
    label, cells = row_cells(row)
    places = [_places([cell.split(": ", 1)[0]]) if ": " in cell else frozenset()
              for cell in cells]
    theirs = [bool(named) and _theirs(named, said) for named in places]
    if sum(map(bool, places)) < 2 or not any(theirs) or all(theirs):
        return row
    kept = [cell for cell, named, mine in zip(cells, places, theirs, strict=True)
            if mine or not named]
    return f"{label}{ROW_JOIN}{'; '.join(kept)}."


def _class_cells(cells: Callable[[str], str], name: str, row: str) -> str:
    """Of a row, the column group the question names (``cells``), and of that, the asker's
    class's cell when the row gives one per class."""
    return class_cells(cells(row), name)


def _in_notes(sentences: list[tuple[str, bool]]) -> list[bool]:
    """Whether each sentence is of a line that is a note or an item ("(2) …", "1. …")."""
    found: list[bool] = []
    for sentence, starts_line in sentences:
        found.append(_NOTE_OR_ITEM.match(sentence) is not None if starts_line or not found
                     else found[-1])
    return found


_NOTE_OR_ITEM = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-+•])\s")


@dataclass(frozen=True, slots=True)
class _Class:
    """The class of a letter an asker is in, and what tells it."""

    name: str  # "lop 2"
    # the question's terms the sentence telling it holds ("Lớp 2 (giáo viên … Bảo Lạc …)"):
    # whatever the letter says of the class, it says of the asker so described
    credit: frozenset[str] = frozenset()
    told_by: str = ""  # that sentence, when a sentence tells it
    # told by the asker's level: a sentence naming the class anywhere ("không mở cho Lớp A và
    # Lớp D") speaks of them, as the class is that level's teachers
    anywhere: bool = False
    # told by the asker's kind of school, which the letter places in the class wherever it is
    # (``_placing_kind``): no row of another class is theirs, whatever place it names
    decided: bool = False


def _asker_classes(state: _State, query: _Query, question: str, levels: frozenset[str]
                   ) -> dict[int, _Class]:
    """By letter, the class the asker is in: the one the question names ("hv lớp 3"), else
    the one whose group has the asker's level ("Lớp D: giáo viên trung học phổ thông"), else,
    when the asker says where they are, the one of the sentence naming a single class that
    matches the question best (the row naming their former district, or the footnote naming
    their kind of school). None where no single class is told."""
    found: dict[int, _Class] = {}
    asked = asked_classes(question)
    said_words = frozenset(t for t in query.terms if " " not in t)
    wanted = {**query.told, **query.stated, **query.content, **query.pairs, **query.placed}
    for k, read in enumerate(state.reads):
        if not read.classes_named and not read.who:
            continue
        named = asked & (read.classes_named | read.who.keys())
        by_level = {name for name, said in read.who.items()
                    if any(levels_named(who) & levels for who in said)}
        if named or by_level:
            if len(named or by_level) == 1:
                name = next(iter(named or by_level))
                found[k] = _Class(name, frozenset(t for who in read.who.get(name, ())
                                                  for t in _terms(who) if t in wanted)
                                  if not named else frozenset(), anywhere=not named)
            continue
        kinds = {name: (j, w) for j, w, name, kind in read.wherever if kind <= said_words}
        if len(kinds) == 1:
            name, (j, w) = next(iter(kinds.items()))
            found[k] = _Class(name, (read.sentence_sets[j][w] & wanted.keys()) | _anywhere(
                read.places, wanted, question), decided=True)
            continue
        if not query.placed:
            continue
        # the sentences telling one class: those naming the asker's place, and those
        # placing teachers whatever their place ("…, dù trường ở huyện nào"), if any does
        telling = {(j, w): read.classes[j][w][0] for j, parts in enumerate(read.sentences)
                   for w in range(len(parts)) if len(read.classes[j][w]) == 1}
        said = _said_places(query.placed)
        placing = {(j, w): name for (j, w), name in telling.items()
                   if _ANY_PLACE.search(read.sentences[j][w][0])
                   or _theirs(read.named_places[j][w], said)}
        # "Người học của các xã thuộc huyện Pác Nặm, Ba Bể … trước đây dự Lớp 4 …": the
        # sentence naming the asker's place sends its people to their class
        placing.update({(j, w): going for (j, w), going in read.goes.items()
                        if _theirs(read.named_places[j][w], said)})
        best: dict[str, tuple[float, int, int]] = {}
        for (j, w), name in (placing or telling).items():
            ts = read.sentence_sets[j][w]
            score = math.fsum(wanted[t] for t in ts if t in wanted)
            if score > best.get(name, (0.0, 0, 0))[0]:
                best[name] = (score, j, w)
        ranked = sorted(best.items(), key=lambda x: -x[1][0])
        if ranked and (len(ranked) == 1 or ranked[0][1][0] > ranked[1][1][0]):
            name, (_, j, w) = ranked[0]
            found[k] = _Class(name, read.sentence_sets[j][w] & wanted.keys(),
                              read.sentences[j][w][0])
    return found


# "… dự Lớp 4", "… học tại Cụm 2", "… thuộc Lớp B": where a sentence sends whom it speaks of
_GOES_TO = re.compile(r"\b(?:dự|học|học tại|học ở|tham gia|thuộc|vào)\s+((?:Lớp|Cụm|Nhóm)\s+"
                      r"(?:\d{1,2}|[A-Z])\b)")


def _goes_to(sentence: str) -> str | None:
    """The one class a sentence sends its people to ("… trước đây dự Lớp 4 được …"), if one."""
    found = {named for m in _GOES_TO.finditer(sentence) for named in named_classes(m.group(1))}
    return next(iter(found)) if len(found) == 1 else None


# a sentence about the teachers of some places, named as its subject: "Học viên có trường ở xã
# thuộc huyện Hạ Lang trước đây …", "3. Giáo viên các trường ở xã thuộc huyện Hà Quảng …"; a
# table's row of a class ("Lớp 2 — Học viên các trường ở xã, phường thuộc: …") too. A venue
# ("tại Trường …, phường Hải Châu") says where, not whose
_PLACED_GROUP = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-+•])?\s*"
                           r"(?:[^—]{1,30} — )?(?:Học viên|Giáo viên|Cán bộ quản lý|Trường|"
                           r"Các trường)[^,;:.]{0,30}?\bở (?:các )?(?:xã|phường)")
# a row's label saying it is for everyone ("Tài khoản, lỗi hệ thống (mọi khu vực)", "Hỗ trợ kỹ
# thuật chung cho các cụm"): beside the rows of classes or places, it is the asker's too
_FOR_EVERY = re.compile(r"\b(?:mọi|tất cả các|toàn bộ các|chung cho(?: (?:các|mọi|tất cả))?|"
                        r"dùng chung cho(?: các)?)\s+(?:khu vực|địa bàn|cụm|lớp|nhóm|xã|phường|"
                        r"huyện|đơn vị|trường)\b|\b(?:dùng )?chung\)", re.IGNORECASE)
# "Lớp 1 gồm cả giáo viên … của các trường phổ thông dân tộc nội trú, dù trường ở huyện nào",
# "Trường … ở bất kỳ xã, phường nào đều học cụm này": a class for some teachers whatever their
# place
_ANY_PLACE = re.compile(r"\b(?:dù|bất kể|không kể)\s+(?:trường\s+)?(?:ở|tại|thuộc)\s+(?:huyện|"
                        r"xã|phường|địa bàn|đâu|nơi)|\bkhông phân biệt\s+(?:địa bàn|huyện|xã)|"
                        r"\b(?:ở|tại|thuộc)\s+(?:bất kỳ|bất kì|mọi)\s+(?:xã|phường|huyện|"
                        r"địa bàn|nơi)", re.IGNORECASE)


# the words before a kind of school a sentence places wherever it is: "Ghi chú: …. Trường …"
_KIND_STARTS = re.compile(r".*(?:[.;:—]\s|\bgồm(?: cả)?\s)", re.DOTALL)


def _placing_kind(sentence: str) -> frozenset[str]:
    """The folded words naming a kind of school the sentence places in its class wherever
    the school is ("Trường phổ thông dân tộc nội trú trung học cơ sở ở bất kỳ xã … đều học cụm
    này"): a question naming that kind in every word ("trường PTDTNT THCS Quan Hóa") is of a
    school of that class. Empty for a sentence placing none."""
    found = _ANY_PLACE.search(sentence)
    if found is None:
        return frozenset()
    kind = _KIND_STARTS.sub("", sentence[:found.start()])
    named = frozenset(f for w in words(kind, limit=None)
                      if (f := fold_word(w)) and not is_filler(w, f))
    return named if len(named) >= _KIND_LEAST else frozenset()


_KIND_LEAST = 3  # words naming a kind of school, at least ("trường dân tộc nội trú")


def _anywhere(places: frozenset[tuple[str, ...]], wanted: dict[str, float], question: str
              ) -> frozenset[str]:
    """The question's terms a sentence placing the asker wherever they are covers: the
    places it names that the letter names too ("trường PTDTNT Quan Hóa"), and the class they
    guessed ("học Cụm 5 ở Bá Thước … đúng không"), which the answer corrects."""
    folded = [fold_word(w) for w in words(question)]
    guessed = {folded[i] for i in guessed_words(folded)}
    place_words = {w for name in places for w in name} | {
        f"{a} {b}" for name in places for a, b in pairwise(name)}
    return frozenset(t for t in wanted if (plain := fold_word(t.lstrip("'"))) in place_words
                     or plain in guessed or t in place_words)


def _elsewhere(places: tuple[frozenset[tuple[str, ...]], ...], placed: dict[str, float],
               former: frozenset[str] = frozenset()) -> frozenset[int]:
    """The sentences naming places, none of them where the asker says they are ("Học viên có
    trường ở xã thuộc huyện Hạ Lang …" to a teacher of the former Hà Quảng): another place's
    case. A place is the asker's when the question names a word pair of it, or its one word,
    or ``former`` holds a pair of it (the former place theirs lies in, the pairs of where
    they told they are)."""
    said = _said_places(placed) | former
    return frozenset(w for w, named in enumerate(places) if named and not _theirs(named, said))


def _former(query: _Query) -> frozenset[str]:
    """The word pair of the former place the asker says theirs lies in ("Kiên Giang" of "xã
    Tân Hiệp (Kiên Giang cũ)", "Bến Tre" of "huyện Mỏ Cày Nam cũ (Bến Tre)"): a passage
    speaking to it speaks to them, though it does not name their commune."""
    said = _said_places(query.placed)
    return query.former | {t for t in said if " " in t and f"{t.split()[1]} cu" in said}


def _said_places(placed: dict[str, float]) -> frozenset[str]:
    """The folded words and word pairs of where the asker says they are."""
    return frozenset({t.lstrip("'") for t in placed} | {fold_word(t.lstrip("'")) for t in placed})


def _theirs(named: frozenset[tuple[str, ...]], said: frozenset[str]) -> bool:
    """Whether one of these places is the asker's: the question names a word pair of it, or
    its one word."""
    return any(any(f"{a} {b}" in said for a, b in pairwise(name))
               or (len(name) == 1 and name[0] in said) for name in named)


def _by_rules(rules: tuple[tuple[str, str], ...], question: str, asked: Keys
              ) -> tuple[Keys, list[str]]:
    """The question's keys as a letter with these rules reads them (``group_rule``), and
    the letter's sentences that changed them."""
    keys, why = asked, list[str]()
    for rule, sentence in rules:
        read = by_rule(rule, question, keys)
        if read != keys:
            keys, why = read, [*why, sentence]
    return keys, why


# where a sentence the splitter keeps whole ("… như bảng tại mục 2. Cán bộ quản lý …") ends
_STATEMENT = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])")


def _headings(passages: tuple[Passage, ...], at: int,
              sections: dict[tuple[str, ...], list[int]]) -> list[str]:
    """The headings a passage stands under, in full, and the sentence leading its list: a
    reader reads "b) Trường trung học cơ sở cử 03 giáo viên" under "1. Đối tượng và số
    lượng" and "Mỗi trường cử giáo viên tham gia theo số lượng sau:" as one statement, and a
    heading the path shortens ("Điều chỉnh một số nội dung của Công văn số…") still names
    what it is about in full."""
    path = passages[at].path
    found: list[str] = []
    for depth in range(1, len(path) + 1):
        prefix = path[:depth]
        # the passages of that section before this one: its first line is its heading, and
        # the last line of the last one, when it ends on ":", leads the items that follow
        own = [passages[k] for k in sections.get(prefix, ()) if k <= at]
        first = own[0].text.split("\n", 1)[0] if own else ""
        shortened = prefix[-1].endswith("…") and first.startswith(prefix[-1][:-1])
        found.append(first if shortened and own[0] is not passages[at] else prefix[-1])
        if own and depth < len(path):
            last = own[-1].text.rsplit("\n", 1)[-1]
            if last.rstrip().endswith(":") and last != first:
                found.append(last)
    # a section cut in two where its table starts: the line ending the part before on ":"
    # ("Người phụ trách theo khu vực (về danh sách, chuyển lớp) như sau:") leads the rows
    before = passages[at - 1] if at else None
    if before is not None and before.path == path and path:
        last = before.text.rsplit("\n", 1)[-1]
        if last.rstrip().endswith(":") and last not in found:
            found.append(last)
    return found


# "Công văn số 318/SGDĐT-GDTrH (ngày …) về việc đăng ký giáo viên …": what another
# document is about, as the letter describes it
_DESCRIBED = re.compile(r"\bsố\s+(\d{1,5}/[\w&-]+)[^.;:]{0,40}?\s(?:về việc|v/v)\s+([^.;:]+)",
                        re.IGNORECASE)
_DOCUMENT_NUMBER = re.compile(r"\b(\d{1,5}/[\w&-]+)")


def _described(passages: tuple[Passage, ...]) -> dict[str, str]:
    """The documents the letter names with what they are about, by number."""
    return {m.group(1).lower(): m.group(2) for p in passages
            for m in _DESCRIBED.finditer(p.text)}


def _about(headings: list[str], described: dict[str, str]) -> list[str]:
    """Headings, each followed by what a document it names is about: a section "Điều chỉnh
    một số nội dung của Công văn số 318/…" speaks of that letter's matter ("đăng ký giáo viên
    tham gia bồi dưỡng …"), as the letter described it, though its items only say "thời hạn
    đăng ký được lùi …"."""
    if not described:
        return headings
    return [part for heading in headings
            for part in (heading, *(described[n] for n in dict.fromkeys(
                m.lower() for m in _DOCUMENT_NUMBER.findall(heading)) if n in described))]


_ADDRESSED = re.compile(r"^Kính gửi\s*:?\s*(.*)$", re.IGNORECASE)
_LEVELS = ("mầm non", "tiểu học", "thcs", "thpt", "gdtx")


def _addressed_levels(letter: Letter) -> list[str]:
    """The school levels the letter is sent to ("Kính gửi: … Các trường THPT, THCS&THPT"):
    it speaks to their teachers, so "gv thpt học trực tuyến bao nhiêu tiết" is asked of its
    sections though they never repeat the level. Only the levels: the addressees' other
    words (Ủy ban nhân dân, Phòng…) say who forwards the letter, not what it is about."""
    lines = [line for p in letter.passages if not p.path for line in p.text.split("\n")]
    start = next((k for k, line in enumerate(lines) if _ADDRESSED.match(line)), None)
    if start is None:
        return []
    first = _ADDRESSED.match(lines[start])
    block = [first.group(1) if first else ""]
    for line in lines[start + 1:]:
        if not line.lstrip().startswith(("-", "+", "•")):
            break
        block.append(line)
    text = f" {' '.join(words(' '.join(block), limit=None))} "
    return [level for level in _LEVELS if f" {level} " in text]


def _called(letter: Letter) -> str:
    """What teachers call the document, in Vietnamese: "công văn", "kế hoạch" (its number's
    code says which). "công văn rà soát … đăng trên website nào" names the letter so."""
    return translator("vi").gettext(document_kind(letter.meta.number))


_PROVINCIAL = re.compile(r"^(?:Sở GD&ĐT|UBND)\s+")


def _unit(issuer: str) -> str:
    """What the people of a Sở's province call it: "tỉnh" ("thành phố" for a city). A Sở's
    letter is its province's rule, so "tỉnh cần chọn bao nhiêu cốt cán" asks what it says,
    though its sentences name the province only in addresses."""
    place = _PROVINCIAL.sub("", issuer.strip()) if _PROVINCIAL.match(issuer.strip()) else ""
    found = provinces.province(place) if place else None
    return "" if found is None else "thành phố" if found.is_city else "tỉnh"


_CLAUSE = re.compile(r"(?<=[.;!?])\s+")
_ANNEX_NAMED = re.compile(r"\bphụ lục\b(?:\s*(?:số\s*)?([IVX]+\b|\d{1,2}[a-z]?\b))?",
                          re.IGNORECASE)


def _changing(passages: tuple[Passage, ...], sentences: list[list[tuple[str, bool]]],
              heads: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The heading terms of each passage, a note's with those of the rule it changes for its
    case (``noted_rows.overridden``): "(5) Giáo viên của trung tâm … không nộp kế hoạch bài
    dạy; nộp …", under "Lưu ý", is about the product the section "Sản phẩm" sets."""
    texts = [s for parts in sentences for s, _ in parts]
    at = [j for j, parts in enumerate(sentences) for _ in parts]
    out = list(heads)
    for j, parts in enumerate(sentences):
        for sentence, _ in parts:
            for k in overridden(sentence, texts):
                if at[k] != j and passages[at[k]].path != passages[j].path:
                    out[j] = tuple(dict.fromkeys((*out[j], *heads[at[k]])))
    return out


def _table_lead(passages: tuple[Passage, ...], sentences: list[list[tuple[str, bool]]],
                at: int) -> list[str]:
    """For a passage going on with a table cut after some rows, the sentence leading the
    table ("Phần trực tiếp là 01 ngày thực hành …, theo lịch dưới đây"): it says what every
    row's dates are, as a heading does, though the rows are quoted without it."""
    if not sentences[at] or not is_row(sentences[at][0][0]):
        return []
    for k in range(at - 1, -1, -1):
        if passages[k].path != passages[at].path or not sentences[k] or not is_row(
                sentences[k][-1][0]):
            return []
        prose = [s for s, _ in sentences[k] if not is_row(s)]
        if prose:
            return prose[-1:] if _SCHEDULE_BELOW.search(fold(prose[-1])) else []
    return []


# "… theo lịch dưới đây", "… theo bảng sau": a sentence leading a schedule whose rows are
# all it speaks of (a lead "… như sau:" may list what only some of the rows are for)
_SCHEDULE_BELOW = re.compile(r"\b(?:duoi day|sau day|(?:lich|bang) (?:sau|duoi))\b")


def _pointing(passages: tuple[Passage, ...], sentences: list[list[tuple[str, bool]]],
              annex: Passage) -> list[str]:
    """The letter's sentences that send the reader to this annex ("nếu có vướng mắc, liên hệ
    các đầu mối tại Phụ lục kèm theo"): they say what the annex is for, as a heading would,
    so a question in their words ("vướng mắc thì liên hệ ai") reaches the annex's rows."""
    if not annex.section.startswith("phụ lục"):
        return []
    number = annex.section.removeprefix("phụ lục").strip().upper()
    return [clause for passage, parts in zip(passages, sentences, strict=True)
            if not passage.section.startswith("phụ lục")
            for sentence, _ in parts
            for clause in _CLAUSE.split(sentence)  # "… trước ngày 25/4/2027. Mỗi cụm …"
            if any((found.group(1) or "").lstrip("0").upper() in ("", number)
                   for found in _ANNEX_NAMED.finditer(clause))][:_POINTING]


# "Câu 8. Phòng … hỏi: …?" then "Trả lời: …": a letter answering the schools' questions,
# item by item
_QUESTION_ITEM = re.compile(r"^\s*(?:Câu hỏi|Câu|Hỏi)\s*(\d{1,3})?\s*[.:)]", re.IGNORECASE)
_ANSWER_LINE = re.compile(r"^\s*(?:Trả lời|Đáp|Giải đáp)\s*:", re.IGNORECASE)


def _answered(passages: tuple[Passage, ...], at: int) -> list[str]:
    """The question a passage opening with its answer ("Trả lời: …") replies to, when the
    letter's question ends the passage before: the two are one item to a reader, though the
    letter was cut between them, and the answer is about what the question asks."""
    if not at or not _ANSWER_LINE.match(passages[at].text):
        return []
    before = passages[at - 1]
    last = before.text.rsplit("\n", 1)[-1]
    asks = _QUESTION_ITEM.match(last) or last.rstrip().endswith("?")
    return [last] if before.path == passages[at].path and asks else []


_MOVES = re.compile(r"\b(?:kéo dài|gia hạn|lùi|dời|điều chỉnh|thay đổi)\b", re.IGNORECASE)
_SECTION_NAMED = re.compile(r"\bmục\s+(\d+)", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def _moved(sentences: list[list[tuple[str, bool]]]) -> dict[str, tuple[str, ...]]:
    """The letter's own sentences that move a date set in another of its sections ("thời hạn
    nộp kế hoạch tại mục 2 được kéo dài đến hết ngày …"), by the section they name: a
    passage of that section quoted for its date is quoted with them first."""
    moved: dict[str, list[str]] = {}
    for parts in sentences:
        for sentence, _ in parts:
            if _MOVES.search(sentence) and _DATE.search(sentence):
                for section in dict.fromkeys(_SECTION_NAMED.findall(sentence)):
                    moved.setdefault(section, []).append(sentence)
    return {k: tuple(v) for k, v in moved.items()}


# an item that cancels something: "1. Không tổ chức Lớp 4 (…)", "Bỏ đợt 2", "Hoãn buổi …"
_CANCELS = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[a-zđ]\)\s*|[-+•]\s*)?(?:không tổ chức|không mở|bỏ|"
                      r"hủy|huỷ|hoãn|dừng)\b", re.IGNORECASE)


def _instead(passages: tuple[Passage, ...], sentence_terms: list[tuple[tuple[str, ...], ...]]
             ) -> dict[int, str]:
    """For each item cancelling something ("1. Không tổ chức Lớp 4"), the next item of the
    same section naming the same thing ("2. Giáo viên của Lớp 4 học cùng ngày với Lớp 3 …"):
    one asking whether it still goes on needs to know where they go instead."""
    found: dict[int, str] = {}
    for j, (p, after) in enumerate(pairwise(passages)):
        if p.path[:-1] != after.path[:-1] or not p.path or not _CANCELS.match(p.text):
            continue
        named = {t for t in sentence_terms[j][0] if " " in t}
        if sentence_terms[j + 1] and named.intersection(sentence_terms[j + 1][0]):
            found[j] = after.text
    return found


@dataclass(frozen=True, slots=True)
class _State:
    """Everything a search reads, built aside and swapped in at once, so a search running
    while a letter is added (in a worker thread) sees the old index or the new, never half."""

    passages: list[tuple[Letter, Passage]]
    owner: np.ndarray  # passage -> position of its letter in ``letters``
    letters: list[Letter]
    reads: list[_Read]
    at: list[tuple[int, int]]  # passage -> (letter position, passage within the letter)
    idf: dict[str, float]
    max_idf: float
    postings: Postings
    # term -> which letters' issuer and subject hold it (a mark per letter, read by position)
    context_of: dict[str, np.ndarray]
    speller: SpellFixer
    people: frozenset[str]  # every given name the letters use for a person
    issuers: list[str]  # each letter's issuer as a padded ``place_key``, for ``_speaks_for``
    places: frozenset[tuple[str, ...]] = frozenset()  # the places the letters name
    # a former district's word pair -> its former province's, as the letters say (``_Read``)
    provinces: dict[str, frozenset[str]] = field(default_factory=dict)
    apart: dict[str, np.ndarray] = field(default_factory=dict)  # ``_apart``, as questions ask
    # the names of the sites the letters give ("taphuan" of https://taphuan.nghean.edu.vn):
    # what teachers call the system they learn on (``_sites``)
    sites: frozenset[str] = frozenset()
    # an amended letter's position -> its sentences (passage, sentence) a newer loaded letter
    # changes -> (that letter's position, its passage saying so), ``amended.changed``
    changed: dict[int, dict[tuple[int, int], tuple[tuple[int, int], ...]]] = field(
        default_factory=dict)
    amending: dict[int, int] = field(default_factory=dict)  # newer's position -> older's
    # the figures of the numbers of letters a loaded one replaces (``replaced_numbers``)
    replaced: frozenset[str] = frozenset()
    # a word folded -> the letters' words folding to it, with their marks ("truong" ->
    # "trường", "trương"), commonest first: what a word typed with marks dropped meant
    marked: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _marked(idf: dict[str, float]) -> dict[str, tuple[str, ...]]:
    """Each folded word -> the letters' words with marks folding to it, commonest first."""
    found: dict[str, list[str]] = {}
    marked = [t for t in idf if t.startswith("'") and " " not in t]
    for term in sorted(marked, key=lambda t: idf[t]):
        found.setdefault(fold_word(term[1:]), []).append(term[1:])
    return {f: tuple(ws) for f, ws in found.items()}


# words typed with marks that no letter uses, each a letter's word with a mark dropped: at
# least two, and a third of the words typed with marks: a message typed so ("tôi đi dư 4 buôi
# ơ trương cach …") drops marks throughout; a well-typed one has a name or two that read so
# ("Diên Khánh": "điền"), among many words the letters use
_DROPPED_MARKS = 2
_DROPPED_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]+")


def _drops_marks(state: _State, question: str) -> bool:
    """Whether ``question`` is typed with marks dropped throughout: many of its words typed
    with marks are no letter's word, and each is a letter's word with a mark left out
    ("buôi" for "buổi", "trương" for "trường"). Such a word alone is the word meant
    ("lương", a salary, is never "lượng"); so is a pronoun, a filler or a question word."""
    marked = dropped = 0
    for w in _WORD.findall(question.lower()):  # as typed: a mark is never an abbreviation's
        f = fold_word(w)
        if w == f or is_filler(w, f) or is_question_word(w, f):
            continue
        marked += 1
        dropped += "'" + w not in state.idf and any(
            marks_dropped(w, m) for m in state.marked.get(f, ()))
    return dropped >= _DROPPED_MARKS and dropped >= _DROPPED_SHARE * marked


def _build(letters: list[Letter], reads: list[_Read]) -> _State:
    amending = amended(letters)
    # an amendment's subject names only the letter it changes ("V/v điều chỉnh Công văn số
    # …"): its items speak of the older letter's matter, in the older letter's words
    reads = [replace(r, context=r.context | reads[amending[k]].context) if k in amending else r
             for k, r in enumerate(reads)]
    passages = [(letter, p) for letter in letters for p in letter.passages]
    at = [(k, j) for k, letter in enumerate(letters) for j in range(len(letter.passages))]
    counts = [c for r in reads for c in r.counts]
    n = len(passages)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    context_of: dict[str, list[int]] = {}
    for k, r in enumerate(reads):
        for t in r.context:
            context_of.setdefault(t, []).append(k)
            df.setdefault(t, 1)  # known words, if only from a subject
    idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in df.items()}
    lengths = [sum(c.values()) for c in counts]
    avg = (sum(lengths) / n if n else 1.0) or 1.0
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, c in enumerate(counts):
        norm = _K1 * (1 - _B + _B * lengths[i] / avg)
        for t, k in c.items():
            ids, ws = postings.setdefault(t, ([], []))
            ids.append(i)
            ws.append(idf[t] * k * (_K1 + 1) / (k + norm))
    vocab = {t: k for t, k in df.items() if " " not in t and not t.startswith("'")}
    changes: dict[int, dict[tuple[int, int], tuple[tuple[int, int], ...]]] = {}
    for k, o in amending.items():
        new, old = reads[k], reads[o]
        for at_old, items in changed(letters[k], new.sentences, new.sentence_terms, letters[o],
                                     old.sentences, old.sentence_sets,
                                     lambda t: idf.get(t, 0.0), new.context | old.context
                                     ).items():
            changes.setdefault(o, {})[at_old] = (
                *changes.get(o, {}).get(at_old, ()), *((k, j) for j in items))
    return _State(
        passages, np.array([k for k, _ in at], dtype=np.int32), letters, reads, at, idf,
        math.log(1 + (n + 0.5) / 0.5) if n else 1.0,
        freeze(postings, np.float32),
        {t: np.isin(np.arange(len(letters)), ks) for t, ks in context_of.items()},
        SpellFixer.build(vocab, (t for t in df if " " in t), FILLERS),
        frozenset().union(*(people for r in reads for people in r.people)),
        [f" {place_key(letter.meta.issuer)} " for letter in letters],
        frozenset().union(*(r.places for r in reads)),
        provinces={pair: frozenset().union(*(r.provinces.get(pair, ()) for r in reads))
                   for pair in {p for r in reads for p in r.provinces}},
        sites=_sites(p.text for _, p in passages),
        changed=changes, amending=amending, marked=_marked(idf),
        replaced=frozenset().union(*map(replaced_numbers, letters)))


_SITE = re.compile(r"https?://([\w.-]+)", re.IGNORECASE)
_DOMAIN_WORDS = frozenset({"www", "edu", "gov", "vn", "com", "org", "net", "moet"})


def _sites(texts: Iterable[str]) -> frozenset[str]:
    """The first label of each site's address the texts give ("taphuan" of
    https://taphuan.nghean.edu.vn): "tk taphuan bị lỗi" names the system by it."""
    return frozenset(label for text in texts for m in _SITE.finditer(text)
                     if (label := fold(m.group(1).split(".", 1)[0])) not in _DOMAIN_WORDS)


class LetterIndex:
    """The loaded letters' passages. A removed letter is never quoted again from the moment
    ``remove`` is called, even while the statistics are being recounted."""

    def __init__(self, letters: Iterable[Letter] = ()) -> None:
        self._letters: dict[int, Letter] = {}
        self._reads: dict[int, _Read] = {}
        self._hidden: frozenset[int] = frozenset()
        self._lock = threading.Lock()  # one rebuild at a time; searches never wait
        # questions read, and their passages' scores, against the state they were read on: a
        # message's asks and the message itself are read one after another, and again
        self._queries: dict[tuple[str, frozenset[str]], tuple[_State, _Query]] = {}
        self._covers: dict[tuple[str, frozenset[str]],
                           tuple[_State, frozenset[int], Any, Any]] = {}
        self._found: dict[tuple[str, frozenset[str], int, float],
                          tuple[_State, frozenset[int], tuple[Quote, ...]]] = {}
        # each passage's window for a question (``_window``) and what it covers
        self._windows: dict[tuple[str, frozenset[str]], dict[int, Any]] = {}
        # what the asker told of their case beside the ask being answered (``told``), set by
        # the engine while it answers each ask of a message
        self.story: frozenset[str] = frozenset()
        self.replace(letters)

    @property
    def letters(self) -> list[Letter]:
        return sorted((x for x in self._letters.values() if x.id not in self._hidden),
                      key=lambda letter: letter.id)

    def __len__(self) -> int:
        return len(self._letters.keys() - self._hidden)  # asked for every question: no sort

    @property
    def people(self) -> frozenset[str]:
        """The given names of everyone the loaded letters name (folded)."""
        return self._state.people

    def add(self, letter: Letter) -> None:
        self._rebuild({**self._letters, letter.id: letter})

    def remove(self, letter_id: int) -> bool:
        found = letter_id in self._letters and letter_id not in self._hidden
        if found:
            self._hidden = self._hidden | {letter_id}
            self._rebuild({k: v for k, v in self._letters.items() if k != letter_id})
        return found

    def replace(self, letters: Iterable[Letter]) -> None:
        self._rebuild({letter.id: letter for letter in letters})

    def _rebuild(self, chosen: dict[int, Letter]) -> None:
        with self._lock:
            ordered = sorted(chosen.values(), key=lambda letter: letter.id)
            reads = {x.id: self._reads[x.id] if self._letters.get(x.id) == x else _read(x)
                     for x in ordered}
            self._state = _build(ordered, [reads[x.id] for x in ordered])
            self._letters, self._reads = chosen, reads
            self._hidden = self._hidden & frozenset(chosen)

    # -- answering ---------------------------------------------------------------------

    def as_meant(self, question: str) -> str:
        """``question`` as its asker meant it: typed with marks dropped throughout ("đi dư 4
        buôi ơ trương cach …"), its marks are read as none were typed, as the letters' words
        are then found (``_drops_marks``); any other question as typed."""
        state = self._state
        if not state.passages or not isinstance(question, str) or not _drops_marks(
                state, question):
            return question
        return strip_diacritics(question)

    def matter_terms(self, quote: Quote) -> frozenset[str]:
        """The terms of a contact's quote with those of each section its label names by the
        section's heading: "Về kinh phí hỗ trợ, chứng từ thanh toán: bà …" is whom to ask of
        what "5. Kinh phí hỗ trợ" sets out ("tiền đi lại 100.000 đồng một buổi")."""
        labels = [fold(m.group(1)) for m in _LABELLED.finditer(quote.text)]
        texts = [quote.text]
        for p in quote.letter.passages:
            name = fold(_NUMBERED.sub("", p.path[0])) if p.path else ""
            if len(name.split()) >= 2 and any(name in label for label in labels):
                texts.append(p.text)
        return frozenset(_terms("\n".join(texts)))

    def cover(self, question: str, terms: frozenset[str]) -> float:
        """The share of the question's content a text with these ``terms`` (see ``terms``)
        covers, measured as a passage's: entries and passages compete on this one scale."""
        state = self._state
        if not state.passages or not isinstance(question, str):
            return 0.0
        query = self._query(state, question)
        query = query.whole or query
        if not query.content:
            return 0.0
        return _coverage(state, query, terms.__contains__)

    def sentences_of(self, letter: Letter) -> list[str]:
        """A loaded letter's sentences, a table's row one each, in the letter's order."""
        state = self._state
        k = next((k for k, known in enumerate(state.letters) if known is letter), None)
        return [] if k is None else list(state.reads[k].every)

    def tables_of(self, letter: Letter) -> tuple[Table, ...]:
        """A loaded letter's tables of figures (``row_sums.tables``), read when it was."""
        state = self._state
        k = next((k for k, known in enumerate(state.letters) if known is letter), None)
        return () if k is None else state.reads[k].tables

    def content_words(self, question: str) -> int:
        """How many words of ``question`` say what it is about, as the letters weigh them
        (its pronouns, question words and the asker's own amounts left out)."""
        return len(self._query(self._state, question).content)

    def knows(self, term: str) -> bool:
        """Whether a loaded letter uses this folded word or word pair."""
        return term in self._state.idf

    def repaired(self, word: str) -> str:
        """A folded word of a question as the letters read it: "tragn" is their "trang"."""
        return self._state.speller.fix(word) or word

    def reads_alike(self, one: str, other: str) -> bool:
        """Whether two wordings are the same question to the letters."""
        state = self._state
        return not state.passages or self._query(state, one) == _query(state, other)

    def _query(self, state: _State, question: str) -> _Query:
        """The question read against ``state``: one question's passages and contenders are
        measured one after another, so it is read once."""
        key = (question, self.story)
        found = self._queries.get(key)
        if found is None or found[0] is not state:
            if len(self._queries) >= _QUERIES_KEPT:
                self._queries.clear()
                self._windows.clear()
            found = self._queries[key] = (state, _query(state, question, self.story))
            self._windows.pop(key, None)  # read against another state: its windows too
        return found[1]

    @staticmethod
    def _scores(state: _State, hidden: frozenset[int], question: str, query: _Query,
                asker: dict[int, _Class] | None = None
                ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Every passage's BM25 score and share of the question it covers (0 for a removed
        letter's, and for another province's when the question names one). A passage
        speaking of the asker's class (``_asker_classes``) covers what tells it."""
        scores = passage_scores(state.postings, query.terms, len(state.passages))
        if scores is None:
            return None, None
        covered = _coverage_of_all(state, query)
        if asker is None:
            asker = _asker_classes(state, query, question, question_keys(question)[0])
        for k, of in asker.items():
            if not of.credit:
                continue
            read, start = state.reads[k], int(np.searchsorted(state.owner, k))
            for j, parts in enumerate(read.classes):
                if any(of.name in names for names in parts):
                    held = of.credit.union(read.counts[j], read.context)
                    covered[start + j] = max(covered[start + j],
                                             _coverage(state, query, held.__contains__))
        former = _former(query)
        if former:  # "xã Tân Hiệp (Kiên Giang cũ)": what the letter says to Kiên Giang
            for k, read in enumerate(state.reads):
                start = int(np.searchsorted(state.owner, k))
                for j in {j for t in former for j in read.place_passages.get(t, ())}:
                    held = frozenset(query.placed).union(read.counts[j], read.context)
                    covered[start + j] = max(covered[start + j],
                                             _coverage(state, query, held.__contains__))
        if query.placed:  # "trong vòng 15 ngày kể từ ngày học … của lớp mình": a rule
            # counted from the day the letter gives the asker's place speaks to them
            said = _said_places(query.placed) | former | query.place_pairs
            for k, read in enumerate(state.reads):
                if not read.counting or _placed_days(read, said) is None:
                    continue
                start = int(np.searchsorted(state.owner, k))
                for j in read.counting:
                    held = frozenset(query.placed).union(read.counts[j], read.context)
                    covered[start + j] = max(covered[start + j],
                                             _coverage(state, query, held.__contains__))
        if hidden:
            covered[np.isin(state.owner, [k for k, x in enumerate(state.letters)
                                          if x.id in hidden])] = 0.0
        places = named_places(words(question))
        if places:  # "ở Kiên Giang": only the letters of the province the question names
            speaks = np.array([_speaks_for(issuer, places) for issuer in state.issuers],
                              dtype=bool)
            covered[~speaks[state.owner]] = 0.0
        return scores, covered

    def search(self, question: str) -> Quote | None:
        """The passage to quote for ``question``, or None when no letter covers it."""
        kind, *also = asked_values(question) or (None,)
        return choose(self.candidates(question), kind, tuple(also))

    def candidates(self, question: str, limit: int = _CANDIDATES,
                   at: float = QUOTE_AT) -> list[Quote]:
        """Passages that cover ``question``, best covered first, each with its quote.

        A passage must cover the question twice over: as a whole (with its letter's issuer
        and subject), then in the few sentences that would be quoted, so that words scattered
        over a long section never add up to an answer. A question naming a person ("thầy
        Khoa") is answered only by passages that name them, quoting the sentences that do.
        """
        state, hidden = self._state, self._hidden  # one consistent index for the whole search
        if not state.passages or not isinstance(question, str):
            return []
        asked = (question, self.story, limit, at)  # the same search again: what it found
        found_before = self._found.get(asked)
        if found_before is not None and found_before[0] is state and found_before[1] == hidden:
            return list(found_before[2])
        found = self._candidates(state, hidden, question, limit, at)
        if len(self._found) >= _QUERIES_KEPT:
            self._found.clear()
        self._found[asked] = (state, hidden, tuple(found))
        return found

    def _candidates(self, state: _State, hidden: frozenset[int], question: str, limit: int,
                    at: float) -> list[Quote]:
        query = self._query(state, question)
        if not query.content:
            return []
        key = (question, self.story)  # asked again at a lower threshold (``at``), or later
        last = self._covers.get(key)
        asked_keys = question_keys(question)
        named_units = asked_classes(question)
        asker = _asker_classes(state, query, question, asked_keys[0])
        former = _former(query)  # "xã Tân Hiệp (Kiên Giang cũ)": "kien giang"
        if last is not None and last[0] is state and last[1] == hidden:
            scores, covered = last[2], last[3]
        else:
            scores, covered = self._scores(state, hidden, question, query, asker)
            if len(self._covers) >= _COVERS_KEPT:
                self._covers.clear()
            self._covers[key] = (state, hidden, scores, covered)
        if scores is None or covered is None:
            return []
        kind, *others = asked_kinds(question) or (None,)
        also = tuple(others)
        # "cv cũ ghi 0206.3852.714 gọi ko đc": a number the asker has is not the one asked
        known = values(kind, question) if kind in _CORRECTED else frozenset()
        person = asked_person(question, state.people)
        count = counted(question)
        next_step = asks_next_step(question)
        subject = question_subject(question)
        start = asks_start(question)

        said = _said_places(query.placed) | former | query.place_pairs

        def cells(row: str) -> str:  # of a row, the column group the question names, and of
            # that, the cell of the place the asker is in
            return _place_cells(said, asked_cells(row, _terms, query.terms))
        eligible = np.flatnonzero((covered >= at) & (scores > 0))
        if person is not None and kind in _REACHING:  # the passages naming them, however worded
            naming_them = np.fromiter(
                (doc for doc, (k, j) in enumerate(state.at)
                 if person in state.reads[k].people[j] and scores[doc] > 0 and covered[doc] > 0),
                dtype=eligible.dtype)  # none named: an empty list would turn the indices float
            eligible = np.union1d(eligible, naming_them)
        found: list[Quote] = []
        naming: set[Passage] = set()  # passages saying who signs a document the question names
        windows = self._windows.setdefault((question, self.story), {})
        # the highest ranked, and the best covered: a passage covering the whole question is
        # never crowded out by a dozen longer ones repeating some of its words
        ranked = eligible[np.argsort(-scores[eligible])]
        best = eligible[np.lexsort((-scores[eligible], -covered[eligible]))][:_BEST_COVERED]
        read_docs = [*ranked[:limit], *best]
        read_docs += _same_table(state, read_docs, covered >= at)
        if kind == "website":  # "công văn … đăng trên website nào": where the letter is posted
            read_docs += _posted(state, read_docs)
        for doc in dict.fromkeys(read_docs):
            doc = int(doc)
            k, j = state.at[doc]
            read = state.reads[k]
            sentences = read.sentences[j]
            if person is not None and person not in read.people[j]:
                continue
            read_before = windows.get(doc)  # read at another threshold (``at``) before
            if read_before is None:
                # "phó hiệu trưởng trường TH&THCS": the THCS row, when the letter says so
                keys, why = _by_rules(read.rules, question, asked_keys)
                of = asker.get(k)
                sets = read.sentence_sets[j] if of is None else _class_sets(read, j, of)
                sets = _owners_left(question, sentences, sets)
                foreign = _not_theirs(read, j, of, query.placed, former | query.place_pairs)
                if why:  # the rule placing the asker's group is quoted first in any case
                    foreign |= {w for w, (sentence, _) in enumerate(sentences)
                                if any(rule in sentence for rule in why)}
                window, valued = _window(query, sentences, sets, kind,
                                         person, keys, count,
                                         partial(said_by_row, question, keys), also, known,
                                         foreign, read.items[j], read.fixers, next_step,
                                         start, subject)
                if of is not None and of.decided and set(window) <= foreign:
                    window = []  # another class's rows only: nothing of theirs
                shown = set(read.heads[j]).union(read.context, *(
                    sets[w] for w in (*window, *_leads(sentences, window))))
                for w in window:  # "hiệu trưởng trường th" asked, the managers' TH row quoted
                    if is_row(sentences[w][0]):
                        shown |= said_by_row(question, keys, sentences[w][0])
                if why and any(is_row(sentences[w][0]) for w in window):
                    shown.update(*map(_terms, why))  # the rule quoted before the row
                # the window speaks of the asker's class: it names their place, as told, and
                # a short sentence telling the class ("(1) Lớp 1 gồm cả …") says why
                classed = of is not None and any(of.name in read.classes[j][w] for w in window)
                # "báo trước ngày khai giảng lớp ít nhất 05 ngày": counted from the first day
                # of the asker's class, which the sentence setting that class out gives
                opens = of is not None and of.name in read.units and any(
                    (j, w) in read.opens for w in window)
                told_by = "" if of is None else of.told_by or (
                    read.units[of.name] if opens else "")
                classed = classed or opens
                telling = told_by if classed and len(told_by) <= _TELLING and told_by not in (
                    sentences[w][0] for w in window) else ""
                # the share of the asker's place the window names in its own words: the row
                # or rule naming their district is more theirs than one naming its province
                named = _named_share(query.placed, shown)
                if former and any(_theirs(read.named_places[j][w], former) and (
                        not kind or _holds(kind, sentences[w][0])) for w in window):
                    # it speaks to the asker's former province: with the value asked, when
                    # one is (a row of theirs giving the test's form gives no date)
                    shown |= query.placed.keys()
                    named = _NAMES_PLACE + (1 - _NAMES_PLACE) * named
                table = _table_value(read, j, window, of)
                if table:
                    shown |= table[1]
                if query.placed and j in read.counting and any(
                        counts_a_day(sentences[w][0]) for w in window) and _placed_days(
                        read, said) is not None:  # counted from the day of the asker's place
                    shown |= query.placed.keys()
                # "(2) … học ở lớp cùng cấp học của thành phố X": the row it sends them to,
                # quoted after it, says what it does not
                noted = tuple(dict.fromkeys(
                    row for w in window
                    if (row := noted_row(sentences[w][0], _rows_of(read), keys[0]))))
                if noted:  # read under its table's heading and lead
                    shown.update(*map(_terms, noted), *(
                        _under(read, at) for at, parts in enumerate(read.sentences)
                        if any(s in noted for s, _ in parts)))
                valued = valued or (bool(noted) and (kind is None or any(
                    _holds(kind, row) for row in noted)))
                read_before = windows[doc] = (keys, why, window, valued, shown, _coverage(
                    state, query, shown.__contains__), classed, telling, table, named, noted)
            (keys, why, window, valued, shown, in_window, classed, telling, table,
             named, noted) = read_before
            named = 1.0 if classed else named
            if person is not None and valued and kind in _REACHING:
                # "số điện thoại thầy Huy lo hồ sơ …": the name says whom the asker means; the
                # words around it, in the asker's own terms, only say who he is
                in_window = max(in_window, at)
            if in_window >= at and window:
                letter, passage = state.passages[doc]
                of = asker.get(k)
                text = _quote_text(sentences, window, cells if of is None else partial(
                    _class_cells, cells, of.name))
                instead = read.instead.get(j)
                if instead is not None and len(text) + len(instead) < QUOTE_CHARS:
                    text = f"{text} …\n{instead}"  # cancelled: what replaces it
                for unit in dict.fromkeys(u for w in window for u in read.sends.get((j, w), ())):
                    when = read.units.get(unit)  # "học bù cùng Lớp 7": Lớp 7's dates
                    if when is not None and when not in text and unit not in named_units and (
                            not unit.startswith(SECTION) or _tells_case(
                                query, letter.passages, unit.removeprefix(SECTION), shown)):
                        text = f"{text} …\n{when}"
                for level_row in _other_levels(read, letter.passages, j, window, keys, kind):
                    if level_row not in text and len(text) + len(level_row) < 2 * QUOTE_CHARS:
                        text = f"{text} …\n{cells(level_row)}"  # "trường THCS và THPT"
                for row in noted:
                    if row not in text:
                        text = f"{text} …\n{row}"
                reckoned = next((h for w in window if (h := read.reckoned.get((j, w)))), None)
                own = None
                if reckoned is not None:
                    # "báo Sở chậm nhất 07 ngày trước ngày học trực tiếp": the asker's own
                    # row gives that date (the row of the class they name, "lớp MN2")
                    own = own_row(read.sentences, reckoned, partial(
                        _own_fit, keys, said, asked_codes(question)))
                    if own is not None and own not in text:
                        text = f"{text} …\n{own}"
                rules = [sentences[w][0] for w in window if counts_a_day(sentences[w][0])]
                reckonings: tuple[Counted, ...] = ()
                if rules:
                    dated = own or _placed_days(read, said)  # "Giáo viên ở … thuộc tỉnh Gia
                    # Lai trước đây học từ ngày 18/01/2027 …": the asker's days, in prose
                    reckonings = counted_days(rules, _asker_days(read, question, dated))
                    if reckonings and dated is not None and dated not in text:
                        text = f"{text} …\n{dated}"
                        if own is None:  # the sentence naming the asker's place, quoted
                            named = max(named, _NAMES_PLACE + (1 - _NAMES_PLACE) * _named_share(
                                query.placed, frozenset(_terms(dated))))
                moves = read.moved.get(passage.section.split(".")[0], ())
                if moves and _DATE.search(text):  # the date the letter itself moved
                    text = " …\n".join([*(m for m in moves if m not in text), text])
                if why and any(is_row(sentences[w][0]) for w in window):
                    # why that group's row answers: the letter's own rule, first
                    text = " …\n".join([*(h for h in why if h not in text), text])
                if telling:
                    text = f"{telling} …\n{text}"
                if table and table[0] not in text:  # the value it sends the reader to the table for
                    text = f"{text} …\n{table[0]}"
                if query.whole is not None:  # scored as the entries are, on the whole message
                    in_window = _coverage(state, query.whole, shown.__contains__)
                fit = max((row_fit(keys, sentences[w][0]) for w in window
                           if is_row(sentences[w][0])), default=0)
                measured = any(t in shown for t in query.stated if t.startswith(_AMOUNT))
                days = class_days(text, read.units[of.name], read.days) if (
                    read.days and of is not None and of.name in read.units) else ()
                # a day counted for the asker is the date asked ("hạn nộp là ngày nào")
                valued = valued or (bool(reckonings) and kind in _DATED)
                found.append(Quote(letter, passage, text, in_window, valued,
                                   float(scores[doc]), fit, named, measured, days,
                                   counted=reckonings, case=max(
                                       (_case_said(query, sentences[w][0]) for w in window),
                                       default=0)))
                if kind == "signer" and any(
                        SIGNS.search(sentences[w][0]) and read.sentence_sets[j][w] & (
                            query.pairs.keys() - read.context) for w in window):
                    naming.add(passage)
        # "trường THCS và THPT" asked, a letter's table with rows for the schools up to THCS
        # and rows for high schools: a passage quoting only rows of another kind of school
        # does not answer when a passage of the same table quotes a row of theirs
        found += _leaving_out(state, question, asked_keys[0], query, scores, covered, at, found)
        if state.amending:
            found = _amended(state, windows, query, found, kind, said | former)
        theirs = {(q.letter.id, q.passage.section) for q in found if q.fit > 0}
        found = [q for q in found if q.fit >= 0 or (q.letter.id, q.passage.section) not in theirs]
        found.sort(key=lambda q: (-q.confidence, -q.rank))
        if kind != "signer":
            return found
        # "văn bản đề cử do ai ký": the sentence saying who signs the document the question
        # names, in words the letter's own number and subject do not hold; else this letter's
        return [q for q in found if q.passage in naming] or _signatures(found)


def _amended(state: _State, windows: dict[int, Any], query: _Query,
             found: list[Quote], kind: str | None, said: frozenset[str]) -> list[Quote]:
    """The newer letter wins where it speaks, the older still answers where it is silent.

    A passage of an amended letter quoted for sentences a newer loaded letter changes
    (``amended.changed``) is quoted after the newer letter's items changing them (those
    stating the kind of value asked, and covering the question about as well as the best of
    them): the new value comes first, under the newer letter's number, whatever words the
    question shares with the old text. A newer letter's item that does not name the asker's
    place ("học ngày thực hành ở cụm của trường mình") is followed by the older letter's
    line that does (the row of the asker's commune).
    """
    def own(at: tuple[int, int]) -> float:  # what a passage covers in its own words
        return _coverage(state, query, state.reads[at[0]].counts[at[1]].__contains__)

    position = {id(letter): k for k, letter in enumerate(state.letters)}
    out: list[Quote] = []
    for q in found:
        k = position.get(id(q.letter), -1)
        changes = state.changed.get(k)
        if changes and q.older is None:
            j = q.letter.passages.index(q.passage)
            seen = windows.get(int(np.searchsorted(state.owner, k)) + j)
            items = [(n, i) for n, i in dict.fromkeys(
                item for w in (seen[2] if seen else ()) for item in changes.get((j, w), ()))
                if not kind or _holds(kind, state.letters[n].passages[i].text)]
            # of what it changes, the items in their own words (not their subject's) speaking
            # of what is asked: a date moved beside the periods asked about is not the answer
            spoken = {item: own(item) for item in items}
            best = max(spoken.values(), default=0.0)
            items = [i for i in items if spoken[i] >= max(_SPEAKS_OF * own((k, j)),
                                                          best - _SAME_TOPIC)]
            if items:
                newer = state.letters[items[0][0]]
                q = replace(q, letter=newer, passage=newer.passages[items[0][1]],
                            text=" …\n".join(state.letters[n].passages[i].text for n, i in items),
                            days=(), older=q)
        out.append(q)
    if not query.placed:
        return out
    for n, q in enumerate(out):
        older_k = state.amending.get(position.get(id(q.letter), -1))
        if older_k is None or q.older is not None or q.named >= _NAMES_PLACE:
            continue
        read, letter = state.reads[older_k], state.letters[older_k]
        theirs = [(j, w) for j, places in enumerate(read.named_places)
                  for w, named in enumerate(places) if _theirs(named, said)]
        if len({j for j, _ in theirs}) == 1:  # one line of the older letter is the asker's
            j, w = theirs[0]
            out[n] = replace(q, older=Quote(letter, letter.passages[j], read.sentences[j][w][0],
                                            q.confidence, named=1.0))
    return out


def _leaving_out(state: _State, question: str, levels: frozenset[str], query: _Query,
                 scores: np.ndarray, covered: np.ndarray, at: float, found: list[Quote]
                 ) -> list[Quote]:
    """"Tôi dạy trường THPT, có đăng ký khóa này được không": the letter's sentence leaving
    the asker's kind of school out answers, however few of the question's other words it
    repeats, when the question speaks of the letter's subject (two of its word pairs)."""
    if not levels or not asks_may(question):
        return []
    quoted = {q.passage for q in found}
    extra: list[Quote] = []
    for k, read in enumerate(state.reads):
        if not read.leaves_out:
            continue
        subject = _terms(state.letters[k].meta.subject)
        if len(query.pairs.keys() & {t for t in subject if " " in t}) < _ON_SUBJECT:
            continue
        start = int(np.searchsorted(state.owner, k))
        for j, said, out in read.leaves_out:
            doc = start + j
            letter, passage = state.passages[doc]
            if not levels <= out or covered[doc] < _LEFT_OUT_AT or scores[doc] <= 0 or (
                    passage in quoted):
                continue
            quoted.add(passage)
            extra.append(Quote(letter, passage, said, max(at, QUOTE_AT),
                               True, float(scores[doc])))
    return extra


def _same_table(state: _State, docs: Iterable[Any], eligible: np.ndarray) -> list[int]:
    """The passages next to these that go on with the same table: a long table is cut into
    passages of a few rows, and the row of the group asked may be in the one that shares
    fewer of the question's words with the rows about other groups."""
    found: list[int] = []
    for doc in docs:
        k, j = state.at[int(doc)]
        rows = state.reads[k].rows
        if not rows[j]:
            continue
        section = state.letters[k].passages[j].section
        for step in (-1, 1):
            near = j + step
            while (0 <= near < len(rows) and rows[near]
                   and state.letters[k].passages[near].section == section):
                if eligible[int(doc) + near - j]:
                    found.append(int(doc) + near - j)
                near += step
    return found


def _posted(state: _State, docs: Iterable[Any]) -> list[int]:
    """The recipients' lines ("Website: www…") of the letters these passages are from: a
    letter posted on a website names it there, under "Nơi nhận", far from the words a
    question about the letter shares with its body."""
    found: list[int] = []
    for k in dict.fromkeys(int(state.owner[int(doc)]) for doc in docs):
        start = int(np.searchsorted(state.owner, k))
        found += [start + j for j, p in enumerate(state.letters[k].passages)
                  if p.path == RECIPIENTS]
    return found


def _signatures(found: list[Quote]) -> list[Quote]:
    """For "ai ký kế hoạch …": the signature of each document the passages found are from.
    The question names the document by its subject, which every passage of it shares; the
    answer is the name under its closing titles, wherever the words matched."""
    signed: dict[Passage, Quote] = {}
    for quote in found:
        passage = next((p for p in quote.letter.passages if p.path == SIGNED
                        and p.document == quote.passage.document), None)
        if passage is not None and passage not in signed:
            signed[passage] = replace(quote, passage=passage, text=passage.text,
                                      holds_value=True)
    return list(signed.values()) or found


def _speaks_for(issuer: str, places: frozenset[str]) -> bool:
    """Whether a letter's issuer (its ``place_key``, padded with spaces) names a place."""
    return any(f" {place} " in issuer for place in places)


def choose(found: list[Quote], kind: str | None = None,
           also: tuple[str, ...] = ()) -> Quote | None:
    """Of passages that cover the question about as well, the one holding the value asked for
    (and the ``also`` asked beside it: "ở đâu, từ ngày nào"), then the newest letter's: it
    replaces what an older one said. Within one letter, the row or line naming the asker's
    place (``Quote.named``: "xã … trước thuộc huyện Yên Phong"), then the one stating a
    threshold in the unit of the asker's own amount (``Quote.measured``: "từ 28 lớp trở lên"
    for "trường có 30 lớp"), then the row of the level and group asked (``Quote.fit``), not
    the paragraph above the table sharing as many of the question's common words; then the
    passage whose quote covers the question best. For any value asked (a date, a count, a
    phone…), only passages stating one compete, if any does: a passage covering more of the
    question's words without the value does not answer it."""
    if not found:
        return None
    if also:  # of the values asked beside the first, the passages stating the most
        held = [sum(_holds(k, q.text) or (bool(q.counted) and k in _DATED) for k in also)
                if q.holds_value else -1 for q in found]
        found = [q for q, n in zip(found, held, strict=True) if n == max(held)]
    if kind:
        found = [q for q in found if q.holds_value] or found
        # "trường em ở xã …, trước thuộc huyện … học ngày nào": the line naming the asker's
        # place gives their date or venue, over one covering more of the question with no
        # place or another's; what else they ask ("có phải đi học không") is no place's
        found = [q for q in found if q.named >= _NAMES_PLACE] or found
    if kind == "contact" and found[0].holds_value:
        # whom to contact is the Sở's staff of the year: the newest letter's contact for the
        # matter replaces an older letter's, as every letter names its own
        return max(found, key=lambda q: (q.letter.meta.day, q.confidence, q.rank))
    best = max(q.confidence for q in found)
    near = [q for q in found if q.confidence >= best - _SAME_TOPIC]
    return max([q for q in near if q.holds_value] or near,
               key=lambda q: (q.letter.meta.day, q.named, q.measured, q.case, q.fit,
                              q.confidence, q.rank))


# how a question cites a letter by its number: "theo công văn 2948", "trong cv số 1520 …"
_DOCUMENT_WORDS = (("cong", "van"), ("van", "ban"), ("ke", "hoach"), ("thong", "bao"),
                   ("quyet", "dinh"), ("huong", "dan"), ("cv",), ("kh",))
_CITING = frozenset({"theo", "trong", "tai", "o"})  # "theo", "trong", "tại", "ở" before it


def _citing(folded: list[str], clause_ends: Sequence[int] = (),
            replaced: frozenset[str] = frozenset()) -> frozenset[int]:
    """Positions of the words citing a letter by its number as the asker's source ("theo công
    văn 2948 thì …"): which letter the asker has read, not what they ask; a passage of it
    covers them, one of the letter amending it (which need not repeat the number) loses
    nothing. A letter named as the subject ("công văn 2217 điều chỉnh công văn nào") is asked
    about, and stays what the passage must speak of. A letter a loaded one replaces, cited in
    a clause before the ask ("công văn 3296 ghi hạn là 25/10, giờ hạn chót là ngày nào"), is
    the old rule the asker has read: that whole clause is their story (``clause_ends``: where
    each clause of the question ends, in words)."""
    found: set[int] = set()
    for i in range(len(folded)):
        name = next((w for w in _DOCUMENT_WORDS if tuple(folded[i:i + len(w)]) == w), None)
        if name is None:
            continue
        end = i + len(name) + (folded[i + len(name):i + len(name) + 1] == ["so"])
        if end >= len(folded) or len(folded[end]) < 3 or not folded[end].isdigit():
            continue
        if i > 0 and folded[i - 1] in _CITING:
            found.update(range(i - 1, end + 1))
        elif folded[end] in replaced:
            start = max((e for e in (0, *clause_ends) if e <= i), default=0)
            stop = next((e for e in clause_ends if e > end), len(folded))
            if stop < len(folded):  # a further clause asks
                found.update(range(start, stop))
    return frozenset(found)


_CLAUSE_MARK = re.compile(r"[,;:?!]|\.(?=\s|$)")


def _clause_ends(question: str, count: int, read: Callable[[str], list[str]]) -> list[int]:
    """Where each clause of ``question`` ends, in its ``count`` words (``read`` reads them);
    none when its clauses, read one by one, do not add up to its words."""
    ends: list[int] = []
    for clause in _CLAUSE_MARK.split(question):
        ends.append((ends[-1] if ends else 0) + len(read(clause)))
    return ends if ends and ends[-1] == count else []


def _query(state: _State, question: str, told: frozenset[str] = frozenset()) -> _Query:
    accented = words(question, pairs=state.speller.bigrams)
    folded = [fold_word(w) for w in accented]
    repaired = False
    # "huyen gia loc cu": a former district's name is no typo of the letters' words ("học")
    districts = district_spans(folded)
    named = {k for i, j, _ in districts if j - i > 1 for k in range(i, j)}
    for i, f in enumerate(folded):
        if i in named:
            continue
        if is_mistyped(accented[i], f):  # "hệ thốg", "đơt học": marks that chose no word
            accented[i] = f
        # a word typed with its marks ("chấm") is the word meant, not a typo of a name's; a
        # question word ("lớp nao") is the asking, which a letter need not use, no typo
        if f and accented[i] == f and not is_filler(accented[i], f) \
                and not is_question_word(accented[i], f):
            fixed = state.speller.fix(f, folded[i - 1] if i else "",
                                      folded[i + 1] if i + 1 < len(folded) else "")
            if fixed:
                folded[i] = accented[i] = fixed
                repaired = True
    if repaired:  # "hco bù": the repaired word reads its phrase as the letters word it
        accented = reread(accented)
        folded = [fold_word(w) for w in accented]
    # "vắng" is not "vâng": a word that is a filler only once folded counts when a letter
    # uses it as typed; otherwise ("rối" for "rồi") it is taken for the filler, mistyped
    exam = exam_words(accented, folded)  # "thi tuyển": an exam, not "thì"
    pronouns = teacher_pronouns(question, accented, state.people)  # "thầy … thì thầy có …"
    # "em dạy ở một xã thuộc huyện Hữu Lũng cũ": where the asker is; a passage naming it ranks
    # first, one answering the rest of the question without it still answers. A name is kept
    # though a word of it reads as a filler ("huyen luc nam": "lúc"); "trước thuộc" is dropped
    placed = former_places(accented, folded, state.idf.__contains__) | _located(
        state.places, folded) | wards_named_as_districts(folded)
    # "học Cụm 5 ở Bá Thước cho gần đúng không": the class the asker guesses, and its place,
    # are what the answer confirms or corrects, neither told nor asked: a passage holding them
    # covers more, one lacking them no less, as with the asker's story (``told``)
    guessed = guessed_words(folded) | _citing(folded, _clause_ends(
        question, len(folded), partial(words, pairs=state.speller.bigrams)) if state.replaced
        else (), state.replaced)
    placed -= guessed
    within = _within(state.places, folded, placed)
    placed |= within
    former = frozenset(f"{folded[i]} {folded[i + 1]}" for i in within if i + 1 in within)
    place_pairs = frozenset(f"{folded[i]} {folded[i + 1]}" for i in placed
                            if i + 1 in placed and i + 1 < len(folded))
    # "xã thuộc huyện Chợ Lách cũ": the province the letters place that district in
    former |= {t for pair in place_pairs for t in state.provinces.get(pair, ())}
    former |= _district_province(state, folded, placed)
    framing = former_frames(accented)
    # "học sinh lớp 12": a grade is its pupils, and a letter's table of grades says "Lớp 12"
    pupils = frozenset(k for i in range(len(folded) - 3)
                       if folded[i:i + 3] == ["hoc", "sinh", "lop"] and folded[i + 3].isdigit()
                       for k in (i, i + 1))
    keep = [i for i, f in enumerate(folded) if f and i not in pronouns | framing and (
        i in exam or i in placed or (not is_filler(accented[i], f) and (
            f not in FILLERS or "'" + accented[i] in state.idf)))]
    terms: dict[str, float] = {}
    content: dict[str, float] = {}
    pairs: dict[str, float] = {}
    kind, cue = asked(question)  # "chậm nhất ngày nào" asks for a date, about nothing
    # "sản phẩm cuối khóa": a passage saying "cuối khóa" gets its weight, one not, no less
    # "học xong khóa này": the course the letter is about, which its passages name otherwise
    optional = course_end(folded) | finishing_by(folded, asked_kinds(question)) | this_course(
        folded)
    # "năm học 2026-2027" says when, not what; "mấy giờ bắt đầu", "có phải nộp tiền không"
    # frame the value asked, which the letter gives in its own words
    when = time_words(folded) | frame_words(folded, asked_kinds(question)) | optional
    # "quên mật khẩu … liên hệ ai": the trouble is the technical-support matter, one term
    trouble = technical(folded) if kind in ("contact", "phone", "email") else frozenset()
    if trouble:  # "tk học taphuan bị lỗi": the system the account is on, by its site's name
        trouble |= {i for i, f in enumerate(folded) if f in state.sites}
    both = both_words(folded, question=True)  # "vừa … vừa": one term, as the letters say it
    # "nghỉ hưu tháng 11/2026": a date the asker states is when their case applies, not what
    # the passage must speak of; a passage stating that very date still ranks first
    dated = frozenset(k for date in stated_dates(folded) for k in date) | soon_words(folded)
    # "ngoài việc đó, … còn phải …": known, not asked; "học thêm tiếng Nùng": "thêm" says the
    # asker has something already, which the letter need not repeat
    aside = set_aside(question) | _MORE
    # "em dạy ở xã …" told before the ask: whose case, which picks a passage's line or row,
    # not what is asked; a passage holding it covers more of the question, one lacking it
    # no less
    story = frozenset(w for w in told | told_in_brackets(question) if fold_word(w) not in aside)
    amounts = stated_amounts(folded)
    dated |= amounts
    # "học xong khóa này thì được tính …": finishing is the asker's condition; a passage
    # stating it ranks first, one stating the letter's own conditions still answers
    # "tôi học lớp MN2 thì …": the class the asker is in, by the code a table gives it, says
    # whose case it is (a rule for every class need not name it), as a place does
    codes = frozenset(i for i, w in enumerate(accented) if w.upper() in asked_codes(w)
                      and folded[i] in state.idf)
    # "thầy dạy văn THPT sắp nghỉ hưu": the subject taught, which no letter names (its
    # criteria say "cùng môn học"), says whose case it is, as a place does
    unnamed = frozenset(k for i, j in subjects_taught(folded) if not any(
        term in state.idf for term in ([folded[i]] if j - i == 1 else (
            f"{a} {b}" for a, b in pairwise(folded[i:j])))) for k in range(i, j))
    lighter = placed | pupils | completion_condition(folded) | codes | unnamed
    if trouble:  # "tối học cờ vua trực tuyến bị lỗi đường truyền thì gọi ai": the trouble
        # picks the contact; the course it came in only says whose case it is
        lighter |= frozenset(range(len(folded))) - trouble
    stated: dict[str, float] = {}
    told_of: dict[str, float] = {}
    where: dict[str, float] = {}

    def questioning(k: int) -> bool:
        """A question word, unless typed with other marks as a letter writes a word ("biệt
        phái", "đóng dấu"): "xe cộ" is no letter's word, and is read as typed before. A
        place's name asks nothing ("huyen luc nam")."""
        return k not in placed and (is_question_word(accented[k], folded[k]) or (
            folded[k] in QUESTION_WORDS and "'" + accented[k] not in state.idf))

    for j, i in enumerate(keep):
        f = folded[i]
        if i in trouble:  # weighing what the words it stands for weigh, as a synonym does
            terms[TECHNICAL] = 1.0
            content[TECHNICAL] = content.get(TECHNICAL, 0.0) + state.idf.get(f, state.max_idf)
            continue
        if i in both:
            terms[BOTH] = 1.0
            content[BOTH] = state.idf.get(BOTH, state.max_idf)
            continue
        asking = questioning(i) or f in cue or i in when
        terms[f] = max(terms.get(f, 0.0), _QUESTION_WORD_WEIGHT if asking else
                       TOLD if accented[i] in story else 1.0)
        asking = asking or i in dated
        key = f if accented[i] == f or _mistyped(state, accented, folded, i) else \
            "'" + accented[i]
        if i in guessed and not asking:  # checked, not asked: counts where a passage has it
            told_of[key] = state.idf.get(f, state.max_idf) * TOLD
        elif accented[i] in story and not asking:
            told_of[key] = state.idf.get(f, state.max_idf) * TOLD
            if i in placed:  # where the asker is: the passage naming it ranks first, as asked
                where[key] = state.idf.get(f, state.max_idf)
                stated[key] = where[key] * (_PLACE_NAMED - ASIDE)
        elif not asking:  # typed with marks, only the same marks count ("lương" ≠ "lượng")
            content[key] = state.idf.get(f, state.max_idf) * (
                ASIDE if f in aside or i in lighter else 1.0)
            if i in placed:  # a passage naming the place gets more than it costs one not
                where[key] = state.idf.get(f, state.max_idf)
                stated[key] = where[key] * (_PLACE_NAMED - ASIDE)
            elif i in codes:
                stated[key] = state.idf.get(f, state.max_idf) * (_PLACE_NAMED - ASIDE)
        elif i in amounts or i in optional:
            stated[key] = state.idf.get(f, state.max_idf)
        if j + 1 < len(keep) and keep[j + 1] == i + 1 and i + 1 not in trouble | both:
            pair = f"{f} {folded[i + 1]}"
            terms[pair] = 1.0
            if not (asking or questioning(i + 1) or folded[i + 1] in cue
                    or i + 1 in when or i + 1 in dated or story & {accented[i], accented[i + 1]}
                    or {i, i + 1} & guessed):
                # a pair across two words ("giáo viên tiểu học" → "viên tiểu") is rare in
                # the letters without saying more than its two syllables do
                weight = min(state.idf.get(pair, state.max_idf),
                             state.idf.get(f, state.max_idf)
                             + state.idf.get(folded[i + 1], state.max_idf))
                pairs[pair] = weight * (ASIDE if f in aside or folded[i + 1] in aside
                                        or i in lighter or i + 1 in lighter else 1.0)
                if i in placed and i + 1 in placed:
                    where[pair] = weight
    if TECHNICAL in content and len(pairs) > 1:  # the trouble outweighs the course's pairs too
        pairs[TECHNICAL] = content[TECHNICAL]
    if DONE in folded:  # "duyệt xong danh sách": the letters' "hoàn thành", where they say it
        content["hoan"] = state.idf.get("hoan", state.max_idf) * ASIDE
        pairs["hoan thanh"] = state.idf.get("hoan thanh", state.max_idf) * ASIDE
    for i in amounts:
        unit = amount_unit(folded, i)
        if unit is not None:
            stated[_AMOUNT + unit] = state.idf.get(_AMOUNT + unit, state.max_idf)
    if sum(content.values()) + sum(told_of.values()) / TOLD <= _SHORT * state.max_idf:
        return _Query(terms, content, pairs, stated=stated, told=told_of, placed=where,
                      former=former, place_pairs=place_pairs)
    # a long message's words that no letter uses ("thắc mắc", "em sợ trễ hạn") are, for the
    # passages, the way the person talks: weighed as the rarest words they would outweigh
    # the subject and no passage could ever cover the question. They decide which passages
    # are quoted; the passages found then compete with the entries, which may use those
    # words, on the whole message (``whole``).
    whole = _Query(terms, content, pairs, stated=stated, told=told_of, placed=where,
                   former=former, place_pairs=place_pairs)

    def unknown(t: str) -> bool:
        return t not in state.idf and t not in state.context_of

    if not any(map(unknown, content)):
        return whole
    return _Query(terms, {t: w * _CONTEXT if unknown(t) else w for t, w in content.items()},
                  {p: w * _CONTEXT if any(map(unknown, p.split(" "))) else w
                   for p, w in pairs.items()}, whole=whole, stated=stated,
                  told=told_of, placed=where, former=former,
                  place_pairs=place_pairs)


def _mistyped(state: _State, accented: list[str], folded: list[str], i: int) -> bool:
    """Whether word ``i``, typed with marks no letter writes it with, is a letter's word with
    a mark mistyped: with a word beside it, it makes a pair the letters say ("nghĩ hưu" for
    "nghỉ hưu"). Counted unmarked, the passage saying the pair covers it; a word of no such
    pair keeps its marks ("lương" is not "lượng")."""
    if "'" + accented[i] in state.idf:
        return False
    return any(f"{folded[a]} {folded[b]}" in state.idf
               for a, b in ((i - 1, i), (i, i + 1)) if a >= 0 and b < len(folded))


# "tỉnh Hải Dương trước đây", "thành phố Hải Phòng cũ" (folded): a former province named
_FORMER_PROVINCE = re.compile(r"\b(?:tinh|thanh pho) ((?:[\w-]+ ){1,4}?)(?:truoc day|cu)\b")


def _district_province(state: _State, folded: list[str], placed: frozenset[int]
                       ) -> frozenset[str]:
    """The word pairs of the former province the former district a question says the asker
    is in lay in ("xã thuộc huyện Gia Lộc cũ" → "hai duong"), when the letters name that
    province as a former one ("tỉnh Hải Dương trước đây"): its row, class or group is the
    asker's (a letter naming its own province only, "UBND tỉnh Đắk Lắk", has none). A name
    several provinces had counts only when the letters name just one of them."""
    found: set[str] = set()
    for i, j, lying_in in district_spans(folded):
        if not (placed & set(range(i, j)) or said_as_place(folded, i, j)):
            continue
        formerly = frozenset().union(*(read.formerly for read in state.reads))
        named = [pairs for p in lying_in if (pairs := {
            f"{a} {b}" for a, b in pairwise(province_words(p))}) and pairs <= formerly]
        if len(named) == 1:
            found |= named[0]
    return frozenset(found)


def _specific(state: _State, query: _Query) -> float:
    """Below 1 for a question made only of the letters' commonest words."""
    return min(1.0, (sum(query.content.values()) + sum(query.stated.values()))
               / (_VAGUE * state.max_idf))


def _mix(words_covered: Any, pairs_covered: Any, query: _Query) -> Any:
    if len(query.pairs) < 2:
        return words_covered
    return (1 - _PAIR_SHARE) * words_covered + _PAIR_SHARE * pairs_covered


def _coverage_of_all(state: _State, query: _Query) -> np.ndarray:
    """Every passage's share of the question's content words and word pairs (idf-weighted),
    counting its letter's issuer and subject, at once."""
    n = len(state.passages)

    def share(wanted: dict[str, float], pairs: bool = False,
              stated: dict[str, float] | None = None) -> np.ndarray:
        total = sum(wanted.values())
        if not total:
            return np.zeros(n)
        # each passage's weights are added term after term, in one bincount at the end
        ids: list[np.ndarray] = []
        weights: list[float] = []
        by_letter = np.zeros(len(state.letters))
        for t, w in [*wanted.items(), *(stated or {}).items()]:
            letters = state.context_of.get(t)
            found = state.postings.get(t)
            if found is not None:
                ids.append(_beside(state, found[0], letters))
                weights.append(w)
            if pairs:  # both words, apart: "giáo viên | tiếng anh" holds "viên tiếng" so
                apart = _apart(state, t)
                if len(apart):
                    ids.append(_beside(state, apart, letters))
                    weights.append(w * _PAIR_APART)
            if letters is not None:
                by_letter[letters] += w
        got = np.bincount(np.concatenate(ids), np.repeat(weights, [len(i) for i in ids]),
                          minlength=n) if ids else np.zeros(n)
        return np.minimum(got + by_letter[state.owner], total)

    def told() -> np.ndarray:
        """What each passage holds of whose case the message tells."""
        found = [(state.postings.get(t), w) for t, w in query.told.items()]
        kept = [(f[0], w) for f, w in found if f is not None]
        if not kept:
            return np.zeros(n)
        return np.bincount(np.concatenate([ids for ids, _ in kept]),
                           np.repeat([w for _, w in kept], [len(ids) for ids, _ in kept]),
                           minlength=n)

    content_total = sum(query.content.values())
    pairs_total = sum(query.pairs.values())
    holds_told = told()
    words = share(query.content, stated=query.stated)
    # whose case counts where a passage holds it, as a word of the question it covers
    words = (words + holds_told) / np.maximum(content_total + holds_told, 1e-9) \
        if content_total else words
    pairs = share(query.pairs, pairs=True) / pairs_total if pairs_total else np.zeros(n)
    return _mix(words, pairs, query) * _specific(state, query)


def _beside(state: _State, docs: np.ndarray, letters: np.ndarray | None) -> np.ndarray:
    """The passages of ``docs`` whose letter's issuer and subject do not hold the term: a word
    in the passage and in the subject counts once, as it does for the quoted sentences
    (``_coverage``). Counted twice, a passage repeating the subject's words ("bồi dưỡng giáo
    viên dạy lớp ghép") would seem to cover a question its sentences do not."""
    if letters is None:
        return docs
    return docs[~letters[state.owner[docs]]]


def _apart(state: _State, pair: str) -> np.ndarray:
    """The passages holding both words of ``pair`` but not the pair itself; questions share
    their pairs ("giáo viên", "mô đun"), so each is looked up once per index."""
    found = state.apart.get(pair)
    if found is None:
        first, second = (state.postings.get(x) for x in pair.split(" ", 1))
        if first is None or second is None:
            found = np.zeros(0, dtype=np.intp)
        else:
            both = np.zeros(len(state.passages), dtype=np.int8)  # dense marks: no sorting
            both[first[0]] = 1
            both[second[0]] += 1
            together = state.postings.get(pair)
            if together is not None:
                both[together[0]] = 0
            found = np.flatnonzero(both == 2)
        if len(state.apart) >= _APART_KEPT:
            state.apart.clear()
        state.apart[pair] = found
    return found


def _coverage(state: _State, query: _Query, present: Callable[[str], bool]) -> float:
    """Share of the question's content words and word pairs (idf-weighted) present."""

    def share(wanted: dict[str, float], pairs: bool = False,
              stated: dict[str, float] | None = None) -> float:
        total = sum(wanted.values())
        got = sum(w if present(t) else w * _PAIR_APART if pairs and all(
            map(present, t.split(" ", 1))) else 0.0 for t, w in wanted.items())
        got += sum(w for t, w in (stated or {}).items() if present(t))
        # whose case counts where the text holds it, as a word of the question it covers
        told = 0.0 if pairs else sum(w for t, w in query.told.items() if present(t))
        return (min(got, total) + told) / (total + told) if total else 0.0

    return float(_mix(share(query.content, stated=query.stated), share(query.pairs, pairs=True),
                      query)
                 * _specific(state, query))


def _window(query: _Query, sentences: list[tuple[str, bool]],
            terms: tuple[frozenset[str], ...], kind: str | None = None,
            person: str | None = None, keys: Keys = NO_KEYS,
            count: str | None = None,
            group_words: Callable[[str], frozenset[str]] = lambda row: frozenset(),
            also: tuple[str, ...] = (), known: frozenset[str] = frozenset(),
            foreign: frozenset[int] = frozenset(),
            items: tuple[int, ...] | None = None, fixers: bool = False,
            next_step: bool = False, start: bool = False,
            subject: tuple[str, ...] = ()) -> tuple[list[int], bool]:
    """The passage's sentences that match the question best, in order, within QUOTE_CHARS,
    and whether one of them states the value asked for about the question's subject.

    For a question asking for a value (a date, a phone…) the best sentence that states such
    a value comes first (for "bao nhiêu giáo viên", any stating a number of them: ``count``),
    and of a table only the row about the level or grade and the group the question names,
    else the row matching it best, never another group's; for a named person, only sentences
    naming them are quoted. A row also matches the words the question names its group with
    when it is that group's in its own words (``group_words``, see ``said_by_row``): "Cán bộ
    quản lý bổ nhiệm lần đầu" is the row of a "phó hiệu trưởng" newly appointed. The rows
    of another class than the asker's (``foreign``) are not theirs. Of a paragraph's steps
    joined by ";", the clause after the one the question names comes first when it asks what
    comes next (``next_step``), and a step stating another value than the one asked, matching
    far less, is left out (``_other_steps``). Asked when something begins (``start``), a
    sentence giving the day it opens ("từ ngày …") comes before one giving a deadline. Of the
    sentences stating the value, one opening with the question's ``subject`` comes first
    (``subject_first``).
    """
    wanted = {**query.told, **query.stated, **query.content, **query.pairs,
              **query.placed}
    terms = tuple(ts | group_words(sentences[k][0]) if is_row(sentences[k][0]) else ts
                  for k, ts in enumerate(terms))
    # fsum: a set's order follows the hash seed, and a float sum in another order can break a
    # tie the other way, so one question would get two answers in two processes
    scored = [0.0 if ts.isdisjoint(wanted) else math.fsum(wanted[t] for t in ts if t in wanted)
              for ts in terms]
    if person is not None:
        scored = [s if person in named_people(sentences[k][0]) else 0.0
                  for k, s in enumerate(scored)]
    scored = _kind_of_help(query, sentences, terms, kind, scored, fixers)
    if foreign and any(s for k, s in enumerate(scored) if k not in foreign):
        scored = [0.0 if k in foreign else s for k, s in enumerate(scored)]
    else:
        foreign = frozenset()
    top = max(scored, default=0.0)
    if not top:  # found by its heading and letter alone ("Nơi nhận"): every line is as good
        scored = [1.0] * len(scored)
        top = 1.0
    enough = _WEAKEST_SENTENCE * top
    lists = _lists(sentences)
    led = _led(lists, scored)
    # a count asked ("bao nhiêu giáo viên") is stated with its noun, wherever its subject
    # stands; another value, in a sentence about the subject (or the lead of its list)
    # a clause after ";" is the same sentence to a reader: "học trên hệ thống https://…;
    # tài liệu được đăng tại mục …" names the site the second clause's section is on. A date
    # or a count in another clause belongs to that clause's own rule ("…; giáo viên nghỉ hưu
    # trước ngày …"), so only a website is read across the semicolon
    across = kind == "website"
    said = _statements(sentences, led) if across else _continued(sentences, led)
    valued = {k for k, s in enumerate(led)
              if kind and (scored[k] > 0 or said[k] > s or across) and (
        states_count(count, sentences[k][0]) if count is not None else
        max(s, said[k]) >= _VALUE_SENTENCE * top and _holds(kind, sentences[k][0]))}
    valued = _corrected(sentences, valued, kind, known)
    # "làm xong bài kiểm tra thì bước tiếp theo là gì": the clause after the one it names
    named = max(range(len(sentences)), key=lambda k: (scored[k], -k), default=0)
    then = named + 1 if next_step and named + 1 < len(sentences) and _in_steps(
        sentences, named) and scored[named] > 0 else None
    if then is not None and kind and _holds(kind, sentences[then][0]):
        valued.add(then)
    stepped = _other_steps(sentences, kind, [max(s, said[k]) for k, s in enumerate(led)],
                           {named, then} if then is not None else set()) if valued or not kind \
        else set()
    valued -= stepped
    opening = max((k for k in valued if _OPENS.search(sentences[k][0])),
                  key=lambda k: (scored[k], -k), default=None) if start else None
    # "mấy chuyên đề": the lines numbering what is counted ("- Chuyên đề 3: …") are the count,
    # each of them, however few of the question's words the last one holds
    listing = _numbering(count, sentences) if count is not None else set()
    valued |= listing
    rows = {k: (row_fit(keys, sentence), scored[k]) for k, (sentence, _) in enumerate(sentences)
            if is_row(sentence)}
    held = {k: [of for of in (kind, *also) if of and _holds(of, sentences[k][0])] for k in rows}
    # a further value asked ("…, ở đâu") shares only the group's words with its row: the
    # first ask's row, matching the rest of the question, sets no bar for it
    valued |= {k for k in rows if scored[k] > 0 and set(held[k]) & set(also)}
    others = (_other_items(lists, terms, wanted) | foreign | _other_questions(items, scored)
              | _other_numbered(terms, wanted) | stepped) - listing
    if across:  # "gồm 03 chuyên đề (…; …; …), học trên hệ thống https://…": the clause naming
        # the site ends the statement, and matches the question as the statement does
        led = [max(s, said[k]) if k in valued else s for k, s in enumerate(led)]
    # the lead of an item chosen among its list's other cases: what the item is a case of
    lead_of = {k: lead[-1] for lead, items in lists if others.intersection(items)
               for k in items}
    # of rows stating a value asked, the best for each kind: a table whose rows are its
    # criteria ("Học trực tiếp", "Địa điểm") and columns its groups holds a date in one row
    # and a place in another, and "ngày nào, ở đâu" is answered by the two
    best: dict[str, tuple[int, float]] = {}
    for k in valued & rows.keys():
        for of in held[k]:
            best[of] = max(best.get(of, rows[k]), rows[k])
    best_row = min(best.values(), default=max(rows.values(), default=(0, 0.0)))
    # the sentence stating a threshold in the unit of the asker's own amount ("52 tuổi"):
    # whether their case falls within it is what they ask, whatever else matches more
    measured = {k for k, ts in enumerate(terms)
                if any(t.startswith(_AMOUNT) for t in ts & wanted.keys())}
    about = {k for k in valued if opens_with(subject, sentences[k][0])} if subject else set()
    chosen: list[int] = []
    size = 0
    for k in sorted(range(len(sentences)),
                    key=lambda k: (k != then, k != opening, k not in valued and k not in measured,
                                   k not in about, -scored[k])):
        if k in others or (chosen and ((led[k] <= enough and k not in listing)
                                       or size + len(sentences[k][0]) > QUOTE_CHARS)):
            continue
        if k in rows and best and not any(rows[k] >= best[of] for of in held[k] if of in best):
            continue  # a row stating none of the values asked, or another group's
        if k in rows and ((kind and (rows[k] < best_row or rows[k][0] < 0))
                          or rows[k][0] < 0 < best_row[0]):
            continue  # the table's row about the subject; never another's, when it has one
        chosen.append(k)
        size += len(sentences[k][0]) + 1
        lead = lead_of.get(k)
        if lead is not None and lead not in chosen and (
                size + len(sentences[lead][0]) <= QUOTE_CHARS):
            # "- Khu vực phía Nam …: Trường B" says a place; its lead, what of
            chosen.append(lead)
            size += len(sentences[lead][0]) + 1
    for k in sorted(chosen):  # "Điểm học phụ không mở cho Lớp D; giáo viên THPT … học tại …"
        after = k + 1
        if (after < len(sentences) and after not in chosen and after not in others
                and not sentences[after][1]
                and sentences[k][0].rstrip().endswith(";") and not _opens_step(sentences[after][0])
                and (scored[after] or _EXCLUDING.search(fold(sentences[k][0])))
                and size + len(sentences[after][0]) <= QUOTE_CHARS):
            chosen.append(after)  # the clause going on with a quoted one, of the same statement
            size += len(sentences[after][0]) + 1
    chosen += _naming(sentences, terms, wanted, chosen, QUOTE_CHARS - size, others)
    return sorted(chosen), not kind or bool(valued & set(chosen))


def _in_steps(sentences: list[tuple[str, bool]], k: int) -> bool:
    """Whether sentence ``k`` is one of a paragraph's clauses joined by ";"."""
    return sentences[k][0].rstrip().endswith(";") or (
        k > 0 and not sentences[k][1] and sentences[k - 1][0].rstrip().endswith(";"))


def _other_steps(sentences: list[tuple[str, bool]], kind: str | None, match: list[float],
                 kept: set[int | None]) -> set[int]:
    """"…; sau đó, Sở cấp tài khoản … trước ngày 23/12; tiếp theo, học viên học … từ ngày 28/12
    …": of a paragraph's clauses opening a step ("sau đó", "tiếp theo", ``_opens_step``) and
    stating a value of the kind asked (any, when none is asked), those matching the question
    far less than the best (``_OTHER_STEP``) are other steps': quoted, they would leave the
    asker to guess which date is theirs, and a question's words scattered over the steps
    would seem to be answered."""
    steps = [k for k, (sentence, _) in enumerate(sentences)
             if _in_steps(sentences, k) and _opens_step(sentence)
             and (not kind or _holds(kind, sentence))]
    if len(steps) < 2:
        return set()
    best = max(match[k] for k in steps)
    return {k for k in steps if match[k] < _OTHER_STEP * best and k not in kept}


def _kind_of_help(query: _Query, sentences: list[tuple[str, bool]],
                  terms: tuple[frozenset[str], ...], kind: str | None, scored: list[float],
                  fixers: bool) -> list[float]:
    """"Ở Bắc Kạn cũ, không đăng nhập được thì liên hệ ai": of the contacts a letter gives,
    the one for the kind of help asked (accounts, logins, the connection: ``TECHNICAL``)
    answers, whatever area the asker names; the area picks only among contacts for the same
    kind of help, so a contact stated without it is not theirs when the letter (``fixers``)
    or the passage names one with it. In a letter naming no such contact ("Mọi vướng mắc
    liên hệ …"), its contacts are scored as any sentence is."""
    if kind not in _REACHING or TECHNICAL not in query.content:
        return scored
    stating = [k for k, (sentence, _) in enumerate(sentences) if _holds(kind, sentence)]
    if not fixers and not any(TECHNICAL in terms[k] for k in stating):
        return scored
    return [0.0 if k in stating and TECHNICAL not in terms[k] else s
            for k, s in enumerate(scored)]


def _corrected(sentences: list[tuple[str, bool]], valued: set[int], kind: str | None,
               known: frozenset[str]) -> set[int]:
    """Of the sentences stating a value asked, those stating one the asker does not have:
    "… ghi là 0206.3852.714 là nhầm; số đúng là 0206.3852.174" answers one who tried the
    first number, by the clause after it, however few of the question's words that holds. A
    passage stating only the asker's own value still states it (they may ask to confirm)."""
    stale = {k for k in valued if values(kind or "", sentences[k][0]) <= known} if known \
        else set()
    if not stale:
        return valued
    fresh = {k for k in range(len(sentences)) if (k - 1 in stale or k + 1 in stale)
             and _holds(kind, sentences[k][0])
             and not values(kind or "", sentences[k][0]) <= known}
    return (valued - stale) | fresh if fresh else valued


def _naming(sentences: list[tuple[str, bool]], terms: tuple[frozenset[str], ...],
            wanted: dict[str, float], chosen: list[int], room: int,
            others: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """The sentences before chosen ones in their paragraph that name what those speak of, as
    a reader quotes them: "Phần học trực tuyến thực hiện trên nền tảng hocso… Tên đăng nhập
    là …; mật khẩu lần đầu là …" answers how to log in to the platform, though only the
    second sentence says "đăng nhập". Taken when it holds a word of the question that the
    chosen sentences lack, and there is room, unless it is of another case (``others``)."""
    said = frozenset().union(*(terms[k] for k in chosen)) & wanted.keys()
    found: list[int] = []
    for k in sorted(chosen):
        before = k - 1
        if sentences[k][1] or before in chosen or before in found or before < 0 \
                or before in others:
            continue  # a line's first sentence names its own subject
        new = (terms[before] & wanted.keys()) - said
        if new and len(sentences[before][0]) < room:
            found.append(before)
            room -= len(sentences[before][0]) + 1
            said |= new
    return found


_ITEM = re.compile(r"^\s*(?:[-+•*]|[a-zđ]\)|\d{1,2}[.)])\s")


def _lists(sentences: list[tuple[str, bool]]) -> list[tuple[range, list[int]]]:
    """Each list a lead sentence ending with ":" opens ("… mô đun chuyển đổi số. Cụ thể như
    sau:" then "- Cấp TH: …"): the lead's paragraph up to that sentence, and the items."""
    found: list[tuple[range, list[int]]] = []
    items: list[int] | None = None
    line = 0  # where the current paragraph starts
    for k, (sentence, starts_line) in enumerate(sentences):
        if starts_line and items is not None and _ITEM.match(sentence):
            items.append(k)
            continue
        if starts_line:
            line, items = k, None
        if sentence.rstrip().endswith(":"):
            items = []
            found.append((range(line, k + 1), items))
    return found


def _led(lists: list[tuple[range, list[int]]], scored: list[float]) -> list[float]:
    """Each sentence's match, a list item's with its lead's best added: "Cụ thể như sau:"
    followed by "- Cấp TH: 11 cán bộ quản lý …" is one statement to a reader, the lead naming
    the subject and each item giving its value."""
    led = list(scored)
    for lead, items in lists:
        best = max(scored[k] for k in lead)
        for k in items:
            led[k] += best
    return led


def _leads(sentences: list[tuple[str, bool]], window: list[int]) -> list[int]:
    """The lead sentences ("Giáo viên học tại điểm ứng với địa bàn nơi có trường:") of the
    list items a window quotes: an item is read under its lead, which says what it gives."""
    chosen = set(window)
    return sorted({k for lead, items in _lists(sentences) if chosen.intersection(items)
                   for k in lead} - chosen)


def _other_items(lists: list[tuple[range, list[int]]], terms: tuple[frozenset[str], ...],
                 wanted: dict[str, float]) -> set[int]:
    """The items of a list that speak of another case than the question's: "Giáo viên học tại
    điểm ứng với địa bàn trước đây: - Khu vực phía Bắc, gồm … Hương Trà …: Trường A; - Khu vực
    phía Nam, gồm … Hương Thủy …: Trường B" asked by a teacher "thuộc thị xã Hương Thủy cũ" is
    answered by the southern item alone, as a table's row of the asker's group is. A word of
    the question that only some items hold (a place, a level, a subject) says which; the words
    all items share say nothing of it. Without such a word every item may answer."""
    dropped: set[int] = set()
    heavy = _TELLING_WORD * max((w for t, w in wanted.items() if " " not in t), default=0.0)
    for _, items in lists:
        if len(items) < 2:
            continue
        held = Counter(t for k in items for t in terms[k] & wanted.keys())
        # a word of weight (not a pair, not "trường") that only one item holds
        telling = {t for t, n in held.items() if n == 1 and " " not in t and wanted[t] >= heavy}
        if telling:
            dropped.update(k for k in items if terms[k].isdisjoint(telling))
    return dropped


def _numbering(count: str, sentences: list[tuple[str, bool]]) -> set[int]:
    """The lines of a passage that number the thing a question counts ("- Mô đun 2: …",
    "Chuyên đề 3. …"), when there are two or more."""
    noun = re.escape(count)
    found = {k for k, (sentence, _) in enumerate(sentences) if re.match(
        rf"^\W*{noun}(?: \w+)? \d+\b", fold(sentence).lower())}
    return found if len(found) >= 2 else set()


def _other_numbered(terms: tuple[frozenset[str], ...], wanted: dict[str, float]) -> set[int]:
    """The sentences numbering another of the things the question names by number: "mô đun 3
    của CBQL là gì" asked of a list "- Mô đun 1: …; - Mô đun 2: …; - Mô đun 3: …" is answered
    by the third line, "bước 5" by the fifth step. Only when a sentence holds the number asked;
    one numbering both is kept."""
    asked = {t for t in wanted if " " in t and t.split(" ", 1)[0] in ITEM_HEADS
             and t.split(" ", 1)[1].isdigit()}
    if not asked or not any(ts & asked for ts in terms):
        return set()
    nouns = {t.split(" ", 1)[0] for t in asked}
    return {k for k, ts in enumerate(terms) if not ts & asked and any(
        " " in t and t.split(" ", 1)[0] in nouns and t.split(" ", 1)[1].isdigit() for t in ts)}


def _question_items(sentences: list[tuple[str, bool]]) -> tuple[int, ...] | None:
    """The answered question ("Câu 1. … hỏi: … Trả lời: …") each sentence of a passage is
    of, when it holds more than one (-1 before the first); None otherwise."""
    item, items = -1, []
    for sentence, starts_line in sentences:
        if starts_line and (numbered := _QUESTION_ITEM.match(sentence)) and numbered[1]:
            item += 1
        items.append(item)
    return tuple(items) if item >= 1 else None


def _other_questions(items: tuple[int, ...] | None, scored: list[float]) -> set[int]:
    """Of a passage holding several of a letter's answered questions, the sentences of all
    but the one matching the question best (``_question_items``): another school's question
    and its answer say nothing of this one, however many words they share."""
    if items is None or not any(scored):
        return set()
    best = items[max(range(len(scored)), key=scored.__getitem__)]
    return {k for k, at in enumerate(items) if at != best}


def _statements(sentences: list[tuple[str, bool]], led: list[float]) -> list[float]:
    """Each clause's best match among the clauses of its sentence: the splitter cuts at ";",
    but a sentence ends at ".", "!", "?" or the end of the letter's line."""
    best: list[float] = []
    start = 0
    for k, (_, starts_line) in enumerate(sentences):
        if k and (starts_line or not sentences[k - 1][0].rstrip().endswith(";")):
            best += [max(led[start:k])] * (k - start)
            start = k
    if sentences:
        best += [max(led[start:])] * (len(sentences) - start)
    return best


# the first words of a clause naming whom its rule is for ("giáo viên", "học viên", "trường",
# "mỗi người", "các trung tâm", "riêng môn …"), folded: a clause after ";" starting so states
# a rule of its own
_OWN_SUBJECT = frozenset("giao can nguoi truong phong so trung hieu pho cot thanh ung moi cac "
                         "nhung doi uy chuyen tat rieng".split())
_OWN_SUBJECT_PAIRS = frozenset({"hoc vien", "hoc sinh"})
# a clause opening a step of its own ("…; sau đó, Sở cấp tài khoản …", "…; cuối cùng, …"):
# its date is that step's, whoever it names
_STEP_OPENING = frozenset({"sau", "khi", "tiep", "cuoi", "truoc het", "dau tien", "ke tiep",
                           "ke den", "buoc"})


_CLAUSE_START = 8  # typed words enough to hold a clause's first two words as read


def _opens_step(clause: str) -> bool:
    """Whether a clause after ";" opens a step of its own ("sau đó, Sở cấp …", ``_STEP_OPENING``)
    rather than going on with the clause before."""
    first = [fold_word(w) for w in words(" ".join(clause.split()[:_CLAUSE_START]))[:2]]
    return bool(first) and bool(_STEP_OPENING.intersection((first[0], " ".join(first))))


def _continued(sentences: list[tuple[str, bool]], led: list[float]) -> list[float]:
    """Each clause's match, a clause after ";" that names no one of its own ("… nếu có nhu
    cầu: phần trực tuyến không thu tiền; phần học trực tiếp đóng 450.000 đồng …, chuyển …
    trước ngày …") with the clause before's: it goes on with that clause's subject, so the
    value it states is that subject's. One naming whom it is for ("…; giáo viên nghỉ hưu
    trước ngày …") keeps its own match: its value is its own rule's."""
    out = list(led)
    for k in range(1, len(sentences)):
        sentence, starts_line = sentences[k]
        if starts_line or not sentences[k - 1][0].rstrip().endswith(";"):
            continue
        # its first words as read: a phrase read as one starts within its first few typed
        # words, so only those are read (the whole clause was read again for every question)
        first = [fold_word(w) for w in words(" ".join(sentence.split()[:_CLAUSE_START]))[:2]]
        if first and first[0] not in _OWN_SUBJECT and " ".join(first) not in _OWN_SUBJECT_PAIRS \
                and not _opens_step(sentence):
            out[k] = max(out[k], out[k - 1])
    return out


def _quote_text(sentences: list[tuple[str, bool]], chosen: list[int],
                shown: Callable[[str], str] = str) -> str:
    """The chosen sentences verbatim, line breaks where the letter has them, "…" where
    sentences between them are left out; a table's row as ``shown`` (``asked_cells``)."""
    text = ""
    for n, k in enumerate(chosen):
        sentence, starts_line = sentences[k]
        sentence = shown(sentence)
        if n and k != chosen[n - 1] + 1:
            text += " …\n" if starts_line else " … "
        elif n:
            text += "\n" if starts_line else " "
        text += sentence
    if len(text) > QUOTE_CHARS:
        text = text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    return text
