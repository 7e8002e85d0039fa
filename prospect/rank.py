"""Scoring and ranking candidates: pure functions, every part a readable number.

score = strength x recency x relationship x fit
- strength: the rule's weight, times the round's weight for funding, times a
  penalty for hires into roles the rep does not sell to;
- recency: 0.5 ** (age / half-life) from the event's published time;
- relationship: direct / intro / unknown weights from signals.yaml;
- fit: the person's title against the target roles, the included accounts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime

from prospect.config import Config
from prospect.match import Candidate
from prospect.models import Row, ScoreParts, Signal
from prospect.normalize import normalize_company, normalize_person


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def age_days(signal: Signal, now: datetime) -> float:
    when = parse_time(signal.published_at)
    if when is None:
        return 0.0
    return max(0.0, (now - when).total_seconds() / 86400)


def is_target_role(title: str | None, target_roles: Iterable[str]) -> bool:
    if not title:
        return False
    folded = normalize_person(title)
    return any(normalize_person(role) in folded for role in target_roles)


def strength(signal: Signal, config: Config) -> float:
    weight = config.weight(signal.type, signal.rule if signal.type == "keyword" else None)
    if signal.type == "funding_round":
        rounds = config.signals["funding_round"].extra.get("rounds", {})
        weight *= float(rounds.get(signal.round or "unknown", rounds.get("unknown", 0.7)))
    elif signal.type == "executive_hire" and not is_target_role(signal.role, config.target_roles):
        weight *= float(config.signals["executive_hire"].extra.get("other_role", 0.5))
    return weight


def recency(signal: Signal, config: Config, now: datetime) -> float:
    half_life = config.half_life(signal.type, signal.rule if signal.type == "keyword" else None)
    return math.pow(0.5, age_days(signal, now) / half_life) if half_life > 0 else 1.0


def fit(candidate: Candidate, config: Config) -> float:
    weights = config.ranking.get("fit", {})
    title = candidate.title
    if not title:
        value = float(weights.get("unknown_role", 0.8))
    elif is_target_role(title, config.target_roles):
        value = float(weights.get("target_role", 1.0))
    else:
        value = float(weights.get("other_role", 0.6))
    included = {normalize_company(a) for a in config.include_accounts}
    if included and normalize_company(candidate.company) in included:
        value *= float(weights.get("included_account", 1.5))
    return value


def score(candidate: Candidate, config: Config, now: datetime) -> ScoreParts:
    relationship = float(config.ranking.get("relationship", {}).get(candidate.relationship, 0.3))
    if candidate.name_only:
        relationship *= 0.8
    return ScoreParts(
        strength=round(strength(candidate.signal, config), 4),
        recency=round(recency(candidate.signal, config, now), 4),
        relationship=round(relationship, 4),
        fit=round(fit(candidate, config), 4),
    )


def format_amount(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "C$", "AUD": "A$"}.get(currency or "", "")
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if amount >= size:
            number = f"{amount / size:.1f}".rstrip("0").rstrip(".")
            return (
                f"{symbol}{number}{unit}" if symbol else f"{number}{unit} {currency or ''}".strip()
            )
    return f"{symbol}{amount:,.0f}"


def describe_signal(signal: Signal) -> str:
    """The signal in a few plain words."""
    if signal.type == "funding_round":
        round_name = (signal.round or "").replace("_", " ").title().replace("Pre Seed", "pre-seed")
        amount = format_amount(signal.amount, signal.currency)
        words = " ".join(p for p in ("raised", amount, round_name) if p)
        return words if words != "raised" else "raised funding"
    if signal.type == "executive_hire":
        who = f"{signal.person} " if signal.person else ""
        return f"{who}named {signal.role}" if signal.role else f"{who}appointed"
    if signal.type == "job_change":
        if signal.change == "departure":
            return f"left {signal.old_company}"
        if signal.change == "promotion":
            return f"promoted to {signal.role} at {signal.company}"
        return (
            f"started at {signal.company} as {signal.role}"
            if signal.role
            else f"moved to {signal.company}"
        )
    return f"{signal.rule}: {signal.evidence}"


def when_words(signal: Signal, now: datetime) -> str:
    days = age_days(signal, now)
    if parse_time(signal.published_at) is None:
        return "recently"
    if days < 1:
        return "today"
    if days < 2:
        return "yesterday"
    return f"{int(days)} days ago"


def why_now(candidate: Candidate, parts: ScoreParts, config: Config, now: datetime) -> str:
    signal = candidate.signal
    bits = [f"{describe_signal(signal)} {when_words(signal, now)}"]
    if candidate.relationship == "direct":
        bits.append("you know them" + (" (matched by name)" if candidate.name_only else ""))
    elif candidate.relationship == "intro":
        bits.append(f"{len(candidate.intro)} of your contacts can introduce you")
    else:
        bits.append("no one you know there yet")
    if is_target_role(candidate.title, config.target_roles):
        bits.append("a role you sell to")
    return "; ".join(bits)


def rank_candidates(candidates: Iterable[Candidate], config: Config, now: datetime) -> list[Row]:
    """One row per person, best signal first, others as `also`; ties break by name."""
    best: dict[str, Row] = {}
    for cand in candidates:
        parts = score(cand, config, now)
        row = Row(
            person=cand.person,
            title=cand.title,
            company=cand.company,
            signal=cand.signal,
            score=parts,
            why=why_now(cand, parts, config, now),
            headline=describe_signal(cand.signal),
            relationship=cand.relationship,
            person_key=cand.person_key,
            contact_id=cand.contact.id if cand.contact else None,
            intro=list(cand.intro),
            sources=[cand.signal.url] if cand.signal.url else [],
        )
        current = best.get(cand.person_key)
        if current is None:
            best[cand.person_key] = row
        elif row.score.total > current.score.total:
            row.also = [current.signal, *current.also]
            best[cand.person_key] = row
        else:
            current.also.append(cand.signal)
    rows = sorted(best.values(), key=lambda r: (-r.score.total, r.person.casefold(), r.person_key))
    for i, row in enumerate(rows, 1):
        row.rank = i
    return rows
