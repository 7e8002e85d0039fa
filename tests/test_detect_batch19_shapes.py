"""Shapes read off the even ids of tests/eval/real-dev-batch19.tsv (business news of 2025 and
the OTC Markets feed); a look-alike written for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _found(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [(s.type, s.company, s.person) for s in detector.detect(head, summary)]


def test_descriptors_and_names_that_end_in_company(detector: Detector) -> None:
    head = "IPO-bound Pine Labs names Sameer Kamath as CFO"
    assert _found(detector, head) == [("executive_hire", "Pine Labs", "Sameer Kamath")]
    head = "Smarter Web Company raises £19.7m in latest subscription tranche"
    assert _found(detector, head) == [("funding_round", "Smarter Web Company", None)]
    head = (
        "Tilaknagar Industries to make follow-on investment in Samsara-maker Spaceman Spirits "
        "Lab; raises stake to 21% with ₹10.66 cr infusion"
    )
    assert _found(detector, head) == [("funding_round", "Spaceman Spirits Lab", None)]
    # written for the test: a title-case "Company" is no name
    assert _found(detector, "Tech Company Raises $5M") == []


def test_the_company_a_founder_launches_and_an_investment_by_another(detector: Detector) -> None:
    head = (
        "Ex-Twitter CEO Parag Agrawal launches Parallel Web Systems to build infrastructure for "
        "AI agents to search the web, raising $30M from Khosla Ventures and others (Bloomberg)"
    )
    assert _found(detector, head) == [("funding_round", "Parallel Web Systems", None)]
    head = "Correction: Equity investment by JAKOTA Games & Reels SAS into OpenLocker Holding Inc."
    assert _found(detector, head) == [("funding_round", "OpenLocker Holding", None)]
    head = "Nike loses head of North America women's business to Athleta"
    (hire,) = detector.detect(head)
    assert (hire.company, hire.previous_company) == ("Athleta", "Nike")
    # written for the test
    assert _found(detector, "Acme loses market share to Beta") == []


def test_false_alarms_of_the_batch(detector: Detector) -> None:
    for head in (
        "Mike Novogratz's Galaxy says it has secured $1.4B in debt financing to expand its "
        "Helios data center in West Texas, aiming to boost AI and HPC capabilities (CoinDesk)",
        "Sources: Meta picks Pimco and Blue Owl to lead a $29B financing for its Louisiana data "
        "center expansion, providing $26B in debt and $3B in equity, respectively (Bloomberg)",
        "Hezbollah Chief Threatens 'No Life In Lebanon' If Government Moves To Disarm It",
        "Novo Falls by Record as Wegovy Slumps and Insider Named CEO - Bloomberg.com",
    ):
        assert detector.detect(head) == [], head
    # written for the test: debt for the company itself is still a round
    (debt,) = detector.detect("Acme raises $20M in venture debt to expand its team")
    assert (debt.round, debt.amount) == ("debt", 20e6)


def test_scare_quotes_and_a_surname_the_summary_spells_out(detector: Detector) -> None:
    head = (
        'Sydney-based Lorikeet, which provides AI agents as "customer concierges", raised a '
        "AU$54M Series A led by QED Investors at a AU$200M valuation"
    )
    (signal,) = detector.detect(head)
    assert (signal.company, signal.amount, signal.currency) == ("Lorikeet", 54e6, "AUD")
    assert '"customer concierges"' in signal.evidence  # the evidence as written
    head = "Bank of America Hires Morgan Stanley’s Giardinelli as Head of Natural Resources"
    summary = (
        "Bank of America Corp. hired Morgan Stanley’s Todd Giardinelli as head of natural "
        "resources and energy transition within the firm’s investment-banking unit."
    )
    (hire,) = detector.detect(head, summary)
    assert (hire.person, hire.previous_company) == ("Todd Giardinelli", "Morgan Stanley")
    # written for the test: a quotation is still no raise
    assert detector.detect('Acme CEO: "We will raise $5M" next year') == []


def test_false_alarms_of_a_day_of_business_news(detector: Detector) -> None:
    # real headlines of bebhuvan/markets-feeds (Jul-Aug 2025), none of them labelled: the
    # detector run over all 23,139 of them, and the false alarms of a sample of its signals
    for head in (
        "Pakistan Lost Rs 127 Crore After Closing Airspace To Indian Flights",
        "IKEA Store Owner Appoints First Non-Swedish CEO",
        "Trump Names Heritage’s EJ Antoni to Lead BLS",
        "KKR Raises $6.5 Billion",
        "If You'd Invested $1,000 in UnitedHealth Group 3 Years Ago, Here's How Much You'd Have",
        "Apple raises US investment to $600bn as Trump vows 100% chip tariff",
        "EJ Antoni, President Donald Trump’s pick to lead the Bureau of Labor Statistics",
    ):
        assert detector.detect(head) == [], head
    head = "RBI conducts Rs 8,450 crore state government securities auction"
    summary = "The Reserve Bank of India (RBI) on Tuesday raised Rs 8,450 crore in its auction."
    assert detector.detect(head, summary) == []
    # written for the test: a company named after a politician still hires
    assert _found(detector, "Trump Media names Jane Doe CFO") == [
        ("executive_hire", "Trump Media", "Jane Doe")
    ]
