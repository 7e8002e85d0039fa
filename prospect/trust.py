"""Whose files prospect trusts: the database and the rules file, checked as ssh
checks ~/.ssh before it reads a key.

The database holds the rep's contacts, and the rules file says where the
digest is mailed: a file another user planted (in a shared folder, or behind a
symlink) would hand them both. So a file used must be owned by the user (or
root), writable by nobody else, and in a folder others cannot swap it in:
not writable by them unless sticky, as /tmp is. The file a symlink points to
is the one checked.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def trust_problem(path: Path, what: str, *, group_ok: bool = False) -> str | None:
    """Why `path` (an existing file) must not be used, in one line, or None."""
    try:
        real = path.resolve(strict=True)
        info = os.stat(real)
        folder = os.stat(real.parent)
    except (OSError, RuntimeError):
        return None  # missing or unreadable: the caller's own error says so
    me = os.geteuid()
    shown = str(path) if real == path.absolute() else f"{path} (-> {real})"
    if info.st_uid not in (me, 0):
        return (
            f"{shown}: the {what} belongs to another user (uid {info.st_uid}); refusing to "
            "use it: move it away and let prospect make its own"
        )
    writable = stat.S_IWOTH | (0 if group_ok else stat.S_IWGRP)
    if info.st_mode & writable:
        return (
            f"{shown}: the {what} can be changed by other users; refusing to use it "
            f"(run: chmod go-w {real})"
        )
    if folder.st_mode & stat.S_IWOTH and not folder.st_mode & stat.S_ISVTX:
        return (
            f"{shown}: the folder {real.parent} can be written by any user, who could swap "
            f"the {what}; refusing to use it (run: chmod o-w {real.parent})"
        )
    if folder.st_uid not in (me, 0) and folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return (
            f"{shown}: the folder {real.parent} belongs to another user who shares it; "
            f"refusing to use the {what} there"
        )
    return None
