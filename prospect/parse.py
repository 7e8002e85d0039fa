"""Parsing feed bytes into plain `Entry` records with feedparser.

We extract text, we do not render HTML, so feedparser's sanitizer and relative
URI resolution are off (several times faster on real feeds). `parse_feed` is a
pure function of bytes and headers, so the poller can run it in a worker
process, off the event loop. feedparser is imported on the first parse, so a
poll where every feed answers 304 never loads it.

Normalisation, decided once here for every feed:
- a stable id: the entry's guid/id, else its link, else a hash of title + date;
- title and summary as plain text: tags stripped (inline tags such as Google
  Alerts' `<b>` highlighting leave no gap), entities decoded, spaces folded;
- the real article URL: Google Alerts' `google.com/url?...&url=REAL` is
  unwrapped; Google News' `news.google.com/rss/articles/...` links cannot be
  decoded offline, so they are kept, but the " - Publisher" suffix comes off
  the title and the publisher is kept from `<source>`;
- the published time in UTC (feedparser gives UTC time tuples).

Safety: feedparser parses with expat through SAX with external entities off
and strips all but simple entity declarations from the DOCTYPE, so an XXE
payload never reads a local file and billion laughs never expands.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

from prospect.models import Entry, Signal

MAX_DECODED_BYTES = 10 * 1024 * 1024
_INLINE = (
    "a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong"
    "|sub|sup|time|u|var|wbr"
)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})(?:\s[^>]*)?/?>", re.IGNORECASE)
_TAG = re.compile(r"<!--.*?-->|<[/!?]?[A-Za-z][^>]*>", re.DOTALL)
_SPACES = re.compile(r"\s+")
_MAX_GUID = 512


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry] = field(default_factory=list)
    bozo: bool = False
    error: str | None = None  # set when the bytes are not a feed at all
    # signals already found by a parse worker: guid -> signals (None: not done)
    detected: dict[str, list[Signal]] | None = None


def _strip_tags(text: str) -> str:
    return _TAG.sub(" ", _INLINE_TAG.sub("", text))


def plain_text(value: str | None) -> str:
    """Strip tags, decode entities (twice: feeds double-escape), fold whitespace."""
    if not value:
        return ""
    text = html.unescape(_strip_tags(value))
    if "<" in text and ">" in text:
        text = html.unescape(_strip_tags(text))
    return _SPACES.sub(" ", text).strip()


def unwrap_link(url: str | None) -> str | None:
    """The real article URL behind a Google Alerts redirect link."""
    if not url:
        return url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if (host == "google.com" or host.endswith(".google.com")) and parts.path == "/url":
        query = parse_qs(parts.query)
        for key in ("url", "q"):
            target = (query.get(key) or [""])[0]
            if target.startswith(("http://", "https://")):
                return target
    return url


def _published(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                stamp = calendar.timegm(value)
                return datetime.fromtimestamp(stamp, UTC).isoformat()
            except (OverflowError, ValueError, TypeError, OSError):
                continue
    return None


def _publisher(entry: dict) -> str | None:
    source = entry.get("source")
    if isinstance(source, dict):
        return plain_text(source.get("title")) or None
    return None


def _strip_publisher(title: str, publisher: str | None, link: str | None) -> str:
    """Google News titles end in ' - Publisher': the headline alone is wanted."""
    if publisher and title.endswith(f" - {publisher}"):
        return title[: -len(publisher) - 3].rstrip()
    if publisher is None and link and urlsplit(link).hostname == "news.google.com":
        head, sep, _tail = title.rpartition(" - ")
        if sep and head:
            return head
    return title


def stable_id(guid: str | None, link: str | None, title: str, published: str | None) -> str:
    if guid and guid.strip():
        guid = guid.strip()
    elif link:
        guid = link
    else:
        guid = hashlib.sha1(f"{title}\x1f{published}".encode()).hexdigest()
    if len(guid) > _MAX_GUID:
        guid = "sha1:" + hashlib.sha1(guid.encode("utf-8", "replace")).hexdigest()
    return guid


def _prepare(body: bytes) -> bytes:
    """Undo what servers and old feeds do to bytes before feedparser sees them."""
    if body[:2] == b"\x1f\x8b":  # gzip served without Content-Encoding
        try:
            z = zlib.decompressobj(16 + zlib.MAX_WBITS)
            body = z.decompress(body, MAX_DECODED_BYTES)
        except zlib.error:
            pass
    stripped = body.lstrip()
    if stripped[:1] == b"<" and len(stripped) != len(body):
        # whitespace before <?xml makes expat refuse the whole document
        body = stripped
    return body


def to_entry(raw: dict, feed_url: str | None) -> Entry | None:
    """One feedparser entry as a plain `Entry`; None when it has no text at all."""
    title = plain_text(raw.get("title"))
    summary = plain_text(raw.get("summary"))
    if not title and not summary:
        return None
    original_link = raw.get("link")
    link = unwrap_link(original_link)
    publisher = _publisher(raw)
    headline = _strip_publisher(title, publisher, link)
    if publisher:  # Google News repeats "Title  Publisher" as the summary
        summary = summary.removesuffix(publisher).strip()
        if summary in (title, headline):
            summary = ""
    title = headline
    published = _published(raw)
    return Entry(
        guid=stable_id(raw.get("id"), original_link, title, published),
        title=title,
        summary=summary,
        url=link,
        published_at=published,
        feed_url=feed_url,
        publisher=publisher,
    )


def parse_feed(
    body: bytes, headers: dict[str, str] | None = None, url: str | None = None
) -> ParsedFeed:
    """Parse feed bytes into entries; bad input gives `error`, never an exception."""
    import feedparser  # ~60 ms to import: only once there is something to parse

    headers = {k: v for k, v in (headers or {}).items() if k.lower() != "content-encoding"}
    parsed = feedparser.parse(
        _prepare(body),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = [e for e in (to_entry(raw, url) for raw in parsed.entries) if e is not None]
    feed_title = plain_text(parsed.feed.get("title")) or None
    error = None
    if not entries and not parsed.get("version"):
        exc = parsed.get("bozo_exception")
        reason = f": {type(exc).__name__}: {exc}" if exc else ""
        error = f"not a feed{reason}"[:300]
    return ParsedFeed(title=feed_title, entries=entries, bozo=bool(parsed.get("bozo")), error=error)
