"""The list words people in rank order and stops once it is full: a short list
must be exactly the start of the whole list, whatever the rep did about whom,
however many people one company has, and with today's digest numbers pinned.

A short list also matches only part of the window (the groups of signals whose
ceiling could still beat the people found so far, and every group that
concerns a person before they are listed); the whole list matches everything
at once, so comparing the two checks the ceilings and the completeness."""

from __future__ import annotations

import gc
import random
from datetime import timedelta

import pytest
from sqlite_utils import Database
from test_outreach import NOW, add_contact, add_report, funding

from prospect import outreach
from prospect.config import Config, parse_config
from prospect.models import Signal
from prospect.outreach import ListOptions, Window, build_list, signal_records
from prospect.store import write
from prospect.store.digests import save_digest
from prospect.store.outreach import save_outreach
from prospect.store.signals import save_signals

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
    mark(db, rng, config)


def richer_world(db: Database, seed: int, config: Config) -> None:
    """Besides funding: hires naming people the rep knows (at the company, or
    listed at a former one) and people nobody knows (with and without an
    introducer where they worked before), job changes, keyword news, and
    signals with no company at all."""
    rng = random.Random(seed)
    ids = []
    for i in range(60):
        ids.append(add_contact(db, f"Person {i:02d}", rng.choice(COMPANIES), rng.choice(TITLES),
                               connected_on=(NOW - timedelta(days=rng.randint(5, 900))).date()
                               .isoformat()))  # fmt: skip
    for n in range(40):
        company = rng.choice([*COMPANIES, "Elsewhere Labs", "Nowhere Freight"])
        ago = rng.uniform(0.2, 44)
        when = NOW - timedelta(days=ago)
        roll = rng.random()
        if roll < 0.35:
            funding(db, company, days_ago=ago, feed=f"feed{n % 3}", round_=rng.choice(ROUNDS),
                    amount=rng.randint(1, 90) * 1e6)  # fmt: skip
        elif roll < 0.65:
            person = f"Person {rng.randrange(60):02d}" if rng.random() < 0.4 else f"Exec {n}"
            add_report(db, f"feed{n % 3}", f"{company} names {person}", f"https://x.example/h{n}",
                       when, type="executive_hire", company=company, person=person,
                       role=rng.choice(["Chief Marketing Officer", "VP of Sales",
                                        "Chief Operating Officer"]),
                       previous_company=rng.choice([None, *COMPANIES[:4]]))  # fmt: skip
        elif roll < 0.8:
            add_report(db, f"feed{n % 3}", f"{company} opens office in Berlin",
                       f"https://x.example/k{n}", when, type="keyword", rule="expansion",
                       company=company if rng.random() < 0.8 else None,
                       evidence="opens office in")  # fmt: skip
        else:
            change = Signal(type="job_change", rule="job_change",
                            company=company if rng.random() < 0.8 else None,
                            contact_id=rng.choice(ids), published_at=when.isoformat(),
                            change=rng.choice(["new_company", "promotion", "departure"]),
                            role=rng.choice(TITLES), old_company="Old Co")  # fmt: skip
            with write(db):
                save_signals(db, [change])
    mark(db, rng, config)


def mark(db: Database, rng: random.Random, config: Config) -> None:
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
    return [
        (r.rank, r.person_key, r.why, r.headline, r.score.total, r.state, r.intro_reasons,
         [s.id for s in r.also], [(e.url, e.feed) for e in r.evidence])
        for r in rows
    ]  # fmt: skip


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


ACCOUNTS = {
    "none": "",
    "included": "accounts:\n  include: [Company B, Company E]\n",
    "both": "accounts:\n  include: [Company C]\n  exclude: [Company A, Elsewhere Labs]\n",
}


