"""`prospect detect`: find signals in lines of text or a feed, to test rules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from prospect.cli._common import FormatOption, chosen, state
from prospect.errors import ExitCode, InputError, ProspectError


def detect(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            help="Text file, one headline per line (TAB, then an optional summary); - for stdin.",
            show_default=False,
        ),
    ] = None,
    feed: Annotated[
        str | None,
        typer.Option("--feed", help="Run over a feed's entries instead (URL or file)."),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Print every signal found in headlines (one per line) or in a feed's entries.

    Uses your rules file, and the companies in your database when it exists.

    Example: prospect detect headlines.txt --format jsonl
    """
    from prospect.detect import Detector  # compiles every pattern: only for this command
    from prospect.detect.run import (
        DETECT_COLUMNS,
        DETECT_SCREEN,
        detect_entries_records,
        detect_lines,
        load_feed_entries,
    )
    from prospect.render import render_records
    from prospect.store.contacts import company_names

    st = state(ctx)
    companies = company_names(st.db()) if st.db_path.exists() else {}
    detector = Detector(st.config(), companies)
    if feed is not None:
        records = list(detect_entries_records(load_feed_entries(feed), detector))
    else:
        if file is None and sys.stdin.isatty():
            # nothing piped in: say what it wants rather than wait in silence
            raise ProspectError(
                "expected headlines: a file, - to type them (Ctrl-D ends), a pipe "
                "(echo 'Acme raises $5M seed' | prospect detect) or --feed URL",
                ExitCode.USAGE,
            )
        if file is None or file == "-":
            if sys.stdin.isatty():
                st.say("reading headlines, one a line; Ctrl-D ends")
            lines = sys.stdin
            records = list(detect_lines(lines, detector))
        else:
            path = Path(file)
            try:
                with path.open(encoding="utf-8") as fh:
                    records = list(detect_lines(fh, detector))
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    render_records(records, DETECT_COLUMNS, chosen(fmt), st.term, screen=DETECT_SCREEN)
    st.say(f"{len(records)} signal(s) found")


def register(app: typer.Typer) -> None:
    app.command("detect")(detect)
