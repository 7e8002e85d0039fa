"""Benchmark: `prospect list` on a big store.

Builds a throwaway store with 30,000 contacts (LinkedIn's cap) and 100,000
feed items of which a few thousand carry signals (funding rounds reported by
one to three feeds, executive hires, keyword hits, job changes), then reports,
all measured in this run:

- the baseline: a plain `SELECT count(*)` over the items;
- `build_list` + JSON rendering in-process (what the list itself costs);
- `prospect list --format json` as a subprocess (what a user waits for,
  Python start-up included), next to `prospect --version` (start-up alone).

Target: the list answers well under a second (1.0 s is the ceiling).

    python bench/bench_list.py           # full size
    python bench/bench_list.py --quick   # small, a few seconds, for CI
    python bench/bench_list.py --signals 40000   # a bigger store (items grow to match)
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _report import Figure, add_json_option, report

from prospect.config import load_config
from prospect.models import Signal
from prospect.normalize import normalize_company, normalize_person
from prospect.outreach import ListOptions, build_list
from prospect.render import Terminal, render_list
from prospect.store import connect, write
from prospect.store.signals import save_signals

TARGET_SECONDS = 1.0
FIRST = [
    "Ada",
    "Ben",
    "Cleo",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lea",
    "Mo",
    "Nia",
    "Oli",
    "Pia",
    "Quin",
    "Rui",
    "Sam",
    "Tia",
]
LAST = [
    "Adler",
    "Brooks",
    "Chen",
    "Diaz",
    "Evans",
    "Fox",
    "Grant",
    "Hale",
    "Ito",
    "Jones",
    "Kim",
    "Lund",
    "Moreno",
    "Novak",
    "Ortiz",
]
WORDS = [
    "North",
    "Bright",
    "Kestrel",
    "Lumen",
    "Quarry",
    "Verdant",
    "Halcyon",
    "Orbital",
    "Copper",
    "Tide",
    "Pine",
    "Salt",
]
KINDS = [
    "Analytics",
    "Labs",
    "Health",
    "Freight",
    "Robotics",
    "Software",
    "Payroll",
    "Security",
    "Energy",
    "Systems",
]
TITLES = [
    "Chief Marketing Officer", "VP of Sales", "Head of Growth", "Software Engineer",
    "Account Executive", "Director of Operations", "Chief Executive Officer", "Data Analyst",
]  # fmt: skip
ROLES = [
    "Chief Marketing Officer",
    "Chief Revenue Officer",
    "VP of Sales",
    "Chief Financial Officer",
]
ROUNDS = ["seed", "series_a", "series_b", "series_c", None]


def company_names(n: int, rng: random.Random) -> list[str]:
    names = {
        f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {rng.choice(KINDS)} {i}" for i in range(n)
    }
    return sorted(names)


def build_store(path: Path, contacts: int, items: int, signals: int, now: datetime) -> None:
    rng = random.Random(42)
    db = connect(path)
    companies = company_names(max(50, contacts // 4), rng)
    people = []
    for i in range(contacts):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        company = rng.choice(companies)
        connected = now - timedelta(days=rng.randint(1, 3000))
        people.append(
            {
                "full_name": name,
                "name_norm": normalize_person(name),
                "company": company,
                "company_norm": normalize_company(company),
                "title": rng.choice(TITLES),
                "connected_on": connected.date().isoformat(),
                "sources": '["linkedin"]',
            }
        )
    feeds = [
        {"id": i, "url": f"https://feed{i}.example/rss", "name": f"feed {i}"} for i in range(40)
    ]
    rows = []
    for i in range(items):
        published = now - timedelta(minutes=rng.randint(0, 90 * 24 * 60))
        rows.append(
            {
                "id": i + 1,
                "feed_id": rng.randrange(40),
                "guid": f"item-{i}",
                "title": f"Headline number {i}",
                "url": f"https://news.example/{i}",
                "published_at": published.isoformat(),
            }
        )
    with write(db):
        db["contacts"].insert_all(people, batch_size=2000)
        db["feeds"].insert_all(feeds)
        db["items"].insert_all(rows, batch_size=5000)
    found: list[Signal] = []
    item_ids = rng.sample(range(1, items + 1), k=min(items, signals))
    for n, item_id in enumerate(item_ids):
        item = rows[item_id - 1]
        base = {"item_id": item_id, "url": item["url"], "published_at": item["published_at"]}
        roll = rng.random()
        company = rng.choice(companies) if rng.random() < 0.7 else f"Unknown Startup {n}"
        if roll < 0.6:
            found.append(Signal(type="funding_round", rule="funding_round", company=company,
                                round=rng.choice(ROUNDS), amount=rng.randint(1, 200) * 1e6,
                                currency="USD", **base))  # fmt: skip
        elif roll < 0.85:
            known = rng.random() < 0.2
            person = rng.choice(people)["full_name"] if known else f"New Exec {n}"
            found.append(Signal(type="executive_hire", rule="executive_hire", company=company,
                                person=person, role=rng.choice(ROLES), **base))  # fmt: skip
        elif roll < 0.95:
            found.append(Signal(type="keyword", rule="expansion", company=company,
                                evidence="opens office in", **base))  # fmt: skip
        else:
            cid = rng.randint(1, contacts)
            found.append(Signal(type="job_change", rule="job_change", company=company,
                                contact_id=cid, change="new_company",
                                published_at=item["published_at"]))  # fmt: skip
    with write(db):
        save_signals(db, found)
    db.close()


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--repeat", type=int, help="timed runs of each figure (default 5)")
    parser.add_argument("--signals", type=int, help="signals in the store (default 4,000)")
    parser.add_argument("--contacts", type=int, help="contacts (default 30,000)")
    parser.add_argument(
        "--items", type=int, help="feed items (default 100,000, at least --signals)"
    )
    add_json_option(parser)
    args = parser.parse_args()
    say = sys.stderr if args.json else sys.stdout
    contacts, items, signals = (3_000, 10_000, 400) if args.quick else (30_000, 100_000, 4_000)
    contacts = args.contacts or contacts
    signals = args.signals or signals
    items = max(args.items or items, signals)
    now = datetime.now(UTC)
    config = load_config(None)
    with tempfile.TemporaryDirectory(prefix="prospect-bench-") as tmp:
        path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        build_store(path, contacts, items, signals, now)
        print(f"store: {contacts:,} contacts, {items:,} items, {signals:,} signals "
              f"(built in {time.perf_counter() - start:.1f} s)", file=say)  # fmt: skip
        db = connect(path)
        repeat = args.repeat or (3 if args.quick else 5)
        count = median_time(lambda: db.execute("SELECT count(*) FROM items").fetchone(), repeat)

        def in_process() -> None:
            rows = build_list(db, config, ListOptions(), datetime.now(UTC))
            out = io.StringIO()
            render_list(
                rows, "json", Terminal(out=out, err=out, color=False, interactive=False), now
            )

        in_process()  # warm the page cache like a second run of the day would
        listed = median_time(in_process, repeat)
        db.close()
        rules = Path(tmp) / "signals.yaml"
        rules.write_text("# empty: the packaged defaults\n", "utf-8")
        env = {**os.environ, "PROSPECT_DB": str(path), "PROSPECT_CONFIG": str(rules)}
        cmd = [sys.executable, "-m", "prospect"]

        def run(*extra: str) -> None:
            subprocess.run([*cmd, *extra], env=env, check=True, capture_output=True)

        startup = median_time(lambda: run("--version"), repeat)
        command = median_time(lambda: run("list", "--format", "json"), repeat)
    size = f"{contacts // 1000}k contacts, {items // 1000}k items, {signals // 1000}k signals"
    report(
        [
            Figure(f"list in-process ({size})", listed, "s", count, listed / count,
                   f"< {TARGET_SECONDS:.1f} s", listed < TARGET_SECONDS),
            Figure(f"prospect list, a process ({size})", command, "s", startup,
                   command / startup, f"< {TARGET_SECONDS:.1f} s", command < TARGET_SECONDS),
        ],
        args.json,
    )  # fmt: skip
    if not args.json:
        print("baselines: SELECT count(*) over items; python start-up (prospect --version)")


if __name__ == "__main__":
    main()
