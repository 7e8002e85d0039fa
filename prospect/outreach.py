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
import gc
import heapq
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from prospect.config import Config
from prospect.errors import ExitCode, ProspectError
from prospect.match import (
    Candidate,
    CompanyIndex,
    CompanyMatch,
    ContactBook,
    Event,
    cluster_signals,
    event_key,
    key_contact_id,
    match_event,
)
from prospect.models import Contact, PastJob, Row, Signal, Source
from prospect.normalize import duration_days, normalize_company, normalize_person, parse_time
from prospect.rank import (
    Memo,
    Scored,
    decay,
    group_ceiling,
    people_ceiling,
    score_person,
    strength_ceiling,
    word_row,
)
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
from prospect.store.signals import (
    HEAD_HOW,
    HEAD_PLACE,
    Head,
    last_signal_id,
    signal_heads,
    window_reports,
)
from prospect.wording import describe_signal

ACTIONS = ("contacted", "skipped", "snoozed")
# Groups of signals matched in the first step of a short list, and how each
# step grows it (few SQL round trips at any size).
FIRST_BATCH = 16
BATCH_GROWTH = 2


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


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while. A list makes no reference
    cycles (tests/test_outreach_topk.py keeps it so): reference counting frees
    all it makes, and all the collector would do is walk the window's objects
    again and again as they pile up, a sixth of a big list's time."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load_events(
    db: Database,
    config: Config,
    now: datetime,
    since_days: float,
    signal_type: str | None = None,
) -> Matched:
    """Signals in the window, clustered into events, with only the contacts they concern."""
    with _collector_paused():
        window = Window(db, config, now, since_days, signal_type)
        events = window.process(list(window.groups))
    return Matched(events=events, book=window.book)


def _window(config: Config, since_days: float | None) -> float:
    if since_days is None:
        return config.max_age_days
    return min(since_days, config.max_age_days)


@dataclass(slots=True)
class _Person:
    candidates: list[Candidate]
    included: bool = False
    complete: bool = False  # every group that can concern them is matched
    scored: list[Scored] | None = None  # best first; None: to score again


