"""A digest reaches its people at most once, whatever stops the run: a SIGKILL
while the mail server holds its reply, or the database locked by another
program before or after the mail goes out. Real processes, a real SMTP server
(aiosmtpd on 127.0.0.1) and a real second SQLite connection holding the lock."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import test_digest
from aiosmtpd.controller import Controller
from smtp_helpers import Sink, free_port
from test_digest import digests, listed, use_server

import prospect.store as store

seeded = test_digest.seeded  # the same three people, worth a digest

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


class HoldingSink(Sink):
    """Takes the message, then holds its reply to DATA until released; meanwhile
    `on_data` runs (kill the client, take the database's lock)."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        self.arrived.set()
        while not self.release.is_set():
            await asyncio.sleep(0.02)
        return reply


def _serve(sink: Sink) -> tuple[Controller, int]:
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, port


def _digest_process(db: Path, tmp_path: Path, port: int) -> subprocess.Popen:
    (tmp_path / "signals.yaml").write_text("# empty: the packaged defaults\n", "utf-8")
    env = {
        **os.environ,
        "PROSPECT_DB": str(db),
        "PROSPECT_CONFIG": str(tmp_path / "signals.yaml"),
        "PROSPECT_SMTP_URL": f"smtp://127.0.0.1:{port}",
    }
    env.pop("PROSPECT_SMTP_PASSWORD", None)
    return subprocess.Popen(
        [sys.executable, "-m", "prospect", "digest", "--to", "rep@example.com"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_kill_while_the_server_holds_its_reply_never_sends_the_people_twice(
    cli, seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    sink = HoldingSink()
    controller, port = _serve(sink)
    try:
        proc = _digest_process(seeded, tmp_path, port)
        assert sink.arrived.wait(30), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)  # the mail is delivered, the reply not yet read
        proc.wait(10)
        sink.release.set()
        assert proc.returncode == -signal.SIGKILL
        assert len(sink.received) == 1 and listed(seeded) == {}

        use_server(monkeypatch, port)
        again = cli("digest", "--to", "rep@example.com")
    finally:
        controller.stop()
    assert again.exit_code == 0, again.output
    assert len(sink.received) == 1  # nobody is sent it a second time
    msgid = sink.received[0].message["Message-ID"].strip()
    assert "interrupted while it was being sent and may have arrived" in again.stderr
    assert msgid in again.stderr
    assert "its 3 people now count as listed" in again.stderr
    assert "nobody new to contact today, nothing sent" in again.stderr
    assert len(listed(seeded)) == 3
    (record,) = digests(seeded)
    assert record["message_id"] == msgid and record["people"] == 3
    shown = json.loads(cli("history", "--format", "json").stdout)
    assert {h["note"] for h in shown} == {"digest to rep@example.com, delivery not confirmed"}


def _hold_write_lock(db: Path) -> sqlite3.Connection:
    """Another program's connection with a write transaction open."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lock waits of about a second."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 1200)
    monkeypatch.setattr(store, "NOTICE_AFTER_MS", 200)


def test_a_database_locked_before_sending_sends_nothing(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch, short_waits: None
):
    sink = Sink()
    controller, port = _serve(sink)
    try:
        use_server(monkeypatch, port)
        other = _hold_write_lock(seeded)
        started = time.monotonic()
        locked = cli("digest", "--to", "rep@example.com")
        waited = time.monotonic() - started
        other.execute("ROLLBACK")
        other.close()
        assert locked.exit_code == 4
        assert sink.received == []
        line = locked.stderr.strip().splitlines()[-1]
        assert "stayed locked for 1.2 s by another program" in line
        assert line.endswith("nothing was sent")
        assert waited < 10
        # told at once, not after a silent wait
        assert "waiting up to 1 s for" in locked.stderr
        assert "another program or prospect command" in locked.stderr

        ok = cli("digest", "--to", "rep@example.com")
    finally:
        controller.stop()
    assert ok.exit_code == 0, ok.output
    assert len(sink.received) == 1 and len(listed(seeded)) == 3


def test_a_database_locked_after_sending_is_recorded_by_the_next_run(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch, short_waits: None
):
    sink = HoldingSink()
    controller, port = _serve(sink)
    holder: list[sqlite3.Connection] = []

    def lock_then_reply() -> None:
        sink.arrived.wait(30)
        holder.append(_hold_write_lock(seeded))  # another program, while the reply is held
        sink.release.set()

    threading.Thread(target=lock_then_reply, daemon=True).start()
    try:
        use_server(monkeypatch, port)
        first = cli("digest", "--to", "rep@example.com")
        assert first.exit_code == 1
        msgid = sink.received[0].message["Message-ID"].strip()
        assert f"the digest went out (Message-ID {msgid}) but could not be recorded yet" in (
            first.stderr
        )
        assert "nobody in it is sent it again" in first.stderr
        holder[0].execute("ROLLBACK")
        holder[0].close()

        again = cli("digest", "--to", "rep@example.com")
    finally:
        controller.stop()
    assert again.exit_code == 0, again.output
    assert len(sink.received) == 1
    assert "may have arrived" in again.stderr and msgid in again.stderr
    assert len(listed(seeded)) == 3 and len(digests(seeded)) == 1


def test_a_failed_send_leaves_nothing_in_the_outbox(cli, seeded: Path, monkeypatch):
    monkeypatch.setenv("PROSPECT_SMTP_URL", f"smtp://127.0.0.1:{free_port()}")
    assert cli("digest", "--to", "rep@example.com").exit_code == 1
    db = store.connect(seeded)
    try:
        assert db["outbox"].count == 0
    finally:
        db.close()
    sink = Sink()
    controller, port = _serve(sink)
    try:
        use_server(monkeypatch, port)
        ok = cli("digest", "--to", "rep@example.com")
    finally:
        controller.stop()
    assert ok.exit_code == 0 and "interrupted" not in ok.stderr
    assert len(sink.received) == 1 and len(listed(seeded)) == 3


def test_a_dry_run_mentions_an_interrupted_digest_and_changes_nothing(
    cli, seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    sink = HoldingSink()
    controller, port = _serve(sink)
    try:
        proc = _digest_process(seeded, tmp_path, port)
        assert sink.arrived.wait(30)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        sink.release.set()
    finally:
        controller.stop()
    dry = cli("digest", "--dry-run")
    assert dry.exit_code == 0
    assert "the next real run counts its 3 people as listed" in dry.stderr
    assert listed(seeded) == {}
