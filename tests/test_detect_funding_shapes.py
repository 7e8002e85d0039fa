"""Funding rounds as real feeds write them, table-driven: general rules, not one headline.

Every headline here is written for the test (invented companies and investors) in the
shapes news and press wires use: the verbs of money coming in, rounds written every way,
amounts in every currency and unit, the investor as the subject -- and the look-alikes
that must stay out: a VC firm raising a fund, project finance, grants and awards, public
companies refinancing debt or selling stock, equity lines, public money.
"""

from __future__ import annotations

import pytest

from prospect.config import load_config
from prospect.detect import Detector

F = "funding_round"

# (headline, summary, expected rounds as (company, round, amount, currency))
ROUNDS = [
    # the verbs of money coming in
    ("Quillmark bags $5M to expand in Europe", "", [("Quillmark", None, 5e6, "USD")]),
    ("Quillmark nets $5M", "", [("Quillmark", None, 5e6, "USD")]),
    ("Quillmark pockets $3M seed+ round", "", [("Quillmark", "seed", 3e6, "USD")]),
    ("Quillmark picks up $5M seed round", "", [("Quillmark", "seed", 5e6, "USD")]),
    ("Quillmark hauls in $200M at $2B valuation", "", [("Quillmark", None, 200e6, "USD")]),
    # rounds written every way
    ("Quillmark lands $12M Series A-1", "", [("Quillmark", "series_a", 12e6, "USD")]),
    ("Quillmark raises $15M Series A2", "", [("Quillmark", "series_a", 15e6, "USD")]),
    ("Quillmark scores $6M Series A extension", "", [("Quillmark", "series_a", 6e6, "USD")]),
    ("Quillmark raises $3M in pre-Series A round", "", [("Quillmark", "seed", 3e6, "USD")]),
    ("Quillmark raises pre-Series A funding of $3M", "", [("Quillmark", "seed", 3e6, "USD")]),
    ("Quillmark raises $25M in Series C+ round", "", [("Quillmark", "series_c", 25e6, "USD")]),
    ("Quillmark raises £1.2bn growth round", "", [("Quillmark", "growth", 1.2e9, "GBP")]),
    ("Quillmark Secures $10 Million Bridge Round", "", [("Quillmark", None, 10e6, "USD")]),
    ("Quillmark raises $1.5M angel round", "", [("Quillmark", "pre_seed", 1.5e6, "USD")]),
    ("Quillmark extends Series B with $10M", "", [("Quillmark", "series_b", 10e6, "USD")]),
    ("Quillmark extends seed round with $2M from Tallyo", "",
     [("Quillmark", "seed", 2e6, "USD")]),
    ("Quillmark raises maiden funding of $2M", "", [("Quillmark", None, 2e6, "USD")]),
    ("Quillmark secures funding of Rs 20 crore from Blume", "",
     [("Quillmark", None, 200e6, "INR")]),
    ("Oxbridge Retail secures $2 billion loan facility", "",
     [("Oxbridge Retail", "debt", 2e9, "USD")]),
    ("Quillmark secures $25M venture debt from Trinity", "",
     [("Quillmark", "debt", 25e6, "USD")]),
    # amounts in every currency and unit
    ("Quillmark raises $2.8 M in bridge round", "", [("Quillmark", None, 2.8e6, "USD")]),
    ("Quillmark closes €12m Series A", "", [("Quillmark", "series_a", 12e6, "EUR")]),
    ("Quillmark raises Rs 50 crore in Series B", "", [("Quillmark", "series_b", 500e6, "INR")]),
    ("Quillmark raises ₹120 Cr in funding led by Peak XV", "",
     [("Quillmark", None, 1.2e9, "INR")]),
    ("Quillmark secures US$5 million strategic investment from Sony", "",
     [("Quillmark", None, 5e6, "USD")]),
    ("Quillmark raises CHF 3.5M seed", "", [("Quillmark", "seed", 3.5e6, "CHF")]),
    ("Quillmark raises A$20 million Series A", "", [("Quillmark", "series_a", 20e6, "AUD")]),
    ("Quillmark Raises $8 Mn In Series A Round", "", [("Quillmark", "series_a", 8e6, "USD")]),
    ("Quillmark raises 12 million euros", "", [("Quillmark", None, 12e6, "EUR")]),
    # wire furniture and descriptors around the name
    ("Quillmark Inc. (NASDAQ: QLMK) Secures $20 Million Strategic Investment", "",
     [("Quillmark", None, 20e6, "USD")]),
    ("Exclusive: Quillmark raises $9M to automate payroll", "",
     [("Quillmark", None, 9e6, "USD")]),
    ("India's Quillmark raises $10M from Accel", "", [("Quillmark", None, 10e6, "USD")]),
    ("Fintech startup Quillmark raises Rs 40 crore", "", [("Quillmark", None, 400e6, "INR")]),
    # the investor as the subject, the money first
    ("Brightloop leads $18M round in Quillmark", "", [("Quillmark", None, 18e6, "USD")]),
    ("Harbor Ventures leads $22 million Series A for payments startup Tallyo", "",
     [("Tallyo", "series_a", 22e6, "USD")]),
    ("Sequoia invests $10M in fintech Quillmark", "", [("Quillmark", None, 10e6, "USD")]),
    ("Elevation Capital, Accel invest $25M in Quillmark", "",
     [("Quillmark", None, 25e6, "USD")]),
    ("Tiger Global backs Quillmark in $50M Series C", "",
     [("Quillmark", "series_c", 50e6, "USD")]),
    ("With $37M seed round, Fernwise begins drone pilot", "",
     [("Fernwise", "seed", 37e6, "USD")]),
    ("Corvane launches with $51M seed to build robot kitchens", "",
     [("Corvane", "seed", 51e6, "USD")]),
    ("Corvane emerges from stealth with $14M", "", [("Corvane", None, 14e6, "USD")]),
    ("Corvane comes out of stealth with $6M to build AI agents", "",
     [("Corvane", None, 6e6, "USD")]),
    ("Quillmark's $10M Series A led by Accel", "", [("Quillmark", "series_a", 10e6, "USD")]),
    ("Tallyo participates in Quillmark's $40M Series B", "",
     [("Quillmark", "series_b", 40e6, "USD")]),
    # look-alikes that stay out: a VC firm raising a fund
    ("Harbor Ventures raises $150M third fund to back seed-stage founders", "", []),
    ("Harbor Ventures secures another $100M to invest in fintech", "", []),
    ("Harbor Ventures raises $300M for early-stage investments", "", []),
    ("New climate fund Tidewater Capital raises $75 million", "", []),
    # project finance for an asset, not the company's round
    ("Sunfield Energy secures $45M financing for Red Mesa solar project", "", []),
    ("Sunfield secures $120M construction financing for wind farm", "", []),
    ("Sunfield closes $300 million project financing for battery storage facility", "", []),
    ("Sunfield Energy Secures $60 Million Tax Equity Financing for Solar Portfolio", "", []),
    # grants, awards and public money
    ("Quillmark receives $3M grant from Gates Foundation", "", []),
    ("Quillmark secures $1.5M SBIR Phase II award", "", []),
    ("Quillmark receives $20M from the state for plant expansion", "", []),
    # public companies: debt refinancing, stock sales, equity lines
    ("Oxbridge Corp. secures $2 billion revolving credit facility to refinance existing debt",
     "", []),
    ("Oxbridge Inc. (NYSE: OXB) closes $400 million term loan refinancing", "", []),
    ("Oxbridge secures $100M sustainability-linked loan to refinance debt", "", []),
    ("Oxbridge secures $10M equity line from Lincoln Park", "", []),
    ("Oxbridge completes $20M at-the-market offering", "", []),
    ("Oxbridge raises $250 million in U.S. IPO", "", []),
    ("Oxbridge Corp. closes $750 million senior notes offering", "", []),
    # acquisitions, revenue, valuation, company spending, rumours
    ("Quillmark acquires Tallyo for $40M", "", []),
    ("Quillmark's $2B acquisition of Tallyo", "", []),
    ("Quillmark's $10M investment in Tallyo", "", []),
    ("A look at Quillmark's $50M revenue", "", []),
    ("Corvane launches with $99 monthly plan", "", []),
    ("Corvane launches with $5M contract from Army", "", []),
    ("Quillmark hits $100M in annual recurring revenue", "", []),
    ("Quillmark reaches $10B valuation", "", []),
    ("Quillmark to invest $50M in new Ohio plant", "", []),
    ("Google and Amazon invest $2B in Texas", "", []),
    ("Quillmark extends deadline for $5M bid", "", []),
    ("Quillmark in talks to raise $100M at $1B valuation", "", []),
    ("Indian startups raised $466M this week", "", []),
]  # fmt: skip


def _detector() -> Detector:
    return Detector(load_config(None), {})


@pytest.mark.parametrize(("headline", "summary", "expected"), ROUNDS)
def test_funding_shape(headline: str, summary: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline, summary) if s.type == F]
    assert [(s.company, s.round, s.amount, s.currency) for s in signals] == expected
    assert all(s.evidence for s in signals)
