"""Reconciling an export with the contacts already stored: pure, `Contact` in,
`Contact` out. The store loads what it holds, `reconcile` decides, the store
upserts what it decided.

What each source last said about a person is kept apart from the contact (the
store's `contact_sources`; here a `Contact` per person, `id` the contact's). A
job change is a source contradicting its own earlier word; two sources
disagreeing (a stale CRM export against a fresh LinkedIn one) is not, and a
second source only fills blanks. That is also what keeps every re-import
idempotent.

A blank is never news: a column the file does not carry, or an empty cell,
neither counts as a change nor erases what is known (a two-column re-import
must not turn "VP of Sales at X" into "? at X"). The one exception is the
person LinkedIn lists with no position at all (source "linkedin", company and
title both carried and both empty): LinkedIn shows someone without a current
job that way, so they left, and what the source said keeps that as '' (not
None, which means "not known"), so their next job is a move. A CRM export with
both cells empty says only that nobody filled them in: no departure.

An export is reconciled a batch at a time (`Reconciler`): for each batch the
store loads only the contacts its rows could be (`Keys`: their member
profiles, emails, names at companies) and what this source said of them
(`Known`), so a 300,000-row import never holds every row and every contact at
once. What crosses batches is small: which contacts this file has met
(bitmaps of ids), the next id, the counts and the job changes. A later batch
sees an earlier one's writes in the store, so the same person on two rows far
apart is still one contact.

The kind of a change (`classify_change`) and the `job_change` signal it makes
are decided here too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from prospect.companies import company_of, is_placeholder
from prospect.models import Contact, Signal
from prospect.normalize import (
    is_person_url,
    normalize_company,
    normalize_email,
    normalize_person,
    normalize_profile_url,
    parse_time,
)
from prospect.titles import same_title, title_rank

# What a source says about a person, kept to tell its own changes of word.
SAID_FIELDS = ("full_name", "email", "profile_url", "company", "title", "connected_on")
# Sources whose row with company and title both empty means "no current job".
LISTS_DEPARTURES = frozenset({"linkedin"})


@dataclass(slots=True)
class JobChange:
    contact_id: int
    full_name: str
    old_company: str | None
    old_title: str | None
    company: str | None
    title: str | None


@dataclass(slots=True)
class Reconciled:
    """What to store: new and changed contacts, and what the source now says."""

    added: list[Contact] = field(default_factory=list)
    updated: list[Contact] = field(default_factory=list)
    said: list[Contact] = field(default_factory=list)  # only where the source's word changed
    unchanged: int = 0
    duplicates: int = 0  # the same person twice in one file: the first row counts
    changes: list[JobChange] = field(default_factory=list)


# A key a contact is found by, tagged with its index: ("url", url),
# ("email", email), ("name", name, company), ("short", short name, company).
Key = tuple[str, ...]


def _row_keys(row: Contact) -> set[Key]:
    """Every key a contact is indexed by (`_Book.index`)."""
    keys: set[Key] = set()
    url = normalize_profile_url(row.profile_url)
    if is_person_url(url):
        keys.add(("url", url))
    if row.email:
        keys.add(("email", normalize_email(row.email)))
    company = row.company_norm or ""
    keys.add(("name", row.name_norm or "", company))
    keys.add(("short", _short(row.name_norm), company))
    return keys


@dataclass(slots=True)
class Keys:
    """What a batch of cleaned rows finds people by, for the store to look up."""

    emails: set[str] = field(default_factory=set)
    # (company, name without middle names (`_short`), name): the names there
    # that are the same without their middle names, the very name among them
    short_names_at: set[tuple[str, str, str]] = field(default_factory=set)
    names_at: set[tuple[str, str]] = field(default_factory=set)  # (name, company): the rest
    names: set[str] = field(default_factory=set)  # names alone, for this source's people
    # keys contacts lost in earlier batches, to the contact (`Reconciler.former`)
    former: dict[Key, int] = field(default_factory=dict)
    # (company, short name) of the rows among them with no member profile
    bare: set[tuple[str, str]] = field(default_factory=set)

    def written(self, written: Written) -> Keys:
        """Only the keys a contact `written` may hold: into a store that held no
        contact before the import, the others find nobody. A company's people
        without a name are always looked up (rare). A name at a company that
        only rows with a member profile give, and only contacts with a member
        profile of their own hold, finds nobody either: two member profiles are
        two people (`_Book.find`), and the profile itself is looked up apart
        (`store.contacts.contacts_by_url`). In an export where every row has
        a profile, that is every namesake at a company."""
        bare = self.bare
        return Keys(
            emails={e for e in self.emails if ("email", e) in written},
            short_names_at={
                k
                for k in self.short_names_at
                if ("short", k[0], k[1]) in written
                and ((k[0], k[1]) in bare or ("bare", k[0], k[1]) in written)
            },
            names_at={(n, c) for n, c in self.names_at if not n or c or ("alone", n) in written},
            names=self.names,
            former=self.former,
            bare=bare,
        )


@dataclass(slots=True)
class Known:
    """What the store holds that a batch may concern: the contacts its `Keys`
    find (in id order), what this source said of them, and this source's
    people by name as they were when the import began."""

    contacts: list[Contact] = field(default_factory=list)
    said: dict[int, Contact] = field(default_factory=dict)
    names_here: dict[str, list[int]] = field(default_factory=dict)
    # The contact each key finds, as one batch would (`Reconciler.choose`).
    found: dict[Key, int] = field(default_factory=dict)
    # The member profiles of contacts a key finds that no row of the batch can
    # be (`Reconciler.takeable`), by id: only told apart, never loaded.
    profiles: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class Batch:
    """One batch's writes: rows to insert, rows to rewrite, what the source said."""

    insert: dict[int, Contact] = field(default_factory=dict)
    update: dict[int, Contact] = field(default_factory=dict)
    said: dict[int, Contact] = field(default_factory=dict)


