"""Shapes read off tests/eval/real-dev-batch13.tsv (the GeekWire feed of May-August 2025, as
rumca-js/RSS-Link-Database-2025 keeps it), each summary as GeekWire wrote it; its "Tech Moves"
column puts several hires in one headline, set off by semicolons. A look-alike written for the
test says so.
"""

from __future__ import annotations

import pytest

from prospect.detect import Detector


def _hires(detector: Detector, head: str, summary: str = "") -> list[tuple]:
    return [
        (s.company, s.person, s.role, s.previous_company)
        for s in detector.detect(head, summary)
        if s.type == "executive_hire"
    ]


def test_each_item_of_a_tech_moves_headline(detector: Detector) -> None:
    head = "Tech Moves: Typeface hires first CMO; Microsoft adds CVP; WellSaid names new CEO"
    summary = (
        "Benjamin Dorr is the new CEO at Seattle-area AI voice technology startup WellSaid "
        "Labs. Dorr joined the company last year as CFO. He replaces Brian Cook, who was CEO "
        "since January 2024."
    )
    assert _hires(detector, head, summary) == [
        ("Typeface", None, "Chief Marketing Officer", None),
        ("Microsoft", None, "Corporate Vice President", None),  # a bare title ends the item
        ("WellSaid", "Benjamin Dorr", "Chief Executive Officer", None),
    ]


def test_hires_announced_as_a_group(detector: Detector) -> None:
    head = (
        "Tech Moves: Microsoft privacy chief departing; TerraPower adds execs; CoreAI names "
        "president"
    )
    assert [h[:3] for h in _hires(detector, head)] == [
        ("CoreAI", None, "President"),
        ("TerraPower", None, None),
    ]
    head = (
        "Tech Moves: Dating giants add Seattle tech vets to boards; SeekOut and Slalom name "
        "new leaders"
    )
    assert [h[0] for h in _hires(detector, head)] == ["SeekOut", "Slalom"]
    # development-part headlines of the same column (tests/eval/real-dev.tsv, -batch4.tsv)
    head = "Tech Moves: Seattle tech vet joins new AI startup; Rippl, Tasso, Lexion add execs"
    assert [h[0] for h in _hires(detector, head)] == ["Rippl", "Tasso", "Lexion"]
    head = "Tech Moves: Starbucks names CFO; Avanade bolsters C-suite; Tune Therapeutics gets CEO"
    assert [h[0] for h in _hires(detector, head)] == ["Starbucks", "Tune Therapeutics", "Avanade"]


