"""Queries on feeds and the items polled from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from prospect.errors import InputError
from prospect.models import Entry
from prospect.normalize import canonical_feed_url
from prospect.store import now_iso, write


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
    return subscribe(db, url, name, tag) != "exists"


def _by_address(db: Database, url: str) -> tuple[Any, ...] | None:
    """The feed at an address as given or in its stored form (a database from
    before canonical addresses may still hold the spelling the user typed)."""
    canonical = canonical_feed_url(url)
    return db.execute(
        "SELECT id, disabled, name, tag FROM feeds WHERE url IN (?, ?) OR original_url IN (?, ?)"
        " ORDER BY id LIMIT 1",
        [canonical, url, canonical, url],
    ).fetchone()


def has_feed(db: Database, url: str) -> bool:
    """Whether a feed at this address (any spelling) is stored, enabled or not."""
    return _by_address(db, url) is not None


def subscribe(
    db: Database,
    url: str,
    name: str | None = None,
    tag: str | None = None,
    replace: bool = True,
    title: str | None = None,
) -> str:
    """Add a feed under its canonical address (repeat-safe). Returns "added",
    "exists" or "enabled" (a disabled feed added again is enabled again, its
    back-off forgotten). On a feed already there, a name or tag given replaces
    the stored one, or with `replace=False` only fills it in where there is none
    (an OPML import must not undo names the user chose). `title` is what the
    feed calls itself, when it was fetched to check it."""
    row = _by_address(db, url)
    if row is None:
        db.table("feeds").insert(
            {
                "url": canonical_feed_url(url),
                "name": name,
                "tag": tag,
                "title": title,
                "created_at": now_iso(),
            }
        )
        return "added"
    feed_id, disabled, old_name, old_tag = row
    changes: dict[str, Any] = {}
    if name and (replace or not old_name):
        changes["name"] = name
    if tag and (replace or not old_tag):
        changes["tag"] = tag
    if title:
        changes["title"] = title
    if disabled:
        changes |= {"disabled": 0, "disabled_reason": None, "error_count": 0, "next_poll_at": None}
    if changes:
        db.table("feeds").update(feed_id, changes)
    return "enabled" if disabled else "exists"


def find_feed(db: Database, feed: str) -> dict[str, Any] | None:
    """A feed by id, address (any spelling), name, or the title shown for a feed
    with no name. InputError when a name fits more than one feed."""
    if feed.strip().isdigit():
        rows = list(db.query("SELECT * FROM feeds WHERE id = ?", [int(feed)]))
        if rows:
            return rows[0]
    row = _by_address(db, feed)
    if row is not None:
        return next(db.query("SELECT * FROM feeds WHERE id = ?", [row[0]]))
    rows = list(
        db.query(
            "SELECT * FROM feeds WHERE name = ? OR (coalesce(name, '') = '' AND title = ?)"
            " ORDER BY id",
            [feed, feed],
        )
    )
    if len(rows) > 1:
        ids = ", ".join(str(r["id"]) for r in rows)
        raise InputError(f"{len(rows)} feeds are called {feed!r} (ids {ids}): give the id")
    return rows[0] if rows else None


def remove_feed(db: Database, feed: str) -> dict[str, Any] | None:
    """Remove a feed and its items' link to it; the feed removed, None when there
    is no such feed."""
    row = find_feed(db, feed)
    if row is None:
        return None
    db.execute("UPDATE items SET feed_id = NULL WHERE feed_id = ?", [row["id"]])
    db.execute("DELETE FROM feeds WHERE id = ?", [row["id"]])
    return row


def display_name(row: dict[str, Any]) -> str:
    """What to call a feed: the user's name, else the feed's own title, else its address."""
    return row.get("name") or row.get("title") or row["url"]


def feed_status(row: dict[str, Any]) -> str:
    """A feed's state in a few words, for `feeds list`."""
    if row.get("disabled"):
        return f"disabled: {row.get('disabled_reason') or 'by hand'}"
    if not row.get("last_polled_at"):
        return "never polled"
    if row.get("last_error"):
        return "failing" if (row.get("error_count") or 0) > 1 else "failed"
    return "not modified" if row.get("last_status") == 304 else "ok"


def list_feeds(db: Database) -> list[dict[str, Any]]:
    """Every feed, with its state in words as `status`; `name` is what to call it
    (`display_name`), `title` what the feed calls itself."""
    rows = list(db.query("SELECT * FROM feeds ORDER BY id"))
    for row in rows:
        row["status"] = feed_status(row)
        row["name"] = display_name(row)
    return rows


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


def count_waiting(db: Database, now: str) -> int:
    """Enabled feeds in back-off (or told to wait by the server) until after `now`."""
    return db.execute(
        "SELECT count(*) FROM feeds WHERE disabled = 0 AND next_poll_at > ?", [now]
    ).fetchone()[0]


_STATE_COLUMNS = frozenset(
    [
        "title",
        "etag",
        "last_modified",
        "last_status",
        "last_error",
        "error_count",
        "next_poll_at",
        "last_polled_at",
        "last_new_entry_at",
        "disabled",
        "disabled_reason",
    ]
)


def save_feed_state(db: Database, feed_id: int, **state: Any) -> None:
    """Update a feed's poll state (one plain UPDATE: this runs once per feed per poll)."""
    unknown = set(state) - _STATE_COLUMNS
    if unknown:
        raise ValueError(f"not feed state columns: {sorted(unknown)}")
    assignments = ", ".join(f"{column} = ?" for column in state)
    db.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", [*state.values(), feed_id])


def move_feed(db: Database, feed_id: int, new_url: str) -> bool:
    """Store a feed's new address after a permanent redirect, keeping the first
    one the user gave. False when another feed already has that address."""
    new_url = canonical_feed_url(new_url)
    if db.execute("SELECT 1 FROM feeds WHERE url = ?", [new_url]).fetchone():
        return False
    db.execute(
        "UPDATE feeds SET original_url = coalesce(original_url, url), url = ? WHERE id = ?",
        [new_url, feed_id],
    )
    return True


def save_items(db: Database, feed_id: int | None, entries: Iterable[Entry]) -> list[Entry]:
    """Insert entries not stored before; return only the new ones, with their ids.

    The (feed_id, guid) unique index makes this idempotent: polling twice never
    stores an entry twice. One `executemany` for the whole feed; the rows it
    added are the ones above the largest id before it, read back in the same
    write transaction (so no other writer can add rows in between). A crash
    mid-way leaves no half-written batch."""
    entries = list(entries)
    if not entries:
        return []
    stamp = now_iso()
    sql = (
        "INSERT OR IGNORE INTO items (feed_id, guid, title, summary, url, published_at,"
        " fetched_at, publisher) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    rows = [
        (feed_id, e.guid, e.title, e.summary, e.url, e.published_at, stamp, e.publisher)
        for e in entries
    ]
    with write(db):
        last = db.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0]
        if not db.conn.executemany(sql, rows).rowcount:
            return []
        added = dict(
            db.execute(
                "SELECT guid, id FROM items WHERE id > ? AND feed_id IS ?", [last, feed_id]
            ).fetchall()
        )
    new: list[Entry] = []
    for entry in entries:
        item_id = added.pop(entry.guid, None)  # a guid twice in one feed: the first is new
        if item_id is not None:
            entry.id = item_id
            new.append(entry)
    return new
