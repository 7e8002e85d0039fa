"""OPML 2.0, the format every feed reader trades subscriptions in.

Reading: every `<outline>` with an `xmlUrl` is a feed, however deep it is
nested; its name is its `title` (else `text`); its tag is its `category`
attribute, else the `text` of the folder outline around it. Writing does the
reverse: one folder outline per tag, so `feeds export | feeds import` gives
back the same subscriptions.

The XML is parsed with expat through ElementTree, which never fetches external
entities; Python's expat (>= 2.4) also refuses billion-laughs expansion.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from itertools import groupby
from pathlib import Path

from prospect.errors import InputError


@dataclass(slots=True)
class Subscription:
    url: str
    name: str | None = None
    tag: str | None = None


def _walk(node: ET.Element, folder: str | None) -> Iterable[Subscription]:
    for child in node:
        if child.tag != "outline":
            continue
        url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
        label = (child.get("title") or child.get("text") or "").strip() or None
        if url:
            label = None if label == url else label
            category = (child.get("category") or "").split(",")[0].strip().strip("/") or None
            yield Subscription(url=url, name=label, tag=category or folder)
        yield from _walk(child, label if not url else folder)


def read_opml(path: Path) -> list[Subscription]:
    """The feeds in an OPML file; one InputError line (file, line) when it is not OPML."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, _col = exc.position
        reason = str(exc).split(":")[0]
        raise InputError(f"{path}:{line}: not valid OPML ({reason})") from None
    if root.tag != "opml":
        raise InputError(f"{path}:1: not OPML (expected an <opml> root element, got <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise InputError(f"{path}: not OPML (expected a <body> element)")
    return list(_walk(body, None))


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
