"""`poll` end to end against a real local HTTP server and a real database."""

from __future__ import annotations

import gzip
import re
import ssl
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from prospect.poll import RETRY_AFTER_CAP, PollSummary, backoff, poll
from prospect.store import write
from prospect.store.feeds import add_feed, list_feeds


def rss(*titles: str) -> bytes:
    items = "".join(
        f"<item><guid>{i}</guid><title>{t}</title><link>https://news.test/{i}</link>"
        "<pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate></item>"
        for i, t in enumerate(titles)
    )
    return f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


FEED = rss("Acme Robotics raises $20M in Series B funding", "Weather is nice")


def subscribe(db, *urls: str) -> None:
    with write(db):
        for url in urls:
            add_feed(db, url)


def feed(db, url: str | None = None) -> dict:
    rows = list_feeds(db)
    return next(r for r in rows if url is None or url in (r["url"], r["original_url"]))


def test_new_entries_are_stored_and_detected_once(db, config, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(FEED, content_type="application/rss+xml")
    subscribe(db, httpserver.url_for("/feed"))
    first = poll(db, config)
    assert (first.polled, first.failed, first.new_entries) == (1, 0, 2)
    assert first.new_signals >= 1
    items = db.execute("SELECT count(*) FROM items").fetchone()[0]
    signals = db.execute("SELECT count(*) FROM signals").fetchone()[0]
    second = poll(db, config, force=True)
    assert (second.new_entries, second.new_signals) == (0, 0)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == items
    assert db.execute("SELECT count(*) FROM signals").fetchone()[0] == signals
    row = feed(db)
    assert row["title"] == "Wire" and row["last_new_entry_at"] and row["status"] == "ok"


def test_etag_and_last_modified_round_trip_and_304_is_not_parsed(db, config, httpserver):
    etag, modified = '"v1"', "Tue, 10 Nov 2026 09:00:00 GMT"
    url = httpserver.url_for("/feed")
    httpserver.expect_ordered_request("/feed").respond_with_data(
        FEED, headers={"ETag": etag, "Last-Modified": modified}
    )
    httpserver.expect_ordered_request(
        "/feed", headers={"If-None-Match": etag, "If-Modified-Since": modified}
    ).respond_with_data(b"<not xml at all", status=304)
    subscribe(db, url)
    poll(db, config)
    assert (feed(db)["etag"], feed(db)["last_modified"]) == (etag, modified)
    again = poll(db, config, force=True)
    assert (again.not_modified, again.failed, again.new_entries) == (1, 0, 0)
    assert feed(db)["last_status"] == 304 and feed(db)["etag"] == etag
    httpserver.check_assertions()


def test_301_updates_the_stored_url_and_302_does_not(db, config, httpserver):
    httpserver.expect_request("/moved").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/temp").respond_with_data(
        "", status=302, headers={"Location": "/new2"}
    )
    httpserver.expect_request("/new").respond_with_data(FEED)
    httpserver.expect_request("/new2").respond_with_data(rss("Other"))
    subscribe(db, httpserver.url_for("/moved"), httpserver.url_for("/temp"))
    poll(db, config)
    urls = {r["url"] for r in list_feeds(db)}
    assert urls == {httpserver.url_for("/new"), httpserver.url_for("/temp")}
    assert feed(db, httpserver.url_for("/new"))["original_url"] == httpserver.url_for("/moved")


def test_410_disables_the_feed_and_adding_it_again_enables_it(db, config, httpserver):
    httpserver.expect_request("/gone").respond_with_data("", status=410)
    url = httpserver.url_for("/gone")
    subscribe(db, url)
    summary = poll(db, config)
    assert summary.failed == 1 and "disabled" in summary.errors[0][1]
    assert feed(db)["disabled"] == 1 and feed(db)["status"].startswith("disabled: 410 Gone")
    assert poll(db, config, force=True).polled == 0
    subscribe(db, url)
    assert feed(db)["disabled"] == 0


def test_429_retry_after_sets_next_poll_and_the_feed_waits(db, config, httpserver):
    httpserver.expect_request("/busy").respond_with_data(
        "", status=429, headers={"Retry-After": "7200"}
    )
    subscribe(db, httpserver.url_for("/busy"))
    poll(db, config)
    next_poll = datetime.fromisoformat(feed(db)["next_poll_at"])
    assert timedelta(minutes=119) < next_poll - datetime.now(UTC) <= timedelta(minutes=120)
    waiting = poll(db, config)
    assert waiting.polled == 0 and waiting.waiting == 1 and "in back-off" in waiting.line()
    assert poll(db, config, force=True).polled == 1


