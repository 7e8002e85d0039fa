"""Generic CSV: exports from CRMs (HubSpot, Salesforce), Google Contacts, or
anything with a header row. Common headers are recognised by name; the rest
are named with `--map COLUMN=field`, where COLUMN is a header or a 1-based
column number (for a file with no header row).

`parse_rows` is shared with the LinkedIn importer: a table whose columns are
already known, read row by row with exact line numbers for error messages.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from prospect.errors import ExitCode, InputError, ProspectError
from prospect.importers.names import person_name
from prospect.importers.text import (
    Collector,
    Parsed,
    RowLines,
    TextFile,
    nth_line_offset,
    parse_date,
    read_row,
    sniff_delimiter,
    wrong_kind,
)
from prospect.models import CONTACT_FIELDS as FIELDS
from prospect.models import Contact

# Fields several columns may fill: the first that holds a value counts.
MANY = frozenset({"other_email"})

# Header (lower-cased, spaces collapsed) -> field. Where two headers of one
# file name one field, the one listed first here wins: Outlook's "Title" is
# the courtesy title ("Ms.", "Dr.") beside its "Job Title", while Salesforce
# and HubSpot call the job "Title".
KNOWN_HEADERS: dict[str, str] = {
    **dict.fromkeys(
        ("first name", "firstname", "first", "given name", "person first name"), "first_name"
    ),
    **dict.fromkeys(("middle name", "middlename", "additional name"), "middle_name"),
    **dict.fromkeys(
        ("last name", "lastname", "last", "surname", "family name", "person last name"),
        "last_name",
    ),
    **dict.fromkeys(
        (
            "name", "full name", "fullname", "display name", "contact name", "contact",
            "person name",
        ),
        "full_name",
    ),
    **dict.fromkeys(
        (
            "email", "e-mail", "email address", "e-mail address", "work email", "primary email",
            "e-mail 1 - value", "email 1 - value", "email address 1", "emails", "person email",
            "email work", "business email", "e-mail (work)",
        ),
        "email",
    ),
    **dict.fromkeys(
        (
            "e-mail 2 address", "e-mail 3 address", "e-mail 2 - value", "e-mail 3 - value",
            "email 2 - value", "email 3 - value", "email address 2", "email address 3",
            "secondary email", "personal email", "other email", "email home", "home email",
            "email other", "e-mail 4 - value",
        ),
        "other_email",
    ),
    **dict.fromkeys(
        (
            "company", "company name", "organization", "organisation", "organization name",
            "organization 1 - name", "account name", "employer", "companies",
            "company name for emails",
        ),
        "company",
    ),
    **dict.fromkeys(
        (
            "job title", "position", "role", "organization title", "organization 1 - title",
            "title",
        ),
        "title",
    ),
    **dict.fromkeys(
        (
            "url", "profile url", "linkedin url", "linkedin", "linkedin profile", "profile",
            "person linkedin url", "linkedin profile url", "linkedin contact profile url",
        ),
        "profile_url",
    ),
    **dict.fromkeys(("connected on", "date added", "created date"), "connected_on"),
}  # fmt: skip
_RANK = {header: rank for rank, header in enumerate(KNOWN_HEADERS)}


def header_key(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').casefold().split())


def trim_header(header: list[str]) -> list[str]:
    """Excel writes empty cells past the last column (`Notes:,,`); drop them."""
    while header and not header[-1].strip():
        header.pop()
    return header


def parse_mapping(items: list[str] | None) -> dict[str, str]:
    """`--map COLUMN=field` options as {column: field}; a bad one is a usage error."""
    mapping: dict[str, str] = {}
    for item in items or []:
        column, sep, name = item.rpartition("=")
        name = name.strip()
        if not sep or not column.strip():
            raise ProspectError(
                f"--map {item!r}: expected COLUMN=field, e.g. --map 'Account'=company",
                ExitCode.USAGE,
            )
        if name not in FIELDS:
            raise ProspectError(
                f"--map {item!r}: unknown field {name!r}; fields are {', '.join(FIELDS)}",
                ExitCode.USAGE,
            )
        mapping[column.strip()] = name
    return mapping


def _columns(path: Path, header: list[str] | None, mapping: Mapping[str, str]) -> dict[int, str]:
    """Column index -> field: known headers first (the best-ranked header of a
    field where several name it), then --map on top."""
    columns: dict[int, str] = {}
    if header is not None:
        # field -> (rank, columns): a header written twice (HubSpot's "Company
        # Name" and "Company name", the second filled from the associated company)
        # gives both columns, and a row's first value among them counts.
        best: dict[str, tuple[int, list[int]]] = {}
        for i, cell in enumerate(header):
            key = header_key(cell)
            name = KNOWN_HEADERS.get(key)
            if name in MANY:
                columns[i] = name
            elif name and (name not in best or _RANK[key] < best[name][0]):
                best[name] = (_RANK[key], [i])
            elif name and _RANK[key] == best[name][0]:
                best[name][1].append(i)
        columns |= {i: name for name, (_rank, found) in best.items() for i in found}
        columns = dict(sorted(columns.items()))
    keys = [header_key(c) for c in header] if header is not None else []
    for column, name in mapping.items():
        if column.isascii() and column.isdigit() and int(column) >= 1:
            index = int(column) - 1
        elif header_key(column) in keys:
            index = keys.index(header_key(column))
        else:
            found = ", ".join(repr(c) for c in header) if header else "none: --no-header"
            raise ProspectError(
                f"--map {column}={name}: {path} has no column {column!r} (columns: {found})",
                ExitCode.USAGE,
            )
        # The mapped field replaces any column recognised for it.
        columns = {i: f for i, f in columns.items() if (f != name or name in MANY) and i != index}
        columns[index] = name
    return columns


def parse_rows(
    text: str | Iterable[str],
    first_line: int,
    delimiter: str,
    columns: Mapping[int, str],
    width: int,
    skip_header: bool,
    out: Collector,
) -> None:
    """Read the table that starts at line `first_line` (1-based) into contacts;
    `text` is the table's text or its lines (`TextFile.lines`)."""
    lines = RowLines(io.StringIO(text, newline="") if isinstance(text, str) else text)
    reader = csv.reader(lines, delimiter=delimiter)
    previous = 0
    try:
        if skip_header:
            next(reader, None)
            previous, lines.row = reader.line_num, []
        for row in reader:
            row_lines, lines.row = lines.row, []
            line = first_line + previous  # the row's first line (a cell may span several)
            previous_end, previous = previous, reader.line_num
            if not "".join(row).strip():
                continue  # a blank line, or Excel's ",,,,": nothing was left out
            # A quote left open swallows the rest of the file, so only a row of
            # several lines that ends at the end of the file can hold one: the
            # strict re-read below then runs once per file, not once per row.
            if (
                reader.line_num > previous_end + 1
                and lines.at_end
                and _unclosed("".join(row_lines), 0)
            ):
                raise InputError(
                    f"{out.parsed.path}:{line}: a quote opened on this line is never closed, "
                    "so the rest of the file reads as one value; close or remove it"
                )
            if len(row) == 1 < width and delimiter in row[0] and "\n" not in row[0]:
                # A whole row quoted as one cell, as a re-save writes a row whose
                # cells held quotes ('"Laura,Herbst,,""Digital, Student"",07 May 2021"')
                row = next(csv.reader([row[0]], delimiter=delimiter, skipinitialspace=True))
            # Missing trailing cells are empty cells (Outlook and Excel leave
            # them out); only extra cells with values mean a row is misread.
            if len(row) > width and any(c.strip() for c in row[width:]):
                out.problem(
                    line,
                    f"expected {width} fields, found {len(row)}: "
                    f"a {delimiter!r} inside a value that is not quoted?",
                )
                continue
            cells: dict[str, str] = {}
            for i, name in columns.items():
                if i < len(row) and not cells.get(name):
                    cells[name] = _value(row[i])
            _add(cells, line, out)
    except csv.Error as exc:  # e.g. a cell longer than csv.field_size_limit()
        line = first_line + previous
        raise InputError(f"{out.parsed.path}:{line}: cannot read this as CSV ({exc})") from None


