"""`prospect init`: the database, a starter rules file and the starter feeds."""

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
    db = connect(db_path)
    try:
        with write(db):
            ensure_companies(db, config.aliases)
            added = sum(add_feed(db, f["url"], f.get("name"), f.get("tag")) for f in config.feeds)
    finally:
        db.close()
    done.append(f"database: {db_path} ({'upgraded' if existed else 'created'}, mode 0600)")
    done.append(f"starter feeds added: {added}")
    return done
