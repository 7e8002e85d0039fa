"""`prospect demo`: the whole pipeline on bundled sample data, offline.

It goes through the same functions as the real commands -- import, feeds add,
poll, list -- on a throwaway database in a temporary directory, never the
user's own. The sample feeds carry fixed dates, so the list is ranked as of
`DEMO_NOW`, the morning after the newest sample headline.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from prospect.config import load_config
from prospect.importers import ImportSummary, import_contacts
from prospect.importers.linkedin import read_linkedin
from prospect.models import Row
from prospect.outreach import ListOptions, build_list
from prospect.poll import PollSummary, poll
from prospect.store import connect, write
from prospect.store.contacts import ensure_companies
from prospect.store.feeds import add_feed

DEMO_NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
EXPORTS = ("connections-2026-10.csv", "Connections.csv")  # older first: shows job changes


@dataclass(slots=True)
class DemoResult:
    imports: list[ImportSummary]
    poll: PollSummary
    rows: list[Row]
    now: datetime


@contextlib.contextmanager
def demo_data() -> Iterator[Path]:
    """The bundled sample data as a real directory."""
    with resources.as_file(resources.files("prospect").joinpath("data", "demo")) as path:
        yield Path(path)


def run_demo(
    say: Callable[[str], None] = lambda _msg: None, limit: int | None = None
) -> DemoResult:
    config = load_config(None)
    with demo_data() as data, tempfile.TemporaryDirectory(prefix="prospect-demo-") as tmp:
        db = connect(Path(tmp) / "demo.db")
        try:
            with write(db):
                ensure_companies(db, config.aliases)
            imports = []
            for name in EXPORTS:
                contacts, skipped = read_linkedin(data / name)
                summary = import_contacts(
                    db,
                    contacts,
                    "linkedin",
                    skipped=skipped,
                    job_changes=config.signals["job_change"].enabled,
                )
                imports.append(summary)
                say(f"import {name}: {summary.line()}")
            with write(db):
                for feed in sorted((data / "feeds").iterdir()):
                    add_feed(db, str(feed), name=feed.stem, tag="demo")
            polled = poll(db, config)
            say(f"poll: {polled.line()}")
            rows = build_list(db, config, ListOptions(limit=limit), now=DEMO_NOW)
        finally:
            db.close()
    return DemoResult(imports=imports, poll=polled, rows=rows, now=DEMO_NOW)
