"""Matching signals to people the rep knows.

Pure functions over plain data: a `ContactBook` (the rep's contacts indexed by
normalised company and person name) and signals in, `Candidate`s out. A
candidate is one person a signal makes worth contacting, with how the rep
reaches them: directly, through an introduction, or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from prospect.models import Contact, Signal
from prospect.normalize import normalize_company, normalize_person


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


class ContactBook:
    """The rep's contacts, indexed for matching."""

    def __init__(self, contacts: Iterable[Contact], aliases: Mapping[str, str] | None = None):
        self.by_company: dict[str, list[Contact]] = defaultdict(list)
        self.by_name: dict[str, list[Contact]] = defaultdict(list)
        self.by_id: dict[int, Contact] = {}
        self.aliases = dict(aliases or {})  # alias norm -> canonical norm
        for contact in contacts:
            company = self.canonical(contact.company_norm or normalize_company(contact.company))
            if company:
                self.by_company[company].append(contact)
            name = contact.name_norm or normalize_person(contact.full_name)
            if name:
                self.by_name[name].append(contact)
            if contact.id is not None:
                self.by_id[contact.id] = contact

    def canonical(self, company_norm: str) -> str:
        return self.aliases.get(company_norm, company_norm)

    def at_company(self, company: str | None) -> list[Contact]:
        if not company:
            return []
        return self.by_company.get(self.canonical(normalize_company(company)), [])


def contact_key(contact: Contact) -> str:
    return (
        f"c:{contact.id}" if contact.id is not None else f"n:{normalize_person(contact.full_name)}"
    )


def person_key(name: str, company: str | None) -> str:
    return f"p:{normalize_person(name)}|{normalize_company(company)}"


def _direct(contact: Contact, signal: Signal, name_only: bool = False) -> Candidate:
    return Candidate(
        person_key=contact_key(contact),
        person=contact.full_name,
        title=contact.title,
        company=contact.company,
        relationship="direct",
        signal=signal,
        contact=contact,
        name_only=name_only,
    )


def match_signal(signal: Signal, book: ContactBook) -> list[Candidate]:
    """Everyone this signal makes worth contacting."""
    if signal.type == "job_change" and signal.contact_id in book.by_id:
        return [_direct(book.by_id[signal.contact_id], signal)]
    if signal.person:
        known = book.by_name.get(normalize_person(signal.person), [])
        if known:
            # The new executive is someone the rep knows, maybe listed at a former employer.
            return [_direct(c, signal, name_only=True) for c in known]
        at_company = book.at_company(signal.company)
        return [
            Candidate(
                person_key=person_key(signal.person, signal.company),
                person=signal.person,
                title=signal.role,
                company=signal.company,
                relationship="intro" if at_company else "unknown",
                signal=signal,
                intro=list(at_company),
            )
        ]
    return [_direct(c, signal) for c in book.at_company(signal.company)]


def match_signals(signals: Iterable[Signal], book: ContactBook) -> list[Candidate]:
    out: list[Candidate] = []
    for signal in signals:
        out.extend(match_signal(signal, book))
    return out
