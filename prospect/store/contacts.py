"""Queries on contacts and companies.

Saving an import loads every stored contact once into memory (`_Book`),
decides row by row in Python, then writes with a few `executemany` calls:
30,000 rows cost three bulk statements, not three queries each.

What each source last said about a person is kept in `contact_sources`. A job
change is a source contradicting its own earlier word; two sources disagreeing
(a stale CRM export against a fresh LinkedIn one) is not, and a second source
only fills blanks. That is also what keeps every re-import idempotent.

A blank is never news: a column the file does not carry, or an empty cell,
neither counts as a change nor erases what is known (a two-column re-import
must not turn "VP of Sales at X" into "? at X"). The one exception is the
person LinkedIn lists with no position at all (source "linkedin", company and
title both carried and both empty): LinkedIn shows someone without a current
job that way, so they left, and `contact_sources` remembers that as '' (not
NULL, which means "not known"), so their next job is a move. A CRM export with
both cells empty says only that nobody filled them in: no departure.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from prospect.models import Contact
from prospect.normalize import (
    normalize_company,
    normalize_email,
    normalize_person,
    normalize_profile_url,
    same_title,
)
from prospect.store import now_iso


@dataclass(slots=True)
class SaveResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # the same person twice in one file: the first row counts
    # (contact id, the job before, the job after) for contacts whose job changed
    changes: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def row_to_contact(row: dict[str, Any]) -> Contact:
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
        sources=json.loads(row.get("sources") or "[]"),
        company_norm=row.get("company_norm"),
        name_norm=row.get("name_norm"),
    )


_ROW_COLUMNS = (
    "id", "full_name", "first_name", "last_name", "name_norm", "email", "profile_url",
    "company", "company_norm", "title", "connected_on", "sources",
)  # fmt: skip
_SOURCE_COLUMNS = ("full_name", "email", "profile_url", "company", "title", "connected_on")
_UPDATE_COLUMNS = tuple(c for c in _ROW_COLUMNS if c != "id")
# Sources whose row with company and title both empty means "no current job".
LISTS_DEPARTURES = frozenset({"linkedin"})


def _blank(value: Any) -> bool:
    return value is None or value == ""


class _Book:
    """Every stored contact, loaded once and indexed by each key."""

    def __init__(self, db: Database, source: str) -> None:
        self.rows: dict[int, dict[str, Any]] = {}
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name_company: dict[tuple[str, str], int] = {}
        for values in db.execute(f"SELECT {', '.join(_ROW_COLUMNS)} FROM contacts ORDER BY id"):
            self.index(dict(zip(_ROW_COLUMNS, values, strict=True)))
        cols = ", ".join(("contact_id", *_SOURCE_COLUMNS))
        self.said: dict[int, dict[str, Any]] = {
            values[0]: dict(zip(_SOURCE_COLUMNS, values[1:], strict=True))
            for values in db.execute(
                f"SELECT {cols} FROM contact_sources WHERE source = ?", [source]
            )
        }
        # This source's people by name alone: exports without profile URLs
        # (LinkedIn 2018-2021) still find someone whose company changed.
        self.by_name_here: dict[str, list[int]] = {}
        for cid in self.said:
            row = self.rows.get(cid)
            if row and row["name_norm"]:
                self.by_name_here.setdefault(row["name_norm"], []).append(cid)
        self.next_id = max(self.rows, default=0) + 1

    def index(self, row: dict[str, Any]) -> None:
        cid = row["id"]
        self.rows[cid] = row
        if row["profile_url"]:
            self.by_url.setdefault(normalize_profile_url(row["profile_url"]), cid)
        if row["email"]:
            self.by_email.setdefault(normalize_email(row["email"]), cid)
        self.by_name_company.setdefault((row["name_norm"] or "", row["company_norm"] or ""), cid)

    def find(self, rec: dict[str, Any], claimed: set[int]) -> int | None:
        """The stored person: by profile URL, then email, then name + company,
        then a name that only one of this source's people has."""
        url = rec["profile_url"]
        if url and url in self.by_url:
            return self.by_url[url]
        candidates = []
        if rec["email"] and rec["email"] in self.by_email:
            candidates.append(self.by_email[rec["email"]])
        name_co = self.by_name_company.get((rec["name_norm"], rec["company_norm"] or ""))
        if name_co is not None:
            candidates.append(name_co)
        same_name = self.by_name_here.get(rec["name_norm"], [])
        if len(same_name) == 1 and same_name[0] not in claimed:
            candidates.append(same_name[0])
        for cid in candidates:
            stored = self.rows[cid]["profile_url"]
            # Two different profile URLs are two different people.
            if not (url and stored and normalize_profile_url(stored) != url):
                return cid
        return None


