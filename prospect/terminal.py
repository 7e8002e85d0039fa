"""Where output goes and how it looks, decided once per run: whether stdout is a
terminal and whether colour is wanted. Tests build one to simulate a pipe.

Its own small module, with rich imported only when a console is made, because
every command builds a `Terminal` and `prospect --help` should not load rich's
tables to print its usage."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(slots=True)
class Terminal:
    """Where output goes and how it looks; decided once per run."""

    out: TextIO
    err: TextIO
    color: bool
    interactive: bool
    width: int | None = None  # None: the terminal's own (`_piped_width` when not a terminal)

    @classmethod
    def detect(cls, out: TextIO | None = None, err: TextIO | None = None) -> Terminal:
        out = out or sys.stdout
        err = err or sys.stderr
        interactive = isatty(out)
        color = interactive and not os.environ.get("NO_COLOR")
        return cls(out=out, err=err, color=color, interactive=interactive)

    def console(self) -> Console:
        from rich.console import Console

        return Console(
            file=self.out,
            no_color=not self.color,
            highlight=False,
            force_terminal=self.color or None,
            width=self.width or (None if self.interactive else _piped_width(self.err)),
        )

    def messages(self) -> Console:
        from rich.console import Console

        err_tty = isatty(self.err)
        return Console(
            file=self.err,
            no_color=not err_tty or bool(os.environ.get("NO_COLOR")),
            highlight=False,
            stderr=True,
        )

    def tell(self, message: str) -> None:
        """A message for the person, on stderr: wrapped at words to a terminal's width,
        one line in a log or a pipe (where a line is what grep and cron mail read)."""
        console = self.messages()
        console.print(message, markup=False, highlight=False, soft_wrap=not console.is_terminal)


def _piped_width(err: TextIO) -> int:
    """The width for output that is not a terminal: the terminal the person is at when
    stderr still is one (`prospect demo | head` on an 80-column screen), else 160 (a file,
    cron's mail)."""
    if isatty(err):
        try:
            return max(os.get_terminal_size(err.fileno()).columns, 40)
        except (OSError, ValueError, AttributeError):
            pass
    return 160


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
