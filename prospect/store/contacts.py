"""Queries on contacts and companies.

Saving an import is an upsert of what `importers.reconcile` decided, with a
few `executemany` calls: 30,000 rows cost three bulk statements, not three
queries each. What each source last said about a person is kept in
`contact_sources` (`said_by`), where '' for company and title means the source
listed them with no position, and NULL means not known.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from prospect.companies import alias_table, company_key
from prospect.models import Contact, PastJob
from prospect.normalize import normalize_company
from prospect.store import now_iso

_SAID_COLUMNS = ("full_name", "email", "profile_url", "company", "title", "connected_on")
_ROW_COLUMNS = (
    "full_name", "first_name", "last_name", "name_norm", "email", "profile_url",
    "company", "company_norm", "title", "connected_on", "sources",
)  # fmt: skip


def row_to_contact(row: Mapping[str, Any]) -> Contact:
    """The one mapping of a contacts row to a `Contact`."""
    try:
        sources = json.loads(row.get("sources") or "[]")
    except ValueError:
        sources = []
    return Contact(
        id=row["id"],
        full_name=row["full_name"],
        first_name=row.get("first_name") or "",
        last_name=row.get("last_name") or "",
        email=row.get("email"),
        profile_url=row.get("profile_url"),
        company=row.get("company"),
        title=row.get("title"),
        connected_on=row.get("connected_on"),
        sources=sources,
        company_norm=row.get("company_norm"),
        name_norm=row.get("name_norm"),
    )


def _values(contact: Contact) -> list[Any]:
    return [
        json.dumps(contact.sources) if c == "sources" else getattr(contact, c) for c in _ROW_COLUMNS
    ]


def said_by(db: Database, source: str) -> dict[int, Contact]:
    """What this source last said about each contact, by contact id."""
    cols = ", ".join(("contact_id", *_SAID_COLUMNS))
    return {
        values[0]: Contact(id=values[0], **dict(zip(_SAID_COLUMNS, values[1:], strict=True)))
        for values in db.execute(f"SELECT {cols} FROM contact_sources WHERE source = ?", [source])
    }


def save_contacts(
    db: Database,
    source: str,
    added: Sequence[Contact] = (),
    updated: Sequence[Contact] = (),
    said: Sequence[Contact] = (),
) -> None:
    """Insert new contacts (ids already given), rewrite changed ones and record
    what the source said; the caller owns the transaction."""
    stamp = now_iso()
    if added:
        cols = ("id", *_ROW_COLUMNS, "created_at", "updated_at")
        db.conn.executemany(
            f"INSERT INTO contacts ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            ([c.id, *_values(c), stamp, stamp] for c in added),
        )
    if updated:
        sets = ", ".join(f"{c} = ?" for c in (*_ROW_COLUMNS, "updated_at"))
        db.conn.executemany(
            f"UPDATE contacts SET {sets} WHERE id = ?",
            ([*_values(c), stamp, c.id] for c in updated),
        )
    if said:
        said_cols = ("contact_id", "source", *_SAID_COLUMNS, "seen_at")
        db.conn.executemany(
            f"INSERT OR REPLACE INTO contact_sources ({', '.join(said_cols)}) "
            f"VALUES ({', '.join('?' for _ in said_cols)})",
            ([s.id, source, *(getattr(s, c) for c in _SAID_COLUMNS), stamp] for s in said),
        )
    ensure_companies(db)


def ensure_companies(db: Database, aliases: dict[str, list[str]] | None = None) -> None:
    """Keep the companies table in step with contacts and configured aliases."""
    db.execute(
        "INSERT OR IGNORE INTO companies (name, name_norm, aliases, source) "
        "SELECT company, company_norm, '[]', 'contacts' FROM contacts "
        "WHERE company_norm IS NOT NULL AND company_norm != '' GROUP BY company_norm"
    )
    for canonical, names in (aliases or {}).items():
        canon = normalize_company(canonical)
        db.execute(
            "INSERT OR IGNORE INTO companies (name, name_norm, aliases, source) "
            "VALUES (?, ?, '[]', 'config')",
            [canonical, canon],
        )
        for alias in names:
            alias_norm = normalize_company(alias)
            if alias_norm and alias_norm != canon:
                db.execute(
                    "INSERT OR REPLACE INTO company_aliases (alias_norm, company_norm)"
                    " VALUES (?, ?)",
                    [alias_norm, canon],
                )


def company_names(db: Database) -> dict[str, str]:
    """Every known company: normalised name (and alias) -> normalised canonical name."""
    names = {row[0]: row[0] for row in db.execute("SELECT name_norm FROM companies")}
    for alias, canon in db.execute("SELECT alias_norm, company_norm FROM company_aliases"):
        names[alias] = canon
    return names


def contacts_at(
    db: Database, company: str, aliases: Mapping[str, Iterable[str]] | None = None
) -> list[Contact]:
    """The rep's people at a company, through the one company resolver
    (`companies.company_key`: legal forms, web-style names, built-in renames
    and parents, descriptors), the aliases `ensure_companies` stored and, when
    given, the rules file's own. A placeholder (Stealth, Self-employed) is no
    company: nobody works "at" it."""
    table = alias_table(company_aliases(db, {k: list(v) for k, v in (aliases or {}).items()}))
    wanted = company_key(normalize_company(company), table)
    if not wanted:
        return []
    norms = {n for n in known_company_norms(db) if company_key(n, table) == wanted}
    norms |= {a for a, c in table.items() if c == wanted} | {wanted}
    marks = ",".join("?" for _ in norms)
    rows = db.query(
        f"SELECT * FROM contacts WHERE company_norm IN ({marks}) ORDER BY full_name, id",
        sorted(norms),
    )
    return [row_to_contact(r) for r in rows]


def iter_contacts(db: Database) -> Iterator[Contact]:
    for row in db.query("SELECT * FROM contacts ORDER BY id"):
        yield row_to_contact(row)


def get_contact(db: Database, contact_id: int) -> Contact | None:
    rows = list(db.query("SELECT * FROM contacts WHERE id = ?", [contact_id]))
    return row_to_contact(rows[0]) if rows else None


def search_contacts(db: Database, text: str, limit: int | None = None) -> list[Contact]:
    like = f"%{text.strip().casefold()}%"
    sql = (
        "SELECT * FROM contacts WHERE name_norm LIKE ? OR lower(company) LIKE ? "
        "OR lower(title) LIKE ? OR lower(email) LIKE ? ORDER BY full_name"
    )
    params: list[Any] = [like, like, like, like]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [row_to_contact(r) for r in db.query(sql, params)]


def last_export_dates(db: Database, source: str) -> tuple[str | None, str | None]:
    """This source's exports imported so far: (the newest "Connected On" any of
    them held, the newest date stated with --as-of). The first is recorded since
    migration 7; before it, the newest connection date the source ever gave."""
    row = db.execute(
        "SELECT as_of, stated_as_of FROM source_exports WHERE source = ?", [source]
    ).fetchone()
    guessed, stated = row if row else (None, None)
    if not guessed:
        found = db.execute(
            "SELECT max(connected_on) FROM contact_sources WHERE source = ?", [source]
        ).fetchone()
        guessed = found[0] if found and found[0] else None
    return guessed, stated


def save_export_dates(db: Database, source: str, guessed: str | None, stated: str | None) -> None:
    """Remember the newest export of a source (an older one never lowers either
    date, and one no newer leaves the row as it was: re-importing changes nothing)."""
    if not guessed and not stated:
        return
    db.execute(
        "INSERT INTO source_exports (source, as_of, stated_as_of, imported_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
        "as_of = nullif(max(coalesce(as_of, ''), coalesce(excluded.as_of, '')), ''), "
        "stated_as_of = nullif(max(coalesce(stated_as_of, ''), "
        "coalesce(excluded.stated_as_of, '')), ''), "
        "imported_at = excluded.imported_at "
        "WHERE excluded.as_of > coalesce(as_of, '') "
        "OR excluded.stated_as_of > coalesce(stated_as_of, '')",
        [source, guessed, stated, now_iso()],
    )


# --- the contacts today's signals concern, for matching -------------------------
# The list never loads every contact: it asks for the known company names (one
# index scan), then only the contacts at the companies, with the names and ids
# that today's signals mention. That keeps `prospect list` fast on a LinkedIn
# export of 30,000 connections.

_BATCH = 500  # parameters per IN (...) query, well under SQLite's limit


def company_aliases(db: Database, configured: dict[str, list[str]] | None = None) -> dict[str, str]:
    """alias norm -> canonical norm, from the company_aliases table and signals.yaml."""
    aliases = dict(db.execute("SELECT alias_norm, company_norm FROM company_aliases").fetchall())
    for canonical, names in (configured or {}).items():
        canon = normalize_company(canonical)
        for alias in names:
            norm = normalize_company(alias)
            if norm and norm != canon:
                aliases[norm] = canon
    return aliases


def known_company_norms(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT company_norm FROM contacts WHERE company_norm IS NOT NULL "
            "AND company_norm != ''"
        )
    ]


def _batched(values: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def contacts_for_matching(
    db: Database,
    company_norms: Iterable[str] = (),
    name_norms: Iterable[str] = (),
    ids: Iterable[int] = (),
) -> list[Contact]:
    """Contacts at any of these companies, with any of these names or ids."""
    found: dict[int, Contact] = {}
    for column, values in (
        ("company_norm", sorted(set(company_norms))),
        ("name_norm", sorted(set(name_norms))),
        ("id", sorted(set(ids))),
    ):
        for batch in _batched(values):
            marks = ",".join("?" for _ in batch)
            for row in db.query(f"SELECT * FROM contacts WHERE {column} IN ({marks})", batch):
                found.setdefault(row["id"], row_to_contact(row))
    return [found[k] for k in sorted(found)]


def contacts_named(db: Database, text: str, limit: int = 20) -> list[Contact]:
    """Contacts whose normalised name is, or contains, `text` (already normalised)."""
    rows = db.query(
        "SELECT * FROM contacts WHERE name_norm = ? OR name_norm LIKE ? "
        "ORDER BY name_norm = ? DESC, full_name LIMIT ?",
        [text, f"%{text}%", text, limit],
    )
    return [row_to_contact(r) for r in rows]


def past_jobs(db: Database) -> list[PastJob]:
    """The jobs the rep's contacts held before, from their own job changes:
    the company they left, when they left it, and when they arrived there if
    an earlier export recorded that move too."""
    rows = db.execute(
        "SELECT contact_id, company, old_company, published_at FROM signals "
        "WHERE type = 'job_change' AND contact_id IS NOT NULL ORDER BY published_at, id"
    ).fetchall()
    arrived: dict[tuple[int, str], str] = {}
    jobs = []
    for contact_id, company, old_company, when in rows:
        if old_company:
            since = arrived.get((contact_id, normalize_company(old_company)))
            jobs.append(PastJob(contact_id, old_company, since, when))
        if company and when:
            arrived[(contact_id, normalize_company(company))] = when
    return jobs
