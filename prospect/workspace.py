"""`prospect init`: the database, a starter rules file and the starter feeds.

init is repeat-safe and never undoes what the user did: it creates what is
missing and leaves what exists as it is. The starter feeds from the rules file
are offered once per database: the first `init` adds them, whichever command
made the database, and records that in the database (`settings`). After that
the feed list is the user's: a starter feed they removed stays removed (the
starters are real sites, and polling one must never come back on its own).
A database from before this record that already has feeds counts as offered.
`prospect feeds add URL` adds any feed at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlite_utils import Database

from prospect.config import default_config_text, load_config
from prospect.store import connect, now_iso, write
from prospect.store.contacts import ensure_companies
from prospect.store.feeds import add_feed, has_feed
from prospect.store.settings import STARTER_FEEDS_OFFERED, get_setting, save_setting


def init_workspace(db_path: Path, config_path: Path) -> list[str]:
    """Create what is missing, touch nothing that exists; return what was done."""
    done = []
    if config_path.exists():
        done.append(f"rules file: {config_path} (kept as it is)")
    else:
        config_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(config_path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(default_config_text())
        done.append(f"rules file: {config_path} (created; edit it to suit your market)")
    existed = db_path.exists()
    config = load_config(config_path)
    applied: list[int] = []
    db = connect(db_path, applied)
    try:
        with write(db):
            ensure_companies(db, config.aliases)
            added = _offer_starter_feeds(db, config.feeds)
    finally:
        db.close()
    what = "created" if not existed else "upgraded" if applied else "already set up"
    done.append(f"database: {db_path} ({what}, mode 0600)")
    if added is None:
        done.append(
            "starter feeds: none added (offered once already; your feeds stay as you left them)"
        )
    elif config.feeds:
        there = len(config.feeds) - added
        done.append(
            f"starter feeds added: {added}" + (f" ({there} already there)" if there else "")
        )
    else:
        done.append("starter feeds: none in the rules file")
    return done


def _offer_starter_feeds(db: Database, starters: list[dict[str, str]]) -> int | None:
    """Add the starter feeds unless this database was offered them before; how
    many were new, or None when they were offered before. A rules file with no
    starters offers nothing, so starters put in it later still come once."""
    if get_setting(db, STARTER_FEEDS_OFFERED) is not None:
        return None
    if not starters:
        return 0
    # a starter the user has already (perhaps disabled, or renamed) is theirs: leave it
    new = [f for f in starters if not has_feed(db, f["url"])]
    added = sum(add_feed(db, f["url"], f.get("name"), f.get("tag")) for f in new)
    save_setting(db, STARTER_FEEDS_OFFERED, now_iso())
    return added
