"""`prospect feeds ...` and `prospect poll`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prospect.cli._common import (
    AppState,
    FormatOption,
    ProspectGroup,
    chosen,
    complete_feeds,
    state,
)
from prospect.errors import ExitCode, InputError, ProspectError

if TYPE_CHECKING:
    from rich.console import Console

    from prospect.config import Config

# Fetching (httpx), polling and OPML are imported inside the commands that
# use them: the CLI loads only what the command it runs needs (cli/__init__.py).

feeds_app = typer.Typer(
    cls=ProspectGroup, help="Manage the feeds prospect polls.", no_args_is_help=True
)

FEED_COLUMNS = (
    "id", "name", "url", "tag", "status", "last_polled_at", "last_new_entry_at",
    "error_count", "next_poll_at", "last_error",
)  # fmt: skip
# On a screen: a failed feed's error before its address, which a name stands for.
FEED_SCREEN = (
    "id", "name", "status", "last_error", "last_new_entry_at", "next_poll_at", "tag", "url",
    "error_count", "last_polled_at",
)  # fmt: skip
_ADDED = {"added": "added", "exists": "already subscribed:", "enabled": "enabled again:"}

NameOption = Annotated[str | None, typer.Option(help="A short name for the feed.")]
TagOption = Annotated[str | None, typer.Option(help="A tag, e.g. news or wire.")]


def _subscribe(
    st: AppState, url: str, name: str | None, tag: str | None, title: str | None = None
) -> None:
    from prospect.store import write
    from prospect.store.feeds import subscribe

    db = st.db()
    with write(db):
        outcome = subscribe(db, url, name, tag, title=title)
    st.say(f"{_ADDED[outcome]} {url}" + (f" ({title})" if title and not name else ""))


@feeds_app.command("add")
def feeds_add(
    ctx: typer.Context,
    url: Annotated[
        str,
        typer.Argument(
            help="Feed URL (RSS or Atom), a web page that links to its feed, a file:// URL "
            "or path; - reads addresses from stdin, one a line."
        ),
    ],
    name: NameOption = None,
    tag: TagOption = None,
    no_check: Annotated[
        bool,
        typer.Option(
            "--no-check", help="Subscribe without fetching the address first (offline set-up)."
        ),
    ] = False,
) -> None:
    """Subscribe to a feed, after fetching it once to check it is one.

    A web page is searched for the feed it links (<link rel="alternate">) and that
    feed is subscribed; a page that links several lists them; anything else (a 404,
    a page with no feed) is refused with the reason. --no-check skips the fetch.

    Example: prospect feeds add https://techcrunch.com/feed/ --name TechCrunch
    """
    from prospect.fetch import normalize_feed_url

    st = state(ctx)
    if url != "-":
        _add_one(st, normalize_feed_url(url), name, tag, no_check)
        return
    if name:
        raise ProspectError("--name: only with one address, not with - (stdin)", ExitCode.USAGE)
    refused = 0
    lines = [line.strip() for line in _stdin_lines()]
    for line in (x for x in lines if x and not x.startswith("#")):
        try:
            _add_one(st, normalize_feed_url(line), None, tag, no_check)
        except InputError as exc:
            refused += 1
            st.say(f"refused: {exc.message}")
    if refused:
        raise ProspectError(f"{refused} of the addresses on stdin were not subscribed")


def _stdin_lines() -> list[str]:
    import sys

    if sys.stdin.isatty():
        raise ProspectError(
            "feeds add -: expected addresses on stdin, one a line "
            "(e.g. prospect feeds add - < feeds.txt)",
            ExitCode.USAGE,
        )
    return sys.stdin.read().splitlines()


def _add_one(st: AppState, url: str, name: str | None, tag: str | None, no_check: bool) -> None:
    if no_check:
        _subscribe(st, url, name, tag)
        return
    from prospect.discover import check_feed

    checked = check_feed(url)
    if checked.found_on:
        st.say(f"{checked.found_on} is a web page; it links the feed {checked.url}")
    _subscribe(st, checked.url, name, tag, checked.title)


@feeds_app.command("search")
def feeds_search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to search, e.g. '\"Series B\" fintech'.")],
    name: NameOption = None,
    tag: Annotated[str, typer.Option(help="A tag for the feed.")] = "search",
) -> None:
    """Subscribe to a Google News search for a query (an account's name, a phrase).

    Example: prospect feeds search '"Series B" fintech'
    """
    from prospect.fetch import google_news_search_url

    _subscribe(state(ctx), google_news_search_url(query), name or f"Google News: {query}", tag)


@feeds_app.command("list")
def feeds_list(
    ctx: typer.Context,
    fmt: FormatOption = None,
    tag: Annotated[
        str | None, typer.Option("--tag", help="Only feeds with this tag, e.g. account.")
    ] = None,
) -> None:
    """List feeds with their status, last new entry, error count and next poll.

    Example: prospect feeds list --tag account
    """
    from prospect.render import render_records
    from prospect.store.feeds import list_feeds

    st = state(ctx)
    rows = [r for r in list_feeds(st.db()) if tag is None or r.get("tag") == tag]
    empty = "no feeds yet: prospect feeds add URL" if tag is None else f"no feeds tagged {tag!r}"
    render_records(rows, FEED_COLUMNS, chosen(fmt), st.term, screen=FEED_SCREEN, empty=empty)


@feeds_app.command("remove")
def feeds_remove(
    ctx: typer.Context,
    feed: Annotated[
        str, typer.Argument(help="The feed's URL, id or name.", autocompletion=complete_feeds)
    ],
) -> None:
    """Unsubscribe from a feed (its entries and signals are kept).

    Example: prospect feeds remove https://techcrunch.com/feed/
    """
    from prospect.store import write
    from prospect.store.feeds import remove_feed

    st = state(ctx)
    db = st.db()
    with write(db):
        removed = remove_feed(db, feed)
    if removed is None:
        raise ProspectError(f"no feed {feed!r} (see prospect feeds list)")
    st.say(f"removed {removed['url']}")


@feeds_app.command("import")
def feeds_import(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="An OPML file exported by a feed reader.")],
) -> None:
    """Subscribe to every feed in an OPML file (folders become tags).

    Example: prospect feeds import ~/Downloads/subscriptions.opml
    """
    from prospect.fetch import normalize_feed_url
    from prospect.opml import Subscription, read_opml
    from prospect.store import write
    from prospect.store.feeds import subscribe

    st = state(ctx)
    subs = read_opml(path)
    if not subs:
        raise InputError(f"{path}: no feeds in it (expected <outline xmlUrl=...> elements)")
    valid: dict[str, Subscription] = {}  # by stored address: the first of duplicates wins
    skipped = 0
    for sub in subs:
        try:
            url = normalize_feed_url(sub.url)
        except InputError as exc:
            st.say(f"skipped: {exc.message}")
            skipped += 1
            continue
        valid.setdefault(url, Subscription(url, sub.name, sub.tag))
    db = st.db()
    with write(db):
        # names the user gave stay; the file's only fill in feeds that have none
        outcomes = [subscribe(db, s.url, s.name, s.tag, replace=False) for s in valid.values()]
    duplicates = len(subs) - skipped - len(valid)
    st.say(
        f"{path}: {outcomes.count('added')} feeds added, {outcomes.count('exists')} already "
        f"subscribed, {outcomes.count('enabled')} enabled again, {skipped} skipped"
        + (f", {duplicates} duplicates in the file" if duplicates else "")
    )


@feeds_app.command("export")
def feeds_export(ctx: typer.Context) -> None:
    """Write every feed as OPML 2.0 to stdout, for another feed reader or a backup.

    Example: prospect feeds export > feeds.opml
    """
    from prospect.opml import Subscription, write_opml
    from prospect.store.feeds import list_feeds

    st = state(ctx)
    subs = [Subscription(r["url"], r.get("name"), r.get("tag")) for r in list_feeds(st.db())]
    st.term.out.write(write_opml(subs))


@contextlib.contextmanager
def _progress(console: Console, show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not show:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("polling"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True,
    )  # fmt: skip
    task = bar.add_task("poll", total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


def poll(
    ctx: typer.Context,
    force: Annotated[bool, typer.Option("--force", help="Poll feeds in back-off too.")] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print nothing when every feed was polled; a failure still "
            "prints the summary line on stderr (for cron, which mails what is printed).",
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit non-zero if any feed failed.")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            min=1,
            metavar="SECONDS",
            help="The longest one feed may take, all in; the whole poll ends at most 10 s "
            "later, feeds not done by then failed as timed out (default 60; reads time out "
            "after 30).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Fetch every due feed, store new entries and detect signals in them.

    Exit code 0 when the poll ran (failures are in the summary and in
    `prospect feeds list`), 1 when every feed failed, 5 with --strict when any failed.
    Feeds that failed wait (1 h, 2 h, 4 h ... up to 3 days); --force polls them now.

    Example: prospect poll
    """
    from prospect.fetch import TOTAL_TIMEOUT
    from prospect.lock import run_lock
    from prospect.poll import poll as run_poll

    st = state(ctx)
    config = st.config()
    console = st.term.messages()
    with (
        run_lock(st.db_path, "poll"),
        _progress(console, console.is_terminal and not quiet) as progress,
    ):
        _follow_accounts(st, config)
        summary = run_poll(st.db(), config, force=force, progress=progress,
                           timeout=timeout or TOTAL_TIMEOUT)  # fmt: skip
    # --quiet silences success only: under cron, a failure that prints nothing
    # mails nothing, and a poll that fails every night looks like a quiet week
    if not quiet or summary.failed:
        hint = " (see prospect feeds list)" if summary.failed and not console.is_terminal else ""
        st.say(summary.line() + hint)
        if console.is_terminal:  # a person is watching: say which failed and why
            for url, error in summary.errors:
                st.say(f"  failed: {url}: {error}")
    if summary.polled and summary.failed == summary.polled:
        raise typer.Exit(int(ExitCode.ERROR))
    if strict and summary.failed:
        raise typer.Exit(int(ExitCode.PARTIAL))


def _follow_accounts(st: AppState, config: Config) -> None:
    """Account feeds follow accounts.include once the rep follows accounts."""
    from prospect.accounts import sync_if_following
    from prospect.store import write

    db = st.db()
    with write(db):
        synced = sync_if_following(db, config)
    if synced is not None and (synced.added or synced.removed):
        st.say(f"accounts: {len(synced.added)} feeds added, {len(synced.removed)} removed")


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
    app.command("poll")(poll)
