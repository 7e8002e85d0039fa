"""Funding rounds: "Acme raises $40M Series B", and everything that only looks like one.

Detection is anchored on a funding verb ("raises", "secures", "lands", "closes",
...) found by one compiled alternation; the company is read backwards from the
verb and the amount and round forwards, each inside a bounded window, so the
cost is linear in the text. A verb only counts when money or a round follows
it directly ("raises $40M", "closes Series A"): that alone rules out "raises
prices / rates / concerns / the bar / outlook / its dividend". The exclusions
below rule out what remains: VC funds closing, IPOs, rumours ("in talks to
raise", "reportedly"), charities, preferred-stock dividends, Serie A football,
acquisitions and contracts that carry a dollar figure, and trend pieces.

Decided: a grant ("$30M Department of Energy grant", "in grant funding") is not
a funding round: no investor, no round, no budget cycle a rep can sell into.
A VC firm raising a fund is judged on what is raised (the clause before "led
by"/"from" investors, or money "for its eighth fund"), never on a firm's name
appearing: a round "led by Bain Capital Ventures" is the startup's round.
Money raised "to back / to invest in" startups, founders or companies directly
(a few modifiers at most: "early and growth-stage tech companies", "the next
generation of startups") is a fund whoever raises it; money "to invest in tools
for small companies" is the raiser's own round. From a firm whose name ends
like one ("Frontline Ventures", "Oxbow VC") weaker phrases are enough
("targeting B2B startups", "for early-stage companies", "from LPs"), unless a
purpose of its own comes first ("to build credit tools for small companies").
A round named right after the money keeps it the raiser's own round
("Meridian Capital secures $45M Series B to lend to startups").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prospect.detect.amounts import AMOUNT_PATTERN, parse_amount
from prospect.detect.text import (
    DESCRIBED_AFTER,
    DESCRIPTOR_SUFFIXES,
    HEAD_NOUNS,
    PLACES,
    POLITICS_WORDS,
    Folded,
    WordGated,
    blank_defined_terms,
    clause_end,
    clause_start,
    company_after,
    company_before,
    company_opening,
    compile_folded,
    find_verbs,
    fold,
    headline_subject,
    lower_same,
    person_at_end,
    person_at_start,
)
from prospect.normalize import normalize_company

# Verbs of a raise that take other objects as often ("seals a deal", "fetches a price"):
# tried last, and only with a funding word (`_NEEDS_FUNDING_WORD`).
_WORDED_VERBS = (
    "taps", "tapped", "garners", "garnered", "mobilises", "mobilizes", "mobilised", "mobilized",
    "fetches", "fetched", "amasses", "amassed", "notches", "notched", "seals", "sealed",
    "wraps up", "wrapped up", "wraps", "wrapped", "sews up", "sewed up", "snares", "snared",
)  # fmt: skip
# The funding verbs, in the order they are tried; a space is any run of blanks.
_VERBS = (
    "raises", "raised", "raise", "secures", "secured", "secure", "lands", "landed", "closes",
    "closed", "bags", "bagged", "nabs", "nabbed", "snags", "snagged", "grabs", "grabbed", "gets",
    "got", "picks up", "picked up", "receives", "received", "scores", "scored", "banks", "banked",
    "collects", "collected", "dredges up", "drums up", "rustles up", "gobbles up", "reaches",
    "attracts", "attracted", "completes", "completed", "announces",
    "announced", "unveils", "pulls in", "pulled in", "rakes in", "raked in", "hauls in",
    "brings in", "reels in", "locks in", "clinches", "obtains", "obtained", "wins", "won", "adds",
    "tops up", "nets", "netted", "scoops", "scooped", "draws", "drew", "books", "inks",
    "snaps up", "raising", "takes in", "took in", "takes", "took", "pockets", "pocketed",
    "mops up", "mopped up", "extends", "extended", "locks down", "locked down", "finalizes",
    "finalises", "finalized", "finalised", "nab", "land", "bag", "snag", "confirms", "confirmed",
    *_WORDED_VERBS,
)  # fmt: skip
_VERB = re.compile(
    r"\b(?P<verb>(?:has\s+|have\s+|had\s+)?(?:"
    + "|".join(v.replace(" ", r"\s+") for v in _VERBS)
    + ")"
    # Press-wire style: "Announces Closing of $70 Million Series B Financing".
    r"(?:\s+(?:the\s+)?(?:closing|close|completion|final\s+close)\s+of)?)"
    # a particle after any verb: "scoops up", "bags up"; not "secures up to $200M"
    r"(?:\s+up(?=\s)(?!\s+to\b))?\b",
    re.IGNORECASE,
)
# Every word a verb above starts with: a text containing none of them is skipped
# before any pattern runs (verbs take an object, so they are never glued to punctuation).
ANCHOR_WORDS = frozenset(v.split()[0] for v in _VERBS)
# Verbs that also take contracts, awards and plans: they need a funding word too.
_NEEDS_FUNDING_WORD = {
    "reaches", "of", "announces", "announced", "unveils", "completes", "completed", "wins", "won",
    "books", "draws", "drew", "adds", "inks", "obtains", "obtained", "snaps up", "tops up", "land",
    "confirms", "confirmed", *_WORDED_VERBS,
}  # fmt: skip
_QUALIFIERS = (
    r"(?:\s+(?:a|an|another|its|their|fresh|new|additional|further|nearly|almost|about|around|"
    r"roughly|approximately|over|more\s+than|up\s+to|some|close\s+to|north\s+of|total|"
    r"a\s+total\s+of|the|first|second|third|final|oversubscribed|undisclosed|early|initial|"
    r"whopping|massive|hefty|mega|big|record|extra|follow-on|strategic|sizable|sizeable|maiden|"
    r"more|much-needed|debut|inaugural|biggest|largest|huge|small|bridge|"
    r"(?:\d|six|seven|eight|nine)-figure)){0,5}"
)
ROUND_PATTERN = (
    r"(?P<round>pre-?\s?seed|pre-series\s+[a-h]|seed(?=\s|$|[,.;:)+]|-(?:stage|round|funding|"
    r"extension|financing|plus))|series\s+[a-h](?:-?\d|\+)?(?![a-z])"
    r"|growth(?:\s+equity)?(?=\s+(?:round|equity|funding|financing|investment|capital))"
    r"|growth\s+equity|venture\s+debt|(?<=in\s)debt|debt(?=\s+(?:financing|facility|funding|"
    r"round|capital|deal))|credit\s+facility|credit\s+line|line\s+of\s+credit|term\s+loan|"
    r"loan\s+facility|debt\s+facility|"
    r"angel(?=\s+(?:round|funding|investment))|late-stage(?=\s+(?:round|funding)))"
)
_ROUND_RE = re.compile(ROUND_PATTERN, re.IGNORECASE)
# Between the money and a round word: that round came before this one.
_PAST_ROUND_GAP = re.compile(r"\b(?:after|since|following)\b", re.IGNORECASE)
_RIGHT = re.compile(
    _QUALIFIERS
    # one word of the writer's own before the money: "raises a cool $23M", "huge $21M seed"
    + r"(?:\s+(?!(?:prices?|rates?|fees?|taxes|tax|wages?|stakes|bar|concerns?|questions?|"
    r"doubts?|alarm|eyebrows|hopes|fears|tariffs?|rents?|salar(?:y|ies)|costs?|limits?|caps?|"
    r"guidance|outlook|forecast|target|estimate|offer|bid|dividend|stake|pay)\b)"
    r"(?-i:[a-z]{3,12}|on)(?=\s+(?:[$€£₹]|(?:US|C|A|S)\$|Rs\b)))?"
    # "attracts Google for its $425M Series E": the investor, then the money
    + r"\s+(?:(?:(?-i:[A-Z][\w&.'’-]*)\s+){1,3}for\s+its\s+(?=[$€£₹]|(?:US|C|A|S)\$))?"
    + r"(?:(?P<money>"
    + AMOUNT_PATTERN
    + r")|(?:(?-i:[A-Z][\w&.'’-]*)(?:['’]s)?\s+){1,3}(?=(?:investment|backing)\b)"
    # "nabs a Microsoft investment": the investor named before the word
    + r"|(?P<noamount>"
    + ROUND_PATTERN
    + r"|funding|financing|investment|capital|backing|round|fundraise"
    # "raises undisclosed amount from Sequoia"
    + r"|(?:an\s+)?undisclosed\s+(?:amount|sum)"
    # "Suno raises at $2.45B valuation": a round whose size is not told
    + r"|at\s+(?:an?\s+)?(?:[$€£]|US\$)\d[\d.,]*\s?(?:[bmk]n?|billion|million)?\+?\s+valuation\b"
    + r"|(?:cash|funds|money)(?=\s|$|[,.;:])))",
    re.IGNORECASE,
)
_FUNDING_WORD = re.compile(
    r"\b(?:round|funding|financing|investment|capital|series\s+[a-h]|seed|pre-seed|backing|"
    r"raise|fundraise|venture|debt|credit\s+facility|equity|led\s+by|from\s+investors|"
    r"private\s+placement)\b",
    re.IGNORECASE,
)
# The money is not raised: "$40M contract", "$2B acquisition", "$300M Fund IV".
# The words between are the noun's modifiers ("$40M Pentagon contract"); a preposition or
# a purpose starts something else: "$35M to automate sales tax", "$3M for its vehicle
# inspections", "$200M as valuation doubles" are raised.
_NOT_RAISED = re.compile(
    r"\s*(?:in\s+|of\s+|worth\s+of\s+)?(?:(?!(?:to|for|as|but|and|with|after|at|by|on|of|ahead|round|in|into|series|seed|funding|financing|"
    r"its|their|while|amid|despite|led|since|even)\s)[\w-]+\s+){0,4}?(?:contracts?|deals?|orders?|awards?|"
    r"tenders?|settlements?|judgments?|verdicts?|fines?|penalt(?:y|ies)|lawsuits?|revenues?|"
    r"sales|sale\s+of|bids?|offers?|acquisitions?|buyouts?|takeover|budgets?|ARR|profits?|loss(?:es)?|"
    r"bonds?|senior\s+notes|notes\s+offering|share\s+sale|stock\s+sale|offering|IPO|grants?|"
    r"prizes?|jackpot|damages|refunds?|salary|pay\s+package|bonus|compensation|donations?|"
    r"valuation|market\s+cap|subsid(?:y|ies)|tax\s+credits?|incentives?|stake|shares|stock|"
    r"funds?\b|fund\s+[IVX]+|vehicle|debut\s+fund|dividends?|buyback|repurchase|sponsorship|"
    r"investment\s+in|worth\s+of|loan\s+from\s+the\s+government|deal\s+to\s+acquire|"
    r"purchases?|restructuring|registered\s+direct|payments?|royalt(?:y|ies)|guarantees?|"
    r"capacity|more\s+than\s+expected|projects?|(?:funding\s+)?requests?|"
    r"secondary|secondaries|tender\s+offer|"  # shares sold by holders: no new money
    # a total: "has raised $40 million to date", "raised more than $19 million since launching"
    r"to\s+date|since\s+(?:launch(?:ing)?|its\s+(?:launch|founding|inception|start)|founding|"
    r"inception|(?:19|20)\d\d))(?!-)",
    # "BOND-led funding" is a round; "receives $5M milestone payment from Pfizer" is revenue
    re.IGNORECASE,
)
# The amount written after the round ("funding of $3M", "seed round worth €2M").
_OF_AMOUNT = re.compile(
    r"(?:\s+(?!valuation\b|valued\b)[\w-]+){0,3}?\s+(?:of|worth|totall?ing|amounting\s+to)\s+"
    r"(?:(?:up\s+to|about|approximately|nearly|over|around)\s+){0,2}" + AMOUNT_PATTERN,
    re.IGNORECASE,
)
_WITH_AMOUNT = re.compile(
    r"(?:\s+(?:round|funding|financing))?\s+with\s+(?:an?\s+)?(?:additional\s+|extra\s+|"
    r"further\s+|another\s+|new\s+)?" + AMOUNT_PATTERN,
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"(?:\b(?:which|that|who|after|having|since|once|when|recently|previously|already|"
    r"before|until|as|if)\s+(?:has\s+|have\s+|had\s+|just\s+|recently\s+|it\s+|they\s+)*)$",
    re.IGNORECASE,
)
_RUMOUR = re.compile(
    r"\b(?:in\s+(?:early\s+|advanced\s+|final\s+)?talks|rumou?rs?|"
    # "reportedly raises $8.3B": a done deal as reported; "reportedly raising": in progress
    r"reportedly(?!\s+(?:valued|raises|raised|closes|closed|secures|secured|lands|landed|"
    r"nabs|nabbed|bags|bagged)\b)|"
    # "rumored to raise", "rumored $1B round"; not "Crusoe, a rumored OpenAI supplier"
    r"rumou?red(?=\s+(?:to|round|funding|raise|deal|investment|[$€£\d]))|"
    # "sources say" alone only attributes a done deal ("has raised $60M ..., sources say")
    r"(?:is|are)\s+said\s+to|"
    r"(?:plans?|planning|looks?|looking|seeks?|seeking|aims?|aiming|hopes?|hoping|wants?|set|"
    r"expected|poised|preparing|prepares|tries|trying|bids?)\s+to\s+raise|"
    r"(?:is|are)\s+raising(?!\s+(?:more\s+|new\s+|fresh\s+)?(?:cash|funds|money|capital)\b)|"
    r"(?:could|may|might|would|will|to)\s+(?:raise|land|nab|bag|snag)\b|(?:eyes|eyeing)\s+(?:an?\s+)?(?:[$€£]|new\s+(?:round|funding)|funding|round|raise|\S+\s+valuation|valuation)|mulls|mulling|weighs|weighing|"
    r"considering|in\s+discussions|nears|nearing|close\s+to\s+(?:raising|closing)|"
    r"seeking|explores|exploring)\b",
    re.IGNORECASE,
)
_IPO = re.compile(
    # "says it will not go public in 2025": no IPO
    r"\b(?:IPO|initial\s+public\s+offering|(?<!not\s)(?<!never\s)go(?:es|ing)?\s+public|"
    r"direct\s+listing|SPAC|"
    r"public\s+offering|stock\s+market\s+debut|market\s+debut|lists?\s+on|listing\s+on|"
    r"prices\s+(?:its\s+)?(?:shares|offering))\b",
    re.IGNORECASE,
)
_PRIVATE_ROUND = re.compile(
    r"\b(?:series\s+[a-h]|pre-seed|seed\s+round|funding\s+round|venture\s+round|pre-IPO|"
    r"private\s+placement|still-private|(?:ahead\s+of|before|prior\s+to)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:IPO|listing|going\s+public))\b",
    re.IGNORECASE,
)
# What a VC firm raises: a fund. Read in the raising clause only, never in "led by X" or
# "from X" (a round led by "Bain Capital Ventures" is still the startup's round), and
# word-bounded ("new funding" is not a "new fund").
_VC_FUND = re.compile(
    r"\b(?:fund\s+[IVX]+\b|debut\s+fund\b|new\s+funds?\b|(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w&'’-]+\s+){0,3}?fund\b|"
    r"(?:seed|venture|growth|"
    r"early-stage|opportunity|flagship|climate|vc|evergreen)\s+funds?\b|funds?\s+(?:focused|"
    r"dedicated|to\s+back|to\s+invest)|to\s+back\s+(?:startups|founders)|LPs\b|limited\s+partners|"
    r"fund\s+close|final\s+close)",
    re.IGNORECASE,
)
# "$650M for its eighth Europe and Israel fund", "$1B across two funds": money for a fund.
_FOR_A_FUND = re.compile(
    r"\s*,?\s*(?:for|in|into|across|toward|towards|to\s+close)\s+(?:[\w&'’-]+\s+){0,6}?"
    r"(?:funds?\b|vehicles?\b(?!\s+[a-z]{3,}(?<!\bfor)(?<!\bthat)(?<!\bwith)))(?!-)",
    re.IGNORECASE,
)
# Where the raising clause hands over to the investors.
_INVESTORS = re.compile(r"\b(?:led\s+by|from|with\s+participation|backed\s+by|co-led)\b", re.I)
# A grant is not venture money: "$30M Department of Energy grant", "in grant funding".
_GRANT = re.compile(
    r"\s*(?:in\s+|of\s+|as\s+)?(?:[\w&.'’-]+\s+){0,5}?(?:grants?|subsid(?:y|ies)|"
    r"(?:SBIR|STTR|Phase\s+I+)\s+(?:[\w-]+\s+)?(?:awards?|contracts?))\b(?!-)",
    re.IGNORECASE,
)
# Names only an investor has ("Creator Ventures"; not "Capital", which lenders share).
_FUND_NAMES = frozenset({"ventures", "partners", "vc", "fund"})
_FIRM_WORDS = (
    "ventures", "capital", "partners", "vc", "fund", "investments", "equity", "management",
    "advisors", "holdings", "invest", "growth",
)  # fmt: skip
# Who the money will back: the companies a fund invests in directly, with at most six
# modifiers ("early-stage climate", "UK deep tech"); "and", "or", "&" and commas join them
# without counting ("pre-seed, seed and Series A"). A leading "the" is allowed ("the best",
# "the most promising", "the next generation of"); any other article, a preposition or a
# pronoun means something else is invested in: "to invest in tools for small companies",
# "to back its push into payments for startups" is the raiser's own plan.
_NOT_MODIFIER = (
    r"(?:for|of|to|in|into|on|at|by|with|from|across|behind|beyond|about|through|via|within|"
    r"among|like|its|their|our|his|her|the|an|this|that|these|those|which|who|and|or)"
)
_MODIFIER = (
    r"(?!" + _NOT_MODIFIER + r"(?![\w'’-]))(?!(?<!series\s)a\s)"  # "Series A founders"
    r"[\w'’-][\w&'’-]*(?:\s*,)?\s+(?:(?:and|or|&)\s+)?"
)
_LEADING = r"(?:(?:the\s+)?(?:next\s+(?:generation|wave|crop|cohort|class)\s+of\s+)|the\s+)?"
_BACKED = (
    r"\s+"
    + _LEADING
    + r"(?:"
    + _MODIFIER
    + r"){0,6}?(?:startups|start-ups|founders|entrepreneurs|companies)\b"
)
# Said of anyone, only an investor raises "to back early-stage AI founders".
_BACKS = re.compile(r"\bto\s+(?:back|invest\s+in)" + _BACKED, re.IGNORECASE)
# Said of a firm ("... Ventures", "... Capital"), weaker phrases are enough: "targeting B2B
# startups", "for early-stage companies", money "from LPs", "to acquire ... companies".
_FIRM_BACKS = re.compile(
    r"\b(?:(?P<target>targeting|for)|to\s+(?:back|invest\s+in|acquire|buy))"
    + _BACKED
    + r"|\b(?:LPs\b|limited\s+partners\b)",
    re.IGNORECASE,
)
# A purpose of the raiser's own before "for ... companies" makes them its customers:
# "raises $20M to build credit tools for small companies".
_OWN_PURPOSE = re.compile(r"\bto\s+(?!back\b|invest\b|acquire\b|buy\b)[a-z]+\b", re.IGNORECASE)
_CHARITY = re.compile(
    r"\b(?:charit(?:y|ies|able)|non-?profit|fundrais(?:er|ing\s+(?:event|campaign|appeal|drive))|"
    r"donat(?:ion|ions|ed|es)|gofundme|telethon|gala|in\s+memory\s+of|raises?\s+awareness|"
    r"(?:raises?|raised|raising)\s+(?:money|cash|funds)\s+for\s+(?!(?:its|their|the\s+company)\b)|appeal|bake\s+sale|marathon|food\s+bank|scholarships?|PTA|church|volunteers|"
    r"foundation\s+raises|for\s+(?:the\s+)?(?:victims|families|hospice|homeless))\b",
    re.IGNORECASE,
)
_SECURITIES = re.compile(
    r"\b(?:preferred\s+(?:stock|shares?|units|securities)|dividends?|depositary\s+shares|"
    r"cumulative|senior\s+notes|senior\s+secured\s+notes|notes\s+due|distribution\s+on|"
    r"convertible\s+senior|letters?\s+of\s+(?:support|intent)|support\s+letters?|"
    r"exercise\s+of\s+(?:\w+\s+)?warrants|warrants?\s+exercises?|from\s+(?:the\s+)?government\s+of|"
    # debt sold to the market, not a round: "raises Rs 1,455 Cr through non-convertible
    # debentures", "via NCDs"
    r"debentures?|ncds?|"
    # a fund's stake bought on the market: "Ethic Inc. Makes New $203000 Investment in SPDR"
    r"(?:makes|made)\s+(?:a\s+)?new\s+(?:\S+\s+)?(?:investment|stake)\s+in|"
    # money raised by selling coins or bonds to the market: "raises $52.5M via crypto sale",
    # "in Kin token sale", "in inaugural Australian dollar bond" -- not a company that makes
    # them ("token offering platform Securitize raises $47M")
    r"(?:via|in|through|of|from)\s+(?:an?\s+|its\s+)?(?:[\w$.-]+\s+){0,3}?(?:(?:token|crypto|"
    r"coin)\s+(?:sales?|offerings?)|icos?|bonds?(?!-)|sukuk)|pre-?sales?|bonds?\s+(?:sale|issue|issuance|"
    r"offering|deal)s?|(?:token|coin)\s+(?:sale|offering)s?\s+(?:raises|rakes|nets|brings))\b",
    re.IGNORECASE,
)
_FOOTBALL = re.compile(
    r"\b(?:Serie\s+[AB](?![a-z])|Premier\s+League|La\s+Liga|Bundesliga|Ligue\s+1|"
    r"transfer\s+(?:fee|window|target)|striker|midfielder|defender|goalkeeper|footballer|"
    r"winger|Champions\s+League|relegation)\b",
    re.IGNORECASE,
)
_TREND = re.compile(
    r"\b(?:funding\s+roundup|week\s+in\s+review|top\s+\d+|biggest\s+(?:rounds|raises|deals)|"
    r"this\s+week's|weekly\s+funding|the\s+week's|deals\s+of\s+the\s+week|funding\s+report|"
    # "If You'd Invested $1,000 in UnitedHealth Group 3 Years Ago": an investor's sum
    r"if\s+you(?:'d|’d|\s+had)?\s+invested|"
    r"Q[1-4]\s+funding|VC\s+funding|venture\s+funding|startups\s+raised|funding\s+(?:fell|rose|"
    r"drops?|climbs?|hits?|falls?|slumps?)|rounds\s+are|why\s+series|how\s+to\s+raise|"
    # a country's money, not a round: "receives $2.09b remittances", "Rs 23,600 Cr investment
    # proposals", "₹50 Crore Investment Commitments"
    # (a remittance startup still raises: only money counted as remittances is excluded)
    r"\d[\d.,]*\s*(?:[kmb]n?|billion|million|crore|cr|lakh)?\s+(?:in\s+)?(?:[\w-]+\s+){0,2}?"
    r"remittances?|investment\s+(?:commitments?|proposals?|pledges?)|(?:fdi|capital)\s+inflows?)\b",
    re.IGNORECASE,
)
_GENERIC_SUBJECTS = {
    "startups", "companies", "firms", "founders", "investors", "vcs", "unicorns", "fintechs",
    "rounds", "startup", "company", "firm", "the", "it", "they", "he", "she", "we", "this",
    "that", "who", "funding", "banks", "brands", "teams", "report", "study", "developers",
    "researchers", "vets", "veterans", "alumni", "founder", "sector", "ecosystem",
    "government", "govt", "state",
}  # fmt: skip


@dataclass(slots=True)
class FundingHit:
    company: tuple[int, int]  # span in the text
    round: str | None
    amount: float | None
    currency: str | None
    evidence: tuple[int, int]
    confidence: float


def normalize_round(text: str | None) -> str | None:
    """'Series B-2' -> series_b, 'pre-seed' -> pre_seed, 'venture debt' -> debt."""
    if not text:
        return None
    low = " ".join(text.lower().split())
    if low.startswith("pre-series"):
        letter = low.split()[-1][0]
        return "seed" if letter == "a" else "series_" + chr(ord(letter) - 1)
    if low.startswith("pre"):
        return "pre_seed"
    if low.startswith("seed"):
        return "seed"
    if low.startswith("angel"):
        return "pre_seed"
    if low.startswith("series"):
        return "series_" + low.split()[1][0]
    if low.startswith(("growth", "late")):
        return "growth"
    return "debt"


_VERB_FOLDED = compile_folded(_VERB.pattern)
# Every match of the exclusions holds one of these words (a word of the folded text):
# most texts hold none, and the alternation is not tried at every word of them.
_EXCLUDED_WORDS = frozenset(
    {
        # _SECURITIES
        "makes", "made", "presale", "presales", "pre",
        # _RUMOUR
        "talks", "reportedly", "rumor", "rumors", "rumour", "rumours", "rumored", "rumoured",
        "said", "raise", "raising", "land", "nab", "bag", "snag", "eyes", "eyeing", "mulls",
        "mulling", "weighs", "weighing", "considering", "discussions", "nears", "nearing",
        "close", "seeking", "explores", "exploring",
        # _CHARITY
        "charity", "charities", "charitable", "profit", "nonprofit", "fundraiser",
        "fundraising", "donation", "donations", "donated", "donates", "gofundme", "telethon",
        "gala", "memory", "awareness", "money", "cash", "funds", "appeal", "bake", "marathon",
        "food", "scholarship", "scholarships", "pta", "church", "volunteers", "foundation",
        "victims", "families", "hospice", "homeless",
        # _SECURITIES
        "preferred", "dividend", "dividends", "depositary", "cumulative", "notes", "letters",
        "letter",
        "distribution", "convertible", "exercise", "government", "debenture", "debentures",
        "ncd", "ncds", "warrant", "warrants", "bond", "bonds", "sukuk", "token", "crypto",
        "coin", "ico", "icos",
        # _FOOTBALL
        "serie", "premier", "liga", "bundesliga", "ligue", "transfer", "striker", "midfielder",
        "defender", "goalkeeper", "footballer", "winger", "champions", "relegation",
        # _TREND
        "funding", "review", "top", "biggest", "week", "weekly", "deals", "startups", "rounds",
        "why", "how", "remittance", "remittances", "commitment", "commitments", "proposal",
        "proposals", "pledge", "pledges", "inflow", "inflows", "if",
    }
)  # fmt: skip
_EXCLUDED = WordGated(
    compile_folded(
        "|".join(p.pattern for p in (_RUMOUR, _CHARITY, _SECURITIES, _FOOTBALL, _TREND))
    ),
    _EXCLUDED_WORDS,
)
_IPO_FOLDED = WordGated(
    compile_folded(_IPO.pattern),
    frozenset({"ipo", "public", "listing", "spac", "debut", "list", "lists", "prices"}),
)
_VC_FUND_FOLDED = compile_folded(_VC_FUND.pattern)
# A headline about a new fund ("J.E. Robert Assembles New Investment Fund"): the money its
# summary says was raised is the fund's.
_FUND_HEADLINE = re.compile(
    _VC_FUND.pattern + r"|\b(?:new|launches|assembles|closes)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:investment|buyout|equity|venture|real\s+estate|infrastructure|debt|credit)\s+funds?\b",
    re.IGNORECASE,
)


# A headline over a story, not news: "How Acme built a $1B business", "Interview: ...". The
# raise its summary mentions is the story's background ("Acme raised $100M last year").
_STORY_HEADLINE = re.compile(
    r"^(?:(?:how|why|what|when|inside)\b"
    # a label: "Video: ...", "Podcast | ..."; not "Video messaging startup Emovid raises $7M"
    r"|(?:opinion|interview|podcast|q&a|analysis|explainer|watch|video|webinar|column|"
    r"commentary)\s*[:|–—-])",
    re.IGNORECASE,
)


# "DAT acquires Seattle fintech startup Outgo": a deal, whose summary's money is background
# ("Outgo raised a $10M Series A last year"); a round the headline itself names still counts.
_DEAL_HEADLINE = re.compile(
    r"\b(?:acquires|acquired|to\s+acquire|buys|bought|to\s+buy|snaps\s+up|merges\s+with|"
    r"to\s+merge|acquisition\s+of)\b",
    re.IGNORECASE,
)


# "Seattle startup raises $6.3M to ...", "This Seattle startup just raised $2M to help",
# "... a Seattle legal tech startup that just raised $60M": a round whose company the
# headline only describes; the summary names it.
_UNNAMED_RAISE = re.compile(
    r"(?:^|[.:;!?]\s+|\b(?:a|an)\s+)(?:(?:this|a|an|one)\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:startup|start-up|company|firm|maker|developer|provider|"
    # "Ex-Meta engineer raises $14M for ...": the founders, for a startup the summary names
    r"engineers?|students?|(?:co-?)?founders?|vets?|veterans?|alums?|alumni|execs?|executives?|"
    r"researchers?|scientists?|dropouts)\s+"
    # "... startup that gives labs a green seal of approval raises $5M"
    # "a startup building AI agents for game development emerges from stealth with $27M"
    r"(?:(?:that|which|(?-i:[a-z]{3,}ing))\s+(?:[\w'’.-]+\s+){0,8}?)?(?:just\s+)?"
    r"(?:raises|raised|raise|lands|landed|nabs|nabbed|secures|secured|bags|snags|gets|closes|"
    r"closed|emerges\s+from\s+stealth\s+with|launches\s+with)\s+"
    r"(?:a\s+|an\s+)?(?=[$€£₹]|(?-i:[A-Z]{1,3}\$))",
    re.IGNORECASE,
)
# Where a summary names the company the headline described: it opens the summary as the
# subject ("Tin Can has struck a chord", "Supio’s startup journey started ..."), or is set
# off as the startup ("Their startup, Gumshoe, just closed ...").
_NAMED_OPENER = re.compile(
    r"(?:['’]s\s|\s+(?:has|is|was|raised|announced|closed|says|said|just|today|recently|"
    r"secured|landed|emerged|launched)\b|,\s+(?:a|an|the)\s)"
)
# After a person's name, not a company's: "Jane Doe has been named CEO", "is a founder"
_PERSON_NEXT = re.compile(
    r"\s+(?:has\s+been|is\s+(?:a|an|the|now)|was|said|says|told|spent|co-?founded|founded|"
    r"joined|served|announced\s+(?:her|his))\b",
    re.IGNORECASE,
)
_THEIR_STARTUP = re.compile(
    r"\b(?:their|its|his|her|the)\s+(?:startup|company|venture),\s+(?=\S)"
    # "... on Wednesday a startup called Sett — which ..."
    r"|\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:startup|company)\s+called\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


# "Amazon vets raise cash for Griptape, a Seattle startup that ...": founders raising for
# a company the headline names and describes
_RAISE_FOR = re.compile(
    r"\b(?:raise|raises|raised|land|lands|landed)\s+(?:(?:[$€£]\S+|cash|funding|money|capital)\s+)"
    r"for\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


def raised_for(head: str) -> tuple[re.Match[str], tuple[int, int]] | None:
    """ "Amazon vets raise cash for Griptape, a Seattle startup ...": the raise and the
    company it is for, when the headline describes that company right after its name."""
    low = head.lower()
    if " for " not in low or ("rais" not in low and "land" not in low):
        return None
    m = _RAISE_FOR.search(head)
    span = company_after(head, m.end(), 60) if m is not None else None
    if m is None or span is None or span[0] != m.end():
        return None
    described = re.match(
        r",\s+(?:a|an)\s+(?:[\w'’.-]+\s+){0,4}?(?:startup|start-up|company|firm|maker)\b"
        r"(?!['’]s|\s+(?:founder|founders|co-?founder|ceo|employee|worker|owner)\b)",
        head[span[1] :],
        re.IGNORECASE,
    )
    return (m, span) if described is not None else None


_RAISER_NOUNS = (
    "startup", "start-up", "company", "firm", "maker", "developer", "provider", "engineer",
    "student", "founder", "vet", "alum", "exec", "researcher", "scientist", "dropouts",
)  # fmt: skip
_RAISER_VERBS = ("rais", "land", "nab", "secur", "bag", "snag", "gets", "clos", "stealth with",
                 "launches with")  # fmt: skip


def unnamed_raise(head: str) -> re.Match[str] | None:
    """The raise in a headline whose company is only described ("Seattle startup raises
    $6.3M"), or None."""
    if not any(c in head for c in "$€£₹"):  # the pattern reads a sum right after the verb
        return None
    low = head.lower()
    if not any(w in low for w in _RAISER_NOUNS) or not any(v in low for v in _RAISER_VERBS):
        return None
    return _UNNAMED_RAISE.search(head)


def raised_amount(head: str, at: int) -> tuple[float, str] | None:
    """The amount written at `at` ("raises $3.5M ..."), or None."""
    am = _AMOUNT_RE.match(head, at)
    return parse_amount(am) if am is not None else None


def named_in_summary(body: str) -> tuple[int, int] | None:
    """The company a summary names for a headline that only described it."""
    span = company_after(body, 0, 60)
    if (
        span is not None
        and span[0] == 0
        and _NAMED_OPENER.match(body, span[1])
        and not (person_at_start(body) == body[: span[1]] and _PERSON_NEXT.match(body, span[1]))
    ):
        return span
    m = _THEIR_STARTUP.search(body, 0, 400)
    if m is not None:
        span = company_after(body, m.end(), 40)
        if span is not None and span[0] == m.end() and body[span[1] : span[1] + 1] in (",", " "):
            return span
    return None


_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"new|debut|latest|next)"
)


