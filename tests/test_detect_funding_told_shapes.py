"""Funding rounds the way tech news tells them beyond the headline's "Acme raises $5M": a
name that ends in "Company", a summary that says "... announced yesterday it has raised",
and a feed's page furniture (a photo's credit, an "Also Read" link) kept out of the story.

Every headline and summary here is real, from the even ids of the third development batch
(`tests/eval/real-dev-batch3.tsv`: VentureBeat, e27 and Tech in Asia articles).
"""

from __future__ import annotations

import pytest

from prospect.config import load_config
from prospect.detect import Detector

F = "funding_round"

# (headline, summary, expected [(company, round, amount, currency)])
ROUNDS = [
    ("The Bouqs Company raises $24 million to deliver eco-friendly flowers to your door",
     "Online flower delivery startup The Bouqs Company has raised $24 million in a Series C "
     "funding round led by Partech Ventures, with participation from NextEquity Partners",
     [("The Bouqs Company", "series_c", 24e6, "USD")]),
    ("This Taiwanese startup helps creatives build content, nabs US$5M Series A",
     "Kdan Mobile, a Taiwanese startup that is building a creativity suite similar to Adobe, "
     "announced yesterday it has raised a US$5 million Series A led by WI Harper Group, Darwin "
     "Venture Management, and Accord Ventures.",
     [("Kdan Mobile", "series_a", 5e6, "USD")]),
    # the photo's credit is no company
    ("In India, Ola escalates Uber war with $2b funding",
     "Photo credit: Michael Coghlan . Ola, India’s homegrown challenger to Uber, has pocketed "
     "US$1.1 billion in funding, it announced this afternoon.",
     [("Ola", None, 1.1e9, "USD")]),
]  # fmt: skip

NOT_ROUNDS = [
    # a link to another story
    ("We’ve learnt the hard way that the entire Southeast Asia can't be painted with the same "
     "brush: Zilingo CEO Ankiti Bose",
     "Also Read: ZPX raises US$1.3M to launch a decentralised cryptocurrency exchange in "
     "Singapore"),
    # a raise told before, in a story about something else
    ("Smart glasses maker Nreal partners with Qualcomm and LG Uplus",
     "Nreal, a Beijing-based developer of ready-to-wear mixed reality glasses, has partnered "
     "with Qualcomm and LG Uplus. Last week, Nreal announced it had raised an additional $16 "
     "million in funding to make its lightweight smart glasses into a powerful and immersive "
     "experience."),
    ("The company raises $24 million", ""),
]  # fmt: skip


def _detector() -> Detector:
    return Detector(load_config(None))


@pytest.mark.parametrize(("headline", "summary", "expected"), ROUNDS)
def test_told_round(headline: str, summary: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline, summary) if s.type == F]
    assert [(s.company, s.round, s.amount, s.currency) for s in signals] == expected


@pytest.mark.parametrize(("headline", "summary"), NOT_ROUNDS)
def test_told_look_alike(headline: str, summary: str) -> None:
    assert [s for s in _detector().detect(headline, summary) if s.type == F] == []
