"""Real servers on 127.0.0.1 for fault tests: generated feeds, a server that
never answers, and one that sends its body a byte a second.

Threaded, so slow responses do not serialise; each path /feed/N.xml serves a
feed of `entries` items, after `delay` seconds.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

COMPANIES = ["Brightloop", "Kestrel Health", "Northwind Analytics", "Lumen Freight", "Quarry AI"]


def feed_xml(n: int, entries: int) -> bytes:
    items = []
    for i in range(entries):
        company = COMPANIES[(n + i) % len(COMPANIES)]
        title = (
            f"{company} raises ${(i % 90) + 5}M Series B"
            if i % 3 == 0
            else f"{company} ships release {n}.{i} of its product"
        )
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>https://news.example/{n}/{i}</link>"
            f"<guid>https://news.example/{n}/{i}</guid>"
            f"<pubDate>Mon, 16 Nov 2026 {i % 24:02d}:00:00 GMT</pubDate>"
            f"<description>{escape('Story ' + str(i) + ' of feed ' + str(n))}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Feed {n}</title><link>https://news.example/{n}</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


@contextmanager
def serve_feeds(count: int, entries: int = 30, delay: float = 0.0) -> Iterator[list[str]]:
    bodies = {f"/feed/{n}.xml": feed_xml(n, entries) for n in range(count)}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = bodies.get(self.path)
            if delay:
                time.sleep(delay)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # the client may be killed mid-body: that is the point of the fault tests
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield [f"http://127.0.0.1:{port}{path}" for path in bodies]
    finally:
        server.shutdown()
        server.server_close()


def _raw_server(handle: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that hands each connection to `handle` in a thread."""
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0), backlog=64)
    listener.settimeout(0.2)
    held: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)
            threading.Thread(target=handle, args=(conn, stop), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
        for conn in held:
            with contextlib.suppress(OSError):
                conn.close()


@contextmanager
def serve_hung() -> Iterator[str]:
    """Accepts connections and never answers (nor closes them)."""

    def handle(conn: socket.socket, stop: threading.Event) -> None:
        stop.wait()

    yield from _raw_server(handle)


@contextmanager
def serve_drip(interval: float = 1.0) -> Iterator[str]:
    """Answers 200 at once, then the body one byte every `interval` seconds, forever."""

    def handle(conn: socket.socket, stop: threading.Event) -> None:
        with contextlib.suppress(OSError):
            conn.recv(65536)  # the request; its content does not matter
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                b"Content-Length: 1000000\r\n\r\n"
            )
            body = feed_xml(0, 1000)
            for byte in body:
                if stop.wait(interval):
                    return
                conn.sendall(bytes([byte]))

    yield from _raw_server(handle)
