"""Polling: every due feed refreshed concurrently; one feed's failure is its own.

- `refresh_feed` owns one feed's whole refresh, as miniflux's RefreshFeed does:
  fetch (conditional GET) -> parse and detect -> store new entries and their
  signals -> save the feed's poll state. It never raises for one feed's
  problem: the feed is recorded as failed and the others go on.
- `next_poll` is the pure decider, as in lemon24/reader: given the feed, the
  fetch result and the time, it says what to store (validators, errors,
  back-off, Retry-After, 410, a permanent redirect). No I/O, so every rule is
  tested with plain data.
- Concurrency is around `refresh_feed`, not inside it: `asyncio.run` in the
  calling thread, stock `httpx.AsyncClient`s (one per server: `fetch.Clients`),
  `HostLimiter` for politeness. Parsing and detection run beside the loop
  (`Parser`): in a worker process for a poll of `PROCESSES_FROM` feeds or more,
  else in one thread. It starts with the first body to parse, so a poll where
  every feed answers 304 loads neither parser nor the detector. At most
  `MAX_BODIES` bodies are between read and parsed at once: memory stays flat
  however many feeds. A fetch takes its room only once a body is on its way
  (a 304, a redirect or an error holds none), so a re-poll where most feeds
  answer 304 keeps every request it may (`CONCURRENCY`) in flight.
- SQLite is written from the loop's thread only, one short transaction per
  feed (WAL, synchronous=NORMAL: a commit costs no fsync).

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
import functools
import multiprocessing
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from prospect.edgar import edgar_source
from prospect.fetch import (
    CONCURRENCY,
    CONNECT_TIMEOUT,
    PER_HOST,
    READ_TIMEOUT,
    TOTAL_TIMEOUT,
    Clients,
    FetchResult,
    HostLimiter,
    fetch_feed,
    make_client,
)
from prospect.models import Entry, Signal
from prospect.parse import ParsedFeed
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
from prospect.workers import LazyDetector, Parsed, parse_and_detect, parse_in_worker, start_worker

if TYPE_CHECKING:
    from prospect.config import Config

BACKOFF_CAP_HOURS = 72
RETRY_AFTER_CAP = timedelta(days=7)
# The whole poll ends this long after its per-feed timeout at most: every fetch is
# bounded by that timeout from the poll's start (the host queues included), and
# a parse still running or waiting then fails its feed as timed out.
POLL_MARGIN = 10.0
MAX_BODIES = 64  # bodies between read and parsed at once: bodies held in memory
PROCESSES_FROM = 100  # feeds in a poll from which parsing runs in worker processes
PARSE_PROCESSES = 1


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


# --- the decider: pure ------------------------------------------------------------


@dataclass(slots=True)
class NextPoll:
    """What one fetch changes in a feed's poll state."""

    state: dict[str, Any]  # columns of the feeds table
    error: str | None = None  # the feed failed this time: why, in words
    move_to: str | None = None  # a permanent redirect's new address


def backoff(errors: int) -> timedelta:
    """How long a feed with `errors` consecutive errors waits before its next poll."""
    return timedelta(hours=min(2 ** max(errors - 1, 0), BACKOFF_CAP_HOURS))


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def next_poll(feed: FeedRow, result: FetchResult, now: datetime) -> NextPoll:
    """The feed's state after this fetch (and parse: a parse error is in
    `result.error`): validators kept, errors counted and backed off, a server's
    Retry-After obeyed, a 410 disabling the feed, a permanent redirect moving it."""
    state: dict[str, Any] = {"last_status": result.status, "last_polled_at": _iso(now)}
    error = result.error
    if error is None and result.status not in (200, 304):
        error = f"HTTP {result.status}"
    if error is None:
        state.update(last_error=None, error_count=0, next_poll_at=None)
        # keep validators the server sent; a 304 may omit them
        for header, column in (("etag", "etag"), ("last-modified", "last_modified")):
            if header in result.headers:
                state[column] = result.headers[header]
        return NextPoll(state, move_to=result.permanent_redirect)
    errors = feed.error_count + 1
    wait_until = now + backoff(errors)
    if result.retry_after is not None:
        wait_until = min(max(result.retry_after, now), now + RETRY_AFTER_CAP)
    state.update(last_error=error, error_count=errors, next_poll_at=_iso(wait_until))
    if result.gone:
        state["disabled"] = 1
        state["disabled_reason"] = f"410 Gone on {now:%Y-%m-%d}: add it again to re-enable"
        error += " (feed disabled)"
    return NextPoll(state, error=error)


# --- parsing and detection, off the event loop --------------------------------------