def _record(contact: Contact, norm_company: dict[str, str]) -> dict[str, Any]:
    """The contact as a row, keys normalised once (company names cached: they repeat)."""
    company = (contact.company or "").strip() or None
    if company is not None and company not in norm_company:
        norm_company[company] = normalize_company(company)
    full_name = contact.full_name.strip()
    return {
        "full_name": full_name,
        "first_name": (contact.first_name or "").strip(),
        "last_name": (contact.last_name or "").strip(),
        "name_norm": normalize_person(full_name),
        "email": normalize_email(contact.email) or None,
        "profile_url": normalize_profile_url(contact.profile_url) or None,
        "company": company,
        "company_norm": norm_company[company] if company else None,
        "title": (contact.title or "").strip() or None,
        "connected_on": contact.connected_on or None,
    }


def _pick(new: Any, current: Any, before: dict[str, Any] | None, key: str) -> Any:
    """One field of a known contact: fill a blank; otherwise only a source that
    changed its own earlier word overrides (never a second source's copy)."""
    if _blank(new) or new == current:
        return current
    if _blank(current) or (before is not None and before.get(key) != new):
        return new
    return current


def _job(
    said: tuple[str | None, str | None], row: dict[str, Any], before: dict[str, Any] | None
) -> tuple[str | None, str | None]:
    """The (company, title) to keep for a known contact, given what this export says."""
    current = (row["company"], row["title"])
    if before is None and _departed(*said):
        said = (None, None)
    if before is not None:
        # The same source, a newer export: it is authoritative about the job
        # where it changed its own word, a departure included.
        if _departed(*said):
            return (None, None) if not _departed(before["company"], before["title"]) else current
        company = _pick(said[0], current[0], before, "company")
        title = _pick(said[1], current[1], before, "title")
        if _blank(said[1]) and _moved(current[0], company):
            title = None  # the old title was held at the old company
        if _blank(said[0]) and not _blank(said[1]) and not _blank(before["company"]):
            company = None  # a new title, company not given (`said_job`): not the old one
        return company, title
    if _blank(current[0]) and _blank(current[1]):
        return said
    if normalize_company(said[0]) == row["company_norm"] and _blank(current[1]):
        return current[0], said[1]
    return current


def _merged(
    rec: dict[str, Any],
    said: tuple[str | None, str | None],
    row: dict[str, Any],
    before: dict[str, Any] | None,
    source: str,
    book: _Book,
) -> dict[str, Any]:
    """The contact's row once this record is taken into account."""
    new = {k: row[k] for k in _UPDATE_COLUMNS}
    name = _pick(rec["full_name"], row["full_name"], before, "full_name")
    if name != row["full_name"]:
        new.update(
            full_name=name,
            first_name=rec["first_name"],
            last_name=rec["last_name"],
            name_norm=rec["name_norm"],
        )
    new["email"] = _pick(rec["email"], row["email"], before, "email")
    url = _pick(rec["profile_url"], row["profile_url"], before, "profile_url")
    # A URL already held by someone else stays theirs (the key is unique).
    if url == row["profile_url"] or book.by_url.get(url, row["id"]) == row["id"]:
        new["profile_url"] = url
    new["connected_on"] = _pick(rec["connected_on"], row["connected_on"], before, "connected_on")
    new["company"], new["title"] = _job(said, row, before)
    if new["company"] != row["company"]:
        new["company_norm"] = normalize_company(new["company"]) or None
    # Most rows already list this source: skip parsing the JSON for them.
    if json.dumps(source) not in (row["sources"] or ""):
        sources = json.loads(row["sources"] or "[]")
        if source not in sources:
            new["sources"] = json.dumps([*sources, source])
    return new


