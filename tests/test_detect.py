"""Table-driven tests of signal detection: funding, hires, keywords, companies, the CLI."""

from __future__ import annotations

import json
import random
import string
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospect.config import load_config, parse_config
from prospect.detect import (
    CompanyScanner,
    Detector,
    funding,
    hires,
    normalize_role,
    normalize_round,
)
from prospect.detect.keywords import compile_rules, detect_keywords
from prospect.detect.text import find_verbs, fold, repeats_head, unshout
from prospect.normalize import normalize_company


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(load_config(None), {})


def only(signals, kind):  # type: ignore[no-untyped-def]
    found = [s for s in signals if s.type == kind]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("headline", "company", "round_", "amount", "currency"),
    [
        ("Brightloop raises $40M Series B for AI copilots", "Brightloop", "series_b", 40e6, "USD"),
        ("Quillcraft raises $2.5 million seed round", "Quillcraft", "seed", 2.5e6, "USD"),
        ("Vantaform raises €1.2bn to build gigafactories", "Vantaform", None, 1.2e9, "EUR"),
        ("Fieldstack raises C$750 million in growth equity", "Fieldstack", "growth", 750e6, "CAD"),
        ("Copperline secures £80m Series C", "Copperline", "series_c", 80e6, "GBP"),
        ("Yotta Grid Raises US$12 Million Seed Round", "Yotta Grid", "seed", 12e6, "USD"),
        ("Khata raises Rs 50 crore in Series A", "Khata", "series_a", 500e6, "INR"),
        ("Zolve raises ₹100 crore Series B", "Zolve", "series_b", 1e9, "INR"),
        ("Configu raises a $3M pre-seed round", "Configu", "pre_seed", 3e6, "USD"),
        ("Parcelwise lands $200M debt facility", "Parcelwise", "debt", 200e6, "USD"),
        ("Prism Payments raises $400M Series H", "Prism Payments", "series_h", 400e6, "USD"),
        ("Exclusive: Acme Pay raises $5M seed", "Acme Pay", "seed", 5e6, "USD"),
        ("Berlin-based Acme Pay raises $5M seed", "Acme Pay", "seed", 5e6, "USD"),
        ("AI startup Mirelo bags $9M to build music", "Mirelo", None, 9e6, "USD"),
        ("Fintech startup Ledgerly raises $20M Series A", "Ledgerly", "series_a", 20e6, "USD"),
        ("Stackwise Inc. Raises $18 Million Series A", "Stackwise", "series_a", 18e6, "USD"),
        ("Toronto's Fieldstack raises $5M seed", "Fieldstack", "seed", 5e6, "USD"),
        ("Kinship Care, the Austin home care platform, raises $22M", "Kinship Care", None, 22e6,
         "USD"),
        ("Tessellate Bio raises $85M Series B - Business Daily", "Tessellate Bio", "series_b", 85e6,
         "USD"),
        ("Inkwell raises Series A funding from Index Ventures", "Inkwell", "series_a", None, None),
    ],
)  # fmt: skip
def test_funding_rounds(detector, headline, company, round_, amount, currency) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "funding_round")
    assert s is not None, headline
    assert (s.company, s.round, s.amount, s.currency) == (company, round_, amount, currency)
    assert s.evidence and s.evidence in headline and 0 < s.confidence <= 1


@pytest.mark.parametrize(
    "headline",
    [
        "Greyhound Ventures closes $300M Fund IV focused on vertical AI",
        "Sequoia Capital raises $1B seed fund",
        "Helio Energy files for IPO on Nasdaq",
        "Quarry AI is reportedly in talks to raise $100M at a $1B valuation",
        "Nuvola Cloud plans to raise $100 million",
        "Local charity raises $50,000 for children's hospital",
        "Walmart raises prices on groceries",
        "Fed raises rates by a quarter point",
        "New study raises concerns about microplastics",
        "Apple raises the bar with its new chip",
        "Nvidia raises outlook on data-center demand",
        "Procter & Gamble raises dividend for 68th year",
        "Napoli secures €40M striker signing ahead of Serie A season",
        "Atlas Financial Declares Dividend on Series B Preferred Stock",
        "Zendesk acquires Klaus for $50 million",
        "Coverly, which raised a $30M Series B last year, acquires a broker",
        "Why Series B rounds are taking longer to close",
        "Startups raised $5 billion in October",
        "Boltline Logistics wins $40M contract with US Postal Service",
    ],
)
def test_not_funding(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "funding_round") is None


