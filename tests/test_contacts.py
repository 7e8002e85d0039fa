"""Saving imports: one transaction, idempotent, merged across sources, and
job changes detected only when a source contradicts its own earlier export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prospect.errors import InputError
from prospect.importers import import_contacts, import_parsed
from prospect.importers.linkedin import parse_linkedin
from prospect.importers.vcard import parse_vcard
from prospect.models import Contact
from prospect.store import write
from prospect.store.contacts import contacts_at, ensure_companies, iter_contacts

FIX = Path(__file__).parent / "fixtures" / "contacts"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def export(tmp_path: Path, name: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text(
        'Notes:\n"When exporting your connection data..."\n\n' + HEADER + "".join(rows),
        encoding="utf-8",
    )
    return path


def row(slug: str, first: str, last: str, company: str, title: str) -> str:
    return f'{first},{last},https://www.linkedin.com/in/{slug},,"{company}","{title}",30 May 2024\n'


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


def signals(db) -> list[dict]:
    return list(db.query("SELECT * FROM signals WHERE type = 'job_change' ORDER BY id"))


def load(db, path: Path, source: str = "linkedin", as_of: str | None = None):
    return import_parsed(db, parse_linkedin(path), source, as_of=as_of)


def test_first_import_adds_everyone_and_normalises_companies(db, tmp_path):
    path = export(
        tmp_path,
        "a.csv",
        row("ada", "Ada", "Byron", "The Analytical Engine Co., Inc.", "Analyst"),
        ",,,,,,02 Jun 2022\n",
    )
    summary = load(db, path)
    assert (summary.added, summary.updated, summary.unchanged, summary.skipped) == (1, 0, 0, 1)
    (contact,) = iter_contacts(db)
    assert contact.company == "The Analytical Engine Co., Inc."  # the spelling is kept
    assert contact.company_norm == "analytical engine"
    assert contact.sources == ["linkedin"]


def test_reimporting_the_same_file_changes_nothing(db):
    first = import_parsed(db, parse_linkedin(FIX / "linkedin-2024.csv"), "linkedin")
    before = dump(db)
    again = import_parsed(db, parse_linkedin(FIX / "linkedin-2024.csv"), "linkedin")
    assert (first.added, again.added, again.updated, again.unchanged) == (6, 0, 0, 6)
    assert again.job_changes == 0
    assert dump(db) == before


@pytest.mark.parametrize(
    ("old", "new", "change", "company", "old_company"),
    [
        (("Fernhill Bank", "Director of Marketing"), ("Brightloop", "VP of Marketing"),
         "new_company", "Brightloop", "Fernhill Bank"),
        (("Kestrel Health", "Sales Manager"), ("Kestrel Health", "Head of Sales"),
         "promotion", "Kestrel Health", "Kestrel Health"),
        (("Copperleaf", "Head of Sales"), ("", ""), "departure", "Copperleaf", "Copperleaf"),
    ],
    ids=["new_company", "promotion", "departure"],
)  # fmt: skip
def test_job_changes(db, tmp_path, old, new, change, company, old_company):
    load(db, export(tmp_path, "old.csv", row("zoe", "Zoe", "Adams", *old)))
    summary = load(db, export(tmp_path, "new.csv", row("zoe", "Zoe", "Adams", *new)))
    assert (summary.updated, summary.job_changes) == (1, 1)
    (sig,) = signals(db)
    assert sig["change"] == change
    assert sig["company"] == company
    assert sig["old_company"] == old_company
    assert sig["old_title"] == old[1]
    assert sig["role"] == (new[1] or None)
    assert sig["person"] == "Zoe Adams"
    assert sig["contact_id"] == next(iter_contacts(db)).id
    assert sig["published_at"] and old[1] in sig["evidence"]
    (contact,) = iter_contacts(db)
    assert contact.company == (new[0] or None)
    # ... and importing the newer export again records nothing more
    again = load(db, export(tmp_path, "new2.csv", row("zoe", "Zoe", "Adams", *new)))
    assert (again.updated, again.unchanged, again.job_changes) == (0, 1, 0)
    assert len(signals(db)) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("Fernhill Bank", "VP of Marketing"), ("Fernhill bank", "vp of marketing")),
        (("Acme, Inc.", "VP, Sales & Marketing"), ("ACME Inc", "VP Sales and Marketing")),
        (("Solenne S.A.", "Country Manager"), ("Solenne SA", "Country manager")),
    ],
)
def test_a_change_of_case_or_punctuation_is_not_a_job_change(db, tmp_path, old, new):
    load(db, export(tmp_path, "old.csv", row("ola", "Ola", "Nord", *old)))
    summary = load(db, export(tmp_path, "new.csv", row("ola", "Ola", "Nord", *new)))
    assert summary.job_changes == 0
    assert signals(db) == []
    (contact,) = iter_contacts(db)
    assert contact.company == new[0]  # the newer spelling is shown


def test_exports_without_urls_still_see_a_job_change(db):
    load(db, FIX / "linkedin-2019-crlf.csv")
    summary = load(db, FIX / "linkedin-2021-no-url.csv")
    assert (summary.added, summary.job_changes) == (0, 2)
    changes = {s["person"]: s["change"] for s in signals(db)}
    # Marcus: Sales Manager -> Sales Director at Tidewater; Grace: VP -> CMO at Fernhill
    assert changes == {"Marcus Hale": "promotion", "Grace Okoro": "promotion"}


def test_the_same_person_from_two_sources_is_one_contact(db):
    load(db, FIX / "linkedin-excel-bom.csv")
    vcard = import_parsed(db, parse_vcard(FIX / "contacts-v3.vcf"), "vcard")
    assert (vcard.added, vcard.updated) == (1, 1)  # Grace merged by URL, Renée is new
    grace = [c for c in iter_contacts(db) if c.full_name == "Grace Okoro"]
    assert len(grace) == 1
    assert grace[0].sources == ["linkedin", "vcard"]
    assert grace[0].email == "grace.okoro@fernhill.example"  # a blank filled
    sources = {
        r["source"]
        for r in db.query("SELECT source FROM contact_sources WHERE contact_id=?", [grace[0].id])
    }
    assert sources == {"linkedin", "vcard"}


def test_a_second_source_never_flips_the_job_back_and_forth(db, tmp_path):
    """A stale CRM export disagrees with LinkedIn: no job change, and importing
    either file again changes nothing."""
    linkedin = export(tmp_path, "li.csv", row("ines", "Ines", "Duarte", "Quarry AI", "CRO"))
    crm = tmp_path / "crm.csv"
    crm.write_text(
        "Name,Email,Company,Title,LinkedIn URL\n"
        "Ines Duarte,ines@old.example,Old Corp,Sales Rep,https://linkedin.com/in/ines/\n"
    )
    from prospect.importers.csvfile import parse_csv

    load(db, linkedin)
    merged = import_parsed(db, parse_csv(crm), "hubspot")
    assert (merged.added, merged.updated, merged.job_changes) == (0, 1, 0)
    before = dump(db)
    assert load(db, linkedin).unchanged == 1
    assert import_parsed(db, parse_csv(crm), "hubspot").unchanged == 1
    assert dump(db) == before
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.title) == ("Quarry AI", "CRO")
    assert contact.sources == ["linkedin", "hubspot"]


def test_keys_profile_url_then_email_then_name_and_company(db):
    people = [
        Contact(full_name="Ada Byron", profile_url="https://www.linkedin.com/in/ada"),
        Contact(full_name="Cara Dunn", email="cara@x.example", company="X"),
        Contact(full_name="Eli Ford", company="Foo, Inc."),
    ]
    import_contacts(db, people, "csv")
    same = [
        Contact(full_name="Ada B.", profile_url="http://linkedin.com/in/ada/?trk=x"),
        Contact(full_name="Cara Dunn", email="CARA@X.EXAMPLE", company="Y"),
        Contact(full_name="eli ford", company="FOO LLC"),
    ]
    summary = import_contacts(db, same, "vcard")
    assert summary.added == 0
    assert len(list(iter_contacts(db))) == 3


def test_a_person_twice_in_one_file_counts_once(db, tmp_path):
    path = export(
        tmp_path,
        "dup.csv",
        row("ada", "Ada", "Byron", "Engines", "Analyst"),
        row("ada", "Ada", "Byron", "Looms", "Weaver"),
    )
    summary = load(db, path)
    assert (summary.added, summary.skipped) == (1, 1)
    again = load(db, path)
    assert (again.unchanged, again.job_changes) == (1, 0)


def test_strict_failure_at_line_500_leaves_the_store_as_it_was(db, tmp_path):
    load(db, FIX / "linkedin-2024.csv")
    before = dump(db)
    rows = [row(f"p{n}", f"P{n}", "Test", "Acme", "Analyst") for n in range(600)]
    rows[495] = "Bad,Row,https://www.linkedin.com/in/bad,,Acme,Analyst,not a date\n"
    path = export(tmp_path, "big.csv", *rows)
    with pytest.raises(InputError) as info:
        import_parsed(db, parse_linkedin(path, strict=True), "linkedin")
    assert str(info.value).startswith(f"{path}:500: cannot read the date")
    assert dump(db) == before


def test_a_failure_while_saving_rolls_the_whole_import_back(db):
    load(db, FIX / "linkedin-2024.csv")
    before = dump(db)

    def contacts():
        for n in range(1000):
            if n == 500:
                raise InputError("disk pulled out half way")
            yield Contact(full_name=f"Person {n}", company="Acme")

    with pytest.raises(InputError):
        import_contacts(db, contacts(), "csv")
    assert dump(db) == before


def test_who_uses_normalised_names_and_aliases(db, config, tmp_path):
    with write(db):
        ensure_companies(db, config.aliases)
    load(
        db,
        export(
            tmp_path,
            "a.csv",
            row("ada", "Ada", "Byron", "Meta Platforms, Inc.", "Head of Sales"),
            row("cara", "Cara", "Dunn", "Facebook", "Engineer"),
            row("eli", "Eli", "Ford", "Google", "Recruiter"),
        ),
    )
    names = lambda company: [c.full_name for c in contacts_at(db, company)]  # noqa: E731
    assert names("Facebook") == ["Ada Byron", "Cara Dunn"]
    assert names("meta platforms") == ["Ada Byron", "Cara Dunn"]
    assert names("The Meta Platforms Inc.") == ["Ada Byron", "Cara Dunn"]
    assert names("Alphabet") == ["Eli Ford"]
    assert names("Nobody Corp") == []


def test_who_uses_the_rules_file_aliases_even_before_they_are_stored(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("ada", "Ada", "Byron", "Meta Platforms, Inc.", "CRO")))
    aliases = {"Meta Platforms": ["Meta", "Facebook"]}
    assert [c.full_name for c in contacts_at(db, "Facebook", aliases)] == ["Ada Byron"]


def test_sources_are_a_json_list(db):
    import_contacts(db, [Contact(full_name="Ada Byron", email="ada@x.example")], "csv")
    import_contacts(db, [Contact(full_name="Ada Byron", email="ada@x.example")], "vcard")
    (raw,) = [r["sources"] for r in db.query("SELECT sources FROM contacts")]
    assert json.loads(raw) == ["csv", "vcard"]


def test_contacts_from_before_migration_3_keep_their_sources(db_path):
    from sqlite_utils import Database

    from prospect.store import connect, migrate

    old = Database(str(db_path))
    migrate(old, upto=2)
    old["contacts"].insert(
        {
            "full_name": "Marcus Hale",
            "name_norm": "marcus hale",
            "profile_url": "https://www.linkedin.com/in/marcushale",
            "company": "Tidewater Robotics",
            "company_norm": "tidewater robotics",
            "title": "VP of Sales",
            "connected_on": "2021-11-23",
            "sources": '["linkedin"]',
        }
    )
    old.close()
    db = connect(db_path)
    try:
        said = list(db.query("SELECT source, company FROM contact_sources"))
        assert said == [{"source": "linkedin", "company": "Tidewater Robotics"}]
        # The same person in a newer export at a new company is a job change.
        moved = Contact(
            full_name="Marcus Hale",
            profile_url="https://www.linkedin.com/in/marcushale",
            company="Quarry AI",
            title="VP of Sales",
        )
        summary = import_contacts(db, [moved], "linkedin")
        assert (summary.updated, summary.job_changes) == (1, 1)
        assert signals(db)[0]["change"] == "new_company"
    finally:
        db.close()


# --- re-imports that must not invent job changes ---------------------------------

NO_HEADER = (
    "Marcus,Hale,https://www.linkedin.com/in/marcushale,,Tidewater Robotics,VP of Sales,"
    "12 Mar 2024\n"
    "Grace,Okoro,https://www.linkedin.com/in/graceokoro,,Fernhill Bank,Chief Marketing Officer,"
    "01 Jun 2023\n"
)


def _csv(db, path: Path, *maps: str):
    from prospect.importers.csvfile import parse_csv, parse_mapping

    return import_parsed(db, parse_csv(path, parse_mapping(list(maps)), no_header=True), "csv")


def test_a_file_with_fewer_columns_is_no_job_change_and_erases_nothing(db, tmp_path):
    """The README's --no-header example with only name + company mapped."""
    path = tmp_path / "old.csv"
    path.write_text(NO_HEADER, encoding="utf-8")
    full = ("1=first_name", "2=last_name", "3=profile_url", "5=company", "6=title")
    assert _csv(db, path, *full).added == 2
    fewer = _csv(db, path, "1=first_name", "2=last_name", "5=company")
    assert (fewer.job_changes, fewer.updated, fewer.unchanged) == (0, 0, 2)
    again = _csv(db, path, *full)
    assert (again.job_changes, again.updated) == (0, 0)
    assert signals(db) == []
    titles = {c.full_name: c.title for c in iter_contacts(db)}
    assert titles == {"Marcus Hale": "VP of Sales", "Grace Okoro": "Chief Marketing Officer"}


