"""Shapes read off the development part's remaining hire misses (tests/eval/real-dev*.tsv,
`bench/eval_real.py --part dev --show-misses`); a look-alike written for the test says so.
"""

from __future__ import annotations


def test_a_department_director_after_as_or_to(read) -> None:
    head = "NMFTA Names Ben Wilkens as Cybersecurity Director"
    assert read(head)[0][:4] == ("executive_hire", "NMFTA", "Ben Wilkens", "Cybersecurity Director")
    head = "Cumulus Promotes Mike Sheffield to Program Director"
    assert read(head)[0][2:4] == ("Mike Sheffield", "Program Director")
    # written for the test: a board seat stays out, and so does a lowercase verb after "to"
    assert read("Acme Names Jane Doe as Independent Director") == []
    assert read("Acme Appoints Jane Doe as a Director") == []
    assert read("Acme asks shareholders to replace director") == []


def test_a_chief_of_a_department(read) -> None:
    head = "X-energy Appoints Dragan Popovic as Chief of Global Operations - Business Wire"
    assert read(head)[0][:4] == (
        "executive_hire",
        "X-energy",
        "Dragan Popovic",
        "Chief of Global Operations",
    )
    head = "Acme Appoints Jane Doe as Chief of Staff"  # written for the test: as before
    assert read(head)[0][3] == "Chief of Staff"


def test_the_successor_of_an_executive_leaving(read) -> None:
    head = "Rover CEO Aaron Easterly stepping down after leading pet-sitting giant since 2011"
    summary = (
        "After 14 years building Rover from a Seattle hackathon idea into a pet care empire, "
        "Aaron Easterly is stepping down as CEO and passing the baton to longtime exec Brent "
        "Turner, effective July 1."
    )
    assert read(head, summary)[0][:4] == (
        "executive_hire",
        "Rover",
        "Brent Turner",
        "Chief Executive Officer",
    )
    head = "Sonos CEO Patrick Spence is leaving following bungled app update"
    summary = (
        "Speaker manufacturer Sonos is seeing some significant changes. Patrick Spence, the "
        "company’s chief executive officer (pictured above), is leaving the company after eight "
        "years in the job. Tom Conrad, the co-founder of Pandora and a Sonos board member, is "
        "stepping in as interim CEO starting today."
    )
    assert read(head, summary)[0][1:4] == ("Sonos", "Tom Conrad", "Interim Chief Executive Officer")
    head = "Billionaire founder of Luminar replaced as CEO following ethics inquiry"
    summary = (
        "Luminar’s board announced Wednesday — the same day of its first-quarter earnings "
        "report — it had replaced Russell and appointed Paul Ricci to the role."
    )
    assert read(head, summary)[0][1:3] == ("Luminar", "Paul Ricci")
    head = "Warren Buffett will step down as Berkshire Hathaway CEO"
    summary = (
        "Legendary investor Warren Buffett announced today that he will ask the Berkshire "
        "Hathaway board to have Greg Abel replace him as CEO at the end of 2025."
    )
    assert read(head, summary)[0][1:3] == ("Berkshire Hathaway", "Greg Abel")
    head = "Indeed CEO Chris Hyams resigns, hands over reins to former chief Hisayuki Idekoba"
    assert read(head)[0][1:3] == ("Indeed", "Hisayuki Idekoba")
    # written for the test: a departure with no successor named is no hire
    assert read("Acme CEO Jane Doe steps down", "Jane Doe is leaving after ten years.") == []


def test_public_bodies_do_not_hire_for_a_rep(read) -> None:
    assert read("Healey-Driscoll Administration Appoints Phillip Eng as MBTA General Manager") == []
    assert read("US Central Command hires new chief data officer") == []
    assert read("ECB appoints Isabel Vansteenkiste as Counsellor to President Lagarde") == []
    head = "Ruslan Oliynyk appointed First Deputy Head of Kyiv Regional State Administration"
    assert read(head) == []


def test_a_reported_round_is_done_a_round_being_raised_is_not(read) -> None:
    head = "OpenAI reportedly raises $8.3B at $300B valuation"
    assert read(head)[0][:2] == ("funding_round", "OpenAI")
    head = "Insurance startup Corgi reportedly raised more money at $4B — its third round"
    assert read(head)[0][:2] == ("funding_round", "Corgi")
    assert read("Agility Robotics reportedly raising $400M for humanoid warehouse robots") == []


def test_an_amount_with_both_code_and_symbol_and_no_float_noise(read) -> None:
    head = "Wultra raises EUR €6.8m in Series A led by Seventure"
    assert read(head)[0][:6] == ("funding_round", "Wultra", None, None, "series_a", 6_800_000.0)
    # 8.3 * 1e9 is 8300000000.000001 in floating point: the amount is written to the cent
    assert read("OpenAI reportedly raises $8.3B at $300B valuation")[0][5] == 8_300_000_000
    assert str(read("Acme raises $8.3B")[0][5]) == "8300000000.0"


def test_up_to_an_amount_and_a_rumour_in_another_clause(read) -> None:
    head = "Luminar secures up to $200M following CEO departure and layoffs"
    assert read(head)[0][:2] == ("funding_round", "Luminar")
    assert read(head)[0][5] == 200_000_000
    head = (
        "Fleet management software provider Motive raises $150M led by Kleiner Perkins; the "
        "company reportedly could go public by the end of 2025 (Anthony Hughes/Bloomberg)"
    )
    summary = "Motive, which makes fleet management software, has raised $150 million."
    assert read(head, summary)[0][:2] == ("funding_round", "Motive")
    # a placement the wire announces is judged as a placement, "to raise" or not
    head = (
        "GeoMegA Resources Inc. to Raise Up to $15 Million Through a Best-Efforts Private Placement"
    )
    assert read(head)[0][:2] == ("funding_round", "GeoMegA Resources")
    # written for the test: a rumour in the raise's own clause still keeps it out
    assert read("Acme reportedly could raise up to $200M") == []


def test_tech_moves_items_with_no_name(read) -> None:
    head = "Tech Moves: F5 taps new CISO; Auger gets a chief AI scientist, WRF CEO retiring"
    assert ("executive_hire", "Auger", None, "Chief AI Scientist") in [s[:4] for s in read(head)]
    head = "Tech Moves: Google leaders join Seattle startup MotherDuck; Humanly adds a VP; and more"
    found = read(head)
    assert found[0][:2] == ("executive_hire", "MotherDuck")
    assert found[0][6] == "Google"  # where the leaders came from
    assert ("executive_hire", "Humanly", None, "VP") in [s[:4] for s in found]


def test_an_insider_promoted_by_present_post(read) -> None:
    head = "Faraday Future founder named co-CEO three years after being sidelined by internal probe"
    assert read(head)[0][:4] == (
        "executive_hire",
        "Faraday Future",
        None,
        "Co-Chief Executive Officer",
    )
    # written for the test: a former post's company is not the one that promotes
    assert read("Former Acme CFO named CEO") == []
