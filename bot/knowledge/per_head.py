"""A sum per person (or per session) a letter sets, times the number the asker tells.

"Trường tư thục … nộp 450.000 đồng một người": a school that asks "cử 2 giáo viên thì nộp bao
nhiêu tiền" wants the sum for its two, which the letter never writes. The count is the one the
question types beside a person's noun ("2 giáo viên", "ba người"); the price is the one sum the
answer's text gives per person ("đồng một người", "đồng/người", "đồng mỗi học viên"). Two
different prices per person, or none, mean no line: the answer is then read as it is.

So with sessions or days ("đi dự 4 buổi", "100.000 đồng một buổi"): when the text gives a price
for each band of a distance or another measure ("từ 15 km đến dưới 40 km … 100.000 đồng một
buổi; từ 40 km trở lên … 180.000 đồng một buổi"), the band holding the measure the asker tells
("cách 30 km") sets the price; a cap ("tối đa 03 buổi") bounds the count paid. A sum paid
each month per person ("200.000 đồng mỗi tháng cho một người được hướng dẫn") is times the
months the asker tells too ("đủ 5 tháng"), up to the letter's cap ("tối đa 05 tháng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.i18n import N_
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


# "đi dự 4 buổi", "ở lại 2 ngày": the sessions or days the asker tells, by the letter's noun
# (folded), with what the working calls them
_TIMES = {"buoi": N_("sessions"), "ngay": N_("days"), "lan": N_("times"), "dot": N_("rounds")}
_COUNT_TIMES = re.compile(rf"(?:^| )(\d{{1,3}}|{'|'.join(_SPELLED)}) ({'|'.join(_TIMES)})\b")
# the measure the asker tells of their case, and the bands the text prices by it
_MEASURE = re.compile(r"(?:^| )(\d{1,4}) (km|nam|thang|lop)\b")
# the letter's cap on what it pays for ("tối đa 03 buổi", "tối đa 05 tháng")
_CAP = r"(?:toi da|khong qua) (\d{{1,3}}) {noun}\b"


@dataclass(frozen=True, slots=True)
class PerHead:
    """The price per person as the letter prints it, the asker's count, and what they make."""

    price: str  # "450.000"
    unit: str  # "đồng"
    count: int  # the count paid: the asker's, or the letter's cap when that is lower
    total: int
    noun: str = ""  # what is counted, when not people: "sessions", "days" (to translate)
    told: int = 0  # the asker's count, when a cap lowers it
    months: int = 0  # of a monthly sum per person, the months it is paid for (0: not monthly)
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
    """Whether ``question`` tells a number of people (or sessions) and asks a sum of money."""
    typed = fold(question).lower()
    if not (_MONEY.search(typed) and (_COUNT.search(typed) or _SHORT_COUNT.search(typed)
                                      or _COUNT_TIMES.search(typed))):
        return False  # most questions: read without the shorthand's expansion
    text = _asked(question)
    return bool((_COUNT.search(text) or _COUNT_TIMES.search(text)) and _ASKS_SUM.search(text)
                and _MONEY.search(text))


def _number(said: str) -> int:
    return int(said) if said.isdigit() else _SPELLED[said]


def _price_of(match: re.Match[str]) -> str:
    """The figure of a price: before its noun ("200.000 đồng mỗi người") or after it ("mỗi
    người …: 200.000 đồng")."""
    return match.group(1) or match.group(3)


def _caps(noun: str, folded: str) -> list[int]:
    """The caps the folded text sets on a folded noun ("tối đa 03 buổi": 3)."""
    return [int(m.group(1)) for m in re.finditer(_CAP.format(noun=noun), folded)]


def _in_band(clause: str, amount: int, measure: str) -> bool | None:
    """Whether the band a clause sets ("từ 15 km đến dưới 40 km", "từ 40 km trở lên",
    "dưới 15 km") holds ``amount``; None when it sets none of ``measure``."""
    m = measure
    if band := re.search(rf"\btu (\d+) {m} (?:den|toi) (duoi )?(\d+) {m}\b", clause):
        low, below, high = int(band.group(1)), band.group(2), int(band.group(3))
        return low <= amount and (amount < high if below else amount <= high)
    if band := re.search(rf"\b(?:tu )?(\d+) {m} tro len\b|\btren (\d+) {m}\b", clause):
        return amount >= int(band.group(1)) if band.group(1) else amount > int(band.group(2))
    if band := re.search(rf"\bduoi (\d+) {m}\b", clause):
        return amount < int(band.group(1))
    return None


def _priced_by_band(question: str, text: str, price: re.Pattern[str]) -> set[str]:
    """The prices of the clauses whose band holds the measure the asker tells ("cách 30 km"),
    or every price the text gives when the asker tells none, or it sets no band."""
    folded = _folded(text)
    every = {_price_of(m) for m in price.finditer(folded)}
    told = {(int(m.group(1)), m.group(2)) for m in _MEASURE.finditer(_asked(question))}
    if len(every) < 2 or len(told) != 1:
        return every
    amount, measure = told.pop()
    banded = {_price_of(m) for part in re.split(r";|\.(?!\d)", text)
              if _in_band(clause := _folded(part), amount, measure)
              for m in price.finditer(clause)}
    return banded or every


def per_head(question: str, text: str) -> PerHead | None:
    """The total for the people (or sessions) ``question`` counts at the one price for each
    that ``text`` gives; None when it counts nothing, asks no sum, or the text gives no single
    such price (for the asker's band, when it prices by bands)."""
    asked = _asked(question)
    if not _ASKS_SUM.search(asked) or not _MONEY.search(asked):
        return None
    counts = {m.group(1) for m in _COUNT.finditer(asked)}
    times = {(m.group(1), m.group(2)) for m in _COUNT_TIMES.finditer(asked)}
    if len(counts) == 1 and not times:
        folded_noun, count, pattern = "", _number(counts.pop()), _PRICE
    elif len(times) == 1 and not counts:
        said, folded_noun = times.pop()
        count = _number(said)
        pattern = re.compile(rf"{_FIGURE}(?: ?/ ?| (?:cho )?(?:mot|moi) ){folded_noun}\b")
    else:
        return None
    prices = _priced_by_band(question, text, pattern)
    if len(prices) != 1 or count < 2:
        return None
    price = prices.pop()
    unit = re.search(rf"{re.escape(price)} ?(đồng|đ|VNĐ|vnđ|dong)", text, re.IGNORECASE)
    value = int(re.sub(r"[.,]", "", price))
    folded = _folded(text)
    if folded_noun:
        caps = _caps(folded_noun, folded)
        paid = min(count, *caps) if caps else count
        return PerHead(price, unit.group(1) if unit else "đồng", paid, value * paid,
                       _TIMES[folded_noun], count if paid < count else 0)
    asked_months = {m.group(1) for m in _MONTHS.finditer(asked)}
    if not _MONTHLY.search(folded) or len(asked_months) != 1:
        return PerHead(price, unit.group(1) if unit else "đồng", count, value * count)
    months = _number(asked_months.pop())
    caps = _caps("thang", folded)
    cap = min(caps) if caps and min(caps) < months else 0
    paid = cap or months
    return PerHead(price, unit.group(1) if unit else "đồng", count, value * count * paid,
                   months=paid, capped=cap)
