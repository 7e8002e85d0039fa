"""Rendering: the outreach list as cards, and records as a table, CSV, JSON or JSONL.

On a terminal the list is a card per person: a compact block that fits 80
columns and puts two short lines side by side where the width allows. Other
tables keep only the columns that fit whole (no column narrower than its
longest word, up to a cap) and say which were left out. Data goes to stdout,
messages to stderr. Whether stdout is a terminal, and
whether colour is wanted, is decided once in `Terminal`, so tests can simulate
a pipe. CSV cells that a spreadsheet would run as a formula are escaped, and
control characters (terminal escape sequences in hostile headlines) are made
inert before anything is printed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from prospect.models import Row
from prospect.terminal import Terminal
from prospect.wording import describe_signal, when_words

FORMATS = ("table", "csv", "json", "jsonl")
LIST_FORMATS = ("cards", *FORMATS)
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


# --- generic records -----------------------------------------------------------


TABLE_ROWS = 500  # rows a table shows on a terminal; the other formats give every row


def render_records(
    records: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    term: Terminal,
    title: str | None = None,
    screen: Sequence[str] | None = None,
    empty: str = "nothing to show",
) -> None:
    """Print records in the chosen format, columns in the given order; a table on a
    screen takes `screen`'s columns instead, in their order, when given (a record may
    carry keys for the screen alone: a short date, a phrase). With no records a table
    is `empty` said on stderr, not a box of headers; csv and json stay well-formed."""
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
    elif not records:
        term.tell(empty)
    else:
        _render_table(records, screen or columns, term, title)


WORD_CAP = 26  # a longer word (a URL, a long address) folds rather than widen its column


def _words_width(header: str, values: Iterable[str]) -> int:
    """The narrowest a column can be without breaking a word (up to WORD_CAP)."""
    widest = max((cell_len(w) for v in (header, *values) for w in v.split()), default=1)
    return max(1, min(widest, WORD_CAP))


def fit_columns(
    records: Sequence[dict[str, Any]], columns: Sequence[str], width: int
) -> tuple[list[str], dict[str, int]]:
    """The columns that fit in `width` with none narrower than its words, in their
    order (the first always), and the width each gets: its words' width, plus a
    share of what is left in proportion to how much more its longest cell wants.
    A rich table takes three cells per column (a border, a space each side) and
    one for the closing border."""
    texts = {c: [inert(r.get(c)) for r in records] for c in columns}
    needs = {c: _words_width(c.replace("_", " "), texts[c]) for c in columns}
    chosen: list[str] = []
    used = 1
    for c in columns:
        if not chosen or used + needs[c] + 3 <= width:
            chosen.append(c)
            used += needs[c] + 3
    wants = {
        c: max(0, max((cell_len(t) for t in (c, *texts[c])), default=0) - needs[c]) for c in chosen
    }
    spare, wanted = max(width - used, 0), sum(wants.values())
    widths = {c: needs[c] for c in chosen}
    if wanted:
        for c in chosen:
            widths[c] += min(wants[c], spare * wants[c] // wanted)
    return chosen, widths


# A stored UTC time ("2026-12-02T14:02:08+00:00"): 25 characters with no place to break.
_UTC_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:\+00:00|Z)")


def _on_screen(value: Any) -> Any:
    if isinstance(value, str) and (m := _UTC_TIME.fullmatch(value)):
        return f"{m.group(1)} {m.group(2)} UTC"
    return value


def screen_records(
    records: Sequence[dict[str, Any]], columns: Sequence[str]
) -> list[dict[str, Any]]:
    """The cells as a table on a screen shows them: a UTC time to the minute,
    "2026-12-02 14:02 UTC", which can break between day and time; csv and json keep
    the stored value."""
    return [{c: _on_screen(r.get(c)) for c in columns} for r in records]


def _render_table(
    records: Sequence[dict[str, Any]],
    columns: Sequence[str],
    term: Terminal,
    title: str | None,
) -> None:
    shown = records
    if term.interactive and len(records) > TABLE_ROWS:
        # a table is for reading: rich takes seconds per thousand rows, and
        # nobody scrolls through 30,000 contacts in a terminal
        shown = records[:TABLE_ROWS]
    shown = screen_records(shown, columns)
    console = term.console()
    chosen, needs = fit_columns(shown, columns, console.width)
    from rich.table import Table  # only tables need it: csv, json and cards do not

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in chosen:
        table.add_column(c.replace("_", " "), overflow="fold", width=needs[c])
    for r in shown:
        table.add_row(*(Text(inert(r.get(c))) for c in chosen))
    console.print(table)
    left_out = [c for c in columns if c not in chosen]
    if left_out:
        term.tell(
            f"not shown at {console.width} columns: {', '.join(left_out)} "
            "(a wider terminal or --format csv shows every column)"
        )
    if len(shown) < len(records):
        term.tell(
            f"{len(records) - len(shown):,} more not shown: "
            "--format csv or json gives every row (also into a pipe or file)"
        )


# --- the outreach list ---------------------------------------------------------

# The machine-readable contract of `prospect list` (CSV header, JSON keys), in
# this order. Add columns at the end; never rename or remove one.
LIST_COLUMNS = (
    "rank", "person", "title", "company", "signal", "when", "why_now", "intro", "score",
    "strength", "recency", "relationship", "fit", "signal_type", "published_at", "url",
    "also", "person_key", "contact_id", "signal_id", "relationship_score", "sources", "state",
    "email", "profile_url",
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
        "email": row.email,
        "profile_url": row.profile_url,
    }


def render_list(rows: Iterable[Row], fmt: str, term: Terminal, now: datetime) -> None:
    records = [row_record(r, now) for r in rows]
    if fmt == "cards":
        render_cards(records, term)
    elif fmt == "table":
        _render_grid(records, term)
    else:
        render_records(records, LIST_COLUMNS, fmt, term)


def _render_grid(records: Sequence[dict[str, Any]], term: Terminal) -> None:
    """The list as one grid (`--format table`), for those who want columns."""
    from rich.table import Table

    table = Table(header_style="bold", show_lines=True, expand=term.interactive)
    table.add_column("#", justify="right")
    # every column flexible: a column with no ratio keeps its whole natural width,
    # which at 80 columns left "why now" four characters and cut the table off
    table.add_column("person", ratio=2, min_width=12)
    table.add_column("company", ratio=2, min_width=10)
    table.add_column("signal", ratio=3, min_width=14)
    table.add_column("why now", ratio=4, min_width=16)
    for rec in records:
        person = Text(inert(rec["person"]), style="bold")
        if rec["title"]:
            person.append("\n" + inert(rec["title"]), style="dim")
        if rec["state"]:
            person.append(f"\n({inert(rec['state'])})", style="yellow")
        # the signal has a column of its own: why now without repeating it; a word
        # too long for the column (an address) folds rather than end in "…"
        why = Text("; ".join(why_parts(rec)) or inert(rec["why_now"]), overflow="fold")
        if rec["intro"]:
            why.append("\n→ " + inert(rec["intro"]), style="green")
        if rec["also"]:
            why.append("\nalso: " + inert(rec["also"]), style="dim")
        for label in ("email", "profile_url"):
            if rec.get(label):
                why.append("\n" + inert(rec[label]), style="dim")
        signal = Text(inert(rec["signal"]), overflow="fold")
        signal.append(f"\n{inert(rec['when'])}", style="dim")
        if rec["url"]:
            signal.append("\n" + inert(rec["url"]), style="dim")
        table.add_row(str(rec["rank"]), person, inert(rec["company"]), signal, why)
    term.console().print(table)


# --- the card view -----------------------------------------------------------------

CARD_INDENT = 4
_GAP = "   "  # between two short lines that share one


def why_parts(rec: Mapping[str, Any]) -> list[str]:
    """Why now as its short parts, without the signal and when that the row shows next to
    them; how many reports carried it is kept ("2 reports")."""
    parts = [p.strip() for p in _split_parts(inert(rec.get("why_now"))) if p.strip()]
    signal, when = inert(rec.get("signal")), inert(rec.get("when"))
    if parts and signal and parts[0].startswith(signal):
        rest = parts[0][len(signal) :].strip()
        if when and rest.startswith(when):
            rest = rest[len(when) :].strip()
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1]
        parts = ([rest] if rest else []) + parts[1:]
    return parts


def _split_parts(text: str) -> list[str]:
    """Split at '; ' outside parentheses: '(matched by name; listed at X)' is one part."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == ";" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def reach_text(rec: dict[str, Any]) -> str:
    """How to reach the person: their email and profile, as the store has them."""
    bits = []
    if rec.get("email"):
        bits.append(inert(rec["email"]))
    if rec.get("profile_url"):
        bits.append(inert(rec["profile_url"]))
    return " · ".join(bits)