def test_repeated_errors_back_off_exponentially_with_a_cap(db, config, httpserver):
    httpserver.expect_request("/down").respond_with_data("", status=500)
    subscribe(db, httpserver.url_for("/down"))
    for expected in (1, 2, 3):
        poll(db, config, force=True)
        row = feed(db)
        assert row["error_count"] == expected
        wait = datetime.fromisoformat(row["next_poll_at"]) - datetime.fromisoformat(
            row["last_polled_at"]
        )
        assert wait == backoff(expected)
    assert [backoff(n).total_seconds() / 3600 for n in (1, 2, 3, 8, 50)] == [1, 2, 4, 72, 72]


def test_one_failing_feed_never_stops_the_others(db, config, httpserver):
    httpserver.expect_request("/ok").respond_with_data(FEED)
    httpserver.expect_request("/html").respond_with_data(
        "<html><body><h1>Not a feed</h1></body></html>", content_type="text/html"
    )
    httpserver.expect_request("/err").respond_with_data("", status=500)
    subscribe(
        db,
        httpserver.url_for("/err"),
        httpserver.url_for("/html"),
        httpserver.url_for("/ok"),
        "http://127.0.0.1:9/refused",
    )
    summary = poll(db, config)
    assert (summary.polled, summary.failed, summary.new_entries) == (4, 3, 2)
    errors = dict(summary.errors)
    assert errors[httpserver.url_for("/html")].startswith("not a feed")
    assert errors[httpserver.url_for("/err")].startswith("HTTP 500")
    assert feed(db, httpserver.url_for("/html"))["error_count"] == 1


