"""`prospect import ...`, `prospect contacts ...`, `prospect who COMPANY`."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prospect.cli._common import AppState, FormatOption, ProspectGroup, chosen, state
from prospect.errors import ExitCode, ProspectError
from prospect.models import CONTACT_FIELDS

if TYPE_CHECKING:
    from prospect.importers import Parse

# The importers and queries are imported inside each command: the CLI loads
# only what the command it runs needs (see cli/__init__.py).

import_app = typer.Typer(
    cls=ProspectGroup, help="Import your connections and contacts.", no_args_is_help=True
)
contacts_app = typer.Typer(
    cls=ProspectGroup, help="List, search and show your contacts.", no_args_is_help=True
)

MAX_PROBLEMS_SHOWN = 10
CONTACT_COLUMNS = (
    "id",
    "full_name",
    "title",
    "company",
    "email",
    "profile_url",
    "connected_on",
    "sources",
)


def _records(contacts) -> list[dict]:  # type: ignore[no-untyped-def]
    out = []
    for c in contacts:
        rec = asdict(c)
        rec["sources"] = ",".join(c.sources)
        out.append(rec)
    return out


StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Fail on the first bad row instead of skipping it."),
]


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="When this export was made (e.g. 2026-10-31); by default its newest "
        "connection date. An export older than the last one only fills blanks.",
    ),
]


def _as_of(text: str | None) -> str | None:
    if text is None:
        return None
    from prospect.importers.text import parse_date

    day = parse_date(text)
    if day is None:
        raise ProspectError(f"--as-of {text!r}: expected a date such as 2026-10-31", ExitCode.USAGE)
    return day


def _import(st: AppState, parse: Parse, source: str, as_of: str | None = None) -> None:
    """Read and save a file as it is read, then tell the person what happened, on stderr."""
    from prospect.importers import import_file

    config = st.config()
    parsed, summary = import_file(
        st.db(),
        parse,
        source,
        aliases=config.aliases,
        as_of=as_of,
        job_changes=config.signals["job_change"].enabled,
    )
    for warning in parsed.warnings:
        st.say(f"warning: {warning}")
    for problem in parsed.problems[:MAX_PROBLEMS_SHOWN]:
        st.say(f"skipped {problem}")
    if len(parsed.problems) > MAX_PROBLEMS_SHOWN:
        st.say(f"... and {len(parsed.problems) - MAX_PROBLEMS_SHOWN} more bad rows skipped")
    if summary.newer_seen:
        st.say(
            f"warning: {parsed.path} is older than the {source} export imported before "
            f"(dated {summary.as_of}, that one {summary.newer_seen}): it only filled blanks and "
            "recorded no job changes; if it is the newer one, import it again with "
            "--as-of DATE"
        )
    st.say(summary.line())


@import_app.command("linkedin")
def import_linkedin(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="LinkedIn Connections.csv (Settings > Data privacy > Get a copy of your data)."
        ),
    ],
    strict: StrictOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Import a LinkedIn Connections.csv; re-importing a newer one records job changes.

    Example: prospect import linkedin ~/Downloads/Connections.csv
    """
    from prospect.importers.linkedin import parse_linkedin

    st, day = state(ctx), _as_of(as_of)
    _import(st, lambda collect: parse_linkedin(file, strict, collect), "linkedin", day)


@import_app.command("csv")
def import_csv(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A CSV export from a CRM or Google Contacts.")],
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=field",
            help="Read COLUMN (a header, or a number from 1) as field: "
            f"{', '.join(CONTACT_FIELDS)}. Repeat for more columns.",
        ),
    ] = None,
    no_header: Annotated[
        bool,
        typer.Option("--no-header", help="The first row is data; name columns by number."),
    ] = False,
    source: Annotated[
        str, typer.Option("--source", help="Name this export's source, e.g. hubspot.")
    ] = "csv",
    strict: StrictOption = False,
    as_of: AsOfOption = None,
) -> None:
    """Import contacts from a CSV file; common headers are recognised, --map names the rest.

    Example: prospect import csv hubspot.csv --map "Account"=company --source hubspot
    """
    from prospect.importers.csvfile import parse_csv, parse_mapping

    st, columns, day = state(ctx), parse_mapping(mapping), _as_of(as_of)
    _import(st, lambda collect: parse_csv(file, columns, no_header, strict, collect), source, day)


@import_app.command("vcard")
def import_vcard(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .vcf file with one or more cards.")],
    strict: StrictOption = False,
) -> None:
    """Import contacts from a vCard file (3.0 or 4.0, several cards per file).

    Example: prospect import vcard ~/Downloads/contacts.vcf
    """
    from prospect.importers.vcard import parse_vcard

    st = state(ctx)
    _import(st, lambda collect: parse_vcard(file, strict=strict), "vcard")


@contacts_app.command("list")
def contacts_list(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List every contact.

    Example: prospect contacts list --format csv > contacts.csv
    """
    from prospect.render import render_records
    from prospect.store.contacts import iter_contacts

    st = state(ctx)
    empty = "no contacts yet: prospect import linkedin Connections.csv"
    render_records(
        _records(iter_contacts(st.db())), CONTACT_COLUMNS, chosen(fmt), st.term, empty=empty
    )


@contacts_app.command("search")
def contacts_search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Part of a name, company, title or email.")],
    fmt: FormatOption = None,
) -> None:
    """Find contacts by name, company, title or email.

    Example: prospect contacts search "head of sales"
    """
    from prospect.render import render_records
    from prospect.store.contacts import search_contacts

    st = state(ctx)
    found = _records(search_contacts(st.db(), text))
    render_records(
        found, CONTACT_COLUMNS, chosen(fmt), st.term, empty=f"no contact matches {text!r}"
    )


@contacts_app.command("show")
def contacts_show(
    ctx: typer.Context,
    contact_id: Annotated[
        int, typer.Argument(metavar="ID", help="The contact's id (see contacts list).")
    ],
    fmt: FormatOption = None,
) -> None:
    """Show one contact.

    Example: prospect contacts show 42
    """
    from prospect.render import render_records
    from prospect.store.contacts import get_contact

    st = state(ctx)
    contact = get_contact(st.db(), contact_id)
    if contact is None:
        raise ProspectError(f"no contact with id {contact_id}")
    render_records(_records([contact]), CONTACT_COLUMNS, chosen(fmt), st.term)


def who(
    ctx: typer.Context,
    company: Annotated[str, typer.Argument(help="A company name, any spelling or alias.")],
    fmt: FormatOption = None,
) -> None:
    """Who do I know at a company? Any spelling, legal form or alias of its name.

    Example: prospect who "Acme Inc."
    """
    from prospect.render import render_records
    from prospect.store.contacts import contacts_at

    st = state(ctx)
    people = contacts_at(st.db(), company, aliases=st.config().aliases)
    empty = f"you know nobody at {company!r} (by any spelling, legal form or alias)"
    render_records(_records(people), CONTACT_COLUMNS, chosen(fmt), st.term, empty=empty)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(contacts_app, name="contacts")
    app.command("who")(who)
