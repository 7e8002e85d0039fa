"""Benchmark: `prospect poll` against the loop a user would write by hand.

A threaded HTTP server on loopback serves N feeds of 50 entries spread over
30 host names (127.0.0.1 ... 127.0.0.30, all loopback on Linux), every
response delayed 100 ms, with ETag / Last-Modified support. Bodies are
generated before timing starts, so the server is never the bottleneck.

Measured in the same run:
  (a) a naive sequential loop of feedparser.parse(url) over the same URLs;
  (b) `prospect poll` on a fresh database (a subprocess, start-up included);
  (c) a second `prospect poll --force`, where every feed answers 304.
  (d) the floor under any poll: every body fetched with httpx, 100 requests in flight,
      then parsed by prospect's own parser on two cores (a pool of two processes).
Targets: (b) <= (a) / 20; (b) <= 1.5 x (d); (c) <= (b) / 2; peak RSS of (b) < 150 MB.

(b) and (c) are run `--runs` times (each (b) on its own fresh database, each
(c) on the database its (b) filled) and the medians are compared: the machine
is noisy. Each run's figures are printed, with the fixed start-up cost
(`prospect poll` with nothing to poll) as a breakdown.

    python bench/bench_poll.py           # 300 feeds
    python bench/bench_poll.py --quick   # 20 feeds, a few seconds
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import feedparser
import httpx

import prospect
from prospect.parse import parse_feed
from prospect.store import connect, write
from prospect.store.feeds import add_feed

HOSTS = 30
ENTRIES = 50
DELAY = 0.1
LAST_MODIFIED = "Tue, 10 Nov 2026 09:00:00 GMT"
WORDS = [
    "market",
    "growth",
    "platform",
    "customers",
    "revenue",
    "cloud",
    "security",
    "data",
    "teams",
    "launch",
]


def make_feed(n: int) -> bytes:
    items = []
    for i in range(ENTRIES):
        words = " ".join(WORDS[(n + i + k) % len(WORDS)] for k in range(6))
        title = (
            f"Company{n}x{i} raises ${i + 1}M in Series B funding"
            if i % 10 == 0
            else f"Feed {n} story {i}: {words}"
        )
        items.append(
            f"<item><title>{title}</title><link>https://news{n}.test/{i}</link>"
            f'<guid isPermaLink="false">feed{n}-item{i}</guid>'
            f"<pubDate>Tue, 10 Nov 2026 {i % 24:02d}:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;{words} {words} &lt;b&gt;{n}&lt;/b&gt;&lt;/p&gt;</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {n}</title><link>https://news{n}.test/</link>"
        f"<description>bench</description>{''.join(items)}</channel></rss>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: ClassVar[dict[str, tuple[bytes, str]]] = {}

    def do_GET(self) -> None:
        time.sleep(DELAY)
        body, etag = self.bodies[self.path]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", LAST_MODIFIED)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def start_servers() -> list[Server]:
    servers = []
    for h in range(1, HOSTS + 1):
        server = Server((f"127.0.0.{h}", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


# Runs a command and writes its time and its largest descendant's peak RSS (KB) to
# argv[1]. The poll is started from this small process, not from the benchmark's
# own: a child's peak RSS counts what it shared with its parent as it started, and
# the benchmark holds every feed's body (124 MB at 6,500 feeds).
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[2:], check=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(f"{seconds} {peak}")
"""


def run_prospect(db: Path, *args: str) -> tuple[float, float]:
    """One `prospect poll`: its seconds and its peak RSS in MB (the poll's
    process or its parse worker, whichever is larger)."""
    rules = db.with_suffix(".yaml")
    if not rules.exists():
        rules.write_text("# empty: the packaged defaults\n", "utf-8")
    figures = db.with_suffix(".run")
    subprocess.run(
        [sys.executable, "-c", _MEASURE, str(figures),
         sys.executable, "-m", "prospect", "--db", str(db), "poll", *args],
        check=True,
        env={**os.environ, "PROSPECT_CONFIG": str(db.with_suffix(".yaml"))},
    )  # fmt: skip
    seconds, peak_kb = figures.read_text().split()
    return float(seconds), int(peak_kb) / 1024


def _fetch_all(urls: list[str], in_flight: int = 100) -> list[bytes]:
    async def fetch() -> list[bytes]:
        room = asyncio.Semaphore(in_flight)
        limits = httpx.Limits(max_connections=in_flight)
        async with httpx.AsyncClient(limits=limits, timeout=60) as client:

            async def one(url: str) -> bytes:
                async with room:
                    return (await client.get(url)).content

            return await asyncio.gather(*(one(url) for url in urls))

    return asyncio.run(fetch())


def _entries_in(body: bytes, url: str) -> int:
    return len(parse_feed(body, {}, url).entries)


def floor(urls: list[str]) -> tuple[float, float, int]:
    """(d): seconds to fetch every body, seconds to parse them on two cores, entries read."""
    start = time.perf_counter()
    bodies = _fetch_all(urls)
    fetched = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        entries = sum(pool.map(_entries_in, bodies, urls, chunksize=8))
    return fetched - start, time.perf_counter() - fetched, entries


