"""The poll's HTTP/1.1 transport: httpx's client on asyncio streams and h11.

Why prospect has a transport of its own: a poll sends hundreds of small
conditional GETs, and where feeds have not changed (most mornings, most feeds)
each is a few hundred bytes each way. httpx's default transport (httpcore on
anyio) spends over a millisecond of CPU on each: it scans its whole pool for
every request queued or released, checks every idle connection with a
`poll()` system call, and takes anyio locks and cancel scopes at every step.
That CPU, not the network, was what a poll of unchanged feeds waited for.

This transport keeps what a feed poller needs and nothing else:

- one small pool per origin (scheme, host, port): at most `per_host`
  connections, kept alive between that host's feeds and reused newest first;
  a connection idle longer than `keepalive_expiry`, one the server has
  closed or one with bytes nobody asked for is dropped rather than reused,
  and at most `max_idle` connections stay open idle in all (the oldest go
  first), so a poll of a thousand hosts never runs out of file descriptors;
- h11 (the protocol engine httpcore itself uses) for HTTP/1.1 framing:
  Content-Length, chunked and read-until-close bodies, 1xx responses,
  `Connection: close`;
- a request that finds its reused connection closed by the server before any
  byte of the answer came back is sent once more on a new connection, for
  GET and HEAD only (they are idempotent): that is the race every keep-alive
  client meets, and not the feed's fault;
- TLS with the caller's verified `ssl.SSLContext`;
- httpx's timeouts (connect, read, write, pool) and httpx's exceptions, so the
  client above cannot tell it from its own transport.

Proxies are not this transport's business: `fetch.make_client` mounts
httpx's own proxy transport for the addresses the environment sends through
a proxy (httpx reads the environment only when it builds its own transport).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import AsyncIterator, Callable

import h11
import httpx

KEEPALIVE_EXPIRY = 5.0  # seconds an idle connection is kept for reuse (httpx's default)
MAX_IDLE = 100  # idle connections kept open in all, across every origin
MAX_HEAD = 100 * 1024  # the largest response head accepted (httpcore's limit too)
READ_SIZE = 64 * 1024
_IDEMPOTENT = ("GET", "HEAD")


class _Stale(Exception):
    """A reused connection was closed by the server before it answered."""


class _Connection:
    __slots__ = ("h11", "idle_since", "reader", "received", "reused", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD)
        self.idle_since = 0.0
        self.reused = False  # it carried an earlier request
        self.received = False  # a byte of this request's response arrived

    def usable(self) -> bool:
        """Fit for another request: not closed by either side, and nothing
        waiting to be read that would pass for the next response."""
        return not (
            self.reader.at_eof()
            or self.writer.transport.is_closing()
            or getattr(self.reader, "_buffer", b"")  # asyncio keeps no public count
            or self.h11.trailing_data[0]
        )

    def close(self) -> None:
        """Drop the connection now. No TLS close_notify: waiting for a server
        to answer one can take a read timeout, and nothing is owed to it."""
        self.writer.transport.abort()

    async def read(self, timeout: float | None) -> None:
        """Hand h11 the next bytes from the socket (b"" at end of stream)."""
        try:
            async with asyncio.timeout(timeout):
                data = await self.reader.read(READ_SIZE)
        except TimeoutError:
            raise httpx.ReadTimeout("timed out reading the response") from None
        except OSError as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc
        self.received = self.received or bool(data)
        self.h11.receive_data(data)

    async def write(self, data: bytes, timeout: float | None) -> None:
        try:
            self.writer.write(data)
            async with asyncio.timeout(timeout):
                await self.writer.drain()
        except TimeoutError:
            raise httpx.WriteTimeout("timed out sending the request") from None
        except OSError as exc:
            raise httpx.WriteError(str(exc) or type(exc).__name__) from exc

    def next_event(self) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        try:
            return self.h11.next_event()
        except h11.RemoteProtocolError as exc:
            if not self.received:  # only the end of the stream can go wrong before a byte
                message = "server closed the connection without sending a response"
                raise httpx.RemoteProtocolError(message) from exc
            raise httpx.RemoteProtocolError(str(exc)) from exc


class _Idle:
    """Every idle connection of one transport, oldest first: at most `limit`,
    none older than `expiry` seconds. Once closed, it closes what it is given."""

    def __init__(self, limit: int, expiry: float) -> None:
        self.limit = limit
        self.expiry = expiry
        self.closed = False
        self._oldest_first: dict[_Connection, list[_Connection]] = {}

    def park(self, conn: _Connection, pool: list[_Connection]) -> None:
        if self.closed:
            conn.close()
            return
        now = time.monotonic()
        conn.idle_since = now
        pool.append(conn)
        self._oldest_first[conn] = pool
        while self._oldest_first:
            oldest = next(iter(self._oldest_first))
            if len(self._oldest_first) <= self.limit and now - oldest.idle_since <= self.expiry:
                break
            self._oldest_first.pop(oldest).remove(oldest)
            oldest.close()

    def take(self, pool: list[_Connection]) -> _Connection | None:
        """The newest usable connection of `pool` (the least likely to have been
        closed by its server); the unusable ones on the way are closed."""
        now = time.monotonic()
        while pool:
            conn = pool.pop()
            del self._oldest_first[conn]
            if now - conn.idle_since <= self.expiry and conn.usable():
                return conn
            conn.close()
        return None

    def close(self) -> list[_Connection]:
        """Close every idle connection, and from now on each one given back."""
        self.closed = True
        parked, self._oldest_first = self._oldest_first, {}
        for conn, pool in parked.items():
            pool.clear()
            conn.close()
        return list(parked)


class _Origin:
    """The connections to one (scheme, host, port): at most `limit` of them."""

    def __init__(
        self,
        host: str,
        port: int,
        limit: int,
        tls: Callable[[], ssl.SSLContext] | None,
        idle: _Idle,
    ) -> None:
        self.host, self.port = host, port
        self.tls = tls
        self.slots = asyncio.Semaphore(limit)
        self.idle = idle
        self.pool: list[_Connection] = []  # this origin's idle connections, oldest first

    async def connection(self, timeouts: dict[str, float | None]) -> _Connection:
        """A connection for one request; the caller already holds a slot."""
        conn = self.idle.take(self.pool)
        if conn is not None:
            conn.reused = True
            return conn
        return await self.connect(timeouts.get("connect"))

    async def connect(self, timeout: float | None) -> _Connection:
        kwargs: dict = {}
        if self.tls is not None:
            kwargs = {"ssl": self.tls(), "server_hostname": self.host}
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    self.host, self.port, limit=READ_SIZE, **kwargs
                )
        except TimeoutError:
            raise httpx.ConnectTimeout(f"timed out connecting to {self.host}") from None
        except OSError as exc:  # refused, DNS, TLS (ssl.SSLError is an OSError)
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from exc
        except ValueError as exc:  # a host name IDNA cannot encode (UnicodeError)
            raise httpx.ConnectError(f"invalid host name {self.host!r}: {exc}") from exc
        return _Connection(reader, writer)

    def release(self, conn: _Connection, reusable: bool) -> None:
        """Give a connection back after its response ended (or failed)."""
        h = conn.h11
        if reusable and h.our_state is h11.DONE and h.their_state is h11.DONE:
            h.start_next_cycle()
            conn.received = False
            self.idle.park(conn, self.pool)
        else:
            conn.close()
        self.slots.release()


class _ResponseBody(httpx.AsyncByteStream):
    """The body as it arrives; closing it gives the connection back to its origin."""

    def __init__(self, origin: _Origin, conn: _Connection, read_timeout: float | None) -> None:
        self._origin: _Origin | None = origin
        self._conn = conn
        self._timeout = read_timeout
        self._complete = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        conn = self._conn
        while not self._complete:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                await conn.read(self._timeout)
            elif isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                self._complete = True
            else:  # PAUSED: there is no body after a protocol switch
                raise httpx.RemoteProtocolError("the server switched protocols")

    async def aclose(self) -> None:
        origin, self._origin = self._origin, None
        if origin is not None:
            origin.release(self._conn, self._complete)


class Transport(httpx.AsyncBaseTransport):
    """HTTP/1.1 for one `httpx.AsyncClient`: a small keep-alive pool per origin.

    `tls` returns the verified SSL context for https origins; it is called
    when the first https connection is made, so a poll of plain-http feeds
    never loads the CA bundle."""

    def __init__(
        self,
        per_host: int,
        tls: Callable[[], ssl.SSLContext] | None = None,
        keepalive_expiry: float = KEEPALIVE_EXPIRY,
        max_idle: int = MAX_IDLE,
    ) -> None:
        self._per_host = per_host
        self._tls = tls or httpx.create_ssl_context
        self._tls_context: ssl.SSLContext | None = None
        self._idle = _Idle(max_idle, keepalive_expiry)
        self._origins: dict[tuple[bytes, bytes, int | None], _Origin] = {}

    def _tls_once(self) -> ssl.SSLContext:
        if self._tls_context is None:
            self._tls_context = self._tls()
        return self._tls_context

    def _origin(self, url: httpx.URL) -> _Origin:
        key = (url.raw_scheme, url.raw_host, url.port)
        origin = self._origins.get(key)
        if origin is None:
            https = url.raw_scheme == b"https"
            if not https and url.raw_scheme != b"http":
                raise httpx.UnsupportedProtocol(f"cannot fetch {url.scheme}: addresses")
            port = (443 if https else 80) if url.port is None else url.port
            if not 0 < port < 65536:
                raise httpx.ConnectError(f"invalid port {port}")
            origin = self._origins[key] = _Origin(
                url.raw_host.decode("ascii"),  # IDNA-encoded by httpx already
                port,
                self._per_host,
                self._tls_once if https else None,
                self._idle,
            )
        return origin

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        origin = self._origin(request.url)
        try:
            async with asyncio.timeout(timeouts.get("pool")):
                await origin.slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("timed out waiting for a connection") from None
        try:
            conn = await origin.connection(timeouts)
            try:
                return await self._exchange(origin, conn, request, timeouts)
            except _Stale:
                conn.close()
                conn = await origin.connect(timeouts.get("connect"))
                return await self._exchange(origin, conn, request, timeouts)
        except BaseException:
            origin.slots.release()
            raise

    async def _exchange(
        self,
        origin: _Origin,
        conn: _Connection,
        request: httpx.Request,
        timeouts: dict[str, float | None],
    ) -> httpx.Response:
        """Send the request and read the response head on `conn`. The body is
        read through the returned response; on any error the connection is closed."""
        try:
            await self._send(conn, request, timeouts.get("write"))
            while True:
                event = conn.next_event()
                if event is h11.NEED_DATA:
                    await conn.read(timeouts.get("read"))
                elif isinstance(event, h11.Response):
                    break
                elif event is h11.PAUSED:  # a 101 Switching Protocols: not HTTP any more
                    raise httpx.RemoteProtocolError("the server switched protocols")
                # else an h11.InformationalResponse (1xx): the real answer follows
        except BaseException as exc:
            conn.close()
            stale = (
                isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError)
                and conn.reused
                and not conn.received
                and request.method in _IDEMPOTENT
            )
            if stale:
                raise _Stale from exc
            raise
        return httpx.Response(
            event.status_code,
            headers=event.headers,
            stream=_ResponseBody(origin, conn, timeouts.get("read")),
            extensions={
                "http_version": b"HTTP/" + event.http_version,
                "reason_phrase": event.reason,
            },
        )

    @staticmethod
    async def _send(conn: _Connection, request: httpx.Request, timeout: float | None) -> None:
        try:
            data = conn.h11.send(
                h11.Request(
                    method=request.method, target=request.url.raw_path, headers=request.headers.raw
                )
            )
            if isinstance(request.stream, httpx.AsyncByteStream):
                async for chunk in request.stream:
                    if chunk:
                        data += conn.h11.send(h11.Data(data=chunk))
                        if len(data) >= READ_SIZE:
                            await conn.write(data, timeout)
                            data = b""
            data += conn.h11.send(h11.EndOfMessage())
        except h11.LocalProtocolError as exc:  # e.g. a header value with a line break
            raise httpx.LocalProtocolError(str(exc)) from exc
        await conn.write(data, timeout)

    async def aclose(self) -> None:
        """Close every idle connection now, and each busy one when its response ends."""
        self._origins = {}
        for conn in self._idle.close():
            with contextlib.suppress(Exception):
                await conn.writer.wait_closed()
