"""What every importer shares: reading bytes as text, sniffing the delimiter,
reading dates, and collecting bad rows (skipped and counted, or fatal with
--strict) so each importer only says what a row means.

Files re-saved in Excel are the hard part: a BOM, Windows-1252 bytes, CRLF,
semicolons instead of commas, UTF-16 "Unicode text". All are read here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=8192)
def parse_date(text: str) -> str | None:
    """An export's date as ISO `YYYY-MM-DD`, or None when it is no date we know.
    Cached: 30,000 connections share a few thousand dates."""
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

    def add(self, contact: Contact) -> None:
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


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file as text, and warnings about how it was decoded.

    UTF-8 (with or without BOM) first; UTF-16 when it has that BOM (Excel's
    "Unicode text"); otherwise Windows-1252, as Excel writes CSV, with a warning.
    A UTF-8 file with one damaged byte keeps its UTF-8 (a cp1252 reading would
    garble every accented name) and gets the byte replaced, with a warning.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _bare_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), []
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid UTF-16 text ({exc.reason})") from None
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start]
        if any(b >= 0x80 for b in data[: exc.start]):
            return data.decode("utf-8-sig", errors="replace"), [
                f"{path}:{line}: byte 0x{bad:02x} is not UTF-8; replaced it with '\ufffd'"
            ]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}:{line}: cannot decode byte 0x{data[exc.start]:02x}: "
            "the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV"
        ) from None
    return text, [f"{path}:{line}: not UTF-8; read the file as Windows-1252 (as Excel saves it)"]


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
