from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from prospect.errors import StoreError
from prospect.store import connect, migrate, schema_version
from prospect.store.schema import MIGRATIONS


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
