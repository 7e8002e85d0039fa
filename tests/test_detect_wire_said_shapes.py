"""Wire copy that tells a hire in the summary: "Acme Corp said it named Jane Doe president",
a ticker after the name ("Olin Corp <OLN>", "Petrobras (PETR3.SA)"), a headline in capitals.

Every headline and summary here is real, from the even ids of the third development batch
(`tests/eval/real-dev-batch3.tsv`: Reuters-21578 newswire stories, e27 articles) and from the
first and second (`real-dev.tsv`, `real-dev-hires.tsv`), except where a test says it was
written for the test.
"""

from __future__ import annotations

import pytest

from prospect.config import load_config
from prospect.detect import Detector
from prospect.detect.text import clean_title, lead

H = "executive_hire"

# (headline, summary, expected [(company, person, role, previous_company)])
HIRES = [
    # the ticker is no part of the name; the summary names the person the headline leaves out
    ("FIRSTIER <FRST> NAMES NEW CHIEF EXECUTIVE",
     "FirsTier Inc said president William C. Smith has been named chief executive officer, "
     "succeeding Charles W. Durham, who remains chairman.",
     [("FirsTier", "William C. Smith", "Chief Executive Officer", None)]),
    ("MELVILLE <MES> NAMES CHIEF FINANCIAL OFFICER",
     "Melville Corp said it elected Robert Huth as executive vice president and chief "
     "financial officer, succeeding Kenneth Berland on April six.",
     [("Melville", "Robert Huth", "EVP and Chief Financial Officer", None)]),
    # "said it named": the company is the one that said it, not the person after the verb
    ("PHONE-A-GRAM <PHOG> NAMES NEW CHAIRMAN",
     "Phone-A-Gram System Inc said it named Eugene Mora its Chairman and chief executive "
     "officer.",
     [("Phone-A-Gram System", "Eugene Mora", "Chairman and Chief Executive Officer", None)]),
    ("BARCLAYS NAMES NEW NORTH AMERICAN CHIEF OFFICER",
     "Barclays Bank Plc said it has promoted John Kerslake to chief executive officer of its "
     "North American operations with overall responsibility for the bank's U.S. banking and "
     "finance operations.",
     [("Barclays Bank", "John Kerslake", "Chief Executive Officer", None)]),
    ("DATAPOINT <DPT> NAMES NEW EXECUTIVES",
     "Datapoint Corp said it named John Novak to the newly-created position of senior vice "
     "president of operations, and John Peter as chief financial officer.",
     [("Datapoint", "John Novak", "SVP of Operations", None),
      ("Datapoint", "John Peter", "Chief Financial Officer", None)]),
    # a headline in capitals cuts the name short: the summary spells it, and names the person
    ("K-TRON <KTII.O> ELECTS NEW PRESIDENT",
     "K-Tron International Inc said its board elected John C. Tucker president, filling a "
     "position that had been vacant since July 30, 1985.",
     [("K-Tron International", "John C. Tucker", "President", None)]),
    ("LACANA <LCNAF> NAMES NEW CEO AND PRESIDENT",
     "<Lacana Mining Corp> said Gil L. Leathley was appointed president and chief executive, "
     "replacing William Gross who retired.",
     [("Lacana Mining", "Gil L. Leathley", "President and Chief Executive Officer", None)]),
    # a generation after the name; the company that tells the news is not the person
    ("BRAINTREE SAVINGS <BTSB.O> NAMES NEW CEO",
     "Braintree Savings Bank said Winthrop Sargent IV has been named president and chief "
     "executive officer, succeeding Lindsay L. Tait, who remains chairman.",
     [("Braintree Savings Bank", "Winthrop Sargent IV", "President and Chief Executive Officer",
       None)]),
    # the unit a parent names the executive of is the company that hired; a headline in
    # capitals can not tell the unit's name from a person's, its summary can
    ("US WEST <USW> UNIT NAMES NEW PRESIDENT",
     "US West Inc said it named A. Gary Ames to succeed Robert Blanz as president and chief "
     "executive officer of its Mountain Bell subsidiary.",
     [("Mountain Bell", "A. Gary Ames", "President and Chief Executive Officer", None)]),
    ("TEXAS AIR <TEX> NAMES BRITT AIRWAYS PRESIDENT",
     "Texas Air Corp said it named Norman McInnis as president of its Britt Airways unit, "
     "succeeding Bill Britt, who retired March one.",
     [("Britt Airways", "Norman McInnis", "President", None)]),
    ("NWA <NWA> NAMES NEW HEAD FOR UNIT",
     "NWA Inc said Edward A. Neer Jr. has been named president and chief executive officer of "
     "its Mainline Travel Inc subsidiary, replacing Warren D. Phillips as chief executive and "
     "Robert L. Daniels asd president.",
     [("Mainline Travel", "Edward A. Neer Jr.", "President and Chief Executive Officer", None)]),
    # the former employer in the summary's next sentence; a name never read across a sentence
    ("ADVANCED GENETIC SCIENCES <AGSI> NAMES DIRECTOR",
     "Advanced Genetic Sciences Inc said Debra Coyman was named director of business "
     "development of the company. The company said Coyman was previously director of product "
     "development of Agrigenetics Research Corp in Boulder, Colo.",
     [("Advanced Genetic Sciences", "Debra Coyman", "Director of Business Development",
       "Agrigenetics Research")]),
    # a name with "and" inside it, initials written together, the teller no former employer
    ("KANSAS POWER/LIGHT <KAN> NAMES CHIEF EXECUTIVE",
     "Kansas Power and Light Co said it named David Black as chief executive officer. It said "
     "he will succeed William Wall after the May Five annual meeting.",
     [("Kansas Power and Light Co", "David Black", "Chief Executive Officer", None)]),
    ("FIRST FEDERAL CHARLESTON <FFCH> NAMES NEW CEO",
     "First Federal Savings and Loan Association of Charleston said executive vice president "
     "A.L. Hutchinson Jr. has been named to succeed Robert L. Cale as president and chief "
     "executive officer when he retires on April 1, 1988.",
     [("First Federal Savings and Loan Association of Charleston", "A.L. Hutchinson Jr.",
       "President and Chief Executive Officer", None)]),
    # a chair named with another title, or with another hire: not a board seat alone
    ("APPLIED MAGNETICS <APM> NAMES OFFICERS",
     "Applied Magnetics Corp said its board named Ben Newitt to the new position of vice "
     "chairman and as chief executive officer.",
     [("Applied Magnetics", "Ben Newitt", "Chief Executive Officer", None)]),
    ("PREMIER INDUSTRIAL <PRE> NAMES EXECUTIVES",
     "Premier Industrial Corp said it named Robert Warren to the new post of vice chairman and "
     "William Hamilton president, succeeding Warren.",
     [("Premier Industrial", "William Hamilton", "President", None)]),
    ("NATIONAL HEALTH CARE <NHCS> NAMES NEW OFFICIALS",
     "National Medical Care Systems INc said it has named Arthur Axelrod its Chairman and "
     "Robert Kim its president.",
     [("National Medical Care Systems", "Robert Kim", "President", None)]),
    # "the company's president, Jane Doe," names the one who has the title: no hire of it
    ("VALLEY FEDERAL <VFED> NAMES NEW OFFICERS",
     "Valley Federal Savings and Loan Association said it appointed Joseph Biafora to the post "
     "of chairman and the company's president, Donald Headlund, was named to the additional "
     "post of chief executive.",
     [("Valley Federal Savings and Loan Association", "Donald Headlund",
       "Chief Executive Officer", None)]),
    # "will assume the position of": the title taken over
    ("COCA-COLA BOTTLING <COKE> NAMES NEW PRESIDENT",
     "Coca-Cola Bottling Co Consolidated said James Moore Jr. will assume the position of "
     "president and chief executive office, replacing Marvin W. Griffin Jr., who resigned "
     "effective today.",
     [("Coca-Cola Bottling Co Consolidated", "James Moore Jr.",
       "President and Chief Executive Officer", None)]),
    # the board seat that comes with the titles is no hire of its own
    ("SAN/BAR <SBAR> APPOINTS NEW PRESIDENT",
     "San/Bar Corp said it appointed Charles von Urff as president, chief operating officer and "
     "a director of the company to succeed Robert Johnson, who retired last year.",
     [("San/Bar", "Charles von Urff", "President and Chief Operating Officer", None)]),
    # a description with a capitalised word in it before the name (e27)
    ("Former Kudo exec Sukan Makmuri joins P2P lending startup UangTeman as CTO, COO", "",
     [("UangTeman", "Sukan Makmuri", "Chief Technology Officer and Chief Operating Officer",
       "Kudo")]),
    # the title held, then the new one: "names president Jane Doe to the added post of CEO"
    ("AMERICAN SAVINGS <AAA> NAMES NEW CHIEF EXECUTIVE",
     "American Savings and Loan Association of Florida said its board has named president and "
     "chief operating officer Edward P. Mahoney to the added post of chief executive officer, "
     "succeeding Morris N. Broad, who remains chairman.",
     [("American Savings and Loan Association of Florida", "Edward P. Mahoney",
       "Chief Executive Officer", None)]),
]  # fmt: skip


