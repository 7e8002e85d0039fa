"""Queries for the outreach list: what the rep did about people (contacted,
skipped, snoozed, listed). The contacts the list matches against come from
`store.contacts`."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from prospect.store import now_iso
from prospect.store.signals import joined_columns, pop_joined

STATES = ("contacted", "skipped", "snoozed", "listed")
_JOINED = "joined_signal_"  # prefix of the signal columns history() selects


def outreach_states(db: Database) -> dict[str, dict[str, Any]]:
    return {row["person_key"]: row for row in db.query("SELECT * FROM outreach")}


def save_outreach(
    db: Database,
    person_key: str,
    person: str,
    state: str,
    *,
    contact_id: int | None = None,
    until: str | None = None,
    note: str | None = None,
    score: float | None = None,
    signal_id: int | None = None,
    at: str | None = None,
) -> None:
    """Set a person's state and append it to the history; caller owns the transaction.

    The newest signal id at this moment is kept with the state: a later signal
    about the person is news the rep has not acted on yet."""
    if state not in STATES:
        raise ValueError(f"unknown outreach state {state!r}")
    stamp = at or now_iso()
    seen = db.execute("SELECT coalesce(max(id), 0) FROM signals").fetchone()[0]
    db.table("outreach").upsert(
        {
            "person_key": person_key,
            "person": person,
            "contact_id": contact_id,
            "state": state,
            "until": until,
            "note": note,
            "score": score,
            "signal_id": signal_id,
            "seen_signal_id": seen,
            "updated_at": stamp,
        },
        pk="person_key",
    )
    db.table("outreach_events").insert(
        {
            "person_key": person_key,
            "person": person,
            "action": state,
            "until": until,
            "note": note,
            "signal_id": signal_id,
            "score": score,
            "at": stamp,
        }
    )


def history(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    """What was done, newest first, each with the whole signal it was about
    (`signal`: a Signal, or None)."""
    sql = (
        f"SELECT e.*, {joined_columns('s', _JOINED)} FROM outreach_events e "
        "LEFT JOIN signals s ON s.id = e.signal_id ORDER BY e.at DESC, e.id DESC"
    )
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    events = list(db.query(sql, params))
    for event in events:
        event["signal"] = pop_joined(event, _JOINED)
    return events


def last_contacted(db: Database) -> dict[str, str]:
    """person key -> when the rep last marked them contacted."""
    return dict(
        db.execute(
            "SELECT person_key, max(at) FROM outreach_events WHERE action = 'contacted' "
            "GROUP BY person_key"
        ).fetchall()
    )


def store_counts(db: Database) -> dict[str, int]:
    """How many contacts and signals the store holds: why a list may be empty."""
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("contacts", "signals")
    }
