"""What kind of value a question asks for, and whether a text holds one.

"thầy Khoa số điện thoại bao nhiêu" wants a phone number about Khoa, "gv khtn học bao nhiêu
tiết" a number, "hạn … là ngày nào" a date: such a question is answered by the sentence that
holds that kind of value, never by a summary of the topic that lacks it. The cues are the
words teachers use (bao nhiêu, mấy, ngày nào, số điện thoại, ai, ở đâu, trang nào), read on
the folded text so that a question typed without diacritics asks the same thing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, pairwise, takewhile

from bot.i18n import N_
from bot.knowledge.letters import SIGNER_NAME
from bot.knowledge.normalize import (
    PERCENT,
    QUESTION_WORDS,
    find_levels,
    find_provinces,
    fold_word,
    has_diacritics,
    is_filler,
    typed_with_marks,
    words,
)
from bot.textnorm import CAPITALS, fold

KIND_NAMES = {  # what each kind of value is called, for ``troly ask --why``
    "contact": N_("a contact (a person or office with a phone or email)"),
    "phone": N_("a phone number"),
    "landline": N_("a landline number"),
    "website": N_("a website"),
    "system": N_("a system named by its address or name"),
    "email": N_("an email address"),
    "date": N_("a date"),
    "time": N_("a time of day"),
    "person": N_("a person"),
    "address": N_("an address"),
    "money": N_("an amount of money or a percentage"),
    "number": N_("a number"),
    "which": N_("a number"),
    "duration": N_("a length of time"),
    "frequency": N_("how often something is done"),
    "signer": N_("who signed the letter"),
    "reason": N_("a reason or purpose"),
}

# What money is called in a question, folded: "tiền ăn", "học phí", "phụ cấp", "lương", "mức
# hỗ trợ", "thưởng". Not "thời lượng", "số lượng", "ưu tiên", "đầu tiên", "trước tiên",
# "tiên quyết", "Tiền Giang" nor "thường xuyên".
_MONEY_WORDS = (r"(?<!uu )(?<!dau )(?<!truoc )tien(?! giang| quyet| phong)|"
                r"hoc phi|kinh phi|chi phi|le phi|cong tac phi|phu cap|ngan sach|"
                r"(?<!so )(?<!thoi )(?<!chat )(?<!khoi )(?<!dung )luong|muc (?:ho tro|chi|thu)|"
                r"thuong(?! xuyen| truc| le| ngay| nien)")

# Of the words asking for money, those that only ask: "phụ cấp", "tiền ăn" stay the subject
_MONEY_CUES = frozenset("bao nhieu bn may".split())
# … and "tiền", "đồng" after "bao nhiêu": "đóng bao nhiêu tiền" asks a sum of any money
_ONLY_ASKING = re.compile(r"(?:bao nhieu|bn) (?:tien|dong)$")

# "bước mấy", "mô đun số mấy", "phụ lục thứ mấy", "đợt mấy": "mấy" after the name of
# something a letter numbers asks which one, its number ("Bước 7: …"), not how many ("mấy
# bước"). Folded names, as they end: "dun" of "mô đun", "luc" of "phụ lục". Not "thứ mấy"
# alone (a weekday), "ngày, tháng mấy" (a date) nor "kế hoạch số mấy" (a letter's number).
_NUMBERED_NAMES = ("buoc", "dun", "luc", "muc", "khoan", "dieu", "dot", "lop", "khoi", "tiet",
                   "phan", "chuong", "cum", "nhom", "lan", "ki", "hang", "bai")
_WHICH_NUMBER = "|".join(rf"(?<={name} )(?:thu |so )?may" for name in _NUMBERED_NAMES)
_COUNTING_MAY = "".join(f"(?<!{n} )" for n in _NUMBERED_NAMES) + r"(?<!thu )may"

_WHICH = re.compile(rf"(?:{_WHICH_NUMBER})$")

# Checked in this order: "số điện thoại bao nhiêu" asks for a phone, not a count.
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?:^| )(?:{cues})(?= |$)")) for kind, cues in (
        # a desk phone: since 2017 every Vietnamese landline number has a 02x area code
        ("landline", r"(?:so dien thoai|dien thoai|so may_?|may_) ban(?! hanh)"),
        # "gọi tổng đài số mấy": which number to dial, no count
        ("phone", r"so dien thoai|dien thoai|hotline|goi so|duong day nong|so tong dai|"
                  r"(?:tong dai|goi) (?:\w+ ){0,3}so (?:may|nao|bao nhieu)"),
        # "được đăng trên website nào": posting on it is how the website is asked for
        ("website", r"(?:dang (?:tren|len|tai) )?(?:trang nao|trang web|website|web|"
                    r"duong link|link|duong dan|dia chi truy cap|trang thong tin|cong thong tin)|"
                    r"dang nhap vao dau"),
        ("email", r"email|e mail|thu dien tu|hop thu|mail"),
        # "có mặt lúc mấy giờ"; "phụ lục mấy", "phụ lục nào" ask an appendix, not a time
        ("time", r"may gio|gio nao|(?<!phu )luc may|may h"),
        # who signed: the name under the titles that close the letter ("KT. GIÁM ĐỐC …");
        # "ký" is read "kí", as the letters' words are spelt. "xin chữ ký của ai, ký xong nộp
        # đâu" (the commas gone) asks an approver and a step; "ai ký duyệt" an approver
        ("signer", r"ai ki(?! (?:xong|roi|duyet))|nguoi ki(?! duyet)|ki boi ai|ki ten|"
                   r"ki ban hanh|ai la nguoi ki"),
        ("date", r"ngay nao|hom nao|ngay may|ngay bao nhieu|khi nao|bao gio|(?<!phu )luc nao|"
                 r"thang may|"
                 # "trước ngày học trực tiếp": a day named by its event says when the asker's
                 # case falls ("chuyển trường trước ngày tập huấn"), no date is asked
                 r"thoi han|han chot|han cuoi|(?:den|toi) han nao|cham nhat|"
                 r"(?:truoc|den|tu) ngay(?! (?:hoc|tap|"
                 r"boi|thi|kiem|hop|khai|be|thuc|di)(?: |$))|"
                 # "hợp đồng hết hạn vào tháng 3/2027": when the asker's case ends, stated
                 r"het han(?! (?:[a-z]+ ){0,3}(?:thang|ngay|nam) \d)|"
                 r"thoi gian nao|ngay gio nao|buoi nao|"
                 # "gửi đầu tháng 3 có còn kịp không": whether a day is in time asks the deadline
                 r"(?:con|co) kip|kip (?:khong|ko|han)|"
                 # "tổ chức vào ngày 27/5 thì có đúng thời gian quy định không": whether a day
                 # keeps the time a letter sets asks that time, as "có kịp không" does
                 r"(?:co )?(?:dung|trong) (?:thoi gian|thoi han|han|lich)(?: quy dinh)?"
                 r"(?= (?:khong|ko|k|hong|chua)(?: |$))"),
        # "học trên hệ thống nào", "nộp qua phần mềm nào": which system, that a letter names
        # by its address or its own name ("https://…", "TEMIS"); its other sentences may say
        # "hệ thống" of a deadline kept on it
        ("system", r"(?:he thong|phan mem|nen tang|ung dung|app) nao"),
        # "những ai", "các ai" ask which kinds of people ("cử mấy người, gồm những ai"), which
        # a letter answers with posts, not a named person; so do "cử ai", "chọn ai" (whom a
        # school sends: "cử giáo viên đang được giao kiêm nhiệm")
        ("person", r"(?<!nhung )(?<!cac )(?<!cu )(?<!chon )ai|nguoi nao|lien he voi ai|ten gi|"
                   r"ho ten"),
        # "học ở trường nào", "lên đâu học": which venue, where to go
        ("address", r"(?:o|tai|den) (?:truong|diem|co so) nao|(?:len|den|toi|di) dau|"
                    r"o dau|dia chi|noi nao|cho nao|tai dau|ve dau|dia diem"),
        # "bao lâu một lần", "mấy lần một năm": how often, answered by "hằng năm", "mỗi học
        # kỳ", "2 lần/năm" (no span)
        ("frequency", r"bao lau (?:thi |moi )?(?:mot|1) lan|(?:may|bao nhieu) lan (?:mot|1|moi|"
                      r"trong) (?:nam|thang|tuan|quy|hoc ki|ki)"),
        # "bao lâu" (how long) is answered by a span: "12 tháng", "05 ngày làm việc"
        ("duration", r"bao lau"),
        # an amount of money or a share of a salary: "bao nhiêu tiền", "mức hỗ trợ … bao
        # nhiêu", "phụ cấp bao nhiêu %". Answered only by a sum, a percentage, "miễn phí" or
        # the rule the sum is paid by (``_MONEY``); a sentence counting periods is no answer
        ("money", r"(?:bao nhieu|bn) (?:tien|dong|phan tram|%)|may (?:tram|trieu|nghin|ngan) |"
                  rf"(?:{_MONEY_WORDS}) (?:\w+ ){{0,4}}(?:la |duoc |khoang )?(?:bao nhieu|bn)"),
        # "bước mấy", "mô đun số mấy": which one, by its number ("Bước 7: …"), not how many
        ("which", _WHICH_NUMBER),
        # "bao nhiêu người": "người" says people are counted, not which ones
        ("number", rf"(?:bao nhieu|may|so) nguoi|bao nhieu|{_COUNTING_MAY}|so luong|so tiet|"
                   r"may tiet"),
        # why: answered by the sentence giving the purpose ("Để … được cấp chứng chỉ, …")
        ("reason", r"tai sao|vi sao|de lam gi|li do gi|li do nao|muc dich gi|nham muc dich gi|"
                   r"sao phai"),
    ))

# Whom to turn to: "liên hệ ai", "hỏi ai", "gọi cho ai", "đầu mối", "ai phụ trách". Such a
# question is answered by a sentence naming a person or an office with a way to reach them
# (a phone, an email), whatever else it asks ("liên hệ ai, sđt", "gọi ai, địa chỉ ở đâu").
# The words that ask it ("gọi ai", "nhờ ai", "ai phụ trách") say what is wanted, not what it
# is about; "liên hệ" and "đầu mối" are the letters' own words for a contact ("nếu có vướng
# mắc, liên hệ thầy …") and stay part of the subject.
# "ai phụ trách", "chuyên viên phụ trách": someone to turn to; "giáo viên phụ trách hoạt động
# trải nghiệm", "tổng phụ trách Đội" hold a post and are no one the asker asks for
_IN_CHARGE = ("ai", "nguoi", "chuyen vien", "can bo", "bo phan", "don vi", "phong", "noi")
_CONTACT = re.compile(r"(?:^| )(?:(?P<cue>(?:hoi|goi|nho|bao|gap)(?: cho| voi)? "
                      r"(?:ai|nguoi nao|phong nao)|(?:" + "|".join(
                          f"(?<={w} )" for w in _IN_CHARGE) + r")phu trach|phu trach(?= (?:la )?ai)"
                      r")|lien he|dau moi)(?= |$)")
_REACHED = ("person", "phone", "landline", "email", "address")  # a contact may also ask
# Values a text either states or does not answer at all: "liên hệ ai", "trang web nào" is never
# answered by a passage or an entry naming no contact, no website, however many words it shares.
VALUE_ONLY = frozenset({"contact", "phone", "landline", "email", "website", "duration",
                        "frequency", "signer", "money"})

# a subscriber's number, or a toll-free / service line ("1800 8000", "18008000", "1900 xxxx")
_PHONE = re.compile(r"(?<![\d/])(?:(?:\+84|0)[\d .]{6,14}|1[89]00[ .]?\d{2,3}[ .]?\d{0,3})\d"
                    r"(?![\d/])")
_LANDLINE = re.compile(r"(?<![\d/])(?:\+84|0)2\d[\d .]{5,12}\d(?![\d/])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEBSITE = re.compile(r"https?://\S+|www\.\S+|(?<![@\w.])[a-z][\w-]*(?:\.[\w-]+)*"
                      r"\.(?:vn|com|net|org|edu)(?:/\S*)?\b", re.IGNORECASE)
# a system named: its address, a name of capitals after the word for it ("nền tảng VNEdu
# Learning", "hệ thống TEMIS"), or the name of one the schools use ("LMS", "vnEdu"); the
# capitals of a school's or an office's name ("GDNN-GDTX", "THCS") name no system
_SYSTEM_NAMED = re.compile(rf"{_WEBSITE.pattern}|(?:[Hh]ệ thống|[Nn]ền tảng|[Pp]hần mềm|"
                           r"[Ứứ]ng dụng)\s+[A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9]|"
                           r"\b(?:TEMIS|LMS|CSDL|vnEdu|SMAS|K12Online|Moodle)\b")
_DATE = re.compile(r"(?<!\d)\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?(?![\d/])|"
                   r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|tháng\s+\d{1,2}(?:\s*/\s*\d{4})?",
                   re.IGNORECASE)
_TITLES = r"(?:[Tt]hầy|[Cc]ô|[Ôô]ng|[Bb]à|(?<![Tt]iếng )[Aa]nh|[Cc]hị|[Đđ]ồng chí|[Đđ]/[Cc])"
# the capitals alone: the range "À-Ỹ" also holds "à", "đ", "ở", and "tiếng Anh ở tiểu học" is
# no "anh Ở"; "tiếng Anh" is a language, never a title
_NAME = rf"[{CAPITALS}][^\W\d_]*"
_PERSON = re.compile(rf"\b{_TITLES}\s+({_NAME}(?:\s+{_NAME}){{0,3}})")
_ROLE = re.compile(r"hiệu trưởng|giám đốc|trưởng phòng|chuyên viên|giảng viên|cốt cán|"
                   r"Phòng Giáo dục|Phòng GD|Sở Giáo dục|Sở GD|tổ trưởng|cán bộ", re.IGNORECASE)
# whom a thing is handed in to, named by its office: "nộp cho Trường Cao đẳng Sư phạm …",
# "gửi danh sách về Phòng Văn hóa - Xã hội" answer "nộp cho ai", "gửi ai"
_RECIPIENT = re.compile(r"\b(?:[Nn]ộp|[Gg]ửi|[Cc]huyển)\b[^.;:]{0,40}?\b(?:cho|về)\s+"
                        r"(?:Trường|Phòng|Sở|Ủy ban|UBND|Trung tâm|Học viện|Bộ)\b")
_ADDRESS = re.compile(r"số\s+\d+[\w/]*,?\s+(?:đường|phố)|đường\s+[A-ZĐ]|[Pp]hường\s+[A-ZĐ\d]|"
                      r"tầng\s+\d|hội trường|phòng họp|trụ sở|tại\s+[A-ZĐ]|"
                      r"[Đđ]ịa điểm[^:;.]{0,30}:\s*\w")  # a table's "Địa điểm:" cell
# a count or an amount: not a year, not a date, not "mô đun 2, 3, 4" or "bước 3"
_NUMBER = re.compile(r"(?<![\d/.])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)*(?![\d/])")
_NUMBERED = re.compile(r"(?:mô đun|bước|phụ lục|lớp|mục|khoản|điều)\s+\d+(?:\s*(?:,|và|-)\s*\d+)*"
                       r"|^\s*\d+(?:\.\d+)*[.)]", re.IGNORECASE | re.MULTILINE)  # or a heading

# a document's number, as "kế hoạch số mấy" asks it: "37/KH-BGDĐT", "2512/SGDĐT-GDTrH"
_DOCUMENT_NUMBER = re.compile(r"(?<![\d/])\d{1,5}/[A-ZĐ]{2,}")

# a time of day: "7 giờ 30", "7h30", "13:30", "14 giờ"
_TIME = re.compile(r"(?<![\d/.:])\d{1,2}\s*(?:giờ|h)(?:\s*\d{2})?(?![\w/])|"
                   r"(?<![\d/.:])\d{1,2}:\d{2}(?![\d:])", re.IGNORECASE)

# a span of time: "12 tháng", "05 ngày làm việc", "02 năm" (not "tháng 3", "năm 2027")
_DURATION = re.compile(r"(?<![\d/.,])\d{1,3}\s+(?:ngày|tháng|năm|tuần|giờ|buổi|tiết|phút)"
                       r"(?!\s*\d)", re.IGNORECASE)
# how often: "hằng năm", "mỗi học kỳ", "định kỳ", "2 lần/năm"
_FREQUENCY = re.compile(r"\b(?:hằng|hàng|mỗi)\s+(?:năm|tháng|tuần|quý|học kỳ|học kì|ngày)\b|"
                        r"\bđịnh kỳ\b|\bthường niên\b|\d+\s+lần\s*(?:/|mỗi|một|trong)\s*"
                        r"(?:năm|tháng|tuần|quý|học kỳ)", re.IGNORECASE)

# a sum ("150.000 đồng/người/ngày", "2 triệu"), a percentage, no fee, or the rule a sum is
# paid by ("theo giá vé xe khách", "chế độ công tác phí")
# a sum of money, a share of one, no charge, or the rule a sum follows, as letters write them
_A_SUM = r"\d[\d.,]*\s*(?:đồng|đ(?![\wà-ỹ])|vnđ|vnd|nghìn|ngàn|triệu|tỷ)"
_A_SHARE = r"\d[\d.,]*\s*%|phần trăm"
_NO_CHARGE = r"miễn phí|không (?:phải )?(?:đóng|nộp|thu)|không thu"
_BY_RULE = r"công tác phí|giá vé|định mức|nguyên lương"
_MONEY = re.compile(rf"{_A_SUM}|{_A_SHARE}|{_NO_CHARGE}|{_BY_RULE}", re.IGNORECASE)

# money named in a text, folded ("phụ cấp", "tiền ăn", "kinh phí"), or a sum a letter states
_MONEY_NAMED = re.compile(rf"(?:^| )(?:{_MONEY_WORDS})(?= |$)")
_SUM = re.compile(rf"{_A_SUM}|{_NO_CHARGE}|{_BY_RULE}", re.IGNORECASE)


def _folded_words(text: str) -> str:
    return " ".join(fold_word(w) for w in re.findall(r"[^\W_]+", text.lower()))


# a name inside a sentence, two capitalised words or more ("xã Tiền Hải", "huyện Mường Ảng")
_PROPER_NAME = re.compile(rf"(?<=[^\W\d_,] ){_NAME}(?: {_NAME})+")


def asks_of_money(question: str) -> bool:
    """Whether a question names money ("phụ cấp", "tiền đi lại", "học phí"); "theo định mức"
    or "100%" in a question say how, not that money is asked of, and a place's name ("xã
    Tiền Hải") names no money."""
    return bool(_MONEY_NAMED.search(_folded_words(_PROPER_NAME.sub(" ", question))))


