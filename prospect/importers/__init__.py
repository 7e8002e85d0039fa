"""Importing the rep's contacts: parse an export into `Contact`s, then save
them in one transaction and turn changed jobs into `job_change` signals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from prospect.models import Contact, Signal
from prospect.normalize import normalize_company
from prospect.store import now_iso, write
from prospect.store.contacts import save_contacts
from prospect.store.signals import save_signals


@dataclass(slots=True)
class ImportSummary:
    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    job_changes: int = 0

    def line(self) -> str:
        return (
            f"{self.source}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.skipped} skipped; {self.job_changes} job changes"
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
    db: Database, contacts: Iterable[Contact], source: str, skipped: int = 0
) -> ImportSummary:
    """Save parsed contacts atomically; a failure leaves the store as it was."""
    summary = ImportSummary(source=source, skipped=skipped)
    with write(db):
        result = save_contacts(db, contacts, source)
        signals = [job_change_signal(cid, before, after) for cid, before, after in result.changes]
        summary.job_changes = len(save_signals(db, signals))
    summary.added, summary.updated, summary.unchanged = (
        result.added,
        result.updated,
        result.unchanged,
    )
    return summary
