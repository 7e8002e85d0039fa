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
