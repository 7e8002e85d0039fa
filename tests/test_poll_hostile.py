"""300 feeds, 30 of them on hostile servers (tests/hostile_http.py), in one real
`prospect poll` process: the 270 good ones are stored, the poll exits 0 (5 with
--strict), and `feeds list` names each bad feed with a readable error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hostile_http import HOSTILE, serve_responses

from prospect.store import connect, write
from prospect.store.feeds import add_feed

HOSTILE_NAMES = sorted(HOSTILE)[:30]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "signals.yaml").write_text("# empty: the packaged defaults\n", "utf-8")
    env = {**os.environ, "PROSPECT_DB": str(tmp_path / "p.db"),
           "PROSPECT_CONFIG": str(tmp_path / "signals.yaml")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "prospect", *args],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_300_feeds_with_30_hostile_store_every_good_one_and_name_each_bad_one(tmp_path: Path):
    with serve_responses() as server:
        good = [f"{server.url}/good/{n}" for n in range(270)]
        bad = {f"{server.url}/hostile/{name}": name for name in HOSTILE_NAMES}
        db = connect(tmp_path / "p.db")
        with write(db):
            for url in good + list(bad):
                add_feed(db, url)
        db.close()

        first = _run(tmp_path, "poll", "--timeout", "20")
        strict = _run(tmp_path, "poll", "--force", "--strict", "--timeout", "20")
        listed = json.loads(_run(tmp_path, "feeds", "list", "--format", "json").stdout)

    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr + strict.stderr
    assert strict.returncode == 5, strict.stderr
    by_url = {row["url"]: row for row in listed}
    assert len(by_url) == 300
    # every good feed stored its five entries
    db = connect(tmp_path / "p.db")
    try:
        counts = dict(
            db.execute(
                "SELECT feeds.url, count(items.id) FROM feeds LEFT JOIN items "
                "ON items.feed_id = feeds.id GROUP BY feeds.id"
            ).fetchall()
        )
    finally:
        db.close()
    assert all(counts[url] == 5 for url in good), [u for u in good if counts[u] != 5]
    assert all(by_url[url]["last_error"] is None for url in good)
    # every hostile feed was either read (stock httpx reads it) or failed with its reason
    failed = [url for url in bad if by_url[url]["last_error"]]
    assert len(failed) >= 20
    for url in failed:
        error = by_url[url]["last_error"]
        assert "Traceback" not in error and "\n" not in error and len(error) < 300, (url, error)
    for url in set(bad) - set(failed):
        assert counts[url] >= 0 and by_url[url]["last_error"] is None