class Parser:
    """Runs `parse_and_detect` beside the event loop, so the loop keeps fetching
    while bodies are parsed: in a pool of `PARSE_PROCESSES` worker processes
    for a poll of at least `PROCESSES_FROM` feeds, else in one thread.

    Processes for a large poll: parsing and detection are most of a cold
    poll's CPU, and in a thread they hold the GIL that the loop's every socket
    call and SQLite step must take back (a few milliseconds each time), so
    fetching and storing crawl while anything is parsed; a process runs on the
    other core. A worker costs about a second of CPU to start (importing and
    compiling the detector) and bodies and results are pickled to and fro:
    a poll of a few feeds is done sooner in a thread (bench/bench_poll.py).

    Back-pressure: at most `MAX_BODIES` bodies are between the start of their
    read and the end of their parse (`room()`), so a poll of thousands of
    feeds never holds more than a few dozen bodies, however much faster
    fetching runs than parsing. A fetch waits for room only when it has a
    body to read, with the response's headers in and its connection held."""

    def __init__(
        self, config: Config, companies: Callable[[], Mapping[str, str]], processes: int = 0
    ) -> None:
        self._config = config
        self._companies = companies
        self._processes = processes
        self._executor: Executor | None = None
        self._detector: LazyDetector | None = None
        self._slots = asyncio.Semaphore(MAX_BODIES)

    @contextlib.asynccontextmanager
    async def room(self) -> AsyncIterator[Callable[[], Awaitable[None]]]:
        """Room for one feed's body, for the length of the block: the fetch
        awaits what this yields just before it reads a body, and the room is
        freed when the block ends (the body parsed or given up)."""
        taken = False

        async def take() -> None:
            nonlocal taken
            if not taken:
                await self._slots.acquire()
                taken = True

        try:
            yield take
        finally:
            if taken:
                self._slots.release()

    def _start(self) -> Executor:
        # the companies are read here, in the loop's thread: the connection is its
        if self._processes:
            return ProcessPoolExecutor(
                self._processes,
                mp_context=multiprocessing.get_context("spawn"),  # never fork a threaded process
                initializer=start_worker,
                initargs=(self._config, self._companies()),
            )
        self._detector = LazyDetector(self._config, self._companies())
        return ThreadPoolExecutor(1, thread_name_prefix="prospect-parse")

    def warm(self) -> None:
        """Start the worker processes now, so their start-up (importing and compiling the
        detector) runs beside the first fetches instead of after the first body."""
        if self._processes and self._executor is None:
            self._executor = self._start()
            self._executor.submit(os.getpid)

    async def parse(self, body: bytes, headers: dict[str, str], url: str) -> Parsed:
        if self._executor is None:
            self._executor = self._start()
        if self._processes:
            job = functools.partial(parse_in_worker, body, headers, url)
        else:
            job = functools.partial(parse_and_detect, body, headers, url, self._detector)
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, job)
        except BrokenProcessPool:
            # a worker died (killed, out of memory) or could not start (a script
            # calling poll() without `if __name__ == "__main__":`): the rest of
            # the poll parses in a thread, this feed included
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._processes = 0
            self._executor = self._start()
            return await self.parse(body, headers, url)
        except Exception as exc:  # a crash in the parser fails this feed, not the poll
            return Parsed(ParsedFeed(title=None, error=f"internal error while parsing: {exc!r}"))

    def close(self, wait: bool = True) -> None:
        """Stop parsing; `wait=False` once the poll's time is up, so a parse
        still running cannot hold the poll past it."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)


# --- one feed's refresh ---------------------------------------------------------------


@dataclass(slots=True)
class PollRun:
    """What every feed's refresh in one poll shares."""

    db: Database
    client: Clients
    hosts: HostLimiter
    parser: Parser
    now: datetime
    timeout: float
    ends_at: float  # the event loop's time by which every feed is done
    summary: PollSummary = field(default_factory=PollSummary)
    late: bool = False  # some feed's parse was cut off at `ends_at`
    config: Config | None = None


def _store(
    db: Database, feed: FeedRow, update: NextPoll, parsed: Parsed | None
) -> tuple[list[Entry], list[Signal]]:
    """Save what one refresh found: its new entries and their signals, and the
    feed's state. The caller holds the transaction."""
    if update.move_to:
        move_feed(db, feed.id, update.move_to)
    new_entries: list[Entry] = []
    new_signals: list[Signal] = []
    if update.error is None and parsed is not None:
        for entry in parsed.feed.entries:
            entry.feed_url = feed.url
        new_entries = save_items(db, feed.id, parsed.feed.entries)
        signals = []
        for entry in new_entries:
            for signal in parsed.signals.get(entry.guid, ()):
                signal.item_id = entry.id
                signal.published_at = entry.published_at
                signal.url = entry.url
                signals.append(signal)
        new_signals = save_signals(db, signals)
        if parsed.feed.title:
            update.state["title"] = parsed.feed.title
        if new_entries:
            update.state["last_new_entry_at"] = update.state["last_polled_at"]
    save_feed_state(db, feed.id, **update.state)
    return new_entries, new_signals