def _departed(company: Any, title: Any) -> bool:
    return company == "" and title == ""


def _moved(old_company: Any, new_company: Any) -> bool:
    """Two known companies that are not one (a blank filled is no move)."""
    return (
        not _blank(old_company)
        and not _blank(new_company)
        and normalize_company(old_company) != normalize_company(new_company)
    )


def said_job(
    rec: dict[str, Any],
    before: dict[str, Any] | None,
    lists_departure: bool,
    has_company: bool = True,
) -> tuple[str | None, str | None]:
    """The (company, title) this export says, a blank keeping the earlier word
    (but not a title across a change of company, nor a company across a change
    of title in a file that has a company column); ('', '') when it lists the
    person with no position (they left)."""
    prev = before or {}
    company, title = rec["company"], rec["title"]
    if company is None and title is None:
        if lists_departure:
            return "", ""
        return prev.get("company"), prev.get("title")  # nothing said: the earlier word stands
    if not title and _moved(prev.get("company"), company):
        return company, None  # a title left blank at a new company is not the old one
    if (
        not company
        and has_company
        and not _blank(prev.get("company"))
        and not _blank(prev.get("title"))
        and not same_title(prev.get("title"), title)
    ):
        return None, title  # a new title with the company left blank: where is not known
    return company or prev.get("company") or None, title or prev.get("title") or None


def job_changed(before: dict[str, Any], company: str | None, title: str | None) -> bool:
    """Only a different company or title counts, never a re-spelling of one
    nor a blank filled: "Acme Inc" / "VP of Sales" -> "ACME, Inc." / "VP Sales" is
    no change, and neither is "? at Acme" -> "VP of Sales at Acme"."""
    old_company, old_title = before["company"], before["title"]
    if _departed(company, title):
        return not _departed(old_company, old_title) and not (
            _blank(old_company) and _blank(old_title)
        )
    if _departed(old_company, old_title):
        return not _blank(company)  # back at work after leaving
    if _moved(old_company, company):
        return True
    return not _blank(old_title) and not _blank(title) and not same_title(old_title, title)


def save_contacts(
    db: Database,
    contacts: Iterable[Contact],
    source: str,
    fields: Collection[str] | None = None,
    older: bool = False,
) -> SaveResult:
    """Insert new contacts and update changed ones; the caller owns the transaction.

    `fields`: the contact fields the file carries (None: all). `older`: the file
    is an earlier export than this source's last one, so it fills blanks only,
    like a second source, and never rewrites what the source said since."""
    result = SaveResult()
    stamp = now_iso()
    book = _Book(db, source)
    lists_departure = source in LISTS_DEPARTURES and (
        fields is None or {"company", "title"} <= set(fields)
    )
    has_company = fields is None or "company" in fields
    norm_company: dict[str, str] = {}
    inserts: list[dict[str, Any]] = []
    updates: dict[int, dict[str, Any]] = {}
    said: list[tuple[Any, ...]] = []
    claimed: set[int] = set()
    for contact in contacts:
        rec = _record(contact, norm_company)
        if not rec["full_name"]:
            continue
        cid = book.find(rec, claimed)
        if cid is not None and cid in claimed:
            result.duplicates += 1
            continue
        earlier = book.said.get(cid) if cid is not None else None
        if older and earlier is not None:
            # An old export has nothing to say over a newer one: blanks only,
            # and not the job of someone the newer one shows as gone.
            claimed.add(cid)  # type: ignore[arg-type]
            row = book.rows[cid]  # type: ignore[index]
            gone = _departed(earlier["company"], earlier["title"])
            job = (None, None) if gone else (rec["company"], rec["title"])
            new = _merged(rec, job, row, None, source, book)
            _apply(result, updates, book, row, new)
            continue
        job = said_job(rec, earlier, lists_departure, has_company)
        if cid is None:
            cid = book.next_id
            book.next_id += 1
            row = {**rec, "id": cid, "sources": json.dumps([source])}
            book.index(row)
            inserts.append({**row, "created_at": stamp, "updated_at": stamp})
            result.added += 1
        else:
            row = book.rows[cid]
            shown = (job[0] or None, job[1] or None)
            new = _merged(rec, shown if not _departed(*job) else job, row, earlier, source, book)
            if earlier is not None and job_changed(earlier, *job):
                old_job = {"company": earlier["company"] or None, "title": earlier["title"] or None}
                new_job = {"company": shown[0], "title": shown[1]}
                result.changes.append((cid, old_job, {**new_job, "full_name": new["full_name"]}))
            _apply(result, updates, book, row, new)
        claimed.add(cid)
        # What the source says now; a field it left blank keeps its earlier word.
        now_said = {
            k: rec[k] if not _blank(rec[k]) else (earlier or {}).get(k) for k in _SOURCE_COLUMNS
        }
        now_said["company"], now_said["title"] = job
        if book.said.get(cid) != now_said:
            book.said[cid] = now_said
            said.append((cid, source, *now_said.values(), stamp))
    _write(db, inserts, updates, said, stamp)
    ensure_companies(db)
    return result