@pytest.mark.parametrize(
    ("headline", "company", "person", "role"),
    [
        ("Orbital Payroll Appoints Dana Whitfield as Chief Marketing Officer", "Orbital Payroll",
         "Dana Whitfield", "Chief Marketing Officer"),
        ("Halcyon Security Names Marcus Lee Chief Revenue Officer", "Halcyon Security",
         "Marcus Lee", "Chief Revenue Officer"),
        ("Former Copperleaf exec Sam Okafor joins Quarry AI as CRO - SaaS Weekly", "Quarry AI",
         "Sam Okafor", "Chief Revenue Officer"),
        ("Former Salesforce exec Linda Park joins Zendesk as CRO", "Zendesk", "Linda Park",
         "Chief Revenue Officer"),
        ("Acme Announces Appointment of Jane Doe as Chief Marketing Officer", "Acme", "Jane Doe",
         "Chief Marketing Officer"),
        ("Stackwise hires Maria Gonzalez as VP Marketing", "Stackwise", "Maria Gonzalez",
         "VP of Marketing"),
        ("Coverly appoints Ben Adler head of sales", "Coverly", "Ben Adler", "Head of Sales"),
        ("Daniel Osei named CEO of Tessellate Bio", "Tessellate Bio", "Daniel Osei",
         "Chief Executive Officer"),
        ("Hannah Scott promoted to CMO at Trellis Commerce", "Trellis Commerce", "Hannah Scott",
         "Chief Marketing Officer"),
        ("Brian Foster leaves Oracle to join Nuvola Cloud as CRO", "Nuvola Cloud",
         "Brian Foster", "Chief Revenue Officer"),
        ("Vireo Networks names new CEO", "Vireo Networks", None, "Chief Executive Officer"),
        ("Pinecrest Therapeutics Appoints Dr. Alan Foster as Chief Executive Officer",
         "Pinecrest Therapeutics", "Alan Foster", "Chief Executive Officer"),
    ],
)  # fmt: skip
def test_executive_hires(detector, headline, company, person, role) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "executive_hire")
    assert s is not None, headline
    assert (s.company, s.person, s.role) == (company, person, role)


@pytest.mark.parametrize(
    "headline",
    [
        "Saltmarsh Labs CFO Retires After 12 Years",
        "Polaris Security CEO steps down after board dispute",
        "Jennifer Walsh joins Harborline board of directors",
        "Questline Names Robert Kim to Board of Directors",
        "Interview: Orbital Payroll's marketing chief on the hourly-worker market",
        "Q&A: Sentinel Ops CMO Ana Ruiz on building a brand",
        "Gartner CMO Survey: marketing budgets flat",
        "CMO Council names top 50 marketing leaders of 2026",
        "Acme Bio Partners With Leading CMO to Scale Biologics Production",
        "Pinecrest Therapeutics selects CMO for Phase 3 manufacturing",
        "Slack (NASDAQ:WORK) CFO Sells $19407875.75 in Stock",
        "Wildcard Sports hires 40 engineers in Dublin",
    ],
)
def test_not_hires(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "executive_hire") is None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("CMO", "Chief Marketing Officer"),
        ("CRO", "Chief Revenue Officer"),
        ("VP Marketing", "VP of Marketing"),
        ("VP, Sales", "VP of Sales"),
        ("head of sales", "Head of Sales"),
        ("Senior Vice President of Sales", "SVP of Sales"),
        ("EVP Marketing", "EVP of Marketing"),
        ("Vice President of Global Sales", "VP of Global Sales"),  # the scope as written
        ("marketing chief", "Chief Marketing Officer"),
        ("President and CEO", "President and Chief Executive Officer"),  # both titles, as written
        ("chief executive", "Chief Executive Officer"),
    ],
)
def test_role_normalisation(written: str, canonical: str) -> None:
    assert normalize_role(written) == canonical


@pytest.mark.parametrize(
    ("written", "key"),
    [("Series B", "series_b"), ("pre-seed", "pre_seed"), ("Series A-1", "series_a"),
     ("venture debt", "debt"), ("growth equity", "growth"), (None, None)],
)  # fmt: skip
def test_round_normalisation(written, key) -> None:  # type: ignore[no-untyped-def]
    assert normalize_round(written) == key


def test_store_companies_give_the_stored_spelling_and_key() -> None:
    companies = {"acme pay": "acme pay", "northwind analytics": "northwind analytics"}
    det = Detector(load_config(None), companies)
    s = only(det.detect("Berlin-Based Fintech Startup Acme Pay Raises €12M Seed"), "funding_round")
    assert s is not None and normalize_company(s.company) in companies


def test_company_index_finds_longest_names_in_words() -> None:
    index = CompanyScanner({"acme": "acme", "acme pay": "acme pay", "o reilly": "o reilly"})
    found = index.scan("Why Acme Pay and O'Reilly matter; acmes do not")
    assert [(m.text, m.key) for m in found] == [("Acme Pay", "acme pay"), ("O'Reilly", "o reilly")]


