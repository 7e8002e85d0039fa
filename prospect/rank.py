"""Scoring and ranking candidates: pure functions, every part a readable number.

score = strength x recency x relationship x fit

- strength: the rule's weight; for funding, times the round's weight; for
  hires, times a penalty when the role is not one the rep sells to; for job
  changes, times the kind of change (a move to a new company counts fully, a
  departure with no new company is worth little: there is nobody to sell to yet).
- recency: 0.5 ** (age / half-life) from the event's first report.
- relationship: direct / intro / unknown from signals.yaml, lowered when the
  person was matched by name alone, raised when the rep connected with (or
  contacted) them -- or, for an intro, with the introducer -- recently.
- fit: the person's title against the target roles, times a bonus for an
  included account.

Each part comes with its reason in words, so `prospect explain` can show the
arithmetic; the "why now" sentence and the signal's headline come from
`wording`, and are made only for the rows a list shows (`rank_people` sorts,
`word_row` words): the cost of a list grows with the candidates' numbers, not
with sentences nobody reads. Ties break on the
newer event, then the name, then the person key: the order never depends on
the order rows came out of the database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from prospect.config import Config
from prospect.match import Candidate
from prospect.models import Contact, Row, ScoreParts, Signal, Source
from prospect.normalize import age_days, parse_time
from prospect.titles import is_target_role, level_name
from prospect.wording import describe_signal, why_now


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class Part:
    value: float
    words: str


# Every part is computed one way; with `words=False` its reason is left unsaid
# (""), which is how ranking reads the numbers of thousands of candidates and
# words only the rows a list shows.


def strength(
    signal: Signal, config: Config, fit_judges_role: bool = False, *, words: bool = True
) -> Part:
    """The signal's own weight. A hire into a role the rep does not sell to is
    marked down here only when the row is someone else (a contact at the
    company): when the row is the new executive, `fit` already judges the role,
    and one role is penalised once."""
    rule = signal.rule if signal.type == "keyword" else None
    weight = config.weight(signal.type, rule)
    said = [f"{signal.rule if rule else signal.type} weight {_num(weight)}"] if words else None
    if signal.type == "funding_round":
        rounds = config.signals["funding_round"].extra["rounds"]
        name = signal.round or "unknown"
        factor = float(rounds.get(name, rounds["unknown"]))
        weight *= factor
        if said is not None:
            said.append(f"{name} {_num(factor)}")
    elif (
        signal.type == "executive_hire"
        and not fit_judges_role
        and not is_target_role(signal.role, config.target_roles)
    ):
        factor = float(config.signals["executive_hire"].extra["other_role"])
        weight *= factor
        if said is not None:
            said.append(f"not a role you sell to {_num(factor)}")
    elif signal.type == "job_change":
        extra = config.signals["job_change"].extra
        change = signal.change or "new_company"
        factor = float(extra["changes"].get(change, 1.0))
        weight *= factor
        if said is not None:
            said.append(f"{change.replace('_', ' ')} {_num(factor)}")
        # the mover's level: a new VP of Marketing outweighs an intern's move
        level = level_name(signal.role or signal.old_title)
        levels = extra.get("levels") or {}
        if level in levels:
            factor = float(levels[level])
            weight *= factor
            if said is not None:
                said.append(f"{level.replace('_', '-')} level {_num(factor)}")
    return Part(weight, " x ".join(said) if said else "")


def decay(days: float, half_life: float) -> float:
    """How much a signal `days` old still counts: 0.5 ** (days / half-life).
    An event's recency, taken from its earliest report, is at most that of
    any of its reports (which is how a list bounds a group of them)."""
    return math.pow(0.5, max(0.0, days) / half_life) if half_life > 0 else 1.0


def recency(signal: Signal, config: Config, now: datetime, *, words: bool = True) -> Part:
    half_life = config.half_life(signal.type, signal.rule if signal.type == "keyword" else None)
    days = age_days(signal.published_at, now)
    value = decay(days, half_life)
    said = f"{days:.1f} days old, half-life {_num(half_life)} days" if words else ""
    return Part(value, said)


def _days_since(iso: str | None, now: datetime) -> float | None:
    if not iso:
        return None
    try:
        when = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return max(0.0, float((now.date() - when).days))


def relationship(
    candidate: Candidate,
    config: Config,
    now: datetime,
    last_contacted: Mapping[str, str],
    *,
    words: bool = True,
) -> Part:
    ranking = config.ranking
    value = ranking.relationship[candidate.relationship]
    said = [f"{candidate.relationship} {_num(value)}"] if words else None
    if candidate.name_only:
        factor = ranking.relationship["name_only"]
        value *= factor
        if said is not None:
            said.append(f"matched by name only {_num(factor)}")
    recent = ranking.recent_days
    who: Contact | None = candidate.contact or (candidate.intro[0] if candidate.intro else None)
    contacted = _days_since(last_contacted.get(candidate.person_key), now)
    connected = _days_since(who.connected_on, now) if who else None
    if contacted is not None and contacted <= recent:
        factor = ranking.recent_contact
        value *= factor
        if said is not None:
            said.append(f"you contacted them {int(contacted)} days ago {_num(factor)}")
    elif connected is not None and connected <= recent:
        factor = ranking.recent_connection
        value *= factor
        if said is not None:
            whom = "you" if candidate.contact else f"{who.full_name} and you"  # type: ignore[union-attr]
            said.append(f"{whom} connected {int(connected)} days ago {_num(factor)}")
    return Part(value, " x ".join(said) if said else "")


def fit(candidate: Candidate, config: Config, included: bool, *, words: bool = True) -> Part:
    weights = config.ranking.fit
    title = candidate.title
    if not title:
        value, said = weights["unknown_role"], "title unknown"
    elif is_target_role(title, config.target_roles):
        value, said = weights["target_role"], f"{title}: a role you sell to" if words else ""
    else:
        value, said = weights["other_role"], f"{title}: not a target role" if words else ""
    if words:
        said += f" {_num(value)}"
    if included:
        factor = weights["included_account"]
        value *= factor
        if words:
            said += f" x included account {_num(factor)}"
    return Part(value, said if words else "")


def score(
    candidate: Candidate,
    config: Config,
    now: datetime,
    *,
    included: bool = False,
    last_contacted: Mapping[str, str] | None = None,
    words: bool = True,
    memo: Memo | None = None,
) -> tuple[ScoreParts, dict[str, str]]:
    """The four parts, rounded as the list shows them, and each one's reason
    (an empty dict with `words=False`). `memo` keeps an event's strength and
    recency, which are the same for everyone it concerns, across calls."""
    signal = candidate.signal
    judged = candidate.title == signal.role and signal.person is not None
    history = last_contacted or {}
    key = (signal.id, signal.published_at, judged, words)
    event = memo.get(key) if memo is not None and signal.id is not None else None
    if event is None:
        event = (
            strength(signal, config, fit_judges_role=judged, words=words),
            recency(signal, config, now, words=words),
        )
        if memo is not None and signal.id is not None:
            memo[key] = event
    parts = (
        *event,
        relationship(candidate, config, now, history, words=words),
        fit(candidate, config, included, words=words),
    )
    values = ScoreParts(*(round(p.value, 4) for p in parts))
    if not words:
        return values, {}
    return values, dict(zip(PART_NAMES, (p.words for p in parts), strict=True))


PART_NAMES = ("strength", "recency", "relationship", "fit")  # ScoreParts' fields, in order
# (signal id, its date, whether fit judges the role, worded) -> strength, recency
Memo = dict[tuple[int | None, str | None, bool, bool], tuple[Part, Part]]


# --- ranking -----------------------------------------------------------------------


def _evidence(candidate: Candidate) -> list[Source]:
    if candidate.event is not None:
        return list(candidate.event.sources)
    signal = candidate.signal
    return [Source(url=signal.url, published_at=signal.published_at, signal_id=signal.id)]


def _warm(contact: Contact, config: Config, now: datetime, last: Mapping[str, str]) -> bool:
    """Whether the rep knows this contact well now: contacted or connected recently."""
    recent = config.ranking.recent_days
    for when in (last.get(f"c:{contact.id}"), contact.connected_on):
        days = _days_since(when, now)
        if days is not None and days <= recent:
            return True
    return False


def order_introducers(
    candidate: Candidate,
    config: Config,
    now: datetime,
    last_contacted: Mapping[str, str],
    *,
    words: bool = True,
) -> tuple[list[Contact], list[str]]:
    """The introducers, the one the rep knows best first (recently contacted
    or connected), then who is best placed (worked with the person before,
    then a colleague at the company), then the most senior; each with why
    (none with `words=False`). Ordering an ordered list keeps its order."""
    ties = candidate.intro_ties

    def key(c: Contact) -> tuple[int, int]:
        tie = ties.get(c.id) if c.id is not None else None
        return (-int(_warm(c, config, now, last_contacted)), -(tie.strength if tie else 0))

    ordered = sorted(candidate.intro, key=key)  # stable: matching's seniority order stays
    reasons: list[str] = []
    if not words:
        return ordered, reasons
    for c in ordered:
        tie = ties.get(c.id) if c.id is not None else None
        who = tie.words if tie else (f"{c.title} at {c.company}" if c.title else "")
        lead = f"ask {c.full_name}" + (f", {who}" if who else "")
        if _warm(c, config, now, last_contacted):
            lead += "; you know them well"
        reasons.append(lead)
    return ordered, reasons


@dataclass(slots=True)
class Scored:
    """A candidate with its score, not yet worded: ranking sorts these, and only
    the rows a list shows are turned into sentences (`word_row`)."""

    key: tuple[float, float, str, str]  # the row's `sort_key`, from the numbers alone
    candidate: Candidate
    parts: ScoreParts
    included: bool


def _scored(
    candidate: Candidate,
    config: Config,
    now: datetime,
    included: bool,
    last_contacted: Mapping[str, str],
    memo: Memo | None = None,
) -> Scored:
    if candidate.intro:  # before scoring: the first introducer's warmth counts
        candidate.intro, _ = order_introducers(candidate, config, now, last_contacted, words=False)
    parts, _ = score(candidate, config, now, included=included, last_contacted=last_contacted,
                     words=False, memo=memo)  # fmt: skip
    published = parse_time(candidate.signal.published_at)
    stamp = published.timestamp() if published else 0.0
    key = (-round(parts.total, 9), -stamp, candidate.person.casefold(), candidate.person_key)
    return Scored(key, candidate, parts, included)


def _row(scored: Scored, config: Config, now: datetime, last_contacted: Mapping[str, str]) -> Row:
    """The row in words: the same numbers, said."""
    candidate = scored.candidate
    intro_reasons: list[str] = []
    if candidate.intro:
        candidate.intro, intro_reasons = order_introducers(candidate, config, now, last_contacted)
    parts, reasons = score(
        candidate, config, now, included=scored.included, last_contacted=last_contacted
    )
    evidence = _evidence(candidate)
    return Row(
        person=candidate.person,
        title=candidate.title,
        company=candidate.company,
        signal=candidate.signal,
        score=parts,
        why=why_now(candidate, config, now, scored.included),
        headline=describe_signal(candidate.signal),
        relationship=candidate.relationship,
        person_key=candidate.person_key,
        contact_id=candidate.contact.id if candidate.contact else None,
        intro=list(candidate.intro),
        intro_reason=intro_reasons[0] if intro_reasons else "",
        intro_reasons=intro_reasons,
        sources=[s.url for s in evidence if s.url],
        evidence=evidence,
        reasons=reasons,
    )


def sort_key(row: Row) -> tuple[float, float, str, str]:
    published = parse_time(row.signal.published_at)
    stamp = published.timestamp() if published else 0.0
    return (-round(row.score.total, 9), -stamp, row.person.casefold(), row.person_key)


def score_person(
    candidates: Iterable[Candidate],
    config: Config,
    now: datetime,
    *,
    included: bool = False,
    last_contacted: Mapping[str, str] | None = None,
    memo: Memo | None = None,
) -> list[Scored]:
    """One person's candidates scored, best first. Equal scores go to the newer
    event, then to the event reported first (so the order never depends on
    the order the events were matched in). `memo`: as for `score`."""
    history = last_contacted or {}
    scored = [_scored(c, config, now, included, history, memo) for c in candidates]
    scored.sort(key=lambda s: (s.key, _first_report(s.candidate)))
    return scored


def _first_report(candidate: Candidate) -> tuple[str, int]:
    event = candidate.event
    if event is None or not event.signals:
        return ("", candidate.signal.id or 0)
    first = event.signals[0]
    return (first.published_at or "", first.id or 0)


def rank_people(
    candidates: Iterable[Candidate],
    config: Config,
    now: datetime,
    *,
    included: Iterable[str] = (),
    last_contacted: Mapping[str, str] | None = None,
) -> list[list[Scored]]:
    """One group per person, best person first, each group best event first:
    scored, not worded, so a list that shows ten people words ten (`word_row`).

    `included` holds the candidates' person keys whose company is an included account."""
    included_keys = set(included)
    per_person: dict[str, list[Candidate]] = {}
    for cand in candidates:
        per_person.setdefault(cand.person_key, []).append(cand)
    groups = [
        score_person(cands, config, now, included=key in included_keys,
                     last_contacted=last_contacted)
        for key, cands in per_person.items()
    ]  # fmt: skip
    groups.sort(key=lambda g: g[0].key)  # person keys differ: the order is total
    return groups


