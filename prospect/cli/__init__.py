"""The command line: Typer only. Each command parses options, calls one
function below the CLI, and renders what it returns.

Start-up time is part of every command (cron runs `prospect poll` every
morning), so the command modules import what only their commands need
(the store, the rules file, rendering, detection's patterns, feedparser,
httpx, matching, mail) inside those commands: `prospect poll` loads the
fetching, parsing and storing code and nothing else, and `prospect --help`
or `--version` loads none of it (tests/test_startup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from prospect import __version__
from prospect.cli import accounts, contacts, db, detect, digest, feeds, outreach, review
from prospect.cli._common import AppState, ListFormat, ProspectGroup, chosen, state

app = typer.Typer(
    cls=ProspectGroup,
    help="prospect: the right people to contact today, and why.\n\n"
    "Buying signals from news feeds (funding rounds, executive hires, job changes), "
    "matched to your own connections and ranked into a short daily list.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion: bash, zsh, fish
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prospect {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    ctx: typer.Context,
    # str, not Path: Typer validates Path options through pydantic, whose import
    # alone costs ~0.1 s on every run; the paths are made Paths just below.
    db: Annotated[
        str | None,
        typer.Option(
            "--db", metavar="PATH", help="Database file. [env: PROSPECT_DB]", show_default=False
        ),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help="Rules file (signals.yaml). [env: PROSPECT_CONFIG]",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = AppState(
        db_option=Path(db) if db else None, config_option=Path(config) if config else None
    )


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database and a commented starter signals.yaml.

    Example: prospect init
    """
    from prospect.workspace import init_workspace

    st = state(ctx)
    result = init_workspace(st.db_path, st.config_path)
    for line in result:
        st.say(line)


@app.command()
def demo(
    ctx: typer.Context,
    fmt: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format: cards, table (one grid), csv, json or jsonl (also when piped).",
        ),
    ] = ListFormat.cards,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, help="How many people to show.")
    ] = None,
) -> None:
    """Run the whole pipeline on bundled sample data: no network, no set-up.

    Imports a sample connections export, polls sample feeds, detects signals and
    prints the ranked outreach list, all in a throwaway database.

    Example: prospect demo
    """
    from prospect.demo import run_demo
    from prospect.render import render_list

    st = state(ctx)
    st.say("prospect demo: sample connections and feeds, in a throwaway database")
    result = run_demo(say=st.say, limit=limit)
    render_list(result.rows, chosen(fmt), st.term, result.now)
    st.say(f"{len(result.rows)} people to contact, ranked as of {result.now:%Y-%m-%d}.")


@app.command("config")
def show_config(ctx: typer.Context) -> None:
    """Check the rules file and print where it is (or the defaults when it is missing).

    Example: prospect config
    """
    from prospect.config import default_config_text

    st = state(ctx)
    cfg = st.config()
    if cfg.path is None:
        st.say(f"{st.config_path} does not exist: using the built-in defaults below")
        typer.echo(default_config_text(), nl=False)
    else:
        st.say(f"{cfg.path}: valid")
        typer.echo(cfg.path.read_text("utf-8"), nl=False)


contacts.register(app)
detect.register(app)
feeds.register(app)
accounts.register(app)
outreach.register(app)
review.register(app)
db.register(app)
digest.register(app)


def main() -> None:
    app(prog_name="prospect")


__all__ = ["app", "main"]
