"""Whatever a server sends -- any status, headers, redirects, encodings and body --
one poll leaves the other feeds stored and the bad one recorded with a readable
error. Hypothesis writes the raw responses; a real server on 127.0.0.1 sends
them byte for byte (tests/hostile_http.py); the real poll reads them."""

from __future__ import annotations

import gzip
import itertools
import zlib
from pathlib import Path

from hostile_http import FEED, serve_responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospect.config import load_config
from prospect.poll import poll
from prospect.store import connect, write
from prospect.store.feeds import add_feed, list_feeds

_ENCODE = {
    "identity": lambda b: b,
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "gzip, gzip": lambda b: gzip.compress(gzip.compress(b)),
    "br": lambda b: b,  # declared, not applied
    "utf-8": lambda b: b,
    "": lambda b: b,
}
_STATUS = st.one_of(
    st.sampled_from([200, 200, 200, 204, 301, 302, 303, 304, 307, 308, 400, 404, 410, 429, 500,
                     503, 999]),
    st.integers(100, 599),
)  # fmt: skip
_LOCATION = st.one_of(
    st.sampled_from(["mailto:x@y.z", "javascript:alert(1)", "about:blank", "data:,x",
                     "http:feeds/x", "http://[::1/", "/good", "//127.0.0.1:1/x", "", "http://i❤.ws/",
                     "ftp://example.com/feed", "/loop"]),
    st.text(max_size=30),
)  # fmt: skip
_HEADER_VALUE = st.one_of(
    st.sampled_from(["999999999999", "0", "-5", "soon", "Wed, 21 Oct 2015 07:28:00 GMT",
                     "text/html", "application/rss+xml; charset=bogus", "\xe9\xff"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
)  # fmt: skip
_BODY = st.one_of(
    st.just(FEED),
    st.binary(max_size=300),
    st.sampled_from([b"", b"<rss", b"<?xml version='1.0'?><rss version='2.0'><channel>",
                     FEED[: len(FEED) // 2], b"\xef\xbb\xbf" + FEED, FEED.replace(b"UTF-8", b"x")]),
)  # fmt: skip


@st.composite
def responses(draw: st.DrawFn) -> bytes:
    status = draw(_STATUS)
    encoding = draw(st.sampled_from(list(_ENCODE)))
    body = _ENCODE[encoding](draw(_BODY))
    headers: list[tuple[str, str]] = []
    if encoding:
        headers.append(("Content-Encoding", encoding))
    if 300 <= status < 400 and draw(st.booleans()):
        headers.append(("Location", draw(_LOCATION)))
    for name in draw(st.lists(st.sampled_from(["Retry-After", "Content-Type", "ETag",
                                               "Last-Modified", "Content-Length", "X-Junk"]),
                              max_size=4, unique=True)):  # fmt: skip
        headers.append((name, draw(_HEADER_VALUE)))
    if not any(k == "Content-Length" for k, _ in headers) and draw(st.booleans()):
        headers.append(("Content-Length", str(len(body))))
    head = f"HTTP/1.1 {status} {draw(st.sampled_from(['OK', '', 'Whatever']))}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers)
    # header bytes as a server may send them: UTF-8 where a value is not Latin-1
    try:
        raw = head.encode("latin-1")
    except UnicodeEncodeError:
        raw = head.encode("utf-8", "replace")
    return raw + b"\r\n" + body


_runs = itertools.count()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=responses())
def test_any_response_fails_only_its_own_feed_readably(tmp_path: Path, raw: bytes) -> None:
    with serve_responses() as server:
        server.put("/loop", b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n")
        server.put("/good", b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(FEED) + FEED)
        bad = server.put("/any", raw)
        good = f"{server.url}/good/7"
        db = connect(tmp_path / f"p{next(_runs)}.db")
        try:
            with write(db):
                add_feed(db, good)
                add_feed(db, bad)
            summary = poll(db, load_config(None), timeout=5)
            rows = {r["url"]: r for r in list_feeds(db)}
            stored = db.execute(
                "SELECT count(*) FROM items JOIN feeds ON feeds.id = items.feed_id "
                "WHERE feeds.url = ?", [good],
            ).fetchone()[0]  # fmt: skip
        finally:
            db.close()
    assert summary.polled == 2
    assert stored == 5 and rows[good]["last_error"] is None
    (row,) = [r for u, r in rows.items() if u != good]
    error = row["last_error"]
    if error is not None:
        assert error.isprintable() and len(error) < 400, error
        assert "internal error" not in error, error
        assert row["error_count"] == 1 and row["next_poll_at"]
