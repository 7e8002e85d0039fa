"""Every part of the score, and deterministic ranking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from prospect.config import Config
from prospect.match import Candidate
from prospect.models import Contact, Signal
from prospect.rank import (
    fit,
    rank_candidates,
    recency,
    relationship,
    score,
    strength,
)

NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)


def sig(type_: str, **kw) -> Signal:
    return Signal(type=type_, rule=kw.pop("rule", type_), **kw)


def cand(signal: Signal, relationship="direct", title="VP of Sales", key="c:1", **kw) -> Candidate:
    return Candidate(
        person_key=key,
        person=kw.pop("person", "Jordan Ellis"),
        title=title,
        company=kw.pop("company", "Brightloop"),
        relationship=relationship,
        signal=signal,
        **kw,
    )


@pytest.mark.parametrize(
    ("signal", "expected"),
    [
        (sig("funding_round", round="series_b"), 1.0),
        (sig("funding_round", round="seed"), 0.6),
        (sig("funding_round"), 0.7),  # round unknown
        (sig("executive_hire", role="Chief Marketing Officer"), 0.9),
        (sig("executive_hire", role="Chief Financial Officer"), 0.45),  # not a role you sell to
        (sig("job_change", change="new_company"), 1.2),
        (sig("job_change", change="promotion"), 0.96),
        (sig("job_change", change="departure"), 0.3),  # left, no new company: weak
        # weighed by the mover's level: a new VP outranks an intern's move
        (sig("job_change", change="new_company", role="VP of Marketing"), 1.2),
        (sig("job_change", change="new_company", role="Director of Sales"), 0.96),
        (sig("job_change", change="new_company", role="Account Executive"), 0.48),
        (sig("job_change", change="role_change", role="Intern"), 0.09),
        (sig("job_change", change="new_company", role="Assistant to the CEO"), 0.48),
        (sig("keyword", rule="expansion"), 0.5),
        (sig("keyword", rule="acquisition"), 0.4),
    ],
)
def test_strength(config: Config, signal: Signal, expected: float):
    part = strength(signal, config)
    assert part.value == pytest.approx(expected)
    assert part.words


@pytest.mark.parametrize(("days", "expected"), [(0, 1.0), (21, 0.5), (42, 0.25), (-3, 1.0)])
def test_recency_halves_every_half_life(config: Config, days: float, expected: float):
    signal = sig("funding_round", published_at=(NOW - timedelta(days=days)).isoformat())
    assert recency(signal, config, NOW).value == pytest.approx(expected)


def test_undated_signal_counts_as_fresh(config: Config):
    assert recency(sig("funding_round"), config, NOW).value == 1.0


@pytest.mark.parametrize(
    ("kind", "name_only", "connected_days", "contacted_days", "expected"),
    [
        ("direct", False, None, None, 1.0),
        ("intro", False, None, None, 0.7),
        ("unknown", False, None, None, 0.3),
        ("direct", True, None, None, 0.8),  # matched by name alone
        ("direct", False, 30, None, 1.2),  # connected a month ago
        ("direct", False, 2000, None, 1.0),  # connected years ago: no bonus
        ("direct", False, 2000, 60, 1.2),  # but contacted two months ago
        ("intro", False, 30, None, 0.84),  # the introducer connected recently
    ],
)
def test_relationship(config, kind, name_only, connected_days, contacted_days, expected):
    who = Contact(full_name="Ann Lee", title="CEO")
    if connected_days is not None:
        who.connected_on = (NOW - timedelta(days=connected_days)).date().isoformat()
    c = cand(sig("funding_round"), relationship=kind, name_only=name_only)
    if kind == "direct":
        c.contact = who
    elif kind == "intro":
        c.intro = [who]
    history = {}
    if contacted_days is not None:
        history["c:1"] = (NOW - timedelta(days=contacted_days)).isoformat()
    part = relationship(c, config, NOW, history)
    assert part.value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("title", "included", "expected"),
    [
        ("VP of Sales", False, 1.0),
        ("CMO", False, 1.0),
        ("Software Engineer", False, 0.6),
        (None, False, 0.8),
        ("VP of Sales", True, 1.5),
        ("Software Engineer", True, 0.9),
    ],
)
def test_fit(config: Config, title, included, expected):
    assert fit(cand(sig("funding_round"), title=title), config, included).value == pytest.approx(
        expected
    )


def test_score_is_the_product_of_its_parts_and_each_part_has_words(config: Config):
    signal = sig("funding_round", round="seed", published_at=(NOW - timedelta(days=21)).isoformat())
    parts, reasons = score(cand(signal, relationship="intro", title="Engineer"), config, NOW)
    assert parts.total == pytest.approx(0.6 * 0.5 * 0.7 * 0.6)
    assert set(reasons) == {"strength", "recency", "relationship", "fit"}
    assert "seed 0.6" in reasons["strength"]
    assert "half-life 21 days" in reasons["recency"]


def test_one_row_per_person_best_signal_first_others_as_also(config: Config):
    day = (NOW - timedelta(days=1)).isoformat()
    funding = sig("funding_round", round="series_b", published_at=day, id=1)
    change = sig("job_change", change="new_company", company="Brightloop", published_at=day, id=2)
    rows = rank_candidates([cand(funding), cand(change), cand(funding)], config, NOW)
    assert len(rows) == 1
    assert rows[0].signal.id == 2  # job change (1.2) beats the Series B (1.0)
    assert [s.id for s in rows[0].also] == [1]  # the same event twice is listed once


def test_ties_break_deterministically_whatever_the_input_order(config: Config):
    signal = sig("funding_round", round="series_b", published_at=NOW.isoformat(), id=1)
    people = [cand(signal, key=f"c:{i}", person=name) for i, name in enumerate(["Cy", "Al", "Bo"])]
    first = [r.person for r in rank_candidates(people, config, NOW)]
    again = [r.person for r in rank_candidates(list(reversed(people)), config, NOW)]
    assert first == again == ["Al", "Bo", "Cy"]
    assert [r.rank for r in rank_candidates(people, config, NOW)] == [1, 2, 3]


def test_newer_event_wins_a_tie_in_score(config: Config):
    # recency differs, so compare two equal scores built from different parts
    old = sig(
        "funding_round", round="series_b", published_at=(NOW - timedelta(days=21)).isoformat(), id=1
    )
    new = sig("funding_round", round="series_a", published_at=NOW.isoformat(), id=2)
    a = cand(old, key="c:1", person="Al", title="Engineer")  # 1.0 * 0.5 * 1 * 0.6 = 0.3
    b = cand(new, key="c:2", person="Zed", relationship="intro")  # .8 * 1 * .7 * 1 = 0.56
    rows = rank_candidates([a, b], config, NOW)
    assert [r.person for r in rows] == ["Zed", "Al"]


def test_a_hire_outside_the_target_roles_is_penalised_once(config: Config):
    hire = sig("executive_hire", role="Chief Operating Officer", person="Jordan Ellis",
               published_at=(NOW - timedelta(days=3)).isoformat())  # fmt: skip
    # the row is the new COO: fit judges the role, strength does not again
    own = score(cand(hire, title="Chief Operating Officer"), config, NOW, included=True)[0]
    assert own.strength == pytest.approx(0.9)
    assert own.fit == pytest.approx(0.6 * 1.5)
    # the row is a contact at the company: strength judges the new role
    nobody = sig("executive_hire", role="Chief Operating Officer", company="Brightloop")
    other = score(cand(nobody, title="VP of Sales"), config, NOW)[0]
    assert other.strength == pytest.approx(0.45)


def test_fresh_funding_where_you_know_someone_beats_an_interns_move(config: Config):
    week_old = (NOW - timedelta(days=15)).isoformat()
    series_c = sig("funding_round", round="series_c", id=1,
                   published_at=(NOW - timedelta(days=1)).isoformat())  # fmt: skip
    intern = sig("job_change", change="new_company", role="Intern", id=2, published_at=week_old)
    vp = sig("job_change", change="new_company", role="VP of Marketing", id=3,
             published_at=week_old)  # fmt: skip
    rows = rank_candidates(
        [
            cand(series_c, title="Director of Sales", key="c:1", person="Ana Diaz"),
            cand(intern, title="Intern", key="c:2", person="Bo Chen"),
            cand(vp, title="VP of Marketing", key="c:3", person="Cy Ode"),
        ],
        config,
        NOW,
    )
    assert [r.person for r in rows] == ["Cy Ode", "Ana Diaz", "Bo Chen"]
