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
from prospect.rank import describe_signal, format_amount, when_words

FORMATS = ("table", "csv", "json", "jsonl")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> str:
    """A value as text with control characters (ESC included) shown, not obeyed."""
    if value is None:
        return ""
    text = str(value)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def csv_cell(value: Any) -> Any:
    """Escape a cell a spreadsheet would run as a formula (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
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
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in columns:
            table.add_column(c.replace("_", " "), overflow="fold")
        for r in records:
            table.add_row(*(Text(inert(r.get(c))) for c in columns))
        term.console().print(table)


# --- the outreach list ---------------------------------------------------------

LIST_COLUMNS = (
    "rank", "person", "title", "company", "signal", "when", "why_now", "intro", "score",
    "strength", "recency", "relationship", "fit", "signal_type", "published_at", "url",
    "also", "person_key", "contact_id", "signal_id",
)  # fmt: skip


def intro_text(row: Row) -> str:
    if not row.intro:
        return ""
    first = row.intro[0]
    title = f", {first.title}" if first.title else ""
    more = f" (or {len(row.intro) - 1} more)" if len(row.intro) > 1 else ""
    return (
        f"ask {first.full_name}{title} at {first.company or row.company}, for an introduction{more}"
    )


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
        "also": "; ".join(describe_signal(s) for s in row.also),
        "person_key": row.person_key,
        "contact_id": row.contact_id,
        "signal_id": row.signal.id,
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
        why = Text(inert(rec["why_now"]))
        if rec["intro"]:
            why.append("\n→ " + inert(rec["intro"]), style="green")
        if rec["also"]:
            why.append("\nalso: " + inert(rec["also"]), style="dim")
        signal = Text(inert(rec["signal"]))
        if rec["url"]:
            signal.append("\n" + inert(rec["url"]), style="dim")
        table.add_row(str(rec["rank"]), person, inert(rec["company"]), signal, why)
    term.console().print(table)


__all__ = [
    "FORMATS",
    "Terminal",
    "csv_cell",
    "format_amount",
    "inert",
    "render_list",
    "render_records",
]
