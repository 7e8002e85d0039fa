"""Hire headlines in the shapes wires and newsrooms use that the detector used to drop.

"Verily Says Appointed Deepak Ahuja As CFO" is a development-part headline (a press-release
list kept by AnirudhSingal/FinApp_Public, tests/eval/real-dev-batch5.tsv); the others are
written for the test in the shapes of real headlines.
"""

from __future__ import annotations

import pytest

from prospect.detect import Detector


def _hires(detector: Detector, head: str) -> list[tuple]:
    return [
        (s.company, s.person, s.role) for s in detector.detect(head) if s.type == "executive_hire"
    ]


@pytest.mark.parametrize(
    "head",
    [
        "Verily Says Appointed Deepak Ahuja As CFO",  # the "it" dropped
        "Verily says it has appointed Deepak Ahuja as chief financial officer",
    ],
)
def test_a_company_telling_its_own_hire(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == [("Verily", "Deepak Ahuja", "Chief Financial Officer")]


@pytest.mark.parametrize(
    "head",
    [
        "Acme CEO says hiring will slow next year",
        "Jane Doe says she was named CEO of Acme after a long search",
        "Analyst says Acme should name new CEO",
        "Acme says it will name a new CEO soon",
        "Trump says appointed Jane Doe as ambassador",
    ],
)
def test_quotes_stay_out(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


def test_a_board_without_a_possessive(detector: Detector) -> None:
    head = "Acme board appoints Jane Doe chief executive"
    assert _hires(detector, head) == [("Acme", "Jane Doe", "Chief Executive Officer")]


def test_a_division_is_its_owner_s(detector: Detector) -> None:
    head = "Jane Doe Named President of Acme's Consumer Division"
    assert _hires(detector, head) == [("Acme", "Jane Doe", "President")]


def test_an_owned_brand_is_its_own_company(detector: Detector) -> None:
    head = "Jane Doe named CEO of Jeff Bezos' Blue Origin"
    assert _hires(detector, head) == [("Blue Origin", "Jane Doe", "Chief Executive Officer")]


def test_taking_the_helm_names_no_title(detector: Detector) -> None:
    assert _hires(detector, "Jane Doe takes helm at Acme") == [("Acme", "Jane Doe", None)]


def test_a_succession_plan_is_no_person(detector: Detector) -> None:
    people = [s.person for s in detector.detect("Acme Announces CEO Succession Plan")]
    assert "Succession Plan" not in people


def test_a_function_to_lead_is_no_company(detector: Detector) -> None:
    head = "Acme Taps Former Oracle Executive Jane Doe to Lead Sales"
    assert _hires(detector, head) == [("Acme", "Jane Doe", "Head of Sales")]


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("Acme names Jane Doe head of its India business", "Head of India Business"),
        ("Acme appoints Jane Doe as head of its wealth management business",
         "Head of Wealth Management Business"),
    ],
)  # fmt: skip
def test_head_of_its_unit(detector: Detector, head: str, role: str) -> None:
    assert _hires(detector, head) == [("Acme", "Jane Doe", role)]


@pytest.mark.parametrize(
    "head",
    [
        "Acme CFO Jane Doe named CEO",
        "Acme's CFO Jane Doe to take over as CEO",
        "Acme CFO Jane Doe to take over as CEO",
    ],
)
def test_a_promotion_from_a_title_at_the_same_company(detector: Detector, head: str) -> None:
    signals = [s for s in detector.detect(head) if s.type == "executive_hire"]
    assert [(s.company, s.person, s.role, s.previous_company) for s in signals] == [
        ("Acme", "Jane Doe", "Chief Executive Officer", None)
    ]


def test_a_former_title_is_no_promotion(detector: Detector) -> None:
    assert _hires(detector, "Former Google CFO Jane Doe named CEO") == []


