from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup

from prospect.cli import app


def _commands(group: TyperGroup, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        yield (*prefix, name), cmd
        if isinstance(cmd, TyperGroup):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help_with_an_example():
    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup)
    for path, cmd in _commands(root):
        assert cmd.help, f"{' '.join(path)} has no help"
        if not isinstance(cmd, TyperGroup):
            assert "Example: prospect" in cmd.help, f"{' '.join(path)} has no example"


def test_help_lists_commands(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for name in ("demo", "init", "poll", "list", "import", "feeds", "contacts", "who"):
        assert name in result.stdout


def test_python_dash_m_works():
    out = subprocess.run(
        [sys.executable, "-m", "prospect", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("prospect ")


def test_demo_prints_a_ranked_list_of_people_with_their_signals(cli):
    result = cli("demo", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 5
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    for row in rows:
        assert row["person"] and row["signal"] and row["why_now"]
    signal_types = {r["signal_type"] for r in rows}
    assert {"funding_round", "executive_hire", "job_change"} <= signal_types
    people = {r["person"] for r in rows}
    # a funding round at a company where the rep knows the CRO
    assert "Rachel Kim" in people
    # the bank that "raises rates" is not a funding signal
    assert "Olivia Chen" not in people
    # messages went to stderr, not into the data
    assert "poll:" in result.stderr


def test_demo_table_and_never_touches_the_users_database(cli, isolated_paths: Path):
    result = cli("demo")
    assert result.exit_code == 0
    assert "Rachel Kim" in result.stdout
    assert not (isolated_paths / "prospect.db").exists()


def test_init_creates_private_database_and_starter_rules(cli, isolated_paths: Path):
    result = cli("init")
    assert result.exit_code == 0, result.output
    db = isolated_paths / "prospect.db"
    rules = isolated_paths / "signals.yaml"
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    assert rules.read_text().startswith("# signals.yaml")
    # a second init keeps the user's edits
    rules.write_text("daily_limit: 3\n")
    assert cli("init").exit_code == 0
    assert rules.read_text() == "daily_limit: 3\n"


def test_global_db_option_beats_the_environment(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PROSPECT_DB", str(tmp_path / "env.db"))
    other = tmp_path / "elsewhere" / "p.db"
    other.parent.mkdir()
    assert cli("--db", str(other), "feeds", "list").exit_code == 0
    assert other.exists() and not (tmp_path / "env.db").exists()


@pytest.mark.parametrize("how", ["option", "env"])
def test_a_database_in_a_folder_that_does_not_exist_is_an_error(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
):
    typo = tmp_path / "typo" / "dir" / "x.db"
    if how == "env":
        monkeypatch.setenv("PROSPECT_DB", str(typo))
        args: tuple[str, ...] = ()
        named = "PROSPECT_DB"
    else:
        args, named = ("--db", str(typo)), "--db"
    result = cli(*args, "list")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {named} {typo}: the folder {typo.parent} does not exist "
        f"(check the path; `prospect init` with the same {named} creates it)\n"
    )
    assert not (tmp_path / "typo").exists()
    # init makes the folders
    assert cli(*args, "init").exit_code == 0
    assert typo.exists()
    assert cli(*args, "list").exit_code == 0


def test_the_default_database_location_is_made_when_missing(cli, isolated_paths: Path):
    isolated_paths.rmdir()
    assert cli("feeds", "list").exit_code == 0
    assert (isolated_paths / "prospect.db").exists()


@pytest.mark.parametrize("how", ["option", "env"])
def test_a_rules_file_named_explicitly_must_exist(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
):
    typo = tmp_path / "sigals.yaml"
    if how == "env":
        monkeypatch.setenv("PROSPECT_CONFIG", str(typo))
        args: tuple[str, ...] = ()
        named = "PROSPECT_CONFIG"
    else:
        args, named = ("--config", str(typo)), "--config"
    for command in (["list"], ["poll", "--quiet"], ["config"]):
        result = cli(*args, *command)
        assert result.exit_code == 2, command
        assert result.stderr.splitlines() == [
            f"error: {named} {typo}: no such rules file "
            f"(check the path; `prospect init` with the same {named} writes a starter one)"
        ]
    assert cli(*args, "init").exit_code == 0 and typo.exists()
    assert cli(*args, "list").exit_code == 0
