"""Following accounts: one Google News search feed per account, kept in step."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from prospect.accounts import (
    account_feed_url,
    account_query,
    account_report,
    accounts_to_follow,
    sync_account_feeds,
    top_companies,
)
from prospect.config import AccountNews, parse_config
from prospect.normalize import normalize_company, normalize_person
from prospect.poll import poll
from prospect.store import write
from prospect.store.feeds import list_feeds

NEWS = AccountNews(hl="en-US", gl="US", ceid="US:en", words=["funding", "appoints", "VP of Sales"])
THREE = "accounts:\n  include: [Brightloop, Kestrel Health, Northwind Analytics]\n"


@pytest.mark.parametrize(
    ("name", "words", "query"),
    [
        ("Acme", ["funding", "CMO"], '"Acme" (funding OR CMO)'),
        ('Acme "Robotics"  Inc', ["VP of Sales"], '"Acme Robotics Inc" ("VP of Sales")'),
        ("Zürich Versicherung", [], '"Zürich Versicherung"'),
    ],
)
def test_account_query(name, words, query):
    assert account_query(name, words) == query


def test_account_feed_url_is_encoded_with_the_configured_locale():
    news = AccountNews(hl="de", gl="DE", ceid="DE:de", words=["Finanzierung", "ernennt"])
    url = account_feed_url("Zürich & Co", news)
    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname, parts.path) == ("https", "news.google.com", "/rss/search")
    query = parse_qs(parts.query)
    assert query["q"] == ['"Zürich & Co" (Finanzierung OR ernennt)']
    assert (query["hl"], query["gl"], query["ceid"]) == (["de"], ["DE"], ["DE:de"])
    assert " " not in url and '"' not in url and "ü" not in url


def test_top_companies_counts_people_in_target_roles_only():
    contacts = [
        ("Acme Inc.", "acme", "Chief Marketing Officer"),
        ("ACME", "acme", "VP of Sales"),
        ("Acme", "acme", "Software Engineer"),
        ("Globex", "globex", "CEO"),
        ("Initech", "initech", "Head of Sales"),
        ("Initech", "initech", "Assistant to the CEO"),
        ("Stealth", "stealth", "CEO"),
    ]
    roles = ["Chief Marketing Officer", "VP of Sales", "Chief Executive Officer", "Head of Sales"]
    assert top_companies(contacts, roles, 2) == [("Acme Inc.", 2), ("Globex", 1)]
    assert top_companies(contacts, roles, 0) == []


def test_accounts_to_follow_are_one_per_company_and_never_excluded():
    accounts = accounts_to_follow(
        ["Gong.io", "Acme Inc.", "Initech"], ["initech"], [("Gong", 4), ("Globex", 2)]
    )
    assert [(a.name, a.why) for a in accounts] == [
        ("Gong.io", "accounts.include"),
        ("Acme Inc.", "accounts.include"),
        ("Globex", "2 contacts in target roles"),
    ]


def _add_contact(db, name: str, company: str, title: str) -> None:
    db["contacts"].insert(
        {"full_name": name, "name_norm": normalize_person(name), "company": company,
         "company_norm": normalize_company(company), "title": title, "sources": '["linkedin"]'}
    )  # fmt: skip


def test_sync_adds_removes_and_never_duplicates(db):
    config = parse_config(THREE)
    with write(db):
        first = sync_account_feeds(db, config)
        again = sync_account_feeds(db, config)
    assert first.added == ["Brightloop", "Kestrel Health", "Northwind Analytics"]
    assert (again.added, again.removed) == ([], [])
    assert [f["name"] for f in list_feeds(db)] == [
        "Account: Brightloop", "Account: Kestrel Health", "Account: Northwind Analytics",
    ]  # fmt: skip
    # the list changes: a dropped account's feed goes, a new one comes, once
    changed = parse_config("accounts:\n  include: [Brightloop, Quarry AI, quarry ai]\n")
    with write(db):
        result = sync_account_feeds(db, changed)
    assert result.added == ["Quarry AI"]
    assert sorted(result.removed) == ["Account: Kestrel Health", "Account: Northwind Analytics"]
    assert {f["tag"] for f in list_feeds(db)} == {"account"}
    assert len(list_feeds(db)) == 2


def test_from_contacts_is_remembered_until_turned_off(db):
    config = parse_config("accounts:\n  include: []\n")
    with write(db):
        _add_contact(db, "Ana Ruiz", "Lumen Freight", "CMO")
        _add_contact(db, "Bo Chen", "Lumen Freight", "VP Sales")
        _add_contact(db, "Cy Dunn", "Quarry AI", "Chief Revenue Officer")
        _add_contact(db, "Di Eze", "Brightloop", "Engineer")
        sync_account_feeds(db, config, from_contacts=1)
        kept = sync_account_feeds(db, config)  # no option: the choice stays
        assert kept.kept == ["Lumen Freight"]
        off = sync_account_feeds(db, config, from_contacts=0)
    assert off.removed == ["Account: Lumen Freight"]
    assert list_feeds(db) == []


@contextmanager
def _slow_news_server() -> Iterator[tuple[str, list[str], list[int]]]:
    """A threaded server on 127.0.0.1: each answer takes 0.2 s; it records the
    queries and the most requests it had in flight at once."""
    lock = threading.Lock()
    queries: list[str] = []
    state = [0, 0]  # in flight, peak
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item>'
        b"<title>Brightloop appoints Jane Roe as Chief Marketing Officer - Wire</title>"
        b"<link>https://news.example/1</link><guid>g1</guid></item></channel></rss>"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                queries.append(parse_qs(urlsplit(self.path).query)["q"][0])
                state[0] += 1
                state[1] = max(state[1], state[0])
            time.sleep(0.2)
            with lock:
                state[0] -= 1
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/rss/search", queries, state
    finally:
        server.shutdown()
        server.server_close()


def test_account_feeds_share_one_host_limit(db):
    """Every account feed lives on one host: the poll's per-host limit holds."""
    config = parse_config(
        "accounts:\n  include: [Brightloop, Kestrel Health, Northwind Analytics, Quarry AI]\n"
    )
    with _slow_news_server() as (base, queries, state):
        with write(db):
            sync_account_feeds(db, config, base=base)
        summary = poll(db, config, per_host=2)
    assert (summary.polled, summary.failed) == (4, 0)
    assert state[1] == 2  # two at a time on the one host, never more
    assert sorted(q.split(" (")[0] for q in queries) == [
        '"Brightloop"', '"Kestrel Health"', '"Northwind Analytics"', '"Quarry AI"',
    ]  # fmt: skip
    report = {r["account"]: r for r in account_report(db, config)}
    assert report["Brightloop"]["status"] == "ok" and report["Brightloop"]["entries"] == 1
    assert report["Brightloop"]["latest_title"].startswith("Brightloop appoints Jane Roe")
    assert sorted(q.split(" (")[0] for q in queries) == [
        '"Brightloop"', '"Kestrel Health"', '"Northwind Analytics"', '"Quarry AI"',
    ]  # fmt: skip


