"""A letter read the way an officer reads it: who issued it, its number and date, what it is
about, its passages along its own numbering, and the dates that carry a task.

Plain text in, plain data out: no file formats here (``letter_files``) and no ranking
(``letter_index``). Every rule is a pattern of how Vietnamese official letters are laid out
(Nghị định 30/2020 on the form of administrative documents): "Số: 2468/SGDĐT-TCCB",
"Đồng Nai, ngày 15 tháng 01 năm 2027", "V/v …", sections "I.", "1.", "1.2.", "a)", "Bước 1".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import pairwise

from bot.knowledge.letter_tables import is_row
from bot.textnorm import CAPITALS, fold

MAX_PASSAGE_CHARS = 1200  # a longer section is cut at paragraph boundaries
_HEADER_LINES = 45
_LABEL_CHARS = 60


@dataclass(frozen=True, slots=True)
class LetterMeta:
    number: str  # "2468/SGDĐT-TCCB"; "/SGDĐT-GDTrH" when the letter leaves the number blank
    date: str  # as the letter dates itself: "15/01/2027", "3/2021" or "2022"
    issuer: str  # "Sở GD&ĐT Đồng Nai", "UBND tỉnh Kiên Giang"
    subject: str  # the "V/v …" line without "V/v", or the plan's title
    scanned: bool = False  # read from a scan by OCR: quotes say so, to check the original

    @property
    def day(self) -> tuple[int, int, int]:
        return date_key(self.date)


def is_newer(day: tuple[int, int, int], than: tuple[int, int, int]) -> bool:
    """A later month (a later year when either gives only its year): letters of the same
    month are one round of rules."""
    if not (day[1] and than[1]):
        return day[0] > than[0]
    return day[:2] > than[:2]


def date_key(date: str) -> tuple[int, int, int]:
    """(year, month, day) of "15/01/2027", "3/2021", "2022" or "2027-01-15", for ordering
    letters and the entries written from them: a missing day or month counts as 0."""
    parts = [int(p) for p in re.split(r"[/-]", date.strip()) if p.isdigit()]
    if not parts or parts[0] < 1000:
        parts = parts[::-1]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True, slots=True)
class Passage:
    path: tuple[str, ...]  # ("3. Chế độ báo cáo", "a)"), empty for the opening paragraphs
    section: str  # "3.a", what a citation names after "mục"
    text: str  # the letter's words, one paragraph a line
    document: LetterMeta | None = None  # the attached document it is from; None: the letter


@dataclass(frozen=True, slots=True)
class TaskDate:
    date: dt.date
    sentence: str  # the sentence that sets it, e.g. "… hoàn thành trước ngày 15/5/2027."
    title: str = ""  # what is due, as a reminder names it (see deadline_title)
    section: str = ""  # where the letter says it, e.g. "2.a"


@dataclass(frozen=True, slots=True)
class Letter:
    id: int  # 0 until stored
    meta: LetterMeta
    passages: tuple[Passage, ...]
    task_dates: tuple[TaskDate, ...]
    filename: str = ""

    @property
    def attachments(self) -> tuple[LetterMeta, ...]:
        """The documents the file bundles after the letter itself (a plan sent with the
        UBND's approval), in order."""
        return tuple(dict.fromkeys(p.document for p in self.passages if p.document))

    def meta_of(self, passage: Passage) -> LetterMeta:
        """Whose words a passage are: its attached document's, else the letter's."""
        return passage.document or self.meta


# -- cleaning ---------------------------------------------------------------------------------

# a footnote's mark, "(*)" in a table's header and before the note under it, is no markup
_MARKUP = re.compile(r"(?<!\()\*+(?!\))|__|^#+\s*|^>\s*")


_MOTTO_INSIDE = re.compile(r"\s(?=CỘNG HÒA|CỘNG HOÀ|Độc lập\s*[-–])")
_DATE_INSIDE = re.compile(r",\s*ngày\s*\d{0,2}\s*(?:tháng|/)")


_GLUED_PLACE = re.compile(r"(?<=[^\sA-ZĐ])(?=[A-ZĐ][^\W\d_A-ZĐ]+(?:\s+[A-ZĐ]\w*){0,4},\s*ngày\s*"
                          r"\d{0,2}\s*(?:tháng|/))")


def _unmerge(line: str) -> list[str]:
    """A PDF prints the two header columns side by side: "UBND TỈNH X  CỘNG HÒA …",
    "V/v … năm 2027Đồng Nai, ngày …". Split them back into the lines the letter has."""
    parts = _MOTTO_INSIDE.split(_GLUED_PLACE.sub(" ", line, count=1))
    out: list[str] = []
    for part in parts:
        found = _DATE_INSIDE.search(part)
        if found:
            words_before = part[:found.start()].split(" ")
            k = len(words_before)
            while k > 0 and len(words_before) - k < 5 and words_before[k - 1][:1].isupper():
                k -= 1
            while k > 0 and words_before[k - 1].lower() in ("thành", "phố", "tỉnh", "tp."):
                k -= 1  # "Thành phố Hồ Chí Minh" is one place
            if 0 < k < len(words_before):
                out += [" ".join(words_before[:k]), part[len(" ".join(words_before[:k])) + 1:]]
                continue
        out.append(part)
    return [p.strip() for p in out]


def clean_lines(text: str) -> list[str]:
    """Lines without the markup a text export leaves (**bold**, # headings), spaces collapsed,
    the header's side-by-side columns split apart."""
    out: list[str] = []
    for n, line in enumerate(text.split("\n")):
        line = _MARKUP.sub("", line.replace("\u00a0", " ").replace("\t", " "))
        line = re.sub(r" {2,}", " ", line).strip()
        out += _unmerge(line) if n < _HEADER_LINES else [line]
    return out


# -- metadata ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"^S[ốố]\s*(?:hiệu)?\s*[:.]\s*(.*)$", re.IGNORECASE)
_NUMBER_VALUE = re.compile(r"(\d*)\s*/\s*([\w&.\-–]+(?:\s*-\s*[\w&.]+)*)")
_DATE_LINE = re.compile(
    r"^(?P<place>[^,\d]{2,45}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*"
    r"năm\s*(?P<y>\d{4})", re.IGNORECASE)
_DATE_LINE_NUMERIC = re.compile(
    r"^(?P<place>[^,\d]{2,45}),\s*ngày\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})",
    re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\s*:?\s*(.*)$", re.IGNORECASE)
_TITLE_WORDS = ("KẾ HOẠCH", "THÔNG BÁO", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "TỜ TRÌNH", "CHỈ THỊ",
                "BÁO CÁO")
_MOTTO = ("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP", "Độc lập")


def _province_name(raw: str) -> str:
    """ "TỈNH ĐỒNG NAI" → "Đồng Nai"; Hồ Chí Minh keeps its "TP." as people write it."""
    name = re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", raw.strip(" .:*"), flags=re.IGNORECASE)
    name = name.title() if name.isupper() else name
    return f"TP. {name}" if fold(name) == "ho chi minh" else name


def _read_number(lines: list[str]) -> str:
    for line in lines[:_HEADER_LINES]:
        found = _NUMBER.match(line)
        if found:
            value = _NUMBER_VALUE.search(found.group(1))
            if value:
                return value.group(1) + "/" + re.sub(r"\s+", "", value.group(2))
    return ""


def _read_date(lines: list[str]) -> tuple[str, str]:
    """The letter's date as written ("15/01/2027", "3/2021", "2022") and its place."""
    for line in lines[:_HEADER_LINES]:
        found = _DATE_LINE.match(line) or _DATE_LINE_NUMERIC.match(line)
        if found:
            day, month, year = found.group("d"), found.group("m"), found.group("y")
            if day and month:
                date = f"{day}/{month}/{year}"
            elif month:
                date = f"{int(month)}/{year}"
            else:
                date = year
            return date, found.group("place").strip()
    return "", ""


def _read_issuer(lines: list[str], number: str, place: str, body: str) -> str:
    """The agency from the header block, else from the number's code or the body."""
    agency, province = "", ""
    header = lines[:_HEADER_LINES]
    for i, line in enumerate(header):
        if not line or any(line.startswith(m) for m in _MOTTO):
            continue
        if _DATE_LINE.match(line) or _SUBJECT.match(line) or line.lower().startswith("kính gửi"):
            break
        upper = line.upper()
        nxt = header[i + 1] if i + 1 < len(header) else ""
        region = re.search(r"(TỈNH|THÀNH PHỐ|TP\.?)\s+([^\n]+)$", upper)
        if region is None and re.fullmatch(r"(ỦY|UỶ) BAN NHÂN DÂN|UBND", upper.strip()):
            region = re.search(r"(TỈNH|THÀNH PHỐ|TP\.?)\s+([^\n]+)$", nxt.upper())
        if region and not province:
            province = _province_name(region.group(2))
        if "SỞ GIÁO DỤC" in upper or re.search(r"\bSỞ GD", upper):
            agency = "so"
        elif ("ỦY BAN NHÂN DÂN" in upper or "UỶ BAN NHÂN DÂN" in upper
              or upper.startswith("UBND")) and agency != "so":
            agency = "ubnd"
        elif "PHÒNG GIÁO DỤC" in upper and not agency:
            agency = "phong"
        elif "BỘ GIÁO DỤC" in upper and not agency:
            agency = "bo"
    code = fold(number.partition("/")[2]).upper()
    if not agency:
        if "UBND" in code:
            agency = "ubnd"
        elif code.startswith(("SGD", "KH-SGD", "SGDD")) or "GDDT" in code or "SGD" in code:
            agency = "so"
        elif "BGD" in code:
            agency = "bo"
        elif re.search(r"Sở Giáo dục và Đào tạo|Sở GD", body[:4000]):
            agency = "so"
    province = province or (_province_name(place) if place else "")
    if agency == "bo":
        return "Bộ GD&ĐT"
    if agency == "ubnd":
        kind = "thành phố" if province in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế") \
            else "" if province.startswith("TP.") else "tỉnh"
        return " ".join(p for p in ("UBND", kind, province) if p)
    if agency == "phong":
        return "Phòng GD&ĐT" + (f" {province}" if province else "")
    if agency == "so" or province:
        return "Sở GD&ĐT" + (f" {province}" if province else "")
    return ""


def _read_subject(lines: list[str]) -> str:
    for i, line in enumerate(lines[:_HEADER_LINES]):
        found = _SUBJECT.match(line)
        if found:
            parts = [found.group(1)]
            following = lines[i + 1:i + 6]
            for k, nxt in enumerate(following):
                if not nxt and k + 1 < len(following) and following[k + 1][:1].islower():
                    continue  # a scan read by OCR leaves a gap inside the wrapped "V/v"
                if (not nxt or _DATE_LINE.match(nxt) or nxt.lower().startswith("kính gửi")
                        or nxt.startswith(_MOTTO) or nxt.isupper()):
                    break
                parts.append(nxt)
            return " ".join(parts).strip(" .")
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if line.upper() == line and line.strip(" .:") in _TITLE_WORDS:
            following = [nxt for nxt in lines[i + 1:i + 7] if nxt]
            parts = following[:1]
            for nxt in following[1:]:
                # "THÔNG BÁO / Điều chỉnh … đính chính Công văn số / 2711/SGDĐT về …": a title
                # wraps mid-sentence, onto a line no sentence of the body starts with
                wraps = nxt[:1].islower() or (nxt[:1].isdigit() and not _DATE_LINE.match(nxt))
                if parts[-1].endswith((".", ":", ";")) or not wraps:
                    break
                parts.append(nxt)
            return " ".join(parts).strip(" .")
    return ""


def read_meta(text: str) -> LetterMeta:
    """Number, date, issuer and subject as the letter states them (empty where it does not)."""
    lines = clean_lines(text)
    number = _read_number(lines)
    date, place = _read_date(lines)
    return LetterMeta(number, date, _read_issuer(lines, number, place, text),
                      _read_subject(lines))


# -- structure --------------------------------------------------------------------------------

_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{1,3}|V|X))\s*[.)]\s+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+(?=\S)|^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)")
_LETTERED = re.compile(r"^([a-zđ])([).])\s+(?=\S)")  # "a) …", or "a. Giáo viên …"
_STEP = re.compile(r"^(?:[-+•]\s*)?Bước\s+(\d{1,2})\s*[:.)]?", re.IGNORECASE)
_END = re.compile(r"^(Nơi nhận|Nơi gửi)\s*:?", re.IGNORECASE)
# An annex after the signature: "PHỤ LỤC 1 …" in capitals, or "Phụ lục 01:" alone on its line
_ANNEX = re.compile(r"^(?:PH[ỤU] L[ỤU]C|(?i:phụ lục)(?=[\s\dIVX.:]*$))\s*(?:SỐ\s*)?"
                    r"([IVX]+|\d{1,2}[a-z]?)?\b")


