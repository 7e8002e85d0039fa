"""`prospect review`: walk today's list one person at a time, with single keys.

Each choice is written by `prospect.outreach.mark`, the very function behind
`prospect mark`, so a review leaves the store exactly as the same marks typed
by hand would. It needs a terminal (single keys cannot come from a pipe); with
none it refuses in one line and points at `list` and `mark`.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, datetime

import click
import typer

from prospect.cli._common import AppState, state
from prospect.errors import ExitCode, ProspectError
from prospect.models import Row

KEYS = "o story · p profile · c contacted · s skipped · z snooze · n note · space next · q quit"
# For 80 columns: "[10 of 10] " and these fit (space or Enter goes on, as the help says).
SHORT_KEYS = "o/p story/profile · c/s/z contacted/skipped/snooze · n note · q quit"


def review(ctx: typer.Context) -> None:
    """Go through today's list one person at a time, with single keys.

    o opens the story and p the profile in your browser; c marks contacted, s
    skipped, z snoozed (asks for a date); n adds a note to the next mark; space
    or Enter goes on; q stops. Each mark is the same as `prospect mark`.

    Example: prospect review
    """
    from prospect.outreach import ListOptions, build_list

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ProspectError(
            "review needs a terminal to read single keys; "
            "use prospect list, then prospect mark N contacted",
            ExitCode.USAGE,
        )
    st = state(ctx)
    now = datetime.now(UTC)
    rows = build_list(st.db(), st.config(), ListOptions(), now)
    if not rows:
        from prospect.outreach import empty_reason

        st.say(empty_reason(st.db(), st.config(), ListOptions(), now))
        return
    done: Counter[str] = Counter()
    for i, row in enumerate(rows, 1):
        action = _one(st, row, now, f"{i} of {len(rows)}")
        if action == "quit":
            break
        done[action] += 1
    marked = ", ".join(f"{n} {a}" for a, n in done.items() if a != "next") or "nothing marked"
    st.say(f"review: {marked}")


def _one(st: AppState, row: Row, now: datetime, where: str) -> str:
    from prospect.render import card_lines, row_record

    console = st.term.console()
    rec = row_record(row, now)
    console.print()
    for line in card_lines(rec, console, console.width):
        console.print(line, soft_wrap=True, overflow="ignore", crop=False)
    note: str | None = None
    while True:
        keys = f"[{where}] {KEYS}"
        if len(keys) > console.width:
            keys = f"[{where}] {SHORT_KEYS}"
        console.print(keys, style="dim", markup=False, highlight=False)
        key = click.getchar()
        if key in ("q", "Q", "\x03", "\x04"):
            return "quit"
        if key in (" ", "\r", "\n"):
            if note:
                st.say("the note was not kept: a note goes with c, s or z")
            return "next"
        if key == "o":
            _open(st, rec.get("url"), "story")
        elif key == "p":
            _open(st, rec.get("profile_url"), "profile")
        elif key == "n":
            note = click.prompt("note", default="", show_default=False).strip() or None
            if note:
                st.say("the note goes with the next mark (c, s or z)")
        elif key in ("c", "s", "z"):
            action = {"c": "contacted", "s": "skipped", "z": "snoozed"}[key]
            until = None
            if action == "snoozed":
                until = click.prompt("snooze until (YYYY-MM-DD, or 3d, 2w)").strip()
            try:
                _mark(st, row, action, until, note)
            except ProspectError as exc:
                st.say(f"error: {exc.message}")
                continue
            return action


def _open(st: AppState, url: object, what: str) -> None:
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        st.say(f"no {what} link for this person")
        return
    import webbrowser

    if not webbrowser.open(url):
        st.say(f"no browser found; the {what}: {url}")


def _mark(st: AppState, row: Row, action: str, until: str | None, note: str | None) -> None:
    from prospect.outreach import mark

    target = mark(
        st.db(),
        st.config(),
        row.person_key,
        action,
        until=until,
        note=note,
        now=datetime.now(UTC),
    )
    where = f" ({target.company})" if target.company else ""
    st.say(f"marked {target.person}{where} {action} [{target.person_key}]")


def register(app: typer.Typer) -> None:
    app.command("review")(review)