# "... seed fund, Lerer Hippeau": a fund's description before its name.
_FUND_DESCRIBED = re.compile(
    r"\b(?:venture|seed|capital|investment|vc|growth|co-investment)\s+fund,\s+", re.IGNORECASE
)
# "Lerer Hippeau ... closed a ninth $200 million fund": after the name, a fund it closed.
_FUND_CLOSED = re.compile(
    r"\b[^.]{0,80}?\b(?:closed|closes|raised|raises|launched|launches)\s+"
    r"(?:(?:a|an|its|the)\s+)?" + _ORDINAL + r"\s+(?:[\w$.,-]+\s+){0,3}?funds?\b",
    re.IGNORECASE,
)


def fund_in_summary(body: str, name: str) -> bool:
    """Whether the summary tells that `name`, which the headline had raising money, is an
    investment fund: "... seed fund, Lerer Hippeau, announced ..." or "Lerer Hippeau ...
    closed a ninth $200 million fund"."""
    at = body.find(name, 0, 400)
    if at < 0 or "fund" not in body[:600].lower():
        return False
    # the name in any case, where it starts; no pattern is compiled per name
    low, key = lower_same(body[:600]), lower_same(name)
    n = len(key)
    for m in _FUND_DESCRIBED.finditer(body, 0, 600):
        if low.startswith(key, m.end()):  # `low` holds 600 characters: the name ends in them
            return True
    i = low.find(key)
    while i >= 0:
        if _FUND_CLOSED.match(body, i + n, 600):
            return True
        i = low.find(key, i + 1)
    return False


