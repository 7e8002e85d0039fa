"""The import's fast paths give what the general code gives, on every cell of
the real exports in tests/fixtures: the `30 May 2024` date read without
strptime, a plain name folded without the regular expressions, and the first
and last name cells taken from a cache."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from prospect.importers import names
from prospect.importers.text import parse_date, read_text, sniff_delimiter, strptime_date
from prospect.normalize import _NON_WORD, _SPACES, normalize_person, strip_accents

CONTACTS = Path(__file__).parent / "fixtures" / "contacts"


def _cells() -> list[str]:
    """Every cell of every CSV export, and every vCard property's value."""
    cells: set[str] = set()
    for path in sorted(CONTACTS.rglob("*")):
        if path.suffix.lower() not in (".csv", ".vcf"):
            continue
        text, _ = read_text(path)
        if path.suffix.lower() == ".vcf":
            for line in text.splitlines():
                _, _, value = line.partition(":")
                cells.update([value, *value.split(";")])
            continue
        first = text.split("\n", 1)[0]
        try:
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first)):
                cells.update(row)
        except csv.Error:
            continue
    return sorted(cells)


CELLS = _cells()
SAMPLE = [*CELLS, "30 May 2024", "7 Jan 2019", "07 Jan 2019", "31 Feb 2024", "30 may 2024"]


def test_fixtures_give_cells() -> None:
    assert len(CELLS) > 1000


def test_dates_read_as_strptime_reads_them() -> None:
    days = ["0", "00", "1", "01", "9", "28", "29", "30", "31", "32", "٣"]
    months = ["Jan", "Feb", "Apr", "May", "may", "MAY", "Sept", "Dec"]
    years = ["2024", "2023", "1900", "0999", "24", "20245", "٢٠٢٤"]
    grid = [f"{d} {m} {y}" for d in days for m in months for y in years]
    for text in [*SAMPLE, *grid]:
        assert parse_date(text) == strptime_date(text), text


def _folded(name: str) -> str:
    text = strip_accents(name).casefold()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


@pytest.mark.parametrize("extra", ["", " ", "  x_y", "\t", "O'Neill", "Ünal"])
def test_names_fold_as_the_general_fold(extra: str) -> None:
    for cell in SAMPLE:
        assert normalize_person(cell + extra) == _folded(cell + extra), cell


def test_cached_name_cells_are_the_cells_cleaned() -> None:
    names._given_name.cache_clear()
    names._family_name.cache_clear()
    for cell in SAMPLE:
        for _ in range(2):  # computed, then from the cache
            assert names._given_name(cell) == names._strip_first(names.clean_name(cell))
            assert names._family_name(cell) == names._strip_last(names.clean_name(cell))
