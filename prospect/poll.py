"""Polling: fetch every due feed concurrently, parse, store new entries, detect.

How the work is split, and why:

- An asyncio event loop in a background thread fetches with one
  `httpx.AsyncClient` (a global limit plus a small per-host limit, see
  fetch.py). Parsing is CPU-bound, so it never runs on the loop: bodies go to
  a pool of worker processes when there are enough feeds for both cores to
  pay off (a thread otherwise: starting processes costs more than a few small
  parses). The workers also detect signals in every entry they parse, so
  detection runs on every core too; the store still decides what is new.
- Nothing is loaded before it is needed: the workers are forked at the start
  (a fork of a small process takes milliseconds, and forking once threads run
  can deadlock), but feedparser and the detector (whose hundreds of
  patterns take tens of milliseconds to compile) are loaded by each worker
  with its first feed. A poll where every feed answers 304 loads neither.
- The calling thread owns the SQLite connection. It takes parsed feeds from a
  queue and, in one transaction per batch, stores their new entries, detects
  what the workers did not, and saves the signals. So writing overlaps with
  fetching and parsing.
- `refresh_feed` owns everything after one feed's fetch: status, validators,
  redirects, back-off, entries, signals. A feed that fails is recorded and
  never stops the others.

Back-off: after `n` consecutive errors a feed waits `2**(n-1)` hours before
its next poll, capped at 72 hours (1 h, 2 h, 4 h ... 3 days), close to
Feedbin's `clamp(errors, 8, 23)**4` seconds but gentler for the first error,
which is often a blip on a tool run once a morning. A 429/503 with
Retry-After waits exactly as long as the server asked (at most 7 days).
`--force` polls feeds in back-off too; a 410 Gone disables a feed until it is
added again.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import functools
import multiprocessing
import os
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from signal import SIGKILL
from typing import TYPE_CHECKING

from sqlite_utils import Database

from prospect.fetch import (
    CONCURRENCY,
    CONNECT_TIMEOUT,
    PER_HOST,
    READ_TIMEOUT,
    TOTAL_TIMEOUT,
    FetchResult,
    HostLimiter,
    fetch_feed,
    make_client,
)
from prospect.lock import forget_inherited_locks
from prospect.models import Entry, Signal
from prospect.parse import ParsedFeed, parse_feed
from prospect.store import write
from prospect.store.contacts import company_names
from prospect.store.feeds import (
    FeedRow,
    count_waiting,
    feeds_to_poll,
    move_feed,
    save_feed_state,
    save_items,
)
from prospect.store.signals import save_signals

if TYPE_CHECKING:
    from prospect.config import Config
    from prospect.detect import Detector

BACKOFF_CAP_HOURS = 72
RETRY_AFTER_CAP = timedelta(days=7)
PROCESS_POOL_MIN_FEEDS = 16  # below this, a thread parses: no process start-up cost
BATCH = 64  # feeds stored per transaction at most


@dataclass(slots=True)
class PollSummary:
    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    new_signals: int = 0
    waiting: int = 0  # feeds in back-off, not polled this time
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        text = (
            f"{self.polled} feeds polled, {self.not_modified} not modified, {self.failed} failed; "
            f"{self.new_entries} new entries, {self.new_signals} new signals"
        )
        if self.waiting:
            text += f"; {self.waiting} in back-off (--force polls them)"
        return text


@dataclass(slots=True)
class Fetched:
    """One feed's fetch, and its parse when there was a body."""

    feed: FeedRow
    result: FetchResult
    parsed: ParsedFeed | None = None


class LazyDetector:
    """The poll's one `Detector`, built the first time an entry needs it."""

    def __init__(
        self, config: Config, companies: Mapping[str, str] | Callable[[], Mapping[str, str]]
    ) -> None:
        self._config = config
        self._companies = companies
        self._detector: Detector | None = None

    def detect(self, title: str, summary: str = "") -> list[Signal]:
        if self._detector is None:
            from prospect.detect import Detector  # compiles every pattern: only when needed

            companies = self._companies() if callable(self._companies) else self._companies
            self._detector = Detector(self._config, companies)
        return self._detector.detect(title, summary)


def backoff(errors: int) -> timedelta:
    """How long a feed with `errors` consecutive errors waits before its next poll."""
    return timedelta(hours=min(2 ** max(errors - 1, 0), BACKOFF_CAP_HOURS))


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def detect_entries(
    entries: list[Entry],
    detector: Detector | LazyDetector,
    found: dict[str, list[Signal]] | None = None,
) -> list[Signal]:
    """Signals in stored entries, tied to the entry they came from. `found` holds
    what a parse worker already detected, by guid; the rest is detected here."""
    signals = []
    for entry in entries:
        if found is not None and entry.guid in found:
            hits = found[entry.guid]
        else:
            hits = detector.detect(entry.title, entry.summary)
        for signal in hits:
            signal.item_id = entry.id
            signal.published_at = entry.published_at
            signal.url = entry.url
            signals.append(signal)
    return signals