class Written:
    """The keys of the contacts an import has written into a store that held
    none before it: a key none of them holds has no holder to look up
    (`Keys.written`). A bitmap of the keys' hashes, 4 MB at any size: a key
    may seem written when it was not (it is then looked up, and found by
    nobody), never the other way round."""

    __slots__ = ("_bits",)
    _MASK = (1 << 25) - 1

    def __init__(self) -> None:
        self._bits = bytearray((self._MASK + 1) >> 3)

    def _add(self, key: tuple[str, ...]) -> None:
        h = hash(key) & self._MASK
        self._bits[h >> 3] |= 1 << (h & 7)

    def __contains__(self, key: object) -> bool:
        h = hash(key) & self._MASK
        return bool(self._bits[h >> 3] >> (h & 7) & 1)

    def add(self, contact: Contact) -> None:
        """A contact as it is stored: every key the store's look-ups find it by
        (`store.contacts.contacts_by_url`, `key_holders`)."""
        if contact.profile_url:
            self._add(("url", contact.profile_url))
        if contact.email:
            self._add(("email", contact.email))
        name = contact.name_norm or ""
        if contact.company_norm:
            short = _short(name)
            self._add(("short", contact.company_norm, short))
            if not is_person_url(contact.profile_url):
                self._add(("bare", contact.company_norm, short))
        self._add(("alone", name))


class Ids:
    """A set of contact ids as a bitmap: an import of 300,000 rows remembers
    whom it has met in 40 KB rather than in 20 MB of int objects."""

    __slots__ = ("_bits", "_far")
    _LIMIT = 1 << 27  # ids past 134 million (never given by an import) go in a set

    def __init__(self) -> None:
        self._bits = bytearray()
        self._far: set[int] = set()

    def add(self, n: int) -> None:
        if n >= self._LIMIT or n < 0:
            self._far.add(n)
            return
        i = n >> 3
        if i >= len(self._bits):
            self._bits.extend(bytes(max(i + 1, 2 * len(self._bits)) - len(self._bits)))
        self._bits[i] |= 1 << (n & 7)

    def __contains__(self, n: object) -> bool:
        if not isinstance(n, int):
            return False
        if n >= self._LIMIT or n < 0:
            return n in self._far
        i = n >> 3
        return i < len(self._bits) and bool(self._bits[i] >> (n & 7) & 1)


