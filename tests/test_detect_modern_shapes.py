"""Shapes met in 2025-2026 Indian and US tech news, each headline as its source wrote it.

Sources (the development batch tests/eval/real-dev-batch4.tsv, where each row names its
file and commit): Sajal439/ncr-hiring `data/news.json` (Inc42 and Entrackr) and
aritrade1709/just-raised `data/funding.json` (Google News results). The look-alike with a
domain in it is written for the test and says so.
"""

from __future__ import annotations

import pytest

from prospect.detect import Detector


def _found(detector: Detector, headline: str) -> list[tuple]:
    return [(s.type, s.company, s.person, s.role) for s in detector.detect(headline)]


def test_a_company_named_like_a_domain_hires(detector: Detector) -> None:
    # Entrackr, via Sajal439/ncr-hiring
    found = _found(
        detector, "super.money appoints former BharatPe CPO Rohan Khara as Chief Product Officer"
    )
    assert found == [("executive_hire", "super.money", "Rohan Khara", "Chief Product Officer")]
    signal = detector.detect(
        "super.money appoints former BharatPe CPO Rohan Khara as Chief Product Officer"
    )[0]
    assert signal.previous_company == "BharatPe"


def test_a_domain_at_the_end_of_a_sentence_is_no_company(detector: Detector) -> None:
    # written for the test: a feed's "Read more at" line
    assert detector.detect("Acme said more on its site. Read more at news.example.") == []


def test_the_company_after_its_parent_is_the_one_that_raises(detector: Detector) -> None:
    # Inc42, via Sajal439/ncr-hiring
    (signal,) = detector.detect("Paris Panini Parent Popo Global Raises ₹532 Cr From Artal Asia")
    assert (signal.type, signal.company, signal.amount, signal.currency) == (
        "funding_round",
        "Popo Global",
        5.32e9,
        "INR",
    )


@pytest.mark.parametrize(
    "headline",
    [
        # Google News, via aritrade1709/just-raised: debt sold to the market
        "NBFC Company DMI Finance Raises Rs 1,455 Cr Through Non-convertible Debentures",
        # the same source: a sector's year, not a company's round
        "India’s Deep-Tech Sector Raises $574 Million in 2026",
    ],
)
def test_debentures_and_a_sectors_total_are_no_round(detector: Detector, headline: str) -> None:
    assert [s for s in detector.detect(headline) if s.type == "funding_round"] == []
