from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

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


# --- a read-only file system and a full disk: real tmpfs mounts ---------------------


@pytest.fixture
def tmpfs(tmp_path: Path):
    """A 1 MiB tmpfs of its own; `remount("ro")` makes it read-only. Needs root."""
    import subprocess

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("mounting a tmpfs needs root")

    def remount(mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(mnt)], check=True)

    try:
        yield mnt, remount
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_check_on_a_read_only_file_system_is_ok_not_damaged(cli, tmpfs):
    mnt, remount = tmpfs
    path = mnt / "prospect.db"
    _filled(path, feeds=3)
    remount("ro")
    result = cli("--db", str(path), "db", "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{path}: ok (schema ")
    assert "3 feeds" in result.stdout
    assert "damaged" not in result.output and "recover" not in result.output
    assert "the folder is read-only" in result.stderr


def test_backup_onto_a_full_disk_says_so_and_not_recover(cli, db_path: Path, tmpfs):
    mnt, _ = tmpfs
    _filled(db_path, feeds=4000)  # over 1 MiB: more than the tmpfs holds
    assert db_path.stat().st_size > 1024 * 1024
    target = mnt / "backup.db"
    result = cli("db", "backup", str(target))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{target}: cannot write the backup" in result.stderr
    assert "free some disk space" in result.stderr
    assert "recover" not in result.stderr and "damaged" not in result.stderr
    assert not target.exists()  # nothing half-written
    assert cli("db", "check").exit_code == 0  # the database itself is untouched


def test_backup_onto_a_read_only_file_system_is_one_line(cli, db_path: Path, tmpfs):
    mnt, remount = tmpfs
    _filled(db_path, feeds=3)
    remount("ro")
    result = cli("db", "backup", str(mnt / "backup.db"))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "cannot create the file (Read-only file system)" in result.stderr
