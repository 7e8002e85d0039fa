"""`prospect accounts ...` (a news feed per account) and `prospect filings ...`
(SEC EDGAR's Form D feed)."""

from __future__ import annotations

from typing import Annotated

import typer

from prospect.cli._common import FormatOption, ProspectGroup, chosen, state

accounts_app = typer.Typer(
    cls=ProspectGroup,
    help="Follow your accounts: one Google News search feed per account.",
    no_args_is_help=True,
)
filings_app = typer.Typer(
    cls=ProspectGroup,
    help="Funding from filings: SEC EDGAR's feed of new Form D filings.",
    no_args_is_help=True,
)

ACCOUNT_COLUMNS = (
    "account", "why", "followed", "status", "entries", "latest_at", "latest_title",
    "last_polled_at", "url",
)  # fmt: skip


@accounts_app.command("follow")
def accounts_follow(
    ctx: typer.Context,
    from_contacts: Annotated[
        int | None,
        typer.Option(
            "--from-contacts",
            min=0,
            metavar="N",
            help="Also follow the N companies where you know the most people in target "
            "roles (remembered; 0 stops it).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Keep one news feed per account in accounts.include (and, with
    --from-contacts, per company you know best); feeds of accounts you dropped
    are removed.

    Example: prospect accounts follow --from-contacts 5
    """
    from prospect.accounts import sync_account_feeds
    from prospect.store import write

    st = state(ctx)
    config = st.config()
    db = st.db()
    with write(db):
        result = sync_account_feeds(db, config, from_contacts)
    for name in result.added:
        st.say(f"following {name}")
    for name in result.removed:
        st.say(f"removed {name}")
    total = len(result.added) + len(result.kept)
    if not total:
        st.say(
            "no accounts to follow: list them under accounts.include in signals.yaml, "
            "or use --from-contacts N"
        )
        return
    st.say(
        f"{total} accounts followed ({len(result.added)} added, {len(result.kept)} already "
        f"there, {len(result.removed)} removed); see prospect accounts list"
    )


@accounts_app.command("list")
def accounts_list(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Show each account, whether it is followed, and what its feed last brought.

    Example: prospect accounts list
    """
    from prospect.accounts import account_report
    from prospect.render import render_records

    st = state(ctx)
    empty = "no accounts: name them under accounts.include in signals.yaml"
    report = account_report(st.db(), st.config())
    render_records(report, ACCOUNT_COLUMNS, chosen(fmt), st.term, empty=empty)


@accounts_app.command("unfollow")
def accounts_unfollow(ctx: typer.Context) -> None:
    """Remove every account feed (their entries and signals are kept).

    Example: prospect accounts unfollow
    """
    from prospect.accounts import stop_following
    from prospect.store import write

    st = state(ctx)
    db = st.db()
    with write(db):
        removed = stop_following(db)
    st.say(f"removed {len(removed)} account feeds")


@filings_app.command("follow")
def filings_follow(ctx: typer.Context) -> None:
    """Poll SEC EDGAR's feed of new Form D filings: private rounds of US
    companies, often before the press release. Needs edgar.contact in
    signals.yaml (EDGAR asks every tool to name a contact).

    Example: prospect filings follow
    """
    from prospect.edgar import FORM_D_FEED, check_contact
    from prospect.store import write
    from prospect.store.feeds import subscribe

    st = state(ctx)
    agent = check_contact(st.config())  # refuses without a contact address
    db = st.db()
    with write(db):
        outcome = subscribe(db, FORM_D_FEED, "SEC EDGAR Form D filings", "filings")
    word = {"added": "following", "exists": "already following", "enabled": "following again"}
    st.say(f"{word[outcome]} SEC EDGAR Form D filings, as {agent!r}")


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(filings_app, name="filings")