def _wrap(console: Console, text: Text, width: int, indent: int, first: int = 0) -> list[Text]:
    """`text` wrapped to `width`, continuation lines indented; words never broken unless
    one alone is wider than the line (a long URL), which then folds."""
    lines = text.wrap(console, max(width - indent, 10), overflow="fold")
    out = []
    for i, line in enumerate(lines):
        pad = Text(" " * (first if i == 0 else indent))
        pad.append_text(line)
        pad.rstrip()
        out.append(pad)
    return out


def card_lines(rec: dict[str, Any], console: Console, width: int) -> list[Text]:
    """One person as a block of lines no wider than `width`."""
    ind = CARD_INDENT
    head = Text(f"{inert(rec.get('rank')):>2}".ljust(ind), style="bold")
    head.append(inert(rec.get("person")), style="bold")
    title, company = inert(rec.get("title")), inert(rec.get("company"))
    if title:
        head.append(f", {title}")
    if company:
        head.append(f" at {company}" if title else f", {company}")
    if rec.get("state"):
        head.append(f"  ({inert(rec['state'])})", style="yellow")
    key = inert(rec.get("person_key"))
    if key and head.cell_len + 2 + cell_len(key) <= width:
        head.append(" " * (width - head.cell_len - cell_len(key)))
        head.append(key, style="dim")
        lines = [head]
    else:
        lines = _wrap(console, head, width, ind)
        if key:
            lines.append(Text(" " * ind + key, style="dim"))

    signal = Text(inert(rec.get("signal")))
    if rec.get("when"):
        signal.append(f" · {inert(rec['when'])}", style="dim")
    groups: list[list[Text]] = []
    parts = why_parts(rec)
    why = Text("why now: ", style="dim")
    why.append(" · ".join(parts))
    groups.append([signal, why] if parts else [signal])
    if rec.get("intro"):
        groups.append([Text("→ " + inert(rec["intro"]), style="green")])
    if rec.get("also"):
        also = Text("also: ", style="dim")
        also.append(inert(rec["also"]))
        groups.append([also])
    link_group = []
    if rec.get("url"):
        url = inert(rec["url"])
        link_group.append(Text(url, style=f"blue link {url}" if url.startswith("http") else ""))
    reach = reach_text(rec)
    if reach:
        link_group.append(Text(reach))
    if link_group:
        groups.append(link_group)
    for group in groups:
        joined = Text(_GAP).join(group)
        if len(group) > 1 and ind + joined.cell_len <= width:
            lines.append(Text(" " * ind) + joined)
            continue
        for part in group:
            lines += _wrap(console, part, width, ind, first=ind)
    return lines