@pytest.mark.parametrize(
    "head",
    [
        "Acme adds execs to board",  # seats, written for the test
        "Investors push Acme to name new leaders",
        "Acme's new CFO talks strategy",  # an interview, not an item of a list
    ],
)
def test_group_look_alikes(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


def test_an_item_that_is_only_a_company_s_new_title(detector: Detector) -> None:
    head = "Tech Moves: USAFacts president stepping down; Starbucks’ new COO; WSOS names leader"
    found = _hires(detector, head)
    assert ("Starbucks", None, "Chief Operating Officer", None) in found
    assert ("WSOS", None, None, None) in found  # "names leader": no title said


def test_the_summary_says_as_what_a_titled_vet_joined(detector: Detector) -> None:
    head = (
        "Tech Moves: Microsoft vet joins Tola Capital; Amperity names CPO; Edelman exec joins "
        "Boeing"
    )
    summary = (
        "Vahé Torossian has joined Seattle-based firm Tola Capital as a venture partner. "
        "Torossian was at Microsoft for more than three decades, resigning from the tech giant "
        "in 2023 as corporate vice president of worldwide business applications."
    )
    found = _hires(detector, head, summary)
    assert found[0] == ("Tola Capital", "Vahé Torossian", "Venture Partner", "Microsoft")
    # the summary's person is Tola Capital's, not the other items'
    assert ("Amperity", None, "Chief Product Officer", None) in found


def test_is_joining(detector: Detector) -> None:
    head = "Mark D’Arcy is joining Microsoft as a corporate vice president"
    assert _hires(detector, head) == [
        ("Microsoft", "Mark D’Arcy", "Corporate Vice President", None)
    ]


def test_revealed_this_week_that_it_raised(detector: Detector) -> None:
    head = "Seattle startup backed by former Google CEO lands $16M to automate repetitive tasks"
    summary = (
        "Vercept revealed this week that it raised a $16 million seed round in January from "
        "venture capital firms and prominent tech leaders."
    )
    rounds = [
        (s.company, s.round, s.amount)
        for s in detector.detect(head, summary)
        if s.type == "funding_round"
    ]
    assert rounds == [("Vercept", "seed", 16e6)]


def test_a_deal_s_summary_money_is_background(detector: Detector) -> None:
    head = "Freight company DAT acquires Seattle fintech startup Outgo"
    summary = (
        "DAT Freight & Analytics, a Beaverton, Ore.-based freight company, announced the "
        "acquisition of Outgo, a Seattle startup that sells banking services to freight "
        "carriers. Terms of the deal were not disclosed. Outgo raised more than $19 million "
        "since launching in 2022."
    )
    assert [s.type for s in detector.detect(head, summary) if s.type == "funding_round"] == []
    # written for the test: a total to date is no round, a round the headline names still is
    assert [
        s.type for s in detector.detect("Acme launches app", "Acme has raised $40M to date.")
    ] == []
    found = detector.detect("Acme raises $20M Series B to acquire Beta")
    assert [(s.type, s.company) for s in found] == [("funding_round", "Acme"), ("keyword", None)]


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # tests/eval/real-dev-batch14.tsv and real-dev-batch15.tsv (GeekWire, 2025)
        ("Tech Moves: Amazon AI VP departs for CoreWeave; F5 adds tech exec", ["CoreWeave", "F5"]),
        (
            "Tech Moves: iSpot and MoxiWorks name new executives; F5 and Trupanion make board "
            "changes",
            ["iSpot", "MoxiWorks"],
        ),
        (
            "Tech Moves: T-Mobile names chief accounting officer; Plug and Play picks leaders",
            ["T-Mobile", "Plug and Play"],
        ),
        ("Former Carbon CEO joins Stacklok", ["Stacklok"]),
        ("Ring CEO lands at AllTrails", ["AllTrails"]),
    ],
)
def test_more_items_of_the_column(detector: Detector, head: str, want: list[str]) -> None:
    assert [h[0] for h in _hires(detector, head)] == want


def test_is_now_its_title(detector: Detector) -> None:
    head = "Tech Moves: Ring CEO lands at AllTrails; former AWS CEO joins KKR as advisor"
    summary = "Elizabeth “Liz” Hamren is now CEO of AllTrails, a company that connects people."
    assert _hires(detector, head, summary) == [
        ("AllTrails", "Elizabeth Hamren", "Chief Executive Officer", "Ring")
    ]
    # a founder's profile is no hire
    found = _hires(
        detector,
        "Tech Vets: ex-Army officer’s startup draws on military and gaming experience",
        "Jonathan Pan served in Afghanistan and is now co-founder and CEO of Exia Labs.",
    )
    assert found == []


def test_rejoins_in_a_new_role(detector: Detector) -> None:
    head = "Ring founder Jamie Siminoff rejoins Amazon in new VP role"
    assert _hires(detector, head)[0][:3] == ("Amazon", "Jamie Siminoff", "VP")


def test_a_list_s_summary_person_is_only_its_company_s(detector: Detector) -> None:
    head = (
        "Tech Moves: Ex-Starbucks CTO retires; Microsoft vet joins Oracle Cloud; Amazon "
        "hardware leader departs"
    )
    summary = (
        "Deb Hall Lefevre, the longtime tech exec who was most recently CTO at Starbucks, "
        "announced her retirement in a LinkedIn post."
    )
    assert _hires(detector, head, summary) == [("Oracle Cloud", None, None, "Microsoft")]