def test_an_empty_title_cell_is_no_job_change(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("ada", "Ada", "Byron", "Acme Inc", "VP of Sales")))
    summary = load(db, export(tmp_path, "b.csv", row("ada", "Ada", "Byron", "Acme Inc", "")))
    assert summary.job_changes == 0
    back = load(
        db, export(tmp_path, "c.csv", row("ada", "Ada", "Byron", "Acme Inc", "VP of Sales"))
    )
    assert back.job_changes == 0
    (contact,) = iter_contacts(db)
    assert contact.title == "VP of Sales"


def test_a_blank_title_at_a_new_company_is_not_the_old_title(db, tmp_path):
    from prospect.store.signals import row_to_signal
    from prospect.wording import describe_signal

    load(db, export(tmp_path, "a.csv", row("ann", "Ann", "Lee", "Acme", "VP of Sales")))
    summary = load(db, export(tmp_path, "b.csv", row("ann", "Ann", "Lee", "Globex", "")))
    assert summary.job_changes == 1
    (sig,) = signals(db)
    assert (sig["change"], sig["company"], sig["role"]) == ("new_company", "Globex", None)
    assert describe_signal(row_to_signal(sig)) == "moved to Globex"
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.title) == ("Globex", None)
    # ... and the same file again is no news, nor is the title given later
    assert load(db, export(tmp_path, "c.csv", row("ann", "Ann", "Lee", "Globex", ""))).updated == 0
    later = load(db, export(tmp_path, "d.csv", row("ann", "Ann", "Lee", "Globex", "CRO")))
    assert later.job_changes == 0
    assert next(iter_contacts(db)).title == "CRO"