def names_money(text: str) -> bool:
    """Whether a text speaks of money: names an allowance, a fee, a cost, a salary ("phụ
    cấp", "tiền đi lại", "chi phí", "lương") or states a sum. A question naming one ("có được
    phụ cấp ưu đãi không") is answered only by a text that does: "100% giáo viên" is none."""
    return bool(_MONEY_NAMED.search(_folded_words(text)) or _SUM.search(text))


# "bao nhiêu", "mấy", "mức nào": the amount itself is asked, not whether there is money;
# "phụ lục mấy", "điều mấy" ask which paper holds it
_AMOUNT_ASKED = re.compile(r"(?:^| )(?<!luc )(?<!dieu )(?<!khoan )(?<!muc )(?<!so )"
                           r"(?:bao nhieu|may|muc nao|muc bao)(?= |$)")
# a sum, a share, or no charge at all: what answers "phụ cấp bao nhiêu"
_STATED_SUM = re.compile(rf"{_A_SUM}|{_A_SHARE}|{_NO_CHARGE}|không (?:phải )?(?:chi|hỗ trợ)|"
                         r"không được", re.IGNORECASE)


def states_asked_sum(question: str, text: str) -> bool:
    """Whether ``text`` answers a money question's amount: "phụ cấp bao nhiêu mỗi tháng" is
    not answered by "được hưởng nguyên lương, các khoản phụ cấp", which names the allowance
    and no sum. A question not asking an amount ("có được phụ cấp không") is answered by a
    text naming the allowance (``names_money``)."""
    return not _AMOUNT_ASKED.search(_folded_words(question)) or bool(_STATED_SUM.search(text))


_REASON = re.compile(r"(?<!\w)(?:để|nhằm|làm căn cứ|vì|bởi|do đó|lý do|lí do|mục đích|"
                     r"điều kiện)(?!\w)", re.IGNORECASE)

# a summary naming the signer: "Phó Giám đốc Nguyễn Quang Tuấn", "(ký: Lê Hồng Sơn)"
_TITLED = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
_SIGNED_BY = re.compile(rf"(?:[Gg]iám đốc|[Cc]hủ tịch|[Kk]ý:?)\s+(?:<b>)?"
                        rf"(?!Sở |Phòng |Ủy |Trung |Trường ){_TITLED}(?:\s+{_TITLED}){{1,4}}")

# a sentence saying who signs a paper the letter asks for: "do Chủ tịch Ủy ban nhân dân xã
# ký", "hiệu trưởng ký xác nhận" ("đăng ký" is registering, not signing)
_SIGN = r"(?<!đăng )(?<!Đăng )\b(?:ký|kí)\b"
SIGNS = re.compile(rf"\b(?:do|bởi)\s[^.;:]{{1,80}}?{_SIGN}|(?:[Cc]hủ tịch|[Hh]iệu trưởng|"
                   rf"[Gg]iám đốc|[Tt]rưởng phòng|[Tt]hủ trưởng)[^.;:]{{0,60}}?{_SIGN}")

# a date something is due by: "trước ngày 22/12/2026", "chậm nhất 15/3", "Hạn nộp: 10/01/2027",
# the end of a span ("từ ngày 03/5 đến ngày 16/5/2027")
_DUE = re.compile(r"(?:trước|chậm nhất|muộn nhất|đến hết|đến|hạn\b[^.;:\d]{0,40}|kịp)\s*:?\s*"
                  r"(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}", re.IGNORECASE)

