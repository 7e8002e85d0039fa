"""Importing the rep's contacts: parse an export into `Contact`s (one module
per format: linkedin, csvfile, vcard; nothing written while parsing), then
save them in one transaction and turn changed jobs into `job_change` signals.
What is new, what changed and which jobs changed is decided by `reconcile`,
pure; the store only upserts what it decided.

The file streams: the parser hands its rows over as it reads them
(`import_file`), and every `BATCH` rows are reconciled and written, all inside
the one transaction, so a file that fails half way (a bad row with --strict, a
crash) leaves the store exactly as it was, and a 300,000-row export is never
held in memory whole.

Exports carry no date of their own, and LinkedIn's "Connected On" dates a
connection, not a position. But no export can hold a connection made after it
was taken, so its newest "Connected On" is a lower bound of its date: a file
whose newest connection is older than the newest one this source gave before
is an older export. It then only fills blanks (as a second source would) and
records no job change, instead of turning every newer job back. `--as-of DATE`
states the date when the file has none or the guess is wrong.

A guess is only a lower bound, so it is never set against a stated date as if
they were alike (`newer_export`): after `--as-of 2026-10-31`, next month's
plain export, whose newest connection may well be from September, is not
"older". A file is older than a stated date only when its own date is stated
and earlier; it is older than a guess when its date, stated or guessed, is
earlier than that lower bound. The newest connection is known only at the
end of the file, so a file is imported as not older, and read once more as
older in the rare case its end shows it is (the first reading undone: its
transaction is rolled back, and the second reading is a transaction of its
own). Never a savepoint held open over the reading: while one is open, SQLite
keeps the journal of every row's INSERT until it is released (gigabytes at
300,000 rows, written to a temporary file), where with none it drops each
row's journal, in memory, as soon as the row is written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prospect.importers.reconcile import (
    Known,
    Reconciler,
    Written,
    change_date,
    job_change_signal,
)
from prospect.importers.text import Collector, Parsed
from prospect.models import Contact, Signal
from prospect.store import now_iso, write
from prospect.store.contacts import (
    contacts_by_id,
    contacts_by_url,
    deferred_indexes,
    ensure_companies,
    forget_source_names,
    has_contacts,
    import_cache,
    key_holders,
    last_export_dates,
    next_contact_id,
    profile_urls,
    remember_source_names,
    said_about,
    save_contacts,
    save_export_dates,
    source_names,
)
from prospect.store.signals import save_signals

BATCH = 2_000  # rows reconciled and written at a time

# A parser's entry point, given what makes its collector (`Collector` or a batcher).
Parse = Callable[[Callable[[Path, bool], Collector]], Parsed]


@dataclass(slots=True)
class ImportSummary:
    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    job_changes: int = 0
    signals: list[Signal] = field(default_factory=list)
    as_of: str | None = None  # the export's date, when known
    newer_seen: str | None = None  # set when an export newer than this one came first

    def line(self) -> str:
        changes = "job change" if self.job_changes == 1 else "job changes"
        return (
            f"{self.source}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped; {self.job_changes} {changes}"
        )


def export_date(contacts: Iterable[Contact]) -> str | None:
    """The newest connection date in an export: the file is at least that recent."""
    return max((c.connected_on for c in contacts if c.connected_on), default=None)


def newer_export(
    guessed: str | None, stated: str | None, last: tuple[str | None, str | None]
) -> str | None:
    """The date of an export imported before that is newer than this one, or None.

    `guessed`/`stated`: this file's newest connection date and its --as-of date;
    `last`: the same two for the source's exports so far (`last_export_dates`)."""
    last_guessed, last_stated = last
    if stated:
        # An earlier export held a connection made after the stated date, or
        # was itself stated to be newer.
        for known in (last_stated, last_guessed):
            if known and stated < known:
                return known
        return None
    if guessed and last_guessed and guessed < last_guessed:
        return last_guessed
    return None


class _Batches:
    """One reading of an export into the store: rows come one at a time and go
    a batch at a time through the `Reconciler`."""

    def __init__(self, db: Database, source: str, older: bool, named: bool) -> None:
        self.db, self.source, self.older, self.named = db, source, older, named
        self.fields: Collection[str] | None = None
        self.pending: list[Contact] = []
        self.guessed: str | None = None  # the newest connection date so far
        self.reconciler: Reconciler | None = None
        # Into a store with no contacts, the keys of those this reading wrote:
        # the only keys worth looking up.
        self.written = Written() if not has_contacts(db) else None

    def add(self, contact: Contact) -> None:
        day = contact.connected_on
        if day and (self.guessed is None or day > self.guessed):
            self.guessed = day
        self.pending.append(contact)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.reconciler is None:
            self.reconciler = Reconciler(
                self.source, self.fields, self.older, next_contact_id(self.db)
            )
        recs = self.reconciler.clean(self.pending)
        self.pending = []
        if not recs:
            return
        written = self.written
        urls = self.reconciler.urls(recs)
        if written is not None:
            urls = {url for url in urls if ("url", url) in written}
        by_url = contacts_by_url(self.db, urls)
        keys = self.reconciler.keys(recs, {c.profile_url for c in by_url if c.profile_url})
        if written is not None:
            keys = keys.written(written)
        found = self.reconciler.choose(
            key_holders(self.db, keys.emails, keys.names_at, keys.short_names_at), keys.former
        )
        names_here = source_names(self.db, keys.names) if self.named else {}
        ids = set(found.values()) | {ids[0] for ids in names_here.values() if len(ids) == 1}
        ids -= {c.id for c in by_url}
        # Namesakes with member profiles of their own are only told apart:
        # loaded whole, only the contacts a row could be.
        profiles = profile_urls(self.db, ids)
        ids = self.reconciler.takeable(recs, found, names_here, profiles)
        apart = {cid: url for cid, url in profiles.items() if cid not in ids and url}
        contacts = sorted([*by_url, *contacts_by_id(self.db, ids)], key=lambda c: c.id or 0)
        said = said_about(self.db, self.source, [c.id for c in contacts if c.id is not None])
        known = Known(contacts, said, names_here, found, apart)
        batch = self.reconciler.reconcile(recs, known)
        save_contacts(
            self.db, self.source, batch.insert.values(), batch.update.values(), batch.said.values()
        )
        if written is not None:
            for contact in (*batch.insert.values(), *batch.update.values()):
                written.add(contact)


