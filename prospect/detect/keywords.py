"""The rep's own keyword rules from signals.yaml: a phrase list or a regex.

A regex may capture the company with a named group `(?P<company>...)`; without
one, the company is read backwards from the hit ("Tidewater Robotics opens
office in London") the same way the built-in detectors read it.

A rule's regex is an RE2 pattern (`config.compile_pattern`): it runs in time
proportional to the text whatever the rep wrote, so no rule can hang a poll.
A phrase list is ours to build -- escaped literals in one alternation -- and
runs on the stdlib engine, which has no catastrophic case for it; a phrase
rule carries a cheap necessary condition checked first: one of its phrases as
a substring (`str` checks run in C without the engine's per-position work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from prospect.config import Rule, pattern_set
from prospect.detect.text import (
    clause_start,
    company_before,
    compile_folded,
    fold,
    lower_same,
)


@dataclass(slots=True)
class KeywordRule:
    name: str
    pattern: Any  # re.Pattern for a phrase list, an RE2 pattern for a regex
    company_group: int | None  # the (?P<company>...) group's number, if any
    folded: bool = False  # a phrase list, compiled to run on lowercased text
    # Every match contains one of these (on the text the pattern runs on); empty: no filter.
    needs: tuple[str, ...] = field(default=())
    # A regex rule's place in one RE2 set of every regex rule, which says in one pass
    # which of them can match a text (each pattern's own search has a cost per call).
    regexes: Any = None
    slot: int = -1


@dataclass(slots=True)
class KeywordHit:
    rule: str
    company: tuple[int, int] | None
    evidence: tuple[int, int]


def compile_rules(rules: list[Rule]) -> list[KeywordRule]:
    """One compiled pattern per rule: its regex, or its phrases as one alternation."""
    compiled = []
    patterns = [rule.pattern for rule in rules if rule.pattern is not None]
    regexes = pattern_set(patterns) if patterns else None
    slot = 0  # the next regex rule's place in the set, in the order they were added
    for rule in rules:
        if rule.pattern is not None:
            group = rule.pattern.groupindex.get("company")
            compiled.append(KeywordRule(rule.name, rule.pattern, group, regexes=regexes, slot=slot))
            slot += 1
        elif rule.phrases:
            words = sorted((re.escape(p) for p in rule.phrases if p), key=len, reverse=True)
            pattern = compile_folded(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
            needs = tuple(sorted({p.lower() for p in rule.phrases if p}))
            if any(len(n) != len(lower_same(n)) for n in needs):
                needs = ()  # lowercasing changed a length: filter would be unsound
            compiled.append(KeywordRule(rule.name, pattern, None, folded=True, needs=needs))
    return compiled


def _contains_any(text: str, needles: tuple[str, ...], since: int) -> bool:
    for needle in needles:  # noqa: SIM110 - a plain loop: no generator on the hot path
        if text.find(needle, since) >= 0:
            return True
    return False


_A_ROUND = re.compile(r"(?:pre-)?series\s+[a-h]\d?|(?:pre-)?seed", re.IGNORECASE)


def detect_keywords(text: str, rules: list[KeywordRule], since: int = 0) -> list[KeywordHit]:
    """The first hit of each rule in `text`, at or after `since`."""
    hits = []
    low = fold(text).low if any(r.folded for r in rules) else text
    possible: list[int] | None = None  # the regex rules that match somewhere in `text`
    for rule in rules:
        subject = low if rule.folded else text
        if rule.needs and not _contains_any(subject, rule.needs, since):
            continue
        if rule.regexes is not None:
            if possible is None:
                possible = rule.regexes.Match(text) or []
            if rule.slot not in possible:
                continue  # no match anywhere in the text, so none from `since` on
        m = rule.pattern.search(subject, since)
        if m is None:
            continue
        company = None
        if rule.company_group is not None and m.group(rule.company_group):
            s, e = m.span(rule.company_group)
            company = company_before(text, s, e) or (s, e)
            if _A_ROUND.fullmatch(text, company[0], company[1]):
                # "Acme raises $20M Series B to acquire Beta": the round is no company
                company = company_before(text, clause_start(text, m.start()), s)
        else:
            company = company_before(text, clause_start(text, m.start()), m.start())
        start = min(m.start(), company[0]) if company else m.start()
        hits.append(KeywordHit(rule.name, company, (start, m.end())))
    return hits
