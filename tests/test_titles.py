"""Titles: seniority, grades within a level, and the target-role check."""

from __future__ import annotations

import pytest

from prospect.titles import is_target_role, role_key, seniority, title_rank


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Chief Marketing Officer", True),
        ("CMO", True),
        ("SVP, Sales", True),
        ("Vice President Marketing", True),
        ("Head of Sales EMEA", True),
        ("Marketing Manager", False),
        ("Senior Account Executive", False),
        ("", False),
        (None, False),
    ],
)
def test_target_roles(title, expected):
    targets = ["Chief Marketing Officer", "VP of Sales", "VP of Marketing", "Head of Sales"]
    assert is_target_role(title, targets) is expected


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Chief Executive Officer", 8),
        ("Co-Founder", 8),
        ("Vice President, Sales", 7),
        ("Head of Growth", 6),
        ("Director of IT", 5),
        ("Operations Manager", 4),
        ("Principal Engineer", 3),
        ("Software Engineer", 2),
        ("Marketing Intern", 1),
        ("", 0),
        # a title that mentions a role is not that role
        ("Assistant to the CEO", 2),
        ("Executive Assistant to the Founder", 2),
        ("Chief of Staff", 5),
        ("Chief of Staff to the CEO", 5),
        ("HR Business Partner", 2),
        ("Talent Acquisition Partner", 2),
        ("Managing Partner", 8),
        ("Partner", 8),
        ("Product Owner", 2),
        ("Former CMO", 0),
        ("ex-CEO", 0),
    ],
)
def test_seniority(title, level):
    assert seniority(title) == level


@pytest.mark.parametrize(
    ("junior", "senior"),
    [
        ("Assistant Vice President, Sales", "VP of Sales"),
        ("VP of Sales", "SVP, Sales"),
        ("Senior Vice President of Sales", "EVP Sales"),
        ("Marketing Manager", "Senior Marketing Manager"),
        ("Director of IT", "Sr. Director of IT"),
        ("Software Engineer", "Senior Software Engineer"),
        ("Senior Software Engineer", "Principal Engineer"),
        ("Senior Director of Sales", "VP of Sales"),
        ("Associate Director of Marketing", "Director of Marketing"),
        ("Assistant Manager", "Manager"),
        ("Jr. Account Executive", "Account Executive"),
        ("Deputy CEO", "CEO"),
        ("Associate Director", "Senior Associate Director"),
    ],
)
def test_title_rank_orders_grades_within_a_level(junior, senior):
    assert title_rank(junior) < title_rank(senior)
    assert seniority(junior) <= seniority(senior)


@pytest.mark.parametrize("title", ["Associate", "Assistant to the CEO", "Executive Assistant"])
def test_a_grade_word_alone_is_a_title_not_a_grade(title):
    assert title_rank(title)[1] == 0


@pytest.mark.parametrize(
    "title",
    ["Account Manager", "Senior Customer Success Manager", "Key Account Manager",
     "Territory Manager", "Partner Manager", "Channel Partner Manager"],
)  # fmt: skip
def test_an_individual_contributor_manager_has_no_people_manager_level(title):
    assert seniority(title) == seniority("Account Executive")
    assert title_rank(title) <= title_rank("Senior Account Executive")
    assert seniority("Sales Manager") == 4  # a people manager still is one


def test_a_grade_below_still_fits_the_target_role():
    assert is_target_role("Associate Director of Sales", ["Director of Sales"])
    assert is_target_role("Deputy Head of Revenue", ["Head of Revenue"])


def test_a_vp_grade_still_fits_the_vp_target_role():
    # the grade is for promotions and introducers; fit is about the function
    assert role_key("SVP, Sales") == role_key("EVP of Sales") == role_key("VP Sales") == "vp sales"
    assert is_target_role("Senior Vice President, Marketing", ["VP of Marketing"])


TARGETS = [
    "Chief Marketing Officer", "Chief Revenue Officer", "Chief Executive Officer", "VP of Sales",
    "VP of Marketing", "Head of Sales", "Head of Marketing", "Head of Growth",
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "fits"),
    [
        # a whole role of the title, never a substring of it
        ("Assistant to the CEO", False),
        ("Executive Assistant to the CMO", False),
        ("Former CMO", False),
        ("ex-CEO", False),
        ("Chief of Staff to the CEO", False),
        ("Chief of Staff", False),
        ("Founder & CEO", True),
        ("CEO & Founder", True),
        ("President and CEO", True),
        ("VP, Sales & Marketing", True),
        ("Sales & Marketing VP", True),
        ("Head of Growth Marketing", True),
        ("Senior Marketing Manager", False),
        ("Director of Sales", False),
        ("Chief Operating Officer", False),
        ("Marketing Intern", False),
    ],
)
def test_target_role_is_a_whole_title_match(title, fits):
    assert is_target_role(title, TARGETS) is fits


@pytest.mark.parametrize(
    ("old", "new", "promotion"),
    [
        ("Dir. of Marketing", "Director of Marketing", False),
        ("Recruiter", "HR Business Partner", False),
        ("Recruiter", "Talent Acquisition Partner", False),
        ("Software Engineer II", "Software Engineer 2", False),
        ("Software Engineer II", "Software Engineer III", True),
        ("Executive Assistant", "Assistant to the CEO", False),
        ("Marketing Manager", "Chief of Staff", True),
        ("Chief of Staff to the CEO", "Chief Executive Officer", True),
        ("Director of Sales", "VP of Sales", True),
        ("Intern", "Software Engineer", True),
    ],
)
def test_promotions_come_from_the_level_and_grade(old, new, promotion):
    assert (title_rank(new) > title_rank(old)) is promotion
