"""The outreach list: signals from the store, clustered into events, matched to
people, ranked, filtered by what the rep already did, and capped.

`build_list(db, config, ListOptions, now)` is the one entry point the list,
`today`, `explain`, `mark` and the e-mail digest share, so they always agree
on who is rank 3 today.

What the rep did decides who is shown (`is_open`):
- skipped: never again (until marked otherwise);
- snoozed: back once the `until` time has come;
- contacted: not for `cooldown_days`, unless a new signal arrives that scores
  higher than the one they were contacted about;
- listed (set by the digest when it sends someone): back only with a new signal,
  except on the day of the digest itself.
A signal is new when its id is above the newest signal id stored with the
state, so late-arriving reports of an old event never count as news.

One day, one list: once a digest went out today, `prospect list` shows the
people it carried with the numbers it gave them, so `prospect mark 3 contacted`
after reading the mail marks the mail's number 3. People who turned up since
are numbered after them; a second digest the same day carries only those and
people with a new signal, under the same numbers (`ListOptions.fresh_only`).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from prospect.config import Config
from prospect.errors import ExitCode, ProspectError
from prospect.match import (
    CompanyIndex,
    ContactBook,
    Event,
    cluster_signals,
    match_event,
)
from prospect.models import Contact, Row, Signal, Source
from prospect.normalize import duration_days, normalize_company, normalize_person, parse_time
from prospect.rank import rank_people, word_row
from prospect.store import write
from prospect.store.contacts import (
    company_aliases,
    contacts_for_matching,
    contacts_named,
    get_contact,
    known_company_norms,
    past_jobs,
)
from prospect.store.digests import digest_ranks_since
from prospect.store.outreach import (
    history,
    last_contacted,
    outreach_states,
    save_outreach,
    store_counts,
)
from prospect.store.signals import load_reports
from prospect.wording import describe_signal

ACTIONS = ("contacted", "skipped", "snoozed")


@dataclass(slots=True)
class ListOptions:
    limit: int | None = None  # None: daily_limit; 0: no limit
    since_days: float | None = None  # None: max_age_days; never more than max_age_days
    signal_type: str | None = None
    include_all: bool = False  # also people contacted, skipped or snoozed
    fresh_only: bool = False  # the digest: people listed today only with a new signal


@dataclass(slots=True)
class Matched:
    """Today's events and the contacts they concern."""

    events: list[Event]
    book: ContactBook


def load_events(
    db: Database,
    config: Config,
    now: datetime,
    since_days: float,
    signal_type: str | None = None,
) -> Matched:
    """Signals in the window, clustered into events, with only the contacts they concern."""
    since = (now - timedelta(days=since_days)).isoformat()
    # a type or keyword rule turned off in the rules file (enabled: false or
    # weight 0) is off for what is already stored too, not only for what is
    # detected from now on
    reports = [
        r for r in load_reports(db, since, signal_type) if config.enabled(r[0].type, r[0].rule)
    ]
    index = CompanyIndex(known_company_norms(db), company_aliases(db, config.aliases))
    titles = {id(s): src.title for s, src in reports}

    def company_of(signal: Signal):  # type: ignore[no-untyped-def]
        found = index.resolve(signal.company)
        if found is None and not signal.company and signal.type == "keyword":
            found = index.find_in_text(titles.get(id(signal)))
        return found

    def day_of(signal: Signal) -> float:
        when = parse_time(signal.published_at)
        return when.timestamp() / 86400 if when else now.timestamp() / 86400

    events = cluster_signals(reports, company_of, config.ranking.cluster_days, day_of)
    wanted = {e.company.norm for e in events if e.company}
    # where today's new executives worked before: the rep's people there now,
    # and those who worked there once (their own job changes), can introduce
    before = {
        index.canonical(normalize_company(s.previous_company))
        for e in events
        for s in e.signals
        if s.previous_company
    } - {""}
    history = []
    if before:
        history = [
            j for j in past_jobs(db) if index.canonical(normalize_company(j.company)) in before
        ]
    raw_norms = index.stored_norms(wanted | before)
    names = {normalize_person(s.person) for e in events for s in e.signals if s.person}
    ids = {s.contact_id for e in events for s in e.signals if s.contact_id is not None}
    ids |= {j.contact_id for j in history}
    contacts = contacts_for_matching(db, raw_norms, names, ids)
    return Matched(events=events, book=ContactBook(contacts, index, history))


