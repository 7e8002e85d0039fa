"""Importing the rep's contacts: parse an export into `Contact`s (one module
per format: linkedin, csvfile, vcard; nothing written while parsing), then
save them in one transaction and turn changed jobs into `job_change` signals.

A file is parsed completely before the store is touched, and the save is one
transaction, so a file that fails half way leaves the store exactly as it was.

Exports carry no date of their own, and LinkedIn's "Connected On" dates a
connection, not a position. But no export can hold a connection made after it
was taken, so its newest "Connected On" is a lower bound of its date: a file
whose newest connection is older than the newest one this source gave before
is an older export. It then only fills blanks (as a second source would) and
records no job change, instead of turning every newer job back. `--as-of DATE`
states the date when the file has none or the guess is wrong.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from prospect.importers.text import Parsed
from prospect.models import Contact, Signal
from prospect.normalize import normalize_company
from prospect.store import now_iso, write
from prospect.store.contacts import (
    ensure_companies,
    last_export_date,
    save_contacts,
    save_export_date,
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


def classify_change(before: dict[str, Any], after: dict[str, Any]) -> str:
    """A new company, a promotion (a more senior role in the same company), another
    role there, or a departure. Titles are ranked by `match.title_rank`: VP to
    SVP, or Manager to Senior Manager, is a promotion."""
    from prospect.match import title_rank  # only imports that found a change need it

    old_company, new_company = before.get("company"), after.get("company")
    if not normalize_company(new_company) and not after.get("title"):
        return "departure"
    if not new_company or normalize_company(old_company) == normalize_company(new_company):
        if title_rank(after.get("title")) > title_rank(before.get("title")):
            return "promotion"
        return "role_change"
    return "new_company"


def job_change_signal(contact_id: int, before: dict[str, Any], after: dict[str, Any]) -> Signal:
    """A `job_change` signal for one contact, its kind from `classify_change`."""
    old_company, new_company = before.get("company"), after.get("company")
    change = classify_change(before, after)
    return Signal(
        type="job_change",
        rule="job_change",
        company=new_company or old_company,
        person=after.get("full_name"),
        role=after.get("title"),
        evidence=(
            f"{before.get('title') or '?'} at {old_company or '?'} -> "
            f"{after.get('title') or '?'} at {new_company or '(none)'}"
        ),
        contact_id=contact_id,
        old_company=old_company,
        old_title=before.get("title"),
        change=change,
        published_at=now_iso(),
        confidence=1.0,
    )


def export_date(contacts: Iterable[Contact]) -> str | None:
    """The newest connection date in an export: the file is at least that recent."""
    return max((c.connected_on for c in contacts if c.connected_on), default=None)


def import_contacts(
    db: Database,
    contacts: Iterable[Contact],
    source: str,
    skipped: int = 0,
    aliases: Mapping[str, list[str]] | None = None,
    fields: Collection[str] | None = None,
    as_of: str | None = None,
) -> ImportSummary:
    """Save parsed contacts atomically; a failure leaves the store as it was.

    `as_of` is the export's date; without it, the newest connection date in it."""
    contacts = list(contacts)
    as_of = as_of or export_date(contacts)
    summary = ImportSummary(source=source, skipped=skipped, as_of=as_of)
    with write(db):
        last = last_export_date(db, source)
        older = bool(as_of and last and as_of < last)
        if older:
            summary.newer_seen = last
        result = save_contacts(db, contacts, source, fields=fields, older=older)
        if as_of:
            save_export_date(db, source, as_of)
        if aliases:
            ensure_companies(db, dict(aliases))
        signals = [job_change_signal(cid, before, after) for cid, before, after in result.changes]
        summary.signals = save_signals(db, signals)
    summary.job_changes = len(summary.signals)
    summary.added, summary.updated, summary.unchanged = (
        result.added,
        result.updated,
        result.unchanged,
    )
    summary.skipped += result.duplicates
    return summary


def import_parsed(
    db: Database,
    parsed: Parsed,
    source: str,
    aliases: Mapping[str, list[str]] | None = None,
    as_of: str | None = None,
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
    )