def test_chief_sales_and_chief_strategy_officer_are_two_titles(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("ola", "Ola", "Nord", "Acme", "Chief Sales Officer")))
    load(db, export(tmp_path, "b.csv", row("ola", "Ola", "Nord", "Acme", "Chief Strategy Officer")))
    assert [s["change"] for s in signals(db)] == ["role_change"]


def test_a_blank_company_with_a_new_title_is_not_the_old_company(db, tmp_path):
    from prospect.store.signals import row_to_signal
    from prospect.wording import describe_signal

    load(db, export(tmp_path, "a.csv", row("dana", "Dana", "Ruiz", "Acme Corp", "VP Sales")))
    summary = load(
        db, export(tmp_path, "b.csv", row("dana", "Dana", "Ruiz", "", "Independent Consultant"))
    )
    assert summary.job_changes == 1
    (sig,) = signals(db)
    assert (sig["change"], sig["company"], sig["old_company"], sig["role"]) == (
        "new_company",
        None,
        "Acme Corp",
        "Independent Consultant",
    )
    assert describe_signal(row_to_signal(sig)) == "left Acme Corp, now Independent Consultant"
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.company_norm, contact.title) == (
        None,
        None,
        "Independent Consultant",
    )
    # the same file again is no news, nor is the company given later
    again = load(
        db, export(tmp_path, "c.csv", row("dana", "Dana", "Ruiz", "", "Independent Consultant"))
    )
    assert (again.updated, again.job_changes) == (0, 0)
    later = load(
        db,
        export(
            tmp_path,
            "d.csv",
            row("dana", "Dana", "Ruiz", "Ruiz Advisory", "Independent Consultant"),
        ),
    )
    assert later.job_changes == 0
    assert next(iter_contacts(db)).company == "Ruiz Advisory"


