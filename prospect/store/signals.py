"""Queries on signals."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from prospect.models import Signal, Source
from prospect.normalize import normalize_company, normalize_person
from prospect.store import now_iso

_COLUMNS = (
    "type", "rule", "company", "person", "role", "round", "amount", "currency", "evidence",
    "confidence", "item_id", "contact_id", "old_company", "old_title", "change",
    "published_at", "url", "previous_company",
)  # fmt: skip


def signal_key(signal: Signal) -> str:
    """What makes a signal the same one on a re-run: its source and what it says."""
    parts = [
        signal.type,
        signal.rule,
        str(signal.item_id or ""),
        str(signal.contact_id or ""),
        normalize_company(signal.company),
        normalize_person(signal.person),
        signal.role or "",
        signal.round or "",
        signal.change or "",
        normalize_company(signal.old_company) if signal.item_id is None else "",
        signal.published_at or "" if signal.item_id is None else "",
    ]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def save_signals(db: Database, signals: Iterable[Signal]) -> list[Signal]:
    """Store signals not stored before; return the new ones with their ids."""
    new = []
    stamp = now_iso()
    for signal in signals:
        row = {c: getattr(signal, c) for c in _COLUMNS}
        if row["previous_company"] is None:
            # written only when known (migration 12's column): a signal without
            # it is stored exactly as before, whatever the schema's age
            del row["previous_company"]
        row.update(
            key=signal_key(signal),
            company_norm=normalize_company(signal.company) or None,
            person_norm=normalize_person(signal.person) or None,
            detected_at=stamp,
        )
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = db.execute(
            f"INSERT OR IGNORE INTO signals ({cols}) VALUES ({marks})", list(row.values())
        )
        if cursor.rowcount:
            signal.id = cursor.lastrowid
            new.append(signal)
    return new


def row_to_signal(row: dict[str, Any]) -> Signal:
    return Signal(id=row["id"], **{c: row.get(c) for c in _COLUMNS})  # type: ignore[arg-type]


def joined_columns(alias: str, prefix: str) -> str:
    """A signal's columns, selected beside another table's under `prefix` (for a JOIN)."""
    return ", ".join(f"{alias}.{c} AS {prefix}{c}" for c in ("id", *_COLUMNS))


def pop_joined(row: dict[str, Any], prefix: str) -> Signal | None:
    """The signal `joined_columns` selected, taken out of `row` (None: no signal joined)."""
    fields = {c: row.pop(prefix + c) for c in ("id", *_COLUMNS)}
    return row_to_signal(fields) if fields["id"] is not None else None


def row_to_report(row: dict[str, Any]) -> tuple[Signal, Source]:
    """A `signals_since` row as a signal (dated when detected if the feed gave
    no date) and the report it came from."""
    signal = row_to_signal(row)
    if not signal.published_at:
        signal.published_at = row.get("detected_at")
    source = Source(
        url=signal.url,
        feed=row.get("feed_name") or row.get("feed_url") or _source_name(signal),
        title=row.get("item_title") or signal.evidence or None,
        published_at=signal.published_at,
        signal_id=signal.id,
    )
    return signal, source


def _source_name(signal: Signal) -> str | None:
    return "contacts import" if signal.type == "job_change" and signal.item_id is None else None


def load_reports(
    db: Database, since: str | None, signal_type: str | None = None
) -> list[tuple[Signal, Source]]:
    return [row_to_report(r) for r in signals_since(db, since, signal_type)]


def signals_since(
    db: Database, since: str | None, signal_type: str | None = None
) -> Iterator[dict[str, Any]]:
    """Signals published (or, when undated, detected) since a time, with their
    item's title, row by row: a list reads tens of thousands, and holds each as
    a signal, not as a row too (nor the item's summary, which nothing shows)."""
    sql = (
        "SELECT signals.*, items.title AS item_title, "
        "feeds.name AS feed_name, feeds.url AS feed_url "
        "FROM signals LEFT JOIN items ON items.id = signals.item_id "
        "LEFT JOIN feeds ON feeds.id = items.feed_id WHERE 1=1"
    )
    params: list[Any] = []
    if since:
        sql += " AND coalesce(signals.published_at, signals.detected_at) >= ?"
        params.append(since)
    if signal_type:
        sql += " AND signals.type = ?"
        params.append(signal_type)
    sql += " ORDER BY coalesce(signals.published_at, signals.detected_at) DESC, signals.id"
    return db.query(sql, params)
