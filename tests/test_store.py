from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from prospect.errors import StoreError
from prospect.store import connect, migrate, schema_version
from prospect.store.schema import MIGRATIONS
from prospect.store.signals import HEAD_HOW, HEAD_PLACE, Head


def test_new_database_is_private_and_in_wal_mode(db_path: Path):
    db = connect(db_path)
    try:
        assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert schema_version(db) == MIGRATIONS[-1][0]
        for table in ("contacts", "companies", "feeds", "items", "signals", "outreach"):
            assert table in db.table_names()
    finally:
        db.close()


def test_existing_database_with_loose_permissions_is_tightened(db_path: Path):
    db_path.touch(mode=0o644)
    os.chmod(db_path, 0o644)
    connect(db_path).close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_old_database_is_upgraded_in_place(db_path: Path):
    # A database made by a version that knew only migration 1, with data in it.
    old = Database(str(db_path))
    migrate(old, upto=1)
    old["contacts"].insert({"full_name": "Ada Lovelace", "company": "Analytical Engines"})
    old.close()
    db = connect(db_path)
    try:
        assert schema_version(db) == MIGRATIONS[-1][0]
        assert [r["full_name"] for r in db.query("SELECT full_name FROM contacts")] == [
            "Ada Lovelace"
        ]
        assert "company_aliases" in db.table_names()
        applied = [r["id"] for r in db.query("SELECT id FROM migrations ORDER BY id")]
        assert applied == [n for n, _, _ in MIGRATIONS]
    finally:
        db.close()


def test_reopening_applies_nothing_twice(db_path: Path):
    connect(db_path).close()
    db = connect(db_path)
    try:
        assert migrate(db) == []
    finally:
        db.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(db_path: Path):
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as info:
        connect(db_path)
    assert "damaged" in str(info.value)
    assert "prospect db check" in str(info.value)


def test_cli_reports_a_damaged_database_without_traceback(cli, db_path: Path):
    db_path.write_bytes(b"garbage" * 1000)
    result = cli("list")
    assert result.exit_code == 4
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"error: {db_path}: the database is damaged")


def _old_departure_db(db_path: Path) -> None:
    """What the release with migrations 1-6 stored after importing Zoe at Acme,
    then an export listing her with no company or position: the source's word
    as NULL, and a departure signal. Ivo is listed by a names-only source and
    never changed job; Max left and came back."""
    old = Database(str(db_path))
    migrate(old, upto=6)
    url = "https://www.linkedin.com/in/{}"
    for cid, name in ((1, "Zoe Adams"), (2, "Ivo Brandt"), (3, "Max Lund")):
        old["contacts"].insert(
            {"id": cid, "full_name": name, "profile_url": url.format(name.split()[0].lower())}
        )
        old["contact_sources"].insert(
            {"contact_id": cid, "source": "linkedin", "full_name": name,
             "profile_url": url.format(name.split()[0].lower()), "seen_at": "2026-10-01"}
        )  # fmt: skip
    old["contact_sources"].update((3, "linkedin"), {"company": "Hooli", "title": "CTO"})
    changes = [(1, "departure", "Acme"), (3, "departure", "Hooli"), (3, "new_company", "Hooli")]
    for key, (cid, change, company) in enumerate(changes):
        old["signals"].insert(
            {"key": str(key), "type": "job_change", "rule": "job_change", "contact_id": cid,
             "change": change, "company": company}
        )  # fmt: skip
    old.close()


def test_a_departure_stored_by_an_old_release_is_news_when_they_start_again(db_path, tmp_path):
    from prospect.importers import import_parsed
    from prospect.importers.linkedin import parse_linkedin

    _old_departure_db(db_path)
    db = connect(db_path)
    try:
        said = {
            r["contact_id"]: (r["company"], r["title"])
            for r in db.query("SELECT contact_id, company, title FROM contact_sources")
        }
        # only the departure becomes "no job"; an unknown job stays unknown
        assert said == {1: ("", ""), 2: (None, None), 3: ("Hooli", "CTO")}
        export = tmp_path / "Connections.csv"
        export.write_text(
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Zoe,Adams,https://www.linkedin.com/in/zoe,,Globex,VP of Sales,10 Oct 2023\n"
            "Ivo,Brandt,https://www.linkedin.com/in/ivo,,Initech,CFO,10 Oct 2023\n"
        )
        summary = import_parsed(db, parse_linkedin(export), "linkedin")
        assert [(s.person, s.change, s.company) for s in summary.signals] == [
            ("Zoe Adams", "new_company", "Globex")
        ]
    finally:
        db.close()


# --- a write lock held by someone else ---------------------------------------------


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import prospect.store as store

    said: list[str] = []
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 1500)
    monkeypatch.setattr(store, "NOTICE_AFTER_MS", 300)
    store.on_lock_wait(said.append)
    yield said
    store.on_lock_wait(None)


def _write_one(db_path: Path) -> None:
    from prospect.store import write

    db = connect(db_path)
    try:
        with write(db):
            db["settings"].insert({"key": "k", "value": "v"}, replace=True)
    finally:
        db.close()


def test_a_lock_held_by_another_program_is_said_at_once_and_named(
    db_path: Path, short_waits: list[str]
):
    import sqlite3
    import time

    connect(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a sqlite3 shell with a write open
    started = time.monotonic()
    try:
        with pytest.raises(StoreError) as err:
            _write_one(db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert time.monotonic() - started < 10
    assert len(short_waits) == 1 and "waiting up to 1.2 s" in short_waits[0]
    assert "another program or prospect command" in short_waits[0]
    assert "another prospect run" not in err.value.message
    assert "stayed locked for 1.5 s by another program" in err.value.message
    assert err.value.exit_code == 4
    _write_one(db_path)  # released: the write goes through


def test_a_lock_held_by_another_prospect_run_names_that_run(db_path: Path, short_waits: list[str]):
    import subprocess
    import sys

    connect(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from prospect.lock import run_lock\n"
            "from prospect.store import connect\n"
            "path = Path(sys.argv[1])\n"
            "with run_lock(path, 'poll'):\n"
            "    db = connect(path)\n"
            "    db.execute('BEGIN IMMEDIATE')\n"
            "    print('held', flush=True)\n"
            "    sys.stdin.readline()\n",
            str(db_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StoreError) as err:
            _write_one(db_path)
    finally:
        holder.communicate("\n", timeout=30)
    assert f"another prospect run (poll, pid {holder.pid}, since " in err.value.message
    assert f"pid {holder.pid}" in short_waits[0]


def test_a_head_rows_parts_are_where_the_list_reads_them() -> None:
    """The list reads a head row by position (no object per row): what its
    strength depends on, then where it belongs."""
    assert Head._fields[HEAD_HOW] == ("type", "rule", "round", "change", "role", "old_title")
    assert Head._fields[HEAD_PLACE] == ("company_norm", "named", "contact_id", "stamp")
