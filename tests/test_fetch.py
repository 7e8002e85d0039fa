"""Fetching against real local HTTP servers: politeness, limits, hostile servers."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from prospect.errors import InputError
from prospect.fetch import (
    USER_AGENT,
    FetchResult,
    HostLimiter,
    fetch_feed,
    google_news_search_url,
    make_client,
    normalize_feed_url,
    parse_retry_after,
)

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><guid>1</guid><title>Acme raises $5M</title></item></channel></rss>"
)


def fetch(url: str, **kwargs) -> FetchResult:
    client_args = {k: kwargs.pop(k) for k in ("read_timeout", "connect_timeout") if k in kwargs}

    async def run() -> FetchResult:
        async with make_client(**client_args) as client:
            return await fetch_feed(client, url, **kwargs)

    return asyncio.run(run())


# --- a stdlib threaded server for what pytest-httpserver cannot do -------------------


class RawServer:
    """A threaded HTTP server whose handler gets the raw request handler, so it can
    hang, drop the connection or count how many requests run at once."""

    def __init__(self, handle: Callable[[BaseHTTPRequestHandler], None], host: str = "127.0.0.1"):
        outer = self
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with outer._lock:
                    outer.active += 1
                    outer.peak = max(outer.peak, outer.active)
                try:
                    handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with outer._lock:
                        outer.active -= 1

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str = "/feed") -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def send(handler: BaseHTTPRequestHandler, body: bytes, headers: dict[str, str] | None = None):
    handler.send_response(200)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def raw_server() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(handle, host: str = "127.0.0.1") -> RawServer:
        server = RawServer(handle, host).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__()


# --- politeness ------------------------------------------------------------------------


def test_sends_a_user_agent_naming_prospect_its_version_and_url(httpserver: HTTPServer):
    httpserver.expect_request("/feed", headers={"User-Agent": USER_AGENT}).respond_with_data(RSS)
    result = fetch(httpserver.url_for("/feed"))
    assert result.status == 200 and result.body == RSS
    assert USER_AGENT.startswith("prospect/") and "https://" in USER_AGENT


def test_validators_are_sent_back_exactly_as_received_and_304_has_no_body(httpserver):
    etag = 'W/"abc-123"'
    modified = "Wed, 21 Oct 2015 07:28:00 GMT"
    httpserver.expect_request(
        "/feed", headers={"If-None-Match": etag, "If-Modified-Since": modified}
    ).respond_with_data("", status=304)
    result = fetch(httpserver.url_for("/feed"), etag=etag, last_modified=modified)
    assert result.not_modified and result.error is None and result.body == b""


def test_permanent_redirect_reports_the_new_address(httpserver):
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(RSS)
    result = fetch(httpserver.url_for("/old"))
    assert result.status == 200 and result.body == RSS
    assert result.permanent_redirect == httpserver.url_for("/new")


@pytest.mark.parametrize("first,second", [(302, 301), (307, 308), (301, 302)])
def test_a_temporary_hop_keeps_the_stored_address(httpserver, first, second):
    httpserver.expect_request("/a").respond_with_data("", status=first, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=second, headers={"Location": "/c"})
    httpserver.expect_request("/c").respond_with_data(RSS)
    result = fetch(httpserver.url_for("/a"))
    assert result.body == RSS
    assert result.permanent_redirect is None


def test_redirect_loop_is_an_error(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    result = fetch(httpserver.url_for("/a"))
    assert result.error and "redirect loop" in result.error


def test_too_many_redirects_is_an_error(httpserver):
    for i in range(10):
        httpserver.expect_request(f"/r{i}").respond_with_data(
            "", status=302, headers={"Location": f"/r{i + 1}"}
        )
    result = fetch(httpserver.url_for("/r0"))
    assert result.error and "redirects" in result.error


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/feed"])
def test_redirect_to_a_non_http_scheme_is_refused(httpserver, target):
    httpserver.expect_request("/feed").respond_with_data(
        "", status=301, headers={"Location": target}
    )
    result = fetch(httpserver.url_for("/feed"))
    assert result.error and "refused a redirect" in result.error
    assert result.body == b""


def test_429_with_retry_after_seconds(httpserver):
    httpserver.expect_request("/feed").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    before = datetime.now(UTC)
    result = fetch(httpserver.url_for("/feed"))
    assert result.error and result.error.startswith("HTTP 429")
    assert result.retry_after is not None
    assert timedelta(minutes=59) < result.retry_after - before < timedelta(minutes=61)


def test_503_with_retry_after_http_date(httpserver):
    when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    httpserver.expect_request("/feed").respond_with_data(
        "", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)}
    )
    result = fetch(httpserver.url_for("/feed"))
    assert result.retry_after == when


@pytest.mark.parametrize("value", ["", "soon", "-5", None])
def test_unreadable_retry_after_is_ignored(value):
    assert parse_retry_after(value) is None


def test_410_is_reported_as_gone(httpserver):
    httpserver.expect_request("/feed").respond_with_data("", status=410)
    result = fetch(httpserver.url_for("/feed"))
    assert result.gone and result.error.startswith("HTTP 410")


# --- hostile or broken servers ----------------------------------------------------------


def test_a_hung_server_times_out(raw_server):
    release = threading.Event()

    def hang(handler):
        release.wait(10)

    server = raw_server(hang)
    start = time.perf_counter()
    result = fetch(server.url(), read_timeout=0.3)
    release.set()
    assert result.error and "timed out" in result.error
    assert time.perf_counter() - start < 5


def test_a_server_trickling_bytes_hits_the_overall_deadline(raw_server):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)

    server = raw_server(trickle)
    result = fetch(server.url(), read_timeout=1.0, deadline=0.5)
    assert result.error and "timed out" in result.error


def test_the_wait_before_a_body_is_off_the_deadline_and_only_for_a_body(httpserver):
    """`before_body` runs once a 200's headers are in, and its wait (a poll's
    room for one more body) does not count against the server's deadline; a 304
    and an HTTP error have no body and never wait."""
    httpserver.expect_request("/feed", headers={"If-None-Match": '"1"'}).respond_with_data(
        "", status=304
    )
    httpserver.expect_request("/feed").respond_with_data(RSS)
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    waits: list[str] = []

    def waiting(name: str) -> Callable[[], Awaitable[None]]:
        async def wait() -> None:
            waits.append(name)
            await asyncio.sleep(0.6)

        return wait

    url = httpserver.url_for("/feed")
    result = fetch(url, deadline=0.4, before_body=waiting("200"))
    assert result.status == 200 and result.error is None and result.body == RSS
    result = fetch(url, etag='"1"', deadline=0.4, before_body=waiting("304"))
    assert result.not_modified and result.error is None
    result = fetch(httpserver.url_for("/gone"), deadline=0.4, before_body=waiting("404"))
    assert result.error == "HTTP 404 NOT FOUND"
    assert waits == ["200"]


def test_a_connection_dropped_mid_body_is_an_error(raw_server):
    def drop(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(RSS) * 10))
        handler.end_headers()
        handler.wfile.write(RSS[:40])
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_RDWR)

    server = raw_server(drop)
    result = fetch(server.url())
    assert result.error and "connection broken" in result.error


def test_connection_refused_is_an_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = fetch(f"http://127.0.0.1:{port}/feed")
    assert result.error and result.error.startswith("cannot connect")


def test_an_oversized_body_stops_at_the_cap(httpserver):
    httpserver.expect_request("/feed").respond_with_data(b"x" * 5000)
    result = fetch(httpserver.url_for("/feed"), max_bytes=1000)
    assert result.error and "limit" in result.error and result.body == b""


def test_a_gzip_bomb_stops_at_the_cap_without_inflating(httpserver):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MiB -> ~64 KB
    assert len(bomb) < 100 * 1024
    httpserver.expect_request("/feed").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    result = fetch(httpserver.url_for("/feed"), max_bytes=1024 * 1024)
    assert result.error and "limit" in result.error


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(httpserver, encoding):
    if encoding == "gzip":
        data = gzip.compress(RSS)
    elif encoding == "deflate":
        data = zlib.compress(RSS)
    else:
        z = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        data = z.compress(RSS) + z.flush()
    header = "gzip" if encoding == "gzip" else "deflate"
    httpserver.expect_request("/feed").respond_with_data(data, headers={"Content-Encoding": header})
    assert fetch(httpserver.url_for("/feed")).body == RSS


def test_per_host_limit_is_respected(raw_server):
    def slow(handler):
        time.sleep(0.15)
        send(handler, RSS)

    server = raw_server(slow)

    async def run() -> list[FetchResult]:
        limiter = HostLimiter(per_host=2)
        async with make_client() as client:
            return await asyncio.gather(
                *(fetch_feed(client, server.url(f"/f{i}"), host_limit=limiter) for i in range(8))
            )

    results = asyncio.run(run())
    assert all(r.body == RSS for r in results)
    assert server.peak == 2


def test_a_hosts_feeds_follow_each_other_on_its_kept_alive_connections(raw_server):
    """Three hosts, four feeds each, one request per host and two in all: each
    host's feeds share one connection, kept alive in that host's own pool
    whichever host gets the next global slot."""
    lock, clients, active, peak = threading.Lock(), [], [0], [0]

    def handle(handler):
        with lock:
            clients.append(handler.client_address)
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        send(handler, RSS)

    servers = [raw_server(handle, host=f"127.0.0.{n}") for n in (1, 2, 3)]

    async def run() -> list[FetchResult]:
        limiter = HostLimiter(per_host=1, total=2)
        async with make_client(per_host=1) as client:
            urls = [s.url(f"/f{i}") for i in range(4) for s in servers]
            return await asyncio.gather(*(fetch_feed(client, u, host_limit=limiter) for u in urls))

    results = asyncio.run(run())
    assert all(r.body == RSS for r in results)
    assert len(clients) == 12 and peak[0] == 2
    assert len(set(clients)) == 3  # one connection per host
    assert all(s.peak == 1 for s in servers)


@pytest.mark.parametrize("per_host, total", [(1, 1), (2, 3), (3, None)])
def test_host_limiter_never_exceeds_its_limits_and_survives_cancellation(per_host, total):
    """Requests to two hosts, some cancelled while they wait: never more than
    `per_host` to a host nor `total` in all, and every request not cancelled runs."""

    async def run() -> tuple[dict[str, int], int, int]:
        limiter = HostLimiter(per_host=per_host, total=total)
        active: dict[str, int] = {"a": 0, "b": 0}
        peaks = {"a": 0, "b": 0}
        busiest, done = [0], [0]

        async def request(host: str) -> None:
            async with limiter(f"http://{host}.test/feed"):
                active[host] += 1
                peaks[host] = max(peaks[host], active[host])
                busiest[0] = max(busiest[0], sum(active.values()))
                await asyncio.sleep(0.01)
                active[host] -= 1
                done[0] += 1

        tasks = [asyncio.create_task(request("ab"[i % 3 == 0])) for i in range(30)]
        await asyncio.sleep(0.015)
        for task in tasks[10::4]:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        cancelled = sum(t.cancelled() for t in tasks)
        assert not limiter._hosts
        return peaks, busiest[0], done[0] + cancelled

    peaks, busiest, finished = asyncio.run(run())
    assert max(peaks.values()) == per_host
    assert busiest <= (total or 2 * per_host)
    assert finished == 30


def test_local_files_are_feeds(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    assert fetch(str(path)).body == RSS
    assert fetch(path.as_uri()).body == RSS
    missing = fetch(str(tmp_path / "nope.xml"))
    assert missing.error and "cannot read" in missing.error


# --- addresses ----------------------------------------------------------------------------


def test_google_news_search_url_encodes_quotes_spaces_and_non_ascii():
    url = google_news_search_url('"Series B" fintech Zürich')
    assert url == (
        "https://news.google.com/rss/search?q=%22Series%20B%22%20fintech%20Z%C3%BCrich"
        "&hl=en-US&gl=US&ceid=US:en"
    )
    assert "&" not in google_news_search_url("AT&T").split("&hl=")[0]


@pytest.mark.parametrize(
    "text,error",
    [
        ("ftp://example.com/feed", "expected an http, https or file URL"),
        ("javascript:alert(1)", "no such file"),
        ("https://", "expected a host name"),
        ("example.com/feed.xml", "did you mean https://example.com/feed.xml"),
        ("", "got nothing"),
    ],
)
def test_bad_feed_addresses_are_refused(text, error):
    with pytest.raises(InputError) as info:
        normalize_feed_url(text)
    assert error in info.value.message


def test_feed_addresses_accepted(tmp_path, monkeypatch):
    assert normalize_feed_url(" https://example.com/feed ") == "https://example.com/feed"
    path = tmp_path / "f.xml"
    path.write_bytes(RSS)
    monkeypatch.chdir(tmp_path)
    assert normalize_feed_url("f.xml") == str(path.resolve())
    # a path and a file:// URL to the same file are stored the same way
    assert normalize_feed_url(path.as_uri()) == str(path.resolve())
    assert normalize_feed_url("HTTPS://Example.COM/Feed") == "https://example.com/Feed"


def test_a_werkzeug_response_reason_is_kept(httpserver):
    httpserver.expect_request("/feed").respond_with_response(Response("no", status=404))
    assert fetch(httpserver.url_for("/feed")).error == "HTTP 404 NOT FOUND"


def test_a_stored_validator_that_is_not_a_valid_header_fails_only_that_feed(httpserver):
    httpserver.expect_request("/feed").respond_with_data(RSS)
    result = fetch(httpserver.url_for("/feed"), etag='"v1"\nX-Injected: 1')
    assert result.error and "Illegal header value" in result.error, result.error
    assert len(httpserver.log) == 0


def test_the_environment_s_proxy_is_used_and_no_proxy_is_respected(raw_server, monkeypatch):
    seen: list[str] = []

    def proxy(handler: BaseHTTPRequestHandler) -> None:
        seen.append(handler.path)  # a proxy gets the absolute address
        send(handler, RSS)

    proxy_server = raw_server(proxy)
    monkeypatch.setenv("HTTP_PROXY", proxy_server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    result = fetch("http://feeds.example/feed.xml")  # never resolved: the proxy answers
    assert (result.status, result.body, result.error) == (200, RSS, None)
    assert seen == ["http://feeds.example/feed.xml"]

    direct = raw_server(lambda handler: send(handler, b"direct"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    result = fetch(direct.url())
    assert (result.status, result.body) == (200, b"direct")
    assert len(seen) == 1


def test_feeds_behind_a_proxy_are_not_queued_behind_each_other(raw_server, monkeypatch):
    # HostLimiter paces requests per host; the proxy's own pool must not make
    # every feed wait for six proxy connections (and time out waiting).
    def proxy(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(0.4)
        send(handler, RSS)

    proxy_server = raw_server(proxy)
    monkeypatch.setenv("HTTP_PROXY", proxy_server.url(""))

    async def run() -> list[FetchResult]:
        async with make_client(read_timeout=1.0) as client:
            limit = HostLimiter()
            return await asyncio.gather(
                *(
                    fetch_feed(client, f"http://feeds{i}.example/rss", host_limit=limit)
                    for i in range(20)
                )
            )

    results = asyncio.run(run())
    assert [r.error for r in results if r.error] == []
    assert proxy_server.peak > 6
