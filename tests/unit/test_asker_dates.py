"""A date the asker states ("đến ngày 05/7 mới xong thì có kịp không") is when their case
happened, not what they ask about: an entry giving the deadline answers though it does not
print the asker's date, and the "mới" that says the date is late goes with it. Entries are
written here, in our own words."""

from __future__ import annotations

from bot.knowledge.asked import stated_dates
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries
from bot.textnorm import fold

SOURCE = (Source("letter", "91/SGDĐT", "3/2026", "Sở GD&ĐT Bình Phước"),)
DEADLINE = Entry(
    "module5_deadline", "deadlines", "Bình Phước: hạn hoàn thành mô đun 5",
    "Giáo viên hoàn thành bồi dưỡng mô đun 5 <b>trước ngày 30/6/2026</b>.",
    ("hạn hoàn thành mô đun 5 là ngày nào",),
    province="binh_phuoc", sources=SOURCE)


def test_the_deadline_answers_an_asker_stating_a_late_date() -> None:
    engine = AnsweringEngine([*load_entries(), DEADLINE])
    for asked in ("Cô giáo trường em ở Bình Phước tới ngày 05/01/2027 mới hoàn thành bồi "
                  "dưỡng mô đun 5, như vậy có đúng hạn không ạ?",
                  "Ở Bình Phước, giáo viên hoàn thành bồi dưỡng mô đun 5 vào ngày 14/02/2027 "
                  "thì có trễ hạn không?"):
        found = engine.answer(asked)
        assert found.kind == "confident" and found.entry == DEADLINE, asked


def test_the_late_word_goes_with_the_date() -> None:
    folded = [fold(w) for w in "đến ngày 11 12 2026 mới gửi danh sách".split()]
    (date,) = stated_dates(folded)
    assert folded[max(date)] == "moi"
    (date,) = stated_dates([fold(w) for w in "ngày 11 12 2026 gửi mới".split()])
    assert max(date) == 3  # "mới" after another word is that word's