def test_hostile_feeds_through_poll(db, config, httpserver, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>T</title><item><guid>1</guid>'
        "<title>Leak &xxe; here</title></item></channel></rss>"
    )
    laughs = "".join(f'<!ENTITY l{i} "{(f"&l{i - 1};" if i else "lol") * 10}">' for i in range(10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel>'
        "<title>T</title><item><guid>1</guid><title>&l9;</title></item></channel></rss>"
    )
    httpserver.expect_request("/xxe").respond_with_data(xxe)
    httpserver.expect_request("/lol").respond_with_data(bomb)
    httpserver.expect_request("/big").respond_with_data(b" " * (11 * 1024 * 1024))
    subscribe(db, *(httpserver.url_for(p) for p in ("/xxe", "/lol", "/big")))
    summary = poll(db, config)
    assert summary.polled == 3
    assert "limit" in dict(summary.errors)[httpserver.url_for("/big")]
    stored = " ".join(r[0] or "" for r in db.execute("SELECT title FROM items"))
    assert "TOP-SECRET-VALUE" not in stored
    assert max((len(r[0] or "") for r in db.execute("SELECT title FROM items")), default=0) < 10_000


def test_a_poll_of_many_feeds_stores_every_feed(db, config, httpserver):
    def handler(request: Request) -> Response:
        n = request.path.strip("/")
        return Response(rss(f"Feed {n} news", f"Feed {n} more"), content_type="application/xml")

    httpserver.expect_request(re.compile(r"/f\d+")).respond_with_handler(handler)
    subscribe(db, *(httpserver.url_for(f"/f{i}") for i in range(20)))
    summary = poll(db, config)
    assert (summary.polled, summary.failed, summary.new_entries) == (20, 0, 40)
    calls = []
    poll(db, config, force=True, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (20, 20)


def test_back_pressure_bounds_the_bodies_between_read_and_parse(db, config, monkeypatch):
    """With room for 3 bodies and a slow parse, never more than 3 bodies are
    between the start of their read and the end of their parse, and every feed
    is stored. A re-poll where every feed answers 304 holds no body, so its
    requests are not held back by that room: more than 3 are in flight."""
    import prospect.fetch
    import prospect.poll

    monkeypatch.setattr("prospect.poll.MAX_BODIES", 3)
    lock = threading.Lock()
    held, held_peak, active, active_peak = [0], [0], [0], [0]
    read_body, parse = prospect.fetch._read_body, prospect.poll.parse_and_detect

    async def counted_read(*args: object) -> bytes:
        with lock:
            held[0] += 1
            held_peak[0] = max(held_peak[0], held[0])
        return await read_body(*args)

    def slow_parse(*args: object) -> object:
        time.sleep(0.03)
        try:
            return parse(*args)
        finally:
            with lock:
                held[0] -= 1

    monkeypatch.setattr("prospect.fetch._read_body", counted_read)
    monkeypatch.setattr("prospect.poll.parse_and_detect", slow_parse)

    def handler(request: Request) -> Response:
        with lock:
            active[0] += 1
            active_peak[0] = max(active_peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        n = request.path.strip("/")
        if request.headers.get("If-None-Match") == f'"{n}"':
            return Response(status=304)
        body = rss(f"Feed {n} news", f"Feed {n} more")
        return Response(body, content_type="application/xml", headers={"ETag": f'"{n}"'})

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.expect_request(re.compile(r"/f\d+")).respond_with_handler(handler)
    server.start()
    try:
        subscribe(db, *(server.url_for(f"/f{i}") for i in range(12)))
        summary = poll(db, config)
        assert (summary.polled, summary.failed, summary.new_entries) == (12, 0, 24)
        assert 1 < held_peak[0] <= 3
        active_peak[0] = 0
        again = poll(db, config, force=True)
    finally:
        server.clear()
        server.stop()
    assert (again.polled, again.not_modified, again.failed) == (12, 12, 0)
    assert held[0] == 0
    assert 3 < active_peak[0] <= 6  # the per-host limit, not the room for bodies


def _stored(database) -> list[tuple]:
    return database.execute(
        "SELECT items.guid, items.title, signals.type, signals.company, signals.round"
        " FROM items LEFT JOIN signals ON signals.item_id = items.id ORDER BY items.guid"
    ).fetchall()


def _die_at_start(*args: object) -> None:
    raise SystemExit("this worker cannot start")


@pytest.mark.parametrize("worker", ["process", "broken process"])
def test_a_large_poll_parses_in_a_worker_process_and_stores_the_same(
    db, config, httpserver, tmp_path, monkeypatch, worker
):
    """Parsing in a worker process (a poll of PROCESSES_FROM feeds or more) stores
    exactly what parsing in a thread stores; a pool whose worker cannot start
    (here: its initializer fails) leaves the poll to a thread, every feed stored."""
    import prospect.poll as poll_module
    from prospect.store import connect

    def handler(request: Request) -> Response:
        n = request.path.strip("/f")
        body = rss(f"Company{n} raises $5M in Series A funding", f"Feed {n} news")
        return Response(body, content_type="application/rss+xml")

    httpserver.expect_request(re.compile(r"/f\d+")).respond_with_handler(handler)
    urls = [httpserver.url_for(f"/f{i}") for i in range(6)]
    threaded = connect(tmp_path / "threaded.db")
    subscribe(threaded, *urls)
    assert poll(threaded, config).new_entries == 12
    monkeypatch.setattr(poll_module, "PROCESSES_FROM", 1)
    if worker == "broken process":
        monkeypatch.setattr(poll_module, "start_worker", _die_at_start)
    subscribe(db, *urls)
    summary = poll(db, config)
    assert (summary.polled, summary.failed, summary.new_entries) == (6, 0, 12), summary.errors
    assert summary.new_signals == 6
    assert _stored(db) == _stored(threaded)
    threaded.close()


def test_nothing_to_poll_is_a_quiet_success(db, config):
    assert poll(db, config) == PollSummary()


def test_an_https_feed_is_polled_with_its_certificate_verified(db, config, monkeypatch):
    tls = Path(__file__).parent / "fixtures" / "tls"
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls / "server.pem", tls / "server.key")
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.expect_request("/feed").respond_with_data(FEED, content_type="application/rss+xml")
    server.start()
    try:
        url = server.url_for("/feed")
        assert url.startswith("https://")
        subscribe(db, url)
        refused = poll(db, config)  # the test CA is not trusted yet
        assert refused.failed == 1 and "TLS error" in refused.errors[0][1]
        monkeypatch.setenv("SSL_CERT_FILE", str(tls / "ca.pem"))  # as for a company CA
        summary = poll(db, config, force=True)
        assert (summary.failed, summary.new_entries) == (0, 2)
    finally:
        server.stop()


# --- a feed's server never crashes the poll (each case failed the whole poll before) --


@pytest.mark.parametrize(
    "location",
    ["mailto:news@example.com", "javascript:alert(1)", "about:blank", "data:text/xml,<rss/>",
     "http:feeds/x", "http://[::1/"],
)  # fmt: skip
def test_a_redirect_to_an_unusable_address_fails_that_feed_only(db, config, httpserver, location):
    httpserver.expect_request("/ok").respond_with_data(FEED)
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    subscribe(db, httpserver.url_for("/moved"), httpserver.url_for("/ok"))
    summary = poll(db, config)
    assert (summary.polled, summary.failed, summary.new_entries) == (2, 1, 2)
    row = feed(db, httpserver.url_for("/moved"))
    assert row["error_count"] == 1 and row["last_error"]
    assert row["next_poll_at"]  # backed off, not retried on every cron run


@pytest.mark.parametrize("status", [429, 503])
def test_an_absurd_retry_after_waits_the_longest_wait_and_fails_that_feed_only(
    db, config, httpserver, status
):
    httpserver.expect_request("/ok").respond_with_data(FEED)
    httpserver.expect_request("/slow").respond_with_data(
        "", status=status, headers={"Retry-After": "999999999999"}
    )
    subscribe(db, httpserver.url_for("/slow"), httpserver.url_for("/ok"))
    summary = poll(db, config)
    assert (summary.failed, summary.new_entries) == (1, 2)
    row = feed(db, httpserver.url_for("/slow"))
    wait = datetime.fromisoformat(row["next_poll_at"]) - datetime.fromisoformat(
        row["last_polled_at"]
    )
    assert wait == RETRY_AFTER_CAP


def test_a_stored_address_httpx_cannot_send_fails_that_feed_only(db, config, httpserver):
    # stored by an earlier release, before addresses were checked on the way in
    httpserver.expect_request("/ok").respond_with_data(FEED)
    subscribe(db, httpserver.url_for("/ok"))
    with write(db):
        db.execute("INSERT INTO feeds (url, created_at) VALUES (?, '2026-01-01')",
                   ["http://bad\x01host/feed"])  # fmt: skip
    summary = poll(db, config)
    assert (summary.polled, summary.failed, summary.new_entries) == (2, 1, 2)
    assert "invalid address" in feed(db, "http://bad\x01host/feed")["last_error"]


@pytest.mark.parametrize("encoding", ["gzip, gzip", "gzip, identity", "identity, gzip", "utf-8"])
def test_content_encodings_httpx_reads_are_read(db, config, httpserver, encoding):
    body = FEED
    for part in reversed([p.strip() for p in encoding.split(",")]):
        body = gzip.compress(body) if part == "gzip" else body
    httpserver.expect_request("/f").respond_with_data(body, headers={"Content-Encoding": encoding})
    subscribe(db, httpserver.url_for("/f"))
    summary = poll(db, config)
    assert (summary.failed, summary.new_entries) == (0, 2), summary.errors


def test_timeout_bounds_the_whole_poll_and_a_late_feed_fails_as_timed_out(
    db, config, httpserver, monkeypatch: pytest.MonkeyPatch
):
    """A parse that will not end (injected: it sleeps) cannot hold the poll, and
    with it the run lock, past its timeout and margin; the other feed is stored."""
    import time

    import prospect.poll as poll_module

    real = poll_module.parse_and_detect

    def slow_for_one(body: bytes, headers: dict, url: str, detector):  # type: ignore[no-untyped-def]
        if url.endswith("/stuck"):
            time.sleep(6)
        return real(body, headers, url, detector)

    monkeypatch.setattr(poll_module, "parse_and_detect", slow_for_one)
    monkeypatch.setattr(poll_module, "POLL_MARGIN", 0.5)

    def late(request: Request) -> Response:  # parsed after /fine: one thread parses both
        time.sleep(0.3)
        return Response(FEED, content_type="application/rss+xml")

    other = HTTPServer()  # its own server: the late answer must not hold up /fine's
    other.expect_request("/stuck").respond_with_handler(late)
    other.start()
    httpserver.expect_request("/fine").respond_with_data(FEED, content_type="application/rss+xml")
    subscribe(db, other.url_for("/stuck"), httpserver.url_for("/fine"))
    started = time.monotonic()
    try:
        summary = poll(db, config, timeout=1.5)
    finally:
        other.stop()
    assert time.monotonic() - started < 4.5
    assert (summary.polled, summary.failed) == (2, 1)
    stuck, fine = feed(db, other.url_for("/stuck")), feed(db, httpserver.url_for("/fine"))
    assert stuck["last_error"].startswith("timed out: the poll's 2 s ran out")
    assert stuck["error_count"] == 1
    assert fine["last_error"] is None and fine["title"] == "Wire"
