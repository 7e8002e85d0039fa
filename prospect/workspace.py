"""`prospect init`: the database, a starter rules file and the starter feeds.

init is repeat-safe and never undoes what the user did: it creates what is
missing and leaves what exists as it is. So the starter feeds from the rules
file are added only to a database init itself creates. Once a database exists,
its feed list is the user's: a starter feed they removed stays removed (the
starters are real sites, and polling one must never come back on its own), and
a database first made by another command gets no feeds it did not ask for.
`prospect feeds add URL` adds any feed at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

from prospect.config import default_config_text, load_config
from prospect.store import connect, write
from prospect.store.contacts import ensure_companies
from prospect.store.feeds import add_feed


def init_workspace(db_path: Path, config_path: Path) -> list[str]:
    """Create what is missing, touch nothing that exists; return what was done."""
    done = []
    if config_path.exists():
        done.append(f"rules file: {config_path} (kept as it is)")
    else:
        config_path.parent.mkdir(parents=True, exist_ok=True)
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
            starters = config.feeds if not existed else []
            added = sum(add_feed(db, f["url"], f.get("name"), f.get("tag")) for f in starters)
    finally:
        db.close()
    if not existed:
        done.append(f"database: {db_path} (created, mode 0600)")
        done.append(f"starter feeds added: {added}")
    else:
        what = "upgraded" if applied else "already set up"
        done.append(f"database: {db_path} ({what}, mode 0600)")
        done.append("starter feeds: none added (your feeds stay as you left them)")
    return done