def test_init_and_follow_three_accounts_cover_both_signal_types(cli, isolated_paths):
    """A fresh install: starters for funding and appointments, three account feeds."""
    (isolated_paths / "signals.yaml").write_text("")
    assert cli("init").exit_code == 0
    (isolated_paths / "signals.yaml").write_text(THREE)
    follow = cli("accounts", "follow")
    assert follow.exit_code == 0
    assert "3 accounts followed (3 added" in follow.stderr
    feeds = json.loads(cli("feeds", "list", "--format", "json").stdout)
    by_tag: dict[str, list[str]] = {}
    for feed in feeds:
        by_tag.setdefault(feed["tag"], []).append(feed["name"])
    assert by_tag["account"] == [
        "Account: Brightloop", "Account: Kestrel Health", "Account: Northwind Analytics",
    ]  # fmt: skip
    assert "PR Newswire personnel" in by_tag["wire"]  # appointments
    assert "PR Newswire financing" in by_tag["wire"] and "TechCrunch Venture" in by_tag["news"]
    only = json.loads(cli("feeds", "list", "--tag", "account", "--format", "json").stdout)
    assert [f["name"] for f in only] == by_tag["account"]
    listed = json.loads(cli("accounts", "list", "--format", "json").stdout)
    assert [(a["account"], a["followed"], a["status"]) for a in listed] == [
        ("Brightloop", "yes", "never polled"),
        ("Kestrel Health", "yes", "never polled"),
        ("Northwind Analytics", "yes", "never polled"),
    ]


def test_filings_follow_refuses_without_a_contact(cli, isolated_paths):
    result = cli("filings", "follow")
    assert result.exit_code != 0
    assert "edgar.contact" in result.stderr
    assert json.loads(cli("feeds", "list", "--format", "json").stdout) == []
    (isolated_paths / "signals.yaml").write_text("edgar:\n  contact: Jane Doe jane@example.com\n")
    ok = cli("filings", "follow")
    assert ok.exit_code == 0 and "Jane Doe jane@example.com" in ok.stderr
    feeds = json.loads(cli("feeds", "list", "--tag", "filings", "--format", "json").stdout)
    assert [f["name"] for f in feeds] == ["SEC EDGAR Form D filings"]
