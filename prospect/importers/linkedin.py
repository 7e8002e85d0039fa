"""LinkedIn `Connections.csv`, in every shape seen from 2018 to 2026: the
"Notes:" preamble or none (also `Notes:,,` from Excel), with or without the URL
column, four date styles, comma or semicolon, UTF-8 with or without BOM or
Windows-1252, CRLF, and rows with only a date (members who hide their data).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from prospect.errors import InputError
from prospect.importers.csvfile import header_key, parse_rows
from prospect.importers.csvfile import trim_header as _trim
from prospect.importers.text import (
    Collector,
    Parsed,
    TextFile,
    read_row,
    sniff_delimiter,
    wrong_kind,
)
from prospect.models import Contact

COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "profile_url",
    "email address": "email",
    "company": "company",
    "position": "title",
    "connected on": "connected_on",
}
# The current export's columns in order, for the hint on a file without a header.
_ORDER_WITH_URL = ("first_name", "last_name", "profile_url", "email", "company", "title")
_ORDER_NO_URL = ("first_name", "last_name", "email", "company", "title")
_PREAMBLE_LINES = 20


def _find_header(text: str) -> int | None:
    for i, line in enumerate(text.split("\n", _PREAMBLE_LINES)[:_PREAMBLE_LINES]):
        if header_key(line).replace('"', "").startswith(("first name", "firstname")):
            return i
    return None


def _other_file(path: Path, text: str) -> str | None:
    """One line for another file of LinkedIn's archive, naming the file it is
    and the command that takes it; None for a Connections.csv."""
    first = next((ln for ln in text.split("\n", 20)[:20] if ln.strip()), "")
    start = _find_header(text)
    line = text.split("\n", start + 1)[start] if start is not None else first
    keys = {header_key(c) for c in read_row(line, sniff_delimiter(line))}
    if "connected on" in keys:
        return None
    if start is None:
        for i, row in enumerate(text.split("\n", 20)[:20]):
            cells = [c.strip() for c in read_row(row, sniff_delimiter(row)) if c.strip()]
            if "connected on" in {header_key(c) for c in cells}:
                return (
                    f"{path}:{i + 1}: this Connections.csv has no name columns "
                    f"(columns: {', '.join(cells)}), so it names no one; download your "
                    "archive from LinkedIn again and import its Connections.csv as it comes"
                )
    where = f"{path}:{(start or 0) + 1}"
    if keys & {"headline", "maiden name", "birth date", "summary", "industry"}:
        return (
            f"{where}: this is LinkedIn's Profile.csv, your own profile, not your connections; "
            "import Connections.csv from the same archive: prospect import linkedin Connections.csv"
        )
    if keys & {"sent at", "direction", "invitationtype"} or {"from", "to"} <= keys:
        return (
            f"{where}: this is LinkedIn's Invitations.csv: invitations are not contacts; "
            "import Connections.csv from the same archive: prospect import linkedin Connections.csv"
        )
    if start is not None or keys & {"emails", "companies", "phonenumbers"}:
        return (
            f"{where}: this is LinkedIn's Contacts.csv (or the older Imported Contacts.csv): "
            "address-book entries you gave LinkedIn, not connections; import it with: "
            f"prospect import csv {path} --source linkedin-contacts"
        )
    return None


def _no_header_hint(path: Path, text: str) -> str:
    """A ready-to-run `import csv` command for this file's column count."""
    lines = [ln for ln in text.split("\n", 50)[:50] if ln.strip() and ln.strip(",;") != "Notes:"]
    sample = lines[0] if lines else ""
    width = len(read_row(sample, sniff_delimiter(sample)))
    order = _ORDER_WITH_URL if width >= 7 else _ORDER_NO_URL
    fields = [*order, "connected_on"] if width >= len(order) + 1 else list(order)
    maps = " ".join(f"--map {i}={f}" for i, f in enumerate(fields, 1))
    return (
        f"{path}:1: no 'First Name,Last Name,...' header row, so the columns are unknown; "
        f"import it with: prospect import csv {path} --no-header {maps}"
    )


def parse_linkedin(
    path: Path, strict: bool = False, collect: Callable[[Path, bool], Collector] = Collector
) -> Parsed:
    """Parse a Connections.csv into contacts (nothing is written); `collect`
    makes what receives them (an import takes them a batch at a time)."""
    source = TextFile(path)
    text, warnings = source.head, source.warnings
    out = collect(path, strict)
    for warning in warnings:
        out.warn(warning)
    start = _find_header(text)
    problem = wrong_kind(path, text) or _other_file(path, text)
    if problem:
        raise InputError(problem)
    if start is None:
        raise InputError(_no_header_hint(path, text))
    line = text.split("\n", start + 1)[start]
    delimiter = sniff_delimiter(line)
    header = _trim(read_row(line, delimiter))
    columns = {i: COLUMNS[header_key(c)] for i, c in enumerate(header) if header_key(c) in COLUMNS}
    if "last_name" not in columns.values():
        raise InputError(f"{path}:{start + 1}: the header has no 'Last Name' column")
    out.parsed.fields = frozenset(columns.values())
    parse_rows(source.lines(start), start + 1, delimiter, columns, len(header), True, out)
    return out.parsed


def read_linkedin(path: Path) -> tuple[list[Contact], int]:
    """Parse a Connections.csv; returns the contacts and how many rows were skipped."""
    parsed = parse_linkedin(path)
    return parsed.contacts, parsed.skipped
