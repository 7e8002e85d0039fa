"""A database or rules file another user could have planted or can change is
refused, as ssh refuses such a key; through a symlink too. Real files, real
owners (chown needs root: those cases skip otherwise)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prospect.store import connect

OTHER_UID = 54321  # no such user here: any owner but the one running
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file away needs root")


def _made(path: Path) -> Path:
    connect(path).close()
    return path


@as_root
def test_a_database_another_user_made_is_refused(cli, tmp_path: Path):
    db = _made(tmp_path / "shared" / "prospect.db")
    os.chown(db, OTHER_UID, OTHER_UID)
    result = cli("--db", str(db), "contacts", "list")
    assert result.exit_code == 4
    assert "the database belongs to another user (uid 54321); refusing to use it" in (result.stderr)


@as_root
def test_a_symlink_to_another_users_database_is_refused(cli, tmp_path: Path):
    theirs = _made(tmp_path / "theirs" / "prospect.db")
    os.chown(theirs, OTHER_UID, OTHER_UID)
    link = tmp_path / "mine.db"
    link.symlink_to(theirs)
    result = cli("--db", str(link), "contacts", "list")
    assert result.exit_code == 4
    assert f"{link} (-> {theirs}): the database belongs to another user" in result.stderr


@as_root
def test_a_planted_rules_file_is_refused_not_obeyed(cli, tmp_path: Path):
    rules = tmp_path / "signals.yaml"
    rules.write_text("digest:\n  to: [attacker@example.net]\n", "utf-8")
    os.chown(rules, OTHER_UID, OTHER_UID)
    result = cli("--config", str(rules), "digest", "--dry-run")
    assert result.exit_code == 2
    assert "the rules file belongs to another user (uid 54321)" in result.stderr
    assert "attacker" not in result.stdout


@pytest.mark.parametrize("mode", [0o664, 0o646, 0o666])
def test_a_rules_file_others_can_change_is_refused(cli, tmp_path: Path, mode: int):
    rules = tmp_path / "signals.yaml"
    rules.write_text("daily_limit: 5\n", "utf-8")
    os.chmod(rules, mode)
    result = cli("--config", str(rules), "list")
    assert result.exit_code == 2
    assert "the rules file can be changed by other users" in result.stderr
    assert f"chmod go-w {rules}" in result.stderr


def test_a_world_writable_database_is_refused_a_loose_private_one_tightened(cli, tmp_path: Path):
    db = _made(tmp_path / "prospect.db")
    os.chmod(db, 0o666)
    refused = cli("--db", str(db), "contacts", "list")
    assert refused.exit_code == 4
    assert "can be changed by other users" in refused.stderr
    os.chmod(db, 0o660)  # the group only: tightened, as before
    assert cli("--db", str(db), "contacts", "list").exit_code == 0
    assert (db.stat().st_mode & 0o777) == 0o600


def test_files_in_a_folder_anyone_can_write_are_refused_unless_sticky(cli, tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir()
    rules = shared / "signals.yaml"
    rules.write_text("daily_limit: 5\n", "utf-8")
    os.chmod(rules, 0o600)
    os.chmod(shared, 0o777)
    refused = cli("--config", str(rules), "list")
    assert refused.exit_code == 2
    assert f"the folder {shared} can be written by any user" in refused.stderr
    os.chmod(shared, 0o1777)  # sticky, as /tmp: nobody else can replace the file
    assert cli("--config", str(rules), "list").exit_code == 0
