"""Importing the rep's contacts: parse an export into `Contact`s (one module
per format: linkedin, csvfile, vcard; nothing written while parsing), then
save them in one transaction and turn changed jobs into `job_change` signals.

A file is parsed completely before the store is touched, and the save is one
transaction, so a file that fails half way leaves the store exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from prospect.importers.text import Parsed
from prospect.models import Contact, Signal
from prospect.normalize import normalize_company
from prospect.store import now_iso, write
from prospect.store.contacts import ensure_companies, save_contacts
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

    def line(self) -> str:
        changes = "job change" if self.job_changes == 1 else "job changes"
        return (
            f"{self.source}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped; {self.job_changes} {changes}"
        )


def job_change_signal(contact_id: int, before: dict[str, Any], after: dict[str, Any]) -> Signal:
    """Classify a change: a new company, a promotion in the same one, or a departure."""
    old_company, new_company = before.get("company"), after.get("company")
    if not normalize_company(new_company):
        change = "departure"
    elif normalize_company(old_company) == normalize_company(new_company):
        change = "promotion"
    else:
        change = "new_company"
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


def import_contacts(
    db: Database,
    contacts: Iterable[Contact],
    source: str,
    skipped: int = 0,
    aliases: Mapping[str, list[str]] | None = None,
) -> ImportSummary:
    """Save parsed contacts atomically; a failure leaves the store as it was."""
    summary = ImportSummary(source=source, skipped=skipped)
    with write(db):
        result = save_contacts(db, contacts, source)
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
    db: Database, parsed: Parsed, source: str, aliases: Mapping[str, list[str]] | None = None
) -> ImportSummary:
    """Save what a parser read, counting the rows it left out."""
    return import_contacts(db, parsed.contacts, source, skipped=parsed.skipped, aliases=aliases)