# An issuer's own release title that names its financing ("Successful A$25m Placement",
# "Accelerated Bookbuild for A Minimum of £30 Million", "AGSM Results, Private Placement &
# Stock Option"): read only where the feed names the issuer (`prospect.detect.text.issuer_prefix`).
_OWN_FINANCING = re.compile(
    r"\b(?:private\s+placements?|placements?|placing|(?:accelerated\s+)?bookbuild|capital\s+rais(?:e|ing)|"
    r"equity\s+(?:raise|financing)|directed\s+share\s+issue|share\s+issue|financing|"
    r"strategic\s+investment|equity\s+investment|fundraise|subscription\s+agreement|"
    r"(?:loan|credit)\s+facility|life\s+offering)\b",
    re.IGNORECASE,
)
_NOT_OWN_FINANCING = re.compile(
    r"\b(?:(?<!life\s)offerings?|offers?|proposed|contemplated|intention|intends|presentation|update|"
    r"arrangements?|(?:placement|offering|issue)\s+of\s+(?:[\w-]+\s+){0,3}?(?:notes|debentures?|bonds?)|"
    r"letters?\s+of\s+support|cancel\w*|terminat\w*|"
    r"withdraw\w*|warrants?|notice|grant|project|acquisition|royalty|stream|loan\s+repayment|"
    r"by\s+director|director\s+subscription)\b",
    re.IGNORECASE,
)


def issuer_financing(head: str) -> tuple[float | None, str | None, str | None] | None:
    """The amount, currency and round of the financing an issuer's release title names,
    or None when it names none."""
    if _OWN_FINANCING.search(head) is None:
        return None
    # "Placing to Raise £1.25M, Launch of Retail Offer", "Result of Placing & Director
    # Subscription", "Announces New LIFE Offering and Closes Prior Offering": the placing is
    # the company's, whatever else the title tells beside it
    low = head.lower()
    placing = "placing" in low or "life offering" in low
    for m in _NOT_OWN_FINANCING.finditer(head):
        beside = m.group().lower().startswith(("offer", "director subscription"))
        if not (placing and beside):
            return None
    am = _AMOUNT_RE.search(head)
    amount, currency = parse_amount(am) if am is not None else (None, None)
    debt = re.search(r"\b(?:loan|credit)\s+facility\b", head, re.IGNORECASE)
    return amount, currency, "debt" if debt else round_in(head, 0, amount)