def _apply(
    result: SaveResult,
    updates: dict[int, dict[str, Any]],
    book: _Book,
    row: dict[str, Any],
    new: dict[str, Any],
) -> None:
    """Record a known contact's merged row: updated if anything differs."""
    changed = {k: v for k, v in new.items() if row[k] != v}
    if changed:
        row.update(changed)
        updates[row["id"]] = row
        book.index(row)
        result.updated += 1
    else:
        result.unchanged += 1


def _write(
    db: Database,
    inserts: list[dict[str, Any]],
    updates: dict[int, dict[str, Any]],
    said: list[tuple[Any, ...]],
    stamp: str,
) -> None:
    """One executemany each for new rows, changed rows and what the source said."""
    if inserts:
        cols = list(inserts[0])
        db.conn.executemany(
            f"INSERT INTO contacts ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            ([r[c] for c in cols] for r in inserts),
        )
    if updates:
        sets = ", ".join(f"{c} = ?" for c in (*_UPDATE_COLUMNS, "updated_at"))
        db.conn.executemany(
            f"UPDATE contacts SET {sets} WHERE id = ?",
            ([*(r[c] for c in _UPDATE_COLUMNS), stamp, cid] for cid, r in updates.items()),
        )
    if said:
        cols = ("contact_id", "source", *_SOURCE_COLUMNS, "seen_at")
        db.conn.executemany(
            f"INSERT OR REPLACE INTO contact_sources ({', '.join(cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})",
            said,
        )


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


def canonical_company(db: Database, name: str | None) -> str:
    norm = normalize_company(name)
    row = db.execute(
        "SELECT company_norm FROM company_aliases WHERE alias_norm = ?", [norm]
    ).fetchone()
    return row[0] if row else norm


def company_norms_for(db: Database, company_norm: str) -> list[str]:
    """The canonical name and every alias that points at it, or that it points at."""
    canon = canonical_company(db, company_norm)
    norms = {canon, company_norm}
    for (alias,) in db.execute(
        "SELECT alias_norm FROM company_aliases WHERE company_norm = ?", [canon]
    ):
        norms.add(alias)
    return sorted(n for n in norms if n)


def contacts_at(
    db: Database, company: str, aliases: Mapping[str, Iterable[str]] | None = None
) -> list[Contact]:
    """The rep's people at a company, by normalised name and aliases (those
    stored by `ensure_companies` and, when given, the rules file's own)."""
    norms = set(company_norms_for(db, normalize_company(company)))
    for canonical, names in (aliases or {}).items():
        group = {normalize_company(canonical), *(normalize_company(n) for n in names)}
        if norms & group:
            norms |= group
    norms.discard("")
    if not norms:
        return []
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
