"""Polling: fetch every due feed concurrently, parse, store new entries, detect.

`refresh_feed` owns one feed's whole refresh after its fetch (like miniflux's
RefreshFeed): save validators and status, parse, store new entries, detect
signals in them. `poll` runs the fetches concurrently around it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from prospect.config import Config
from prospect.detect import Detector
from prospect.fetch import FetchResult, fetch_feed, make_client
from prospect.models import Entry, Signal
from prospect.parse import parse_feed
from prospect.store import now_iso, write
from prospect.store.contacts import company_names
from prospect.store.feeds import FeedRow, feeds_to_poll, save_feed_state, save_items
from prospect.store.signals import save_signals


@dataclass(slots=True)
class PollSummary:
    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    new_signals: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.polled} feeds polled, {self.not_modified} not modified, {self.failed} failed; "
            f"{self.new_entries} new entries, {self.new_signals} new signals"
        )


def detect_entries(entries: list[Entry], detector: Detector) -> list[Signal]:
    """Signals in stored entries, tied to the entry they came from."""
    signals = []
    for entry in entries:
        for signal in detector.detect(entry.title, entry.summary):
            signal.item_id = entry.id
            signal.published_at = entry.published_at
            signal.url = entry.url
            signals.append(signal)
    return signals


def refresh_feed(
    db: Database, feed: FeedRow, result: FetchResult, detector: Detector, summary: PollSummary
) -> None:
    """Everything after the fetch of one feed, in one transaction."""
    stamp = now_iso()
    summary.polled += 1
    if result.error or (result.status is not None and result.status not in (200, 304)):
        error = result.error or f"HTTP {result.status}"
        summary.failed += 1
        summary.errors.append((feed.url, error))
        with write(db):
            save_feed_state(
                db, feed.id, last_status=result.status, last_error=error,
                error_count=feed.error_count + 1, last_polled_at=stamp,
            )  # fmt: skip
        return
    if result.not_modified:
        summary.not_modified += 1
        with write(db):
            save_feed_state(
                db, feed.id, last_status=304, last_error=None, error_count=0, last_polled_at=stamp
            )
        return
    parsed = parse_feed(result.body, result.headers, feed.url)
    if parsed.error:
        summary.failed += 1
        summary.errors.append((feed.url, parsed.error))
        with write(db):
            save_feed_state(
                db, feed.id, last_status=result.status, last_error=parsed.error,
                error_count=feed.error_count + 1, last_polled_at=stamp,
            )  # fmt: skip
        return
    with write(db):
        new_entries = save_items(db, feed.id, parsed.entries)
        new_signals = save_signals(db, detect_entries(new_entries, detector))
        state = {
            "last_status": result.status,
            "last_error": None,
            "error_count": 0,
            "last_polled_at": stamp,
            "etag": result.headers.get("etag"),
            "last_modified": result.headers.get("last-modified"),
        }
        if parsed.title:
            state["title"] = parsed.title
        if new_entries:
            state["last_new_entry_at"] = stamp
        save_feed_state(db, feed.id, **state)
    summary.new_entries += len(new_entries)
    summary.new_signals += len(new_signals)


async def _fetch_all(
    feeds: list[FeedRow], on_done: Callable[[FeedRow, FetchResult], None], concurrency: int
) -> None:
    limit = asyncio.Semaphore(concurrency)
    async with make_client() as client:

        async def one(feed: FeedRow) -> None:
            async with limit:
                result = await fetch_feed(client, feed.url, feed.etag, feed.last_modified)
            on_done(feed, result)

        await asyncio.gather(*(one(f) for f in feeds))


def poll(
    db: Database,
    config: Config,
    *,
    force: bool = False,
    concurrency: int = 20,
    progress: Callable[[int, int], None] | None = None,
) -> PollSummary:
    """Poll every due feed; one failing feed never stops the others."""
    feeds = feeds_to_poll(db, now_iso(), force=force)
    detector = Detector(config, company_names(db))
    summary = PollSummary()
    done = 0

    def on_done(feed: FeedRow, result: FetchResult) -> None:
        nonlocal done
        refresh_feed(db, feed, result, detector, summary)
        done += 1
        if progress:
            progress(done, len(feeds))

    asyncio.run(_fetch_all(feeds, on_done, concurrency))
    return summary