def deal_headline(head: str) -> bool:
    """Whether a headline reports an acquisition or a merger."""
    return _DEAL_HEADLINE.search(head) is not None


def story_headline(head: str) -> bool:
    """Whether a headline is over a story (a how-to, an interview), whose summary's money
    is background, not a round announced."""
    return _STORY_HEADLINE.match(head) is not None


def fund_headline(head: str) -> bool:
    """Whether a headline announces an investment fund rather than a company's round
    (it says "fund": most headlines are ruled out by that look-up alone)."""
    return "fund" in head.lower() and _FUND_HEADLINE.search(head) is not None


# "Seed round: Petalpay collects $2.8M": a headline labelled with its round.
_ROUND_LABEL = re.compile(
    r"^\s*" + ROUND_PATTERN + r"(?:\s+(?:round|funding|financing|deal))?\s*$", re.IGNORECASE
)
_PRIVATE_FOLDED = compile_folded(_PRIVATE_ROUND.pattern)


# Money from an IPO's anchor investors is the IPO's ("raises Rs 189 Cr from anchor investors
# ahead of IPO"), whatever else the entry says.
_ANCHOR = re.compile(r"\banchor\s+(?:investors?|book|allocation|round)\b|\bfrom\s+anchors\b")


_RUMOUR_FOLDED = compile_folded(_RUMOUR.pattern)
# A contrast after a raise done, before talk of more: "raises $11M but hoped to raise much
# more", "closes $185M round as rival Polymarket reportedly seeks $200M"; or another clause:
# "raises $150M led by Kleiner Perkins; the company reportedly could go public".
_CONTRAST = re.compile(r"\s(?:but|while|whereas|even\s+as|as\s+(?:rival|competitor)s?)\s|;\s")


def _excluded(folded: Folded, verb_end: int | None = None) -> bool:
    """Whole-entry reasons why no funding verb in it is a funding round; a rumour after
    `verb_end` (a raise the entry reports) and a contrast with it is about something else."""
    if any(
        verb_end is None
        or m.start() < verb_end
        or _RUMOUR_FOLDED.match(folded.low, m.start()) is None
        or _CONTRAST.search(folded.low, verb_end, m.start()) is None
        for m in _EXCLUDED.finditer(folded)
    ):
        return True
    if not folded.words.isdisjoint(("anchor", "anchors")) and _ANCHOR.search(folded.low):
        return True
    return bool(_IPO_FOLDED.search(folded) and not _PRIVATE_FOLDED.search(folded.low))


# The wire sentence "Acme announced today that it has raised ...", "Kdan Mobile ... announced
# yesterday it has raised ...", "Vercept revealed this week that it raised": Acme is the subject.
_SAID_THAT = re.compile(
    r"\s(?:today\s+)?(?:announced|announces|said|says|confirmed|confirms|reported|revealed)"
    r"(?:\s+(?:today|yesterday|this\s+week|last\s+week|on\s+(?-i:[A-Z])[a-z]+day))?"
    r"(?:\s+that\s+(?:it|the\s+company)\s+(?:has\s+|had\s+|have\s+)?"
    r"|\s+(?:it|the\s+company)\s+(?:has\s+|have\s+)?)\Z",
    re.IGNORECASE,
)
# A name right before a round word ("from Susquehanna Growth Equity"): a capitalised word,
# not the unit of an amount ("$100M Growth Investment", "$50 Million Credit Facility").
_NAMED_BEFORE = re.compile(
    r"(?<![\w$€£¥₹.,])(?!(?-i:Million|Billion|Thousand|Mn|Bn|Mln|Crore|Cr|Lakh)\b)"
    r"(?-i:[A-Z][\w&.'’-]*)\s+\Z"
)
_BY_GERUND = re.compile(r"\bby\s+\Z", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|across|of|for|to|with)\s+\Z")
_FUND_WORD = re.compile(r"\bfunds?\b", re.IGNORECASE)
_TO_INVEST = re.compile(r"[\s,]*(?:\w+\s+){0,2}?to\s+(?:invest|back|deploy)\b", re.IGNORECASE)
# What a firm raises "for early-stage investments" or "for new deals" is a fund to deploy.
_FOR_INVESTMENTS = re.compile(
    r"[\s,]*(?:\w+\s+){0,2}?for\s+(?:[\w-]+\s+){0,3}?(?:investments|deals)\b", re.IGNORECASE
)
_FUND_DESCRIPTOR = re.compile(
    r"\b(?:fund|vc\s+firm|venture\s+firm|investor)\s+\Z|\bfund\b(?!-)", re.IGNORECASE
)
_FOUNDER_BEFORE = re.compile(
    r"\b(?:founder|co-founder|cofounder|entrepreneur|ceo)\s+\Z", re.IGNORECASE
)
_FOUNDER_AFTER = re.compile(r"\s+(?:founder|co-founder|cofounder|entrepreneur)\b", re.IGNORECASE)
_PROJECT = re.compile(
    r"^[^.;]{0,80}?\bfor\s+(?:the\s+|its\s+|an?\s+)?(?:[\w.'’-]+\s+){0,4}?(?:projects?\b|"
    r"(?:plants?|towers?|terminals?)\b|"
    # an energy asset: "for wind farm", "for Texas battery storage facility"
    r"(?:solar|wind|battery|storage|hydro|geothermal|power|energy|pv)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:farms?|plants?|facilit(?:y|ies)|portfolios?|parks?|assets?)\b)|"
    # "lands $206M in financing to build massive geothermal power plant"
    r"^[^.;]{0,80}?\bto\s+(?:build|construct|finance|develop)\s+(?:the\s+|its\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:solar|wind|battery|storage|hydro|geothermal|power|energy|pv|"
    r"nuclear)\s+(?:[\w'’-]+\s+){0,1}?(?:farms?|plants?|facilit(?:y|ies)|parks?|stations?)\b|"
    # a named asset: "secured $1.4B in debt financing to expand its Helios data center"
    r"^[^.;]{0,120}?\b(?:to|for)\s+(?:build|construct|finance|develop|expand|fund)\s+(?:the\s+|its\s+)?"
    r"(?-i:[A-Z])[\w'’-]*\s+(?:data\s+cent(?:er|re)|campus|mine|smelter|refinery|project)\b",
    re.IGNORECASE,
)
# Money that is not a venture round whatever its size or round word: an asset's project
# finance, a public company refinancing its debt, an equity line from a market investor.
_NOT_A_ROUND = re.compile(
    r"\b(?:project[\s-]+financ\w*|construction\s+(?:financ\w*|loans?|debt)|tax\s+equity|"
    # an at-the-market offering; not "Private Placement Priced At-The-Market" (its price)
    r"refinanc\w*|equity\s+(?:line|purchase\s+agreement)|ELOC|(?<!priced\s)at-the-market|"
    # money paid to selling shareholders: "raises $527M via secondaries", "tender offer"
    r"(?:via|through|in)\s+(?:an?\s+)?secondar(?:y|ies)(?:\s+(?:sale|share\s+sale|deal))?|"
    r"tender\s+offer|"
    # an at-the-market programme, public money, pre-orders: "raises $10M through ATM
    # program", "secures $5M in government funding", "raises $2M on Kickstarter"
    r"ATM\s+(?:program|programme|offering|facility)|"
    r"(?:government|federal|state|provincial|public)\s+(?:funding|grants?|support|subsid\w*)|"
    # an agency's money: "Intrusion Secures $3M DoD Funding", "wins $2M NIH grant"
    r"(?-i:DoD|DOD|DOE|NIH|NSF|DARPA|NASA|USDA|EPA|SBIR|ARPA-E|EU|EIC)\s+(?:funding|grants?|contracts?|awards?)|"
    r"kickstarter|indiegogo)\b",
    re.IGNORECASE,
)
# Public money: "receives $20M from the state", "from the U.S. government", "federal".
_PUBLIC_MONEY = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:U\.?S\.?|UK|EU|federal|state|provincial|local|city|county)\s+)?"
    r"(?:government|ministry|department|city|county|province|municipality|council|state)"
    r"(?![\w-])(?!\s+(?:fund|investor|bank|wealth)\b)",
    re.IGNORECASE,
)


# "more" is not among them: "Microsoft gets more cash in a revenue-share agreement" is income;
# a raise says "raising more cash" and is read through its verb.
_NEW_MONEY = re.compile(r"\b(?:new|fresh|additional|further)\s", re.IGNORECASE)
# "has secured $686M in new funds": money in, unless a firm raises it (checked later).
_TO_LEVEL = re.compile(
    r"\s*(?:(?:investment|backing|stake|pledge|commitment)\s+)?to\s+(?:[$€£₹]|Rs\b|(?-i:[A-Z]{1,3}\$))"
)
_TAPPED = re.compile(r"\s*(?:\Z|[,;:]|(?:to|in|from|led)\b)", re.IGNORECASE)
_IN_NEW_FUNDS = re.compile(
    # "in new funds for startups" is a fund; "in fresh funds for its reactor" the raiser's
    r"\s+in\s+(?:new|fresh|additional|more)\s+funds\b"
    r"(?!\s+(?:for(?!\s+(?:its|their)\b)|to|focused)\b)",
    re.I,
)
# Who raises, when the subject is a person: "Google vet raises $8M for Continua" (the money
# is for the company named after "for"); "Beyond Presence's founder nabs $3.1M" (the
# founder's company) -- not "a former Stripe exec raises $3M for his next venture".
_PERSON_SUBJECT = re.compile(
    r"(?:^|\s)(?:vet|veteran|alum|alumna|alumni|founder|co-founder|cofounder|exec|executive|"
    r"ceo|founders|co-founders|engineer|researcher)\s*\Z",
    re.IGNORECASE,
)
_FOR_NAME = re.compile(r"\s+for\s+(?=\S)", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|ex-|onetime|serial|repeat)", re.IGNORECASE)
_NEXT_VENTURE = re.compile(
    r"\b(?:his|her|their|new|next|another|second|third)\s+(?:[\w-]+\s+){0,2}?(?:startup|venture|"
    r"company|business|project|fund)\b",
    re.IGNORECASE,
)
_FOUNDER_OF = re.compile(
    # "Affiniti’s 20- and 22-year-old founders raise $17M": what the founders are, between
    r"(?:(?P<sep>['’]s)(?:\s+(?-i:[a-z\d])[\w-]*(?:\s+and)?){0,4})?\s+(?:co-?)?founders?"
    r"(?:\s+and\s+ceo)?\s*\Z",
    re.IGNORECASE,
)
# "Fastino trains AI models on cheap GPUs and just raised $17.5M": a second predicate of
# the clause's subject.
_AND_PREDICATE = re.compile(r"\s(?:and|&)\s+(?:(?:just|also|now|then|has|have)\s+)*\Z", re.I)


# A name its company writes in lowercase, right after what describes it: "YC-backed telli",
# "Berlin-based sennder" (after a noun, "startup first raises", it is too often a word).
_LOWERCASE_NAME = re.compile(
    r"(?:^|\s)[\w-]+(?:"
    + "|".join(DESCRIPTOR_SUFFIXES)
    + r")\s+((?-i:[a-z])[a-z0-9]*(?-i:[A-Z0-9.])?[\w.]*)\s+\Z",
    re.IGNORECASE,
)
_NOT_LOWERCASE_NAMES = frozenset(
    {"also", "now", "just", "has", "have", "had", "that", "which", "who", "then", "finally",
     "reportedly", "quietly", "officially", "recently", "today", "successfully", "formally",
     "publicly", "again", "already", "still", "itself", "and", "or", "but", "that's", "it",
     "is", "are", "was", "were", "will", "would", "could", "may", "might", "can"}
)  # fmt: skip
_COMMA_QUOTE = re.compile(r",[’”\"']\s*\Z")
_BY_MAKER = re.compile(r"(?<=[\w)])\s+by\s+\Z", re.IGNORECASE)


