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

from prospect.errors import LockedError, StoreError
from prospect.store import now_iso


def lock_path(db_path: Path) -> Path:
    """The lock beside the database's real file: a symlink to it and its own
    path are one database, so they share one lock."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


def _printable(text: str) -> str:
    """A lock file's text as one safe line: someone else may have written it."""
    return "".join(c if c.isprintable() else "?" for c in text)[:200]


def run_lock_holder(db_path: Path) -> str | None:
    """What the run holding `db_path`'s lock wrote of itself, or None when no run holds it."""
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = _printable(os.pread(fd, 200, 0).decode("utf-8", "replace").strip())
            if f"pid {os.getpid()}," in text:
                return None  # this very run: the database's lock is someone else's
            return text or "another process"
        except OSError:
            return None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextlib.contextmanager
def run_lock(db_path: Path, what: str = "prospect") -> Iterator[None]:
    """Hold the run lock for `db_path`, or raise LockedError if another run has it."""
    if str(db_path) == ":memory:":
        yield
        return
    path = lock_path(db_path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot create the run lock ({exc.strerror or exc}); "
            "check the folder is writable and the disk is not full"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _printable(os.pread(fd, 200, 0).decode("utf-8", "replace").strip())
            raise LockedError(
                f"another prospect run is using {db_path} ({holder or 'another process'}); "
                "it will finish on its own, try again later"
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{what}, pid {os.getpid()}, since {now_iso()}".encode(), 0)
        except OSError:
            pass  # a full disk: the lock holds all the same, it only says less
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