# What CRMs write for "no value" (HubSpot: null, None, [not provided], Unknown).
PLACEHOLDERS = frozenset(["null", "none", "[not provided]", "not provided", "unknown", "n/a",
                          "#n/a", "-", "--", "."])  # fmt: skip


_PLACEHOLDER_LEN = max(map(len, PLACEHOLDERS))  # casefold never shortens a string


def _value(cell: str) -> str:
    if not cell:
        return ""
    value = " ".join(cell.split())  # `clean`
    if len(value) <= _PLACEHOLDER_LEN and value.casefold() in PLACEHOLDERS:
        return ""
    return value


def _unclosed(text: str, offset_line: int) -> bool:
    """Whether the row starting at this 0-based line of `text` runs to the end of
    the file inside a quote: read strictly, it ends with "unexpected end of data"."""
    rest = text[nth_line_offset(text, offset_line) :]
    try:
        for _ in csv.reader(io.StringIO(rest, newline=""), strict=True):
            return False
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _email(cells: Mapping[str, str]) -> str | None:
    """The first address among the email columns: a cell may hold several
    (LinkedIn's Contacts.csv: "a@x.com,b@y.com"), or something that is no
    address at all (LinkedIn 2018: `urn:li:member:...`)."""
    for key in ("email", "other_email"):
        cell = cells.get(key, "")
        if "@" not in cell:  # most rows: an empty cell
            continue
        for part in _EMAIL_SEPARATORS.split(cell):
            if "@" in part:
                return part
    return None


