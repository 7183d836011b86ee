"""The answering engine: finds the knowledge-base entry that answers a teacher's question.

Ranking is BM25F over each entry's paraphrased questions, title, keywords and answer, on the
diacritic-free form (unigrams and word bigrams, since most Vietnamese words are two
syllables) plus diacritic-bearing unigrams where the question has them. The index is a small
inverted index of numpy arrays written here rather than bm25s because it needs per-field
weights and cheap rebuilds when an officer adds an entry. The best dozen are re-ranked by how
closely one of the entry's own questions words the question, and by whether the entry speaks
of the module (or appendix, step) number asked about.

Confidence comes from how much of the question's content the best entry covers, single
syllables and two-syllable words, and how far it stands above the runner-up; a question whose
key words the knowledge base does not contain gets "none", because a confident wrong answer is
worse than "I don't know". The thresholds were set on the development questions and on
separately written paraphrases, not on the wording of any one question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from sys import intern

import numpy as np

from bot.domain import provinces
from bot.i18n import N_
from bot.knowledge.asked import (
    KIND_NAMES,
    TOLD,
    VALUE_ONLY,
    about_pupils,
    asked,
    asked_kind,
    asked_kinds,
    asked_person,
    asked_values,
    asks_of_money,
    asks_when,
    contact_clause,
    counted,
    counted_as_typed,
    holds,
    named_people,
    names_money,
    names_pupils,
    points_back,
    refers_back,
    separate_asks,
    speaks_of_typed,
    stated_dates,
    states_asked_sum,
    states_which,
    told,
    told_before,
    told_in_brackets,
    values,
)
from bot.knowledge.compared import compared_sides
from bot.knowledge.day_spans import (
    Dated,
    DaySpan,
    asks_between,
    asks_days,
    day_span,
    days_between,
)
from bot.knowledge.earlier import earlier_facts
from bot.knowledge.entries import Entry
from bot.knowledge.figures import Worked, asks_sum, work_out, working_words
from bot.knowledge.letter_index import LetterIndex, Quote, choose, terms
from bot.knowledge.letters import Letter, date_key, is_newer
from bot.knowledge.listed import Listed, asks_listed, listed
from bot.knowledge.local_lines import for_province, spoken_for
from bot.knowledge.marked import marked_total
from bot.knowledge.modules_named import modules_named
from bot.knowledge.named_document import documents_asked, names_document
from bot.knowledge.named_matters import certificate_unplaced, unnamed_matter, unnamed_tier
from bot.knowledge.normalize import (
    ASIDE,
    CORE_ROLES,
    FILLERS,
    QUESTION_WORDS,
    SpellFixer,
    find_levels,
    find_provinces,
    fold_word,
    named_places,
    names_audience,
    names_core_role,
    reread,
    set_aside,
    words,
)
from bot.knowledge.per_head import PerHead, asks_per_head, per_head
from bot.knowledge.postings import freeze, scores
from bot.knowledge.row_overlap import Overlap, asks_together, overlap
from bot.knowledge.row_sums import asks_rows, rows_summed
from bot.knowledge.table_rows import SEVERAL, question_keys

KINDS = ("confident", "quoted", "unsure", "none")
MAX_CANDIDATES = 3

# Field weights (BM25F): paraphrased questions and titles say what an entry answers; the
# answer text holds the facts but also many words a question about something else may share.
_FIELDS = {"questions": 1.0, "title": 1.2, "keywords": 1.0, "answer": 0.5}
_K1 = 1.2
_B = 0.6
_BIGRAM_WEIGHT = 1.0
_ACCENT_WEIGHT = 0.3
_QUESTION_WORD_WEIGHT = 0.5
_FIXED_WEIGHT = 0.8  # a typo-repaired word is a little less trustworthy

# Who an asker's role also speaks for: a principal is a manager, a core teacher a teacher.
ROLE_MATCHES: dict[str, frozenset[str]] = {
    "gv": frozenset({"gv"}),
    "gv_cotcan": frozenset({"gv_cotcan", "gv"}),
    "cbql": frozenset({"cbql", "ht"}),
    "cbql_cotcan": frozenset({"cbql_cotcan", "cbql"}),
    "ht": frozenset({"ht", "cbql"}),
    "phong": frozenset({"phong"}),
    "so": frozenset({"so"}),
}
_NAMED_PROVINCE = (1.4, 0.6)  # factor for the named province's entries, for other provinces'
# A province's code today, asked for every entry of every question: read once per code.
region = lru_cache(maxsize=1024)(provinces.region)


def same_province(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and region(a) == region(b)


# an entry for all provinces written from the named province's letter alone: its words, but
# a rule the letter states for that province outweighs it, as the province's own entries do
_WRITTEN_FROM = 1.2
_ASKER_PROVINCE = 1.15  # the asker's own province's rule, for a question naming none
_ROLE = (1.12, 0.95)  # entry's roles include the asker's / entry is for other roles only
_ROLE_UNNAMED = (1.2, 0.9)  # the same when the question does not say whom it is about
_NAMED_LEVEL = (1.15, 0.75)
# the question names GV cốt cán, the entry is the rule for CBQL cốt cán only (or the reverse):
# another person approves, another duty; below another level's rule, whose duty may be alike
_OTHER_CORE_STAFF = 0.5
_LEVEL = (1.05, 0.97)

_QUERIES_KEPT = 1024  # questions read against the index, kept while it stays the same
_RERANK = 12  # candidates re-ranked by how closely one of their questions words the query
_PHRASING_WEIGHT = 0.5
_OTHER_NUMBER = 0.7
_LIST_OF_NUMBERS = 0.9

# Confidence: the share of the question's words the best entry covers (single syllables and
# two-syllable words), lowered when the runner-up is nearly as good.
_PAIR_SHARE = 0.35
_ENOUGH_EVIDENCE = 3.5  # times the weight of an unknown word
_VAGUE = 0.3  # content weight, in unknown words, below which a question is too vague
_TIE_FACTOR = 0.85  # confidence kept on an exact tie
_CLEAR_MARGIN = 0.4  # margin (share of the top score) at which a lead counts as clear
_TIE_MARGIN = 0.05
_WHICH = frozenset({"nao", "gio", "may"})  # "ngày nào", "bao giờ", "ngày mấy"
_FULLER = 0.1  # share of the question an entry must hold beyond the best's to overtake it
_SUBJECT = 0.5  # "half": of the question's words an entry holds; of the largest idf, for a topic
_TOPIC_WORDS = 3  # content words up to which a message names a topic rather than asks
_EVEN = 0.005  # scores this close are level: a hair of wording decides nothing
_CHOICE = 0.75  # share of a question an entry holds to be offered in a list to choose from
_TIED = 1e-6  # scores as close are one: the order among them says nothing
_ROWS_READ = 0.9  # a table's rows the question names by their own words, or its total row
_FIGURES_NAMED = 0.3  # an entry of the province named, printing each group's figure asked
_HEDGED = 0.45  # at most "unsure": a near-tie of rival entries, another province's rule
_ELLIPTICAL = 4  # content syllables at most of an ask that goes on from the one before
_LETTERS_TOPIC = 0.2  # share of a question's word pairs only the letters use: their topic

# A newer letter answers when its passage covers the question about as well as the entry:
# within this share of the question's content.
_NEWER_MARGIN = 0.05
_NEWER_VALUE_MARGIN = 0.2  # wider when it states the value asked for (a date, a phone…)
# Below the share a quote needs on its own: a newer letter's passage covering at least half of
# the question, and more of it than the entry that would answer, answers instead of the entry.
_NEWER_FLOOR = 0.5
# The share of a question a letter's contact must cover when another passage of that letter
# covers the matter asked about (``_contact_for``): the contact names the matter by its label
_CONTACT_FLOOR = 0.3
# How many of the best entries, and of the best passages, may hold the figures a question
# adds up when the answer chosen prints none (``_worked_out``)
_FIGURE_HOLDERS = 5
_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")  # "năm học 2026-2027": the entry's year is past
_WHOLE_DATE = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*20\d\d(?!\d)")
_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*[-–]\s*20\d\d(?!\d)")
# values a person or an office stands for: "gọi số nào" is answered by "báo cán bộ quản trị LMS"
_REACHED_THROUGH = frozenset({"contact", "phone", "landline", "email"})
# values that belong to a person ("số điện thoại của thầy Quang"), unlike whom to turn to
_PERSONAL_VALUES = frozenset({"phone", "landline", "email"})
# what may be asked of one module: when, by what date, how long, where, how many, how much
_VALUE_OF_A_MODULE = frozenset({"date", "time", "duration", "address", "number", "money"})

# Confidence thresholds on the calibrated [0, 1] score.
CONFIDENT_AT = 0.5
UNSURE_AT = 0.3
# An unsure answer whose best entry leads the runner-up by this share of its score is given
# as that entry, the others offered as buttons; closer calls stay a list to choose from. Set
# with scripts/calibrate_lead.py on shortened dev questions, not on any single question.
LEAD_AT = 0.4


@dataclass(frozen=True, slots=True)
class Answer:
    """What the engine found; ``render_answer`` turns it into a message."""

    kind: str  # "confident" | "quoted" (a letter's passage) | "unsure" | "none"
    entry: Entry | None
    confidence: float
    candidates: tuple[Entry, ...] = ()
    quote: Quote | None = None  # what a loaded letter says, for "quoted"
    lead: float = 0.0  # for "unsure": how far the best entry stands above the runner-up
    notes: tuple[str, ...] = ()  # said first, e.g. that the Sở has since moved a date it gives
    earlier: Entry | None = None  # the entry a newer letter's quote replaced, for ``earlier_text``
    earlier_text: str = ""  # what that older rule adds without contradicting the quote
    # whom to contact, or what each other ask of the message needs, asked in a clause of its
    # own (``contact_clause``, ``separate_asks``): a letter's passage or an entry
    also: tuple[Quote | Entry, ...] = ()
    # the total or difference the question asks of figures the answer prints (``figures``)
    worked: Worked | None = None
    # the days from the letter's date, or the asker's, to the deadline shown (``day_spans``)
    days: DaySpan | None = None
    # how many numbered things the answer lists, or which of one list another lacks
    listed: Listed | None = None
    # two rows of the quoted letter's table asked of together, and whether their days meet
    overlap: Overlap | None = None
    # the price per person it shows, times the people the asker counts (``per_head``)
    priced: PerHead | None = None


@dataclass(frozen=True, slots=True)
class Contender:
    """An entry or a passage the answer was chosen from, with its score (``--why``)."""

    score: float
    entry: Entry | None
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class Ranking:
    answer: Answer
    contenders: tuple[Contender, ...]
    why: str  # why the answer won: a msgid, formatted with ``why_params`` once translated
    why_params: dict[str, str] = field(default_factory=dict)  # "kind" is a msgid too


WHY_NOTHING = N_("neither an entry nor a letter passage covers the question's words")
WHY_VALUE_COUNTED = N_("the question asks how many; this text numbers what it counts and "
                       "the one covering a little more does not")
WHY_ENTRY_ONLY = N_("no letter passage covers the question; the entry does")
WHY_LETTER_ONLY = N_("only a letter passage covers the question")
WHY_NEWER = N_("the letter ({letter}) is newer than the entry's source ({entry}) and covers "
               "the question as well ({quote_score} against {entry_score})")
WHY_VALUE_IN_LETTER = N_("the question asks for a value ({kind}); the passage states one and "
                         "the entry does not")
WHY_VALUE_IN_ENTRY = N_("the question asks for a value ({kind}); the entry states one and the "
                        "passage does not")
WHY_NO_VALUE = N_("the question asks for a value ({kind}); neither the entries nor the "
                  "passages covering it state one")
WHY_ENTRY = N_("the entry covers the question and no newer letter does")
WHY_ENTRY_AND_LETTER = N_("the entry covers the question and no newer letter does; a passage "
                          "of its time covers more of the question and follows it")
WHY_NO_SUBJECT = N_("no entry or passage covers what the question asks about; a list of "
                    "topics sharing some of its words would be a guess")
WHY_LETTER = N_("no entry is confident; the letter passage covers the question")
WHY_OTHER_YEAR = N_("the question asks about {year}; the entry states the rule of {entry} and no "
                    "loaded letter speaks of {year}")
WHY_NO_PERSON = N_("the question asks for a value ({kind}) of someone it names; no entry or "
                   "letter passage that could answer names them")
WHY_OTHER_YEAR_LETTER = N_("the question asks about {year}; the letter that speaks of it is of "
                           "{letter} and names no year from {year} on")


@lru_cache(maxsize=256)
def issuer_region(issuer: str) -> str | None:
    """The province (its code today) whose Sở or UBND issued a letter; None for the Bộ or an
    issuer naming no province."""
    place = re.sub(r"^(?:Sở GD&ĐT|Phòng GD&ĐT|UBND)\s*", "", issuer.strip())
    found = provinces.province(place) if place else None
    return found.code if found else None


def letter_key(issuer: str, date: str) -> tuple[str, int, int]:
    """A letter as the knowledge base names its sources: issuer's province and month (a year
    alone when the letter gives no month); letters of one Sở in one month are one round."""
    year, month, _day = date_key(date)
    return issuer_region(issuer) or issuer.casefold(), year, month


def _day(day: tuple[int, int, int]) -> str:
    return "/".join(str(p) for p in (day[2], day[1], day[0]) if p)


def _day_month(value: str) -> str:
    """A date as ``values`` writes it, without its year: "14/12/2020" and "14/12" are one."""
    return "/".join(value.split("/")[:2])


_SOURCE_LINE = re.compile(r"<i>.*?</i>", re.DOTALL)


def _dates_given(answer: str) -> set[str]:
    """The dates an entry's answer gives, without the date of the letter its source line
    cites."""
    return {_day_month(v) for v in values("date", _SOURCE_LINE.sub(" ", answer))}


_LEAD_WORDS = 8  # words at most of a label before ":" saying whose case a message is


def _lead(ask: str) -> str:
    """What a message's first ask says before a colon ("cbql cốt cán thpt ở bình phước: nếu
    …"): whose case the whole message is, as a heading, which its later asks leave unsaid."""
    head, colon, rest = ask.partition(":")
    if not colon or not rest.strip() or len(head.split()) > _LEAD_WORDS or not head.strip() \
            or re.search(r"\d$", head):  # "8:30", "lúc 7:" is a time, no heading
        return ""
    return head.strip()


