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

