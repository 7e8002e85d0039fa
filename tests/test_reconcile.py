"""Reconciling an export with the stored contacts, without a database: which
rows are new, which changed, and which jobs changed and how."""

from __future__ import annotations

import pytest

from prospect.importers.reconcile import JobChange, classify_change, job_changed, reconcile
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
    ],
)
def test_kinds_of_change(old, new, kind):
    assert classify_change(JobChange(1, "Ada Byron", *old, *new)) == kind


def test_a_source_changing_its_word_is_a_change_a_second_source_only_fills_blanks():
    stored = [Contact("Ada Byron", email="ada@x.example", company="Acme", company_norm="acme",
                      name_norm="ada byron", title="VP of Sales", sources=["linkedin"], id=1)]
    before = {1: said("Acme", "VP of Sales")}
    moved = [Contact("Ada Byron", email="ada@x.example", company="Globex", title="CRO")]
    crm = reconcile(stored, {}, moved, "csv")
    assert (crm.added, crm.changes) == ([], [])
    assert [(c.company, c.sources) for c in crm.updated] == [("Acme", ["linkedin", "csv"])]
    linkedin = reconcile(stored, before, moved, "linkedin")
    assert [(c.company, c.title) for c in linkedin.changes] == [("Globex", "CRO")]
    assert [(c.company, c.company_norm) for c in linkedin.updated] == [("Globex", "globex")]
    assert reconcile(stored, before, moved + moved, "linkedin").duplicates == 1