def _place_named(text: str) -> str:
    """The words naming the one province a text names ("hà nội" in "pgd hn …"), or ""."""
    acc = words(text)
    provinces, at = find_provinces(acc)
    if len(provinces) != 1 or "other" in provinces:
        return ""
    return " ".join(acc[i] for i in sorted(at))


def _in_best_place(ranked: list[tuple[float, int]], k: int) -> list[tuple[float, int]]:
    """The ranking with its k-th entry answering in the best's place and with the best's
    score: its own lower score on top would read as a rival beating it, and sink the
    confidence to "I don't know"."""
    swapped = list(ranked)
    swapped[0], swapped[k] = (ranked[0][0], ranked[k][1]), (ranked[k][0], ranked[0][1])
    return swapped


def _newer_params(quote: Quote, entry: Entry, covered: float) -> dict[str, str]:
    """``WHY_NEWER``'s figures: the two letters' dates and how much each covers."""
    return {"letter": _day(quote.letter.meta.day), "entry": _day(entry.as_of),
            "quote_score": f"{quote.confidence:.2f}", "entry_score": f"{covered:.2f}"}


@dataclass(frozen=True, slots=True)
class _Analysis:
    fields: dict[str, Counter[str]]  # field name -> term counts
    lengths: dict[str, int]
    phrasings: tuple[frozenset[str], ...]  # each question and the title as a set of terms
    numbers: dict[str, set[str]]  # numbered pairs of every field ("dun" -> {"2", "3"})
    phrasing_numbers: tuple[dict[str, set[str]], ...]


@dataclass(frozen=True, slots=True)
class _Query:
    terms: dict[str, float]  # index term -> query weight
    content: dict[str, float]  # folded content word -> weight for coverage (its idf or max)
    pairs: dict[str, float]  # adjacent word pairs -> weight, for coverage of two-syllable words
    plain: dict[str, float]  # every folded unigram and bigram -> idf, to compare with phrasings
    numbered: dict[str, set[str]]  # "mô đun 2" -> {"dun": {"2"}}
    provinces: frozenset[str]
    levels: frozenset[str]
    audience: bool  # the question names whom it is about
    core_roles: frozenset[str]  # the core staff it names ("GV cốt cán"): ``names_core_role``
    plain_total: float  # sum of ``plain``, for every phrasing compared
    # words and pairs of a date the asker states ("đến ngày 05/01/2023 mới xong"): an entry
    # stating that date covers them, one not stating it misses nothing asked (``stated_dates``)
    stated: frozenset[str] = frozenset()
    covered: dict[int, float] = field(default_factory=dict, compare=False, repr=False)  # by doc


fold = fold_word  # one token's folded form, cached


def _numbered(terms: Iterable[str]) -> dict[str, set[str]]:
    """Numbered pairs ("dun 2", "luc 4") as head word -> numbers."""
    found: dict[str, set[str]] = {}
    for t in terms:
        head, _, number = t.partition(" ")
        if number.isdigit() and len(number) <= 2 and not head.isdigit():  # not years
            found.setdefault(head, set()).add(number)
    return found


def _other_number(numbered: dict[str, set[str]], theirs: dict[str, set[str]]) -> bool:
    """A phrasing about module 3 does not word a question about module 2."""
    return any(
        head in theirs and not (theirs[head] & numbers) for head, numbers in numbered.items()
    )


def _number_fit(numbered: dict[str, set[str]], theirs: dict[str, set[str]]) -> float:
    """1.0 when the entry speaks of the asked number; less for a list of many, or none of it."""
    fit = 1.0
    for head, numbers in numbered.items():
        if head not in theirs:
            continue
        if not theirs[head] & numbers:
            fit *= _OTHER_NUMBER  # only "mô đun 3", "phụ lục 5" where 2 or 4 was asked
        elif len(theirs[head] - numbers) >= (2 if len(numbers) == 1 else 3):
            # a list of every module answers one module less well; two others beside the
            # one asked already make it a list ("mô-đun 1 đến mô-đun 5 và mô-đun 9")
            fit *= _LIST_OF_NUMBERS
    return fit


def _only_number(numbered: dict[str, set[str]], theirs: dict[str, set[str]]) -> bool:
    """Whether an entry speaks of just the numbers asked ("mô đun 9" for a question on module
    9), not of them among others ("mô-đun 1 đến mô-đun 5 và mô-đun 9") or of none."""
    return bool(numbered) and all(theirs.get(head) == numbers
                                  for head, numbers in numbered.items())


def _factor_key(entry: Entry) -> tuple[object, ...]:
    """What ``AnsweringEngine._factor`` reads of an entry."""
    return entry.province, entry.levels, entry.roles, spoken_for(entry.answer), \
        _written_from(entry), _core_staff(entry)


@lru_cache(maxsize=4096)
def _core_staff(entry: Entry) -> frozenset[str]:
    """The core staff whose rule an entry states: those it is for, else those its title
    names ("Phòng duyệt cho CBQL cốt cán thế nào?" is for the Phòng, about the managers)."""
    return entry.roles & CORE_ROLES or names_core_role([fold_word(w) for w in words(entry.title)])


def _written_from(entry: Entry) -> str | None:
    """The province whose letters alone an entry for all provinces was written from ("the
    managers' module 3", named as Hà Nội's letter lists it): a question naming that province
    is answered by it as by that province's own entries. None when its sources are of several
    provinces, or of none."""
    found = {issuer_region(s.issuer) for s in entry.sources}
    return next(iter(found)) if len(found) == 1 else None


def _rival(a: Entry, b: Entry) -> bool:
    """Two entries that give the same kind of answer for different provinces or audiences."""
    provinces = a.province is not None and b.province is not None and a.province != b.province
    roles = bool(a.roles) and bool(b.roles) and not a.roles & b.roles
    return provinces or roles


_ANSWERED = ("quoted", "confident")
# "bao giờ", "khi nào", "vào tháng mấy": when something happens, which only a date or a month
# answers
_WHEN_WORDS = re.compile(r"\b(?:bao gio|khi nao|thang (?:may|nao))\b")
# values every letter writes one way (a date, a sum, a phone): a text lacking one does not
# state it; a venue or a person is named in words no pattern knows
_WRITTEN_ALIKE = frozenset({"date", "time", "phone", "landline", "email", "website", "money",
                            "duration", "frequency"})


def _followed(ranking: Ranking, part: Answer, first: bool = False) -> Ranking:
    """The ranking's answer followed by what ``part`` (another ask's answer) shows and it does
    not: its entry, its letter's sentences, or both (``first``: the first of them only).
    Another province's entry is left out: the reply says whose rule it gives once, for the
    first answer; an entry for every province is no other province's."""
    answer = ranking.answer
    found: list[Quote | Entry] = [part.entry] if part.kind == "confident" and \
        part.entry is not None else []
    if part.quote is not None:
        found.append(part.quote)
    found = found[:1] if first else found
    also = tuple(f for f in found if not _shown(f, answer) and not (
        isinstance(f, Entry) and answer.entry is not None and f.province is not None
        and f.province != answer.entry.province))
    return replace(ranking, answer=replace(answer, also=(*answer.also, *also))) if also \
        else ranking


def _dated(found: Entry | Quote) -> Dated:
    """What ``found`` shows, for dating the things a question counts the days between."""
    if isinstance(found, Entry):
        signed = tuple((date_key(s.date), f"{s.number} {s.issuer}") for s in found.sources)
        return Dated(found.answer, max((d for d, _ in signed), default=(0, 0, 0)), signed)
    meta = found.letter.meta_of(found.passage)
    return Dated(found.passage.text, meta.day, ((meta.day, f"{meta.number} {meta.issuer}"),))


def _holding(ranking: Ranking, holds: Callable[[str], bool], why: str) -> Ranking:
    """The ranking answered by the first contender whose text ``holds`` what the question
    asks, of those covering it nearly as well as the best (``_FULLER``): "phải học mấy
    mô-đun" is not answered by who is to be trained "các mô-đun năm 2022" when a text as
    close numbers the modules. An entry or a passage never wins by being the first found;
    none holding it, nothing changes. The answer itself counts as the best when it came from
    beyond the contenders (a row, a contact): a rival far below it does not take its place."""
    best = max(ranking.contenders[0].score if ranking.contenders else 0.0,
               ranking.answer.confidence)
    for rival in ranking.contenders:
        if rival.score < best - _FULLER:
            break
        if rival.entry is not None and holds(rival.entry.answer):
            answer = Answer("confident", rival.entry, ranking.answer.confidence)
        elif rival.quote is not None and holds(rival.quote.text):
            answer = Answer("quoted", None, rival.quote.confidence, quote=rival.quote)
        else:
            continue
        return replace(ranking, answer=answer, why=why)
    return ranking


def _counts(noun: str, text: str) -> bool:
    """Whether ``text`` gives the counted noun a number: "6 mô đun", "mô đun 1", "tiết 3"."""
    folded = " ".join(fold_word(w) for w in words(text, limit=None))
    noun = re.escape(noun)
    return re.search(rf"(?:^| )(?:\d+ {noun}|{noun}(?: [a-z]+)? \d+)(?= |$)", folded) is not None


def _shown_text(answer: Answer) -> str:
    """All an answer shows: its entry, its letter's sentences (and the older letter's after
    them), what an older rule adds."""
    quote = answer.quote
    return "\n".join((answer.entry.answer if answer.entry is not None else "",
                      quote.text if quote is not None else "",
                      quote.older.text if quote is not None and quote.older else "",
                      answer.earlier_text))


def _deployment_only(question: str, province: str | None) -> bool:
    """Whether only the deployment's own letters (and those of no province) may answer: in a
    deployment, unless the question names a place, which lets that province's letters in."""
    return bool(province) and not named_places(words(question))


def _speaks_for(issuer: str, province: str | None) -> bool:
    """Whether a letter of ``issuer`` speaks for the deployment's province (or for none)."""
    return issuer_region(issuer) in (None, region(province) if province else None)


