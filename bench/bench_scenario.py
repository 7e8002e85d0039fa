"""Benchmark: a realistic world, end to end, judged against what is true in it.

Real headlines (bench/data/technews.tsv and gnews.tsv: tech news and Google
News items from public feed archives, see bench/data/SOURCES.md, re-dated
over the last two weeks) are written as local RSS
feeds and polled; the companies the headlines are about get contacts, spelt
the messy ways real profiles spell them (legal forms, web-style names, case),
beside trap contacts that must never match (Dropbox, Apple Bank, Notion
Capital, Linear Technology, Ramp Network, Figure, Stealth, "<Name> Capital").
Two LinkedIn exports a month apart are imported: between them some people
really changed jobs, and many only look as if they did (renames such as
Facebook Inc. -> Meta or Twitter -> X Corp., re-spellings such as Gong ->
Gong.io, re-wordings such as "Dir. of Marketing" -> "Director of Marketing").

Figures (targets in brackets): job-change precision and recall (>= 0.95);
precision of the top 10 (10/10) and top 50 (>= 0.95) of `prospect list`;
recall of the gold events (>= 0.90); false friends or wrong people in the top
50 (0). A row is right when its person is one whose job really changed, or a
contact whose true company is the event's. The speed of `prospect list` at
30k contacts and 100k items is bench_list.py's.

    python bench/bench_scenario.py           # every headline
    python bench/bench_scenario.py --quick   # a few hundred, for CI
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from _report import Figure, add_json_option, report

from prospect.companies import company_of, is_placeholder
from prospect.config import load_config
from prospect.importers import import_contacts
from prospect.importers.linkedin import read_linkedin
from prospect.outreach import ListOptions, build_list
from prospect.poll import poll
from prospect.store import connect, write
from prospect.store.feeds import add_feed

RAW = Path(__file__).resolve().parent / "data"
CORPORA = ("technews.tsv", "gnews.tsv")
FEEDS = 36
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
    "Raj",
    "Sol",
    "Tess",
    "Uma",
    "Vik",
    "Wen",
    "Xia",
    "Yael",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Costa",
    "Byrne",
    "Sato",
    "Mensah",
    "Kowalski",
    "Reyes",
    "Ibrahim",
    "Schulz",
    "Dubois",
    "Ferreira",
]
TITLES = [
    "VP of Marketing",
    "Head of Sales",
    "Director of Sales",
    "Account Executive",
    "Software Engineer",
    "Chief Revenue Officer",
    "Marketing Manager",
    "Recruiter",
    "Product Manager",
    "Head of Growth",
    "Chief Executive Officer",
    "Data Scientist",
]
# (before, after) that are one company, or one title: never a job change
SAME_COMPANY = [
    ("Facebook Inc.", "Meta"),
    ("Alphabet Inc.", "Google LLC"),
    ("Square Inc.", "Block"),
    ("Twitter", "X Corp."),
    ("Amazon", "AWS"),
    ("GlobalWebIndex", "GWI"),
    ("Gong", "Gong.io"),
    ("Salesforce", "salesforce.com"),
    ("Notion", "Notion Labs"),
    ("Solarisbank", "Solaris"),
    ("100ms", "100ms.live"),
    ("Coco", "Coco Robotics"),
]
SAME_TITLE = [
    ("Dir. of Marketing", "Director of Marketing"),
    ("Founder & CEO", "CEO & Founder"),
    ("Co-Founder", "Cofounder"),
    ("Software Engineer II", "Software Engineer 2"),
    ("SDR", "Sales Development Representative"),
    ("Manager, Engineering", "Engineering Manager"),
    ("Sr. Recruiter", "Senior Recruiter"),
]
TRAPS = [
    "Dropbox",
    "Apple Bank",
    "Notion Capital",
    "Linear Technology",
    "Ramp Network",
    "Figure",
    "Stealth",
    "Stealth Startup",
    "Self-employed",
    "Freelance",
]
SPELLINGS = ["{}", "{} Inc.", "{}, Inc.", "{} Ltd", "{} GmbH", "{} LLC", "{} Holdings"]


def read_headlines(limit: int | None) -> list[tuple[str, str]]:
    rows = []
    for name in CORPORA:
        with open(RAW / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                rows.append((row["headline"], row.get("summary") or ""))
    return rows[:limit] if limit else rows


def write_feeds(
    folder: Path, headlines: list[tuple[str, str]], now: datetime, rng: random.Random
) -> list[Path]:
    per_feed: list[list[str]] = [[] for _ in range(FEEDS)]
    for i, (title, summary) in enumerate(headlines):
        when = now - timedelta(days=rng.uniform(0.2, 14))
        per_feed[i % FEEDS].append(
            f"<item><title>{escape(title)}</title><description>{escape(summary)}</description>"
            f"<link>https://news.example/{i}</link><guid>https://news.example/{i}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate></item>"
        )
    paths = []
    for n, items in enumerate(per_feed):
        path = folder / f"feed-{n:02d}.xml"
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>feed {n}</title>{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def write_export(path: Path, people: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write('Notes:\n"When exporting your connection data, you may notice..."\n\n')
        w = csv.writer(f)
        w.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for p in people:
            w.writerow([p["first"], p["last"], p["url"], "", p["company"], p["title"], p["on"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    add_json_option(parser)
    args = parser.parse_args()
    rng = random.Random(13)
    now = datetime.now(UTC)
    config = load_config(None)
    with tempfile.TemporaryDirectory(prefix="prospect-scenario-") as tmp:
        folder = Path(tmp)
        db = connect(folder / "scenario.db")
        with write(db):
            for path in write_feeds(folder, read_headlines(300 if args.quick else None), now, rng):
                add_feed(db, str(path), name=path.stem)
        poll(db, config)
        news = db.execute(
            "SELECT DISTINCT company FROM signals WHERE type IN ('funding_round', "
            "'executive_hire') AND company IS NOT NULL"
        ).fetchall()
        gold = sorted({c for (c,) in news if company_of(c) and not is_placeholder(c)})

        serial = iter(range(10**6))
        truth: dict[str, str] = {}  # person -> the company key they really work at

        def person(company: str, title: str, key: str | None = None) -> dict[str, str]:
            n = next(serial)
            first, last = FIRST[n % len(FIRST)], f"{LAST[n // len(FIRST) % len(LAST)]}{n}"
            truth[f"{first} {last}"] = key if key is not None else company_of(company)
            on = (now - timedelta(days=rng.randint(200, 3000))).strftime("%d %b %Y")
            return {
                "first": first,
                "last": last,
                "url": f"https://www.linkedin.com/in/p{n}",
                "company": company,
                "title": title,
                "on": on,
            }

        before: list[dict[str, str]] = []
        for company in gold:
            for _ in range(rng.randint(1, 2)):
                spelt = rng.choice(SPELLINGS).format(company)
                before.append(person(spelt, rng.choice(TITLES), company_of(company)))
            if len(company.split()) == 1:
                before.append(person(f"{company} Capital", "Partner"))  # a false friend
        before += [person(t, rng.choice(TITLES)) for t in TRAPS for _ in range(3)]
        false_changes = []
        for old, new in SAME_COMPANY * 3:
            false_changes.append((person(old, rng.choice(TITLES)), {"company": new}))
        for old, new in SAME_TITLE * 3:
            false_changes.append(
                (person(rng.choice(gold) if gold else "Acme", old), {"title": new})
            )
        moves = []
        for i in range(40):
            p = person("Brightline Analytics" if i % 2 else "Kestrel Freight", rng.choice(TITLES))
            target = rng.choice(gold) if gold and i % 3 else "Copperleaf Systems"
            moves.append((p, {"company": target, "title": "VP of Marketing"}))
        before += [p for p, _ in false_changes + moves]
        after = []
        changed = set()
        for p in before:
            after.append(dict(p))
        index = {p["url"]: i for i, p in enumerate(after)}
        for p, change in false_changes + moves:
            after[index[p["url"]]].update(change)
        for p, change in moves:
            name = f"{p['first']} {p['last']}"
            changed.add(name)
            truth[name] = company_of(change["company"])
        write_export(folder / "old.csv", before)
        write_export(folder / "new.csv", after)
        for name, as_of in (
            ("old.csv", now - timedelta(days=31)),
            ("new.csv", now - timedelta(days=1)),
        ):
            contacts, skipped = read_linkedin(folder / name)
            import_contacts(
                db, contacts, "linkedin", skipped=skipped, as_of=as_of.date().isoformat()
            )
        recorded = {
            r[0] for r in db.execute("SELECT person FROM signals WHERE type = 'job_change'")
        }
        rows = build_list(db, config, ListOptions(limit=0), now)

        def right(row) -> bool:  # type: ignore[no-untyped-def]
            if row.signal.type == "job_change":
                return row.person in changed
            event = company_of(row.signal.company)
            if row.relationship == "direct":
                return truth.get(row.person) == event
            return bool(row.intro) and all(truth.get(c.full_name) == event for c in row.intro[:1])

        gold_events = {
            (t, company_of(c))
            for t, c in db.execute(
                "SELECT type, company FROM signals "
                "WHERE type IN ('funding_round', 'executive_hire')"
            )
            if company_of(c) in {company_of(g) for g in gold}
        }
        found = {(r.signal.type, company_of(r.signal.company)) for r in rows}
        found |= {(s.type, company_of(s.company)) for r in rows for s in r.also}
        top10, top50 = rows[:10], rows[:50]
        hits = len(recorded & changed)
        figures = [
            _share("job-change precision", hits, len(recorded), 0.95),
            _share("job-change recall", hits, len(changed), 0.95),
            _share("top 10 precision", sum(map(right, top10)), len(top10), 1.0),
            _share("top 50 precision", sum(map(right, top50)), len(top50), 0.95),
            _share("gold event recall", len(gold_events & found), len(gold_events), 0.90),
            Figure(
                "false friends or wrong people in the top 50",
                float(sum(not right(r) for r in top50)),
                "",
                target="0",
                ok=all(map(right, top50)),
            ),
        ]
        db.close()
    report(figures, args.json)
    if not args.json:
        print(
            f"world: {len(truth)} contacts, {len(gold)} companies in the news, "
            f"{len(changed)} real job changes, {len(false_changes)} look-alikes",
            file=sys.stderr,
        )


def _share(name: str, hits: int, total: int, target: float) -> Figure:
    value = hits / total if total else 1.0
    return Figure(
        f"{name} ({hits}/{total})", value, "", target=f">= {target:.2f}", ok=value >= target
    )


if __name__ == "__main__":
    main()
