"""People's names as exports write them: "Mr. John Richter James Doe Sr.",
"Nayak, MSc, MBA, PHR", "Smith, John Q.", a Google export's separate middle
name. The honorifics, generational suffixes and credentials are not the name:
kept, they make "Dr. Jane Smith" on a vCard another person than "Jane Smith"
on LinkedIn. Middle names and initials are the name, and stay in what is shown.

nameparser does the parsing, with its own lists of titles and suffixes; it
takes a few hundred microseconds a name, so a name with nothing for it to do
(no comma, no honorific, no suffix: nearly every row of a LinkedIn export) is
split here, and what it parses is cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Only the honorifics that are never a given name: nameparser's full list also
# holds "Dean", "Judge", "King" and "Major", which are.
HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "rev",
        "revd",
        "fr",
        "hon",
        "mme",
        "mlle",
        "herr",
        "frau",
        "dott",
        "dottssa",
        "ing",
    ]
)
# Generational suffixes read at the end of a name even without a comma.
_GENERATIONAL = frozenset(["jr", "jnr", "sr", "snr", "ii", "iii", "iv", "esq", "esquire"])


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    """nameparser's suffixes and credentials; nameparser is loaded only for a
    name that needs it (loading it costs more than a LinkedIn export of plain
    names takes to split)."""
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.suffix_acronyms) | frozenset(CONSTANTS.suffix_not_acronyms)


# What members add to a name on LinkedIn that no other export has: a maiden or
# nick name in parentheses ("(Stillman) Sherrick", "Robert (RC)"), pronouns
# ("Olazagoitia (he/him)"), a nick name in quotes ('James "Tyler"'), emoji
# ("Konterman🔸", "🟢 Max", flags). nameparser also takes the parenthesised
# and quoted parts as nicknames, not as the name.
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\"[^\"]*\"|“[^”]*”")
_ASIDE_OPENERS = frozenset('(["“')
# Joiners and modifiers emoji are built with (ZWJ, variation selectors, keycap).
_EMOJI_PARTS = frozenset("\u200d\u20e3") | frozenset(chr(c) for c in range(0xFE00, 0xFE10))


def _symbol(ch: str) -> bool:
    return ch in _EMOJI_PARTS or unicodedata.category(ch) in ("So", "Sk", "Cs", "Co")


def clean_name(text: str) -> str:
    """A name cell without asides and symbols; tokens of punctuation alone
    ("...", "-") go too. A cell that is nothing but an aside keeps it."""
    if not text:
        return ""
    if text.isascii() and not _ASIDE_OPENERS & set(text):
        tokens = text.split()
        if all(t.isalnum() or any(ch.isalnum() for ch in t) for t in tokens):
            return " ".join(tokens)  # nearly every name: nothing to take out
    plain = "".join(" " if _symbol(ch) else ch for ch in text)
    bare = _ASIDE.sub(" ", plain)
    if not any(ch.isalnum() for ch in bare):
        bare = plain
    return " ".join(t for t in bare.split() if any(ch.isalnum() for ch in t))


class Name(NamedTuple):
    full: str  # what is shown: given, middle and family names
    first: str
    last: str


def _bare(token: str) -> str:
    return token.strip(".,").casefold()


def _is_suffix(token: str) -> bool:
    """A trailing word that is a suffix: Jr., III, or a credential not written
    as a name (MBA, PhD); "Ba" or "Am" as a family name is not one."""
    bare, word = _bare(token), token.strip(".,")
    if bare in _GENERATIONAL:
        return True
    return bare in _suffixes() and len(bare) > 1 and not word.istitle() and not word.islower()


def _plain(tokens: list[str]) -> bool:
    """Nothing for nameparser to do: no honorific first, no suffix last."""
    return _bare(tokens[0]) not in HONORIFICS and (len(tokens) < 3 or not _is_suffix(tokens[-1]))


@lru_cache(maxsize=16384)
def _parse(text: str) -> tuple[str, str, str]:
    from nameparser import HumanName

    human = HumanName(text)
    first, middle, last = human.first, human.middle, human.last
    if not first and not last:  # e.g. a title alone: keep what was written
        return text, "", ""
    return first, middle, last


def split_name(full: str) -> Name:
    """A full name as (shown name, first, last) without honorifics or suffixes."""
    tokens = full.split()
    if not tokens:
        return Name("", "", "")
    if "," not in full and _plain(tokens):
        last = tokens[-1] if len(tokens) > 1 else ""
        return Name(" ".join(tokens), tokens[0], last)
    first, middle, last = _parse(" ".join(tokens))
    return Name(" ".join(p for p in (first, middle, last) if p), first, last)


def _strip_first(first: str) -> str:
    tokens = first.split()
    while len(tokens) > 1 and _bare(tokens[0]) in HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


def _strip_last(last: str) -> str:
    head, _, _credentials = last.partition(",")  # "Nayak, MSc, MBA, PHR"
    tokens = head.split()
    while len(tokens) > 1 and _is_suffix(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


# A first or last name cell, as `person_name` takes it; cached, as given names
# (and many family names) recur all through an export.
@lru_cache(maxsize=16384)
def _given_name(cell: str) -> str:
    return _strip_first(clean_name(cell))


@lru_cache(maxsize=16384)
def _family_name(cell: str) -> str:
    return _strip_last(clean_name(cell))


def person_name(full: str = "", first: str = "", last: str = "", middle: str = "") -> Name:
    """The name a row or card gives, in whichever columns it gives it.

    A middle name may be a list ("Richter, James": vCard's additional names);
    a full name whose first and last are these, in other letter case, is
    shown as written there (a BlackBerry card's N says "john", its FN "John")."""
    full, first, last = clean_name(full), _given_name(first), _family_name(last)
    middle = clean_name(middle.replace(",", " ")) if middle else ""
    if first or last:
        middle = middle.strip()
        if middle:
            shown = " ".join(p for p in (first, middle, last) if p)
        else:  # nearly every row: no middle name
            shown = f"{first} {last}" if first and last else first or last
        if full:
            parsed = split_name(full)
            # The full name has more of the name (a middle name): show it.
            if parsed.first.casefold() == first.casefold() and (
                parsed.last.casefold() == last.casefold()
            ):
                return parsed
        return Name(shown, first, last)
    return split_name(full)
