"""The database schema, as numbered migrations.

Each migration is a small function applied once, in order, and recorded in the
`migrations` table, so a database made by an older prospect is upgraded in
place the first time a newer one opens it. Never edit a released migration:
add the next number.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database


def _m001_initial(db: Database) -> None:
    db.table("contacts").create(
        {
            "id": int,
            "full_name": str,
            "first_name": str,
            "last_name": str,
            "name_norm": str,
            "email": str,
            "profile_url": str,
            "company": str,
            "company_norm": str,
            "title": str,
            "connected_on": str,
            "sources": str,  # JSON list of source names: linkedin, csv, vcard
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"full_name"},
        defaults={"sources": "[]"},
    )
    db.table("companies").create(
        {"id": int, "name": str, "name_norm": str, "aliases": str, "source": str},
        pk="id",
        not_null={"name", "name_norm"},
        defaults={"aliases": "[]"},
    )
    db.table("feeds").create(
        {
            "id": int,
            "url": str,
            "name": str,
            "tag": str,
            "title": str,
            "etag": str,
            "last_modified": str,
            "last_status": int,
            "last_error": str,
            "error_count": int,
            "next_poll_at": str,
            "last_polled_at": str,
            "last_new_entry_at": str,
            "disabled": int,
            "created_at": str,
        },
        pk="id",
        not_null={"url"},
        defaults={"error_count": 0, "disabled": 0},
    )
    db.table("items").create(
        {
            "id": int,
            "feed_id": int,
            "guid": str,
            "title": str,
            "summary": str,
            "url": str,
            "published_at": str,
            "fetched_at": str,
        },
        pk="id",
        foreign_keys=[("feed_id", "feeds", "id")],
    )
    db.table("signals").create(
        {
            "id": int,
            "key": str,  # what makes a signal the same on a re-run: never stored twice
            "type": str,
            "rule": str,
            "company": str,
            "company_norm": str,
            "person": str,
            "person_norm": str,
            "role": str,
            "round": str,
            "amount": float,
            "currency": str,
            "evidence": str,
            "confidence": float,
            "item_id": int,
            "contact_id": int,
            "old_company": str,
            "old_title": str,
            "change": str,
            "published_at": str,
            "url": str,
            "detected_at": str,
        },
        pk="id",
        not_null={"key", "type"},
        foreign_keys=[("item_id", "items", "id"), ("contact_id", "contacts", "id")],
    )
    db.table("outreach").create(
        {
            "person_key": str,
            "person": str,
            "contact_id": int,
            "state": str,  # contacted | skipped | snoozed | listed
            "until": str,
            "note": str,
            "score": float,  # the score of the best signal when the state was set
            "signal_id": int,
            "updated_at": str,
        },
        pk="person_key",
    )
    db.table("outreach_events").create(
        {
            "id": int,
            "person_key": str,
            "person": str,
            "action": str,
            "until": str,
            "note": str,
            "signal_id": int,
            "score": float,
            "at": str,
        },
        pk="id",
    )


def _m002_indexes(db: Database) -> None:
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS contacts_profile_url "
        "ON contacts(profile_url) WHERE profile_url IS NOT NULL"
    )
    db.table("contacts").create_index(["email"], if_not_exists=True)
    db.table("contacts").create_index(["name_norm", "company_norm"], if_not_exists=True)
    db.table("contacts").create_index(["company_norm"], if_not_exists=True)
    db.table("companies").create_index(["name_norm"], unique=True, if_not_exists=True)
    db.table("feeds").create_index(["url"], unique=True, if_not_exists=True)
    db.table("items").create_index(["feed_id", "guid"], unique=True, if_not_exists=True)
    db.table("items").create_index(["published_at"], if_not_exists=True)
    db.table("signals").create_index(["key"], unique=True, if_not_exists=True)
    db.table("signals").create_index(["company_norm"], if_not_exists=True)
    db.table("signals").create_index(["published_at"], if_not_exists=True)
    db.table("outreach_events").create_index(["person_key"], if_not_exists=True)
    db.table("company_aliases").create(
        {"alias_norm": str, "company_norm": str}, pk="alias_norm", if_not_exists=True
    )


def _m003_contact_sources(db: Database) -> None:
    # What each source last said about each contact. A job change is a source
    # contradicting its own earlier word, never two sources disagreeing (a stale
    # CRM export must not undo a fresh LinkedIn one, and re-importing either must
    # change nothing).
    db.table("contact_sources").create(
        {
            "contact_id": int,
            "source": str,
            "full_name": str,
            "email": str,
            "profile_url": str,
            "company": str,
            "title": str,
            "connected_on": str,
            "seen_at": str,
        },
        pk=("contact_id", "source"),
        foreign_keys=[("contact_id", "contacts", "id")],
    )
    db.table("contact_sources").create_index(["source"], if_not_exists=True)
    # Contacts stored before this table existed: each listed source said what is stored.
    db.execute(
        "INSERT OR IGNORE INTO contact_sources (contact_id, source, full_name, email, "
        "profile_url, company, title, connected_on, seen_at) "
        "SELECT contacts.id, json_each.value, full_name, email, profile_url, company, title, "
        "connected_on, coalesce(updated_at, created_at) "
        "FROM contacts, json_each(CASE WHEN json_valid(contacts.sources) "
        "THEN contacts.sources ELSE '[]' END)"
    )


def _m004_feed_politeness(db: Database) -> None:
    # why a feed is disabled (410 Gone), the address the user gave before a
    # permanent redirect moved it, and the publisher behind aggregator entries
    db.table("feeds").add_column("disabled_reason", str)
    db.table("feeds").add_column("original_url", str)
    db.table("items").add_column("publisher", str)


def _m005_outreach_seen(db: Database) -> None:
    # The newest signal id when a state was set: any signal with a higher id is
    # news the rep has not acted on, whatever the clocks of feeds say.
    db.execute("ALTER TABLE outreach ADD COLUMN seen_signal_id INTEGER")
    db.table("outreach_events").create_index(["action", "person_key"], if_not_exists=True)
    db.table("signals").create_index(["contact_id"], if_not_exists=True)
    db.table("signals").create_index(["person_norm"], if_not_exists=True)


def _m006_digests(db: Database) -> None:
    # What each digest carried, so the rep (or datasette) can see what went out when.
    db.table("digests").create(
        {
            "id": int,
            "sent_at": str,
            "delivery": str,  # smtp | stdout
            "recipients": str,  # JSON list of addresses; [] for stdout
            "subject": str,
            "message_id": str,
            "people": int,
        },
        pk="id",
    )
    db.table("digest_people").create(
        {
            "digest_id": int,
            "rank": int,
            "person_key": str,
            "person": str,
            "contact_id": int,
            "signal_id": int,
            "score": float,
        },
        pk=("digest_id", "person_key"),
        foreign_keys=[("digest_id", "digests", "id")],
    )
    db.table("digest_people").create_index(["person_key"], if_not_exists=True)


def _m007_source_exports(db: Database) -> None:
    # The date of each source's newest export imported, so an older file
    # imported afterwards fills blanks instead of turning the clock back:
    # `as_of` the newest "Connected On" seen (a guess, a lower bound of the
    # export's date), `stated_as_of` the newest date given with --as-of.
    # They are kept apart because a guess is compared with a stated date
    # only where the guess proves something (see importers.newer_export).
    db.table("source_exports").create(
        {"source": str, "as_of": str, "stated_as_of": str, "imported_at": str},
        pk="source",
        if_not_exists=True,
    )


def _m008_canonical_feed_urls(db: Database) -> None:
    # One stored form per feed address (normalize.canonical_feed_url): rewrite
    # the spellings older versions kept as typed, and fold feeds that turn out
    # to be one into the oldest, which keeps its poll state and its entries.
    from prospect.normalize import canonical_feed_url

    rows = db.execute("SELECT id, url, original_url, name, tag FROM feeds ORDER BY id").fetchall()
    kept: dict[str, int] = {}
    for feed_id, url, _original, name, tag in rows:
        first = kept.setdefault(canonical_feed_url(url), feed_id)
        if first == feed_id:
            continue
        db.execute(
            "UPDATE feeds SET name = coalesce(nullif(name, ''), ?),"
            " tag = coalesce(nullif(tag, ''), ?) WHERE id = ?",
            [name, tag, first],
        )
        _drop_entries_held_twice(db, feed_id, first)
        db.execute("UPDATE items SET feed_id = ? WHERE feed_id = ?", [first, feed_id])
        db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    # only now: a feed's new address may be one a folded duplicate held
    for feed_id, url, original, *_ in rows:
        if kept[canonical_feed_url(url)] == feed_id:
            db.execute(
                "UPDATE feeds SET url = ?, original_url = ? WHERE id = ?",
                [canonical_feed_url(url), original and canonical_feed_url(original), feed_id],
            )


# A signal on the kept copy of an entry that says what `s` said (signal_key
# with the item swapped): where a mark on `s` belongs once `s` is gone.
_SAME_SIGNAL_ON_KEPT_ITEM = (
    "SELECT t.id FROM signals t WHERE t.item_id = ? AND t.type = s.type"
    " AND t.rule IS s.rule AND t.contact_id IS s.contact_id"
    " AND t.company_norm IS s.company_norm AND t.person_norm IS s.person_norm"
    " AND coalesce(t.role, '') = coalesce(s.role, '')"
    " AND coalesce(t.round, '') = coalesce(s.round, '')"
    " AND coalesce(t.change, '') = coalesce(s.change, '')"
    " ORDER BY t.id LIMIT 1"
)


def _drop_entries_held_twice(db: Database, duplicate: int, kept: int) -> None:
    # An entry polled through both spellings is one story: left behind unlinked
    # it would count as a second report of it. The kept feed's copy stays; the
    # duplicate's goes with its signals, and what pointed at one of those
    # signals (an outreach mark, its history, a digest line) points at the
    # kept copy's matching signal, or at none.
    pairs = db.execute(
        "SELECT d.id, k.id FROM items d JOIN items k ON k.feed_id = ? AND k.guid = d.guid"
        " WHERE d.feed_id = ?",
        [kept, duplicate],
    ).fetchall()
    for gone_item, kept_item in pairs:
        moves = db.execute(
            f"SELECT s.id, ({_SAME_SIGNAL_ON_KEPT_ITEM}) FROM signals s WHERE s.item_id = ?",
            [kept_item, gone_item],
        ).fetchall()
        for gone_signal, kept_signal in moves:
            for table in ("outreach", "outreach_events", "digest_people"):
                db.execute(
                    f"UPDATE {table} SET signal_id = ? WHERE signal_id = ?",
                    [kept_signal, gone_signal],
                )
        db.execute("DELETE FROM signals WHERE item_id = ?", [gone_item])
        db.execute("DELETE FROM items WHERE id = ?", [gone_item])


def _m009_departures_as_blank(db: Database) -> None:
    # Releases up to migration 6 stored "this source lists them with no job" as
    # NULL company and title, which now means "not known" (importers/reconcile.py
    # keeps a departure as ''), so the next job of someone who left was no
    # news. A source's NULL job is a departure where the contact's newest job
    # change is one. Signals do not record which source they came from, so a
    # second source that never knew the job is read the same way; at worst its
    # next export showing a job is news about someone known to have left.
    db.execute(
        "UPDATE contact_sources SET company = '', title = '' "
        "WHERE company IS NULL AND title IS NULL AND ("
        "SELECT change FROM signals WHERE signals.contact_id = contact_sources.contact_id "
        "AND signals.type = 'job_change' ORDER BY signals.id DESC LIMIT 1) = 'departure'"
    )


def _m010_settings(db: Database, upgrade: bool) -> None:
    # Facts about the database itself, one value per key (store/settings.py).
    # `starter_feeds_offered`: when `init` added the rules file's starter feeds,
    # so it adds them once and never puts back one the user removed. A database
    # an earlier release made was offered them: its `init` always added them,
    # and an empty feed list there may be the user's removing both.
    db.table("settings").create({"key": str, "value": str}, pk="key", if_not_exists=True)
    if upgrade:
        db.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES ('starter_feeds_offered',"
            " strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))"
        )


def _m011_person_urls_unique(db: Database) -> None:
    # Only a LinkedIn member profile names one person: two colleagues whose
    # vCards carry their employer's website hold the same URL and are two
    # contacts (normalize.is_person_url), so only member profiles are unique.
    db.execute("DROP INDEX IF EXISTS contacts_profile_url")
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS contacts_person_url ON contacts(profile_url) "
        "WHERE profile_url LIKE 'https://www.linkedin.com/in/_%' "
        "OR profile_url LIKE 'https://www.linkedin.com/pub/_%'"
    )
    db.table("contacts").create_index(["profile_url"], if_not_exists=True)


def _m012_feed_original_url(db: Database) -> None:
    # A feed is found by the address it has now or the one the user gave
    # (store.feeds._by_address): without this index every outline of an OPML
    # import scanned the whole feeds table.
    db.table("feeds").create_index(["original_url"], if_not_exists=True)


def _m013_company_keys(db: Database) -> None:
    # normalize_company now reads web-style names ("salesforce.com", "Gong.io")
    # and more legal forms (Holdings, Ltda, Sp. z o.o. ...): recompute the
    # stored keys, so a contact saved before is found under the new one.
    from prospect.normalize import normalize_company

    for table, column, source in (
        ("contacts", "company_norm", "company"),
        ("signals", "company_norm", "company"),
    ):
        names = [r[0] for r in db.execute(f"SELECT DISTINCT {source} FROM {table}") if r[0]]
        for name in names:
            db.execute(
                f"UPDATE {table} SET {column} = ? WHERE {source} = ? AND {column} IS NOT ?",
                [normalize_company(name) or None, name, normalize_company(name) or None],
            )
    for (name,) in db.execute("SELECT name FROM companies").fetchall():
        db.execute(
            "UPDATE OR IGNORE companies SET name_norm = ? WHERE name = ?",
            [normalize_company(name), name],
        )


def _m014_previous_company(db: Database) -> None:
    # The company a newly hired executive came from, when the news says: the
    # rep's contacts who worked there can introduce them.
    if "previous_company" not in db["signals"].columns_dict:
        db.table("signals").add_column("previous_company", str)


def _m015_outbox(db: Database) -> None:
    # A digest about to be sent: written before the mail goes out and removed in
    # the same transaction that records it, so a row still here means a run
    # stopped (killed, or the database locked) between the two. Its people are
    # then counted as listed: a digest may go out at most once, never twice.
    db.table("outbox").create(
        {
            "id": int,
            "created_at": str,
            "delivery": str,  # smtp | stdout
            "recipients": str,  # JSON list of addresses
            "subject": str,
            "message_id": str,
            "records": str,  # JSON list of the digest's rows, as record_digest takes them
        },
        pk="id",
    )


def _m016_unused_indexes(db: Database) -> None:
    # Contacts are matched by email and profile URL in memory (importers/reconcile.py);
    # no query looks them up by either, so these two indexes only slowed every
    # import's inserts. The unique index on LinkedIn member profiles stays.
    db.execute("DROP INDEX IF EXISTS idx_contacts_profile_url")
    db.execute("DROP INDEX IF EXISTS idx_contacts_email")


# A name without its middle names (importers.reconcile._short): "john q public"
# and "john public" are one person at one company. In SQL: the first word, and
# what follows the last space (rtrim strips the characters of the name other
# than spaces from its end, which leaves it up to that space).
NAME_SHORT = (
    "CASE WHEN instr(name_norm, ' ') = 0 THEN name_norm "
    "ELSE substr(name_norm, 1, instr(name_norm, ' ') - 1) || ' ' || "
    "substr(name_norm, length(rtrim(name_norm, replace(name_norm, ' ', ''))) + 1) END"
)


def _m017_import_lookups(db: Database) -> None:
    # An import looks up each batch's people in the store rather than loading
    # every contact (store.contacts.contacts_for_keys): by email (an index of
    # the few contacts that have one), and by name at a company, through a
    # name without its middle names, computed by SQLite (a virtual column, so
    # a row written any way has it). (company_norm, name_short) serves
    # company_norm alone too, so that index goes; name_norm's stays for names.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_contacts_email ON contacts(email) WHERE email IS NOT NULL"
    )
    if "name_short" not in {r[1] for r in db.execute("PRAGMA table_xinfo(contacts)")}:
        db.execute(
            f"ALTER TABLE contacts ADD COLUMN name_short TEXT GENERATED ALWAYS AS ({NAME_SHORT}) "
            "VIRTUAL"
        )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_contacts_company_norm_name_short "
        "ON contacts(company_norm, name_short)"
    )
    db.execute("DROP INDEX IF EXISTS idx_contacts_company_norm")


def _m018_names_covered(db: Database) -> None:
    # For each name at a company an import asks which contacts there have the
    # very name (store.contacts.key_holders): with name_norm in the index it
    # answers from the index alone, without reading every namesake's row, for
    # about what the narrower index cost to keep.
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_contacts_company_norm_name_short_name_norm "
        "ON contacts(company_norm, name_short, name_norm)"
    )
    db.execute("DROP INDEX IF EXISTS idx_contacts_company_norm_name_short")


MIGRATIONS: list[tuple[int, str, Callable[..., None]]] = [
    (1, "initial tables", _m001_initial),
    (2, "indexes and company aliases", _m002_indexes),
    (3, "what each source said about each contact", _m003_contact_sources),
    (4, "feed politeness: disabled reason, original URL; item publisher", _m004_feed_politeness),
    (5, "outreach: newest signal seen when a state was set", _m005_outreach_seen),
    (6, "digests sent", _m006_digests),
    (7, "the date of each source's newest export", _m007_source_exports),
    (8, "one canonical address per feed", _m008_canonical_feed_urls),
    (9, "a source's departure stored as no job, not an unknown one", _m009_departures_as_blank),
    (10, "settings: facts about the database, such as starter feeds offered", _m010_settings),
    (11, "only a LinkedIn member profile URL is unique to a contact", _m011_person_urls_unique),
    (12, "feeds found by the address the user gave", _m012_feed_original_url),
    (13, "company keys for web-style names and more legal forms", _m013_company_keys),
    (14, "signals: a hire's previous company", _m014_previous_company),
    (15, "the outbox: a digest's intent, written before it is sent", _m015_outbox),
    (16, "contacts: drop the email and profile URL indexes no query uses", _m016_unused_indexes),
    (17, "contacts: the indexes an import looks people up by", _m017_import_lookups),
    (18, "contacts: names at companies indexed with the very name", _m018_names_covered),
]

# Migrations called as step(db, upgrade): `upgrade` is whether the database had
# migrations applied before this run (made by an earlier release, or an earlier
# run of this one) rather than being created by it.
TOLD_IF_UPGRADE = frozenset({10})
