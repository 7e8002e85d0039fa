"""Where the database and the rules file live.

Order: the global `--db` / `--config` options, then `PROSPECT_DB` /
`PROSPECT_CONFIG`, then the platform's app directory
(`typer.get_app_dir("prospect")`, e.g. ~/.config/prospect on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

APP_NAME = "prospect"
DB_NAME = "prospect.db"
CONFIG_NAME = "signals.yaml"


def app_dir() -> Path:
    return Path(typer.get_app_dir(APP_NAME))


def resolve_db(option: Path | None) -> Path:
    if option is not None:
        return option.expanduser()
    env = os.environ.get("PROSPECT_DB")
    if env:
        return Path(env).expanduser()
    return app_dir() / DB_NAME


def named_by(option: Path | None, env: str) -> str | None:
    """Who named a path explicitly: the option, the environment variable, or nobody
    (the default location). A path named explicitly must exist: a typo in a cron
    line must fail, not quietly run on the defaults or an empty database."""
    if option is not None:
        return "--db" if env == "PROSPECT_DB" else "--config"
    return env if os.environ.get(env) else None


def resolve_config(option: Path | None) -> Path:
    if option is not None:
        return option.expanduser()
    env = os.environ.get("PROSPECT_CONFIG")
    if env:
        return Path(env).expanduser()
    return app_dir() / CONFIG_NAME
