"""Following accounts: one Google News search feed per account.

The rep names accounts in signals.yaml (`accounts.include`); `prospect
accounts follow` keeps, for each, a Google News search for the account's name
together with trigger words (`accounts.news.words`: funding, raises, appoints,
hires ...), in the locale set there (hl, gl, ceid). With `--from-contacts N`
the N companies where the rep knows the most people in target roles are
followed too (the choice is remembered in the database, so a later `follow`
or `poll` keeps it; `--from-contacts 0` stops it).

The feeds are ordinary feeds tagged `account`, so they are polled like any
other, under the same per-host limit (they all live on news.google.com). The
set is kept in step with the account list: `sync_account_feeds` adds the
feeds of new accounts, removes those of accounts no longer followed (their
entries and signals stay), and never adds one twice (addresses are stored in
canonical form; two spellings of one company are one account). `prospect
poll` runs the sync first once accounts are followed, so an edit to
`accounts.include` takes effect on the next poll.

Pure parts (`account_query`, `account_feed_url`, `top_companies`,
`accounts_to_follow`) take plain data; the store is touched only in
`sync_account_feeds` and `account_report`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prospect.companies import alias_table, company_of
from prospect.fetch import GOOGLE_NEWS_SEARCH, google_news_search_url
from prospect.normalize import canonical_feed_url, normalize_company
from prospect.store.coverage import (
    ACCOUNT_TAG,
    contacts_with_titles,
    delete_feeds,
    delete_settings,
    feeds_tagged,
    latest_items,
)
from prospect.store.feeds import feed_status, subscribe
from prospect.store.settings import get_setting, save_setting
from prospect.titles import is_target_role

if TYPE_CHECKING:
    from sqlite_utils import Database

    from prospect.config import AccountNews, Config

FROM_CONTACTS = "accounts_from_contacts"  # settings: N, or absent when not following
FOLLOWING = "accounts_followed"  # settings: set once `accounts follow` has run
NAME_PREFIX = "Account: "


def _quoted(text: str) -> str:
    text = " ".join(text.replace('"', " ").split())
    return f'"{text}"'


def account_query(name: str, words: Iterable[str]) -> str:
    """`"Acme Robotics" (funding OR raises OR "VP of Sales")`: the account's
    name as an exact phrase, with any of the trigger words."""
    terms = [w.strip() for w in words if w.strip()]
    phrase = _quoted(name)
    if not terms:
        return phrase
    ored = " OR ".join(_quoted(t) if " " in t else t.replace('"', "") for t in terms)
    return f"{phrase} ({ored})"


def account_feed_url(name: str, news: AccountNews, base: str = GOOGLE_NEWS_SEARCH) -> str:
    return google_news_search_url(
        account_query(name, news.words), news.hl, news.gl, news.ceid, base=base
    )


def top_companies(
    contacts: Iterable[tuple[str, str, str | None]],
    target_roles: Iterable[str],
    n: int,
    aliases: Mapping[str, str] | None = None,
) -> list[tuple[str, int]]:
    """The `n` companies where the rep knows the most people in target roles:
    (the name as most often spelt, how many), most first, ties by name."""
    if n <= 0:
        return []
    roles = list(target_roles)
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for company, _norm, title in contacts:
        key = company_of(company, aliases) or ""
        if not key or not is_target_role(title, roles):
            continue
        counts[key] += 1
        spellings[key][company.strip()] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [(spellings[k].most_common(1)[0][0], c) for k, c in ranked]


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    why: str  # "accounts.include" | "3 contacts in target roles"


def accounts_to_follow(
    include: Iterable[str],
    exclude: Iterable[str],
    from_contacts: Iterable[tuple[str, int]] = (),
    aliases: Mapping[str, str] | None = None,
) -> list[Account]:
    """The accounts to follow, one per company (the first spelling wins),
    excluded accounts left out."""
    banned = {company_of(a, aliases) for a in exclude} - {""}
    seen: set[str] = set()
    out: list[Account] = []
    candidates = [(a, "accounts.include") for a in include] + [
        (name, f"{count} contact{'s' if count != 1 else ''} in target roles")
        for name, count in from_contacts
    ]
    for name, why in candidates:
        key = company_of(name, aliases)
        if not key or key in seen or key in banned:
            continue
        seen.add(key)
        out.append(Account(" ".join(name.split()), why))
    return out


# --- the store -----------------------------------------------------------------------


@dataclass(slots=True)
class SyncResult:
    added: list[str] = field(default_factory=list)  # account names
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # feed names


def _aliases(config: Config) -> dict[str, str]:
    configured = {
        normalize_company(alias): normalize_company(canon)
        for canon, aliases in config.aliases.items()
        for alias in aliases
    }
    return alias_table(configured)


def wanted_accounts(db: Database, config: Config, from_contacts: int | None) -> list[Account]:
    aliases = _aliases(config)
    top = top_companies(contacts_with_titles(db), config.target_roles, from_contacts or 0, aliases)
    return accounts_to_follow(config.include_accounts, config.exclude_accounts, top, aliases)


def sync_account_feeds(
    db: Database,
    config: Config,
    from_contacts: int | None = None,
    base: str = GOOGLE_NEWS_SEARCH,
) -> SyncResult:
    """Make the account feeds match the accounts to follow; the caller holds
    the write transaction. `from_contacts` None keeps the remembered choice."""
    if from_contacts is None:
        stored = get_setting(db, FROM_CONTACTS)
        from_contacts = int(stored) if stored and stored.isdigit() else 0
    save_setting(db, FROM_CONTACTS, str(from_contacts))
    save_setting(db, FOLLOWING, "1")
    news = config.account_news
    assert news is not None  # always built from the defaults
    accounts = wanted_accounts(db, config, from_contacts)
    wanted = {account_feed_url(a.name, news, base): a for a in accounts}
    result = SyncResult()
    stale = []
    canonical = {canonical_feed_url(url): url for url in wanted}
    for row in feeds_tagged(db, ACCOUNT_TAG):
        if row["url"] in canonical or row.get("original_url") in canonical:
            continue
        stale.append(row["id"])
        result.removed.append(row.get("name") or row["url"])
    delete_feeds(db, stale)
    for url, account in wanted.items():
        outcome = subscribe(db, url, NAME_PREFIX + account.name, ACCOUNT_TAG, replace=False)
        (result.added if outcome != "exists" else result.kept).append(account.name)
    return result


def sync_if_following(db: Database, config: Config) -> SyncResult | None:
    """`sync_account_feeds` when the rep follows accounts; None otherwise."""
    if get_setting(db, FOLLOWING) is None:
        return None
    return sync_account_feeds(db, config)


def stop_following(db: Database) -> list[str]:
    """Remove every account feed and forget the choice; the names removed."""
    rows = feeds_tagged(db, ACCOUNT_TAG)
    delete_feeds(db, [r["id"] for r in rows])
    delete_settings(db, [FOLLOWING, FROM_CONTACTS])
    return [r.get("name") or r["url"] for r in rows]


def account_report(db: Database, config: Config) -> list[dict[str, Any]]:
    """One record per account to follow: whether its feed is there, its state,
    and what it last brought."""
    stored = get_setting(db, FROM_CONTACTS)
    n = int(stored) if stored and stored.isdigit() else 0
    news = config.account_news
    assert news is not None
    feeds = {row["url"]: row for row in feeds_tagged(db, ACCOUNT_TAG)}
    records: list[dict[str, Any]] = []
    accounts = wanted_accounts(db, config, n)
    rows = {a.name: feeds.get(canonical_feed_url(account_feed_url(a.name, news))) for a in accounts}
    if any(r is None for r in rows.values()):
        # a feed added under a different base (tests, a mirror): match by name
        by_name = {row.get("name"): row for row in feeds.values()}
        rows = {n: r or by_name.get(NAME_PREFIX + n) for n, r in rows.items()}
    items = latest_items(db, [r["id"] for r in rows.values() if r is not None])
    for account in accounts:
        row = rows[account.name]
        record: dict[str, Any] = {"account": account.name, "why": account.why}
        if row is None:
            record.update(followed="no", status="not followed (prospect accounts follow)")
        else:
            record.update(
                followed="yes",
                feed_id=row["id"],
                status=feed_status(row),
                last_polled_at=row.get("last_polled_at"),
                last_new_entry_at=row.get("last_new_entry_at"),
                url=row["url"],
                **items.get(row["id"], {}),
            )
        records.append(record)
    return records
