"""Shapes read off the even ids of tests/eval/real-dev-batch21.tsv (the OTC Markets feed's wire
releases, titles "Issuer Inc. (TICKER: tier) | headline"); a look-alike written for the test
says so.
"""

from __future__ import annotations

from prospect.detect import Detector


def _found(detector: Detector, head: str) -> list[tuple]:
    return [(s.type, s.company, s.person, s.round, s.amount) for s in detector.detect(head)]


def test_issuer_names_the_headline_writes_its_own_way(detector: Detector) -> None:
    head = (
        "Phase Holographic Imaging PHI AB (PHIXF: OTCQB) | PHI has appointed Patrik "
        "Eschricht as new CEO"
    )
    assert _found(detector, head)[0][:3] == (
        "executive_hire",
        "Phase Holographic Imaging PHI",
        "Patrik Eschricht",
    )
    head = (
        "Mobile Global Esports Inc. (MGAM: Pink Current) | Mobile Global Deepens Executive "
        "Team, Appoints Digital Media Veteran Dominick Miserandino as Chief Marketing Officer"
    )
    assert _found(detector, head)[0][1] == "Mobile Global Esports"
    # a subsidiary the headline names stays itself
    head = (
        "Southpoint Bancshares Inc. (SOUB: Pink Current) | SOUTHPOINT BANK WELCOMES BILL "
        "LOGAN AS EVP AND CHIEF CREDIT OFFICER"
    )
    assert _found(detector, head)[0][1] == "Southpoint Bank"


def test_an_issuer_s_own_financing_words(detector: Detector) -> None:
    head = "Vinanz Limited (VINZF: OTCQB) | Fundraise Total Lifted to £3.579 million"
    assert _found(detector, head) == [("funding_round", "Vinanz", None, None, 3.579e6)]
    head = (
        "NORSK TITANIUM AS (NORSF: OTCQX International) | Norsk Titanium AS: Agreement on USD "
        "10 million Loan Facility with Claret Capital Partners Ltd. to strengthen liquidity"
    )
    assert _found(detector, head) == [("funding_round", "Norsk Titanium", None, "debt", 10e6)]
    head = (
        "Covalon Technologies Ltd. (CVALF: OTCQX) | Covalon Announces Promotion of Kim Crooks "
        "to Chief Operating Officer and Appointment to Board of Directors"
    )
    assert _found(detector, head)[0][:3] == ("executive_hire", "Covalon Technologies", "Kim Crooks")


def test_false_alarms_of_the_batch(detector: Detector) -> None:
    for head in (
        "Hydreight Technologies Inc (HYDTF: OTCQB) | Hydreight Technologies Appoints Dr. "
        "Roebuck As a Director of the Company",
        "Ascend Wellness Holdings, Inc. (AAWH: OTCQX U.S.) | Ascend Wellness Holdings Closes $50 "
        "Million Private Placement of Senior Secured Notes",
        "Rock Tech Lithium Inc. (RCKTF: OTCQX International) | Rock Tech receives EUR 150 "
        "million in Letters of Support for Guben Converter",
    ):
        assert detector.detect(head) == [], head
    head = "ECGI Holdings Names Simon Yu CEO to Lead Strategic Growth Expansion"
    assert [s.company for s in detector.detect(head)] == ["ECGI Holdings"]


def test_a_placing_beside_a_director_s_subscription_or_an_earlier_offering(
    detector: Detector,
) -> None:
    head = "Ilika PLC. (ILIKF: OTCQX International) | Result of Placing & Director Subscription"
    assert _found(detector, head) == [("funding_round", "Ilika", None, None, None)]
    head = (
        "Boardwalktech Software Corporation (BWLKF: OTCQB) | BOARDWALKTECH ANNOUNCES NEW "
        "NON-BROKERED LIFE OFFERING AND CLOSES PRIOR OFFERING"
    )
    assert _found(detector, head)[0][:2] == ("funding_round", "Boardwalktech Software")
    # real, of batch 19: a director's subscription alone is no round
    assert detector.detect("ZEPHYR ENERGY PLC. (ZPHRF: OTCQB) | Director Subscription") == []
