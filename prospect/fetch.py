"""Fetching feeds politely: one shared httpx.AsyncClient, conditional GET, local files.

Design decisions, taken from how the best feed readers poll:

- `fetch_feed` never raises for a network, HTTP or content problem: it returns
  a `FetchResult` whose `error` says what went wrong, so one bad feed never
  stops the others.
- Redirects are followed by hand (at most `MAX_REDIRECTS`), so we know whether
  every hop was permanent (301/308: the stored URL is updated) or not
  (302/307: it is kept), refuse a redirect to anything but http(s) (a server
  must never make us read `file:///etc/passwd`) and report loops.
- httpx has no per-host limit: `HostLimiter` gives each host a small
  semaphore (`PER_HOST` = 6, the limit browsers settled on for HTTP/1.1), held
  for one request at a time. A request queued behind a busy host never holds
  a slot of the global limit (`CONCURRENCY`) that other hosts could use, and
  a request that ends hands its turn to the next one for the same host, so a
  host's feeds reuse the connection httpx kept alive. The global limit also
  bounds httpx's pool, whose bookkeeping grows with the square of the
  requests in it.
- The one client is a stock `httpx.AsyncClient`: httpx's own transport, its
  own proxy handling (`HTTP(S)_PROXY`, `NO_PROXY`, `SSL_CERT_FILE`), and
  `Limits` that keep a connection alive for every request the global limit
  lets through. A GET that fails on a kept-alive connection before any byte
  of the answer arrived (the server closed it as we reused it) is sent once
  more on a new one; nothing else is retried.
- The body is read raw and decompressed here, chunk by chunk, with
  `max_length`, so the size cap counts DECODED bytes while streaming: a gzip
  bomb stops at the cap instead of filling memory.
- httpx's read timeout is per read, so a server that trickles one byte at a
  time would never time out: every fetch also has an overall deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import zlib
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import httpx

from prospect import PROJECT_URL, __version__
from prospect.errors import InputError
from prospect.normalize import canonical_feed_url

USER_AGENT = f"prospect/{__version__} (+{PROJECT_URL})"
MAX_BODY_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
TOTAL_TIMEOUT = 60.0
PER_HOST = 6
# requests in flight in all: httpx's pool scans every connection for every request it
# assigns, so its cost grows with the square of this; 50 keep 30 hosts x 6 busy enough
CONCURRENCY = 50
KEEPALIVE_EXPIRY = 5.0
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
_PERMANENT = (301, 308)
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
RETRY_AFTER_MAX_SECONDS = 365 * 24 * 3600
_STALE_CONNECTION = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


class BodyTooLarge(Exception):
    pass


@dataclass(slots=True)
class FetchResult:
    url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    final_url: str | None = None
    # the new address when every redirect on the way was permanent (301/308)
    permanent_redirect: str | None = None
    retry_after: datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def gone(self) -> bool:
        return self.status == 410


# --- addresses -------------------------------------------------------------------


def is_local(url: str) -> bool:
    return url.startswith("file://") or "://" not in url


def local_path(url: str) -> Path:
    if url.startswith("file://"):
        return Path(unquote(urlsplit(url).path))
    return Path(url).expanduser()


def normalize_feed_url(text: str) -> str:
    """A feed address as stored (`canonical_feed_url`), checked first: an http(s)
    URL with a host, or a local file that exists.

    Raises InputError with one line saying what was expected."""
    text = text.strip()
    if not text:
        raise InputError("expected a feed URL (http, https or file) or a path, got nothing")
    if "://" in text:
        try:
            parts = urlsplit(text)
            host = parts.hostname
        except ValueError as exc:  # "http://[::1/": an unclosed IPv6 bracket, a bad port
            raise InputError(f"{text}: not a valid URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme in ("http", "https"):
            if _CONTROL.search(text):
                raise InputError(f"{text!r}: a URL cannot hold spaces or control characters")
            if not host:
                raise InputError(f"{text}: expected a host name after {scheme}://")
            url = canonical_feed_url(text)
            try:
                httpx.URL(url)
            except (httpx.InvalidURL, UnicodeError) as exc:
                raise InputError(f"{text}: not a valid URL ({exc})") from None
            return url
        if scheme == "file":
            path = canonical_feed_url(text)
            if not Path(path).is_file():
                raise InputError(f"{text}: no such file")
            return path
        raise InputError(f"{text}: expected an http, https or file URL, got {scheme}:")
    local = Path(text).expanduser()
    if not local.is_file():
        hint = ""
        if not text.startswith((".", "/", "~")) and "." in text.split("/")[0]:
            hint = f" (did you mean https://{text} ?)"
        raise InputError(f"{text}: no such file{hint}")
    return canonical_feed_url(text)


def google_news_search_url(
    query: str,
    hl: str = "en-US",
    gl: str = "US",
    ceid: str | None = None,
    base: str = GOOGLE_NEWS_SEARCH,
) -> str:
    """The Google News search RSS feed for a query, every character encoded.

    Quotes (exact phrase), spaces and non-ASCII letters are percent-encoded as
    UTF-8, so `"Series B" fintech` reaches Google exactly as typed. `ceid`
    defaults to `gl:language` (US:en, DE:de)."""
    query = query.strip()
    if not query:
        raise InputError("expected a search query, got nothing")
    ceid = ceid or f"{gl}:{hl.split('-')[0]}"
    locale = (("hl", hl), ("gl", gl), ("ceid", ceid))
    params = "&".join(f"{k}={quote(v.strip(), safe=':-')}" for k, v in locale)
    return f"{base}?q={quote(query, safe='')}&{params}"


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """Retry-After as a time: delta seconds or an HTTP date; None when unreadable."""
    if not value:
        return None
    now = now or datetime.now(UTC)
    value = value.strip()
    if value.isdigit():
        # a huge number is "a long time", not an overflow: callers cap the wait anyway
        return now + timedelta(seconds=min(int(value[:12]), RETRY_AFTER_MAX_SECONDS))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


# --- local files -----------------------------------------------------------------


def fetch_local(url: str, max_bytes: int = MAX_BODY_BYTES) -> FetchResult:
    path = local_path(url)
    try:
        with path.open("rb") as fh:
            body = fh.read(max_bytes + 1)
    except OSError as exc:
        return FetchResult(url=url, error=f"cannot read {path}: {exc.strerror or exc}")
    if len(body) > max_bytes:
        return FetchResult(url=url, error=f"larger than the {max_bytes:,}-byte limit")
    return FetchResult(url=url, status=200, body=body)


# --- the network -----------------------------------------------------------------


class _Host:
    __slots__ = ("active", "queued", "waiting")

    def __init__(self) -> None:
        self.active = 0  # requests to this host under way
        self.waiting: deque[asyncio.Future[None]] = deque()  # its requests waiting, in turn
        self.queued = False  # in the limiter's queue of hosts waiting for a global slot


class HostLimiter:
    """Never more than `per_host` requests to one server, nor `total` in all.

    `async with limiter(url):` waits until the URL's host has fewer than
    `per_host` requests under way and fewer than `total` are under way in all.
    A request that ends hands its turn to the next request for the same host
    when there is one (never more than `per_host` at once, so other hosts still
    get theirs), else to the host that has waited longest for a global slot.
    So a host's feeds follow each other on the connections httpx's pool keeps
    alive for that host; handing a global slot to whichever request came next
    would make the pool, full of idle connections to other hosts, close one of
    them and open a new one for nearly every request."""

    def __init__(self, per_host: int = PER_HOST, total: int | None = None) -> None:
        self._per_host = per_host
        self._total = total
        self._in_use = 0  # requests under way, all hosts
        self._hosts: dict[str, _Host] = {}
        self._queue: deque[_Host] = deque()  # hosts with a request waiting for a global slot

    @contextlib.asynccontextmanager
    async def __call__(self, url: str) -> AsyncIterator[None]:
        name = (urlsplit(url).hostname or "").lower()
        host = self._hosts.get(name)
        if host is None:
            host = self._hosts[name] = _Host()
        try:
            await self._acquire(host)
            try:
                yield
            finally:
                self._finish(host)
        finally:
            if not host.active and not host.waiting and self._hosts.get(name) is host:
                del self._hosts[name]

    def _global_free(self) -> bool:
        return self._total is None or self._in_use < self._total

    async def _acquire(self, host: _Host) -> None:
        if (
            not host.waiting and host.active < self._per_host
            and self._global_free() and not self._queue
        ):  # fmt: skip
            host.active += 1
            self._in_use += 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        host.waiting.append(waiter)
        if host.active < self._per_host and not host.queued:
            host.queued = True  # only a global slot is missing
            self._queue.append(host)
        try:
            await waiter  # our turn, handed over: counted in `active` and `_in_use`
        except BaseException:
            if not waiter.done():
                host.waiting.remove(waiter)
            elif not waiter.cancelled():
                self._finish(host)  # handed over as we were cancelled: pass it on
            raise

    def _finish(self, host: _Host) -> None:
        """A request to `host` has ended: its turn goes to the host's next
        request, else to the host first in the queue, else back to the pool."""
        if self._hand(host):
            return
        host.active -= 1
        self._in_use -= 1
        if host.waiting and not host.queued:
            host.queued = True  # it was at its own limit: now a global slot is missing
            self._queue.append(host)
        while self._queue and self._global_free():
            queued = self._queue.popleft()
            queued.queued = False
            if queued.active >= self._per_host:
                continue  # it gets its turns from its own requests ending
            queued.active += 1
            self._in_use += 1
            if not self._hand(queued):  # its waiters went away
                queued.active -= 1
                self._in_use -= 1
                continue
            if queued.waiting and queued.active < self._per_host:
                queued.queued = True  # more to run: back at the end of the queue
                self._queue.append(queued)
            return

    @staticmethod
    def _hand(host: _Host) -> bool:
        """Give a turn already counted to the host's next waiting request."""
        while host.waiting:
            waiter = host.waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return True
        return False


