"""Queries on what the rep did about people: contacted, skipped, snoozed, listed."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from prospect.store import now_iso

STATES = ("contacted", "skipped", "snoozed", "listed")


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
) -> None:
    """Set a person's state and append it to the history; caller owns the transaction."""
    if state not in STATES:
        raise ValueError(f"unknown outreach state {state!r}")
    stamp = now_iso()
    db["outreach"].upsert(
        {
            "person_key": person_key,
            "person": person,
            "contact_id": contact_id,
            "state": state,
            "until": until,
            "note": note,
            "score": score,
            "signal_id": signal_id,
            "updated_at": stamp,
        },
        pk="person_key",
    )
    db["outreach_events"].insert(
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
    sql = "SELECT * FROM outreach_events ORDER BY at DESC, id DESC"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return list(db.query(sql, params))
