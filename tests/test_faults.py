"""Faults with real processes: SIGKILL mid-poll, concurrent runs, full disk,
read-only files. The database must stay intact and the next run complete."""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feedserver import serve_drip, serve_feeds, serve_hung

from prospect.config import load_config
from prospect.fetch import PER_HOST, READ_TIMEOUT, TOTAL_TIMEOUT
from prospect.poll import poll
from prospect.store import connect, write
from prospect.store.feeds import add_feed

FEEDS = 30
ENTRIES = 30


def prospect(db: Path, *args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "prospect", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def _subscribe(db_path: Path, urls: list[str]) -> None:
    db = connect(db_path)
    with write(db):
        for url in urls:
            add_feed(db, url)
    db.close()


def _integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _duplicates(db_path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db_path)
    try:
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        distinct = conn.execute(
            "SELECT count(DISTINCT feed_id || '|' || guid) FROM items"
        ).fetchone()[0]
        dup_signals = conn.execute(
            "SELECT count(*) FROM (SELECT item_id, type, company_norm, count(*) c FROM signals "
            "GROUP BY item_id, type, company_norm, rule HAVING c > 1)"
        ).fetchone()[0]
        return items, distinct, dup_signals
    finally:
        conn.close()


def test_sigkill_during_poll_never_corrupts_or_duplicates(tmp_path: Path):
    db_path = tmp_path / "p.db"
    rng = random.Random(7)
    with serve_feeds(FEEDS, ENTRIES, delay=0.15) as urls:
        _subscribe(db_path, urls)
        for _ in range(4):
            proc = subprocess.Popen(
                [sys.executable, "-m", "prospect", "--db", str(db_path), "poll", "--force"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.4, 1.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            assert _integrity(db_path) == "ok"
            items, distinct, dup_signals = _duplicates(db_path)
            assert items == distinct and dup_signals == 0
        final = prospect(db_path, "poll", "--force")
        assert final.returncode == 0, final.stderr
        assert _integrity(db_path) == "ok"
        items, distinct, dup_signals = _duplicates(db_path)
        assert items == distinct == FEEDS * ENTRIES
        assert dup_signals == 0
        again = prospect(db_path, "poll", "--force")
        assert again.returncode == 0, again.stderr
        assert _duplicates(db_path)[0] == FEEDS * ENTRIES


def _export(path: Path, rows: int, title: str) -> None:
    lines = [f"Person{i},Tester,,,Brightloop,{title} {i},01 Jan 2026" for i in range(rows)]
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "\n".join(lines)
        + "\n"
    )


def test_poll_list_and_import_in_parallel_processes(tmp_path: Path):
    """While one slow poll writes batch after batch, imports (each a write
    transaction with job changes) and lists run again and again in other
    processes: every one finishes, none crashes on a lock, nothing is lost."""
    db_path = tmp_path / "p.db"
    exports = [tmp_path / f"Connections-{n}.csv" for n in range(2)]
    for n, export in enumerate(exports):
        _export(export, 2000, "Engineer" if n == 0 else "Staff Engineer")
    base = [sys.executable, "-m", "prospect", "--db", str(db_path)]
    runs: list[tuple[str, int, str]] = []
    with serve_feeds(FEEDS, ENTRIES, delay=0.5) as urls:
        _subscribe(db_path, urls)
        poller = subprocess.Popen(
            [*base, "poll"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        rounds = 0  # rounds of import + list started while the poll was running
        while poller.poll() is None:
            export = exports[rounds % 2]  # alternate titles: every import writes job changes
            for name, cmd in (
                ("import", [*base, "import", "linkedin", str(export)]),
                ("list", [*base, "list", "--format", "json"]),
            ):
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
                runs.append((name, done.returncode, done.stderr))
            rounds += 1
        _, poll_err = poller.communicate(timeout=120)
    assert poller.returncode == 0, poll_err
    assert rounds >= 2, "the poll ended before other runs could overlap it"
    for name, code, err in runs:
        assert code == 0, f"{name}: {err}"
        assert "locked" not in err and "Traceback" not in err, err
    assert _integrity(db_path) == "ok"
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2000
        assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == FEEDS * ENTRIES
    finally:
        conn.close()


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_is_a_clear_error_and_leaves_the_database_intact(tmp_path: Path):
    db_path = tmp_path / "p.db"
    connect(db_path).close()
    size = db_path.stat().st_size
    export = tmp_path / "Connections.csv"
    rows = [f"Person{i},Tester,,,Company {i},Engineer,01 Jan 2026" for i in range(20000)]
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "\n".join(rows)
        + "\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "prospect", "--db", str(db_path), "import", "linkedin", str(export)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size(size + 64 * 1024),
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")
    assert "disk" in result.stderr or "full" in result.stderr
    assert _integrity(db_path) == "ok"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
    conn.close()


def _read_only_runner(directory: Path) -> list[str] | None:
    """A command prefix that runs prospect with `directory` mounted read-only.

    Root ignores file modes, so as root the directory is bind-mounted read-only
    in a private mount namespace; as another user, chmod is enough (None)."""
    if os.geteuid() != 0:
        return None
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && shift && exec "$@"'
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(directory), "x", "true"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("running as root without mount namespaces: cannot make a file read-only")
    return ["unshare", "-m", "sh", "-c", script, str(directory), "x"]


@pytest.mark.parametrize(
    "command", [("feeds", "add", "--no-check", "https://example.com/feed.xml"), ("feeds", "list")]
)
def test_read_only_database_is_a_clear_error(tmp_path: Path, command: tuple[str, ...]):
    db_path = tmp_path / "ro" / "p.db"
    connect(db_path).close()
    prefix = _read_only_runner(db_path.parent)
    if prefix is None:
        os.chmod(db_path, 0o400)
        os.chmod(db_path.parent, 0o500)
    try:
        result = subprocess.run(
            [*(prefix or []), sys.executable, "-m", "prospect", "--db", str(db_path), *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.chmod(db_path.parent, 0o700)
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {db_path}: the database is read-only")


def _hostile_servers(stack: contextlib.ExitStack) -> tuple[list[str], list[str]]:
    """Three good feeds, more hung feeds on one host than the per-host limit, two drips."""
    good = stack.enter_context(serve_feeds(3, ENTRIES))
    hung = stack.enter_context(serve_hung())
    drip = stack.enter_context(serve_drip())
    hung_feeds = [f"{hung}/feed/{i}.xml" for i in range(PER_HOST + 2)]
    return good, [*hung_feeds, f"{drip}/1.xml", f"{drip}/2.xml"]


def _feed_errors(db_path: Path) -> dict[str, str | None]:
    listed = prospect(db_path, "feeds", "list", "--format", "json")
    return {feed["url"]: feed["last_error"] for feed in json.loads(listed.stdout)}


def test_poll_finishes_within_its_timeouts_against_hung_and_dripping_servers(tmp_path: Path):
    """A cron poll never hangs: a server that never answers hits the read
    timeout, one that drips a byte at a time hits the per-feed deadline, and
    the good feeds are stored all the same. The timeouts are injected short;
    the defaults are the ones the command passes (checked last)."""
    db_path = tmp_path / "p.db"
    with contextlib.ExitStack() as stack:
        good, bad = _hostile_servers(stack)
        _subscribe(db_path, good + bad)
        db = connect(db_path)
        start = time.perf_counter()
        summary = poll(db, load_config(None), read_timeout=2.0, timeout=5.0)
        elapsed = time.perf_counter() - start
        db.close()
    assert elapsed < 5.0 + 3, f"poll took {elapsed:.1f} s"
    assert elapsed > 2.0  # it really waited for the hung servers
    assert (summary.failed, summary.new_entries) == (len(bad), 3 * ENTRIES)
    errors = _feed_errors(db_path)
    assert all(errors[url] is None for url in good)
    hung = [url for url in bad if "/feed/" in url]
    assert all(errors[url] == "timed out" for url in hung), errors  # the read timeout
    dripping = [url for url in bad if url not in hung]
    assert all(errors[url] == "timed out after 5 s" for url in dripping), errors  # the deadline
    assert _integrity(db_path) == "ok"
    defaults = inspect.signature(poll).parameters
    assert defaults["read_timeout"].default == READ_TIMEOUT == 30
    assert defaults["timeout"].default == TOTAL_TIMEOUT == 60


def test_poll_timeout_can_be_shortened_for_cron(tmp_path: Path):
    db_path = tmp_path / "p.db"
    with contextlib.ExitStack() as stack:
        good, bad = _hostile_servers(stack)
        _subscribe(db_path, good + bad)
        start = time.perf_counter()
        result = prospect(db_path, "poll", "--timeout", "3", timeout=TOTAL_TIMEOUT + 120)
        elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert elapsed < 15, f"poll took {elapsed:.0f} s"
    errors = _feed_errors(db_path)
    assert all("timed out" in (errors[url] or "") for url in bad), errors
