"""Facts about the database itself, one text value per key.

A fact that belongs to this database (not to the rules file, which the user may
share or replace), such as whether `init` has offered the starter feeds yet.
"""

from __future__ import annotations

from sqlite_utils import Database

STARTER_FEEDS_OFFERED = "starter_feeds_offered"


def get_setting(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def save_setting(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
