"""Shared fixtures. Every test runs with its own database and rules file paths,
so nothing ever touches the developer's real ~/.config/prospect."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prospect.cli import app
from prospect.config import Config, load_config
from prospect.detect import Detector
from prospect.store import connect

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app directory, in a temporary folder: the database and the rules file
    are at their default locations there (a rules file named explicitly with
    PROSPECT_CONFIG must exist, and most tests run without one)."""
    app_dir = tmp_path / "xdg" / "prospect"
    app_dir.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("PROSPECT_DB", raising=False)
    monkeypatch.delenv("PROSPECT_CONFIG", raising=False)
    monkeypatch.delenv("PROSPECT_SMTP_URL", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return app_dir


@pytest.fixture
def db_path(isolated_paths: Path) -> Path:
    return isolated_paths / "prospect.db"


@pytest.fixture
def db(db_path: Path):
    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture
def config() -> Config:
    return load_config(None)


@pytest.fixture(scope="module")
def detector() -> Detector:
    """A detector with the packaged rules and no known companies, built once a module."""
    return Detector(load_config(None))


@pytest.fixture(scope="module")
def read(detector: Detector):
    """What the detector reads in a headline (and summary), one tuple a signal:
    `(type, company, person, role, round, amount, previous_company)`."""

    def read(head: str, summary: str = "") -> list[tuple]:
        return [
            (s.type, s.company, s.person, s.role, s.round, s.amount, s.previous_company)
            for s in detector.detect(head, summary)
            if s.type != "keyword"
        ]

    return read


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner):
    """Invoke the CLI like a user would: `cli("list", "--format", "json")`."""

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


# tests/feedserver.py is a helper module shared by the fault tests
sys.path.insert(0, str(Path(__file__).parent))