def render_cards(records: Sequence[dict[str, Any]], term: Terminal) -> None:
    """The list as cards: one block per person, a blank line between."""
    console = term.console()
    width = console.width
    for i, rec in enumerate(records):
        if i:
            console.print()
        for line in card_lines(rec, console, width):
            console.print(line, soft_wrap=True, overflow="ignore", crop=False)


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
    lines: list[tuple[str, int]] = [  # each line, and how far its continuation hangs
        (
            f"{record['person']}"
            + (f", {record['title']}" if record["title"] else "")
            + (f" at {record['company']}" if record["company"] else "")
            + f"  [{record['person_key']}]",
            4,
        ),
        (f"why now: {record['why_now']}", 9),
    ]
    if record["intro"]:
        lines.append((f"intro: {record['intro']}", 7))
    if record["state"]:
        lines.append((f"state: {record['state']}", 7))
    lines.append(("", 0))
    lines.append((f"score {record['score']} = strength x recency x relationship x fit", 6))
    for part, info in record["score_parts"].items():
        lines.append((f"  {part:<12} {info['value']:<8} {info['why']}", 24))
    for event in record["events"]:
        label = "signal" if event["best"] else "also"
        lines.append(("", 0))
        lines.append(
            (f"{label}: {event['signal']} ({event['when']}), signal {event['signal_id']}", 4)
        )
        for report in event["reports"]:
            feed = report["feed"] or "?"
            when = _on_screen(report["published_at"] or "")
            lines.append((f"  - {when}  {feed}: {report['title'] or ''}", 4))
            if report["url"]:
                lines.append((f"    {report['url']}", 4))
    if len(record["introducers"]) > 1:
        lines.append(("", 0))
        lines.append(("who can introduce you, best first:", 4))
        for c in record["introducers"]:
            lines.append((f"  - {c['name']}, {c['title'] or '?'} [c:{c['contact_id']}]", 4))
    width = term.console().width if term.interactive else None
    out = []
    for line, hang in lines:
        line = inert(line)
        if width is None or len(line) <= width:
            out.append(line)
            continue
        # on a screen, wrapped at words under the line's own text
        text = line.lstrip(" ")
        out += wrap_words(text, width, " " * (len(line) - len(text)), " " * hang)
    term.out.write("\n".join(out) + "\n")


def wrap_words(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """`text` wrapped to `width` at blanks only, its first line after `first` and the
    others after `rest`: a word, a URL or a hyphenated name is never cut."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


_PART_COLUMNS = ("part", "value", "why")


def _part_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"part": "score", "value": record["score"], "why": record["why_now"]}]
    for part, info in record["score_parts"].items():
        rows.append({"part": part, "value": info["value"], "why": info["why"]})
    return rows


__all__ = [
    "FORMATS",
    "LIST_FORMATS",
    "Terminal",
    "card_lines",
    "csv_cell",
    "explain_record",
    "fit_columns",
    "inert",
    "render_cards",
    "render_explain",
    "render_list",
    "render_records",
    "row_record",
    "why_parts",
]
