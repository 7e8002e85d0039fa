"""Every export variant, table-driven: what each fixture must parse into."""

from __future__ import annotations

from pathlib import Path

import pytest

from prospect.errors import ExitCode, InputError, ProspectError
from prospect.importers.csvfile import parse_csv, parse_mapping
from prospect.importers.linkedin import parse_linkedin, read_linkedin
from prospect.importers.text import parse_date
from prospect.importers.vcard import parse_vcard

FIX = Path(__file__).parent / "fixtures" / "contacts"

# file, contacts, skipped, one contact's expected fields, a warning expected
LINKEDIN = [
    (
        "linkedin-2024.csv",
        6,
        1,
        {
            "full_name": "Priya Nayak",  # credentials are not the name
            "profile_url": "https://www.linkedin.com/in/priya-nayak-0a1",
            "company": "Corvid Systems",
            "title": "Director, People Operations",
            "connected_on": "2024-05-30",
        },
        None,
    ),
    (
        "linkedin-2021-no-url.csv",
        2,
        1,
        {
            "full_name": "Grace Okoro",
            "profile_url": None,
            "email": "grace.okoro@fernhill.example",
            "connected_on": "2021-06-01",
        },
        None,
    ),
    ("linkedin-2019-crlf.csv", 2, 0, {"full_name": "Marcus Hale", "title": "Sales Manager"}, None),
    (
        "linkedin-2018-us-dates.csv",
        2,
        0,
        {"full_name": "Marcus Hale", "connected_on": "2018-01-08", "company": "Tidewater Robotics"},
        None,
    ),
    (
        "linkedin-excel-bom.csv",
        2,
        0,
        {
            "full_name": "Grace Okoro",
            "connected_on": "2026-01-05",
            "title": "Chief Marketing Officer",
        },
        None,
    ),
    (
        "linkedin-excel-semicolon-cp1252.csv",
        2,
        0,
        {
            "full_name": "Renée Lefèvre",
            "company": "Société Générale Études",
            "connected_on": "2021-09-16",
        },
        "Windows-1252",
    ),
]


@pytest.mark.parametrize(("name", "count", "skipped", "expected", "warning"), LINKEDIN)
def test_linkedin_variants(name, count, skipped, expected, warning):
    parsed = parse_linkedin(FIX / name)
    assert len(parsed.contacts) == count
    assert parsed.skipped == skipped
    assert parsed.problems == []
    found = [c for c in parsed.contacts if c.full_name == expected["full_name"]]
    assert len(found) == 1, [c.full_name for c in parsed.contacts]
    for key, value in expected.items():
        assert getattr(found[0], key) == value, key
    if warning:
        assert any(warning in w and name in w for w in parsed.warnings)
    else:
        assert parsed.warnings == []


def test_linkedin_real_world_cells_survive():
    contacts = {c.last_name: c for c in parse_linkedin(FIX / "linkedin-2024.csv").contacts}
    assert contacts['O"Brien'].company == "Bramble & Co., Ltd."
    assert contacts['O"Brien'].title == "Head of Growth 🚀"
    assert contacts["Reyes"].first_name == "Ana Lucía"  # a tab inside the name
    assert contacts["Reyes"].profile_url == "https://www.linkedin.com/in/ana-luc%C3%ADa-reyes"
    assert contacts["Παπαδόπουλος"].full_name == "Νίκος Παπαδόπουλος"
    assert contacts["佐藤"].company == "Hoshi Logistics"


def test_read_linkedin_keeps_its_old_shape():
    contacts, skipped = read_linkedin(FIX / "linkedin-2024.csv")
    assert (len(contacts), skipped) == (6, 1)


def test_linkedin_without_header_suggests_import_csv_with_a_map():
    with pytest.raises(InputError) as info:
        parse_linkedin(FIX / "linkedin-no-header.csv")
    message = str(info.value)
    assert message.startswith(f"{FIX / 'linkedin-no-header.csv'}:1: no 'First Name")
    assert "prospect import csv" in message
    assert "--no-header --map 1=first_name --map 2=last_name --map 3=profile_url" in message
    assert "--map 7=connected_on" in message


