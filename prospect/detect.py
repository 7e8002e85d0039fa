"""Detecting buying signals in news text.

`Detector(config, companies).detect(title, summary)` returns every signal found
in one entry: funding rounds, executive hires and the rep's keyword rules.
Pure: no database, no network; the known companies come in as a mapping of
normalised name -> canonical normalised name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from prospect.config import Config
from prospect.models import Signal

_COMPANY = r"(?P<company>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})"
_AMOUNT = (
    r"(?P<cur>US\$|C\$|A\$|\$|€|£)\s?(?P<num>\d+(?:[.,]\d+)?)"
    r"\s?(?P<unit>bn|billion|b|million|mn|m|k)?\b"
)
_ROUND = r"(?P<round>pre-seed|seed|series\s+[a-h]|growth|debt)"
_FUNDING = re.compile(
    _COMPANY
    + r"\s+(?:raises|raised|secures|closes|lands|bags)\s+"
    + _AMOUNT
    + r"(?:[^.]*?"
    + _ROUND
    + r")?",
    re.IGNORECASE,
)
_NOT_FUNDING = re.compile(
    r"\b(?:in talks to raise|plans to raise|reportedly|fund [ivx]+|new fund|ipo)\b", re.IGNORECASE
)
_ROLES = {
    "cmo": "Chief Marketing Officer",
    "cro": "Chief Revenue Officer",
    "ceo": "Chief Executive Officer",
    "cfo": "Chief Financial Officer",
    "cto": "Chief Technology Officer",
    "coo": "Chief Operating Officer",
    "vp marketing": "VP of Marketing",
    "vp of marketing": "VP of Marketing",
    "vp sales": "VP of Sales",
    "vp of sales": "VP of Sales",
    "head of sales": "Head of Sales",
    "head of marketing": "Head of Marketing",
    "head of growth": "Head of Growth",
    "chief marketing officer": "Chief Marketing Officer",
    "chief revenue officer": "Chief Revenue Officer",
    "chief executive officer": "Chief Executive Officer",
}
_ROLE = "(?P<role>" + "|".join(sorted((re.escape(r) for r in _ROLES), key=len, reverse=True)) + ")"
_PERSON = r"(?P<person>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})"
_HIRE = re.compile(
    _COMPANY
    + r"\s+(?:appoints|names|hires|taps)\s+"
    + _PERSON
    + r"\s+(?:as\s+)?(?:its\s+)?(?:new\s+)?"
    + _ROLE
    + r"\b"
    + "|"
    + _PERSON.replace("person", "person2")
    + r"\s+joins\s+"
    + _COMPANY.replace("company", "company2")
    + r"\s+as\s+(?:its\s+)?(?:new\s+)?"
    + _ROLE.replace("role", "role2")
    + r"\b",
    re.IGNORECASE,
)
_UNITS = {"bn": 1e9, "billion": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "k": 1e3}
_CURRENCIES = {"$": "USD", "us$": "USD", "c$": "CAD", "a$": "AUD", "€": "EUR", "£": "GBP"}


def normalize_round(text: str | None) -> str | None:
    if not text:
        return None
    key = re.sub(r"[\s-]+", "_", text.strip().lower())
    return key if key != "pre_seed" else "pre_seed"


def parse_amount(cur: str, num: str, unit: str | None) -> tuple[float, str]:
    value = float(num.replace(",", "."))
    return value * _UNITS.get((unit or "").lower(), 1.0), _CURRENCIES.get(cur.lower(), "USD")


def normalize_role(text: str) -> str:
    return _ROLES.get(re.sub(r"\s+", " ", text.strip().lower()), text.strip())


class Detector:
    """Finds signals in one entry's title and summary."""

    def __init__(self, config: Config, companies: Mapping[str, str] | None = None) -> None:
        self.config = config
        self.companies = companies or {}

    def detect(self, title: str, summary: str = "") -> list[Signal]:
        found: list[Signal] = []
        text = title.strip()
        cfg = self.config.signals
        if cfg["funding_round"].enabled and not _NOT_FUNDING.search(text):
            m = _FUNDING.search(text)
            if m:
                amount, currency = parse_amount(m["cur"], m["num"], m["unit"])
                found.append(
                    Signal(
                        type="funding_round",
                        rule="funding_round",
                        company=m["company"].strip(),
                        round=normalize_round(m["round"]),
                        amount=amount,
                        currency=currency,
                        evidence=m.group(0),
                        confidence=0.8,
                    )
                )
        if cfg["executive_hire"].enabled:
            m = _HIRE.search(text)
            if m:
                company = m["company"] or m["company2"]
                found.append(
                    Signal(
                        type="executive_hire",
                        rule="executive_hire",
                        company=company.strip(),
                        person=(m["person"] or m["person2"]).strip(),
                        role=normalize_role(m["role"] or m["role2"]),
                        evidence=m.group(0),
                        confidence=0.8,
                    )
                )
        for rule in self.config.rules:
            hit = None
            company = None
            if rule.pattern is not None:
                pm = rule.pattern.search(text)
                if pm:
                    hit = pm.group(0)
                    company = pm.groupdict().get("company")
            if hit is None:
                lowered = text.lower()
                for phrase in rule.phrases:
                    if phrase.lower() in lowered:
                        hit = phrase
                        break
            if hit is not None:
                found.append(
                    Signal(
                        type="keyword",
                        rule=rule.name,
                        company=company.strip() if company else None,
                        evidence=hit,
                        confidence=0.6,
                    )
                )
        return found
