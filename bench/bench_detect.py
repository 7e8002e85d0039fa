"""Detection speed: signals in a feed's entries against a store of companies.

Target: detecting signals in N entries with 15,000 companies in the store costs
at most a quarter of the time feedparser takes to parse those same entries
(`feedparser.parse(bytes)`, default settings), both measured in this run.
Also shows detection time with 1,500 / 15,000 / 150,000 companies: the store
is scanned through a hash-set trie, so the time per entry must stay flat.

The same ratio is measured on real entries: the tech-news and Google News
headlines with their summaries in bench/data (technews.tsv, gnews.tsv; see
SOURCES.md), written as one RSS feed. Their summaries are longer and more
varied than the synthetic feed's, so this is the figure a real morning sees.

Both are CPU times of this process (one thread each, so the same as wall time on
an idle machine, but not taken over by other work on a busy one), measured in
turn -- parse, detect at each size, parse, ... -- and the least of each kept.

    python bench/bench_detect.py [--quick] [--entries N]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import feedparser  # noqa: E402
from evaluate import load_labels  # noqa: E402

from prospect.config import load_config  # noqa: E402
from prospect.detect import Detector  # noqa: E402
from prospect.normalize import normalize_company  # noqa: E402
from prospect.parse import parse_feed  # noqa: E402

DATA = ROOT / "bench" / "data"
TARGET_RATIO = 0.25
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ven",
    "tor",
    "zen",
    "bri",
    "qua",
    "lux",
    "nor",
    "pex",
    "sol",
    "tri",
    "vo",
    "gra",
    "hel",
    "dun",
    "fen",
    "cor",
]
SUFFIXES = ["Labs", "Health", "AI", "Systems", "Robotics", "Pay", "Bio", "Cloud", "", "", ""]


def company_names(n: int, rng: random.Random) -> dict[str, str]:
    names: dict[str, str] = {}
    while len(names) < n:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        if rng.random() < 0.5:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
        name = f"{word} {rng.choice(SUFFIXES)}".strip()
        key = normalize_company(name)
        names[key] = key
    return names


def rss(items: list[str]) -> bytes:
    """RSS 2.0 items in a news site's channel."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>News</title><link>https://news.example/</link><description>News</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def make_feed(n: int, headlines: list[str], rng: random.Random) -> bytes:
    """An RSS 2.0 feed shaped like a news site's: HTML descriptions, links, dates."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    items = []
    for i in range(n):
        title = rng.choice(headlines)
        body = (
            f"<p>{escape(title)}. The company said the money and the new leadership will help "
            "it expand its go-to-market team across North America and Europe over the next "
            "eighteen months, according to a statement released on Tuesday.</p>"
            f'<p>Read more at <a href="https://news.example/{i}">news.example</a>.</p>'
        )
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://news.example/2026/11/{i}</link>"
            f'<guid isPermaLink="false">news-{i}</guid>'
            f"<pubDate>{format_datetime(start + timedelta(minutes=i))}</pubDate>"
            f"<description>{escape(body)}</description></item>"
        )
    return rss(items)


def real_feed() -> tuple[bytes, int]:
    """bench/data's real headlines and summaries as one RSS 2.0 feed."""
    items = []
    for name in ("technews.tsv", "gnews.tsv"):
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                items.append(
                    f"<item><title>{escape(row['headline'])}</title>"
                    f'<guid isPermaLink="false">{name}-{len(items)}</guid>'
                    f"<description>{escape(row['summary'])}</description></item>"
                )
    return rss(items), len(items)


def cpu_seconds(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    parser.add_argument("--entries", type=int, default=None)
    args = parser.parse_args()
    n = args.entries or (300 if args.quick else 2000)
    sizes = (1_500, 15_000) if args.quick else (1_500, 15_000, 150_000)
    repeat = 2 if args.quick else 3
    rng = random.Random(7)
    labels = load_labels(ROOT / "tests/eval/headlines.tsv")
    headlines = [lab.headline for lab in labels]
    body = make_feed(n, headlines, rng)
    config = load_config(None)

    entries = parse_feed(body).entries
    print(f"feed: {n} entries, {len(body) / 1e6:.2f} MB")

    detectors, builds = {}, {}
    for size in sizes:
        companies = company_names(size, rng)
        for lab in labels:  # the eval companies are in the store too
            key = normalize_company(lab.company)
            if key:
                companies[key] = key
        t0 = time.perf_counter()
        detectors[size] = Detector(config, companies)
        builds[size] = time.perf_counter() - t0

    def run(detector: Detector, entries: list = entries) -> None:  # type: ignore[type-arg]
        for e in entries:
            detector.detect(e.title, e.summary)

    parse_runs: list[float] = []
    detect_runs: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(repeat):  # in turn, so that a busy spell slows both alike
        parse_runs.append(cpu_seconds(lambda: feedparser.parse(body)))
        for size in sizes:
            detect_runs[size].append(cpu_seconds(lambda d=detectors[size]: run(d)))
    t_feedparser = min(parse_runs)
    print(f"feedparser.parse (defaults): {t_feedparser:.3f} s  ({n / t_feedparser:,.0f} entries/s)")
    per_size = {size: min(times) for size, times in detect_runs.items()}
    for size in sizes:
        print(
            f"detect with {size:>7,} companies: {per_size[size]:.3f} s "
            f"({n / per_size[size]:,.0f} entries/s; index built once in {builds[size]:.3f} s)"
        )
    t_detect = per_size[15_000]
    ratio = t_detect / t_feedparser
    print(
        f"ratio detect(15,000 companies) / feedparser: {ratio:.3f} "
        f"(target <= {TARGET_RATIO}; {ratio / TARGET_RATIO:.2f} of the target)"
    )
    growth = per_size[sizes[-1]] / per_size[sizes[0]]
    print(
        f"growth {sizes[0]:,} -> {sizes[-1]:,} companies "
        f"(x{sizes[-1] // sizes[0]}): detection time x{growth:.2f}"
    )
    real_body, real_n = real_feed()
    real_entries = parse_feed(real_body).entries
    detector = detectors[15_000]
    real_parse, real_detect = [], []
    for _ in range(repeat):
        real_parse.append(cpu_seconds(lambda: feedparser.parse(real_body)))
        real_detect.append(cpu_seconds(lambda: run(detector, real_entries)))
    real_ratio = min(real_detect) / min(real_parse)
    print(
        f"real entries (bench/data, {real_n}): feedparser {min(real_parse):.3f} s, "
        f"detect {min(real_detect):.3f} s; ratio {real_ratio:.3f} "
        f"({real_ratio / TARGET_RATIO:.2f} of the target)"
    )
    return 0 if max(ratio, real_ratio) <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