class Window:
    """The signals of the list's window, read in two steps so that a list
    over hundreds of thousands of them costs what its top rows cost.

    First every signal's head (type, company, person, date: `signal_heads`),
    grouped by company, each group with the most any candidate of its events
    could score (`rank.*_ceiling`); a group about a company nobody the rep
    knows works at, naming no one, can reach nobody and is matched only when
    everything is. Then groups are read in full, clustered and matched best
    ceiling first (`process`), and `ranked()` hands out people in
    rank order: a person goes out once nobody unmatched could outrank them and
    every group that can concern them (their company's, any naming them, their
    own job changes) is matched, so their row and its `also` are the ones the
    whole window gives. `load_events` matches every group at once."""

    def __init__(
        self,
        db: Database,
        config: Config,
        now: datetime,
        since_days: float,
        signal_type: str | None = None,
        *,
        last_contacted: Mapping[str, str] | None = None,
    ) -> None:
        self.db, self.config, self.now = db, config, now
        self.last_contacted = last_contacted or {}
        self.index = CompanyIndex(known_company_norms(db), company_aliases(db, config.aliases))
        self.book = ContactBook((), self.index)
        self.excluded = {self.index.key(a) for a in config.exclude_accounts}
        self.included = {self.index.key(a) for a in config.include_accounts}
        self.people: dict[str, _Person] = {}
        self._company: dict[int, CompanyMatch | None] = {}  # keyword hits with no company
        self._enabled: dict[tuple[str, str], bool] = {}  # (type, rule) -> whether it counts
        self._fetched: tuple[set[str], set[str], set[int]] = (set(), set(), set())
        self._history: list[PastJob] | None = None
        self._changed: set[str] = set()  # people with new candidates since `ranked` looked
        self._memo: Memo = {}  # each event's strength and recency, scored once
        # The window's groups: every report of an event is in one, so a group
        # clusters on its own. A group is its company's (the signals whose
        # stored company norms resolve to it) or a signal's with no company
        # (its own, or a keyword hit's whose headline names a known company).
        # group -> the most any of its candidates can score; below zero: it
        # can have none (a company nobody the rep knows works at, no one named)
        self.groups: dict[object, float] = {}
        self._norms: dict[object, tuple[str, ...]] = {}  # group -> its company norms
        self._alone: dict[object, list[int]] = defaultdict(list)  # -> its signals with none
        self.matched: set[object] = set()  # the groups matched so far
        # who is named in which groups, and whose job changes are where (most
        # names are in one group)
        self.by_name: dict[str, tuple[object, ...]] = {}
        self.by_contact: dict[int, tuple[object, ...]] = {}
        self._since = (now - timedelta(days=since_days)).isoformat()
        self._type = signal_type
        self._last_id = last_signal_id(db)
        # A group's ceiling is the most any report's strength x recency x people
        # can be: an event's score takes its best report's strength and its
        # earliest report's recency, which is at most the best report's own.
        # (type, rule, round, change, role, old title: what strength depends
        # on) -> its strength ceiling and half-life, or None when the rules
        # file turns it off (enabled: false or weight 0): off for what is
        # stored too
        hows: dict[tuple[Any, ...], tuple[float, float] | None] = {}
        # company norm -> its group, and whether anyone can be reached there
        placed: dict[str, tuple[object, bool]] = {}
        groups, by_name, by_contact = self.groups, self.by_name, self.by_contact
        today = now.timestamp()
        for row in signal_heads(db, self._since, signal_type, self._last_id):
            how = row[HEAD_HOW]
            if how not in hows:
                hows[how] = self._how(Head._make(row))
            found = hows[how]
            if found is None:
                continue
            strong, half_life = found
            norm, named, contact_id, stamp = row[HEAD_PLACE]
            if norm:
                place = placed.get(norm)
                if place is None:
                    place = placed[norm] = self._place(norm)
                key, reachable = place
            else:
                key, reachable = self._place_alone(Head._make(row))
            if named is not None:
                keys = by_name.get(named, ())
                if key not in keys:
                    by_name[named] = (*keys, key)
            if contact_id is not None:
                keys = by_contact.get(contact_id, ())
                if key not in keys:
                    by_contact[contact_id] = (*keys, key)
            elif not reachable and named is None:
                continue  # nobody to reach: no colleague is known, no one is named
            ceiling = groups[key]
            if strong <= ceiling:
                continue  # recency is at most 1: this one cannot raise the ceiling
            days = (today - (today if stamp is None else stamp)) / 86400
            value = strong * decay(days, half_life)
            if value > ceiling:
                groups[key] = value
        strongest = max((found[0] for found in hows.values() if found), default=0.0)
        people = people_ceiling(config)
        for key, ceiling in groups.items():
            if ceiling >= 0:
                groups[key] = group_ceiling(ceiling, strongest, people)

    def _place(self, norm: str) -> tuple[object, bool]:
        """The group of the signals with this stored company norm, and whether
        its company is one the rep knows (else its norm is its own group)."""
        company = self.index.resolve_norm(norm)
        key = company.norm if company else norm
        self.groups.setdefault(key, -1.0)
        self._norms[key] = (*self._norms.get(key, ()), norm)
        return key, company is not None

    def _place_alone(self, head: Head) -> tuple[object, bool]:
        """The group of a signal with no company: a known company its keyword
        hit's headline names, else its own event's."""
        company = None
        if not head.company and head.type == "keyword":
            company = self._company[head.id] = self.index.find_in_text(head.text)
        key = company.norm if company else event_key(head.signal(), "")
        self.groups.setdefault(key, -1.0)
        self._alone[key].append(head.id)
        return key, company is not None

    def _how(self, head: Head) -> tuple[float, float] | None:
        """A kind of signal's strength ceiling and half-life (None: turned off)."""
        kind, rule = head.type, head.rule
        if not self._counts(kind, rule):
            return None
        half_life = self.config.half_life(kind, rule if kind == "keyword" else None)
        return strength_ceiling(head.signal(), self.config), half_life

    def _counts(self, kind: str, rule: str) -> bool:
        """Whether stored signals of this type and rule count (`Config.enabled`)."""
        found = self._enabled.get((kind, rule))
        if found is None:
            found = self._enabled[kind, rule] = self.config.enabled(kind, rule)
        return found

    def company_of(self, signal: Signal) -> CompanyMatch | None:
        if signal.id in self._company:
            return self._company[signal.id]  # found in its headline
        return self.index.resolve(signal.company)

    def process(self, keys: list[object]) -> list[Event]:
        """Read, cluster and match these groups; their candidates join `people`."""
        todo = [k for k in keys if k not in self.matched]
        self.matched.update(todo)
        norms = [n for k in todo for n in self._norms.get(k, ())]
        alone = [i for k in todo for i in self._alone.get(k, ())]
        read = window_reports(self.db, self._since, self._type, self._last_id, norms, alone)
        reports = [r for r in read if self._counts(r[0].type, r[0].rule)]

        def day_of(signal: Signal) -> float:
            when = parse_time(signal.published_at)
            return (when or self.now).timestamp() / 86400

        events = cluster_signals(reports, self.company_of, self.config.ranking.cluster_days, day_of)
        self._fetch_contacts(events)
        for event in events:
            for cand in match_event(event, self.book):
                companies = {self.index.key(cand.company), self.index.key(event.signal.company)}
                companies.discard("")
                if companies & self.excluded:
                    continue  # an excluded account never shows up
                person = self.people.get(cand.person_key)
                if person is None:
                    person = self.people[cand.person_key] = _Person([])
                person.candidates.append(cand)
                person.scored = None
                self._changed.add(cand.person_key)
                if companies & self.included:
                    person.included = True
        return events

    def _fetch_contacts(self, events: list[Event]) -> None:
        """Add to the book every contact these events can concern: people at
        their companies, people they name, the movers, and (for a new
        executive's former employer) the people there now and those who
        worked there once."""
        companies, names, ids = self._fetched
        index = self.index
        wanted = {e.company.norm for e in events if e.company} - companies
        before = (
            {
                index.canonical(normalize_company(s.previous_company))
                for e in events
                for s in e.signals
                if s.previous_company
            }
            - {""}
            - companies
        )
        history = []
        if before:
            if self._history is None:
                self._history = past_jobs(self.db)
            history = [
                j for j in self._history if index.canonical(normalize_company(j.company)) in before
            ]
        new_names = {normalize_person(s.person) for e in events for s in e.signals if s.person}
        new_names -= names
        new_ids = {s.contact_id for e in events for s in e.signals if s.contact_id is not None}
        new_ids |= {j.contact_id for j in history}
        new_ids -= ids
        companies |= wanted | before
        names |= new_names
        ids |= new_ids
        if wanted or before or new_names or new_ids:
            found = contacts_for_matching(
                self.db, index.stored_norms(wanted | before), new_names, new_ids
            )
            self.book.add(found, history)

    def _concerning(self, key: str) -> set[object]:
        """The groups whose events can give this person a candidate."""
        contact_id = key_contact_id(key)
        if contact_id is None:  # p:name|company (or n:name): by name alone
            return set(self.by_name.get(key.partition(":")[2].split("|", 1)[0], ()))
        out: set[object] = set()
        contact = self.book.by_id.get(contact_id)
        if contact is None:
            return out
        company = self.book.company_of(contact)
        if company in self.groups:
            out.add(company)
        out.update(self.by_name.get(contact.name_norm or normalize_person(contact.full_name), ()))
        out.update(self.by_contact.get(contact.id, ()))  # type: ignore[arg-type]
        return out

    def complete(self, key: str) -> _Person | None:
        """Everything that concerns this person matched; them, if anything does."""
        person = self.people.get(key)
        if person is not None and person.complete:
            return person
        contact_id = key_contact_id(key)
        if contact_id is not None and contact_id not in self.book.by_id:
            self.book.add(contacts_for_matching(self.db, ids=[contact_id]))
        missing = [g for g in self._concerning(key) if g not in self.matched]
        if missing:
            self.process(missing)
        person = self.people.get(key)
        if person is not None:
            person.complete = True
        return person

    def scored(self, key: str) -> list[Scored]:
        person = self.people[key]
        if person.scored is None:
            person.scored = score_person(person.candidates, self.config, self.now,
                                         included=person.included,
                                         last_contacted=self.last_contacted,
                                         memo=self._memo)  # fmt: skip
        return person.scored

    def ranked(self, everything: bool = False) -> Iterator[list[Scored]]:
        """People best first, each with their events best first (`rank_people`'s
        order), matching only as much of the window as that order needs."""
        if everything:
            self.process(list(self.groups))
        queue = [
            (-c, n, k)
            for n, (k, c) in enumerate(self.groups.items())
            if c >= 0 and k not in self.matched
        ]
        heapq.heapify(queue)
        boost = max(1.0, self.config.ranking.fit["included_account"])
        might_grow = bool(self.included) and boost > 1.0
        best: list[tuple[tuple[float, float, str, str], str]] = []  # (sort key, person)
        pushed: dict[str, tuple[float, float, str, str]] = {}
        out: set[str] = set()
        batch = FIRST_BATCH

        def push_people() -> None:
            for key in self._changed:
                person = self.people[key]
                if key in out:
                    continue
                top = self.scored(key)[0].key
                if might_grow and not person.included and not person.complete:
                    # an unmatched group may yet make them an included account's
                    top = (top[0] * boost * (1 + 1e-9), *top[1:])  # type: ignore[assignment]
                if pushed.get(key) != top:
                    pushed[key] = top
                    heapq.heappush(best, (top, key))
            self._changed.clear()

        while True:
            push_people()
            while best and (best[0][1] in out or pushed.get(best[0][1]) != best[0][0]):
                heapq.heappop(best)
            while queue and queue[0][2] in self.matched:
                heapq.heappop(queue)
            ceiling = -queue[0][0] if queue else 0.0
            leader = -best[0][0][0] if best else None
            if queue and (leader is None or ceiling * (1 + 1e-9) >= leader):
                keys = [heapq.heappop(queue)[2] for _ in range(min(batch, len(queue)))]
                batch *= BATCH_GROWTH
                self.process(keys)
                continue
            if not best:
                return
            key = best[0][1]
            person = self.people[key]
            if not person.complete:
                self.complete(key)
                self._changed.add(key)  # complete now: no longer boosted
                continue
            heapq.heappop(best)
            out.add(key)
            yield self.scored(key)


