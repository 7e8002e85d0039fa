"""Plain dataclasses that cross module boundaries.

The pipeline is fetch -> parse -> detect -> match -> rank -> render; each stage
takes and returns these records, never database rows or library objects, so
each stage can be tested on its own with plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Contact:
    """One person the rep knows."""

    full_name: str
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    profile_url: str | None = None
    company: str | None = None
    title: str | None = None
    connected_on: str | None = None  # ISO date
    sources: list[str] = field(default_factory=list)
    id: int | None = None
    company_norm: str | None = None
    name_norm: str | None = None


@dataclass(frozen=True, slots=True)
class PastJob:
    """A job one of the rep's contacts held before, from their own job changes."""

    contact_id: int
    company: str  # as the export spelt it
    since: str | None  # ISO date they were first seen there, when known
    until: str | None  # ISO date they left


@dataclass(slots=True)
class Entry:
    """One feed entry, normalised to plain text."""

    guid: str
    title: str
    summary: str = ""
    url: str | None = None
    published_at: str | None = None  # ISO 8601, UTC
    feed_url: str | None = None
    id: int | None = None  # items.id once stored
    publisher: str | None = None  # the original publisher (Google News <source>)


@dataclass(slots=True)
class Signal:
    """A buying signal found in an entry or a contact re-import."""

    type: str  # funding_round | executive_hire | job_change | keyword
    rule: str  # the rule's name in signals.yaml
    company: str | None = None
    person: str | None = None
    role: str | None = None
    round: str | None = None
    amount: float | None = None
    currency: str | None = None
    evidence: str = ""
    confidence: float = 1.0
    item_id: int | None = None
    contact_id: int | None = None
    published_at: str | None = None
    url: str | None = None
    old_company: str | None = None
    old_title: str | None = None
    change: str | None = None  # job_change: new_company | promotion | role_change | departure
    id: int | None = None
    previous_company: str | None = None  # executive_hire: where the new executive came from


@dataclass(slots=True)
class ScoreParts:
    """The parts of a score, each a plain number a rep can read."""

    strength: float
    recency: float
    relationship: float
    fit: float

    @property
    def total(self) -> float:
        return self.strength * self.recency * self.relationship * self.fit


@dataclass(slots=True)
class Source:
    """One report of an event: the same event seen in several feeds has several."""

    url: str | None
    feed: str | None = None
    title: str | None = None
    published_at: str | None = None
    signal_id: int | None = None  # the signal this report produced
    event_id: int | None = None  # the id of the event's representative signal


@dataclass(slots=True)
class Row:
    """One line of the outreach list: a person, their best signal, and why now."""

    person: str
    title: str | None
    company: str | None
    signal: Signal
    score: ScoreParts
    why: str
    headline: str
    relationship: str  # direct | intro | unknown
    person_key: str
    contact_id: int | None = None
    intro: list[Contact] = field(default_factory=list)
    also: list[Signal] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    rank: int = 0
    # Every report behind the best signal and the "also" ones, for `explain`.
    evidence: list[Source] = field(default_factory=list)
    # Each score part in words: {"strength": "funding_round 1.0 x series_b 1.0", ...}
    reasons: dict[str, str] = field(default_factory=dict)
    state: str | None = None  # contacted | skipped | snoozed | listed, shown with --all
    # Why the first introducer is the one to ask, in words:
    # "ask Dana Lee, who worked at Okta too (until 2023)"; "" when not an intro.
    intro_reason: str = ""
    intro_reasons: list[str] = field(default_factory=list)  # one per `intro`
    # How to reach the person (the store's contact), when the rep knows them.
    email: str | None = None
    profile_url: str | None = None


# The contact fields a CSV column can fill (`prospect import csv --map`).
CONTACT_FIELDS = (
    "first_name", "middle_name", "last_name", "full_name", "email", "other_email", "company",
    "title", "profile_url", "connected_on",
)  # fmt: skip
