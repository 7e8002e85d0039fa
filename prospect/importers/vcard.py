"""vCard 3.0 and 4.0 (and the 2.1 that phones still write): FN, N, EMAIL,
ORG (its first component, the organisation), TITLE, URL. Folded lines are
unfolded, several cards per file are read, quoted-printable values are decoded.

Read here rather than with vobject: on the files phones and mail programs
write, vobject raises on quoted-printable without a CHARSET (UnicodeDecodeError),
loses a whole file to one card without END:VCARD, and drops 2.1's bare
parameters (`EMAIL;PREF;WORK:`) from `params`. What this reader takes from the
wild: 2.1 bare parameters, quoted-printable in UTF-8 or (with no CHARSET and
not UTF-8) Windows-1252, a group on BEGIN (`home.begin:vcard`, from vobject's
own tests), CR-only line ends (old Macs), cards with only an email (named by
it). `KIND:org` cards are organisations, not people, and are skipped.
"""

from __future__ import annotations

import quopri
import re
from pathlib import Path

from prospect.errors import InputError
from prospect.importers.names import person_name
from prospect.importers.text import Collector, Parsed, clean, read_text
from prospect.models import Contact

_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPLIT = re.compile(r"(?<!\\);")
_LINES = re.compile(r"\r\n|\r|\n")
_CHARSET = re.compile(rb";\s*CHARSET=\"?([A-Za-z0-9._-]+)", re.IGNORECASE)


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
    for number, line in enumerate(_LINES.split(text), 1):
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
    prop, *params = head.split(";")
    prop = prop.rsplit(".", 1)[-1].upper()
    parsed: dict[str, str] = {}
    for param in params:
        key, eq, val = param.partition("=")
        if not eq:  # vCard 2.1's bare parameters: `EMAIL;PREF;INTERNET;QUOTED-PRINTABLE:`
            key, val = ("ENCODING", key) if "PRINTABLE" in key.upper() else ("TYPE", key)
        key, val = key.upper(), val.strip('"')
        parsed[key] = f"{parsed[key]},{val}" if key == "TYPE" and key in parsed else val
    if parsed.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        value = _decode(quopri.decodestring(value.encode("latin-1", "replace")), parsed)
    return prop, parsed, value


def _decode(raw: bytes, params: dict[str, str]) -> str:
    """Quoted-printable bytes as text: in their CHARSET, else UTF-8 where they
    are UTF-8, else Windows-1252 (2.1 cards from Windows write `=E9` for é)."""
    for charset in (params.get("CHARSET"), "utf-8"):
        if charset:
            try:
                return raw.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return raw.decode("cp1252", "replace")


def _not_a_person(first: dict[str, tuple[dict[str, str], str]]) -> bool:
    """A card for an organisation or a group, not a person: 4.0's KIND:org,
    KIND:group or KIND:location; with no given or family name, Apple's
    X-ABShowAs:COMPANY (Roundcube's apple.vcf) or FN the same as ORG, as Outlook
    and Google write a company. A person shown by the company keeps N's name."""
    kind = first.get("KIND", ({}, ""))[1].strip().lower()
    if kind in ("org", "group", "location"):
        return True
    names = _components(first["N"][1])[:2] if "N" in first else []
    if any(clean(n) for n in names):
        return False  # a person, even one shown by the company (Roundcube's photo.vcf)
    if first.get("X-ABSHOWAS", ({}, ""))[1].strip().upper() == "COMPANY":
        return True
    if "ORG" in first and "FN" in first:
        org = clean(_components(first["ORG"][1])[0])
        return bool(org) and clean(_unescape(first["FN"][1])).casefold() == org.casefold()
    return False


