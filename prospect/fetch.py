"""Fetching feeds: one shared httpx.AsyncClient, conditional GET, local files.

`fetch_feed` never raises for a network or HTTP problem: it returns a
`FetchResult` whose `error` says what went wrong, so one bad feed never stops
the others.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from prospect import PROJECT_URL, __version__

USER_AGENT = f"prospect/{__version__} (+{PROJECT_URL})"
MAX_BODY_BYTES = 10 * 1024 * 1024


@dataclass(slots=True)
class FetchResult:
    url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    final_url: str | None = None
    permanent_redirect: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_local(url: str) -> bool:
    return url.startswith("file://") or "://" not in url


def local_path(url: str) -> Path:
    if url.startswith("file://"):
        return Path(unquote(urlsplit(url).path))
    return Path(url).expanduser()


def fetch_local(url: str, max_bytes: int = MAX_BODY_BYTES) -> FetchResult:
    path = local_path(url)
    try:
        with path.open("rb") as fh:
            body = fh.read(max_bytes + 1)
    except OSError as exc:
        return FetchResult(url=url, error=f"cannot read {path}: {exc.strerror or exc}")
    if len(body) > max_bytes:
        return FetchResult(url=url, error=f"larger than the {max_bytes}-byte limit")
    return FetchResult(url=url, status=200, body=body)


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BODY_BYTES,
) -> FetchResult:
    """GET a feed, sending the stored validators; read at most `max_bytes` decoded bytes."""
    if is_local(url):
        return await asyncio.to_thread(fetch_local, url, max_bytes)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with client.stream("GET", url, headers=headers) as response:
            result = FetchResult(
                url=url,
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                final_url=str(response.url),
            )
            if response.status_code != 200:
                return result
            chunks = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    result.error = f"larger than the {max_bytes}-byte limit"
                    return result
                chunks.append(chunk)
            result.body = b"".join(chunks)
            return result
    except httpx.TimeoutException:
        return FetchResult(url=url, error="timed out")
    except httpx.HTTPError as exc:
        return FetchResult(
            url=url, error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        )


def make_client(timeout: float = 20.0, connect_timeout: float = 5.0) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
        },
        timeout=httpx.Timeout(timeout, connect=connect_timeout),
        follow_redirects=True,
        max_redirects=5,
    )
