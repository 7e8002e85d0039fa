"""Rendering: the outreach list and other records as a table, CSV, JSON or JSONL.

Data goes to stdout, messages to stderr. Whether stdout is a terminal, and
whether colour is wanted, is decided once in `Terminal`, so tests can simulate
a pipe. CSV cells that a spreadsheet would run as a formula are escaped, and
control characters (terminal escape sequences in hostile headlines) are made
inert before anything is printed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from prospect.models import Row
from prospect.wording import describe_signal, when_words

FORMATS = ("table", "csv", "json", "jsonl")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
# "Trojan Source" characters that make a name display as something else. Right-to-
# left text needs none of them; its marks (U+200E, U+200F) are kept.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets may trim leading blanks before deciding a cell is a formula.
_LEADING_BLANKS = " \t\r\n\u00a0"


def inert(value: Any) -> str:
    """A value as text with control characters (ESC included) and bidi overrides
    shown, not obeyed: every place that shows text a feed or an export wrote
    (table, CSV, digest) calls this."""
    if value is None:
        return ""
    text = str(value)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
    return _BIDI.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def csv_cell(value: Any) -> Any:
    """Escape a cell a spreadsheet would run as a formula (OWASP's advice), also
    when blanks come first: some importers trim them, and the formula runs."""
    if isinstance(value, str) and (
        value.startswith(_FORMULA_START) or value.lstrip(_LEADING_BLANKS).startswith(_FORMULA_START)
    ):
        return "'" + value
    return value


@dataclass(slots=True)
class Terminal:
    """Where output goes and how it looks; decided once per run."""

    out: TextIO
    err: TextIO
    color: bool
    interactive: bool

    @classmethod
    def detect(cls, out: TextIO | None = None, err: TextIO | None = None) -> Terminal:
        out = out or sys.stdout
        err = err or sys.stderr
        interactive = _isatty(out)
        color = interactive and not os.environ.get("NO_COLOR")
        return cls(out=out, err=err, color=color, interactive=interactive)

    def console(self) -> Console:
        return Console(
            file=self.out,
            no_color=not self.color,
            highlight=False,
            force_terminal=self.color or None,
            width=None if self.interactive else 160,
        )

    def messages(self) -> Console:
        err_tty = _isatty(self.err)
        return Console(
            file=self.err,
            no_color=not err_tty or bool(os.environ.get("NO_COLOR")),
            highlight=False,
            stderr=True,
        )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- generic records -----------------------------------------------------------


TABLE_ROWS = 500  # rows a table shows on a terminal; the other formats give every row


def render_records(
    records: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    term: Terminal,
    title: str | None = None,
) -> None:
    """Print records in the chosen format, columns in the given order."""
    if fmt == "json":
        term.out.write(
            json.dumps(
                [{c: r.get(c) for c in columns} for r in records],
                indent=2,
                ensure_ascii=False,
                default=str,
            )
            + "\n"
        )
    elif fmt == "jsonl":
        for r in records:
            term.out.write(
                json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n"
            )
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in records:
            writer.writerow(
                [csv_cell(inert(r.get(c)) if r.get(c) is not None else "") for c in columns]
            )
        term.out.write(buf.getvalue())
    else:
        shown = records
        if term.interactive and len(records) > TABLE_ROWS:
            # a table is for reading: rich takes seconds per thousand rows, and
            # nobody scrolls through 30,000 contacts in a terminal
            shown = records[:TABLE_ROWS]
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            table.add_column(c.replace("_", " "), overflow="fold")
        for r in shown:
            table.add_row(*(Text(inert(r.get(c))) for c in columns))
        term.console().print(table)
        if len(shown) < len(records):
            term.messages().print(
                f"{len(records) - len(shown):,} more not shown: "
                "--format csv or json gives every row (also into a pipe or file)",
                markup=False,
            )


# --- the outreach list ---------------------------------------------------------

# The machine-readable contract of `prospect list` (CSV header, JSON keys), in
# this order. Add columns at the end; never rename or remove one.
LIST_COLUMNS = (
    "rank", "person", "title", "company", "signal", "when", "why_now", "intro", "score",
    "strength", "recency", "relationship", "fit", "signal_type", "published_at", "url",
    "also", "person_key", "contact_id", "signal_id", "relationship_score", "sources", "state",
)  # fmt: skip


def intro_text(row: Row) -> str:
    """'ask <contact>, <their title> at <company>, for an introduction' for the best introducer."""
    if not row.intro:
        return ""
    first = row.intro[0]
    title = f", {first.title}" if first.title else ""
    more = f" (or {len(row.intro) - 1} more)" if len(row.intro) > 1 else ""
    return (
        f"ask {first.full_name}{title} at {first.company or row.company}, for an introduction{more}"
    )


def also_text(row: Row, now: datetime) -> str:
    return "; ".join(f"{describe_signal(s)} {when_words(s, now)}" for s in row.also)


def row_record(row: Row, now: datetime) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "person": row.person,
        "title": row.title,
        "company": row.company,
        "signal": row.headline,
        "when": when_words(row.signal, now),
        "why_now": row.why,
        "intro": intro_text(row),
        "score": round(row.score.total, 4),
        "strength": row.score.strength,
        "recency": row.score.recency,
        "relationship": row.relationship,
        "fit": row.score.fit,
        "signal_type": row.signal.type,
        "published_at": row.signal.published_at,
        "url": row.signal.url,
        "also": also_text(row, now),
        "person_key": row.person_key,
        "contact_id": row.contact_id,
        "signal_id": row.signal.id,
        "relationship_score": row.score.relationship,
        "sources": " ".join(dict.fromkeys(s.url for s in row.evidence if s.url)),
        "state": row.state,
    }


def render_list(rows: Iterable[Row], fmt: str, term: Terminal, now: datetime) -> None:
    records = [row_record(r, now) for r in rows]
    if fmt != "table":
        render_records(records, LIST_COLUMNS, fmt, term)
        return
    table = Table(header_style="bold", show_lines=True, expand=term.interactive)
    table.add_column("#", justify="right")
    table.add_column("person")
    table.add_column("company")
    table.add_column("signal")
    table.add_column("why now", ratio=2)
    for rec in records:
        person = Text(inert(rec["person"]), style="bold")
        if rec["title"]:
            person.append("\n" + inert(rec["title"]), style="dim")
        if rec["state"]:
            person.append(f"\n({inert(rec['state'])})", style="yellow")
        why = Text(inert(rec["why_now"]))
        if rec["intro"]:
            why.append("\n→ " + inert(rec["intro"]), style="green")
        if rec["also"]:
            why.append("\nalso: " + inert(rec["also"]), style="dim")
        signal = Text(inert(rec["signal"]))
        signal.append(f"\n{inert(rec['when'])}", style="dim")
        if rec["url"]:
            signal.append("\n" + inert(rec["url"]), style="dim")
        table.add_row(str(rec["rank"]), person, inert(rec["company"]), signal, why)
    term.console().print(table)


# --- one row in full: `prospect explain` ----------------------------------------


def explain_record(row: Row, now: datetime) -> dict[str, Any]:
    """Everything behind one row: each score part with its arithmetic, every report."""
    by_event: dict[Any, list[dict[str, Any]]] = {}
    for source in row.evidence:
        by_event.setdefault(source.event_id, []).append(
            {
                "feed": source.feed,
                "title": source.title,
                "url": source.url,
                "published_at": source.published_at,
                "signal_id": source.signal_id,
            }
        )
    events = [row.signal, *row.also]
    return {
        **row_record(row, now),
        "score_parts": {
            part: {"value": getattr(row.score, part), "why": row.reasons.get(part, "")}
            for part in ("strength", "recency", "relationship", "fit")
        },
        "events": [
            {
                "signal_id": s.id,
                "signal": describe_signal(s),
                "when": when_words(s, now),
                "best": i == 0,
                "reports": by_event.get(s.id, []),
            }
            for i, s in enumerate(events)
        ],
        "introducers": [
            {"name": c.full_name, "title": c.title, "company": c.company, "contact_id": c.id}
            for c in row.intro
        ],
    }


def render_explain(row: Row, fmt: str, term: Terminal, now: datetime) -> None:
    record = explain_record(row, now)
    if fmt == "json":
        term.out.write(json.dumps(record, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "jsonl":
        term.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        render_records(_part_rows(record), _PART_COLUMNS, fmt, term)
        return
    lines = [
        f"{record['person']}"
        + (f", {record['title']}" if record["title"] else "")
        + (f" at {record['company']}" if record["company"] else "")
        + f"  [{record['person_key']}]",
        f"why now: {record['why_now']}",
    ]
    if record["intro"]:
        lines.append(f"intro: {record['intro']}")
    if record["state"]:
        lines.append(f"state: {record['state']}")
    lines.append("")
    lines.append(f"score {record['score']} = strength x recency x relationship x fit")
    for part, info in record["score_parts"].items():
        lines.append(f"  {part:<12} {info['value']:<8} {info['why']}")
    for event in record["events"]:
        label = "signal" if event["best"] else "also"
        lines.append("")
        lines.append(f"{label}: {event['signal']} ({event['when']}), signal {event['signal_id']}")
        for report in event["reports"]:
            feed = report["feed"] or "?"
            lines.append(f"  - {report['published_at'] or ''}  {feed}: {report['title'] or ''}")
            if report["url"]:
                lines.append(f"    {report['url']}")
    if len(record["introducers"]) > 1:
        lines.append("")
        lines.append("who can introduce you, best first:")
        for c in record["introducers"]:
            lines.append(f"  - {c['name']}, {c['title'] or '?'} [c:{c['contact_id']}]")
    term.out.write("\n".join(inert(line) for line in lines) + "\n")


_PART_COLUMNS = ("part", "value", "why")


def _part_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"part": "score", "value": record["score"], "why": record["why_now"]}]
    for part, info in record["score_parts"].items():
        rows.append({"part": part, "value": info["value"], "why": info["why"]})
    return rows


__all__ = [
    "FORMATS",
    "Terminal",
    "csv_cell",
    "explain_record",
    "inert",
    "render_explain",
    "render_list",
    "render_records",
    "row_record",
]
