"""Words of a question that frame what it asks, not what it is about.

A teacher asks "mấy giờ bắt đầu, mấy giờ kết thúc", "có phải nộp tiền không", "lấy chữ ký số
ở đâu", "học xong khóa này thì được tính bao nhiêu tiết". The letter that answers says "từ 8
giờ 00 đến 16 giờ 30", "nộp 20.000 đồng" or "miễn phí", "do Sở cấp", "người đạt …, dự đủ …
được tính 40 tiết": it gives the value and states its own conditions, and seldom repeats the
asker's verbs. No letter using them, those verbs weigh as the rarest words, and the sentence
that answers would never cover the question. Read on the question's folded words (after
``normalize.words``: "học xong" is already "học hoàn thành", "nộp" is "gửi").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

# the bounds of a time or a span: letters write "từ … đến …", "đến hết ngày …"
_BOUNDS = (("bat", "dau"), ("ket", "thuc"))
_WHEN = frozenset({"time", "date"})
# paying, as the asker says it: "nộp" is read "gửi" (``normalize``)
_PAYING = r"(?:gui|nop|tra|dong|mat|ton)"
_CHARGE = re.compile(rf"(?:^| )({_PAYING} (?:them )?(?:tien|phi))(?= (?:gi )?(?:khong|ko|k|"
                     r"bao nhieu|bn)(?: |$))")
# getting something ("lấy chữ ký số ở đâu", "lấy mẫu ở đâu"): a letter says who issues it or
# where it is posted ("do Sở cấp", "tải tại …"), not that one takes it
_GETTING = frozenset({"lay"})
# "sản phẩm cuối khóa", "bài thu hoạch cuối khóa học", "bài kiểm tra cuối lớp (tập huấn)",
# "cuối đợt": when in the course the thing comes, which the letter about that course need not
# say ("Sản phẩm: kế hoạch …, nộp trước ngày …")
_COURSE_END = (("cuoi", "khoa"), ("cuoi", "lop"), ("cuoi", "dot"))
# "dự theo hình thức trực tuyến", "học bằng hình thức tập trung": how the asker frames a way
# of attending, which a letter names alone ("được dự trực tuyến", "học tập trung")
_MODE = re.compile(r"(?:^| )((?:theo|bang|duoi) (?:hinh thuc|dang)) (?=truc tuyen|truc tiep|"
                   r"tap trung|ket hop)")
# "hoàn thành" before what it earns ("… thì được tính", "… được cấp"): the asker's condition
_DONE = ("hoan", "thanh")
_EARNED = "duoc"


def frame_words(folded: list[str], kinds: Iterable[str]) -> frozenset[int]:
    """Positions of the words that ask rather than name the subject, for the kinds of value
    the question asks (``asked.asked_kinds``): a time's or a span's bounds ("bắt đầu", "kết
    thúc") when a time or a date is asked, whether one pays ("có phải nộp tiền không"), and
    getting a thing when where is asked ("lấy … ở đâu"), and the frame of a way of attending
    ("theo hình thức trực tuyến")."""
    kinds = frozenset(kinds)
    found: set[int] = set()
    if kinds & _WHEN:
        found |= _pairs_at(folded, _BOUNDS)
    text = " ".join(folded)
    starts = {at: n for n, at in enumerate(_starts(folded))}
    for m in _CHARGE.finditer(text):
        first = starts[m.start(1)]
        found.update(range(first, first + len(m.group(1).split())))
    if "address" in kinds:
        found.update(i for i, f in enumerate(folded) if f in _GETTING)
    for m in _MODE.finditer(text):
        first = starts[m.start(1)]
        found.update(range(first, first + len(m.group(1).split())))
    return frozenset(found)


def course_end(folded: list[str]) -> frozenset[int]:
    """Positions of "cuối khóa" ("sản phẩm cuối khóa", "bài kiểm tra cuối lớp"): when in the
    course a thing comes. A passage naming the thing by it ("Kiểm tra cuối khóa") is the more
    likely answer; one that does not ("Sản phẩm: …") is no less an answer."""
    return frozenset(_pairs_at(folded, _COURSE_END))


def completion_condition(folded: list[str]) -> frozenset[int]:
    """Positions of "hoàn thành" (typed so, or "học xong") said before what finishing earns
    ("học xong khóa này thì được tính bao nhiêu tiết"): the asker's condition, which the
    letter states as its own ("người đạt bài kiểm tra, dự đủ … được cấp giấy chứng nhận")."""
    for i, pair in enumerate(pairwise(folded)):
        if pair == _DONE and _EARNED in folded[i + 2:]:
            return frozenset((i, i + 1))
    return frozenset()


def finishing_by(folded: list[str], kinds: Iterable[str]) -> frozenset[int]:
    """Positions of "hoàn thành" (typed so, or "học xong") in a question asking a date ("phần
    online phải học xong trước ngày nào"): finishing by a day is how the asker says the
    deadline, which the letter gives as the end of the span ("học từ … đến hết ngày …")."""
    return frozenset(_pairs_at(folded, (_DONE,))) if "date" in frozenset(kinds) else frozenset()


def _pairs_at(folded: list[str], wanted: tuple[tuple[str, str], ...]) -> set[int]:
    """Positions of both words of each of the ``wanted`` word pairs the text holds."""
    return {k for i, pair in enumerate(pairwise(folded)) if pair in wanted for k in (i, i + 1)}


def _starts(folded: list[str]) -> list[int]:
    """Where each word starts in ``" ".join(folded)``."""
    at, found = 0, []
    for word in folded:
        found.append(at)
        at += len(word) + 1
    return found


# "khóa này", "đợt bồi dưỡng này", "lớp tập huấn này", "chương trình này": the course the
# letter sets out, named as the one spoken of; the letter calls it by its subject ("bồi dưỡng
# nghiệp vụ y tế trường học") and seldom by "khóa"
_COURSE = frozenset({"khoa", "dot", "lop"})
_COURSE_KIND = frozenset({"hoc", "boi", "duong", "tap", "huan"})
_THIS = "nay"


def this_course(folded: list[str]) -> frozenset[int]:
    """Positions of the words naming the letter's own course as "this one" ("học xong khóa
    này", "đợt tập huấn này", "chương trình này"): a passage saying "khóa" is no likelier the
    answer than one that does not."""
    found: set[int] = set()
    for i, word in enumerate(folded):
        if word != _THIS or not i:
            continue
        start = i - 1
        while start > 0 and folded[start] in _COURSE_KIND and i - start < 3:
            start -= 1
        if folded[start] in _COURSE or folded[start - 1:start + 1] == ["chuong", "trinh"]:
            # the words of what the course is ("bồi dưỡng", "tập huấn") stay the question's
            first = start - (folded[start] == "trinh")
            found.update(k for k in range(first, i + 1)
                         if k in (first, start, i) or folded[k] == "hoc")
    return frozenset(found)
