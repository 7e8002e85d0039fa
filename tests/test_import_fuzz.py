"""Random bytes and random export-shaped text into every importer, through the
command line a rep runs: either a clean import or one clean error line, never
an unhandled exception and never a partial import (the store is compared
before and after every failed run)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospect.importers.csvfile import FIELDS

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TABLES = ("contacts", "companies", "signals", "contact_sources")

_HEADERS = [
    "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
    "Name", "E-mail 1 - Value", "Organization 1 - Name", "Job Title", "Account", "Notes:",
]  # fmt: skip
_CELLS = [
    "Ada", "Lovelace", "Brightloop", "VP of Sales", "30 May 2024", "1/8/18, 6:14 PM",
    "not a date", "", " ", '"', '""', '"quoted, comma"', "a;b", "\t", "\r", "=1+1", "\x00",
    "\ufeff", "Ελένη", "美咲", "ada@example.com", "https://www.linkedin.com/in/ada",
]  # fmt: skip
_SEPARATORS = [",", ";", "\t", "\n", "\r\n", '"']
_VCARD_LINES = [
    "BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "VERSION:4.0", "FN:Ada Lovelace",
    "N:Lovelace;Ada;;;", "ORG:Brightloop;Sales", "TITLE:VP of Sales", "EMAIL:ada@example.com",
    "FN;ENCODING=QUOTED-PRINTABLE:Ad=C3=A9=", " continued", "\tfolded", "item1.URL:http://x",
    "N:;;;;", "FN:", "ORG:\\;escaped\\,", "BEGIN:VCARD", "garbage without colon", "FN:=E9",
]  # fmt: skip
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]


def csv_shaped() -> st.SearchStrategy[str]:
    cell = st.one_of(st.sampled_from(_CELLS + _HEADERS), st.text(max_size=12))
    return st.lists(st.one_of(cell, st.sampled_from(_SEPARATORS)), max_size=80).map("".join)


def linkedin_shaped() -> st.SearchStrategy[str]:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    preamble = st.sampled_from(["", "Notes:\n\n", "Notes:,,\n", '"Notes:"\n"a, b"\n\n'])
    return st.tuples(preamble, st.just(header), csv_shaped()).map("".join)


def vcard_shaped() -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(_VCARD_LINES), st.text(max_size=20))
    return st.lists(line, max_size=40).map("\n".join)


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.tuples(text, st.sampled_from(_ENCODINGS)).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )


def any_input(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2000), encoded(text))


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            table: conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall()
            for table in TABLES
            if table in names
        }
    finally:
        conn.close()


@pytest.fixture
def seeded(cli, tmp_path: Path, db_path: Path) -> Path:
    """A store that already holds contacts, so a partial import would show."""
    export = tmp_path / "seed.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Aisha,Karim,,,Brightloop,Head of Marketing,01 Jan 2026\n"
        "Marcus,Lee,,,Halcyon Security,Chief Revenue Officer,02 Jan 2026\n",
        encoding="utf-8",
    )
    assert cli("import", "linkedin", str(export)).exit_code == 0
    return db_path


def check_import(cli, db_path: Path, path: Path, data: bytes, *args: str) -> None:
    """One import: exit 0, or a clean error with the store exactly as it was."""
    path.write_bytes(data)
    before = snapshot(db_path)
    result = cli("import", *args[:1], str(path), *args[1:])  # raises on an unhandled exception
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        return
    assert result.exit_code in (1, 2), result.output
    assert result.stderr.startswith("error: "), result.stderr
    assert len(result.stderr.strip().splitlines()) >= 1
    assert snapshot(db_path) == before, "a failed import changed the store"


@SETTINGS
@given(data=any_input(linkedin_shaped()), strict=st.booleans())
def test_linkedin_import_is_clean_or_a_clean_error(cli, seeded, tmp_path, data, strict):
    extra = ("--strict",) if strict else ()
    check_import(cli, seeded, tmp_path / "Connections.csv", data, "linkedin", *extra)


@SETTINGS
@given(data=any_input(csv_shaped()), strict=st.booleans())
def test_csv_import_is_clean_or_a_clean_error(cli, seeded, tmp_path, data, strict):
    extra = ("--strict",) if strict else ()
    check_import(cli, seeded, tmp_path / "export.csv", data, "csv", *extra)


_MAP_COLUMNS = st.one_of(
    st.integers(min_value=0, max_value=9).map(str),
    st.sampled_from(_HEADERS),
    st.text(max_size=8),
)
_MAP_FIELDS = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))


@SETTINGS
@given(
    data=any_input(csv_shaped()),
    maps=st.lists(st.tuples(_MAP_COLUMNS, _MAP_FIELDS), min_size=1, max_size=4),
    no_header=st.booleans(),
)
def test_csv_import_with_map_is_clean_or_a_clean_error(
    cli, seeded, tmp_path, data, maps, no_header
):
    extra = [arg for column, field in maps for arg in ("--map", f"{column}={field}")]
    if no_header:
        extra.append("--no-header")
    check_import(cli, seeded, tmp_path / "export.csv", data, "csv", *extra)


@SETTINGS
@given(data=any_input(vcard_shaped()), strict=st.booleans())
def test_vcard_import_is_clean_or_a_clean_error(cli, seeded, tmp_path, data, strict):
    extra = ("--strict",) if strict else ()
    check_import(cli, seeded, tmp_path / "contacts.vcf", data, "vcard", *extra)


def test_a_bad_row_with_strict_leaves_the_store_as_it_was(cli, seeded, tmp_path):
    """The property above, pinned on one case that must fail: good rows first."""
    export = tmp_path / "Connections.csv"
    good = [f"Person{i},Tester,,,Company {i},Engineer,01 Jan 2026" for i in range(50)]
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "\n".join([*good, "Bad,Row,,,Acme,CEO,not a date"])
        + "\n",
        encoding="utf-8",
    )
    before = snapshot(seeded)
    result = cli("import", "linkedin", str(export), "--strict")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {export}:52: cannot read the date")
    assert snapshot(seeded) == before


@pytest.mark.parametrize(
    ("importer", "data"),
    [
        ("csv", b"\r\x00"),  # a stray CR once raised csv.Error from the header sniffing
        ("linkedin", b"First Name,Last Name\rx,Company\nAda,Lovelace,Acme\n"),
        ("csv", b"Name,Company\nAda," + b"x" * 200_000 + b"\n"),  # over csv.field_size_limit
    ],
)
def test_csv_quirks_found_by_fuzzing_are_clean(cli, seeded, tmp_path, importer, data):
    check_import(cli, seeded, tmp_path / "export.csv", data, importer)
