"""One subscription per feed, however its address is written; `init` never
undoes what the user did to their feed list; feeds show their own title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlite_utils import Database
from test_feeds import feeds_json

from prospect.normalize import canonical_feed_url
from prospect.store import connect, migrate
from prospect.store.feeds import list_feeds, remove_feed, subscribe

RSS = (
    b'<rss version="2.0"><channel><title>Acme Wire</title><item><guid>1</guid>'
    b"<title>Acme Robotics raises $20M in Series B funding</title></item></channel></rss>"
)


# --- prospect init ----------------------------------------------------------------


def test_init_does_not_put_back_starter_feeds_the_user_removed(cli):
    first = cli("init")
    assert first.exit_code == 0, first.output
    assert "starter feeds added: 3" in first.stderr
    assert len(feeds_json(cli)) == 3
    assert cli("feeds", "remove", "1").exit_code == 0
    assert cli("feeds", "remove", "2").exit_code == 0
    assert cli("feeds", "remove", "3").exit_code == 0
    again = cli("init")
    assert again.exit_code == 0, again.output
    assert feeds_json(cli) == [], again.stderr
    assert "already set up" in again.stderr and "upgraded" not in again.stderr
    assert "starter feeds: none added" in again.stderr


STARTERS = [
    "https://techcrunch.com/category/venture/feed/",
    "https://www.prnewswire.com/rss/financial-services-latest-news/financing-agreements-list.rss",
    "https://www.prnewswire.com/rss/general-business-latest-news/personnel-announcements-list.rss",
]


def test_init_after_another_command_still_adds_the_starter_feeds_once(cli):
    contacts = Path(__file__).parent / "fixtures" / "contacts" / "linkedin-2024.csv"
    assert cli("import", "linkedin", str(contacts)).exit_code == 0
    first = cli("init")
    assert first.exit_code == 0, first.output
    assert "starter feeds added: 3" in first.stderr
    assert [r["url"] for r in feeds_json(cli)] == STARTERS
    # offered once: removing one and running init again does not bring it back
    assert cli("feeds", "remove", "1").exit_code == 0
    again = cli("init")
    assert "starter feeds: none added (offered once already" in again.stderr
    assert [r["url"] for r in feeds_json(cli)] == STARTERS[1:]


def test_init_adds_starters_next_to_feeds_the_user_added_first(cli):
    assert cli("feeds", "add", "--no-check", "https://example.com/feed").exit_code == 0
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in feeds_json(cli)] == ["https://example.com/feed", *STARTERS]
    assert "already set up" in result.stderr and "starter feeds added: 3" in result.stderr


def test_init_leaves_a_starter_the_user_already_has_as_they_left_it(cli, isolated_paths: Path):
    db = connect(isolated_paths / "prospect.db")
    subscribe(db, "HTTPS://TechCrunch.com/category/venture/feed/", "My VC news")
    db.execute("UPDATE feeds SET disabled = 1, disabled_reason = 'by hand'")
    db.close()
    result = cli("init")
    assert "starter feeds added: 2 (1 already there)" in result.stderr, result.stderr
    first, second, _third = feeds_json(cli)
    assert (first["url"], first["name"]) == (STARTERS[0], "My VC news")
    assert first["status"] == "disabled: by hand"
    assert (second["url"], second["status"]) == (STARTERS[1], "never polled")


@pytest.mark.parametrize("had_feeds", [True, False])
def test_a_database_an_earlier_release_made_counts_as_offered(
    cli, isolated_paths: Path, had_feeds: bool
):
    # That release's `init` always added the starters: an empty feed list there
    # is the user having removed them, and upgrading must not bring them back.
    old = Database(str(isolated_paths / "prospect.db"))
    migrate(old, upto=6)
    if had_feeds:
        old["feeds"].insert({"url": "https://example.com/feed", "created_at": "2024-01-01"})
    old.close()
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert "upgraded" in result.stderr
    assert "starter feeds: none added" in result.stderr, result.stderr
    urls = [r["url"] for r in feeds_json(cli)]
    assert urls == (["https://example.com/feed"] if had_feeds else [])


def test_a_database_this_release_made_by_import_still_gets_the_starters(cli, isolated_paths: Path):
    connect(isolated_paths / "prospect.db").close()  # as `import` or `feeds list` would
    reopened = connect(isolated_paths / "prospect.db")  # a later run: nothing to upgrade
    reopened.close()
    result = cli("init")
    assert "starter feeds added: 3" in result.stderr, result.stderr
    assert [r["url"] for r in feeds_json(cli)] == STARTERS


def test_a_rules_file_without_starters_offers_none_until_it_has_some(cli, isolated_paths: Path):
    rules = isolated_paths / "signals.yaml"
    rules.write_text("feeds: []\n")
    first = cli("init")
    assert "starter feeds: none in the rules file" in first.stderr, first.stderr
    assert feeds_json(cli) == []
    rules.write_text("feeds:\n  - url: https://example.com/feed\n    name: Example\n")
    second = cli("init")
    assert "starter feeds added: 1" in second.stderr, second.stderr
    assert cli("feeds", "remove", "Example").exit_code == 0
    assert "none added" in cli("init").stderr
    assert feeds_json(cli) == []


def test_init_says_upgraded_only_when_it_upgraded(cli, isolated_paths: Path):
    old = Database(str(isolated_paths / "prospect.db"))
    migrate(old, upto=1)
    old.close()
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert "upgraded" in result.stderr


# --- one canonical address --------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("HTTP://Example.COM/Feed?Q=A", "http://example.com/Feed?Q=A"),
        ("https://User@Example.com:8443/a/B?x=1#F", "https://User@example.com:8443/a/B?x=1#F"),
        ("https://example.com/feed?", "https://example.com/feed?"),
        ("  https://[2001:DB8::1]/rss  ", "https://[2001:db8::1]/rss"),
    ],
)
def test_canonical_http_address_lowers_only_scheme_and_host(given: str, stored: str):
    assert canonical_feed_url(given) == stored


def test_canonical_local_address_is_one_absolute_path(tmp_path: Path, monkeypatch):
    feed = tmp_path / "my feeds" / "wire.xml"
    feed.parent.mkdir()
    feed.write_bytes(RSS)
    monkeypatch.chdir(tmp_path)
    expected = str(feed.resolve())
    assert canonical_feed_url(str(feed)) == expected
    assert canonical_feed_url(feed.as_uri()) == expected
    assert canonical_feed_url("my feeds/wire.xml") == expected
    assert canonical_feed_url("file://localhost" + feed.as_uri()[7:]) == expected


def test_same_file_by_path_and_by_file_url_is_one_subscription(cli, tmp_path: Path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(RSS)
    assert "added" in cli("feeds", "add", str(feed)).stderr
    again = cli("feeds", "add", feed.as_uri(), "--name", "Wire")
    assert again.exit_code == 0
    assert again.stderr.startswith("already subscribed:")
    rows = feeds_json(cli)
    assert [(r["url"], r["name"]) for r in rows] == [(str(feed.resolve()), "Wire")]


def test_http_address_in_other_case_is_one_subscription(cli):
    assert cli("feeds", "add", "--no-check", "HTTP://Example.com/feed").exit_code == 0
    again = cli("feeds", "add", "--no-check", "http://example.COM/feed", "--tag", "news")
    assert again.stderr.startswith("already subscribed: http://example.com/feed")
    rows = feeds_json(cli)
    assert [(r["url"], r["tag"]) for r in rows] == [("http://example.com/feed", "news")]
    # a different path is a different feed: paths are case-sensitive
    assert "added" in cli("feeds", "add", "--no-check", "http://example.com/Feed").stderr
    assert len(feeds_json(cli)) == 2


def test_remove_finds_a_feed_by_any_spelling_even_once_its_file_is_gone(cli, tmp_path: Path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(RSS)
    assert cli("feeds", "add", feed.as_uri()).exit_code == 0
    assert cli("feeds", "add", "--no-check", "HTTPS://Example.com/rss").exit_code == 0
    feed.unlink()
    assert cli("feeds", "remove", feed.as_uri()).exit_code == 0
    assert cli("feeds", "remove", "https://EXAMPLE.com/rss").exit_code == 0
    assert feeds_json(cli) == []


def test_remove_by_a_name_two_feeds_share_asks_for_the_id(cli):
    cli("feeds", "add", "--no-check", "https://a.example/rss", "--name", "Wire")
    cli("feeds", "add", "--no-check", "https://b.example/rss", "--name", "Wire")
    result = cli("feeds", "remove", "Wire")
    assert result.exit_code == 1
    assert "2 feeds are called 'Wire'" in result.stderr
    assert len(feeds_json(cli)) == 2


def test_old_addresses_are_canonicalised_and_duplicates_merged(db_path: Path, tmp_path: Path):
    # A database from before one-address-per-feed, holding the same feeds twice.
    feed = tmp_path / "wire.xml"
    feed.write_bytes(RSS)
    old = Database(str(db_path))
    migrate(old, upto=7)
    for url, name in [
        (str(feed), None),
        (feed.as_uri(), "Wire"),
        ("HTTP://Example.com/feed", "Example"),
        ("http://example.com/feed", None),
    ]:
        old["feeds"].insert({"url": url, "name": name})
    old["items"].insert_all(
        [
            {"feed_id": 1, "guid": "a"},
            {"feed_id": 2, "guid": "a"},  # the same entry polled through both spellings
            {"feed_id": 2, "guid": "b"},
            {"feed_id": 4, "guid": "c"},
        ]
    )
    old["signals"].insert({"key": "k", "type": "funding", "item_id": 2})
    old["outreach"].insert({"person_key": "c:1", "state": "contacted", "signal_id": 1})
    old.close()
    db = connect(db_path)
    try:
        rows = [(r["id"], r["url"], r["name"]) for r in list_feeds(db)]
        assert rows == [(1, str(feed.resolve()), "Wire"), (3, "http://example.com/feed", "Example")]
        items = {(r["guid"], r["feed_id"]) for r in db.query("SELECT * FROM items")}
        # the entry both spellings held is kept once, on the kept feed
        assert items == {("a", 1), ("b", 1), ("c", 3)}
        assert db.execute("SELECT count(*) FROM signals").fetchone()[0] == 0
        # the kept copy has no such signal: the mark stays, about no signal
        assert tuple(db.execute("SELECT state, signal_id FROM outreach").fetchone()) == (
            "contacted",
            None,
        )
        assert subscribe(db, feed.as_uri()) == "exists"
        assert remove_feed(db, "HTTP://EXAMPLE.COM/feed")
    finally:
        db.close()


def test_an_entry_polled_through_two_spellings_is_one_report_after_upgrade(
    cli, isolated_paths: Path
):
    # A database of the release before one-address-per-feed: the same feed
    # under two spellings, both polled, each entry and its signal stored twice,
    # and the rep's mark on the duplicate's signal.
    from datetime import UTC, datetime, timedelta

    from prospect.models import Signal
    from prospect.store.signals import save_signals

    old = Database(str(isolated_paths / "prospect.db"))
    migrate(old, upto=6)
    for name in ("Aisha Karim", "Ben Ode"):
        old["contacts"].insert(
            {"full_name": name, "name_norm": name.lower(), "company": "Brightloop",
             "company_norm": "brightloop", "title": "Head of Marketing"}
        )  # fmt: skip
    published = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0).isoformat()
    signal_ids = []
    for url in ("https://Wire.example/rss", "https://wire.example/rss"):
        feed_id = old["feeds"].insert({"url": url, "name": "Wire"}).last_pk
        item_id = old["items"].insert(
            {"feed_id": feed_id, "guid": "bl-1", "title": "Brightloop raises $40M",
             "url": "https://wire.example/bl-1", "published_at": published}
        ).last_pk  # fmt: skip
        [saved] = save_signals(
            old,
            [Signal(type="funding_round", rule="funding_round", company="Brightloop",
                    round="series_b", amount=40e6, currency="USD", item_id=item_id,
                    url="https://wire.example/bl-1", published_at=published)],
        )  # fmt: skip
        signal_ids.append(saved.id)
    kept_signal, duplicate_signal = signal_ids
    ben = "c:2"  # how the list keys a contact
    old["outreach"].insert(
        {"person_key": ben, "person": "Ben Ode", "contact_id": 2, "state": "skipped",
         "signal_id": duplicate_signal, "updated_at": published}
    )  # fmt: skip
    old["outreach_events"].insert(
        {"person_key": ben, "person": "Ben Ode", "action": "skipped",
         "signal_id": duplicate_signal, "at": published}
    )  # fmt: skip
    old.close()

    listed = cli("list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.stdout)
    assert row["person"] == "Aisha Karim"
    assert "reports" not in row["why_now"], row["why_now"]
    assert row["sources"] == "https://wire.example/bl-1"
    explained = cli("explain", "1")
    assert explained.exit_code == 0, explained.output
    assert explained.stdout.count("wire.example/bl-1") == 1, explained.stdout
    db = connect(isolated_paths / "prospect.db")
    try:
        assert [r["url"] for r in list_feeds(db)] == ["https://wire.example/rss"]
        assert db.execute("SELECT count(*) FROM items WHERE feed_id IS NULL").fetchone()[0] == 0
        assert [r["id"] for r in db.query("SELECT id FROM signals")] == [kept_signal]
        mark = db.execute("SELECT state, signal_id FROM outreach").fetchone()
        assert tuple(mark) == ("skipped", kept_signal)
        [event] = db.query("SELECT signal_id FROM outreach_events")
        assert event["signal_id"] == kept_signal
    finally:
        db.close()
    history = cli("history")
    assert "Ben Ode,skipped,,,raised $40M Series B" in history.stdout, history.stdout


# --- titles -----------------------------------------------------------------------


def test_a_feed_without_a_name_shows_its_own_title(cli, httpserver: HTTPServer):
    httpserver.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    url = httpserver.url_for("/rss")
    added = cli("feeds", "add", url)
    assert added.stderr == f"added {url} (Acme Wire)\n"  # checked: its title is known at once
    cli("feeds", "add", "--no-check", "https://named.example/rss", "--name", "Mine")
    assert [r["name"] for r in feeds_json(cli)] == ["Acme Wire", "Mine"]
    assert cli("poll").exit_code == 0
    rows = feeds_json(cli)
    assert [r["name"] for r in rows] == ["Acme Wire", "Mine"]
    exported = cli("feeds", "export").stdout
    assert f'text="Acme Wire" title="Acme Wire" xmlUrl="{url}"' in exported
    # the name shown is a name the user can remove it by
    assert cli("feeds", "remove", "Acme Wire").exit_code == 0
    assert [r["name"] for r in feeds_json(cli)] == ["Mine"]


def test_export_then_import_keeps_one_subscription_each(cli, tmp_path: Path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(RSS)
    cli("feeds", "add", str(feed), "--tag", "local")
    cli("feeds", "add", "--no-check", "https://example.com/rss", "--name", "Example")
    opml = tmp_path / "feeds.opml"
    opml.write_text(cli("feeds", "export").stdout)
    result = cli("feeds", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert "0 feeds added, 2 already subscribed" in result.stderr
    assert len(feeds_json(cli)) == 2


# --- OPML import -------------------------------------------------------------------


def test_import_with_the_same_feed_twice_in_two_spellings(cli, tmp_path: Path):
    feed = tmp_path / "wire.xml"
    feed.write_bytes(RSS)
    opml = tmp_path / "subs.opml"
    opml.write_text(
        f"""<?xml version="1.0"?>
<opml version="2.0"><body>
  <outline text="Example" xmlUrl="https://example.com/rss"/>
  <outline text="Example again" xmlUrl="HTTPS://EXAMPLE.com/rss"/>
  <outline text="Wire" xmlUrl="{feed}"/>
  <outline text="Wire by URL" xmlUrl="{feed.as_uri()}"/>
</body></opml>
"""
    )
    result = cli("feeds", "import", str(opml))
    assert result.exit_code == 0, result.output
    assert "2 feeds added" in result.stderr and "2 duplicates in the file" in result.stderr
    rows = feeds_json(cli)
    assert [(r["url"], r["name"]) for r in rows] == [
        ("https://example.com/rss", "Example"),
        (str(feed.resolve()), "Wire"),
    ]
    # importing again changes nothing and keeps the names the user gave
    cli("feeds", "add", "--no-check", "https://example.com/rss", "--name", "Mine")
    again = cli("feeds", "import", str(opml))
    assert "0 feeds added, 2 already subscribed" in again.stderr
    assert [r["name"] for r in feeds_json(cli)] == ["Mine", "Wire"]
