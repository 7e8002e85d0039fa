"""`prospect feeds ...` and `prospect poll` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from prospect.errors import ExitCode

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
RSS = (
    b'<rss version="2.0"><channel><title>Wire</title><item><guid>1</guid>'
    b"<title>Acme Robotics raises $20M in Series B funding</title></item></channel></rss>"
)


def feeds_json(cli) -> list[dict]:
    result = cli("feeds", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_list_remove(cli):
    path = FEEDS / "google-alerts.atom.xml"
    result = cli("feeds", "add", str(path), "--name", "Alerts", "--tag", "alerts")
    assert result.exit_code == 0 and "added" in result.stderr
    assert "already subscribed" in cli("feeds", "add", str(path)).stderr
    rows = feeds_json(cli)
    assert [(r["name"], r["url"], r["tag"], r["status"]) for r in rows] == [
        ("Alerts", str(path.resolve()), "alerts", "never polled")
    ]
    assert cli("feeds", "remove", "Alerts").exit_code == 0
    assert feeds_json(cli) == []
    missing = cli("feeds", "remove", "Alerts")
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no feed 'Alerts'")


def test_add_refuses_what_is_not_a_feed_address(cli):
    result = cli("feeds", "add", "gopher://example.com/feed")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr == (
        "error: gopher://example.com/feed: expected an http, https or file URL, got gopher:\n"
    )
    assert feeds_json(cli) == []


def test_search_adds_an_encoded_google_news_feed(cli):
    assert cli("feeds", "search", '"Series B" fintech').exit_code == 0
    (row,) = feeds_json(cli)
    assert row["url"] == (
        "https://news.google.com/rss/search?q=%22Series%20B%22%20fintech&hl=en-US&gl=US&ceid=US:en"
    )
    assert row["name"] == 'Google News: "Series B" fintech' and row["tag"] == "search"


def test_opml_import_reads_nested_folders_and_export_round_trips(cli, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        """<?xml version="1.0"?>
<opml version="1.0"><head><title>Reader</title></head><body>
  <outline text="Top" xmlUrl="https://top.test/feed"/>
  <outline text="news"><outline text="tech">
    <outline text="TechWire" title="TechWire" type="rss" xmlUrl="https://tech.test/rss"/>
  </outline></outline>
  <outline text="Categorised" xmlUrl="https://cat.test/rss" category="/wire"/>
  <outline text="A folder with no feeds"/>
  <outline text="Bad" xmlUrl="ftp://bad.test/feed"/>
