"""`prospect import ...`, `prospect contacts ...`, `prospect who COMPANY`."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from prospect.cli._common import Format, FormatOption, ProspectGroup, state
from prospect.errors import ProspectError
from prospect.importers import import_contacts
from prospect.importers.linkedin import read_linkedin
from prospect.render import render_records
from prospect.store.contacts import contacts_at, get_contact, iter_contacts, search_contacts

import_app = typer.Typer(
    cls=ProspectGroup, help="Import your connections and contacts.", no_args_is_help=True
)
contacts_app = typer.Typer(
    cls=ProspectGroup, help="List, search and show your contacts.", no_args_is_help=True
)

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


@import_app.command("linkedin")
def import_linkedin(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="LinkedIn Connections.csv (Settings > Data privacy > Get a copy of your data)."
        ),
    ],
) -> None:
    """Import a LinkedIn Connections.csv; re-importing a newer one records job changes.

    Example: prospect import linkedin ~/Downloads/Connections.csv
    """
    st = state(ctx)
    contacts, skipped = read_linkedin(file)
    summary = import_contacts(st.db(), contacts, "linkedin", skipped=skipped)
    st.say(summary.line())


@contacts_app.command("list")
def contacts_list(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List every contact.

    Example: prospect contacts list --format csv > contacts.csv
    """
    st = state(ctx)
    render_records(_records(iter_contacts(st.db())), CONTACT_COLUMNS, fmt.value, st.term)


@contacts_app.command("search")
def contacts_search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Part of a name, company, title or email.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Find contacts by name, company, title or email.

    Example: prospect contacts search "head of sales"
    """
    st = state(ctx)
    render_records(_records(search_contacts(st.db(), text)), CONTACT_COLUMNS, fmt.value, st.term)


@contacts_app.command("show")
def contacts_show(
    ctx: typer.Context,
    contact_id: Annotated[
        int, typer.Argument(metavar="ID", help="The contact's id (see contacts list).")
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """Show one contact.

    Example: prospect contacts show 42
    """
    st = state(ctx)
    contact = get_contact(st.db(), contact_id)
    if contact is None:
        raise ProspectError(f"no contact with id {contact_id}")
    render_records(_records([contact]), CONTACT_COLUMNS, fmt.value, st.term)


def who(
    ctx: typer.Context,
    company: Annotated[str, typer.Argument(help="A company name, any spelling or alias.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Who do I know at a company?

    Example: prospect who "Acme Inc."
    """
    st = state(ctx)
    render_records(_records(contacts_at(st.db(), company)), CONTACT_COLUMNS, fmt.value, st.term)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(contacts_app, name="contacts")
    app.command("who")(who)