_HOLDS: dict[str, re.Pattern[str]] = {
    "deadline": _DUE,
    "reason": _REASON,
    "duration": _DURATION,
    "frequency": _FREQUENCY,
    "phone": _PHONE,
    "landline": _LANDLINE,
    "email": _EMAIL,
    "website": _WEBSITE,
    "system": _SYSTEM_NAMED,
    "date": _DATE,
    "time": _TIME,
    "address": re.compile(f"{_ADDRESS.pattern}|{_EMAIL.pattern}"),
    "number": _NUMBER,
    "which": _NUMBERED,
    "money": _MONEY,
}
# Words that follow "thầy"/"cô" without being a name ("cô giáo", "thầy cô", "cô ấy").
_NOT_NAMES = frozenset("""giao co thay ay hieu chu pho to nay do ta minh oi a day bo
    nhiem tong can chuyen giam truong phong so vien phu ban cac nhung moi""".split())


# "bước tiếp theo", "việc kế tiếp", "làm gì tiếp": what comes after a step the question names
# ("sau khi …", "… xong")
_NEXT = re.compile(r"(?:^| )(?:tiep theo|ke tiep|tiep do|buoc sau|viec sau|lam gi tiep|"
                   r"gi tiep|lam tiep)(?= |$)")
_STEP_NAMED = re.compile(r"(?:^| )(?:sau|xong)(?= |$)")
_NEXT_CUES = frozenset({"tiep", "ke"})


# "ngày nào bắt đầu học", "khi nào khai giảng": the day something opens, not its deadline
_START = re.compile(r"(?:^| )(?:bat dau|khai giang|mo lop|mo cua)(?= |$)")


@lru_cache(maxsize=1024)
def asks_start(question: str) -> bool:
    """Whether ``question`` asks when something begins: a letter's "từ ngày …" answers it
    before a "trước ngày …" of another step."""
    return bool(_START.search(" ".join(fold(question).lower().split())))


@lru_cache(maxsize=1024)
def asks_next_step(question: str) -> bool:
    """Whether ``question`` asks what comes after a step it names ("làm xong bài kiểm tra thì
    bước tiếp theo là gì"): the letter's next step answers, not the one named."""
    folded = " ".join(fold(question).lower().split())
    return bool(_NEXT.search(folded) and _STEP_NAMED.search(folded))


def asked_kind(question: str) -> str | None:
    """The kind of value the question asks for ("phone", "website", "email", "date",
    "person", "address", "number"), or None for a question about a rule or steps."""
    return asked(question)[0]


@lru_cache(maxsize=4096)
def asked(question: str) -> tuple[str | None, frozenset[str]]:
    """The kind of value asked for and the folded words that ask it ("chậm nhất", "bao
    nhiêu"): they say what is wanted, not what it is about."""
    accented = words(question)
    folded = [fold_word(w) for w in accented]
    # judged on what was typed: "gv" read as "giáo viên" puts no marks in the message
    plain = not any(map(has_diacritics, re.findall(r"[^\W\d_]+", question.lower())))
    # "máy" (a computer) is not "mấy" (how many): typed with marks, "máy" and a bare "may"
    # ask nothing; "mây giờ", "mầy giờ" are "mấy" mistyped, no word a question would use
    text = " ".join("may_" if f == "may" and not plain and a in ("máy", "may") else f
                    for a, f in zip(accented, folded, strict=True))
    # "cô Hà thuộc phòng nào": "thuộc … nào" asks where someone or something belongs; the
    # letter names the office ("Phòng Giáo dục Trung học") and never says "thuộc" of it
    text = _as_condition(text)
    member = frozenset(m.group(1) for m in _MEMBERSHIP.finditer(text)) | frozenset(
        w for m in _LISTING.finditer(text) for w in m.groups() if w)
    found_kind, cues = _asked_kind(text)
    if found_kind not in (None, "contact"):
        # "gửi email nào và hạn chót là khi nào": each value asked is asked with its own words
        rest = dict(_ASKS)[found_kind].sub(" ", text)
        cues |= {w for kind, cue in _ASKS if kind not in (found_kind, "number")
                 for m in cue.finditer(rest) for w in m.group(0).split()}
        if _DEADLINE.search(rest):
            cues |= _EXTRA_CUES["date"]
    # "phải làm gì tiếp": "tiếp" asks what comes next, which a letter says without the word
    # ("được hướng dẫn thêm một học kỳ, dạy lại …")
    after = frozenset(w for m in _NEXT.finditer(text) for w in m.group(0).split()
                      if w in _NEXT_CUES)
    return found_kind, cues | member | after


# "được công nhận hoàn thành khi nào, cần những điều kiện gì": asked beside the conditions,
# "khi nào" (like "lúc nào", "bao giờ") asks in which case, not on which day; a letter answers
# with its conditions and no date. A deadline asked as well ("hạn nộp", "trước ngày nào")
# is still a date.
_CONDITIONS_ASKED = re.compile(r"(?:^| )(?:(?:nhung|cac) dieu kien|dieu kien(?: \w+){0,2} "
                               r"(?:gi|nao))(?= |$)")
_WHEN_AS_CASE = re.compile(r"(?:^| )(?:khi nao|luc nao|bao gio)(?= |$)")


def _as_condition(text: str) -> str:
    """A folded question without its "khi nào" when that asks in which case (see
    ``_CONDITIONS_ASKED``)."""
    if not _CONDITIONS_ASKED.search(text):
        return text
    return _WHEN_AS_CASE.sub(" ", text)


def _asked_kind(text: str) -> tuple[str | None, frozenset[str]]:
    contact = _CONTACT.search(text)
    if contact:
        cues = [m.group(0) for kind, cue in _ASKS if kind in _REACHED
                for m in [cue.search(text)] if m]
        if cues or (contact.group("cue") and not any(
                cue.search(text) for kind, cue in _ASKS if kind not in _REACHED)):
            return "contact", frozenset(" ".join([*cues, *(
                m.group("cue") or "" for m in _CONTACT.finditer(text))]).split())
    for kind, cue in _ASKS:
        found = cue.search(text)
        if found:
            # "hạn … là ngày nào": the deadline is what is asked, as a letter's "trước ngày";
            # "đi học ở đâu": going there is how the place is asked for
            extra = _EXTRA_CUES.get(kind, frozenset())
            if _DEADLINE.search(text):  # "hạn gửi …, gửi email nào": the date is asked too
                extra |= _EXTRA_CUES["date"]
            # every cue of that kind asks: "bao nhiêu gv, trong đó tiểu học bao nhiêu người"
            return kind, frozenset(w for m in cue.finditer(text) for w in m.group(0).split()
                                   if kind != "money" or w in _MONEY_CUES
                                   or _ONLY_ASKING.match(m.group(0).strip())) | extra
    return None, frozenset()


# where a message's clauses part: a sentence's end, or a comma before "và", "còn", "ngoài ra"
_CLAUSES = re.compile(r"(?<=[.?!;])\s+|,\s*(?=(?:và|còn|ngoài ra|với lại|đồng thời)\s)",
                      re.IGNORECASE)


def contact_clause(question: str) -> tuple[str, str] | None:
    """A message asking a value (a date, a number…) and, in a clause of its own, whom to
    contact ("… gửi đầu tháng 3 có còn kịp không, và thắc mắc về hồ sơ cấp THPT thì tôi liên
    hệ ai?"): the rest and that clause, each answered on its own; None for one question."""
    if asked_kind(question) != "contact":  # a contact is asked before any other value
        return None
    clauses = [c for c in _CLAUSES.split(question) if c.strip()]
    if len(clauses) < 2:
        return None
    asking = [k for k, c in enumerate(clauses) if asked_kind(c) == "contact"]
    if len(asking) != 1:
        return None
    rest = " ".join(c for k, c in enumerate(clauses) if k != asking[0])
    if asked_kind(rest) in (None, "contact"):
        return None  # the rest asks nothing of its own: the message is one question
    return rest, clauses[asking[0]]


# the words that ask, as typed with marks or without: "bắt đầu" is no "đâu", "gì" is
_ASKING_WORDS = {"gì": "gi", "nào": "nao", "ai": "ai", "đâu": "dau", "sao": "sao", "mấy": "may",
                 "không": "khong", "chưa": "chua", "hông": "hong", "chi": "chi"}
_ASKING_ANYWHERE = re.compile(r"(?:^| )(?:gi|nao|ai|dau|sao|may|bao (?:nhieu|gio|lau))(?= |$)")
# a clause that ends as a question does, with no question mark: "… có còn kịp không ạ"
_ENDS_ASKING = re.compile(r"(?:^| )(?:khong|ko|k|hong|chua|nao|sao|gi|ai|dau|chi)"
                          r"(?: (?:a|ah|vay|v|nhi|nhe|nha|the|ha))*$")
# "… thì ai chi kinh phí", "… do ai tổ chức": who does something is asked before the verb,
# and the clause ends on what they do
_ENDS_ASKING_WHO = re.compile(r"(?:^| )ai(?: \S+){1,3}(?: (?:a|ah|vay|v|nhi|nhe|nha|the|ha))*$")
# "… cử mấy giáo viên", "… được bao nhiêu tiết": a count is asked before its noun, and the
# clause ends on what is counted
_ENDS_COUNTING = re.compile(r"(?:^| )(?:may|bao nhieu)(?: \S+){1,2}"
                            r"(?: (?:a|ah|vay|v|nhi|nhe|nha|the|ha))*$")
_MOST_ASKS = 3
# the words an ask needs besides fillers and question words to name a subject of its own:
# "phần học online học vào buổi nào" does; "hạn khi nào", "mỗi em được hỗ trợ bao nhiêu" ask
# more of the ask before
_OWN_SUBJECT = 4


def _read(clause: str) -> str:
    """A clause's folded words, each marked word that is no question word nor filler as "_"
    ("bắt đầu" asks nothing, "bắt đâu" would)."""
    return " ".join(_ASKING_WORDS.get(w, "_") if has_diacritics(w) and not is_filler(
        w, fold_word(w)) else fold_word(w) for w in words(clause))


# "chưa thấy chứng chỉ đâu", "không có tên đâu": after a "not", a closing "đâu" stresses it
# and asks nothing; "không biết học ở đâu", "gửi về đâu" still ask where. So do "nào", "gì"
# closing a sentence after a "not": "cả hai đều chưa học mô-đun nào." is "not any module"
_NOT = frozenset("chua khong ko chang hong".split())
_ANY = frozenset({"nao", "gi"})
_TOWARDS = frozenset("o ve di den toi tai len nop gui dau".split())
_CLOSING = frozenset("a ah ca nhe nha het vay v".split())


def _without_emphatic_dau(clause: str, read: str) -> str:
    tokens = [fold_word(w) for w in words(clause)]
    end = len(tokens)
    while end and tokens[end - 1] in _CLOSING:
        end -= 1
    if end < 2 or not _NOT.intersection(tokens[:end - 1]) or "biet" in tokens:
        return read
    if tokens[end - 1] == "dau" and tokens[end - 2] not in _TOWARDS:
        head, _, tail = read.rpartition("dau")
        return head + tail
    if tokens[end - 1] in _ANY and clause.rstrip().endswith("."):
        head, _, tail = read.rpartition(tokens[end - 1])
        return head + tail
    return read


def _asking(clause: str) -> bool:
    """A clause with a question mark or ending as a question does; one with a question word
    ("những điều kiện gì", "bao giờ") unless it ends with a full stop: "em chưa học STEM bao
    giờ." says who is asking."""
    read = _without_emphatic_dau(clause, _read(clause))
    if "?" in clause or _ENDS_ASKING.search(read):
        return True
    return not clause.endswith((".", "!")) and bool(
        _ASKING_ANYWHERE.search(read) or asked_kind(clause) is not None)