def _sum_stated(question: str, ranking: Ranking) -> Ranking:
    """A money question's quote that states no sum ("số lượng trên không gồm trường tư
    thục"), replaced by a passage covering the question as much that does ("trường tư thục
    … nộp 450.000 đồng một người"): of passages alike, the one with the amount answers."""
    answer = ranking.answer
    for contender in ranking.contenders:
        quote = contender.quote
        if contender.score < answer.confidence - _TIED or quote is None:
            continue
        if names_money(quote.text) and states_asked_sum(question, quote.text):
            return replace(ranking, answer=replace(answer, quote=quote))
    return ranking


def _priced(question: str, ranking: Ranking) -> Ranking:
    """The answer with the sum for the people the question counts at the price per person
    it shows (``per_head``): its sentences, else its whole passage, else its entry."""
    answer = ranking.answer
    texts = [answer.quote.text, answer.quote.passage.text] if answer.quote else []
    texts += [answer.entry.answer] if answer.entry else []
    found = next((f for t in texts if (f := per_head(question, t)) is not None), None)
    return ranking if found is None else replace(ranking, answer=replace(answer, priced=found))


def _refused(ranking: Ranking, why: str, **params: str) -> Ranking:
    """The ranking with an honest "none" for its answer, and why the answer found was none."""
    return replace(ranking, answer=Answer("none", None, ranking.answer.confidence), why=why,
                   why_params=params)


def _later_year(question: str, answer: Answer) -> int:
    """The year a question asks about ("năm 2021", "năm học 2021-2022"), when the answer is an
    entry alone whose every dated fact is of an earlier year: that entry is another year's
    rule. 0 otherwise (no year named, a letter quoted, a date of that year in the entry). A
    school year the entry names ("năm học 2020-2021") is the year it begins in: "năm 2021
    … tháng mấy" is not answered by "tháng 7 năm 2020, cho lớp 1 năm học 2020-2021"."""
    if answer.entry is None or answer.quote is not None or answer.kind == "none":
        return 0
    asked = _asked_year(question)
    dated = [int(y) for y in _YEAR.findall(_SCHOOL_YEAR.sub(r"\1", answer.entry.answer))]
    if not asked or not dated or asked <= answer.entry.as_of[0] or max(dated) >= asked:
        return 0
    return asked


def _asked_year(question: str) -> int:
    """The (earliest) year a question asks about, 0 if none: not the year of a whole date the
    asker states of their case ("đến ngày 05/01/2027 mới xong thì có kịp hạn không")."""
    return min((int(y) for y in _YEAR.findall(_WHOLE_DATE.sub(" ", question))), default=0)


def _later_than_letter(question: str, answer: Answer) -> int:
    """The year a question asks about, when the answer quotes a letter dated earlier that
    names no year from that one on: "năm 2021 … tổ chức vào thời gian nào" is not answered by
    a 2020 plan's "trong tháng 7 năm 2020". A school year ("năm học 2020-2021") is the year it
    begins in. 0 otherwise."""
    if answer.quote is None or answer.entry is not None or answer.kind == "none":
        return 0
    asked = _asked_year(question)
    letter = answer.quote.letter
    written = letter.meta_of(answer.quote.passage).day[0]
    if not asked or not written or asked <= written or _last_year_named(letter) >= asked:
        return 0
    return asked


@lru_cache(maxsize=64)
def _last_year_named(letter: Letter) -> int:
    """The latest year a letter names, a school year counting as the year it begins in."""
    return max((int(y) for p in letter.passages
                for y in _YEAR.findall(_SCHOOL_YEAR.sub(r"\1", p.text))), default=0)


def _subjects(answer: Answer) -> str:
    """What the answer's sources are about: its entry's title, its letter's subject."""
    return "\n".join((answer.entry.title if answer.entry is not None else "",
                      answer.quote.letter.meta_of(answer.quote.passage).subject
                      if answer.quote is not None else ""))


def _shown(found: Quote | Entry, answer: Answer) -> bool:
    """Whether an answer already shows this entry, or these sentences of a passage, as its
    own or beside it."""
    if isinstance(found, Entry):
        return any(isinstance(e, Entry) and e.id == found.id for e in (answer.entry,
                                                                       *answer.also))
    said = _without_heading(found)
    return any(isinstance(q, Quote) and q.passage == found.passage and said in q.text
               for q in (answer.quote, *answer.also))


def _without_heading(quote: Quote) -> str:
    """A quote's sentences without the heading lines it opens with ("1. Người được cử đi
    học"): the same sentences quoted under their heading for one ask and without it for
    another are shown once."""
    lines = quote.text.split("\n")
    heads = {h.rstrip(" …") for h in quote.passage.path}
    while len(lines) > 1 and lines[0].rstrip(" …") in heads:
        lines = lines[1:]
    return "\n".join(lines)


def _html_to_text(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text)


def _entry_text(entry: Entry) -> str:
    return "\n".join((*entry.questions, entry.title, *entry.keywords,
                      _html_to_text(entry.answer)))


_text_terms = lru_cache(maxsize=8192)(terms)  # an entry's text, as ``LetterIndex.cover`` reads it
_holds = lru_cache(maxsize=8192)(holds)  # whether an entry states a date, a phone…: asked again


def _terms(acc: list[str]) -> list[str]:
    """Index terms of a token list: folded unigrams and bigrams, accented unigrams."""
    folded = [fold(w) for w in acc]
    keep = [i for i, f in enumerate(folded) if f and f not in FILLERS]
    out = [folded[i] for i in keep]
    out += [f"{folded[i]} {folded[j]}" for i, j in pairwise(keep) if j == i + 1]
    out += ["'" + acc[i] for i in keep if acc[i] != folded[i]]
    return [intern(t) for t in out]  # one string per distinct term across a large base


def _marks_added(question: str, ranking: Ranking) -> Ranking:
    """The answer with what its quoted row of marks adds up to, when the question counts
    what the letter gives each marked unit ("học xong các mô-đun được tính bao nhiêu tiết":
    ``marked.marked_total``); as it is otherwise."""
    answer = ranking.answer
    if answer.kind not in _ANSWERED or answer.worked is not None:
        return ranking
    for quote in (answer.quote, *answer.also):
        if isinstance(quote, Quote):
            worked = marked_total(question, quote.text, "\n".join(
                p.text for p in quote.letter.passages))
            if worked is not None:
                return replace(ranking, answer=replace(answer, worked=worked))
    return ranking