def test_keyword_rules_with_and_without_a_company_capture() -> None:
    cfg = parse_config(
        "rules:\n"
        "  - name: expansion\n    phrases: ['opens office in']\n"
        "  - name: acquisition\n"
        "    pattern: '(?P<company>[A-Z]\\w+(?: [A-Z]\\w+)?) (?:acquires|to acquire) '\n"
    )
    det = Detector(cfg, {})
    exp = det.detect("Tidewater Robotics opens office in London")
    assert [(s.type, s.rule, s.company) for s in exp] == [
        ("keyword", "expansion", "Tidewater Robotics")
    ]
    acq = det.detect("Exclusive: Zendesk acquires Klaus for $50 million")
    assert [(s.rule, s.company) for s in acq] == [("acquisition", "Zendesk")]


def test_several_regex_rules_are_screened_in_one_pass_with_the_same_hits() -> None:
    """The regex rules are screened by one RE2 set; each rule still finds what its own
    search finds, from where the summary stops repeating the headline."""
    cfg = parse_config(
        "rules:\n"
        "  - name: acquisition\n"
        "    pattern: '(?P<company>[A-Z]\\w+(?: [A-Z]\\w+)?) (?:acquires|to acquire) '\n"
        "  - name: layoffs\n    pattern: '\\b(?:lays off|cuts) \\d+ (?:jobs|staff)'\n"
        "  - name: office\n    pattern: '(?i)opens? (?:an? )?office'\n"
    )
    rules = compile_rules(cfg.rules)
    assert all(r.regexes is not None for r in rules)
    assert {r.slot for r in rules} == {0, 1, 2}
    text = "Zendesk acquires Klaus; Acme cuts 40 jobs"
    assert [h.rule for h in detect_keywords(text, rules)] == ["acquisition", "layoffs"]
    assert [h.rule for h in detect_keywords(text, rules, text.index(";"))] == ["layoffs"]
    assert detect_keywords("Acme opens an office in Lisbon", rules[:1]) == []
    assert [h.rule for h in detect_keywords("Acme Opens Office in Lisbon", rules)] == ["office"]
    for text in ("Zendesk acquires Klaus", "nothing here", "Beta to acquire Gamma; cuts 5 staff"):
        for since in range(len(text) + 1):
            plain = [r.name for r in rules if r.pattern.search(text, since)]
            assert [h.rule for h in detect_keywords(text, rules, since)] == plain


def test_summary_fills_in_what_the_headline_leaves_out(detector) -> None:  # type: ignore[no-untyped-def]
    signals = detector.detect(
        "Verdant Grid names new chief revenue officer",
        "DENVER, Nov. 17, 2026 /PRWire/ -- Verdant Grid today named Priya Raman its "
        "Chief Revenue Officer.",
    )
    s = only(signals, "executive_hire")
    assert s is not None and (s.company, s.person) == ("Verdant Grid", "Priya Raman")


def test_hostile_text_runs_in_linear_time(detector) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    alphabet = string.ascii_letters + " $€£.,:'-" + "AAAA"
    texts = [
        "".join(rng.choice(alphabet) for _ in range(100_000)),
        "A" * 100_000,
        "Acme raises " * 8_000,
        ("Jane Doe joins " + "Big " * 30) * 700,
        # the hire shapes (tests/test_detect_shapes.py)
        "Acme taps Jane Doe to lead " + "big sales " * 10_000,
        "Acme names Jane Doe VP of Operations and " + "Jane Doe and " * 10_000,
        "Acme today announced that " * 5_000 + "Jane Doe has joined as CFO",
        "Jane Doe is the new " * 5_000 + "CEO of Acme",
        "Investors pour $5M into " * 5_000,
        # the funding shapes (tests/test_detect_funding_shapes.py)
        "Acme raises pre-Series A funding " + "of the " * 10_000,
        "Acme extends Series B " + "with more " * 10_000,
        "Capital, Accel invest $5M in " * 5_000,
        "Acme secures $5M financing for " + "solar " * 10_000,
        "Acme raises $5M " + "from the state " * 5_000,
        "Acme's Acme's " * 5_000 + "$5M Series A",
        "Acme emerges from stealth with " * 5_000,
    ]
    for text in texts:
        start = time.process_time()
        detector.detect(text, text)
        assert time.process_time() - start < 0.5


def test_cli_jsonl_contract(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Former Copperleaf exec Sam Okafor joins Quarry AI as CRO - SaaS Weekly\n"
        "The best mechanical keyboards of 2026\n"
        "Brightloop raises $40M Series B\tled by Greyhound Ventures\n"
    )
    result = cli("detect", "-", "--format", "jsonl", input=text)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    keys = ["line", "signal", "company", "person", "role", "previous_company", "round", "amount",
            "currency", "evidence", "confidence"]  # fmt: skip
    assert all(list(r) == keys for r in records)
    assert [(r["line"], r["signal"], r["company"]) for r in records] == [
        (1, "executive_hire", "Quarry AI"),
        (3, "funding_round", "Brightloop"),
    ]
    assert records[1]["amount"] == 40e6 and records[1]["currency"] == "USD"


