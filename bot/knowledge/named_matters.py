"""Matters a question names that only a text naming them too can answer.

"Không hoàn thành các mô-đun thì bị xử lý kỷ luật thế nào?", "học xong có được cấp chứng chỉ
không, ai ký?": the question shares its commoner words with the letter's summary (the modules,
the year, the training), and the summary would be shown; yet it asks of a sanction, or of a
certificate, which the summary never mentions. A text that does not name the matter answers
nothing of it, however much else it holds: the asker gets the honest no and the hand-over.
A text naming it in other words ("giấy chứng nhận" for "chứng chỉ", "chịu trách nhiệm" and
"xếp loại chưa đạt" for a sanction) does answer.

A question asking when or where a certificate comes ("bao giờ nhận chứng chỉ, nhận ở đâu") is
answered only by a sentence naming the certificate with a date or a place: a summary of what
must be done for it, with the deadline of that, says neither (``certificate_unplaced``).

So with the tier of an event or a body ("Hội khỏe Phù Đổng cấp tỉnh", "hội thi giáo viên dạy
giỏi cấp tỉnh"): a letter on the school-level sports day, or on a course naming no tier, shares
every other word of the question and says nothing of the province's (``unnamed_tier``).
"""

from __future__ import annotations

import re

from bot.textnorm import fold

# Each matter: how a question names it, and how a text may (both folded, lower case).
_MATTERS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "sanction": (
        re.compile(r"\b(?:ky|ki) luat\b|\bkhien trach\b|\bcanh cao\b|\bxu phat\b|\bche tai\b"),
        re.compile(r"\b(?:ky|ki) luat\b|\bkhien trach\b|\bcanh cao\b|\bxu phat\b|\bche tai\b|"
                   r"\bphat\b|\bchiu trach nhiem\b|\bchua dat\b|\bkhong dat\b|\bxep loai\b|"
                   r"\bthi dua\b|\bxu ly\b|\bxu li\b"),
    ),
    # asked of, not told as the asker's aim ("duyệt trước ngày nào để kịp được cấp chứng chỉ")
    # nor as what someone holds ("đã được cấp chứng nhận hoàn thành"): "có được cấp chứng
    # chỉ không", "chứng chỉ bồi dưỡng nào không", "ai ký chứng nhận"
    "certificate": (
        re.compile(r"\b(?:chung chi|chung nhan|van bang)(?: \w+){0,3} (?:khong|ko|k|chua)\b|"
                   r"\bai (?:ki|ky|cap)\b.*\b(?:chung chi|chung nhan|van bang)\b|"
                   r"\b(?:chung chi|chung nhan|van bang)\b.*\bai (?:ki|ky|cap)\b"),
        re.compile(r"\bchung chi\b|\bchung nhan\b|\bvan bang\b|\bcong nhan\b|\bxac nhan\b"),
    ),
    # a lighter teaching load: "có được giảm tiết dạy/tuần không", "giảm định mức tiết dạy";
    # a text on the sessions themselves ("không cắt giảm giờ dạy chính khóa để dự": the
    # pupils' lessons kept) names no periods taken off anyone's load
    "reduced load": (
        re.compile(r"\bgiam (?:\w+ ){0,3}?(?:tiet|dinh muc)\b"),
        re.compile(r"\bgiam (?:\w+ ){0,4}?(?:tiet|dinh muc)\b|\btiet (?:\w+ ){0,2}?duoc giam\b"),
    ),
}


def unnamed_matter(question: str, text: str) -> str | None:
    """The matter ``question`` names that ``text`` does not ("sanction", "certificate");
    None when the text names every matter the question does."""
    asked = " ".join(re.findall(r"\w+", fold(question).lower()))
    named = [(matter, answered) for matter, (names, answered) in _MATTERS.items()
             if names.search(asked)]
    if not named:  # most questions name no such matter: the answer's text is not read
        return None
    told = " ".join(re.findall(r"\w+", fold(text).lower()))
    return next((matter for matter, answered in named if not answered.search(told)), None)


# The tier an event or a body belongs to, as a question names it ("hội thi giáo viên dạy giỏi
# cấp tỉnh", "Hội khỏe Phù Đổng cấp tỉnh"), folded, each with the words meaning the same tier:
# a letter on the school-level sports day, or on a course, says nothing of the province's.
_TIERS = {
    "tinh": "tinh|thanh pho|tp|so",
    "huyen": "huyen|quan|thi xa|phong",
    "xa": "xa|phuong|thi tran|dac khu",
    "truong": "truong|co so",
    "cum": "cum|cum truong|lien truong",
    "quoc gia": "quoc gia|toan quoc|bo|trung uong",
    "khu vuc": "khu vuc|vung",
}
_TIER_ASKED = re.compile(rf"\bcap ({'|'.join(t for ts in _TIERS.values() for t in ts.split('|'))})"
                         r"\b")
