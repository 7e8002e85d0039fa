"""The fast parse path against feedparser alone, over a feed corpus.

`parse_feed` reads with fastfeedparser and falls back to feedparser; this runs
both readings (`fast=True` and `fast=False`) over every file and compares what
prospect keeps: the number of entries, each entry's guid, title, link, date,
summary and publisher, the feed's title and whether it is an error. Every
known difference is in tests/fixtures/parse-differences.json with its reason;
any other difference fails, and so does a listed one that went away.

The corpus is tests/fixtures/feedparser-corpus (a subset of feedparser's own
test feeds) and tests/fixtures/feeds (real feeds). Run it over more with
PROSPECT_PARSE_CORPUS (directories separated by ':'), e.g. the whole
feedparser corpus:

    PROSPECT_PARSE_CORPUS=../shared/corpora/feedparser-tests/tests:../shared/realfeeds \\
        pytest -q tests/test_parse_equivalence.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from prospect.parse import parse_feed

FIXTURES = Path(__file__).parent / "fixtures"
KNOWN = {
    k: v
    for k, v in json.loads((FIXTURES / "parse-differences.json").read_text()).items()
    if not k.startswith("_")
}
FIELDS = ("guid", "title", "url", "published_at", "summary", "publisher")
SKIP_NAMES = {"LICENSE", "README.md", "SOURCES.md"}


def corpus() -> list[tuple[Path, str]]:
    roots = [FIXTURES / "feedparser-corpus", FIXTURES / "feeds"]
    extra = os.environ.get("PROSPECT_PARSE_CORPUS")
    if extra:
        roots += [Path(d) for d in extra.split(os.pathsep) if d]
    return [
        (path, path.relative_to(root).as_posix())
        for root in roots
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name not in SKIP_NAMES
    ]


def differences(body: bytes) -> set[str]:
    """The fields where the two readings of one document differ."""
    fast, slow = (
        parse_feed(body, {}, "http://127.0.0.1/feed"),
        parse_feed(body, {}, "http://127.0.0.1/feed", fast=False),
    )
    found = set()
    if (fast.error is None) != (slow.error is None):
        found.add("error")
    if fast.title != slow.title:
        found.add("feed title")
    if len(fast.entries) != len(slow.entries):
        return found | {"entries"}
    for a, b in zip(fast.entries, slow.entries, strict=True):
        found |= {f for f in FIELDS if getattr(a, f) != getattr(b, f)}
    return found


CASES = corpus()


@pytest.mark.parametrize("path,name", CASES, ids=[name for _, name in CASES])
def test_both_readings_agree_or_the_difference_is_known(path: Path, name: str):
    found = differences(path.read_bytes())
    listed = set(KNOWN.get(name, {}).get("fields", ()))
    assert found == listed, f"{name}: differs in {sorted(found)}, listed {sorted(listed)}"


def test_every_listed_difference_has_a_reason_and_a_file():
    names = {name for _, name in CASES}
    for name, known in KNOWN.items():
        assert known["reason"] and known["kept"] in ("fastfeedparser", "feedparser"), name
        assert name in names, f"{name} is listed but not in tests/fixtures/feedparser-corpus"


@pytest.mark.parametrize(
    "name",
    [
        "google-alerts.atom.xml",
        "google-news-search.xml",
        "gzip-named-xml.xml",
        "techcrunch-2011-feedburner.xml",
        "techcrunch-2023-08.xml",
    ],
)
def test_well_formed_real_feeds_take_the_fast_path(name: str):
    parsed = parse_feed((FIXTURES / "feeds" / name).read_bytes(), {}, None)
    assert parsed.parser == "fastfeedparser"
    assert parsed.entries


ATOM03 = (
    b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>'
    b"<entry><title>Acme raises $5M</title></entry></feed>"
)
RSS = (
    b'<?xml version="1.0" encoding="{enc}"?><rss version="2.0"><channel><title>T</title>'
    b"<item><guid>1</guid><link>https://acme.test/1</link><title>{title}</title>{extra}</item>"
    b"</channel></rss>"
)


def rss(title: bytes = b"Acme raises $5M", extra: bytes = b"", enc: bytes = b"utf-8") -> bytes:
    return RSS.replace(b"{title}", title).replace(b"{extra}", extra).replace(b"{enc}", enc)


@pytest.mark.parametrize(
    "why,body,headers,parser",
    [
        ("plain UTF-8 RSS", rss(), {}, "fastfeedparser"),
        ("a matching HTTP charset", rss(), {"Content-Type": "text/xml; charset=UTF-8"},
         "fastfeedparser"),
        ("not well-formed", rss(b"Acme & Beta <b>merge"), {}, "feedparser"),
        ("a DOCTYPE: entities only feedparser expands",
         b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">'
         + rss(), {}, "feedparser"),
        ("an HTTP charset that is not the document's",
         rss(), {"content-type": "application/xml; charset=iso-8859-1"}, "feedparser"),
        ("a declared ISO-8859-1", rss(b"Caf\xe9 raises $5M", enc=b"iso-8859-1"), {},
         "feedparser"),
        ("Atom 0.3", ATOM03, {}, "feedparser"),
        ("base64 content", rss(extra=b'<content type="application/octet-stream">QQ==</content>'),
         {}, "feedparser"),
        ("a media:title that fastfeedparser takes for the title",
         rss(extra=b'<media:title xmlns:media="http://search.yahoo.com/mrss/">x</media:title>'),
         {}, "feedparser"),
        ("words in an element fastfeedparser does not read",
         b'<rss version="2.0"><channel><title>T</title><item><fullitem>Acme raises $5M'
         b"</fullitem></item></channel></rss>", {}, "feedparser"),
        ("not a feed at all", b"<html><body>hello</body></html>", {}, "feedparser"),
    ],
)  # fmt: skip
def test_which_parser_reads_a_document(why, body, headers, parser):
    parsed = parse_feed(body, headers, None)
    assert parsed.parser == parser, why
    assert differences(body) == set(), why


def test_windows_1252_quotes_in_utf8_text_read_as_quotes():
    parsed = parse_feed(rss(b"Acme\xc2\x92s CFO joins Beta"))
    assert parsed.parser == "fastfeedparser"
    assert parsed.entries[0].title == "Acme’s CFO joins Beta"


def test_a_guid_is_never_read_as_a_date_and_a_permalink_guid_is_the_link():
    body = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><guid>1</guid><title>Acme raises $5M</title></item>"
        b"<item><guid>https://acme.test/2</guid><title>Beta hires a CFO</title></item>"
        b"</channel></rss>"
    )
    fast = parse_feed(body)
    assert fast.parser == "fastfeedparser"
    assert [e.published_at for e in fast.entries] == [None, None]
    assert fast.entries[1].url == "https://acme.test/2"
    assert parse_feed(body, fast=False).entries[1].url == "https://acme.test/2"
