"""Fetching feeds politely: stock httpx clients, conditional GET, local files.

Design decisions, taken from how the best feed readers poll:

- `fetch_feed` never raises for a network, HTTP or content problem: it returns
  a `FetchResult` whose `error` says what went wrong, so one bad feed never
  stops the others.
- Redirects are followed by hand (at most `MAX_REDIRECTS`), so we know whether
  every hop was permanent (301/308: the stored URL is updated) or not
  (302/307: it is kept), refuse a redirect to anything but http(s) (a server
  must never make us read `file:///etc/passwd`) and report loops.
- httpx has no per-host limit: `HostLimiter` gives each host a small
  semaphore (`PER_HOST` = 6, the limit browsers settled on for HTTP/1.1), and
  all hosts one global limit (`CONCURRENCY`), taken only once the host's turn
  has come, so a request queued behind a busy host never holds a global slot.
- `Clients`: one stock `httpx.AsyncClient` per server, as browsers keep a pool
  per host. httpx's own transport and proxy handling (`HTTP(S)_PROXY`,
  `NO_PROXY`, `SSL_CERT_FILE`); each pool holds that server's few connections,
  kept alive for its next feeds, and stays small (httpx's pool bookkeeping
  grows with the square of what one pool holds). A GET that fails on a
  kept-alive connection before any byte of the answer arrived (the server
  closed it as we reused it) is sent once more on a new one; nothing else is
  retried.
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
import ssl
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
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
# requests in flight in all: enough that 300 responses at 100 ms take 0.3 s, few
# enough that open connections (file descriptors) stay bounded however many hosts a
# poll has, and below where stock httpx started to go quadratic (all started at once)
CONCURRENCY = 100
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


# awaited just before a body is read: where a poll waits for room to hold it
BeforeBody = Callable[[], Awaitable[None]]


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
    __slots__ = ("turns", "users")

    def __init__(self, per_host: int) -> None:
        self.turns = asyncio.Semaphore(per_host)
        self.users = 0  # requests holding or waiting for a turn


class HostLimiter:
    """Never more than `per_host` requests to one server, nor `total` in all.

    `async with limiter(url):` waits for a turn of the URL's host, then for a
    global one, so a request queued behind a busy host never holds a global
    slot another host could use. Each server's connections live in a pool of
    their own (`Clients`), so whichever host gets the next global slot, the
    others' kept-alive connections stay open for their next feeds."""

    def __init__(self, per_host: int = PER_HOST, total: int | None = None) -> None:
        self._per_host = per_host
        self._total = asyncio.Semaphore(total) if total else None
        self._hosts: dict[str, _Host] = {}  # hosts with a request under way or waiting

    @contextlib.asynccontextmanager
    async def __call__(self, url: str) -> AsyncIterator[None]:
        name = (urlsplit(url).hostname or "").lower()
        host = self._hosts.get(name)
        if host is None:
            host = self._hosts[name] = _Host(self._per_host)
        host.users += 1
        try:
            async with host.turns:
                if self._total is None:
                    yield
                else:
                    async with self._total:
                        yield
        finally:
            host.users -= 1
            if not host.users:
                del self._hosts[name]


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


async def _open(clients: Clients, url: str, headers: dict[str, str]) -> httpx.Response:
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

        client = clients(url)
        request = client.build_request("GET", url, headers=headers, extensions={"trace": trace})
        try:
            return await client.send(request, stream=True, follow_redirects=False)
        except _STALE_CONNECTION:
            if opened or attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _fetch_http(
    clients: Clients,
    url: str,
    headers: dict[str, str],
    max_bytes: int,
    host_limit: HostLimiter,
    before_body: BeforeBody | None,
) -> FetchResult:
    seen = {url}
    current = url
    permanent = True
    for _hop in range(MAX_REDIRECTS + 1):
        async with host_limit(current):
            response = await _open(clients, current, headers)
            try:
                result = await _read_response(response, url, current, max_bytes, before_body)
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
    response: httpx.Response,
    url: str,
    current: str,
    max_bytes: int,
    before_body: BeforeBody | None,
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
    if before_body is not None:
        await before_body()
    try:
        result.body = await _read_body(response, max_bytes)
    except BodyTooLarge:
        result.error = f"larger than the {max_bytes:,}-byte limit"
        result.body = b""
    except (ValueError, zlib.error) as exc:
        result.error = f"cannot decode the body: {exc}"
    return result


