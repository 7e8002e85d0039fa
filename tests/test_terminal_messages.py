"""Messages on stderr: wrapped at words on a terminal, one line in a log or a pipe."""

from __future__ import annotations

import io

import pytest

from prospect.terminal import Terminal

MESSAGE = (
    "import connections-2026-10.csv: linkedin: 25 added, 0 updated, 0 unchanged, "
    "0 skipped; 0 job changes"
)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_message_on_a_terminal_wraps_at_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    err = Tty()
    Terminal.detect(out=io.StringIO(), err=err).tell(MESSAGE)
    lines = err.getvalue().splitlines()
    assert len(lines) > 1
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(line.strip() for line in lines) == MESSAGE  # no word cut in two


def test_a_message_in_a_log_stays_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    err = io.StringIO()
    Terminal.detect(out=io.StringIO(), err=err).tell(MESSAGE)
    assert err.getvalue() == MESSAGE + "\n"


def test_piped_output_takes_the_width_of_the_terminal_still_on_stderr() -> None:
    """`prospect demo | head` on an 80-column screen: cards at 80 columns; to a file with
    stderr elsewhere too (cron): 160."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    try:
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
        with os.fdopen(os.dup(secondary), "w") as err:
            console = Terminal.detect(out=io.StringIO(), err=err).console()
            assert console.width == 80
    finally:
        os.close(primary)
        os.close(secondary)
    assert Terminal.detect(out=io.StringIO(), err=io.StringIO()).console().width == 160
