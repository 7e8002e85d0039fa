"""Exit codes and the domain errors that the CLI turns into one clean line.

Every error a user can cause (bad file, bad config, unreachable server) is raised
as a `ProspectError` carrying its exit code; the CLI prints `error: <message>` to
stderr and exits with that code. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # a run that failed: every feed failed, a send failed, a bad input file
    USAGE = 2  # bad command line or bad signals.yaml
    LOCKED = 3  # another prospect run holds the lock
    DATABASE = 4  # the database is unreadable, corrupt or read-only
    PARTIAL = 5  # --strict: the run finished, but some part of it failed
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as the shell reports it


class ProspectError(Exception):
    """An error with a message meant for the user and an exit code."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0])


class ConfigError(ProspectError):
    """signals.yaml is missing, unreadable or invalid."""

    exit_code = ExitCode.USAGE


class InputError(ProspectError):
    """An input file (export, OPML, text) cannot be read as expected."""

    exit_code = ExitCode.ERROR


class StoreError(ProspectError):
    """The database cannot be opened, is corrupt or is read-only."""

    exit_code = ExitCode.DATABASE


class LockedError(ProspectError):
    """Another prospect run holds the lock."""

    exit_code = ExitCode.LOCKED
