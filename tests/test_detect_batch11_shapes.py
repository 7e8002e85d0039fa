"""Shapes read off tests/eval/real-dev-batch11.tsv (AG News of 2004, the copy in
suuuch/TransformerClassification; each row names its file), each summary as its source wrote
it. A look-alike written for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _hires(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [
        (s.company, s.person, s.role, s.previous_company)
        for s in detector.detect(head, summary)
        if s.type == "executive_hire"
    ]


def _rounds(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [
        (s.company, s.amount) for s in detector.detect(head, summary) if s.type == "funding_round"
    ]


def test_of_a_place_after_the_name_is_no_company(detector: Detector) -> None:
    found = _hires(detector, "Acer named Gianfranco Lanci of Italy as its president on Wednesday")
    assert found == [("Acer", "Gianfranco Lanci", "President", None)]
    # written for the test: "of" an employer is where the hire comes from
    found = _hires(detector, "Acme appoints Jane Doe of Google as CTO")
    assert found == [("Acme", "Jane Doe", "Chief Technology Officer", "Google")]
    # an "of" inside the employer's name is not cut off
    found = _hires(detector, "Acme names Bank of America's Jane Doe as CFO")
    assert [(c, p) for c, p, _, _ in found] == [("Acme", "Jane Doe")]


def test_an_official_backing_a_deal_is_no_round(detector: Detector) -> None:
    assert _rounds(detector, "Calif. Official Backs Anthem-WellPoint") == []
    assert _rounds(detector, "Shareholders Back Acme") == []  # written for the test
    assert _rounds(detector, "Zomato backs Shiprocket") == [("Shiprocket", None)]


def test_a_headline_about_a_new_fund_makes_its_summary_s_money_the_fund_s(
    detector: Detector,
) -> None:
    summary = (
        "J.E. Robert Cos. completed raising $823 million from about 40 institutional and "
        "private equity investors this week."
    )
    assert _rounds(detector, "J.E. Robert Assembles New Investment Fund", summary) == []
    # written for the test: the same summary under a company's headline is its round
    assert _rounds(detector, "J.E. Robert Cos. closes a round", summary) == [
        ("J.E. Robert Cos", 823e6)
    ]


def test_an_aside_between_dashes_keeps_the_subject(detector: Detector) -> None:
    summary = (
        "Ember, a start-up that is developing chips for ZigBee--a low-cost, low-power wireless "
        "networking standard--received $25 million in venture capital funding this week."
    )
    assert _rounds(detector, "Metcalfe, Allen back ZigBee start-up", summary) == [("Ember", 25e6)]
    # written for the test: dashes around a capitalised clause are no aside
    assert _rounds(detector, "Exclusive — Acme raises $5M — sources") == [("Acme", 5e6)]


def test_a_year_at_a_company_is_where_the_hire_comes_from(detector: Detector) -> None:
    # written for the test: "after a year at" is read like "after two years at"
    found = _hires(detector, "Acme names Jane Doe CFO after a year at Stripe")
    assert found == [("Acme", "Jane Doe", "Chief Financial Officer", "Stripe")]
