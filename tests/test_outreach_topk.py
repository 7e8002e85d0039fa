"""The list words people in rank order and stops once it is full: a short list
must be exactly the start of the whole list, whatever the rep did about whom,
however many people one company has, and with today's digest numbers pinned."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlite_utils import Database
from test_outreach import NOW, add_contact, funding

from prospect.config import Config
from prospect.outreach import ListOptions, build_list
from prospect.store import write
from prospect.store.digests import save_digest
from prospect.store.outreach import save_outreach

COMPANIES = [f"Company {c}" for c in "ABCDEFGHIJKL"]
TITLES = ["VP of Sales", "Software Engineer", "Chief Marketing Officer", None]
ROUNDS = ["seed", "series_a", "series_b", None]


def world(db: Database, seed: int, config: Config) -> None:
    """Contacts at a dozen companies, funding news of several ages about most of
    them, and the rep's marks on some of the people."""
    rng = random.Random(seed)
    for i in range(80):
        add_contact(db, f"Person {i:02d}", rng.choice(COMPANIES), rng.choice(TITLES))
    for n, company in enumerate(rng.sample(COMPANIES, 10)):
        for report in range(rng.randint(1, 3)):
            funding(db, company, days_ago=rng.uniform(0.5, 40), feed=f"feed{report}-{n}",
                    round_=rng.choice(ROUNDS), amount=rng.randint(1, 90) * 1e6)  # fmt: skip
    everyone = build_list(db, config, ListOptions(limit=0, include_all=True), NOW)
    with write(db):
        for row in rng.sample(everyone, min(12, len(everyone))):
            action = rng.choice(["contacted", "skipped", "snoozed", "listed"])
            until = (NOW + timedelta(days=3)).isoformat() if action == "snoozed" else None
            at = (NOW - timedelta(days=rng.uniform(0, 40))).isoformat()
            save_outreach(
                db, row.person_key, row.person, action, contact_id=row.contact_id,
                until=until, score=row.score.total, signal_id=row.signal.id, at=at,
            )  # fmt: skip


def pin_digest(db: Database, seed: int, config: Config) -> None:
    """Today's digest numbered a few people (ranked anywhere in today's list)."""
    rng = random.Random(seed)
    everyone = build_list(db, config, ListOptions(limit=0), NOW)
    chosen = rng.sample(everyone, min(3, len(everyone)))
    with write(db):
        save_digest(db, subject="today", delivery="stdout", recipients=[], message_id=None,
                    records=[{"rank": i, "person_key": r.person_key, "person": r.person,
                              "contact_id": r.contact_id, "signal_id": r.signal.id}
                             for i, r in enumerate(chosen, 1)],
                    sent_at=NOW.isoformat())  # fmt: skip


def signature(rows) -> list[tuple]:
    return [(r.rank, r.person_key, r.why, r.headline, r.score.total, r.state) for r in rows]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("pinned", [False, True], ids=["no digest", "digest today"])
@pytest.mark.parametrize("include_all", [False, True], ids=["open", "all"])
def test_a_short_list_is_the_start_of_the_whole_list(
    db: Database, config: Config, seed: int, pinned: bool, include_all: bool
) -> None:
    world(db, seed, config)
    if pinned:
        pin_digest(db, seed, config)
    whole = build_list(db, config, ListOptions(limit=0, include_all=include_all), NOW)
    assert len(whole) > 5  # the world gives the list something to cut
    numbered = sum(1 for r in whole if r.rank <= 3) if pinned else 0
    for limit in (1, 2, 5, 10, len(whole) + 5):
        short = build_list(db, config, ListOptions(limit=limit, include_all=include_all), NOW)
        expected = whole[: max(limit, numbered)] if pinned else whole[:limit]
        assert signature(short) == signature(expected), limit