def _off_the_clock(wait: BeforeBody, budget: asyncio.Timeout) -> BeforeBody:
    """`wait`, with the time it takes added to `budget`'s deadline."""

    async def waited() -> None:
        loop = asyncio.get_running_loop()
        when, started = budget.when(), loop.time()
        budget.reschedule(None)
        await wait()
        if when is not None:
            budget.reschedule(when + loop.time() - started)

    return waited


async def fetch_feed(
    clients: Clients,
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BODY_BYTES,
    host_limit: HostLimiter | None = None,
    deadline: float = TOTAL_TIMEOUT,
    user_agent: str | None = None,
    before_body: BeforeBody | None = None,
) -> FetchResult:
    """GET a feed, sending the stored validators exactly as received (and
    `user_agent` in place of the client's, for a server that asks tools to
    name a contact: SEC EDGAR).

    `before_body` is awaited once a 200's headers are in, just before its body
    is read: a poll waits there for room to hold one more body. The wait does
    not count against `deadline`, which is the server's time."""
    if is_local(url):
        if before_body is not None:
            await before_body()
        return await asyncio.to_thread(fetch_local, url, max_bytes)
    headers = {"Accept-Encoding": "gzip, deflate"}
    if user_agent:
        headers["User-Agent"] = user_agent
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(deadline) as budget:
            wait = _off_the_clock(before_body, budget) if before_body else None
            limit = host_limit or HostLimiter()
            return await _fetch_http(clients, url, headers, max_bytes, limit, wait)
    except TimeoutError:
        return FetchResult(url=url, error=f"timed out after {deadline:.3g} s")
    except httpx.HTTPError as exc:
        return FetchResult(url=url, error=_http_error(exc))
    except httpx.InvalidURL as exc:  # a stored address or a redirect httpx cannot send
        return FetchResult(url=url, error=f"invalid address: {exc}")
    except (OSError, ValueError) as exc:  # e.g. an invalid URL or header value
        return FetchResult(url=url, error=f"{type(exc).__name__}: {exc}")


class Clients:
    """The stock `httpx.AsyncClient`s a poll shares: one per server (scheme,
    host, port), made when a request first needs it, all with the same
    settings and one SSL context. httpx's pool looks through every connection
    and every queued request each time it hands a connection out, a cost that
    grows with the square of what it holds; a pool per server holds only that
    server's few connections (`PER_HOST`), so the cost stays flat however many
    feeds a poll has. Proxies and CA bundle come from the environment as for
    any tool (`HTTP(S)_PROXY`, `NO_PROXY`, `SSL_CERT_FILE`)."""

    def __init__(
        self,
        read_timeout: float = READ_TIMEOUT,
        connect_timeout: float = CONNECT_TIMEOUT,
        per_host: int = PER_HOST,
    ) -> None:
        self._timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self._limits = httpx.Limits(
            max_connections=per_host,
            max_keepalive_connections=per_host,
            keepalive_expiry=KEEPALIVE_EXPIRY,
        )
        # made now, not with the first request: loading the CA bundle takes tens
        # of ms, which would land between a rate limit's turn and its request
        self._ssl: ssl.SSLContext = httpx.create_ssl_context()
        self._clients: dict[tuple[str, str, int | None], httpx.AsyncClient] = {}

    def __call__(self, url: str) -> httpx.AsyncClient:
        """The client for this address's server."""
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = None  # httpx refuses the address itself, with its own words
        key = (parts.scheme.lower(), (parts.hostname or "").lower(), port)
        client = self._clients.get(key)
        if client is None:
            client = self._clients[key] = httpx.AsyncClient(
                headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
                timeout=self._timeout,
                limits=self._limits,
                verify=self._ssl,
                follow_redirects=False,
            )
        return client

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    async def __aenter__(self) -> Clients:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def make_client(
    read_timeout: float = READ_TIMEOUT,
    connect_timeout: float = CONNECT_TIMEOUT,
    per_host: int = PER_HOST,
) -> Clients:
    """The clients a poll (or one fetch) shares; `HostLimiter` decides how
    many requests run at once, per host and in all."""
    return Clients(read_timeout, connect_timeout, per_host)
