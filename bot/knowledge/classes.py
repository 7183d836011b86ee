"""The classes a letter splits its teachers into ("Lớp 2", "Lớp D", "Cụm 3"), and which one an
asker is in.

A letter that opens several classes says once whom each is for, by the former districts its
schools are in ("Lớp 2 (giáo viên các trường ở xã thuộc các huyện Bảo Lâm, Bảo Lạc …)"), by
level ("Lớp D: giáo viên trung học phổ thông") or by a kind of school in a footnote under its
table ("(1) Lớp 1 gồm cả giáo viên … của các trường phổ thông dân tộc nội trú"); everything else
it says of a class names only the class ("Giáo viên Lớp 2 có trường không có Internet ổn định
được đăng ký học cùng Lớp 1"). A teacher asks by what they are ("em dạy THCS ở xã Bảo Lạc"), so
a reader first finds their class, then reads what the letter says of it, and skips what it says
of the other classes only.

A class's name is written as a name, with a capital ("Lớp 2"); a grade is not ("học sinh lớp 8").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.letter_tables import ROW_JOIN, is_row
from bot.knowledge.normalize import fold_word, words

# "Lớp 2", "Lớp D", "Cụm 3": a class's name; "lớp 8" in lower case is a grade
_CLASS = re.compile(r"\b(Lớp|Cụm)\s+(\d{1,2}|[A-Z])(?![\w/])")
# "Lớp D: giáo viên trung học phổ thông, …", "Lớp 2 (giáo viên các trường …)": whom it is for
_FOR_WHOM = re.compile(r"\b(Lớp|Cụm)\s+(\d{1,2}|[A-Z])(?:\s*:\s*|\s*\()([^:;()]{3,120})")
# a question naming a class in any case ("hv lớp 3", "lop b"); a grade taught or a pupil's
# ("dạy lớp 1", "học sinh lớp 8", "khối lớp 9", "chủ nhiệm lớp 9") is no class of the course
_ASKED = re.compile(r"(?<!dạy )(?<!day )(?<!sinh )(?<!khối )(?<!khoi )(?<!nhiệm )(?<!nhiem )"
                    r"\b(lớp|lop|cụm|cum)\s+(\d{1,2}|[a-dA-D])\b", re.IGNORECASE)
_KINDS = {"lớp": "lop", "lop": "lop", "cụm": "cum", "cum": "cum"}
# "muốn chuyển sang học Lớp 3", "xin học bù ở Cụm 2": the class the asker would move to,
# not theirs
_MOVING_TO = re.compile(r"\b(?:chuyển|chuyen|sang|qua|bù|bu)\s+(?:(?:sang|qua|đến|den|tới|toi|"
                        r"về|ve|học|hoc|ở|o|tại|tai)\s+){0,2}$", re.IGNORECASE)


def _name(kind: str, number: str) -> str:
    return f"{_KINDS[kind.lower()]} {number.lower()}"


@lru_cache(maxsize=65_536)
def named_classes(sentence: str) -> tuple[str, ...]:
    """The classes a sentence names, in order, each once ("lop 2", "lop 1")."""
    return tuple(dict.fromkeys(_name(m.group(1), m.group(2)) for m in _CLASS.finditer(sentence)))


def row_class(sentence: str) -> str | None:
    """The class a table's row is about, when its label names one ("Lớp 3 (2) — …")."""
    if not is_row(sentence):
        return None
    found = named_classes(sentence.split(ROW_JOIN, 1)[0])
    return found[0] if len(found) == 1 else None


# a sentence's subject naming classes: "Lớp 2 (…)", "(1) Lớp 1 gồm cả …", "Giáo viên Lớp 2 có
# trường …", "Học viên Lớp 2, Lớp 3 cần nghỉ lại …", "Mỗi trường ở Lớp 2, Lớp 3 mang …",
# "Phần học trực tuyến của Lớp 3 được kéo dài …"
_ONE = r"(?:Lớp|Cụm)\s+(?:\d{1,2}|[A-Z])(?![\w/])"
_SUBJECT = re.compile(rf"^\s*(?:\(\d{{1,2}}\)|\d{{1,2}}[.)]|[a-zđ]\)|[-+•])?\s*"
                      rf"(?:(?:Giáo viên|Học viên|Mỗi trường ở|Các trường ở|Trường ở)\s+|"
                      rf"[^,;:.()]{{3,40}}?\scủa\s+)?"
                      rf"{_ONE}(?:\s*(?:,|và|hoặc)\s*{_ONE})*")