def _read(path: Path) -> tuple[str, list[str]]:
    """The file as text. A file that is not UTF-8 is read line by line: in
    the CHARSET its property declares (`N;CHARSET=windows-1252:Doë`, as 2.1
    cards from Windows are written, Roundcube's johndoe.vcf), else UTF-8, else
    Windows-1252 with a warning naming the first such line."""
    text, warnings = read_text(path)
    if not warnings:
        return text, warnings
    lines: list[str] = []
    undeclared = 0
    for number, raw in enumerate(path.read_bytes().split(b"\n"), 1):
        if raw.isascii():
            lines.append(raw.decode("ascii"))
            continue
        declared = _CHARSET.search(raw.split(b":", 1)[0])
        for charset in (declared.group(1).decode() if declared else None, "utf-8"):
            if charset:
                try:
                    lines.append(raw.decode(charset))
                    break
                except (LookupError, UnicodeDecodeError):
                    continue
        else:
            lines.append(raw.decode("cp1252", "replace"))
            undeclared = undeclared or number
    if not undeclared:
        return "\n".join(lines), []
    return "\n".join(lines), [
        f"{path}:{undeclared}: not UTF-8 and no CHARSET; read as Windows-1252"
    ]


def _card(props: list[tuple[str, dict[str, str], str]], line: int, out: Collector) -> None:
    first: dict[str, tuple[dict[str, str], str]] = {}
    urls: list[str] = []
    for prop, params, value in props:
        if prop == "URL" or (prop == "X-SOCIALPROFILE" and "linkedin" in value.lower()):
            urls.append(_unescape(value).strip())
        if prop == "EMAIL" and "@" not in value:
            continue  # 2.1 phones write other handles under EMAIL too
        # The preferred value when one is marked (PREF=1 in 4.0, TYPE=pref in 3.0, PREF in 2.1).
        pref = params.get("PREF") == "1" or "pref" in params.get("TYPE", "").lower().split(",")
        if prop not in first or (pref and not first[prop][0].get("_pref")):
            first[prop] = ({**params, "_pref": "1"} if pref else params, value)
    if _not_a_person(first):
        out.empty()
        return
    email = clean(_unescape(first["EMAIL"][1])) if "EMAIL" in first else None
    given = family = middle = ""
    if "N" in first:
        parts = [*_components(first["N"][1]), "", ""]
        family, given, middle = clean(parts[0]), clean(parts[1]), clean(parts[2])
    full = clean(_unescape(first["FN"][1])) if "FN" in first else ""
    name = person_name(full, given, family, middle)
    if not name.full and email:
        name = person_name(email)  # a card with only an address: shown by it
    if not name.full:
        out.problem(line, "card has no name (FN or N)")
        return
    linkedin = [u for u in urls if "linkedin.com/" in u.lower()]
    company = clean(_components(first["ORG"][1])[0]) if "ORG" in first else ""
    out.add(
        Contact(
            full_name=name.full,
            first_name=name.first,
            last_name=name.last,
            email=email,
            profile_url=next(iter(linkedin or urls), None),
            company=company or None,
            title=clean(_unescape(first["TITLE"][1])) if "TITLE" in first else None,
        )
    )


def parse_vcard(path: Path, strict: bool = False) -> Parsed:
    """Parse a .vcf file with one or more cards into contacts (nothing is written)."""
    text, warnings = _read(path)
    out = Collector(path, strict)
    # ORG and TITLE come per card: a card without them says nobody left a job.
    out.parsed.fields = frozenset(("full_name", "first_name", "last_name", "email", "profile_url"))
    for warning in warnings:
        out.warn(warning)
    props: list[tuple[str, dict[str, str], str]] | None = None
    start = 0
    for number, line in _logical_lines(text):
        upper = line.strip().upper().rsplit(".", 1)[-1]  # `home.begin:vcard` has a group
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
        head = text.lstrip()[:200].casefold()
        hint = ""
        if "," in head.split("\n", 1)[0] or ";" in head.split("\n", 1)[0]:
            command = "linkedin" if "connected on" in head else "csv"
            hint = f"; it looks like a CSV file: prospect import {command} {path}"
        raise InputError(f"{path}:1: no BEGIN:VCARD line: this is not a vCard file{hint}")
    return out.parsed
