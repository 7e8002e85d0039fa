"""Shell completion (Typer's, for bash, zsh and fish): commands, options, feed
names and today's people, asked the way a shell asks, in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FEED = Path(__file__).parent / "fixtures" / "feeds" / "google-alerts.atom.xml"


def complete(words: str, env_extra: dict[str, str] | None = None) -> list[str]:
    env = {
        **os.environ,
        "_PROSPECT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        **(env_extra or {}),
    }
    done = subprocess.run(
        [sys.executable, "-m", "prospect"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_script_is_there_for_each_shell(shell: str):
    """What --install-completion writes for the shell it finds, asked for by name."""
    done = subprocess.run(
        [sys.executable, "-m", "prospect"],
        env={**os.environ, "_PROSPECT_COMPLETE": f"source_{shell}"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert f"complete_{shell}" in done.stdout and "prospect" in done.stdout


def test_commands_options_feeds_and_people_complete(cli, db_path: Path):
    assert complete("prospect fe") == ["feeds"]
    assert "--format" in complete("prospect list --fo")
    assert cli("feeds", "add", str(FEED), "--name", "Alerts").exit_code == 0
    env = {"PROSPECT_DB": str(db_path)}
    assert complete("prospect feeds remove Al", env) == ["Alerts"]
    assert complete("prospect feeds remove ", env) == ["Alerts", "1"]
    # no database yet: nothing to offer, and no error either
    assert complete("prospect mark ", {"PROSPECT_DB": str(db_path.with_name("none.db"))}) == []