def main() -> None:
    global ENTRIES  # make_feed's
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="20 feeds instead of 300")
    ap.add_argument("--feeds", type=int, default=None)
    ap.add_argument("--entries", type=int, default=50, help="entries per feed (50)")
    ap.add_argument("--runs", type=int, default=3, help="runs of (b) and (c); medians compared")
    ap.add_argument(
        "--no-naive",
        action="store_true",
        help="skip (a), the one-feed-at-a-time baseline (minutes at thousands of feeds), and "
        "the floor (d): for growth series, which compare prospect with itself",
    )
    args = ap.parse_args()
    n_feeds = args.feeds or (20 if args.quick else 300)
    ENTRIES = args.entries

    # Measure prospect as installed: pip compiles an installed package's bytecode,
    # so do the same here rather than time the compiler on every run.
    compileall.compile_dir(Path(prospect.__file__).parent, quiet=1)
    servers = start_servers()
    urls = []
    for n in range(n_feeds):
        server = servers[n % HOSTS]
        host, port = server.server_address[:2]
        path = f"/feed/{n}.xml"
        body = make_feed(n)
        Handler.bodies[path] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
        urls.append(f"http://{host}:{port}{path}")
    size = sum(len(b) for b, _ in Handler.bodies.values())
    print(f"{n_feeds} feeds x {ENTRIES} entries ({size / 1e6:.1f} MB) on {HOSTS} hosts, "
          f"{DELAY * 1000:.0f} ms per response", file=sys.stderr)  # fmt: skip

    naive_entries = n_feeds * ENTRIES
    naive = float("nan")
    if not args.no_naive:
        start = time.perf_counter()
        naive_entries = sum(len(feedparser.parse(url).entries) for url in urls)
        naive = time.perf_counter() - start

    fetch_s = parse_s = float("nan")
    floor_note = ""
    if not args.no_naive:  # a growth series compares prospect with itself: no floor
        floors = [floor(urls) for _ in range(args.runs)]  # medians, like (b) and (c)
        assert all(entries == n_feeds * ENTRIES for _, _, entries in floors), floors
        fetch_s = statistics.median(f for f, _, _ in floors)
        parse_s = statistics.median(p for _, p, _ in floors)
        floor_note = (
            f"floor (d), medians: fetch {fetch_s:.2f} s + parse on two cores {parse_s:.2f} s; "
        )

    with tempfile.TemporaryDirectory(prefix="prospect-bench-") as tmp:
        empty = Path(tmp) / "empty.db"
        connect(empty).close()
        startup = statistics.median(run_prospect(empty)[0] for _ in range(3))
        dbs = []
        for i in range(args.runs):
            db_path = Path(tmp) / f"bench{i}.db"
            db = connect(db_path)
            with write(db):
                for url in urls:
                    add_feed(db, url)
            db.close()
            dbs.append(db_path)
        measured = [run_prospect(db_path) for db_path in dbs]
        fresh_runs = [seconds for seconds, _ in measured]
        peak_rss_mb = max(peak for _, peak in measured)
        for db_path in dbs:
            db = connect(db_path)
            stored = db.execute("SELECT count(*) FROM items").fetchone()[0]
            db.close()
            assert stored == n_feeds * ENTRIES, (db_path, stored)
        cached_runs = [run_prospect(db_path, "--force")[0] for db_path in dbs]

    for server in servers:  # shut down together: each waits up to its poll interval
        threading.Thread(target=server.shutdown).start()
    assert naive_entries == n_feeds * ENTRIES, naive_entries
    fresh, cached = statistics.median(fresh_runs), statistics.median(cached_runs)
    print(
        f"runs of (b): {' '.join(f'{t:.2f}' for t in fresh_runs)} s; "
        f"runs of (c): {' '.join(f'{t:.2f}' for t in cached_runs)} s; "
        f"start-up (poll with nothing to poll): {startup:.2f} s; {floor_note}"
        f"peak RSS of (b), largest process: {peak_rss_mb:.1f} MB",
        file=sys.stderr,
    )

    if args.no_naive:
        return
    rows = [
        ("(a) naive feedparser.parse loop", naive, None, None, None),
        ("(d) floor: fetch + parse, 2 cores", fetch_s + parse_s, None, None, None),
        ("(b) prospect poll, fresh db (median)", fresh, naive, fresh / naive, 1 / 20),
        (
            "(b) poll against the floor (d)",
            fresh,
            fetch_s + parse_s,
            fresh / (fetch_s + parse_s),
            1.5,
        ),
        ("(c) poll --force, all 304 (median)", cached, fresh, cached / fresh, 1 / 2),
    ]
    print(f"{'figure':38} {'seconds':>8} {'baseline':>9} {'ratio':>7} {'target':>8}  ok")
    for name, value, base, ratio, target in rows:
        if base is None:
            print(f"{name:38} {value:8.2f} {'':>9} {'':>7} {'':>8}")
            continue
        ok = "yes" if ratio <= target else "NO"
        print(f"{name:38} {value:8.2f} {base:9.2f} {ratio:7.3f} {'<= ' + f'{target:.3f}':>8}  {ok}")
    ok = "yes" if peak_rss_mb < 150 else "NO"
    print(f"{'peak RSS of (b), largest process (MB)':38} {peak_rss_mb:8.1f} {'':>9} {'':>7} "
          f"{'< 150':>8}  {ok}")  # fmt: skip


if __name__ == "__main__":
    main()
