"""The store: one SQLite file, opened and upgraded in one place.

`open_db()` creates the file 0600 (it holds personal data), turns on WAL and a
busy timeout so a cron job and an interactive command can run at once, and
applies any pending migrations from `schema.py`. Nothing outside this package
writes SQL; the other modules here hold the queries, one module per table group.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from prospect.errors import StoreError
from prospect.store.schema import MIGRATIONS, TOLD_IF_UPGRADE
from prospect.trust import trust_problem

BUSY_TIMEOUT_MS = 20_000  # how long a write waits for another's write lock, in all
NOTICE_AFTER_MS = 1_000  # then the person is told who holds it, rather than a silent wait
RECOVERY_HINT = (
    "make a copy of the file, then run `prospect db check` (or restore it from a backup)"
)


# Where a wait for the write lock is announced (the CLI points it at stderr).
_wait_notice: Callable[[str], None] | None = None


def on_lock_wait(notice: Callable[[str], None] | None) -> None:
    """Say `notice(message)` when a write has to wait for another's lock."""
    global _wait_notice
    _wait_notice = notice


def now_iso() -> str:
    """The current time in UTC as ISO 8601, seconds precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _create_private(path: Path) -> None:
    """Create the database file with mode 0600 before SQLite opens it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.exists():
        return
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)


def connect(path: Path | str, applied: list[int] | None = None) -> Database:
    """Open the store (creating it if missing) and bring its schema up to date;
    the numbers of the migrations this applied go into `applied` when given."""
    memory = str(path) == ":memory:"
    try:
        if not memory:
            path = Path(path)
            _create_private(path)
            problem = trust_problem(path, "database", group_ok=True)
            if problem:
                raise StoreError(problem)
            if os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)
        # No sqlite-utils plugins: whatever SQL functions other packages register
        # are no part of the store, and looking for them costs every run a scan
        # of the installed packages' entry points.
        db = (
            Database(str(path), execute_plugins=False)
            if not memory
            else Database(memory=True, execute_plugins=False)
        )
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError(
                f"{path}: the database is read-only ({exc.strerror}); check its permissions"
            ) from None
        raise StoreError(f"{path}: cannot create the database ({exc.strerror or exc})") from None
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from None
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            journal = db.execute("PRAGMA journal_mode").fetchone()[0]
            if journal != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        done = migrate(db)
        if applied is not None:
            applied.extend(done)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise describe_db_error(path, exc) from None
    return db


def describe_db_error(path: Path | str, exc: sqlite3.Error) -> StoreError:
    """Turn a SQLite error into one line a user can act on."""
    text = str(exc)
    lowered = text.lower()
    read_only = not _writable(path) and "unable to open" in lowered
    if read_only or "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"{path}: the database is read-only ({text}); check its permissions")
    if "disk is full" in lowered or "disk i/o" in lowered:
        return StoreError(f"{path}: cannot write the database ({text}); free some disk space")
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return StoreError(f"{path}: the database is damaged ({text}); {RECOVERY_HINT}")
    if "locked" in lowered or "busy" in lowered:
        return StoreError(f"{path}: the database stayed locked by {lock_holder(path)} ({text})")
    return StoreError(f"{path}: database error ({text})")


def lock_holder(path: Path | str) -> str:
    """Who is likely to hold the database's write lock, in words."""
    from prospect.lock import run_lock_holder  # the lock module imports this one

    holder = run_lock_holder(Path(path)) if str(path) != ":memory:" else None
    if holder:
        return f"another prospect run ({holder})"
    return (
        "another program or prospect command (a sqlite3 shell, a database browser or a "
        "long import with the file open for writing?)"
    )


def db_file(db: Database) -> str:
    """The path of the file `db` has open, or ':memory:'."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return row[2] or ":memory:"
    return ":memory:"


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _begin_immediate(db: Database) -> None:
    """BEGIN IMMEDIATE, waiting for another's write lock at most BUSY_TIMEOUT_MS, and
    saying who holds it once the wait passes NOTICE_AFTER_MS."""
    try:
        db.execute(f"PRAGMA busy_timeout = {NOTICE_AFTER_MS}")
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        path = db_file(db)
        wait = (BUSY_TIMEOUT_MS - NOTICE_AFTER_MS) / 1000
        if _wait_notice is not None:
            _wait_notice(
                f"waiting up to {wait:g} s for {path}: {lock_holder(path)} holds its write lock"
            )
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS - NOTICE_AFTER_MS}")
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
            raise StoreError(
                f"{path}: the database stayed locked for {BUSY_TIMEOUT_MS / 1000:g} s by "
                f"{lock_holder(path)}; close it or wait for it, then try again"
            ) from None
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _writable(path: Path | str) -> bool:
    """Whether the file and its directory (for the WAL files) can be written."""
    path = Path(path)
    if str(path) == ":memory:":
        return True
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def schema_version(db: Database) -> int:
    if "migrations" not in db.table_names():
        return 0
    row = db.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)


def migrate(db: Database, upto: int | None = None) -> list[int]:
    """Apply pending migrations in order, each in its own transaction."""
    if "migrations" not in db.table_names():
        db.table("migrations").create({"id": int, "name": str, "applied_at": str}, pk="id")
    applied = {row[0] for row in db.execute("SELECT id FROM migrations").fetchall()}
    # whether the database existed before this run: fixed now, as the steps
    # below add to the record
    upgrade = bool(applied)
    done = []
    for number, name, step in MIGRATIONS:
        if number in applied or (upto is not None and number > upto):
            continue
        with write(db):
            if number in TOLD_IF_UPGRADE:
                step(db, upgrade)
            else:
                step(db)
            db.table("migrations").insert({"id": number, "name": name, "applied_at": now_iso()})
        done.append(number)
    return done


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction. Takes the write lock up front (BEGIN IMMEDIATE) so
    two processes never deadlock upgrading a read; nests as a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    _begin_immediate(db)
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")
