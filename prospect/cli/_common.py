"""What every command shares: the app state (db and config paths), output
options, and the one place domain errors become a clean line and exit code."""

from __future__ import annotations

import math
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from click.core import ParameterSource
from typer.core import TyperGroup

from prospect.errors import ConfigError, ExitCode, ProspectError
from prospect.normalize import duration_days
from prospect.paths import named_by, resolve_config, resolve_db
from prospect.terminal import Terminal

if TYPE_CHECKING:
    from sqlite_utils import Database

    from prospect.config import Config

# The store (sqlite-utils) and the rules file (yaml) are loaded when a command
# first asks for them (`AppState.db()`, `.config()`), so `--help`, `--version`
# and a typo's usage error pay for neither.


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def _format_for(terminal: StrEnum, pipe: StrEnum) -> Callable[..., StrEnum]:
    """The --format callback: the value given, else `terminal` for a person at a
    terminal and `pipe` for a pipe or a file (like httpie, which formats for
    people and leaves pipes plain), so that `prospect list > today.csv` writes
    what its name says."""

    def resolve(ctx: typer.Context, param: typer.CallbackParam, value: StrEnum | None) -> StrEnum:
        if value is not None and ctx.get_parameter_source(param.name or "") is not (
            ParameterSource.DEFAULT
        ):
            return value
        return terminal if state(ctx).term.interactive else pipe

    return resolve


_resolve_format = _format_for(Format.table, Format.csv)


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        callback=_resolve_format,
        show_default=False,
        help="Output format: table, csv, json or jsonl. "
        "Default: table on a terminal, csv when piped or redirected.",
    ),
]


class ListFormat(StrEnum):
    cards = "cards"
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


# No --format: cards for a person at a terminal, CSV for a pipe or a file.
_resolve_list_format = _format_for(ListFormat.cards, ListFormat.csv)


ListFormatOption = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        callback=_resolve_list_format,
        show_default=False,
        help="Output format: cards (one block per person), table (one grid), csv, json or "
        "jsonl. Default: cards on a terminal, csv when piped or redirected.",
    ),
]
# For views read by a person even in a pipe or a file (the demo, `explain`'s text).
TextFormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="Output format: table, csv, json or jsonl (also when piped)."
    ),
]


def chosen(fmt: StrEnum | None) -> str:
    """The --format value: its callback always picks one (the types cannot say so)."""
    assert fmt is not None
    return fmt.value


LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", min=0, help="How many people (default: daily_limit; 0: everyone)."
    ),
]


def parse_since(text: str | None) -> float | None:
    """'12h', '7d' or '2w' in days; above zero, or it would select nothing. A bare
    number is refused: '7' could be hours, days or weeks, so it says which it takes."""
    if not text:
        return None
    text = text.strip().lower()
    days = duration_days(text)
    if days is None or not (math.isfinite(days) and days > 0):
        raise typer.BadParameter(
            "expected a duration above zero with a unit: 12h, 7d or 2w "
            f"(hours, days, weeks), got {text!r}"
        ) from None
    return days


def _check_since(text: str | None) -> str | None:
    parse_since(text)  # fails at parse time, so click names the option in its message
    return text


SinceOption = Annotated[
    str | None,
    typer.Option(
        callback=_check_since, help="Only signals this recent, e.g. 7d, 2w (at most max_age_days)."
    ),
]


def _completion_state(ctx: typer.Context) -> AppState | None:
    """The app state while the shell asks for completions: paths from the command
    line typed so far, never an error (a completion must not print one)."""
    st = state(ctx)
    path = st.db_path
    return st if path.exists() else None


def complete_feeds(ctx: typer.Context, incomplete: str) -> list[str]:
    """Feed names and ids for the shell to offer."""
    st = _completion_state(ctx)
    if st is None:
        return []
    from prospect.store.feeds import display_name, list_feeds

    try:
        rows = list_feeds(st.db())
    except (ProspectError, sqlite3.Error):
        return []
    out = [display_name(r) for r in rows] + [str(r["id"]) for r in rows]
    return [c for c in out if c.lower().startswith(incomplete.lower())]


def complete_people(ctx: typer.Context, incomplete: str) -> list[str]:
    """Today's numbers and keys (c:42) for the shell to offer."""
    st = _completion_state(ctx)
    if st is None:
        return []
    from datetime import UTC, datetime

    from prospect.outreach import ListOptions, build_list

    try:
        rows = build_list(st.db(), st.config(), ListOptions(limit=0), datetime.now(UTC))
    except (ProspectError, sqlite3.Error):
        return []
    out = [str(r.rank) for r in rows] + [r.person_key for r in rows]
    return [c for c in out if c.startswith(incomplete)]


@dataclass
class AppState:
    db_option: Path | None = None
    config_option: Path | None = None
    _db: Database | None = field(default=None, repr=False)
    _config: Config | None = field(default=None, repr=False)
    term: Terminal = field(default_factory=Terminal.detect)

    @property
    def db_path(self) -> Path:
        return resolve_db(self.db_option)

    @property
    def config_path(self) -> Path:
        return resolve_config(self.config_option)

    def db(self) -> Database:
        if self._db is None:
            from prospect.store import connect, on_lock_wait

            on_lock_wait(self.say)
            path = self.db_path
            how = named_by(self.db_option, "PROSPECT_DB")
            if how and str(path) != ":memory:" and not path.parent.is_dir():
                # only `init` and the default location make folders: a typo in
                # --db must not become an empty database that finds nobody, forever
                raise ProspectError(
                    f"{how} {path}: the folder {path.parent} does not exist "
                    f"(check the path; `prospect init` with the same {how} creates it)",
                    ExitCode.USAGE,
                )
            self._db = connect(path)
        return self._db

    def config(self) -> Config:
        if self._config is None:
            from prospect.config import load_config

            path = self.config_path
            how = named_by(self.config_option, "PROSPECT_CONFIG")
            if how and not path.exists():
                raise ConfigError(
                    f"{how} {path}: no such rules file "
                    f"(check the path; `prospect init` with the same {how} writes a starter one)"
                )
            self._config = load_config(path)
        return self._config

    def say(self, message: str) -> None:
        """A message for the person, on stderr."""
        self.term.tell(message)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def fail(message: str, code: ExitCode = ExitCode.ERROR) -> typer.Exit:
    """Print `error: message` on stderr and return the Exit to raise."""
    Terminal.detect().tell(f"error: {message}")
    return typer.Exit(int(code))


def _stdout_closed() -> None:
    """The reader of stdout went away (`| head`): for a CLI that is how a pipe ends,
    not an error. Point stdout at /dev/null so the interpreter's last flush of
    what is still buffered cannot fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test runner's buffer)
        pass


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_closed()
    except (OSError, ValueError):
        pass


class ProspectGroup(TyperGroup):
    """Turns domain errors into one line on stderr and their exit code, a closed
    stdout into a quiet success, and Ctrl-C into exit 130 (128 + SIGINT, the
    shell's convention for a command stopped by an interrupt)."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except ProspectError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except sqlite3.DatabaseError as exc:
            from prospect.store import describe_db_error

            path = ctx.obj.db_path if isinstance(ctx.obj, AppState) else "database"
            err = describe_db_error(path, exc)
            raise fail(err.message, err.exit_code) from None
        except BrokenPipeError:
            _stdout_closed()
            raise typer.Exit(int(ExitCode.OK)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", ExitCode.INTERRUPTED) from None
        finally:
            if isinstance(ctx.obj, AppState) and ctx.parent is None:
                # what is still buffered goes out now, where a closed pipe is handled
                _flush_stdout()
                ctx.obj.close()
