"""Queries on contacts and companies."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from prospect.models import Contact
from prospect.normalize import normalize_company, normalize_person
from prospect.store import now_iso

CONTACT_FIELDS = (
    "full_name", "first_name", "last_name", "email", "profile_url",
    "company", "title", "connected_on",
)  # fmt: skip


@dataclass(slots=True)
class SaveResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    # (contact id, the row before, the row after) for contacts whose job changed
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


def find_existing(db: Database, contact: Contact) -> dict[str, Any] | None:
    """The stored row for this person: by profile URL, then email, then name + company."""
    if contact.profile_url:
        rows = list(db.query("SELECT * FROM contacts WHERE profile_url = ?", [contact.profile_url]))
        if rows:
            return rows[0]
    if contact.email:
        rows = list(db.query("SELECT * FROM contacts WHERE email = ? LIMIT 1", [contact.email]))
        if rows:
            return rows[0]
    name_norm = contact.name_norm or normalize_person(contact.full_name)
    company_norm = contact.company_norm or normalize_company(contact.company)
    rows = list(
        db.query(
            "SELECT * FROM contacts WHERE name_norm = ? AND coalesce(company_norm, '') = ? LIMIT 1",
            [name_norm, company_norm],
        )
    )
    return rows[0] if rows else None


def save_contacts(db: Database, contacts: Iterable[Contact], source: str) -> SaveResult:
    """Insert new contacts and update changed ones; the caller owns the transaction."""
    result = SaveResult()
    stamp = now_iso()
    for contact in contacts:
        record = {f: getattr(contact, f) for f in CONTACT_FIELDS}
        record["name_norm"] = contact.name_norm or normalize_person(contact.full_name)
        record["company_norm"] = normalize_company(contact.company) or None
        existing = find_existing(db, contact)
        if existing is None:
            record.update(sources=json.dumps([source]), created_at=stamp, updated_at=stamp)
            db["contacts"].insert(record)
            result.added += 1
            continue
        sources = json.loads(existing.get("sources") or "[]")
        changed = {k: v for k, v in record.items() if v not in (None, "") and existing.get(k) != v}
        if source in sources:
            # A newer export from the same source is authoritative about the job:
            # an empty company there means the person left.
            for key in ("company", "company_norm", "title"):
                if record[key] in (None, "") and existing.get(key):
                    changed[key] = None
        if source not in sources:
            sources.append(source)
            changed["sources"] = json.dumps(sources)
        if not changed:
            result.unchanged += 1
            continue
        changed["updated_at"] = stamp
        db["contacts"].update(existing["id"], changed)
        result.updated += 1
        after = {**existing, **changed}
        if existing.get("company_norm") != after.get("company_norm") or (
            normalize_person(existing.get("title")) != normalize_person(after.get("title"))
        ):
            result.changes.append((existing["id"], existing, after))
    ensure_companies(db)
    return result


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


def contacts_at(db: Database, company: str) -> list[Contact]:
    """The rep's people at a company, by normalised name and aliases."""
    norms = company_norms_for(db, normalize_company(company))
    marks = ",".join("?" for _ in norms)
    rows = db.query(
        f"SELECT * FROM contacts WHERE company_norm IN ({marks}) ORDER BY full_name", norms
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


def count_contacts(db: Database) -> int:
    return db.execute("SELECT count(*) FROM contacts").fetchone()[0]
