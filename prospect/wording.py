"""Wording: a signal, its age and the reasons behind a row, in plain words.

The list, `explain`, the digest and the history all say a signal the same way,
because they all take the words from here. Nothing here scores: the parts of
a score come from `rank`, and this module only says them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from prospect.models import Signal
from prospect.normalize import age_days, parse_time
from prospect.titles import is_target_role

if TYPE_CHECKING:  # types only: matching and the rules file are not needed to word a signal
    from prospect.config import Config
    from prospect.match import Candidate


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


def round_words(name: str | None) -> str:
    if not name:
        return ""
    special = {"pre_seed": "pre-seed", "seed": "seed", "growth": "growth", "debt": "debt"}
    if name in special:
        return special[name]
    return name.replace("_", " ").title()


def describe_signal(signal: Signal) -> str:
    """The signal in a few plain words: 'raised $40M Series B', 'named Chief
    Marketing Officer'. The person is the row's own, so hires leave it out."""
    if signal.type == "funding_round":
        words = " ".join(p for p in ("raised", format_amount(signal.amount, signal.currency)) if p)
        round_name = round_words(signal.round)
        if round_name:
            words += f" {round_name}" + (" round" if round_name in ("seed", "pre-seed") else "")
        return words if words != "raised" else "raised funding"
    if signal.type == "executive_hire":
        if not signal.person:  # the news names nobody: it is the company's news
            who = signal.company or "the company"
            return f"{who} named a new {signal.role}" if signal.role else f"{who} made a hire"
        return f"named {signal.role}" if signal.role else "named to the leadership team"
    if signal.type == "job_change":
        if signal.change == "departure":
            return f"left {signal.old_company or 'their company'}"
        if signal.change == "promotion":
            return f"promoted to {signal.role} at {signal.company}"
        if signal.change == "role_change":
            was = f" (was {signal.old_title})" if signal.old_title else ""
            return f"now {signal.role} at {signal.company}{was}"
        if not signal.company:  # a new role, the company not given
            return f"left {signal.old_company or 'their company'}, now {signal.role}"
        return (
            f"started at {signal.company} as {signal.role}"
            if signal.role
            else f"moved to {signal.company}"
        )
    about = f"{signal.company}: " if signal.company else ""
    return (
        f"{about}{signal.rule} ({signal.evidence})" if signal.evidence else f"{about}{signal.rule}"
    )


def when_words(signal: Signal, now: datetime) -> str:
    if parse_time(signal.published_at) is None:
        return "recently"
    days = age_days(signal.published_at, now)
    if days < 1:
        return "today"
    if days < 2:
        return "yesterday"
    return f"{int(days)} days ago"


def why_now(candidate: Candidate, config: Config, now: datetime, included: bool) -> str:
    """The parts of the score in one sentence."""
    signal = candidate.signal
    reports = len(candidate.event.sources) if candidate.event else 1
    lead = f"{describe_signal(signal)} {when_words(signal, now)}"
    if reports > 1:
        lead += f" ({reports} reports)"
    bits = [lead]
    if candidate.relationship == "direct" and signal.type == "executive_hire" and not signal.person:
        bits.append(f"you know {candidate.person} there")
    elif candidate.relationship == "direct":
        bits.append(f"you know them ({candidate.note})" if candidate.note else "you know them")
    elif candidate.relationship == "intro":
        n = len(candidate.intro)
        bits.append(f"{n} of your contacts there can introduce you" if n > 1 else "a warm intro")
    else:
        bits.append("no one you know there yet")
    if is_target_role(candidate.title, config.target_roles):
        bits.append("a role you sell to")
    if included:
        bits.append("an included account")
    return "; ".join(bits)