def test_detect_on_a_screen_says_the_signal_in_words_beside_its_evidence() -> None:
    import io

    from prospect.detect.run import DETECT_COLUMNS, DETECT_SCREEN, detect_lines
    from prospect.render import render_records
    from prospect.terminal import Terminal

    lines = ["Alan reaches $4.5B valuation with new $193M funding round"]
    records = list(detect_lines(lines, Detector(load_config(None), {})))
    assert records[0]["what"] == "raised $193M"
    term = Terminal(out=io.StringIO(), err=io.StringIO(), color=False, interactive=True, width=80)
    render_records(records, DETECT_COLUMNS, "table", term, screen=DETECT_SCREEN)
    shown = term.out.getvalue()
    assert "$193M" in shown and "raised" in shown and "valuation" in shown
    assert "evidence" not in term.err.getvalue()  # whatever is left out, not the evidence
    assert "funding_round" not in shown  # the type is said in words, not as a column


def test_cli_detect_over_a_feed_file(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Halcyon Security Names Marcus Lee Chief Revenue Officer</title>"
        "<guid>1</guid></item></channel></rss>",
        encoding="utf-8",
    )
    result = cli("detect", "--feed", str(feed), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["company"], record["person"]) == ("Halcyon Security", "Marcus Lee")


def test_cli_detect_missing_file_is_one_clear_line(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = cli("detect", str(tmp_path / "nope.txt"))
    assert result.exit_code != 0
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


# --- the fast paths give the same answers as the slow ones ----------------------

_VERBISH = st.sampled_from(
    [
        "raises", "raised", "has", "have", "been", "named", "to", "be", "joins", "rejoins",
        "picks", "up", "appoints", "announces", "the", "appointment", "of", "Acme", "$5M",
        "(raises", "raises,", "fundraises", "Raises", "lands", "at", "is", "will", "join",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_VERBISH, st.text(max_size=6)), max_size=25))
def test_find_verbs_matches_a_full_scan(words: list[str]) -> None:
    text = " ".join(words)
    folded = fold(text)
    for anchors, verb in (
        (funding.ANCHOR_WORDS, funding._VERB_FOLDED),
        (hires.ANCHOR_WORDS, hires._VERB_FOLDED),
    ):
        expected = [m.span() for m in verb.finditer(folded.low)]
        assert [m.span() for m in find_verbs(folded, anchors, verb)] == expected


@pytest.mark.parametrize(
    ("pattern", "text", "company"),
    [
        # Python's classes keep their Unicode meaning under RE2
        (r"(?P<company>[A-Z]\w+) (?:acquires|to acquire) ", "Ørsted acquires Vind", None),
        (r"(?P<company>\w+) acquires ", "Ångström acquires Vind", "Ångström"),
        (r"(?P<company>[\w&.-]+) acquires ", "Zoë&Co acquires Vind", "Zoë&Co"),
        (r"raises \d+ million\Z", "Tidewater raises ٣ million", "Tidewater"),
        (r"(?i)ÅNGSTRÖM ACQUIRES", "ångström acquires Vind", None),
    ],
)
def test_regex_rules_run_on_re2_with_pythons_unicode_classes(pattern, text, company) -> None:  # type: ignore[no-untyped-def]
    cfg = parse_config(f"rules:\n  - name: r\n    pattern: '{pattern}'\n")
    found = Detector(cfg, {}).detect(text)
    if pattern.startswith("(?P<company>[A-Z]"):
        assert found == []  # [A-Z] is ASCII in both engines: Ø is not in it
        return
    assert [s.rule for s in found] == ["r"]
    if company:
        assert found[0].company == company


def test_a_regex_rule_still_fires_when_its_filter_passes() -> None:
    cfg = parse_config("rules:\n  - name: move\n    pattern: 'relocates (?:its )?HQ to'\n")
    det = Detector(cfg, {})
    assert [s.rule for s in det.detect("Tidewater relocates its HQ to Austin")] == ["move"]
    assert det.detect("Tidewater relocates staff to Austin") == []


def test_store_company_ending_at_a_span_is_the_longest_known_one() -> None:
    index = CompanyScanner({"acme": "acme", "acme pay": "acme pay", "pay": "pay"})
    text = "Berlin fintech Acme Pay raises"
    end = text.index(" raises")
    found = index.ending_at(text, text.index("Pay"), end)
    assert found is not None and (found.text, found.key) == ("Acme Pay", "acme pay")
    assert index.ending_at(text, 0, text.index(" fintech")) is None