def test_a_secondary_sale_is_no_round(detector: Detector) -> None:
    head = "Seattle startup Temporal hits $2.5B valuation after $105M secondary round"
    summary = "Temporal closed a $105 million secondary transaction led by GIC."
    assert [s for s in detector.detect(head, summary) if s.type == "funding_round"] == []


def test_a_headline_opening_on_video_is_no_story_label(detector: Detector) -> None:
    head = "Video messaging startup Emovid raises nearly $7M to upend workplace communication"
    summary = "Emovid raised nearly $7 million in seed funding, the company announced Wednesday."
    rounds = [(s.company, s.round) for s in detector.detect(head, summary)]
    assert rounds == [("Emovid", "seed")]
    # written for the test: a label is still a story, whose summary's money is background
    assert detector.detect("Video: how Acme grew", "Acme raised a $5M seed round in 2019.") == []


def test_a_place_based_opener_described_before_its_verb(detector: Detector) -> None:
    head = "Satellite communication company Kymeta names new CEO as it ramps up defense operations"
    summary = (
        "Redmond, Wash.-based Kymeta, a mobile satellite communications company, today "
        "announced Manny Mora as its new president and CEO, effective immediately."
    )
    assert _hires(detector, head, summary) == [
        ("Kymeta", "Manny Mora", "President and Chief Executive Officer", None)
    ]


def test_two_unnamed_hires_of_two_companies_are_two(detector: Detector) -> None:
    head = (
        "Tech Moves: Microsoft vet joins Tola Capital; Amperity names CPO; Edelman exec joins "
        "Boeing"
    )
    assert [h[0] for h in _hires(detector, head)] == ["Tola Capital", "Amperity", "Boeing"]


@pytest.mark.parametrize(
    ("head", "summary", "want"),
    [
        # tests/eval/real-dev-batch15.tsv, -batch14.tsv, -batch13.tsv: the headline describes the
        # company, the summary names it
        (
            "Landline-inspired phone startup raises $3.5M; investor calls it one of the most "
            "‘viral businesses’ he’s seen",
            "Tin Can has struck a chord — with parents, kids, and now venture capitalists.",
            ("Tin Can", 3.5e6),
        ),
        (
            "Marketers are ‘freaking out’ about AI search. This Seattle startup just raised $2M "
            "to help.",
            "Seattle startup vets Todd Sawicki and Patrick O’Donnell are teaming up to solve a "
            "critical challenge for marketers. Their startup, Gumshoe, just closed a $2 million "
            "pre-seed funding round.",
            ("Gumshoe", 2e6),
        ),
        (
            "Childhood friends turn a coffee shop meeting into a Seattle legal tech startup that "
            "just raised $60M",
            "Supio’s startup journey started in a Starbucks with a simple premise.",
            ("Supio", 60e6),
        ),
    ],
)
def test_a_described_raiser_named_by_the_summary(
    detector: Detector, head: str, summary: str, want: tuple
) -> None:
    found = [
        (s.company, s.amount) for s in detector.detect(head, summary) if s.type == "funding_round"
    ]
    assert found == [want]


@pytest.mark.parametrize(
    "summary",
    [
        "Jane Doe has been named CEO of the company.",  # written for the test: a person
        "Jane Doe is a founder who spent a decade at Amazon.",
        "Karen Huh spent two decades launching consumer products.",
    ],
)
def test_a_person_opening_the_summary_is_no_raiser(detector: Detector, summary: str) -> None:
    assert detector.detect("Seattle startup raises $5M to help food brands", summary) == []


def test_a_dash_is_no_dateline_without_one(detector: Detector) -> None:
    from prospect.detect.text import lead

    assert lead("Tin Can has struck a chord — with parents.").startswith("Tin Can")
    assert lead("REDMOND, Wash. — Microsoft on Friday unveiled").startswith("Microsoft")
    assert lead("Seattle -- Acme today raised $5M").startswith("Acme")