def _window(config: Config, since_days: float | None) -> float:
    if since_days is None:
        return config.max_age_days
    return min(since_days, config.max_age_days)


def build_list(
    db: Database, config: Config, options: ListOptions, now: datetime | None = None
) -> list[Row]:
    now = now or datetime.now(UTC)
    matched = load_events(db, config, now, _window(config, options.since_days), options.signal_type)
    index = matched.book.index
    excluded = {index.key(a) for a in config.exclude_accounts}
    included = {index.key(a) for a in config.include_accounts}
    candidates, included_keys = [], set()
    for event in matched.events:
        for cand in match_event(event, matched.book):
            companies = {index.key(cand.company), index.key(event.signal.company)} - {""}
            if companies & excluded:
                continue  # an excluded account never shows up
            if companies & included:
                included_keys.add(cand.person_key)
            candidates.append(cand)
    contacted = last_contacted(db)
    groups = rank_people(candidates, config, now, included=included_keys, last_contacted=contacted)
    states = outreach_states(db)
    pinned = todays_numbers(db, now)
    limit = options.limit if options.limit is not None else config.daily_limit
    cap = config.ranking.per_company
    # people are worded in rank order until the list is full: today's numbered
    # people (wherever they rank now) and `limit` others, each company capped
    pending = {g[0].candidate.person_key for g in groups} & pinned.keys()
    first: list[Row] = []
    rest: list[Row] = []
    per_company: dict[str, int] = defaultdict(int)
    for number, group in enumerate(groups, 1):
        if limit and len(rest) >= limit and not pending:
            break
        row = word_row(group, config, now, number, last_contacted=contacted)
        pending.discard(row.person_key)
        contact = matched.book.by_id.get(row.contact_id) if row.contact_id is not None else None
        if contact is not None:
            row.email, row.profile_url = contact.email, contact.profile_url
        state = states.get(row.person_key)
        if state is not None:
            row.state = state["state"]
        listed_today = (
            not options.fresh_only
            and row.person_key in pinned
            and state is not None
            and state["state"] == "listed"
        )
        if not (options.include_all or listed_today or is_open(row, state, config, now)):
            continue
        if row.person_key in pinned:
            first.append(row)
            continue
        if cap > 0:  # at most `cap` people per company: one company's news cannot fill it
            company = index.key(row.company) or row.person_key
            per_company[company] += 1
            if per_company[company] > cap:
                continue
        rest.append(row)
    first.sort(key=lambda r: pinned[r.person_key])
    if limit:
        rest = rest[: max(limit - len(first), 0)]
    for row in first:
        row.rank = pinned[row.person_key]
    for i, row in enumerate(rest, max(pinned.values(), default=0) + 1):
        row.rank = i
    return first + rest


def todays_numbers(db: Database, now: datetime) -> dict[str, int]:
    """person key -> the number today's digests gave them (the first digest's wins)."""
    local = now.astimezone()
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    return digest_ranks_since(db, midnight.isoformat())


def empty_reason(db: Database, config: Config, options: ListOptions, now: datetime) -> str:
    """Why today's list is empty, in words, with what to do about it."""
    everyone = build_list(
        db,
        config,
        ListOptions(
            limit=0,
            since_days=options.since_days,
            signal_type=options.signal_type,
            include_all=True,
        ),
        now,
    )
    if everyone:
        pinned = todays_numbers(db, now)
        in_digest = sum(1 for r in everyone if r.person_key in pinned)
        counts: dict[str, int] = defaultdict(int)
        for row in everyone:
            counts[row.state or "open"] += 1
        parts = []
        if in_digest:
            parts.append(f"{_people(in_digest)} already sent in today's digest")
        for kind in ("contacted", "skipped", "snoozed"):
            if counts[kind]:
                parts.append(f"{counts[kind]} {kind}")
        earlier = counts["listed"] - sum(
            1 for r in everyone if r.person_key in pinned and r.state == "listed"
        )
        if earlier > 0:
            parts.append(f"{earlier} listed in an earlier digest (back with a new signal)")
        return f"nobody left to contact today: {', '.join(parts)}: `--all` shows them"
    counts = store_counts(db)
    days = _window(config, options.since_days)
    if not counts["contacts"]:
        return "nobody to contact today: no contacts yet (prospect import linkedin Connections.csv)"
    if not counts["signals"]:
        return "nobody to contact today: no signals yet: poll feeds (prospect poll)"
    return (
        f"nobody to contact today: no signal in the last {days:g} days concerns someone you "
        "know: poll feeds (prospect poll), add feeds, or widen --since"
    )


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _new_events(row: Row, seen: int) -> set[int]:
    """Events of this row reported only after the state was set (ids above `seen`)."""
    first: dict[int, int] = {}
    for source in row.evidence:
        if source.event_id is None or source.signal_id is None:
            continue
        first[source.event_id] = min(first.get(source.event_id, source.signal_id), source.signal_id)
    return {event for event, lowest in first.items() if lowest > seen}