def test_a_blank_company_with_the_same_title_keeps_the_company(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("dana", "Dana", "Ruiz", "Acme Corp", "VP of Sales")))
    summary = load(db, export(tmp_path, "b.csv", row("dana", "Dana", "Ruiz", "", "VP Sales")))
    assert summary.job_changes == 0
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.title) == ("Acme Corp", "VP Sales")  # re-spelt, same job


def test_a_file_without_a_company_column_keeps_the_company_for_a_new_title(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("dana", "Dana", "Ruiz", "Acme Corp", "VP Sales")))
    path = tmp_path / "titles.csv"
    path.write_text("Name,Email,Title\nDana Ruiz,,SVP Sales\n", encoding="utf-8")
    from prospect.importers.csvfile import parse_csv

    import_parsed(db, parse_csv(path), "linkedin")
    (sig,) = signals(db)
    assert (sig["change"], sig["company"]) == ("promotion", "Acme Corp")


def test_a_blank_known_before_filled_later_is_no_job_change(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("ada", "Ada", "Byron", "Acme Inc", "")))
    summary = load(db, export(tmp_path, "b.csv", row("ada", "Ada", "Byron", "Acme Inc", "CRO")))
    assert summary.job_changes == 0
    (contact,) = iter_contacts(db)
    assert contact.title == "CRO"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("Acme Inc", "CMO"), ("Acme Inc", "Chief Marketing Officer")),
        (("Acme Inc", "VP of Sales"), ("ACME, Inc.", "VP Sales")),
        (("Acme Inc", "Vice President, Sales"), ("Acme", "VP of Sales")),
        (("Acme Inc", "Head of the Sales Team"), ("Acme Inc", "Head of Sales Team")),
        (("Acme Inc", "Senior Vice President, Sales"), ("Acme Inc", "SVP of Sales")),
        (("Acme Inc", "Sr. Sales Manager"), ("Acme Inc", "Senior Sales Manager")),
        (("Acme Inc", "Jr. Account Executive"), ("Acme Inc", "Junior Account Executive")),
        # "CSO" is read both ways when comparing titles
        (("Acme Inc", "CSO"), ("Acme Inc", "Chief Sales Officer")),
        (("Acme Inc", "CSO"), ("Acme Inc", "Chief Strategy Officer")),
        (("Acme Inc", "Chief Sales Officer"), ("Acme Inc", "CSO")),
    ],
)
def test_a_respelt_title_or_company_is_not_a_job_change(db, tmp_path, old, new):
    load(db, export(tmp_path, "old.csv", row("ola", "Ola", "Nord", *old)))
    summary = load(db, export(tmp_path, "new.csv", row("ola", "Ola", "Nord", *new)))
    assert summary.job_changes == 0
    assert signals(db) == []


