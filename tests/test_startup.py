"""Start-up pays only for what the command uses: `prospect --help`, `--version`
and a list on an empty store load none of the libraries they do not need.

Each case runs `python -X importtime -m prospect ...` as a real process and
reads the modules it imported from the interpreter's own report on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# What each library is for: none of it is needed to print usage or a version.
STORE = ("sqlite_utils",)
NETWORK = ("httpx", "httpcore")
FEEDS = ("feedparser", "fastfeedparser")
DETECTION = ("prospect.detect",)
PATTERNS = ("re2",)  # titles and company names: matching uses them too
RULES = ("yaml", "prospect.config")
TABLES = ("rich",)
NAMES = ("nameparser", "prospect.importers")
MAIL = ("smtplib", "prospect.mail")

EVERYTHING = STORE + NETWORK + FEEDS + DETECTION + PATTERNS + RULES + TABLES + NAMES + MAIL


def imported(tmp_path: Path, *args: str) -> tuple[set[str], subprocess.CompletedProcess]:
    env = {
        **os.environ,
        "PROSPECT_DB": str(tmp_path / "prospect.db"),
        "PROSPECT_CONFIG": str(tmp_path / "signals.yaml"),
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prospect", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    modules = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the report's own header line
                modules.add(name)
    return modules, done


def loaded(modules: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == r or m.startswith(r + ".") for r in roots))


CASES = {
    "--help": (("--help",), EVERYTHING),
    "--version": (("--version",), EVERYTHING),
    "list --help": (("list", "--help"), EVERYTHING),
    "poll --help": (("poll", "--help"), EVERYTHING),
    # a list reads the store and the rules and renders, but fetches, parses and
    # detects nothing, reads no names, draws no table and sends no mail
    "list": (
        ("list", "--format", "csv"),
        NETWORK + FEEDS + DETECTION + NAMES + MAIL + ("rich.table",),
    ),
}


@pytest.mark.parametrize(("args", "left_out"), CASES.values(), ids=CASES.keys())
def test_a_command_imports_only_what_it_uses(
    tmp_path: Path, args: tuple[str, ...], left_out: tuple[str, ...]
) -> None:
    (tmp_path / "signals.yaml").write_text("# the packaged defaults\n", "utf-8")
    modules, done = imported(tmp_path, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "prospect.cli" in modules  # the report was read
    assert loaded(modules, left_out) == []


def test_what_a_command_uses_is_loaded_when_it_runs(tmp_path: Path) -> None:
    """The other side of the check: the list on an empty store does load the
    store and the rules, and says why it is empty."""
    (tmp_path / "signals.yaml").write_text("# the packaged defaults\n", "utf-8")
    modules, done = imported(tmp_path, "list", "--format", "csv")
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"sqlite_utils", "yaml", "prospect.outreach"} <= modules
    assert "no contacts yet" in done.stderr


def test_a_list_with_people_and_news_loads_no_detector(tmp_path: Path) -> None:
    """Ranking reads titles (levels, target roles) with the titles module's own
    vocabulary: it never loads the detector's patterns, which cost more to
    compile than the whole list of a normal day."""
    from datetime import UTC, datetime

    from prospect.models import Signal
    from prospect.store import connect, write
    from prospect.store.signals import save_signals

    (tmp_path / "signals.yaml").write_text("# the packaged defaults\n", "utf-8")
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,,,Acme Robotics,VP of Sales,01 Jan 2024\n",
        "utf-8",
    )
    modules, done = imported(tmp_path, "import", "linkedin", str(export))
    assert done.returncode == 0, done.stderr[-2000:]
    db = connect(tmp_path / "prospect.db")
    with write(db):
        news = Signal(
            type="funding_round",
            rule="funding_round",
            company="Acme Robotics",
            round="series_b",
            amount=3e7,
            currency="USD",
            published_at=datetime.now(UTC).isoformat(),
        )
        save_signals(db, [news])
    db.close()
    modules, done = imported(tmp_path, "list", "--format", "csv")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Ada Lovelace" in done.stdout  # the list was built and ranked
    assert loaded(modules, DETECTION + NETWORK + FEEDS + MAIL) == []