def test_the_suggested_command_reads_the_file_without_header():
    mapping = parse_mapping(
        [
            f"{i}={f}"
            for i, f in enumerate(
                ["first_name", "last_name", "profile_url", "email", "company", "title"], 1
            )
        ]
        + ["7=connected_on"]
    )
    parsed = parse_csv(FIX / "linkedin-no-header.csv", mapping, no_header=True)
    assert [c.full_name for c in parsed.contacts] == ["Marcus Hale", "Grace Okoro"]
    assert parsed.contacts[1].connected_on == "2023-06-01"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("30 May 2024", "2024-05-30"),
        ("02 Jun 2022", "2022-06-02"),
        ("1/8/18, 6:14 PM", "2018-01-08"),
        ("12/24/17, 9:05 AM", "2017-12-24"),
        ("23-Nov-21", "2021-11-23"),
        ("5-Jan-26", "2026-01-05"),
        ("16.09.2021", "2021-09-16"),
        ("2024-05-30", "2024-05-30"),
        ("yesterday", None),
        ("31.02.2021", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


# file, mapping, contacts, one contact's expected fields
CSV = [
    (
        "hubspot.csv",
        [],
        2,
        {
            "full_name": "Marcus Hale",
            "email": "Marcus.Hale@Tidewater.example",
            "company": "Tidewater Robotics Inc.",
            "title": "VP of Sales",
        },
    ),
    (
        "google-contacts.csv",
        [],
        2,
        {
            "full_name": "Grace Okoro",
            "first_name": "Grace",
            "last_name": "Okoro",
            "email": "grace.okoro@fernhill.example",
            "company": "Fernhill Bank, N.A.",
            "title": "Chief Marketing Officer",
        },
    ),
    (
        "crm-custom.csv",
        ["Mail=email", "account=company", "Role=title"],
        1,
        {
            "full_name": "Lena Vogel",
            "first_name": "Lena",
            "last_name": "Vogel",
            "email": "lena@kranich.example",
            "company": "Kranich GmbH",
            "title": "Head of Sales",
        },
    ),
    (
        "linkedin-2024.csv",
        [],
        6,
        {"full_name": "Marcus Hale", "email": "marcus.hale@tidewater.example"},
    ),
]


@pytest.mark.parametrize(("name", "mapping", "count", "expected"), CSV)
def test_csv_variants(name, mapping, count, expected):
    parsed = parse_csv(FIX / name, parse_mapping(mapping))
    assert len(parsed.contacts) == count
    found = [c for c in parsed.contacts if c.full_name == expected["full_name"]]
    assert len(found) == 1
    for key, value in expected.items():
        assert getattr(found[0], key) == value, key


@pytest.mark.parametrize(
    ("items", "fragment"),
    [
        (["Account=employer"], "unknown field 'employer'"),
        (["company"], "expected COLUMN=field"),
        (["=company"], "expected COLUMN=field"),
    ],
)
def test_bad_map_is_a_usage_error(items, fragment):
    with pytest.raises(ProspectError) as info:
        parse_mapping(items)
    assert info.value.exit_code == ExitCode.USAGE
    assert fragment in str(info.value)


def test_map_naming_a_missing_column_lists_the_columns():
    with pytest.raises(ProspectError) as info:
        parse_csv(FIX / "hubspot.csv", {"Account": "company"})
    assert info.value.exit_code == ExitCode.USAGE
    assert "no column 'Account'" in str(info.value)
    assert "'Company Name'" in str(info.value)


def test_csv_without_a_name_column_says_how_to_name_one():
    with pytest.raises(InputError) as info:
        parse_csv(FIX / "crm-custom.csv", {"Contact": "email"})
    assert "crm-custom.csv:1: no name column" in str(info.value)
    assert "--map COLUMN=full_name" in str(info.value)


# file, contacts, one contact's expected fields
VCARD = [
    (
        "contacts-v3.vcf",
        2,
        {
            "full_name": "Grace Okoro",
            "first_name": "Grace",
            "last_name": "Okoro",
            "email": "grace.okoro@fernhill.example",
            "company": "Fernhill Bank",
            "title": "Chief Marketing Officer",
            "profile_url": "https://www.linkedin.com/in/graceokoro",
        },
    ),
    (
        "contacts-v3.vcf",
        2,
        {
            "full_name": "Renée Lefèvre",
            "company": "Société Générale Études, S.A.",
            "title": "Directrice commerciale et marketing pour l'Europe de l'Ouest et "
            "l'Afrique du Nord",
        },
    ),
    (
        "contacts-v4.vcf",
        2,
        {
            "full_name": "Ines Duarte",
            "email": "ines@quarry.example",
            "profile_url": "https://www.linkedin.com/in/inesduarte",
        },
    ),
    (
        "contacts-v4.vcf",
        2,
        {"full_name": "Jörg Müller", "last_name": "Müller", "company": "Kranich GmbH"},
    ),
]


@pytest.mark.parametrize(("name", "count", "expected"), VCARD)
def test_vcard_variants(name, count, expected):
    parsed = parse_vcard(FIX / name)
    assert len(parsed.contacts) == count
    found = [c for c in parsed.contacts if c.full_name == expected["full_name"]]
    assert len(found) == 1, [c.full_name for c in parsed.contacts]
    for key, value in expected.items():
        assert getattr(found[0], key) == value, key


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
GOOD = "Ada,Byron,https://www.linkedin.com/in/ada{n},,Engines Ltd,Analyst,30 May 2024\n"

# a bad row, what the message must say about it
BAD_ROWS = [
    ("Ada,Byron,u,,Engines, Ltd,Analyst,30 May 2024\n", "expected 7 fields, found 8"),
    (",,https://www.linkedin.com/in/x,,Engines,Analyst,30 May 2024\n", "no name"),
    ("Ada,Byron,u,,Engines,Analyst,the other day\n", "cannot read the date 'the other day'"),
]


@pytest.mark.parametrize(("row", "fragment"), BAD_ROWS)
def test_bad_rows_are_skipped_or_fatal_with_strict(tmp_path, row, fragment):
    body = HEADER + "".join(GOOD.format(n=n) for n in range(3)) + row + GOOD.format(n=9)
    path = _write(tmp_path, "Connections.csv", body)
    parsed = parse_linkedin(path)
    assert len(parsed.contacts) == 4
    assert parsed.skipped == 1
    assert len(parsed.problems) == 1
    assert parsed.problems[0].startswith(f"{path}:5: {fragment}")
    with pytest.raises(InputError) as info:
        parse_linkedin(path, strict=True)
    assert str(info.value).startswith(f"{path}:5: {fragment}")


def test_line_numbers_count_the_preamble_and_multiline_cells(tmp_path):
    body = (
        'Notes:\n"a note"\n\n'
        + HEADER
        + 'Ada,Byron,u1,,"Engines\nand Looms",Analyst,30 May 2024\n'
        + "Bad,Date,u2,,Engines,Analyst,someday\n"
    )
    path = _write(tmp_path, "Connections.csv", body)
    with pytest.raises(InputError) as info:
        parse_linkedin(path, strict=True)
    assert str(info.value).startswith(f"{path}:7: cannot read the date")


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (b"\xef\xbb\xbf" + HEADER.encode() + GOOD.format(n=1).encode(), None),
        ((HEADER + GOOD.format(n=1)).encode("utf-16"), None),
        ((HEADER + "Zoë,Brontë,u,,Café Ltd,Chef,30 May 2024\n").encode("cp1252"), "Windows-1252"),
        (
            (HEADER + "Zoë,Ba,u,,Ca,Ch,30 May 2024\nAl,Bo\xff,u2,,C,T,30 May 2024\n")
            .encode()
            .replace(b"\xc3\xbf", b"\xff"),
            "replaced",
        ),
    ],
    ids=["utf8-bom", "utf16", "cp1252", "utf8-one-bad-byte"],
)
def test_encodings(tmp_path, data, warning):
    parsed = parse_linkedin(_write(tmp_path, "Connections.csv", data))
    assert parsed.contacts
    assert parsed.contacts[0].first_name in ("Ada", "Zoë")
    if warning:
        assert any(warning in w for w in parsed.warnings), parsed.warnings
    else:
        assert parsed.warnings == []