class _Inflater:
    """One gzip or deflate layer undone incrementally, never producing more
    than `room` bytes from one chunk."""

    def __init__(self, encoding: str) -> None:
        self._raw_guess = encoding == "deflate"  # zlib-wrapped by the RFC, raw in many servers
        wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z = zlib.decompressobj(wbits)

    def feed(self, data: bytes, room: int) -> bytes:
        if self._raw_guess and data:
            self._raw_guess = False
            if (data[0] & 0x0F) != 8:
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
        out = self._z.decompress(data, room)
        if self._z.unconsumed_tail:
            raise BodyTooLarge
        return out


class _Decoder:
    """Content-Encoding undone incrementally, never producing more than the cap.

    Read as httpx reads it: a list applied in order (`gzip, gzip` is gzipped
    twice), `identity` and values it does not know (`utf-8`, seen in the wild)
    skipped. Every layer is bounded, so a bomb stops at the cap at once."""

    def __init__(self, encoding: str, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        names = [part.strip().lower() for part in encoding.split(",")]
        known = [n for n in names if n in ("gzip", "x-gzip", "deflate")]
        self._layers = [_Inflater(name) for name in reversed(known)]

    def feed(self, data: bytes) -> bytes:
        room = self.max_bytes - self.size + 1
        for layer in self._layers:
            data = layer.feed(data, room)
        self.size += len(data)
        if self.size > self.max_bytes:
            raise BodyTooLarge
        return data


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    decoder = _Decoder(response.headers.get("content-encoding", ""), max_bytes)
    chunks = []
    async for raw in response.aiter_raw(_CHUNK):
        chunks.append(decoder.feed(raw))
    return b"".join(chunks)


def _http_error(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "SSL" in text or "certificate" in text:
            return f"TLS error: {text}"
        if "Name or service not known" in text or "nodename" in text or "getaddrinfo" in text:
            return f"DNS lookup failed: {text}"
        return f"cannot connect: {text or type(exc).__name__}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken: {exc or 'server closed the connection'}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def _open(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> httpx.Response:
    """Send a GET and return the streaming response once its headers are in.

    A server may close a kept-alive connection just as we reuse it; the GET
    then fails before any byte of an answer. httpx's trace extension tells
    whether this request opened a connection of its own: when it did not,
    the failure is that race and the GET is sent once more (a new connection
    is opened for it). A GET that failed on a new connection is not retried."""
    for attempt in (1, 2):
        opened = False

        async def trace(event: str, info: dict[str, object]) -> None:
            nonlocal opened
            opened = opened or event.startswith("connection.connect_tcp")

        request = client.build_request("GET", url, headers=headers, extensions={"trace": trace})
        try:
            return await client.send(request, stream=True, follow_redirects=False)
        except _STALE_CONNECTION:
            if opened or attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _fetch_http(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    max_bytes: int,
    host_limit: HostLimiter,
) -> FetchResult:
    seen = {url}
    current = url
    permanent = True
    for _hop in range(MAX_REDIRECTS + 1):
        async with host_limit(current):
            response = await _open(client, current, headers)
            try:
                result = await _read_response(response, url, current, max_bytes)
            finally:
                await response.aclose()
        if isinstance(result, str):  # a redirect to follow
            target = result
            if target in seen:
                return FetchResult(url=url, error=f"redirect loop at {target}", final_url=current)
            seen.add(target)
            permanent = permanent and response.status_code in _PERMANENT
            current = target
            continue
        if current != url and permanent:
            result.permanent_redirect = current
        return result
    return FetchResult(url=url, error=f"more than {MAX_REDIRECTS} redirects", final_url=current)


async def _read_response(
    response: httpx.Response, url: str, current: str, max_bytes: int
) -> FetchResult | str:
    """One response read to its end: a result, or the address a redirect points to."""
    status = response.status_code
    result = FetchResult(
        url=url,
        status=status,
        headers={k.lower(): v for k, v in response.headers.items()},
        final_url=current,
    )
    if status in _REDIRECTS and "location" in response.headers:
        target = urljoin(current, response.headers["location"].strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            result.error = f"refused a redirect to a {scheme or 'relative'}: address"
            return result
        return target
    if status in (429, 503):
        result.retry_after = parse_retry_after(response.headers.get("retry-after"))
    if status == 304:
        # a 304 has no body by definition; reading its end lets the
        # connection be kept alive for the host's next feed
        await response.aread()
        return result
    if status != 200:
        result.error = f"HTTP {status} {response.reason_phrase}".strip()
        return result
    try:
        result.body = await _read_body(response, max_bytes)
    except BodyTooLarge:
        result.error = f"larger than the {max_bytes:,}-byte limit"
        result.body = b""
    except (ValueError, zlib.error) as exc:
        result.error = f"cannot decode the body: {exc}"
    return result


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BODY_BYTES,
    host_limit: HostLimiter | None = None,
    deadline: float = TOTAL_TIMEOUT,
    user_agent: str | None = None,
) -> FetchResult:
    """GET a feed, sending the stored validators exactly as received (and
    `user_agent` in place of the client's, for a server that asks tools to
    name a contact: SEC EDGAR)."""
    if is_local(url):
        return await asyncio.to_thread(fetch_local, url, max_bytes)
    headers = {"Accept-Encoding": "gzip, deflate"}
    if user_agent:
        headers["User-Agent"] = user_agent
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(deadline):
            return await _fetch_http(client, url, headers, max_bytes, host_limit or HostLimiter())
    except TimeoutError:
        return FetchResult(url=url, error=f"timed out after {deadline:.3g} s")
    except httpx.HTTPError as exc:
        return FetchResult(url=url, error=_http_error(exc))
    except httpx.InvalidURL as exc:  # a stored address or a redirect httpx cannot send
        return FetchResult(url=url, error=f"invalid address: {exc}")
    except (OSError, ValueError) as exc:  # e.g. an invalid URL or header value
        return FetchResult(url=url, error=f"{type(exc).__name__}: {exc}")


def make_client(
    read_timeout: float = READ_TIMEOUT,
    connect_timeout: float = CONNECT_TIMEOUT,
    concurrency: int = CONCURRENCY,
) -> httpx.AsyncClient:
    """The one client a poll shares: stock httpx, proxies and CA bundle from
    the environment as for any tool. Its pool keeps a connection alive for
    every request the global limit lets through; `HostLimiter` decides how
    many run at once, per host and in all."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        limits=httpx.Limits(
            max_connections=concurrency,
            max_keepalive_connections=concurrency,
            keepalive_expiry=KEEPALIVE_EXPIRY,
        ),
        follow_redirects=False,
    )
