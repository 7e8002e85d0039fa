"""Running the detector over lines of text or a feed's entries, for `prospect detect`.

Each input line is a headline, optionally followed by a TAB and its summary.
The records carry exactly the keys of the jsonl contract.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from typing import Any

from prospect.detect import Detector
from prospect.errors import InputError
from prospect.fetch import fetch_feed, fetch_local, is_local, make_client
from prospect.models import Entry, Signal
from prospect.parse import parse_feed
from prospect.wording import describe_signal

DETECT_COLUMNS = (
    "line", "signal", "company", "person", "role", "previous_company", "round", "amount",
    "currency", "evidence", "confidence",
)  # fmt: skip
# On a screen: the signal in the list's words ("raised $193M Series B", "Acme: layoffs
# (...)") stands for the type, rule, round, amount and role, so that it fits beside the
# company, person and evidence; csv and json keep every column.
DETECT_SCREEN = (
    "line", "company", "what", "person", "previous_company", "evidence", "confidence",
)  # fmt: skip


def signal_record(line: int, signal: Signal) -> dict[str, Any]:
    return {
        "line": line,
        "signal": signal.rule if signal.type == "keyword" else signal.type,
        "company": signal.company,
        "person": signal.person,
        "role": signal.role,
        "previous_company": signal.previous_company,
        "round": signal.round,
        "amount": signal.amount,
        "currency": signal.currency,
        "evidence": signal.evidence,
        "confidence": signal.confidence,
        "what": describe_signal(signal),
    }


def detect_lines(lines: Iterable[str], detector: Detector) -> Iterator[dict[str, Any]]:
    """One record per signal; `line` is the 1-based input line it came from."""
    for number, raw in enumerate(lines, start=1):
        text = raw.rstrip("\r\n")
        if not text.strip():
            continue
        title, _, summary = text.partition("\t")
        for signal in detector.detect(title, summary):
            yield signal_record(number, signal)


def load_feed_entries(source: str) -> list[Entry]:
    """The entries of a feed given as a URL or a file; InputError when it is not a feed."""
    if is_local(source):
        result = fetch_local(source)
    else:

        async def get() -> Any:
            async with make_client() as client:
                return await fetch_feed(client, source)

        result = asyncio.run(get())
    if result.error:
        raise InputError(f"{source}: {result.error}")
    if result.status != 200:
        raise InputError(f"{source}: HTTP {result.status}")
    parsed = parse_feed(result.body, result.headers, source)
    if parsed.error:
        raise InputError(f"{source}: {parsed.error}")
    return parsed.entries


def detect_entries_records(entries: list[Entry], detector: Detector) -> Iterator[dict[str, Any]]:
    """Like detect_lines, with `line` the 1-based position of the entry in the feed."""
    for number, entry in enumerate(entries, start=1):
        for signal in detector.detect(entry.title, entry.summary):
            yield signal_record(number, signal)
