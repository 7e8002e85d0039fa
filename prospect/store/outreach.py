"""Queries for the outreach list: what the rep did about people (contacted,
skipped, snoozed, listed), and the read-only contact lookups matching needs.

The list never loads every contact: it asks for the known company names (one
index scan), then only the contacts at the companies, with the names and ids
that today's signals mention. That keeps `prospect list` fast on a LinkedIn
export of 30,000 connections.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from prospect.models import Contact
from prospect.normalize import normalize_company
from prospect.store import now_iso
from prospect.store.signals import joined_columns, pop_joined

STATES = ("contacted", "skipped", "snoozed", "listed")
_BATCH = 500  # parameters per IN (...) query, well under SQLite's limit
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
            "seen_signal_id": seen,
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


# --- contacts, read-only, for matching -----------------------------------------

_CONTACT_COLUMNS = (
    "id, full_name, first_name, last_name, email, profile_url, company, company_norm, "
    "title, connected_on, sources, name_norm"
)


def _to_contact(row: Sequence[Any]) -> Contact:
    (cid, full, first, last, email, url, company, company_norm, title, connected, sources, name) = (
        row
    )
    try:
        source_list = json.loads(sources or "[]")
    except ValueError:
        source_list = []
    return Contact(
        id=cid,
        full_name=full,
        first_name=first or "",
        last_name=last or "",
        email=email,
        profile_url=url,
        company=company,
        title=title,
        connected_on=connected,
        sources=source_list,
        company_norm=company_norm,
        name_norm=name,
    )


def company_aliases(db: Database, configured: dict[str, list[str]] | None = None) -> dict[str, str]:
    """alias norm -> canonical norm, from the company_aliases table and signals.yaml."""
    aliases = dict(db.execute("SELECT alias_norm, company_norm FROM company_aliases").fetchall())
    for canonical, names in (configured or {}).items():
        canon = normalize_company(canonical)
        for alias in names:
            norm = normalize_company(alias)
            if norm and norm != canon:
                aliases[norm] = canon
    return aliases


def known_company_norms(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT company_norm FROM contacts WHERE company_norm IS NOT NULL "
            "AND company_norm != ''"
        )
    ]


def _batched(values: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def contacts_for_matching(
    db: Database,
    company_norms: Iterable[str] = (),
    name_norms: Iterable[str] = (),
    ids: Iterable[int] = (),
) -> list[Contact]:
    """Contacts at any of these companies, with any of these names or ids."""
    found: dict[int, Contact] = {}
    for column, values in (
        ("company_norm", sorted(set(company_norms))),
        ("name_norm", sorted(set(name_norms))),
        ("id", sorted(set(ids))),
    ):
        for batch in _batched(values):
            marks = ",".join("?" for _ in batch)
            sql = f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE {column} IN ({marks})"
            for row in db.execute(sql, batch):
                found.setdefault(row[0], _to_contact(row))
    return [found[k] for k in sorted(found)]


def contacts_named(db: Database, text: str, limit: int = 20) -> list[Contact]:
    """Contacts whose normalised name is, or contains, `text` (already normalised)."""
    rows = db.execute(
        f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE name_norm = ? OR name_norm LIKE ? "
        "ORDER BY name_norm = ? DESC, full_name LIMIT ?",
        [text, f"%{text}%", text, limit],
    ).fetchall()
    return [_to_contact(r) for r in rows]


def contact_by_id(db: Database, contact_id: int) -> Contact | None:
    row = db.execute(
        f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE id = ?", [contact_id]
    ).fetchone()
    return _to_contact(row) if row else None
