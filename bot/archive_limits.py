"""What a zipped Office file (.xlsx, .docx) may unpack to, checked before and while it is read.

The 20 MB upload limit says nothing about the content: XML compresses a thousandfold, so a
400 KB .xlsx can hold a 400 MB cell and a 600 KB .docx two million paragraphs, and the
parsers (openpyxl, python-docx on lxml) would spend minutes and gigabytes on them. So:

* before parsing, every member's declared size is checked (:func:`check_members`); zipfile
  never inflates a member past its declared size, so a lying header only truncates it;
* while parsing, the XML goes through :class:`GuardedXml`, which stops at the first text run,
  record (row, paragraph), run of tags or nesting level past its limit, before the parser
  builds it.

Each refusal is an :class:`UnpackLimitError` whose message names the limit passed.
"""

from __future__ import annotations

import fnmatch
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO

from bot.i18n import N_, grouped

MAX_MEMBERS = 10_000  # an Office file has a few dozen parts; each entry costs memory to list

_TOO_MANY_MEMBERS = N_("The file holds more than {limit} parts, more than I read; please save "
                       "it again as a new file and resend it.")
_MEMBER_TOO_BIG = N_("The file is too big once unpacked: its part {part} is {size} MB, more "
                     "than the {limit} MB I read; please keep only what is needed and resend "
                     "it.")
_TOTAL_TOO_BIG = N_("The file is too big once unpacked: {size} MB, more than the {limit} MB I "
                    "read; please keep only what is needed and resend it.")
_TEXT_TOO_LONG = N_("A piece of text in the file (a cell, a paragraph) is longer than {limit} "
                    "characters, the most I read; please check the file and resend it.")
_TOO_MANY_TAGS = N_("One row or paragraph of the file holds more than {limit} elements, more "
                    "than I read; please save it again as a new file and resend it.")
_TOO_DEEP = N_("The file nests its elements more than {limit} levels deep, more than I read; "
               "please save it again as a new file and resend it.")


class UnpackLimitError(ValueError):
    """A limit was passed; ``message`` is an English msgid formatted with ``params``."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def _mb(size: int) -> str:
    return grouped(size / 2**20)


def entry_count(data: bytes) -> int:
    """How many members the zip's end record declares, read before zipfile lists them all."""
    end = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]
    if not end:
        raise zipfile.BadZipFile("no end of central directory")
    return int(end[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]


def open_checked(data: bytes, limits: Sequence[tuple[str, int]], *, total: int,
                 ) -> zipfile.ZipFile:
    """``data`` as a zip whose members all pass :func:`check_members`; the caller closes it.

    Raises:
        UnpackLimitError: a limit is passed.
        zipfile.BadZipFile: ``data`` is not a zip (the caller says what it should be).
    """
    if entry_count(data) > MAX_MEMBERS:
        raise UnpackLimitError(_TOO_MANY_MEMBERS, limit=grouped(MAX_MEMBERS))
    archive = zipfile.ZipFile(io.BytesIO(data))
    try:
        check_members(archive, limits, total=total)
    except UnpackLimitError:
        archive.close()
        raise
    return archive


def check_members(archive: zipfile.ZipFile, limits: Sequence[tuple[str, int]], *,
                  total: int) -> None:
    """Every member within the first limit whose pattern (fnmatch) its name matches, and all
    of them together within ``total``; a member no pattern matches is not limited alone."""
    unpacked = 0
    for info in archive.infolist():
        unpacked += info.file_size
        limit = next((size for pattern, size in limits
                      if fnmatch.fnmatchcase(info.filename, pattern)), None)
        if limit is not None and info.file_size > limit:
            raise UnpackLimitError(_MEMBER_TOO_BIG, part=info.filename[-60:],
                                   size=_mb(info.file_size), limit=_mb(limit))
    if unpacked > total:
        raise UnpackLimitError(_TOTAL_TOO_BIG, size=_mb(unpacked), limit=_mb(total))


@dataclass(frozen=True, slots=True)
class XmlLimits:
    """Bounds on one XML member, each counted in bytes or tags as it streams by.

    ``record`` matches the start tag of what the reader keeps one by one (a row, a
    paragraph); ``too_many_records`` makes the error for the count passed.
    """

    longest_text: int  # characters of one cell's or one run's text
    record: re.Pattern[bytes]
    max_records: int
    too_many_records: Callable[[int], Exception]
    tags_per_record: int = 50_000  # from one record's start to the next (a row's cells…)
    max_depth: int = 256


BYTES_PER_CHAR = 6  # the most one character takes in XML: "&amp;" and the like


def scan(archive: zipfile.ZipFile, name: str, limits: XmlLimits) -> None:
    """Stream the member ``name`` through :class:`GuardedXml` once, keeping nothing: for the
    parts a parser reads whole (shared strings, a Word document) before it is let at them."""
    with archive.open(name) as member, GuardedXml(member, limits) as guarded:
        while guarded.read(64 * 1024):
            pass


class GuardedXml(io.RawIOBase):
    """A read-only stream over an XML member that raises as soon as a limit is passed.

    Counting is by bytes, not by parsing, so it costs little beside the parser: tags are
    counted by their ``<``, nesting by start tags minus end tags at the end of each chunk
    (a bomb nests across many chunks), records by their start tag.
    """

    def __init__(self, source: IO[bytes], limits: XmlLimits) -> None:
        super().__init__()
        self._source = source
        self._limits = limits
        self._text_run = 0
        self._records = 0
        self._tags_since_record = 0
        self._depth = 0
        self._last = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self._source.read(len(buffer))
        self._check(chunk)
        buffer[:len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._source.close()
        super().close()

    def _check(self, chunk: bytes) -> None:
        limits = self._limits
        longest = limits.longest_text * BYTES_PER_CHAR
        first_tag = chunk.find(b"<")
        if first_tag < 0:
            self._text_run += len(chunk)
        else:
            self._text_run += first_tag
            if self._text_run > longest:
                raise UnpackLimitError(_TEXT_TOO_LONG, limit=grouped(limits.longest_text))
            self._text_run = len(chunk) - chunk.rfind(b"<") - 1
        if self._text_run > longest:
            raise UnpackLimitError(_TEXT_TOO_LONG, limit=grouped(limits.longest_text))
        starts = [m.start() for m in limits.record.finditer(chunk)]
        if starts:
            self._records += len(starts)
            if self._records > limits.max_records:
                raise limits.too_many_records(self._records)
            self._tags_since_record = chunk.count(b"<", starts[-1])
        else:
            self._tags_since_record += chunk.count(b"<")
        if self._tags_since_record > limits.tags_per_record:
            raise UnpackLimitError(_TOO_MANY_TAGS, limit=grouped(limits.tags_per_record))
        # Two-byte marks are counted with the previous chunk's last byte, so one cut in two
        # ("<" | "/v>") is counted once; the "<" counted as a start before is taken back.
        joined = self._last + chunk
        self._last = chunk[-1:]
        end_tags = joined.count(b"</")
        start_tags = (chunk.count(b"<") - end_tags - joined.count(b"<?")
                      - joined.count(b"<!"))
        self._depth += start_tags - joined.count(b"/>") - end_tags
        if self._depth > limits.max_depth:
            raise UnpackLimitError(_TOO_DEEP, limit=limits.max_depth)
