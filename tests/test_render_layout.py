"""What a person sees at a terminal of a given width: the list as cards, and
tables that keep only the columns that fit whole. Rendered at 80 and 160
columns through a Terminal of that width, as a real terminal would be."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from prospect.demo import run_demo
from prospect.render import (
    Terminal,
    _render_grid,
    explain_record,
    fit_columns,
    render_cards,
    render_explain,
    render_records,
    row_record,
    screen_records,
    why_parts,
)


@pytest.fixture(scope="module")
def demo_records() -> list[dict]:
    result = run_demo(say=lambda _m: None, limit=None)
    return [row_record(r, result.now) for r in result.rows]


def _term(width: int) -> Terminal:
    return Terminal(
        out=io.StringIO(), err=io.StringIO(), color=False, interactive=True, width=width
    )


def _cards(records: list[dict], width: int) -> list[list[str]]:
    term = _term(width)
    render_cards(records, term)
    return [block.splitlines() for block in term.out.getvalue().rstrip("\n").split("\n\n")]


@pytest.mark.parametrize("width", [80, 120, 160])
def test_cards_fit_the_width_and_keep_every_word_whole(demo_records, width: int):
    cards = _cards(demo_records, width)
    assert len(cards) == len(demo_records) == 10
    for card, rec in zip(cards, demo_records, strict=True):
        assert all(cell_len(line) <= width for line in card), card
        # the first line: rank, name, title and company
        assert card[0].startswith(f"{rec['rank']:>2}  {rec['person']}, {rec['title']} at ")
        text = " ".join(line.strip() for line in card)
        assert rec["signal"] in text and rec["when"] in text
        if rec["intro"]:
            assert "→ " + rec["intro"] in text
        for value in (rec["email"], rec["profile_url"]):
            if value:
                assert value in text  # whole, on one line
        # words are never broken: every word of the head and why now is on a line whole
        words = (rec["person"] + " " + " ".join(why_parts(rec))).split()
        for word in words:
            assert any(word.strip("()") in line for line in card), (word, card)


def test_cards_use_more_width_when_there_is_more(demo_records):
    narrow = _cards(demo_records, 80)
    wide = _cards(demo_records, 160)
    assert sum(map(len, wide)) < sum(map(len, narrow))
    # at 160 the signal and why now share a line; at 80 each has its own
    first = demo_records[1]
    assert any(first["signal"] in line and "why now:" in line for line in wide[1])
    assert not any(first["signal"] in line and "why now:" in line for line in narrow[1])
    # the key for `mark` is on the first line, at the right edge
    assert narrow[1][0].endswith(first["person_key"]) and len(narrow[1][0]) == 80


def test_why_now_is_short_parts_without_repeating_the_signal(demo_records):
    (card,) = _cards(demo_records[:1], 80)
    assert card[2] == "    why now: you know them · a role you sell to"


SIGNAL_COLUMNS = (
    "id", "published_at", "type", "company", "person", "role", "round", "amount", "currency",
    "change", "rule", "event_id", "company_match", "matches", "feed", "title", "url",
)  # fmt: skip
SIGNALS = [
    {
        "id": i, "published_at": "2026-11-19T07:40:00+00:00", "type": "funding_round",
        "company": "Northwind Analytics, Inc.", "person": None, "role": None,
        "round": "series_c", "amount": 65e6, "currency": "USD", "change": None,
        "rule": "funding_round", "event_id": i, "company_match": "northwind analytics (exact)",
        "matches": "Rachel Kim (direct)", "feed": "Business Daily",
        "title": "Northwind Analytics raises $65M Series C to expand its platform",
        "url": "https://businessdaily.example/northwind-analytics-series-c",
    }
    for i in range(1, 4)
]  # fmt: skip


@pytest.mark.parametrize("width", [80, 160])
def test_a_wide_table_keeps_the_columns_that_fit_whole_and_names_the_rest(width: int):
    term = _term(width)
    render_records(SIGNALS, SIGNAL_COLUMNS, "table", term)
    lines = term.out.getvalue().splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    chosen, needs = fit_columns(screen_records(SIGNALS, SIGNAL_COLUMNS), SIGNAL_COLUMNS, width)
    assert chosen[0] == "id" and len(chosen) < len(SIGNAL_COLUMNS)
    assert "07:40" in term.out.getvalue() and "+00:00" not in term.out.getvalue()
    # no column narrower than its words: the header row's cells are each wide enough
    header = [line.strip("┃").split("┃") for line in lines if line.startswith("┃")]
    for i, column in enumerate(chosen):
        cells = [row[i] for row in header]
        assert all(len(cell) - 2 >= needs[column] for cell in cells), (column, cells)
        assert " ".join(" ".join(cells).split()) == column.replace("_", " ")
    left_out = [c for c in SIGNAL_COLUMNS if c not in chosen]
    assert term.err.getvalue().startswith(f"not shown at {width} columns: {', '.join(left_out)}")
    assert len(chosen) > len(fit_columns(SIGNALS, SIGNAL_COLUMNS, 80)[0]) or width == 80


def test_a_table_that_fits_says_nothing_about_columns():
    term = _term(80)
    render_records([{"id": 1, "name": "TechWire"}], ["id", "name"], "table", term)
    assert "TechWire" in term.out.getvalue() and term.err.getvalue() == ""


@pytest.mark.parametrize("width", [80, 160])
def test_the_list_as_one_grid_fits_the_width_with_every_column_readable(demo_records, width):
    """`--format table`: every column gets room, so why now is not squeezed to a
    few characters (nor the grid cut at the edge), it does not repeat the
    signal, and a long address folds rather than ending in an ellipsis."""
    term = _term(width)
    _render_grid(demo_records[:1], term)
    lines = term.out.getvalue().splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    assert "why now" in lines[1] and lines[0].endswith("┓")
    assert "…" not in term.out.getvalue()
    why = [line.split("│")[-2].strip() for line in lines if line.count("│") == 6]
    assert "".join(why).endswith(demo_records[0]["profile_url"])  # whole, if folded
    assert " ".join(why).startswith("; ".join(why_parts(demo_records[0])))
    assert demo_records[0]["signal"] not in " ".join(why)


@pytest.mark.parametrize("width", [60, 80])
def test_explain_on_a_screen_wraps_at_words_under_each_line_and_keeps_urls_whole(width: int):
    result = run_demo(say=lambda _m: None, limit=None)
    row = next(r for r in result.rows if r.intro)  # a hire with introducers: every part
    term = _term(width)
    render_explain(row, "cards", term, result.now)
    lines = term.out.getvalue().splitlines()
    assert all(cell_len(line) <= width or "https://" in line for line in lines), lines
    why = next(i for i, line in enumerate(lines) if line.startswith("why now: "))
    assert lines[why + 1].startswith(" " * 9) and not lines[why + 1].startswith(" " * 10)
    assert all(line.strip().startswith("https://") for line in lines if "https://" in line)
    text = " ".join(" ".join(lines).split())
    assert explain_record(row, result.now)["why_now"] in text  # no word cut in two
    pipe = Terminal(out=io.StringIO(), err=io.StringIO(), color=False, interactive=False)
    render_explain(row, "cards", pipe, result.now)
    assert f"why now: {explain_record(row, result.now)['why_now']}" in pipe.out.getvalue()


def test_an_empty_table_is_a_sentence_and_csv_and_json_stay_well_formed():
    term = _term(80)
    render_records([], ["id", "name"], "table", term, empty="no feeds yet: prospect feeds add URL")
    assert term.out.getvalue() == ""
    assert term.err.getvalue() == "no feeds yet: prospect feeds add URL\n"
    for fmt, out in (("csv", "id,name\n"), ("json", "[]\n"), ("jsonl", "")):
        term = _term(80)
        render_records([], ["id", "name"], fmt, term, empty="unused")
        assert (term.out.getvalue(), term.err.getvalue()) == (out, "")
