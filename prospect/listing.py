"""The outreach list: signals from the store, matched, ranked, filtered, capped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from prospect.config import Config
from prospect.match import ContactBook, match_signals
from prospect.models import Row
from prospect.rank import parse_time, rank_candidates
from prospect.store.contacts import iter_contacts
from prospect.store.outreach import outreach_states
from prospect.store.signals import row_to_signal, signals_since


@dataclass(slots=True)
class ListOptions:
    limit: int | None = None
    since_days: float | None = None
    signal_type: str | None = None
    include_all: bool = False  # also people contacted, skipped or snoozed


def aliases_map(db: Database) -> dict[str, str]:
    return {a: c for a, c in db.execute("SELECT alias_norm, company_norm FROM company_aliases")}


def build_list(
    db: Database, config: Config, options: ListOptions, now: datetime | None = None
) -> list[Row]:
    now = now or datetime.now(UTC)
    days = options.since_days if options.since_days is not None else config.max_age_days
    since = (now - timedelta(days=days)).isoformat()
    signals = [row_to_signal(r) for r in signals_since(db, since, options.signal_type)]
    book = ContactBook(iter_contacts(db), aliases_map(db))
    rows = rank_candidates(match_signals(signals, book), config, now)
    if not options.include_all:
        rows = [r for r in rows if _is_open(r, outreach_states(db).get(r.person_key), config, now)]
    limit = options.limit if options.limit is not None else config.daily_limit
    rows = rows[:limit] if limit else rows
    for i, row in enumerate(rows, 1):
        row.rank = i
    return rows


def _is_open(row: Row, state: dict | None, config: Config, now: datetime) -> bool:
    """Whether a person belongs on today's list given what the rep did about them."""
    if state is None:
        return True
    kind = state["state"]
    if kind == "skipped":
        return False
    if kind == "snoozed":
        until = parse_time(state.get("until"))
        return until is None or now >= until
    if kind in ("contacted", "listed"):
        marked = parse_time(state.get("updated_at"))
        stronger = row.score.total > float(state.get("score") or 0) and row.signal.id != state.get(
            "signal_id"
        )
        if kind == "listed":
            return stronger
        cooled = marked is None or now - marked >= timedelta(days=config.cooldown_days)
        return cooled or stronger
    return True
