"""The README's examples, checked against the real command line so they cannot drift.

Every `prospect ...` line in a bash block must name a real command and only
options that command has; the tour's offline commands are then run as written,
with the README's placeholder files swapped for bundled fixtures.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer.main

from prospect.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
DEMO = ROOT / "prospect" / "data" / "demo"


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```(?:bash|sh)\n(.*?)```", text, re.DOTALL)


def _prospect_commands(text: str) -> list[list[str]]:
    """Each `prospect ...` invocation in the README's bash blocks, as words,
    up to a pipe, a redirect or a comment."""
    found = []
    for block in _bash_blocks(text):
        for line in block.splitlines():
            for part in re.split(r"&&|;|\|", line.split(" #")[0]):
                words = shlex.split(part.strip().replace("\\$", "$"), comments=True)
                while words and words[0] != "prospect":
                    words = words[1:]
                if words:
                    found.append(words[1:])
    return found


COMMANDS = _prospect_commands(README)


def _resolve(words: list[str]) -> tuple[Any, list[str]]:
    """The command the words name (a group's subcommand, its subcommand ...) and
    the words left after it."""
    command: Any = typer.main.get_command(app)
    rest = list(words)
    while rest and rest[0] in getattr(command, "commands", {}):
        command = command.commands[rest.pop(0)]
    return command, rest


def test_the_readme_has_examples_to_check():
    assert len(COMMANDS) >= 30


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(w)[:60] for w in COMMANDS])
def test_every_readme_command_and_option_exists(words: list[str]):
    command, rest = _resolve(words)
    assert not hasattr(command, "commands") or not rest or rest[0].startswith("-"), (
        f"prospect {' '.join(words)}: no command {rest[0]!r}"
    )
    options = {name for param in command.params for name in param.opts + param.secondary_opts}
    for word in rest:
        if word.startswith("--"):
            assert word.split("=")[0] in options, f"prospect {' '.join(words)}: no option {word}"


def test_the_tour_runs_as_written_offline(cli, monkeypatch: pytest.MonkeyPatch):
    """The five-minute tour, line by line, with the bundled demo export and a
    demo feed in place of the README's download and web address. Every other
    web feed (the starters, the search feed) goes to a proxy on a closed local
    port: it fails, as a feed that is down does, and nothing leaves the machine."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    swaps = {
        "~/Downloads/Connections.csv": str(DEMO / "Connections.csv"),
        "https://techcrunch.com/feed/": str(sorted((DEMO / "feeds").iterdir())[0]),
    }
    tour = _bash_blocks(README.split("## A five-minute tour", 1)[1])[0]
    ran = []
    for line in tour.splitlines():
        words = shlex.split(line, comments=True)
        if not words or words[0] != "prospect":
            continue
        words = [swaps.get(w, w) for w in words[1:]]
        if words[0] == "review":  # reads single keys from a terminal: tests/test_review.py
            continue
        result = cli(*words)
        assert result.exit_code == 0, f"prospect {' '.join(words)}: {result.output}"
        ran.append(words[0])
    assert ran[:2] == ["init", "import"] and "list" in ran and "mark" in ran


def test_the_detect_example_prints_what_the_readme_says(cli):
    result = cli("detect", "-", "--format", "jsonl", input="Acme raises $40M Series B\n")
    assert result.exit_code == 0
    assert '"signal": "funding_round"' in result.stdout
    assert '"company": "Acme"' in result.stdout