def _fail(
    db: Database,
    feed: FeedRow,
    result: FetchResult,
    error: str,
    now: datetime,
    summary: PollSummary,
) -> None:
    errors = feed.error_count + 1
    state: dict = {
        "last_status": result.status,
        "last_error": error,
        "error_count": errors,
        "last_polled_at": _iso(now),
        "next_poll_at": _iso(now + backoff(errors)),
    }
    if result.retry_after is not None:
        state["next_poll_at"] = _iso(min(max(result.retry_after, now), now + RETRY_AFTER_CAP))
    if result.gone:
        state["disabled"] = 1
        state["disabled_reason"] = f"410 Gone on {now:%Y-%m-%d}: add it again to re-enable"
        error += " (feed disabled)"
    save_feed_state(db, feed.id, **state)
    summary.failed += 1
    summary.errors.append((feed.url, error))


def refresh_feed(
    db: Database,
    fetched: Fetched,
    detector: Detector | LazyDetector,
    summary: PollSummary,
    now: datetime,
) -> None:
    """Everything after the fetch of one feed; the caller holds the transaction."""
    feed, result, parsed = fetched.feed, fetched.result, fetched.parsed
    if result.error or result.status not in (200, 304):
        _fail(db, feed, result, result.error or f"HTTP {result.status}", now, summary)
        return
    if parsed is not None and parsed.error:
        _fail(db, feed, result, parsed.error, now, summary)
        return
    state: dict = {
        "last_status": result.status,
        "last_error": None,
        "error_count": 0,
        "last_polled_at": _iso(now),
        "next_poll_at": None,
    }
    # keep validators the server sent; a 304 may omit them
    for header, column in (("etag", "etag"), ("last-modified", "last_modified")):
        if header in result.headers:
            state[column] = result.headers[header]
    if result.permanent_redirect:
        move_feed(db, feed.id, result.permanent_redirect)
    if result.not_modified or parsed is None:
        summary.not_modified += 1
        save_feed_state(db, feed.id, **state)
        return
    for entry in parsed.entries:
        entry.feed_url = feed.url
    new_entries = save_items(db, feed.id, parsed.entries)
    new_signals = save_signals(db, detect_entries(new_entries, detector, parsed.detected))
    if parsed.title:
        state["title"] = parsed.title
    if new_entries:
        state["last_new_entry_at"] = _iso(now)
    save_feed_state(db, feed.id, **state)
    summary.new_entries += len(new_entries)
    summary.new_signals += len(new_signals)


def _refresh_safely(
    db: Database,
    fetched: Fetched,
    detector: Detector | LazyDetector,
    summary: PollSummary,
    now: datetime,
) -> None:
    """One feed's refresh in a savepoint: a bug on one odd entry fails that feed only.
    Database errors (disk full, read-only) still stop the poll: nothing else can work."""
    summary.polled += 1
    if fetched.result.not_modified and not fetched.result.permanent_redirect:
        # one UPDATE of the feed's state, atomic on its own: no savepoint needed
        refresh_feed(db, fetched, detector, summary, now)
        return
    try:
        with write(db):
            refresh_feed(db, fetched, detector, summary, now)
    except sqlite3.Error:
        raise
    except Exception as exc:
        with write(db):
            _fail(db, fetched.feed, fetched.result, f"internal error: {exc!r}", now, summary)


# --- fetching and parsing, in the background thread --------------------------------


_worker_detector: LazyDetector | None = None  # a forked worker's own, built on first use


def _init_worker(setup: tuple[Config, Mapping[str, str]] | None) -> None:
    """A parse worker dies with its parent and never holds the parent's run lock.
    `setup` (the config and the store's companies) reaches a forked worker
    without pickling: it detects with a Detector of its own."""
    global _worker_detector
    forget_inherited_locks()
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, SIGKILL)  # PR_SET_PDEATHSIG: killed when the parent dies
    if setup is not None:
        _worker_detector = LazyDetector(*setup)