@pytest.mark.parametrize(
    ("old_title", "new_title", "change"),
    [
        ("VP of Sales", "Account Executive", "role_change"),
        ("Head of Sales", "Head of Marketing", "role_change"),
        ("Account Executive", "Sales Manager", "promotion"),
        ("Director of Marketing", "CMO", "promotion"),
        # a more senior grade of the same level
        ("VP of Sales", "SVP of Sales", "promotion"),
        ("SVP of Sales", "EVP, Sales", "promotion"),
        ("Sales Manager", "Senior Sales Manager", "promotion"),
        ("Director of Marketing", "Senior Director of Marketing", "promotion"),
        ("Account Executive", "Sr. Account Executive", "promotion"),
        ("SVP of Sales", "VP of Sales", "role_change"),
        ("Senior Sales Manager", "Sales Manager", "role_change"),
        # associate, assistant, junior and deputy are a grade below the word they modify
        ("Associate Director", "Director", "promotion"),
        ("Assistant Manager", "Manager", "promotion"),
        ("Junior AE", "AE", "promotion"),
        ("Deputy Head of Sales", "Head of Sales", "promotion"),
        ("Director", "Associate Director", "role_change"),
        ("Senior Associate Director", "Director", "role_change"),
        # an account manager carries accounts, not a team
        ("Account Executive", "Account Manager", "role_change"),
        ("Account Executive", "Customer Success Manager", "role_change"),
        ("Account Manager", "Key Account Manager", "role_change"),
        ("Account Manager", "Sales Manager", "promotion"),
        ("Partner Manager", "Sales Director", "promotion"),
    ],
)
def test_only_a_more_senior_role_is_a_promotion(db, tmp_path, old_title, new_title, change):
    load(db, export(tmp_path, "old.csv", row("ola", "Ola", "Nord", "Acme", old_title)))
    load(db, export(tmp_path, "new.csv", row("ola", "Ola", "Nord", "Acme", new_title)))
    (sig,) = signals(db)
    assert (sig["change"], sig["old_title"], sig["role"]) == (change, old_title, new_title)