def _blank(value: Any) -> bool:
    return value is None or value == ""


def _departed(company: Any, title: Any) -> bool:
    return company == "" and title == ""


def _moved(old_company: Any, new_company: Any) -> bool:
    """Two known companies that are not one (a blank filled is no move). One
    company is one by the resolver's word (`companies.company_of`): a rename
    (Facebook Inc. -> Meta, Square -> Block, Twitter -> X Corp.), a parent
    (Amazon -> AWS) or a re-spelling (Gong -> Gong.io, Notion -> Notion Labs)
    is no move. Two placeholders ("Stealth" -> "Stealth Startup") are one
    non-company, not a move either."""
    if _blank(old_company) or _blank(new_company):
        return False
    old, new = company_of(old_company), company_of(new_company)
    if not old and not new:
        return normalize_company(old_company) != normalize_company(new_company) and not (
            is_placeholder(old_company) and is_placeholder(new_company)
        )
    return old != new


@lru_cache(maxsize=8192)
def _short(name_norm: str | None) -> str:
    """A name without its middle names: "john q public" and "john public" are
    one person at one company (Google keeps the middle initial, LinkedIn not).
    Cached: a batch asks it of each row's name three times (its keys, finding
    it, indexing it), and names recur."""
    tokens = (name_norm or "").split()
    return f"{tokens[0]} {tokens[-1]}" if len(tokens) > 2 else " ".join(tokens)


class _Book:
    """The stored contacts, indexed by each key, and what this source said.

    A person is found by a LinkedIn member profile URL, an email, or a name at
    a company; never by any other URL (two colleagues' cards both carry their
    employer's website: `is_person_url`)."""

    def __init__(self, known: Known) -> None:
        self.rows: dict[int, Contact] = {}
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name_company: dict[tuple[str, str], int] = {}
        self.by_short_name_company: dict[tuple[str, str], int] = {}
        for contact in known.contacts:
            self.index(contact)
        # Each key finds the contact it would in one batch (`Reconciler.choose`).
        indexes: dict[str, dict[Any, int]] = {
            "url": self.by_url,
            "email": self.by_email,
            "name": self.by_name_company,
            "short": self.by_short_name_company,
        }
        for (kind, *parts), cid in known.found.items():
            indexes[kind][parts[0] if kind in ("url", "email") else tuple(parts)] = cid
        self.said = known.said
        self.profiles = known.profiles
        # This source's people by name alone: exports without profile URLs
        # (LinkedIn 2018-2021) still find someone whose company changed.
        self.by_name_here = known.names_here

    def index(self, row: Contact) -> None:
        cid = row.id
        assert cid is not None
        self.rows[cid] = row
        url = normalize_profile_url(row.profile_url)
        if is_person_url(url):
            self.by_url.setdefault(url, cid)
        if row.email:
            self.by_email.setdefault(normalize_email(row.email), cid)
        company = row.company_norm or ""
        self.by_name_company.setdefault((row.name_norm or "", company), cid)
        self.by_short_name_company.setdefault((_short(row.name_norm), company), cid)

    def find(self, rec: Contact, claimed: Ids) -> int | None:
        """The stored person: by profile URL, then email, then name + company,
        then a name that only one of this source's people has."""
        url = rec.profile_url if is_person_url(rec.profile_url) else None
        if url and url in self.by_url:
            return self.by_url[url]
        candidates = []
        if rec.email and rec.email in self.by_email:
            candidates.append(self.by_email[rec.email])
        company = rec.company_norm or ""
        name_co = self.by_name_company.get((rec.name_norm or "", company))
        if name_co is None and company:
            name_co = self.by_short_name_company.get((_short(rec.name_norm), company))
        if name_co is not None:
            candidates.append(name_co)
        same_name = self.by_name_here.get(rec.name_norm or "", [])
        if len(same_name) == 1 and same_name[0] not in claimed:
            candidates.append(same_name[0])
        for cid in candidates:
            row = self.rows.get(cid)
            stored = normalize_profile_url(row.profile_url if row else self.profiles[cid])
            # Two different member profiles are two different people.
            if not (url and is_person_url(stored) and stored != url):
                return cid
        return None