class _Collect(Collector):
    """A parser's collector that passes each contact on to the import."""

    def __init__(self, path: Path, strict: bool, into: _Batches) -> None:
        super().__init__(path, strict)
        self.into = into

    def add(self, contact: Contact) -> None:
        self.count += 1
        self.into.fields = self.parsed.fields
        self.into.add(contact)


class _OlderExport(Exception):
    """The file turned out, at its end, to be an older export than the last one."""


def import_file(
    db: Database,
    parse: Parse,
    source: str,
    aliases: Mapping[str, list[str]] | None = None,
    as_of: str | None = None,
    job_changes: bool = True,
) -> tuple[Parsed, ImportSummary]:
    """Parse an export and save it as it is read, atomically: a failure, in the
    parser or the store, leaves the store as it was. `parse(collect)` runs the
    parser with `collect` making its collector (a parser that keeps its
    contacts instead has them saved when it returns).

    `as_of` is the export's date as stated; without it, the newest connection
    date in it stands for it. With `job_changes` False (the job_change signal
    type is off) what each source says is still stored, but no job_change
    signals are recorded."""
    older: bool | None = None  # a stated date decides at once; a guess only at the end
    with import_cache(db):
        while True:
            try:
                with write(db):
                    last = last_export_dates(db, source)
                    if older is None:
                        older = as_of is not None and newer_export(None, as_of, last) is not None
                    named = remember_source_names(db, source)
                    try:
                        with deferred_indexes(db):
                            parsed, run = _read(db, parse, source, older, named)
                        if not older and newer_export(run.guessed, as_of, last) is not None:
                            raise _OlderExport  # undone whole: read again as older
                        summary = _finish(
                            db, run, parsed, source, aliases, as_of, job_changes, last
                        )
                    finally:
                        forget_source_names(db)
            except _OlderExport:
                older = True
                continue
            return parsed, summary


def _read(
    db: Database, parse: Parse, source: str, older: bool, named: bool
) -> tuple[Parsed, _Batches]:
    run = _Batches(db, source, older, named)
    parsed = parse(lambda path, strict: _Collect(path, strict, run))
    run.fields = parsed.fields
    for contact in parsed.contacts:  # a parser that kept them
        run.add(contact)
    run.flush()
    return parsed, run


def _finish(
    db: Database,
    run: _Batches,
    parsed: Parsed,
    source: str,
    aliases: Mapping[str, list[str]] | None,
    as_of: str | None,
    job_changes: bool,
    last: tuple[str | None, str | None],
) -> ImportSummary:
    guessed = run.guessed
    summary = ImportSummary(source=source, skipped=parsed.skipped, as_of=as_of or guessed)
    summary.newer_seen = newer_export(guessed, as_of, last)
    save_export_dates(db, source, guessed, as_of)
    ensure_companies(db, dict(aliases) if aliases else None)
    reconciler = run.reconciler
    if reconciler is None:
        return summary
    changes = reconciler.counts.changes if job_changes else []
    # a change happened between the last export and this one: dated so
    stamp = change_date(
        last[1] or last[0], as_of or guessed, now_iso(), both_stated=bool(last[1] and as_of)
    )
    summary.signals = save_signals(db, (job_change_signal(c, stamp) for c in changes))
    summary.job_changes = len(summary.signals)
    summary.added, summary.updated = reconciler.n_added, reconciler.n_updated
    summary.unchanged = reconciler.counts.unchanged
    summary.skipped += reconciler.counts.duplicates
    return summary


def import_contacts(
    db: Database,
    contacts: Iterable[Contact],
    source: str,
    skipped: int = 0,
    aliases: Mapping[str, list[str]] | None = None,
    fields: Collection[str] | None = None,
    as_of: str | None = None,
    job_changes: bool = True,
) -> ImportSummary:
    """Save parsed contacts atomically; a failure leaves the store as it was
    (`import_file`, for contacts already read)."""
    rows = contacts if isinstance(contacts, Sequence) else list(contacts)

    def parse(collect: Callable[[Path, bool], Collector]) -> Parsed:
        parsed = Parsed(path=Path("-"), contacts=list(rows), skipped=skipped)
        parsed.fields = frozenset(fields) if fields is not None else None
        return parsed

    return import_file(db, parse, source, aliases, as_of, job_changes)[1]


def import_parsed(
    db: Database,
    parsed: Parsed,
    source: str,
    aliases: Mapping[str, list[str]] | None = None,
    as_of: str | None = None,
    job_changes: bool = True,
) -> ImportSummary:
    """Save what a parser read, counting the rows it left out."""
    return import_contacts(
        db,
        parsed.contacts,
        source,
        skipped=parsed.skipped,
        aliases=aliases,
        fields=parsed.fields,
        as_of=as_of,
        job_changes=job_changes,
    )
