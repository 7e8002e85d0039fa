"""Detecting buying signals in news text.

`Detector(config, companies).detect(title, summary)` returns every signal found
in one entry: funding rounds, executive hires and the rep's keyword rules.
Pure: no database, no network; the known companies come in as a mapping of
normalised name -> canonical normalised name, indexed once per Detector.

Design:
- The headline carries the news; the summary's lead fills in what the headline
  leaves out (the round, the person) or carries the news when the headline does
  not. Text is capped (`text.MAX_TITLE`, `text.MAX_LEAD`): a signal is never
  deep in an article, and a cap keeps every entry's cost bounded.
- Every detector is anchored on a verb found by one compiled alternation and
  reads bounded windows around it; patterns are compiled once at import. No
  regex here can backtrack catastrophically on hostile text.
- Companies are read from the text (descriptors, possessives and legal forms
  peeled off) and then checked against the store's companies: when a known
  company ends where the written one ends, its span wins, so the signal's
  company normalises to the stored key.
"""

from __future__ import annotations

from collections.abc import Mapping

from prospect.config import Config
from prospect.detect.companies import CompanyIndex, CompanyMatch
from prospect.detect.funding import FundingHit, detect_funding, normalize_round
from prospect.detect.hires import HireHit, detect_hires
from prospect.detect.keywords import compile_rules, detect_keywords
from prospect.detect.roles import normalize_role
from prospect.detect.text import clean_title, lead
from prospect.models import Signal
from prospect.normalize import normalize_company

__all__ = ["CompanyIndex", "Detector", "normalize_role", "normalize_round"]


class Detector:
    """Finds signals in one entry's title and summary. Build one per poll."""

    def __init__(self, config: Config, companies: Mapping[str, str] | None = None) -> None:
        self.config = config
        self.index = CompanyIndex(companies)
        self.rules = compile_rules(config.rules)
        self.funding_on = config.signals["funding_round"].enabled
        self.hires_on = config.signals["executive_hire"].enabled

    # --- companies ------------------------------------------------------------

    def _company(
        self, text: str, span: tuple[int, int] | None, known: list[CompanyMatch] | None
    ) -> tuple[str | None, int]:
        """The company's spelling, preferring a store company that ends where it ends."""
        if span is None:
            return None, 0
        s, e = span
        best: CompanyMatch | None = None
        for m in known or ():
            if m.end == e and s - 40 <= m.start <= e and (best is None or m.start < best.start):
                best = m
        if best is not None:
            return best.text, best.start
        return text[s:e], s

    def _known(self, text: str) -> list[CompanyMatch]:
        return self.index.scan(text) if len(self.index) else []

    # --- detection ------------------------------------------------------------

    def detect(self, title: str, summary: str = "") -> list[Signal]:
        head = clean_title(title or "")
        body = lead(summary or "")
        found: list[Signal] = []
        if self.funding_on:
            found += self._funding(head, body)
        if self.hires_on:
            found += self._hires(head, body)
        found += self._keywords(head, body)
        return found

    def _funding(self, head: str, body: str) -> list[Signal]:
        signals = []
        for text, hits in ((head, detect_funding(head)), (body, None)):
            if hits is None:
                if signals or not text:
                    break
                hits = detect_funding(text)
            known = self._known(text) if hits else None
            for hit in hits:
                signals.append(self._funding_signal(text, hit, known))
        if signals and body and (signals[0].round is None or signals[0].amount is None):
            self._fill_funding(signals[0], body)
        return signals

    def _funding_signal(
        self, text: str, hit: FundingHit, known: list[CompanyMatch] | None
    ) -> Signal:
        company, start = self._company(text, hit.company, known)
        return Signal(
            type="funding_round",
            rule="funding_round",
            company=company,
            round=hit.round,
            amount=hit.amount,
            currency=hit.currency,
            evidence=text[min(start, hit.evidence[0]) : hit.evidence[1]],
            confidence=hit.confidence,
        )

    def _fill_funding(self, signal: Signal, body: str) -> None:
        """The round or amount the headline left out, from the summary's own report."""
        for hit in detect_funding(body):
            other = body[hit.company[0] : hit.company[1]]
            if normalize_company(other) != normalize_company(signal.company):
                continue
            if signal.round is None and hit.round:
                signal.round = hit.round
            if signal.amount is None and hit.amount is not None:
                signal.amount, signal.currency = hit.amount, hit.currency

    def _hires(self, head: str, body: str) -> list[Signal]:
        hits = detect_hires(head)
        text = head
        if not hits and body:
            hits, text = detect_hires(body), body
        if not hits:
            return []
        known = self._known(text)
        signals = [self._hire_signal(text, hit, known) for hit in hits]
        if text is head and body and signals[0].person is None:
            for extra in detect_hires(body):
                other = body[extra.company[0] : extra.company[1]] if extra.company else ""
                if extra.person and normalize_company(other) == normalize_company(
                    signals[0].company
                ):
                    signals[0].person = extra.person
        return signals

    def _hire_signal(self, text: str, hit: HireHit, known: list[CompanyMatch]) -> Signal:
        company, _ = self._company(text, hit.company, known)
        return Signal(
            type="executive_hire",
            rule="executive_hire",
            company=company,
            person=hit.person,
            role=hit.role,
            evidence=text[hit.evidence[0] : hit.evidence[1]],
            confidence=hit.confidence,
        )

    def _keywords(self, head: str, body: str) -> list[Signal]:
        signals = []
        for text in (head, body):
            if not text or not self.rules:
                continue
            hits = detect_keywords(
                text, [r for r in self.rules if r.name not in {s.rule for s in signals}]
            )
            known = self._known(text) if hits else None
            for hit in hits:
                company, _ = self._company(text, hit.company, known)
                signals.append(
                    Signal(
                        type="keyword",
                        rule=hit.rule,
                        company=company,
                        evidence=text[hit.evidence[0] : hit.evidence[1]],
                        confidence=0.6,
                    )
                )
        return signals