def _copy(c: Contact) -> Contact:
    """`dataclasses.replace(c)` at an eighth of its cost: a re-import copies
    every stored contact it meets to merge the row into it."""
    return Contact(
        c.full_name, c.first_name, c.last_name, c.email, c.profile_url, c.company, c.title,
        c.connected_on, c.sources, c.id, c.company_norm, c.name_norm,
    )  # fmt: skip


def _clean(contact: Contact) -> Contact:
    """The contact with its keys normalised once (`normalize_company` is cached:
    company names repeat)."""
    company = (contact.company or "").strip() or None
    full_name = contact.full_name.strip()
    return Contact(
        full_name=full_name,
        first_name=(contact.first_name or "").strip(),
        last_name=(contact.last_name or "").strip(),
        name_norm=normalize_person(full_name),
        email=normalize_email(contact.email) or None,
        profile_url=normalize_profile_url(contact.profile_url) or None,
        company=company,
        company_norm=normalize_company(company) if company else None,
        title=(contact.title or "").strip() or None,
        connected_on=contact.connected_on or None,
    )


def _pick(new: Any, current: Any, before: Contact | None, key: str) -> Any:
    """One field of a known contact: fill a blank; otherwise only a source that
    changed its own earlier word overrides (never a second source's copy)."""
    if _blank(new) or new == current:
        return current
    if _blank(current) or (before is not None and getattr(before, key) != new):
        return new
    return current


def _job(
    said: tuple[str | None, str | None], row: Contact, before: Contact | None
) -> tuple[str | None, str | None]:
    """The (company, title) to keep for a known contact, given what this export says."""
    current = (row.company, row.title)
    if before is None and _departed(*said):
        said = (None, None)
    if before is not None:
        # The same source, a newer export: it is authoritative about the job
        # where it changed its own word, a departure included.
        if _departed(*said):
            return (None, None) if not _departed(before.company, before.title) else current
        company = _pick(said[0], current[0], before, "company")
        title = _pick(said[1], current[1], before, "title")
        if _blank(said[1]) and _moved(current[0], company):
            title = None  # the old title was held at the old company
        if _blank(said[0]) and not _blank(said[1]) and not _blank(before.company):
            company = None  # a new title, company not given (`said_job`): not the old one
        return company, title
    if _blank(current[0]) and _blank(current[1]):
        return said
    if normalize_company(said[0]) == row.company_norm and _blank(current[1]):
        return current[0], said[1]
    return current


def _merged(
    rec: Contact,
    said: tuple[str | None, str | None],
    row: Contact,
    before: Contact | None,
    source: str,
    book: _Book,
) -> Contact:
    """The contact once this record is taken into account."""
    new = _copy(row)
    name = _pick(rec.full_name, row.full_name, before, "full_name")
    if name != row.full_name:
        new.full_name, new.first_name, new.last_name = name, rec.first_name, rec.last_name
        new.name_norm = rec.name_norm
    new.email = _pick(rec.email, row.email, before, "email")
    url = _pick(rec.profile_url, row.profile_url, before, "profile_url")
    # A member profile already held by someone else stays theirs (the key is unique).
    if url == row.profile_url or not is_person_url(url) or book.by_url.get(url, row.id) == row.id:
        new.profile_url = url
    new.connected_on = _pick(rec.connected_on, row.connected_on, before, "connected_on")
    new.company, new.title = _job(said, row, before)
    if new.company != row.company:
        new.company_norm = normalize_company(new.company) or None
    if source not in row.sources:
        new.sources = [*row.sources, source]
    return new