def test_a_role_change_is_not_described_as_a_promotion(db, tmp_path):
    from prospect.store.signals import row_to_signal
    from prospect.wording import describe_signal

    load(db, export(tmp_path, "old.csv", row("ola", "Ola", "Nord", "Acme", "VP of Sales")))
    load(db, export(tmp_path, "new.csv", row("ola", "Ola", "Nord", "Acme", "Account Executive")))
    (sig,) = signals(db)
    words = describe_signal(row_to_signal(sig))
    assert "promot" not in words
    assert words == "now Account Executive at Acme (was VP of Sales)"


def test_leaving_and_joining_again_are_both_job_changes(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("zoe", "Zoe", "Adams", "Copperleaf", "Head of Sales")))
    load(db, export(tmp_path, "b.csv", row("zoe", "Zoe", "Adams", "", "")))
    load(db, export(tmp_path, "c.csv", row("zoe", "Zoe", "Adams", "", "")))
    load(db, export(tmp_path, "d.csv", row("zoe", "Zoe", "Adams", "Brightloop", "CRO")))
    assert [s["change"] for s in signals(db)] == ["departure", "new_company"]
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.title) == ("Brightloop", "CRO")


def test_a_file_without_company_or_title_columns_is_no_departure(db, tmp_path):
    load(db, export(tmp_path, "a.csv", row("ada", "Ada", "Byron", "Acme", "CRO")))
    names = tmp_path / "names.csv"
    names.write_text("Name,LinkedIn URL\nAda Byron,https://www.linkedin.com/in/ada\n")
    from prospect.importers.csvfile import parse_csv

    assert import_parsed(db, parse_csv(names), "linkedin").job_changes == 0
    (contact,) = iter_contacts(db)
    assert (contact.company, contact.title) == ("Acme", "CRO")


