"""`prospect review` and `prospect detect` at a real terminal: each runs in a
pseudo-terminal, keys are typed into it, and the store is read afterwards.
`review` must write exactly what `prospect mark` writes."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from test_digest import seeded  # noqa: F401  (the fixture: three people with signals)

from prospect.store import connect
from prospect.store.outreach import outreach_states

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x1b\x07]*(?:\x07|\x1b\\)")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


class Terminal:
    """A process on a pseudo-terminal of 100 columns: type keys, read the screen."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the terminal is its stdin, stdout and stderr
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
            os.environ.clear()
            os.environ.update(env)
            os.execv(sys.executable, [sys.executable, "-m", "prospect", *args])
        self.pid, self.fd, self.seen, self.pos = pid, fd, "", 0

    def read_until(self, text: str, timeout: float = 30) -> str:
        """Wait for `text` to appear after what the last call found; the screen so far."""
        end = time.monotonic() + timeout
        while text not in self.seen[self.pos :]:
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError(f"never saw {text!r}; the screen:\n{self.seen}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"ended before {text!r}; the screen:\n{self.seen}")
                self.seen += chunk.decode("utf-8", "replace")
                self.seen = ESCAPES.sub("", self.seen)
        self.pos = self.seen.index(text, self.pos) + len(text)
        return self.seen

    def type(self, keys: str) -> None:
        """Type a line into a prompt (the terminal is in line mode then)."""
        os.write(self.fd, keys.encode())

    def key(self, key: str, timeout: float = 30) -> None:
        """Press one key once the program reads single keys: switching to that mode
        discards what was typed before (TCSAFLUSH), as on a real terminal."""
        end = time.monotonic() + timeout
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            if time.monotonic() > end:
                raise AssertionError(f"never read a single key; the screen:\n{self.seen}")
            time.sleep(0.02)
        os.write(self.fd, key.encode())

    def wait(self, timeout: float = 30) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with_status = os.waitpid(self.pid, os.WNOHANG)
            if with_status[0]:
                try:  # the rest of what it printed
                    while select.select([self.fd], [], [], 0.1)[0]:
                        chunk = os.read(self.fd, 4096)
                        if not chunk:
                            break
                        self.seen += chunk.decode("utf-8", "replace")
                except OSError:
                    pass
                os.close(self.fd)
                return os.waitstatus_to_exitcode(with_status[1])
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError(f"still running; the screen:\n{self.seen}")


@pytest.fixture
def env(tmp_path: Path, db_path: Path) -> dict[str, str]:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(0o755)
    inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return {
        **inherited,
        "PROSPECT_DB": str(db_path),
        "BROWSER": f"{browser} %s",
        "TERM": "xterm",
        "NO_COLOR": "1",
    }


def test_review_walks_the_list_and_writes_what_mark_writes(
    cli,
    seeded: Path,  # noqa: F811
    env: dict[str, str],
    tmp_path: Path,
):
    today = json.loads(cli("list", "--format", "json").stdout)
    assert len(today) == 3
    term = Terminal(["review"], env)
    term.read_until(f" 1  {today[0]['person']}")
    term.read_until("[1 of 3]")
    term.key("o")  # the story, in the browser
    term.read_until("[1 of 3]")
    term.key("n")
    term.read_until("note:")
    term.type("emailed about the round\r")
    term.read_until("the note goes with the next mark")
    term.key("c")
    term.read_until(f"marked {today[0]['person']}")
    term.read_until(f" 2  {today[1]['person']}")
    term.read_until("[2 of 3]")
    term.key(" ")  # next, nothing marked
    term.read_until("[3 of 3]")
    term.key("z")
    term.read_until("snooze until")
    term.type("2w\r")
    term.read_until("review: 1 contacted, 1 snoozed")
    assert term.wait() == 0
    opened = (tmp_path / "opened.txt").read_text().split()
    assert opened == [today[0]["url"]]

    # the same as `prospect mark 1 contacted --note ...` and `mark 3 snoozed --until 2w`
    db = connect(seeded)
    try:
        states = outreach_states(db)
    finally:
        db.close()
    first, third = states[today[0]["person_key"]], states[today[2]["person_key"]]
    assert (first["state"], first["note"], first["signal_id"], first["score"]) == (
        "contacted",
        "emailed about the round",
        today[0]["signal_id"],
        today[0]["score"],
    )
    assert third["state"] == "snoozed" and third["until"]
    assert today[1]["person_key"] not in states
    left = json.loads(cli("list", "--format", "json").stdout)
    assert [r["person"] for r in left] == [today[1]["person"]]


def test_review_quits_on_q(cli, seeded: Path, env: dict[str, str]):  # noqa: F811
    term = Terminal(["review"], env)
    term.read_until("[1 of 3]")
    term.key("q")
    term.read_until("review: nothing marked")
    assert term.wait() == 0


def test_review_without_a_terminal_refuses_in_one_line(db_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "prospect", "review"],
        env={**os.environ, "PROSPECT_DB": str(db_path)},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: review needs a terminal to read single keys; "
        "use prospect list, then prospect mark N contacted\n"
    )


def test_detect_with_nothing_piped_in_says_what_it_wants(env: dict[str, str]):
    term = Terminal(["detect"], env)
    screen = term.read_until("--feed URL")
    assert term.wait() == 2
    assert "error: expected headlines: a file, - to type them (Ctrl-D ends)" in screen


def test_detect_dash_on_a_terminal_says_how_to_end(env: dict[str, str]):
    term = Terminal(["detect", "-", "--format", "csv"], env)
    term.read_until("reading headlines, one a line; Ctrl-D ends")
    term.type("Acme Robotics raises $20M Series B\r\x04")
    screen = term.read_until("signal(s) found")
    assert term.wait() == 0
    assert "funding_round" in screen


def test_the_keys_line_fits_80_columns_at_any_place_in_a_list():
    from prospect.cli.review import KEYS, SHORT_KEYS

    assert len(f"[10 of 10] {SHORT_KEYS}") <= 80 < len(f"[10 of 10] {KEYS}")
    for key in ("o/p", "c/s/z", "n note", "q quit"):
        assert key in SHORT_KEYS
