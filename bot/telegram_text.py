"""Telegram's text limits and HTML rules in one place: escaping, visible length, splitting.

Telegram counts a message's length after parsing its HTML (``&lt;`` is one character, tags are
none) and refuses a message whose HTML it cannot parse. The parser here follows the rules of
Telegram's own (tdlib's ``parse_html``): the same supported tags, the same four named entities,
the same error texts, so the offline Bot API can refuse what Telegram refuses, and the bot can
measure and split what it sends the way Telegram will read it.

Plain Python, no Telegram types: services use it to check lengths, handlers to split replies.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

MESSAGE_LIMIT = 4096  # visible characters of a text message
CAPTION_LIMIT = 1024  # visible characters of a file's or photo's caption
CALLBACK_DATA_BYTES = 64  # UTF-8 bytes of an inline button's callback data
ELLIPSIS = "…"

SUPPORTED_TAGS = frozenset({
    "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "tg-emoji", "tg-time", "code", "pre", "blockquote",
})
_TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")  # the Bot API's date-time entity formats
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class HtmlError(ValueError):
    """Telegram would answer "Bad Request: can't parse entities: <description>"."""


def escape(text: object) -> str:
    """The one way plain text (names, questions, typed answers) enters an HTML message."""
    return html.escape(str(text), quote=False)


@dataclass(frozen=True, slots=True)
class _Tag:
    raw: str
    name: str
    closing: bool


@dataclass(frozen=True, slots=True)
class _Char:
    raw: str
    visible: str


_Token = _Tag | _Char


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _entity(text: str, pos: int) -> tuple[str, int] | None:
    """The character an entity at ``pos`` stands for and where it ends; None when it is not one
    Telegram knows (then the ``&`` is an ordinary character)."""
    end = pos + 1
    n = len(text)
    if end < n and text[end] == "#":
        end += 1
        hexadecimal = end < n and text[end] in "xX"
        end += hexadecimal
        digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        start = end
        while end < n and text[end] in digits:
            end += 1
        if end == start:
            return None
        code = int(text[start:end], 16 if hexadecimal else 10)
        if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        char = _NAMED_ENTITIES.get(text[pos + 1:end], "")
        if not char:
            return None
    if end < n and text[end] == ";":
        end += 1
    return char, end


def _start_tag(text: str, begin: int) -> tuple[_Tag, int]:
    n = len(text)
    i = begin + 1
    while i < n and not text[i].isspace() and text[i] != ">":
        i += 1
    if i >= n:
        raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
    name = text[begin + 1:i].lower()
    if name not in SUPPORTED_TAGS:
        raise HtmlError(f'Unsupported start tag "{name}" at byte offset '
                        f"{_byte_offset(text, begin)}")
    attributes: dict[str, str] = {}
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        if text[i] == ">":
            break
        attr_begin = i
        while i < n and not text[i].isspace() and text[i] not in "=>":
            i += 1
        attr = text[attr_begin:i].lower()
        if not attr:
            raise HtmlError(f'Empty attribute name in the tag "{name}" at byte offset '
                            f"{_byte_offset(text, begin)}")
        while i < n and text[i].isspace():
            i += 1
        if i < n and text[i] != "=" and name == "blockquote" and attr == "expandable":
            attributes[attr] = ""  # the one attribute written without a value
            continue
        if i >= n or text[i] != "=":
            raise HtmlError(f'Expected equal sign in declaration of an attribute of the tag '
                            f'"{name}" at byte offset {_byte_offset(text, begin)}')
        i += 1
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        if text[i] in "'\"":
            quote = text[i]
            end = text.find(quote, i + 1)
            if end < 0:
                raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
            attributes[attr] = html.unescape(text[i + 1:end])
            i = end + 1
        else:
            value_begin = i
            while i < n and (text[i].isalnum() or text[i] in ".-"):
                i += 1
            if i < n and not text[i].isspace() and text[i] != ">":
                raise HtmlError(f"Unexpected end of name token at byte offset "
                                f"{_byte_offset(text, i)}")
            attributes[attr] = text[value_begin:i].lower()
    if name == "span" and attributes.get("class") != "tg-spoiler":
        raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset '
                        f"{_byte_offset(text, begin)}")
    if name == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
        raise HtmlError("Invalid custom emoji identifier specified")
    if name == "tg-time" and (not attributes.get("unix", "").isdigit()
                              or not _TIME_FORMAT.fullmatch(attributes.get("format", ""))):
        raise HtmlError(f'Tag "tg-time" must have a Unix time and a valid format at byte '
                        f"offset {_byte_offset(text, begin)}")
    return _Tag(text[begin:i + 1], name, closing=False), i + 1


_SPECIAL = re.compile(r"[<&]")
_PLAIN_START_TAG = re.compile(r"<([a-z-]+)>")  # "<b>": no attributes, the common case
_NEEDS_ATTRIBUTES = frozenset({"span", "tg-emoji", "tg-time"})


def _tokens(text: str, *, per_char: bool = False) -> list[_Token]:
    """Tags and visible text, in order; raises HtmlError as Telegram would refuse.

    Plain text between tags and entities comes as one run (every reply is parsed on its way
    out, so this is on the hot path); ``per_char`` gives one token per visible character, which
    only splitting needs.
    """
    tokens: list[_Token] = []
    open_tags: list[tuple[str, int]] = []
    n = len(text)
    i = 0
    while i < n:
        special = _SPECIAL.search(text, i)
        j = special.start() if special else n
        if j > i:
            run = text[i:j]
            if per_char:
                tokens.extend(_Char(c, c) for c in run)
            else:
                tokens.append(_Char(run, run))
            i = j
            continue
        c = text[i]
        if c == "&":
            found = _entity(text, i)
            tokens.append(_Char(text[i:found[1]], found[0]) if found else _Char(c, c))
            i = found[1] if found else i + 1
            continue
        if i + 1 < n and text[i + 1] == "/":
            j = i + 2
            while j < n and (text[j].isalpha() or text[j] == "-"):
                j += 1
            name = text[i + 2:j].lower()
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise HtmlError(f"Unclosed end tag at byte offset {_byte_offset(text, i)}")
            if not open_tags:
                raise HtmlError(f"Unexpected end tag at byte offset {_byte_offset(text, i)}")
            expected = open_tags[-1][0]
            if name != expected:
                raise HtmlError(f'Unmatched end tag at byte offset {_byte_offset(text, i)}, '
                                f'expected "</{expected}>", found "</{name}>"')
            open_tags.pop()
            tokens.append(_Tag(text[i:j + 1], name, closing=True))
            i = j + 1
            continue
        simple = _PLAIN_START_TAG.match(text, i)
        if simple and simple[1] in SUPPORTED_TAGS and simple[1] not in _NEEDS_ATTRIBUTES:
            tag, i_next = _Tag(simple[0], simple[1], closing=False), simple.end()
        else:
            tag, i_next = _start_tag(text, i)
        open_tags.append((tag.name, i))
        tokens.append(tag)
        i = i_next
    if open_tags:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{open_tags[-1][0]}"')
    return tokens


def check_html(text: str) -> None:
    """Raises HtmlError when Telegram could not parse ``text`` as HTML."""
    _tokens(text)


@lru_cache(maxsize=256)
def visible_text(text: str) -> str:
    """What the reader sees: tags gone, entities decoded. Raises HtmlError like Telegram.

    Kept for the last few texts: a reply is measured when it is split for sending and
    again when it is checked on its way out, and teachers asking the same thing get the
    same reply (an error is raised again each time, never kept)."""
    return "".join(t.visible for t in _tokens(text) if isinstance(t, _Char))


def visible_length(text: str) -> int:
    """Telegram's length of an HTML message: characters after parsing."""
    return len(visible_text(text))


