"""Parsing feed bytes into plain `Entry` records: fastfeedparser first, feedparser
when the document needs it.

Two parsers, one normalisation. fastfeedparser (lxml and a native core) reads a
well-formed RSS/Atom document some fifty times faster than feedparser, whose
expat handlers in Python made a cold poll CPU-bound. feedparser stays for what
it reads more faithfully: a document that is not well-formed XML (its loose
parser recovers entries a strict one drops), one with a DOCTYPE (entities such
as `&eacute;` that only feedparser expands), one whose HTTP charset
contradicts its own declaration (feedparser obeys the header, as RFC 3023
asks), and anything fastfeedparser refuses. `parse_feed` decides with one
strict lxml parse, which also reads Google News' `<source>` (fastfeedparser
drops it). tests/test_parse_equivalence.py runs both over the same corpus
and lists every known difference with its reason. Neither parser is imported
before the first body, so a poll where every feed answers 304 loads neither.

Normalisation, decided once here for every feed:
- a stable id: the entry's guid/id, else its link, else a hash of title + date;
- title and summary as plain text: tags stripped (inline tags such as Google
  Alerts' `<b>` highlighting leave no gap), entities decoded, spaces folded;
- the real article URL: Google Alerts' `google.com/url?...&url=REAL` is
  unwrapped; Google News' `news.google.com/rss/articles/...` links cannot be
  decoded offline, so they are kept, but the " - Publisher" suffix comes off
  the title and the publisher is kept from `<source>`;
- the published time in UTC.

Safety: lxml parses with entities unresolved, no network and no DTD loaded,
and a document with a DOCTYPE goes to feedparser, which parses with expat
through SAX with external entities off and strips all but simple entity
declarations: an XXE payload never reads a local file and billion laughs
never expands.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import html
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from prospect.models import Entry

if TYPE_CHECKING:
    from lxml import etree

MAX_DECODED_BYTES = 10 * 1024 * 1024
_INLINE = (
    "a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|strong"
    "|sub|sup|time|u|var|wbr"
)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE})(?:\s[^>]*)?/?>", re.IGNORECASE)
_TAG = re.compile(r"<!--.*?-->|<[/!?]?[A-Za-z][^>]*>", re.DOTALL)
_SPACES = re.compile(r"\s+")
_MAX_GUID = 512
_C1 = re.compile("[\x80-\x9f]")
_CP1252 = {c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0)
           if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}  # fmt: skip


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry] = field(default_factory=list)
    bozo: bool = False
    error: str | None = None  # set when the bytes are not a feed at all
    parser: str = "feedparser"  # which one read it: "fastfeedparser" or "feedparser"


def _strip_tags(text: str) -> str:
    return _TAG.sub(" ", _INLINE_TAG.sub("", text))


def plain_text(value: str | None) -> str:
    """Strip tags, decode entities (twice: feeds double-escape), fold whitespace,
    and read C1 control characters as the Windows-1252 quotes and dashes their
    authors meant (as feedparser does)."""
    if not value:
        return ""
    text = html.unescape(_strip_tags(value)) if "<" in value else html.unescape(value)
    if "<" in text and ">" in text:
        text = html.unescape(_strip_tags(text))
    if not text.isascii() and _C1.search(text):
        text = text.translate(_CP1252)
    return _SPACES.sub(" ", text).strip()


def unwrap_link(url: str | None) -> str | None:
    """The real article URL behind a Google Alerts redirect link."""
    if not url or "/url" not in url:  # most links: no need to split them
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
    """feedparser's UTC time tuples, as ISO 8601."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # the plain dict's get: feedparser's own maps a missing updated_parsed
        # to published_parsed, with a deprecation warning
        value = dict.get(entry, key)
        if value:
            try:
                stamp = calendar.timegm(value)
                return datetime.fromtimestamp(stamp, UTC).isoformat()
            except (OverflowError, ValueError, TypeError, OSError):
                continue
    return None