@lru_cache(maxsize=65_536)
def of_classes(sentence: str) -> tuple[str, ...]:
    """The classes a sentence speaks of: its row's, or those its subject names ("Giáo viên
    Lớp 2 có trường không có Internet … học cùng Lớp 1" speaks of class 2). A class named
    after the verb ("… được chọn học Lớp 1 thay cho Lớp 3", "không mở cho Lớp A") is where
    someone goes or what is refused, not whom the sentence is about."""
    if is_row(sentence):
        found = row_class(sentence)
        return () if found is None else (found,)
    subject = _SUBJECT.match(sentence)
    return named_classes(subject.group(0)) if subject else ()


def for_whom(sentence: str) -> list[tuple[str, str]]:
    """Each class the sentence says whom it is for, with those words ("lop d", "giáo viên
    trung học phổ thông, giáo dục thường xuyên")."""
    return [(_name(m.group(1), m.group(2)), m.group(3)) for m in _FOR_WHOM.finditer(sentence)]


@lru_cache(maxsize=4096)
def asked_classes(question: str) -> frozenset[str]:
    """The classes a question names as the asker's ("hv lớp 3"): a letter having one is asked
    of it. A class the asker only guesses they go to ("học Cụm 5 ở Bá Thước cho gần đúng
    không", "đi học Lớp 2 hay học lớp nào", ``guessed_words``) is what they ask about, not
    what they are."""
    folded = [fold_word(w) for w in words(question)]
    guessed = {f"{folded[i]} {folded[i + 1]}" for i in guessed_words(folded)
               if folded[i] in _KINDS.values()}
    return frozenset(name for m in _ASKED.finditer(question)
                     if (name := _name(m.group(1), m.group(2))) not in guessed
                     and not _MOVING_TO.search(question[:m.start()]))


_GUESS_REACH = 8  # words from the class guessed to the words checking the guess
_GOING = frozenset({"hoc", "vao", "sang", "chuyen", "ki", "chon"})  # "học Cụm 5", "vào lớp 3"
# "… đúng không", "… phải không", "… đúng chưa": the asker checks a guess
_CHECKS = (("dung", "khong"), ("dung", "ko"), ("dung", "k"), ("dung", "chua"),
           ("phai", "khong"), ("phai", "ko"), ("phai", "k"))
_NOT = frozenset({"khong", "ko", "k", "chua"})  # "… hay không" asks yes or no, no other class


def guessed_words(folded: list[str]) -> frozenset[int]:
    """Positions of the words of a class the asker guesses they go to, with where and why
    ("học Cụm 5 ở Bá Thước cho gần đúng không", "học Lớp 2 ở Châu Đốc hay học lớp nào"):
    what the asker checks, which the answer confirms or corrects; neither the class nor the
    place picks the passage. A class the asker is in ("hv lớp 3") is told, not guessed."""
    found: set[int] = set()
    for i in range(1, len(folded) - 1):
        if folded[i] not in _KINDS.values() or folded[i - 1] not in _GOING \
                or not re.fullmatch(r"\d{1,2}|[a-d]", folded[i + 1]):
            continue
        for end in range(i + 2, min(i + 2 + _GUESS_REACH, len(folded))):
            if folded[end] == "thi":  # "học lớp 2 thì …": the class is the case, told
                break
            if tuple(folded[end:end + 2]) in _CHECKS or (
                    folded[end] == "hay" and folded[end + 1:end + 2] and
                    folded[end + 1] not in _NOT):
                found.update(range(i, end))
                break
    return frozenset(found)


def class_cells(row: str, name: str) -> str:
    """A row giving a value per class ("Địa điểm học trực tiếp — Lớp A: giáo viên mầm non: …;
    …; Lớp D: giáo viên trung học phổ thông, …: Trường THPT Phan Đình Phùng …") with only the
    cell of class ``name``; the row as it is when no cell is that class's."""
    if not is_row(row):
        return row
    label, rest = row.split(ROW_JOIN, 1)
    cells = rest.removesuffix(".").split("; ")
    kept = [cell for cell in cells if named_classes(cell.split(": ", 1)[0])[:1] == (name,)]
    return f"{label}{ROW_JOIN}{'; '.join(kept)}." if kept else row