def build_list(
    db: Database, config: Config, options: ListOptions, now: datetime | None = None
) -> list[Row]:
    with _collector_paused():
        return _build_list(db, config, options, now or datetime.now(UTC))


def _build_list(db: Database, config: Config, options: ListOptions, now: datetime) -> list[Row]:
    contacted = last_contacted(db)
    window = Window(db, config, now, _window(config, options.since_days), options.signal_type,
                    last_contacted=contacted)  # fmt: skip
    index = window.index
    states = outreach_states(db)
    pinned = todays_numbers(db, now)
    limit = options.limit if options.limit is not None else config.daily_limit
    cap = config.ranking.per_company
    # people are worded in rank order until the list is full: today's numbered
    # people (wherever they rank now) and `limit` others, each company capped
    first: list[Row] = []
    rest: list[Row] = []
    per_company: dict[str, int] = defaultdict(int)

    def consider(group: list[Scored], number: int) -> None:
        row = word_row(group, config, now, number, last_contacted=contacted)
        contact = window.book.by_id.get(row.contact_id) if row.contact_id is not None else None
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
            return
        if row.person_key in pinned:
            first.append(row)
            return
        if cap > 0:  # at most `cap` people per company: one company's news cannot fill it
            company = index.key(row.company) or row.person_key
            per_company[company] += 1
            if per_company[company] > cap:
                return
        rest.append(row)

    seen: set[str] = set()
    for number, group in enumerate(window.ranked(everything=not limit), 1):
        seen.add(group[0].candidate.person_key)
        consider(group, number)
        if limit and len(rest) >= limit:
            break
    for key in sorted(pinned.keys() - seen):  # numbered today, ranked below the cut
        if window.complete(key) is not None:
            consider(window.scored(key), 0)
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
        contact_id = key_contact_id(ident)
        if contact_id is not None:
            contact = get_contact(db, contact_id)
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
# On a screen, what a person reads first: the day, whom it is about, the signal in words
# ("raised $65M Series C", "named Chief Revenue Officer"), whom it matches, the headline.
SIGNAL_SCREEN = ("id", "date", "company", "person", "signal", "matches", "title", "company_match")


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
                    "date": (signal.published_at or "")[:10],
                    "signal": describe_signal(signal),
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