def _iso_utc(value: str | None) -> str | None:
    """fastfeedparser's ISO 8601 text in the same form: UTC, whole seconds."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _publisher(entry: dict) -> str | None:
    source = entry.get("source")
    if isinstance(source, dict):
        return plain_text(source.get("title")) or None
    return None


def _strip_publisher(title: str, publisher: str | None, link: str | None) -> str:
    """Google News titles end in ' - Publisher': the headline alone is wanted."""
    if publisher and title.endswith(f" - {publisher}"):
        return title[: -len(publisher) - 3].rstrip()
    if (
        publisher is None and link and "news.google.com" in link.lower()
        and urlsplit(link).hostname == "news.google.com"
    ):  # fmt: skip
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


def _entry(
    raw_title: str | None,
    raw_summary: str | None,
    original_link: str | None,
    raw_guid: str | None,
    published: str | None,
    publisher: str | None,
    feed_url: str | None,
) -> Entry | None:
    """One entry as a plain `Entry`, whichever parser read it; None when it has
    no text at all."""
    title = plain_text(raw_title)
    summary = plain_text(raw_summary)
    if not title and not summary:
        return None
    link = unwrap_link(original_link)
    headline = _strip_publisher(title, publisher, link)
    if publisher:  # Google News repeats "Title  Publisher" as the summary
        summary = summary.removesuffix(publisher).strip()
        if summary in (title, headline):
            summary = ""
    return Entry(
        guid=stable_id(raw_guid, original_link, headline, published),
        title=headline,
        summary=summary,
        url=link,
        published_at=published,
        feed_url=feed_url,
        publisher=publisher,
    )


def to_entry(raw: dict, feed_url: str | None) -> Entry | None:
    """One feedparser entry as a plain `Entry`."""
    return _entry(
        raw.get("title"), raw.get("summary"), raw.get("link"), raw.get("id"),
        _published(raw), _publisher(raw), feed_url,
    )  # fmt: skip


def fast_to_entry(raw: dict, feed_url: str | None, item: ItemFacts) -> Entry | None:
    """One fastfeedparser entry as a plain `Entry`, with what the tree says of
    its item: the `<source>` publisher (which fastfeedparser does not keep),
    and its own summary; without one, the summary is its content whole, as
    feedparser gives it (fastfeedparser makes one from the content, cut at 512
    characters, every tag a space)."""
    summary = item.summary
    if summary is None:
        content = raw.get("content")
        summary = (content[0].get("value") if content else None) or raw.get("description")
    published = _iso_utc(raw.get("published") or raw.get("updated")) if item.dated else None
    return _entry(
        raw.get("title"), summary, raw.get("link") or item.permalink, raw.get("id"),
        published, item.publisher, feed_url,
    )  # fmt: skip


# --- which parser -------------------------------------------------------------------

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)


# What feedparser reads more faithfully, so it keeps (`_strict_tree` decides):
# - a document that is not well-formed XML: its loose parser recovers entries;
# - a DOCTYPE: entities such as &eacute; that only feedparser expands;
# - an encoding other than UTF-8, declared or sent as the HTTP charset:
#   feedparser obeys the header (RFC 3023) and reads ISO-8859-1 bytes 0x80-0x9F
#   as the Windows-1252 quotes and dashes their authors meant;
# - Atom 0.3 (obsolete since 2005; its `mode="xml"` and inline XHTML titles)
#   and base64 content, which fastfeedparser passes through undecoded.
_OBSOLETE_ROOTS = frozenset({"{http://purl.org/atom/ns#}feed"})
_BASE64_MARKS = (b"base64", b"octet-stream")


def _same_encoding(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


def _strict_tree(body: bytes, headers: dict[str, str]) -> etree._Element | None:
    """The document's tree when fastfeedparser reads it as faithfully as
    feedparser; None sends the document to feedparser. See `_FEEDPARSER_READS`."""
    from lxml import etree

    head = body[:4096]
    if any(mark in head for mark in (b"<!DOCTYPE", b"<!doctype")) or any(
        mark in body for mark in _BASE64_MARKS
    ):
        return None
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    charset = _CHARSET.search(content_type)
    if charset and not _same_encoding(charset.group(1), "utf-8"):
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None or root.tag in _OBSOLETE_ROOTS:
        return None
    if not _same_encoding(root.getroottree().docinfo.encoding or "utf-8", "utf-8"):
        return None
    return root


@dataclass(slots=True)
class ItemFacts:
    """What the tree says of one item, beside fastfeedparser's reading."""

    summary: str | None  # its own summary element's text, None without one
    publisher: str | None
    element: etree._Element
    dated: bool = False  # it has a date element (fastfeedparser also reads dates into guids)
    permalink: str | None = None  # an RSS guid that is the item's address (isPermaLink)


_RSS1 = "{http://purl.org/rss/1.0/}"
_RSS090 = "{http://my.netscape.com/rdf/simple/0.9/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_ITEMS = ("item", f"{_RSS1}item", f"{_RSS090}item", f"{_ATOM}entry")
_SUMMARIES = frozenset({"description", f"{_RSS1}description", f"{_RSS090}description",
                        f"{_ATOM}summary"})  # fmt: skip
