"""LinkedIn `Connections.csv`: preamble or none, with or without the URL column."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from prospect.errors import InputError
from prospect.models import Contact

_DATE_FORMATS = ("%d %b %Y", "%m/%d/%y, %I:%M %p", "%d-%b-%y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(text: str) -> str | None:
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def read_linkedin(path: Path) -> tuple[list[Contact], int]:
    """Parse a Connections.csv; returns the contacts and how many rows were skipped."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1252")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("First Name")), None)
    if start is None:
        raise InputError(
            f"{path}:1: no 'First Name,Last Name,...' header row; "
            "use `prospect import csv FILE --map COLUMN=field` for a file without one"
        )
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    contacts: list[Contact] = []
    skipped = 0
    for row in reader:
        first = (row.get("First Name") or "").strip()
        last = (row.get("Last Name") or "").strip()
        if not first and not last:
            skipped += 1
            continue
        contacts.append(
            Contact(
                full_name=f"{first} {last}".strip(),
                first_name=first,
                last_name=last,
                email=(row.get("Email Address") or "").strip() or None,
                profile_url=(row.get("URL") or "").strip() or None,
                company=(row.get("Company") or "").strip() or None,
                title=(row.get("Position") or "").strip() or None,
                connected_on=parse_date(row.get("Connected On") or ""),
            )
        )
    return contacts, skipped