def _detector() -> Detector:
    return Detector(load_config(None))


@pytest.mark.parametrize(("headline", "summary", "expected"), HIRES)
def test_wire_said_hire(headline: str, summary: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline, summary) if s.type == H]
    assert [(s.company, s.person, s.role, s.previous_company) for s in signals] == expected


def test_an_active_verb_never_makes_the_person_the_company() -> None:
    # "Yahoo! has hired Usama Fayyad, ...": the name after an active verb is the person.
    signals = _detector().detect(
        "Yahoo! Hires Chief Data Officer",
        "In a move that has implications for ad targeting and reporting, Yahoo! has hired Usama "
        "Fayyad, a co-founder of the company now known as Revenue Science, to the newly-created "
        "position of Chief Data Officer.",
    )
    assert all(s.company != "Usama Fayyad" for s in signals)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("IBM <IBM> NAMES NEW PRESIDENT FOR ROLM UNIT", "IBM NAMES NEW PRESIDENT FOR ROLM UNIT"),
        ("DIGITAL COMMUNICATIONS<DCAI> NAMES NEW PRESIDENT",
         "DIGITAL COMMUNICATIONS NAMES NEW PRESIDENT"),
        ("<HOOKER CORP LTD> NAMES NEW PRESIDENT FOR UNIT",
         "HOOKER CORP LTD NAMES NEW PRESIDENT FOR UNIT"),
    ],
)  # fmt: skip
def test_a_wire_ticker_leaves_the_headline(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


def test_a_wire_ticker_leaves_the_summary_and_an_unlisted_name_its_brackets() -> None:
    assert lead("<Lacana Mining Corp> said Gil L. Leathley was appointed president") == (
        "Lacana Mining Corp said Gil L. Leathley was appointed president"
    )
    assert lead("Lloyds Bank Canada, a unit of Lloyds Bank <LLOY.L> PLC said") == (
        "Lloyds Bank Canada, a unit of Lloyds Bank PLC said"
    )
    # a Reuters story of today: the RIC in parentheses and the web page's link text
    assert lead(
        "RIO DE JANEIRO, March 6 (Reuters) - Brazil's state-run oil company Petrobras "
        "(PETR3.SA) , opens new tab could distribute extra dividends this year"
    ) == (
        "RIO DE JANEIRO, March 6 (Reuters) - Brazil's state-run oil company Petrobras could "
        "distribute extra dividends this year"
    )


@pytest.mark.parametrize(
    "headline",
    # written for the test: a firm named a partner is no hire
    ["Acme names Deloitte as partner", "Acme joins Google Cloud as a launch partner"],
)
def test_a_partner_firm_is_no_partner_hire(headline: str) -> None:
    assert [s for s in _detector().detect(headline) if s.type == H] == []


@pytest.mark.parametrize(
    ("headline", "expected"),
    # written for the test: the chair, or a seat, that comes with the executive title
    [
        ("Acme names Jane Doe CEO and Chairman", ("Acme", "Jane Doe", "Chief Executive Officer")),
        ("Jane Doe named CEO and chairman of Acme",
         ("Acme", "Jane Doe", "Chief Executive Officer")),
        ("Jane Doe named CEO and a director of Acme",
         ("Acme", "Jane Doe", "Chief Executive Officer")),
    ],
)  # fmt: skip
def test_a_chair_with_the_title_is_the_title_hire(headline: str, expected: tuple) -> None:
    signals = [s for s in _detector().detect(headline) if s.type == H]
    assert [(s.company, s.person, s.role) for s in signals] == [expected]
