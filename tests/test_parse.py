"""Parsing real feed samples (tests/fixtures/feeds/) and hostile XML into plain entries."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from prospect.parse import parse_feed, plain_text, stable_id, unwrap_link

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def parse_fixture(name: str):
    return parse_feed((FEEDS / name).read_bytes(), {}, f"file://{FEEDS / name}")


@pytest.mark.parametrize(
    "name,title,count",
    [
        ("google-alerts.atom.xml", "Google Alert - Slack", 20),
        ("google-news-search.xml", '"Brent crude oil price" - Google News', 6),
        ("feedburner-illegally-nested.xml", "PCMag.com: the Official John C. Dvorak RSS Feed", 10),
        ("techcrunch-2011-feedburner.xml", "TechCrunch", 3),
        ("gzip-named-xml.xml", "NSHipster", 3),
    ],
)
def test_real_feeds_parse_into_entries(name, title, count):
    parsed = parse_fixture(name)
    assert parsed.error is None
    assert parsed.title == title
    assert len(parsed.entries) == count
    guids = [e.guid for e in parsed.entries]
    assert len(set(guids)) == len(guids)
    for entry in parsed.entries:
        assert entry.title and "<" not in entry.title and "&amp;" not in entry.title
        assert entry.published_at is None or entry.published_at.endswith("+00:00")


def test_google_alerts_highlighting_and_redirect_links_are_removed():
    first = parse_fixture("google-alerts.atom.xml").entries[1]
    assert first.title == "Slack Stock Has a Compelling Story and the Numbers to Back It Up"
    assert first.url == "https://investorplace.com/2019/07/slack-stock-truly-compelling/"
    assert first.guid == "tag:google.com,2013:googlealerts/feed:13685523368333461374"
    assert first.published_at == "2019-07-10T11:46:48+00:00"


def test_google_news_titles_lose_the_publisher_suffix_and_keep_the_publisher():
    first = parse_fixture("google-news-search.xml").entries[0]
    assert first.title == "Middle East War Triggers New Global Refining Boom"
    assert first.publisher == "Crude Oil Prices Today | OilPrice.com"
    assert first.url.startswith("https://news.google.com/rss/articles/")
    assert first.summary == ""  # it only repeated the title and publisher


def test_whitespace_before_the_xml_declaration_is_not_an_error():
    parsed = parse_fixture("techcrunch-2011-feedburner.xml")
    assert not parsed.bozo
    assert parsed.entries[0].title.startswith("Angie’s List Sets Price Range IPO")
    assert parsed.entries[0].guid == "http://techcrunch.com/?p=446154"


@pytest.mark.parametrize(
    "raw,text",
    [
        ("<b>Slack</b>'s numbers", "Slack's numbers"),
        ("a<br>b<p>c</p>", "a b c"),
        ("&lt;b&gt;Acme&lt;/b&gt; raises &amp;amp; grows", "Acme raises & grows"),
        ("AT&amp;T &nbsp; closes", "AT&T closes"),
        ("3 < 5 and 6 > 4", "3 < 5 and 6 > 4"),
        ("<!-- hidden --> shown", "shown"),
        (None, ""),
    ],
)
def test_plain_text(raw, text):
    assert plain_text(raw) == text


@pytest.mark.parametrize(
    "link,real",
    [
        (
            "https://www.google.com/url?rct=j&sa=t&url=https://example.com/a%3Fb%3D1&ct=ga",
            "https://example.com/a?b=1",
        ),
        (
            "https://www.google.com/url?q=javascript:alert(1)",
            "https://www.google.com/url?q=javascript:alert(1)",
        ),
        (
            "https://evilgoogle.com/url?url=https://x.test/",
            "https://evilgoogle.com/url?url=https://x.test/",
        ),
        (
            "https://news.google.com/rss/articles/CBMi?oc=5",
            "https://news.google.com/rss/articles/CBMi?oc=5",
        ),
        (None, None),
    ],
)
def test_unwrap_link(link, real):
    assert unwrap_link(link) == real


def test_stable_id_falls_back_to_link_then_a_hash():
    assert stable_id("g1", "https://x", "t", None) == "g1"
    assert stable_id("", "https://x", "t", None) == "https://x"
    hashed = stable_id(None, None, "Title", "2024-01-01T00:00:00+00:00")
    assert hashed == stable_id(None, None, "Title", "2024-01-01T00:00:00+00:00")
    assert hashed != stable_id(None, None, "Title", "2024-01-02T00:00:00+00:00")
    assert stable_id("x" * 2000, None, "t", None).startswith("sha1:")


def test_rss_without_guid_or_link_gets_a_hash_id_that_is_stable():
    body = (
        b'<rss version="2.0"><channel><title>T</title><item><title>One</title>'
        b"<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item></channel></rss>"
    )
    first = parse_feed(body).entries[0]
    assert first.guid == parse_feed(body).entries[0].guid
    assert first.published_at == "2003-06-10T04:00:00+00:00"


def test_times_are_converted_to_utc():
    body = (
        b'<rss version="2.0"><channel><item><guid>1</guid><title>x</title>'
        b"<pubDate>Tue, 10 Jun 2003 09:00:00 +0500</pubDate></item></channel></rss>"
    )
    assert parse_feed(body).entries[0].published_at == "2003-06-10T04:00:00+00:00"


def test_an_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>Welcome</body></html>"
    parsed = parse_feed(page, {"content-type": "text/html"})
    assert parsed.error and parsed.error.startswith("not a feed")


def test_empty_valid_feed_is_not_an_error():
    parsed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert parsed.error is None and parsed.entries == []


def test_invalid_xml_that_feedparser_recovers_gives_entries():
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & co</title>'
        b"<item><guid>1</guid><title>Acme raises $5M <b>now</title></item>"
        b"<item><guid>2</guid><title>Beta hires CMO</title></item></channel>"
    )
    parsed = parse_feed(body)
    assert parsed.bozo
    assert parsed.error is None
    assert [e.title for e in parsed.entries] == ["Acme raises $5M now", "Beta hires CMO"]


def test_xxe_external_entity_never_reads_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>T</title><item><guid>1</guid>'
        "<title>Leak &xxe; here</title><description>&xxe;</description></item></channel></rss>"
    ).encode()
    parsed = parse_feed(body)
    text = " ".join(f"{e.title} {e.summary}" for e in parsed.entries) + str(parsed.title)
    assert "TOP-SECRET-VALUE" not in text


def test_billion_laughs_neither_hangs_nor_blows_memory():
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    body = (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(lol) + "]>"
        '<rss version="2.0"><channel><title>T</title><item><guid>1</guid>'
        "<title>&lol9;</title></item></channel></rss>"
    ).encode()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    parsed = parse_feed(body)
    assert time.process_time() - start < 5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert grown_kib < 100 * 1024
    assert all(len(e.title) < 10_000 for e in parsed.entries)
