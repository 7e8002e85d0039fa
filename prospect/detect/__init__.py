"""Detecting buying signals in news text.

`Detector(config, companies).detect(title, summary)` returns every signal found
in one entry: funding rounds, executive hires and the rep's keyword rules.
Pure: no database, no network; the known companies come in as a mapping of
normalised name -> canonical normalised name, indexed once per Detector.

Design:
- The headline carries the news; the summary's lead fills in what the headline
  leaves out (the round, the person) or carries the news when the headline does
  not. A summary that opens by repeating the headline is read from where it
  stops repeating it. Text is capped (`text.MAX_TITLE`, `text.MAX_LEAD`): a signal is never
  deep in an article, and a cap keeps every entry's cost bounded.
- Every detector is anchored on a verb found by one compiled alternation and
  reads bounded windows around it; patterns are compiled once at import. No
  regex here can backtrack catastrophically on hostile text.
- Companies are read from the text (descriptors, possessives and legal forms
  peeled off) and then checked against the store's companies: when a known
  company ends where the written one ends, its span wins, so the signal's
  company normalises to the stored key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from prospect.config import Config
from prospect.detect.companies import CompanyScanner
from prospect.detect.funding import (
    FundingHit,
    amount_in,
    deal_headline,
    detect_funding,
    fund_headline,
    fund_in_summary,
    issuer_financing,
    named_in_summary,
    normalize_round,
    raised_amount,
    raised_for,
    round_in,
    story_headline,
    unnamed_raise,
)
from prospect.detect.hires import (
    HireHit,
    detect_hires,
    employer_after_role,
    not_hire_news,
    person_in_summary,
    previous_employer,
    successor_in_summary,
)
from prospect.detect.keywords import compile_rules, detect_keywords
from prospect.detect.roles import normalize_role, search_role
from prospect.detect.text import (
    DEMONYMS,
    GOVERNMENT,
    PLACES,
    SECTOR_WORDS,
    clause_end,
    clause_start,
    clean_title,
    company_after,
    compile_folded,
    fold,
    full_name,
    headline_subject,
    issuer_prefix,
    lead,
    repeats_head,
    same_issuer,
    unshout,
)
from prospect.models import Signal
from prospect.normalize import normalize_company

# A headline that announces several hires: the summary's other names are hires too.
_SEVERAL = re.compile(
    r"\b(?:hires|execs|executives|appointments|promotions|leaders|leadership\s+team|"
    r"senior\s+hires|changes|vps|svps|evps|officers|presidents|directors|heads)\b",
    re.IGNORECASE,
)


def _opens_both(head: str, body: str) -> str | None:
    """The company a summary opens with, when the headline names it too ("Madrona-backed
    Gradial to Expand ... with Three Strategic Hires" over "Gradial, the agentic AI ...")."""
    span = company_after(body, 0, 60)
    if span is None or span[0] != 0:
        return None
    name = body[: span[1]]
    return name if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", head) else None


# A public body, for a round or a hire (a government by its name is `GOVERNMENT`): "Chicago
# Transit Board", "Port Authority of New York", "Taxi and Limousine Commission", "Healey-Driscoll
# Administration", "US Central Command" (in the company's name or the hire's post).
_PUBLIC_BODY = re.compile(
    r"\b(?:Commission|Authority|Regulator|Administration|Command|Comptroller)\b|\w\s+Transit\b"
)
# A name that only describes: "Baltic storage JV nets EUR85.6m", "Developer Lands $134M to
# Build Fourth Apartment Tower".
_DESCRIPTION_ONLY = frozenset(
    {
        "jv", "joint venture", "subsidiary", "startup", "start-up", "etf", "million",
        "billion", "developer", "company", "firm", "maker", "provider", "operator", "lender",
        "insurer", "retailer", "manufacturer", "vendor",
    }
)  # fmt: skip
# What a name ending so is: an asset ("C2X's BECCS Plant", "Kenya Geothermal Plant"), a fund
# ("Short-Term Bond ETF"); one opening so is people ("Former Cisco AI Defense Builders").
_ASSET_END = re.compile(r"\s(?:Plant|Project|Projects|Facility|Farm|Pipeline|Tower|ETF)\Z")
_PEOPLE_START = re.compile(r"(?:Former|Ex)[\s-]")
_PLURAL_KINDS = frozenset(
    {
        "producers", "startups", "companies", "firms", "developers", "makers", "founders",
        "investors", "operators", "manufacturers", "providers", "lenders", "banks",
    }
)  # fmt: skip
_SCHOOL = re.compile(r"\b(?:College|University|School|Academy)\b")
_PERSON_END = re.compile(r"\s(?:Jr|Sr)\.?\Z")  # "when Dorval Carter Jr. retires"
# Cities news names as actors: "Vienna appoints head of state-owned energy firm".
_CITIES = frozenset(
    {
        "vienna", "london", "paris", "berlin", "madrid", "rome", "brussels", "tokyo",
        "beijing", "shanghai", "moscow", "kyiv", "seoul", "sydney", "toronto", "dubai",
        "abu dhabi", "riyadh", "new york city", "nyc", "chicago", "boston",
    }
)  # fmt: skip
_STATESMAN = re.compile(
    r"(?:(?:US\s+)?President|Prime\s+Minister)\s|"
    r"(?:Trump|Biden|Obama|Modi|Putin|Xi\s+Jinping|White\s+House|Kremlin|Zelensky|Zelenskyy|"
    r"Macron|Starmer|Scholz|Merz|Erdogan|Netanyahu|Lula|Milei|Meloni|Carney|Albanese|Mamdani)\Z"
)
# A hire that is a promotion: the person was already at the company.
_PROMOTION = re.compile(r"\b(?:promot|elevat)(?:es|ed|ing|e|ion)\b", re.IGNORECASE)

# A summary that opens on the headline's company without naming it.
_THE_COMPANY = re.compile(
    r"\s*(?P<who>(?:The|the)\s+(?:company|startup|firm|business))(?=\s+(?:has\s+|have\s+|"
    r"recently\s+|just\s+)*(?:raised|secured|closed|landed|announced|received))"
)


def _a_company(signal: Signal) -> bool:
    """Whether a signal's company can be one: never a country or a state ("India Gets ₹1
    Lakh Cr Investment"), a year or a number ("... replace him as CEO at the end of 2025"), a
    government or its agency, nor, for a hire, a head of state ("Trump Names Heritage's EJ
    Antoni to Lead BLS": a government post)."""
    name = signal.company or ""
    key = normalize_company(signal.company)
    if key in PLACES or key in _CITIES or GOVERNMENT.search(name):
        return False
    if key in DEMONYMS or key in _DESCRIPTION_ONLY or _PUBLIC_BODY.search(name):
        return False
    if _ASSET_END.search(name) or _PEOPLE_START.match(name) or _PERSON_END.search(name):
        return False
    if name.rpartition(" ")[2].lower() in _PLURAL_KINDS:
        return False  # "SAF Producers Secure Funding, Sign Deals": many, none named
    if signal.type == "funding_round" and _SCHOOL.search(name):
        return False  # "Palm Beach State College secures $1 million for ... training center"
    if signal.type == "executive_hire" and _PUBLIC_BODY.search(signal.role or ""):
        return False  # "Mamdani to name Midori Valdivia new head of Taxi and Limousine Commission"
    if (name or "x").replace(",", "").isdigit():
        return False
    return not (signal.type == "executive_hire" and _STATESMAN.match(name))


# A headline that speaks of money, or names the company: a round its summary reports is
# the story's. A search alert's snippet is often the page's other news ("... Headlines.
# OMV secures EUR123m"), which a headline about something else does not tell.
_MONEY_TALK = compile_folded(
    r"[$€£₹]|\b(?:rais\w*|fund\w*|round(?!-?up)|invest\w*|financ\w*|capital|backs?|backing|backed|"
    r"leads|seed|series\s+[a-h]|million|billion|crore|mn|bn)\b"
)


# A headline that speaks of people or posts: a hire its summary reports is the story's.
_PEOPLE_TALK = compile_folded(
    r"\b(?:appoint\w*|nam(?:e|es|ed|ing)|hir(?:e|es|ed|ing)|tap(?:s|ped)?|join\w*|promot\w*|"
    r"elevat\w*|new|exec\w*|leader\w*|chief|boss|head\w*|ceo|cfo|coo|cto|cmo|cro|cpo|"
    r"president|director|manager|partner|officer|successor|succeed\w*|steps?|stepping|"
    r"resign\w*|retir\w*|depart\w*|exit\w*|quits?|leav\w*|veteran|vet|alum\w*|founder|"
    r"co-founder|poach\w*|welcomes|adds|moves?|shake-?up|reshuffle|rejig\w*|c-suite|"
    r"management|team|picks|lead|leads|helm|replac\w*|who|interview|profile|elect\w*|"
    r"chair\w*|post|role|job)\b"
)


def _people_talk(head: str) -> bool:
    return _PEOPLE_TALK.search(fold(head).low) is not None


def _money_talk(head: str) -> bool:
    return _MONEY_TALK.search(fold(head).low) is not None


def _named_in(company: str | None, head: str) -> bool:
    """Whether the headline names the company (its first word will do: "Revera")."""
    key = normalize_company(company)
    return bool(key) and key.split()[0] in normalize_company(head).split()


# A title-case headline's verb of results read into the name before it: "Procter & Gamble
# Tops Sales, Profit Estimates, Names New CEO".
_RESULTS_VERBS = frozenset(
    {
        "Tops", "Beats", "Misses", "Posts", "Reports", "Cuts", "Lifts", "Hikes", "Slashes",
        "Trims", "Sees", "Expects", "Tumbles", "Jumps", "Falls", "Rises", "Surges", "Plunges",
        "Soars", "Slips", "Drops", "Gains", "Nosedives", "Sinks", "Slumps", "Rallies",
    }
)  # fmt: skip


def _before_results_verb(name: str | None) -> str | None:
    words = (name or "").split()
    for i, word in enumerate(words[1:], start=1):
        if word in _RESULTS_VERBS:
            return " ".join(words[:i])
    return name


# What a hire is described by that is a field, not a former employer: "Appoints Cybersecurity
# GTM Leader Erin McLean", "Finance Executive Michael Scarola", "Digital Media Veteran".
_FIELD_WORDS = frozenset(
    {
        "cybersecurity", "security", "cyber", "gtm", "finance", "financial", "digital", "media",
        "marketing", "sales", "technology", "tech", "industry", "energy", "renewable",
        "renewables", "healthcare", "health", "legal", "retail", "banking", "insurance", "data",
        "software", "telecom", "hr", "operations", "product", "growth", "revenue", "supply",
        "chain", "investment", "infrastructure", "sustainability", "esg", "consumer", "payments",
        "brand", "communications", "strategy", "policy", "government", "public", "enterprise",
        "cloud", "network", "networks", "engineering", "research", "global", "senior",
    }
)  # fmt: skip
_A_VERB = re.compile(r"\b(?:Appoints|Names|Hires|Welcomes|Taps|Adds|Promotes|Announces)\b")


def _a_field_not_a_firm(name: str | None) -> bool:
    """Whether a former employer read before a hire's description is a field of work
    ("Cybersecurity GTM"), a nationality, or runs into the headline's verb."""
    if not name:
        return False
    words = name.lower().replace("-", " ").split()
    if _A_VERB.search(name) or all(w in _FIELD_WORDS or w in SECTOR_WORDS for w in words):
        return True
    return normalize_company(name) in DEMONYMS


def _firm(name: str | None) -> str | None:
    """A former employer without the unit written after it: "Amazon AI" (VP), "SEC Legal
    Branch" (Chief), "CISA Strategic Technology" (Chief); "Google Cloud" stays."""
    if not name:
        return name
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _UNIT_TAILS:
        words.pop()
    return " ".join(words)


_UNIT_TAILS = frozenset({"branch", "division", "unit", "strategic", "ai", "legal", "technology"})


def _has_signal(found: list[Signal]) -> bool:
    """Whether `found` holds a round or a hire, not only keyword matches."""
    return any(s.type != "keyword" for s in found)


def _same_person(short: str | None, full: str | None) -> bool:
    """Whether `short` is `full` or its surname alone ("Giardinelli", "Todd Giardinelli")."""
    if not short or not full:
        return False
    return short == full or (" " not in short and full.endswith(" " + short))


def _widens(role: str | None, other: str | None) -> bool:
    """Whether `other` is `role` with more said ("VP" -> "VP of Operations", "Chief
    Executive Officer" -> "President and Chief Executive Officer")."""
    if not role or not other or other == role:
        return False
    return other.startswith(role + " ") or other.endswith(" and " + role)


def _within(part: str, name: str | None) -> bool:
    """Whether `part` is `name` or a run of its words ("Loan Association of Charleston" of
    "First Federal Savings and Loan Association of Charleston"): the same employer."""
    a, b = normalize_company(part), normalize_company(name)
    return bool(a) and f" {a} " in f" {b} "


def _refines(signal: Signal, amount: float, currency: str | None) -> bool:
    """Whether the summary's `amount` is the headline's written more exactly ("$16M" and
    "$16.2 million"): in its currency, within 5 %."""
    return bool(
        signal.amount
        and amount
        and currency == signal.currency
        and abs(amount - signal.amount) <= signal.amount * 0.05
    )


def _before_title(name: str | None) -> str | None:
    """A headline's subject without the title and person after the company ("11x CEO Hasan
    Sukkar" -> "11x")."""
    if not name:
        return name
    rm = search_role(name)
    return name[: rm.start()].strip() or name if rm is not None and rm.start() > 0 else name


def _untold_first_item(head: str, signals: list[Signal]) -> bool:
    """Whether a list headline's first item ("Tech Moves: A; B; C") gave no signal."""
    if ";" not in head:
        return False
    first = head[: head.index(";")]
    first = first[first.find(":") + 1 :] if ":" in first else first
    return not any(s.evidence and s.evidence in first for s in signals) and not any(
        s.company and s.company in first for s in signals
    )


def _same_company(short: str | None, other: str | None) -> bool:
    """Whether two names are one company, one of them cut short the way headlines cut
    names ("K-Tron" for "K-Tron International Inc", "Lacana" for "Lacana Mining Corp")."""
    a, b = normalize_company(short), normalize_company(other)
    return bool(a and b) and (a == b or b.startswith(a + " ") or a.startswith(b + " "))


__all__ = ["CompanyScanner", "Detector", "normalize_role", "normalize_round"]


class Detector:
    """Finds signals in one entry's title and summary. Build one per poll."""

    def __init__(self, config: Config, companies: Mapping[str, str] | None = None) -> None:
        self.config = config
        self.index = CompanyScanner(companies)
        self.rules = compile_rules(config.rules)
        self.funding_on = config.signals["funding_round"].enabled
        self.hires_on = config.signals["executive_hire"].enabled

    # --- companies ------------------------------------------------------------

    def _company(self, text: str, span: tuple[int, int] | None) -> tuple[str | None, int]:
        """The company's spelling, preferring a store company that ends where it ends."""
        if span is None:
            return None, 0
        s, e = span
        known = self.index.ending_at(text, s, e)
        if known is not None:
            return known.text, known.start
        return text[s:e], s

    # --- detection ------------------------------------------------------------

    def detect(self, title: str, summary: str = "") -> list[Signal]:
        told = issuer_prefix(title or "")
        if told is None:
            return self._detect(title, summary)
        # "Culpeo Minerals Limited (CPORF: OTCQB) | Culpeo Secures $3M": the feed names the
        # issuer; the headline names it short ("Culpeo") or not at all ("Appointment of
        # Finance Director"), as its own news
        issuer, rest = told
        found = self._detect(rest, summary)
        if not _has_signal(found):
            found = self._issuer_news(issuer, rest, summary) or found
        for signal in found:
            short = signal.company
            longer = short is not None and short.casefold().startswith(issuer.casefold())
            if short is None or (same_issuer(short, issuer) and not longer):
                signal.company = issuer  # not "Brunswick Exploration" for "BRUNSWICK EXPL INC"
        return found

    def _issuer_news(self, issuer: str, rest: str, summary: str) -> list[Signal]:
        """A release title that names no company is its issuer's own news: "Appointment
        of Finance Director", "Ian Rodger Appointed Managing Director", "Successful A$25m
        Placement". Read as the issuer's sentence; the evidence is the title as written."""
        # the issuer's sentence as a headline, then as a summary (where "said" tells news)
        for text, told in (
            (f"{issuer}: {rest}", summary),
            ("", f"{issuer} said {rest}. {summary}"),
        ):
            found = self._detect(text, told)
            if _has_signal(found):
                for signal in found:
                    if signal.evidence not in rest:
                        signal.evidence = f"{issuer}: {rest}"
                return found
        own = issuer_financing(rest) if self.funding_on else None
        if own is None:
            return []
        amount, currency, round_name = own
        return [
            Signal(type="funding_round", rule="funding_round", company=issuer, round=round_name,
                   amount=amount, currency=currency, evidence=f"{issuer}: {rest}", confidence=0.6)
        ]  # fmt: skip

    def _detect(self, title: str, summary: str) -> list[Signal]:
        head = clean_title(title or "")
        shouted = head != (head := unshout(head))
        body = lead(summary or "")
        since = repeats_head(head, body)
        if since == len(body):
            body = ""  # the summary only repeats the headline
        found: list[Signal] = []
        raised = detect_funding(head) if self.funding_on else []
        hired = detect_hires(head) if self.hires_on else []
        # A headline that tells one kind of news: its summary is read for that news's
        # details, not searched through for news of the other kind.
        if self.funding_on:
            found += self._funding(head, "" if hired and not raised else body, since, raised)
        if self.hires_on:
            told = "" if raised and not hired else body
            found += self._hires(head, told, since, hired, shouted)
        found = [s for s in found if _a_company(s)]
        for signal in found:
            signal.company = _before_results_verb(signal.company)
        if body:
            self._spell_out(found, body, shouted)
        found += self._keywords(head, body, since)
        return found

    def _spell_out(self, signals: list[Signal], body: str, any_case: bool) -> None:
        """A company the headline shortens, named in full by the summary ("Euro Sun" ->
        "Euro Sun Mining"), unless the store knows it by the short name."""
        for signal in signals:
            if not signal.company or normalize_company(signal.company) in self.index.companies:
                continue
            longer = full_name(signal.company, body, any_case)
            if longer is not None:
                signal.company = longer

    def _funding(self, head: str, body: str, since: int, hits: list[FundingHit]) -> list[Signal]:
        # a headline's raiser that can be no company leaves the summary to name one
        signals = [s for s in (self._funding_signal(head, hit) for hit in hits) if _a_company(s)]
        told = signals and body and signals[0].round is None and signals[0].company
        if told and fund_in_summary(body, signals[0].company or ""):
            return []  # "Lerer Hippeau raised another $200M": its summary tells a fund
        if story_headline(head) or (not signals and deal_headline(head)):
            body = ""  # "How Acme built a $1B business", "Beta acquires Acme": background
        if not signals and body and not fund_headline(head):
            signals = [
                s
                for s in (self._funding_signal(body, hit) for hit in detect_funding(body, since))
                if not head or _money_talk(head) or _named_in(s.company, head)
            ]  # "... Elevated as Director, IndianOil" over an alert's "JV Secures USD 95M"
        if not signals:
            signals = (
                self._funding_of_subject(head, body, since) if body else []
            ) or self._described_raiser(head, body)
        elif signals and body and (signals[0].round is None or signals[0].amount is None):
            self._fill_funding(signals[0], body, since)
            if signals[0].round is None:
                signals[0].round = round_in(body, since, signals[0].amount)
            if signals[0].amount is None:
                found = amount_in(body, since)
                if found is not None:
                    signals[0].amount, signals[0].currency = found
        if signals and body and signals[0].amount:
            found = amount_in(body, since)  # "lands $16M" over "a $16.2 million Series A"
            if found is not None and _refines(signals[0], *found):
                signals[0].amount = found[0]
        return signals

    def _described_raiser(self, head: str, body: str) -> list[Signal]:
        """ "Seattle startup raises $6.3M ..." over "Tin Can has struck a chord ...": the
        summary names the company the headline only describes; the headline has the money."""
        m = unnamed_raise(head)
        span = named_in_summary(body) if m is not None else None
        company = self._company(body, span)[0] if span is not None else None
        money_at = m.end() if m is not None else 0
        named = raised_for(head) if m is None else None
        if named is not None:  # "Amazon vets raise cash for Griptape, a Seattle startup"
            m, span = named
            company = self._company(head, span)[0]
            money_at = m.start() + len(m.group(0).split()[0]) + 1
        if m is None or company is None:
            return []
        found = raised_amount(head, money_at)
        amount, currency = found if found is not None else (None, None)
        return [
            Signal(
                type="funding_round",
                rule="funding_round",
                company=company,
                round=round_in(head, 0, amount) or round_in(body, 0, amount),
                amount=amount,
                currency=currency,
                evidence=head[m.start() :],
                confidence=0.6,
            )
        ]

    def _funding_of_subject(self, head: str, body: str, since: int) -> list[Signal]:
        """ "Niv-AI exits stealth to ..." over "The company raised $12 million in seed
        funding": the summary's "the company" is the company the headline opens with."""
        m = _THE_COMPANY.match(body, since)
        name = headline_subject(head) if m is not None else None
        if m is None or name is None:
            return []
        text = name + body[m.end("who") :]
        hits = [hit for hit in detect_funding(text) if hit.company == (0, len(name))]
        return [self._funding_signal(text, hit) for hit in hits[:1]]

    def _funding_signal(self, text: str, hit: FundingHit) -> Signal:
        company, start = self._company(text, hit.company)
        return Signal(
            type="funding_round",
            rule="funding_round",
            company=company,
            round=hit.round,
            amount=hit.amount,
            currency=hit.currency,
            evidence=text[min(start, hit.evidence[0]) : hit.evidence[1]],
            confidence=hit.confidence,
        )

    def _fill_funding(self, signal: Signal, body: str, since: int) -> None:
        """The round or amount the headline left out, from the summary's own report."""
        for hit in detect_funding(body, since):
            other = body[hit.company[0] : hit.company[1]]
            if normalize_company(other) != normalize_company(signal.company):
                continue
            if signal.round is None and hit.round:
                signal.round = hit.round
            if signal.amount is None and hit.amount is not None:
                signal.amount, signal.currency = hit.amount, hit.currency
            elif hit.amount is not None and _refines(signal, hit.amount, hit.currency):
                signal.amount = hit.amount  # "lands $16M" over "a $16.2 million Series A"

    def _hires(
        self, head: str, body: str, since: int, hits: list[HireHit], shouted: bool
    ) -> list[Signal]:
        text = head
        if shouted and hits and body and not not_hire_news(head):
            # A headline in capitals has lost what tells a name from a company ("TEXAS AIR
            # NAMES BRITT AIRWAYS PRESIDENT"): the summary that names the hire tells it.
            told = detect_hires(body, since, summary=True)
            if len(told) >= len(hits) and any(hit.person for hit in told):
                hits, text = told, body
        if not hits and body and not not_hire_news(head) and (not head or _people_talk(head)):
            # a headline about something else: an alert snippet's hire is the page's other news
            hits, text = detect_hires(body, since, summary=True), body
        if (not hits or text is body) and (named := successor_in_summary(head, body)) is not None:
            # the headline's departure is the news, and its successor the hire
            (s, e), person, role = named  # "Poshmark CEO to step down" over "... his successor"
            hits, text = [HireHit((s, e), person, role, (s, len(head)), 0.7)], head
        subject = None
        if any(hit.company is None for hit in hits):
            # a hit whose company is "the company's": the company the headline opens with
            subject = (headline_subject(head) or _opens_both(head, body)) if text is body else None
            subject = _before_title(subject)  # "11x CEO Hasan Sukkar steps down": 11x
            hits = [hit for hit in hits if hit.company is not None or subject is not None]
        if not hits:
            return []
        signals = [self._hire_signal(text, hit) for hit in hits]
        for signal in signals:
            signal.company = signal.company or subject
        if text is head and body:
            self._merge_body_hires(signals, head, body, since, shouted)
            for signal in signals if len(signals) == 1 else ():
                # one hire: the summary's person is its; of several ("Tech Moves: A names
                # CFO; B adds CVP"), only the company the summary names tells whose; one
                # hire among a list's other items, only when the summary names its company
                if ";" in head and (signal.company or "") not in body:
                    continue
                if signal.person is None or " " not in signal.person:
                    signal.person = person_in_summary(body, since, signal.person) or signal.person
        for signal, hit in zip(signals, hits, strict=False):
            previous = self._previous(text, hit, signal, body)
            signal.previous_company = None if _a_field_not_a_firm(previous) else _firm(previous)
        return signals

    @staticmethod
    def _previous(text: str, hit: HireHit, signal: Signal, body: str) -> str | None:
        """The hire's former employer: in its own clause, else where the summary names them."""
        if _PROMOTION.search(signal.evidence):
            return None  # a promotion is inside the company: "promotes longtime WBKO exec"
        if hit.previous and not _within(hit.previous, signal.company):
            return hit.previous
        lo, hi = clause_start(text, hit.evidence[0]), clause_end(text, hit.evidence[1])
        found = previous_employer(
            text[lo:hi], signal.company, signal.person
        ) or employer_after_role(text, hit.evidence[1], signal.company)
        if found or not body or not signal.person:
            return found
        at = body.find(signal.person.split()[-1])
        return (
            previous_employer(body[max(0, at - 40) : at + 400], signal.company, signal.person)
            if at >= 0
            else None
        )

    def _merge_body_hires(
        self, signals: list[Signal], head: str, body: str, since: int, shouted: bool = False
    ) -> None:
        """Names the headline left out, and the other hires of a headline that announces
        several ("Rippl, Tasso, Lexion add execs", "names interim CFO, new CHRO"). A
        headline in capitals takes the summary's spelling of the company."""
        several = len(signals) > 1 or bool(_SEVERAL.search(head))
        for extra in detect_hires(body, since, summary=True):
            other = body[extra.company[0] : extra.company[1]] if extra.company else ""
            same = [s for s in signals if _same_company(s.company, other)]
            if extra.company is None and len(signals) == 1 and ";" not in head:
                same = signals  # "Cray promotes two execs" over "... becomes the maker's SVP"
            if not same:
                if other and _untold_first_item(head, signals) and other not in head:
                    # "Tech Moves: Convoy co-founder lands new trucking gig; ..." over "...
                    # he is now chief product and technology officer at Ryder": the summary
                    # tells the first item, whose company the headline kept back
                    signals.insert(0, self._hire_signal(body, extra))
                continue
            if extra.person is None:
                if len(same) == 1 and _widens(same[0].role, extra.role):
                    same[0].role = extra.role  # "names new CEO": "its new president and CEO"
                continue
            named = [s for s in same if _same_person(s.person, extra.person)]
            if named:
                # the summary gives the whole title ("names CFO" -> "Executive Vice
                # President and Chief Financial Officer") and the whole name ("Giardinelli"
                # -> "Todd Giardinelli")
                for s in named:
                    s.person = extra.person
                    if s.role is None or _widens(s.role, extra.role):
                        s.role = extra.role or s.role
                continue
            blank = [s for s in same if s.person is None and s.role == extra.role] or [
                s
                for s in same
                if s.person is None
                # "New VPs": VP of Sales; "Microsoft vet joins Tola Capital": as what, said
                and (not several or s.role is None or _widens(s.role, extra.role))
            ]
            if blank:
                blank[0].person = extra.person
                if len(same) == 1 or _widens(blank[0].role, extra.role):
                    blank[0].role = extra.role or blank[0].role
                if shouted and len(other) > len(blank[0].company or ""):
                    blank[0].company = self._company(body, extra.company)[0]
            elif several:
                signals.append(self._hire_signal(body, extra))
                signals[-1].company = same[0].company

    def _hire_signal(self, text: str, hit: HireHit) -> Signal:
        company, _ = self._company(text, hit.company)
        return Signal(
            type="executive_hire",
            rule="executive_hire",
            company=company,
            person=hit.person,
            role=hit.role,
            evidence=text[hit.evidence[0] : hit.evidence[1]],
            confidence=hit.confidence,
        )

    def _keywords(self, head: str, body: str, since: int) -> list[Signal]:
        signals: list[Signal] = []
        if not self.rules:
            return signals
        for text, start in ((head, 0), (body, since)):
            if not text:
                continue
            done = {s.rule for s in signals}
            rules = [r for r in self.rules if r.name not in done] if done else self.rules
            for hit in detect_keywords(text, rules, start):
                company, _ = self._company(text, hit.company)
                signals.append(
                    Signal(
                        type="keyword",
                        rule=hit.rule,
                        company=company,
                        evidence=text[hit.evidence[0] : hit.evidence[1]],
                        confidence=0.6,
                    )
                )
        return signals