@dataclass(frozen=True, slots=True)
class _Heading:
    rank: int  # -1 annex, 0 roman, 1.. numbered depth, 10 lettered, 11 step
    label: str  # what the path shows
    code: str  # what the citation shows


def _heading(line: str) -> _Heading | None:
    if found := _ANNEX.match(line):
        number = (found.group(1) or "").lstrip("0")
        return _Heading(-1, _short(line), f"phụ lục {number}".strip())
    if found := _ROMAN.match(line):
        return _Heading(0, _short(line), found.group(1))
    if found := _NUMBERED.match(line):
        number = found.group(1) or found.group(2)
        return _Heading(number.count(".") + 1, _short(line), number)
    if (found := _LETTERED.match(line)) and (found.group(2) == ")"
                                              or line[found.end()].isupper()):
        return _Heading(10, f"{found.group(1)})", found.group(1))
    if found := _STEP.match(line):
        return _Heading(11, f"Bước {found.group(1)}", f"bước {found.group(1)}")
    return None


def _short(line: str) -> str:
    if len(line) <= _LABEL_CHARS:
        return line.rstrip(" :.")
    return line[:_LABEL_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _section(stack: list[_Heading]) -> str:
    codes = [h.code for h in stack if h.rank < 11]
    steps = [h.code for h in stack if h.rank == 11]
    # "1.2" under "1" is already the full number: keep only the deepest of a chain
    kept = [c for i, c in enumerate(codes)
            if not (i + 1 < len(codes) and codes[i + 1].startswith(c + "."))]
    return ", ".join(x for x in (".".join(kept), *steps) if x)


def _chunks(paragraphs: list[str]) -> list[str]:
    """Paragraphs grouped so that no passage is longer than ``MAX_PASSAGE_CHARS``. A list is
    not cut from the sentence that opens it ("… tại điểm học ứng với địa bàn nơi có trường:"
    then "- Khu vực A …: Trường X"): the item alone says a place, not what it is the place
    of, so the cut goes before that sentence when the list fits in the next passage."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    lead: int | None = None  # where the list now read opens in ``current``
    for p in paragraphs:
        if current and size + len(p) > MAX_PASSAGE_CHARS:
            cut = lead if lead and _LIST_ITEM.match(p) else len(current)
            out.append("\n".join(current[:cut]))
            current = current[cut:]
            size = sum(len(x) + 1 for x in current)
            lead = 0 if current else None
        if p.rstrip().endswith(":"):
            lead = len(current)
        elif not _LIST_ITEM.match(p):
            lead = None
        current.append(p)
        size += len(p) + 1
    if current:
        out.append("\n".join(current))
    return out


# "-", "+" and a dash before a space; the glyphs Word's bullets print as, with or without one
_BULLET = re.compile(r"^(?:[-+*–—]\s|[•●▪◦○■□➢➤✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc])")
_STARTS_ITEM = re.compile(r"^(?:Kính gửi|V/v\b|Về việc|Căn cứ|Nơi nhận|Nơi gửi|Điều\s+\d|"
                          r"\((?:\d{1,2}|[a-zđ])\))", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:[-+*–—•]\s|[a-zđ]\)\s|\d{1,2}\)\s)")  # "- Khu vực …", "a) …"
_FULL_LINE = 0.8  # of a wrapped line's usual length: a line this long ran into the margin
_LONG_LINES = 0.9  # the share of a text's lines shorter than a full one
_MIN_WIDTH = 40  # lines shorter than this are a list, not a page's width


def _goes_on(line: str) -> bool:
    """A line in lower case, or opening with a figure or a bracket: the rest of a sentence."""
    return line[:1].islower() or line[:1].isdigit() or line[:1] in "(\"“'‘"


def _starts_item(line: str) -> bool:
    """A line that begins something of its own: a heading, a list or table item, a part of
    the letter's form (addressee, subject, date line, recipients)."""
    return bool(_heading(line) is not None or _BULLET.match(line) or is_row(line)
                or _STARTS_ITEM.match(line) or _NUMBER.match(line) or _DATE_LINE.match(line)
                or line.startswith(_MOTTO))


def _open(prev: str, line: str) -> bool:
    """Whether ``prev`` leaves a sentence that ``line`` may go on with: it ends on no full
    stop, neither is a title in capitals or a short heading, and ``line`` starts nothing of
    its own, or closes a bracket ``prev`` opened ("… (nội dung" / "3) trong kết quả …")."""
    return bool(prev and line and prev[-1] not in ".:;!?" and not prev.isupper()
                and not line.isupper()
                and not (_heading(prev) is not None and len(prev) < _LABEL_CHARS)
                and (not _starts_item(line) or _closes(prev, line)))


# "3) trong …", "tự chọn), …": a bracket closed first, the sentence going on in lower case
# ("b) Hiệu trưởng …" is an item, whatever the line before left open)
_CLOSING = re.compile(rf"^[^()]{{1,20}}\)(?!\s*[{CAPITALS}])")


def _closes(prev: str, line: str) -> bool:
    """Whether ``line`` closes a bracket ``prev`` left open: the rest of its words."""
    return prev.count("(") > prev.count(")") and bool(_CLOSING.match(line))


def _wrap_width(lines: list[str]) -> float:
    """How long a line that ran into the margin is: as long as the text's longer lines (a
    wrapped paragraph's lines all reach the margin; its last line, headings and items fall
    short of it). Table rows, one line whatever their length, are left out."""
    lengths = sorted(len(line) for line in lines if line and not is_row(line))
    width = lengths[int(_LONG_LINES * (len(lengths) - 1))] if lengths else 0
    return float(width) if width >= _MIN_WIDTH else 0.0


def unwrap(lines: list[str], *, soft: bool = False) -> list[str]:
    """The lines a PDF, a scan or a soft line break wraps a paragraph into, joined as a reader
    joins them: a line that ends no sentence goes on with the next, unless that one begins a
    heading, a list or table item or a part of the letter's form. A next line in lower case
    or with a figure ("…chậm nhất ngày" / "20/5/2027.") goes on; one in capitals ("…nộp tại" /
    "Phòng Tổ chức cán bộ…") only after a line that ran into the margin (about as long as the
    text's longer lines), so a short title or a line of an address block stays apart, or
    when the lines are one paragraph's ``soft`` breaks (a .docx), which a reader reads through.
    """
    full = 0.0 if soft else _FULL_LINE * _wrap_width(lines)
    out: list[str] = []
    last = 0  # the length of the line last read, as the page printed it
    for line in lines:
        prev = out[-1] if out else ""
        if _open(prev, line) and (soft or _goes_on(line) or 0 < full <= last):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
        last = len(line)
    return out


def split_passages(text: str) -> list[Passage]:
    """The letter cut along its own headings, each part with its heading path."""
    passages: list[Passage] = []
    stack: list[_Heading] = []
    body: list[str] = []

    def flush() -> None:
        if body:
            path = tuple(h.label for h in stack)
            passages.extend(Passage(path, _section(stack), chunk) for chunk in _chunks(body))
            body.clear()

    skipping = False  # after "Nơi nhận": recipients and signature, until the next document
    closing: list[str] = []  # those lines, for where the letter is posted and who signed it

    def close() -> None:
        passages.extend(_closing(closing))
        closing.clear()

    for line in unwrap(clean_lines(text)):
        if not line or line.startswith(_MOTTO):
            continue
        if _END.match(line) or _NUMBER.match(line):  # a file may hold several documents
            flush()
            close()
            skipping = bool(_END.match(line))
            stack.clear()
            if skipping:
                continue
        heading = _heading(line)
        if skipping:
            if heading is None and len(line) < _LABEL_CHARS:
                closing.append(line)
                continue
            skipping = False
            close()
        if heading is not None:
            flush()
            while stack and stack[-1].rank >= heading.rank:
                stack.pop()
            stack.append(heading)
        body.append(line)
    flush()
    close()
    return passages


RECIPIENTS = ("Nơi nhận",)  # the path of the recipients that say where the letter is posted
SIGNED = ("Người ký",)  # the path of the signature: the signer's titles and name
_POSTED = re.compile(r"website|cổng thông tin|trang thông tin|https?://|www\.", re.IGNORECASE)
_SIGNER_TITLE = re.compile(r"^(?:(?:KT|TL|TM|TUQ|Q)\.\s*)?[A-ZĐÀ-Ỹ\s]{4,}$")
# a person's full name on its own line, as signed: "Lê Hồng Sơn", "Y Ngông Niê Kdăm"
SIGNER_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:['’][^\W\d_]+)?"
                         r"(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*(?:['’][^\W\d_]+)?){1,5}$")


def _closing(lines: list[str]) -> list[Passage]:
    """What the lines after "Nơi nhận" tell a teacher: the website the letter is posted on
    (a recipient "Website: www…"), and who signed it (the titles over the name that closes
    the letter). The other recipients ("Như trên", "Lưu: VT") answer nothing."""
    found: list[Passage] = []
    posted = [line for line in lines if _BULLET.match(line) and _POSTED.search(line)]
    if posted:
        found.append(Passage(RECIPIENTS, "", "\n".join(["Nơi nhận:", *posted])))
    signature = [line for line in lines if not _BULLET.match(line)
                 and (_SIGNER_TITLE.match(line) or SIGNER_NAME.match(line))]
    names = [line for line in signature if SIGNER_NAME.match(line) and not line.isupper()]
    if names:
        titles = [line for line in signature if line.isupper() or "." in line]
        found.append(Passage(SIGNED, "", "\n".join([*titles, names[-1]])))
    return found


# -- dates that carry a task ------------------------------------------------------------------

_CUE = (r"(?:trước|chậm nhất|hạn chót|hạn cuối|thời hạn|hoàn thành|hoàn tất|kết thúc|"
        r"đến hết|đến)\s+(?:(?:lúc\s+)?\d{1,2}\s*(?:h|giờ)\s*\d{0,2}\s*,?\s*)?(?:ngày\s+)?")
_TASK_DATE = re.compile(
    _CUE + r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
    r"|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-+•(])")
_SENTENCE_CHARS = 220


def find_task_dates(passages: list[Passage] | tuple[Passage, ...]) -> list[TaskDate]:
    """Dates a sentence sets a task by ("hoàn thành trước ngày 15/5/2027"), in order, once each."""
    found: dict[dt.date, TaskDate] = {}
    for passage in passages:
        for paragraph in passage.text.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph):
                for m in _TASK_DATE.finditer(sentence):
                    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) \
                        else (m.group(4), m.group(5), m.group(6))
                    try:
                        date = dt.date(int(year), int(month), int(day))
                    except ValueError:
                        continue
                    if date not in found:
                        short = sentence if len(sentence) <= _SENTENCE_CHARS else \
                            sentence[:_SENTENCE_CHARS].rsplit(" ", 1)[0] + "…"
                        found[date] = TaskDate(date, short.lstrip("-+• "),
                                               deadline_title(sentence, m.start()),
                                               passage.section)
    return list(found.values())


