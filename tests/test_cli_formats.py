"""--format: what the help says is what each command does when its output is
piped or redirected (the test runner's stdout is not a terminal)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup

from prospect.cli import app
from prospect.render import TABLE_ROWS, Terminal, render_records

PIPED_CSV = "csv when piped or redirected"
ALWAYS_TEXT = "also when piped"

# every command whose data goes CSV into a pipe, with the arguments it needs
RECORD_COMMANDS = {
    "list": [],
    "today": ["--quiet"],
    "history": [],
    "signals list": [],
    "contacts list": [],
    "contacts search": ["sales"],
    "contacts show": ["1"],
    "who": ["Brightloop"],
    "feeds list": [],
    "accounts list": [],
    "detect": ["-"],
}


def _format_helps() -> dict[str, str]:
    """command path -> the help of its --format option."""
    found = {}

    def walk(group: TyperGroup, prefix: str) -> None:
        for name, cmd in group.commands.items():
            path = f"{prefix} {name}".strip()
            if isinstance(cmd, TyperGroup):
                walk(cmd, path)
                continue
            for param in cmd.params:
                if "--format" in getattr(param, "opts", []):
                    found[path] = param.help or ""

    walk(typer.main.get_command(app), "")
    return found


def test_every_format_option_says_what_happens_in_a_pipe():
    helps = _format_helps()
    text_views = {path for path, text in helps.items() if ALWAYS_TEXT in text}
    assert text_views == {"demo", "explain"}
    assert {path for path, text in helps.items() if PIPED_CSV in text} == set(RECORD_COMMANDS)
    assert set(helps) == text_views | set(RECORD_COMMANDS)


@pytest.mark.parametrize("command", sorted(RECORD_COMMANDS))
def test_piped_output_defaults_to_csv(cli, command: str, tmp_path: Path):
    card = tmp_path / "dana.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana Sales\nORG:Brightloop\nTITLE:Head of Sales\nEND:VCARD\n"
    )
    assert cli("import", "vcard", str(card)).exit_code == 0
    result = cli(*command.split(), *RECORD_COMMANDS[command], input="Acme raises $5M seed\n")
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert len(header) > 2 and all(h and " " not in h for h in header), result.stdout
    assert "┃" not in result.stdout and "│" not in result.stdout


def test_an_explicit_table_is_kept_in_a_pipe(cli):
    empty = cli("feeds", "list", "--format", "table")
    assert empty.exit_code == 0
    assert empty.stdout == "" and "no feeds yet: prospect feeds add URL" in empty.stderr
    assert cli("feeds", "add", "--no-check", "https://example.com/feed.xml").exit_code == 0
    result = cli("feeds", "list", "--format", "table")
    assert result.exit_code == 0
    assert "┃" in result.stdout


def test_the_demo_stays_cards_in_a_pipe(cli):
    result = cli("demo", "--limit", "3")
    assert result.exit_code == 0
    assert " 2  Rachel Kim, Chief Revenue Officer at Northwind" in result.stdout
    assert "┃" not in result.stdout
    grid = cli("demo", "--limit", "3", "--format", "table")
    assert "┃" in grid.stdout and "Rachel Kim" in grid.stdout


def test_a_table_on_a_terminal_stops_at_a_readable_length_and_says_how_to_get_all():
    out, err = io.StringIO(), io.StringIO()
    term = Terminal(out=out, err=err, color=False, interactive=True)
    records = [{"id": i, "name": f"Person {i:05d}"} for i in range(TABLE_ROWS + 25)]
    render_records(records, ["id", "name"], "table", term)
    assert f"Person {TABLE_ROWS - 1:05d}" in out.getvalue()
    assert f"Person {TABLE_ROWS:05d}" not in out.getvalue()
    assert "25 more not shown: --format csv or json gives every row" in err.getvalue()
    # asked for in a pipe or file, a table has every row
    piped = Terminal(out=io.StringIO(), err=io.StringIO(), color=False, interactive=False)
    render_records(records, ["id", "name"], "table", piped)
    assert f"Person {TABLE_ROWS + 24:05d}" in piped.out.getvalue()