def is_open(row: Row, state: dict[str, Any] | None, config: Config, now: datetime) -> bool:
    """Whether a person belongs on today's list given what the rep did about them."""
    if state is None:
        return True
    kind = state["state"]
    if kind == "skipped":
        return False
    if kind == "snoozed":
        until = parse_time(state.get("until"))
        return until is None or now >= until
    if kind not in ("contacted", "listed"):
        return True
    seen = state.get("seen_signal_id")
    if seen is None:  # a state set before seen ids were kept: fall back on the signal id
        seen = state.get("signal_id") or 0
    new = _new_events(row, int(seen))
    if kind == "listed":
        return bool(new)
    marked = parse_time(state.get("updated_at"))
    if marked is None or now - marked >= timedelta(days=config.cooldown_days):
        return True
    stronger = row.score.total > float(state.get("score") or 0)
    return stronger and row.signal.id in new


# --- finding one person: `mark` and `explain` ---------------------------------


@dataclass(slots=True)
class Target:
    person_key: str
    person: str
    contact_id: int | None = None
    row: Row | None = None
    company: str | None = None


def _describe(target: Target) -> str:
    where = f" at {target.company}" if target.company else ""
    rank = f"{target.row.rank} " if target.row and target.row.rank else ""
    return f"{rank}{target.person}{where} [{target.person_key}]"


def _from_row(row: Row) -> Target:
    return Target(row.person_key, row.person, row.contact_id, row, row.company)


def _from_contact(contact: Contact) -> Target:
    return Target(f"c:{contact.id}", contact.full_name, contact.id, None, contact.company)


def _list_size(count: int, config: Config) -> str:
    """How long today's list is, in the terms `prospect list` shows it: numbers go
    past the daily cap (to what `--limit 0` shows), but the list stops at it."""
    people = "1 person" if count == 1 else f"{count} people"
    if config.daily_limit and count > config.daily_limit:
        return f"it shows {config.daily_limit} people, {count} with --limit 0"
    return f"it has {people}"


def find_person(db: Database, config: Config, ident: str, now: datetime) -> Target:
    """A person by rank in today's list (a number), key (c:42, p:name|company) or name.

    Raises a usage error naming the candidates when a name is ambiguous."""
    ident = ident.strip()
    if ident.isdigit():
        number = int(ident)
        rows = build_list(db, config, ListOptions(limit=0), now)
        if number in todays_numbers(db, now).values():
            # a number from today's digest stays that person's, acted on or not
            rows = build_list(db, config, ListOptions(limit=0, include_all=True), now)
        for row in rows:
            if row.rank == number:
                return _from_row(row)
        raise ProspectError(
            f"no number {number} in today's list ({_list_size(len(rows), config)}); "
            "use a key like c:42 or a name",
            ExitCode.USAGE,
        )
    everyone = build_list(db, config, ListOptions(limit=0, include_all=True), now)
    if ident.startswith(("c:", "p:")):
        for row in everyone:
            if row.person_key == ident:
                return _from_row(row)
        if ident.startswith("c:") and ident[2:].isdigit():
            contact = get_contact(db, int(ident[2:]))
            if contact is not None:
                return _from_contact(contact)
        raise ProspectError(f"no one with the key {ident!r}", ExitCode.USAGE)
    wanted = normalize_person(ident)
    if not wanted:
        raise ProspectError("expected a number, a key like c:42, or a name", ExitCode.USAGE)
    exact = [r for r in everyone if normalize_person(r.person) == wanted]
    partial = [r for r in everyone if f" {wanted} " in f" {normalize_person(r.person)} "]
    targets = [_from_row(r) for r in (exact or partial)]
    if not targets:
        contacts = contacts_named(db, wanted)
        exact_contacts = [c for c in contacts if c.name_norm == wanted]
        targets = [_from_contact(c) for c in (exact_contacts or contacts)]
    if len(targets) == 1:
        return targets[0]
    if not targets:
        raise ProspectError(f"no one called {ident!r} in today's list or your contacts")
    shown = "; ".join(_describe(t) for t in targets[:10])
    more = f" and {len(targets) - 10} more" if len(targets) > 10 else ""
    raise ProspectError(
        f"{ident!r} matches {len(targets)} people: {shown}{more}; "
        "use the number or the key in brackets",
        ExitCode.USAGE,
    )