def separate_asks(message: str) -> tuple[str, tuple[str, ...]] | None:
    """A message's asks, each in a clause of its own ("Em nên liên hệ ai, số nào, và sau này
    em học tập trung ở điểm nào ạ?"), and its background: the parts of the clauses asking
    nothing that say whose case it is ("em là phó hiệu trưởng trường tiểu học vùng Hòa Bình
    cũ", ``says_whose_case``). Each ask is answered with that background; a greeting, a worry
    or a story ("Em đi dạy cả ngày sợ không kịp.") is left out, since no letter speaks of it.
    None for a message asking one thing with nothing to leave out, or asking nothing."""
    found = _split(message)
    if found is None:
        return _each_asked(message)
    background, asks, whole = found
    if len(asks) == 1 and (each := _each_asked(asks[0])) is not None:
        return background, each[1]
    return None if whole and len(asks) == 1 else (background, asks)


# "gửi kế hoạch và báo cáo: mỗi việc hạn thế nào", "… thì từng loại nộp ở đâu": one ask of the
# value of each of two things, as two asks
_EACH = re.compile(r"[:,]?\s*\b(?:mỗi|từng|moi|tung)\s+(?:việc|cái|loại|thứ|khoản|văn bản|"
                   r"viec|cai|loai|thu|khoan|van ban)\b\s*(?:thì|thi)?\s*", re.IGNORECASE)
_AND = re.compile(r"\s+(?:và|va)\s+", re.IGNORECASE)


def _each_asked(message: str) -> tuple[str, tuple[str, ...]] | None:
    """The two asks of a message asking a value of each of two things joined by "và"."""
    found = _EACH.search(message)
    if found is None or not _asking(message[found.end():]):
        return None
    things = _AND.split(message[:found.start()])
    if len(things) < 2 or len(things) > _MOST_ASKS:
        return None
    asking = message[found.end():].strip()
    return "", tuple(f"{thing.strip()} {asking}" for thing in things)


def told_before(message: str) -> tuple[str, str] | None:
    """A message's one ask and what the message tells before it of whose case it is, when it
    tells nothing else ("Tôi là giáo viên cốt cán THCS ở phường Chơn Thành. Nếu ngày 25/01
    tôi mới nộp kế hoạch thì có còn kịp không?"): the message is answered whole, and the
    ask read with the rest as its story (``told``) when only that reading states the value
    asked. None for any other message."""
    found = _split(message)
    if found is None:
        return None
    background, asks, whole = found
    return (background, asks[0]) if whole and len(asks) == 1 and background else None


def _split(message: str) -> tuple[str, tuple[str, ...], bool] | None:
    """A message's background, its asks, and whether every clause asking nothing says whose
    case it is (``separate_asks``)."""
    clauses = [a for c in _CLAUSES.split(message) if c.strip() for a in _asks_of(c.strip())]
    asks = tuple(c for c in clauses if _asking(c))
    if len(asks) > _MOST_ASKS:  # many values of one thing: each clause is one ask
        clauses = [a for c in _CLAUSES.split(message) if c.strip()
                   for a in _asks_of(c.strip(), follow=False)]
        asks = tuple(c for c in clauses if _asking(c))
    if len(clauses) < 2:
        return None
    if not 1 <= len(asks) <= _MOST_ASKS:
        return None
    parts = [p for c in clauses if c not in asks for p in _PARTS.split(c) if p.strip()]
    background = [p.strip() for p in parts if says_whose_case(p)]
    told = " ".join(p if p.endswith((".", "!", "?")) else f"{p}," for p in background)
    # a sentence of its own, so that each ask read after it is told apart from it (``told``)
    return (told.removesuffix(",") + ("." if told.endswith(",") else ""), asks,
            len(background) == len(parts))


_PARTS = re.compile(r"[,;]\s*|(?<=[.?!])\s+")
TOLD = 0.5  # share of its weight a word keeps that the message only tells, in no ask


def told(background: str, ask: str) -> frozenset[str]:
    """The words (lowercase, as typed) of what a message tells of the asker beside one of its
    asks ("em là hiệu trưởng trường tiểu học ở xã thuộc huyện A Lưới cũ"), except those the
    ask repeats: they say whose case it is and pick a passage's line or row, but a passage
    holding only them does not answer the ask, however long the story. As typed: "cũ" told
    is not "cử" asked."""
    case, asking = _condition(ask)
    # "em muốn học văn bằng hai …": what the asker wants is what the ask is about
    whose = [p for p in _PARTS.split(background) if not _WANTS.search(f" {p.lower()} ")]
    said = [[w.lower() for w in words(p)] for p in whose]
    referent = _referent(asking, said)
    return frozenset([*(w for p in said for w in p), *case, *referent]) \
        - (set(asking) - referent)


