"""`prospect digest`: today's list as an email, sent once, safe under cron."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from prospect.cli._common import LimitOption, SinceOption, parse_since, state
from prospect.errors import ExitCode, ProspectError


def digest(
    ctx: typer.Context,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            metavar="ADDRESS",
            help="Send to this address (repeat for several). Default: digest.to in "
            "signals.yaml; with neither, the text is printed on stdout.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Print the mail as its reader sees it (headers and text); send and record "
            "nothing.",
        ),
    ] = False,
    eml: Annotated[
        Path | None,
        typer.Option(
            "--eml",
            metavar="FILE",
            help="With --dry-run: also write the whole message (text and HTML) to FILE.",
            show_default=False,
        ),
    ] = None,
    send_empty: Annotated[
        bool, typer.Option("--send-empty", help="Send a digest even when nobody is new.")
    ] = False,
    limit: LimitOption = None,
    since: SinceOption = None,
    subject: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="Subject; {count} and {date} are filled in.", show_default=False
        ),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ADDRESS",
            help="From address (default: digest.from, else user@host).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No messages unless something fails.")
    ] = False,
) -> None:
    """Send today's outreach list as an email (text and HTML), once per person.

    Whoever is in a sent digest counts as listed and is left out of the next ones
    until a new, stronger signal about them arrives. With no --to (and no
    digest.to in signals.yaml) the text goes to stdout, which cron mails to you:
    that counts as sent too. An empty digest sends nothing (exit 0).
    SMTP server: PROSPECT_SMTP_URL (smtp://user:pass@host:587 with STARTTLS,
    smtps://host:465), else digest.smtp_url, else smtp://localhost:25;
    a password only from the environment (PROSPECT_SMTP_PASSWORD).

    Example: prospect digest --to you@example.com
    """
    from prospect.digest import DigestOptions, run_digest
    from prospect.lock import run_lock

    if eml is not None and not dry_run:
        # A usage error: said before the list is built or the lock taken.
        raise ProspectError(
            "--eml: only with --dry-run (a real run sends the message instead)", ExitCode.USAGE
        )
    st = state(ctx)
    options = DigestOptions(
        to=list(to or []),
        sender=sender,
        subject=subject,
        limit=limit,
        since_days=parse_since(since),
        dry_run=dry_run,
        send_empty=send_empty,
        eml=eml,
    )
    config = st.config()
    with run_lock(st.db_path, "digest"):
        result = run_digest(st.db(), config, options, datetime.now(UTC), st.term.out, os.environ)
    for note in result.notes:  # what a stopped run left: said even with --quiet
        st.say(f"warning: {note}")
    for addr, reply in result.refused.items():
        st.say(f"warning: the mail server refused {addr} ({reply})")
    if not quiet:
        st.say(_summary(result.status, result.count, result.recipients, result.refused))
        if result.status == "dry_run" and eml is not None:
            st.say(f"digest: the whole message, HTML part included, is in {eml}")
        elif result.status == "dry_run" and result.html_chars:
            st.say(
                f"digest: the mail also has an HTML part ({result.html_chars:,} characters), "
                "not shown (--eml FILE saves the whole message)"
            )
        if result.status == "dry_run" and not result.count and not send_empty:
            st.say("digest: nobody new, so a real run would send nothing (--send-empty to send)")
    if result.refused:
        raise typer.Exit(int(ExitCode.PARTIAL))


def _summary(status: str, count: int, recipients: list[str], refused: dict[str, str]) -> str:
    from prospect.digest import people_words

    people = people_words(count)
    if status == "empty":
        return "digest: nobody new to contact today, nothing sent (--send-empty to send anyway)"
    if status == "dry_run":
        return f"digest: dry run, {people}; nothing sent or recorded"
    if status == "printed":
        return f"digest: {people} printed and recorded as listed"
    delivered = [r for r in recipients if r not in refused]
    return f"digest: {people} sent to {', '.join(delivered)}, recorded as listed"


def register(app: typer.Typer) -> None:
    app.command("digest")(digest)
