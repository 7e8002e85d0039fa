"""Queries on signals."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

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
    """A report row (`_REPORT_SELECT`) as a signal (dated when detected if the feed gave
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


_REPORT_SELECT = (
    "SELECT signals.*, items.title AS item_title, "
    "feeds.name AS feed_name, feeds.url AS feed_url "
    "FROM signals LEFT JOIN items ON items.id = signals.item_id "
    "LEFT JOIN feeds ON feeds.id = items.feed_id"
)


def _window_filter(since: str | None, signal_type: str | None) -> tuple[str, list[Any]]:
    sql, params = " WHERE 1=1", []
    if since:
        sql += " AND coalesce(signals.published_at, signals.detected_at) >= ?"
        params.append(since)
    if signal_type:
        sql += " AND signals.type = ?"
        params.append(signal_type)
    return sql, params


def reports_by_id(db: Database, ids: Iterable[int]) -> list[tuple[Signal, Source]]:
    """These signals, each with the report it came from (its item's title and
    feed), in id order; a signal is held as a signal, not as a row too (nor
    its item's summary, which nothing shows)."""
    sql = (
        f"{_REPORT_SELECT} WHERE signals.id IN (SELECT value FROM json_each(?)) ORDER BY signals.id"
    )
    return [row_to_report(r) for r in db.query(sql, [json.dumps(sorted(set(ids)))])]


class Head(NamedTuple):
    """What grouping a signal by company and bounding its score need."""

    id: int
    type: str
    rule: str
    company: str | None
    person: str | None
    role: str | None
    round: str | None
    contact_id: int | None
    old_title: str | None
    change: str | None
    company_norm: str | None  # as stored: `normalize_company(company)`, None for ''
    person_norm: str | None  # as stored: `normalize_person(person)`, None for ''
    published_at: str | None  # dated as `row_to_report` dates it
    stamp: float | None  # that time in seconds since the epoch (None: not a time)
    text: str | None  # a keyword hit with no company: where its company may be named

    def signal(self) -> Signal:
        return Signal(**{f: getattr(self, f) for f in _HEAD_SIGNAL_FIELDS})


_HEAD_SIGNAL_FIELDS = (*Head._fields[:10], "published_at")


def signal_heads(db: Database, since: str | None, signal_type: str | None = None) -> Iterator[Head]:
    """The window's signals, each as a `Head` (no evidence, URL or feed), row
    by row: a list over hundreds of thousands of signals reads these, then the
    full reports of the few it can show (`reports_by_id`). A keyword hit with
    no company comes with its item's title (else its evidence)."""
    where, params = _window_filter(since, signal_type)
    columns = ", ".join(f"signals.{c}" for c in Head._fields[:-3])
    when = "coalesce(signals.published_at, signals.detected_at)"
    sql = (
        f"SELECT {columns}, {when}, (julianday({when}) - 2440587.5) * 86400.0, "
        "CASE WHEN signals.type = 'keyword' AND coalesce(signals.company, '') = '' THEN "
        "coalesce((SELECT nullif(title, '') FROM items WHERE items.id = signals.item_id), "
        "nullif(signals.evidence, '')) END FROM signals" + where
    )
    return map(Head._make, db.execute(sql, params))
