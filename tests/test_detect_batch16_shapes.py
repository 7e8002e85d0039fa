"""Shapes read off tests/eval/real-dev-batch16.tsv (TechCrunch, 2025, as curio-team/narrowcast-rss
keeps its feed), each summary as TechCrunch wrote it: a departure whose successor the summary
names. A look-alike written for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _hires(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [
        (s.company, s.person, s.role)
        for s in detector.detect(head, summary)
        if s.type == "executive_hire"
    ]


def test_the_successor_a_departure_s_summary_names(detector: Detector) -> None:
    head = "11x CEO Hasan Sukkar steps down"
    summary = (
        "Hasan Sukkar, the founder of AI startup 11x, is stepping down from his role as CEO, "
        "Sukkar announced on LinkedIn this morning. Prabhav Jain, 11x’s CTO, has been named the "
        "company’s new CEO."
    )
    assert _hires(detector, head, summary) == [("11x", "Prabhav Jain", "Chief Executive Officer")]
    head = "Rad Power Bikes CEO steps down"
    summary = (
        "Rad Power Bikes CEO Phil Molyneux has stepped down. The company told TechCrunch that "
        "chief financial officer Stephanie Roberts will serve as interim CEO while the company "
        "searches for a replacement."
    )
    assert _hires(detector, head, summary) == [
        ("Rad Power Bikes", "Stephanie Roberts", "Interim Chief Executive Officer")
    ]


def test_a_departure_alone_is_no_hire(detector: Detector) -> None:
    # written for the test: no successor named
    head = "Acme CEO Jane Doe steps down"
    summary = "Jane Doe, who led Acme for ten years, is stepping down at the end of the month."
    assert _hires(detector, head, summary) == []


def test_not_going_public_and_another_investment(detector: Detector) -> None:
    def rounds(head: str) -> list[tuple]:
        return [(s.company, s.amount) for s in detector.detect(head) if s.type == "funding_round"]

    head = "Fintech Plaid raises $575M at a $6.1B valuation, says it will not go public in 2025"
    assert rounds(head) == [("Plaid", 575e6)]
    # written for the test
    assert rounds("Acme to go public after raising $50M") == []
    assert rounds("Accel invests another $5M in Acme") == [("Acme", 5e6)]


def test_a_described_hire_the_summary_names(detector: Detector) -> None:
    # "has a new CEO", "taps <who they were> for <title> role", "<who> to lead <a push>",
    # "'s new CEO is former <employer> exec <name>": the person is told after the headline
    head = "Rad Power Bikes already has a new CEO"
    summary = (
        "Rad Power Bikes has named a new CEO, just a few days after its previous leader stepped "
        "down. The e-bike company has tapped Kathi Lentzsch, who has spent the last few decades "
        "helping turn around underperforming companies."
    )
    assert _hires(detector, head, summary) == [
        ("Rad Power Bikes", "Kathi Lentzsch", "Chief Executive Officer")
    ]
    head = "GM taps Aurora co-founder for new chief product officer role"
    summary = (
        "General Motors has turned to Sterling Anderson, a veteran of the autonomous vehicle "
        "industry, to oversee its entire product line."
    )
    assert _hires(detector, head, summary) == [("GM", "Sterling Anderson", "Chief Product Officer")]
    head = "Flipkart hires Dunzo’s co-founder to lead quick commerce push"
    summary = "Flipkart has hired Kabeer Biswas, the co-founder of Indian delivery startup Dunzo."
    assert _hires(detector, head, summary) == [("Flipkart", "Kabeer Biswas", None)]
    head = "Docker’s new CEO is former Oracle Cloud exec Don Johnson"
    assert _hires(detector, head) == [("Docker", "Don Johnson", "Chief Executive Officer")]
    head = "Meta names Shengjia Zhao as chief scientist of AI superintelligence unit"
    assert _hires(detector, head) == [("Meta", "Shengjia Zhao", "Chief Scientist")]
    head = "Instacart CEO Fidji Simo is joining OpenAI"
    assert _hires(detector, head) == [("OpenAI", "Fidji Simo", None)]


def test_look_alikes_of_a_described_hire(detector: Detector) -> None:
    # written for the test
    assert _hires(detector, "Acme has a new CEO problem") == []
    assert _hires(detector, "Acme hires recruiter for CFO search") == []
    summary = "The company has named a new CEO. The Board thanked John Roe for his years."
    assert _hires(detector, "Acme already has a new CEO", summary) == [
        ("Acme", None, "Chief Executive Officer")
    ]


def test_raises_told_with_rarer_words(detector: Detector) -> None:
    def rounds(head: str) -> list[tuple]:
        found = detector.detect(head)
        return [(s.company, s.round, s.amount) for s in found if s.type == "funding_round"]

    head = "Bedrock Ocean dredges up $25M to map the seafloor with robots"
    assert rounds(head) == [("Bedrock Ocean", None, 25e6)]
    head = "Redwood attracts Google for its $425M Series E as AI power needs rise"
    assert rounds(head) == [("Redwood", "series_e", 425e6)]
    head = "YC alum Mendel, a ‘Ramp for LatAm enterprises,’ raises $35M Series B"
    assert rounds(head) == [("Mendel", "series_b", 35e6)]
    # written for the test: the investor's name is no raiser, nor a product's price
    assert rounds("Acme attracts Google for its new office") == []
    assert rounds("Acme raises prices for its $10 plan") == []


def test_follow_ons_lowercase_names_and_closes_on(detector: Detector) -> None:
    def rounds(head: str) -> list[tuple]:
        found = detector.detect(head)
        return [(s.company, s.amount) for s in found if s.type == "funding_round"]

    # real headlines of the development part (TechCrunch, EU-Startups)
    head = "Microsoft’s M12 invests another $22.5M into NeuBird, months after its $22M seed round"
    assert rounds(head) == [("NeuBird", 22.5e6)]
    head = "Mira Murati’s Thinking Machines Lab closes on $2B at $10B valuation"
    assert rounds(head) == [("Thinking Machines Lab", 2e9)]
    head = "YC-backed telli raises €13.1 million to build AI for B2C customer operations"
    assert rounds(head) == [("telli", 13.1e6)]
    # written for the test
    assert rounds("Acme invests another $50M in Texas plant") == []
    assert rounds("The startup also raises $5M") == []
    assert rounds("Acme reaches $10M in revenue") == []