def said_job(
    rec: Contact, before: Contact | None, lists_departure: bool, has_company: bool = True
) -> tuple[str | None, str | None]:
    """The (company, title) this export says, a blank keeping the earlier word
    (but not a title across a change of company, nor a company across a change
    of title in a file that has a company column); ('', '') when it lists the
    person with no position (they left)."""
    prev_company = before.company if before else None
    prev_title = before.title if before else None
    company, title = rec.company, rec.title
    if company is None and title is None:
        if lists_departure:
            return "", ""
        return prev_company, prev_title  # nothing said: the earlier word stands
    if not title and _moved(prev_company, company):
        return company, None  # a title left blank at a new company is not the old one
    if (
        not company
        and has_company
        and not _blank(prev_company)
        and not _blank(prev_title)
        and not same_title(prev_title, title)
    ):
        return None, title  # a new title with the company left blank: where is not known
    return company or prev_company or None, title or prev_title or None


def job_changed(before: Contact, company: str | None, title: str | None) -> bool:
    """Only a different company or title counts, never a re-spelling of one
    nor a blank filled: "Acme Inc" / "VP of Sales" -> "ACME, Inc." / "VP Sales" is
    no change, and neither is "? at Acme" -> "VP of Sales at Acme"."""
    old_company, old_title = before.company, before.title
    if _departed(company, title):
        return not _departed(old_company, old_title) and not (
            _blank(old_company) and _blank(old_title)
        )
    if _departed(old_company, old_title):
        return not _blank(company)  # back at work after leaving
    if _moved(old_company, company):
        return True
    return not _blank(old_title) and not _blank(title) and not same_title(old_title, title)


