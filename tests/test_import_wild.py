"""Exports from the wild, each through the command a rep would use: the right
people, fields and feeds, and a second import that changes nothing.
Sources of every file: tests/fixtures/SOURCES.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from prospect.importers.names import person_name
from prospect.opml import read_opml

FIX = Path(__file__).parent / "fixtures"
WILD = FIX / "contacts" / "wild"
OPML = FIX / "feeds" / "opml"


def _contacts(cli) -> list[dict]:
    return json.loads(cli("contacts", "list", "--format", "json").stdout)


def _people(cli) -> set[tuple]:
    return {
        (c["full_name"], c["email"], c["company"], c["title"], c["profile_url"])
        for c in _contacts(cli)
    }


# (command, file, the contacts it must leave: name, email, company, title, URL)
CONTACT_FILES = [
    (
        "vcard",
        "vcard-two-colleagues-company-url.vcf",
        {
            ("Jane Doe", "jane.doe@example.com", "IBM", "Architect", "http://www.ibm.com"),
            ("Richard Roe", None, "IBM", "Engineer", "http://www.ibm.com"),
        },
    ),
    (
        "vcard",
        "vcard-21-quirks.vcf",
        {
            ("Renée Lefèvre", "renee@soc.example", "Société", None, None),
            ("Meister Berger", "mb@goerlitz.de", None, "Mayor", None),
            ("only.an.address@example.net", "only.an.address@example.net", None, None, None),
            ("John Richter James Doe", "jdoe@example.com", None, None, None),
        },
    ),
    ("vcard", "vobject-radicale-1587.vcf", {("Given Family", None, None, None, None)}),
    (
        "csv",
        "outlook-short-rows.csv",
        {
            ("Anna Lee", "anna.lee@northwind.example", "Northwind Traders", "VP Sales", None),
            ("Ben Okafor", "ben.okafor@contoso.example", "Contoso", "CTO", None),
            ("Carl J Smith", None, "Fabrikam", "Buyer", None),
        },
    ),
    (
        "csv",
        "salesforce-one-person-three-rows.csv",
        {("Robert Smith", "bob.smith@acme.example", "Acme Corp", "Director of IT", None)},
    ),
    (
        "csv",
        "apollo.csv",
        {
            (
                "Dana Whitfield",
                "dana@lumen.example",
                "Lumen Analytics",
                "Head of Revenue Operations",
                "https://www.linkedin.com/in/dana-whitfield",
            )
        },
    ),
    (
        "csv",
        "linkedin-Contacts.csv",
        {("Erin Castillo", "erin.castillo@brightline.example", "Brightline Foods", "Buyer", None)},
    ),
    (
        "csv",
        "google-contacts-2024.csv",
        {("John Q Public", "john.public@initech.example", "Initech", "Account Manager", None)},
    ),
]


@pytest.mark.parametrize(("kind", "name", "people"), CONTACT_FILES)
def test_real_exports_import_the_right_people_and_again_change_nothing(cli, kind, name, people):
    first = cli("import", kind, str(WILD / name))
    assert first.exit_code == 0, first.output
    assert _people(cli) == people
    again = cli("import", kind, str(WILD / name))
    assert again.exit_code == 0, again.output
    assert re.search(r": 0 added, 0 updated, \d+ unchanged", again.stderr), again.stderr
    assert _people(cli) == people


def test_a_company_url_joins_no_one_across_files(cli, tmp_path):
    """Imported from two files, one colleague must not turn into the other."""
    cards = (WILD / "vcard-two-colleagues-company-url.vcf").read_text().split("END:VCARD\n")
    for i, card in enumerate(cards[:2]):
        path = tmp_path / f"card{i}.vcf"
        path.write_text(card + "END:VCARD\n")
        assert ": 1 added" in cli("import", "vcard", str(path)).stderr
    assert {c["full_name"] for c in _contacts(cli)} == {"Jane Doe", "Richard Roe"}


def test_an_organisation_card_is_skipped_not_a_person(cli):
    result = cli("import", "vcard", str(WILD / "vcard-21-quirks.vcf"))
    assert "4 added" in result.stderr and "1 skipped" in result.stderr
    assert "Acme Corporation" not in {c["full_name"] for c in _contacts(cli)}


def test_the_salesforce_person_is_one_contact_whichever_row_comes_first(cli, tmp_path):
    rows = (WILD / "salesforce-one-person-three-rows.csv").read_text().splitlines()
    reordered = tmp_path / "report.csv"
    reordered.write_text("\n".join([rows[0], rows[3], rows[1], rows[2]]) + "\n")
    cli("import", "csv", str(reordered))
    before = _people(cli)
    again = cli("import", "csv", str(reordered))
    assert ": 0 added, 0 updated" in again.stderr
    assert _people(cli) == before


REFUSED = [
    ("linkedin-Profile.csv", "LinkedIn's Profile.csv", "prospect import linkedin Connections.csv"),
    ("linkedin-Invitations.csv", "invitations are not contacts", "Connections.csv"),
    ("linkedin-Contacts.csv", "LinkedIn's Contacts.csv", "prospect import csv"),
    ("linkedin-2018-Imported-Contacts.csv", "Imported Contacts.csv", "prospect import csv"),
]


@pytest.mark.parametrize(("name", "what", "command"), REFUSED)
def test_other_files_of_the_linkedin_archive_name_themselves_and_the_command(
    cli, name, what, command
):
    result = cli("import", "linkedin", str(WILD / name))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert what in result.stderr and command in result.stderr
    assert _contacts(cli) == []


def test_a_csv_given_to_import_vcard_names_the_csv_command(cli):
    result = cli("import", "vcard", str(WILD / "apollo.csv"))
    assert result.exit_code == 1
    assert "prospect import csv" in result.stderr


NAMES = [
    ({"full": "Mr. John Richter James Doe Sr."}, ("John Richter James Doe", "John", "Doe")),
    ({"first": "John", "middle": "Q", "last": "Public"}, ("John Q Public", "John", "Public")),
    ({"first": "Priya", "last": "Nayak, MSc, MBA, PHR"}, ("Priya Nayak", "Priya", "Nayak")),
    ({"full": "Smith, John"}, ("John Smith", "John", "Smith")),
    ({"full": "Jane Lee MBA"}, ("Jane Lee", "Jane", "Lee")),
    ({"full": "Dean Smith"}, ("Dean Smith", "Dean", "Smith")),  # a given name, not a title
    ({"full": "John Ba"}, ("John Ba", "John", "Ba")),  # a family name, not a degree
    ({"first": "Mary Ann", "last": "Smith"}, ("Mary Ann Smith", "Mary Ann", "Smith")),
    ({"full": "Cher"}, ("Cher", "Cher", "")),
]


@pytest.mark.parametrize(("given", "expected"), NAMES)
def test_names_lose_honorifics_and_suffixes_and_keep_middle_names(given, expected):
    assert tuple(person_name(**given)) == expected


# (file, the feeds it must give: URL, name, tag)
OPML_FILES = [
    (
        "plenary-raw-ampersand.opml",
        [
            (
                "https://feeds.arstechnica.com/arstechnica/index",
                "Ars Technica",
                "Science & Tech",
            ),
            ("https://example.org/feed?cat=1&tag=rescue", "Search & Rescue", "Science & Tech"),
            ("https://cafe.example/rss", "Café Society", None),
        ],
    ),
    (
        "newsboat-text-folders.opml",
        [
            ("https://lwn.net/headlines/rss", "LWN.net", "Tech"),
            ("https://example.com/deep.xml", "Deep feed", "Tech/Deeper"),
            ("https://username.livejournal.com/data/rss", "A LiveJournal", None),
        ],
    ),
    (
        "listparser-malformed-html-entity-attribute.xml",
        [("http://domain1/feed", "archæology", None), ("http://domain2/feed", "archæology", None)],
    ),
    ("listparser-opml-outline_type-source.xml", []),
    (
        "listparser-opml-outline_xmlUrl-miscapitalized.xml",
        [("http://domain/feed", "feedname", None)],
    ),
    (
        "listparser-opml-categories-hier-2-nested.xml",
        [("http://domain/feed", "feedname", "grouping1/grouping2")],
    ),
]


@pytest.mark.parametrize(("name", "feeds"), OPML_FILES)
def test_real_opml_files_give_their_feeds(name, feeds):
    assert [(s.url, s.name, s.tag) for s in read_opml(OPML / name)] == feeds


@pytest.mark.parametrize("name", sorted(p.name for p in OPML.iterdir()))
def test_every_opml_fixture_imports_and_a_second_import_adds_nothing(cli, name):
    result = cli("feeds", "import", str(OPML / name))
    if name == "newsboat-opml-element-missing.opml":  # its root is <not-opml>
        assert result.exit_code == 1 and "not OPML" in result.stderr
        return
    if not read_opml(OPML / name):
        assert result.exit_code == 1 and "no feeds in it" in result.stderr
        return
    assert result.exit_code == 0, result.output
    again = cli("feeds", "import", str(OPML / name))
    assert " 0 feeds added" in again.stderr


def test_opml_nested_5000_deep_and_40000_wide_is_read(tmp_path):
    deep = tmp_path / "deep.opml"
    deep.write_text(
        '<opml version="2.0"><body>'
        + '<outline text="f">' * 5000
        + '<outline text="x" xmlUrl="https://deep.test/feed"/>'
        + "</outline>" * 5000
        + "</body></opml>"
    )
    [sub] = read_opml(deep)
    assert sub.url == "https://deep.test/feed" and sub.tag is not None
    wide = tmp_path / "wide.opml"
    wide.write_text(
        '<opml version="2.0"><body>'
        + "".join(f'<outline text="f{i}" xmlUrl="https://w.test/{i}"/>' for i in range(40000))
        + "</body></opml>"
    )
    assert len(read_opml(wide)) == 40000