class AnsweringEngine:
    """Ranks entries for a question; rebuilds its index whenever the entries change."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._entries: list[Entry] = []
        self._analysed: dict[str, tuple[Entry, _Analysis]] = {}
        self.letters = LetterIndex()  # the letters the Sở loaded; they compete with entries
        self._terms_of: dict[str, tuple[Entry, frozenset[str]]] = {}
        self._story: frozenset[str] = frozenset()  # told beside the ask answered (``told``)
        self.replace_entries(entries)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> AnsweringEngine:
        return cls(entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id (a button names it), or None."""
        return self._by_id.get(entry_id)

    def add_entry(self, entry: Entry) -> None:
        """Add an entry (or replace the one with its id); the next answer already uses it."""
        kept = [e for e in self._entries if e.id != entry.id]
        self.replace_entries([*kept, entry])

    def replace_entries(self, entries: Iterable[Entry]) -> None:
        """Swap the whole knowledge base, e.g. after officers edited the data files."""
        self._entries = list(entries)
        self._by_id = {e.id: e for e in self._entries}
        self._as_of = [e.as_of for e in self._entries]  # read for every question's rivals
        self._sources = frozenset(letter_key(s.issuer, s.date) for e in self._entries
                                  for s in e.sources)
        self._index()

    # -- index -------------------------------------------------------------------------

    def _analysis(self, entry: Entry) -> _Analysis:
        """Term counts per field; kept per entry so adding one entry re-reads only that one."""
        cached = self._analysed.get(entry.id)
        if cached is not None and cached[0] == entry:
            return cached[1]
        texts = {
            "questions": entry.questions,
            "title": (entry.title,),
            "keywords": entry.keywords,
            "answer": (_html_to_text(entry.answer),),
        }
        fields: dict[str, Counter[str]] = {}
        phrasings: list[frozenset[str]] = []
        for name, parts in texts.items():
            tf: Counter[str] = Counter()
            for part in parts:
                terms = _terms(words(part, limit=None))
                tf.update(terms)
                if name in ("questions", "title"):
                    phrasings.append(frozenset(t for t in terms if not t.startswith("'")))
            fields[name] = tf
        found = _Analysis(
            fields,
            {f: sum(tf.values()) for f, tf in fields.items()},
            tuple(phrasings),
            _numbered(t for tf in fields.values() for t in tf),
            tuple(_numbered(p) for p in phrasings),
        )
        self._analysed[entry.id] = (entry, found)
        return found

    def _index(self) -> None:
        # read against the new index from now on, each with what the asker told beside it
        self._queries: dict[tuple[str, frozenset[str]], _Query] = {}
        n = len(self._entries)
        docs = [self._analysis(e) for e in self._entries]
        self._analysed = {e.id: self._analysed[e.id] for e in self._entries}
        self._docs = docs
        self._position = {e.id: k for k, e in enumerate(self._entries)}
        # the given names of the people each entry names ("ông Nguyễn Văn Thành" → "thanh")
        self._people = [named_people(_html_to_text(e.answer)) for e in self._entries]
        self._known_people = frozenset().union(*self._people)
        # entries alike in what ``_factor`` reads share one factor, computed once a question
        groups: dict[tuple[object, ...], int] = {}
        self._group = np.array([groups.setdefault(_factor_key(e), len(groups))
                                for e in self._entries], dtype=np.intp)
        self._group_entry = list({g: e for e, g in zip(
            self._entries, self._group.tolist(), strict=True)}.values())
        df: Counter[str] = Counter()
        for d in docs:
            df.update({t for tf in d.fields.values() for t in tf})
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        self._phrasing_idf = [
            # fsum: a phrasing is a set, whose order (and so a float sum's) follows the hash seed
            tuple(math.fsum(self._idf[t] for t in p) for p in d.phrasings) for d in docs
        ]
        # term -> the phrasings (by position) that contain it, to score all phrasings at once
        self._phrasing_terms: list[dict[str, list[int]]] = []
        for d in docs:
            inverted: dict[str, list[int]] = {}
            for k, phrasing in enumerate(d.phrasings):
                for t in phrasing:
                    inverted.setdefault(t, []).append(k)
            self._phrasing_terms.append(inverted)
        avg = {f: (sum(d.lengths[f] for d in docs) / n if n else 1.0) or 1.0 for f in _FIELDS}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, d in enumerate(docs):
            combined: dict[str, float] = {}
            for f, weight in _FIELDS.items():
                scale = weight / (1 - _B + _B * d.lengths[f] / avg[f])
                for t, c in d.fields[f].items():
                    combined[t] = combined.get(t, 0.0) + c * scale
            for t, tf_w in combined.items():
                ids, ws = postings.setdefault(t, ([], []))
                ids.append(i)
                ws.append(self._idf[t] * tf_w * (_K1 + 1) / (tf_w + _K1))
        self._postings = freeze(postings)
        vocab = {t: c for t, c in df.items() if " " not in t and not t.startswith("'")}
        self._speller = SpellFixer.build(vocab, (t for t in df if " " in t), FILLERS)

    # -- query -------------------------------------------------------------------------

    def _query(self, question: str) -> _Query:
        """The question read against this index; a question asked again is not read again."""
        cache, key = self._queries, (question, self._story)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _QUERIES_KEPT:
                cache.clear()
            found = cache[key] = self._read_query(question)
        return found

    def _read_query(self, question: str) -> _Query:
        acc = words(question)
        provinces, at = find_provinces(acc)
        folded = [fold(w) for w in acc]
        fixed: set[int] = set()
        for i, f in enumerate(folded):
            if i in at or f in FILLERS or not f:
                continue
            repair = self._speller.fix(
                f, folded[i - 1] if i else "", folded[i + 1] if i + 1 < len(folded) else ""
            )
            if repair:
                folded[i], acc[i] = repair, repair
                fixed.add(i)
        if fixed:  # "hco bù": the repaired word reads its phrase as the entries word it
            repaired = {acc[i] for i in fixed}
            acc = reread(acc)
            folded = [fold(w) for w in acc]
            provinces, at = find_provinces(acc)
            fixed = {i for i, w in enumerate(acc) if w in repaired}
        keep = [i for i, f in enumerate(folded) if f and f not in FILLERS and i not in at]
        aside = set_aside(question)  # "ngoài việc đó, … còn phải …": known, not asked
        # "em dạy ở xã …" before the ask: whose case, which weighs less than what is asked
        # (it may also be what the ask is about: "em muốn học văn bằng hai …")
        story = frozenset(w for w in self._story | told_in_brackets(question)
                          if fold(w) not in aside)
        terms: dict[str, float] = {}
        content: dict[str, float] = {}
        pairs: dict[str, float] = {}
        dated = {i for date in stated_dates(folded) for i in date}
        working = working_words(question)  # "đông hơn", "ít … nhất": asked of the figures
        stated: set[str] = set()
        undated: set[str] = set()  # also said outside the date ("mô đun 1 … ngày 1/3")

        def put(term: str, weight: float) -> None:
            terms[term] = max(terms.get(term, 0.0), weight)

        for j, i in enumerate(keep):
            f = folded[i]
            trust = (_FIXED_WEIGHT if i in fixed else 1.0) * (
                ASIDE if f in aside else TOLD if acc[i] in story else 1.0)
            is_question_word = f in QUESTION_WORDS or f in working
            put(f, trust * (_QUESTION_WORD_WEIGHT if is_question_word else 1.0))
            if acc[i] != f:
                put("'" + acc[i], trust * _ACCENT_WEIGHT)
            if not is_question_word:
                content[f] = self._idf.get(f, self._max_idf) * trust
                (stated if i in dated else undated).add(f)
            if j + 1 < len(keep) and keep[j + 1] == i + 1:
                nxt = folded[i + 1]
                pair = f"{f} {nxt}"
                put(pair, trust * _BIGRAM_WEIGHT)
                if not (is_question_word and nxt in QUESTION_WORDS) and nxt not in working \
                        and f not in working:
                    pairs[pair] = self._idf.get(pair, self._max_idf) * trust * (
                        ASIDE if nxt in aside else
                        TOLD if acc[i + 1] in story and acc[i] not in story else 1.0)
                    (stated if i in dated or i + 1 in dated else undated).add(pair)
        plain = {t: self._idf.get(t, self._max_idf) for t in terms if not t.startswith("'")}
        return _Query(
            terms,
            content,
            pairs,
            plain,
            _numbered(terms),
            frozenset(provinces),
            frozenset(find_levels(folded)),
            names_audience(folded),
            names_core_role(folded),
            sum(plain.values()),
            frozenset(stated - undated),
        )

    def _scores(self, query: _Query) -> np.ndarray:
        found = scores(self._postings, query.terms, len(self._entries))
        return np.zeros(len(self._entries)) if found is None else np.asarray(found, np.float64)

    def _factor(
        self, entry: Entry, query: _Query, role: str | None, level: str | None, province: str | None
    ) -> float:
        """Named province and level first, then the asker's own; entries for all are neutral.
        It reads only what ``_factor_key`` names."""
        factor = 1.0
        if entry.province is not None:
            if query.provinces:
                factor *= _NAMED_PROVINCE[region(entry.province) not in query.provinces]
            elif province and not same_province(entry.province, province):
                return 0.0  # another province's rule answers only a question naming it
            elif province:
                factor *= _ASKER_PROVINCE
        elif province and not (spoken_for(entry.answer) or {region(province)}) & {
                region(province), *query.provinces}:
            return 0.0  # a rule for all whose every line is another province's (``local_lines``)
        elif query.provinces and (written := _written_from(entry)) is not None and \
                region(written) in query.provinces:
            factor *= _WRITTEN_FROM  # in the named province's letter's own words
        if entry.levels:
            if query.levels:
                factor *= _NAMED_LEVEL[not entry.levels & query.levels]
            elif level:
                factor *= _LEVEL[level not in entry.levels]
        core = _core_staff(entry)
        if query.core_roles and core and not core & query.core_roles:
            factor *= _OTHER_CORE_STAFF
        if role and entry.roles:
            weights = _ROLE if query.audience else _ROLE_UNNAMED
            factor *= weights[not entry.roles & ROLE_MATCHES.get(role, {role})]
        return factor

    def _coverage(self, items: dict[str, float], doc: int,
                  stated: frozenset[str] = frozenset()) -> float:
        """Share of the question's words (idf-weighted; unknown words weigh most) in a doc;
        a ``stated`` word counts only where the doc holds it.

        A long message carries context the documents never mention ("I teach maths at …");
        once the matched words alone weigh as much as a few unknown words, the rest does not
        dilute it.
        """
        fields = self._docs[doc].fields.values()
        held = {t for t in items if any(t in tf for tf in fields)}
        matched = sum(w for t, w in items.items() if t in held)  # in the question's order
        total = sum(w for t, w in items.items() if t in held or t not in stated)
        if total <= 0:
            return 0.0
        return min(1.0, matched / min(total, _ENOUGH_EVIDENCE * self._max_idf))

    def answer(
        self,
        question: str,
        *,
        role: str | None = None,
        level: str | None = None,
        province: str | None = None,
    ) -> Answer:
        """The best answer over curated entries and the loaded letters' passages; an honest
        "none" when nothing covers the question. Nothing is ever composed but the total or
        difference the question asks of figures the answer prints (``figures``)."""
        return self.explain(question, role=role, level=level, province=province).answer

    def explain(
        self,
        question: str,
        *,
        role: str | None = None,
        level: str | None = None,
        province: str | None = None,
    ) -> Ranking:
        """The answer, the contenders it was chosen from and why it won (``troly ask --why``).

        Entries and passages are scored on one scale, the share of the question's content
        they cover. An entry states a rule as of the letter it was written from: a loaded
        letter newer than that which covers the question answers instead, and the entry is
        offered as the earlier rule. A question asking for a value (a date, a phone…) is
        answered by the passage stating it when the entry does not. Otherwise a confident
        entry, which words the answer for a phone, stands before the passage of its own time.
        A newer letter's passage covering more of the question than the entry (at least half
        of it) answers even when it covers too little to be quoted on its own.
        """
        question = self.letters.as_meant(question)  # "tôi đi dư 4 buôi ơ trương …"
        ranking = self._explain_message(question, role=role, level=level, province=province)
        sides = compared_sides(question)
        if sides is not None:
            return self._compared(ranking, sides, role=role, level=level, province=province)
        asks = separate_asks(question)
        if asks is not None:
            background, parts = asks
            if len(parts) != 1 or not self._reads_alike(
                    question, f"{background} {parts[0]}".strip()):  # not only a greeting left
                ranking = self._other_asks(ranking, *asks, role=role, level=level,
                                           province=province)
        elif (case := told_before(question)) is not None:
            ranking = self._told_reading(ranking, question, *case, role=role, level=level,
                                         province=province)
        if asks_sum(question):
            ranking = self._worked_out(question, ranking, province)
        else:
            ranking = _marks_added(question, ranking)
        if ranking.answer.worked is None and asks_rows(question):
            ranking = self._rows_summed(question, ranking, province)
        if ranking.answer.kind in _ANSWERED and asks_per_head(question):
            ranking = _priced(question, ranking)
        if asks_listed(question) and ranking.answer.worked is None:
            ranking = self._listed(question, ranking)
        ranking = self._days_counted(question, ranking, province) if asks_days(question) \
            else ranking
        return self._overlapping(question, ranking)

    def _overlapping(self, question: str, ranking: Ranking) -> Ranking:
        """The answer with the days of the two rows of its letter's table the question asks
        of together, and whether they overlap (``row_overlap``)."""
        answer = ranking.answer
        if answer.kind != "quoted" or answer.quote is None or not asks_together(question):
            return ranking
        found = overlap(question, self.letters.sentences_of(answer.quote.letter))
        return ranking if found is None else replace(ranking, answer=replace(answer,
                                                                             overlap=found))

    @staticmethod
    def _listed(question: str, ranking: Ranking) -> Ranking:
        """The answer with the count of numbered things its text lists, or the items of one
        list another lacks, that the question asks (``listed``)."""
        answer = ranking.answer
        if answer.kind == "none":
            return ranking
        texts = [t for t in (answer.entry.answer if answer.entry else "",
                             answer.quote.text if answer.quote else "") if t]
        found = next((f for t in texts if (f := listed(question, t)) is not None), None)
        return ranking if found is None else replace(ranking,
                                                     answer=replace(answer, listed=found))

    def _days_counted(self, question: str, ranking: Ranking, province: str | None
                      ) -> Ranking:
        """The answer with the days the question asks from the letter's date, or the date it
        types, to the deadline the answer shows (``day_spans``); or between two things it
        names, each dated by the answer or another text of the same Sở ("từ ngày Sở ký tờ
        trình đến ngày UBND chấp thuận", "hạn nộp bảng giấy và hạn báo cáo cách nhau")."""
        answer = ranking.answer
        if answer.kind == "none":
            return ranking
        if asks_between(question) is not None:
            shown = answer.entry or answer.quote
            held = self._same_so(question, answer, province)
            span = days_between(question, [_dated(f) for f in ([shown] if shown else []) + held])
            if span is not None:
                return replace(ranking, answer=replace(answer, days=span))
        if answer.entry is not None:
            text = answer.entry.answer
            dates = [date_key(s.date) for s in answer.entry.sources]
            letter_date = max(dates) if dates else (0, 0, 0)
        elif answer.quote is not None:
            text = answer.quote.text
            letter_date = answer.quote.letter.meta_of(answer.quote.passage).day
        else:
            return ranking
        span = day_span(question, text, letter_date)
        return ranking if span is None else replace(ranking, answer=replace(answer, days=span))

    def _told_reading(self, ranking: Ranking, question: str, background: str, ask: str, *,
                      role: str | None, level: str | None, province: str | None) -> Ranking:
        """A message telling whose case it is, then asking a value ("Tôi là giáo viên cốt cán
        THCS ở phường Chơn Thành. Nếu ngày 25/01 tôi mới nộp kế hoạch thì còn kịp không?"):
        when its answer states no value of the kind asked, the message read with what it
        tells as the asker's story (``told``) answers instead, if that reading states one. The
        level or post told brought up a passage speaking of them; the asker's deadline is in
        the one naming their place."""
        kind = asked_kind(ask)
        if kind not in _WRITTEN_ALIKE:
            return ranking
        # "còn kịp không": a date something is due by, not any date ("ngày 12/01/2021")
        kind = "deadline" if "deadline" in asked_values(ask) else kind
        if ranking.answer.kind in _ANSWERED and _holds(kind, _shown_text(ranking.answer)):
            return ranking
        with self._telling(told(background, ask)):
            reading = self._explain_message(question, role=role, level=level,
                                            province=province)
        answered = reading.answer.kind in _ANSWERED and _holds(kind, _shown_text(reading.answer))
        return reading if answered else ranking

    def _worked_out(self, question: str, ranking: Ranking, province: str | None) -> Ranking:
        """The answer with the total or difference the question asks of the figures it
        prints (``figures.work_out``). When the answer is sure of its subject but prints no
        such figures, the best entry or passage of the same Sở that does answers instead:
        "cộng cả ba cấp còn bao nhiêu CBQL chưa xong mô đun 1" is answered by the figures
        per level, not by the summary of the letter that gives them. A refusal whose best
        contender is of the subject but prints no figures (the words "kinh phí" in "hai khối
        mà Sở lo kinh phí có tổng cộng bao nhiêu GV và CBQL" bring up the funding) is looked
        over the same way: the groups named, each with its figure, are the question's."""
        answer = ranking.answer
        if answer.kind not in _ANSWERED:
            by_best = self._worked_by_best(question, ranking, province)
            if by_best is not ranking:
                return by_best
        worked = self._worked_in(question, answer.entry, answer.quote)
        if worked is not None:
            return replace(ranking, answer=replace(answer, worked=worked))
        best = ranking.contenders[0].score if ranking.contenders else 0.0
        if answer.kind not in _ANSWERED and best < _HEDGED:
            return ranking
        for found in self._same_so(question, answer, province):
            confidence = answer.confidence if isinstance(found, Entry) else found.confidence
            holding = self._holding_figures(question, found, confidence, province)
            if holding is not None:
                return replace(ranking, answer=holding)
        return ranking

    def _rows_summed(self, question: str, ranking: Ranking, province: str | None) -> Ranking:
        """The rows of a loaded letter's table the question adds up or subtracts, or its
        total row (``row_sums``), quoted with the working; the answer's own letter is read
        first. The rows it names by their own words are the subject: a question listing
        place names and "cộng lại" covers too little of any passage to be answered. In a
        deployment, another Sở's letter answers only as ``_own`` lets it."""
        answer = ranking.answer
        only = _deployment_only(question, province)
        letters = [x for x in self.letters.letters
                   if not only or _speaks_for(x.meta.issuer, province)]
        if answer.quote is not None:
            letters.sort(key=lambda x: x is not answer.quote.letter)  # type: ignore[union-attr]
        for letter in letters:
            found = rows_summed(question, self.letters.tables_of(letter))
            passage = None if found is None else next(
                (p for p in letter.passages if found.rows[0] in p.text), None)
            if found is None or passage is None:
                continue
            confidence = max(answer.confidence, _ROWS_READ)
            quote = Quote(letter, passage, " … ".join(found.rows), confidence)
            worked = None if not found.parts else Worked(
                found.difference, tuple((f, "", "", name) for f, name in found.parts),
                found.result, "", found.noun)
            return replace(ranking, answer=Answer("quoted", None, confidence, quote=quote,
                                                  worked=worked))
        return ranking

    def _same_so(self, question: str, answer: Answer, province: str | None
                 ) -> list[Entry | Quote]:
        """The best few entries and passages of the Sở the question or its answer is about
        (the answer's own kind first): where figures or dates the answer lacks are looked
        for."""
        query = self._query(question)
        own = query.provinces or {
            region(p) for p in (answer.entry.province if answer.entry else None,
                                issuer_region(answer.quote.letter.meta_of(
                                    answer.quote.passage).issuer) if answer.quote else None,
                                province) if p}
        raw = self._scores(query)
        entries = [self._entries[i] for i in np.argsort(-raw, kind="stable")[:_FIGURE_HOLDERS]
                   if raw[i] > 0]
        entries = [e for e in entries if e.province is None or region(e.province) in own]
        quotes = [q for q in self._own(self.letters.candidates(question), question, province)
                  if (issuer_region(q.letter.meta_of(q.passage).issuer) or "") in own | {""}
                  ][:_FIGURE_HOLDERS] if len(self.letters) else []
        return [*entries, *quotes] if answer.quote is None else [*quotes, *entries]

    def _worked_by_best(self, question: str, ranking: Ranking, province: str | None
                        ) -> Ranking:
        """An unsure or empty answer whose best contender prints one figure for each group
        the question adds up or compares: that contender answers, worked out. The words of
        the working ("cộng với", "nhiều hơn", "lẫn", "bao nhiêu người") are what no entry
        says, and two entries giving the same figures (one per role) tie; neither means the
        question is not theirs once every group it names has its figure there."""
        best = ranking.contenders[0] if ranking.contenders else None
        if best is not None and best.score >= _HEDGED:
            found = best.entry if best.entry is not None else best.quote
            holding = None if found is None else self._holding_figures(question, found,
                                                                        best.score, province)
            return ranking if holding is None else replace(ranking, answer=holding)
        # below it, figures alone are no subject; but the figures of the province the
        # question names, each group it names found there once, are its subject however few
        # of its words ("gấp khoảng mấy lần", "phải bồi dưỡng") the entry shares
        named = self._query(question).provinces
        for contender in ranking.contenders[:_FIGURE_HOLDERS]:
            entry = contender.entry
            if contender.score < _FIGURES_NAMED:
                break
            if entry is None or entry.province is None or region(entry.province) not in named:
                continue
            holding = self._holding_figures(question, entry, contender.score, province)
            if holding is not None:
                return replace(ranking, answer=holding)
        # with no contender (no letter loaded, and no entry near enough to be offered), the
        # named province's best few entries and passages are looked over the same way
        for found in self._same_so(question, ranking.answer, province) if named else ():
            if isinstance(found, Entry) and (found.province is None
                                             or region(found.province) not in named):
                continue
            confidence = _FIGURES_NAMED if isinstance(found, Entry) else found.confidence
            holding = self._holding_figures(question, found, confidence, province)
            if holding is not None:
                return replace(ranking, answer=holding)
        return ranking

    def _holding_figures(self, question: str, found: Entry | Quote, confidence: float,
                         province: str | None) -> Answer | None:
        """``found`` as the answer, with the total or difference the question asks of the
        figures it prints (an entry as the province asking reads it); None when it prints
        no such figures."""
        if isinstance(found, Entry):
            shown = self.local(found, province, question)
            worked = None if shown is None else self._worked_in(question, shown, None)
            return None if worked is None else Answer("confident", shown, confidence,
                                                      worked=worked)
        worked = self._worked_in(question, None, found)
        return None if worked is None else Answer("quoted", None, confidence, quote=found,
                                                  worked=worked)

    @staticmethod
    def _worked_in(question: str, entry: Entry | None, quote: Quote | None) -> Worked | None:
        """``work_out`` on what an answer shows: the entry, else the quoted sentences, else
        the whole passage they are from."""
        texts = [entry.answer] if entry is not None else []
        if quote is not None:
            texts += [quote.text, quote.passage.text]
        return next((w for t in texts if (w := work_out(question, t)) is not None), None)

    def _reads_alike(self, message: str, part: str) -> bool:
        """Whether the entries and the letters read ``part`` of a message as the message
        itself: what it leaves out ("Chào bot,", "Em cảm ơn nhiều.") weighs nothing."""
        return (asked_kinds(message) == asked_kinds(part)
                and self._query(message) == self._query(part)
                and self.letters.reads_alike(message, part))

    def _compared(self, ranking: Ranking, sides: tuple[str, str], *, role: str | None,
                  level: str | None, province: str | None) -> Ranking:
        """A comparison ("A và B khác nhau thế nào") answered by each side's own answer, the
        second's after the first's (``compared_sides``); the whole message's answer when a
        side finds none. A province one side names is the other's too ("hn 2022 hiệu phó
        và giáo viên …"): a message names its province once."""
        place = _place_named(" ".join(sides))
        placed = [side if not place or find_provinces(words(side))[0] else f"{place}: {side}"
                  for side in sides]
        first, second = (self._explain_message(side, role=role, level=level,
                                               province=province) for side in placed)
        if first.answer.kind not in _ANSWERED or second.answer.kind not in _ANSWERED:
            return ranking
        one, other = first.answer, second.answer
        if one.entry is not None and other.entry is not None and one.entry.id == \
                other.entry.id and one.quote is not None and other.quote is not None:
            # an entry found for both sides alike tells them apart no more than the question
            # did: each side's own sentences do, and the message stays short
            one, other = (replace(a, kind="quoted", entry=None) for a in (one, other))
            first = replace(first, answer=one)
        return _followed(first, other)

    def _other_asks(self, ranking: Ranking, background: str, asks: tuple[str, ...], *,
                    role: str | None, level: str | None, province: str | None) -> Ranking:
        """A message asking one to three things beside what it says of the asker: what
        answers each of them and is not shown yet follows the message's answer, so no ask goes
        unanswered (``separate_asks``). When nothing answers the whole message, the first ask
        answered leads: a worry or a greeting around one ask keeps no passage from answering.
        A province one ask names is the others' too ("pgd hn xong trước hạn nào, kế hoạch
        trình ai duyệt"): a message names its province once."""
        place = _place_named(" ".join(asks))
        lead = _lead(asks[0])
        answered: list[Answer] = []
        for n, ask in enumerate(asks):
            if n and lead:  # "cbql cốt cán thpt ở bp: …, còn …": whose case every ask is
                ask = f"{lead}: {ask}"
            if place and not find_provinces(words(f"{background} {ask}"))[0]:
                ask = f"{place}: {ask}"
            with self._telling(told(background, ask)):
                part = self._explain_message(f"{background} {ask}".strip(), role=role,
                                             level=level, province=province)
            if background and part.answer.kind not in _ANSWERED and asked_kind(
                    ask) in _REACHED_THROUGH:
                # "Em nên liên hệ ai, số nào": whom to contact, when what the asker told of
                # themselves outweighs the ask
                part = self._explain_message(ask, role=role, level=level, province=province)
            elif background and not refers_back(background, ask) and not self._answers_ask(
                    part.answer, ask):
                alone = self._explain_message(ask, role=role, level=level, province=province)
                shared = alone.answer.entry is not None and alone.answer.entry.province is None
                if alone.answer.kind in _ANSWERED and (
                        asked_kind(ask) not in _REACHED_THROUGH or shared
                        or self._of_named(alone.answer, background)):
                    part = alone  # whom to call: of every province, or the one named
            elif background and part.answer.kind not in _ANSWERED:
                # "em mới được tuyển dụng vào trường … ở huyện …": a story of words no entry
                # uses sinks the ask's share; the ask alone is answered when an entry or a
                # passage holds most of it (as one offered to choose from), and by the rule
                # of the province the story names (of any, when it names none)
                # (as a confident answer, when it is the rule of the very province the story
                # names: "em ở Hà Nội …, cô bạn em học theo hình thức nào")
                alone = self._explain_message(ask, role=role, level=level, province=province)
                floor = CONFIDENT_AT if self._of_named_only(alone.answer, background) \
                    else _CHOICE
                if alone.answer.kind in _ANSWERED and alone.answer.confidence >= floor and \
                        self._of_named(alone.answer, background) and not self._elsewhere(
                            alone.answer, ask, background):
                    part = alone
            if part.answer.kind not in _ANSWERED:
                continue
            if ranking.answer.kind in _ANSWERED and background and points_back(ask) and \
                    refers_back(background, ask) and self.letters.content_words(ask) <= _ELLIPTICAL:
                # "thầy ấy có nhận thêm người thứ ba được không": of the one the message told
                # of, in a few words, read whole the message is answered; the ask alone
                # names nothing to look up
                continue
            if ranking.answer.kind not in _ANSWERED:
                if n and len(self._query(ask).content) <= _ELLIPTICAL:
                    # "…, biên bản theo mẫu nào": an ask naming no subject of its own goes on
                    # from the one before; when nothing answers that, an answer to its few
                    # words alone ("theo mẫu Phụ lục 4") is about something else
                    continue
                ranking = part
                continue
            ranking = _followed(ranking, part.answer, first=True)
            answered.append(part.answer)
        # each ask's answer first, then what else they show, while the message reads on a phone
        for each in answered:
            ranking = _followed(ranking, each)
        return ranking

    def _elsewhere(self, answer: Answer, ask: str, told: str) -> bool:
        """Whether an entry answering an ask of a few words alone ("em có đủ điều kiện đi học
        không") is about another matter than the message: the ask names no subject of its
        own, and what the asker told names one only the loaded letters speak of ("lớp dạy bơi
        an toàn"), so an entry sharing the ask's few words is about another course."""
        return (answer.entry is not None and answer.quote is None
                and len(self._query(ask).content) <= _ELLIPTICAL
                and self._letters_topic(told))

    def _of_named(self, answer: Answer, told: str) -> bool:
        """Whether ``answer`` is the rule of the province ``told`` names, or it names none: a
        rule for all provinces is not what a teacher of a province the letters never speak of
        asked for."""
        named = self._query(told).provinces
        if not named:
            return True
        if answer.entry is not None:
            return answer.entry.province is not None and region(answer.entry.province) in named
        if answer.quote is not None:
            return issuer_region(answer.quote.letter.meta_of(answer.quote.passage).issuer
                                 ) in named
        return False

    def _of_named_only(self, answer: Answer, told: str) -> bool:
        """Whether ``answer`` is an entry of the one province ``told`` names (not a rule for
        every province, nor a letter's passage)."""
        named = self._query(told).provinces
        return answer.entry is not None and answer.quote is None and len(named) == 1 and (
            answer.entry.province is not None and region(answer.entry.province) in named)

    def _answers_ask(self, answer: Answer, ask: str) -> bool:
        """Whether an ask's answer, read with what the message tells of the asker, answers
        the ask itself: it states the value the ask wants, if any ("hoàn thành trước ngày
        nào", "gọi ai, số nào": a person with a phone or an e-mail), and a passage it quotes
        covers the ask read alone. The story picks a line or
        a row among those passages; one only the story brings up (it names the asker's place
        or level) answers what the asker told, not what they asked."""
        if answer.kind not in _ANSWERED:
            return True
        kind = asked_kind(ask)
        if (kind in _WRITTEN_ALIKE or kind in _REACHED_THROUGH) and not _holds(
                kind, _shown_text(answer)):
            return False
        if answer.kind != "quoted" or answer.quote is None:
            return True
        passage = answer.quote.passage
        alone = self.letters.candidates(ask)
        return not alone or any(q.passage == passage for q in alone)

    @contextmanager
    def _telling(self, story: frozenset[str]) -> Iterator[None]:
        """Questions read, while inside, with ``story`` as what the asker told beside the ask
        (``told``), by the entries' index and the letters'."""
        self._story = self.letters.story = story
        try:
            yield
        finally:
            self._story = self.letters.story = frozenset()

    def _explain_message(self, question: str, *, role: str | None, level: str | None,
                         province: str | None) -> Ranking:
        split = contact_clause(question)
        if split is not None:
            both = self._both(*split, role=role, level=level, province=province)
            if both is not None:
                return both
        ranking = self._explain(question, role=role, level=level, province=province)
        kind = asked_kind(question)
        answer = self._local(ranking.answer, province, question)
        ranking = replace(ranking, answer=answer)
        if answer.kind == "unsure" and answer.lead < LEAD_AT and not self._choice(
                question, answer.candidates):
            # a list of titles sharing some words is a guess: it helps one who typed a topic
            # ("cốt cán") or whose question two entries answer (a teacher's or a manager's
            # module 2), not one who asked a whole question no entry covers
            return _refused(ranking, WHY_NO_SUBJECT)
        shown = _shown_text(answer)
        if answer.kind == "quoted" and asks_of_money(question) and not (
                names_money(shown) and states_asked_sum(question, shown)):
            ranking = _sum_stated(question, ranking)
            answer = ranking.answer
            shown = _shown_text(answer)
        if answer.kind != "none" and asks_of_money(question) and not (
                names_money(shown) and states_asked_sum(question, shown)):
            # "có được phụ cấp ưu đãi không": a text naming no allowance, fee or sum is no
            # answer, whatever else of the question it holds ("100% giáo viên")
            return _refused(ranking, WHY_NO_VALUE, kind=KIND_NAMES["money"])
        if answer.kind != "none" and about_pupils(question) and not names_pupils(
                "\n".join((shown, _subjects(answer)))):
            # "trẻ 5 tuổi có được miễn học phí không": a text on the teachers' course fee
            # speaks of no pupil, and answers nothing about the pupils' own; a course for the
            # teachers of some pupils names them in its subject ("tiếng Việt cho học sinh …")
            return _refused(ranking, WHY_NO_SUBJECT)
        if answer.kind != "none" and unnamed_matter(question, shown) is not None:
            # "bị xử lý kỷ luật thế nào", "có được cấp chứng chỉ không": a summary sharing
            # the question's other words, naming no sanction or certificate, answers neither
            return _refused(ranking, WHY_NO_SUBJECT)
        if answer.kind == "confident" and answer.entry is not None and answer.entry.levels \
                and (asked := self._levels_named(question)) and not asked & answer.entry.levels:
            # "giáo viên mầm non ở Kiên Giang học những mô đun nào": an entry on the primary
            # teachers' rule, whatever else of the question it holds, says nothing of theirs
            return _refused(ranking, WHY_NO_SUBJECT)
        if answer.kind != "none" and kind in _VALUE_OF_A_MODULE and self._module_unnamed(
                question, shown):
            # "Hà Nội … mô đun 6 … học xong trước ngày nào": a deadline for the modules the
            # Sở lists is no date for a module none of its texts name
            return _refused(ranking, WHY_NO_SUBJECT)
        if answer.kind != "none" and certificate_unplaced(question, shown):
            # "bao giờ nhận chứng chỉ, nhận ở đâu": what must be approved for it, by when,
            # says neither when it comes nor where
            return _refused(ranking, WHY_NO_VALUE, kind=KIND_NAMES["date"])
        if answer.kind != "none" and unnamed_tier(question, shown) is not None:
            # "Hội khỏe Phù Đổng cấp tỉnh tổ chức khi nào": a text on the school-level one,
            # or on a course naming no tier, says nothing of the province's event
            return _refused(ranking, WHY_NO_SUBJECT)
        if answer.entry is not None and (year := _later_year(question, answer)):
            # "tphcm năm học 2021-2022 hạn chót … ngày nào": the entry written from the 2020
            # letter gives 2020's dates, which are no answer for a later year
            return _refused(ranking, WHY_OTHER_YEAR, year=str(year),
                            entry=str(answer.entry.as_of[0]))
        if (quote := answer.quote) is not None and (year := _later_than_letter(question, answer)):
            return _refused(ranking, WHY_OTHER_YEAR_LETTER, year=str(year),
                            letter=str(quote.letter.meta_of(quote.passage).day[0]))
        if answer.kind != "none" and kind in _PERSONAL_VALUES and (person := asked_person(
                question, self._known_people | self.letters.people)) is not None \
                and person not in re.findall(r"\w+", fold(shown).lower()):
            # "số điện thoại của thầy Quang": another person's number, or a hotline, is no
            # answer for someone no letter names; the asker is told so and handed over
            return _refused(ranking, WHY_NO_PERSON, kind=KIND_NAMES[kind])
        noun = counted(question)
        if noun is not None and len(self.letters):  # "bao nhiêu tragn": the letters' "trang"
            noun = self.letters.repaired(noun)
        typed = counted_as_typed(question)
        if answer.kind in _ANSWERED and noun is not None and not _counts(noun, shown):
            ranking = _holding(ranking, lambda text: _counts(noun, text), WHY_VALUE_COUNTED)
            answer = ranking.answer
            shown = _shown_text(answer)
        if answer.kind != "none" and noun is not None and not speaks_of_typed(
                typed if typed is not None and fold(typed) == noun else noun, shown):
            # "giảm bao nhiêu tiết một tuần": a text naming no periods is no answer, whatever
            # count of people or schools it gives about the same subject; a row of marks the
            # letter gives so many periods each adds up to them
            added = _marks_added(question, ranking)
            return added if added is not ranking else _refused(ranking, WHY_NO_VALUE,
                                                                kind=KIND_NAMES["number"])
        if answer.kind != "none" and noun is None and typed is not None and kind is not None \
                and not _holds(kind, shown) and not speaks_of_typed(typed, shown):
            # "được cấp bao nhiêu bộ máy tính, ai cấp": a text naming no one and no "bộ" (its
            # "bổ sung" folds alike) gives neither value asked, whatever topic words it shares
            return _refused(ranking, WHY_NO_VALUE, kind=KIND_NAMES[kind])
        if kind == "date" and answer.kind in _ANSWERED and asked_kinds(question) == (
                "date",) and _WHEN_WORDS.search(fold(question)) and not _holds("date", shown):
            # "bao giờ nhận được giấy chứng nhận": an entry on the certificate, or a letter's
            # sentences on it, that give no date, no month, do not say when ("chọn ngày nào"
            # may be answered in words: "ngày đang báo cáo")
            return _refused(ranking, WHY_NO_VALUE, kind=KIND_NAMES[kind])
        if kind in VALUE_ONLY and answer.kind != "none" and not _holds(kind, shown) and not (
                kind in _REACHED_THROUGH and _holds("person", shown)):
            # "trang web nào", "bao lâu": a text naming no website, no span of time, is no
            # answer; "báo ai", "gọi số nào" is answered by naming whom to turn to
            return _refused(ranking, WHY_NO_VALUE, kind=KIND_NAMES[kind])
        return ranking

    def _module_unnamed(self, question: str, shown: str) -> bool:
        """Whether the modules a question names for the province it names are named by no
        text of that province (its entries, its loaded letters), nor by the answer shown."""
        asked = modules_named(question)
        named = self._query(question).provinces
        if not asked or not named or "other" in named or asked & modules_named(shown):
            return False
        texts = [" ".join((e.title, e.answer, *e.questions, *e.keywords)) for e in self._entries
                 if e.province is not None and region(e.province) in named]
        texts += [p.text for x in self.letters.letters
                  if issuer_region(x.meta.issuer) in named for p in x.passages]
        return not any(asked & modules_named(t) for t in texts)

    @staticmethod
    def _levels_named(question: str) -> frozenset[str]:
        """The school levels a question names, by name or by a grade ("giáo viên lớp 1" is
        of tiểu học), preschool ("mầm non") too, which no entry is written for."""
        return question_keys(question)[0] - {SEVERAL}

    def _choice(self, question: str, listed: tuple[Entry, ...]) -> bool:
        """Whether a list of entries is a choice to offer: the message only names a topic,
        or one of them holds most of what the question asks. One word no entry uses may be
        the asker's own for what an entry says ("mail" for "hộp thư"), and is left out of
        that measure; more are a subject the entries do not know."""
        query = self._query(question)
        if len(query.content) <= _TOPIC_WORDS:
            return True
        at = self._position
        known = {w: v for w, v in query.content.items() if w in self._idf}
        if len(query.content) - len(known) > 1:
            known = query.content
        return any(self._coverage(known, at[e.id]) >= _CHOICE for e in listed if e.id in at)

    def _both(self, rest: str, clause: str, *, role: str | None, level: str | None,
              province: str | None) -> Ranking | None:
        """A message asking a value and whom to contact in a clause of its own: the answer to
        the rest, followed by the letter's contact for the clause's matter (or that contact
        alone when nothing answers the rest). None when no letter names the contact."""
        contact = self.explain(clause, role=role, level=level, province=province)
        found = contact.answer.quote if contact.answer.kind == "quoted" else None
        if found is None:
            return None
        first = self.explain(rest, role=role, level=level, province=province)
        answer = first.answer
        if answer.kind not in ("quoted", "confident"):
            return contact
        if answer.quote is not None and answer.quote.passage == found.passage:
            return first
        return replace(first, answer=replace(answer, also=(found,)))

    def _contact_for(self, question: str, kind: str, province: str | None,
                     found: Answer) -> Quote | None:
        """"Muốn hỏi cách viết kế hoạch bài dạy … để nộp sản phẩm thì liên hệ ai": the asker
        names the matter in the words of the passage setting it out, which covers half the
        question, and the letter's contacts name it by its label ("Về … sản phẩm: bà …"),
        sharing few of them. The contact of that same letter whose sentences share most of the
        question's words answers, if it covers ``_CONTACT_FLOOR`` of it. Only when no entry
        answers confidently: one on whom to turn to speaks of the matter in its own words;
        unless the contact's label names a section ("Về kinh phí hỗ trợ" of "5. Kinh phí hỗ
        trợ") which, with it, covers more of the question than that entry does."""
        if kind not in ("contact", "phone", "landline"):  # "gửi qua email …": an email
            return None  # named as the way, not asked for; "lh ai, sđt j": whom, by phone
        rival = self.letters.cover(question, self._entry_terms(found.entry)) \
            if found.kind == "confident" and found.entry is not None else None
        covering = {q.letter.id for q in self._own(self.letters.candidates(
            question, at=_NEWER_FLOOR), question, province)} if rival is None else set()
        contacts = [q for q in self._own(self.letters.candidates(
            question, at=_CONTACT_FLOOR), question, province) if q.holds_value]
        # "Về kinh phí hỗ trợ, chứng từ thanh toán: bà …": a contact labelled with a section's
        # heading ("5. Kinh phí hỗ trợ") is for what that section sets out ("tiền đi lại")
        floor = _NEWER_FLOOR if rival is None else max(_NEWER_FLOOR, rival + _NEWER_MARGIN)
        covering |= {q.letter.id for q in contacts if q.letter.id not in covering and
                     self.letters.cover(question, self.letters.matter_terms(q)) >= floor}
        return choose([q for q in contacts if q.letter.id in covering], kind) \
            if covering else None

    def _explain(self, question: str, *, role: str | None, level: str | None,
                 province: str | None) -> Ranking:
        found = self._entry_answer(question, role=role, level=level, province=province)
        quotes = self._own(self.letters.candidates(question), question, province) \
            if len(self.letters) else []
        contenders = self._contenders(question, found, quotes)
        kind, *also = asked_values(question) or (None,)
        quote = choose(quotes, kind, tuple(also))
        entry = found.entry if found.kind != "none" else None
        if kind in _REACHED_THROUGH and len(self.letters) and not (
                quote is not None and quote.holds_value) and not (
                entry is not None and _holds(kind, entry.answer)):
            # "gọi cho ai": a passage naming no one cannot answer it, however many words it
            # shares; the letter's contact for the matter does, if it covers half the question
            quote = choose([q for q in self._own(self.letters.candidates(
                question, at=_NEWER_FLOOR), question, province) if q.holds_value],
                kind, tuple(also)) or self._contact_for(question, kind, province, found) \
                or quote
        elif kind in _REACHED_THROUGH and len(self.letters) and not (
                quote is not None and quote.holds_value) and found.kind == "confident":
            # an entry's contacts for another matter: the letter's contact labelled with the
            # section on the matter asked, if with it it covers more of the question
            quote = self._contact_for(question, kind, province, found) or quote
        if quote is None and entry is not None and len(self.letters):
            # another province's rule is no rival to the named province's own letter
            covered = 0.0 if self._foreign(entry, question) else \
                self.letters.cover(question, self._entry_terms(entry))
            weaker = self.letters.candidates(question, at=_NEWER_FLOOR)
            quote = choose([q for q in self._own(weaker, question, province)
                            if q.confidence >= covered + _NEWER_MARGIN
                            and is_newer(q.letter.meta_of(q.passage).day, entry.as_of)],
                           kind, tuple(also))
            if quote is not None:  # the entry shares the words of what an older letter said
                return Ranking(Answer("quoted", None, quote.confidence, found.candidates,
                                      quote=quote), contenders, WHY_NEWER,
                               _newer_params(quote, entry, covered))
        if quote is None and entry is not None and self._letters_topic(question):
            # "học sinh khuyết tật … đánh giá xếp loại ra sao": the letters speak of what the
            # question asks about and no entry does; an entry sharing "đánh giá, xếp loại" is
            # about something else, and no passage says what is asked
            return Ranking(Answer("none", None, found.confidence), contenders, WHY_NO_SUBJECT)
        if quote is None:
            return Ranking(found, contenders, WHY_ENTRY_ONLY if entry else WHY_NOTHING)
        if entry is None:
            return Ranking(Answer("quoted", None, quote.confidence, quote=quote), contenders,
                           WHY_LETTER_ONLY)
        others = (entry, *(c for c in found.candidates if c.id != entry.id))[:MAX_CANDIDATES]
        asked_year = max((int(y) for y in _YEAR.findall(question)), default=0)
        covered = self.letters.cover(question, self._entry_terms(entry))
        margin = _NEWER_VALUE_MARGIN if kind and quote.holds_value else _NEWER_MARGIN
        quoted = Answer("quoted", None, quote.confidence, others, quote=quote)
        if self.supersedes(quote, entry) or (is_newer(quote.letter.meta.day, entry.as_of) and (
                quote.confidence >= covered - margin or asked_year > entry.as_of[0])):
            shown = self.local(entry, province, question)  # no other province's line
            facts = "" if asks_when(question) or asked_year > entry.as_of[0] or shown is None \
                else earlier_facts(shown.answer, quote.text,
                                   quote.letter.meta_of(quote.passage).day, kind)
            quoted = replace(quoted, earlier=entry, earlier_text=facts) if facts else quoted
            return Ranking(quoted, contenders, WHY_NEWER, _newer_params(quote, entry, covered))
        if kind and quote.holds_value and not holds(kind, entry.answer):
            return Ranking(quoted, contenders, WHY_VALUE_IN_LETTER,
                           {"kind": KIND_NAMES[kind]})
        if found.kind == "confident":
            if quote.confidence >= covered + _NEWER_MARGIN and not self._foreign_quote(
                    quote, entry):
                # the entry sums the rule up; the letter's sentences say what it leaves out
                return Ranking(replace(found, quote=quote), contenders, WHY_ENTRY_AND_LETTER)
            return Ranking(found, contenders, WHY_ENTRY)
        if kind and not quote.holds_value and holds(kind, entry.answer):
            return Ranking(found, contenders, WHY_VALUE_IN_ENTRY,
                           {"kind": KIND_NAMES[kind]})
        alternatives = found.candidates if found.kind == "unsure" else ()
        return Ranking(Answer("quoted", None, quote.confidence, alternatives, quote=quote),
                       contenders, WHY_LETTER)

    def _letters_topic(self, question: str) -> bool:
        """Whether a fair part of the question (``_LETTERS_TOPIC`` of its two-syllable
        words) is words the loaded letters use and no entry does: its topic is the letters',
        not the knowledge base's. One such word ("thông qua") is how the asker talks."""
        pairs = self._query(question).pairs
        if not len(self.letters) or not pairs:
            return False
        theirs = [p for p in pairs if p not in self._idf and self.letters.knows(p)]
        return len(theirs) >= _LETTERS_TOPIC * len(pairs)

    def local(self, entry: Entry, province: str | None, question: str = "") -> Entry | None:
        """The entry as a deployment shows it: a rule for all without the lines stating another
        province's rule than the deployment's or one the question names (``local_lines``); None
        when nothing else is left. With no deployment, every line stays."""
        if province is None or entry.province is not None:
            return entry
        own = frozenset({region(province), *(self._query(question).provinces
                                              if question else ())})
        text = for_province(entry.answer, own)
        return None if text is None else entry if text == entry.answer else replace(
            entry, answer=text)

    def _local(self, answer: Answer, province: str | None, question: str) -> Answer:
        """The answer with each entry it shows as the deployment shows it (``local``)."""
        if province is None:
            return answer
        entry = None if answer.entry is None else self.local(answer.entry, province, question)
        earlier = None if answer.earlier is None else self.local(answer.earlier, province,
                                                                 question)
        if answer.entry is not None and entry is None:
            return Answer("none", None, answer.confidence)
        return replace(answer, entry=entry,
                       candidates=tuple(c for e in answer.candidates
                                        if (c := self.local(e, province, question))),
                       earlier=earlier)

    @staticmethod
    def _foreign_quote(quote: Quote, entry: Entry) -> bool:
        """Whether a passage speaks for another province than the entry's rule: it would
        then follow that rule as if it were its detail."""
        issuer = issuer_region(quote.letter.meta_of(quote.passage).issuer)
        return entry.province is not None and issuer is not None and \
            issuer != region(entry.province)

    def _foreign(self, entry: Entry, question: str) -> bool:
        """Whether the question names a province and the entry states another's rule."""
        named = self._query(question).provinces
        return bool(named) and entry.province is not None and \
            region(entry.province) not in named

    @staticmethod
    def _own(quotes: list[Quote], question: str, province: str | None) -> list[Quote]:
        """The passages that may answer in a deployment: its own Sở's letters and those of no
        province (the Bộ's); another province's letter answers only a question naming a
        province (the letter index then keeps that province's letters)."""
        if not _deployment_only(question, province) or not quotes:
            return quotes
        return [q for q in quotes if _speaks_for(q.letter.meta_of(q.passage).issuer, province)]

    def supersedes(self, quote: Quote, entry: Entry) -> bool:
        """Whether a passage that covers the question replaces what the entry says, however
        closely the entry words the question: its letter is newer than the entry's source,
        speaks for the entry's province (or the entry is a rule for all, or the letter names
        no province), and is not one the knowledge base was written from (its writers read
        that letter and kept the entry; it then answers only when it covers the question as
        well)."""
        meta = quote.letter.meta_of(quote.passage)
        if not is_newer(meta.day, entry.as_of):
            return False
        key = letter_key(meta.issuer, meta.date)
        if key in self._sources:
            return False
        return entry.province is None or key[0] == region(entry.province) or \
            issuer_region(meta.issuer) is None

    def _contenders(self, question: str, found: Answer,
                    quotes: list[Quote]) -> tuple[Contender, ...]:
        """Entries and passages on one list, best first, for ``explain``: each scored by the
        share of the question's content it covers (the entries' own confidence while no
        letter is loaded)."""
        entries = [] if found.entry is None else [found.entry, *found.candidates]
        listed = [Contender(self.letters.cover(question, self._entry_terms(e))
                            if len(self.letters) else found.confidence if e is found.entry
                            else 0.0, e, None)
                  for e in dict.fromkeys(entries)]
        listed += [Contender(q.confidence, None, q) for q in quotes]
        return tuple(sorted(listed, key=lambda c: -c.score)[:5])

    def _entry_terms(self, entry: Entry) -> frozenset[str]:
        cached = self._terms_of.get(entry.id)
        if cached is None or cached[0] != entry:
            # the first entry measured against the letters: read them all now (once a
            # process, ``_text_terms`` keeps them), not a few at every question
            for e in (entry, *self._entries):
                if e.id not in self._terms_of or self._terms_of[e.id][0] != e:
                    self._terms_of[e.id] = (e, _text_terms(_entry_text(e)))
            cached = self._terms_of[entry.id]
        return cached[1]

    def _entry_answer(
        self,
        question: str,
        *,
        role: str | None = None,
        level: str | None = None,
        province: str | None = None,
    ) -> Answer:
        """The best entry for ``question``, how sure the engine is, and alternatives."""
        if not isinstance(question, str) or not self._entries:
            return Answer("none", None, 0.0)
        query = self._query(question)
        if not query.content:
            return Answer("none", None, 0.0)
        raw = self._scores(query)
        if not raw.any():
            return Answer("none", None, 0.0)
        scores = raw.copy()
        factors = np.array([self._factor(e, query, role, level, province)
                            for e in self._group_entry])
        found = np.flatnonzero(raw)
        scores[found] *= factors[self._group[found]]
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:_RERANK] if scores[i] > 0]
        if not order:
            return Answer("none", None, 0.0)
        s1 = float(scores[order[0]])
        ranked = sorted(
            ((self._rerank(query, i, float(scores[i]) / s1), i) for i in order), reverse=True
        )
        ranked = self._on_number_asked(query, ranked)
        ranked = self._on_document_asked(question, ranked)
        ranked, named = self._stating(question, ranked)
        if not named:
            ranked = self._newest(query, ranked, question)
            ranked = self._fuller(query, ranked)
            ranked = self._untold(question, query, ranked)
        order = [i for _, i in ranked]
        top = order[0]
        best = self._entries[top]
        confidence = self._confidence(query, ranked)
        lead = (ranked[0][0] - ranked[1][0]) / ranked[0][0] if len(ranked) > 1 else 1.0
        if named:  # the entry naming the person asked about is given, the others as buttons
            lead = max(lead, LEAD_AT)
        if (
            len(ranked) > 1
            and ranked[1][0] > (1 - _TIE_MARGIN) * ranked[0][0]
            and _rival(best, self._entries[ranked[1][1]])
        ):
            confidence = min(confidence, _HEDGED)  # two provinces' or audiences' rules: ask
            lead = 0.0
        wrong_province = bool(best.province) and region(best.province) not in query.provinces
        if query.provinces and (wrong_province or "other" in query.provinces):
            # the named province's letters do not say this: at most a hedged answer
            confidence = min(confidence * 0.8, _HEDGED)
            lead = 0.0
        confidence = float(min(1.0, max(0.0, confidence)))
        if confidence < CONFIDENT_AT and self._unknown_subject(query, top):
            # in a short question every word is its subject: one no entry knows ("phụ cấp
            # thâm niên") means an entry sharing its other words is not "perhaps" the answer
            return Answer("none", None, confidence)
        if confidence >= CONFIDENT_AT:
            related = self._related(best, order, lambda e: self._factor(
                e, query, role, level, province) > 0)
            return Answer("confident", best, confidence, related)
        if confidence >= UNSURE_AT:
            if lead >= LEAD_AT and not self._covers_subject(query, top):
                return Answer("none", None, confidence)  # no "perhaps" about another subject
            if lead >= LEAD_AT:  # unsure is not empty: the best, and the others as buttons
                others = tuple(self._entries[i] for i in order[1:MAX_CANDIDATES + 1])
                return Answer("unsure", best, confidence, others, lead=lead)
            near = tuple(self._entries[i] for i in order[:MAX_CANDIDATES])
            return Answer("unsure", best, confidence, near, lead=lead)
        return Answer("none", None, confidence)

    def _on_number_asked(self, query: _Query, ranked: list[tuple[float, int]]
                         ) -> list[tuple[float, int]]:
        """The ranking with the entry on just the number asked ("md3": module 3) first when it
        scores all but level with a best that names no such number (``_EVEN``): a hair of
        score from another entry's wording is no ground to give an overview instead."""
        if len(ranked) < 2 or not query.numbered or ranked[1][0] < (1 - _EVEN) * ranked[0][0]:
            return ranked
        docs = self._docs
        if _only_number(query.numbered, docs[ranked[1][1]].numbers) and not any(
                head in docs[ranked[0][1]].numbers for head in query.numbered):
            return _in_best_place(ranked, 1)
        return ranked

    def _on_document_asked(self, question: str, ranked: list[tuple[float, int]]
                           ) -> list[tuple[float, int]]:
        """The ranking with the entry written about the document the question asks about
        (``named_document``) first, when the best never names that document: "công văn 5016
        mà Sở Bình Phước dựa vào … nói về việc gì" asks of the Bộ's letter, not of the Sở's."""
        asked = documents_asked(question)
        if not asked or len(ranked) < 2:
            return ranked
        best = self._entries[ranked[0][1]]
        if any(names_document(f"{best.title}\n{best.answer}", n) for n in asked):
            return ranked
        for k, (_score, i) in enumerate(ranked[1:], 1):
            if any(names_document(self._entries[i].title, n) for n in asked):
                return _in_best_place(ranked, k)
        return ranked

    def _newest(self, query: _Query, ranked: list[tuple[float, int]],
                question: str) -> list[tuple[float, int]]:
        """The ranking with the entry written from the newest letter of the best's province,
        of those covering the question about as well (and stating the value asked for if the
        best does), in the place and with the score of the best: two entries of one Sở from
        two years say the same thing, and the later one is its word now."""
        as_of = self._as_of
        newer = [i for _, i in ranked[1:] if is_newer(as_of[i], as_of[ranked[0][1]])]
        if not newer:
            return ranked
        first = self._entries[ranked[0][1]]
        kind = asked_kind(question)
        chosen = ranked[0][1]
        for i in newer:
            other = self._entries[i]
            if ((other.province is None) == (first.province is None)
                    and (other.province is None or same_province(other.province, first.province))
                    and is_newer(as_of[i], first.as_of)
                    and not (kind and _holds(kind, first.answer)
                             and not _holds(kind, other.answer))
                    and self._covered(query, i) >= self._covered(query, chosen) - _NEWER_MARGIN):
                chosen, first = i, other
        if chosen == ranked[0][1]:
            return ranked
        return _in_best_place(ranked, next(n for n, (_, i) in enumerate(ranked) if i == chosen))

    def _fuller(self, query: _Query, ranked: list[tuple[float, int]]
                ) -> list[tuple[float, int]]:
        """The ranking with an entry that holds clearly more of the question (``_FULLER``)
        in the best's place, when it scores below the best by less than half the share it
        adds and the two are no rivals: two entries of one rule that share its wording ("đã
        được giảng viên duyệt mà chưa được hiệu trưởng duyệt", "chưa được giảng viên duyệt")
        are told apart by the words only one of them holds ("in ra, ký"), not by how closely
        one of their phrasings echoes the message. A message of a few words names a topic
        (``_TOPIC_WORDS``): what share of it an entry holds tells nothing then."""
        if len(ranked) < 2 or len(query.content) <= _TOPIC_WORDS or \
                ranked[1][0] < ranked[0][0] / 2:  # no gain of a share outweighs half the score
            return ranked
        top_score, top = ranked[0]
        best = self._entries[top]
        covered = self._covered(query, top)
        lowest = (1 - (1 - covered) / 2) * top_score  # the score of one holding all the rest
        # the entry on just the module asked stays before one naming it among others
        only = _only_number(query.numbered, self._docs[top].numbers)
        for k, (score, i) in enumerate(ranked[1:MAX_CANDIDATES], 1):
            if covered > 1 - _FULLER or score < lowest:
                break
            if only and not _only_number(query.numbered, self._docs[i].numbers):
                continue
            gain = self._covered(query, i) - covered
            if gain >= _FULLER and score >= (1 - gain / 2) * top_score and not _rival(
                    best, self._entries[i]):
                return _in_best_place(ranked, k)
        return ranked

    def _untold(self, question: str, query: _Query, ranked: list[tuple[float, int]]
                ) -> list[tuple[float, int]]:
        """The ranking with an entry giving another date first, when the question asks which
        date ("ngày nào", "bao giờ") and the best gives back only dates the asker stated:
        "đã nhập xong trước 14/12 rồi, báo cáo hạn chót ngày nào" knows 14/12 and asks for the
        next date, which an entry covering the question about as well states."""
        kind, cues = asked(question)
        if kind != "date" or not cues & _WHICH:
            return ranked
        stated = {_day_month(v) for v in values("date", question)}
        if not stated:
            return ranked
        top = ranked[0][1]
        given = _dates_given(self._entries[top].answer)
        if not given or not given <= stated:
            return ranked
        need = self._covered(query, top) - _NEWER_MARGIN
        for k, (_score, i) in enumerate(ranked[1:MAX_CANDIDATES], 1):
            other = _dates_given(self._entries[i].answer)
            if other - stated and self._covered(query, i) >= need:
                return _in_best_place(ranked, k)
        return ranked

    def _covered(self, query: _Query, doc: int) -> float:
        """How much of the question an entry holds: its words and two-syllable words (kept
        with the question, which is read once against an index)."""
        found = query.covered.get(doc)
        if found is None:
            words = self._coverage(query.content, doc, query.stated)
            pairs = self._coverage(query.pairs, doc, query.stated) if query.pairs else words
            found = query.covered[doc] = (1 - _PAIR_SHARE) * words + _PAIR_SHARE * pairs
        return found

    def _unknown_subject(self, query: _Query, doc: int) -> bool:
        """Whether the question names its subject with a word no entry uses ("thai sản",
        "ốm") and the entry does not hold the rest of what it asks: the entry then shares
        only its commoner words ("giáo viên … hưởng … lương"). A message long enough, counting
        only the words the entries know, has its unknown words as the way the person talks
        rather than what they ask. An unknown word weighs as the rarest word, so counting it
        towards the length would make two of them pass for chatter."""
        unknown = [w for w in query.content
                   if w not in self._idf and not w.isdigit() and len(w) > 1]
        if not unknown:
            return False
        known = {w: v for w, v in query.content.items() if w in self._idf}
        if sum(known.values()) > _ENOUGH_EVIDENCE * self._max_idf:
            return False
        return self._coverage(known, doc) < 1.0

    def _stating(self, question: str, ranked: list[tuple[float, int]]
                 ) -> tuple[list[tuple[float, int]], bool]:
        """The ranked entries with those that can answer first: for a question naming a person
        ("ông Nguyễn Văn Thành giữ chức vụ gì"), the entries naming them; for one asking a
        contact, phone, email or website ("gửi vào mail nào"), the best of the few entries it
        would offer (MAX_CANDIDATES) that states one, when the best does not. True when a
        person named them."""
        person = asked_person(question, self._known_people)
        if person is not None:
            naming = [r for r in ranked if person in self._people[r[1]]]
            if naming:
                return naming, True
        kind = asked_kind(question)
        top = ranked[0][1]

        def states(i: int) -> bool:  # "bước mấy" is answered by "Bước 2", not "lớp 1"
            answer = self._entries[i].answer
            return _holds(kind, answer) and (kind != "which" or states_which(question, answer))

        if kind is None or states(top):
            return ranked, False
        query = self._query(question)
        for k, (_score, i) in enumerate(ranked[1:MAX_CANDIDATES], 1):
            # a date, a count asked: the entry giving one, if it covers the question as well
            if states(i) and (kind in VALUE_ONLY or self._covered(
                    query, i) >= self._covered(query, top) - _NEWER_MARGIN):
                return _in_best_place(ranked, k), False
        return ranked, False

    def _covers_subject(self, query: _Query, doc: int) -> bool:
        """Whether an entry is about the question's subject: it holds the question's first
        two-syllable word that the knowledge base knows and few entries use ("phụ cấp" in
        "phụ cấp ưu đãi … bao nhiêu phần trăm": a Vietnamese question names its topic
        first), or at least half of its words and word pairs. "Có lẽ" is said only of such
        an entry, not of one sharing "bao nhiêu phần trăm" further on."""
        pairs = self._coverage(query.pairs, doc, query.stated) if query.pairs else 1.0
        if max(self._coverage(query.content, doc, query.stated), pairs) >= _SUBJECT:
            return True
        fields = self._docs[doc].fields.values()
        for pair in query.pairs:
            if self._idf.get(pair, 0.0) >= _SUBJECT * self._max_idf:
                return any(pair in tf for tf in fields)
        return True

    def _rerank(self, query: _Query, doc: int, relative: float) -> float:
        """Relative BM25 score, plus closeness of wording, minus a clash of numbers."""
        combined = relative + _PHRASING_WEIGHT * self._phrasing(query, doc)
        if query.numbered:
            combined *= _number_fit(query.numbered, self._docs[doc].numbers)
        return combined

    def _phrasing(self, query: _Query, doc: int) -> float:
        """How closely one of the entry's own questions (or its title) words the question:
        idf-weighted Dice overlap of their terms, 1.0 for the same wording."""
        total_q = query.plain_total
        analysis = self._docs[doc]
        common = [0.0] * len(analysis.phrasings)
        inverted = self._phrasing_terms[doc]
        for t, w in query.plain.items():
            for k in inverted.get(t, ()):
                common[k] += w
        best = 0.0
        numbers, totals = analysis.phrasing_numbers, self._phrasing_idf[doc]
        for k, shared in enumerate(common):
            if not shared or (query.numbered and _other_number(query.numbered, numbers[k])):
                continue
            best = max(best, 2 * shared / (total_q + totals[k]))
        return best

    def _confidence(self, query: _Query, ranked: list[tuple[float, int]]) -> float:
        c1, top = ranked[0]
        c2 = ranked[1][0] if len(ranked) > 1 else 0.0
        margin = (c1 - c2) / c1 if c1 > 0 else 0.0
        coverage = self._coverage(query.content, top, query.stated)
        pair_coverage = self._coverage(query.pairs, top, query.stated) if query.pairs \
            else coverage
        # no two-syllable word of the question in the entry: it shares syllables, not words
        words_shared = min(1.0, 0.5 + 2 * pair_coverage) if len(query.pairs) > 1 else 1.0
        # a question made only of the documents' commonest words ("bộ giáo dục") says too little
        specific = min(1.0, sum(query.content.values()) / (_VAGUE * self._max_idf))
        mixed = (1 - _PAIR_SHARE) * coverage + _PAIR_SHARE * pair_coverage
        return (
            mixed
            * (_TIE_FACTOR + (1 - _TIE_FACTOR) * min(1.0, margin / _CLEAR_MARGIN))
            * words_shared
            * specific
        )

    def _related(self, best: Entry, order: list[int],
                 may_answer: Callable[[Entry], bool]) -> tuple[Entry, ...]:
        """The entry's own related entries, then the runners-up, all that may answer here
        (not another province's rule the question does not name)."""
        out: list[Entry] = [
            self._by_id[r] for r in best.related
            if r in self._by_id and r != best.id and may_answer(self._by_id[r])
        ]
        for i in order[1:]:
            e = self._entries[i]
            if e.id != best.id and all(e.id != o.id for o in out):
                out.append(e)
        return tuple(out[:MAX_CANDIDATES])
