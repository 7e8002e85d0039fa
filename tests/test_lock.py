from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from prospect.errors import LockedError
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