class Reconciler:
    """Reconciles one export with the store, a batch of rows at a time.

    `fields`: the contact fields the file carries (None: all). `older`: the file
    is an earlier export than this source's last one, so it fills blanks only,
    like a second source, and never rewrites what the source said since.
    `next_id`: the id the first new contact gets."""

    def __init__(
        self,
        source: str,
        fields: Collection[str] | None = None,
        older: bool = False,
        next_id: int = 1,
    ) -> None:
        self.source = source
        self.older = older
        self.next_id = next_id
        self.lists_departure = source in LISTS_DEPARTURES and (
            fields is None or {"company", "title"} <= set(fields)
        )
        self.has_company = fields is None or "company" in fields
        self.claimed = Ids()  # the contacts a row of this file was taken as
        self.added = Ids()  # ... of them, the ones this file added
        self.updated = Ids()  # ... and the ones it changed
        self.counts = Reconciled()  # unchanged, duplicates, job changes
        self.n_added = self.n_updated = 0
        # In one batch nothing leaves the index, and a key a contact gains
        # never takes it from the contact that held it first. Across batches:
        # the keys contacts lost in an earlier one (a new company, say), to the
        # first of them, and the keys stored contacts gained.
        self.first_id = next_id  # the ids this import gives start here
        self.former: dict[Key, int] = {}
        # key -> {id: when it gained it}: (the next id to be given then, 0, the how-many-th
        # key gained), before the contact that id goes to, which gains its keys at (id, 1,
        # 0); two stored contacts that gain a key between the same two new ones are told
        # apart by which gained it first, as one batch's index does
        self.gained: dict[Key, dict[int, tuple[int, int, int]]] = {}
        self._gains = 0

    @staticmethod
    def clean(contacts: Iterable[Contact]) -> list[Contact]:
        """The rows with their keys normalised, those without a name left out."""
        cleaned = (_clean(contact) for contact in contacts)
        return [rec for rec in cleaned if rec.full_name]

    @staticmethod
    def urls(recs: Iterable[Contact]) -> set[str]:
        """The member profiles these cleaned rows give: looked up first."""
        return {rec.profile_url for rec in recs if is_person_url(rec.profile_url)}  # type: ignore[misc]

    def keys(self, recs: Iterable[Contact], held: Collection[str] = ()) -> Keys:
        """What else the store must look up for these cleaned rows (`_Book.find`):
        nothing for a row whose member profile a stored contact `held` (it is
        found by that alone), and for a name at a company only the name without
        its middle names there, which finds the very name too."""
        keys = Keys()
        former = self.former
        for rec in recs:
            name, company = rec.name_norm or "", rec.company_norm or ""
            if former:
                for key in (
                    ("url", rec.profile_url or ""),
                    ("email", rec.email or ""),
                    ("name", name, company),
                    ("short", _short(name), company),
                ):
                    if key in former:
                        keys.former[key] = former[key]
            if rec.profile_url in held:
                continue
            if rec.email:
                keys.emails.add(rec.email)
            if company and name:
                short = _short(name)
                keys.short_names_at.add((company, short, name))
                if not is_person_url(rec.profile_url):
                    keys.bare.add((company, short))
            else:
                keys.names_at.add((name, company))
            if name:
                keys.names.add(name)
        return keys

    @staticmethod
    def takeable(
        recs: Iterable[Contact],
        found: Mapping[Key, int],
        names_here: Mapping[str, list[int]],
        profiles: Mapping[int, str | None],
    ) -> set[int]:
        """Of the contacts the store found for a batch of cleaned rows (their
        `profiles`: id -> profile URL), the ones a row could be taken as
        (`_Book.find`): every one but those holding a member profile no row
        gives, unless a row without a member profile finds them: a row with
        one is never another member's (a namesake at the same company). The
        rest need not be loaded: what a row looks up by email or name is in
        `found`, which `_Book` sets over what its contacts index, so only the
        profile tells them apart (`Known.profiles`)."""
        given = Reconciler.urls(recs)
        # a key a contact held in an earlier batch finds it as a member profile does
        takeable = {cid for key, cid in found.items() if key[0] == "url"}
        for cid, url in profiles.items():
            held = normalize_profile_url(url)
            if not is_person_url(held) or held in given:
                takeable.add(cid)
        for rec in recs:
            if is_person_url(rec.profile_url):
                continue
            name, company = rec.name_norm or "", rec.company_norm or ""
            for key in (("email", rec.email or ""), ("name", name, company)):
                if key in found:
                    takeable.add(found[key])
            if ("short", _short(name), company) in found:
                takeable.add(found[("short", _short(name), company)])
            same = names_here.get(name, [])
            if len(same) == 1:
                takeable.add(same[0])
        return takeable & profiles.keys()

    def reconcile(self, recs: Iterable[Contact], known: Known) -> Batch:
        """Decide, for every cleaned row of a batch, whether it is new, changed or
        the same, and which jobs changed; `known` holds whatever the store has
        that the batch's `keys` find."""
        book = _Book(known)
        out = Batch()
        counts, claimed, source = self.counts, self.claimed, self.source
        for rec in recs:
            cid = book.find(rec, claimed)
            if cid is not None and cid in claimed:
                # The same person on another row (a Salesforce report lists one
                # person with and without an email, under a nickname): the first
                # row counts, later rows fill its blanks, so the file reads the
                # same whichever row is matched first next time.
                counts.duplicates += 1
                self._fill(out, book, rec, cid)
                continue
            earlier = book.said.get(cid) if cid is not None else None
            if cid is not None and self.older and earlier is not None:
                # An old export has nothing to say over a newer one: blanks only,
                # and not the job of someone the newer one shows as gone.
                claimed.add(cid)
                gone = _departed(earlier.company, earlier.title)
                job = (None, None) if gone else (rec.company, rec.title)
                self._keep(out, book, _merged(rec, job, book.rows[cid], None, source, book))
                continue
            job = said_job(rec, earlier, self.lists_departure, self.has_company)
            if cid is None:
                cid = self.next_id
                self.next_id += 1
                rec.id, rec.sources = cid, [source]  # the row is the new contact
                book.index(rec)
                out.insert[cid] = rec
                self.added.add(cid)
                self.n_added += 1
            else:
                row = book.rows[cid]
                shown = (job[0] or None, job[1] or None)
                told = shown if not _departed(*job) else job
                new = _merged(rec, told, row, earlier, source, book)
                if earlier is not None and job_changed(earlier, *job):
                    counts.changes.append(
                        JobChange(
                            cid,
                            new.full_name,
                            earlier.company or None,
                            earlier.title or None,
                            *shown,
                        )
                    )
                self._keep(out, book, new)
            claimed.add(cid)
            self._said(out, book, rec, earlier, job, cid)
        return out

    def _changed(self, old: Contact, new: Contact) -> None:
        """Remember the keys a contact lost and gained (`choose`)."""
        cid = new.id
        assert cid is not None
        old_keys, new_keys = _row_keys(old), _row_keys(new)
        for key in old_keys - new_keys:
            if self.former.get(key, cid) >= cid:
                self.former[key] = cid
        for key in new_keys - old_keys:
            self._gains += 1
            self.gained.setdefault(key, {}).setdefault(cid, (self.next_id, 0, self._gains))

    def choose(self, holders: Mapping[Key, list[int]], former: Mapping[Key, int]) -> dict[Key, int]:
        """The contact each key finds, from the ids holding it now (and those
        that held it in an earlier batch): the first that held it when the
        import began, else the first to gain it."""
        found: dict[Key, int] = {}
        first_id = self.first_id
        for key in holders.keys() | former.keys():
            ids = holders.get(key, [])
            gained = self.gained.get(key)
            if gained:
                first = [i for i in ids if i < first_id and i not in gained]
            else:  # most keys: nobody gained them, so ids alone decide
                first = [i for i in ids if i < first_id] if first_id > 1 else []
            if key in former:
                first.append(former[key])
            # else the first to gain it: a contact this import added gained its
            # keys when it was given its id
            if first:
                found[key] = min(first)
            elif gained:
                found[key] = min(ids, key=lambda i: (gained.get(i, (i, 1, 0)), i))
            else:
                found[key] = min(ids)
        return found

    def _keep(self, out: Batch, book: _Book, new: Contact) -> None:
        """Record a known contact's merged form: updated if anything differs."""
        cid = new.id
        assert cid is not None
        if new != book.rows[cid]:
            self._changed(book.rows[cid], new)
            book.index(new)
            out.update[cid] = new
            if cid not in self.updated:
                self.updated.add(cid)
                self.n_updated += 1
        else:
            self.counts.unchanged += 1

    def _fill(self, out: Batch, book: _Book, rec: Contact, cid: int) -> None:
        """Take a later row of a person already read from this file: its values
        fill the blanks the first row left, in the contact and in what the source said."""
        row = book.rows[cid]
        new = _copy(row)
        for key in _FILLED:
            if _blank(getattr(new, key)) and not _blank(getattr(rec, key)):
                if key == "profile_url" and book.by_url.get(rec.profile_url or "", cid) != cid:
                    continue  # a member profile another contact holds stays theirs
                setattr(new, key, getattr(rec, key))
        if new != row:
            self._changed(row, new)
            book.index(new)
            if cid in out.insert:
                out.insert[cid] = new  # added by this batch: still to be inserted
            else:
                out.update[cid] = new
                if cid not in self.added and cid not in self.updated:
                    self.counts.unchanged -= 1
                    self.updated.add(cid)
                    self.n_updated += 1
        said = book.said.get(cid)
        if said is None:
            return
        now_said = _copy(said)
        for key in _FILLED:
            if _blank(getattr(now_said, key)) and not _blank(getattr(rec, key)):
                setattr(now_said, key, getattr(rec, key))
        if now_said != said:
            book.said[cid] = out.said[cid] = now_said

    def _said(
        self,
        out: Batch,
        book: _Book,
        rec: Contact,
        earlier: Contact | None,
        job: tuple[str | None, str | None],
        cid: int,
    ) -> None:
        """What the source says now; a field it left blank keeps its earlier word."""
        if earlier is None:
            now_said = Contact(
                full_name=rec.full_name,
                email=rec.email or None,
                profile_url=rec.profile_url or None,
                company=job[0],
                title=job[1],
                connected_on=rec.connected_on or None,
                id=cid,
            )
        else:
            now_said = Contact(full_name=rec.full_name, id=cid)
            for key in _SAID_KEPT:
                value = getattr(rec, key)
                setattr(now_said, key, value if not _blank(value) else getattr(earlier, key))
            now_said.company, now_said.title = job
        if book.said.get(cid) != now_said:
            book.said[cid] = out.said[cid] = now_said