def _subject(
    text: str, start: int, end: int, tail_at: int, tail_end: int
) -> tuple[int, int] | None:
    """The company that raised, read before the verb at `end` (its clause opens at `start`;
    what was raised is followed by text[tail_at:tail_end])."""
    left = text[start:end]
    if _PERSON_SUBJECT.search(left):
        fm = _FOUNDER_OF.search(left) if not _FORMER.search(left) else None
        if fm is not None and not _NEXT_VENTURE.search(text, tail_at, tail_end):
            # "Beyond Presence's founder nabs $3.1M", "Cogna founder raises $15M"
            span = company_before(text, start, start + fm.start())
            if span is not None:
                return span
        nm = _FOR_NAME.match(text, tail_at, tail_end)
        if nm is None:
            return None
        # "Google vet raises $8M for Continua", "... raises $3M for YC-backed Munify"
        span = company_after(text, nm.end(), min(60, tail_end - nm.end()))
        return span if span is not None and not text[span[0]].islower() else None
    span = company_before(text, start, end)
    if span is not None and "launch" in left:
        span = _launched_by(text, span, end) or span
    if span is None and (low := _LOWERCASE_NAME.search(left)) is not None:
        word = low.group(1).lower()
        if word not in _NOT_LOWERCASE_NAMES and not word.endswith("ly") and len(word) > 2:
            span = (start + low.start(1), start + low.end(1))  # "YC-backed telli raises"
    if span is None and _COMMA_QUOTE.search(left):
        # "Cluely, a startup that helps ‘cheat on everything,’ raises": an appositive
        first = company_after(text, start, min(60, end - start))
        span = first if first is not None and first[0] == start else None
        comma = text.find(",", start, end)
        if span is None and comma > start:  # "YC alum Mendel, a ‘Ramp for LatAm,’ raises"
            span = company_before(text, start, comma)
    if span is not None and (bm := _BY_MAKER.search(text, start, span[0])) is not None:
        # "YC-backed Apolink by 19-year-old bags $4.3M": the company is before "by"
        made = company_before(text, start, bm.start())
        span = made if made is not None else span
    if span is not None and (dm := DESCRIBED_AFTER.match(text, span[1], end)) is not None:
        # "Commercial services platform BuildOps ...": the name right after the description
        named = company_after(text, dm.end(), min(60, end - dm.end()))
        span = named if named is not None and named[0] == dm.end() + 1 else span
    if span is None and _AND_PREDICATE.search(left):
        return _opening_subject(text, start, end)
    if span is None and not left.strip() and text[:start].rstrip().endswith(","):
        # "Commercial services platform BuildOps becomes a unicorn, raises $127M"
        comma = text.rfind(",", 0, start)
        return _opening_subject(text, clause_start(text, comma), comma)
    return span


