"""`prospect list`, `today`, `mark`, `explain`, `history`, `signals list`."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import typer

from prospect.cli._common import (
    Format,
    FormatOption,
    LimitOption,
    ListFormat,
    ListFormatOption,
    ProspectGroup,
    SinceOption,
    TextFormatOption,
    chosen,
    complete_people,
    parse_since,
    state,
)
from prospect.cli.feeds import poll
from prospect.errors import ExitCode, ProspectError

# Listing, ranking and matching are imported inside the commands that use
# them: the CLI loads only what the command it runs needs (cli/__init__.py).

HISTORY_COLUMNS = ("at", "person", "action", "until", "note", "about", "person_key")
SIGNAL_TYPES = ("funding_round", "executive_hire", "job_change", "keyword")

signals_app = typer.Typer(
    cls=ProspectGroup, help="Look underneath the list: the raw signals.", no_args_is_help=True
)


class Action(StrEnum):
    contacted = "contacted"
    skipped = "skipped"
    snoozed = "snoozed"


def _check_type(signal: str | None) -> str | None:
    if signal is not None and signal not in SIGNAL_TYPES:
        raise typer.BadParameter(f"expected one of {', '.join(SIGNAL_TYPES)}, got {signal!r}")
    return signal


SignalOption = Annotated[
    str | None,
    typer.Option(
        "--signal",
        help="Only this signal type: funding_round, executive_hire, job_change, keyword.",
    ),
]


def list_command(
    ctx: typer.Context,
    limit: LimitOption = None,
    since: SinceOption = None,
    signal: SignalOption = None,
    fmt: ListFormatOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Include people contacted, skipped or snoozed.")
    ] = False,
) -> None:
    """The ranked list of people to contact today, and why.

    The number in the first column is what `prospect mark` and `prospect explain`
    take (or the person_key column, e.g. c:42, or a name).

    Example: prospect list --limit 5 --since 7d
    """
    from prospect.outreach import ListOptions, build_list, empty_reason
    from prospect.render import render_list

    st = state(ctx)
    options = ListOptions(
        limit=limit,
        since_days=parse_since(since),
        signal_type=_check_type(signal),
        include_all=show_all,
    )
    now = datetime.now(UTC)
    rows = build_list(st.db(), st.config(), options, now)
    render_list(rows, chosen(fmt), st.term, now)
    if not rows:
        st.say(empty_reason(st.db(), st.config(), options, now))
    elif fmt in (ListFormat.cards, ListFormat.table):
        first = rows[0].rank
        st.say(
            f"next: prospect review | prospect mark {first} contacted | prospect explain {first}"
        )


def today(
    ctx: typer.Context,
    limit: LimitOption = None,
    fmt: ListFormatOption = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No messages, only the list (failures still say so)."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Poll feeds in back-off too (after an outage).")
    ] = False,
) -> None:
    """Poll, then list: the one daily command.

    Example: prospect today --force
    """
    try:
        poll(ctx, force=force, quiet=quiet, strict=False, timeout=None)
    except typer.Exit as exc:
        # Every feed failed: still show what is already known, then report it.
        list_command(ctx, limit=limit, since=None, signal=None, fmt=fmt, show_all=False)
        raise exc
    list_command(ctx, limit=limit, since=None, signal=None, fmt=fmt, show_all=False)


def mark_command(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            metavar="ID|NAME",
            help="The number in today's list, a key from the list (c:42, p:...), or a name.",
            autocompletion=complete_people,
        ),
    ],
    action: Annotated[Action, typer.Argument(help="contacted, skipped or snoozed.")],
    until: Annotated[
        str | None,
        typer.Option(help="For snoozed: back on this date (YYYY-MM-DD) or after 3d, 2w."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note for the history.")] = None,
) -> None:
    """Record what you did about someone: contacted, skipped or snoozed.

    Contacted people stay off the list for cooldown_days unless a stronger new
    signal arrives; skipped people stay off; snoozed people come back after --until.

    Example: prospect mark 1 contacted --note "emailed about the Series B"
    """
    from prospect.outreach import mark

    st = state(ctx)
    if action != Action.snoozed and until:
        raise ProspectError("--until is only for snoozed", ExitCode.USAGE)
    target = mark(
        st.db(), st.config(), who, action.value, until=until, note=note, now=datetime.now(UTC)
    )
    where = f" ({target.company})" if target.company else ""
    st.say(f"marked {target.person}{where} {action.value} [{target.person_key}]")


def explain(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            metavar="ID|NAME",
            help="The number in today's list, a key or a name.",
            autocompletion=complete_people,
        ),
    ],
    fmt: TextFormatOption = Format.table,
) -> None:
    """The full score breakdown and every piece of evidence for one row.

    Example: prospect explain 1
    """
    from prospect.outreach import find_person
    from prospect.render import render_explain

    st = state(ctx)
    now = datetime.now(UTC)
    target = find_person(st.db(), st.config(), who, now)
    if target.row is None:
        raise ProspectError(f"{target.person} has no signal in the last max_age_days")
    render_explain(target.row, chosen(fmt), st.term, now)


def history(
    ctx: typer.Context,
    fmt: FormatOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, help="Only the newest N (0: all).")
    ] = None,
) -> None:
    """What you did about whom, and when (newest first).

    Example: prospect history --limit 20
    """
    from prospect.outreach import history_records
    from prospect.render import render_records

    st = state(ctx)
    empty = "nothing recorded yet: prospect mark 1 contacted (or prospect review)"
    render_records(
        history_records(st.db(), limit), HISTORY_COLUMNS, chosen(fmt), st.term, empty=empty
    )


@signals_app.command("list")
def signals_list(
    ctx: typer.Context,
    since: SinceOption = None,
    signal_type: Annotated[
        str | None,
        typer.Option(
            "--type", help="Only this type: funding_round, executive_hire, job_change, keyword."
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """The raw signals, newest first, with the event they belong to and whom they match.

    Example: prospect signals list --since 7d --type funding_round
    """
    from prospect.outreach import SIGNAL_COLUMNS, SIGNAL_SCREEN
    from prospect.outreach import signal_records as load_signal_records
    from prospect.render import render_records

    st = state(ctx)
    records = load_signal_records(
        st.db(), st.config(), datetime.now(UTC), parse_since(since), _check_type(signal_type)
    )
    empty = "no signals in the window: prospect poll reads the feeds"
    render_records(records, SIGNAL_COLUMNS, chosen(fmt), st.term, screen=SIGNAL_SCREEN, empty=empty)


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
    app.command("today")(today)
    app.command("mark")(mark_command)
    app.command("explain")(explain)
    app.command("history")(history)
    app.add_typer(signals_app, name="signals")
