"""Importing the rep's contacts: parse an export into `Contact`s (one module
per format: linkedin, csvfile, vcard; nothing written while parsing), then
save them in one transaction and turn changed jobs into `job_change` signals.
What is new, what changed and which jobs changed is decided by `reconcile`,
pure; the store only upserts what it decided.

A file is parsed completely before the store is touched, and the save is one
transaction, so a file that fails half way leaves the store exactly as it was.

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
earlier than that lower bound.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from sqlite_utils import Database

from prospect.importers.reconcile import change_date, job_change_signal, reconcile
from prospect.importers.text import Parsed
from prospect.models import Contact, Signal
from prospect.store import now_iso, write
from prospect.store.contacts import (
    ensure_companies,
    iter_contacts,
    last_export_dates,
    said_by,
    save_contacts,
    save_export_dates,
)
from prospect.store.signals import save_signals


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
    """Save parsed contacts atomically; a failure leaves the store as it was.

    `as_of` is the export's date as stated; without it, the newest connection
    date in it stands for it. With `job_changes` False (the job_change signal
    type is off) what each source says is still stored, but no job_change
    signals are recorded."""
    contacts = list(contacts)
    guessed = export_date(contacts)
    summary = ImportSummary(source=source, skipped=skipped, as_of=as_of or guessed)
    with write(db):
        last = last_export_dates(db, source)
        summary.newer_seen = newer_export(guessed, as_of, last)
        older = summary.newer_seen is not None
        result = reconcile(iter_contacts(db), said_by(db, source), contacts, source, fields, older)
        save_contacts(db, source, result.added, result.updated, result.said)
        save_export_dates(db, source, guessed, as_of)
        if aliases:
            ensure_companies(db, dict(aliases))
        changes = result.changes if job_changes else []
        # a change happened between the last export and this one: dated so
        stamp = change_date(
            last[1] or last[0], as_of or guessed, now_iso(), both_stated=bool(last[1] and as_of)
        )
        summary.signals = save_signals(db, [job_change_signal(c, stamp) for c in changes])
    summary.job_changes = len(summary.signals)
    summary.added, summary.updated = len(result.added), len(result.updated)
    summary.unchanged = result.unchanged
    summary.skipped += result.duplicates
    return summary


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