def _opening_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The company opening text[start:end] as the subject of a lowercase verb; when a
    person opens it, the company they launch ("Ex-Twitter CEO Parag Agrawal launches
    Parallel Web Systems to ..., raising $30M")."""
    name = headline_subject(text[start:end])
    if name is None:
        return None
    at = text.find(name, start, end)
    if at < 0:
        return None
    return _launched_by(text, (at, at + len(name)), end) or (at, at + len(name))


def _launched_by(text: str, span: tuple[int, int], end: int) -> tuple[int, int] | None:
    """The company the person at `span` launches right after: "Ex-Twitter CEO Parag
    Agrawal launches Parallel Web Systems to ..., raising $30M"."""
    name = text[span[0] : span[1]]
    launched = _LAUNCHES_NAMED.match(text, span[1], end)
    if launched is None or not (_FOUNDER_TITLE.search(name) or person_at_end(name) == name):
        return None
    named = company_after(text, launched.end(), min(60, end - launched.end()))
    return named if named is not None and named[0] == launched.end() else None


_LAUNCHES_NAMED = re.compile(r"\s+(?:launches|unveils|starts|founds|debuts)\s+(?=(?-i:[A-Z]))")
_FOUNDER_TITLE = re.compile(r"\b(?:CEO|CTO|founder|co-founder|exec|executive)\b", re.IGNORECASE)


def _raises_a_fund(low: str, verb_end: int, end: int) -> bool:
    """Whether what is raised, before any "led by"/"from" investors, is a fund."""
    investors = _INVESTORS.search(low, verb_end, end)
    return bool(_VC_FUND_FOLDED.search(low, verb_end, investors.start() if investors else end))


def _backs_companies(
    text: str, verb_end: int, end: int, round_m: re.Match[str] | None, firm: bool
) -> bool:
    """Whether the raising clause names the companies the money will back: a fund raise.

    A round named before that phrase is the raiser's own ("raises $120M Series B to lend
    to startups"); one named inside it is what the fund backs ("to back Series A founders").
    """
    for m in (_FIRM_BACKS if firm else _BACKS).finditer(text, verb_end, end):
        if round_m is not None and m.start() > round_m.start():
            return False
        if m.groupdict().get("target") and _OWN_PURPOSE.search(text, verb_end, m.start()):
            continue  # "to build credit tools for small companies": customers, not a fund
        return True
    return False


def _label_round(text: str, clause_start_at: int) -> re.Match[str] | None:
    """The round a headline is labelled with before a colon ("Series A: ...")."""
    label = text[:clause_start_at].rstrip()
    if not label.endswith(":") or len(label) > 40:
        return None
    return _ROUND_LABEL.match(label[:-1])


# Press-wire placements: "Vor Bio Announces $75 Million Private Placement", "GeoMegA Closes
# its Brokered Flow-Through Private Placement", "Geomega Resources Inc.: First Tranche
# Closing of a Private Placement". The placement is the company's own new money.
_PLACEMENT = re.compile(
    r"\b(?P<verb>announces|announced|closes|closed|completes|completed|(?:(?:first|second|third|"
    r"final|initial)\s+)?(?:tranche\s+)?(?:closing|close|completion|pricing|terms|upsize)\s+of|"
    r"upsizes|increases|prices|arranges|launches|to\s+raise|raises|secures)\b"
    r"(?P<mid>(?:[^.;!?:]|(?<=\d)\.(?=\d)){0,120}?)\b(?:private\s+placements?|equity\s+financing|"
    r"flow-through\s+financing)\b",
    re.IGNORECASE,
)
_PLACEMENT_AMOUNT = re.compile(
    r"[^.;!?:]{0,40}?\b(?:for|of|to|totall?ing|worth)\s+(?:gross\s+)?(?:proceeds\s+(?:of\s+)?)?"
    r"(?:(?:up\s+to|approximately|about)\s+){0,2}(?=[$€£A-Z])",  # "of up to Approximately $10.5M"
    re.IGNORECASE,
)
_AMOUNT_RE = re.compile(AMOUNT_PATTERN, re.IGNORECASE)
_DEBT_PAPER = re.compile(r"\b(?:notes|debentures|bonds)\b")
# A round the summary names ("The Series B round was co-led by ...", "a second tranche of
# seed funding"): a round word must follow, so "its Series A last year" is not read.
_ROUND_MENTION = re.compile(
    ROUND_PATTERN + r"(?:(?:[\s-]+(?:extension|equity|venture))?[\s-]+(?:funding|financing|round|"
    r"investment|raise|deal)\b"
    # "The Series B extension was led by S2G": the round told after the money
    r"|\s+extension\b)",
    re.IGNORECASE,
)


_AMOUNT_MENTION = re.compile(
    r"\b(?:gross\s+proceeds\s+of|aggregate\s+(?:gross\s+)?proceeds\s+of|has\s+raised|raised|"
    r"placement\s+for\s+a\s+total\s+of|"
    r"raising|has\s+secured|secured)(?:\s+(?:up\s+to|approximately|about|an\s+additional|"
    r"total\s+of|a\s+total\s+of|nearly|over))*\s+(?=\S)",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


def amount_in(text: str, since: int = 0) -> tuple[float, str] | None:
    """The amount a summary's lead says was raised ("for gross proceeds of C$316,000"),
    else the first one written as a round ("has completed a $2.1 million Series A2
    funding round") -- not a valuation or a total to date."""
    if _DIGIT.search(text, since) is None:
        return None  # no amount can be written without a digit: most leads have none
    for m in _AMOUNT_MENTION.finditer(text, since):
        am = _AMOUNT_RE.match(text, m.end())
        if am is not None:
            return parse_amount(am)
    for am in _AMOUNT_RE.finditer(text, since):
        if _AS_A_ROUND.match(text, am.end()) and not _NOT_THIS_ROUND.search(
            text, max(since, am.start() - 40), am.start()
        ):
            return parse_amount(am)
    return None


_AS_A_ROUND = re.compile(
    r"\s*(?:(?:[\w-]+\s+){0,2}?" + ROUND_PATTERN + r"|(?:in\s+)?(?:new\s+|fresh\s+)?"
    r"(?:seed\s+|equity\s+)?(?:funding|financing|round|investment))\b(?!\s+to\s+date)",
    re.IGNORECASE,
)
_NOT_THIS_ROUND = re.compile(
    r"\b(?:valuation|valued|total|totals|totalling|bringing|brings|to\s+date|previous|prior|"
    r"earlier|last|cumulative|overall)\b[^.;]*\Z",
    re.IGNORECASE,
)


def round_in(text: str, since: int = 0, amount: float | None = None) -> str | None:
    """The round named in a summary's lead: the one the headline's `amount` is written
    with ("led the $6 million Series A"), else one a round word follows -- not a past
    round ("led the company's seed round in 2017", "its previous Series A round")."""
    if amount is not None:
        for am in _AMOUNT_RE.finditer(text, since):
            value = parse_amount(am)[0]
            if value and abs(value - amount) <= amount * 0.01:
                rm = _ROUND_AFTER_AMOUNT.match(text, am.end())
                if rm is not None:
                    return normalize_round(rm.group("round"))
    for m in _ROUND_MENTION.finditer(text, since):
        if _PAST_ROUND_AFTER.match(text, m.end()) or _PAST_ROUND_BEFORE.search(
            text, max(since, m.start() - 30), m.start()
        ):
            continue
        return normalize_round(m.group("round"))
    return None


_ROUND_AFTER_AMOUNT = re.compile(r"\s*(?:in\s+)?(?:(?:a|an|the|its|new)\s+)*" + ROUND_PATTERN, re.I)
_PAST_ROUND_AFTER = re.compile(r"\s+(?:back\s+)?in\s+(?:19|20)\d\d\b", re.IGNORECASE)
_PAST_ROUND_BEFORE = re.compile(
    r"\b(?:previous|prior|earlier|last|past|preceding|after|following)\s+(?:[\w$.,-]+\s+){0,2}\Z",
    re.IGNORECASE,
)


def _placement(text: str, since: int) -> FundingHit | None:
    """A private placement announced in `text`, or None."""
    low = text.lower()
    if "placement" not in low and "financing" not in low:
        return None
    pm = _PLACEMENT.search(text, since)
    if (
        pm is None
        or "warrant" in low[: pm.end()]
        or _DEBT_PAPER.search(low, pm.start(), pm.end() + 80)
    ):
        return None  # "Private Placement of Cdn$1.0 billion ... Subordinated Notes": debt paper
    # "Acme to Raise Up to $15M Through a Private Placement" announces the placement itself
    if any(not pm.start() <= m.start() < pm.start("mid") for m in _RUMOUR.finditer(text)):
        return None
    start = clause_start(text, pm.start())
    if text[start : pm.start()].strip() == "" and text[:start].rstrip().endswith(":"):
        colon = text.rfind(":", 0, start)
        span = company_before(text, clause_start(text, colon), colon)  # "Acme Inc.: Closing of"
    else:
        span = company_before(text, start, pm.start())
    if span is None or _NOT_A_ROUND.search(text, pm.start(), clause_end(text, pm.end())):
        return None
    am = _AMOUNT_RE.search(text, pm.start("mid"), pm.end("mid"))
    if am is None:
        after = _PLACEMENT_AMOUNT.match(text, pm.end())
        am = _AMOUNT_RE.match(text, after.end()) if after else None
    amount, currency = parse_amount(am) if am else (None, None)
    return FundingHit(span, None, amount, currency, (span[0], pm.end()), 0.8)


# An investment from a named investor: "announces strategic investment from Google".
_FROM_NAMED = re.compile(r"\s*from\s+(?-i:[A-Z])", re.IGNORECASE)
# An aside between two dashes that opens in lowercase: "Ember, a start-up developing chips
# for ZigBee--a low-cost wireless standard--received $25 million".
_DASH_ASIDE = re.compile(r"(?:--|\s?—\s?)(?=[a-z])[^—.;]{2,120}?(?:--|\s?—\s?)(?=\w)")


def detect_funding(text: str, since: int = 0) -> list[FundingHit]:
    """Funding rounds announced in `text` (a cleaned headline or a summary's lead).

    Verbs before `since` are not read (they repeat a headline already read);
    the whole text still counts for the exclusions.
    """
    hits: list[FundingHit] = []
    text = blank_defined_terms(text)
    if "--" in text or "—" in text:
        text = _DASH_ASIDE.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text)
    folded = fold(text)
    checked = False
    for vm in find_verbs(folded, ANCHOR_WORDS, _VERB_FOLDED, since):
        rm = _RIGHT.match(text, vm.end())
        if rm is None:
            continue
        start = clause_start(text, vm.start())
        left = text[start : vm.start()]
        said = _SAID_THAT.search(left)
        if said and " that " not in said.group(0) and vm.group("verb").lower().startswith("had"):
            said = None  # "Last week, Nreal announced it had raised": told before, not news
        subject_end = start + said.start() if said else vm.start()
        if said is None and _RELATIVE.search(left):
            continue
        if not checked:
            if _excluded(folded, rm.end()):
                break  # a wire's placement is judged on its own terms below
            checked = True
        verb = " ".join(vm.group("verb").lower().split()[-2:])
        verb = verb.split()[-1] if not verb.endswith((" up", " in")) else verb
        end = clause_end(text, rm.end())
        tail = text[rm.end() : end]
        amount = currency = None
        new_funds = bool(rm.group("money")) and _IN_NEW_FUNDS.match(tail) is not None
        if rm.group("money"):
            if _NOT_RAISED.match(tail) and not new_funds:
                continue
            amount, currency = parse_amount(rm)
        round_m = _ROUND_RE.search(text, rm.start(), min(end, rm.end() + 90))
        if (
            round_m
            and round_m.group("round")[:1].isupper()
            and _NAMED_BEFORE.search(text, rm.start(), round_m.start())
            and not round_m.group("round").lower().startswith(("series", "seed", "pre"))
        ):
            round_m = None  # "from Susquehanna Growth Equity": an investor's name
        if round_m and _PAST_ROUND_GAP.search(text, rm.end(), round_m.start()):
            round_m = None  # "raises $200M at $2B valuation 5 months after $100M Series A"
        if (
            verb in _NEEDS_FUNDING_WORD
            and not _FUNDING_WORD.search(text, rm.start(), end)
            # "Perfect taps $23M to fix ...", not "taps $10B reserve"
            and not (verb in ("taps", "tapped") and rm.group("money") and _TAPPED.match(tail))
        ):
            continue
        if verb.startswith("extend"):
            # "Acme extends its Series B with $10M": only a round extends, never a deadline
            if not (rm.group("noamount") and _ROUND_RE.match(rm.group("noamount"))):
                continue
            wm = _WITH_AMOUNT.match(text, rm.end(), end)
            if wm is not None:
                amount, currency = parse_amount(wm)
        elif amount is None and rm.group("noamount"):
            # "raises pre-Series A funding of $3M", "raises maiden funding worth Rs 20 crore"
            om = _OF_AMOUNT.match(text, rm.end(), end)
            if om is not None:
                amount, currency = parse_amount(om)
        noamount = (rm.group("noamount") or "").lower()
        if (
            noamount in ("cash", "funds", "money")
            and not verb.startswith("rais")
            and not _NEW_MONEY.search(rm.group(0))
        ):
            continue  # "gets cash back", "secures funds for the school"; "lands new cash" is in
        if verb.startswith("rais") and _TO_LEVEL.match(text, rm.end(), end):
            continue  # "Apple raises US investment to $600bn": a pledge raised to a level
        if verb in ("takes", "took") and not (noamount or re.match(r"\s*from\s", tail)):
            continue  # "takes $2B charge"; "takes $5B from Amazon" is money in
        if noamount and not (
            round_m
            or verb.startswith(("rais", "secur", "clos"))
            or (noamount in ("cash", "funds", "money") and verb not in _NEEDS_FUNDING_WORD)
            or (
                noamount in ("funding", "financing", "investment", "capital")
                and (
                    verb not in _NEEDS_FUNDING_WORD
                    or (noamount == "investment" and _FROM_NAMED.match(tail) is not None)
                )
            )
        ):
            # "announces investment in new plant", "announces funding from SDTC for a pilot
            # plant"; "announces strategic investment from Google" is money in
            continue
        if _GRANT.match(tail):
            continue  # a grant, decided: not a funding round
        if _NOT_A_ROUND.search(text, vm.end(), end) or _PUBLIC_MONEY.search(tail):
            continue  # project finance, refinancing, an equity line, public money
        if not new_funds and (_FOR_A_FUND.match(tail) or _raises_a_fund(folded.low, vm.end(), end)):
            continue  # a VC firm raising its own fund
        if round_m is None and start > 0:
            round_m = _label_round(text, start)
        if amount is not None and amount < 100_000 and round_m is None:
            continue  # a bake sale or a grant, not a venture round
        if _BY_GERUND.search(text, start, vm.start()):
            # "Rapido Enters Unicorn Club By Raising $120M": the clause's subject raised it
            span = company_after(text, start, vm.start() - start)
        else:
            span = _subject(text, start, subject_end, rm.end(), end)
        if span is None or DESCRIBED_AFTER.match(text, span[1], vm.start()):
            continue  # "Hydrogen fuel startup spins out ..., lands $7.8M": no name given
        name = text[span[0] : span[1]].lower()
        if span[1] <= vm.start() and _PERSON_SUBJECT.search(text, start, vm.start()) is None:
            if _PREPOSITION_BEFORE.search(text, start, span[0]):
                continue  # "Startups in India raised": a place after a preposition is no subject
            named_company = name.startswith("the ") and name.endswith(" company")  # "The Bouqs"
            # "Smarter Web Company raises £19.7m": a capital "Company" before a lowercase verb
            written = text[span[0] : span[1]]
            named_company = named_company or (
                written.endswith(" Company") and " " in written and text[vm.start()].islower()
            )
            if name in _GENERIC_SUBJECTS or (
                name.split()[-1] in _GENERIC_SUBJECTS and not named_company
            ):
                continue
            if _FOUNDER_BEFORE.search(text, start, span[0]) or _FOUNDER_AFTER.match(text, span[1]):
                continue  # "Repeat founder Ryan Williams raises", "Seattle founder X, who"
        firm = name.split()[-1] in _FIRM_WORDS
        if firm and new_funds:
            continue  # "Acme Ventures raises $200M in new funds": a fund
        if name.split()[-1] in _FUND_NAMES and round_m is None and not tail.strip(" ,.;"):
            continue  # "..., Creator Ventures raises $45M": nothing but money, a fund
        if round_m is None and _KNOWN_INVESTOR.fullmatch(name):
            continue  # "Sequoia has raised $7B to expand its AI bets": a venture firm's fund
        if firm and (
            _FUND_WORD.search(text, vm.end(), end)
            or _TO_INVEST.match(tail)
            or _FOR_INVESTMENTS.match(tail)
        ):
            continue  # a firm ("... Ventures", "... Capital") raising a fund
        if _FUND_DESCRIPTOR.search(text, start, span[0]):
            continue  # "New deep tech fund Wave Function Ventures raises $15M"
        debt = round_m is not None and normalize_round(round_m.group("round")) == "debt"
        if (round_m is None or debt) and _PROJECT.search(tail):
            continue  # project finance: "secure $9M ... for Sycamore Grove Project"
        if _backs_companies(text, vm.end(), end, round_m, firm):
            continue  # "Frontline Ventures raises $200M targeting B2B startups": a fund
        round_name = normalize_round(round_m.group("round")) if round_m else None
        confidence = 0.7 + (0.15 if amount is not None else 0) + (0.1 if round_name else 0)
        ev_end = max(rm.end(), round_m.end() if round_m else 0)
        if firm and verb.startswith(("complet", "clos", "announc")):
            # "Boomerang Ventures Completes Series A2 Round in Wicked Technologies": the firm
            # invested; the round is the investee's.
            im = _ROUND_IN.match(text, ev_end, end)
            investee = _investee(text, im.end(), end) if im else None
            if investee is not None:
                span, ev_end = investee, investee[1]
        hits.append(
            FundingHit(span, round_name, amount, currency, (span[0], ev_end), round(confidence, 2))
        )
        break  # one funding round per text: later verbs restate it
    if not hits:
        placement = _placement(text, since)
        if placement is not None:
            hits.append(placement)
    if not hits:
        shaped = _other_shapes(text, folded, since)
        if shaped is not None and not _excluded(folded):
            hits.append(shaped)
    return hits


# --- rounds told without a funding verb ------------------------------------------
#
# The investor as the subject ("Accel leads $20M Series A in Acme", "Samsung invests $175M
# in Element Biosciences' Series E", "Zomato backs Shiprocket"), and the money first ("With
# $37M seed round, Maka begins pilot", "Gutsy launches with $51M seed", "Alan reaches $4.5B
# valuation with new $193M funding round", "CodeRabbit valued at $1.5B in latest funding
# round"). Each shape is anchored on a word found by `str.find`, then read in bounded
# windows like the verbs above.

# The words each shape needs, checked on the entry's word set before any pattern runs.
_INVESTOR_WORDS = frozenset(
    {"leads", "led", "co", "participates", "fuels", "fueled", "fuelled", "participated",
     "invest", "invests", "invested", "investment", "backs", "back", "pour", "pours",
     "poured", "pump", "pumps", "pumped", "inject", "injects", "injected"}
)  # fmt: skip
_LAUNCH_WORDS = frozenset({"launches", "launched", "debuts", "emerges", "stealth"})
_VALUED_WORDS = frozenset({"valued", "valuation", "unicorn"})
_ROUND_WORD = r"(?:round|funding|financing|investment|raise|backing)"
_AMOUNT_AT = re.compile(r"\s*(?:a\s+|an\s+|its\s+|the\s+|new\s+|fresh\s+|latest\s+)*", re.I)
_ROUND_AT = re.compile(
    r"\s*" + ROUND_PATTERN + r"(?:\s+(?:extension|equity|venture))?", re.IGNORECASE
)
_IN_ROUND_AT = re.compile(
    r"\s*in\s+(?:(?:a|an|its|new|fresh)\s+)*" + ROUND_PATTERN + r"(?:\s+(?:extension|equity))?",
    re.IGNORECASE,
)
_ROUND_WORD_AT = re.compile(
    r"\s*(?:in\s+)?(?:new\s+|fresh\s+|additional\s+)?(?:[\w&.-]+-led\s+)?(?:funding\s+)?"
    + _ROUND_WORD
    + r"\b",
    re.I,
)  # "$51M seed round", "$11.9 million in funding"
# "Accel leads $20M round in Acme", "Kevin Hart's VC firm leads $35M Series B for Simple"
_LEADS = re.compile(
    r"\b(?:(?:co-)?(?:leads|led)|participates\s+in|participated\s+in|fuels|fueled|fuelled)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
_INTO = re.compile(r"\s+(?:in|into|for)\s+", re.IGNORECASE)
_INVESTMENT_IN = re.compile(r"investment\s+in\Z", re.IGNORECASE)
_ROUND_IN = re.compile(r"\s+(?:(?:funding\s+)?(?:round|investment)\s+)?(?:in|into)\s+", re.I)
# "Nvidia invests in data center developer Cloverleaf", "makes strategic investment into"
_INVESTS = re.compile(
    r"\b(?:invests|invested|invest(?=\s+(?:[$€£₹]|(?-i:[A-Z]{2,3})\s?\d|Rs\b))|"
    r"(?:makes|make|made|announces|completes)\s+(?:an?\s+)?(?:strategic\s+|minority\s+|equity\s+|"
    r"undisclosed\s+|follow-on\s+|seed\s+|growth\s+|new\s+|additional\s+)*investment|"
    r"(?P<pour>pours?|poured|pumps?|pumped|injects?|injected))\b",
    re.IGNORECASE,
)
# Who pours money into a company: "Investors pour $50M into Acme", "VCs pump $20M into".
# Venture firms known by a bare name: "Accel invests $19M in Acme" names an investor, and
# what "Sequoia has raised" is a fund.
_KNOWN_INVESTORS = (
    r"accel|sequoia(?:\s+capital)?|benchmark|a16z|andreessen\s+horowitz|andreessen|"
    r"khosla(?:\s+ventures)?|kleiner\s+perkins|kleiner|greylock|lightspeed|bessemer|redpoint|"
    r"coatue|softbank|temasek|tiger\s+global|general\s+catalyst|y\s+combinator|balderton|"
    r"atomico|northzone|creandum|earlybird|blume|peak\s+xv|"
    # buyout and growth firms whose "raises $6.5B" is a fund
    r"kkr|blackstone|carlyle|apollo|tpg|bain\s+capital|warburg\s+pincus|general\s+atlantic|"
    r"advent(?:\s+international)?|eqt|permira|cvc(?:\s+capital)?|brookfield|thoma\s+bravo|"
    r"vista\s+equity|silver\s+lake|insight\s+partners|hg"
)
_KNOWN_INVESTOR = re.compile(r"(?:" + _KNOWN_INVESTORS + r")", re.I)
_POURERS = re.compile(
    r"\b(?:investors|vcs|backers|funds|venture|capital|ventures|partners|"
    + _KNOWN_INVESTORS
    + r")\b",
    re.I,
)
_POOLED = re.compile(r"\b(?:ETFs?|funds?|trusts?)\Z", re.IGNORECASE)
_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)  # "Zomato backs Shiprocket with $10M"
# "Sequoia backs Acme", "Khosla Ventures backs data mapping startup Lume", "General Catalyst
# and Khosla Ventures back ..." (the plural before a described company, or before a bare
# name when the round or the money follows: "Existing investors back Acme with $20M").
_BACKS_NAME = re.compile(
    r"\b(?:backs\s+(?=(?-i:[A-Z]))|(?P<plural>back)s?\s+(?=(?:[\w-]+\s+){0,4}?"
    r"(?:startup|start-up|company|firm|platform|maker|developer|provider)\s+(?-i:[A-Z])|"
    r"(?P<direct>(?-i:[A-Z]))))",
    re.IGNORECASE,
)
# "With $37M seed round, Maka ...", "After its $30 million Series B, Loom ..."
_WITH_FIRST = re.compile(r"^(?:with|after|armed\s+with|fresh\s+off)\s", re.IGNORECASE)
# "Gutsy launches with $51M seed", "Acme emerges from stealth with $10M"
_LAUNCHES = re.compile(
    r"\b(?:launches|launched|debuts|emerges|emerged|exits\s+stealth|(?:comes|has\s+come|came)\s+"
    r"out\s+of\s+stealth)(?:\s+(?:from|out\s+of)\s+stealth)?\s+with\s",
    re.IGNORECASE,
)
# "Alan reaches $4.5B valuation with new $193M round", "CodeRabbit valued at $1.5B in ..."
_VALUED = re.compile(
    r"\b(?:valued\s+at\s+|(?:reaches|hits|notches|achieves|clinches)\s+(?:a\s+)?|"
    # "Mercor quintuples valuation to $10B with $350M Series C"
    r"(?-i:[a-z]+s)\s+(?:its\s+)?valuation\s+to\s+"
    # "Kalshi’s valuation jumps to $11B after raising massive $1B round"
    r"|['’]s\s+valuation\s+(?:jumps|soars|rises|climbs|surges|doubles|triples|leaps)\s+to\s+)"
    r"(?=\S)",
    re.I,
)
# "Acme turns unicorn with $200M Series C", "hits unicorn status with ...": no amount before
# the link, the round after it.
_UNICORN = re.compile(
    r"\b(?:becomes|became|turns|turned|hits|reaches|achieves|attains|earns|gains)\s+"
    r"(?:a\s+)?unicorn(?:\s+status)?",
    re.IGNORECASE,
)
_ANOTHER = re.compile(r"\s+(?:another|an\s+additional|a\s+further|a\s+fresh)\s", re.IGNORECASE)
_RAISING = re.compile(
    r"(?:raising|closing|securing|landing)\s+(?:(?:a|an|its|another|massive|fresh|new|whopping)\s+)*",
    re.IGNORECASE,
)
_VALUATION_LINK = re.compile(
    r"\s*(?:valuation\s+)?(?:with|in|after|following|on|thanks\s+to|via)\s", re.IGNORECASE
)


def _money_round(
    text: str, pos: int, end: int, led: bool = False
) -> tuple[int, float | None, str | None, str | None] | None:
    """A round written at `pos` ("$35M Series B", "new $193M funding round", "$51M seed"):
    where it ends, the amount, currency and round; None when no round is written there.
    `led`: an investor leads it, so "$10M Series A investment in Acme" is Acme's round."""
    filler = _AMOUNT_AT.match(text, pos, end)  # matches empty: None only when pos > end
    at = filler.end() if filler else pos
    amount = currency = round_name = None
    am = _AMOUNT_RE.match(text, at, end)
    if am is not None:
        amount, currency = parse_amount(am)
        at = am.end()
        nm = _NOT_RAISED.match(text, at, end)
        if nm is not None and led and _INVESTMENT_IN.search(nm.group(0)):
            nm = None
        if nm is not None or _GRANT.match(text, at, end):
            return None
    rm = _ROUND_AT.match(text, at, end)
    if rm is None and am is not None:
        rm = _IN_ROUND_AT.match(text, at, end)  # "$6M in seed funding", "$24M in Series B"
    if rm is not None:
        round_name = normalize_round(rm.group("round"))
        at = rm.end()
    wm = _ROUND_WORD_AT.match(text, at, end)
    if wm is not None:
        at = wm.end()
    elif rm is None:
        return None
    return at, amount, currency, round_name


def _investee(text: str, pos: int, end: int) -> tuple[int, int] | None:
    span = company_after(text, pos, min(80, end - pos))
    if span is not None and (dm := DESCRIBED_AFTER.match(text, span[1], end)) is not None:
        # "Indian home services startup Snabbit": the place begins the description
        span = company_after(text, dm.end(), min(60, end - dm.end()))
    if span is None or _ROUND_RE.match(text, span[0]):
        return None
    return span


_MONEY_OPENERS = frozenset("$€£¥₹0123456789")


def _other_shapes(text: str, folded: Folded, since: int) -> FundingHit | None:
    words = folded.words
    hit = None
    if not _INVESTOR_WORDS.isdisjoint(words):
        hit = _investor_first(text, since)
    if hit is None and (
        folded.low.startswith(("with ", "after ", "armed ", "fresh "))
        or (since == 0 and folded.low[:1] in _MONEY_OPENERS)
        or not words.isdisjoint(("with", "after", "following"))
    ):
        hit = _money_first(text, since)
    if hit is None and not _VALUED_WORDS.isdisjoint(words):
        hit = _valued(text, since)
    if hit is None and ("'s" in text or "’s" in text):
        hit = _possessive_round(text, since)
    if hit is None and "says" in words:
        hit = _says_raise(text, since)
    if hit is None and since == 0 and ":" in text and not _COLON_WORDS.isdisjoint(words):
        hit = _colon_raise(text)
    return hit


# A wire's "Coinsilium Group: Placing to Raise £1.25 million", "Vinanz: Institutional $4
# million Bridge Funding Secured" (London's RNS style; a feed naming the issuer first): the
# company is the one before the colon.
_COLON_WORDS = frozenset({"placing", "secured", "raised", "closed", "completed", "received"})
# Where an amount is written (read by `_AMOUNT_RE` after): "£1.25 million", "$4 million".
_MONEY_WORDS = r"\S*\d[\d.,]*\S*(?:\s+(?:million|billion|crore|lakh|mn|bn))?"
_COLON_RAISE = re.compile(
    r"(?P<co>[^:;|]{2,80}?)\s*:\s+(?:"
    r"(?:(?:conditional|firm|oversubscribed|successful)\s+)?placing"
    r"(?:\s+and\s+(?:subscription|retail\s+offer|open\s+offer))?\s+to\s+raise\s+"
    r"(?:up\s+to\s+|approximately\s+|c\.\s*)?(?P<money>" + _MONEY_WORDS + r")"
    r"|(?:[a-z-]+\s+){0,2}?(?P<money2>" + _MONEY_WORDS + r")\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:funding|financing|investment|round|placement)\s+(?:secured|raised|closed|completed|"
    r"received)\b)",
    re.IGNORECASE,
)


def _colon_raise(text: str) -> FundingHit | None:
    m = _COLON_RAISE.match(text)
    if m is None:
        return None
    span = company_opening(text, m.end("co"))
    if span is None:
        return None
    money = "money" if m.group("money") else "money2"
    am = _AMOUNT_RE.fullmatch(m.group(money))
    if am is None:
        return None
    amount, currency = parse_amount(am)
    round_m = _ROUND_RE.search(text, m.start(money), m.end())
    round_name = normalize_round(round_m.group("round")) if round_m else None
    return FundingHit(span, round_name, amount, currency, (0, m.end()), 0.75)


# "Databricks CEO says fresh $1B will help him ...", "Monarch Tractor CEO says $133M raise
# will help it ...": the company's chief telling what its new money is for.
_SAYS_RAISE = re.compile(
    r"\s+(?:(?:co-?)?founder\s+and\s+)?(?-i:CEO|CFO)\s+says\s+(?:the\s+|its\s+)?"
    r"(?P<new>(?:fresh|new)\s+)?(?P<money>" + AMOUNT_PATTERN + r")"
    r"(?P<noun>\s+(?:raise|round|funding|investment|injection|infusion))?\s+will\b",
    re.IGNORECASE,
)


def _says_raise(text: str, since: int) -> FundingHit | None:
    m = _SAYS_RAISE.search(text, since)
    if m is None or not (m.group("new") or m.group("noun")):
        return None  # "Acme CEO says $5M will not be enough": no money raised
    span = company_before(text, clause_start(text, m.start()), m.start())
    if span is None:
        return None
    amount, currency = parse_amount(m)
    return FundingHit(span, None, amount, currency, (span[0], m.end()), 0.7)


_POSSESSIVE_AT = re.compile(r"['’]s?(?=\s)")


def _owned_round(
    text: str, span: tuple[int, int], end: int
) -> tuple[int, float | None, str | None, str | None] | None:
    """The round written after an investee's possessive ("Acme's $12M Series A")."""
    pm = _POSSESSIVE_AT.match(text, span[1], end)
    return _money_round(text, pm.end(), end) if pm else None


def _investor_first(text: str, since: int) -> FundingHit | None:
    for lm in _LEADS.finditer(text, since):
        end = clause_end(text, lm.end())
        found = _money_round(text, lm.end(), end, led=True)
        if found is None:
            # "Sequoia leads Acme's $12M Series A": the investee owns the round.
            span = _investee(text, lm.end(), end)
            owned = _owned_round(text, span, end) if span else None
            if span is not None and owned is not None:
                _, amount, currency, round_name = owned
                return FundingHit(span, round_name, amount, currency, (lm.start(), owned[0]), 0.8)
            continue
        at, amount, currency, round_name = found
        im = _INTO.match(text, at, end)
        span = _investee(text, im.end(), end) if im else None
        if span is not None:
            return FundingHit(span, round_name, amount, currency, (lm.start(), span[1]), 0.8)
    for vm in _INVESTS.finditer(text, since):
        end = clause_end(text, vm.end())
        at = vm.end()
        amount = currency = None
        more = _ANOTHER.match(text, at, end)  # "invests another $22.5M into NeuBird"
        at = more.end() - 1 if more else at
        am = _AMOUNT_RE.match(text, at + 1, end) if text[at : at + 1] == " " else None
        if am is not None:
            amount, currency = parse_amount(am)
            at = am.end()
        im = _INTO.match(text, at, end)
        if im is None:
            continue
        span = _investee(text, im.end(), end)
        if span is None or _POOLED.search(text, span[0], span[1]):
            continue  # "Investors pour $3 billion into bitcoin ETFs": a fund's inflows
        rest = text[span[1] : end]
        described = "investment" in vm.group(0).lower() or _described(text, im.end(), span[0])
        if vm.group("pour"):
            # money poured into a named company by investors: "Accel, Sequoia pump $20M into"
            poured_by = text[clause_start(text, vm.start()) : vm.start()]
            if amount is None or not (described or _POURERS.search(poured_by)):
                continue
            described = True
        owned_round = re.match(r"(?:['’]s?)?\s+" + ROUND_PATTERN, rest, re.IGNORECASE)
        owned = _owned_round(text, span, end)  # "invests in Acme's $12M seed round"
        # the appositive is past the clause's end: "in New Lantern, a smarter way ..."
        appositive = amount is not None and _APPOSITIVE.match(text, span[1]) is not None
        if not (
            described
            or owned_round
            or owned
            or appositive
            # a follow-on: "another $22.5M into NeuBird" (not "... in Texas plant")
            or (more is not None and amount is not None and not _LOWER_NEXT.match(rest))
            or _investors_invest(text, vm, amount, rest)
        ):
            continue  # "invests 1.2 billion kronor in New Premises": not a company
        round_name = normalize_round(owned_round.group("round")) if owned_round else None
        if owned is not None:
            round_name = owned[3] or round_name
            if amount is None:
                amount, currency = owned[1], owned[2]
        return FundingHit(span, round_name, amount, currency, (vm.start(), span[1]), 0.75)
    for bm in _BACKS_NAME.finditer(text, since):
        start = clause_start(text, bm.start())
        backer = company_before(text, start, bm.start())
        if backer is None and bm.group("plural") and _POURERS.search(text, start, bm.start()):
            backer = (start, bm.start())  # "existing investors back ...": backers by kind
        if bm.group("direct") and not _POURERS.search(text, start, bm.start()):
            continue  # "Shareholders back Musk with $56B pay": not investors
        end = clause_end(text, bm.end())
        span = _investee(text, bm.end(), end)
        if backer is not None and span is not None:
            # "Sequoia backs Acme in $12M Series A", "backs Acme's $12M seed round"
            im = _INTO.match(text, span[1], end) or _WITH.match(text, span[1], end)
            round_at = _money_round(text, im.end() - 1, end) if im else None
            round_at = round_at or _owned_round(text, span, end)
            if round_at is None and im is not None and im.group(0).strip().lower() == "with":
                round_at = _bare_amount(text, im.end() - 1, end)  # "backs Acme with $21M"
            if round_at is not None:
                _, amount, currency, round_name = round_at
                return FundingHit(span, round_name, amount, currency, (bm.start(), round_at[0]),
                                  0.75)  # fmt: skip
        if bm.group("direct"):
            continue  # "Investors back Acme": only with the round or the money named
        if backer is None or span is None or not POLITICS_WORDS.isdisjoint(fold(text).words):
            continue
        if normalize_company(text[backer[0] : backer[1]]) in PLACES:
            continue  # "Australia Backs Smelters to Boost Critical Mineral Output": a state
        if text[backer[0] : backer[1]].split()[-1].lower() in _NOT_BACKERS:
            continue  # "Calif. Official Backs Anthem-WellPoint": approval, not money
        rest = text[span[1] : end]
        names = text[backer[0] : backer[1]] + text[span[0] : span[1]]
        # "Zomato backs Shiprocket": a company and nothing after the name, or a purpose
        # ("Atomico backs Tem to help businesses ..."); a described investee ("backs Indian
        # home services startup Snabbit", "backs Skylight, a TikTok alternative") is a
        # company whoever backs it. "Senate backs bill", "Jane Doe backs Harris": no.
        plain = not rest.strip(" ,.") or _BACKS_PURPOSE.match(rest) is not None
        described = _described(text, bm.end(), span[0]) or _APPOSITIVE.match(rest) is not None
        backer_name = text[backer[0] : backer[1]]
        # "MDAVF backs Atom Alloys’ explosion-resistant fuel technology": the company's own
        # technology, backed by a firm (not "Jane Doe backs Acme’s plan")
        its_tech = _BACKED_TECH.match(rest) is not None and (
            " " not in backer_name or backer_name.split()[-1].lower() in _FIRM_WORDS
        )
        # "Tiger Global Backs PopUp Bagels at $300 Million Valuation": a venture firm by name
        firm = bool(_KNOWN_INVESTOR.fullmatch(backer_name)) or (
            backer_name.split()[-1].lower() in _FIRM_WORDS
        )
        valued = _AT_VALUATION.match(rest) is not None
        if not (
            described or its_tech or (plain and " " not in names) or (firm and (plain or valued))
        ):
            continue
        if bm.group("plural") and not _POURERS.search(text, start, bm.start()):
            continue  # "Fans back local startup Acme": backing by investors only
        return FundingHit(span, None, None, None, (bm.start(), span[1]), 0.7)
    if "by" in text or "from" in text:
        im = _INVESTMENT_BY.search(text, since)
        span = _investee(text, im.end(), clause_end(text, im.end())) if im else None
        if im is not None and span is not None:
            # "Equity investment by JAKOTA Games & Reels SAS into OpenLocker Holding Inc."
            return FundingHit(span, None, None, None, (im.start(), span[1]), 0.7)
    return None


_INVESTMENT_BY = re.compile(
    r"\b(?:equity|strategic|minority|growth)\s+investment\s+(?:by|from)\s+(?-i:[A-Z])[^,;:]{1,60}?"
    r"\s+(?:in|into)\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)


_LOWER_NEXT = re.compile(r"\s+(?-i:[a-z])")
_AT_VALUATION = re.compile(
    r"\s+at\s+(?:an?\s+)?(?:[$€£]|US\$)\d[\d.,]*\s*(?:[bmk]n?|billion|million)?\s+valuation\b",
    re.IGNORECASE,
)
_BACKED_TECH = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:technology|tech|platform|software|app|products?|devices?|"
    r"models?|agents?|chips?|robots?|batteries|battery)\b",
    re.IGNORECASE,
)
# "Benchmark invests $19M in New Lantern, a smarter way for radiologists to use AI": the
# investee is described as a thing made, so a company, not a place or a building.
_APPOSITIVE = re.compile(r"\s*,\s+(?:an?)\s+(?!(?:state|city|country|region|town)\b)\w", re.I)


# Who "backs" a deal or a plan with a say, not with money.
_NOT_BACKERS = frozenset(
    {
        "official", "officials", "regulator", "regulators", "commissioner", "judge", "court",
        "shareholders", "stockholders", "holders", "union", "unions", "panel", "agency",
    }
)  # fmt: skip


_BACKS_PURPOSE = re.compile(
    r"\s+(?:to\s+(?!(?:be|win|lead|run|become|succeed|replace|head|beat|defeat|chair|stay|remain|"
    r"take\s+over)\b)[a-z]+|as\s+(?:it|the)\b)",
    re.IGNORECASE,
)


def _investors_invest(text: str, vm: re.Match[str], amount: float | None, rest: str) -> bool:
    """Investors by name put a sum into one name that ends the clause: "Elevation Capital,
    Accel invest $25M in Acme" ("Google and Amazon invest $2B in Texas" names no investor)."""
    if amount is None or rest.strip(" ,.") != "":
        return False
    return bool(_POURERS.search(text, clause_start(text, vm.start()), vm.start()))


def _described(text: str, start: int, name_start: int) -> bool:
    """Whether a head noun or descriptor ("startup", "developer", "AI-based") comes right
    before the investee: a company, not a place or a project."""
    words = text[start:name_start].lower().split()
    return any(
        w in HEAD_NOUNS or w.endswith(DESCRIPTOR_SUFFIXES) or w.endswith("tech") or w in _SECTORS
        for w in words
    )


# Sector words that say a company follows ("fintech Acme", "AI Acme"), unlike places.
_SECTORS = frozenset({"saas", "web3", "crypto", "ai", "genai", "d2c", "b2b", "ev", "robotics"})


def _money_first(text: str, since: int) -> FundingHit | None:
    if since == 0 and _AMOUNT_RE.match(text):
        # "$12M Series A for Acme", "€5M seed round for fintech startup Acme"; a round is
        # named, since "$1B funding for Ukraine" and "$2M funding for Texas" are not rounds
        end = clause_end(text, 0)
        found = _money_round(text, 0, end)
        im = _INTO.match(text, found[0], end) if found is not None else None
        span = _investee(text, im.end(), end) if im is not None else None
        if (
            found is not None
            and found[3] is not None  # a named round: "$1B funding for Ukraine" is aid
            and span is not None
            and (span[0] == im.end() or _described(text, im.end(), span[0]))  # type: ignore[union-attr]
            and POLITICS_WORDS.isdisjoint(fold(text).words)
        ):
            _, amount, currency, round_name = found
            return FundingHit(span, round_name, amount, currency, (0, span[1]), 0.75)
    wm = _WITH_FIRST.match(text) if since == 0 else None
    if wm is not None:
        comma = text.find(",", wm.end(), wm.end() + 60)
        found = _money_round(text, wm.end() - 1, comma) if comma > 0 else None
        if found is not None and text[found[0] : comma].strip() == "":
            span = company_after(text, comma + 1, 60)
            if span is not None:
                _, amount, currency, round_name = found
                return FundingHit(span, round_name, amount, currency, (0, span[1]), 0.75)
    for wm in _WITH_MONEY.finditer(text, since):
        # "H3X scales up its electric aerospace ambitions with $20M in new funding", "Fable
        # adds ... to its accessibility tools with $25M round": the opening name's round
        end = clause_end(text, wm.end())
        found = _money_round(text, wm.end() - 1, end)
        if found is None or found[1] is None:
            continue
        span = _opening_subject(text, clause_start(text, wm.start()), wm.start())
        if span is not None:
            _, amount, currency, round_name = found
            return FundingHit(span, round_name, amount, currency, (span[0], found[0]), 0.7)
    for lm in _LAUNCHES.finditer(text, since):
        end = clause_end(text, lm.end())
        found = _money_round(text, lm.end() - 1, end) or _bare_amount(text, lm.end() - 1, end)
        if found is None or found[1] is None:
            continue
        span = company_before(text, clause_start(text, lm.start()), lm.start())
        if span is not None:
            _, amount, currency, round_name = found
            return FundingHit(span, round_name, amount, currency, (span[0], found[0]), 0.75)
    return None


# "... with $25M round"; "ThreatLocker expands internationally after $190M funding round"
_WITH_MONEY = re.compile(
    r"\s(?:with|after|following)\s+(?:an?\s+|its\s+|new\s+|fresh\s+|a\s+)*(?=[$€£¥₹]|[A-Z]{1,3}\$)"
)


def _bare_amount(
    text: str, pos: int, end: int
) -> tuple[int, float | None, str | None, str | None] | None:
    """An amount alone, as a launch writes it ("emerges from stealth with $14M"): not a
    contract, a grant or a price ("launches with $99 plan" is under any round's size)."""
    filler = _AMOUNT_AT.match(text, pos, end)
    at = filler.end() if filler else pos
    am = _AMOUNT_RE.match(text, at, end)
    if am is None or _NOT_RAISED.match(text, am.end(), end) or _GRANT.match(text, am.end(), end):
        return None
    amount, currency = parse_amount(am)
    if amount < 100_000:
        return None
    return am.end(), amount, currency, None


# What may follow a round the headline names: its investors, its purpose, or nothing.
_AFTER_ROUND = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:led|co-led|from|at|in|to|for|with|by|as|and|round|funding|"
    r"financing|extension|raise|investment|backing|deal|that|which|is|was|will)\b)",
    re.IGNORECASE,
)
# "Acme's $10M Series A led by Accel": the company owns a round the headline names.
_OWNS_ROUND = re.compile(r"(?<=\w)['’]s\s+(?=\S)")


