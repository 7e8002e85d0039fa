"""Shapes read off the even ids of tests/eval/real-dev-batch18.tsv: the OTC Markets news feed,
whose titles name the issuer first ("Issuer Inc. (TICKER: tier) | headline"), and business
news of 2025. A look-alike written for the test says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _found(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [(s.type, s.company, s.person, s.role) for s in detector.detect(head, summary)]


def test_the_issuer_a_market_feed_names_first(detector: Detector) -> None:
    head = "Culpeo Minerals Limited (CPORF: OTCQB) | Culpeo Secures $3M for Drilling of High-Grade"
    assert _found(detector, head) == [("funding_round", "Culpeo Minerals", None, None)]
    head = (
        "Silver Crown Royalties Inc. (SLCRF: OTCQX International) | SCRi Announces Closing of "
        "First Tranche of its Non-Brokered Private Placement"
    )
    assert _found(detector, head)[0][1] == "Silver Crown Royalties"
    head = "VOLATUS AEROSPACE INC. (TAKOF: OTCQX) | Volatus Announces $2,000,000 Financing"
    assert _found(detector, head)[0][1] == "Volatus Aerospace"
    # the headline's fuller name stays; an investee is not the issuer
    head = (
        "BRUNSWICK EXPL INC (BRWXF: OTCQB) | Brunswick Exploration Announces Brokered Private "
        "Placement for Gross Proceeds of up to C$2.5 Million"
    )
    assert _found(detector, head)[0][1] == "Brunswick Exploration"
    head = (
        "BIGG Digital Assets Inc. (BBKCF: OTCQX International) | BIGG, Netcoins make Strategic "
        "Investment in APX Lending"
    )
    assert _found(detector, head) == [("funding_round", "APX Lending", None, None)]


def test_a_headline_with_no_company_of_its_own(detector: Detector) -> None:
    head = "Vinanz Limited (VINZF: OTCQB) | Appointment of Finance Director"
    assert _found(detector, head) == [("executive_hire", "Vinanz", None, "Finance Director")]
    head = "Vinanz Limited (VINZF: OTCQB) | Institutional $4 million Bridge Funding Secured"
    assert _found(detector, head) == [("funding_round", "Vinanz", None, None)]
    # written for the test
    head = "Acme plc: Appointment of Jane Doe as Chief Financial Officer"
    assert _found(detector, head) == [
        ("executive_hire", "Acme", "Jane Doe", "Chief Financial Officer")
    ]
    assert _found(detector, "Acme plc: Appointment of Non-Executive Director") == []
    assert _found(detector, "Acme plc: Appointment of Auditors") == []


def test_wire_hires_told_at_length(detector: Detector) -> None:
    head = (
        "UAV Corp Bolsters Strategic Security Capabilities with the Appointment of Renowned "
        "Counter-Terrorism Expert William “Bill” Gately as Chief Security Officer"
    )
    assert _found(detector, head) == [
        ("executive_hire", "UAV", "William Gately", "Chief Security Officer")
    ]
    assert _found(detector, "Kneat Expands Executive Leadership Team") == [
        ("executive_hire", "Kneat", None, None)
    ]
    head = "Ceva Logistics restructures North America operations, names new chief"
    assert _found(detector, head) == [("executive_hire", "Ceva Logistics", None, None)]
    head = "Enzolytics announces New Ceo and 500 to 1 Reverse Split"
    assert _found(detector, head) == [
        ("executive_hire", "Enzolytics", None, "Chief Executive Officer")
    ]


def test_joins_a_described_company_and_a_reported_hire(detector: Detector) -> None:
    head = (
        "Uber Freight CEO joins self-driving truck company Waabi, says era of autonomous big rigs "
        "on U.S. roads is here"
    )
    assert _found(detector, head) == [("executive_hire", "Waabi", None, None)]
    head = "Jefferies Is Said to Tap JPMorgan’s Melly as APAC Head of Financial Institutions Group"
    summary = "Jefferies Financial Group Inc. has hired Michael Melly from JPMorgan Chase & Co."
    (hire,) = detector.detect(head, summary)
    assert (hire.company, hire.person, hire.previous_company) == (
        "Jefferies",
        "Michael Melly",
        "JPMorgan",
    )
    # written for the test: a plan names no one, a bare noun is no verb
    assert _found(detector, "Analysts expect Acme to name a new CEO") == []
    assert _found(detector, "Acme changes its name to Beta") == []
    assert _found(detector, "Acme to tap Jane Doe as CFO") == [
        ("executive_hire", "Acme", "Jane Doe", "Chief Financial Officer")
    ]


def test_backing_a_company_s_technology_and_anchor_money(detector: Detector) -> None:
    head = "MDAVF backs Atom Alloys’ explosion-resistant fuel technology"
    assert _found(detector, head) == [("funding_round", "Atom Alloys", None, None)]
    assert _found(detector, "JSW Cement raises Rs 1,080 crore from anchors") == []
    # written for the test: a person backing a plan
    assert _found(detector, "Jane Doe backs Acme’s AI agents") == []


def test_a_hire_told_as_what_it_strengthens(detector: Detector) -> None:
    head = "Nightingale Health strengthens its commercial operations with new EMEA appointment"
    assert _found(detector, head) == [("executive_hire", "Nightingale Health", None, None)]
    head = "Viber ups marketing efforts with CMO appointment"  # real, of the second batch
    assert _found(detector, head) == [("executive_hire", "Viber", None, "Chief Marketing Officer")]
    # written for the test: a board seat
    assert _found(detector, "Acme strengthens board with new director appointment") == []
    head = "Latin Metals Announces Private Placement for Gross Proceeds up to $1.0 Million"
    (signal,) = detector.detect(head)
    assert (signal.amount, signal.currency) == (1e6, "USD")


def test_an_issuer_s_own_news_in_its_release_title(detector: Detector) -> None:
    # batch 19's even ids (the OTC Markets feed)
    head = "Jindalee Lithium Ltd. (JNDAF: OTCQX) | Ian Rodger Appointed Managing Director"
    (hire,) = detector.detect(head)
    assert (hire.company, hire.person, hire.role) == (
        "Jindalee Lithium",
        "Ian Rodger",
        "Managing Director",
    )
    assert hire.evidence == "Ian Rodger Appointed Managing Director"
    head = "ANDEAN SILVER LTD (ADSLF: OTCID) | Successful A$25m Placement"
    (own,) = detector.detect(head)
    assert (own.company, own.amount, own.currency) == ("Andean Silver", 25e6, "AUD")
    head = (
        "The Smarter Web Company PLC (TSWCF: OTCQB) | Accelerated Bookbuild for A Minimum of £30M"
    )
    assert [(s.company, s.amount) for s in detector.detect(head)] == [
        ("The Smarter Web Company", 30e6)
    ]
    # real look-alikes of the same feed: a director's own shares, an offering, a board seat
    for head in (
        "ZEPHYR ENERGY PLC. (ZPHRF: OTCQB) | Director Subscription",
        "Nova Minerals Ltd. (NVAAF: OTCID) | Nova Announces Closing of US$11.1m NASDAQ Offering",
        "FORTESCUE LTD. (FSUGY: OTCQX International) | Appointment of Non-Executive Director",
        "Culpeo Minerals Limited (CPORF: OTCQB) | Update - Proposed issue of securities - CPO",
    ):
        assert detector.detect(head) == [], head


def test_an_issuer_s_title_that_only_mentions_a_financing(detector: Detector) -> None:
    # written for the test, in the feed's style: an update, an offer, arrangements
    for head in (
        "Acme Metals Ltd (ACMEF: OTCQB) | Strategic Investment Update: Partner Progress",
        "Acme Metals Ltd (ACMEF: OTCQB) | Retail Offer for up to £0.5 million",
        "Acme Metals Ltd (ACMEF: OTCQB) | Thailand Update - Finalisation of Financing Arrangements",
    ):
        assert detector.detect(head) == [], head
    head = "Acme Metals Ltd (ACMEF: OTCQB) | Placing to Raise £1.25 million, Launch of Retail Offer"
    assert [(s.company, s.amount) for s in detector.detect(head)] == [("Acme Metals", 1.25e6)]
