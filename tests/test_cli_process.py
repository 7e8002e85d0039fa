"""The CLI as a real process sees it: stdout a terminal, a file or a pipe that
closes early, and Ctrl-C. These run `python -m prospect` in a subprocess,
because a test runner's captured output is none of those things."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feedserver import serve_drip

from prospect.store import connect, write
from prospect.store.feeds import add_feed

# Several hundred KB in every format, so a pipe (64 KiB on Linux) fills and the
# reader's going away is felt mid-write. (30,000, LinkedIn's cap, behaves the
# same; drawing that as a table takes rich twenty seconds.)
CONTACTS = 6_000


def _run(db: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "prospect", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kw,
    )


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with thousands of contacts, imported the way a user does."""
    folder = tmp_path_factory.mktemp("big")
    export = folder / "Connections.csv"
    rows = (
        f"Person{i},Tester,,,Company {i % 997},Engineer {i},01 Jan 2026" for i in range(CONTACTS)
    )
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "\n".join(rows)
        + "\n"
    )
    db = folder / "big.db"
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "xdg")}
    done = _run(db, "import", "linkedin", str(export), env=env)
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_a_reader_that_stops_early_is_a_quiet_success(big_db: Path, fmt: str):
    """`prospect contacts list | head -1` under `set -o pipefail`: exit 0, nothing on stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "prospect", "--db", str(big_db), "contacts", "list", "-f", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like head: read one line, then go away
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first
    assert (code, err) == (0, "")


def test_redirected_output_is_csv_by_default(big_db: Path, tmp_path: Path):
    """`prospect contacts list > contacts.csv` writes CSV, not a drawn table."""
    out = tmp_path / "contacts.csv"
    with out.open("w") as fh:
        done = subprocess.run(
            [sys.executable, "-m", "prospect", "--db", str(big_db), "contacts", "list"],
            stdout=fh,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == CONTACTS
    assert out.stat().st_size > 4 * 65536  # more than a pipe holds
    assert rows[0]["full_name"] == "Person0 Tester"


def test_a_terminal_gets_a_table_by_default(tmp_path: Path):
    """With stdout a terminal (a pty), the same command draws a table."""
    db = str(tmp_path / "p.db")
    subprocess.run(
        [sys.executable, "-m", "prospect", "--db", db, "feeds", "add", "--no-check",
         "https://example.com/feed.xml"],
        check=True, capture_output=True,
    )  # fmt: skip
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "prospect", "--db", db, "feeds", "list"],
        stdout=secondary,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the pty closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert proc.wait(timeout=60) == 0
    text = b"".join(chunks).decode()
    assert "┏" in text and "┃" in text and "status" in text and "example.com" in text
    assert "id,name,url" not in text


def test_ctrl_c_during_a_poll_exits_130_with_one_line(tmp_path: Path):
    """SIGINT while a poll waits on a slow server: exit 130 (128 + SIGINT), one
    message, no traceback, and the lock is let go for the next run."""
    db_path = tmp_path / "p.db"
    with serve_drip(interval=0.5) as base:
        db = connect(db_path)
        with write(db):
            add_feed(db, f"{base}/feed.xml")
        db.close()
        proc = subprocess.Popen(
            [sys.executable, "-m", "prospect", "--db", str(db_path), "poll", "--force"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # as a terminal starts it: a shell's background job (the test run itself, in
            # some CI set-ups) ignores SIGINT, and a child inherits that
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        time.sleep(2.0)  # well into the poll: the server sends a byte every half second
        assert proc.poll() is None, proc.communicate()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip() == "error: interrupted"
    assert out == ""
    again = _run(db_path, "feeds", "list", "--format", "json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)
