"""The rep's own keyword rules from signals.yaml: a phrase list or a regex.

A regex may capture the company with a named group `(?P<company>...)`; without
one, the company is read backwards from the hit ("Tidewater Robotics opens
office in London") the same way the built-in detectors read it.

Most texts match no rule, so each rule carries a cheap necessary condition
checked first: a phrase list needs one of its phrases as a substring, and a
regex needs one of the literal strings every match of it contains (read from
the parsed pattern, e.g. "acquires" or "to acquire"). `str` substring checks
run in C without the regex engine's per-position work.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the stdlib's own pattern parser, to find required literals
from dataclasses import dataclass, field

from prospect.config import Rule
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
    pattern: re.Pattern[str]
    has_company: bool
    folded: bool = False  # a phrase list, compiled to run on lowercased text
    # Every match contains one of these (on the text the pattern runs on); empty: no filter.
    needs: tuple[str, ...] = field(default=())


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
            needs = tuple(sorted({p.lower() for p in rule.phrases if p}))
            if any(len(n) != len(lower_same(n)) for n in needs):
                needs = ()  # lowercasing changed a length: filter would be unsound
            compiled.append(KeywordRule(rule.name, pattern, False, folded=True, needs=needs))
            continue
        else:
            continue
        has_company = "company" in pattern.groupindex
        compiled.append(
            KeywordRule(rule.name, pattern, has_company, needs=required_literals(pattern))
        )
    return compiled


def _contains_any(text: str, needles: tuple[str, ...], since: int) -> bool:
    for needle in needles:  # noqa: SIM110 - a plain loop: no generator on the hot path
        if text.find(needle, since) >= 0:
            return True
    return False


_MIN_LITERAL = 3  # a required " " or "a" filters nothing


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains; () when none can be found.

    Reads the top-level sequence of the parsed pattern: a run of literal
    characters is required as is; an alternation whose every branch starts with
    literals requires one of those prefixes. The most selective requirement is
    kept. Anything unusual (case-insensitive matching, a parser that changed) gives
    no filter, never a wrong one.
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private parser: any surprise means "no filter"
        return ()
    best: tuple[str, ...] = ()
    for need in _requirements(items):
        if min(map(len, need)) > (min(map(len, best)) if best else _MIN_LITERAL - 1):
            best = need
    return best


def _requirements(items: list) -> list[tuple[str, ...]]:  # type: ignore[type-arg]
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        if run:
            found.append(("".join(run),))
            run = []
        if name == "SUBPATTERN" and not arg[1] and not arg[2]:  # a group, no flag changes
            found += _requirements(list(arg[3]))
        elif name == "BRANCH":
            prefixes = [_literal_prefix(list(branch)) for branch in arg[1]]
            if prefixes and all(prefixes):
                found.append(tuple(prefixes))
    if run:
        found.append(("".join(run),))
    return found


def _literal_prefix(items: list) -> str:  # type: ignore[type-arg]
    out = []
    for op, arg in items:
        if str(op) != "LITERAL":
            break
        out.append(chr(arg))
    return "".join(out)


def detect_keywords(text: str, rules: list[KeywordRule], since: int = 0) -> list[KeywordHit]:
    """The first hit of each rule in `text`, at or after `since`."""
    hits = []
    low = fold(text).low if any(r.folded for r in rules) else text
    for rule in rules:
        subject = low if rule.folded else text
        if rule.needs and not _contains_any(subject, rule.needs, since):
            continue
        m = rule.pattern.search(subject, since)
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
