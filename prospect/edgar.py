"""Funding from filings: SEC EDGAR's Form D feed, before the press release.

A US company selling securities in a private round files a Form D within 15
days of the first sale, often before any announcement. EDGAR publishes the
filings as they arrive in its "current filings" Atom feed
(`browse-edgar?action=getcurrent&type=D&output=atom`); each entry links to
the filing's index page, next to which sits the form itself, `primary_doc.xml`.

The feed is polled like any feed (`poll.refresh_feed`); this module adds what
EDGAR needs on top, through one hook there:

- `edgar_source` says whether a feed is EDGAR's and, if so, how to talk to it:
  EDGAR's fair-access rules ask every automated tool to declare itself in the
  User-Agent with a contact address, and to stay at or under 10 requests a
  second. The contact comes from `edgar.contact` in signals.yaml; without one
  the feed is refused (it fails with a message saying what to set), never
  polled anonymously.
- After the Atom feed is parsed, `EdgarSource.add_filings` fetches the
  `primary_doc.xml` of each filing not stored before (only those: the feed
  repeats an accession once per party, and a filing seen on an earlier poll
  is never fetched again), and turns it into a `funding_round` signal.
  A 403 or 429 from EDGAR fails the whole refresh, so nothing of it is stored
  and the feed backs off (honouring Retry-After); the next poll fetches the
  same filings again. Any other failure of one document skips that filing.
- `parse_form_d` is pure: the form's XML in, a `FormD` out.

What becomes a signal (`form_d_signal`): money actually sold (an offering with
nothing sold yet says nothing), not a pooled investment fund (a fund raising
from its investors is not a company with a budget), and not the yearly
amendment of an offering that began more than a year before. The round is
unknown (Form D never says "Series B"); the amount is the amount sold, in USD.
Such a signal clusters with a press report of the same company's round
(`match.cluster_signals`), so the list shows one row with both reports.
"""

from __future__ import annotations

import asyncio
import re
import time
import weakref
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urljoin, urlsplit

from prospect import __version__
from prospect.errors import InputError
from prospect.fetch import BeforeBody, FetchResult, fetch_feed
from prospect.models import Signal

if TYPE_CHECKING:
    from prospect.config import Config
    from prospect.poll import Parsed, PollRun
    from prospect.store.feeds import FeedRow

FORM_D_FEED = (
    "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=D&company=&dateb="
    "&owner=include&count=100&output=atom"
)
MAX_REQUESTS_PER_SECOND = 10  # EDGAR's fair-access limit, for all of a tool's requests
PRIMARY_DOC = "primary_doc.xml"
POOLED_FUND = "Pooled Investment Fund"
OLD_OFFERING_DAYS = 365  # an amendment of an offering older than this is not news
_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}")
_FORM_D_TITLE = re.compile(r"^\s*D(?:/A)?\s+-\s+")
_BACKOFF_STATUSES = (403, 429)


class FormDError(ValueError):
    """The document is not a Form D (or not one this reader understands)."""


# --- the form: pure ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormD:
    """What a Form D says about one offering."""

    issuer: str
    cik: str | None
    submission_type: str  # D | D/A
    industry: str | None  # industryGroupType, e.g. "Other Technology"
    total_offering: float | None  # None: "Indefinite"
    amount_sold: float | None
    first_sale: str | None  # ISO date; None when "yet to occur"
    equity: bool  # isEquityType: shares, not debt or options only
    amendment: bool
    signed_on: str | None  # the signature's date (ISO), the nearest to filing

    @property
    def pooled_fund(self) -> bool:
        return self.industry == POOLED_FUND


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(node: ET.Element | None, *path: str) -> ET.Element | None:
    """The first descendant along `path` by local names (EDGAR's XML may or
    may not carry a namespace)."""
    for name in path:
        if node is None:
            return None
        node = next((c for c in node.iter() if c is not node and _local(c.tag) == name), None)
    return node