@pytest.mark.parametrize(("source", "departures"), [("hubspot", 0), ("linkedin", 1)])
def test_only_linkedin_lists_a_departure_as_two_empty_cells(db, tmp_path, source, departures):
    """A CRM row with company and title empty says nobody filled them in."""
    from prospect.importers.csvfile import parse_csv

    crm = "Name,Email,Company,Title\nAnn Lee,ann@x.com,{}\nBob Ray,bob@y.com,Initech,CTO\n"
    (tmp_path / "1.csv").write_text(crm.format("Acme,VP Sales"))
    (tmp_path / "2.csv").write_text(crm.format(","))
    import_parsed(db, parse_csv(tmp_path / "1.csv"), source)
    summary = import_parsed(db, parse_csv(tmp_path / "2.csv"), source)
    assert summary.job_changes == departures
    assert [s["change"] for s in signals(db)] == ["departure"] * departures
    ann = next(c for c in iter_contacts(db) if c.full_name == "Ann Lee")
    assert (ann.company, ann.title) == (("Acme", "VP Sales") if not departures else (None, None))


DEMO = Path(__file__).parent.parent / "prospect" / "data" / "demo"


def test_an_older_export_after_a_newer_one_turns_nothing_back(db):
    newer = load(db, DEMO / "Connections.csv")
    before = {c.full_name: (c.company, c.title) for c in iter_contacts(db)}
    older = load(db, DEMO / "connections-2026-10.csv")
    assert (older.newer_seen, older.job_changes) == (newer.as_of, 0)
    assert older.as_of < newer.as_of
    assert signals(db) == []
    after = {c.full_name: (c.company, c.title) for c in iter_contacts(db)}
    assert after == before
    assert after["Michael Grant"] == ("Brightloop", "VP of Marketing")
    # ... and the newer one again is still no news
    assert load(db, DEMO / "Connections.csv").job_changes == 0


def test_as_of_says_which_export_is_newer(db):
    load(db, DEMO / "Connections.csv", as_of="2026-11-01")
    newer = load(db, DEMO / "connections-2026-10.csv", as_of="2026-12-01")
    assert newer.newer_seen is None
    changes = {s["person"]: (s["old_title"], s["role"]) for s in signals(db)}
    assert changes["Michael Grant"] == ("VP of Marketing", "Director of Marketing")


def test_a_stated_date_does_not_make_the_next_plain_export_older(db, tmp_path):
    """`--as-of` once, then next month's export without it: a real move is news."""
    bob = row("bob", "Bob", "Ray", "Initech", "CTO").replace("30 May 2024", "01 Oct 2026")
    oct_ = export(tmp_path, "oct.csv", row("ann", "Ann", "Lee", "Acme", "VP of Sales"), bob)
    nov = export(tmp_path, "nov.csv", row("ann", "Ann", "Lee", "Globex", "CRO"), bob)
    load(db, oct_, as_of="2026-10-31")
    summary = load(db, nov)
    assert (summary.newer_seen, summary.job_changes) == (None, 1)
    assert [(s["person"], s["company"]) for s in signals(db)] == [("Ann Lee", "Globex")]
    # ... while October's file again, plain or stated, is still the older one
    again = load(db, oct_, as_of="2026-10-15")
    assert (again.newer_seen, again.job_changes) == ("2026-10-31", 0)
    assert next(c for c in iter_contacts(db) if c.full_name == "Ann Lee").company == "Globex"


@pytest.mark.parametrize(
    ("guessed", "stated", "last", "newer"),
    [
        ("2026-10-01", None, ("2026-10-01", "2026-10-31"), None),  # a guess vs a stated date
        ("2026-09-01", None, ("2026-10-01", "2026-10-31"), "2026-10-01"),  # vs a guess
        ("2026-11-05", None, ("2026-10-01", None), None),
        (None, None, ("2026-10-01", "2026-10-31"), None),  # no date at all: not older
        ("2026-10-01", "2026-10-15", ("2026-10-01", "2026-10-31"), "2026-10-31"),
        ("2026-10-01", "2026-11-30", ("2026-10-01", "2026-10-31"), None),
        # a stated date before a connection an earlier export held: that one is newer
        (None, "2026-09-30", ("2026-10-01", None), "2026-10-01"),
        ("2026-10-01", "2026-10-31", (None, None), None),
    ],
)
def test_which_export_is_newer(guessed, stated, last, newer):
    from prospect.importers import newer_export

    assert newer_export(guessed, stated, last) == newer
