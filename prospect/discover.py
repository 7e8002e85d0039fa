"""Checking an address before subscribing to it: is it a feed, a web page that
links to one, or neither?

`check_feed(url)` fetches the address once through the poll's own fetcher
(`fetch_feed`, stock httpx) and parser (`parse_feed`):
- a feed: subscribe it, under the title it gives itself;
- a web page: look for its feeds the way browsers and feed readers do,
  `<link rel="alternate" type="application/rss+xml">` (Atom and JSON Feed
  too) in the page; one found is checked and subscribed, several are listed
  for the rep to choose from;
- anything else (a 404, a home page without a feed link, an image): refused,
  with the reason in plain words, so a typo is found when it is made rather
  than at the first poll, in parser jargon.

The decisions (`find_feed_links`, `describe`) are pure; only `check_feed` and
`_fetch` touch the network.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from prospect.errors import InputError
from prospect.fetch import FetchResult, fetch_feed, is_local, make_client
from prospect.parse import parse_feed

FEED_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/feed+json": "JSON Feed",
    "application/json": "JSON Feed",
    "application/rdf+xml": "RSS",
}
READABLE = {"RSS", "Atom"}  # what prospect.parse reads; JSON Feed is found, not read
CHECK_TIMEOUT = 20.0  # seconds for one check, all in: a person is waiting


@dataclass(slots=True, frozen=True)
class FeedLink:
    url: str
    kind: str  # RSS | Atom | JSON Feed
    title: str | None = None


@dataclass(slots=True)
class CheckedFeed:
    url: str  # what to subscribe: the feed itself (found on a page, or moved for good)
    title: str | None
    entries: int
    found_on: str | None = None  # the page it was found on, when it was a page


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        found = {k.lower(): (v or "") for k, v in attrs}
        rels = found.get("rel", "").lower().split()
        kind = FEED_TYPES.get(found.get("type", "").lower().split(";")[0].strip())
        if "alternate" in rels and kind and found.get("href", "").strip():
            self.links.append((found["href"].strip(), kind, found.get("title") or None))


def find_feed_links(html: str, base: str) -> list[FeedLink]:
    """The feeds a web page names in its <link rel="alternate"> tags, in page order,
    each address made absolute, duplicates once; only http(s) addresses."""
    finder = _LinkFinder()
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # HTMLParser on badly broken markup
        pass
    out: dict[str, FeedLink] = {}
    for href, kind, title in finder.links:
        url = urljoin(base, href)
        if urlsplit(url).scheme.lower() in ("http", "https"):
            out.setdefault(url, FeedLink(url, kind, title))
    return list(out.values())


def _looks_like_html(result: FetchResult) -> bool:
    kind = result.headers.get("content-type", "").lower()
    head = result.body[:1024].lstrip().lower()
    return "html" in kind or head.startswith((b"<!doctype html", b"<html"))


def _text(result: FetchResult) -> str:
    kind = result.headers.get("content-type", "").lower()
    charset = "utf-8"
    if "charset=" in kind:
        charset = kind.split("charset=", 1)[1].split(";")[0].strip().strip('"') or "utf-8"
    try:
        return result.body.decode(charset, errors="replace")
    except LookupError:
        return result.body.decode("utf-8", errors="replace")


async def _fetch(url: str) -> FetchResult:
    async with make_client() as client:
        return await fetch_feed(client, url, deadline=CHECK_TIMEOUT)


def _refuse(url: str, reason: str) -> InputError:
    return InputError(f"{url}: {reason}; not subscribed (--no-check subscribes it anyway)")


def check_feed(url: str) -> CheckedFeed:
    """Fetch `url` once and say what to subscribe; raises InputError with the reason."""
    result = asyncio.run(_fetch(url))
    if result.error:
        return _fail_fetch(url, result)
    parsed = parse_feed(result.body, result.headers, url)
    moved = result.permanent_redirect or url
    if parsed.error is None:
        return CheckedFeed(moved, parsed.title, len(parsed.entries))
    if is_local(url) or not _looks_like_html(result):
        raise _refuse(url, "not an RSS or Atom feed, nor a web page that links to one")
    links = find_feed_links(_text(result), result.final_url or url)
    readable = [link for link in links if link.kind in READABLE]
    if not links:
        raise _refuse(
            url, 'a web page with no feed in it (no <link rel="alternate"> to RSS or Atom)'
        )
    if not readable:
        raise _refuse(
            url, f"the page links only a JSON Feed ({links[0].url}), which prospect cannot read"
        )
    if len(readable) > 1:
        listed = "; ".join(f"{link.url} ({link.title or link.kind})" for link in readable)
        raise InputError(
            f"{url}: the page links {len(readable)} feeds: {listed}; add the one you want"
        )
    (link,) = readable
    found = asyncio.run(_fetch(link.url))
    if found.error:
        return _fail_fetch(link.url, found, page=url)
    feed = parse_feed(found.body, found.headers, link.url)
    if feed.error is not None:
        raise _refuse(url, f"the page links {link.url}, which is not an RSS or Atom feed")
    return CheckedFeed(
        found.permanent_redirect or link.url,
        feed.title or link.title,
        len(feed.entries),
        found_on=url,
    )


def _fail_fetch(url: str, result: FetchResult, page: str | None = None) -> CheckedFeed:
    where = f"the feed {url} that {page} links" if page else url
    reason = result.error or "no answer"
    if result.status == 404:
        reason = "nothing there (HTTP 404 Not Found)"
    elif result.gone:
        reason = "gone for good (HTTP 410 Gone)"
    raise InputError(f"{where}: {reason}; not subscribed (--no-check subscribes it anyway)")


__all__ = ["CheckedFeed", "FeedLink", "check_feed", "find_feed_links"]
