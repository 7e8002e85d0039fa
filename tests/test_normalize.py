from __future__ import annotations

import pytest

from prospect.normalize import (
    normalize_company,
    normalize_email,
    normalize_profile_url,
)
from prospect.titles import normalize_title, same_title


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["Acme", "ACME Inc.", "Acme, Inc", "The Acme Inc.", "acme LLC", "Acme Ltd."], "acme"),
        (["Bramble & Co", "Bramble and Co.", "Bramble & Co., Ltd."], "bramble and co"),
        (["Kranich GmbH", "Kranich GmbH & Co. KG", "KRANICH"], "kranich"),
        (["Solenne S.A.", "Solenne SA", "Solenne, S.A."], "solenne"),
        (["Société Générale", "Societe Generale"], "societe generale"),
        (["Meta Platforms, Inc.", "meta platforms"], "meta platforms"),
    ],
)
def test_company_spellings_share_one_key(names, key):
    assert {normalize_company(n) for n in names} == {key}


def test_a_name_is_never_stripped_to_nothing():
    assert normalize_company("Co") == "co"
    assert normalize_company(None) == "" == normalize_company("")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("VP of Sales", "vp of sales", True),
        ("VP, Sales & Marketing", "VP Sales and Marketing", True),
        ("Head of Sales", "Sales Manager", False),
        ("Senior Vice President, Sales", "SVP of Sales", True),
        ("Sr. VP Sales", "SVP Sales", True),
        ("Sr. Manager", "Senior Manager", True),
        ("SVP of Sales", "VP of Sales", False),
        ("EVP of Sales", "SVP of Sales", False),
        ("Manager", "Senior Manager", False),
        # one meaning of "CSO", the detector's: Chief Strategy Officer
        ("CSO", "Chief Strategy Officer", True),
        ("CSO", "Chief Sales Officer", False),
    ],
)
def test_titles(a, b, same):
    assert (normalize_title(a) == normalize_title(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # comparing titles for a job change, "CSO" may be either officer
        ("CSO", "Chief Sales Officer", True),
        ("cso", "Chief Strategy Officer", True),
        ("Chief Sales Officer", "CSO", True),
        ("Chief Sales Officer", "Chief Strategy Officer", False),
        ("CSO", "CMO", False),
        ("VP of Sales", "Vice President, Sales", True),
        ("Jr. AE", "Junior AE", True),
    ],
)
def test_same_title(a, b, same):
    assert same_title(a, b) is same
    assert normalize_title("CSO") == "chief strategy officer"  # detection keeps one reading


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        (" Ada@Example.COM ", "ada@example.com"),
        ("mailto:ada@example.com", "ada@example.com"),
        ("urn:li:member:48151623", ""),
        ("", ""),
    ],
)
def test_emails(raw, key):
    assert normalize_email(raw) == key


@pytest.mark.parametrize(
    "raw",
    [
        "https://www.linkedin.com/in/ada",
        "http://linkedin.com/in/ada/",
        "https://uk.linkedin.com/in/ada?trk=public",
        " https://www.LinkedIn.com/in/ada#about ",
    ],
)
def test_profile_urls(raw):
    assert normalize_profile_url(raw) == "https://www.linkedin.com/in/ada"


def test_legal_forms_strip_as_the_plain_regex_would() -> None:
    """The word-by-word strip is the end-anchored regex of every legal form
    ("any run of them at the end goes, never the first word"), made cheap:
    checked against that regex on names made of legal-form words."""
    import random
    import re

    from prospect import normalize

    forms = normalize._LEGAL_SUFFIXES
    regex = re.compile(r"(?:\s+(?:" + "|".join(re.escape(s) for s in forms) + r"))+$")
    words = [*sorted({w for s in forms for w in s.split()}), "acme", "de", "and", "labs"]
    rng = random.Random(7)
    for _ in range(20_000):
        name = " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        assert normalize._strip_legal_forms(name) == regex.sub("", name).strip(), name