# "kế hoạch của tôi (cbql cốt cán thcs) …", "trường em (xã thuộc huyện Lộc Ninh cũ) …": a
# bracket right after the asker or their school says who they are
_ASKER_BRACKET = re.compile(r"\b(?:tôi|em|mình|tớ|toi|minh)\s*\(([^()]{2,80})\)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def told_in_brackets(question: str) -> frozenset[str]:
    """The words (lowercase, as typed) of what a question tells of the asker in brackets beside
    a word for them ("kế hoạch của tôi (cbql cốt cán thcs) đã được duyệt rồi, có phải nộp lại
    không"), except those the rest repeats: whose case it is, as a story before the ask is
    (``told``), not what is asked."""
    said = [m.group(1) for m in _ASKER_BRACKET.finditer(question) if says_whose_case(m.group(1))]
    if not said:
        return frozenset()
    rest = {w.lower() for w in words(_ASKER_BRACKET.sub(" ", question))}
    return frozenset(w.lower() for part in said for w in words(part)) - rest


def refers_back(background: str, ask: str) -> bool:
    """Whether an ask names someone only by what the message told of them before ("thầy
    Tiếng Anh viết cho lớp nào", "chị ấy đi học ngày nào"): what was told is then what the
    ask is about, and the passage it brings up answers the ask (``_referent``)."""
    _, asking = _condition(ask)
    return bool(_referent(asking, [[w.lower() for w in words(p)]
                                   for p in _PARTS.split(background)]))


# "chị ấy", "cô kia": a person the message spoke of before
_REFERRING = frozenset("ấy kia đó này ay do nay".split())


def points_back(ask: str) -> bool:
    """Whether an ask names a person only by a title and a word pointing back ("thầy ấy",
    "cô đó"): whom it means is told elsewhere in the message."""
    typed = [w.lower() for w in words(ask)]
    return any(a in _PERSON_TITLES and b in _POINTING_BACK for a, b in pairwise(typed))


# the words pointing back, without "do" ("cô do ai cử": by whom, typed without marks "đó")
_POINTING_BACK = _REFERRING - {"do"}
_PERSON_TITLES = frozenset("thầy cô chị anh ông bà thay co chi ong ba".split())


def _referent(asking: list[str], said: list[list[str]]) -> frozenset[str]:
    """The words of an ask naming someone the message told of before ("thầy Tiếng Anh viết cho
    lớp nào" after "thầy dạy Tiếng Anh lớp 9 vừa được gọi vào ban ra đề", "chị ấy đi học ngày
    nào" after "chị nấu chính chưa có giấy xác nhận"): the title with a word pointing back,
    or with the subject they teach, as the part telling of them says it. What that part tells
    is their case, which picks the passage, and the ask is what is asked of them: those words
    are told, not asked, as the rest of that part is."""
    for i, word in enumerate(asking):
        told_of = [part for part in said if word in part] if word in _PERSON_TITLES else []
        if not told_of:
            continue
        if asking[i + 1:i + 2] and asking[i + 1] in _REFERRING:
            return frozenset({word, asking[i + 1]})
        run = []
        for after in asking[i + 1:]:
            if not any(after in part for part in told_of):
                break
            run.append(after)
        # "thầy Tiếng Anh": the teacher of the subject the message told of; "cô hợp đồng" is
        # a kind of teacher a rule may be for, and stays asked
        if run and _teaches(run):
            return frozenset({word, *run})
    return frozenset()


_WANTS = re.compile(r" (?:muốn|định|dự định|cần|mong|muon) ")


def _condition(ask: str) -> tuple[list[str], list[str]]:
    """An ask's words (lowercase) parted into the case it states and what it asks: "nếu hôm
    đó một cô bận thì em cử người khác học thay được không" asks whether someone may stand in,
    in the case given. An ask whose "thì …" names no subject of its own ("nếu chưa xong thì
    sao") asks about its condition, which stays asked."""
    typed = [w.lower() for w in words(ask)]
    folded = [fold_word(w) for w in typed]
    if "neu" in folded and "thi" in folded[folded.index("neu"):]:
        start = folded.index("neu")
        end = folded.index("thi", start)
        own = [w for w, f in zip(typed[end + 1:], folded[end + 1:], strict=True)
               if f not in QUESTION_WORDS and not is_filler(w, f)]
        if len(own) >= _OWN_SUBJECT:
            return typed[start + 1:end], typed[:start] + typed[end + 1:]
    return [], typed


def _asks_of(clause: str, *, follow: bool = True) -> list[str]:
    """A clause parted where one ask ends and the next, naming a subject of its own, begins
    after a bare comma ("các cô học ở đâu, cô hợp đồng có phải đi học không"); an ask that
    only adds a value to the one before ("học ở đâu, ngày nào") stays with it, and a comma
    inside a list ("lớp 4, 5") parts nothing. One asking a value after an ask of none or of a
    count ("sản phẩm là gì, nộp trước ngày nào") is an ask of its own about the subject
    before it (``_asks_other_value``), unless ``follow`` is false."""
    pieces = _JOINS.split(clause)
    out = pieces[:1]
    pending = pending_join = ""  # an ask naming its subject over a comma ("báo cáo trên LMS,
    # TEMIS hạn nào")
    for join, part in zip(pieces[1::2], pieces[2::2], strict=True):
        if not part:
            continue
        if pending:
            pending = f"{pending}{join}{part}"
            if _asking(part):
                out.append(pending.removeprefix(pending_join))
                pending = ""
            continue
        # as typed: "mail" is one word the reading spells out as "thư điện tử"
        subject = [f for w in re.findall(r"[^\W\d_]+", part.lower())
                   if (f := fold_word(w)) not in QUESTION_WORDS and not is_filler(w, f)]
        ended = bool(_ENDS_ASKING.search(_read(out[-1]))) or _ends_with_value(out[-1]) or \
            _starts_asking(out[-1]) or (
            _turns_to_other(part) and _asking(out[-1])) or bool(_ENDS_ASKING_WHO.search(
                _read(out[-1]))) or (not join.startswith(",") and _asking(out[-1])) or (
            _closes_own_ask(out[-1], part)) or bool(_ENDS_COUNTING.search(_read(out[-1])))
        if ended and len(subject) >= _OWN_SUBJECT and _asking(part):
            out.append(part)
        elif ended and len(subject) >= _OWN_SUBJECT and _ENDS_ASKING.search(_read(out[-1])):
            pending, pending_join = f"{join}{part}", join  # its ask comes after a list's comma
        elif follow and _asks_other_value(out[-1], part):
            out.append(f"{_subject_of(out[-1])} {part}")
        else:
            out[-1] = f"{out[-1]}{join}{part}"
    if pending:  # it never asked: the ask before goes on with it
        out[-1] = f"{out[-1]}{pending}"
    return [p for p in out if p]


# where a clause may part into two asks: a comma, or "và" before the second ask's question
# word ("… được tính bao nhiêu tiết và mấy ngày thực hành có được hỗ trợ không"); "tiền ăn
# và tiền đi lại" joins two things of one ask
_JOINS = re.compile(r"(,\s*|\s+(?:và|va)\s+(?=(?:mấy|may|bao|khi|có|co|ở|o|ai)\s))",
                    re.IGNORECASE)


# "khi nào Sở công bố danh sách, …": an ask whose question word comes first is whole before
# the comma, as one ending on it is; as typed, "khi nao" too
_ASKED_FIRST = frozenset({"khi nào", "khi nao", "bao giờ", "bao gio", "lúc nào", "luc nao",
                          "hôm nào", "hom nao", "ngày nào", "ngay nao"})
_LEADING = frozenset("cho em toi minh hoi xin vay thi a".split())


def _starts_asking(clause: str) -> bool:
    """Whether a clause starts with its question word: "khi nào Sở công bố danh sách"."""
    typed = [w.lower() for w in words(clause)]
    start = 0
    while start < len(typed) and fold_word(typed[start]) in _LEADING:
        start += 1
    return " ".join(typed[start:start + 2]) in _ASKED_FIRST


def _turns_to_other(part: str) -> bool:
    """"…, còn của CBQL cốt cán thì ai duyệt": "còn" after an ask turns to another case,
    asked of its own even when the ask before does not end on its question word."""
    first = next(iter(words(part)), "")
    return fold_word(first.lower()) == "con"


def _closes_own_ask(before: str, part: str) -> bool:
    """"… phải làm những việc gì trên hệ thống, trường có phải nộp bảng giấy không": after a
    clause asking with a word inside it ("gì" before what it is done on), a clause closing
    its own yes-or-no ask ("… có phải … không") is another ask, not the first one's end."""
    folded = " ".join(fold_word(w) for w in words(part))
    return bool(_ASKING_ANYWHERE.search(_read(before))) and bool(_YES_NO.search(folded)) and \
        bool(_ENDS_ASKING.search(_read(part)))


# "có phải …", "có được …", "có … không": a yes-or-no ask
_YES_NO = re.compile(r"(?:^| )co (?:\S+ ){0,8}?(?:khong|ko|k|hong)(?: \S+)?$")


# what ends a clause besides its question words: "ạ", "vậy", "nhỉ"
_PARTICLES = r"(?: (?:a|ah|vay|v|nhi|nhe|nha|the|ha))*$"
_VALUE_AT_END = tuple(re.compile(cue.pattern + _PARTICLES) for _, cue in _ASKS)


def _ends_with_value(clause: str) -> bool:
    """Whether a clause ends asking a value: "học từ mấy giờ đến mấy giờ"."""
    text = " ".join(fold_word(w) for w in words(clause))
    return any(cue.search(text) for cue in _VALUE_AT_END)


_WHERE_STUDIED = frozenset({"website", "system"})


def _asks_other_value(before: str, part: str) -> bool:
    """Whether ``part`` asks a value after an ask of no value ("…là gì, nộp trước ngày
    nào") or of a count ("… bao nhiêu trang, hạn nộp ngày nào"): one sentence seldom states
    both. Two values of one thing ("học ở đâu, ngày nào", "liên hệ ai, số nào") are one ask,
    which the row or the contact giving both answers (``asked_kinds``)."""
    kind, asking = asked_kind(part), asked_kind(before)
    if asking is None:
        return kind not in (None, "contact") and bool(_ASKING_ANYWHERE.search(_read(before)))
    # "học trên trang nào, hạn cuối ngày nào": the site a letter names where it sets the
    # course out, the deadline where it lists its dates
    return (asking == "number" and kind not in (None, "contact", "number")) or (
        asking in _WHERE_STUDIED and kind == "date")


# the words an ask's subject does not end with: the copula and the prepositions before its
# question word ("… là gì", "… học từ mấy giờ", "… gửi về đâu")
_BEFORE_ASKING = frozenset("la thi co duoc phai tu den o ve vao luc trong bang theo".split())


def _subject_of(ask: str) -> str:
    """The thing an ask is about, as typed: its words before the first question word ("sản
    phẩm cuối khóa của người làm thư viện" of "… là gì", "kế hoạch … được dài tối đa" of
    "… bao nhiêu trang")."""
    typed = ask.split()
    folded = [" ".join(fold_word(w) for w in words(word)) for word in typed]
    starts = list(accumulate((len(f) + 1 for f in folded), initial=0))
    text = " ".join(folded)
    found = [m.start() + (text[m.start()] == " ") for cue in (
        _ASKING_ANYWHERE, *(c for _, c in _ASKS)) for m in cue.finditer(text)]
    at = max(1, bisect_right(starts, min(found, default=len(text))) - 1)
    while at > 1 and folded[at - 1] in _BEFORE_ASKING:
        at -= 1
    return " ".join(typed[:at])


# Words that say where the asker works: the letters' venues and lists go by province, former
# district, commune or ward ("xã Mường Lèo, trước là huyện Sốp Cộp", "vùng Long An cũ"): with
# their marks in a text typed with marks, where "xa" is far, not a commune.
_PLACE_WORDS = ("xã", "phường", "huyện", "tỉnh", "thành phố", "quận", "thị xã", "thị trấn",
                "đặc khu", "vùng", "địa bàn", "đảo", "khu vực")
_PLACES, _PLACES_FOLDED = (re.compile("(?:^| )(?:{})(?= |$)".format("|".join(names))) for names in (
    _PLACE_WORDS, (" ".join(map(fold_word, w.split())) for w in _PLACE_WORDS)))
# The subjects of the 2018 programme, as a teacher names what they teach (folded, after
# ``words`` expanded "gv tin", "dạy văn"): a letter's groups may go by subject ("giáo viên Tin
# học, Công nghệ").
_SUBJECTS = re.compile(r"(?:^| )(?:toan|ngu van|tieng viet|tieng anh|ngoai ngu|tin hoc|cong nghe|"
                       r"vat li|hoa hoc|sinh hoc|lich su|dia li|khoa hoc|am nhac|mi thuat|"
                       r"the duc|giao duc the chat|giao duc cong dan|nghe thuat|dao duc|"
                       r"hoat dong trai nghiem|mon)(?= |$)")
# Whom a rule is for besides a level: the posts of a school and of the offices above it, and the
# states a letter's exemptions go by (retiring, on maternity leave, newly hired, on probation)
_POSTS = re.compile(r"(?:^| )(?:giao vien|hieu truong|hieu pho|can bo quan li|cot can|to truong|"
                    r"tong phu trach|chuyen vien|giam doc|truong phong|nhan vien|ke toan|"
                    r"nghi huu|thai san|nghi om|tap su|moi tuyen|hop dong|bo nhiem)(?= |$)")


_PLACE_NAMES = tuple(w.split() for w in _PLACE_WORDS)
_PLACE_NAMES_FOLDED = tuple([fold_word(x) for x in name] for name in _PLACE_NAMES)


def subjects_taught(folded: list[str]) -> tuple[tuple[int, int], ...]:
    """The spans (first word, past the last) of the school subjects a folded question names
    ("thầy dạy văn" read "day ngu van": the words of "ngu van")."""
    text = " ".join(folded)
    starts = list(accumulate((len(f) + 1 for f in folded), initial=0))
    spans = []
    for found in _SUBJECTS.finditer(text):
        name = found.group(0).strip()
        if name == "mon":
            continue
        at = bisect_right(starts, found.start() + (text[found.start()] == " ")) - 1
        spans.append((at, at + len(name.split())))
    return tuple(spans)


def says_whose_case(part: str) -> bool:
    """Whether a part of a message that asks nothing says whose case it is, in what letters'
    rows and rules are keyed on: a number (a grade, a date, an age, a distance: "dạy lớp 6",
    "nghỉ hưu tháng 2/2027", "cách 40 km"), a school level, a post or a state ("đang nghỉ thai
    sản"), a place, a subject. "Em chào Sở", "em sợ trễ hạn", "cần gấp" say none of it."""
    accented = words(part)
    folded = [fold_word(w) for w in accented]
    text = " ".join(folded)
    marked = any(map(has_diacritics, accented))
    places = _PLACES.search(" ".join(accented).lower()) if marked else _PLACES_FOLDED.search(text)
    return (any(w.isdigit() for w in folded) or bool(find_levels(folded))
            or bool(find_provinces(accented)[0]) or bool(places)
            or bool(_SUBJECTS.search(text) or _POSTS.search(text)))


def asked_kinds(question: str) -> tuple[str, ...]:
    """Every kind of value the question asks for, the first as ``asked_kind``: "học tập trung
    ở đâu, từ ngày nào" wants the place and the date, and the row giving both answers it."""
    first = asked_kind(question)
    if first is None or first == "contact":
        return (first,) if first else ()
    text = _as_condition(" ".join(fold_word(w) for w in words(question)))
    cue = dict(_ASKS)[first]
    text = cue.sub(" ", text)  # "ngày mấy" asks a date, not also a count
    return (first, *(kind for kind, cue in _ASKS if kind not in (first, "number") and (
        cue.search(text) or (kind == "date" and _DEADLINE.search(text)))))


def asked_values(question: str) -> tuple[str, ...]:
    """``asked_kinds``, then "deadline" when the date asked is one something is due by ("hạn
    chót ngày nào", "trước ngày nào"): of passages stating a date, one stating when a thing is
    due answers it, not one giving the day a letter was issued."""
    kinds = asked_kinds(question)
    if "date" in kinds and _DUE_ASKED.search(" ".join(fold_word(w) for w in words(question))):
        return (*kinds, "deadline")
    return kinds


_MEMBERSHIP = re.compile(r"(?:^| )(thuoc)(?= (?:\w+ ){1,2}nao(?: |$))")
# "gồm những môn nào", "môn gì": the subjects are what is asked; a letter names them ("01
# giáo viên Khoa học tự nhiên, 01 giáo viên Công nghệ") and seldom writes "môn" or "gồm"
_LISTING = re.compile(r"(?:^| )(?:(gom)(?= (?:nhung |cac )?(?:mon )?(?:nao|gi)(?: |$))|"
                      r"(mon)(?= (?:nao|gi)(?: |$)))")
_EXTRA_CUES = {"date": frozenset({"han"}), "address": frozenset({"di", "den", "toi"})}
# "hạn gửi", "hạn nộp": a deadline is asked ("quá hạn" is not)
_DEADLINE = re.compile(r"(?:^| )han (?:gui|nop|hoan thanh|duyet|bao cao|dang ky)(?= |$)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DUE_ASKED = re.compile(r"(?:^| )(?:han|cham nhat|muon nhat|truoc ngay|kip)(?= |$)")


def asks_when(question: str) -> bool:
    """Whether a question names its school year or "năm nay": it asks about that year, so an
    older year's rule is no answer to it, not even as what came before."""
    return bool(time_words([fold_word(w) for w in words(question)]))


def time_words(folded: list[str]) -> frozenset[int]:
    """Positions of the words that set a question's time rather than its subject: "năm",
    "năm học" before a year, "năm nay", "sau buổi", "trước khi". A letter says its school
    year once, in its subject, and the passage that answers never repeats it; the year itself
    still counts."""
    found: set[int] = set()
    for i, word in enumerate(folded):
        if _YEAR.fullmatch(word) or word == "nay":
            j = i - 1
            if j >= 0 and word != "nay" and _YEAR.fullmatch(folded[j]):
                j -= 1  # "2026 2027"
            if j >= 0 and folded[j] == "hoc":
                j -= 1
            if j >= 0 and folded[j] == "nam":
                found.update(range(j, i if word != "nay" else i + 1))
        # "sau buổi thực hành", "trước khi học": when the asker's case falls, which the
        # letter says its own way ("cuối ngày", "trước ngày …"); what follows still counts
        if word in _AROUND and i + 1 < len(folded) and folded[i + 1] in _SPAN:
            found.update((i, i + 1))
    return frozenset(found)


_AROUND = frozenset({"sau", "truoc"})
_SPAN = frozenset({"buoi", "khi"})


# Letters give one contact for "tài khoản, lỗi kỹ thuật của hệ thống" (accounts and the
# system's faults); teachers name their trouble instead: "quên mật khẩu", "lỗi đăng nhập",
# "không đăng nhập được". In Vietnamese school administration these are one matter, the
# technical support of the training system, so both read as one index term.
TECHNICAL = "\x00ho tro ky thuat"
# folded as ``fold_word`` spells them: "kỹ thuật" and "kĩ thuật" are both "ki thuat"
# "lỗi đường truyền": the connection of a course followed online is the same matter
_TECHNICAL_PAIRS = frozenset({("tai", "khoan"), ("ki", "thuat"), ("mat", "khau"),
                              ("dang", "nhap"), ("truy", "cap"), ("duong", "truyen")})
_TROUBLE = frozenset({"loi", "quen"})  # "bị lỗi", "quên" beside one of those words
_SYSTEM = frozenset({("truc", "tuyen")})  # "tài khoản học trực tuyến" ("online" read so)
# "lỗi phần mềm", "ứng dụng bị lỗi": a fault of the software is the technical matter too,
# though the software ("phần mềm kế toán") is, without the fault, what a course teaches
_FAULTY = frozenset({("phan", "mem"), ("he", "thong"), ("ung", "dung")})
_FAULT = "loi"
_NAMED_AS = 4  # words after "lỗi phần mềm" naming which software ("kế toán dùng chung")
_NAME_ENDS = frozenset({"thi", "bi", "khong", "ko", "can", "phai", "nen", "lien", "goi", "hoi",
                        "nho", "bao", "ai", "o", "tai", "cua"})


def _faults(folded: list[str]) -> set[int]:
    """Positions of "lỗi" with the software it says is faulty ("lỗi phần mềm", "phần mềm
    bị lỗi"), and the words naming which software ("lỗi phần mềm kế toán dùng chung thì …",
    "phần mềm thư viện bị lỗi"): where the fault is, which the letter's technical contact
    covers whatever the software is called."""
    found: set[int] = set()
    for i, pair in enumerate(pairwise(folded)):
        if pair not in _FAULTY:
            continue
        name = i + 2
        while name < min(i + 2 + _NAMED_AS, len(folded)) and folded[name] not in _NAME_ENDS \
                and folded[name] != _FAULT and folded[name].isalpha():
            name += 1
        if i and folded[i - 1] == _FAULT:
            found.update(range(i - 1, name))
        elif folded[name:name + 1] == [_FAULT] or folded[name:name + 2] == ["bi", _FAULT]:
            found.update(range(i, name + 1 + (folded[name] == "bi")))
    return found


def technical(folded: list[str]) -> frozenset[int]:
    """Positions of the words that name the technical-support matter (``TECHNICAL``): the
    pairs above, a fault of the software (``_faults``), and "lỗi", "quên" in a text that has
    one of them."""
    found = {k for i, pair in enumerate(pairwise(folded)) if pair in _TECHNICAL_PAIRS
             for k in (i, i + 1)} | _faults(folded)
    if found:
        found.update(i for i, f in enumerate(folded) if f in _TROUBLE)
        # "tài khoản học trực tuyến bị lỗi": the system the account is on is the same matter
        found.update(k for i, pair in enumerate(pairwise(folded)) if pair in _SYSTEM
                     for k in (i, i + 1))
    return frozenset(found)


# "vừa làm thư viện vừa làm thiết bị", "cả giáo viên lẫn cán bộ quản lý": the asker's case is
# two things at once, and the letter's sentence for it says so its own way ("người làm cả thư
# viện và thiết bị thì …", "cả hai"). The row or item for one of the two answers the other
# case; both read as one index term, so the sentence for the double case can win.
BOTH = "\x00ca hai"
_BOTH_REACH = 7  # words from "vừa"/"cả" to the "vừa", "và", "lẫn" that pairs it
_NOT_BOTH = frozenset({"ke", "tat"})  # "kể cả" (including), "tất cả" (all)
_BOTH_STARTS = frozenset({"vua", "ca"})


def both_words(folded: list[str], question: bool = False) -> frozenset[int]:
    """Positions of the words that say "both" (``BOTH``): "vừa … vừa", "cả … lẫn", and in a
    letter's text also "cả … và", "cả hai". A question's "cả … và" stays as it was read: the
    filler "cả" never weighed, and a letter seldom repeats the asker's "cả"."""
    found: set[int] = set()
    for i, word in enumerate(folded):
        if word not in _BOTH_STARTS:
            continue
        ahead = folded[i + 2:i + 1 + _BOTH_REACH]
        if word == "vua" and "vua" in ahead:
            found.update((i, i + 2 + ahead.index("vua")))
        elif word == "ca" and not (i and folded[i - 1] in _NOT_BOTH):
            if "lan" in ahead:
                found.update((i, i + 2 + ahead.index("lan")))
            elif not question and ("va" in ahead or folded[i + 1:i + 2] == ["hai"]):
                found.add(i)
    return frozenset(found)


_DATE_CUES = frozenset({"ngay", "thang", "tu", "den", "truoc", "sau", "han"})
_DAY_JOINS = frozenset({"va", "hoac"})
# "giữa tháng 1", "đầu tháng 3", "cuối tháng 5", "hết tháng 4": where in the month stated
_WITHIN = frozenset({"giua", "dau", "cuoi", "het"})


def soon_words(folded: list[str]) -> frozenset[int]:
    """Positions of "sắp" ("sắp nghỉ hưu", "sắp hết hạn"): it says the asker's case is near,
    as a stated date does, not what the case is ("sắp xếp" is another word); and of "hết hạn"
    before the date it states ("hợp đồng hết hạn vào tháng 3/2027"): when the asker's case
    ends, which a letter says as the date a case must run to ("còn hiệu lực đến hết …")."""
    found = {i for i, word in enumerate(folded) if word == "sap" and (
        i + 1 == len(folded) or folded[i + 1] != "xep")}
    for i, pair in enumerate(pairwise(folded)):
        if pair == ("het", "han") and any(
                folded[k] in _MONTH_OR_DAY and folded[k + 1].isdecimal()
                for k in range(i + 2, min(i + 6, len(folded) - 1))):
            found.update((i, i + 1))
    return frozenset(found)


_MONTH_OR_DAY = frozenset({"thang", "ngay", "nam"})


def stated_dates(folded: list[str]) -> list[tuple[int, ...]]:
    """The dates a question states, each as the positions of its words ("tháng 11/2026",
    "từ ngày 15/3", "31/12/2026"): a day and month after a word that introduces a date, or any
    month or day and month with its year. "mô đun 2, 3" is no date."""
    found: list[tuple[int, ...]] = []
    i = 0
    while i < len(folded):
        run = [i]
        while len(run) < 3 and run[-1] + 1 < len(folded) and folded[run[-1] + 1].isdecimal():
            run.append(run[-1] + 1)
        if not folded[i].isdecimal():
            i += 1
            continue
        if run[-1] + 2 < len(folded) and folded[run[-1] + 1] == "nam" and \
                _YEAR.fullmatch(folded[run[-1] + 2]):
            run += [run[-1] + 1, run[-1] + 2]  # "tháng 9 năm 2027"
        numbers = [int(folded[k]) for k in run if folded[k].isdecimal()]
        year = bool(_YEAR.fullmatch(folded[run[-1]])) and len(numbers) > 1
        parts = numbers[:-1] if year else numbers
        before = folded[i - 1] if i else ""
        month = before == "thang"
        fits = (len(parts) == 1 and 1 <= parts[0] <= 12 and (month or year)) or (
            len(parts) == 2 and not month and 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12
            and (year or before in _DATE_CUES))
        # "27 và 28/2": a day listed before a day and month is of that month
        listed = len(parts) == 2 and before in _DAY_JOINS and i >= 2 and \
            folded[i - 2].isdecimal() and 1 <= int(folded[i - 2]) <= 31 and not (
                i >= 3 and (folded[i - 3].isdecimal() or folded[i - 3] in _LABELS - _DATE_CUES))
        fits = fits or (listed and 1 <= parts[0] <= 31 and 1 <= parts[1] <= 12)
        if fits:
            start = i - month  # "giữa tháng 1/2027", "đến hết tháng 4": where in it
            # "đến ngày 11/12 mới gửi": "mới" says the date is late, as the date says when
            late = [run[-1] + 1] * (run[-1] + 1 < len(folded) and folded[run[-1] + 1] in _LATE)
            found.append(tuple([start - 1] * (start > 0 and folded[start - 1] in _WITHIN)
                               + [i - 2, i - 1] * listed + [i - 1] * month + run + late))
        i = run[-1] + 1
    return found


_LATE = frozenset({"moi"})


# Units a teacher states their own case in ("cách 40 km", "con 8 tháng tuổi", "nghỉ ốm 3
# tháng", "vắng 2 buổi", "dạy được 4 năm"): a letter states the threshold ("từ 15 km trở lên",
# "dưới 12 tháng tuổi"), so the asker's number says when their case applies, as a stated date
# "cử 2 giáo viên", "3 người": how many the asker sends, which no letter names ("giao" is
# the first word of "giáo viên")
_UNITS = frozenset(f"km tiet thang tuoi nam ngay tuan buoi gio phut lan lop nguoi giao {PERCENT}"
                   .split())
# words before a number that say what it labels, not how much: "lớp 8", "mô đun 2", "hạng 3"
_LABELS = frozenset("lop khoi dun hang nhom buoc muc so dot phan bac ki thang ngay nam de luc vuc "
                     "khoan dieu".split())  # "chuyên đề 3", "phụ lục 2", "khu vực 1"
# "khoảng 40 km", "gần 2 năm", "hơn 6 tháng": how sure the asker is of their number
_ABOUT = frozenset("khoang tam gan hon chung tren duoi ngoai".split())


# numbers as a message spells them ("hai giáo viên", "người thứ ba"); "một" and "năm" (also a
# year) left out, as "một thầy", "năm nay" count nothing
_SPELLED = frozenset("hai ba bon tu sau bay tam chin muoi".split())


def amount_unit(folded: list[str], i: int) -> str | None:
    """The unit of the number at ``i`` ("40 km", "30%", read ``PERCENT``), if it
    measures an amount: not a label's number ("lớp 6 năm nay") nor a year's "năm". A count
    spelled out ("hai người") or said as the next of a kind ("người thứ ba", the asker's
    third: "ngày thứ ba" is a weekday) is one too."""
    if i >= 2 and folded[i - 1] == "thu" and folded[i - 2] in _UNITS - {"ngay"} and (
            folded[i].isdigit() or folded[i] in _SPELLED):
        return folded[i - 2]
    if not (folded[i].isdigit() or folded[i] in _SPELLED) or i + 1 >= len(folded) or (
            i and folded[i - 1] in _LABELS | {"thu"}):
        return None
    unit = folded[i + 1]
    if unit not in _UNITS or (unit == "nam" and i + 2 < len(folded) and (
            folded[i + 2] in ("nay", "hoc") or _YEAR.fullmatch(folded[i + 2]))):
        return None
    return unit


def stated_amounts(folded: list[str]) -> frozenset[int]:
    """Positions of the numbers a question states with a unit ("40 km", "8 tháng tuổi"), with
    the word before that rounds them ("khoảng"): the asker's own case, not the subject. "năm"
    before "nay", "học" or a year is the calendar's ("lớp 6 năm nay")."""
    found: set[int] = set()
    for i in range(len(folded)):
        if amount_unit(folded, i) is None:
            continue
        found.add(i)
        if i and folded[i - 1] in _ABOUT | {"thu"}:  # "người thứ ba": the number's own word
            found.add(i - 1)
    return frozenset(found)


_PLACE_REACH = 6  # words from a place's first word to its "cũ"
_NAME_REACH = 4  # words of a place's name, at most
# "trước thuộc huyện …", "trước đây là thành phố …", "trước là …": the words that say the
# place after them is the former one, with and without marks
_FORMERLY = (("trước",), ("trước", "đây"))
_FORMERLY_FOLDED = (("truoc",), ("truoc", "day"))
_BELONGED = (frozenset({"thuộc", "là", "của"}), frozenset({"thuoc", "la", "cua"}))


def former_places(accented: list[str], folded: list[str],
                  known: Callable[[str], bool] = lambda pair: True) -> frozenset[int]:
    """Positions of the former places a question locates its asker in ("ở một xã thuộc huyện
    Hữu Lũng cũ", "vùng Long An trước đây", read "cũ"; "xã Yên Dũng, trước thuộc huyện Yên
    Dũng"), with the commune named just before the former district: where the asker's school
    is, which the letter's venues go by, not what the passage must speak of. Read with their
    marks in a question typed with marks ("xa" is far, "cư" no "cũ"), as ``says_whose_case``
    reads them. A name after its place word goes on while the letters write its words
    together (``known``, of two folded words): "huyện Lục Nam thì …" ends at "Nam"."""
    marked = typed_with_marks(accented)
    tokens, names, old = (accented, _PLACE_NAMES, "cũ") if marked else (
        folded, _PLACE_NAMES_FOLDED, "cu")
    found: set[int] = set()
    for end, word in enumerate(tokens):
        if word != old:
            continue
        start = next((k for k in range(max(0, end - _PLACE_REACH), end)
                      if any(tokens[k:k + len(name)] == name for name in names)), None)
        if start is not None:
            found.update(range(start, end + 1))
            found.update(_now(tokens, start, names))
    for at, frame in _formerly(tokens, marked):
        found.update(_named_after(tokens, folded, at, names, known))
        found.update(_now(tokens, frame[0], names))
    return frozenset(found)


def _now(tokens: list[str], start: int, names: tuple[list[str], ...]) -> set[int]:
    """The place named just before a former one ("xã Yên Dũng, trước thuộc …", "phường Việt
    Yên (thị xã Việt Yên cũ)"): the commune or ward the asker's school is in now, its name
    running up to the former one."""
    for k in range(start - 2, max(-1, start - 2 - _NAME_REACH), -1):
        size = max((len(n) for n in names if tokens[k:k + len(n)] == n), default=0)
        if size and k + size < start:
            return set(range(k, start))
    return set()


def former_frames(accented: list[str]) -> frozenset[int]:
    """Positions of the words saying that a place is a former one ("trước thuộc", "trước đây
    là"): how the asker tells where they are, which no passage need repeat; "trước" would
    otherwise draw the letters' "trước ngày …"."""
    if "trước" not in accented and "truoc" not in accented:  # as ``words`` gives them
        return frozenset()
    marked = typed_with_marks(accented)
    return frozenset(k for _, frame in _formerly(accented, marked) for k in frame)


def _formerly(tokens: list[str], marked: bool) -> list[tuple[int, tuple[int, ...]]]:
    """Where a former place's place word stands after "trước (đây) thuộc / là", with the
    frame's positions before it."""
    heads, belonged = (_FORMERLY, _BELONGED[0]) if marked else (_FORMERLY_FOLDED, _BELONGED[1])
    if heads[0][0] not in tokens:  # most questions: no "trước" at all
        return []
    names = _PLACE_NAMES if marked else _PLACE_NAMES_FOLDED
    found = []
    for k in (k for k, word in enumerate(tokens) if word == heads[0][0]):
        for head in sorted(heads, key=len, reverse=True):
            at = k + len(head)
            if tuple(tokens[k:at]) == head and at < len(tokens) and tokens[at] in belonged \
                    and any(tokens[at + 1:at + 1 + len(n)] == n for n in names):
                found.append((at + 1, tuple(range(k, at + 1))))
                break
    return found


def _named_after(tokens: list[str], folded: list[str], at: int,
                 names: tuple[list[str], ...], known: Callable[[str], bool]) -> set[int]:
    """The place word at ``at`` and the name after it (``former_places``)."""
    size = max((len(n) for n in names if tokens[at:at + len(n)] == n), default=0)
    if not size or at + size >= len(tokens):
        return set()
    end = at + size + 1
    while end < min(len(tokens), at + size + _NAME_REACH) and \
            known(f"{folded[end - 1]} {folded[end]}"):
        end += 1
    return set(range(at, end))


def holds(kind: str | None, text: str) -> bool:
    """Whether ``text`` states a value of that kind (a person: a titled name or an office; a
    contact: one of them with a phone or an email)."""
    if kind is None:
        return True
    if kind == "contact":
        return bool((_PERSON.search(text) or _ROLE.search(text))
                    and (_PHONE.search(text) or _EMAIL.search(text)))
    if kind == "person":
        return bool(_PERSON.search(text) or _ROLE.search(text) or _RECIPIENT.search(text))
    if kind == "signer":
        return bool(_SIGNED_BY.search(text) or SIGNS.search(text)) or any(
            SIGNER_NAME.match(line) and not line.isupper() for line in text.split("\n"))
    if kind == "number":  # a phone, a date or "mô đun 2" is no count; "số 37/KH-BGDĐT" is
        return bool(_DOCUMENT_NUMBER.search(text) or _NUMBER.search(_uncounted(text)))
    return bool(_HOLDS[kind].search(text))


# the folded ends of the names ``_NUMBERED_NAMES`` holds, as a text writes them whole
_NAMED_WHOLE = {"buoc": "bước", "dun": "mô[ -]?đun", "luc": "phụ lục", "muc": "mục",
                "khoan": "khoản", "dieu": "điều", "dot": "đợt", "lop": "lớp", "tiet": "tiết",
                "phan": "phần", "chuong": "chương", "bai": "bài", "nhom": "nhóm", "cum": "cụm"}
_WHICH_NAMED = re.compile(rf"(?:^| )({'|'.join(_NUMBERED_NAMES)}) (?:thu |so )?may(?= |$)")


def states_which(question: str, text: str) -> bool:
    """Whether ``text`` gives the number of the very thing "bước mấy", "phụ lục số mấy" asks
    ("Bước 2"), not of another one it numbers ("giáo viên lớp 1"); True for any other
    question."""
    found = _WHICH_NAMED.search(" ".join(fold_word(w) for w in words(question)))
    name = _NAMED_WHOLE.get(found.group(1)) if found else None
    if name is None:
        return True
    return re.search(rf"(?<!\w){name}\s+\d", text, re.IGNORECASE) is not None


def _uncounted(text: str) -> str:
    for other in (_PHONE, _EMAIL, _WEBSITE, _DATE, _NUMBERED):
        text = other.sub(" ", text)
    return text


# "bao nhiêu giáo viên", "mấy tiết", "số lượng học viên": the thing counted follows the cue
_COUNT_CUE = re.compile(
    rf"(?:^| )(?:bao nhieu|{_COUNTING_MAY}|so luong) (can bo|[a-z]{{2,}})(?= |$)")
# no noun follows ("bao nhiêu ạ", "mấy thì"), or the cue asks a sum, a share, a time
_NOT_COUNTED = frozenset("""a ah ak oi nhe nha vay thi la ma the nua roi ai gi nao sao khong
    phai co can lam tien phan lau ngay gio phut""".split())


@lru_cache(maxsize=4096)
def counted(question: str) -> str | None:
    """The word for what a question asks the number of ("bao nhiêu gv" → "giao"), folded:
    a sentence stating a number of it ("612 giáo viên") states the count asked, though the
    words saying which ones ("giáo viên mới", "tham gia lớp") stand in the sentence before."""
    if asked_kind(question) != "number":
        return None
    for clause in _COUNTED_CLAUSE.split(question):
        text = " ".join(fold_word(w) for w in words(clause))
        found = _COUNT_CUE.search(text)
        if found is not None:
            return None if found.group(1) in _NOT_COUNTED else found.group(1)
    return None


# the noun counted follows its cue in the same clause: "đóng bao nhiêu, hạn nộp tiền" counts
# no "hạn"
_COUNTED_CLAUSE = re.compile(r"[,;.?!]+\s*")


@lru_cache(maxsize=4096)
def counted_as_typed(question: str) -> str | None:
    """The word for what any ask of the question counts ("được cấp bao nhiêu bộ máy, ai cấp"
    → "bộ"), as typed: with its marks, "bộ" is no "bổ" ("bổ sung") a text folds alike."""
    for clause in _COUNTED_CLAUSE.split(question):
        found = _counted_typed(words(clause))
        if found is not None:
            return found or None
    return None


def _counted_typed(accented: list[str]) -> str | None:
    """``counted_as_typed`` in one clause: "" when its cue counts no noun, None without one."""
    folded = [fold_word(w) for w in accented]
    for i, word in enumerate(folded[:-1]):
        # "máy tính" typed without marks is no "mấy": only a marked "mấy" asks here
        at = i + 2 if f"{word} {folded[i + 1]}" in ("bao nhieu", "so luong") else \
            i + 1 if accented[i] == "mấy" and not _WHICH.search(
                " ".join(folded[max(0, i - 2):i + 1])) else None
        if at is None or at >= len(folded):
            continue
        if folded[at] in _NOT_COUNTED or len(folded[at]) < 2 or not folded[at].isalpha():
            return ""
        return accented[at].lower()
    return None


def speaks_of_typed(noun: str, text: str) -> bool:
    """``speaks_of_counted``, and for a word typed with marks, the text has it so marked."""
    if not speaks_of_counted(fold_word(noun), text):
        return False
    if fold_word(noun.split()[0]) in _PEOPLE or fold_word(noun) == noun:
        return True
    return noun in {w.lower() for w in words(_unnamed(text), limit=None)}


# The first words (folded) of nouns for people: letters count people as "người" once they
# have named them ("số cốt cán cần chọn là 146 người, gồm 58 người cấp tiểu học …"). Not
# "trường": folded, "trưởng" is "trường", and schools are counted as schools.
_PEOPLE = frozenset("giao cot can hoc hieu chuyen thanh ung nguoi".split())


# A word after another word of the same sentence: capitalised ("huyện Khoái Châu", "Trường Mầm
# non Hoa Sen"), it is a name's syllable. Not after a clause's end (". Cháu", ": Giáo viên").
_WORD_INSIDE = re.compile(r"(?<=[\w)] )\w+")


def _unnamed(text: str) -> str:
    """The text without the capitalised words inside its sentences (names' syllables)."""
    return _WORD_INSIDE.sub(lambda m: " " if m[0].istitle() else m[0], text)


@lru_cache(maxsize=65_536)
def states_count(noun: str, sentence: str) -> bool:
    """Whether a sentence states a number of ``noun`` ("231 giáo viên tiểu học"), or of
    people ("61 người") when ``noun`` names people."""
    nouns = "|".join(map(re.escape, {noun, "nguoi"} if noun in _PEOPLE else {noun}))
    for part in _CLAUSE.split(sentence):  # "mô đun 3, CBQL …": the number ends at the comma
        text = " ".join(fold_word(w) for w in words(part, limit=None))
        if re.search(rf"(?:^| )\d+ (?:{nouns})(?= |$)", text):
            return True
    return False


_CLAUSE = re.compile(r"[,;:()\n]|\.(?!\d)")


def speaks_of_counted(noun: str, text: str) -> bool:
    """Whether a text speaks of the thing whose number is asked ("tiết" for "giảm bao nhiêu
    tiết"), in any words: people are counted as "người", by role or in a list ("THPT: 162"),
    and a count of periods, rounds or tries is written "hai lần", "đợt 4" as often as "2 lần",
    so only a text never naming it at all is surely about something else."""
    if noun.split()[0] in _PEOPLE:
        return True
    # "bao nhieu chau" typed without marks is no count of the "Khoái Châu" a list of venues
    # names: a capitalised word inside a sentence is part of a name, never the thing counted
    folded = " ".join(fold_word(w) for w in words(_unnamed(text), limit=None))
    return re.search(rf"(?:^| ){re.escape(noun)}(?= |$)", folded) is not None


def values(kind: str, text: str) -> frozenset[str]:
    """The values of that kind a text states, written alike (a phone's digits, a date as
    "d/m/yyyy", "m/yyyy" for a month, an office in lower case), to tell whether two texts give
    the same value or different ones."""
    if kind in ("phone", "landline"):
        return frozenset(re.sub(r"\D", "", m) for m in _HOLDS[kind].findall(text))
    if kind in ("email", "website"):
        return frozenset(m.lower().rstrip("/.,;)").removeprefix("https://").removeprefix(
            "http://").removeprefix("www.") for m in _HOLDS[kind].findall(text))
    if kind == "date":
        return frozenset(_date_value(m) for m in _DATE.findall(text))
    if kind == "person":
        return frozenset({*(fold_word(n.split()[-1].lower()) for n in _PERSON.findall(text)),
                          *(fold_word(r.lower()) for r in _ROLE.findall(text))})
    if kind == "number":
        return frozenset(m.replace(".", "").replace(",", "")
                         for m in _NUMBER.findall(_uncounted(text)))
    return frozenset(m.lower() for m in _HOLDS[kind].findall(text)) if kind in _HOLDS \
        else frozenset()


def _date_value(found: str) -> str:
    """ "15/05/2027" → "15/5/2027", "ngày 3 tháng 7" → "3/7", "tháng 9/2027" → "0/9/2027"."""
    numbers = [int(n) for n in re.findall(r"\d+", found)]
    if fold_word(found.split()[0].lower()) == "thang":
        numbers = [0, *numbers]
    if len(numbers) > 2 and numbers[2] < 100:
        numbers[2] += 2000
    return "/".join(map(str, numbers))


def named_people(text: str) -> frozenset[str]:
    """The given names (folded) of people a text names with a title: "thầy Nguyễn Văn Khoa"
    → {"khoa"}; the last word is the name people are called by."""
    return frozenset(fold_word(m.group(1).split()[-1].lower()) for m in _PERSON.finditer(text))


_UNIT_WORDS = frozenset("phong so truong ban to trung bo uy".split())  # "Cô Hà Phòng GDTrH"


def _name_word(word: str) -> bool:
    """A syllable of a person's name: capitalised, not an acronym, not a unit's word."""
    return (word[:1].isupper() and (len(word) == 1 or word[1:].islower())
            and fold_word(word.lower()) not in _UNIT_WORDS)


# "thầy", "cô" as teachers use them in a question: a pronoun for a teacher, as "em", "tôi" are
# for the asker ("thầy tổ trưởng bên em … thì thầy có phải học", "cô giáo nghỉ thai sản",
# "nhóm thầy cô Tin học"); a letter's rule is for teachers unless it names another group
_TEACHER_WORDS = frozenset({"thầy", "cô"})
_CALLING = frozenset({"ơi", "ạ"})  # "cô ơi, cho em hỏi": the reader, not someone asked about


def teacher_pronouns(question: str, accented: list[str], known: frozenset[str]
                     ) -> frozenset[int]:
    """Positions in the question's words (``words``) of each "thầy", "cô" that names no one,
    with the "giáo" or second title after it ("cô giáo", "thầy cô"): a pronoun, which says as
    little as "em". Before a name ("thầy Tùng", "cô huyền" when a letter names a Huyền) it is
    a title, and it stays; typed without marks it is not read ("co" is "có", "thay" is
    "thay")."""
    if not _TEACHER_WORDS.intersection(accented):
        return frozenset()
    names = {fold_word(m.group(1).split()[0].lower()) for m in _PERSON.finditer(question)}
    found: set[int] = set()
    for i, word in enumerate(accented):
        after = accented[i + 1] if i + 1 < len(accented) else ""
        if i in found or word not in _TEACHER_WORDS or after in _CALLING or fold_word(
                after) in (names | known) - _NOT_NAMES:
            continue
        found.add(i)
        j = i + 1
        while j < len(accented) and (accented[j] in _TEACHER_WORDS or accented[j] == "giáo"):
            found.add(j)  # "cô giáo", "thầy cô giáo"
            j += 1
        if j < len(accented) and accented[j] in _POINTING:
            found.add(j)  # "thầy ấy": he, whom the message told of
    return frozenset(found)


_POINTING = frozenset({"ấy", "đó", "này", "kia"})
_ASKING_PAIRS = frozenset({"bao nhieu", "bao gio", "bao lau"})


_TITLES_TYPED = frozenset("thầy cô ông bà anh chị đc".split())
# typed without marks, a title that ends a word of two syllables: "chung chi" (chứng chỉ),
# "dia chi" (địa chỉ), "ca ong" (cả ông)… no title; nor is a name followed by a rank or a
# number ("chung chi hang II" is a certificate of rank II, not "chị Hằng")
_TITLE_ENDS = frozenset({"chung chi", "dia chi"})
_RANKED = re.compile(r"\d+|i{2,3}|iv|vi{1,3}|ix")


# the last word of a place's kind, folded: the name after it is the place's ("tỉnh Bà Rịa")
_PLACE_KINDS = frozenset({"xa", "phuong", "huyen", "quan", "tinh", "tran", "pho", "khu", "vuc",
                          "vung", "ban"})
# "trường ở Chi Lăng cũ", "tại Bà Rịa": after "ở", "tại", "thuộc" a place is named, whose
# first word may read as a title ("chị", "bà") typed without marks
_AT_PLACE = frozenset({"o", "tai", "thuoc"})


def _teaches(after: list[str]) -> bool:
    """Whether the words after a title name a school subject ("Tiếng Anh", "Ngữ văn"): the
    teacher of it. "Toàn", "Toản" typed with their marks are names, not "Toán"."""
    folded = [fold_word(w.lower()) for w in after]
    if not after or not _SUBJECTS.match(" ".join(folded)):
        return False
    return not (folded[0] == "toan" and has_diacritics(after[0].lower())
                and after[0].lower() != "toán")


def asked_person(question: str, known: frozenset[str]) -> str | None:
    """The person a question names ("thầy Khoa", "co lan"): a capitalised word after a title,
    or, typed in lower case, a word after a title that the letters use as someone's name."""
    accented = re.findall(r"[^\W_]+", question)
    for k, (title, name) in enumerate(pairwise(accented)):
        title = title.lower()
        if fold_word(title) not in ("thay", "co", "ong", "ba", "anh", "chi", "dc") or (
                title not in _TITLES_TYPED and has_diacritics(title)) or (
                k and fold_word(title) == "anh" and fold_word(accented[k - 1].lower()) == "tieng"):
            continue  # "có IELTS", "thấy Khoa": typed with other marks, no title; "tiếng Anh ở"
        folded = fold_word(name.lower())
        before = fold_word(accented[k - 1].lower()) if k else ""
        if folded in _NOT_NAMES or name.lower() in _TITLES_TYPED or (
                f"{before} {title}" in _TITLE_ENDS) or before in _PLACE_KINDS | _AT_PLACE:
            continue  # "phường Bà Rịa", "xã Bà Điểm": a place's name, no one's title
        after = fold_word(accented[k + 2].lower()) if k + 2 < len(accented) else ""
        if f"{folded} {after}" in _ASKING_PAIRS or _RANKED.fullmatch(after):
            continue  # "có bao nhiêu người", typed "co bao nhieu": no "cô Bảo"
        if _teaches(accented[k + 1:k + 5]):
            continue  # "thầy Tiếng Anh", "cô Ngữ văn": the teacher of a subject, no name
        if name[:1].isupper():
            # "ông Nguyễn Văn Thành": a full name, called by its last word, as the letters'
            run = list(takewhile(_name_word, accented[k + 1:k + 5])) or [name]
            return fold_word(run[-1].lower())
        if folded in known:
            return folded
    return None


# Pupils, as a question names them ("trẻ 5 tuổi", "học sinh lớp 9", "hs"), and the staff a
# training letter is about. Unmarked "tre", "chau" are as often "trễ" (late) and place names.
_PUPILS = re.compile(r"(?:^| )(?:học sinh|hoc sinh|hs|trẻ|cháu)(?= |$)")
_STAFF = re.compile(r"(?:^| )(?:giáo viên|giao vien|gv|cô giáo|thầy|cô|hiệu trưởng|hiệu phó|"
                    r"cán bộ|nhân viên|cốt cán|cbql|em|tôi|mình|chúng tôi)(?= |$)")


def about_pupils(question: str) -> bool:
    """Whether a question is about pupils, not staff: "trẻ 5 tuổi có được miễn học phí
    không" asks of the children's fee, which no sentence on the teachers' course fee answers."""
    text = " ".join(words(question))
    return _PUPILS.search(text) is not None and _STAFF.search(text) is None


def names_pupils(text: str) -> bool:
    """Whether a text speaks of pupils at all, as a question names them: with their marks,
    "Khoái Châu" and "nộp trễ" name none."""
    return _PUPILS.search(" ".join(words(text, limit=None))) is not None
