"""Hire shapes from real headlines, table-driven: the forms a title, a verb, a name or a
former employer take in business news beyond the press-wire "Acme Appoints Jane Doe as CFO".

Every headline here is real, from the second development batch of the evaluation
(`tests/eval/real-dev-hires.tsv`): Indian business-news headlines of the SEntFiN 1.0
dataset (`sentfin`) and AG News wire items with their summaries (`agnews`).
"""

from __future__ import annotations

import pytest

from prospect.config import load_config
from prospect.detect import Detector

H = "executive_hire"

# (headline, summary, expected [(company, person, role, previous_company)])
HIRES = [
    # a title with its scope, or the company's own word for its head
    ("VMware appoints Arun Parameswaran as India MD", "",
     [("VMware", "Arun Parameswaran", "India Managing Director", None)]),
    ("Polycom appoints Geoff Thomas as APAC President", "",
     [("Polycom", "Geoff Thomas", "APAC President", None)]),
    ("Samsonite International appoints Ramesh Tainwala as global COO", "",
     [("Samsonite International", "Ramesh Tainwala", "Global Chief Operating Officer", None)]),
    ("Ambit Capital appoints Saurabh Mukherjea as Head of Equities", "",
     [("Ambit Capital", "Saurabh Mukherjea", "Head of Equities", None)]),
    ("Espirito Santo Securities appoints Premal Madhavji as Equities Head", "",
     [("Espirito Santo Securities", "Premal Madhavji", "Equities Head", None)]),
    ("Principal MF appoints PVK Mohan as Head-Equity", "",
     [("Principal MF", "PVK Mohan", "Head-Equity", None)]),
    ("F-Secure appoints Amit Nath as Country Manager India & SAARC", "",
     [("F-Secure", "Amit Nath", "Country Manager", None)]),
    ("PTC India appoints Deepak Amitabh as CMD", "",
     [("PTC India", "Deepak Amitabh", "Chairman and Managing Director", None)]),
    ("Suneeta Reddy promoted as Apollo's Joint MD; stock up", "",
     [("Apollo", "Suneeta Reddy", "Joint Managing Director", None)]),
    ("Pradeep Hejmadi appointed Business Head of Zee TV", "",
     [("Zee TV", "Pradeep Hejmadi", "Business Head", None)]),
    ("Shekhar Mittal takes over as Goa Shipyard chief", "",
     [("Goa Shipyard", "Shekhar Mittal", "Chief", None)]),
    ("Sameer Garde appointed Philips Healthcare South Asia President", "",
     [("Philips Healthcare South Asia", "Sameer Garde", "President", None)]),
    # verbs beyond "appoints"
    ("Narendra Kothari takes over as new Chairman and Managing Director of NMDC", "",
     [("NMDC", "Narendra Kothari", "Chairman and Managing Director", None)]),
    ("P Padmanabhan takes charge as MD Numaligarh Refinery Ltd", "",
     [("Numaligarh Refinery", "P Padmanabhan", "Managing Director", None)]),
    ("Sudhir Vasudeva to head ONGC", "", [("ONGC", "Sudhir Vasudeva", "Head", None)]),
    ("Pramod Bhasin to head DLF's rental business", "",
     [("DLF", "Pramod Bhasin", "Head of Rental Business", None)]),
    ("Varun Berry to take over as CEO of PepsiCo India Foods", "",
     [("PepsiCo India Foods", "Varun Berry", "Chief Executive Officer", None)]),
    ("Micromax rejigs management; ropes in Deepak Mehrotra as CEO", "",
     [("Micromax", "Deepak Mehrotra", "Chief Executive Officer", None)]),
    # names as news writes them
    ("Infosys appoints Kanchinadam as Chief Compliance Officer", "",
     [("Infosys", "Kanchinadam", "Chief Compliance Officer", None)]),
    ("KV Sridhar Joins SapientNitro as chief creative officer", "",
     [("SapientNitro", "KV Sridhar", "Chief Creative Officer", None)]),
    ("KPMG appoints Samik Nandi as Partner of ERP Adivisory practice", "",
     [("KPMG", "Samik Nandi", "Partner", None)]),
    ("Kasturi and Sons appoints Rajiv Lochan as MD & CEO", "",
     [("Kasturi and Sons", "Rajiv Lochan", "Managing Director and Chief Executive Officer",
       None)]),
    # several hires, a board seat among them
    ("UAE Exchange appoints B R Shetty as Chairman, Promoth Manghat as CEO", "",
     [("UAE Exchange", "Promoth Manghat", "Chief Executive Officer", None)]),
    ("Airbus appoints Srinivasan Dwarakanath as India CEO, Charles Champion as chairman", "",
     [("Airbus", "Srinivasan Dwarakanath", "India Chief Executive Officer", None)]),
    # where the executive comes from
    ("RIM appoints HP India's Sunil Dutt as new India head", "",
     [("RIM", "Sunil Dutt", "India Head", "HP India")]),
    ("Uninor appoints Grameenphone CTO as new India COO", "",
     [("Uninor", None, "India Chief Operating Officer", "Grameenphone")]),
    ("Samsung India mobile chief Vineet Taneja joins Micromax as CEO", "",
     [("Micromax", "Vineet Taneja", "Chief Executive Officer", "Samsung India")]),
    ("JP Chalasani quits Reliance Power to join Punj Lloyd", "",
     [("Punj Lloyd", "JP Chalasani", None, "Reliance Power")]),
    ("Former Airtel executive director Krish Shankar joins Philips", "",
     [("Philips", "Krish Shankar", None, "Airtel")]),
    # the person in the summary
    ("Intel Taps Otellini As Next CEO",
     "Intel 's board, as expected, has named Paul Otellini to succeed Craig Barrett as CEO "
     "effective next May 18, the company announced Thursday.",
     [("Intel", "Paul Otellini", "Chief Executive Officer", None)]),
    ("Cray promotes two execs",
     "Ly-Huong Pham becomes the supercomputer maker's senior vice president of operations, and "
     "Peter Ungaro is made senior vice president for sales, marketing and services.",
     [("Cray", "Ly-Huong Pham", "SVP of Operations", None)]),
    ("Broadcom taps ex-Philips executive as CEO",
     "Scott McGregor, former head of Royal Philips Electronics' semiconductor division, will "
     "replace Alan Ross, who plans to retire.",
     [("Broadcom", "Scott McGregor", "Chief Executive Officer", "Philips")]),
]  # fmt: skip

NOT_HIRES = [
    "Nifty to head towards 8200-8250 in next 4-5 trading sessions: Mitesh Thacker",
    "Manoranjan Dash appointed Additional Director of Dhanlaxmi Bank",
    "UTI AMC shortlists 3 names for Chairman and MD position",
    "Sebi ropes in Narayana Murthy to head panel on start-ups",
    "ETMARKETS.COM WEBINAR: How to invest in equity in challenging times? Join Amar Ambani, "
    "Head of Research, IIFL live at 2 pm on Thursday",
    "Cipla appoints Adil Zainulbhai as an independent director",
    "Vodafone names Philips chief Kleisterlee as new Chairman",
    "Citigroup joins foreign brokerages in cutting year-end target for Indian stocks",
]


def _detector() -> Detector:
    return Detector(load_config(None))


@pytest.mark.parametrize(("headline", "summary", "expected"), HIRES)
def test_wire_hire_shape(headline: str, summary: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline, summary) if s.type == H]
    found = [(s.company, s.person, s.role, s.previous_company) for s in signals]
    assert found == expected


@pytest.mark.parametrize("headline", NOT_HIRES)
def test_wire_look_alike(headline: str) -> None:
    assert [s for s in _detector().detect(headline) if s.type == H] == []
