"""Shapes read off the even ids of tests/eval/real-dev-batch20.tsv (business news of 2025);
a look-alike written for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _found(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [(s.type, s.company, s.person) for s in detector.detect(head, summary)]


def test_a_new_chief_of_a_company_named_before(detector: Detector) -> None:
    head = "Sports buff, composed banking veteran Rajiv Anand is IndusInd Bank’s new CEO"
    assert _found(detector, head) == [("executive_hire", "IndusInd Bank", "Rajiv Anand")]
    head = "Smashburger's new CEO wants to flip the script on the burger chain's fortunes"
    summary = "Jim Sullivan, the new CEO of Smashburger, told Business Insider his goal is ..."
    assert _found(detector, head, summary) == [("executive_hire", "Smashburger", "Jim Sullivan")]
    head = "Novo Nordisk Cut Its Outlook and Named a New CEO. Its Stock Is Plummeting"
    assert _found(detector, head) == [("executive_hire", "Novo Nordisk", None)]
    head = "Novo Nordisk cut its outlook and named a new CEO"  # written for the test
    assert _found(detector, head) == [("executive_hire", "Novo Nordisk", None)]
    # written for the test: a person named CEO, and a new CEO's old headline verb
    assert _found(detector, "Jane Doe named CEO") == []
    head = "Volkswagen's New CEO Puts Self-Driving Car Plans Under Review"
    assert _found(detector, head) == []


def test_names_with_a_plus_and_a_state_that_backs(detector: Detector) -> None:
    head = "Brook + Whittle secures $130m for sustainable packaging growth"
    assert _found(detector, head) == [("funding_round", "Brook + Whittle", None)]
    assert _found(detector, "Australia Backs Smelters to Boost Critical Mineral Output") == []


def test_the_new_chief_of_the_company_a_headline_opens_with(detector: Detector) -> None:
    head = "Novo Nordisk shares fall further as new CEO faces US challenges"
    assert _found(detector, head) == [("executive_hire", "Novo Nordisk", None)]
    # written for the test: a new chair of no company
    assert _found(detector, "Markets fall as new Fed chair faces test") == []