async def refresh_feed(run: PollRun, feed: FeedRow) -> None:
    """One feed's whole refresh: fetch, parse and detect, store, save its state.
    Database errors (disk full, read-only) stop the poll: nothing else can work."""
    # SEC EDGAR (prospect/edgar.py): a declared User-Agent, its own rate limit,
    # and each new Form D read into a funding signal; None for any other feed
    edgar = edgar_source(feed.url, run.config)
    parsed = None
    result = FetchResult(url=feed.url, error=f"timed out after {run.timeout:g} s")
    try:
        async with asyncio.timeout_at(run.ends_at):
            async with run.parser.room() as room:  # back-pressure: a bound on bodies in memory
                # every fetch ends within the poll's timeout from its start, its
                # host queue included; a wait for room to read its body is not the
                # server's time and is bounded by the poll's end alone
                if edgar is not None:
                    result = await edgar.fetch(run, feed, room)
                else:
                    result = await fetch_feed(
                        run.client, feed.url, feed.etag, feed.last_modified,
                        host_limit=run.hosts, deadline=run.timeout, before_body=room,
                    )  # fmt: skip
                if result.status == 200 and result.error is None:
                    parsed = await run.parser.parse(result.body, result.headers, feed.url)
                    result.error = parsed.feed.error
                result.body = b""  # parsed (or given up): let the bytes go
            # outside the room: a feed holding room never waits on the network,
            # which fetches waiting for room hold
            if edgar is not None and parsed is not None and result.error is None:
                await edgar.add_filings(run, feed, parsed, result)
    except TimeoutError:
        run.late = True
        parsed = None
        result.error = (
            f"timed out: the poll's {run.timeout + POLL_MARGIN:g} s ran out before "
            "this feed was parsed"
        )
    result.body = b""
    summary = run.summary
    summary.polled += 1
    update = next_poll(feed, result, run.now)
    try:
        with write(run.db):
            new_entries, new_signals = _store(run.db, feed, update, parsed)
    except sqlite3.Error:
        raise
    except Exception as exc:  # a bug on one odd entry fails that feed only
        result.error = f"internal error: {exc!r}"
        update = next_poll(feed, result, run.now)
        with write(run.db):
            _store(run.db, feed, update, None)
        new_entries, new_signals = [], []
    if update.error is not None:
        summary.failed += 1
        summary.errors.append((feed.url, update.error))
    elif parsed is None:
        summary.not_modified += 1
    else:
        summary.new_entries += len(new_entries)
        summary.new_signals += len(new_signals)


# --- the poll: concurrency around refresh_feed ---------------------------------------


async def _refresh_all(
    db: Database,
    config: Config,
    feeds: list[FeedRow],
    summary: PollSummary,
    *,
    concurrency: int,
    per_host: int,
    timeout: float,
    read_timeout: float,
    progress: Callable[[int, int], None] | None,
) -> None:
    processes = PARSE_PROCESSES if len(feeds) >= PROCESSES_FROM else 0
    parser = Parser(config, lambda: company_names(db), processes)
    if sum(not (feed.etag or feed.last_modified) for feed in feeds) >= PROCESSES_FROM:
        parser.warm()  # that many bodies are sure to come: no validator to answer 304 to
    client = make_client(
        read_timeout=min(timeout, read_timeout),
        connect_timeout=min(timeout, CONNECT_TIMEOUT),
        per_host=per_host,
    )
    ends_at = asyncio.get_running_loop().time() + timeout + POLL_MARGIN
    run = PollRun(db, client, HostLimiter(per_host, total=concurrency), parser,
                  datetime.now(UTC), timeout, ends_at, summary, config=config)  # fmt: skip
    done = 0

    async def one(feed: FeedRow) -> None:
        nonlocal done
        await refresh_feed(run, feed)
        done += 1
        if progress:
            progress(done, len(feeds))

    try:
        async with client, asyncio.TaskGroup() as group:
            for feed in feeds:
                group.create_task(one(feed))
    except BaseExceptionGroup as group_error:
        # one feed's refresh raises only for what stops the whole poll (a database
        # error): raise the first such error as itself, not wrapped in a group
        raise group_error.exceptions[0] from None
    finally:
        parser.close(wait=not run.late)


def poll(
    db: Database,
    config: Config,
    *,
    force: bool = False,
    concurrency: int = CONCURRENCY,
    per_host: int = PER_HOST,
    timeout: float = TOTAL_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    progress: Callable[[int, int], None] | None = None,
) -> PollSummary:
    """Poll every due feed; one failing feed never stops the others.

    `timeout` bounds each feed's whole fetch (connect, read, trickling bodies,
    the wait for its host's turn), and the whole poll ends `POLL_MARGIN` seconds
    after it at most; `read_timeout` bounds each read."""
    now = _iso(datetime.now(UTC))
    feeds = feeds_to_poll(db, now, force=force)
    summary = PollSummary(waiting=0 if force else count_waiting(db, now))
    if feeds:
        asyncio.run(
            _refresh_all(db, config, feeds, summary, concurrency=concurrency, per_host=per_host,
                         timeout=timeout, read_timeout=read_timeout, progress=progress)
        )  # fmt: skip
    return summary
