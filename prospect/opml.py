"""OPML, the format every feed reader trades subscriptions in.

Reading is listparser's: it reads OPML as the readers that write it do, not as
an XML validator would. Real exports carry a raw `&` in a title or a URL
(Plenary, Miniflux's and Feeder's own test cases), HTML entities such as
`&eacute;`, `xmlURL` for `xmlUrl` (LiveJournal), folders named by `text`
alone, and `type="source"` outlines that point at another subscription list,
not at a feed. A strict XML parser refuses the raw `&` and the entities
outright; listparser reads them all, and walks the tree with start and end
events, so an export nested 5,000 levels deep costs no recursion and a
40,000-feed file is read in one linear pass. An rss outline that gives its
feed as `url` rather than `xmlUrl` (newsboat's test files) is read by a second,
small pass, since listparser takes `url` only for links to other lists.

A feed's name is its `text` (else `title`); its tag is its first category:
the `category` attribute's first path, else the folders around it, joined
with "/" (`news/tech`). Writing does the reverse: one folder outline per tag
that also carries the tag as `category`, so `feeds export | feeds import`
gives back the same subscriptions.

listparser reads bytes with Python's html.parser, which never fetches
anything and expands no entity declarations. It is only ever given bytes: a
str that starts with http:// it would fetch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html.parser import HTMLParser
from itertools import groupby
from pathlib import Path

import listparser

from prospect.errors import InputError


@dataclass(slots=True)
class Subscription:
    url: str
    name: str | None = None
    tag: str | None = None


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


def _text(path: Path, data: bytes) -> str:
    """The file as text: its declared encoding, else UTF-8, else Windows-1252."""
    declared = _DECLARED.match(data[:200])
    for encoding in (declared.group(1).decode() if declared else "utf-8-sig", "utf-8-sig"):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def _tag(categories: list[list[str]]) -> str | None:
    for path in categories:
        parts = [p.strip() for p in path if p.strip()]
        if parts:
            return "/".join(parts)
    return None


class _UrlFeeds(HTMLParser):
    """Outlines of type rss or atom that give their feed as `url` instead of
    `xmlUrl` (newsboat reads them; listparser takes `url` only for links to
    other lists), with the folders around them as the tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.folders: list[str | None] = []
        self.found: list[Subscription] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "outline":
            return
        a = {k: (v or "").strip() for k, v in attrs}
        name = a.get("text") or a.get("title") or None
        if a.get("type", "").lower() in ("rss", "atom") and a.get("url") and not a.get("xmlurl"):
            folders = [f for f in self.folders if f]
            tag_ = "/".join(folders) if folders else None
            category = a.get("category", "").split(",")[0].strip("/ ") or None
            self.found.append(Subscription(a["url"], name, category or tag_))
        self.folders.append(None if a.get("xmlurl") or a.get("url") else name)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "outline" and self.folders:
            self.folders.pop()


def read_opml(path: Path) -> list[Subscription]:
    """The feeds in an OPML file, in file order; one InputError line when it is not OPML."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = _text(path, data)
    # Handed over as UTF-8 bytes: listparser decodes them as UTF-8, whatever the file declared.
    result = listparser.parse(text.encode("utf-8"))
    if not result.version:
        raise InputError(f"{path}:1: not OPML (expected an <opml> root element)")
    subs = []
    for feed in result.feeds:
        url = feed.url.strip()
        if not url:
            continue
        name = (feed.title or "").strip() or None
        subs.append(
            Subscription(url=url, name=None if name == url else name, tag=_tag(feed.categories))
        )
    if " url=" in text or "\turl=" in text or "\nurl=" in text:
        extra = _UrlFeeds()
        extra.feed(text)
        subs.extend(extra.found)
    return subs


def _outline(parent: ET.Element, sub: Subscription) -> None:
    name = sub.name or sub.url
    attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": sub.url}
    if sub.tag:
        attrs["category"] = sub.tag
    ET.SubElement(parent, "outline", attrs)


def write_opml(subscriptions: Iterable[Subscription], now: datetime | None = None) -> str:
    """OPML 2.0 text: untagged feeds at the top, the others in one folder per tag."""
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "prospect feeds"
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    subs = sorted(subscriptions, key=lambda s: (s.tag or "", (s.name or s.url).lower()))
    for tag, group in groupby(subs, key=lambda s: s.tag):
        parent = body if not tag else ET.SubElement(body, "outline", {"text": tag, "title": tag})
        for sub in group:
            _outline(parent, sub)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
