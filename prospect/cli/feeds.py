"""`prospect feeds ...` and `prospect poll`."""

from __future__ import annotations

from typing import Annotated

import typer

from prospect.cli._common import Format, FormatOption, ProspectGroup, state
from prospect.errors import ExitCode, ProspectError
from prospect.lock import run_lock
from prospect.poll import poll as run_poll
from prospect.render import render_records
from prospect.store import write
from prospect.store.feeds import add_feed, list_feeds, remove_feed

feeds_app = typer.Typer(
    cls=ProspectGroup, help="Manage the feeds prospect polls.", no_args_is_help=True
)

FEED_COLUMNS = (
    "id", "name", "url", "tag", "last_status", "last_error", "error_count",
    "last_polled_at", "last_new_entry_at", "next_poll_at", "disabled",
)  # fmt: skip


@feeds_app.command("add")
def feeds_add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="Feed URL (RSS or Atom), file:// URL or path.")],
    name: Annotated[str | None, typer.Option(help="A short name for the feed.")] = None,
    tag: Annotated[str | None, typer.Option(help="A tag, e.g. news or wire.")] = None,
) -> None:
    """Subscribe to a feed.

    Example: prospect feeds add https://techcrunch.com/feed/ --name TechCrunch
    """
    st = state(ctx)
    db = st.db()
    with write(db):
        added = add_feed(db, url, name, tag)
    st.say(f"added {url}" if added else f"already subscribed: {url}")


@feeds_app.command("list")
def feeds_list(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List feeds with their last status, errors and next poll.

    Example: prospect feeds list
    """
    st = state(ctx)
    render_records(list_feeds(st.db()), FEED_COLUMNS, fmt.value, st.term)


@feeds_app.command("remove")
def feeds_remove(
    ctx: typer.Context,
    feed: Annotated[str, typer.Argument(help="The feed's URL, id or name.")],
) -> None:
    """Unsubscribe from a feed (its entries and signals are kept).

    Example: prospect feeds remove https://techcrunch.com/feed/
    """
    st = state(ctx)
    db = st.db()
    with write(db):
        removed = remove_feed(db, feed)
    if not removed:
        raise ProspectError(f"no feed {feed!r}")
    st.say(f"removed {feed}")


def poll(
    ctx: typer.Context,
    force: Annotated[bool, typer.Option("--force", help="Poll feeds in back-off too.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing, not even the summary.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit non-zero if any feed failed.")
    ] = False,
) -> None:
    """Fetch every due feed, store new entries and detect signals in them.

    Example: prospect poll
    """
    st = state(ctx)
    config = st.config()
    with run_lock(st.db_path, "poll"):
        summary = run_poll(st.db(), config, force=force)
    if not quiet:
        st.say(summary.line())
        for url, error in summary.errors:
            st.say(f"  failed: {url}: {error}")
    if summary.polled and summary.failed == summary.polled:
        raise typer.Exit(int(ExitCode.ERROR))
    if strict and summary.failed:
        raise typer.Exit(int(ExitCode.PARTIAL))


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
    app.command("poll")(poll)
