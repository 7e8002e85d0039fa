"""An import is reconciled and written a batch at a time (importers.BATCH):
however the rows fall into batches, the store ends the same, and a file that
fails in a late batch leaves it as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import prospect.importers as importers
from prospect.errors import InputError
from prospect.importers import import_contacts, import_file
from prospect.importers.linkedin import parse_linkedin
from prospect.importers.reconcile import Keys, Written
from prospect.models import Contact
from prospect.store import connect

# A few people, each with one member profile and one email, on rows that
# leave any of them out, under a middle initial or not, at a company (spelt
# either way) or none: the same person twice in a file, in two sources, and
# namesakes at one company, as real exports have them.
PEOPLE = [
    (("Ada Byron", "Ada K Byron"), "https://www.linkedin.com/in/ada", "ada@x.example"),
    (("Ada Byron",), "https://www.linkedin.com/in/ada-2", None),
    (("Grace Hopper",), "http://linkedin.com/in/grace/", "GRACE@y.example"),
    (("Ana María de la O",), None, "ana@z.example"),
    (("Zoë",), "https://www.linkedin.com/in/zoe", None),
]
COMPANIES = [None, "Acme", "ACME, Inc.", "Globex", "Stealth", "Initech"]
TITLES = [None, "VP of Sales", "CTO", "Engineer"]
DATES = [None, "2024-05-30", "2025-01-08", "2026-03-01"]


@st.composite
def contact(draw: st.DrawFn) -> Contact:
    names, url, email = draw(st.sampled_from(PEOPLE))
    return Contact(
        full_name=draw(st.sampled_from(names)),
        email=email if draw(st.booleans()) else None,
        profile_url=url if draw(st.booleans()) else None,
        company=draw(st.sampled_from(COMPANIES)),
        title=draw(st.sampled_from(TITLES)),
        connected_on=draw(st.sampled_from(DATES)),
    )


# Several exports in turn, each by one of two sources.
exports = st.lists(
    st.tuples(st.sampled_from(["linkedin", "csv"]), st.lists(contact(), max_size=14)),
    min_size=1,
    max_size=4,
)


def _copy(c: Contact) -> Contact:
    return Contact(
        full_name=c.full_name,
        email=c.email,
        profile_url=c.profile_url,
        company=c.company,
        title=c.title,
        connected_on=c.connected_on,
    )


def _store(db_file: Path) -> dict[str, list[tuple]]:
    """Every table an import writes, without the times it was written at."""
    conn = sqlite3.connect(db_file)
    try:
        return {
            "contacts": conn.execute(
                "SELECT id, full_name, first_name, last_name, name_norm, email, profile_url, "
                "company, company_norm, title, connected_on, sources FROM contacts ORDER BY id"
            ).fetchall(),
            "said": conn.execute(
                "SELECT contact_id, source, full_name, email, profile_url, company, title, "
                "connected_on FROM contact_sources ORDER BY contact_id, source"
            ).fetchall(),
            "signals": conn.execute(
                "SELECT contact_id, change, company, old_company, role, old_title FROM signals "
                "ORDER BY id"
            ).fetchall(),
            "companies": conn.execute("SELECT name_norm FROM companies ORDER BY 1").fetchall(),
        }
    finally:
        conn.close()


def _run(
    tmp_path: Path, name: str, batch: int, steps: list[tuple[str, list[Contact]]]
) -> tuple[list[str], dict[str, list[tuple]]]:
    db_file = tmp_path / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    db = connect(db_file)
    old = importers.BATCH
    importers.BATCH = batch
    try:
        lines = [import_contacts(db, [_copy(c) for c in rows], src).line() for src, rows in steps]
    finally:
        importers.BATCH = old
        db.close()
    return lines, _store(db_file)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=exports, batch=st.sampled_from([1, 2, 3, 5]))
def test_batches_of_any_size_store_what_one_batch_stores(tmp_path, steps, batch):
    whole = _run(tmp_path, "whole", 10_000, steps)
    assert _run(tmp_path, "batched", batch, steps) == whole


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=exports, batch=st.sampled_from([1, 2, 3, 10_000]))
def test_namesakes_only_told_apart_store_what_loading_them_whole_stores(tmp_path, steps, batch):
    """A contact a key finds that no row can be (a namesake at the company with
    a member profile of their own) is only told apart by its profile, never
    loaded (`Reconciler.takeable`): the store ends as if every one was."""
    told_apart = _run(tmp_path, "apart", batch, steps)
    takeable = importers.Reconciler.__dict__["takeable"]
    importers.Reconciler.takeable = staticmethod(  # type: ignore[method-assign]
        lambda recs, found, names_here, profiles: set(profiles)
    )
    try:
        assert _run(tmp_path, "whole", batch, steps) == told_apart
    finally:
        importers.Reconciler.takeable = takeable  # type: ignore[method-assign]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=exports, batch=st.sampled_from([1, 2, 3, 5]))
def test_a_fresh_import_asks_only_for_keys_it_wrote_and_stores_the_same(tmp_path, steps, batch):
    """Into an empty store an import looks up only the keys of contacts it has
    written itself (`reconcile.Written`): the store ends as if it asked for all."""
    asked_less = _run(tmp_path, "written", batch, steps)
    has_contacts = importers.has_contacts
    importers.has_contacts = lambda db: True  # type: ignore[assignment]
    try:
        assert _run(tmp_path, "all", batch, steps) == asked_less
    finally:
        importers.has_contacts = has_contacts  # type: ignore[assignment]


def test_written_keys_are_never_missed() -> None:
    written = Written()
    contacts = [
        Contact(f"P {n}", profile_url=f"https://www.linkedin.com/in/p{n}", email=f"p{n}@x.example",
                company=f"C {n % 7}", company_norm=f"c {n % 7}", name_norm=f"p q {n}")
        for n in range(5_000)
    ]  # fmt: skip
    for c in contacts:
        written.add(c)
    for c in contacts:
        assert ("url", c.profile_url) in written
        assert ("email", c.email) in written
        assert ("short", c.company_norm, f"p {c.name_norm.split()[-1]}") in written
        assert ("alone", c.name_norm) in written
    false_yes = [("url", f"https://www.linkedin.com/in/q{n}") in written for n in range(5_000)]
    assert sum(false_yes) < 50  # a few false yeses at most


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _export(path: Path, rows: int, bad_at: int | None = None) -> Path:
    lines = [HEADER]
    for n in range(rows):
        day = "31 Feb 2024" if n == bad_at else "30 May 2024"
        lines.append(f"Ada,Byron{n},https://www.linkedin.com/in/ada{n},,Acme,CTO,{day}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("batch", [1, 7, 10_000])
def test_a_bad_row_in_a_late_batch_leaves_the_store_as_it_was(tmp_path, db_path, batch):
    db = connect(db_path)
    try:
        good = _export(tmp_path / "first.csv", 5)
        import_file(db, lambda collect: parse_linkedin(good, True, collect), "linkedin")
        before = _store(db_path)
        bad = _export(tmp_path / "Connections.csv", 40, bad_at=33)
        old = importers.BATCH
        importers.BATCH = batch
        try:
            with pytest.raises(InputError, match=r"Connections.csv:35: cannot read the date"):
                import_file(db, lambda collect: parse_linkedin(bad, True, collect), "linkedin")
        finally:
            importers.BATCH = old
        assert _store(db_path) == before
        assert db.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0
    finally:
        db.close()


def test_an_older_export_found_at_its_end_is_read_again_as_older(tmp_path, db_path):
    """Its rows were written as news before its last row showed its date: the
    second reading, as an older export, is what stays."""
    db = connect(db_path)
    old = importers.BATCH
    importers.BATCH = 1
    try:
        ada, grace = PEOPLE[0][1], PEOPLE[2][1]
        newer = [Contact("Ada Byron", profile_url=ada, company="Globex", title="CTO",
                         connected_on="2026-03-01")]  # fmt: skip
        import_contacts(db, newer, "linkedin")
        older = [
            Contact("Ada Byron", profile_url=ada, company="Acme", title="CTO",
                    connected_on="2024-05-30"),
            Contact("Grace Hopper", profile_url=grace, company="Initech",
                    connected_on="2025-01-08"),
        ]  # fmt: skip
        summary = import_contacts(db, older, "linkedin")
        assert (summary.newer_seen, summary.job_changes, summary.added) == ("2026-03-01", 0, 1)
        rows = db.execute("SELECT full_name, company FROM contacts ORDER BY id").fetchall()
        assert rows == [("Ada Byron", "Globex"), ("Grace Hopper", "Initech")]
    finally:
        importers.BATCH = old
        db.close()


def _indexes(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
    finally:
        conn.close()


def test_a_fresh_import_ends_with_the_indexes_it_began_with(tmp_path, db_path):
    """Into an empty store the names index is built after the rows
    (`store.contacts.deferred_indexes`): as the schema made it, whether the
    import is written or, failing, rolled back."""
    connect(db_path).close()
    made = _indexes(db_path)
    names = {name for name, _sql in made}
    assert {"idx_contacts_name_norm_company_norm", "idx_contact_sources_source"} <= names
    db = connect(db_path)
    try:
        bad = _export(tmp_path / "Connections.csv", 40, bad_at=33)
        with pytest.raises(InputError):
            import_file(db, lambda collect: parse_linkedin(bad, True, collect), "linkedin")
        assert _indexes(db_path) == made
        assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0
        good = _export(tmp_path / "good.csv", 40)
        import_file(db, lambda collect: parse_linkedin(good, True, collect), "linkedin")
        assert _indexes(db_path) == made
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE name_norm = 'ada byron7'"
        ).fetchall()
        assert "idx_contacts_name_norm_company_norm" in str(plan)
    finally:
        db.close()


def test_a_namesake_with_a_member_profile_is_not_looked_up_for_a_row_with_one() -> None:
    """Into a fresh store, a name at a company that only rows with a member profile
    give, and only contacts with a member profile hold, finds nobody: two member
    profiles are two people. A row or a contact without one keeps the look-up."""
    written = Written()
    written.add(Contact("Ada Byron", profile_url="https://www.linkedin.com/in/ada",
                        company_norm="acme", name_norm="ada byron"))  # fmt: skip
    written.add(Contact("Ann Lee", company_norm="acme", name_norm="ann lee"))
    keys = Keys(short_names_at={("acme", "ada byron", "ada byron"), ("acme", "ann lee", "ann lee")})
    assert keys.written(written).short_names_at == {("acme", "ann lee", "ann lee")}
    keys.bare.add(("acme", "ada byron"))  # a row of the batch without a member profile
    assert keys.written(written).short_names_at == keys.short_names_at


def test_namesakes_gaining_one_key_in_turn_are_told_apart_as_in_one_batch(tmp_path) -> None:
    """Two stored namesakes move to one company in one export, then a row with only
    the name and that company follows: in one batch the first to move is found (the
    index keeps the first to gain a key), and in batches of one row it must be the
    same, though no new contact was given an id between the two moves. (Found by
    the property test above.)"""

    def ada(url: str | None = None, company: str | None = None, on: str | None = None):
        return Contact(full_name="Ada Byron", profile_url=url, company=company, connected_on=on)

    first, second = "https://www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada-2"
    steps = [
        ("linkedin", [ada(), ada(), ada(second), ada(), ada(first)]),
        ("linkedin", [ada(first, "Acme"), ada(second, "Acme"), ada(None, "Acme", "2024-05-30")]),
    ]
    whole = _run(tmp_path, "whole", 10_000, steps)
    for batch in (1, 2):
        assert _run(tmp_path, f"batch{batch}", batch, steps) == whole
    dated = [row for row in whole[1]["contacts"] if row[10] == "2024-05-30"]
    assert [row[6] for row in dated] == [first]  # the one who moved first
