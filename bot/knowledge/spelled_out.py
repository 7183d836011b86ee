"""The curated entries shorten what the letters write in full ("Phòng GD&ĐT", "BDTX"). A
teacher reads an answer beside the letter it cites, and a new teacher may not know every
shorthand: the answer spells these as the letters do. The markup, addresses and document
numbers ("…/KH-BDTX") are left as written. "CBQL" stays: teachers write it as often as the
letters spell it out."""

from __future__ import annotations

import re

_IN_FULL = {
    "BDTX": "bồi dưỡng thường xuyên",
    "GDTX": "giáo dục thường xuyên",
    "HTĐN": "hỗ trợ đồng nghiệp",
    # named in full once, as a letter introduces it, then by its shorthand
    "Phòng GD&ĐT": "Phòng Giáo dục và Đào tạo (Phòng GD&ĐT)",
}
_ONCE = frozenset({"Phòng GD&ĐT"})
_SHORT = re.compile(
    r"(?<![\w/.@-])("
    + "|".join("(?:&amp;|&)".join(map(re.escape, k.split("&"))) for k in _IN_FULL)
    + r")(?![\w/@-]|\.\w)")
_STARTS = re.compile(r"(?:^|[.!?:•\n])\s*$")  # what comes before a sentence's first word
_TAG = re.compile(r"(<[^>]*>)")


def spelled_out(answer_html: str) -> str:
    """``answer_html`` with the shortened names spelled in full outside its tags, the first
    letter capital where a sentence or a list item starts."""
    out: list[str] = []
    seen = ""  # the visible text so far: where a sentence starts
    named: set[str] = set()

    def full(found: re.Match[str]) -> str:
        short = found.group(1).replace("&amp;", "&")
        if short in named:
            return found.group(1)
        if short in _ONCE:
            named.add(short)
        name = _IN_FULL[short].replace("&", "&amp;")
        if _STARTS.search(seen + found.string[:found.start()]):
            return name[0].upper() + name[1:]
        return name

    for part in _TAG.split(answer_html):
        if part.startswith("<"):
            out.append(part)
            continue
        out.append(_SHORT.sub(full, part))
        seen = (seen + part)[-8:]
    return "".join(out)
