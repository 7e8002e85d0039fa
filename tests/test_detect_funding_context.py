"""Rounds the exclusions used to throw away, and the look-alikes they still keep out.

Headlines from the development part, as their sources wrote them: recode and e27
(mr5iff/startup-funding-monitor, tests/eval/real-dev-batch3.tsv), TechCrunch
(Asin-Junior-Honore/TechCrunchStartupBot, tests/eval/real-dev-funding.tsv), Entrackr and
Google News (Sajal439/ncr-hiring, aritrade1709/just-raised, tests/eval/real-dev-batch4.tsv),
TechCrunch again (bucks96/techcrunch-digest and leeFernando/sitemate-app,
tests/eval/real-dev-fresh.tsv and real-dev-batch6.tsv).
A look-alike written for the test says so.
"""

from __future__ import annotations

import pytest

from prospect.detect import Detector


def _rounds(detector: Detector, head: str) -> list[str | None]:
    return [s.company for s in detector.detect(head) if s.type == "funding_round"]


@pytest.mark.parametrize(
    ("headline", "company"),
    [
        # an IPO that is only the time of the round
        ("Wayfair Raises $157 Million Ahead of Likely IPO", "Wayfair"),
        ("A year after filing to IPO, still-private Cerebras Systems raises $1.1B",
         "Cerebras Systems"),
        # a rumour after a contrast is about more money or another company
        ("SpinLaunch raises $11M but hoped to raise much more, source says", "SpinLaunch"),
        ("Kalshi closes $185M round as rival Polymarket reportedly seeks $200M", "Kalshi"),
        # investors named together back a described company
        ("General Catalyst and Khosla Ventures back data mapping startup Lume", "Lume"),
        # the round's size in words, or a bridge
        ("Mober raises 7-figure funding to provide on-demand logistics service for the "
         "Philippines", "Mober"),
        ("TimBuckDo Secures Bridge Funding at Rs 120 Crore Valuation", "TimBuckDo"),
        ("On-demand convenience platform TimBuckDo raises bridge round at Rs 120 Cr valuation",
         "TimBuckDo"),
        ("Exclusive: Jar raises small fresh funding from Unitary Fund", "Jar"),
        ("Teachers’ Venture Growth makes follow-on investment in Darwinbox", "Darwinbox"),
        # a compound maker word describes the company
        ("Robotic Toy Carmaker Anki Raises $55 Million", "Anki"),
        # written for the test: a firm known by its bare name invests
        ("Accel invests $19M in Lantern", "Lantern"),
    ],
)  # fmt: skip
def test_a_round_in_its_context(detector: Detector, headline: str, company: str) -> None:
    assert _rounds(detector, headline) == [company]


@pytest.mark.parametrize(
    "headline",
    [
        "AceVector raises Rs 189 Cr from anchor investors ahead of IPO",  # Entrackr
        "Moneyview raises Rs 327 Cr from anchor investors ahead of IPO",  # Entrackr
        # written for the test
        "Acme raises $100M in IPO",
        "Acme in talks to raise $50M",
        "Acme raises $5M for charity but is a charity",
        "Fans back local startup Acme",
        "Ryan Breslow is back as CEO of fintech Bolt",
        "Google and Amazon invest $2B in Texas",
        "City raises bridge tolls",
        # TechCrunch (bucks96/techcrunch-digest, leeFernando/sitemate-app): a venture firm
        # known by its bare name raises a fund
        "New leaders, new fund: Sequoia has raised $7B to expand its AI bets",
        "Kleiner Perkins announces $2 billion in fresh capital, showing that established firms "
        "can still raise large sums",
    ],
)
def test_still_no_round(detector: Detector, headline: str) -> None:
    assert _rounds(detector, headline) == []