@pytest.mark.parametrize(
    ("head", "body", "since"),
    [
        ("Acme raises $5M", "Acme raises $5M - Daily News. The company said", 15),
        ("Acme raises $5M", "Acme raises $5M", 15),
        ("Acme names Jane Doe", "Acme names Jane Doe chief marketing officer", 0),
        ("Acme raises $5M", "Beta raises $5M. Acme raises $5M", 0),
    ],
)
def test_a_summary_is_read_from_where_it_stops_repeating_the_headline(head, body, since) -> None:  # type: ignore[no-untyped-def]
    assert repeats_head(head, body) == since


def test_a_summary_that_completes_a_cut_headline_is_still_read(detector) -> None:  # type: ignore[no-untyped-def]
    s = only(
        detector.detect("Acme names Jane Doe", "Acme names Jane Doe chief marketing officer"),
        "executive_hire",
    )
    assert s is not None and s.role == "Chief Marketing Officer"


def test_a_summary_repeating_the_headline_adds_the_round(detector) -> None:  # type: ignore[no-untyped-def]
    s = only(
        detector.detect(
            "Acme raises $5M",
            "Acme raises $5M - Daily News. Acme raises its $5M Series A to hire engineers.",
        ),
        "funding_round",
    )
    assert s is not None and (s.amount, s.round) == (5e6, "series_a")


@pytest.mark.parametrize(
    ("headline", "company", "round_", "amount"),
    [
        ("Norvale Therapeutics Announces Closing of $45 Million Series A Financing",
         "Norvale Therapeutics", "series_a", 45e6),
        ("Quarrylane announces the completion of its $12M seed financing", "Quarrylane", "seed",
         12e6),
        ("Tessellate raises $18M in fresh funding led by Foundry Capital Partners", "Tessellate",
         None, 18e6),
        ("Kiteline secures $9M from Redpoint Ventures' flagship fund", "Kiteline", None, 9e6),
        ("Series A: Fernwood lands $14M to digitise dental labs", "Fernwood", "series_a", 14e6),
        ("Mealkit startup Oatly Box scoops up $6M seed", "Oatly Box", "seed", 6e6),
    ],
)  # fmt: skip
def test_wire_and_labelled_funding(detector, headline, company, round_, amount) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "funding_round")
    assert s is not None, headline
    assert (s.company, s.round, s.amount) == (company, round_, amount)


@pytest.mark.parametrize(
    "headline",
    [
        "Balderton raises $600M for its second early-growth fund",
        "Northzone closes $1B across two funds for European founders",
        "Helio Batteries receives $12M National Science Foundation grant",
        "Cobalt Grid wins $4M in state grant funding for microgrids",
        "Foundry Capital Partners raises $250M fund to back seed startups",
        "Fintechs in Brazil raised $900 million in the first half",
    ],
)
def test_vc_funds_and_grants_are_not_funding_rounds(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "funding_round") is None


@pytest.mark.parametrize(
    "headline",
    [
        "Frontline Ventures raises $200M targeting B2B startups",
        "Greywater Capital lands $300M from LPs for its next chapter",
        "Junction raises $120M to invest in early-stage fintech companies",
        "Pinecrest Equity secures $700M to acquire lower mid-market software companies",
        "Alder VC raises $50M to back Series A founders in Latin America",
        # Investing in companies directly, a few modifiers at most: a fund whoever raises it.
        "Westmere raises $180M to invest in European climate companies",
        "Kinfolk raises $40M to invest in pre-seed and seed founders",
        # "and", "or", "&" and commas join modifiers without counting; a leading "the"
        # ("the best", "the next generation of") is still the companies themselves.
        "Index Ventures raises $2.3bn to invest in early and growth-stage tech companies",
        "General Catalyst raises $8B to back the next generation of startups",
        "Kindred Capital raises $100M to invest in pre-seed and seed stage companies",
        "Thornbury raises $180M to invest in pre-seed, seed and Series A startups",
        "Ashgrove raises $1B to invest in the most promising AI and robotics companies",
        "Brightmoor closes $400M to back European & Israeli software and fintech founders",
        "Larkhill raises $250M to back the best B2B founders in Europe",
    ],
)
def test_a_firm_raising_money_to_back_companies_is_a_fund(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "funding_round") is None


