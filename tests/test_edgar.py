"""Funding from filings: real Form D documents, EDGAR's feed on a real local server."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from prospect.config import Config, load_config, parse_config
from prospect.edgar import (
    FormDError,
    contact_problem,
    form_d_signal,
    parse_form_d,
    user_agent,
    why_not_a_signal,
)
from prospect.match import cluster_signals
from prospect.models import Signal, Source
from prospect.normalize import normalize_company, normalize_person
from prospect.outreach import ListOptions, build_list
from prospect.poll import poll
from prospect.store import write
from prospect.store.feeds import list_feeds, subscribe

FIXTURES = Path(__file__).parent / "fixtures" / "edgar"
CONTACT = "Jane Doe jane@example.com"
DOCS = {
    "1961089/000196108923000001": "D.1685REIT.xml",
    "1958740/000195874023000001": "D.APFund.xml",
    "1963203/000195874023000001": "D.APFund.xml",
    "1544190/000154419023000001": "D.Shepards.xml",
}


def _doc(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# --- the form, pure --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "issuer", "kind", "offered", "sold", "first_sale", "industry", "equity", "amended"),
    [
        ("D.1685REIT.xml", "1685 38th REIT, L.L.C.", "D", 125000.0, 125000.0, "2023-01-19",
         "REITS and Finance", True, False),
        ("D.APFund.xml", "AP Fund IV, a series of Inference Technology Partners, LP", "D",
         659752.0, 659752.0, "2023-01-20", "Pooled Investment Fund", False, False),
        ("D.Shepards.xml", "Shepherd's Finance, LLC", "D/A", 8000000.0, 5725051.0, "2017-03-16",
         "Other Banking and Financial Services", True, True),
    ],
)  # fmt: skip
def test_parse_form_d_reads_real_filings(
    name, issuer, kind, offered, sold, first_sale, industry, equity, amended
):
    form = parse_form_d(_doc(name))
    assert (form.issuer, form.submission_type) == (issuer, kind)
    assert (form.total_offering, form.amount_sold) == (offered, sold)
    assert (form.first_sale, form.industry) == (first_sale, industry)
    assert (form.equity, form.amendment) == (equity, amended)


def test_indefinite_offering_and_yet_to_occur_are_unknown_not_zero():
    xml = (
        _doc("D.1685REIT.xml")
        .replace(b"<totalOfferingAmount>125000", b"<totalOfferingAmount>Indefinite")
        .replace(b"<value>2023-01-19</value>", b"<yetToOccur>true</yetToOccur>")
    )
    form = parse_form_d(xml)
    assert form.total_offering is None and form.first_sale is None
    assert form.amount_sold == 125000.0


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"<html><body>Your request has been blocked</body></html>", "edgarSubmission"),
        (b"<edgarSubmission><submissionType>4</submissionType></edgarSubmission>", "Form D"),
        (b"<edgarSubmission><submissionType>D", "well-formed"),
        (b"<edgarSubmission><submissionType>D</submissionType></edgarSubmission>", "issuer"),
    ],
)
def test_parse_form_d_refuses_what_is_not_a_form_d(body, problem):
    with pytest.raises(FormDError, match=problem):
        parse_form_d(body)


def test_a_new_equity_filing_is_a_funding_signal_of_the_amount_sold():
    form = parse_form_d(_doc("D.1685REIT.xml"))
    signal = form_d_signal(form, "https://www.sec.gov/x-index.htm", "2023-01-27")
    assert signal is not None
    assert (signal.type, signal.company, signal.round) == ("funding_round", form.issuer, None)
    assert (signal.amount, signal.currency) == (125000.0, "USD")
    assert signal.url == "https://www.sec.gov/x-index.htm"
    assert "Form D: 1685 38th REIT, L.L.C. sold $125,000 of $125,000 offered" in signal.evidence
    assert "equity" in signal.evidence and "first sale 2023-01-19" in signal.evidence


@pytest.mark.parametrize(
    ("name", "filed", "why"),
    [
        ("D.APFund.xml", "2023-01-30", "a pooled investment fund"),
        ("D.Shepards.xml", "2023-01-31", "an amendment of an offering begun 2017-03-16"),
        ("D.Shepards.xml", "2017-03-30", None),  # the same amendment, weeks after the sale
        ("D.1685REIT.xml", "2023-01-27", None),
    ],
)
def test_which_filings_are_not_signals(name, filed, why):
    form = parse_form_d(_doc(name))
    assert why_not_a_signal(form, filed) == why
    assert (form_d_signal(form, None, filed) is None) == (why is not None)


def test_nothing_sold_is_no_signal():
    xml = _doc("D.1685REIT.xml").replace(
        b"<totalAmountSold>125000", b"<totalAmountSold>0"
    )  # fmt: skip
    assert why_not_a_signal(parse_form_d(xml)) == "nothing sold yet"


@pytest.mark.parametrize(
    ("contact", "ok"),
    [(None, False), ("", False), ("Jane Doe", False), (CONTACT, True), ("ops@acme.io", True)],
)
def test_a_contact_must_carry_an_email_address(contact, ok):
    assert (contact_problem(contact) is None) == ok


def test_user_agent_names_the_tool_and_the_contact():
    assert user_agent("  Jane   Doe jane@example.com ").endswith(" Jane Doe jane@example.com")
    assert user_agent(CONTACT).startswith("prospect/")


# --- clustering with the press -------------------------------------------------------------


def _day(s: Signal) -> float:
    return datetime.fromisoformat(s.published_at or "").timestamp() / 86400


@pytest.mark.parametrize(
    ("press_amount", "press_round", "events"),
    [(125000.0, None, 1), (150000.0, "seed", 1), (5_000_000.0, None, 2)],
)
def test_a_form_d_merges_with_the_press_report_of_the_same_round(press_amount, press_round, events):
    filing = form_d_signal(parse_form_d(_doc("D.1685REIT.xml")), "https://sec.example/d", None)
    assert filing is not None
    filing.id, filing.published_at = 1, "2023-01-27T21:02:11+00:00"
    press = Signal(
        type="funding_round", rule="funding_round", company="1685 38th REIT",
        round=press_round, amount=press_amount, currency="USD", id=2,
        published_at="2023-01-30T14:00:00+00:00", url="https://news.example/reit",
    )  # fmt: skip
    reports = [(s, Source(url=s.url, signal_id=s.id)) for s in (filing, press)]
    clustered = cluster_signals(reports, lambda s: None, 7, _day)
    assert len(clustered) == events
    if events == 1:
        assert {s.url for s in clustered[0].sources} == {filing.url, press.url}


# --- the poll, against a real local server ---------------------------------------------------


def _config(contact: str | None) -> Config:
    text = f"edgar:\n  contact: {contact!r}\n" if contact is not None else ""
    return parse_config(text) if text else load_config(None)


def _serve_edgar(httpserver: HTTPServer, times: list[float] | None = None) -> str:
    base = httpserver.url_for("").rstrip("/")
    atom = (FIXTURES / "getcurrent-form-d.atom.xml").read_text("latin-1").replace("{base}", base)

    def record(body: bytes, content_type: str):
        def handler(request: Request) -> Response:
            if times is not None:
                times.append(time.monotonic())
            return Response(body, content_type=content_type)

        return handler

    httpserver.expect_request("/cgi-bin/browse-edgar").respond_with_handler(
        record(atom.encode("latin-1"), "application/atom+xml")
    )
    for folder, name in DOCS.items():
        httpserver.expect_request(
            f"/Archives/edgar/data/{folder}/primary_doc.xml"
        ).respond_with_handler(record(_doc(name), "text/xml"))
    httpserver.expect_request(
        "/Archives/edgar/data/9999999/000999999923000001/primary_doc.xml"
    ).respond_with_data("Not Found", status=404)
    return f"{base}/cgi-bin/browse-edgar?action=getcurrent&type=D&company=&output=atom"


def _requests(httpserver: HTTPServer, part: str) -> list[Request]:
    return [req for req, _ in httpserver.log if part in req.path]


def test_a_poll_turns_new_form_d_filings_into_funding_signals(db, httpserver: HTTPServer):
    url = _serve_edgar(httpserver)
    with write(db):
        subscribe(db, url, "SEC EDGAR Form D filings", "filings")
    summary = poll(db, _config(CONTACT))
    assert (summary.failed, summary.new_entries) == (0, 4)  # one accession twice: one entry
    rows = list(db.query("SELECT company, amount, currency, round, url FROM signals"))
    assert rows == [
        {
            "company": "1685 38th REIT, L.L.C.",
            "amount": 125000.0,
            "currency": "USD",
            "round": None,
            "url": url.split("/cgi-bin")[0]
            + "/Archives/edgar/data/1961089/000196108923000001/0001961089-23-000001-index.htm",
        }
    ]
    # every request declared the tool and the contact, as EDGAR asks
    agents = {req.headers.get("User-Agent") for req, _ in httpserver.log}
    assert agents == {user_agent(CONTACT)}
    # each accession's form read once, the 404 one skipped without failing the feed
    assert len(_requests(httpserver, "primary_doc.xml")) == 4
    # a second poll reads no form again: every filing in the feed is stored
    again = poll(db, _config(CONTACT), force=True)
    assert (again.failed, again.new_entries, again.new_signals) == (0, 0, 0)
    assert len(_requests(httpserver, "primary_doc.xml")) == 4


def test_edgar_is_never_polled_without_a_contact(db, httpserver: HTTPServer):
    url = _serve_edgar(httpserver)
    with write(db):
        subscribe(db, url, "SEC EDGAR Form D filings", "filings")
    summary = poll(db, _config(None))
    assert summary.failed == 1
    assert "edgar.contact" in summary.errors[0][1]
    assert httpserver.log == []  # not one request reached the server
    assert list_feeds(db)[0]["status"] == "failed"


def test_a_429_on_a_form_backs_the_feed_off_and_stores_nothing(db, httpserver: HTTPServer):
    base = httpserver.url_for("").rstrip("/")
    atom = (FIXTURES / "getcurrent-form-d.atom.xml").read_text("latin-1").replace("{base}", base)
    httpserver.expect_request("/cgi-bin/browse-edgar").respond_with_data(
        atom, content_type="application/atom+xml"
    )
    httpserver.expect_request(
        "/Archives/edgar/data/1544190/000154419023000001/primary_doc.xml"
    ).respond_with_data("Too Many Requests", status=429, headers={"Retry-After": "600"})
    url = f"{base}/cgi-bin/browse-edgar?action=getcurrent&type=D"
    with write(db):
        subscribe(db, url)
    summary = poll(db, _config(CONTACT))
    assert summary.failed == 1 and "429" in summary.errors[0][1]
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 0
    feed = list_feeds(db)[0]
    wait = datetime.fromisoformat(feed["next_poll_at"]) - datetime.now(UTC)
    assert 500 < wait.total_seconds() <= 600
    assert len(_requests(httpserver, "primary_doc.xml")) == 1  # stopped at the first 429


def test_requests_to_edgar_stay_under_ten_a_second(db, httpserver: HTTPServer):
    times: list[float] = []
    url = _serve_edgar(httpserver, times)
    with write(db):
        subscribe(db, url)
    poll(db, _config(CONTACT))
    assert len(times) == 4  # the feed and three forms (the fourth, a 404, is not timed)
    # one request start every 0.1 s at most, as the server sees them: on a loaded
    # machine one arrival can come late and the next one on time, so the spacing
    # is checked from the first request (the nth no sooner than n x 0.1 s after it)
    for n, when in enumerate(times):
        assert when - times[0] >= 0.1 * n - 0.02


def test_a_form_d_and_a_press_report_make_one_row(db, httpserver: HTTPServer):
    url = _serve_edgar(httpserver)
    press = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>1685 38th REIT raises $125,000 to buy Los Angeles apartments</title>"
        "<link>https://wire.example/reit</link><guid>wire-reit</guid>"
        "<pubDate>Mon, 30 Jan 2023 14:00:00 GMT</pubDate></item></channel></rss>"
    )
    httpserver.expect_request("/wire.xml").respond_with_data(
        press, content_type="application/rss+xml"
    )
    with write(db):
        subscribe(db, url, "SEC EDGAR Form D filings", "filings")
        subscribe(db, httpserver.url_for("/wire.xml"), "Wire", "wire")
        db["contacts"].insert(
            {"full_name": "Dana Lee", "name_norm": normalize_person("Dana Lee"),
             "company": "1685 38th REIT", "company_norm": normalize_company("1685 38th REIT"),
             "title": "CEO", "connected_on": "2022-01-01", "sources": '["linkedin"]'}
        )  # fmt: skip
    config = _config(CONTACT)
    summary = poll(db, config)
    assert summary.new_signals == 2
    now = datetime(2023, 2, 1, tzinfo=UTC)
    rows = build_list(db, config, ListOptions(limit=0), now)
    assert [(r.person, r.company) for r in rows] == [("Dana Lee", "1685 38th REIT")]
    feeds = {s.feed for s in rows[0].evidence}
    assert feeds == {"SEC EDGAR Form D filings", "Wire"}
    assert rows[0].signal.amount == 125000.0
