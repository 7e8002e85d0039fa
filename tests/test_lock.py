from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prospect.errors import LockedError, StoreError
from prospect.lock import run_lock


def test_second_holder_is_refused_with_a_clear_message(tmp_path: Path):
    db = tmp_path / "p.db"
    with run_lock(db, "poll"):
        with pytest.raises(LockedError) as info, run_lock(db, "digest"):
            pass
        assert "another prospect run is using" in str(info.value)
        assert "poll, pid" in str(info.value)
    with run_lock(db, "poll"):  # released: can be taken again
        pass


def test_lock_held_by_another_process_makes_poll_exit_3(tmp_path: Path, cli):
    db = tmp_path / "p.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from prospect.lock import run_lock\n"
            f"with run_lock(Path({str(db)!r}), 'cron poll'):\n"
            "    print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = cli("--db", str(db), "poll")
        assert result.exit_code == 3
        assert "another prospect run is using" in result.stderr
        assert "cron poll" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert cli("--db", str(db), "poll").exit_code == 0


def test_a_symlink_to_the_database_shares_its_lock(tmp_path: Path):
    real = tmp_path / "real" / "p.db"
    real.parent.mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with run_lock(real, "digest"), pytest.raises(LockedError), run_lock(link, "digest"):
        pass


def test_a_planted_lock_text_is_printed_inert(tmp_path: Path):
    db = tmp_path / "p.db"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time\n"
         f"fd = os.open({str(db) + '.lock'!r}, os.O_RDWR | os.O_CREAT, 0o600)\n"
         "os.write(fd, b'\\x1b[2J\\x1b]0;pwned\\x07 evil'); fcntl.flock(fd, fcntl.LOCK_EX)\n"
         "print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError) as info, run_lock(db):
            pass
        message = str(info.value)
        assert "\x1b" not in message and "\x07" not in message and "evil" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_that_cannot_be_created_is_a_store_error(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "p.db").touch()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("root ignores folder permissions")  # see the read-only fs test
        with pytest.raises(StoreError) as info, run_lock(folder / "p.db"):
            pass
        assert "cannot create the run lock" in str(info.value)
    finally:
        folder.chmod(0o700)