@pytest.mark.parametrize(
    ("headline", "company", "round_"),
    [
        # A round named right after the money is the raiser's own, whatever follows.
        ("Halcyon Ventures raises $8M seed to build AI tools for startups", "Halcyon Ventures",
         "seed"),
        ("Meridian Capital secures $45M Series B to lend to early-stage companies",
         "Meridian Capital", "series_b"),
        # Startups as customers, from a company that is no investor.
        ("Payloom raises $30M to build banking for startups", "Payloom", None),
        ("Founder-platform Gatherly raises $5M to help founders hire", "Gatherly", None),
        # Money invested in the raiser's own product for companies: a round, not a fund.
        ("Pilot raises $60M to invest in tools for small companies", "Pilot", None),
        ("Deel raises $50M to invest in payroll for global companies", "Deel", None),
        ("Corva raises $25M to back its expansion into payroll for startups", "Corva", None),
        ("Invoicing startup Birch Capital lands $14M to build tools for small companies",
         "Birch Capital", None),
        # Joined or long modifiers do not hide the preposition that makes them customers.
        ("Ramply raises $75M to invest in AI and automation for growing companies", "Ramply",
         None),
        ("Paystream raises $20M to invest in products, hiring and marketing for African companies",
         "Paystream", None),
        ("Stakewell raises $40M to invest in software for the next generation of founders",
         "Stakewell", None),
        ("Gridline raises $55M to invest in the platform and data behind energy companies",
         "Gridline", None),
    ],
)  # fmt: skip
def test_rounds_that_look_like_fund_raises(detector, headline, company, round_) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "funding_round")
    assert s is not None, headline
    assert (s.company, s.round) == (company, round_)


@pytest.mark.parametrize(
    ("headline", "company", "round_", "amount"),
    [
        ("Northbeam Partners leads $12M Series A in payments startup Tallyo", "Tallyo",
         "series_a", 12e6),
        ("Oakline Capital co-leads $40 million round for Quorra Health", "Quorra Health", None,
         40e6),
        ("Vantec invests $25 million in Brightloop's Series C", "Brightloop", "series_c", 25e6),
        ("Helix Motors invests in battery developer Anodyne Cells", "Anodyne Cells", None, None),
        ("Corvid makes strategic investment in Plexa", "Plexa", None, None),
        ("With $8M seed round, Ferrule starts hiring in Austin", "Ferrule", "seed", 8e6),
        ("After a $20 million Series B, Kestrel opens Berlin office", "Kestrel", "series_b", 20e6),
        ("Tallyo launches with $6M seed", "Tallyo", "seed", 6e6),
        ("Ardent Bio emerges from stealth with $30 million Series A", "Ardent Bio", "series_a",
         30e6),
        ("Quorra valued at $2 billion in latest funding round", "Quorra", None, None),
        ("Plexa hits $1B valuation with $90M Series C", "Plexa", "series_c", 90e6),
        ("Salesforce-backed Oleria is raising more cash", "Oleria", None, None),
        ("One-year-old Ribbon raises $225M for home buyers", "Ribbon", None, 225e6),
    ],
)  # fmt: skip
def test_rounds_told_without_a_funding_verb(detector, headline, company, round_, amount) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "funding_round")
    assert s is not None, headline
    assert (s.company, s.round, s.amount) == (company, round_, amount)
    assert s.evidence and s.evidence in headline


@pytest.mark.parametrize(
    "headline",
    [
        "Castellum Invests 1.2 Billion Kronor in New Premises for The Swedish Courts",
        "Helix Motors invests $2 billion in Texas",
        "Plexa leads the market in cloud storage",
        "Factory hits $1.5B valuation to build AI coding for enterprises",
        "Quorra reaches $3B valuation",
        "Senate backs Vance in presidential primary",
        "Jane Doe backs Acme",
        "With $5M in revenue, Kestrel turns a profit",
        "Tallyo launches with a new logo",
        "World's First AI Lawyer raises $5 million",
    ],
)
def test_look_alikes_of_rounds_told_without_a_funding_verb(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "funding_round") is None


@pytest.mark.parametrize(
    ("headline", "summary", "company"),
    [
        ("Euro Sun Closes Private Placement", "TORONTO -- Euro Sun Mining Inc. (\"Euro Sun\") is "
         "pleased to announce the closing of a $2 million private placement.", "Euro Sun"),
        ("ACME ROBOTICS RAISES $5M SERIES A", "AcMe Robotics has raised $5 million.",
         "AcMe Robotics"),
        ("Jane Doe joins DSE as CFO", "Jane Doe joined the Dhaka Stock Exchange (DSE) as CFO.",
         "Dhaka Stock Exchange"),
        ("Acme raises $5M", "Acme Board members said the round closed.", "Acme"),
        ("Acme raises $5M", "Acme Raises Its Guidance after the round.", "Acme"),
        ("Acme raises $5M", "Acme, a Seattle startup, raised $5 million.", "Acme"),
    ],
)  # fmt: skip
def test_a_company_the_headline_abbreviates_or_shouts_is_spelled_as_the_summary_does(  # type: ignore[no-untyped-def]
    detector, headline, summary, company
) -> None:
    found = [s for s in detector.detect(headline, summary) if s.type != "keyword"]
    assert [s.company for s in found] == [company]


