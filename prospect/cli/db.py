"""`prospect db check|backup|recover|path`: look after the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from prospect.cli._common import ProspectGroup, state
from prospect.errors import ExitCode

db_app = typer.Typer(
    cls=ProspectGroup, help="Check, back up and recover the database.", no_args_is_help=True
)


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Check the database for damage and show what it holds.

    Example: prospect db check
    """
    from prospect.store.maintenance import check_db

    st = state(ctx)
    result = check_db(st.db_path)
    counts = ", ".join(f"{n} {t}" for t, n in result.counts.items())
    if result.ok:
        typer.echo(f"{result.path}: ok (schema {result.schema_version}); {counts}")
        if result.read_only_folder:
            st.say(
                "note: the folder is read-only, so the file was read as it is on disk; "
                "changes the last run left in its write-ahead log were not checked"
            )
        return
    for problem in result.problems:
        st.say(f"  {problem}")
    st.say(
        f"error: {result.path}: the database is damaged. Keep a copy of the file, then run "
        f"`prospect db recover NEW.db` to copy what can still be read, and use it with --db NEW.db"
    )
    raise typer.Exit(int(ExitCode.DATABASE))


@db_app.command("backup")
def db_backup(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="The new backup file.")],
) -> None:
    """Write a consistent copy of the database, safe while other runs use it.

    Example: prospect db backup ~/prospect-backup.db
    """
    from prospect.store.maintenance import backup_db

    st = state(ctx)
    backup_db(st.db_path, target)
    st.say(f"backed up {st.db_path} to {target}")


@db_app.command("recover")
def db_recover(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="The new, recovered database file.")],
) -> None:
    """Copy whatever can still be read from a damaged database into a new file.

    Example: prospect db recover ~/prospect-recovered.db
    """
    from prospect.store.maintenance import recover_db

    st = state(ctx)
    failed = recover_db(st.db_path, target)
    st.say(
        f"recovered {st.db_path} into {target}"
        + (f" ({failed} statements could not be read)" if failed else "")
    )


@db_app.command("path")
def db_path(ctx: typer.Context) -> None:
    """Print where the database and the rules file are.

    Example: prospect db path
    """
    st = state(ctx)
    typer.echo(f"database: {st.db_path}")
    typer.echo(f"rules:    {st.config_path}")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
