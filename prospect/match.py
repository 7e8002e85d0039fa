"""Matching signals to people the rep knows.

Pure functions over plain data, in three steps:

1. `CompanyIndex.resolve` turns a signal's company capture into a company the
   rep knows: by `companies.company_key` (normalised name, placeholders
   refused, built-in renames and parents, guarded descriptor suffixes), then
   aliases (signals.yaml and the company_aliases table), then a cautious fuzzy
   fallback. Fuzzy matching only
   runs on names of 8+ characters (compared without spaces), between names of
   similar length that share their first three letters, with a high
   threshold: "Box" never becomes "Dropbox", "Apple" never "Applied
   Materials", and short or common-word names ("Square", "Notion", "Gong")
   match only exactly, from the detector's own company capture.
2. `cluster_signals` folds reports of one event from several feeds into one
   `Event` (company + type + round/person/rule, within a window), keeping
   every report as evidence.
3. `match_event` turns an event into `Candidate`s: the rep's contacts at the
   company (direct), the named person if the rep knows them (by name and
   company, or by name alone when they are listed at a former employer), or a
   new executive reached through an introduction by the best-placed contact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz, process

from prospect.companies import COMMON_WORDS, alias_table, company_key
from prospect.models import Contact, PastJob, Signal, Source
from prospect.normalize import normalize_company, normalize_person, normalize_text
from prospect.titles import title_rank

FUZZY_MIN_CHARS = 8  # no fuzzy matching for names shorter than this (without spaces)
FUZZY_THRESHOLD = 92.0  # rapidfuzz ratio, 0-100
# The longer name at most this much longer. Implied by the threshold: a ratio of
# 92 needs lengths within 200 / 92 - 1 = 1.17x (tests/test_match.py keeps it so).
FUZZY_MAX_LENGTH_RATIO = 1.2

_AGGREGATORS = ("news.google.com", "google.com/url", "bing.com/news")


# --- companies -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CompanyMatch:
    norm: str  # canonical normalised name of a company the rep knows
    how: str  # exact | alias | fuzzy | text
    score: float = 100.0


def _compact(norm: str) -> str:
    return norm.replace(" ", "")


class CompanyIndex:
    """The companies the rep knows (normalised), with aliases and fuzzy lookup."""

    def __init__(self, known: Iterable[str | None], aliases: Mapping[str, str] | None = None):
        # alias norm -> canonical norm: the built-in renames, then the given ones
        self.aliases = alias_table(aliases)
        self._canon: dict[str, str] = {}
        # canonical norm -> every stored norm that stands for it (for queries)
        self.norms_of: dict[str, set[str]] = defaultdict(set)
        for n in known:
            if n and self.canonical(n):
                self.norms_of[self.canonical(n)].add(n)
        self.known: set[str] = set(self.norms_of)
        # first three letters -> (names, the same without spaces), for fuzzy lookups
        self._by_prefix: dict[str, tuple[list[str], list[str]]] = {}
        self._by_compact: dict[str, str] = {}
        for norm in sorted(self.known):
            compact = _compact(norm)
            self._by_compact.setdefault(compact, norm)
            if len(compact) >= FUZZY_MIN_CHARS:
                names, compacts = self._by_prefix.setdefault(compact[:3], ([], []))
                names.append(norm)
                compacts.append(compact)
        self._cache: dict[str, CompanyMatch | None] = {}
        self._by_norm: dict[str, CompanyMatch | None] = {}
        self._keys: dict[str | None, str] = {}
        self._text_names: dict[str, str] | None = None

    def canonical(self, norm: str) -> str:
        """The company a stored norm stands for (`companies.company_key`); ''
        for a placeholder employer such as Stealth or Self-employed."""
        found = self._canon.get(norm)
        if found is None:
            found = self._canon[norm] = company_key(norm, self.aliases)
        return found

    def stored_norms(self, canon: Iterable[str]) -> set[str]:
        """Every stored norm of these companies, and every alias of them."""
        wanted = set(canon)
        out = set(wanted)
        for c in wanted:
            out |= self.norms_of.get(c, set())
        out |= {a for a, c in self.aliases.items() if c in wanted}
        return out

    def key(self, name: str | None) -> str:
        """The name to group reports by: the known company if any, else its own norm."""
        found = self.resolve(name)
        if found:
            return found.norm
        if name not in self._keys:
            self._keys[name] = self.canonical(normalize_company(name))
        return self._keys[name]

    def resolve(self, name: str | None) -> CompanyMatch | None:
        if not name:
            return None
        if name not in self._cache:  # keyed by the raw spelling: normalising is not free
            norm = normalize_company(name)
            self._cache[name] = self.resolve_norm(norm)
        return self._cache[name]

    def resolve_norm(self, norm: str | None) -> CompanyMatch | None:
        """`resolve` of a name already normalised (a stored `company_norm`)."""
        if not norm:
            return None
        if norm not in self._by_norm:
            self._by_norm[norm] = self._resolve(norm)
        return self._by_norm[norm]

    def _resolve(self, norm: str) -> CompanyMatch | None:
        canon = self.canonical(norm)
        if not canon:  # a placeholder employer is no company
            return None
        if canon in self.known:
            return CompanyMatch(canon, "exact" if canon == norm else "alias")
        return self._fuzzy(canon)

    def _fuzzy(self, norm: str) -> CompanyMatch | None:
        compact = _compact(norm)
        if len(compact) < FUZZY_MIN_CHARS or norm in COMMON_WORDS:
            return None
        if compact in self._by_compact:  # "KestrelHealth" vs "Kestrel Health"
            return CompanyMatch(self._by_compact[compact], "fuzzy", 100.0)
        same_start = self._by_prefix.get(compact[:3])
        if not same_start:
            return None
        # the first of the best-scoring names, as a loop over them would pick
        found = process.extractOne(
            compact, same_start[1], scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        if found is None:
            return None
        _other, score, at = found
        return CompanyMatch(same_start[0][at], "fuzzy", round(score, 1))

    def find_in_text(self, text: str | None) -> CompanyMatch | None:
        """A known company named in free text; only distinctive names, never
        short or common-word ones (those need the detector's capture)."""
        if not text:
            return None
        if self._text_names is None:
            self._text_names = {n: n for n in self.known if _distinctive(n) and len(n.split()) <= 4}
            for alias, canon in self.aliases.items():
                if canon in self.known and _distinctive(alias):
                    self._text_names[alias] = canon
            for canon, norms in self.norms_of.items():
                for norm in norms:  # "coco robotics" as well as "coco"
                    if _distinctive(norm) and len(norm.split()) <= 4:
                        self._text_names.setdefault(norm, canon)
        words = normalize_text(text).split()
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                found = self._text_names.get(" ".join(words[i : i + size]))
                if found:
                    return CompanyMatch(found, "text")
        return None


def _distinctive(norm: str) -> bool:
    words = norm.split()
    if len(words) >= 2:
        return not all(w in COMMON_WORDS for w in words)
    return len(norm) >= FUZZY_MIN_CHARS and norm not in COMMON_WORDS


# --- events --------------------------------------------------------------------


@dataclass(slots=True)
class Event:
    """One real-world event, however many feeds reported it."""

    signal: Signal  # the most complete report, dated at the earliest one
    signals: list[Signal]
    sources: list[Source]
    company: CompanyMatch | None = None

    @property
    def id(self) -> int | None:
        return self.signal.id

    @property
    def first_signal_id(self) -> int:
        return min((s.id for s in self.signals if s.id is not None), default=0)


def _completeness(signal: Signal) -> int:
    """Facts count most; a direct link (not a news aggregator's redirect) breaks ties."""
    facts = sum(x is not None for x in (signal.round, signal.amount, signal.person, signal.role))
    return 2 * facts + (1 if signal.url and not is_aggregator(signal.url) else 0)


def is_aggregator(url: str | None) -> bool:
    return bool(url) and any(a in url for a in _AGGREGATORS)  # type: ignore[operator]


def event_key(signal: Signal, company_key: str) -> tuple[str, ...]:
    """What two reports must share to be the same event."""
    if signal.type == "job_change":
        who = str(signal.contact_id) if signal.contact_id else normalize_person(signal.person)
        return (signal.type, who, signal.change or "", company_key)
    if not company_key:  # no company: nothing to say two reports are one event
        return (signal.type, f"signal:{signal.id}:{id(signal)}")
    if signal.type == "funding_round":
        return (signal.type, company_key)
    if signal.type == "executive_hire":
        return (signal.type, company_key, normalize_person(signal.person) or signal.role or "")
    return (signal.type, company_key, signal.rule)


FUNDING_AMOUNT_RATIO = 2.0  # two reports of one round: amounts at most this far apart


def _same_amount(a: Signal, b: Signal) -> bool:
    """Amounts that can be one round's: unknown on either side, or within
    `FUNDING_AMOUNT_RATIO` (a Form D's amount sold so far is often below the
    round the press reports; a $5M and a $50M round are two rounds)."""
    if not a.amount or not b.amount or (a.currency or "USD") != (b.currency or "USD"):
        return True
    return max(a.amount, b.amount) <= FUNDING_AMOUNT_RATIO * min(a.amount, b.amount)


def _compatible(event: Event, signal: Signal) -> bool:
    if signal.type != "funding_round":
        return True
    rounds = {s.round for s in event.signals if s.round}
    if signal.round and rounds and signal.round not in rounds:
        return False
    # a report with no round (a Form D, "raises $12M") joins the round of its amount
    return all(_same_amount(signal, s) for s in event.signals)


def cluster_signals(
    reports: Iterable[tuple[Signal, Source]],
    company_of: Callable[[Signal], CompanyMatch | None],
    window_days: float,
    day_of: Callable[[Signal], float],
) -> list[Event]:
    """Fold reports of one event (same key, within `window_days` of its first
    report) into one Event; `day_of` gives a report's time in days."""
    ordered = sorted(reports, key=lambda r: (day_of(r[0]), r[0].id or 0))
    open_events: dict[tuple[str, ...], list[tuple[float, Event]]] = defaultdict(list)
    events: list[Event] = []
    for signal, source in ordered:
        company = company_of(signal)
        company_key = company.norm if company else normalize_company(signal.company)
        key = event_key(signal, company_key)
        day = day_of(signal)
        target = None
        for first_day, event in open_events[key]:
            if day - first_day <= window_days and _compatible(event, signal):
                target = event
                break
        if target is None:
            target = Event(signal=signal, signals=[], sources=[], company=company)
            open_events[key].append((day, target))
            events.append(target)
        target.signals.append(signal)
        target.sources.append(source)
    for event in events:
        _settle(event)
    return events


def _settle(event: Event) -> None:
    """Pick the most complete report (for job changes, the newest), dated at the
    earliest; direct links first."""
    earliest = event.signals[0]
    if event.signals[0].type == "job_change":
        # One person's successive changes, not reports of one: the newest is
        # their job now (the signals come in time order, ids break ties).
        best = event.signals[-1]
    else:
        best = max(event.signals, key=lambda s: (_completeness(s), -(s.id or 0)))
    url = best.url
    if is_aggregator(url):
        url = next((s.url for s in event.signals if s.url and not is_aggregator(s.url)), url)
    event.signal = replace(best, published_at=earliest.published_at or best.published_at, url=url)
    event.sources.sort(key=lambda s: (is_aggregator(s.url), s.published_at or "", s.url or ""))
    for source in event.sources:
        source.event_id = event.signal.id


# --- people --------------------------------------------------------------------


@dataclass(slots=True)
class Candidate:
    person_key: str
    person: str
    title: str | None
    company: str | None
    relationship: str  # direct | intro | unknown
    signal: Signal
    contact: Contact | None = None
    intro: list[Contact] = field(default_factory=list)
    name_only: bool = False  # matched by name alone, without the company
    note: str = ""  # how the match was made, when it is not obvious
    event: Event | None = None
    # contact id -> how that introducer knows the person or the company, in
    # words ("works at Okta, where Jane was before"); ranking orders them
    intro_ties: dict[int, Tie] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tie:
    """How an introducer is placed: 2 worked where the new executive worked
    before, 1 works at the company now."""

    strength: int
    words: str


class ContactBook:
    """The rep's contacts, indexed for matching by canonical company and name."""

    def __init__(
        self,
        contacts: Iterable[Contact],
        companies: CompanyIndex | None = None,
        history: Iterable[PastJob] = (),
    ):
        self.companies = companies
        self.by_company: dict[str, list[Contact]] = defaultdict(list)
        self.by_name: dict[str, list[Contact]] = defaultdict(list)
        self.by_id: dict[int, Contact] = {}
        # canonical company -> the contacts who used to work there
        self.alumni: dict[str, list[PastJob]] = defaultdict(list)
        contacts = list(contacts)
        if self.companies is None:
            self.companies = CompanyIndex(
                c.company_norm or normalize_company(c.company) for c in contacts
            )
        self.add(contacts, history)

    def add(self, contacts: Iterable[Contact], history: Iterable[PastJob] = ()) -> None:
        """More contacts (and job history) for matching; a contact already here
        is kept once. Each company's and name's contacts stay in id order, so
        matching reads the same book however it was filled."""
        touched: dict[int, list[Contact]] = {}
        for contact in contacts:
            if contact.id is not None:
                if contact.id in self.by_id:
                    continue
                self.by_id[contact.id] = contact
            company = self.company_of(contact)
            if company:
                self.by_company[company].append(contact)
                touched[id(self.by_company[company])] = self.by_company[company]
            name = contact.name_norm or normalize_person(contact.full_name)
            if name:
                self.by_name[name].append(contact)
                touched[id(self.by_name[name])] = self.by_name[name]
        for same in touched.values():
            if len(same) > 1:
                same.sort(key=lambda c: -1 if c.id is None else c.id)
        for job in history:
            key = self.index.canonical(normalize_company(job.company))
            if key and job.contact_id in self.by_id:
                self.alumni[key].append(job)

    @property
    def index(self) -> CompanyIndex:
        assert self.companies is not None
        return self.companies

    def company_of(self, contact: Contact) -> str:
        norm = contact.company_norm or normalize_company(contact.company)
        return self.index.canonical(norm) if norm else ""

    def at(self, company_norm: str | None) -> list[Contact]:
        return self.by_company.get(company_norm, []) if company_norm else []


def contact_key(contact: Contact) -> str:
    return (
        f"c:{contact.id}" if contact.id is not None else f"n:{normalize_person(contact.full_name)}"
    )


def key_contact_id(key: str) -> int | None:
    """The contact id a person key names ("c:42" -> 42); None for any other key."""
    kind, _, rest = key.partition(":")
    return int(rest) if kind == "c" and rest.isdigit() else None


def person_key(name: str, company: str | None) -> str:
    return f"p:{normalize_person(name)}|{normalize_company(company)}"


def _connected_ordinal(contact: Contact) -> int:
    try:
        return date.fromisoformat((contact.connected_on or "")[:10]).toordinal()
    except ValueError:
        return 0


def rank_introducers(contacts: Iterable[Contact]) -> list[Contact]:
    """Best introducer first: the most senior, then the most recently connected."""
    return sorted(contacts, key=_introducer_key)


def _lower_first(rank: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-r for r in rank)


def _years(job: PastJob) -> str:
    since, until = (job.since or "")[:4], (job.until or "")[:4]
    if since and until:
        return f" ({since}–{until})" if since != until else f" ({until})"
    return f" (until {until})" if until else ""


def introducers(
    signal: Signal, book: ContactBook, company: str | None
) -> tuple[list[Contact], dict[int, Tie]]:
    """Who can introduce the rep to a named person they do not know: colleagues
    at the company, and (from the hire's `previous_company` and the contacts'
    own job history) people who worked where the person worked before."""
    first = (signal.person or "them").split()[0]
    ties: dict[int, Tie] = {}
    people: dict[int, Contact] = {}
    prev_key = book.index.canonical(normalize_company(signal.previous_company))
    if prev_key and prev_key != company:
        where = signal.previous_company
        for contact in book.at(prev_key):
            if contact.id is not None:
                people[contact.id] = contact
                ties[contact.id] = Tie(2, f"who works at {where}, where {first} was before")
        for job in book.alumni.get(prev_key, []):
            if job.contact_id not in ties:
                people[job.contact_id] = book.by_id[job.contact_id]
                ties[job.contact_id] = Tie(
                    2, f"who worked with {first} at {job.company}{_years(job)}"
                )
    for contact in book.at(company):
        if contact.id is not None and contact.id not in ties:
            people[contact.id] = contact
            what = f"{contact.title} at" if contact.title else "works at"
            ties[contact.id] = Tie(1, f"{what} {contact.company or signal.company}")
    ordered = sorted(
        people.values(),
        key=lambda c: (-ties[c.id].strength, *_introducer_key(c)),  # type: ignore[index]
    )
    return ordered, ties


def _introducer_key(c: Contact) -> tuple[tuple[int, ...], int, str]:
    return _lower_first(title_rank(c.title)), -_connected_ordinal(c), c.full_name.casefold()


def _direct(
    contact: Contact, event: Event, name_only: bool = False, note: str = "", hire: bool = False
) -> Candidate:
    signal = event.signal
    return Candidate(
        person_key=contact_key(contact),
        person=contact.full_name,
        # A hire names the new job; the contact record may still show the old one.
        title=(signal.role or contact.title) if hire else contact.title,
        company=(signal.company or contact.company) if hire else contact.company,
        relationship="direct",
        signal=signal,
        contact=contact,
        name_only=name_only,
        note=note,
        event=event,
    )


def match_event(event: Event, book: ContactBook) -> list[Candidate]:
    """Everyone this event makes worth contacting."""
    signal = event.signal
    company = event.company.norm if event.company else None
    if signal.type == "job_change" and signal.contact_id in book.by_id:
        return [_direct(book.by_id[signal.contact_id], event)]  # type: ignore[index]
    if signal.person:
        found = _match_person(event, book, company)
        if found is not None:
            return [found]
        intro, ties = introducers(signal, book, company)
        return [
            Candidate(
                person_key=person_key(signal.person, signal.company),
                person=signal.person,
                title=signal.role,
                company=signal.company,
                relationship="intro" if intro else "unknown",
                signal=signal,
                intro=intro,
                event=event,
                intro_ties=ties,
            )
        ]
    return [_direct(c, event) for c in book.at(company)]


def _match_person(event: Event, book: ContactBook, company: str | None) -> Candidate | None:
    """The named person, if the rep knows them: by name and company, else by name alone."""
    signal = event.signal
    name = normalize_person(signal.person)
    known = book.by_name.get(name, [])
    if not known:
        return None
    hire = signal.type == "executive_hire"
    here = [c for c in known if company and book.company_of(c) == company]
    if here:
        return _direct(here[0], event, hire=hire)
    old = book.index.resolve(signal.old_company) if signal.old_company else None
    at_old = [c for c in known if old and book.company_of(c) == old.norm]
    # A name alone is weak evidence: only a full name held by one contact counts.
    chosen = at_old or (known if len(known) == 1 and len(name.split()) >= 2 else [])
    if len(chosen) != 1:
        return None
    contact = chosen[0]
    listed = contact.company or "no company"
    return _direct(
        contact, event, name_only=True, note=f"matched by name; listed at {listed}", hire=hire
    )
