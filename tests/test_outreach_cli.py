"""The outreach commands as a user runs them: stable machine-readable output,
CSV formula escaping, mark/history/explain/signals list, and the demo."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_outreach import add_contact, add_report

from prospect.render import LIST_COLUMNS, csv_cell
from prospect.store import connect, write
from prospect.store.outreach import history, save_outreach

EXPECTED_COLUMNS = [
    "rank", "person", "title", "company", "signal", "when", "why_now", "intro", "score",
    "strength", "recency", "relationship", "fit", "signal_type", "published_at", "url",
    "also", "person_key", "contact_id", "signal_id", "relationship_score", "sources", "state",
    "email", "profile_url",
]  # fmt: skip


@pytest.fixture
def store(db_path: Path) -> Path:
    """A store with a Series B reported by three feeds, a hire, and a hostile name."""
    db = connect(db_path)
    now = datetime.now(UTC)
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    add_contact(db, '=HYPERLINK("http://evil.example")', "Brightloop", "-VP of Sales")
    add_contact(db, "Yusuf Demir", "Halcyon Security", "Solutions Architect")
    for hours, feed in ((30, "techwire"), (29, "prwire"), (28, "googlenews")):
        add_report(db, feed, "Brightloop raises $40M Series B", f"https://{feed}.example/b",
                   now - timedelta(hours=hours), type="funding_round", company="Brightloop",
                   round="series_b", amount=40e6, currency="USD")  # fmt: skip
    add_report(db, "prwire", "Halcyon Security Names Marcus Lee Chief Revenue Officer",
               "https://prwire.example/h", now - timedelta(hours=5), type="executive_hire",
               company="Halcyon Security", person="Marcus Lee",
               role="Chief Revenue Officer")  # fmt: skip
    db.close()
    return db_path


def test_list_columns_are_the_stable_contract():
    assert list(LIST_COLUMNS) == EXPECTED_COLUMNS


def test_list_csv_has_exact_header_and_escapes_formulas(cli, store):
    result = cli("list", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == EXPECTED_COLUMNS
    assert len(rows) == 4
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example")' in cells
    assert "'-VP of Sales" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_list_json_and_jsonl_have_exactly_the_columns(cli, store):
    rows = json.loads(cli("list", "--format", "json").stdout)
    assert [list(r) for r in rows] == [EXPECTED_COLUMNS] * 3
    assert [r["rank"] for r in rows] == [1, 2, 3]
    funded = [r for r in rows if r["signal_type"] == "funding_round"]
    assert {r["signal"] for r in funded} == {"raised $40M Series B"}
    assert all(len(r["sources"].split()) == 3 and r["also"] == "" for r in funded)
    hire = next(r for r in rows if r["signal_type"] == "executive_hire")
    assert hire["signal"] == "named Chief Revenue Officer"
    assert hire["intro"].startswith("ask Yusuf Demir, Solutions Architect at Halcyon Security")
    lines = cli("list", "--format", "jsonl", "--limit", "1").stdout.splitlines()
    assert len(lines) == 1 and list(json.loads(lines[0])) == EXPECTED_COLUMNS


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Plain", "Plain"),
        ("a=b", "a=b"),
        (3, 3),
    ],
)
def test_csv_cell_escaping(value, escaped):
    assert csv_cell(value) == escaped


def test_table_output_names_people_and_intro(cli, store):
    result = cli("list", "--format", "table")
    assert result.exit_code == 0
    assert "Aisha Karim" in result.stdout
    assert "Marcus Lee" in result.stdout
    assert "prospect mark 1 contacted" in result.stderr


def test_mark_history_and_the_list_forgets_them(cli, store):
    first = json.loads(cli("list", "--format", "json").stdout)[0]
    result = cli("mark", "1", "contacted", "--note", "emailed")
    assert result.exit_code == 0, result.output
    assert f"marked {first['person']}" in result.stderr
    people = [r["person"] for r in json.loads(cli("list", "--format", "json").stdout)]
    assert first["person"] not in people
    everyone = json.loads(cli("list", "--format", "json", "--all").stdout)
    assert {r["person"]: r["state"] for r in everyone}[first["person"]] == "contacted"
    history = json.loads(cli("history", "--format", "json").stdout)
    assert [(h["person"], h["action"], h["note"]) for h in history] == [
        (first["person"], "contacted", "emailed")
    ]
    assert history[0]["about"]


def test_history_says_each_signal_in_the_words_the_list_used(cli, store):
    rows = json.loads(cli("list", "--format", "json").stdout)
    assert cli("digest", "--quiet").exit_code == 0  # everyone listed, with their signal
    shown = json.loads(cli("history", "--format", "json").stdout)
    about = {h["person"]: h["about"] for h in shown}
    assert about == {r["person"]: r["signal"] for r in rows}
    assert "raised $40M Series B" in about.values()  # the amount, not just the round


def test_history_reads_each_signal_whole_and_survives_a_missing_one(cli, store):
    db = connect(store)
    keyword = add_report(db, "prwire", "Brightloop opens Berlin office", "https://prwire.example/k",
               datetime.now(UTC), type="keyword", rule="expansion", company="Brightloop",
               evidence="opens Berlin office")  # fmt: skip
    with write(db):
        save_outreach(db, "c:1", "Aisha Karim", "contacted", signal_id=keyword.id)
        save_outreach(db, "c:1", "Aisha Karim", "skipped", signal_id=999)  # no such signal
        save_outreach(db, "c:1", "Aisha Karim", "listed")
    events = history(db)
    db.close()
    assert [(e["action"], e["signal"] and e["signal"].rule) for e in events] == [
        ("listed", None), ("skipped", None), ("contacted", "expansion")
    ]  # fmt: skip
    assert not any(k.startswith("joined_") for e in events for k in e)
    shown = json.loads(cli("history", "--format", "json").stdout)
    assert [h["about"] for h in shown] == ["", "", "Brightloop: expansion (opens Berlin office)"]


def test_mark_usage_errors_are_one_line_exit_2(cli, store):
    result = cli("mark", "Aisha", "snoozed")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: snoozed needs --until DATE (e.g. 2026-12-01 or 2w)"
    result = cli("mark", "1", "contacted", "--until", "2w")
    assert result.exit_code == 2
    assert cli("mark", "Aisha", "snoozed", "--until", "2w").exit_code == 0


def test_explain_shows_each_part_and_every_report(cli, store):
    result = cli("explain", "Aisha Karim")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for part in ("strength", "recency", "relationship", "fit"):
        assert part in out
    for feed in ("techwire", "prwire", "googlenews"):
        assert feed in out
    data = json.loads(cli("explain", "Aisha Karim", "--format", "json").stdout)
    assert len(data["events"][0]["reports"]) == 3
    assert data["score_parts"]["strength"]["why"].startswith("funding_round weight")


def test_signals_list_shows_raw_signals_with_matches(cli, store):
    rows = json.loads(cli("signals", "list", "--format", "json").stdout)
    assert len(rows) == 4
    funding = [r for r in rows if r["type"] == "funding_round"]
    assert len({r["event_id"] for r in funding}) == 1
    assert "Aisha Karim (direct)" in funding[0]["matches"]
    hire = next(r for r in rows if r["type"] == "executive_hire")
    assert hire["matches"] == "Marcus Lee (intro via Yusuf Demir)"
    only = json.loads(cli("signals", "list", "--type", "executive_hire", "--format", "json").stdout)
    assert [r["type"] for r in only] == ["executive_hire"]


def test_signals_on_a_screen_read_as_a_day_a_phrase_and_whom_they_match(store):
    """A table on a screen shows the day and the signal in words, with whom it matches;
    csv and json keep every column and no more."""
    from prospect.config import load_config
    from prospect.outreach import SIGNAL_COLUMNS, SIGNAL_SCREEN, signal_records
    from prospect.render import render_records
    from prospect.terminal import Terminal

    db = connect(store)
    records = signal_records(db, load_config(None), datetime(2026, 11, 20, tzinfo=UTC), 365)
    db.close()
    hire = next(r for r in records if r["type"] == "executive_hire")
    assert hire["date"] == hire["published_at"][:10]
    assert hire["signal"] == "named Chief Revenue Officer"
    term = Terminal(out=io.StringIO(), err=io.StringIO(), color=False, interactive=True, width=80)
    render_records(records, SIGNAL_COLUMNS, "table", term, screen=SIGNAL_SCREEN)
    header = term.out.getvalue().splitlines()[1]
    assert [c.strip() for c in header.strip("┃").split("┃")][:5] == [
        "id",
        "date",
        "company",
        "person",
        "signal",
    ]
    funding = next(r for r in records if r["type"] == "funding_round")
    assert funding["signal"].startswith("raised ") and "raised" in term.out.getvalue()
    term = Terminal(out=io.StringIO(), err=io.StringIO(), color=False, interactive=False)
    render_records(records, SIGNAL_COLUMNS, "json", term, screen=SIGNAL_SCREEN)
    assert list(json.loads(term.out.getvalue())[0]) == list(SIGNAL_COLUMNS)


def test_bad_signal_type_is_a_usage_error(cli, store):
    result = cli("list", "--signal", "tweets")
    assert result.exit_code == 2


def test_demo_lists_the_brightloop_series_b_once(cli):
    rows = json.loads(cli("demo", "--format", "json").stdout)
    grant = next(r for r in rows if r["person"] == "Michael Grant")
    assert grant["also"].count("Series B") == 1
    brightloop = [r for r in rows if r["signal"] == "raised $40M Series B"]
    assert brightloop and all(len(r["sources"].split()) == 2 for r in brightloop)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("list", "--since", "-3d"), "Invalid value for '--since': expected a duration above zero"),
        (("list", "--since", "0"), "Invalid value for '--since': expected a duration above zero"),
        (("list", "--since", "nan"), "Invalid value for '--since': expected a duration above zero"),
        (("signals", "list", "--since", "-1w"), "Invalid value for '--since'"),
        (("digest", "--since", "0d"), "Invalid value for '--since'"),
        (("list", "--limit", "-1"), "Invalid value for '--limit' / '-n'"),
        (("list", "--since", "7"), "expected a duration above zero with a unit: 12h, 7d or 2w"),
        (("today", "--limit", "-1"), "Invalid value for '--limit' / '-n'"),
        (("digest", "--limit", "-1"), "Invalid value for '--limit' / '-n'"),
        (("history", "--limit", "-1"), "Invalid value for '--limit' / '-n'"),
        (("demo", "--limit", "-1"), "Invalid value for '--limit' / '-n'"),
    ],
)
def test_bad_option_values_are_usage_errors(cli, store, args, expected):
    result = cli(*args)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and expected in errors[0], result.stderr
    assert result.stdout == ""


def test_limit_zero_means_everyone(cli, store):
    assert len(json.loads(cli("list", "--limit", "0", "--format", "json").stdout)) == 3


@pytest.mark.parametrize("until", ["2020-01-01", "-3d", "0d", datetime.now(UTC).date().isoformat()])
def test_snooze_must_end_in_the_future(cli, store, until):
    result = cli("mark", "Aisha", "snoozed", "--until", until)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: --until: expected a date after today or a duration above zero, got {until!r}"
    )
    # nothing was recorded: she is still on the list with no state
    rows = {r["person"]: r["state"] for r in json.loads(cli("list", "--format", "json").stdout)}
    assert rows["Aisha Karim"] is None
    assert json.loads(cli("history", "--format", "json").stdout) == []


def test_snooze_until_a_future_date_takes_her_off_the_list(cli, store):
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert cli("mark", "Aisha", "snoozed", "--until", tomorrow).exit_code == 0
    people = [r["person"] for r in json.loads(cli("list", "--format", "json").stdout)]
    assert "Aisha Karim" not in people


def test_a_number_past_the_list_names_the_size_list_shows(cli, store, isolated_paths: Path):
    (isolated_paths / "signals.yaml").write_text("daily_limit: 2\n")
    shown = json.loads(cli("list", "--format", "json").stdout)
    assert len(shown) == 2
    result = cli("explain", "99")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: no number 99 in today's list (it shows 2 people, 3 with --limit 0); "
        "use a key like c:42 or a name"
    )
    # the numbers past the cap are those `list --limit 0` shows
    third = json.loads(cli("list", "--limit", "0", "--format", "json").stdout)[2]
    assert json.loads(cli("explain", "3", "--format", "json").stdout)["person"] == third["person"]
    (isolated_paths / "signals.yaml").write_text("daily_limit: 10\n")
    result = cli("explain", "4")
    assert "(it has 3 people)" in result.stderr
