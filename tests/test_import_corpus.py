"""The corpus of real export files (tests/fixtures/SOURCES.md, "The corpus"),
each through the command a rep would run, into a fresh store: the exit code,
how many people or feeds it gives, one of them with its fields as the file
has them (checked by hand against the file), and a second import that
changes nothing. A file the command refuses gets one line naming the command
that takes it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from prospect.opml import read_opml

FIX = Path(__file__).parent / "fixtures"
WILD = FIX / "contacts" / "wild"
OPML = FIX / "feeds" / "opml"
LI = "https://www.linkedin.com/in/"

# (command, file, people in the store, one of them: name, email, company, title, URL)
CONTACTS = [
    # vCard 2.1 / 3.0 / 4.0 from ez-vcard's test suite (phones, mail programs)
    ("vcard", "ezvcard-John_Doe_ANDROID.vcf", 6,
     ("john.doe@company.com", "john.doe@company.com", None, None, None)),
    ("vcard", "ezvcard-John_Doe_BLACK_BERRY.vcf", 1,
     ("John Doe", None, "Acme Solutions", None, None)),
    ("vcard", "ezvcard-John_Doe_EVOLUTION.vcf", 1,
     ("John Richter James Doe", "john.doe@ibm.com", "IBM", "Money Counter", "http://www.ibm.com")),
    ("vcard", "ezvcard-John_Doe_GMAIL.vcf", 1,
     ("John Richter James Doe", "john.doe@ibm.com", "IBM", "Money Counter", "http://www.ibm.com")),
    ("vcard", "ezvcard-John_Doe_IPHONE.vcf", 1,
     ("John Richter James Doe", "john.doe@ibm.com", "IBM", "Money Counter", "http://www.ibm.com")),
    ("vcard", "ezvcard-John_Doe_LOTUS_NOTES.vcf", 1,
     ("John Johny Doe", "john.doe@ibm.com", "IBM", "Generic Accountant", "http://www.sun.com")),
    ("vcard", "ezvcard-John_Doe_MAC_ADDRESS_BOOK.vcf", 1,
     ("John Richter James Doe", "john.doe@ibm.com", "IBM", "Money Counter", "http://www.ibm.com")),
    ("vcard", "ezvcard-John_Doe_MS_OUTLOOK.vcf", 1,  # the file's own address: ibm.cm
     ("John Richter James Doe", "john.doe@ibm.cm", "IBM", "Money Counter", "http://www.ibm.com")),
    ("vcard", "ezvcard-fullcontact.vcf", 1,
     ("FirstName MiddleName LastName", "home@example.com", "Organization1", "Title1",
      "http://www.homepage.com")),
    ("vcard", "ezvcard-gmail-list.vcf", 3,
     ("Chris Beatle", "chrisy55d@yahoo.com", None, None, None)),
    ("vcard", "ezvcard-gmail-single.vcf", 1,
     ("Greg Dartmouth", "gdartmouth@hotmail.com", "TheCompany", "TheJobTitle",
      "http://TheProfile.com")),
    ("vcard", "ezvcard-gmail-single2.vcf", 1,
     ("VCard Test", "email@example.com", "TheCompany", "TheJobTitle", "http://www.example1.com")),
    ("vcard", "ezvcard-issue114.vcf", 1,
     ("Dummy Dummy", "dummy.dummy@dummy.com", "Dummy GmbH", None, None)),
    ("vcard", "ezvcard-outlook-2003.vcf", 1,
     ("John Doe", "jdoe@hotmail.com", "Company, The", "The Job Title",
      "http://web-page-address.com")),
    ("vcard", "ezvcard-outlook-2007.vcf", 1,
     ("Michael Angstadt", "mike.angstadt@gmail.com", "TheCompany", "TheJobTitle",
      "http://mikeangstadt.name")),
    ("vcard", "ezvcard-rfc2426-example.vcf", 2,
     ("Tim Howes", "howes@netscape.com", "Netscape Communications Corp.", None, None)),
    ("vcard", "ezvcard-rfc6350-example.vcf", 1,
     ("Simon Perreault", "simon.perreault@viagenie.ca", "Viagenie", None, "http://nomis80.org")),
    ("vcard", "ezvcard-thunderbird-MoreFunctionsForAddressBook-extension.vcf", 1,
     ("John Doe", "doe.john@hotmail.com", "TheOrganization", "TheTitle",
      "http://www.private-webpage.com")),
    # khard's fixtures (vdir cards as CardDAV servers hand them out)
    ("vcard", "khard-altid.vcf", 1, ("one representation", None, None, None, None)),
    ("vcard", "khard-category.vcf", 1,
     ("contact with category", "foo@example.org", None, None, None)),
    ("vcard", "khard-contact1.vcf", 1, ("second contact", "user@example.com", None, None, None)),
    ("vcard", "khard-contact2.vcf", 1, ("third contact", None, None, None, None)),
    ("vcard", "khard-individual.vcf", 1, ("Wile E. Coyote", None, "ACME Inc.", None, None)),
    ("vcard", "khard-issue249.vcf", 1, ("Foo Bar", None, None, None, None)),
    ("vcard", "khard-joe.vcf", 1, ("Joe Citizen", "jcitizen@foo.com", None, None, None)),
    ("vcard", "khard-korean-c.vcf", 1, ("최유림", None, None, None, None)),
    ("vcard", "khard-korean-j.vcf", 1, ("전도훈", None, None, None, None)),
    ("vcard", "khard-labels.vcf", 1, ("labeled guy", None, "Test Inc", None, None)),
    ("vcard", "khard-minimal.vcf", 1, ("minimal contact", None, None, None, None)),
    ("vcard", "khard-nickname.vcf", 1, ("Michael Smith", "ms@example.org", None, None, None)),
    ("vcard", "khard-no-nickname.vcf", 1, ("Mike Jones", "mj@example.org", None, None, None)),
    ("vcard", "khard-org.vcf", 0, None),  # KIND:org
    ("vcard", "khard-photov3.vcf", 1, ("with photo v3", None, None, None, None)),
    ("vcard", "khard-photov4.vcf", 1, ("with photo v4", None, None, None, None)),
    ("vcard", "khard-post.vcf", 1, ("With post address", None, None, None, None)),
    ("vcard", "khard-tel-value-uri.vcf", 1, ("bug 195", None, None, None, None)),
    ("vcard", "khard-text-bday.vcf", 1, ("text birthday", None, None, None, None)),
    ("vcard", "khard-unparsable.vcf", 0, None),  # no END:VCARD: skipped with its line
    # vobject's vCard 4.0 test files
    ("vcard", "vobject-vcard40_full.vcf", 1,
     ("John Q. Public", "johnny@personal.example.org", "Example Corp.", "CEO",
      "http://www.example.com/~jqpublic")),
    ("vcard", "vobject-vcard40_group.vcf", 0, None),  # KIND:group
    ("vcard", "vobject-vcard40_multilang.vcf", 1, ("Taro Yamada", None, None, None, None)),
    ("vcard", "vobject-vcard40_org.vcf", 0, None),  # KIND:org
    ("vcard", "vobject-vcard40_simple.vcf", 1, ("John Doe", None, None, None, None)),
    # Roundcube's test files: Apple, The Bat!, UTF-16, Windows-1252
    ("vcard", "roundcube-apple.vcf", 0, None),  # X-ABShowAs:COMPANY, no person named
    ("vcard", "roundcube-browser-contacts.vcf", 2,
     ("Sylvester Stalone", "s.stalone@rambo.tv", None, None, None)),
    ("vcard", "roundcube-johndoe.vcf", 1,
     ("John Doë", "roundcube@gmail.com", "roundcube.net", None, None)),
    ("vcard", "roundcube-photo.vcf", 1, ("Jörg Müller", None, "Apple Computer AG", None, None)),
    ("vcard", "roundcube-thebat.vcf", 1,  # =F1 without CHARSET: read as Windows-1252
     ("Piotr Iksiñski", "piotr.iksinski@somedomain.com", None, None, None)),
    ("vcard", "roundcube-utf-16_sample.vcf", 1, ("Ǽgean ĽdaMonté", None, None, None, None)),
    # Thunderbird's import tests
    ("vcard", "thunderbird-basic_vcard_addressbook.vcf", 2,
     ("Jane Doe", "jane.doe@genericemail.invalid", None, None, None)),
    ("vcard", "thunderbird-emptylines_vcard_addressbook.vcf", 2,
     ("John Doe", "john.doe@genericemail.invalid", None, None, None)),
    ("csv", "thunderbird-basic_addressbook.csv", 1,
     ("John Doe", "johndoe@host.invalid", None, None, None)),
    ("csv", "thunderbird-quote.csv", 0, None),  # the company's own entry
    # Roundcube's CSV tests: Google, Outlook, Thunderbird, a generic template
    ("csv", "roundcube-all.csv", 1,
     ("First Name Middle Name Last Name", "work@example.com", "Company", "Job Title", None)),
    ("csv", "roundcube-email.csv", 4, ("test3@domain.tld", "test3@domain.tld", None, None, None)),
    ("csv", "roundcube-gmail.csv", 1,
     ("Firstname Middle Lastname", "home@aaa.pl", "company", "jobtitle", None)),
    ("csv", "roundcube-outlook.csv", 1, ("test1@domain.tld", "test1@domain.tld", None, None, None)),
    ("csv", "roundcube-tb_plain.csv", 1,
     ("Firstname Lastname", "test@domain.tld", "Organization", "title", None)),
    # CRM and address-book exports from public repositories
    ("csv", "google-legacy-mtrazzi.csv", 3, ("Elon Musk", "elon.musk@tesla.com", None, None, None)),
    ("csv", "outlook-google-shared-contacts.csv", 3,
     ("Adam Glacius", "adam.glacius@anycom.com", "Acme Inc.", "Sales Planner", None)),
    ("csv", "hubspot-dummydata.csv", 5,
     ("Raymond Cunningham", "christinerichardson@example.org", None,
      "Scientist, clinical (histocompatibility and immunogenetics)", None)),
    ("csv", "hubspot-salesmod-export.csv", 11,
     ("Dean Simonetti", "greatsouthbayamc@gmail.com", "Great South Bay Appraisal Management",
      "CEO", None)),
    ("csv", "apollo-2024-sarthakjdev.csv", 3,
     ("Vikram Sharma", "vikram@pvalueresearch.com", "Pure Value Advisory Services", "Director",
      LI + "vikram-sharma-cfa-b4478518")),
    ("csv", "apollo-2024-coding-cooking.csv", 3,
     ("Adrian Sim", "adrian.sim@omnino.com.au", "Omnino Pty Ltd", "Purchasing Logistics Manager",
      LI + "adrian-sim-8255b97")),
    # LinkedIn Connections.csv, 2018 to 2026
    ("linkedin", "linkedin-2018-abhishekwebcode.csv", 10,
     ("Nguyễn Xuân Chính", "nguyenxchinh95@gmail.com", "Camera Team", "Photographer", None)),
    ("linkedin", "linkedin-2024-JasonToups.csv", 13,
     ("Sheryl Sherrick", None, "Name.com", "Software Engineer", LI + "sherylsherrick")),
    ("linkedin", "linkedin-2024-chrhartm.csv", 12,
     ("Rob Konterman", None, "GOAL 3", "Strategy & Fundraising", LI + "robkonterman")),
    ("linkedin", "linkedin-2026-ericmpastore.csv", 9,
     ("Kaitlyn Argus", None, "JK Executive Strategies, LLC", "Recruiting Manager",
      LI + "kaitlyn-argus")),
]  # fmt: skip


def _contacts(cli) -> list[dict]:
    return json.loads(cli("contacts", "list", "--format", "json").stdout)


def _fields(c: dict) -> tuple:
    return (c["full_name"], c["email"], c["company"], c["title"], c["profile_url"])


@pytest.mark.parametrize(("kind", "name", "count", "person"), CONTACTS)
def test_every_export_in_the_corpus_imports_its_people_once(cli, kind, name, count, person):
    first = cli("import", kind, str(WILD / name))
    assert first.exit_code == 0, first.output
    people = [_fields(c) for c in _contacts(cli)]
    assert len(people) == count
    if person is not None:
        assert person in people
    again = cli("import", kind, str(WILD / name))
    assert again.exit_code == 0, again.output
    assert re.search(r": 0 added, 0 updated, \d+ unchanged", again.stderr), again.stderr
    assert [_fields(c) for c in _contacts(cli)] == people


NAMES_AS_WRITTEN = [
    ("linkedin-2024-JasonToups.csv", {"Joel Olazagoitia", "Robert Goslee", "James Fortinberry",
                                      "Vikas", "Elliot Sandvig", "Rashmi Nayak"}),
    ("linkedin-2024-chrhartm.csv", {"Mira Steenhuis-Daalhuizen", "Max Linnik", "Anand Ankam",
                                    "Sudhanshu Kasewa", "Diana Oigara", "Igor Rudenko"}),
    ("linkedin-2026-ericmpastore.csv", {"Max Irwin", "Ali Raza", "Jonathan Doane",
                                        "David Robertson"}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), NAMES_AS_WRITTEN)
def test_linkedin_names_lose_asides_emoji_and_credentials(cli, name, expected):
    cli("import", "linkedin", str(WILD / name))
    assert expected <= {c["full_name"] for c in _contacts(cli)}


def test_a_placeholder_company_is_no_company(cli):
    cli("import", "linkedin", str(WILD / "linkedin-2024-chrhartm.csv"))
    [row] = [c for c in _contacts(cli) if c["full_name"] == "Hendrik Jan Griffioen"]
    assert row["company"] is None  # the file says " -"


# (command, file, what the one line must say)
REFUSED = [
    ("linkedin", "linkedin-2021-no-header-MxKilian.csv",
     "prospect import csv {path} --no-header --map 1=first_name --map 2=last_name --map 3=email "
     "--map 4=company --map 5=title --map 6=connected_on"),
    ("linkedin", "linkedin-names-removed-importJL.csv", "has no name columns"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "name", "says"), REFUSED)
def test_refused_exports_get_one_line_that_says_what_to_do(cli, kind, name, says):
    path = WILD / name
    result = cli("import", kind, str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert says.format(path=path) in result.stderr
    assert _contacts(cli) == []


def test_the_hinted_command_imports_the_linkedin_file_without_its_header(cli):
    """The rows of this re-saved 2021 export that were quoted whole are read too."""
    path = WILD / "linkedin-2021-no-header-MxKilian.csv"
    hint = cli("import", "linkedin", str(path)).stderr
    command = hint.split("import it with: prospect ", 1)[1].split()
    assert cli(*command).exit_code == 0
    people = {_fields(c) for c in _contacts(cli)}
    assert len(people) == 12
    assert ("Laura Herbst", None, "Interhyp Gruppe",
            "Digital Products & Technology, Working Student", None) in people  # fmt: skip
    assert ("Galina Trunina", None, "Café Roma, Maximilienstr. 33", "Servicekraft", None) in people
    assert ": 0 added, 0 updated, 12 unchanged" in cli(*command).stderr


# (file, feeds it gives, one of them: URL, name, tag)
FEEDS = [
    ("feeder-Flym_auto_backup.opml", 11,
     ("https://grisebouille.net/feed/", "Grisebouille", "Political humour")),
    ("feeder-Programming.opml", 49,
     ("https://www.reddit.com/r/programming/.rss", "programming", "Signal v. Noise")),
    ("feeder-antennapod-feeds.opml", 8,
     ("http://withinthewires.libsyn.com/rss", "Within the Wires", None)),
    ("feeder-rssguard_1.opml", 30, ("http://linuxfr.org/news.atom", "LinuxFr.org : les dépêches",
                                    "Actu Geek")),
    ("feeder-rssguard_2.opml", 30, ("http://linuxfr.org/news.atom", "LinuxFr.org : les dépêches",
                                    "Actu Geek")),
    ("netnewswire-DefaultFeeds.opml", 10, ("https://feedpress.me/sixcolors?type=xml", "Six Colors",
                                           None)),
    ("netnewswire-Subs.opml", 207, ("http://www.gerrold.com/feed/", "Gerrold", "Writers")),
    ("netnewswire-SubsNoTitleAttributes.opml", 207,
     ("http://www.gerrold.com/feed/", "Gerrold", "Writers")),
    ("newsboat-category.opml", 1,
     ("http://feeds.bbci.co.uk/news/business/rss.xml?edition=int", None, "tag one")),
    ("newsboat-example.opml", 7,
     ("https://blogs.example.com/~mike/.rss", "Notes by Mike", "Blogs/friends")),
    ("newsboat-example2.opml", 7,
     ("https://third.example.com/~of/internet.rss", "Really?", "Rant boards/humans")),
    ("newsboat-filtered.opml", 2, ("https://example.com/firehose", "Firehose", None)),
    ("newsboat-piped.opml", 2,  # the `|command` source is read, and skipped by import
     ("https://example.com/feed.atom", "example.com website (Atom feed)", "tagged")),
    ("newsboat-test-urls+.opml", 4, ("http://test1.url.cc/feed.xml", "CC Test", "tag1/tag2")),
    ("newsboat-xmlurl-missing-but-url-exists.opml", 1,
     ("https://example.com/feed.xml", "example.com website", None)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "count", "feed"), FEEDS)
def test_every_opml_file_in_the_corpus_gives_its_feeds_once(cli, name, count, feed):
    subs = read_opml(OPML / name)
    assert len(subs) == count
    assert feed in [(s.url, s.name, s.tag) for s in subs]
    first = cli("feeds", "import", str(OPML / name))
    assert first.exit_code == 0, first.output
    added = int(re.search(r": (\d+) feeds added", first.stderr).group(1))
    assert added == len({s.url for s in subs if s.url.startswith("http")})
    again = cli("feeds", "import", str(OPML / name))
    assert " 0 feeds added" in again.stderr and f" {added} already subscribed" in again.stderr


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("newsboat-opml-element-missing.opml", "not OPML (expected an <opml> root element)"),
        ("newsboat-body-element-missing.opml", "no feeds in it"),
        ("listparser-opml-outline_type-source.xml", "no feeds in it"),
    ],
)
def test_opml_files_without_feeds_get_one_line(cli, name, says):
    result = cli("feeds", "import", str(OPML / name))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and says in result.stderr