def test_the_summary_tells_the_round_and_the_exact_amount(detector: Detector) -> None:
    def one(head: str, summary: str) -> tuple:
        (s,) = [s for s in detector.detect(head, summary) if s.type == "funding_round"]
        return s.company, s.round, s.amount

    head = "Detecting deepfakes: Seattle startup Loti lands $16M to offer digital protection"
    summary = "The company on Tuesday announced a $16.2 million Series A round led by Khosla."
    assert one(head, summary) == ("Loti", "series_a", 16.2e6)
    head = "AI for greenhouses: Seattle startup IUNU raises $20M for tech that monitors plants"
    summary = "IUNU raised $20 million in new funding. The Series B extension was led by S2G."
    assert one(head, summary) == ("IUNU", "series_b", 20e6)
    # a round the new one follows is not it
    head = "Chainguard lands $280M to help scale cybersecurity startup’s protections"
    summary = "The new funding comes just six months after a Series D round pulled in $356 million."
    assert one(head, summary) == ("Chainguard", None, 280e6)


def test_a_short_name_in_brackets_is_no_aim_ticker(detector: Detector) -> None:
    head = "AIM raises $50M to retrofit bulldozers and excavators to operate autonomously"
    summary = (
        "AIM Intelligent Machines (AIM), a Seattle-area startup that retrofits heavy "
        "earthmoving machinery, raised $50 million in new funding."
    )
    found = [(s.company, s.amount) for s in detector.detect(head, summary)]
    assert found == [("AIM Intelligent Machines", 50e6)]
    # written for the test: London's market with its ticker is still furniture
    from prospect.detect.text import lead

    assert lead("Acme plc (AIM: ACME), a miner, raised $5 million.").startswith("Acme plc, a miner")


def test_a_titled_subject_s_company_hires(detector: Detector) -> None:
    head = (
        "Microsoft CEO Satya Nadella shakes up his own job, taps veteran exec as CEO of "
        "commercial business"
    )
    assert [h[0] for h in _hires(detector, head)] == ["Microsoft"]


def test_the_summary_tells_a_list_s_first_item(detector: Detector) -> None:
    head = (
        "Tech Moves: Convoy co-founder lands new trucking gig; Shipium names CTO; Graham & "
        "Walker grows"
    )
    summary = (
        "Grant Goodale is jumping back into trucking. The Convoy co-founder announced Tuesday "
        "that he is now chief product and technology officer at Ryder, a Florida-based "
        "logistics giant."
    )
    assert [h[0] for h in _hires(detector, head, summary)] == ["Ryder", "Shipium"]
    # a summary about another company than the items' is not a first item when one is told
    head = "Tech Moves: Acme names CFO; Beta adds VP"
    summary = "Jane Doe is now chief revenue officer at Gamma, a startup."
    assert [h[0] for h in _hires(detector, head, summary)] == ["Acme", "Beta"]


@pytest.mark.parametrize(
    ("head", "summary", "want"),
    [
        # development-part headlines (GeekWire, tests/eval/real-dev.tsv, -batch4.tsv)
        (
            "Amazon vets raise cash for Griptape, a Seattle startup that helps companies build "
            "AI apps",
            "",
            ("Griptape", None),
        ),
        (
            "Spokane startup that gives labs a green seal of approval raises $5M",
            "Impact Laboratories, a startup verifying the environmental bona fides of some 3,800 "
            "labs worldwide, announced nearly $5 million in funding.",
            ("Impact Laboratories", 5e6),
        ),
    ],
)
def test_raising_for_a_named_startup(
    detector: Detector, head: str, summary: str, want: tuple
) -> None:
    found = [
        (s.company, s.amount) for s in detector.detect(head, summary) if s.type == "funding_round"
    ]
    assert found == [want]


def test_raising_for_a_founder_is_no_round(detector: Detector) -> None:
    assert detector.detect("Fans raise money for Jane Doe, a local startup founder") == []
