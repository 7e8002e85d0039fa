"""vCard 3.0 and 4.0 (and the 2.1 that phones still write): FN, N, EMAIL,
ORG (its first component, the organisation), TITLE, URL. Folded lines are
unfolded, several cards per file are read, quoted-printable values are decoded.
"""

from __future__ import annotations

import quopri
import re
from pathlib import Path

from prospect.errors import InputError
from prospect.importers.text import Collector, Parsed, clean, read_text
from prospect.models import Contact

_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPLIT = re.compile(r"(?<!\\);")


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _components(value: str) -> list[str]:
    """A structured value (N, ORG) split on unescaped semicolons."""
    return [_unescape(part) for part in _SPLIT.split(value)]


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) with folded lines joined: a line starting with a
    space or tab continues the one before; so does one after a quoted-printable
    soft break (a trailing '=')."""
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        if out and line[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        elif out and out[-1][1].endswith("=") and "QUOTED-PRINTABLE" in out[-1][1].upper():
            out[-1] = (out[-1][0], out[-1][1][:-1] + line)
        elif line.strip():
            out.append((number, line))
    return out


def _property(line: str) -> tuple[str, dict[str, str], str] | None:
    """`group.NAME;PARAM=x:value` as (NAME, params, raw value)."""
    head, sep, value = line.partition(":")
    if not sep:
        return None
    name, *params = head.split(";")
    name = name.rsplit(".", 1)[-1].upper()
    parsed: dict[str, str] = {}
    for param in params:
        key, eq, val = param.partition("=")
        # vCard 2.1 writes bare parameters: `EMAIL;INTERNET;QUOTED-PRINTABLE:`
        parsed[key.upper() if eq else "TYPE" if "PRINTABLE" not in key.upper() else "ENCODING"] = (
            val.strip('"') if eq else key
        )
    if parsed.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            value = raw.decode(parsed.get("CHARSET", "utf-8"), "replace")
        except LookupError:
            value = raw.decode("utf-8", "replace")
    return name, parsed, value


def _card(props: list[tuple[str, dict[str, str], str]], line: int, out: Collector) -> None:
    first: dict[str, tuple[dict[str, str], str]] = {}
    urls: list[str] = []
    for name, params, value in props:
        if name == "URL" or (name == "X-SOCIALPROFILE" and "linkedin" in value.lower()):
            urls.append(_unescape(value).strip())
        # The preferred value when one is marked (PREF=1 in 4.0, TYPE=pref in 3.0).
        pref = params.get("PREF") == "1" or "pref" in params.get("TYPE", "").lower()
        if name not in first or pref:
            first[name] = (params, value)
    full = clean(_unescape(first["FN"][1])) if "FN" in first else ""
    family = given = ""
    if "N" in first:
        parts = [*_components(first["N"][1]), "", ""]
        family, given = clean(parts[0]), clean(parts[1])
    full = full or f"{given} {family}".strip()
    if not full:
        out.problem(line, "card has no name (FN or N)")
        return
    linkedin = [u for u in urls if "linkedin.com/" in u.lower()]
    company = clean(_components(first["ORG"][1])[0]) if "ORG" in first else ""
    out.add(
        Contact(
            full_name=full,
            first_name=given,
            last_name=family,
            email=clean(_unescape(first["EMAIL"][1])) if "EMAIL" in first else None,
            profile_url=(linkedin or urls or [None])[0],
            company=company or None,
            title=clean(_unescape(first["TITLE"][1])) if "TITLE" in first else None,
        )
    )


def parse_vcard(path: Path, strict: bool = False) -> Parsed:
    """Parse a .vcf file with one or more cards into contacts (nothing is written)."""
    text, warnings = read_text(path)
    out = Collector(path, strict)
    # ORG and TITLE come per card: a card without them says nobody left a job.
    out.parsed.fields = frozenset(("full_name", "first_name", "last_name", "email", "profile_url"))
    for warning in warnings:
        out.warn(warning)
    props: list[tuple[str, dict[str, str], str]] | None = None
    start = 0
    for number, line in _logical_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if props is not None:
                out.problem(start, "card has no END:VCARD before the next BEGIN:VCARD")
            props, start = [], number
        elif upper == "END:VCARD":
            if props is None:
                out.problem(number, "END:VCARD without BEGIN:VCARD")
            else:
                _card(props, start, out)
            props = None
        elif props is not None:
            prop = _property(line)
            if prop is None:
                # A stray line inside a card loses nothing we read; --strict still says so.
                if out.strict:
                    out.problem(number, f"expected NAME:value, found {line[:40]!r}")
                continue
            props.append(prop)
    if props is not None:
        out.problem(start, "card has no END:VCARD (the file ends inside it)")
    if not out.parsed.contacts and not out.parsed.skipped:
        raise InputError(f"{path}:1: no BEGIN:VCARD line: this is not a vCard file")
    return out.parsed