# What a later row of the same person may fill in where the first left a blank.
_FILLED = ("email", "profile_url", "connected_on")
# What the source said that a blank keeps (the job is `said_job`'s).
_SAID_KEPT = ("full_name", "email", "profile_url", "connected_on")


def reconcile(
    stored: Iterable[Contact],
    said_before: Mapping[int, Contact],
    contacts: Iterable[Contact],
    source: str,
    fields: Collection[str] | None = None,
    older: bool = False,
) -> Reconciled:
    """Decide, for every contact in an export, whether it is new, changed or the
    same, and which jobs changed; `said_before` is what this source said last:
    the whole export as one batch, with every stored contact known."""
    stored = sorted(stored, key=lambda c: c.id or 0)
    rows = {c.id: c for c in stored}
    names_here: dict[str, list[int]] = {}
    for cid in said_before:
        row = rows.get(cid)
        if row and row.name_norm:
            names_here.setdefault(row.name_norm, []).append(cid)
    next_id = max((c.id or 0 for c in stored), default=0) + 1
    reconciler = Reconciler(source, fields, older, next_id)
    known = Known(stored, dict(said_before), names_here)
    batch = reconciler.reconcile(reconciler.clean(contacts), known)
    result = reconciler.counts
    result.added = list(batch.insert.values())
    result.updated = list(batch.update.values())
    result.said = list(batch.said.values())
    return result


