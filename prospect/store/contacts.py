"""Queries on contacts and companies.

Saving an import is an upsert of what `importers.reconcile` decided, a batch
at a time, with a few `executemany` calls: a batch of 2,000 rows costs three
bulk statements, not three queries each. What each source last said about a
person is kept in `contact_sources` (`said_by`), where '' for company and
title means the source listed them with no position, and NULL means not known.

An import never loads the whole store: for each batch it asks which contacts
hold the keys the batch's rows could be found by (`contacts_by_url`,
`key_holders`: member profile, email, name at a company, the name without its
middle names there), each key list passed as one JSON parameter and probed
through an index, then loads the one contact each key finds (`profile_urls`
first: a namesake with a member profile of their own is only told apart).
Into an empty store, an import asks only for the keys it has written itself
(`importers.reconcile.Written`), and builds the indexes it does not read
while it writes after its rows (`deferred_indexes`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from prospect.companies import alias_norms, alias_table, company_key
from prospect.models import Contact, PastJob
from prospect.normalize import normalize_company
from prospect.store import now_iso
from prospect.store.schema import NAME_SHORT

_SAID_COLUMNS = ("full_name", "email", "profile_url", "company", "title", "connected_on")
_ROW_COLUMNS = (
    "full_name", "first_name", "last_name", "name_norm", "email", "profile_url",
    "company", "company_norm", "title", "connected_on", "sources",
)  # fmt: skip


def row_to_contact(row: Mapping[str, Any]) -> Contact:
    """A contacts row (`SELECT *`) as a `Contact`: the same mapping as the
    import's look-ups, which select `_CONTACT_SELECT` as plain tuples."""
    return _tuple_to_contact([row["id"], *(row.get(c) for c in _ROW_COLUMNS)])


_SOURCES_JSON: dict[tuple[str, ...], str] = {}


def _sources_json(sources: list[str]) -> str:
    """A contact's sources as stored; a few lists recur across every row."""
    key = tuple(sources)
    text = _SOURCES_JSON.get(key)
    if text is None:
        text = _SOURCES_JSON[key] = json.dumps(sources) if len(_SOURCES_JSON) < 256 else ""
        if not text:
            return json.dumps(sources)
    return text


def _values(contact: Contact) -> tuple[Any, ...]:
    c = contact
    return (
        c.full_name, c.first_name, c.last_name, c.name_norm, c.email, c.profile_url,
        c.company, c.company_norm, c.title, c.connected_on, _sources_json(c.sources),
    )  # fmt: skip


def said_by(db: Database, source: str) -> dict[int, Contact]:
    """What this source last said about each contact, by contact id."""
    cols = ", ".join(("contact_id", *_SAID_COLUMNS))
    return {
        values[0]: Contact(id=values[0], **dict(zip(_SAID_COLUMNS, values[1:], strict=True)))
        for values in db.execute(f"SELECT {cols} FROM contact_sources WHERE source = ?", [source])
    }


_INSERT_COLUMNS = ("id", *_ROW_COLUMNS, "created_at", "updated_at")
_INSERT = (
    f"INSERT INTO contacts ({', '.join(_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _INSERT_COLUMNS)})"
)
_UPDATE = (
    f"UPDATE contacts SET {', '.join(f'{c} = ?' for c in (*_ROW_COLUMNS, 'updated_at'))} "
    "WHERE id = ?"
)
_SAID_INSERT_COLUMNS = ("contact_id", "source", *_SAID_COLUMNS, "seen_at")
_SAID = (
    f"INSERT OR REPLACE INTO contact_sources ({', '.join(_SAID_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _SAID_INSERT_COLUMNS)})"
)


