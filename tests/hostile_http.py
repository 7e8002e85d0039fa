"""A real HTTP server on 127.0.0.1 that answers each path with one hostile or
broken response, byte for byte as written here: what a feed's server can send
that no well-behaved one does. Shared by the poll tests and bench/robustness.py.

`serve_responses()` serves `HOSTILE[name]` at `/hostile/<name>` and any other
raw response handed to `server.put(path, raw)`; a good feed is at `/good/<n>`.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from feedserver import _raw_server, feed_xml


def _response(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    return head.encode("latin-1") + b"\r\n" + body


def _ok(body: bytes, *headers: tuple[str, str], status: str = "200 OK") -> bytes:
    return _response(
        status,
        [("Content-Type", "application/rss+xml"), ("Content-Length", str(len(body))), *headers],
        body,
    )


def _redirect(location: str, status: str = "302 Found") -> bytes:
    return _response(status, [("Location", location), ("Content-Length", "0")], b"")


FEED = feed_xml(0, 5)
_BOMB = gzip.compress(b"\0" * (64 << 20))  # 64 MiB of zeros, 64 KiB on the wire
_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
)

# name -> the raw bytes the server writes, then closes the connection
HOSTILE: dict[str, bytes] = {
    "redirect-mailto": _redirect("mailto:feeds@example.com"),
    "redirect-javascript": _redirect("javascript:alert(1)"),
    "redirect-about": _redirect("about:blank"),
    "redirect-data": _redirect("data:text/xml,<rss/>"),
    "redirect-no-slashes": _redirect("http:feeds/x"),
    "redirect-bad-ipv6": _redirect("http://[::1/feed"),
    "redirect-loop": _redirect("/hostile/redirect-loop"),
    "redirect-301-nowhere": _redirect("", "301 Moved Permanently"),
    "retry-after-huge-429": _response(
        "429 Too Many Requests", [("Retry-After", "999999999999"), ("Content-Length", "0")], b""
    ),
    "retry-after-huge-503": _response(
        "503 Service Unavailable", [("Retry-After", "9" * 40), ("Content-Length", "0")], b""
    ),
    "retry-after-garbage": _response(
        "503 Service Unavailable", [("Retry-After", "soon-ish"), ("Content-Length", "0")], b""
    ),
    "gzip-twice-declared": _ok(
        gzip.compress(gzip.compress(FEED)), ("Content-Encoding", "gzip, gzip")
    ),
    "gzip-identity": _ok(gzip.compress(FEED), ("Content-Encoding", "gzip, identity")),
    "encoding-unknown": _ok(FEED, ("Content-Encoding", "utf-8")),
    "gzip-bomb": _ok(_BOMB, ("Content-Encoding", "gzip")),
    "gzip-garbage": _ok(b"\x1f\x8b\x08\x00not gzip at all", ("Content-Encoding", "gzip")),
    "deflate-raw": _ok(zlib.compress(FEED)[2:-4], ("Content-Encoding", "deflate")),
    "truncated-body": _response(
        "200 OK", [("Content-Type", "application/rss+xml"), ("Content-Length", "100000")], FEED
    ),
    "bad-chunked": _response(
        "200 OK", [("Transfer-Encoding", "chunked")], b"zz\r\nnot a chunk\r\n0\r\n\r\n"
    ),
    "no-status-line": b"this is not HTTP at all\r\n\r\n",
    "empty-reply": b"",
    "status-999": _ok(FEED, status="999 Whatever"),
    "status-text-only": b"HTTP/1.1 OK\r\n\r\n",
    "http-0.9": FEED,
    "negative-length": _response("200 OK", [("Content-Length", "-1")], FEED),
    "header-non-ascii": _ok(FEED, ("X-Title", "caf\xe9 \xff\xfe")),
    "header-huge": _ok(FEED, ("X-Padding", "a" * 200_000)),
    "html-page": _ok(b"<!DOCTYPE html><html><body>Buy now</body></html>"),
    "billion-laughs": _ok(_LAUGHS),
    "not-modified-unasked": _response("304 Not Modified", [], b""),
    "server-error": _ok(b"oops", status="500 Internal Server Error"),
    "gone": _ok(b"", status="410 Gone"),
}


@dataclass
class ResponseServer:
    url: str
    raw: dict[str, bytes] = field(default_factory=dict)

    def put(self, path: str, raw: bytes) -> str:
        self.raw[path] = raw
        return self.url + path


def _handle(conn: socket.socket, server: ResponseServer) -> None:
    with conn:
        conn.settimeout(10)
        request = b""
        try:
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ", 2)[1].decode("latin-1")
            if path.startswith("/good/"):
                raw = _ok(feed_xml(int(path.rsplit("/", 1)[1]), 5))
            elif path.startswith("/hostile/"):
                raw = HOSTILE[path.removeprefix("/hostile/")]
            else:
                raw = server.raw.get(path, _ok(b"", status="404 Not Found"))
            conn.sendall(raw)
            conn.shutdown(socket.SHUT_WR)
        except (OSError, IndexError, KeyError, ValueError):
            pass


@contextlib.contextmanager
def serve_responses() -> Iterator[ResponseServer]:
    """The server, threaded, for as long as the block runs (feedserver's raw
    TCP server, each connection answered from `HOSTILE` and `put`)."""
    server = ResponseServer("")
    serve = contextlib.contextmanager(_raw_server)
    with serve(lambda conn, _stop: _handle(conn, server)) as url:
        server.url = url
        yield server