# "cấp trưởng" (a head, folded alike) is no tier
_HEAD = re.compile(r"cấp\s+trưởng", re.IGNORECASE)
# the tier is the asker's own story, not what is asked: "tôi được công nhận giáo viên giỏi cấp
# tỉnh thì …", "năm 2025 em đã làm báo cáo viên cấp tỉnh": the clause telling it has a first
# person, or says it was done or won
# ("minh họa", "minh chứng" fold to the same "minh" as "mình" and tell nothing)
_TOLD = re.compile(r"\b(?:toi|em|minh(?! hoa| chung)|chung toi|da|dat|tung|duoc cong nhan)\b")
# how a message opens, telling nothing of the asker: "Dạ cho em hỏi", "em muốn hỏi", "xin hỏi"
_OPENING = re.compile(r"^\s*(?:da |vang )?(?:(?:cho|xin) (?:em|toi|minh|chau|con) (?:duoc )?hoi|"
                      r"(?:em|toi|minh) (?:muon |can |xin )?hoi|xin hoi|da|vang)\b")
_CLAUSE = re.compile(r"[,.;:!?\n]")


def _tier(word: str) -> str:
    return next(tier for tier, said in _TIERS.items() if word in said.split("|"))


def unnamed_tier(question: str, text: str) -> str | None:
    """The tier (folded: "tinh", "truong") ``question`` asks of an event or a body that
    ``text`` never names ("Hội khỏe Phù Đổng cấp tỉnh" asked, "… cấp trường" told); None when
    the question asks of no tier, tells it as the asker's own story, or the text names it."""
    folded = fold(_HEAD.sub(" ", question)).lower()
    asked = [_tier(m.group(1)) for clause in _CLAUSE.split(folded)
             if not _TOLD.search(_OPENING.sub(" ", clause.split("cap ", 1)[0]))
             for m in _TIER_ASKED.finditer(" ".join(re.findall(r"\w+", clause)))]
    if not asked:
        return None
    said = {_tier(m.group(1)) for m in _TIER_ASKED.finditer(
        " ".join(re.findall(r"\w+", fold(_HEAD.sub(" ", text)).lower())))}
    return next((tier for tier in asked if tier not in said), None)


_CERTIFICATE = re.compile(r"\b(?:chung chi|chung nhan|van bang)\b")
# when or where it is had: "bao giờ nhận", "khi nào có", "nhận ở đâu", "lấy tại đâu"
_WHEN_HAD = re.compile(r"\b(?:bao gio|khi nao|luc nao|thang (?:may|nao)|ngay nao|hom nao)\b"
                       r"(?: \w+){0,2} (?:nhan|lay|co|ve|tra)\b|"
                       r"\b(?:nhan|lay|co|ve|tra)(?: \w+){0,4} (?:bao gio|khi nao|luc nao|"
                       r"thang (?:may|nao)|ngay nao|hom nao)\b")
_WHERE_HAD = re.compile(r"\b(?:nhan|lay|tai|tra)(?: \w+){0,4} (?:o|tai) (?:dau|noi nao|cho nao)\b")
_SENTENCES = re.compile(r"(?<!\d)[.;!?](?!\d)|\n")
# a date or a month, a place to go or a system to download it from
_DATED = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bthang \d{1,2}\b")
_PLACED = re.compile(r"\b(?:tai|o) (?:truong|so|phong|trung tam|van phong|bo phan|he thong|"
                     r"trang|website|lms|temis)\b|\btai ve\b|\bdia chi\b|https?:|www\.")


def certificate_unplaced(question: str, text: str) -> bool:
    """Whether ``question`` asks when or where a certificate is had and no sentence of
    ``text`` naming a certificate gives a date, a month or a place for it."""
    asked = " ".join(re.findall(r"\w+", fold(question).lower()))
    if not _CERTIFICATE.search(asked):
        return False
    when, where = bool(_WHEN_HAD.search(asked)), bool(_WHERE_HAD.search(asked))
    if not (when or where):
        return False
    for sentence in _SENTENCES.split(fold(text).lower()):
        if not _CERTIFICATE.search(sentence):
            continue
        if (when and _DATED.search(sentence)) or (where and _PLACED.search(sentence)):
            return False
    return True