</body></opml>
"""
    )
    result = cli("feeds", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert "3 feeds added" in result.stderr and "1 skipped" in result.stderr
    assert "skipped: ftp://bad.test/feed" in result.stderr
    before = {(r["url"], r["name"], r["tag"]) for r in feeds_json(cli)}
    assert before == {
        ("https://top.test/feed", "Top", None),
        ("https://tech.test/rss", "TechWire", "news/tech"),
        ("https://cat.test/rss", "Categorised", "wire"),
    }
    exported = cli("feeds", "export")
    assert exported.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<opml version="2.0">' in exported.stdout
    again = tmp_path / "again.opml"
    again.write_text(exported.stdout)
    cli("feeds", "remove", "Top")
    cli("feeds", "remove", "TechWire")
    cli("feeds", "remove", "Categorised")
    assert cli("feeds", "import", str(again)).exit_code == 0
    assert {(r["url"], r["name"], r["tag"]) for r in feeds_json(cli)} == before


def test_opml_is_read_as_feed_readers_read_it_and_non_opml_is_one_line(cli, tmp_path):
    # A download cut short still holds its feeds, as listparser and Miniflux read it.
    cut = tmp_path / "cut.opml"
    cut.write_text(
        '<?xml version="1.0"?>\n<opml>\n<body>\n<outline text="x">\n'
        '<outline text="Wire" xmlUrl="https://wire.test/rss"/>\n</body>'
    )
    result = cli("feeds", "import", str(cut))
    assert result.exit_code == 0, result.output
    assert [(r["url"], r["tag"]) for r in feeds_json(cli)] == [("https://wire.test/rss", "x")]
    html = tmp_path / "page.opml"
    html.write_text("<html><body/></html>")
    result = cli("feeds", "import", str(html))
    assert result.exit_code == 1
    assert result.stderr == f"error: {html}:1: not OPML (expected an <opml> root element)\n"
    empty = tmp_path / "empty.opml"
    empty.write_text('<opml version="2.0"><body><outline text="A folder"/></body></opml>')
    result = cli("feeds", "import", str(empty))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "no feeds in it" in result.stderr


def test_poll_prints_one_summary_line_and_exit_codes(cli, httpserver: HTTPServer):
    httpserver.expect_request("/ok").respond_with_data(RSS)
    httpserver.expect_request("/broken").respond_with_data("", status=500)
    cli("feeds", "add", httpserver.url_for("/ok"))
    cli("feeds", "add", "--no-check", httpserver.url_for("/broken"))
    result = cli("poll")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        "2 feeds polled, 0 not modified, 1 failed; 1 new entries, 1 new signals"
        " (see prospect feeds list)\n"
    )
    strict = cli("poll", "--force", "--strict")
    assert strict.exit_code == ExitCode.PARTIAL
    quiet = cli("poll", "--force", "--quiet")  # a partial failure still says so, on stderr
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert quiet.stderr == (
        "2 feeds polled, 0 not modified, 1 failed; 0 new entries, 0 new signals"
        " (see prospect feeds list)\n"
    )
    rows = {r["url"]: r for r in feeds_json(cli)}
    broken = rows[httpserver.url_for("/broken")]
    assert broken["status"] == "failing" and broken["error_count"] == 3
    assert broken["last_error"].startswith("HTTP 500") and broken["next_poll_at"]


def test_poll_exits_1_when_every_feed_failed(cli, httpserver: HTTPServer):
    httpserver.expect_request("/broken").respond_with_data("", status=503)
    cli("feeds", "add", "--no-check", httpserver.url_for("/broken"))
    result = cli("poll")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("1 feeds polled, 0 not modified, 1 failed")


def test_poll_with_local_file_feeds(cli):
    for name in ("google-alerts.atom.xml", "google-news-search.xml"):
        cli("feeds", "add", str(FEEDS / name))
    result = cli("poll")
    assert result.exit_code == 0
    assert result.stderr.startswith("2 feeds polled, 0 not modified, 0 failed; 26 new entries")
    again = cli("poll", "--force")
    assert again.stderr.startswith("2 feeds polled, 0 not modified, 0 failed; 0 new")


@pytest.mark.parametrize(
    "url,error",
    [
        ("http://[::1/", "not a valid URL"),
        ("http://exa\x01mple.com/feed", "cannot hold spaces or control characters"),
        ("http://example.com/a\r\nX-Injected: 1", "cannot hold spaces or control characters"),
    ],
)
def test_add_refuses_an_address_no_poll_could_send_in_one_line(cli, url, error):
    result = cli("feeds", "add", url)
    assert result.exit_code == ExitCode.ERROR
    assert error in result.stderr and "Traceback" not in result.stderr
    assert feeds_json(cli) == []


def test_an_emoji_or_symbol_domain_is_stored_in_its_ascii_form(cli):
    assert cli("feeds", "add", "--no-check", "http://i❤.ws/feed").exit_code == 0
    assert cli("feeds", "add", "--no-check", "http://☃.com/").exit_code == 0
    assert [r["url"] for r in feeds_json(cli)] == [
        "http://xn--i-7iq.ws/feed",
        "http://xn--n3h.com/",
    ]


def test_one_unusable_outline_skips_that_outline_not_the_import(cli, tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline type="rss" text="bad" xmlUrl="http://[::1/"/>'
        '<outline type="rss" text="ctl" xmlUrl="http://a b.com/x"/>'
        '<outline type="rss" text="good" xmlUrl="https://example.com/feed.xml"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    result = cli("feeds", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in feeds_json(cli)] == ["https://example.com/feed.xml"]
    assert "http://[::1/" in result.stderr  # the skipped outline is named
