"""Job titles: how senior a title is, and whether it is a role the rep sells to.

Matching ranks introducers by `title_rank`, importing tells a promotion from
another role by it, and ranking scores fit with `is_target_role`. The patterns
that find roles in news text are detection's own (`prospect.detect.roles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from prospect.normalize import normalize_title

# SVP, EVP and AVP of Sales all run sales: for fit, a VP is a VP.
_VP_LEVELS = frozenset({"svp", "evp", "avp"})
_SENIORITY = (
    (5, re.compile(r"\b(?:chief|founder|co founder|cofounder|president|owner|partner)\b")),
    (4, re.compile(r"\b(?:[sea]?vp|general manager|managing director)\b")),
    (3, re.compile(r"\bhead\b")),
    (2, re.compile(r"\bdirector\b")),
    (1, re.compile(r"\b(?:manager|lead|principal)\b")),
)
# Steps within one level: EVP > SVP > VP > AVP; "Senior" X above X.
_GRADES = {"evp": 2, "svp": 1, "senior": 1, "avp": -1}
# A grade below the word it modifies: "Associate Director" below "Director",
# "Junior AE" below "AE". Only before another word: "Associate" alone, or
# "Assistant to the CEO", is a title of its own, not a grade of one.
_GRADES_BELOW = frozenset({"associate", "assistant", "junior", "deputy"})
# "Manager" titles of individual contributors, who carry a book of accounts,
# not a team: they get no people-manager level. Kept short and explicit.
_IC_MANAGERS = re.compile(
    r"\b(?:key account|account|customer success|client success|partner|channel partner"
    r"|alliance|territory|relationship|client) manager\b"
)


@lru_cache(maxsize=16384)
def role_key(title: str | None) -> str:
    """A title folded for comparison with target roles: 'SVP, Sales' and
    'VP of Sales' give 'vp sales' (`normalize_title`, with the VP grade dropped)."""
    return " ".join("vp" if w in _VP_LEVELS else w for w in normalize_title(title).split())


def is_target_role(title: str | None, target_roles: Iterable[str]) -> bool:
    key = f" {role_key(title)} "
    if not key.strip():
        return False
    return any(f" {role} " in key for role in _target_keys(tuple(target_roles)))


@lru_cache(maxsize=64)
def _target_keys(target_roles: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in (role_key(r) for r in target_roles) if k)


def seniority(title: str | None) -> int:
    """0 (unknown) to 5 (C-level, founder): who opens doors best."""
    return _level(normalize_title(title))


def _level(key: str) -> int:
    key = _IC_MANAGERS.sub(" ", key)
    for level, pattern in _SENIORITY:
        if pattern.search(key):
            return level
    return 0


@lru_cache(maxsize=16384)
def title_rank(title: str | None) -> tuple[int, int]:
    """(level, step within it): `seniority`, with an SVP above a VP, a Senior
    Manager above a Manager and an Associate Director below a Director. A
    higher rank is a promotion."""
    key = normalize_title(title)
    return _level(key), _step(key.split())


def _step(words: list[str]) -> int:
    """The grades in a title, added up: a Senior Associate Director is level
    with a Director."""
    step = 0
    for i, word in enumerate(words):
        if word in _GRADES:
            step += _GRADES[word]
        elif word in _GRADES_BELOW and i + 1 < len(words) and words[i + 1] != "to":
            step -= 1
    return step