def _cut(chars: list[_Char | None], start: int, end: int, limit: int) -> tuple[int, int]:
    """Where to end a part that may run from ``start`` to ``end`` (visible positions): after a
    blank line, else a line, else a space in its second half; else hard at the limit. Returns
    (end of this part, start of the next): the newlines at a cut are dropped."""
    floor = start + limit // 2
    for sep in ("\n\n", "\n", " "):
        k = end - len(sep)
        while k >= floor:
            if "".join(c.visible for c in chars[k:k + len(sep)] if c) == sep:
                return (k + 1, k + 1) if sep == " " else (k, k + len(sep))
            k -= 1
    return end, end


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split HTML into messages of at most ``limit`` visible characters each.

    Cuts fall between paragraphs, lines or words when possible, never inside a tag or an
    entity; tags open at a cut are closed at the end of one part and reopened at the start of
    the next, so every part parses on its own. Parts with nothing visible are left out.
    Raises HtmlError when ``text`` itself is not valid Telegram HTML.
    """
    shown = visible_text(text)
    if len(shown) <= limit:
        return [text] if shown.strip() else []
    tokens = _tokens(text, per_char=True)
    visible = [t for t in tokens if isinstance(t, _Char)]
    # positions of visible characters in ``tokens``, and the open tags before each
    position: list[int] = [k for k, t in enumerate(tokens) if isinstance(t, _Char)]
    position.append(len(tokens))
    chars: list[_Char | None] = [*visible, None]
    parts: list[str] = []
    start = 0
    total = len(visible)
    while start < total:
        end = min(start + limit, total)
        stop, next_start = (end, end) if end == total else _cut(chars, start, end, limit)
        parts.append(_render(tokens, position[start] if start else 0,
                             position[stop] if stop < total else len(tokens)))
        start = next_start
    return [p for p in parts if visible_text(p).strip()]


def _render(tokens: list[_Token], first: int, last: int) -> str:
    """``tokens[first:last]`` as HTML of its own: tags open before ``first`` reopened, tags
    still open at ``last`` closed."""
    stack: list[_Tag] = []
    for t in tokens[:first]:
        if isinstance(t, _Tag):
            if t.closing:
                stack.pop()
            else:
                stack.append(t)
    out = [t.raw for t in stack]
    for t in tokens[first:last]:
        out.append(t.raw)
        if isinstance(t, _Tag):
            if t.closing:
                stack.pop()
            else:
                stack.append(t)
    out += [f"</{t.name}>" for t in reversed(stack)]
    return "".join(out)


def truncate_html(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` visible characters, else its beginning and "…"."""
    if visible_length(text) <= limit:
        return text
    parts = split_html(text, limit - len(ELLIPSIS))
    return (parts[0].rstrip() if parts else "") + ELLIPSIS


def callback_data_fits(data: str) -> bool:
    return 0 < len(data.encode("utf-8")) <= CALLBACK_DATA_BYTES