@pytest.mark.parametrize(
    "head",
    [
        "Jane Doe to replace John Roe as Acme CEO",
        "Jane Doe replaces John Roe as CEO of Acme",
    ],
)
def test_a_successor_replacing(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == [("Acme", "Jane Doe", "Chief Executive Officer")]


@pytest.mark.parametrize(
    "head",
    [
        "Acme replaces John Roe as CEO",  # by whom is not said
        "Acme to replace CEO after poor results",
        "Robots to replace workers as Acme automates",
    ],
)
def test_a_replacement_with_no_successor(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


def _hires_told(detector: Detector, head: str, summary: str) -> list[tuple]:
    return [
        (s.company, s.person, s.role)
        for s in detector.detect(head, summary)
        if s.type == "executive_hire"
    ]


@pytest.mark.parametrize(
    "summary",
    [
        "Acme appointed Jane Doe, previously head of its Asia unit, as chief executive.",
        "Acme appointed Jane Doe, formerly its CFO, as chief executive.",
    ],
)
def test_a_past_title_set_off_by_commas(detector: Detector, summary: str) -> None:
    got = _hires_told(detector, "Acme appoints new CEO", summary)
    assert got == [("Acme", "Jane Doe", "Chief Executive Officer")]


def test_a_past_title_before_the_new_one_in_a_long_clause(detector: Detector) -> None:
    # a development-part item (Reuters-21578 via loki86/ksr_zadanie1V2, real-dev-batch3.tsv)
    got = _hires_told(
        detector,
        "HUTTON <EFH> NAMES PERAS SENIOR VP",
        "E.F. Hutton said it named Steven Peras, formerly vice president in charge of all "
        "spot trading for Irving Bank's <V> Irving Trust Co, senior vice president for "
        "worldwide foreign exchange trading.",
    )
    assert [(person, role) for _, person, role in got] == [
        ("Steven Peras", "SVP of Worldwide Foreign Exchange Trading")
    ]


def test_said_on_a_day_that_it_appointed(detector: Detector) -> None:
    got = _hires_told(
        detector,
        "Acme Names New CFO",
        "Acme Inc. said on Tuesday it had appointed Jane Doe as its chief financial officer.",
    )
    assert got == [("Acme", "Jane Doe", "Chief Financial Officer")]


def test_a_description_between_the_company_and_its_announcement(detector: Detector) -> None:
    got = _hires_told(
        detector,
        "Acme Strengthens Executive Team",
        "SAN FRANCISCO--(BUSINESS WIRE)--Acme, the leader in cloud security, today announced "
        "the appointment of Jane Doe as Chief Revenue Officer.",
    )
    assert got == [("Acme", "Jane Doe", "Chief Revenue Officer")]


@pytest.mark.parametrize(
    ("head", "summary", "want"),
    [
        (
            "Acme Appoints Chief Financial Officer",
            "TORONTO, Jan. 5, 2026 (GLOBE NEWSWIRE) -- Acme Mining Corp. (TSX: ACM) is pleased "
            "to announce the appointment of Jane Doe as Chief Financial Officer of the Company.",
            ("Acme", "Jane Doe", "Chief Financial Officer"),
        ),
        (
            "Acme Bolsters Board and Management",
            'Acme Resources Ltd. ("Acme" or the "Company") is pleased to announce the '
            "appointment of Jane Doe as Vice President, Exploration.",
            ("Acme Resources", "Jane Doe", "VP of Exploration"),
        ),
        (
            "Acme Announces Leadership Transition",
            "BOSTON, March 3, 2026 /PRNewswire/ -- Acme, Inc. (NYSE: ACME) today announced that "
            "its Board of Directors has appointed Jane Doe as President and Chief Executive "
            "Officer, effective April 1, 2026.",
            ("Acme", "Jane Doe", "President and Chief Executive Officer"),
        ),
    ],
)
def test_the_wires_own_words(detector: Detector, head: str, summary: str, want: tuple) -> None:
    assert _hires_told(detector, head, summary) == [want]


def test_we_is_no_company(detector: Detector) -> None:
    signals = detector.detect("We are pleased to announce the appointment of Jane Doe as CFO")
    assert [s.company for s in signals if s.type == "executive_hire"] == []


def test_a_board_approving_an_appointment(detector: Detector) -> None:
    head = "Acme board approves appointment of Jane Doe as CFO"
    assert _hires(detector, head) == [("Acme", "Jane Doe", "Chief Financial Officer")]


@pytest.mark.parametrize(
    "head",
    [
        "SEBI approves appointment of Jane Doe as CEO of Acme",  # a regulator approves
        "Acme board approves appointment of statutory auditors",
    ],
)
def test_approvals_that_are_no_hire_of_the_approver(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


@pytest.mark.parametrize(
    "head",
    [
        "Jane Doe moves on from Beta to join Acme as COO",
        "Jane Doe steps down at Beta, joins Acme as COO",
    ],
)
def test_leaving_one_company_to_join_another(detector: Detector, head: str) -> None:
    signals = [s for s in detector.detect(head) if s.type == "executive_hire"]
    assert [(s.company, s.person, s.previous_company) for s in signals] == [
        ("Acme", "Jane Doe", "Beta")
    ]


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # a unit of the company between "as" and the title is no part of her name
        ("Swiggy appoints Nandita Sinha as Instamart CEO", ("Swiggy", "Nandita Sinha")),
        ("Acme appoints Jane Doe as Group CFO", ("Acme", "Jane Doe")),
        ("Nandita Sinha to helm Instamart", ("Instamart", "Nandita Sinha")),
        ("Jane Doe will helm Acme as chief executive", ("Acme", "Jane Doe")),
    ],
)
def test_a_unit_s_title_and_helm(detector: Detector, head: str, want: tuple) -> None:
    assert [h[:2] for h in _hires(detector, head)] == [want]


def test_a_board_seat_after_as_is_no_unit(detector: Detector) -> None:
    # "Non-Executive" is not a unit's name before "Director": it stays a board seat, no hire
    assert _hires(detector, "Acme appoints Jane Doe as Non-Executive Director") == []


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # development-part shapes (tests/eval/real-dev-hires.tsv, real-dev-batch4.tsv), some
        # written for the test
        ("Tune Therapeutics gets CEO", ("Tune Therapeutics", None, "Chief Executive Officer")),
        ("Acme Gets New CFO", ("Acme", None, "Chief Financial Officer")),
        (
            "Emami names Ajith Babu Narasimha new healthcare CEO",
            ("Emami", "Ajith Babu Narasimha", "Chief Executive Officer"),
        ),
        (
            "Akhil Puri joins KKR Capstone in Asia as India Director",
            ("KKR Capstone", "Akhil Puri", "India Director"),
        ),
        ("Jane Doe joins Acme in London as CFO", ("Acme", "Jane Doe", "Chief Financial Officer")),
        (
            "Cushman & Wakefield appoints Praveen Singla as national head for debt financing",
            ("Cushman & Wakefield", "Praveen Singla", "National Head for Debt Financing"),
        ),
    ],
)
def test_gets_a_title_a_unit_after_new_a_place_before_as(
    detector: Detector, head: str, want: tuple
) -> None:
    assert _hires(detector, head) == [want]


