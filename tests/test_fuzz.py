"""Property-based tests: hostile or random input never raises an unhandled
exception, never backtracks catastrophically, and never runs in a terminal."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prospect.config import load_config
from prospect.detect import Detector
from prospect.parse import parse_feed
from prospect.render import csv_cell, inert

CONFIG = load_config(None)
DETECTOR = Detector(CONFIG, {"brightloop": "brightloop", "quarry ai": "quarry ai"})

_XML_BITS = st.sampled_from(
    [
        "<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>",
        "<![CDATA[", "]]>", "&amp;", "&lt;b&gt;", "&#x0;", "&bogus;", "<?xml version='1.0'?>",
        "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;", "<link href='http://x'/>", "<guid>", "</guid>",
        "<pubDate>Mon, 99 Foo 2026</pubDate>", "\x00", "\ufeff", "Acme raises $5M Series A",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_XML_BITS, st.text(max_size=40)), max_size=60))
def test_random_feed_shaped_xml_parses_without_exception(parts: list[str]):
    body = "".join(parts).encode("utf-8", "surrogatepass")
    parsed = parse_feed(body, {}, "http://127.0.0.1/feed")
    for entry in parsed.entries:
        assert isinstance(entry.title, str) and isinstance(entry.guid, str)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_parse_without_exception(body: bytes):
    parse_feed(body, {"content-type": "application/xml"}, None)


_WORDS = st.sampled_from(
    [
        "raises", "$", "40M", "Series", "B", "appoints", "as", "Chief", "Marketing", "Officer",
        "CMO", "joins", "former", "Inc.", "'s", "Berlin-based", "Exclusive:", "-", "€1.2bn",
        "names", "VP", "of", "Sales", "Brightloop", "Quarry AI", "in talks to raise", "  ", "\t",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=40))
def test_random_text_never_breaks_detection(words: list[str]):
    for signal in DETECTOR.detect(" ".join(words)):
        assert 0.0 <= signal.confidence <= 1.0
        assert signal.type in {"funding_round", "executive_hire", "keyword"}


def test_detection_stays_fast_on_100kb_of_adversarial_text():
    samples = [
        "A" * 100_000,
        "Acme " * 20_000,
        "raises " * 14_000,
        "Aa Bb " * 16_000 + "raises $",
        "Jane Doe " * 11_000 + "as",
        "$1" * 50_000,
        " " * 100_000,
        "Series " * 14_000,
    ]
    for text in samples:
        start = time.process_time()
        DETECTOR.detect(text[:100_000])
        elapsed = time.process_time() - start
        # generous: the point is linear time, not a benchmark (quadratic takes minutes)
        assert elapsed < 0.5, f"{elapsed:.3f}s on {text[:20]!r}..."


@given(st.text(max_size=200))
def test_rendered_text_has_no_control_characters(text: str):
    shown = inert(text)
    assert "\x1b" not in shown and "\x07" not in shown
    assert all(ch in "\t\n" or ord(ch) >= 0x20 for ch in shown if not 0x7F <= ord(ch) <= 0x9F)


@given(st.text(min_size=1, max_size=50))
def test_csv_cells_never_start_a_formula(text: str):
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@"))