def test_undecodable_file_is_a_clear_error(tmp_path):
    path = _write(tmp_path, "Connections.csv", HEADER.encode() + b"Ada,B\x81,u,,C,T,30 May 2024\n")
    with pytest.raises(InputError) as info:
        parse_linkedin(path)
    assert str(info.value).startswith(f"{path}:2: cannot decode byte 0x81")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError) as info:
        parse_linkedin(tmp_path / "nope.csv")
    assert "nope.csv: cannot read (No such file or directory)" in str(info.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Byron\n", "card has no END:VCARD"),
        ("BEGIN:VCARD\nVERSION:3.0\nORG:Engines\nEND:VCARD\n", "card has no name"),
    ],
)
def test_bad_vcards(tmp_path, text, fragment):
    good = "BEGIN:VCARD\nVERSION:3.0\nFN:Cara Dunn\nEND:VCARD\n"
    path = _write(tmp_path, "c.vcf", good + text)
    parsed = parse_vcard(path)
    assert [c.full_name for c in parsed.contacts] == ["Cara Dunn"]
    assert parsed.problems[0].startswith(f"{path}:5: {fragment}")
    with pytest.raises(InputError):
        parse_vcard(path, strict=True)


def test_a_file_that_is_not_a_vcard(tmp_path):
    with pytest.raises(InputError) as info:
        parse_vcard(_write(tmp_path, "c.vcf", "hello\n"))
    assert "no BEGIN:VCARD" in str(info.value)