_EMAIL_SEPARATORS = re.compile(r"[,;\s]+")


def _name_cell(cells: Mapping[str, str], key: str) -> str:
    """A name cell; an address in it is no name (HubSpot fills a missing first
    name with the e-mail address)."""
    value = cells.get(key, "")
    return "" if "@" in value and " " not in value else value


def _add(cells: dict[str, str], line: int, out: Collector) -> None:
    full = _name_cell(cells, "full_name")
    first = _name_cell(cells, "first_name")
    last = _name_cell(cells, "last_name")
    company = cells.get("company", "")
    name = person_name(full, first, last, cells.get("middle_name", ""))
    if company and name.full.casefold() == company.casefold():
        out.empty()  # the company's own entry (Thunderbird, Outlook, HubSpot): not a person
        return
    email = _email(cells)
    if not name.full and email:
        name = person_name(email)  # a row with only an address: shown by it, as a vCard's
    if not name.full:
        if any(cells.get(k) for k in ("email", "other_email", "company", "title", "profile_url")):
            out.problem(line, "no name: expected a first, last or full name")
        else:
            out.empty()  # e.g. LinkedIn's rows with only a date: members who hide their data
        return
    date_text = cells.get("connected_on", "")
    connected_on = parse_date(date_text) if date_text else None
    if date_text and connected_on is None:
        out.problem(line, f"cannot read the date {date_text!r} (expected e.g. '30 May 2024')")
        return
    out.add(
        Contact(
            full_name=name.full,
            first_name=name.first,
            last_name=name.last,
            email=email,
            profile_url=cells.get("profile_url") or None,
            company=company or None,
            title=cells.get("title") or None,
            connected_on=connected_on,
        )
    )


def _header_line(text: str, mapping: Mapping[str, str]) -> int:
    """The header's line (0-based): the first of the first ten lines with two
    known headers or every --map column name, so a preamble is passed over."""
    wanted = {header_key(c) for c in mapping if not (c.isascii() and c.isdigit())}
    for i, line in enumerate(text.split("\n", 10)[:10]):
        cells = {header_key(c) for c in read_row(line, sniff_delimiter(line))}
        known = sum(1 for c in cells if c in KNOWN_HEADERS)
        if (wanted and wanted <= cells) or (not wanted and known >= 2):
            return i
    return 0


def parse_csv(
    path: Path,
    mapping: Mapping[str, str] | None = None,
    no_header: bool = False,
    strict: bool = False,
    collect: Callable[[Path, bool], Collector] = Collector,
) -> Parsed:
    """Parse a CSV export into contacts (nothing is written); `collect` makes
    what receives them (an import takes them a batch at a time)."""
    mapping = dict(mapping or {})
    source = TextFile(path)
    text, warnings = source.head, source.warnings
    out = collect(path, strict)
    for warning in warnings:
        out.warn(warning)
    problem = wrong_kind(path, text)
    if problem:
        raise InputError(problem)
    if no_header:
        bad = [c for c in mapping if not (c.isascii() and c.isdigit())]
        if bad or not mapping:
            raise ProspectError(
                f"--no-header: name columns by number, e.g. --map 1=first_name --map 2=last_name"
                f"{' (not ' + repr(bad[0]) + ')' if bad else ''}",
                ExitCode.USAGE,
            )
        start = 0
        first = text.split("\n", 1)[0]
        delimiter = sniff_delimiter(first)
        header = None
        width = len(read_row(first, delimiter))
    else:
        start = _header_line(text, mapping)
        line = text.split("\n", start + 1)[start]
        delimiter = sniff_delimiter(line)
        header = trim_header(read_row(line, delimiter))
        width = len(header)
    columns = _columns(path, header, mapping)
    found = ", ".join(repr(c) for c in header) if header else f"{width} unnamed columns"
    no_name = InputError(
        f"{path}:{start + 1}: no name column (columns: {found}); "
        "name one with --map COLUMN=full_name, or --map COLUMN=first_name and "
        "--map COLUMN=last_name"
    )
    named = bool({"first_name", "last_name", "full_name"} & set(columns.values()))
    # A list of addresses alone (Roundcube's and Outlook's e-mail-only exports) is
    # read, each row named by its address; without addresses in it, it names no one.
    if not named and not {"email", "other_email"} & set(columns.values()):
        raise no_name
    # As contact fields: a second email column is an email column; a middle name is the name.
    out.parsed.fields = frozenset(
        {"other_email": "email", "middle_name": "full_name"}.get(f, f) for f in columns.values()
    )
    parse_rows(source.lines(start), start + 1, delimiter, columns, width, header is not None, out)
    if not named and not out.count:
        raise no_name
    return out.parsed