@pytest.mark.parametrize(
    ("headline", "company", "person", "role", "previous"),
    [
        ("Norvik CEO Jane Roe to step down, be replaced by John Park", "Norvik", "John Park",
         "Chief Executive Officer", None),
        ("Tallyo's high profile CFO Roe to retire, replaced by finance veteran", "Tallyo", None,
         "Chief Financial Officer", None),
        ("Plexa CMO Jane Roe is leaving, succeeded by veteran exec Ana Ruiz", "Plexa", "Ana Ruiz",
         "Chief Marketing Officer", None),
        ("Meta's Plexa to be led by former Stripe executive Maria Lind", "Plexa", "Maria Lind",
         None, "Stripe"),
        ("Acme Promotes CTO Jane Doe To CEO", "Acme", "Jane Doe", "Chief Executive Officer",
         None),
        ("Departing Beta exec Dave Lin will become CEO at Jane Capital's Orbit Labs",
         "Orbit Labs", "Dave Lin", "Chief Executive Officer", "Beta"),
        ("ACME ROBOTICS NAMES JANE DOE CHIEF EXECUTIVE OFFICER", "Acme Robotics", "Jane Doe",
         "Chief Executive Officer", None),
        ("kestrel Appoints Jane Doe as Chief Financial Officer", "kestrel", "Jane Doe",
         "Chief Financial Officer", None),
        ("Acme names insider Jane Doe next CEO, trims forecast", "Acme", "Jane Doe",
         "Chief Executive Officer", None),
        ("Acme Signs Supply Deal, Outlines Plans and Names In-House CFO", "Acme", None,
         "Chief Financial Officer", None),
        ("Jane Doe joins Acme as CFO from rival Beta", "Acme", "Jane Doe",
         "Chief Financial Officer", "Beta"),
        ("Jane Doe set to join Acme as CFO", "Acme", "Jane Doe", "Chief Financial Officer", None),
    ],
)  # fmt: skip
def test_successions_and_harder_hires(detector, headline, company, person, role, previous) -> None:  # type: ignore[no-untyped-def]
    s = only(detector.detect(headline), "executive_hire")
    assert s is not None, headline
    assert (s.company, s.person, s.role, s.previous_company) == (company, person, role, previous)
    assert s.evidence and s.evidence in unshout(headline)


@pytest.mark.parametrize(
    "headline",
    [
        "Acme CEO Jane Doe to be replaced by AI, she jokes",
        "Acme Promotes CTO Jane Doe To Cofounder",
        "Beta Head Jane Doe Likely To Join Acme As Chief Business Officer",
        "Jane Doe tipped to be named CEO of Acme",
        "Opposition candidate concedes defeat to Jane Doe in presidential race",
        "Senator Jane Doe named chief of staff after the election",
        "Acme names CEO as insider trading probe widens",
    ],
)
def test_look_alikes_of_hires(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "executive_hire") is None


def test_a_title_the_executive_already_holds_is_not_the_new_one(detector) -> None:  # type: ignore[no-untyped-def]
    summary = "Acme has elevated Jane Doe, its Chief Technology Officer (CTO), to co-founder."
    assert only(detector.detect("Acme Promotes CTO Jane Doe To Cofounder", summary),
                "executive_hire") is None  # fmt: skip
    summary = "Acme has appointed Jane Doe, its VP of Finance, as Chief Financial Officer."
    s = only(detector.detect("Acme Names New CFO", summary), "executive_hire")
    assert s is not None and (s.person, s.role) == ("Jane Doe", "Chief Financial Officer")


