"""A sum per person a letter sets, times the number of people the asker says they send.

"Trường tư thục … nộp 450.000 đồng một người": a school that asks "cử 2 giáo viên thì nộp bao
nhiêu tiền" wants the sum for its two, which the letter never writes. The count is the one the
question types beside a person's noun ("2 giáo viên", "ba người"); the price is the one sum the
answer's text gives per person ("đồng một người", "đồng/người", "đồng mỗi học viên"). Two
different prices per person, or none, mean no line: the answer is then read as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.normalize import clean, expand, fold_word
from bot.textnorm import fold

_PEOPLE = r"(?:nguoi|giao vien|gv|hoc vien|hoc sinh|thay co|co giao|thay giao)"
_SPELLED = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
            "muoi": 10}
# "cử 2 giáo viên", "đăng ký ba người": the count the asker tells
_COUNT = re.compile(rf"(?:^| )(\d{{1,3}}|{'|'.join(_SPELLED)}) {_PEOPLE}\b")
_SHORT_COUNT = re.compile(r"\b\d{1,3} ng\b")  # "2 ng": "2 người" as a phone types it
_ASKS_SUM = re.compile(r"(?:^| )(?:bao nhieu tien|bao nhieu|het bao nhieu|tong cong|"
                       r"tong so tien|may tien|nhieu tien)(?= |$)")
_MONEY = re.compile(r"(?:^| )(?:tien|phi|kinh phi|hoc phi|nop|dong|chi|thu lao)(?=[ ?.!,]|$)")
# "450.000 đồng một người", "450.000 đ/người", "1.200.000 đồng cho mỗi học viên"; or a table's
# column saying it before the figure ("Thù lao mỗi tháng cho một người được hướng dẫn: 200.000
# đồng", read without its colon)
_FIGURE = r"(\d{1,3}(?:[.,]\d{3})+|\d+) ?(dong|d|vnd)"
_PRICE = re.compile(rf"{_FIGURE}(?: ?/ ?| (?:cho )?(?:mot|moi) ){_PEOPLE}\b|"
                    rf"\b(?:cho )?(?:mot|moi) {_PEOPLE}(?: [^\W\d]+){{0,4}} {_FIGURE}")
# a sum paid each month ("mỗi tháng", "hằng tháng", "/tháng"), for as many months as the asker
# says ("đủ 5 tháng"), up to the letter's cap ("tối đa 05 tháng")
_MONTHLY = re.compile(r"\b(?:moi|hang|hàng) thang\b|/ ?thang\b")
_MONTHS = re.compile(rf"(?:^| )(\d{{1,2}}|{'|'.join(_SPELLED)}) thang(?= |$)")
_CAP = re.compile(r"\b(?:toi da|khong qua) (\d{1,2}) thang\b")


@dataclass(frozen=True, slots=True)
class PerHead:
    """The price per person as the letter prints it, the asker's count, and what they make."""

    price: str  # "450.000"
    unit: str  # "đồng"
    count: int
    total: int
    months: int = 0  # of a monthly sum, the months it is paid for (0: not monthly)
    capped: int = 0  # the letter's cap on those months, when the asker's are more

    @property
    def total_shown(self) -> str:
        """The total with the letter's thousands dots ("900.000")."""
        return f"{self.total:,}".replace(",", ".")


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[\w./,]+", fold(text).lower()))


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


def _asked(question: str) -> str:
    """The question folded, its shorthand and typos read ("bn", "bao nhiu", "gv")."""
    return " ".join(fold_word(w) for w in expand(_TOKEN.findall(clean(question))))


@lru_cache(maxsize=1024)
def asks_per_head(question: str) -> bool:
    """Whether ``question`` tells a number of people and asks a sum of money."""
    typed = fold(question).lower()
    if not (_MONEY.search(typed) and (_COUNT.search(typed) or _SHORT_COUNT.search(typed))):
        return False  # most questions: read without the shorthand's expansion
    text = _asked(question)
    return bool(_COUNT.search(text) and _ASKS_SUM.search(text) and _MONEY.search(text))


def per_head(question: str, text: str) -> PerHead | None:
    """The total for the people ``question`` counts at the one price per person ``text``
    gives; None when it counts no one, asks no sum, or the text gives no single such price."""
    asked = _asked(question)
    counts = {m.group(1) for m in _COUNT.finditer(asked)}
    if len(counts) != 1 or not _ASKS_SUM.search(asked) or not _MONEY.search(asked):
        return None
    said = counts.pop()
    count = int(said) if said.isdigit() else _SPELLED[said]
    folded = _folded(text)
    prices = {m.group(1) or m.group(3) for m in _PRICE.finditer(folded)}
    if len(prices) != 1 or count < 2:
        return None
    price = prices.pop()
    unit = re.search(rf"{re.escape(price)} ?(đồng|đ|VNĐ|vnđ|dong)", text, re.IGNORECASE)
    value = int(re.sub(r"[.,]", "", price))
    asked_months = {m.group(1) for m in _MONTHS.finditer(asked)}
    if not _MONTHLY.search(folded) or len(asked_months) != 1:
        return PerHead(price, unit.group(1) if unit else "đồng", count, value * count)
    said_months = asked_months.pop()
    months = int(said_months) if said_months.isdigit() else _SPELLED[said_months]
    caps = [int(m.group(1)) for m in _CAP.finditer(folded)]
    cap = min(caps) if caps and min(caps) < months else 0
    paid = cap or months
    return PerHead(price, unit.group(1) if unit else "đồng", count, value * count * paid,
                   paid, cap)
