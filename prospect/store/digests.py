"""Queries on the digests sent: when, to whom, and which people with which signal.

Recipients are stored as addresses only; the SMTP URL and its password never
reach the database."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from prospect.store import now_iso


def save_digest(
    db: Database,
    *,
    subject: str,
    delivery: str,
    recipients: Sequence[str],
    message_id: str | None,
    records: Sequence[Mapping[str, Any]],
    sent_at: str | None = None,
) -> int:
    """Record one digest and its people; the caller owns the transaction."""
    table = db.table("digests")
    table.insert(
        {
            "sent_at": sent_at or now_iso(),
            "delivery": delivery,
            "recipients": json.dumps(list(recipients)),
            "subject": subject,
            "message_id": message_id,
            "people": len(records),
        }
    )
    digest_id = int(table.last_pk or 0)
    db.table("digest_people").insert_all(
        (
            {
                "digest_id": digest_id,
                "rank": rec.get("rank"),
                "person_key": rec["person_key"],
                "person": rec.get("person"),
                "contact_id": rec.get("contact_id"),
                "signal_id": rec.get("signal_id"),
                "score": rec.get("score"),
            }
            for rec in records
        ),
        pk=("digest_id", "person_key"),
    )
    return digest_id


def save_outbox(
    db: Database,
    *,
    delivery: str,
    recipients: Sequence[str],
    subject: str,
    message_id: str | None,
    records: Sequence[Mapping[str, Any]],
) -> int:
    """Record a digest about to go out; the caller owns the transaction."""
    table = db.table("outbox")
    table.insert(
        {
            "created_at": now_iso(),
            "delivery": delivery,
            "recipients": json.dumps(list(recipients)),
            "subject": subject,
            "message_id": message_id,
            "records": json.dumps(list(records), default=str, ensure_ascii=False),
        }
    )
    return int(table.last_pk or 0)


def outbox_rows(db: Database) -> list[dict[str, Any]]:
    """Digests that were about to go out and were never recorded, oldest first."""
    rows = list(db.query("SELECT * FROM outbox ORDER BY id"))
    for row in rows:
        row["recipients"] = json.loads(row["recipients"] or "[]")
        row["records"] = json.loads(row["records"] or "[]")
    return rows


def delete_outbox(db: Database, outbox_id: int) -> None:
    db.execute("DELETE FROM outbox WHERE id = ?", [outbox_id])


def list_digests(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    """Digests sent, newest first, with their recipients decoded."""
    sql = "SELECT * FROM digests ORDER BY sent_at DESC, id DESC"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = list(db.query(sql, params))
    for row in rows:
        row["recipients"] = json.loads(row["recipients"] or "[]")
    return rows


def digest_people(db: Database, digest_id: int) -> list[dict[str, Any]]:
    return list(
        db.query("SELECT * FROM digest_people WHERE digest_id = ? ORDER BY rank", [digest_id])
    )


def digest_ranks_since(db: Database, since: str) -> dict[str, int]:
    """person key -> rank in the digests sent since `since` (ISO, UTC); the earliest wins."""
    rows = db.execute(
        "SELECT p.person_key, p.rank FROM digest_people p JOIN digests d ON d.id = p.digest_id "
        "WHERE d.sent_at >= ? AND p.rank IS NOT NULL ORDER BY d.sent_at DESC, d.id DESC",
        [since],
    ).fetchall()
    return {key: int(rank) for key, rank in rows}  # later rows (earlier digests) win
