"""The rep's own keyword rules from signals.yaml: a phrase list or a regex.

A regex may capture the company with a named group `(?P<company>...)`; without
one, the company is read backwards from the hit ("Tidewater Robotics opens
office in London") the same way the built-in detectors read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prospect.config import Rule
from prospect.detect.text import clause_start, company_before, compile_folded, lower_same


@dataclass(slots=True)
class KeywordRule:
    name: str
    pattern: re.Pattern[str]
    has_company: bool
    folded: bool = False  # a phrase list, compiled to run on lowercased text


@dataclass(slots=True)
class KeywordHit:
    rule: str
    company: tuple[int, int] | None
    evidence: tuple[int, int]


def compile_rules(rules: list[Rule]) -> list[KeywordRule]:
    """One compiled pattern per rule: its regex, or its phrases as one alternation."""
    compiled = []
    for rule in rules:
        if rule.pattern is not None:
            pattern = rule.pattern
        elif rule.phrases:
            words = sorted((re.escape(p) for p in rule.phrases if p), key=len, reverse=True)
            pattern = compile_folded(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
            compiled.append(KeywordRule(rule.name, pattern, False, folded=True))
            continue
        else:
            continue
        compiled.append(KeywordRule(rule.name, pattern, "company" in pattern.groupindex))
    return compiled


def detect_keywords(text: str, rules: list[KeywordRule]) -> list[KeywordHit]:
    hits = []
    low = lower_same(text) if any(r.folded for r in rules) else text
    for rule in rules:
        m = rule.pattern.search(low if rule.folded else text)
        if m is None:
            continue
        company = None
        if rule.has_company and m.group("company"):
            s, e = m.span("company")
            company = company_before(text, s, e) or (s, e)
        else:
            company = company_before(text, clause_start(text, m.start()), m.start())
        start = min(m.start(), company[0]) if company else m.start()
        hits.append(KeywordHit(rule.name, company, (start, m.end())))
    return hits