# RSS children fastfeedparser reads by local name alone, so that `media:title`
# or `itunes:summary` can stand in for the item's own title or description
_CORE_NAMES = frozenset({"title", "description", "summary", "link", "guid", "pubDate"})
_DATES = frozenset({"pubDate", "published", "updated", "issued", "modified", "created", "date"})


def _item_facts(root: etree._Element) -> list[ItemFacts] | None:
    """Each item's facts, in document order; None when an RSS item has a
    namespaced child that fastfeedparser would take for a core one."""
    facts = []
    for item in root.iter(*_ITEMS):
        summary, publisher, dated, permalink = None, None, False, None
        for child in item.iterchildren("*"):
            tag = child.tag
            local = tag.rpartition("}")[2]
            dated = dated or local in _DATES
            if tag in _SUMMARIES and summary is None:
                summary = "".join(child.itertext())
            elif tag == "guid" and child.get("isPermaLink", "true").lower() != "false":
                text = (child.text or "").strip()
                permalink = text if text.startswith(("http://", "https://")) else None
            elif tag == "source" and publisher is None:
                publisher = plain_text("".join(child.itertext())) or None
            elif (
                item.tag == "item" and tag[0] == "{"
                and local in _CORE_NAMES and not tag.startswith(_ATOM)
            ):  # fmt: skip
                return None
        facts.append(ItemFacts(summary, publisher, item, dated, permalink))
    return facts


# An item's children that hold no words of its own
_NOT_TEXT = frozenset({"pubDate", "guid", "link", "id", "updated", "published", "issued",
                       "modified", "created", "date", "author", "comments",
                       "enclosure"})  # fmt: skip


def _has_text(item: etree._Element) -> bool:
    """Whether an item has words outside its dates, ids and links (in an element
    fastfeedparser does not read, such as `<fullitem>` or `<xhtml:body>`)."""
    return any(
        child.tag.rpartition("}")[2] not in _NOT_TEXT and "".join(child.itertext()).strip()
        for child in item.iterchildren("*")
    )


def _has_title(root: etree._Element) -> bool:
    channel = root.find("channel")
    parent = channel if channel is not None else root
    return any(
        child.tag.rpartition("}")[2].lower() == "title" for child in parent.iterchildren("*")
    )


def _parse_fast(body: bytes, root: etree._Element, url: str | None) -> ParsedFeed | None:
    """fastfeedparser's reading, or None when it refuses the document or its
    entries are not the tree's items one for one."""
    import fastfeedparser
    from lxml import etree

    items = _item_facts(root)
    if items is None:
        return None
    try:
        parsed = fastfeedparser.parse(body, include_tags=False, include_media=False,
                                      include_enclosures=False)  # fmt: skip
    except (ValueError, etree.LxmlError):
        return None
    raws = parsed.get("entries") or []
    if len(raws) != len(items):
        return None
    entries = list(map(fast_to_entry, raws, [url] * len(raws), items))
    title = plain_text((parsed.get("feed") or {}).get("title")) or None
    empty = (item.element for item, entry in zip(items, entries, strict=True) if entry is None)
    if any(map(_has_text, empty)) or (title is None and _has_title(root)):
        return None  # an empty reading where the tree has text: feedparser's turn
    kept = [e for e in entries if e is not None]
    return ParsedFeed(title=title, entries=kept, parser="fastfeedparser")


def _parse_feedparser(body: bytes, headers: dict[str, str], url: str | None) -> ParsedFeed:
    import feedparser  # ~60 ms to import: only for a document that needs it

    parsed = feedparser.parse(
        body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    entries = [e for e in (to_entry(raw, url) for raw in parsed.entries) if e is not None]
    feed_title = plain_text(parsed.feed.get("title")) or None
    error = None
    if not entries and not parsed.get("version"):
        exc = parsed.get("bozo_exception")
        reason = f": {type(exc).__name__}: {exc}" if exc else ""
        error = f"not a feed{reason}"[:300]
    return ParsedFeed(title=feed_title, entries=entries, bozo=bool(parsed.get("bozo")), error=error)


def parse_feed(
    body: bytes,
    headers: dict[str, str] | None = None,
    url: str | None = None,
    *,
    fast: bool = True,
) -> ParsedFeed:
    """Parse feed bytes into entries; bad input gives `error`, never an exception.
    `fast=False` reads with feedparser alone (the equivalence test compares)."""
    headers = {k: v for k, v in (headers or {}).items() if k.lower() != "content-encoding"}
    body = _prepare(body)
    if fast and (root := _strict_tree(body, headers)) is not None:
        parsed = _parse_fast(body, root, url)
        if parsed is not None:
            return parsed
    return _parse_feedparser(body, headers, url)
