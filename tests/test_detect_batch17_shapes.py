"""Shapes read off tests/eval/real-dev-batch17.tsv (TechCrunch, 2024-2025, as
curio-team/narrowcast-rss keeps its feed), each as TechCrunch wrote it; a look-alike written
for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _rounds(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    found = detector.detect(head, summary)
    return [(s.company, s.amount) for s in found if s.type == "funding_round"]


def test_money_tapped_gobbled_or_told_by_the_ceo(detector: Detector) -> None:
    assert _rounds(detector, "Perfect taps $23M to fix the flaws in recruitment with AI") == [
        ("Perfect", 23e6)
    ]
    head = "Realta Fusion taps $36M in fresh funds for its fusion-in-a-bottle reactor"
    assert _rounds(detector, head) == [("Realta Fusion", 36e6)]
    head = "Blackbird gobbles up $50M for its blockchain-based payment-loyalty app for restaurants"
    assert _rounds(detector, head) == [("Blackbird", 50e6)]
    head = "Databricks CEO says fresh $1B will help him attack a new AI database market"
    assert _rounds(detector, head) == [("Databricks", 1e9)]
    head = "Affiniti’s 20- and 22-year-old founders raise $17M led by SignalFire"
    assert _rounds(detector, head) == [("Affiniti", 17e6)]
    # written for the test
    assert _rounds(detector, "Government taps $10B reserve") == []
    assert _rounds(detector, "Acme CEO says $5M will not be enough") == []
    assert _rounds(detector, "Acme Ventures raises $50M in new funds for startups") == []


def test_a_described_raiser_the_summary_names(detector: Detector) -> None:
    head = (
        "Game, Sett, Funding: a startup building AI agents for game development emerges from "
        "stealth with $27M"
    )
    summary = (
        "Games drove the creation of GPU processors back in the 1990s. In keeping with that "
        "trend, on Wednesday a startup called Sett — which builds AI agents — emerged."
    )
    assert _rounds(detector, head, summary) == [("Sett", 27e6)]


def test_a_fund_the_summary_tells(detector: Detector) -> None:
    head = "More good news for New York startups: Lerer Hippeau raised another $200M"
    summary = (
        "New York’s A-list venture capital seed fund, Lerer Hippeau, announced on Wednesday that "
        "it closed a ninth $200 million fund."
    )
    assert _rounds(detector, head, summary) == []
    # written for the test: a seed fund among the investors is not the raiser
    summary = "Acme raised $5 million from investors including the Foo seed fund."
    assert _rounds(detector, "Acme raises $5M", summary) == [("Acme", 5e6)]


def test_no_hire_of_a_guest_or_a_year(detector: Detector) -> None:
    head = "TikTok CEO plans to attend Trump inauguration"
    summary = (
        "TikTok CEO, Shou Chew, is planning to attend President-elect Donald Trump’s inauguration "
        "on Monday. The executive will join Mark Zuckerberg, Jeff Bezos, and Elon Musk on the dais."
    )
    assert [s for s in detector.detect(head, summary) if s.type == "executive_hire"] == []


def test_a_successor_the_summary_names_for_a_departure(detector: Detector) -> None:
    head = "Poshmark CEO and founder to step down"
    summary = (
        "After nearly 15 years, Manish Chandra will transition to being a member of the board of "
        "directors. Namsun Kim, who has served as executive chairman since April, has been "
        "appointed as his successor."
    )
    hires = [(s.company, s.person, s.role) for s in detector.detect(head, summary)]
    assert hires == [("Poshmark", "Namsun Kim", "Chief Executive Officer")]
    # written for the test: a departure alone, and a company's own appositive before its verb
    assert detector.detect(head, "Manish Chandra will stay on the board.") == []
    head = "Acme adds a CTO"
    summary = (
        "Acme, the telehealth company, has hired Jane Doe as its next chief technology officer."
    )
    assert [(s.company, s.person) for s in detector.detect(head, summary)] == [("Acme", "Jane Doe")]