def _text(node: ET.Element | None, *path: str) -> str | None:
    found = _find(node, *path) if path else node
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _amount(text: str | None) -> float | None:
    if text is None:
        return None
    cleaned = text.replace(",", "").replace("$", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None  # "Indefinite"
    return value if value >= 0 else None


def _true(text: str | None) -> bool:
    return (text or "").strip().lower() == "true"


def _iso_date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        return None


def parse_form_d(xml: bytes | str) -> FormD:
    """A Form D's `primary_doc.xml` as a `FormD`. Raises FormDError for a
    document that is not one (an error page, another form, broken XML)."""
    try:
        # a saved form may start with a blank line before its declaration
        root = ET.fromstring(xml.lstrip())
    except ET.ParseError as exc:
        raise FormDError(f"not well-formed XML ({exc})") from None
    if _local(root.tag) != "edgarSubmission":
        raise FormDError(f"expected an <edgarSubmission> document, got <{_local(root.tag)}>")
    kind = _text(root, "submissionType") or ""
    if kind not in ("D", "D/A"):
        raise FormDError(f"expected a Form D (submissionType D or D/A), got {kind or 'none'!r}")
    issuer_node = _find(root, "primaryIssuer")
    issuer = _text(issuer_node, "entityName")
    if not issuer:
        raise FormDError("no issuer name (primaryIssuer/entityName)")
    offering = _find(root, "offeringData")
    first_sale = _find(offering, "dateOfFirstSale")
    return FormD(
        issuer=" ".join(issuer.split()),
        cik=_text(issuer_node, "cik"),
        submission_type=kind,
        industry=_text(offering, "industryGroupType"),
        total_offering=_amount(_text(offering, "totalOfferingAmount")),
        amount_sold=_amount(_text(offering, "totalAmountSold")),
        first_sale=_iso_date(_text(first_sale, "value")) if first_sale is not None else None,
        equity=_true(_text(offering, "isEquityType")),
        amendment=_true(_text(offering, "isAmendment")) or kind == "D/A",
        signed_on=_iso_date(_text(offering, "signatureDate")),
    )


def _money(amount: float) -> str:
    for size, unit in ((1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"${amount / size:,.1f} {unit}".replace(".0 ", " ")
    return f"${amount:,.0f}"


def why_not_a_signal(form: FormD, filed_on: str | None = None) -> str | None:
    """Why a filing is not a funding signal, in words; None when it is one."""
    if not form.amount_sold:
        return "nothing sold yet"
    if form.pooled_fund:
        return "a pooled investment fund"
    if form.amendment and form.first_sale:
        filed = _iso_date(filed_on) or form.signed_on
        if filed:
            age = (date.fromisoformat(filed) - date.fromisoformat(form.first_sale)).days
            if age > OLD_OFFERING_DAYS:
                return f"an amendment of an offering begun {form.first_sale}"
    return None


def form_d_signal(
    form: FormD, url: str | None = None, filed_on: str | None = None
) -> Signal | None:
    """The `funding_round` signal a filing gives, or None (`why_not_a_signal`)."""
    if why_not_a_signal(form, filed_on) is not None or form.amount_sold is None:
        return None
    kind = "Form D/A" if form.amendment else "Form D"
    parts = [f"{kind}: {form.issuer} sold {_money(form.amount_sold)}"]
    if form.total_offering:
        parts[0] += f" of {_money(form.total_offering)} offered"
    parts.append("equity" if form.equity else "not equity")
    if form.first_sale:
        parts.append(f"first sale {form.first_sale}")
    if form.industry:
        parts.append(form.industry)
    return Signal(
        type="funding_round",
        rule="funding_round",
        company=form.issuer,
        round=None,  # a Form D never names the round
        amount=form.amount_sold,
        currency="USD",
        evidence="; ".join(parts),
        confidence=0.9,
        url=url,
    )


# --- which feeds are EDGAR's, and how to talk to it ----------------------------------


def is_edgar_url(url: str) -> bool:
    """EDGAR's host, or its current-filings endpoint on any host (a saved copy)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host == "sec.gov" or host.endswith(".sec.gov") or parts.path.endswith("/browse-edgar")


def is_form_d_feed(url: str) -> bool:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return parts.path.endswith("/browse-edgar") and query.get("type", [""])[0].upper() in (
        "D",
        "D/A",
    )


def contact_problem(contact: str | None) -> str | None:
    """What is wrong with `edgar.contact`, in words; None when it will do."""
    if not contact or not contact.strip():
        return (
            "SEC EDGAR asks every tool to name a contact: set edgar.contact in signals.yaml, "
            "e.g. 'Jane Doe jane@example.com'"
        )
    if not _EMAIL.search(contact):
        return f"edgar.contact {contact!r}: expected a name and an email address"
    return None


def user_agent(contact: str) -> str:
    """The declared User-Agent EDGAR asks for: the tool, then who to contact."""
    return f"prospect/{__version__} {' '.join(contact.split())}"


class RateLimit:
    """At most `per_second` request starts a second (one every 1/per_second s)."""

    def __init__(self, per_second: float = MAX_REQUESTS_PER_SECOND) -> None:
        self.interval = 1.0 / per_second
        self._lock = asyncio.Lock()
        self._next = 0.0

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


# one limit per event loop: a poll's every EDGAR feed and document share it
_LIMITS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, RateLimit] = (
    weakref.WeakKeyDictionary()
)


def _limit() -> RateLimit:
    loop = asyncio.get_running_loop()
    limit = _LIMITS.get(loop)
    if limit is None:
        limit = _LIMITS[loop] = RateLimit()
    return limit


@dataclass(slots=True)
class EdgarSource:
    """An EDGAR feed in one poll: refused without a contact, else fetched with
    the declared User-Agent under EDGAR's rate limit."""

    url: str
    refused: str | None
    user_agent: str | None
    form_d: bool

    async def fetch(self, run: PollRun, feed: FeedRow, before_body: BeforeBody) -> FetchResult:
        if self.refused:
            return FetchResult(url=feed.url, error=self.refused)
        await _limit().wait()
        return await fetch_feed(
            run.client, feed.url, feed.etag, feed.last_modified, host_limit=run.hosts,
            deadline=run.timeout, user_agent=self.user_agent, before_body=before_body,
        )  # fmt: skip

    async def add_filings(
        self, run: PollRun, feed: FeedRow, parsed: Parsed, result: FetchResult
    ) -> None:
        """Read each new filing's form and put its signal in place of whatever
        the headline detector found; a 403/429 fails the refresh (`result.error`)."""
        if not self.form_d:
            return
        from prospect.store.coverage import stored_guids

        entries = [e for e in parsed.feed.entries if _FORM_D_TITLE.match(e.title)]
        seen = stored_guids(run.db, feed.id, [e.guid for e in entries])
        done: set[str] = set()
        for entry in entries:
            parsed.signals[entry.guid] = []
            if entry.guid in seen or entry.guid in done or not entry.url:
                continue
            done.add(entry.guid)
            doc = await self._fetch_doc(run, feed.url, entry.url)
            if doc.status in _BACKOFF_STATUSES:
                result.error = f"SEC EDGAR answered {doc.status} for {doc.url}: backing off"
                result.retry_after = doc.retry_after
                return
            if doc.status != 200 or doc.error:
                continue  # this filing only: the others still count
            try:
                form = parse_form_d(doc.body)
            except FormDError:
                continue
            signal = form_d_signal(form, entry.url, entry.published_at)
            if signal is not None:
                parsed.signals[entry.guid] = [signal]

    async def _fetch_doc(self, run: PollRun, feed_url: str, index_url: str) -> FetchResult:
        doc_url = urljoin(index_url, PRIMARY_DOC)
        if urlsplit(doc_url).hostname != urlsplit(feed_url).hostname:
            # never send the contact address to a host the feed merely names
            return FetchResult(url=doc_url, error="not on the feed's host")
        await _limit().wait()
        return await fetch_feed(
            run.client, doc_url, host_limit=run.hosts, deadline=run.timeout,
            user_agent=self.user_agent,
        )  # fmt: skip


def edgar_source(url: str, config: Config | None) -> EdgarSource | None:
    """How to poll a feed if it is EDGAR's; None for every other feed."""
    if not is_edgar_url(url):
        return None
    contact = config.edgar_contact if config is not None else None
    problem = contact_problem(contact)
    return EdgarSource(
        url=url,
        refused=problem,
        user_agent=None if problem else user_agent(contact or ""),
        form_d=is_form_d_feed(url),
    )


def check_contact(config: Config) -> str:
    """The User-Agent to use, or InputError saying what to set."""
    problem = contact_problem(config.edgar_contact)
    if problem:
        raise InputError(problem)
    return user_agent(config.edgar_contact or "")


__all__ = [
    "FORM_D_FEED",
    "EdgarSource",
    "FormD",
    "FormDError",
    "check_contact",
    "edgar_source",
    "form_d_signal",
    "parse_form_d",
]
