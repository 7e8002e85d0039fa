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


def check_db(path: Path) -> CheckResult:
    """PRAGMA integrity_check and foreign_key_check, plus row counts."""
    if not path.exists():
        raise StoreError(f"{path}: no database here (run `prospect init`)")
    result = CheckResult(path=path, ok=True)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return CheckResult(path=path, ok=False, problems=[f"cannot open: {exc}"])
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
        result.ok = False
        result.problems.append(str(exc))
    finally:
        conn.close()
    return result


def _create_target(target: Path) -> None:
    """A new, private (0600) file for a copy of the store; never overwrite one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ProspectError(f"{target}: already exists; choose a new file name") from None
    os.close(fd)


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
