"""One run at a time: an advisory lock file beside the database.

`prospect poll`, `today` and `digest` take it, so a cron job and a person
never run the same pipeline twice at once; the second one exits at once with
a clear message and `ExitCode.LOCKED`. The lock is released by the kernel when
the process ends, even on SIGKILL, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from prospect.errors import LockedError
from prospect.store import now_iso


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def run_lock(db_path: Path, what: str = "prospect") -> Iterator[None]:
    """Hold the run lock for `db_path`, or raise LockedError if another run has it."""
    if str(db_path) == ":memory:":
        yield
        return
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise LockedError(
                f"another prospect run is using {db_path} ({holder}); "
                "it will finish on its own, try again later"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{what}, pid {os.getpid()}, since {now_iso()}".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
