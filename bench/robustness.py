"""Robustness: every file under the given directories goes through `poll`.

Each file is served over a local threaded HTTP server (as application/xml)
and subscribed as a feed in a throwaway database; one `poll` then fetches,
parses, stores and runs detection on all of them, exactly as for real feeds.
A file "went through" when poll handled it without an unhandled exception:
it either gave entries or was recorded as a failed feed with a clear error
("not a feed", "HTTP ..."). A crash inside the parser, the store or the
detector is recorded as "internal error" and counted as NOT going through.

    python bench/robustness.py ../shared/realfeeds ../shared/corpora/feedparser-tests
    python bench/robustness.py --quick DIR   # 50 files spread over the directories

Next to the files, every hostile server of tests/hostile_http.py is subscribed
too (redirects to mailto: and data:, absurd Retry-After, stacked or unknown
Content-Encoding, gzip bombs, broken chunking, no status line ...): each must
end as a stored feed or a failed one with a readable error, never a crash, and
the corpus files must go through as they do alone. `--no-hostile` leaves them out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote, unquote

from _report import Figure, add_json_option, report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hostile_http import HOSTILE, serve_responses

from prospect.config import load_config
from prospect.poll import poll
from prospect.store import connect, write
from prospect.store.feeds import add_feed, list_feeds


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    files: ClassVar[dict[str, Path]] = {}

    def do_GET(self) -> None:
        path = self.files.get(unquote(self.path))
        if path is None:
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--quick", action="store_true", help="50 files spread over the directories")
    ap.add_argument("--no-hostile", action="store_true", help="only the files, no hostile servers")
    add_json_option(ap)
    args = ap.parse_args()
    say = sys.stderr if args.json else sys.stdout
    files = sorted(p for d in args.dirs for p in d.rglob("*") if p.is_file())
    if args.quick:  # every n-th file, so each directory is sampled
        files = files[:: max(1, len(files) // 50)][:50]
    if not files:
        print("no files found", file=sys.stderr)
        return 1

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = {}
    for i, path in enumerate(files):
        route = f"/{i}/{quote(path.name)}"
        Handler.files[unquote(route)] = path
        urls[base + route] = path

    with (
        tempfile.TemporaryDirectory(prefix="prospect-robustness-") as tmp,
        serve_responses() as hostile_server,
    ):
        hostile = {} if args.no_hostile else {
            f"{hostile_server.url}/hostile/{name}": name for name in HOSTILE
        }  # fmt: skip
        db = connect(Path(tmp) / "robustness.db")
        with write(db):
            for url in [*urls, *hostile]:
                add_feed(db, url)
        start = time.perf_counter()
        summary = poll(db, load_config(None), timeout=20)
        elapsed = time.perf_counter() - start
        rows = list_feeds(db)
        items = db.execute("SELECT count(*) FROM items").fetchone()[0]
        db.close()
    server.shutdown()
    hostile_rows = [r for r in rows if (r["original_url"] or r["url"]) in hostile]
    rows = [r for r in rows if (r["original_url"] or r["url"]) not in hostile]

    outcomes: Counter[str] = Counter()
    crashed = []
    for row in rows:
        error = row["last_error"]
        if error is None:
            outcomes["parsed"] += 1
        elif error.startswith("internal error"):
            crashed.append((urls.get(row["url"]) or urls.get(row["original_url"]), error))
        else:
            outcomes[error.split(":")[0]] += 1
    through = len(rows) - len(crashed)
    share = 100 * through / len(files)
    print(
        f"{through}/{len(files)} files went through poll without an unhandled exception",
        file=say,
    )
    print(f"({share:.1f}%), in {elapsed:.1f} s; {items} entries stored", file=say)
    print(f"poll: {summary.line()}", file=say)
    for outcome, count in outcomes.most_common():
        print(f"  {count:5d}  {outcome}", file=say)
    for path, error in crashed:
        print(f"  CRASH {path}: {error}", file=say)
    hostile_crashed = []
    if hostile:
        print(f"{len(hostile)} hostile servers:", file=say)
        for row in hostile_rows:
            name = hostile[row["original_url"] or row["url"]]
            error = row["last_error"]
            if error and (error.startswith("internal error") or not error.isprintable()):
                hostile_crashed.append(name)
            print(f"  {name:24} {error or 'read and stored'}", file=say)
    crashed += [(Path(name), "hostile server") for name in hostile_crashed]
    if args.json:
        report(
            [
                Figure(f"feed files through poll (of {len(files)})", share, "%",
                       None, None, "100 %", not crashed),
                Figure(f"poll of {len(files)} feed files", elapsed, "s"),
                Figure(f"hostile servers failing their feed only (of {len(hostile)})",
                       len(hostile) - len(hostile_crashed), "", None, None, str(len(hostile)),
                       not hostile_crashed),
            ],
            True,
        )  # fmt: skip
    return 0 if not crashed else 1


if __name__ == "__main__":
    sys.exit(main())
