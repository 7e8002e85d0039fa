"""Checking, backing up and recovering the store without trusting it.

These functions open the file with plain sqlite3 and never migrate, so they
work on a damaged database that `connect()` refuses.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from prospect.errors import ProspectError, StoreError

TABLES = ("contacts", "companies", "feeds", "items", "signals", "outreach", "outreach_events")


@dataclass(slots=True)
class CheckResult:
    path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    schema_version: int | None = None
    # read without its WAL index: the folder is read-only, so SQLite could not
    # make one; what the last run wrote may not be checkpointed into the file yet
    read_only_folder: bool = False


def _damage(exc: sqlite3.Error) -> bool:
    """Whether an error says the file itself is damaged, not that it cannot be opened."""
    text = str(exc).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def check_db(path: Path) -> CheckResult:
    """PRAGMA integrity_check and foreign_key_check, plus row counts.

    A file that cannot be opened (a read-only file system, no permission) is a
    StoreError saying so, never "damaged": only SQLite's own findings are damage."""
    if not path.exists():
        raise StoreError(f"{path}: no database here (run `prospect init`)")
    try:
        return _check(path, f"file:{path}?mode=ro")
    except sqlite3.Error as exc:
        if _damage(exc):
            return CheckResult(path=path, ok=False, problems=[str(exc)])
        reason = str(exc)
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.R_OK):
        # SQLite needs to create the WAL index beside a WAL database even to read
        # it; without a writable folder the file is read as it is on disk
        try:
            result = _check(path, f"file:{path}?mode=ro&immutable=1")
        except sqlite3.Error as exc:
            if _damage(exc):
                return CheckResult(path=path, ok=False, problems=[str(exc)])
            reason = str(exc)
        else:
            result.read_only_folder = True
            return result
    raise StoreError(
        f"{path}: cannot read the database ({reason}); the file system or folder may be "
        "read-only or the file not yours: this says nothing about damage"
    )


def _check(path: Path, uri: str) -> CheckResult:
    result = CheckResult(path=path, ok=True)
    conn = sqlite3.connect(uri, uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            result.ok = False
            result.problems.extend(rows[:20])
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            result.ok = False
            result.problems.append(f"{len(fk)} rows point at rows that do not exist")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in TABLES:
            if table in names:
                result.counts[table] = conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
        if "migrations" in names:
            result.schema_version = conn.execute("SELECT max(id) FROM migrations").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if not _damage(exc):
            raise
        result.ok = False
        result.problems.append(str(exc))
    finally:
        conn.close()
    return result


def _create_target(target: Path) -> None:
    """A new, private (0600) file for a copy of the store; never overwrite one."""
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ProspectError(f"{target}: already exists; choose a new file name") from None
    except OSError as exc:
        raise ProspectError(f"{target}: cannot create the file ({exc.strerror or exc})") from None
    os.close(fd)


def _target_problem(exc: sqlite3.Error) -> bool:
    """Whether a copy failed for want of room or rights where it is written."""
    text = str(exc).lower()
    return any(w in text for w in ("full", "disk i/o", "readonly", "read-only", "unable to open"))


def backup_db(path: Path, target: Path) -> None:
    """A consistent copy (SQLite's online backup), safe while other runs write."""
    if not path.exists():
        raise StoreError(f"{path}: no database here")
    _create_target(target)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    except sqlite3.DatabaseError as exc:
        dest.close()
        target.unlink(missing_ok=True)
        if _target_problem(exc) and not _damage(exc):
            raise ProspectError(
                f"{target}: cannot write the backup ({exc}); free some disk space or choose "
                "another place (the database itself is untouched)"
            ) from None
        raise StoreError(f"{path}: cannot back up ({exc}); try `prospect db recover`") from None
    finally:
        source.close()
        dest.close()


def recover_db(path: Path, target: Path) -> int:
    """Copy every row SQLite can still read from a damaged file into a new one.

    Uses `iterdump()`, statement by statement, skipping what fails; returns how
    many statements could not be replayed."""
    _create_target(target)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dest = sqlite3.connect(target)
    failed = 0
    try:
        dump = source.iterdump()
        while True:
            try:
                statement = next(dump)
            except StopIteration:
                break
            except sqlite3.DatabaseError:
                failed += 1
                break
            try:
                dest.execute(statement)
            except sqlite3.Error:
                failed += 1
        dest.commit()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: nothing can be read from this file ({exc})") from None
    finally:
        source.close()
        dest.close()
    return failed
