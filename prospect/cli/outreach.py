"""`prospect list`, `today`, `mark`, `history`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from prospect.cli._common import Format, FormatOption, state
from prospect.cli.feeds import poll
from prospect.listing import ListOptions, build_list
from prospect.render import render_list, render_records
from prospect.store.outreach import history as load_history

HISTORY_COLUMNS = ("at", "person", "action", "until", "note", "person_key")


def parse_since(text: str | None) -> float | None:
    """'7d', '2w', '12h' or a plain number of days."""
    if not text:
        return None
    units = {"h": 1 / 24, "d": 1, "w": 7}
    text = text.strip().lower()
    try:
        if text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except (ValueError, IndexError):
        raise typer.BadParameter(f"expected a duration like 7d, 2w or 12h, got {text!r}") from None


def list_command(
    ctx: typer.Context,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="How many people (default: daily_limit).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only signals this recent, e.g. 7d, 2w.")
    ] = None,
    signal: Annotated[str | None, typer.Option("--signal", help="Only this signal type.")] = None,
    fmt: FormatOption = Format.table,
    show_all: Annotated[
        bool, typer.Option("--all", help="Include people contacted, skipped or snoozed.")
    ] = False,
) -> None:
    """The ranked list of people to contact today, and why.

    Example: prospect list --limit 5
    """
    st = state(ctx)
    options = ListOptions(
        limit=limit, since_days=parse_since(since), signal_type=signal, include_all=show_all
    )
    now = datetime.now(UTC)
    rows = build_list(st.db(), st.config(), options, now)
    render_list(rows, fmt.value, st.term, now)
    if not rows:
        st.say("nobody to contact today: poll feeds (prospect poll) or widen --since")


def today(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No messages, only the list.")
    ] = False,
) -> None:
    """Poll, then list: the one daily command.

    Example: prospect today
    """
    poll(ctx, force=False, quiet=quiet, strict=False)
    list_command(ctx, limit=None, since=None, signal=None, fmt=fmt, show_all=False)


def history(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """What you did about whom, and when.

    Example: prospect history
    """
    st = state(ctx)
    render_records(load_history(st.db()), HISTORY_COLUMNS, fmt.value, st.term)


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
    app.command("today")(today)
    app.command("history")(history)
