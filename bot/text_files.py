"""Text files officers write (campaign files, announcements): UTF-8, or refused with one line
that says how to save them.

Notepad and Excel on Windows still offer UTF-16 ("Unicode") and ANSI; a decoding error named
by its Python class told an officer nothing, so each case says what to choose instead.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.errors import DomainError
from bot.i18n import N_

_UTF16 = N_("{name} is saved as UTF-16 (\"Unicode\"); please save it as UTF-8 (in Notepad: "
            "Save As → Encoding: UTF-8) and try again.")
_NOT_UTF8 = N_("{name} is not UTF-8 text; please save it as UTF-8 (in Notepad: Save As → "
               "Encoding: UTF-8) and try again.")
_DAMAGED = N_("{name} is damaged: it holds null bytes, which a text file never does; please "
              "save it again as UTF-8 text and try again.")


class TextFileError(DomainError):
    """The file is not UTF-8 text; the message says how to save it."""


def decode_text(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a BOM is dropped).

    Raises:
        TextFileError: UTF-16, another encoding, or null bytes.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise TextFileError(_UTF16, {"name": name})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TextFileError(_NOT_UTF8, {"name": name}) from None
    if "\x00" in text:
        raise TextFileError(_DAMAGED, {"name": name})
    return text


def read_text_file(path: Path) -> str:
    """The file at ``path`` as UTF-8 text; OSError as reading it raises."""
    return decode_text(path.read_bytes(), path.name)