def _given(value: str | None, found: str) -> str:
    return value.strip() if value and value.strip() else found


_LIST_MARK = re.compile(r"^\s*(?:[a-zđ][).](?=\s)|\d+(?:\.\d+)*[.)]|[-+•*]|bước\s+\d+\s*:)\s*",
                        re.IGNORECASE)
_DANGLING = re.compile(r"(?:[\s,;:–-]|\b(?:và|hoàn thành|hoàn tất|thực hiện|nộp|xong)\b)+$",
                       re.IGNORECASE)
_TITLE_CHARS = 100


def deadline_title(sentence: str, date_at: int) -> str:
    """What is due, as a reminder names it: the sentence up to its date, without the list
    mark ("a) ") or the words that lead to the date ("…, hoàn thành trước ngày 15/5/2027.").
    A sentence that opens with its date keeps what follows the date instead."""
    title = _LIST_MARK.sub("", _DANGLING.sub("", sentence[:date_at]))
    if len(title.split()) < 3:
        title = _LIST_MARK.sub("", _TASK_DATE.sub("", sentence, count=1)).strip(" ,.;:")
    if len(title) > _TITLE_CHARS:
        title = title[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return title[:1].upper() + title[1:]


# -- documents bundled in one file -----------------------------------------------------------

_DATED = re.compile(r",\s*ngày\s*\d{1,2}\s*(?:tháng\s*\d{1,2}\s*năm|/\s*\d{1,2}\s*/)\s*\d{4}",
                    re.IGNORECASE)
_NEAR = 6  # lines around "Số: …" where a document's own date stands


def _document_starts(lines: list[str]) -> list[int]:
    """Where each document after the first begins: a "Số: 1308/KH-SGDĐT" line with a date
    close by (an incoming stamp "Số: 3166 ĐẾN" has no "/" and is none), together with the
    agency and motto lines printed just above it."""
    starts: list[int] = []
    first = True
    for i, line in enumerate(lines):
        found = _NUMBER.match(line)
        if not found or "/" not in found.group(1):
            continue
        if not any(_DATED.search(x) for x in lines[max(0, i - _NEAR):i + _NEAR + 1]):
            continue
        if first:  # the letter's own number
            first = False
            continue
        start = i
        k = i - 1
        while k >= 0 and (not lines[k] or lines[k].isupper() or lines[k].startswith(_MOTTO)):
            if lines[k]:
                start = k
            k -= 1
        starts.append(start)
    return starts


def split_documents(text: str) -> list[str]:
    """The texts of the documents one file holds: the letter, then what it bundles (UBND's
    approval with the Sở's submission and plan). One document gives ``[text]``."""
    lines = clean_lines(text)
    bounds = [0, *_document_starts(lines), len(lines)]
    return ["\n".join(lines[a:b]) for a, b in pairwise(bounds) if a < b]


def read_letter(text: str, *, filename: str = "", number: str | None = None,
                date: str | None = None, issuer: str | None = None) -> Letter:
    """The whole letter; ``number``, ``date`` and ``issuer`` override what the text says.

    A document the file bundles after the letter (an attached plan) is read with its own
    number, date and issuer, and its passages say so, so an answer from the plan cites the
    plan, not the cover letter."""
    meta = read_meta(text)
    meta = replace(meta, number=_given(number, meta.number), date=_given(date, meta.date),
                   issuer=_given(issuer, meta.issuer))
    first, *attached = split_documents(text)
    passages = split_passages(first)
    for part in attached:
        document = read_meta(part)
        if not document.issuer:  # "Số: 1308/KH-SGDĐT" without a header: the letter's province
            document = replace(document, issuer=meta.issuer)
        passages += [replace(p, document=document) for p in split_passages(part)]
    return Letter(0, meta, tuple(passages), tuple(find_task_dates(passages)), filename)