# --- ceilings: the most a candidate could score, before anyone is matched ---------


def strength_ceiling(signal: Signal, config: Config) -> float:
    """The most `strength` can give an event whose best report is this signal:
    exact but for a hire, whose role is marked down only when the row is not
    the new executive."""
    value = strength(signal, config, fit_judges_role=True, words=False).value
    if signal.type == "executive_hire":
        value *= max(1.0, float(config.signals["executive_hire"].extra["other_role"]))
    return round(value, 4)


def group_ceiling(strength_x_recency: float, strongest: float, people: float) -> float:
    """The most anyone can score from a group of reports whose highest
    strength x recency (`strength_ceiling` x `decay`) is given, times
    `people_ceiling`: with a hair of room for the rounding of recency (to 4
    places, of a time read by `parse_time`, not by SQLite)."""
    return (strength_x_recency * (1 + 1e-6) + strongest * 5e-5) * people


def people_ceiling(config: Config) -> float:
    """The most relationship x fit can give anyone: the warmest direct
    relationship and the best fit, at an included account if the rep has any."""
    ranking = config.ranking
    rel = max(ranking.relationship[k] for k in ("direct", "intro", "unknown"))
    rel *= max(1.0, ranking.relationship["name_only"])
    rel *= max(1.0, ranking.recent_contact, ranking.recent_connection)
    fit_ = max(ranking.fit[k] for k in ("target_role", "other_role", "unknown_role"))
    if config.include_accounts:
        fit_ *= max(1.0, ranking.fit["included_account"])
    return round(rel, 4) * round(fit_, 4)