@pytest.fixture(autouse=True)
def match_one_group_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The smallest batches: a short list then matches as little as it can, so
    every step of the walk is exercised (at real sizes a batch is many groups)."""
    monkeypatch.setattr(outreach, "FIRST_BATCH", 1)
    monkeypatch.setattr(outreach, "BATCH_GROWTH", 1)


def test_a_short_list_leaves_groups_that_cannot_reach_it_unmatched(db: Database) -> None:
    config = parse_config("{}")
    richer_world(db, 3, config)
    window = Window(db, config, NOW, config.max_age_days)
    first = next(window.ranked())
    assert first[0].candidate.person
    assert 0 < len(window.matched) < len(window.groups) / 2


def test_signals_stored_while_a_list_is_read_wait_for_the_next_list(db: Database) -> None:
    """A poll may store signals while a list is being built: the list matches
    the signals whose heads it bounded, not a newer report of the company's,
    which the next list reads from the start."""
    config = parse_config("{}")
    add_contact(db, "Pat Lee", "Known Co", "VP of Sales")
    first = funding(db, "Known Co", days_ago=3, round_="seed", amount=2e6)
    window = Window(db, config, NOW, config.max_age_days)
    later = funding(db, "Known Co", days_ago=1, feed="latewire", round_="series_c", amount=90e6)
    [pat] = window.ranked()
    assert [s.candidate.signal.id for s in pat] == [first.id]
    [pat] = Window(db, config, NOW, config.max_age_days).ranked()
    assert [s.candidate.signal.id for s in pat] == [later.id, first.id]


@pytest.mark.parametrize("seed", range(4))
def test_a_list_leaves_no_reference_cycles_for_the_paused_collector(
    db: Database, seed: int
) -> None:
    """A list is built with the cyclic garbage collector paused: all it makes
    must be freed by reference counting alone, or a big list would hold on
    to it until the collector runs again."""
    config = parse_config(ACCOUNTS["both"])
    richer_world(db, seed, config)
    pin_digest(db, seed, config)
    gc.collect()
    for limit in (0, 3):
        build_list(db, config, ListOptions(limit=limit, include_all=True), NOW)
    signal_records(db, config, NOW)
    assert gc.isenabled()
    assert gc.collect() == 0


def test_news_of_companies_nobody_known_works_at_is_never_matched(db: Database) -> None:
    """Most news is about companies the rep knows nobody at: a funding round
    or an unnamed hire there can reach no one, so even a list of everyone
    leaves its group unmatched, while a hire naming someone there is matched
    (the rep may know them, or know who can introduce them)."""
    config = parse_config("{}")
    add_contact(db, "Pat Lee", "Known Co", "VP of Sales")
    funding(db, "Known Co", days_ago=20)
    for n in range(30):  # fresher and bigger than the known company's news
        funding(db, f"Stranger {n} Labs", days_ago=0.5, round_="series_c", amount=90e6)
    add_report(db, "prwire", "Stranger 0 Labs names new CFO", "https://x.example/cfo",
               NOW - timedelta(days=1), type="executive_hire", company="Stranger 0 Labs",
               role="Chief Financial Officer")  # fmt: skip
    add_report(db, "prwire", "Far Co names Sam Park CMO", "https://x.example/sam",
               NOW - timedelta(days=1), type="executive_hire", company="Far Co",
               person="Sam Park", role="Chief Marketing Officer")  # fmt: skip
    window = Window(db, config, NOW, config.max_age_days)
    listed = [people[0].candidate.person for people in window.ranked()]
    assert sorted(listed) == ["Pat Lee", "Sam Park"]
    assert window.matched == {"known", "far"}
    everyone = Window(db, config, NOW, config.max_age_days)
    assert [p[0].candidate.person for p in everyone.ranked(everything=True)] == listed


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("accounts", ACCOUNTS.values(), ids=ACCOUNTS.keys())
@pytest.mark.parametrize("pinned", [False, True], ids=["no digest", "digest today"])
def test_a_short_list_over_every_kind_of_signal_is_the_start_of_the_whole_list(
    db: Database, seed: int, accounts: str, pinned: bool
) -> None:
    config = parse_config(accounts) if accounts else parse_config("{}")
    richer_world(db, seed, config)
    if pinned:
        pin_digest(db, seed, config)
    whole = build_list(db, config, ListOptions(limit=0), NOW)
    assert len(whole) > 5
    numbered = sum(1 for r in whole if r.rank <= 3) if pinned else 0
    for limit in (1, 3, 10, len(whole) + 5):
        short = build_list(db, config, ListOptions(limit=limit), NOW)
        expected = whole[: max(limit, numbered)] if pinned else whole[:limit]
        assert signature(short) == signature(expected), limit


def test_news_far_down_that_makes_someone_an_included_accounts_counts_first(
    db: Database,
) -> None:
    """Quinn's own company news ranks just below Pat's; a weak, old hire at an
    included account names Quinn, which makes Quinn an included account's
    person and lifts all Quinn's news above Pat's. A short list must see that
    although the old hire's group could never reach the list by itself."""
    config = parse_config("accounts:\n  include: [Star Corp]\n")
    add_contact(db, "Pat Lee", "Other Co")  # no title: fit 0.8, above an engineer's 0.6
    add_contact(db, "Quinn Adams", "Plain Co", "Software Engineer")
    funding(db, "Other Co", days_ago=1.0)
    funding(db, "Plain Co", days_ago=1.5)
    add_report(db, "prwire", "Star Corp names Quinn Adams advisor", "https://x.example/star",
               NOW - timedelta(days=44), type="executive_hire", company="Star Corp",
               person="Quinn Adams", role="Advisor")  # fmt: skip
    whole = build_list(db, config, ListOptions(limit=0), NOW)
    assert [r.person for r in whole] == ["Quinn Adams", "Pat Lee"]
    assert signature(build_list(db, config, ListOptions(limit=1), NOW)) == signature(whole[:1])


def test_a_digest_number_for_someone_with_no_news_today_is_left_out(db: Database) -> None:
    """Today's digest numbered people the window no longer concerns (a contact
    since deleted, a key of an older shape): the list shows the others, in
    the same order as without them."""
    config = parse_config("{}")
    richer_world(db, 5, config)
    before = build_list(db, config, ListOptions(limit=5), NOW)
    with write(db):
        save_digest(db, subject="today", delivery="stdout", recipients=[], message_id=None,
                    records=[{"rank": i, "person_key": key, "person": "Gone", "contact_id": None,
                              "signal_id": None}
                             for i, key in enumerate(["c:99999", "c:x", "n:gone", "p:gone|"], 1)],
                    sent_at=NOW.isoformat())  # fmt: skip
    after = build_list(db, config, ListOptions(limit=5), NOW)
    assert [r.person_key for r in after] == [r.person_key for r in before]
    assert [r.rank for r in after] == [5, 6, 7, 8, 9]  # numbered after today's digest's
