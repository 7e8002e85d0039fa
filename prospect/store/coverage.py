"""Queries for coverage: account feeds, what each last brought, EDGAR filings seen."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

ACCOUNT_TAG = "account"


def stored_guids(db: Database, feed_id: int, guids: Iterable[str]) -> set[str]:
    """Which of these entries of a feed are stored already."""
    wanted = list(dict.fromkeys(guids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        batch = wanted[start : start + 500]
        marks = ",".join("?" for _ in batch)
        found |= {
            row[0]
            for row in db.execute(
                f"SELECT guid FROM items WHERE feed_id = ? AND guid IN ({marks})",
                [feed_id, *batch],
            )
        }
    return found


def feeds_tagged(db: Database, tag: str) -> list[dict[str, Any]]:
    """Every feed with this tag, enabled or not."""
    return list(db.query("SELECT * FROM feeds WHERE tag = ? ORDER BY id", [tag]))


def delete_feeds(db: Database, feed_ids: Iterable[int]) -> None:
    """Remove feeds; their items stay (unlinked), as with `feeds remove`."""
    for feed_id in feed_ids:
        db.execute("UPDATE items SET feed_id = NULL WHERE feed_id = ?", [feed_id])
        db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])


def latest_items(db: Database, feed_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Per feed: how many entries it brought, and its newest one's title and date."""
    out: dict[int, dict[str, Any]] = {}
    for feed_id in feed_ids:
        count = db.execute("SELECT count(*) FROM items WHERE feed_id = ?", [feed_id]).fetchone()[0]
        row = db.execute(
            "SELECT title, coalesce(published_at, fetched_at) FROM items WHERE feed_id = ?"
            " ORDER BY coalesce(published_at, fetched_at) DESC, id DESC LIMIT 1",
            [feed_id],
        ).fetchone()
        out[feed_id] = {
            "entries": count,
            "latest_title": row[0] if row else None,
            "latest_at": row[1] if row else None,
        }
    return out


def contacts_with_titles(db: Database) -> Iterator[tuple[str, str, str | None]]:
    """(company as spelt, company_norm, title) for every contact with a company."""
    yield from db.execute(
        "SELECT company, company_norm, title FROM contacts"
        " WHERE coalesce(company_norm, '') != '' ORDER BY id"
    )


def delete_settings(db: Database, keys: Iterable[str]) -> None:
    for key in keys:
        db.execute("DELETE FROM settings WHERE key = ?", [key])
