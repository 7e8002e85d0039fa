"""Queries on feeds and the items polled from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from prospect.models import Entry
from prospect.store import now_iso


@dataclass(slots=True)
class FeedRow:
    id: int
    url: str
    name: str | None
    tag: str | None
    etag: str | None
    last_modified: str | None
    error_count: int
    next_poll_at: str | None
    disabled: bool


def _to_feed(row: dict[str, Any]) -> FeedRow:
    return FeedRow(
        id=row["id"],
        url=row["url"],
        name=row.get("name"),
        tag=row.get("tag"),
        etag=row.get("etag"),
        last_modified=row.get("last_modified"),
        error_count=row.get("error_count") or 0,
        next_poll_at=row.get("next_poll_at"),
        disabled=bool(row.get("disabled")),
    )


def add_feed(db: Database, url: str, name: str | None = None, tag: str | None = None) -> bool:
    """Add a feed; False when it is already there (adding is repeat-safe)."""
    if db.execute("SELECT 1 FROM feeds WHERE url = ?", [url]).fetchone():
        return False
    db["feeds"].insert({"url": url, "name": name, "tag": tag, "created_at": now_iso()})
    return True


def remove_feed(db: Database, url_or_id: str) -> bool:
    """Remove a feed and its items' link to it; False when there is no such feed."""
    row = db.execute(
        "SELECT id FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ? OR name = ?",
        [url_or_id, url_or_id, url_or_id],
    ).fetchone()
    if row is None:
        return False
    db.execute("UPDATE items SET feed_id = NULL WHERE feed_id = ?", [row[0]])
    db.execute("DELETE FROM feeds WHERE id = ?", [row[0]])
    return True


def list_feeds(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM feeds ORDER BY id"))


def feeds_to_poll(db: Database, now: str, force: bool = False) -> list[FeedRow]:
    """Enabled feeds whose next poll time has come (all enabled ones with force)."""
    if force:
        rows = db.query("SELECT * FROM feeds WHERE disabled = 0 ORDER BY id")
    else:
        rows = db.query(
            "SELECT * FROM feeds WHERE disabled = 0 AND (next_poll_at IS NULL OR next_poll_at <= ?)"
            " ORDER BY id",
            [now],
        )
    return [_to_feed(r) for r in rows]


def save_feed_state(db: Database, feed_id: int, **state: Any) -> None:
    db["feeds"].update(feed_id, state)


def save_items(db: Database, feed_id: int | None, entries: Iterable[Entry]) -> list[Entry]:
    """Insert entries not stored before; return only the new ones, with their ids.

    The (feed_id, guid) unique index makes this idempotent: polling twice never
    stores an entry twice, and a crash mid-way leaves no half-written entry."""
    new: list[Entry] = []
    stamp = now_iso()
    for entry in entries:
        cursor = db.execute(
            "INSERT OR IGNORE INTO items (feed_id, guid, title, summary, url, published_at,"
            " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [feed_id, entry.guid, entry.title, entry.summary, entry.url, entry.published_at, stamp],
        )
        if cursor.rowcount:
            entry.id = cursor.lastrowid
            new.append(entry)
    return new


def count_items(db: Database) -> int:
    return db.execute("SELECT count(*) FROM items").fetchone()[0]
