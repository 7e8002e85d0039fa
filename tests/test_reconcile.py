"""Reconciling an export with the stored contacts, without a database: which
rows are new, which changed, and which jobs changed and how."""

from __future__ import annotations

import dataclasses

import pytest

from prospect.importers.reconcile import (
    JobChange,
    _copy,
    change_date,
    classify_change,
    job_changed,
    reconcile,
)
from prospect.models import Contact


def said(company: str | None, title: str | None) -> Contact:
    return Contact(full_name="Ada Byron", company=company, title=title, id=1)


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        (("Acme Inc", "VP of Sales"), ("ACME, Inc.", "VP Sales"), False),  # re-spelt
        ((None, None), ("Acme", "VP of Sales"), False),  # a blank filled
        (("Acme", "VP of Sales"), ("Globex", "VP of Sales"), True),
        (("Acme", "VP of Sales"), ("Acme", "CRO"), True),
        (("Acme", "VP of Sales"), ("", ""), True),  # listed with no position: left
        (("", ""), ("Globex", None), True),  # back at work after leaving
        ((None, None), ("", ""), False),
        # renames and parents are one company (companies.BUILTIN_ALIASES)
        (("Facebook Inc.", "Product Manager"), ("Meta", "Product Manager"), False),
        (("Facebook", "Engineer"), ("Meta Platforms, Inc.", "Engineer"), False),
        (("Alphabet Inc.", "Software Engineer"), ("Google LLC", "Software Engineer"), False),
        (("Square Inc.", "Designer"), ("Block", "Designer"), False),
        (("Twitter", "Data Scientist"), ("X Corp.", "Data Scientist"), False),
        (("Amazon", "Solutions Architect"), ("AWS", "Solutions Architect"), False),
        (("GlobalWebIndex", "Analyst"), ("GWI", "Analyst"), False),
        (("Solarisbank", "Engineer"), ("Solaris", "Engineer"), False),
        # re-spellings: web-style, legal and descriptor names
        (("Gong", "Account Executive"), ("Gong.io", "Account Executive"), False),
        (("Salesforce", "AE"), ("salesforce.com", "Account Executive"), False),
        (("Notion", "Engineer"), ("Notion Labs", "Engineer"), False),
        (("100ms", "Engineer"), ("100ms.live", "Engineer"), False),
        (("Coco", "Engineer"), ("Coco Robotics", "Engineer"), False),
        (("Stealth", "Founder"), ("Stealth Startup", "Founder"), False),
        # re-wordings of one title
        (("Acme", "Dir. of Marketing"), ("Acme", "Director of Marketing"), False),
        (("Acme", "Founder & CEO"), ("Acme", "CEO & Founder"), False),
        (("Acme", "Co-Founder"), ("Acme", "Cofounder"), False),
        (("Acme", "Software Engineer II"), ("Acme", "Software Engineer 2"), False),
        (("Acme", "SDR"), ("Acme", "Sales Development Representative"), False),
        (("Acme", "Manager, Engineering"), ("Acme", "Engineering Manager"), False),
        (("Acme", "Sr. Product Manager"), ("Acme", "Senior Product Manager"), False),
        # real changes stay changes, the collisions included
        (("Box", "Engineer"), ("Dropbox", "Engineer"), True),
        (("Apple", "Engineer"), ("Apple Bank", "Engineer"), True),
        (("Notion", "Engineer"), ("Notion Capital", "Engineer"), True),
        (("Linear", "Engineer"), ("Linear Technology", "Engineer"), True),
        (("Ramp", "Engineer"), ("Ramp Network", "Engineer"), True),
        (("Figure", "Loan Officer"), ("Figure AI", "Loan Officer"), True),
        (("Stealth Startup", "Founder"), ("Acme", "Founder"), True),
        (("Acme", "Software Engineer II"), ("Acme", "Software Engineer III"), True),
    ],
)
def test_only_a_different_company_or_title_is_a_job_change(before, after, changed):
    assert job_changed(said(*before), *after) is changed


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        (("Acme", "VP of Sales"), ("Globex", "VP of Sales"), "new_company"),
        (("Acme", "VP of Sales"), ("Acme", "SVP, Sales"), "promotion"),
        (("Acme", "VP of Sales"), ("Acme", "Head of Partnerships"), "role_change"),
        (("Acme", "VP of Sales"), (None, None), "departure"),
        (("Acme", "VP of Sales"), (None, "CRO"), "new_company"),  # company not given
        (("Facebook", "Director of Sales"), ("Meta", "VP of Sales"), "promotion"),
        (("Acme", "Recruiter"), ("Acme", "HR Business Partner"), "role_change"),
        (("Acme", "Executive Assistant"), ("Acme", "Assistant to the CEO"), "role_change"),
        (("Acme", "Manager"), ("Acme", "Chief of Staff"), "promotion"),
    ],
)
def test_kinds_of_change(old, new, kind):
    assert classify_change(JobChange(1, "Ada Byron", *old, *new)) == kind


def test_a_source_changing_its_word_is_a_change_a_second_source_only_fills_blanks():
    stored = [
        Contact(
            "Ada Byron",
            email="ada@x.example",
            company="Acme",
            company_norm="acme",
            name_norm="ada byron",
            title="VP of Sales",
            sources=["linkedin"],
            id=1,
        )
    ]
    before = {1: said("Acme", "VP of Sales")}
    moved = [Contact("Ada Byron", email="ada@x.example", company="Globex", title="CRO")]
    crm = reconcile(stored, {}, moved, "csv")
    assert (crm.added, crm.changes) == ([], [])
    assert [(c.company, c.sources) for c in crm.updated] == [("Acme", ["linkedin", "csv"])]
    linkedin = reconcile(stored, before, moved, "linkedin")
    assert [(c.company, c.title) for c in linkedin.changes] == [("Globex", "CRO")]
    assert [(c.company, c.company_norm) for c in linkedin.updated] == [("Globex", "globex")]
    assert reconcile(stored, before, moved + moved, "linkedin").duplicates == 1


@pytest.mark.parametrize(
    ("previous", "current", "stated", "expected"),
    [
        # both export dates stated: the midpoint between them
        ("2026-03-01", "2026-03-31", True, "2026-03-16T00:00:00+00:00"),
        # a guessed date is a lower bound: the newer export's date
        ("2026-03-01", "2026-03-31", False, "2026-03-31T00:00:00+00:00"),
        (None, "2026-03-31", False, "2026-03-31T00:00:00+00:00"),
        # nothing known, or no time passed between the two: the import's own time
        (None, None, False, "2026-04-02T09:00:00+00:00"),
        ("2026-03-31", "2026-03-31", False, "2026-04-02T09:00:00+00:00"),
        # never after the import
        ("2026-03-01", "2026-05-01", True, "2026-03-17T04:30:00+00:00"),
    ],
)
def test_a_job_change_is_dated_between_the_two_exports(previous, current, stated, expected):
    assert change_date(previous, current, "2026-04-02T09:00:00+00:00", stated) == expected


def test_a_contact_is_copied_as_dataclasses_replace_copies_it():
    """`_copy` names every field of `Contact`: one added later must be copied too."""
    values = {f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(Contact))}
    values["sources"] = ["linkedin"]
    contact = Contact(**values)
    copied = _copy(contact)
    assert copied == dataclasses.replace(contact) and copied is not contact
    assert copied.sources is contact.sources
