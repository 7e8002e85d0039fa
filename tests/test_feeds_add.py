"""`prospect feeds add` fetches the address once: a feed is subscribed under its
title, a web page is searched for the feed it links, anything else is refused
with the reason. And `poll --quiet`, which cron runs, is silent only on success.
Every server here is a real one on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from smtp_helpers import free_port

from prospect.discover import FeedLink, find_feed_links
from prospect.errors import ExitCode

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Acme Newsroom</title>'
    b"<item><guid>1</guid><title>Acme Robotics raises $20M Series B</title></item>"
    b"</channel></rss>"
)
ATOM = (
    b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    b"<title>Acme Comments</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated></feed>"
)


def page(*links: str) -> str:
    head = "".join(links)
    return f"<!DOCTYPE html><html><head><title>Acme</title>{head}</head><body>Hi</body></html>"


def feeds_json(cli) -> list[dict]:
    return json.loads(cli("feeds", "list", "--format", "json").stdout)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            page('<link rel="alternate" type="application/rss+xml" href="/feed.xml">'),
            [FeedLink("https://acme.example/feed.xml", "RSS")],
        ),
        (
            page(
                '<LINK REL="Alternate home" TYPE="application/atom+xml" '
                'HREF="https://cdn.example/a.atom" title="Atom">',
                '<link rel="alternate" type="application/feed+json" href="feed.json">',
                '<link rel="stylesheet" type="text/css" href="/s.css">',
                '<link rel="alternate" hreflang="de" href="/de/">',
                '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">',
            ),
            [
                FeedLink("https://cdn.example/a.atom", "Atom", "Atom"),
                FeedLink("https://acme.example/news/feed.json", "JSON Feed"),
            ],
        ),
        (page(), []),
        ("<html><head><link rel=alternate type=application/rss+xml href=/x", []),
    ],
)
def test_find_feed_links(html: str, expected: list[FeedLink]):
    assert find_feed_links(html, "https://acme.example/news/") == expected


def test_a_feed_is_subscribed_under_its_title(cli, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type="application/rss+xml")
    url = httpserver.url_for("/feed")
    result = cli("feeds", "add", url)
    assert (result.exit_code, result.stderr) == (0, f"added {url} (Acme Newsroom)\n")
    assert [(f["url"], f["name"]) for f in feeds_json(cli)] == [(url, "Acme Newsroom")]


def test_a_web_page_with_a_feed_link_subscribes_the_feed(cli, httpserver: HTTPServer):
    httpserver.expect_request("/blog/").respond_with_data(
        page('<link rel="alternate" type="application/rss+xml" href="feed.xml" title="Blog">'),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/blog/feed.xml").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    site, feed = httpserver.url_for("/blog/"), httpserver.url_for("/blog/feed.xml")
    result = cli("feeds", "add", site, "--tag", "news")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"{site} is a web page; it links the feed {feed}\nadded {feed} (Acme Newsroom)\n"
    )
    assert [(f["url"], f["name"], f["tag"]) for f in feeds_json(cli)] == [
        (feed, "Acme Newsroom", "news")
    ]


def test_a_page_that_links_several_feeds_lists_them(cli, httpserver: HTTPServer):
    httpserver.expect_request("/").respond_with_data(
        page(
            '<link rel="alternate" type="application/rss+xml" href="/posts.rss" title="Posts">',
            '<link rel="alternate" type="application/atom+xml" href="/comments.atom">',
        ),
        content_type="text/html",
    )
    home = httpserver.url_for("/")
    result = cli("feeds", "add", home)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == (
        f"error: {home}: the page links 2 feeds: {httpserver.url_for('/posts.rss')} (Posts); "
        f"{httpserver.url_for('/comments.atom')} (Atom); add the one you want\n"
    )
    assert feeds_json(cli) == []


@pytest.mark.parametrize(
    ("status", "body", "content_type", "reason"),
    [
        (404, "Not Found", "text/html", "nothing there (HTTP 404 Not Found)"),
        (500, "", "text/plain", "HTTP 500 INTERNAL SERVER ERROR"),
        (200, page(), "text/html", 'a web page with no feed in it (no <link rel="alternate">'),
        (200, "\x89PNG\r\n", "image/png", "not an RSS or Atom feed, nor a web page that links"),
    ],
)
def test_anything_else_is_refused_in_plain_words(
    cli, httpserver: HTTPServer, status: int, body: str, content_type: str, reason: str
):
    httpserver.expect_request("/x").respond_with_data(
        body, status=status, content_type=content_type
    )
    url = httpserver.url_for("/x")
    result = cli("feeds", "add", url)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith(f"error: {url}: {reason}")
    assert result.stderr.endswith("; not subscribed (--no-check subscribes it anyway)\n")
    assert result.stderr.count("\n") == 1 and "SAX" not in result.stderr
    assert feeds_json(cli) == []


def test_no_check_subscribes_without_fetching(cli):
    down = f"http://127.0.0.1:{free_port()}/feed"
    assert cli("feeds", "add", down).exit_code == ExitCode.ERROR
    result = cli("feeds", "add", "--no-check", down)
    assert (result.exit_code, result.stderr) == (0, f"added {down}\n")


def test_add_reads_addresses_from_stdin(cli, httpserver: HTTPServer):
    httpserver.expect_request("/a").respond_with_data(RSS, content_type="application/rss+xml")
    httpserver.expect_request("/b").respond_with_data(ATOM, content_type="application/atom+xml")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    a, b, gone = (httpserver.url_for(p) for p in ("/a", "/b", "/gone"))
    result = cli("feeds", "add", "-", "--tag", "wire", input=f"{a}\n\n# a comment\n{gone}\n{b}\n")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.splitlines() == [
        f"added {a} (Acme Newsroom)",
        f"refused: {gone}: nothing there (HTTP 404 Not Found); not subscribed "
        "(--no-check subscribes it anyway)",
        f"added {b} (Acme Comments)",
        "error: 1 of the addresses on stdin were not subscribed",
    ]
    assert [(f["url"], f["tag"]) for f in feeds_json(cli)] == [(a, "wire"), (b, "wire")]


# --- cron: --quiet silences success only -------------------------------------------


def test_poll_quiet_with_every_feed_down_prints_one_line_and_exits_1(cli):
    for _ in range(2):
        assert cli("feeds", "add", "--no-check", f"http://127.0.0.1:{free_port()}/f").exit_code == 0
    result = cli("poll", "--quiet")
    assert result.exit_code == ExitCode.ERROR
    assert result.stdout == ""
    assert result.stderr == (
        "2 feeds polled, 0 not modified, 2 failed; 0 new entries, 0 new signals"
        " (see prospect feeds list)\n"
    )
    # after the outage every feed waits; today says how to try them now, and --force does
    waiting = cli("today")
    assert "2 in back-off (--force polls them)" in waiting.stderr
    forced = cli("today", "--force", "--quiet")
    assert forced.stderr.startswith("2 feeds polled, 0 not modified, 2 failed")


def test_poll_quiet_on_success_prints_nothing(cli, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type="application/rss+xml")
    cli("feeds", "add", httpserver.url_for("/feed"))
    result = cli("poll", "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
