"""The outreach list on a real store: clustering, the cap, account lists, age
cutoff, cooldown / snooze / skip / listed, and finding one person to mark."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from prospect.config import Config, parse_config
from prospect.errors import ProspectError
from prospect.models import Signal
from prospect.normalize import normalize_company, normalize_person
from prospect.outreach import ListOptions, build_list, find_person, mark
from prospect.store import write
from prospect.store.outreach import save_outreach
from prospect.store.signals import save_signals

NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)


def add_contact(db: Database, name: str, company: str | None, title: str | None = None,
                connected_on: str = "2022-01-01") -> int:  # fmt: skip
    return (
        db["contacts"]
        .insert(
            {
                "full_name": name,
                "name_norm": normalize_person(name),
                "company": company,
                "company_norm": normalize_company(company) or None,
                "title": title,
                "connected_on": connected_on,
                "sources": '["linkedin"]',
            }
        )
        .last_pk
    )


def add_report(db: Database, feed: str, headline: str, url: str, published: datetime,
               **fields) -> Signal:  # fmt: skip
    """A feed entry and the signal detected in it, stored the way the poller does."""
    row = db.execute("SELECT id FROM feeds WHERE name = ?", [feed]).fetchone()
    feed_id = row[0] if row else db["feeds"].insert({"url": f"https://{feed}.example/rss",
                                                     "name": feed}).last_pk  # fmt: skip
    item_id = db["items"].insert(
        {"feed_id": feed_id, "guid": url, "title": headline, "url": url,
         "published_at": published.isoformat()}
    ).last_pk  # fmt: skip
    signal = Signal(rule=fields.pop("rule", fields["type"]), item_id=item_id, url=url,
                    published_at=published.isoformat(), **fields)  # fmt: skip
    with write(db):
        [saved] = save_signals(db, [signal])
    return saved


def funding(db: Database, company: str, days_ago: float = 1, feed: str = "techwire",
            round_: str = "series_b", amount: float = 40e6) -> Signal:  # fmt: skip
    slug = normalize_company(company).replace(" ", "-")
    return add_report(
        db, feed, f"{company} raises ${amount / 1e6:.0f}M", f"https://{feed}.example/{slug}-{days_ago}",
        NOW - timedelta(days=days_ago), type="funding_round", company=company, round=round_,
        amount=amount, currency="USD",
    )  # fmt: skip


def people(rows) -> list[str]:
    return [r.person for r in rows]


def test_one_event_from_three_feeds_is_one_row_per_person_with_all_sources(db, config):
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    funding(db, "Brightloop", 1.2, "techwire")
    funding(db, "Brightloop Inc.", 1.1, "prwire")
    funding(db, "Brightloop", 1.0, "googlenews")
    [row] = build_list(db, config, ListOptions(), NOW)
    assert row.also == []
    assert len(row.sources) == 3
    assert {s.feed for s in row.evidence} == {"techwire", "prwire", "googlenews"}
    assert "(3 reports)" in row.why


def test_also_lists_other_events_once(db, config):
    cid = add_contact(db, "Michael Grant", "Brightloop", "VP of Marketing")
    funding(db, "Brightloop", 1.2, "techwire")
    funding(db, "Brightloop", 1.0, "googlenews")
    with write(db):
        save_signals(db, [Signal(type="job_change", rule="job_change", company="Brightloop",
                                 person="Michael Grant", role="VP of Marketing", contact_id=cid,
                                 change="new_company", published_at=NOW.isoformat())])  # fmt: skip
    [row] = build_list(db, config, ListOptions(), NOW)
    assert row.signal.type == "job_change"
    assert [s.type for s in row.also] == ["funding_round"]


def test_daily_cap_limit_and_everyone(db, config):
    for i in range(15):
        company = f"Company Number {i:02d}"
        add_contact(db, f"Person {i:02d}", company, "VP of Sales")
        funding(db, company, days_ago=1 + i / 10)
    assert len(build_list(db, config, ListOptions(), NOW)) == config.daily_limit == 10
    assert len(build_list(db, config, ListOptions(limit=3), NOW)) == 3
    rows = build_list(db, config, ListOptions(limit=0), NOW)
    assert len(rows) == 15
    assert [r.rank for r in rows] == list(range(1, 16))
    assert people(rows)[0] == "Person 00"  # the freshest news first


def test_at_most_per_company_people_from_one_company(db, config):
    for i in range(5):
        add_contact(db, f"Person {i}", "Brightloop", "VP of Sales")
    funding(db, "Brightloop")
    assert len(build_list(db, config, ListOptions(), NOW)) == 3


def test_excluded_accounts_never_show_and_included_rank_higher(db):
    config = parse_config("accounts:\n  include: [Kestrel Health Inc]\n  exclude: [Brightloop]\n")
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    add_contact(db, "Chris Nolan", "Kestrel Health", "Software Engineer")
    add_contact(db, "Rachel Kim", "Northwind", "VP of Sales")
    for company in ("Brightloop", "Kestrel Health", "Northwind"):
        funding(db, company)
    rows = build_list(db, config, ListOptions(), NOW)
    assert people(rows) == ["Rachel Kim", "Chris Nolan"]
    assert rows[1].score.fit == pytest.approx(0.9)
    assert "an included account" in rows[1].why
    # an excluded company's new executive does not show either
    add_report(db, "prwire", "Brightloop names Ann Lee CMO", "https://prwire.example/b",
               NOW - timedelta(days=1), type="executive_hire", company="Brightloop",
               person="Ann Lee", role="Chief Marketing Officer")  # fmt: skip
    assert "Ann Lee" not in people(build_list(db, config, ListOptions(), NOW))


def test_signals_older_than_max_age_drop_out_and_since_narrows(db, config):
    add_contact(db, "Old News", "Oldco Systems", "VP of Sales")
    add_contact(db, "Last Week", "Weekco Systems", "VP of Sales")
    funding(db, "Oldco Systems", days_ago=config.max_age_days + 1)
    funding(db, "Weekco Systems", days_ago=6)
    assert people(build_list(db, config, ListOptions(), NOW)) == ["Last Week"]
    assert people(build_list(db, config, ListOptions(since_days=3), NOW)) == []
    # --since never reaches past the cutoff
    assert people(build_list(db, config, ListOptions(since_days=400), NOW)) == ["Last Week"]


def test_a_signal_type_turned_off_leaves_the_list_with_what_was_stored(db, config):
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    funding(db, "Brightloop")
    assert people(build_list(db, config, ListOptions(), NOW)) == ["Aisha Karim"]
    off = parse_config("signals:\n  funding_round:\n    enabled: false\n")
    assert build_list(db, off, ListOptions(), NOW) == []
    muted = parse_config("signals:\n  funding_round:\n    weight: 0\n")
    assert build_list(db, muted, ListOptions(), NOW) == []


def test_a_keyword_rule_turned_off_or_removed_leaves_the_list(db, config):
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    rule = config.rules[0]
    add_report(db, "techwire", f"Brightloop {rule.phrases[0] if rule.phrases else 'news'}",
               "https://techwire.example/kw", NOW - timedelta(days=1), type="keyword",
               rule=rule.name, company="Brightloop")  # fmt: skip
    assert people(build_list(db, config, ListOptions(), NOW)) == ["Aisha Karim"]
    muted = parse_config(f"rules:\n  - name: {rule.name}\n    phrases: [x]\n    weight: 0\n")
    assert build_list(db, muted, ListOptions(), NOW) == []
    other = parse_config("rules:\n  - name: another\n    phrases: [x]\n")
    assert build_list(db, other, ListOptions(), NOW) == []


def test_signal_type_filter(db, config):
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    funding(db, "Brightloop")
    assert build_list(db, config, ListOptions(signal_type="executive_hire"), NOW) == []
    assert len(build_list(db, config, ListOptions(signal_type="funding_round"), NOW)) == 1


def test_intro_path_for_an_unknown_executive(db, config):
    add_contact(db, "Yusuf Demir", "Halcyon Security", "Solutions Architect", "2026-11-01")
    add_contact(db, "Tara Quinn", "Halcyon Security", "Chief Operating Officer", "2019-03-01")
    add_report(db, "prwire", "Halcyon Security Names Marcus Lee Chief Revenue Officer",
               "https://prwire.example/halcyon", NOW - timedelta(days=1),
               type="executive_hire", company="Halcyon Security", person="Marcus Lee",
               role="Chief Revenue Officer")  # fmt: skip
    [row] = build_list(db, config, ListOptions(), NOW)
    assert (row.person, row.title, row.relationship) == (
        "Marcus Lee",
        "Chief Revenue Officer",
        "intro",
    )
    from prospect.render import intro_text

    # the introducer the rep knows best first: connected 19 days ago, against 2019
    assert intro_text(row) == (
        "ask Yusuf Demir, Solutions Architect at Halcyon Security, for an introduction (or 1 more)"
    )
    assert row.intro_reason == (
        "ask Yusuf Demir, Solutions Architect at Halcyon Security; you know them well"
    )
    assert row.intro_reasons[1] == "ask Tara Quinn, Chief Operating Officer at Halcyon Security"


def test_former_employer_trap_in_the_store(db, config):
    add_contact(db, "Dana Whitfield", "Saltmarsh Labs", "VP of Marketing")
    add_contact(db, "Hannah Scott", "Orbital Payroll", "Senior Account Executive")
    add_report(db, "prwire", "Orbital Payroll Appoints Dana Whitfield as CMO",
               "https://prwire.example/orbital", NOW - timedelta(days=1),
               type="executive_hire", company="Orbital Payroll", person="Dana Whitfield",
               role="Chief Marketing Officer")  # fmt: skip
    [row] = build_list(db, config, ListOptions(), NOW)
    assert (row.person, row.relationship, row.company) == (
        "Dana Whitfield",
        "direct",
        "Orbital Payroll",
    )
    assert "listed at Saltmarsh Labs" in row.why
    assert row.score.relationship == pytest.approx(0.8)


# --- what the rep did ------------------------------------------------------------


@pytest.fixture
def two(db):
    add_contact(db, "Aisha Karim", "Brightloop", "Head of Marketing")
    add_contact(db, "Rachel Kim", "Northwind", "VP of Sales")
    funding(db, "Brightloop", 2)
    funding(db, "Northwind", 1, round_="series_a")
    return db


def test_contacted_waits_for_the_cooldown(two, config: Config):
    mark(two, config, "Aisha Karim", "contacted", now=NOW)
    assert people(build_list(two, config, ListOptions(), NOW)) == ["Rachel Kim"]
    later = NOW + timedelta(days=config.cooldown_days + 1)
    assert "Aisha Karim" in people(build_list(two, config, ListOptions(), later))


def test_contacted_comes_back_early_only_for_a_new_stronger_signal(two, config: Config):
    mark(two, config, "Aisha Karim", "contacted", now=NOW)
    # another report of the same event is not news
    funding(two, "Brightloop", 1.5, "googlenews")
    assert "Aisha Karim" not in people(build_list(two, config, ListOptions(), NOW))
    # a new but weaker signal is not enough
    add_report(two, "wire", "Brightloop opens office in Berlin", "https://wire.example/b",
               NOW, type="keyword", rule="expansion", company="Brightloop")  # fmt: skip
    assert "Aisha Karim" not in people(build_list(two, config, ListOptions(), NOW))
    # a new, stronger one is: her promotion, seen in a fresh connections export
    cid = find_person(two, config, "c:1", NOW).contact_id
    with write(two):
        save_signals(two, [Signal(type="job_change", rule="job_change", company="Brightloop",
                                  person="Aisha Karim", role="Chief Marketing Officer",
                                  contact_id=cid, change="promotion",
                                  published_at=NOW.isoformat())])  # fmt: skip
    assert "Aisha Karim" in people(build_list(two, config, ListOptions(), NOW))


def test_skipped_stays_out_even_after_the_cooldown(two, config: Config):
    mark(two, config, "1", "skipped", now=NOW)  # by rank: Aisha Karim's Series B is first
    later = NOW + timedelta(days=config.cooldown_days + 5)
    assert people(build_list(two, config, ListOptions(), later)) == ["Rachel Kim"]
    everyone = build_list(two, config, ListOptions(include_all=True), NOW)
    assert {r.person: r.state for r in everyone} == {"Aisha Karim": "skipped", "Rachel Kim": None}


def test_snoozed_comes_back_after_its_date(two, config: Config):
    mark(two, config, "Aisha", "snoozed", until="3d", now=NOW)
    assert "Aisha Karim" not in people(build_list(two, config, ListOptions(), NOW))
    back = NOW + timedelta(days=3, minutes=1)
    assert "Aisha Karim" in people(build_list(two, config, ListOptions(), back))
    mark(two, config, "Rachel Kim", "snoozed", until="2026-11-25", now=NOW)
    assert "Rachel Kim" not in people(
        build_list(two, config, ListOptions(), NOW + timedelta(days=4))
    )
    assert "Rachel Kim" in people(build_list(two, config, ListOptions(), NOW + timedelta(days=5)))


def test_listed_by_the_digest_comes_back_only_with_a_new_signal(two, config: Config):
    row = build_list(two, config, ListOptions(), NOW)[1]
    assert row.person == "Rachel Kim"
    with write(two):
        save_outreach(two, row.person_key, row.person, "listed", contact_id=row.contact_id,
                      score=row.score.total, signal_id=row.signal.id,
                      at=NOW.isoformat())  # fmt: skip
    later = NOW + timedelta(days=config.cooldown_days + 1)
    assert row.person not in people(build_list(two, config, ListOptions(), later))
    add_report(two, "wire", "Northwind opens office in Paris", "https://wire.example/n",
               later, type="keyword", rule="expansion", company="Northwind")  # fmt: skip
    assert row.person in people(build_list(two, config, ListOptions(), later))


@pytest.mark.parametrize(
    ("ident", "expected"),
    [
        ("1", "Aisha Karim"),
        ("2", "Rachel Kim"),
        ("rachel", "Rachel Kim"),
        ("AISHA KARIM", "Aisha Karim"),
    ],
)
def test_find_person_by_rank_or_name(two, config, ident, expected):
    assert find_person(two, config, ident, NOW).person == expected


def test_find_person_by_key_and_contact_not_in_the_list(two, config):
    cid = add_contact(two, "Zoe Adams", None)
    target = find_person(two, config, f"c:{cid}", NOW)
    assert (target.person, target.row) == ("Zoe Adams", None)
    assert find_person(two, config, "Zoe", NOW).person_key == f"c:{cid}"


def test_ambiguous_name_is_a_clear_error_listing_candidates(two, config):
    add_contact(two, "Rachel Kimball", "Northwind", "Engineer")
    add_contact(two, "Rachel Stone", "Elsewhere")
    with pytest.raises(ProspectError) as info:
        find_person(two, config, "Rachel", NOW)
    message = info.value.message
    assert "'Rachel' matches 2 people" in message  # from the list first
    assert "Rachel Kim at Northwind" in message and "Rachel Kimball" in message
    assert "use the number or the key" in message
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("ident", "action", "until", "message"),
    [
        ("9", "contacted", None, "no number 9 in today's list"),
        ("Nobody Here", "contacted", None, "no one called 'Nobody Here'"),
        ("1", "snoozed", None, "snoozed needs --until"),
        ("1", "snoozed", "someday", "--until: expected a date like 2026-12-01"),
        ("1", "ignored", None, "expected one of contacted, skipped, snoozed"),
    ],
)
def test_mark_errors(two, config, ident, action, until, message):
    with pytest.raises(ProspectError) as info:
        mark(two, config, ident, action, until=until, now=NOW)
    assert message in info.value.message
    assert two["outreach"].count == 0


def test_intros_through_where_the_new_executive_worked_before(db, config):
    """A colleague at the company, someone at her previous employer now, and
    someone who used to work there (their own job change in the store)."""
    add_contact(db, "Tara Quinn", "Halcyon Security", "Solutions Architect", "2019-03-01")
    add_contact(db, "Omar Haddad", "Okta, Inc.", "Director of Sales", "2018-05-01")
    dana = add_contact(db, "Dana Lee", "Brightloop", "VP of Sales", "2026-10-01")
    with write(db):
        save_signals(db, [
            Signal(type="job_change", rule="job_change", contact_id=dana, person="Dana Lee",
                   company="Okta", old_company="Auth0", published_at="2019-02-01T00:00:00+00:00"),
            Signal(type="job_change", rule="job_change", contact_id=dana, person="Dana Lee",
                   company="Brightloop", old_company="Okta",
                   published_at="2023-06-01T00:00:00+00:00"),
        ])  # fmt: skip
    add_report(db, "prwire", "Halcyon Security names Jane Park CMO", "https://prwire.example/j",
               NOW - timedelta(days=1), type="executive_hire", company="Halcyon Security",
               person="Jane Park", role="Chief Marketing Officer",
               previous_company="Okta")  # fmt: skip
    [row] = build_list(db, config, ListOptions(), NOW)
    assert row.relationship == "intro"
    assert [c.full_name for c in row.intro] == ["Dana Lee", "Omar Haddad", "Tara Quinn"]
    assert row.intro_reasons == [
        "ask Dana Lee, who worked with Jane at Okta (2019–2023); you know them well",
        "ask Omar Haddad, who works at Okta, where Jane was before",
        "ask Tara Quinn, Solutions Architect at Halcyon Security",
    ]
    assert row.intro_reason == row.intro_reasons[0]


def test_a_placeholder_employer_is_nobodys_company(db, config):
    add_contact(db, "Ivy Stone", "Stealth", "Founder")
    add_contact(db, "Max Roe", "Stealth Startup", "CTO")
    funding(db, "Stealth", round_="seed", amount=2.9e6)
    assert build_list(db, config, ListOptions(), NOW) == []


def test_a_hire_that_names_nobody_reads_as_the_companys_news(db, config):
    add_contact(db, "Ji-woo Wang", "Penta", "Head of Marketing")
    add_report(db, "prwire", "Penta appoints new chief executive", "https://prwire.example/p",
               NOW - timedelta(days=1), type="executive_hire", company="Penta",
               role="Chief Executive Officer")  # fmt: skip
    [row] = build_list(db, config, ListOptions(), NOW)
    assert (row.person, row.title) == ("Ji-woo Wang", "Head of Marketing")
    assert row.headline == "Penta named a new Chief Executive Officer"
    assert row.why.startswith(
        "Penta named a new Chief Executive Officer yesterday; you know Ji-woo Wang there"
    )
