"""Hostile values that reach the store through the real pipeline (a feed polled,
an export imported) are shown inert by every command that prints them:
terminal escape sequences never reach stdout as raw bytes, and no CSV cell
starts a spreadsheet formula, even behind leading blanks."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from prospect.render import csv_cell

# SGR colour, an OSC 8 hyperlink ended by BEL, backspaces, clear-screen, a C1 CSI
# and bidi overrides and isolates, which make "gnp.exe" of "exe.png" (Trojan Source)
ESCAPES = (
    "\x1b[31m\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\x08\x08\x1b[2J\x9b1m"
    "\u202egnp.exe\u202c\u202dx\u2066y\u2069"
)
RAW = (b"\x1b", b"\x07", b"\x08", "\x9b".encode(), *(chr(c).encode() for c in (
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)))  # fmt: skip
FORMULAS = ("=HYPERLINK(1)", "+1+cmd", "-2+3", "@SUM(A1)", " =1+1", "\t=1+1", " \n@x")


def _feed(path: Path, title: str, feed_title: str) -> None:
    now = format_datetime(datetime.now(UTC))
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{escape(feed_title)}</title>"
        f"<item><title>{escape(title)}</title><link>https://news.example/1</link>"
        f"<guid>g1</guid><pubDate>{now}</pubDate>"
        f"<description>{escape('Story ' + ESCAPES)}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )


@pytest.fixture
def hostile_store(cli, tmp_path: Path) -> None:
    """A contact and a headline full of escape sequences, through import and poll."""
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f'"Aisha{ESCAPES}",Karim,,,Brightloop,"Head of Marketing{ESCAPES}",01 Jan 2026\n',
        encoding="utf-8",
    )
    assert cli("import", "linkedin", str(export)).exit_code == 0
    feed = tmp_path / "feed.xml"
    _feed(feed, f"Brightloop raises $40M Series B{ESCAPES}", f"Wire{ESCAPES}")
    assert cli("feeds", "add", str(feed), "--name", f"Wire{ESCAPES}").exit_code == 0
    result = cli("poll")
    assert result.exit_code == 0, result.output
    assert "1 new signals" in result.stderr


def _assert_inert(output: bytes) -> None:
    for raw in RAW:
        assert raw not in output, f"raw {raw!r} on stdout"


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("list", "--format", "csv"),
        ("signals", "list"),
        ("signals", "list", "--format", "csv"),
        ("explain", "1"),
        ("contacts", "list"),
        ("feeds", "list"),
        ("digest",),  # no recipients: the text part goes to stdout
    ],
)
def test_escape_sequences_are_shown_not_obeyed(cli, hostile_store, command):
    result = cli(*command)
    assert result.exit_code == 0, result.output
    _assert_inert(result.stdout_bytes)
    _assert_inert(result.stderr_bytes)
    # shown, so the rep can see something odd is there
    assert "\\x1b" in result.stdout
    assert "\\u202egnp.exe" in result.stdout


@pytest.fixture
def formula_store(cli, tmp_path: Path) -> None:
    """Formula-looking values in every field a CSV output can carry."""
    export = tmp_path / "Connections.csv"
    rows = [
        f'"{name}",Person{i},,,Brightloop,"{title}",01 Jan 2026'
        for i, (name, title) in enumerate(zip(FORMULAS, reversed(FORMULAS), strict=True))
    ]
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    assert cli("import", "linkedin", str(export)).exit_code == 0
    feed = tmp_path / "feed.xml"
    _feed(feed, "Brightloop raises $40M Series B", "=cmd|' /C calc'!A0")
    assert cli("feeds", "add", str(feed), "--name", "@SUM(1+1)", "--tag", " =1").exit_code == 0
    assert cli("poll").exit_code == 0
    marked = cli("mark", "1", "snoozed", "--until", "3d", "--note", "\t=HYPERLINK(2)")
    assert marked.exit_code == 0, marked.output


@pytest.mark.parametrize(
    "command",
    [
        ("list", "--all"),
        ("contacts", "list"),
        ("signals", "list"),
        ("feeds", "list"),
        ("history",),
    ],
)
def test_no_csv_cell_starts_a_formula(cli, formula_store, command):
    result = cli(*command, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 1
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), cell
    # the escaped values are there, behind a quote
    assert any(cell.startswith("'") for cell in cells)


@pytest.mark.parametrize("value", [" =1+1", "\t=1", "\n+1", "\u00a0@SUM(A1)", "  -2"])
def test_formulas_behind_leading_blanks_are_escaped(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Jane Doe", " Jane", "a-b", "", "VP - Sales"])
def test_ordinary_cells_are_left_alone(value):
    assert csv_cell(value) == value
