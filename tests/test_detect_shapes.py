"""Sentence shapes of hire and funding news, table-driven: general rules, not one headline.

Every headline here is written for the test (invented companies and people) in the
shapes real feeds use: appointment verbs in each voice and order, the hire told only
by the summary, several hires in one story, the former employer said in passing,
investors as the subject -- and the look-alikes that must stay out.
"""

from __future__ import annotations

import pytest

from prospect.config import load_config
from prospect.detect import Detector

H, F = "executive_hire", "funding_round"

# (headline, summary, expected hires as (company, person, role, previous_company))
HIRES = [
    # the person, then the hiring company, in every order
    ("Lena Park joins Orbitail from Nimbus as Chief Revenue Officer", "",
     [("Orbitail", "Lena Park", "Chief Revenue Officer", "Nimbus")]),
    ("Orbitail hires Lena Park from Nimbus as CRO", "",
     [("Orbitail", "Lena Park", "Chief Revenue Officer", "Nimbus")]),
    ("Orbitail adds Lena Park to its leadership team as Chief People Officer", "",
     [("Orbitail", "Lena Park", "Chief People Officer", None)]),
    ("Orbitail Announces Lena Park to Succeed Omar Haddad as CEO", "",
     [("Orbitail", "Lena Park", "Chief Executive Officer", None)]),
    ("Orbitail Announces Lena Park's Appointment as Chief Financial Officer", "",
     [("Orbitail", "Lena Park", "Chief Financial Officer", None)]),
    ("Orbitail Elects Lena Park President and Chief Operating Officer", "",
     [("Orbitail", "Lena Park", "President and Chief Operating Officer", None)]),
    ("Lena Park Takes the Helm as CEO of Orbitail Freight", "",
     [("Orbitail Freight", "Lena Park", "Chief Executive Officer", None)]),
    ("Lena Park is the new CFO at Orbitail", "",
     [("Orbitail", "Lena Park", "Chief Financial Officer", None)]),
    ("Lena Park appointed Orbitail Asia MD", "",
     [("Orbitail Asia", "Lena Park", "Managing Director", None)]),
    ("Orbitail taps Lena Park to lead sales", "",
     [("Orbitail", "Lena Park", "Head of Sales", None)]),
    ("Orbitail hires former Nimbus executive to head its wealth business", "",
     [("Orbitail", None, "Head of Wealth Business", "Nimbus")]),
    ("Orbitail names Nimbus veteran Lena Park chief product officer", "",
     [("Orbitail", "Lena Park", "Chief Product Officer", "Nimbus")]),
    ("Orbitail names industry veteran Lena Park as president", "",
     [("Orbitail", "Lena Park", "President", None)]),
    ("Orbitail Appoints Lena Park as Chief Executive Officer and Member of the Board", "",
     [("Orbitail", "Lena Park", "Chief Executive Officer", None)]),
    # a later clause tells the hire; the company opens the headline
    ("Orbitail Therapeutics Announces Leadership Transition: Lena Park Appointed CEO", "",
     [("Orbitail Therapeutics", "Lena Park", "Chief Executive Officer", None)]),
    ("Orbitail CEO Omar Haddad steps down; CFO Lena Park named interim CEO", "",
     [("Orbitail", "Lena Park", "Interim Chief Executive Officer", None)]),
    # several hires in one headline or story
    ("Orbitail names Lena Park CFO, Omar Haddad COO", "",
     [("Orbitail", "Lena Park", "Chief Financial Officer", None),
      ("Orbitail", "Omar Haddad", "Chief Operating Officer", None)]),
    ("Orbitail Appoints New VPs",
     "Orbitail announced the appointment of Lena Park as Vice President, Operations and "
     "Omar Haddad as Vice President, Finance.",
     [("Orbitail", "Lena Park", "VP of Operations", None),
      ("Orbitail", "Omar Haddad", "VP of Finance", None)]),
    ("Orbitail Announces Executive Promotions",
     "Orbitail announced the promotion of Lena Park to Executive Vice President of Operations "
     "and Omar Haddad to Senior Vice President of Finance.",
     [("Orbitail", "Lena Park", "EVP of Operations", None),
      ("Orbitail", "Omar Haddad", "SVP of Finance", None)]),
    # the summary tells who, in the wire's own sentences
    ("Orbitail Appoints New Chief Human Resources Officer",
     "Orbitail today announced that Lena Park has been appointed Chief Human Resources "
     "Officer.",
     [("Orbitail", "Lena Park", "Chief Human Resources Officer", None)]),
    ("Orbitail announces CFO transition",
     "Orbitail said Lena Park will succeed Omar Haddad as chief financial officer.",
     [("Orbitail", "Lena Park", "Chief Financial Officer", None)]),
    ("Orbitail Announces Leadership Appointments",
     "Orbitail today announced that Lena Park has joined as Chief Financial Officer and "
     "Omar Haddad has been promoted to Chief Operating Officer.",
     [("Orbitail", "Lena Park", "Chief Financial Officer", None),
      ("Orbitail", "Omar Haddad", "Chief Operating Officer", None)]),
    # look-alikes that stay out
    ("Analysts expect new CEO at Orbitail to cut costs", "", []),
    ("Orbitail taps Nimbus Capital to lead funding round", "", []),
    ("Orbitail CEO says hiring will slow",
     "Orbitail said Lena Park has been named Chief Financial Officer of its unit.", []),
    ("Orbitail Appoints Lena Park to Board of Directors", "", []),
    ("Orbitail names Lena Park Innovator of the Year", "", []),
    ("Ministry taps former DOGE official to lead its AI efforts", "", []),
]  # fmt: skip

# (headline, expected rounds as (company, round, amount))
ROUNDS = [
    ("Investors pour $50M into Orbitail", [("Orbitail", None, 50e6)]),
    ("Nimbus backs Orbitail with $10M investment", [("Orbitail", None, 10e6)]),
    ("Orbitail pours $50M into new factory", []),
    ("Investors pour money into AI startups", []),
]


def _detector() -> Detector:
    return Detector(load_config(None), {})


@pytest.mark.parametrize(("headline", "summary", "expected"), HIRES)
def test_hire_shape(headline: str, summary: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline, summary) if s.type == H]
    found = [(s.company, s.person, s.role, s.previous_company) for s in signals]
    assert sorted(found, key=repr) == sorted(expected, key=repr)
    assert all(s.evidence for s in signals)


@pytest.mark.parametrize(("headline", "expected"), ROUNDS)
def test_round_shape(headline: str, expected: list[tuple]) -> None:
    signals = [s for s in _detector().detect(headline) if s.type == F]
    assert [(s.company, s.round, s.amount) for s in signals] == expected
    assert all(s.evidence for s in signals)