def word_row(
    group: list[Scored],
    config: Config,
    now: datetime,
    rank: int = 0,
    *,
    last_contacted: Mapping[str, str] | None = None,
) -> Row:
    """A person's row: their best event in words, the other events as `also`."""
    best = _row(group[0], config, now, last_contacted or {})
    best.rank = rank
    seen = {best_id(best)}
    for other in group[1:]:
        signal = other.candidate.signal
        ident = signal.id if signal.id is not None else f"{signal.type}:{describe_signal(signal)}"
        if ident in seen:  # the same event reached them twice
            continue
        seen.add(ident)
        best.also.append(signal)
        best.evidence.extend(_evidence(other.candidate))
    return best


def rank_candidates(
    candidates: Iterable[Candidate],
    config: Config,
    now: datetime,
    *,
    included: Iterable[str] = (),
    last_contacted: Mapping[str, str] | None = None,
) -> list[Row]:
    """Every person's row, best first, numbered from 1."""
    groups = rank_people(candidates, config, now, included=included, last_contacted=last_contacted)
    history = last_contacted or {}
    return [
        word_row(group, config, now, rank, last_contacted=history)
        for rank, group in enumerate(groups, 1)
    ]


def best_id(row: Row) -> int | str:
    return row.signal.id if row.signal.id is not None else f"{row.signal.type}:{row.headline}"