@pytest.mark.parametrize(
    ("headline", "company", "person", "role"),
    [
        ("Jane Doe joins Larkspur Corp as Chief Revenue Officer", "Larkspur", "Jane Doe",
         "Chief Revenue Officer"),
        ("Jane Doe joins Larkspur, Inc. as CFO", "Larkspur", "Jane Doe",
         "Chief Financial Officer"),
        ("Jane Doe to lead Larkspur as CEO", "Larkspur", "Jane Doe", "Chief Executive Officer"),
        ("Jane Doe will lead Larkspur Ltd. as chief executive", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Larkspur onboards Jane Doe as CFO", "Larkspur", "Jane Doe", "Chief Financial Officer"),
        ("Larkspur bolsters leadership with Jane Doe as COO", "Larkspur", "Jane Doe",
         "Chief Operating Officer"),
        ("Jane Doe named Larkspur CMO", "Larkspur", "Jane Doe", "Chief Marketing Officer"),
        ("Larkspur Board of Directors Names Jane Doe CEO", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Jane Doe takes over as CEO of Larkspur", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Larkspur's board names Jane Doe CEO", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Jane Doe joins Larkspur in CFO role", "Larkspur", "Jane Doe",
         "Chief Financial Officer"),
        ("Jane Doe steps into CEO role at Larkspur", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Jane Doe to succeed John Roe as CEO of Larkspur", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Jane Doe succeeds John Roe as Larkspur CEO", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
        ("Jane Doe becomes Larkspur Corp CEO", "Larkspur", "Jane Doe",
         "Chief Executive Officer"),
    ],
)  # fmt: skip
def test_general_shapes_of_announcements(detector, headline, company, person, role) -> None:  # type: ignore[no-untyped-def]
    """The grammar of an announcement, not one outlet's phrasing: a legal form after the
    hiring company, "to lead" / "will lead", "onboards", "bolsters leadership with"."""
    s = only(detector.detect(headline), "executive_hire")
    assert s is not None, headline
    assert (s.company, s.person, s.role) == (company, person, role)


@pytest.mark.parametrize(
    "headline",
    [
        "Jane Doe to lead Larkspur sales team",
        "Jane Doe to lead the charge at Larkspur",
        "Jane Doe will lead Larkspur board as chair",
        "Board appoints Jane Doe as CEO",
        "Jane Doe steps down as CEO of Larkspur",
        "Larkspur succeeds in the Ohio market",
        "Larkspur's board names Jane Doe chair",
    ],
)
def test_leading_without_a_title_is_not_a_hire(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "executive_hire") is None


@pytest.mark.parametrize(
    ("headline", "company", "round_", "amount"),
    [
        ("Sequoia leads Larkspur's $12M Series A", "Larkspur", "series_a", 12_000_000),
        ("Sequoia backs Larkspur in $12M Series A", "Larkspur", "series_a", 12_000_000),
        ("Sequoia invests in Larkspur's $12M seed round", "Larkspur", "seed", 12_000_000),
        ("Larkspur pockets $12M Series A", "Larkspur", "series_a", 12_000_000),
        ("Larkspur mops up $12M in seed funding", "Larkspur", "seed", 12_000_000),
        ("Larkspur, Inc. Secures $12 Million Series A Financing", "Larkspur", "series_a",
         12_000_000),
        ("Oak Capital Leads $10M Series A Investment in Larkspur", "Larkspur", "series_a",
         10_000_000),
        ("Oak Ventures Completes Series A Round in Larkspur Robotics", "Larkspur Robotics",
         "series_a", None),
        ("Oak Capital raises $5M seed round in Singapore", "Oak Capital", "seed", 5_000_000),
        ("loomly raises $6M seed round to build scheduling tools", "loomly", "seed",
         6_000_000),
        ("$12M Series A for Larkspur", "Larkspur", "series_a", 12_000_000),
        ("€5M seed round for fintech startup Larkspur", "Larkspur", "seed", 5_000_000),
    ],
)  # fmt: skip
def test_general_shapes_of_rounds(detector, headline, company, round_, amount) -> None:  # type: ignore[no-untyped-def]
    """An investee that owns the round ("leads Acme's Series A"), more verbs, and a legal
    form set off by a comma before the verb."""
    s = only(detector.detect(headline), "funding_round")
    assert s is not None, headline
    assert (s.company, s.round, s.amount) == (company, round_, amount)


@pytest.mark.parametrize(
    "headline",
    [
        "Jane Doe leads Larkspur's sales team into Europe",
        "Senate backs Larkspur in vote on the bridge",
        "Larkspur pockets $12M from the sale of its Ohio plant",
        "Larkspur, Inc. secures $12M contract with the Army",
        "they raise $5M seed round for the school",
        "$1B funding for Ukraine",
        "$2M funding for schools in Ohio",
        "$40M contract for Larkspur",
        "everyone raises $1M seed round at the gala",
    ],
)
def test_look_alikes_of_the_general_round_shapes(detector, headline) -> None:  # type: ignore[no-untyped-def]
    assert only(detector.detect(headline), "funding_round") is None


@pytest.mark.parametrize(
    ("summary", "round_"),
    [
        ("Oak Fund has led the $6 million Series A for the startup.", "series_a"),
        ("Oak, which led the company's seed round in 2017, led the latest round. The Series C "
         "round values it at $1B.", "series_c"),
        ("Its previous Series A round closed last year; the new Series B round was led by Oak.",
         "series_b"),
    ],
)  # fmt: skip
def test_the_summary_names_the_round_the_headline_left_out(detector, summary, round_) -> None:  # type: ignore[no-untyped-def]
    """The round written with the headline's amount, else the first one not told as past."""
    s = only(detector.detect("Larkspur raises $6M to build travel apparel", summary),
             "funding_round")  # fmt: skip
    assert s is not None and s.round == round_