def _possessive_round(text: str, since: int) -> FundingHit | None:
    for pm in _OWNS_ROUND.finditer(text, since):
        end = clause_end(text, pm.end())
        found = _money_round(text, pm.end(), end)
        if found is None or found[1] is None or found[3] is None:
            continue  # both the money and the round: "Acme's $10M Series A"
        if not _AFTER_ROUND.match(text, found[0], end):
            continue  # "Terra One's $7.5M seed deck": a thing named after the round
        start = clause_start(text, pm.start())
        span = company_before(text, start, pm.start())
        if span is None or _PREPOSITION_BEFORE.search(text, start, span[0]):
            continue  # "Inside Acme's ..." is still Acme's; "a look at Acme's" is an opinion
        _, amount, currency, round_name = found
        return FundingHit(span, round_name, amount, currency, (span[0], found[0]), 0.75)
    return None


def _valued(text: str, since: int) -> FundingHit | None:
    for vm in _VALUED.finditer(text, since):
        end = clause_end(text, vm.end())
        am = _AMOUNT_RE.match(text, vm.end(), end)
        if am is None:
            continue
        link = _VALUATION_LINK.match(text, am.end(), end)
        if link is None or (
            not vm.group(0).lower().startswith("valued")
            and "valuation" not in vm.group(0).lower()
            and "valuation" not in text[am.end() : link.end()].lower()
        ):
            continue
        hit = _valued_round(text, vm, link, end)
        if hit is not None:
            return hit
    for um in _UNICORN.finditer(text, since):
        end = clause_end(text, um.end())
        link = _VALUATION_LINK.match(text, um.end(), end)
        hit = _valued_round(text, um, link, end) if link is not None else None
        if hit is not None:
            return hit
    return None


def _valued_round(text: str, vm: re.Match[str], link: re.Match[str], end: int) -> FundingHit | None:
    """The round after a valuation's link ("... with $193M Series B") of the company before
    the valuation's words; None when no round is written there."""
    found = _money_round(text, link.end() - 1, end)
    raising = _RAISING.match(text, link.end(), end) if found is None else None
    if raising is not None:  # "valued at $61.5B after raising $3.5B": raised, said
        found = _money_round(text, raising.end() - 1, end) or _bare_amount(
            text, raising.end() - 1, end
        )
    if found is None:
        return None
    span = company_before(text, clause_start(text, vm.start()), vm.start())
    if span is None:
        return None
    _, amount, currency, round_name = found
    return FundingHit(span, round_name, amount, currency, (span[0], found[0]), 0.75)