def test_an_unclosed_quote_is_one_error_naming_its_line(tmp_path):
    path = _write(
        tmp_path,
        "Connections.csv",
        HEADER + GOOD.format(n=1) + '"Unclosed,Byron,u,,Engines,Analyst,30 May 2024\n'
        + GOOD.format(n=3),
    )  # fmt: skip
    with pytest.raises(InputError) as info:
        parse_linkedin(path)
    assert str(info.value).startswith(f"{path}:3: a quote opened on this line is never closed")


def test_multi_line_cells_are_checked_for_an_open_quote_once_per_file(tmp_path, monkeypatch):
    """Each check re-reads the file from the row on, so one per row is quadratic."""
    from prospect.importers import csvfile

    calls: list[int] = []
    real = csvfile._unclosed

    def counted(text: str, offset_line: int) -> bool:
        calls.append(offset_line)
        return real(text, offset_line)

    monkeypatch.setattr(csvfile, "_unclosed", counted)
    rows = "".join(
        f'Person {n},p{n}@ex.com,Co {n},"{n} Main St\nSpringfield"\n' for n in range(300)
    )
    header = "Name,Email,Company,Address\n"
    parsed = parse_csv(_write(tmp_path, "a.csv", header + rows + "Last One,l@ex.com,Co,x\n"))
    assert (len(parsed.contacts), parsed.problems, calls) == (301, [], [])
    # Only a multi-line row that runs to the end of the file may hold an open quote.
    parsed = parse_csv(_write(tmp_path, "b.csv", header + rows))
    assert (len(parsed.contacts), parsed.problems, len(calls)) == (300, [], 1)
    with pytest.raises(InputError) as info:
        parse_csv(
            _write(tmp_path, "c.csv", header + rows + 'Open,o@ex.com,"Co,x\nMore,m@ex.com,Co,y\n')
        )
    assert str(info.value).startswith(f"{tmp_path / 'c.csv'}:602: a quote opened on this line")
    assert len(calls) == 2


def test_blank_rows_are_not_skipped_rows(tmp_path):
    body = HEADER + GOOD.format(n=1) + "\n,,,,,,\n   \n" + GOOD.format(n=2) + ",,,,,,02 Jun 2022\n"
    parsed = parse_linkedin(_write(tmp_path, "Connections.csv", body))
    assert (len(parsed.contacts), parsed.skipped, parsed.problems) == (2, 1, [])


@pytest.mark.parametrize("kind", ["linkedin", "csv"])
def test_a_vcard_or_an_empty_file_gets_its_own_hint(tmp_path, kind):
    from prospect.importers.csvfile import parse_csv

    parse = parse_linkedin if kind == "linkedin" else parse_csv
    vcf = _write(tmp_path, "contacts.vcf", (FIX / "contacts-v3.vcf").read_text())
    with pytest.raises(InputError) as info:
        parse(vcf)
    assert str(info.value) == f"{vcf}:1: this looks like a vCard: prospect import vcard {vcf}"
    empty = _write(tmp_path, "empty.csv", "\n  \n")
    with pytest.raises(InputError) as info:
        parse(empty)
    assert str(info.value) == f"{empty}:1: the file is empty"