@pytest.mark.parametrize(
    "head",
    [
        "Acme gets CEO nod for expansion",
        "Acme gets president's approval for the merger",
        "Jane Doe heads for the exit at Acme",
    ],
)
def test_gets_and_head_for_look_alikes(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


@pytest.mark.parametrize(
    ("head", "want"),
    [
        # development-part headlines (tests/eval/real-dev-funding.tsv, real-dev-batch4.tsv,
        # real-dev.tsv, real-dev-batch5.tsv); the rest written for the test
        (
            "Ryan Breslow is back as CEO of fintech Bolt, after years of controversy",
            ("Bolt", "Ryan Breslow", "Chief Executive Officer"),
        ),
        ("Jane Doe returning to Acme as CFO", ("Acme", "Jane Doe", "Chief Financial Officer")),
        (
            "Practo Leadership Reshuffle: Jagnoor Singh Elevated To CEO, Shashank ND Becomes "
            "Chairman",
            ("Practo", "Jagnoor Singh", "Chief Executive Officer"),
        ),
        (
            "Paytm Top-Level Rejig: Jane Doe Elevated To CEO",
            ("Paytm", "Jane Doe", "Chief Executive Officer"),
        ),
        (
            "Clear Street Expands UK Leadership Team with Key Senior Hires",
            ("Clear Street", None, None),
        ),
        ("AutoZone Announces Senior Vice President Promotions", ("AutoZone", None, "SVP")),
        ("Acme Announces Executive Appointments", ("Acme", None, None)),
    ],
)
def test_back_returning_a_reshuffle_and_team_news(
    detector: Detector, head: str, want: tuple
) -> None:
    assert _hires(detector, head) == [want]


@pytest.mark.parametrize(
    "head",
    [
        "Acme is back as market leader",
        "Acme Announces Board Appointments",
        "Acme announces holiday promotions",
        "Acme Top-Level Executive Jane Doe Quits",
    ],
)
def test_team_news_look_alikes(detector: Detector, head: str) -> None:
    assert _hires(detector, head) == []


def test_two_people_two_titles_in_turn(detector: Detector) -> None:
    # a development-part headline (Inc42, tests/eval/real-dev-batch4.tsv)
    head = "OTPless elevates co-founders Satyam Nathani and Tanmay Sagar as CEO and COO"
    assert _hires(detector, head) == [
        ("OTPless", "Satyam Nathani", "Chief Executive Officer"),
        ("OTPless", "Tanmay Sagar", "Chief Operating Officer"),
    ]
    # one person's two titles stay one hire
    assert _hires(detector, "Acme names Jane Doe President and CEO") == [
        ("Acme", "Jane Doe", "President and Chief Executive Officer")
    ]
