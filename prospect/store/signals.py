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


# when a signal happened, as `row_to_report` dates it
_WHEN = "coalesce(signals.published_at, signals.detected_at)"


def _window_filter(since: str | None, signal_type: str | None) -> tuple[str, list[Any]]:
    sql, params = " WHERE 1=1", []
    if since:
        sql += f" AND {_WHEN} >= ?"
        params.append(since)
    if signal_type:
        sql += " AND signals.type = ?"
        params.append(signal_type)
    return sql, params


def last_signal_id(db: Database) -> int:
    """The newest signal's id (0: none): what one list reads up to, so the
    heads it bounds and the reports it matches are the same signals even
    while a poll stores more."""
    return db.execute("SELECT coalesce(max(id), 0) FROM signals").fetchone()[0]


class Head(NamedTuple):
    """What grouping a signal by company and bounding its score need, in the
    order `signal_heads` selects it: first what its strength depends on, then
    where it belongs, then (only for a signal with no company) what its own
    group is made of."""

    id: int
    type: str
    rule: str
    round: str | None
    change: str | None
    role: str | None
    old_title: str | None
    company_norm: str | None  # as stored: `normalize_company(company)`, None for ''
    named: str | None  # a person named: their stored `person_norm` ('' if none); else None
    contact_id: int | None
    stamp: float | None  # dated as `row_to_report` dates it, in seconds since the epoch
    # with a company norm, these are None (the group is the company's):
    company: str | None
    person: str | None
    published_at: str | None
    text: str | None  # a keyword hit with no company: its item's title (else its evidence)

    def signal(self) -> Signal:
        return Signal(**{f: getattr(self, f) for f in _HEAD_SIGNAL_FIELDS})


# A head row's parts, by position in `Head`'s order (tests/test_store.py keeps
# them so): what its strength depends on, then where it belongs.
HEAD_HOW = slice(1, 7)  # type, rule, round, change, role, old_title
HEAD_PLACE = slice(7, 11)  # company_norm, named, contact_id, stamp
_HEAD_SIGNAL_FIELDS = (
    "id", "type", "rule", "round", "change", "role", "old_title", "contact_id", "company",
    "person", "published_at",
)  # fmt: skip
_ALONE = "coalesce(signals.company_norm, '') = ''"
_HEAD_SELECT = (
    "SELECT signals.id, signals.type, signals.rule, signals.round, signals.change, signals.role, "
    "signals.old_title, signals.company_norm, "
    "CASE WHEN coalesce(signals.person, '') <> '' THEN coalesce(signals.person_norm, '') END, "
    f"signals.contact_id, (julianday({_WHEN}) - 2440587.5) * 86400.0, "
    f"CASE WHEN {_ALONE} THEN signals.company END, "
    f"CASE WHEN {_ALONE} THEN signals.person END, "
    f"CASE WHEN {_ALONE} THEN {_WHEN} END, "
    "CASE WHEN signals.type = 'keyword' AND coalesce(signals.company, '') = '' THEN "
    "coalesce((SELECT nullif(title, '') FROM items WHERE items.id = signals.item_id), "
    "nullif(signals.evidence, '')) END FROM signals"
)


def signal_heads(
    db: Database, since: str | None, signal_type: str | None, last_id: int
) -> Iterator[tuple[Any, ...]]:
    """The window's signals up to id `last_id`, row by row, each a plain tuple
    in `Head`'s order (`Head._make` names one): a list over hundreds of
    thousands of signals reads these, a few numbers and names each, then the
    full reports of the few groups it can show (`window_reports`)."""
    where, params = _window_filter(since, signal_type)
    return db.execute(f"{_HEAD_SELECT}{where} AND signals.id <= ?", [*params, last_id])


def window_reports(
    db: Database,
    since: str | None,
    signal_type: str | None,
    last_id: int,
    company_norms: Iterable[str],
    ids: Iterable[int],
) -> list[tuple[Signal, Source]]:
    """The window's signals as `signal_heads` reads it that have one of these
    company norms or one of these ids, each with the report it came from (its
    item's title and feed), in id order; a signal is held as a signal, not as
    a row too (nor its item's summary, which nothing shows)."""
    where, params = _window_filter(since, signal_type)
    sql = (
        f"{_REPORT_SELECT}{where} AND signals.id <= ? AND ("
        "signals.company_norm IN (SELECT value FROM json_each(?)) "
        "OR signals.id IN (SELECT value FROM json_each(?))) ORDER BY signals.id"
    )
    args = [*params, last_id, json.dumps(sorted(set(company_norms))), json.dumps(sorted(set(ids)))]
    return [row_to_report(r) for r in db.query(sql, args)]