def parse_and_detect(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    """In a forked worker: parse, then detect signals in every entry, so
    detection runs on every core too. The store still decides what is new; an
    entry already stored costs its detection (a tenth of its parse) and
    nothing else, which is cheaper than reading every stored guid first."""
    parsed = parse_feed(body, headers, url)
    if _worker_detector is not None and parsed.error is None:
        detect = _worker_detector.detect
        parsed.detected = {e.guid: detect(e.title, e.summary) for e in parsed.entries}
    return parsed


class _Parser:
    """Parses off the event loop: worker processes for big polls, a thread otherwise.

    On Linux the workers are forked, which costs milliseconds instead of a fresh
    interpreter each, and they get the poll's config and companies, so they
    detect signals as well. They are forked in `start()`,
    before the fetching thread exists: forking a process that runs threads can
    deadlock."""

    def __init__(
        self, use_processes: bool, config: Config, companies: Mapping[str, str] | None
    ) -> None:
        self._executor: Executor
        self._forked = use_processes and sys.platform == "linux"
        if use_processes:
            context = multiprocessing.get_context("fork" if self._forked else "spawn")
            workers = min(os.cpu_count() or 1, 4)
            setup = (config, companies or {}) if self._forked else None
            self._executor = ProcessPoolExecutor(
                workers, mp_context=context, initializer=_init_worker, initargs=(setup,)
            )
        else:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="prospect-parse")

    def start(self) -> None:
        """Start the workers now, from the calling thread (with fork, the first
        submit starts them all; nothing waits for them)."""
        if isinstance(self._executor, ProcessPoolExecutor):
            self._executor.submit(int)

    async def parse(self, body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
        loop = asyncio.get_running_loop()
        try:
            if self._forked:
                job = functools.partial(parse_and_detect, body, headers, url)
            else:
                job = functools.partial(parse_feed, body, headers, url)
            return await loop.run_in_executor(self._executor, job)
        except Exception as exc:  # a crash in the parser fails this feed, not the poll
            return ParsedFeed(title=None, error=f"internal error while parsing: {exc!r}")

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


async def _fetch_all(
    feeds: list[FeedRow],
    put: Callable[[Fetched], None],
    parser: _Parser,
    concurrency: int,
    per_host: int,
    timeout: float,
) -> None:
    host_limit = HostLimiter(per_host, total=concurrency)
    async with make_client(
        read_timeout=min(timeout, READ_TIMEOUT),
        connect_timeout=min(timeout, CONNECT_TIMEOUT),
        per_host=per_host,
    ) as client:

        async def one(feed: FeedRow) -> None:
            result = await fetch_feed(
                client,
                feed.url,
                feed.etag,
                feed.last_modified,
                host_limit=host_limit,
                deadline=timeout,
            )
            parsed = None
            if result.status == 200 and not result.error:
                parsed = await parser.parse(result.body, result.headers, feed.url)
                result.body = b""  # parsed: let the bytes go
            put(Fetched(feed, result, parsed))

        await asyncio.gather(*(one(f) for f in feeds))


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed (Linux, macOS): its event loop costs about a
    third less CPU per request, which is most of a poll where every feed is 304."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def poll(
    db: Database,
    config: Config,
    *,
    force: bool = False,
    concurrency: int = CONCURRENCY,
    per_host: int = PER_HOST,
    timeout: float = TOTAL_TIMEOUT,
    progress: Callable[[int, int], None] | None = None,
) -> PollSummary:
    """Poll every due feed; one failing feed never stops the others.

    `timeout` bounds each feed's whole fetch (connect, read, trickling bodies)."""
    now = datetime.now(UTC)
    feeds = feeds_to_poll(db, _iso(now), force=force)
    summary = PollSummary(waiting=0 if force else count_waiting(db, _iso(now)))
    if not feeds:
        return summary
    results: queue.Queue[Fetched | BaseException | None] = queue.Queue()
    use_processes = len(feeds) >= PROCESS_POOL_MIN_FEEDS and (os.cpu_count() or 1) > 1
    # forked workers need the companies up front; a thread-mode poll reads them when needed
    companies = company_names(db) if use_processes else None
    detector = LazyDetector(config, lambda: company_names(db) if companies is None else companies)
    parser = _Parser(use_processes, config, companies)
    parser.start()
    loop_box: list[asyncio.AbstractEventLoop] = []

    def fetcher() -> None:
        async def main() -> None:
            loop_box.append(asyncio.get_running_loop())
            await _fetch_all(feeds, results.put, parser, concurrency, per_host, timeout)

        try:
            with asyncio.Runner(loop_factory=_loop_factory()) as runner:
                runner.run(main())
        except BaseException as exc:  # handed to the calling thread, raised there
            results.put(exc)
        finally:
            parser.close()
            results.put(None)

    thread = threading.Thread(target=fetcher, name="prospect-fetch", daemon=True)
    thread.start()
    done = 0
    try:
        finished = False
        while not finished:
            batch = [results.get()]
            while len(batch) < BATCH and not results.empty():
                batch.append(results.get_nowait())
            fetched = [b for b in batch if isinstance(b, Fetched)]
            with write(db):
                for item in fetched:
                    _refresh_safely(db, item, detector, summary, now)
            done += len(fetched)
            if progress and fetched:
                progress(done, len(feeds))
            for b in batch:
                if isinstance(b, BaseException):
                    raise b
                finished = finished or b is None
    finally:
        if thread.is_alive() and loop_box:
            # stop fetching if storing failed (or on Ctrl-C): cancel every task
            loop = loop_box[0]
            with contextlib.suppress(RuntimeError):  # the loop already closed
                loop.call_soon_threadsafe(lambda: [t.cancel() for t in asyncio.all_tasks(loop)])
        thread.join()
    return summary
