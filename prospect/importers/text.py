"""What every importer shares: reading bytes as text, sniffing the delimiter,
reading dates, and collecting bad rows (skipped and counted, or fatal with
--strict) so each importer only says what a row means.

Files re-saved in Excel are the hard part: a BOM, Windows-1252 bytes, CRLF,
semicolons instead of commas, UTF-16 "Unicode text". All are read here.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, TextIO

from prospect.errors import InputError
from prospect.models import Contact

# LinkedIn over the years, then what Excel makes of it, then ISO.
DATE_FORMATS = (
    "%d %b %Y",  # 30 May 2024
    "%m/%d/%y, %I:%M %p",  # 1/8/18, 6:14 PM
    "%d-%b-%y",  # 23-Nov-21, 5-Jan-26
    "%d.%m.%Y",  # 16.09.2021
    "%Y-%m-%d",
    "%d %B %Y",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d-%b-%Y",
    "%Y-%m-%dT%H:%M:%S",
)


# The current export's `30 May 2024`, read without strptime (which costs more
# than the rest of a row); a day or month strptime would not read falls through.
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


@lru_cache(maxsize=8192)
def parse_date(text: str) -> str | None:
    """An export's date as ISO `YYYY-MM-DD`, or None when it is no date we know.
    Cached: 30,000 connections share a few thousand dates."""
    text = " ".join(text.split())
    day, _, rest = text.partition(" ")
    month, _, year = rest.partition(" ")
    if (
        month in _MONTHS
        and 0 < len(day) <= 2
        and day.isdigit()
        and day.isascii()
        and len(year) == 4
        and year.isdigit()
        and year.isascii()
        and day != "00"
    ):
        try:
            return date(int(year), _MONTHS[month], int(day)).isoformat()
        except ValueError:
            return None  # 31 Feb: no format below reads it either
    return strptime_date(text)


def strptime_date(text: str) -> str | None:
    """`parse_date` the general way: the first of `DATE_FORMATS` strptime reads."""
    text = " ".join(text.split())
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass(slots=True)
class Parsed:
    """What a file held: the contacts, and what was left out and why."""

    path: Path
    contacts: list[Contact] = field(default_factory=list)
    skipped: int = 0
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: what", one per bad row
    warnings: list[str] = field(default_factory=list)
    # The contact fields the file has columns for; None: every field (vCard
    # fields come per card, so a card without TITLE says nothing about it).
    fields: frozenset[str] | None = None


class Collector:
    """Builds a `Parsed`: a bad row is skipped and noted, or with strict ends
    the import before anything is written."""

    def __init__(self, path: Path, strict: bool) -> None:
        self.parsed = Parsed(path=path)
        self.strict = strict
        self.count = 0  # contacts added (a streaming import keeps none of them here)

    def add(self, contact: Contact) -> None:
        self.count += 1
        self.parsed.contacts.append(contact)

    def empty(self) -> None:
        """A row with nothing to import (LinkedIn's rows with only a date)."""
        self.parsed.skipped += 1

    def problem(self, line: int, message: str) -> None:
        text = f"{self.parsed.path}:{line}: {message}"
        if self.strict:
            raise InputError(text)
        self.parsed.skipped += 1
        self.parsed.problems.append(text)

    def warn(self, message: str) -> None:
        self.parsed.warnings.append(message)


_CHUNK = 1 << 20  # bytes read at a time while deciding a file's encoding
HEAD_LINES = 50  # lines a reader looks at to tell the kind of file and find its header


@dataclass(slots=True)
class Encoding:
    """How a file's bytes are read as text, and what to warn about it."""

    name: str
    errors: str = "strict"
    warnings: list[str] = field(default_factory=list)


def _read_error(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot read ({exc.strerror or exc})")


def _scan_utf8(handle: BinaryIO) -> tuple[int, int, bool] | None:
    """The first byte that is not UTF-8, a chunk at a time: (its offset in the
    file, its line, whether a non-ASCII byte came before it), or None."""
    offset, lines, high, carry = 0, 0, False, b""
    while True:
        chunk = handle.read(_CHUNK)
        data = carry + chunk
        if not data:
            return None
        try:
            data.decode("utf-8")
            good = len(data)
        except UnicodeDecodeError as exc:
            truncated = exc.reason == "unexpected end of data" and exc.end == len(data)
            if not (truncated and chunk):
                line = lines + data.count(b"\n", 0, exc.start) + 1
                return offset + exc.start, line, high or not data[: exc.start].isascii()
            good = exc.start  # a character cut by the chunk's end: read it with the next
        head, carry = data[:good], data[good:]
        lines += head.count(b"\n")
        high = high or not head.isascii()
        offset += good


def sniff_encoding(path: Path) -> Encoding:
    """How to read a file, without holding it in memory.

    UTF-8 (with or without BOM) first; UTF-16 when it has that BOM (Excel's
    "Unicode text") or, without one, zero bytes beside nearly every ASCII one
    (Apple's Contacts); otherwise Windows-1252, as Excel writes CSV, with a warning.
    A UTF-8 file with one damaged byte keeps its UTF-8 (a cp1252 reading would
    garble every accented name) and gets the byte replaced, with a warning.
    """
    try:
        with path.open("rb") as handle:
            first = handle.read(400)
            start = first[:3]
            bom16 = start.startswith((b"\xff\xfe", b"\xfe\xff"))
            utf16 = "utf-16" if bom16 else _bare_utf16(first)
            if utf16:
                handle.seek(0)
                decoder = codecs.getincrementaldecoder(utf16)()
                try:
                    while chunk := handle.read(_CHUNK):
                        decoder.decode(chunk)
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError as exc:
                    raise InputError(f"{path}: not valid UTF-16 text ({exc.reason})") from None
                return Encoding(utf16)
            bom = start == codecs.BOM_UTF8
            handle.seek(len(start) if bom else 0)
            bad = _scan_utf8(handle)
            if bad is None:
                return Encoding("utf-8-sig")
            at, line, high = bad
            handle.seek(at + (len(start) if bom else 0))
            byte = handle.read(1)[0]
            if high or bom:
                return Encoding(
                    "utf-8-sig",
                    "replace",
                    [f"{path}:{line}: byte 0x{byte:02x} is not UTF-8; replaced it with '\ufffd'"],
                )
            handle.seek(0)
            lines = 0
            while chunk := handle.read(_CHUNK):
                try:
                    chunk.decode("cp1252")
                except UnicodeDecodeError as exc:
                    where = lines + chunk.count(b"\n", 0, exc.start) + 1
                    raise InputError(
                        f"{path}:{where}: cannot decode byte 0x{chunk[exc.start]:02x}: "
                        "the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV"
                    ) from None
                lines += chunk.count(b"\n")
    except OSError as exc:
        raise _read_error(path, exc) from None
    warning = f"{path}:{line}: not UTF-8; read the file as Windows-1252 (as Excel saves it)"
    return Encoding("cp1252", warnings=[warning])


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file as text, and warnings about how it was decoded (`sniff_encoding`)."""
    encoding = sniff_encoding(path)
    try:
        text = path.read_bytes().decode(encoding.name, encoding.errors)
    except OSError as exc:
        raise _read_error(path, exc) from None
    return text, encoding.warnings


class TextFile:
    """A file read as a stream of lines, never whole: its first lines (`head`)
    to tell its kind and find its header, then `lines(n)` from any line on.

    A 300,000-row export is 30 MB of text, several times that as a string and
    again as a StringIO; read a line at a time, an import holds a few rows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.encoding = sniff_encoding(path)
        self.warnings = self.encoding.warnings
        self.head = self._head()

    def _open(self) -> TextIO:
        try:
            return self.path.open(
                encoding=self.encoding.name, errors=self.encoding.errors, newline=""
            )
        except OSError as exc:
            raise _read_error(self.path, exc) from None

    def _head(self) -> str:
        """The first HEAD_LINES lines, and on to the first line that is not blank."""
        taken: list[str] = []
        count, blank = 0, True
        with self._open() as handle:
            for line in handle:
                taken.append(line)
                blank = blank and not line.strip()
                if line.endswith("\n"):
                    count += 1
                    if count >= HEAD_LINES and not blank:
                        break
        return "".join(taken)

    def lines(self, start: int = 0) -> Iterator[str]:
        """The file's lines from line `start` (0-based, lines ending in "\\n") on,
        each with its line end, split as csv wants them (newline="")."""
        with self._open() as handle:
            skipped = 0
            for line in handle:
                if skipped >= start:
                    yield line
                    break
                if line.endswith("\n"):
                    skipped += 1
            yield from handle


class RowLines:
    """Lines handed to a csv reader, keeping the lines of the row being read
    (`row`, which the reader's caller clears after each row) and whether the
    last line has been handed out (`at_end`, known a line ahead), so a row that
    runs to the end of the file can be read again."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._ahead = next(self._lines, None)
        self.row: list[str] = []
        self.at_end = self._ahead is None

    def __iter__(self) -> RowLines:
        return self

    def __next__(self) -> str:
        line = self._ahead
        if line is None:
            raise StopIteration
        self._ahead = next(self._lines, None)
        self.at_end = self._ahead is None
        self.row.append(line)
        return line


def _bare_utf16(data: bytes) -> str | None:
    """UTF-16 written without a BOM (Apple's Contacts, as in Roundcube's test
    files): a zero byte beside nearly every ASCII one, on one side. None if not."""
    head = data[:400]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if even >= 0.7 * pairs and odd == 0:
        return "utf-16-be"
    if odd >= 0.7 * pairs and even == 0:
        return "utf-16-le"
    return None


def sniff_delimiter(line: str) -> str:
    """The delimiter of a header line: the most frequent of , ; and tab."""
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_row(line: str, delimiter: str) -> list[str]:
    """One line (a header, a first row) as CSV cells. A stray CR inside the line
    ends the row, as in the file itself, instead of raising csv.Error."""
    try:
        return next(csv.reader(io.StringIO(line, newline=""), delimiter=delimiter), [])
    except csv.Error:  # e.g. a cell over csv.field_size_limit()
        return []


def nth_line_offset(text: str, n: int) -> int:
    """Character offset where line `n` (0-based) starts."""
    offset = 0
    for _ in range(n):
        offset = text.index("\n", offset) + 1
    return offset


def wrong_kind(path: Path, text: str) -> str | None:
    """One line for a file that is plainly not a table of contacts, or None."""
    if not text.strip():
        return f"{path}:1: the file is empty"
    if text.lstrip().upper().startswith("BEGIN:VCARD"):
        return f"{path}:1: this looks like a vCard: prospect import vcard {path}"
    return None


def clean(value: str | None) -> str:
    """A cell with runs of whitespace (tabs inside names, stray CRs) made one space."""
    return " ".join(value.split()) if value else ""
