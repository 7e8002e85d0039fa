"""Composing the digest: pure functions over row records, no store, no server."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default

import pytest

from prospect.digest import (
    build_message,
    check_sender,
    compose_digest,
    day_words,
    make_subject,
    parse_addresses,
    people_words,
    render_text,
    safe_link,
)
from prospect.errors import InputError

NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # a Monday


def record(rank: int = 1, **overrides) -> dict:
    rec = {
        "rank": rank, "person": "Ana Lima", "title": "VP of Sales", "company": "Globex",
        "signal": "raised $12M Series A", "when": "yesterday",
        "why_now": "raised $12M Series A yesterday; you know them",
        "intro": "", "also": "", "url": "https://news.example.com/globex", "score": 0.8,
        "person_key": f"c:{rank}", "contact_id": rank, "signal_id": 10 + rank,
    }  # fmt: skip
    rec.update(overrides)
    return rec


@pytest.mark.parametrize(("count", "words"), [(0, "nobody"), (1, "1 person"), (7, "7 people")])
def test_people_words(count: int, words: str):
    assert people_words(count) == words


def test_subject_default_and_template(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "UTC")
    assert day_words(NOW) == "Mon 23 Nov"
    assert make_subject(7, NOW) == "prospect: 7 people to contact today (Mon 23 Nov)"
    assert make_subject(1, NOW, "Leads {date} ({count}) {other}") == (
        "Leads Mon 23 Nov (1 person) {other}"
    )
    # a newline in a configured subject would forge headers: it becomes a space
    assert make_subject(2, NOW, "a\nBcc: x@evil.example") == "a Bcc: x@evil.example"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://x.example/a?b=1&c=2", "https://x.example/a?b=1&c=2"),
        ("http://x.example", "http://x.example"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,hi", None),
        (None, None),
    ],
)
def test_only_http_links_are_clickable(url, link):
    assert safe_link(url) == link


def test_text_part_wraps_but_never_breaks_a_url_and_makes_control_characters_inert():
    long_url = "https://news.example.com/" + "a-very-long-slug-" * 6
    text = render_text(
        [record(url=long_url, why_now="raised \x1b[31mred\x1b[0m money " + "word " * 30)], NOW
    )
    assert long_url in text.splitlines()[-7]  # whole, on its own line
    assert "\x1b" not in text and "\\x1b[31mred" in text
    assert all(len(line) <= 76 or "https://" in line for line in text.splitlines())


def test_html_part_escapes_every_value():
    hostile = record(
        person='<img src="https://tracker.example/p.gif">',
        company="A & B",
        title="<b>CEO</b>",
        why_now="\"quoted\" & 'single' <i>",
        intro="ask <Eve>",
        also="<also>",
        url='https://x.example/"onmouseover="alert(1)',
    )
    digest = compose_digest([hostile], NOW)
    assert "<img" not in digest.html and "<b>" not in digest.html and "<i>" not in digest.html
    assert "A &amp; B" in digest.html
    assert "&quot;quoted&quot; &amp; &#x27;single&#x27; &lt;i&gt;" in digest.html
    assert 'href="https://x.example/&quot;onmouseover=&quot;alert(1)"' in digest.html


def test_message_headers_and_round_trip():
    digest = compose_digest([record(), record(2, person="山田太郎")], NOW)
    msg = build_message(digest, "Zoë <zoe@example.com>", ["a@example.com", "b@example.com"], NOW)
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    assert parsed["From"] == "Zoë <zoe@example.com>"
    assert parsed["To"] == "a@example.com, b@example.com"
    assert parsed["Message-ID"].strip().endswith("@example.com>")
    assert parsed["Auto-Submitted"] == "auto-generated"
    assert parsed["Date"].datetime == NOW
    text = parsed.get_body(("plain",)).get_content()
    assert "2. 山田太郎, VP of Sales at Globex" in text
    assert [p.get("MIME-Version") for p in parsed.iter_parts()] == [None, None]
    # 7-bit safe on the wire: every byte ASCII, lines within the SMTP limit
    raw = msg.as_bytes()
    assert raw.isascii() and max(len(line) for line in raw.splitlines()) <= 78


def test_addresses():
    assert parse_addresses(["a@example.com, B <b@example.com>", "a@example.com"], "--to") == [
        "a@example.com",
        "b@example.com",
    ]
    with pytest.raises(InputError):
        parse_addresses(["nobody"], "--to")


@pytest.mark.parametrize("sender", ["Me <me@example.com>\nBcc: x@evil.example", "no-at-sign"])
def test_a_bad_sender_is_refused(sender: str):
    with pytest.raises(InputError):
        check_sender(sender)


NAMED = "raised $12M Series A yesterday; you know them (matched by name; listed at Initech)"


def test_the_html_part_is_a_block_per_person_that_fits_a_phone():
    """No table (its columns do not fit a phone's width): each person is one
    block with the signal once, why now without repeating it, the intro and
    how to reach them, in rank order."""
    rows = [
        record(1, intro="ask Bo Li, CTO at Globex, for an introduction"),
        record(2, person="Cy Dunn", email="cy@globex.example", why_now=NAMED),
    ]
    page = compose_digest(rows, NOW).html
    assert "<table" not in page and 'name="viewport"' in page
    blocks = page.split('<div style="')[1:]
    assert len(blocks) == 2
    assert "1. <strong>Ana Lima</strong>, VP of Sales at Globex" in blocks[0]
    assert blocks[0].count("raised $12M Series A") == 1
    assert "why now:</span> you know them<br>" in blocks[0]
    assert "&rarr; ask Bo Li, CTO at Globex, for an introduction" in blocks[0]
    assert "you know them (matched by name; listed at Initech)" in blocks[1]
    assert 'href="mailto:cy@globex.example"' in blocks[1] and "c:2" in blocks[1]


def test_the_text_part_tells_the_signal_once_and_keeps_how_many_reports_carried_it():
    rows = [
        record(1),
        record(
            2,
            person="Cy Dunn",
            why_now="raised $12M Series A yesterday (3 reports); you know them; a role you sell to",
        ),
    ]
    text = render_text(rows, NOW)
    first, second = text.split("\n\n")[1:3]
    assert first.count("raised $12M Series A") == 1
    assert "Signal:  raised $12M Series A (yesterday)" in first
    assert "Why now: you know them" in first
    assert "Why now: 3 reports; you know them; a role you sell to" in second
    html = compose_digest(rows, NOW).html
    assert "why now:</span> 3 reports &middot; you know them &middot; a role" in html
