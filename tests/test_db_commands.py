from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from prospect.store import connect, write
from prospect.store.feeds import add_feed


def _filled(path: Path, feeds: int = 300) -> None:
    db = connect(path)
    with write(db):
        for i in range(feeds):
            add_feed(db, f"https://example.com/feed/{i}?" + "x" * 200, name=f"feed {i}")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a bad disk or a bad copy would."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 2048)


def test_check_on_a_healthy_database(cli, db_path: Path):
    _filled(db_path, feeds=3)
    result = cli("db", "check")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{db_path}: ok (schema ")
    assert "3 feeds" in result.stdout


def test_check_reports_damage_and_how_to_recover(cli, db_path: Path):
    _filled(db_path)
    _damage(db_path)
    result = cli("db", "check")
    assert result.exit_code == 4
    assert "Traceback" not in result.output
    assert "prospect db recover" in result.stderr


def test_truncated_database_gives_a_clear_message_on_any_command(cli, db_path: Path):
    _filled(db_path)
    with db_path.open("r+b") as fh:
        fh.truncate(db_path.stat().st_size // 3)
    result = cli("feeds", "list")
    assert result.exit_code == 4
    assert "Traceback" not in result.output
    assert "damaged" in result.stderr and "prospect db check" in result.stderr


def test_recover_copies_what_can_be_read(cli, db_path: Path, tmp_path: Path):
    _filled(db_path, feeds=5)
    target = tmp_path / "recovered.db"
    result = cli("db", "recover", str(target))
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == 5
    conn.close()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_backup_is_a_private_consistent_copy(cli, db_path: Path, tmp_path: Path):
    _filled(db_path, feeds=4)
    target = tmp_path / "backup.db"
    assert cli("db", "backup", str(target)).exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    db = connect(target)
    assert db.execute("SELECT count(*) FROM feeds").fetchone()[0] == 4
    db.close()
    again = cli("db", "backup", str(target))
    assert again.exit_code == 1
    assert "already exists" in again.stderr
