"""Privacy: every file prospect writes is readable by its owner only, whatever
the umask, and an SMTP password given in the environment never shows up in
output, error messages or the database."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from smtp_helpers import USER, free_port, smtp_server

from prospect.store import connect, write
from prospect.store.feeds import add_feed

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SECRET = "Zq7-distinctive-pa55word"
FEED = Path(__file__).parent / "fixtures" / "feeds" / "google-news-search.xml"


def run(tmp_path: Path, *args: str, env: dict[str, str] | None = None, umask: int = 0o022):
    """prospect in its own process, with the test's paths and the given umask."""
    base = {
        **os.environ,
        "PROSPECT_DB": str(tmp_path / "data" / "prospect.db"),
        "PROSPECT_CONFIG": str(tmp_path / "data" / "signals.yaml"),
        "NO_COLOR": "1",
    }
    base.pop("PROSPECT_SMTP_PASSWORD", None)  # a developer's own must never leak in
    return subprocess.run(
        [sys.executable, "-m", "prospect", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**base, **(env or {})},
        preexec_fn=lambda: os.umask(umask),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_prospect_writes_is_0600_even_with_umask_000(tmp_path: Path):
    data = tmp_path / "data"
    for args in (
        ("init",),
        ("feeds", "add", str(FEED)),
        ("poll",),  # takes the run lock: creates prospect.db.lock
        ("db", "backup", str(tmp_path / "backup.db")),
        ("db", "recover", str(tmp_path / "recovered.db")),
    ):
        result = run(tmp_path, *args, umask=0)
        assert result.returncode == 0, (args, result.stderr)
    files = [
        data / "prospect.db",
        data / "signals.yaml",
        data / "prospect.db.lock",
        tmp_path / "backup.db",
        tmp_path / "recovered.db",
    ]
    assert {str(f): oct(mode(f)) for f in files} == {str(f): "0o600" for f in files}


def test_wal_and_shm_files_are_private_too(tmp_path: Path):
    path = tmp_path / "p.db"
    old = os.umask(0)
    try:
        db = connect(path)
        with write(db):
            add_feed(db, "https://example.com/feed.xml")
        # while a connection is open, SQLite keeps the -wal and -shm files
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
        db.close()
    finally:
        os.umask(old)


def test_an_existing_database_readable_by_others_is_made_private(tmp_path: Path):
    path = tmp_path / "p.db"
    connect(path).close()
    os.chmod(path, 0o644)
    connect(path).close()
    assert mode(path) == 0o600


def _assert_secret_absent(label: str, *texts: str | bytes) -> None:
    for text in texts:
        raw = text.encode() if isinstance(text, str) else text
        assert SECRET.encode() not in raw, f"the password appeared in {label}"


@pytest.fixture
def workspace(cli, tmp_path: Path) -> Path:
    assert cli("init").exit_code == 0
    assert cli("feeds", "add", str(FEED)).exit_code == 0
    return tmp_path


def test_smtp_password_never_appears_in_output_errors_or_the_database(
    cli, workspace: Path, monkeypatch: pytest.MonkeyPatch
):
    user = USER.replace("@", "%40")
    monkeypatch.delenv("PROSPECT_SMTP_PASSWORD", raising=False)
    digests = [
        ("digest", "--to", "rep@example.com", "--send-empty"),
        ("digest", "--dry-run", "--send-empty", "--to", "rep@example.com"),
    ]
    others = [
        ("poll", "--force"),
        ("today",),
        ("digest",),
        ("list", "--format", "json"),
        ("signals", "list"),
        ("feeds", "list", "--format", "json"),
        ("config",),
        ("db", "check"),
        ("db", "path"),
    ]
    with smtp_server(auth=True) as (_sink, port):
        envs = {
            "refused login": {"PROSPECT_SMTP_URL": f"smtp://{user}:{SECRET}@127.0.0.1:{port}"},
            "unreachable": {"PROSPECT_SMTP_URL": f"smtp://{user}:{SECRET}@127.0.0.1:{free_port()}"},
            "bad url": {"PROSPECT_SMTP_URL": f"smtp://{user}:{SECRET}@127.0.0.1:{port}/x?y"},
            "bad port": {"PROSPECT_SMTP_URL": f"smtp://{user}:{SECRET}@127.0.0.1:port"},
            "separate password": {
                "PROSPECT_SMTP_URL": f"smtp://{user}@127.0.0.1:{port}",
                "PROSPECT_SMTP_PASSWORD": SECRET,
            },
        }
        failures = 0
        for n, (label, env) in enumerate(envs.items()):
            for name, value in env.items():
                monkeypatch.setenv(name, value)
            for command in digests + (others if n == 0 else []):
                result = cli(*command)
                _assert_secret_absent(f"{label}: {command}", result.stdout, result.stderr)
                failures += result.exit_code != 0
            for name in env:
                monkeypatch.delenv(name)
    assert failures >= 4  # the failure paths really ran: refused, unreachable, bad url/port
    for path in workspace.iterdir():
        if path.is_file():
            _assert_secret_absent(str(path), path.read_bytes())


def test_a_password_in_the_rules_file_is_refused_without_echoing_it(tmp_path: Path):
    config = tmp_path / "data" / "signals.yaml"
    config.parent.mkdir()
    config.write_text(f"digest:\n  smtp_url: smtp://me:{SECRET}@smtp.example.com:587\n")
    for command in (("config",), ("list",), ("digest", "--dry-run")):
        result = run(tmp_path, *command)
        assert result.returncode == 2, result.stderr
        assert "a password does not belong in this file" in result.stderr
        _assert_secret_absent(str(command), result.stdout, result.stderr)