def parse_until(text: str, now: datetime) -> datetime:
    """YYYY-MM-DD (the start of that day, UTC) or a duration: 3d, 2w, 12h; in the future,
    or the snooze would be over before it began."""
    text = text.strip().lower()
    when, days = None, duration_days(text)
    if days is not None:
        with contextlib.suppress(ValueError, OverflowError):  # out of range: maybe a date
            when = now + timedelta(days=days)
    if when is None:
        try:
            when = datetime.fromisoformat(text[:10]).replace(tzinfo=UTC)
        except ValueError:
            raise ProspectError(
                "--until: expected a date like 2026-12-01 or a duration like 3d or 2w, "
                f"got {text!r}",
                ExitCode.USAGE,
            ) from None
    if when <= now:
        raise ProspectError(
            f"--until: expected a date after today or a duration above zero, got {text!r}",
            ExitCode.USAGE,
        )
    return when


def mark(
    db: Database,
    config: Config,
    ident: str,
    action: str,
    *,
    until: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> Target:
    """Record what the rep did about one person."""
    now = now or datetime.now(UTC)
    if action not in ACTIONS:
        raise ProspectError(f"expected one of {', '.join(ACTIONS)}, got {action!r}", ExitCode.USAGE)
    if action == "snoozed" and not until:
        raise ProspectError("snoozed needs --until DATE (e.g. 2026-12-01 or 2w)", ExitCode.USAGE)
    when = parse_until(until, now).replace(microsecond=0).isoformat() if until else None
    target = find_person(db, config, ident, now)
    row = target.row
    with write(db):
        save_outreach(
            db,
            target.person_key,
            target.person,
            action,
            contact_id=target.contact_id,
            until=when if action == "snoozed" else None,
            note=note,
            score=round(row.score.total, 4) if row else None,
            signal_id=row.signal.id if row else None,
            at=now.replace(microsecond=0).isoformat(),
        )
    return target


# --- raw signals with their matches: `prospect signals list` ---------------------

SIGNAL_COLUMNS = (
    "id", "published_at", "type", "company", "person", "role", "round", "amount", "currency",
    "change", "rule", "event_id", "company_match", "matches", "feed", "title", "url",
)  # fmt: skip


def signal_records(
    db: Database,
    config: Config,
    now: datetime,
    since_days: float | None = None,
    signal_type: str | None = None,
) -> list[dict[str, Any]]:
    """Every stored signal in the window, newest first, with whom it matches."""
    days = since_days if since_days is not None else config.max_age_days
    matched = load_events(db, config, now, days, signal_type)
    out = []
    for event in matched.events:
        people = []
        for cand in match_event(event, matched.book):
            if cand.relationship == "intro":
                people.append(f"{cand.person} (intro via {cand.intro[0].full_name})")
            else:
                people.append(f"{cand.person} ({cand.note or cand.relationship})")
        how = f"{event.company.norm} ({event.company.how})" if event.company else ""
        by_id: dict[int | None, Source] = {s.signal_id: s for s in event.sources}
        for signal in event.signals:
            source = by_id.get(signal.id)
            out.append(
                {
                    "id": signal.id,
                    "published_at": signal.published_at,
                    "type": signal.type,
                    "company": signal.company,
                    "person": signal.person,
                    "role": signal.role,
                    "round": signal.round,
                    "amount": signal.amount,
                    "currency": signal.currency,
                    "change": signal.change,
                    "rule": signal.rule,
                    "event_id": event.id,
                    "company_match": how,
                    "matches": "; ".join(people),
                    "feed": source.feed if source else None,
                    "title": source.title if source else None,
                    "url": signal.url,
                }
            )
    out.sort(key=lambda r: (r["published_at"] or "", r["id"] or 0), reverse=True)
    return out


def history_records(db: Database, limit: int | None = None) -> list[dict[str, Any]]:
    """What the rep did about whom, newest first; `about` says the signal in the very
    words the list used for it (`describe_signal`), amount and all."""
    events = history(db, limit)
    for event in events:
        signal = event.pop("signal")
        event["about"] = describe_signal(signal) if signal else ""
    return events
