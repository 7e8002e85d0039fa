"""Matching signals to people: companies (exact, alias, fuzzy, false friends),
people (name + company, name alone, the former-employer trap), introductions,
and clustering one event reported by several feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from prospect.match import (
    CompanyIndex,
    ContactBook,
    cluster_signals,
    match_event,
    rank_introducers,
)
from prospect.models import Contact, Signal, Source
from prospect.normalize import normalize_company, normalize_person


def contact(cid: int, name: str, company: str | None, title: str | None = None, **kw) -> Contact:
    return Contact(
        id=cid,
        full_name=name,
        company=company,
        title=title,
        company_norm=normalize_company(company) or None,
        name_norm=normalize_person(name),
        **kw,
    )


def index(*companies: str, aliases: dict[str, str] | None = None) -> CompanyIndex:
    return CompanyIndex([normalize_company(c) for c in companies], aliases)


@pytest.mark.parametrize(
    ("known", "name", "expected", "how"),
    [
        ("Northwind Analytics", "Northwind Analytics, Inc.", "northwind analytics", "exact"),
        ("Lumen Freight B.V.", "Lumen Freight", "lumen freight", "exact"),
        ("The Bramble & Co", "Bramble and Co.", "bramble and co", "exact"),
        ("Brightloop", "Brightlop", "brightloop", "fuzzy"),
        ("Kestrel Health", "KestrelHealth", "kestrel health", "fuzzy"),
        ("Northwind Analytics", "Northwind Analytic", "northwind analytics", "fuzzy"),
        # false friends: never matched
        ("Dropbox", "Box", None, None),
        ("Box", "Dropbox", None, None),
        ("Applied Materials", "Apple", None, None),
        ("Apple", "Applied Materials", None, None),
        ("Squarespace", "Square", None, None),
        # a legal or web-style name is the company's own (companies.company_key)
        ("Notion Labs", "Notion", "notion", "exact"),
        ("Gong.io", "Gong", "gong", "exact"),
        ("Figure AI", "Figure AI Inc.", "figure ai", "exact"),
        ("Coco", "Coco Robotics", "coco", "alias"),
        ("OakNorth", "OakNorth Bank", "oaknorth", "alias"),
        ("Rippling", "Rippling People Center Inc.", "rippling", "alias"),
        ("Ramp", "Ramp Business Corporation", "ramp", "alias"),
        ("100ms", "100ms.live", "100ms", "exact"),
        ("Solaris", "Solarisbank", "solaris", "alias"),
        ("Meta", "Facebook Inc.", "meta platforms", "alias"),
        ("Twitter", "X Corp.", "x", "exact"),
        ("Square", "Block", "block", "exact"),
        # descriptors never leave an everyday word, nor merge two descriptors
        ("Figure", "Figure AI", None, None),
        ("Figure Technologies", "Figure AI", None, None),
        ("Apple", "Apple Bank", None, None),
        ("Notion", "Notion Capital", None, None),
        ("Linear", "Linear Technology", None, None),
        ("Ramp", "Ramp Network", None, None),
        # placeholders are no company
        ("Stealth", "Stealth", None, None),
        ("Stealth Startup", "Stealth", None, None),
        ("Self-employed", "Self Employed", None, None),
        ("Acme Health", "Acme Wealth", None, None),
        ("Salesforce", "Salesloft", None, None),
        ("Stripe", "Stripes", None, None),
    ],
)
def test_company_resolution(known: str, name: str, expected: str | None, how: str | None):
    found = index(known).resolve(name)
    assert (found.norm if found else None) == expected
    assert (found.how if found else None) == how


def test_aliases_map_both_ways_to_the_canonical_company():
    idx = index("Google", aliases={"google": "alphabet"})
    assert idx.resolve("Alphabet Inc.").norm == "alphabet"
    assert idx.resolve("Google").norm == "alphabet"
    assert idx.resolve("Google").how == "alias"


@pytest.mark.parametrize(
    ("known", "text", "expected"),
    [
        ("Tidewater Robotics", "Tidewater Robotics opens office in London", "tidewater"),
        ("Copperleaf", "Copperleaf expands into Germany", "copperleaf"),
        ("Stealth Startup", "Quettra comes out of stealth, raises seed round", None),
        # short or common-word names need the detector's own capture
        ("Square", "A new shop opens on Times Square", None),
        ("Apple", "Apple orchards expand into new markets", None),
        ("Notion", "The notion that SaaS expands into Europe", None),
        ("Box", "Box office expands to Europe", None),
    ],
)
def test_names_found_in_free_text_only_when_distinctive(known, text, expected):
    found = index(known).find_in_text(text)
    assert (found.norm if found else None) == expected


def event_of(signal: Signal, book: ContactBook, feed: str = "wire"):
    src = Source(url=signal.url, feed=feed, signal_id=signal.id)
    events = cluster_signals(
        [(signal, src)], lambda s: book.index.resolve(s.company), 7, lambda s: 0
    )
    assert len(events) == 1
    return events[0]


def hire(person: str, company: str, role: str = "Chief Marketing Officer", sid: int = 1) -> Signal:
    return Signal(type="executive_hire", rule="executive_hire", company=company, person=person,
                  role=role, id=sid)  # fmt: skip


def test_former_employer_trap_new_cmo_listed_at_previous_company_is_a_direct_match():
    dana = contact(7, "Dana Whitfield", "Saltmarsh Labs", "VP of Marketing")
    book = ContactBook([dana, contact(8, "Hannah Scott", "Orbital Payroll", "Account Executive")])
    [cand] = match_event(event_of(hire("Dana Whitfield", "Orbital Payroll"), book), book)
    assert cand.relationship == "direct"
    assert cand.person_key == "c:7"
    assert cand.name_only
    assert cand.note == "matched by name; listed at Saltmarsh Labs"
    # the row shows the new job, not the stale one in the export
    assert (cand.title, cand.company) == ("Chief Marketing Officer", "Orbital Payroll")


def test_name_and_company_is_a_full_match():
    dana = contact(7, "Dana Whitfield", "Orbital Payroll", "VP of Marketing")
    book = ContactBook([dana])
    [cand] = match_event(event_of(hire("Dana Whitfield", "Orbital Payroll Inc."), book), book)
    assert (cand.relationship, cand.name_only, cand.note) == ("direct", False, "")


def test_a_common_name_held_by_several_contacts_elsewhere_is_not_a_match():
    book = ContactBook(
        [
            contact(1, "Alex Kim", "Copperleaf"),
            contact(2, "Alex Kim", "Verdant Grid"),
            contact(3, "Hannah Scott", "Orbital Payroll", "Account Executive"),
        ]
    )
    [cand] = match_event(event_of(hire("Alex Kim", "Orbital Payroll"), book), book)
    assert cand.relationship == "intro"
    assert cand.person_key.startswith("p:alex kim")


def test_unknown_executive_gets_the_best_introducer_first():
    book = ContactBook(
        [
            contact(1, "Ben Adler", "Halcyon Security", "Solutions Engineer",
                    connected_on="2026-10-01"),
            contact(2, "Nina Petrova", "Halcyon Security", "Chief Executive Officer",
                    connected_on="2019-01-01"),
            contact(3, "Ravi Shah", "Halcyon Security", "Director of IT",
                    connected_on="2022-01-01"),
            contact(4, "Lena Vogel", "Halcyon Security", "Director, Sales",
                    connected_on="2025-05-05"),
        ]
    )  # fmt: skip
    [cand] = match_event(event_of(hire("Marcus Lee", "Halcyon Security"), book), book)
    assert cand.relationship == "intro"
    assert (cand.person, cand.title, cand.company) == (
        "Marcus Lee",
        "Chief Marketing Officer",
        "Halcyon Security",
    )
    # most senior first; same seniority: most recently connected first
    assert [c.full_name for c in cand.intro] == [
        "Nina Petrova",
        "Lena Vogel",
        "Ravi Shah",
        "Ben Adler",
    ]


def test_unknown_executive_at_a_company_nobody_knows_is_a_cold_row():
    book = ContactBook([contact(1, "Ben Adler", "Verdant Grid")])
    [cand] = match_event(event_of(hire("Marcus Lee", "Halcyon Security"), book), book)
    assert (cand.relationship, cand.intro) == ("unknown", [])


def test_company_signal_matches_everyone_there_including_via_alias():
    book = ContactBook(
        [contact(1, "Ann Lee", "Google", "Head of Sales"), contact(2, "Bo Chen", "Alphabet Inc")],
        index("Google", "Alphabet Inc", aliases={"google": "alphabet"}),
    )
    funding = Signal(type="funding_round", rule="funding_round", company="Alphabet", id=1)
    cands = match_event(event_of(funding, book), book)
    assert sorted(c.person for c in cands) == ["Ann Lee", "Bo Chen"]
    assert {c.relationship for c in cands} == {"direct"}


def test_false_friend_company_yields_nobody():
    book = ContactBook([contact(1, "Ann Lee", "Dropbox", "CMO")])
    funding = Signal(type="funding_round", rule="funding_round", company="Box", id=1)
    assert match_event(event_of(funding, book), book) == []


def test_job_change_matches_its_contact_by_id():
    book = ContactBook([contact(5, "Michael Grant", "Brightloop", "VP of Marketing")])
    change = Signal(type="job_change", rule="job_change", company="Brightloop", contact_id=5,
                    person="Michael Grant", change="new_company", id=1)  # fmt: skip
    [cand] = match_event(event_of(change, book), book)
    assert (cand.person_key, cand.relationship) == ("c:5", "direct")


def test_an_svp_is_the_better_introducer_than_a_vp():
    people = [
        contact(1, "Vera", "X", "VP of Sales", connected_on="2026-01-01"),
        contact(2, "Sam", "X", "SVP of Sales", connected_on="2019-01-01"),
    ]
    assert [c.full_name for c in rank_introducers(people)] == ["Sam", "Vera"]


def test_introducers_without_titles_or_dates_sort_stably():
    people = [contact(2, "Zed", "X"), contact(1, "Amy", "X")]
    assert [c.full_name for c in rank_introducers(people)] == ["Amy", "Zed"]


# --- clustering ------------------------------------------------------------------

T0 = datetime(2026, 11, 18, 14, tzinfo=UTC)


def report(sid: int, feed: str, url: str, hours: float, **fields) -> tuple[Signal, Source]:
    published = datetime.fromtimestamp(T0.timestamp() + hours * 3600, UTC).isoformat()
    signal = Signal(rule=fields.pop("rule", fields.get("type")), id=sid, url=url,
                    published_at=published, **fields)  # fmt: skip
    return signal, Source(url=url, feed=feed, published_at=published, signal_id=sid)


def cluster(reports, window: float = 7):
    idx = index("Brightloop", "Orbital Payroll")

    def day(s: Signal) -> float:
        return datetime.fromisoformat(s.published_at).timestamp() / 86400

    return cluster_signals(reports, lambda s: idx.resolve(s.company), window, day)


def test_one_event_from_three_feeds_is_one_event_with_every_source():
    funding = {"type": "funding_round", "company": "Brightloop", "round": "series_b"}
    events = cluster(
        [
            report(3, "Google News", "https://news.google.com/rss/articles/x", 4,
                   amount=40e6, currency="USD", **funding),
            report(1, "TechWire", "https://techwire.example/brightloop", 0, **funding),
            report(2, "PR Wire", "https://prwire.example/brightloop", 1,
                   **{**funding, "company": "Brightloop Inc."}),
        ]
    )  # fmt: skip
    assert len(events) == 1
    event = events[0]
    assert [s.feed for s in event.sources] == ["TechWire", "PR Wire", "Google News"]
    assert event.signal.amount == 40e6  # the most complete report
    assert event.signal.published_at == T0.isoformat()  # dated at the first report
    assert not event.signal.url.startswith("https://news.google.com")  # a direct link
    assert {s.event_id for s in event.sources} == {event.id}


@pytest.mark.parametrize(
    ("second", "events"),
    [
        ({"round": "series_b", "hours": 24 * 6}, 1),  # inside the window
        ({"round": "series_b", "hours": 24 * 30}, 2),  # a month later: another event
        ({"round": "seed", "hours": 2}, 2),  # another round
        ({"round": None, "hours": 2}, 1),  # no round given: the same news
    ],
)
def test_cluster_window_and_rounds(second, events):
    base = {"type": "funding_round", "company": "Brightloop"}
    first = report(1, "a", "https://a.example", 0, round="series_b", **base)
    other = report(2, "b", "https://b.example", second["hours"], round=second["round"], **base)
    assert len(cluster([first, other])) == events


def test_hires_cluster_by_person():
    base = {
        "type": "executive_hire",
        "company": "Orbital Payroll",
        "role": "Chief Marketing Officer",
    }
    events = cluster(
        [
            report(1, "a", "https://a.example/1", 0, person="Dana Whitfield", **base),
            report(2, "b", "https://b.example/1", 3, person="Dana Whitfield", **base),
            report(3, "a", "https://a.example/2", 5, person="Marcus Lee", **base),
        ]
    )
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_reports_without_a_company_are_never_merged():
    base = {"type": "keyword", "rule": "expansion"}
    events = cluster(
        [report(1, "a", "https://a.example", 0, **base), report(2, "b", "https://b", 1, **base)]
    )
    assert len(events) == 2


def test_a_persons_successive_job_changes_lead_with_the_newest():
    change = {"type": "job_change", "company": "Brightloop", "person": "Marcus Hale",
              "contact_id": 7, "change": "promotion"}  # fmt: skip
    events = cluster(
        [
            report(1, "", "", 0, role="Account Executive", old_title="SDR", **change),
            report(2, "", "", 2, role="Sales Manager", old_title="Account Executive", **change),
            report(3, "", "", 5, role="VP of Sales", old_title="Sales Manager", **change),
        ]
    )
    (event,) = events
    assert event.signal.role == "VP of Sales"
    assert event.signal.id == 3
    assert len(event.sources) == 3


def test_the_fuzzy_threshold_keeps_names_of_similar_length() -> None:
    """rapidfuzz's ratio is 200 x common / (both lengths): at the threshold the
    longer name can be at most 200 / threshold - 1 times longer, so the best
    match over a prefix's names already meets the length rule (none is checked
    separately)."""
    from prospect.match import FUZZY_MAX_LENGTH_RATIO, FUZZY_THRESHOLD

    assert 200 / FUZZY_THRESHOLD - 1 <= FUZZY_MAX_LENGTH_RATIO