def classify_change(change: JobChange) -> str:
    """A new company, a promotion (a more senior role in the same company), another
    role there, or a departure. Titles are ranked by `titles.title_rank`: VP to
    SVP, Manager to Senior Manager, or Associate Director to Director, is a
    promotion. A new title whose company the export left blank is a move to a
    company not known (`said_job`), not a role at the old one."""
    old_company, new_company = change.old_company, change.company
    if not normalize_company(new_company) and not change.title:
        return "departure"
    if not new_company and old_company:
        return "new_company"
    if not new_company or (not _blank(old_company) and not _moved(old_company, new_company)):
        if title_rank(change.title) > title_rank(change.old_title):
            return "promotion"
        return "role_change"
    return "new_company"


def change_date(
    previous: str | None, current: str | None, now: str, both_stated: bool = False
) -> str:
    """When a job change found in a re-import happened: between the two
    exports. With both export dates stated (--as-of), the midpoint; otherwise
    the newer export's date (a date guessed from the newest connection in a
    file is only a lower bound, so a midpoint of two guesses would be too
    old); `now` when this export's date is not known or the dates say no time
    passed. Never after `now`. Dated like news, it fades like news, instead of
    counting as today's every time a month's changes arrive."""
    prev, cur, stamp = parse_time(previous), parse_time(current), parse_time(now)
    if stamp is None or cur is None:
        return now
    cur = min(cur, stamp)
    if prev is not None and prev >= cur:
        return now
    if prev is not None and both_stated:
        return (prev + (cur - prev) / 2).isoformat()
    return cur.isoformat()


def job_change_signal(change: JobChange, now: str) -> Signal:
    """A `job_change` signal for one contact, its kind from `classify_change`,
    dated `now` (for a re-import: `change_date`)."""
    old_company, new_company = change.old_company, change.company
    kind = classify_change(change)
    # A move to a company not named is not news about the old one.
    company = new_company if kind == "new_company" else new_company or old_company
    where = new_company or ("?" if kind == "new_company" else "(none)")
    return Signal(
        type="job_change",
        rule="job_change",
        company=company,
        person=change.full_name,
        role=change.title,
        evidence=(
            f"{change.old_title or '?'} at {old_company or '?'} -> {change.title or '?'} at {where}"
        ),
        contact_id=change.contact_id,
        old_company=old_company,
        old_title=change.old_title,
        change=kind,
        published_at=now,
        confidence=1.0,
    )
