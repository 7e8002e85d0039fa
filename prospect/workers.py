"""Parsing and detection for a poll, in a worker process or a thread.

What runs beside a poll's event loop: a feed's body is parsed
(`parse.parse_feed`) and every entry's text goes through the detector. It is
kept apart from `poll.py` so that a worker process imports only what it runs
(the parsers, the rules, the detector), never httpx or the store.

A process pool gets its detector once per worker (`start_worker`: the rules
and the known companies are sent once, not with every body); a thread shares
the poll's `LazyDetector`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prospect.models import Signal
from prospect.parse import ParsedFeed, parse_feed

if TYPE_CHECKING:
    from prospect.config import Config
    from prospect.detect import Detector


@dataclass(slots=True)
class Parsed:
    """A parsed feed and the signals in each of its entries, by guid."""

    feed: ParsedFeed
    signals: dict[str, list[Signal]] = field(default_factory=dict)


class LazyDetector:
    """A `Detector` built the first time an entry needs one (its patterns take
    tens of milliseconds to compile; the companies may come from the store)."""

    def __init__(
        self, config: Config, companies: Mapping[str, str] | Callable[[], Mapping[str, str]]
    ) -> None:
        self._config = config
        self._companies = companies
        self._detector: Detector | None = None

    def detect(self, title: str, summary: str = "") -> list[Signal]:
        if self._detector is None:
            from prospect.detect import Detector

            companies = self._companies() if callable(self._companies) else self._companies
            self._detector = Detector(self._config, companies)
        return self._detector.detect(title, summary)


def parse_and_detect(
    body: bytes, headers: dict[str, str], url: str, detector: LazyDetector | None
) -> Parsed:
    """Parse a feed, then detect signals in every entry: the one place a poll
    detects. The store decides later which entries are new; an entry already
    stored costs its detection and nothing else."""
    parsed = parse_feed(body, headers, url)
    if parsed.error is not None or detector is None:
        return Parsed(parsed)
    detect = detector.detect
    return Parsed(parsed, {e.guid: detect(e.title, e.summary) for e in parsed.entries})


# --- in a worker process --------------------------------------------------------------

_detector: LazyDetector | None = None


def start_worker(config: Config, companies: Mapping[str, str]) -> None:
    """A worker process's initializer: its detector, for every body it parses."""
    global _detector
    _detector = LazyDetector(config, companies)
    _detector.detect("")  # build it now, while the first bodies are still on their way


def parse_in_worker(body: bytes, headers: dict[str, str], url: str) -> Parsed:
    return parse_and_detect(body, headers, url, _detector)