def save_contacts(
    db: Database,
    source: str,
    added: Iterable[Contact] = (),
    updated: Iterable[Contact] = (),
    said: Iterable[Contact] = (),
) -> None:
    """Insert new contacts (ids already given), rewrite changed ones and record
    what the source said; the caller owns the transaction, and keeps the
    companies table in step once the import is done (`ensure_companies`)."""
    stamp = now_iso()
    conn = db.conn
    conn.executemany(_INSERT, ((c.id, *_values(c), stamp, stamp) for c in added))
    conn.executemany(_UPDATE, ((*_values(c), stamp, c.id) for c in updated))
    conn.executemany(
        _SAID,
        (
            (s.id, source, s.full_name, s.email, s.profile_url, s.company, s.title,
             s.connected_on, stamp)
            for s in said
        ),
    )  # fmt: skip


def ensure_companies(db: Database, aliases: dict[str, list[str]] | None = None) -> None:
    """Keep the companies table in step with contacts and configured aliases."""
    db.execute(
        "INSERT OR IGNORE INTO companies (name, name_norm, aliases, source) "
        "SELECT company, company_norm, '[]', 'contacts' FROM contacts "
        "WHERE company_norm IS NOT NULL AND company_norm != '' GROUP BY company_norm"
    )
    for canonical in aliases or {}:
        db.execute(
            "INSERT OR IGNORE INTO companies (name, name_norm, aliases, source) "
            "VALUES (?, ?, '[]', 'config')",
            [canonical, normalize_company(canonical)],
        )
    db.conn.executemany(
        "INSERT OR REPLACE INTO company_aliases (alias_norm, company_norm) VALUES (?, ?)",
        alias_norms(aliases or {}).items(),
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


# --- what an import looks up, a batch at a time ------------------------------------

_COMPANY_BLANK = "coalesce(company_norm, '') = ''"  # also keeps the company index out


def contacts_by_url(db: Database, urls: Collection[str]) -> list[Contact]:
    """The contacts holding any of these member profile URLs."""
    if not urls:
        return []
    return [
        _tuple_to_contact(row)
        for row in db.execute(
            f"SELECT {_CONTACT_SELECT} FROM contacts AS c "
            f"WHERE profile_url IN (SELECT value FROM json_each(?)) AND ({_PERSON_URL})",
            [json.dumps(sorted(urls))],
        )
    ]


def key_holders(
    db: Database,
    emails: Collection[str] = (),
    names_at: Collection[tuple[str, str]] = (),
    short_names_at: Collection[tuple[str, str, str]] = (),
) -> dict[tuple[str, ...], list[int]]:
    """The ids of the contacts holding each key a batch of an import looks
    people up by, as `importers.reconcile` tags them: ("email", email);
    ("name", name, company) for these (name, company) pairs ('' for none);
    ("short", short name, company) and ("name", name, company) for each
    (company, short name, name) of `short_names_at`, a short name being the
    name without its middle names (schema.NAME_SHORT). Ids only: the caller
    loads the one contact each key finds (`contacts_by_id`)."""
    holders: dict[tuple[str, ...], list[int]] = {}

    def put(key: tuple[str, ...], ids: str | None) -> None:
        if ids:
            holders[key] = list(map(int, ids.split(",")))

    if emails:
        for email, ids in db.execute(
            "SELECT email, group_concat(id) FROM contacts "
            "WHERE email IN (SELECT value FROM json_each(?)) GROUP BY email",
            [json.dumps(sorted(emails))],
        ):
            put(("email", email), ids)
    alone = sorted({name for name, company in names_at if name and not company})
    if alone:
        # Through (company_norm, name_short), as the names at a company are, so
        # an import needs no index of names alone (`deferred_indexes`); the
        # short name computed as the column is. A blank company: NULL or ''.
        for name, ids in db.execute(
            f"WITH k AS (SELECT name_norm, {NAME_SHORT} AS short "
            "FROM (SELECT value AS name_norm FROM json_each(?))) "
            "SELECT k.name_norm, group_concat(c.id) FROM k JOIN contacts AS c "
            "ON (c.company_norm IS NULL OR c.company_norm = '') AND c.name_short = k.short "
            "AND c.name_norm = k.name_norm GROUP BY k.name_norm",
            [json.dumps(alone)],
        ):
            put(("name", name, ""), ids)
    for company in sorted({company for name, company in names_at if not name}):
        # a name of punctuation alone: rare
        blank = _COMPANY_BLANK if not company else "company_norm = ?"
        (ids,) = db.execute(
            f"SELECT group_concat(id) FROM contacts WHERE coalesce(name_norm, '') = '' AND {blank}",
            [company] if company else [],
        ).fetchone()
        put(("name", "", company), ids)
    if short_names_at:
        for company, short, name, ids, exact in db.execute(
            # each key's three parts read from its JSON once, not once per holder
            "WITH k AS MATERIALIZED (SELECT key, value ->> 0 AS company, value ->> 1 AS short, "
            "value ->> 2 AS name FROM json_each(?)) "
            "SELECT k.company, k.short, k.name, group_concat(c.id), "
            "group_concat(CASE WHEN c.name_norm = k.name THEN c.id END) "
            "FROM k JOIN contacts AS c "
            "ON c.company_norm = k.company AND c.name_short = k.short GROUP BY k.key",
            [json.dumps(sorted(short_names_at))],
        ):
            put(("short", short, company), ids)
            put(("name", name, company), exact)
    return holders


def contacts_by_id(db: Database, ids: Collection[int]) -> list[Contact]:
    if not ids:
        return []
    return [
        _tuple_to_contact(row)
        for row in db.execute(
            f"SELECT {_CONTACT_SELECT} FROM contacts AS c "
            "WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(ids))],
        )
    ]


def profile_urls(db: Database, ids: Collection[int]) -> dict[int, str | None]:
    """The profile URL of each of these contacts, by id (None: none)."""
    if not ids:
        return {}
    return dict(
        db.execute(
            "SELECT id, profile_url FROM contacts WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(ids))],
        ).fetchall()
    )


def source_names(db: Database, names: Collection[str]) -> dict[str, list[int]]:
    """This source's people with each of these names when the import began
    (`remember_source_names`): the one id of a name one person has, two of
    the ids of a name more have (only a name one person has finds anyone)."""
    found: dict[str, list[int]] = {}
    if names:
        for name, first, other, count in db.execute(
            "SELECT name_norm, min(id), max(id), count(*) FROM temp.import_names "
            "WHERE name_norm IN (SELECT value FROM json_each(?)) GROUP BY name_norm",
            [json.dumps(sorted(names))],
        ):
            found[name] = [first] if count == 1 else [first, other]
    return found


def said_about(db: Database, source: str, ids: Collection[int]) -> dict[int, Contact]:
    """What `source` said of each of these contacts."""
    said: dict[int, Contact] = {}
    if not ids:
        return said
    cols = ", ".join(("contact_id", *_SAID_COLUMNS))
    for cid, full_name, email, url, company, title, connected_on in db.execute(
        f"SELECT {cols} FROM contact_sources WHERE source = ? "
        "AND contact_id IN (SELECT value FROM json_each(?))",
        [source, json.dumps(sorted(ids))],
    ):
        said[cid] = Contact(
            full_name=full_name,
            email=email,
            profile_url=url,
            company=company,
            title=title,
            connected_on=connected_on,
            id=cid,
        )
    return said


_CONTACT_SELECT = ", ".join(f"c.{c}" for c in ("id", *_ROW_COLUMNS))


@lru_cache(maxsize=256)
def _sources(text: str | None) -> tuple[str, ...]:
    try:
        sources = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(sources) if isinstance(sources, list) else ()


def _tuple_to_contact(row: Sequence[Any]) -> Contact:
    """The one mapping of a contacts row, selected as `_CONTACT_SELECT`, to a `Contact`."""
    (cid, full_name, first, last, name_norm, email, url, company, company_norm, title,
     connected_on, sources) = row  # fmt: skip
    return Contact(
        id=cid,
        full_name=full_name,
        first_name=first or "",
        last_name=last or "",
        email=email,
        profile_url=url,
        company=company,
        title=title,
        connected_on=connected_on,
        sources=list(_sources(sources)),
        company_norm=company_norm,
        name_norm=name_norm,
    )


_PERSON_URL = (
    "profile_url LIKE 'https://www.linkedin.com/in/_%' "
    "OR profile_url LIKE 'https://www.linkedin.com/pub/_%'"
)  # the WHERE of the unique index on member profiles (migration 11), word for word


IMPORT_CACHE_KB = 48 * 1024  # SQLite's page cache while an import runs


@contextlib.contextmanager
def import_cache(db: Database) -> Iterator[None]:
    """A page cache big enough for the indexes an import writes at random
    (member profiles, names at companies: about 40 MB at 300,000 contacts), so
    their pages stay in memory instead of being read back and spilled to the
    WAL file for every batch; SQLite's default is 2 MB."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


# The indexes no import looks anyone up by while it writes (`key_holders` finds
# names alone through the company's index too; what a source said is read by
# contact): SQLite builds one from sorted keys in a fraction of what the same
# entries cost inserted one row at a time.
_DEFERRED_INDEXES = ("idx_contacts_name_norm_company_norm", "idx_contact_sources_source")


@contextlib.contextmanager
def deferred_indexes(db: Database) -> Iterator[None]:
    """Inside an import's transaction: when the store holds no contact yet,
    leave out the indexes the import does not read while it writes every row,
    and build them again, as the schema made them, once every row is in. A
    failure rolls the transaction back, index and all; with contacts already
    stored, the indexes are kept as they are."""
    if has_contacts(db):
        yield
        return
    marks = ", ".join("?" for _ in _DEFERRED_INDEXES)
    made = [
        sql
        for (sql,) in db.execute(
            f"SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
            _DEFERRED_INDEXES,
        )
    ]
    for name in _DEFERRED_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    yield
    for sql in made:
        db.execute(sql)


def remember_source_names(db: Database, source: str) -> bool:
    """Keep, for this transaction, the names of the people `source` has named
    (in a temporary table: an import finds them by name alone, as they were
    before it began); whether there are any."""
    db.execute("DROP TABLE IF EXISTS temp.import_names")
    db.execute(
        "CREATE TEMP TABLE import_names AS SELECT c.name_norm AS name_norm, "
        "c.id AS id FROM contact_sources AS s JOIN contacts AS c ON c.id = s.contact_id "
        "WHERE s.source = ? AND c.name_norm IS NOT NULL AND c.name_norm != ''",
        [source],
    )
    db.execute("CREATE INDEX temp.import_names_name ON import_names (name_norm)")
    return db.execute("SELECT 1 FROM temp.import_names LIMIT 1").fetchone() is not None


def forget_source_names(db: Database) -> None:
    db.execute("DROP TABLE IF EXISTS temp.import_names")


def has_contacts(db: Database) -> bool:
    return db.execute("SELECT 1 FROM contacts LIMIT 1").fetchone() is not None


def next_contact_id(db: Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts").fetchone()[0])


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


def company_aliases(db: Database, configured: dict[str, list[str]] | None = None) -> dict[str, str]:
    """alias norm -> canonical norm, from the company_aliases table and signals.yaml."""
    aliases = dict(db.execute("SELECT alias_norm, company_norm FROM company_aliases").fetchall())
    aliases.update(alias_norms(configured or {}))
    return aliases


def known_company_norms(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT company_norm FROM contacts WHERE company_norm IS NOT NULL "
            "AND company_norm != ''"
        )
    ]


def contacts_for_matching(
    db: Database,
    company_norms: Iterable[str] = (),
    name_norms: Iterable[str] = (),
    ids: Iterable[int] = (),
) -> list[Contact]:
    """Contacts at any of these companies, with any of these names or ids."""
    found: dict[int, Contact] = {}
    for column, values in (
        ("company_norm", set(company_norms)),
        ("name_norm", set(name_norms)),
        ("id", set(ids)),
    ):
        if not values:
            continue
        for row in db.execute(
            f"SELECT {_CONTACT_SELECT} FROM contacts AS c "
            f"WHERE c.{column} IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(values))],
        ):
            if row[0] not in found:
                found[row[0]] = _tuple_to_contact(row)
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
