"""Recognising the store's companies in text, in time independent of their number.

The store's normalised names are word sequences (`normalize_company`). We keep
them as a word-level trie flattened into two hash sets: every full name, and
every word prefix of a name. Scanning a text tokenises it once, folding each
word the same way `normalize_company` does, and from each word extends the
candidate while it is still a known prefix. The cost is proportional to the
number of words in the text (times the length of the longest partial match,
usually one word), never to the number of companies: 150,000 names cost the
same per text as 1,500; only building the sets is linear, once per Detector.

The detectors only need one question answered: is there a store company that
ends where the company they read ends? `ending_at` answers it from the few
words before that point, without tokenising the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from prospect.normalize import strip_accents

# Words as normalize_company sees them: dots vanish ("S.A." -> "sa"), "&" and "+" are "and".
_TOKEN = re.compile(r"\w+(?:\.\w+)*+\.?|[&+]")


@dataclass(frozen=True, slots=True)
class CompanyMention:
    start: int  # character offsets in the scanned text
    end: int
    key: str  # the normalised name as stored
    canonical: str  # what the store maps it to (aliases point at their company)
    text: str  # the spelling in the scanned text


def fold_token(token: str) -> str:
    if token in ("&", "+"):
        return "and"
    if not token.isascii():
        token = strip_accents(token)
    return token.casefold().replace(".", "")


class CompanyScanner:
    """The store's companies, ready for scanning; built once per Detector."""

    def __init__(self, companies: Mapping[str, str] | None = None) -> None:
        self.companies: Mapping[str, str] = companies or {}
        self._names: set[str] = set()
        self._prefixes: set[str] = set()
        self._suffixes: set[str] = set()
        for key in self.companies:
            words = key.split()
            # A one-letter name ("x") would match every stray initial.
            if not words or (len(words) == 1 and len(words[0]) < 2):
                continue
            name = " ".join(words)
            self._names.add(name)
            for i in range(1, len(words)):
                self._prefixes.add(" ".join(words[:i]))
                self._suffixes.add(" ".join(words[i:]))
        self._prefixes |= self._names
        self._suffixes |= self._names

    def __len__(self) -> int:
        return len(self._names)

    def scan(self, text: str) -> list[CompanyMention]:
        """Every longest known name starting at each word of `text`, left to right."""
        if not self._names or not text:
            return []
        tokens = [(m.start(), m.end(), fold_token(m.group(0))) for m in _TOKEN.finditer(text)]
        found: list[CompanyMention] = []
        prefixes, names = self._prefixes, self._names
        n = len(tokens)
        i = 0
        while i < n:
            candidate = tokens[i][2]
            best = -1
            j = i
            while candidate in prefixes:
                if candidate in names:
                    best = j
                j += 1
                if j >= n:
                    break
                candidate = candidate + " " + tokens[j][2]
            if best >= 0:
                start, end = tokens[i][0], tokens[best][1]
                key = " ".join(t[2] for t in tokens[i : best + 1])
                found.append(
                    CompanyMention(start, end, key, self.companies.get(key, key), text[start:end])
                )
                i = best + 1
            else:
                i += 1
        return found

    def ending_at(self, text: str, start: int, end: int, reach: int = 40) -> CompanyMention | None:
        """The longest store company ending at `end` and starting at most `reach` before `start`.

        Read backwards word by word from `end` while the words are still the end
        of some stored name (the suffix set), so usually one or two lookups.
        """
        if not self._names or end <= start:
            return None
        lo = max(0, start - reach)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1  # never start inside a word
        tokens = list(_TOKEN.finditer(text, lo, end))
        key = ""
        best: tuple[int, str] | None = None
        for m in reversed(tokens):
            if m.start() < start - reach:
                break
            word = fold_token(m.group(0))
            key = f"{word} {key}" if key else word
            if key not in self._suffixes:
                break
            if key in self._names:
                best = (m.start(), key)
        if best is None:
            return None
        pos, key = best
        return CompanyMention(pos, end, key, self.companies.get(key, key), text[pos:end])
