"""Text helpers shared by the detectors: headline cleaning, company and person spans.

Headlines from real feeds carry decoration around the news: a Google News
" - Publisher" suffix, "Exclusive:" or "UPDATE 2-" prefixes, descriptors before
a company ("Berlin-based fintech startup Acme"), tickers and legal forms after
it ("Acme Inc. (NASDAQ: ACME)"). These functions peel that off with plain
string work over bounded windows, so nothing here can backtrack badly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

MAX_TITLE = 600  # a headline longer than this is not a headline
MAX_LEAD = 1200  # signals live in the lead of a summary, not deep in an article

_PUB_SEPARATORS = (" - ", " – ", " — ", " | ")
_REUTERS_PREFIX = re.compile(
    r"^(?:(?:UPDATE\s*\d*|BRIEF|RPT|EXCLUSIVE|CORRECTED)\s*-\s*"
    r"|(?:press\s+release|exclusive|breaking(?:\s+news)?|scoop|correction|corrected|update|"
    r"(?-i:[A-Z][a-z]+Breaks))\s*[:–—-]\s*)",
    re.I,
)
# "(NYSE American: CLDI)", "(NASDAQ: ATLX)", "(TSXV: ABC)": its colon would end the clause.
_TICKER = re.compile(
    r"\s*\((?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|TSX-V|TSX\s+VENTURE|CSE|OTC|OTCQB|OTCQX|OTCMKTS|ASX|"
    # "(AIM: XYZ)" is London's market; "AIM Intelligent Machines (AIM)" is a short name
    r"LSE|AIM(?=\s*:)|FSE|CBOE|NEO|Cboe|BSE|NSE|HKEX|SGX|Euronext|XETRA|FRA)\b[^()]{0,50}\)"
)
# A wire's ticker after a name: "Olin Corp <OLN>", "Lloyds Bank <LLOY.L>", "Petrobras
# (PETR3.SA) , opens new tab"; and a name it marks as unlisted, kept without its brackets:
# "<Lacana Mining Corp> said".
_RIC = re.compile(r"<[A-Z0-9][A-Z0-9.&-]{0,11}>")
_RIC_PAREN = re.compile(r"\([A-Z0-9]{1,6}\.[A-Z]{1,2}\)(?:\s*,\s*opens\s+new\s+tab\b)?")
_UNLISTED = re.compile(r"<([A-Z][^<>]{1,80}?)>")


def _without_tickers(text: str) -> str:
    """`text` without its exchange tickers ("(NASDAQ: ATLX)") and a wire's tickers (each
    starts with "<" or "(", looked for first) and with its unlisted names unbracketed."""
    if "(" in text:
        text = _TICKER.sub("", text)
    n = 0
    if "<" in text:
        text, n = _RIC.subn("", text)
        text = _UNLISTED.sub(r"\1", text)
    if "(" in text:
        text, m = _RIC_PAREN.subn("", text)
        n += m
    return " ".join(text.split()).replace(" ,", ",") if n else text  # "Inc <TORT.T>, Japan's"


_PAREN = re.compile(r"\s*\([^()]{0,60}\)")
# A full stop ends a clause after a lowercase word, not after "Dr." or "Inc.".
# ": ", " - ", a sentence's ". " (not "Inc. " or "Corp. "), " –", a quote. Written as one
# character class first, then which break it is: the engine then skips, with a table,
# every position that holds none of those characters.
_CLAUSE_BREAK = re.compile(
    r"[:;|!?\s.“”\"](?:(?<=[:;|!?])\s|(?<=\s)(?:[-–—]\s|[–—])"
    r"|(?<=\.)(?<=[a-z]{3}\.)(?<!Corp\.)(?<!Bros\.)\s+(?=[A-Z])|(?<=[“”\"]))"
)

# Words that describe a company rather than name it; the name follows the last one.
HEAD_NOUNS = {
    "startup", "start-up", "startups", "company", "firm", "maker", "provider", "developer",
    "unicorn", "scaleup", "scale-up", "specialist", "operator", "giant", "upstart", "outfit",
    "newcomer", "challenger", "neobank", "platform", "app", "vendor", "manufacturer",
    "insurer", "lender", "retailer", "brand", "marketplace", "spinout", "spin-out",
    "spinoff", "spin-off", "subsidiary", "group", "leader", "pioneer", "player", "rival",
    "competitor", "alternative", "parent", "chipmaker", "carmaker", "automaker", "drugmaker",
    "toymaker", "alum", "alumnus", "arm", "unit", "division", "affiliate",
}  # fmt: skip
# Sector words written before a name with no head noun ("Insurtech Lemonade raises").
SECTOR_WORDS = {
    "fintech", "insurtech", "proptech", "healthtech", "edtech", "biotech", "medtech",
    "legaltech", "regtech", "martech", "adtech", "agtech", "agritech", "cleantech",
    "climatetech", "deeptech", "foodtech", "hrtech", "govtech", "saas", "web3", "crypto",
    "ai", "genai", "ai-powered", "exclusive", "breaking", "report", "scoop", "funding",
    "update", "watch", "why", "how", "what", "when", "where", "who", "after", "as", "inside",
    "meet", "today", "now", "this", "these", "but", "and", "also", "still", "while",
    "stealth", "analysis", "opinion", "interview", "video", "podcast", "brief",
}  # fmt: skip
DESCRIPTOR_SUFFIXES = (
    "-based", "-backed", "-founded", "-owned", "-focused", "-powered", "-headquartered",
    "-born", "-native", "-led", "-listed", "-made", "-area", "-old", "-bound", "-maker",
    "-winning",
)  # fmt: skip
LEGAL_SUFFIXES = {
    "inc", "inc.", "incorporated", "ltd", "ltd.", "limited", "llc", "l.l.c.", "corp",
    "corp.", "corporation", "plc", "gmbh", "ag", "s.a.", "sa", "n.v.", "nv", "b.v.", "bv",
    "co.", "pte", "pty", "se", "ab", "oy", "s.p.a.", "spa", "sas", "sarl", "srl",
}  # fmt: skip
_NAME_TAILS = LEGAL_SUFFIXES | {"holding", "holdings"}
_CONNECTORS = {"&", "+", "of", "and", "de", "for"}  # "Brook + Whittle"
_WORD = re.compile(r"\S+")
_ADVERBS = {
    "today", "yesterday", "officially", "formally", "also", "recently", "has", "have", "had",
    "now", "just", "publicly", "quietly", "reportedly", "finally", "successfully", "announced",
    "said", "says", "is", "are", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
    "this", "week",
}  # fmt: skip
# Words that end a company name read forwards ("joins Quarry AI As CRO").
_STOP_FORWARD = {
    "as", "to", "for", "with", "in", "at", "on", "from", "after", "amid", "and", "its",
    "the", "a", "an", "by", "into", "following", "ahead", "while", "who", "which", "that",
    "is", "was", "will", "has", "have", "led", "role", "team", "board", "position", "post",
    "chief", "vp", "head", "new", "interim", "acting", "senior", "executive", "officer",
    "expands", "strengthens", "bolsters", "announces", "appoints", "names", "hires", "raises",
    "secures", "continues", "launches", "reports", "adds", "welcomes", "promotes", "taps",
    "signs", "outlines", "enters", "acquires", "opens", "receives", "gets", "introduces",
    "forms", "inks", "begins", "starts", "files", "posts", "prices",
    "completes", "closes", "lands", "unveils", "says", "boosts", "makes", "builds", "grows",
}  # fmt: skip


# Politics and government: appointments, endorsements and "backing" there are no B2B signal.
# Words, checked against an entry's word set (`Folded.words`): no pattern runs.
POLITICS_WORDS = frozenset(
    {
        "election", "elections", "presidential", "senate", "senator", "senators", "congress",
        "congressman", "congresswoman", "parliament", "parliamentary", "minister", "ministers",
        "ministry", "governor", "mayor", "campaign", "candidate", "candidates", "candidacy",
        "voter", "voters", "votes", "ballot", "lawmakers", "cabinet", "opposition", "referendum",
        "coalition", "nominee", "impeachment", "impeached", "poll", "polls", "junta", "regime",
        "ayatollah", "pentagon", "doge", "inauguration",
    }
)  # fmt: skip
_NEWS_VERB = re.compile(r"\b(?:raises|joins|appoints|names|hires|as|to)\b")


# A market's news feed names the issuer before each headline, with its ticker and tier:
# "Culpeo Minerals Limited (CPORF: OTCQB) | Culpeo Secures $3M for Drilling" (OTC Markets).
_ISSUER_PREFIX = re.compile(
    r"^\s*(?P<issuer>\S.{0,118}?)\s*\((?-i:[A-Z][A-Z0-9.]{1,7}):\s*(?:OTC|Pink|Grey|Expert)[^()|]{0,30}\)"
    r"\s*\|\s*(?P<rest>\S.*)\Z",
    re.DOTALL,
)
_ISSUER_TAIL = re.compile(
    r"(?:\s*\([^()]*\))+\Z"  # "Exchange Bank (Santa Rosa, CA)"
    r"|,?\s+(?:Inc|Incorporated|Corp|Corporation|Ltd|Limited|PLC|LLC|LP|N\.V|S\.A|SA|AG|SE|Oyj|OYJ|"
    r"ASA|AS|A/S|AB|Abp|GmbH|S\.p\.A|SpA|B\.V|BV|NV|KK|Co|Holdings?\s+Inc|Hldgs\s+Inc|Societas)\.?\Z",
    re.IGNORECASE,
)


def issuer_prefix(title: str) -> tuple[str, str] | None:
    """The issuer a feed names before the headline, and the headline; None for a title
    without one. The issuer is kept as written, without its legal form."""
    if " | " not in title or "(" not in title:
        return None
    m = _ISSUER_PREFIX.match(title)
    if m is None:
        return None
    issuer = m.group("issuer").strip()
    while (tail := _ISSUER_TAIL.search(issuer)) is not None and tail.start() > 0:
        issuer = issuer[: tail.start()].rstrip(" ,")
    if issuer.isupper() and len(issuer) > 5:
        issuer = unshout(issuer)
    return issuer, m.group("rest").strip()


# The last words of names that end in "s" ("Holdings"), not verbs read on into a name.
_NAME_NOUNS = frozenset(
    {"holdings", "systems", "labs", "partners", "industries", "resources", "solutions",
     "sciences", "technologies", "therapeutics", "networks", "brands", "foods", "metals",
     "minerals", "materials", "services", "products", "robotics", "pharmaceuticals",
     "communications", "electronics", "dynamics", "analytics", "games", "ventures", "capital"}
)  # fmt: skip


def company_opening(text: str, end: int) -> tuple[int, int] | None:
    """The company that opens `text` and ends by `end` ("Vinanz: Appointment of ...",
    "Coinsilium Group: Placing to Raise ..."), or None."""
    span = company_after(text, 0, end)
    return span if span is not None and span[0] == 0 else None


def same_issuer(name: str, issuer: str) -> bool:
    """Whether a headline's company is its issuer, written short: "Culpeo" for "Culpeo
    Minerals", "METALLIS" for "Metallis Resources", "SCRi" for "Silver Crown Royalties"."""
    short = name.casefold().strip()
    full = re.sub(r"\.(?:com|io|ai|net|co)\b", "", issuer.casefold())  # "kneat.com"
    words = [w for w in re.split(r"[\s-]+", full) if w]
    if not short or not words:
        return False
    if short == full or full.startswith(short + " ") or short.startswith(full):
        return True
    if name in issuer.split():  # "PHI" of "Phase Holographic Imaging PHI"
        return True
    # "Mobile Global Deepens Executive Team": the issuer's name read on into a verb
    shorts = short.split()
    at = next((i for i, w in enumerate(shorts) if i < len(words) and w != words[i]), len(shorts))
    verb = shorts[at] if 0 < at < len(shorts) else ""
    if at >= 1 and verb.endswith("s") and verb not in _NAME_NOUNS and len(verb) > 3:
        return True
    initials = "".join(w[0] for w in words if w[0].isalnum())
    # "SCRi": the initials, with the legal form's ("Inc.") after them
    return (
        len(initials) >= 2
        and " " not in short
        and short[: len(initials)] == initials
        and (len(short) <= len(initials) + 1)
    )


_DOTTED_AI = re.compile(r"\bA\.I\.(?=\s|$|[,;:)])")


def clean_title(title: str) -> str:
    """A headline without its Google News " - Publisher" suffix or a wire prefix."""
    text = " ".join(title.split())[:MAX_TITLE]
    text = _REUTERS_PREFIX.sub("", text)
    text = _without_tickers(text)
    text = _without_nicknames(text)
    if "A.I." in text:
        text = _DOTTED_AI.sub("AI", text)  # "Hires Former Meta Exec as A.I. Chief"
    for sep in _PUB_SEPARATORS:
        cut = text.rfind(sep)
        if cut > 15:
            tail = text[cut + len(sep) :]
            words = tail.split()
            # A publisher: a few words, no money, no verbs of news.
            if (
                0 < len(words) <= 5
                and not any(c.isdigit() or c in "$€£" for c in tail)
                and not _NEWS_VERB.search(tail.lower())
            ):
                text = text[:cut]
                break
    return text.strip()


# Abbreviations a shouted headline keeps in capitals ("CEO", "SVP", "AI").
_KEEP_CAPS = {
    "ceo", "cfo", "coo", "cto", "cmo", "cro", "cpo", "cio", "ciso", "chro", "cco", "cdo", "cgo",
    "cso", "clo", "cbo", "cxo", "cao", "md", "gm", "vp", "svp", "evp", "avp", "us", "uk", "eu",
    "ai", "hr", "it", "usd", "llc", "plc", "ag", "sa", "nv", "ii", "iii", "iv",
}  # fmt: skip


def unshout(title: str) -> str:
    """A headline written in capitals, in title case ("WLRN NAMES TOM HUDSON CEO" ->
    "Wlrn Names Tom Hudson CEO"), so that names and verbs read as in any headline; a
    headline with lowercase words is returned as it is."""
    if not title.isupper() or sum(c.isalpha() for c in title) < 12:
        return title
    out = []
    for word in title.split(" "):
        core = word.strip(",.:;!?()\"'’“”")
        if core.lower() in _KEEP_CAPS or (not core.isalpha() and not ("-" in core or "'" in core)):
            out.append(word)
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


_DATELINE = re.compile(
    r"^.{0,140}?(?:(?:/\s?[A-Za-z ]{2,30}\s?/\s*)?(?:--|—)\s+"
    # "SAN FRANCISCO--(BUSINESS WIRE)--Acme today announced": no blank around the dashes
    r"|\((?:BUSINESS\s+WIRE|GLOBE\s+NEWSWIRE|ACCESSWIRE|ACCESS\s+Newswire|PRNewswire|"
    r"Newsfile\s+Corp\.)\)\s*(?:--|—)\s*)"
)
# What a dateline has before its dash: a city in capitals ("REDMOND, Wash. —"), a date or
# a wire's name ("(GLOBE NEWSWIRE)", "/PRNewswire/").
_DATELINE_WORD = re.compile(r"\b[A-Z]{3,}\b|\d|/\s?[A-Za-z ]{2,30}\s?/|\(")
# A sentence that ends before the dash: no dateline ("Wash. —", "Jan. 5" are not ends).
_SENTENCE_END = re.compile(r"(?:[a-z]{4,}|\d+s)[.!?]\s+[A-Z][a-z]")
_DATELINE_REACH = 180  # 140 + the optional "/ CITY /" part; leads are whitespace-normalised


# A wire's defined term: 'Acme, Inc. ("Acme"), a developer of ..., announced', 'Acme
# Resources Ltd. ("Acme" or the "Company") is pleased to announce'.
_DEFINED_TERM = re.compile(r"\((?:the\s+)?[\"“”'‘’][^()]{0,80}?[\"“”'‘’]\)")


def blank_defined_terms(text: str) -> str:
    """`text` with each defined term in blanks and each quoted phrase inside a clause in
    single quotes: their quotes are no clause break, and every offset still points into
    `text`."""
    if "(" in text:
        text = _DEFINED_TERM.sub(lambda m: " " * len(m.group(0)), text)
    if '"' in text or "“" in text:
        # 'Lorikeet, which provides AI agents as "customer concierges", raised ...'
        text = _SCARE_QUOTES.sub(lambda m: "'" + m.group(1) + "'", text)
    return text


_SCARE_QUOTES = re.compile(r"(?<=[a-z] )[\"“]([^\"“”.!?:;]{1,40})[\"”](?=[ ,])")


def lower_same(text: str) -> str:
    """`text` in lowercase with every offset unchanged (a few letters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def compile_folded(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern compiled to run on `lower_same` text.

    Python's IGNORECASE alternations cannot use the engine's fast first-character
    scan; the same pattern in lowercase on lowercased text can, several times
    faster. Escapes (\\S, \\W, ...) are kept as written.
    """
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith("(?P", i):
            out.append("(?P")
            i += 3
            continue
        out.append(c.lower())
        i += 1
    return re.compile("".join(out))


# A page's furniture in a feed's summary: a photo's credit ("Photo credit: Michael Coghlan .")
# and, from there on, a link to another story ("Also Read: ZPX raises US$1.3M ...").
_PHOTO_CREDIT = re.compile(r"\bPhoto\s+credit\s*:\s*[^.]{0,80}\.\s*", re.IGNORECASE)
_ALSO_READ = re.compile(r"\bAlso\s+Read\s*:", re.IGNORECASE)


_QUOTED_NICKNAME = re.compile(r"\b([A-Z][a-z]+) [“\"][A-Z][a-z]{1,12}[”\"](?= [A-Z])")


def _without_nicknames(text: str) -> str:
    """`text` without the quoted nicknames inside names ("Elizabeth “Liz” Hamren", "William
    “Bill” Gately"): their quotes would end a clause."""
    if "“" not in text and '"' not in text:
        return text
    return _QUOTED_NICKNAME.sub(r"\1", text)


def lead(summary: str) -> str:
    """The first part of a summary, without a press-wire dateline ("NEW YORK, ... --")."""
    text = " ".join(summary[: MAX_LEAD * 2].split())[:MAX_LEAD]
    text = _without_tickers(text)
    text = _without_nicknames(text)
    if "redit" in text:  # "Photo credit:", cheaply first
        text = _PHOTO_CREDIT.sub("", text, count=1)
    if "lso " in text:  # "Also Read:"
        also = _ALSO_READ.search(text)
        text = text[: also.start()].rstrip() if also else text
    # The dateline's dash is within its first ~175 characters; most leads have none,
    # and two substring checks are far cheaper than the lazy pattern.
    head = text[:_DATELINE_REACH]
    if "--" not in head and "—" not in head:
        return text
    m = _DATELINE.match(text)
    if m is None or not (
        _DATELINE_WORD.search(text, 0, m.end()) or len(text[: m.end()].split()) <= 4
    ):
        return text  # "Tin Can has struck a chord — with parents": a dash, not a dateline
    if _SENTENCE_END.search(text, 0, m.end()):
        return text  # "Games drove GPUs in the 1990s. ... a startup called Sett — which"
    return text[m.end() :]


@dataclass(frozen=True, slots=True)
class Folded:
    """A text lowercased once (offsets kept) and its set of words, shared by detectors."""

    low: str
    words: frozenset[str]


# Punctuation becomes a space for the word set, so "(raises" or "raises," count as "raises".
# bytes.translate is several times faster than str.translate: the text is folded as UTF-8,
# its ASCII punctuation translated and the other marks replaced (a mark of one character
# stands for one space either way, and no byte of a letter outside ASCII is below 0x80).
_ASCII_PUNCT = b"!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"  # not "_": a word character, as in \w
_UNGLUE_ASCII = bytes.maketrans(_ASCII_PUNCT, b" " * len(_ASCII_PUNCT))
_UNGLUE_UTF8 = tuple(c.encode() for c in "“”‘’–—…«»·")


@lru_cache(maxsize=4)  # one entry's headline and summary
def fold(text: str) -> Folded:
    """`text` folded for the detectors; cached, since every detector reads the same text."""
    low = lower_same(text)
    spaced = low.encode("utf-8", "surrogatepass").translate(_UNGLUE_ASCII)
    if not low.isascii():
        for mark in _UNGLUE_UTF8:
            if mark in spaced:
                spaced = spaced.replace(mark, b" ")
    return Folded(low, frozenset(spaced.decode("utf-8", "surrogatepass").split()))


class WordGated:
    """A word pattern that is only run when the text holds one of the words every match
    must contain: a frozenset look-up instead of trying the alternation at every word.

    `words` must be such that any match of `pattern` contains one of them as a whole
    word. Folded word sets split ASCII text exactly where `\\b` does; a text with other
    characters, which may glue a word to a symbol, is always searched.
    """

    __slots__ = ("digit", "pattern", "words")

    def __init__(
        self, pattern: re.Pattern[str], words: frozenset[str], digit: bool = False
    ) -> None:
        self.pattern, self.words = pattern, words
        self.digit = digit  # a match may also be a text that opens with a digit, no word

    def _ruled_out(self, folded: Folded) -> bool:
        low = folded.low
        return (
            self.words.isdisjoint(folded.words)
            and low.isascii()
            and not (self.digit and low[:1].isdigit())
        )

    def search(self, folded: Folded) -> re.Match[str] | None:
        return None if self._ruled_out(folded) else self.pattern.search(folded.low)

    def finditer(self, folded: Folded) -> Iterator[re.Match[str]]:
        """Every match, in order: for a veto some of whose matches are excused."""
        return iter(()) if self._ruled_out(folded) else self.pattern.finditer(folded.low)


_WORD_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
# Auxiliaries a verb pattern may open with ("has raised", "has been named", "to join").
_AUX = re.compile(r"\b(?:has\s+been|to\s+be|has|have|had|will|is|was|to)\s+\Z")


def find_verbs(
    folded: Folded, anchors: frozenset[str], verb: re.Pattern[str], since: int = 0
) -> list[re.Match[str]]:
    """The matches of `verb` in `folded.low` that start at an anchor word, left to right.

    Same result as `verb.finditer(low)` for a verb pattern whose every match
    opens with one of `anchors` as a word (after an optional auxiliary), but it
    never runs the big alternation over the whole text, which Python's engine
    tries at every position: `str.find` locates the few anchor words present
    and the pattern is only tried there. Verbs before `since` are ignored.
    """
    present = anchors.intersection(folded.words)
    if not present:
        return []
    low = folded.low
    starts = set()
    for word in present:
        n = len(word)
        i = low.find(word, since)
        while i >= 0:
            # only where it is a whole word ("new", not "news"): a verb opens at a word
            # boundary and its first word ends at one; a letter outside ASCII is let through
            if (i == 0 or low[i - 1] not in _WORD_ASCII) and low[
                i + n : i + n + 1
            ] not in _WORD_ASCII:
                starts.add(i)
            i = low.find(word, i + 1)
    found: list[re.Match[str]] = []
    last_end = -1
    for p in sorted(starts):
        if p < last_end:
            continue
        aux = _AUX.search(low, max(since, p - 12), p)
        m = verb.match(low, aux.start()) if aux else None
        if m is None:
            m = verb.match(low, p)
        if m is not None and m.start() >= last_end:
            found.append(m)
            last_end = m.end()
    return found


# A pattern anchored at the end (\Z) whose matches are shorter than this is tried on the
# text's tail only: `search` would try it at every position of the text (the texts here
# are whitespace-normalised, so a blank is one character).
TAIL = 48


def at_end(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)` for an end-anchored pattern shorter than `TAIL`."""
    end = len(text) if endpos is None else endpos
    return pattern.search(text, max(pos, end - TAIL), end)


def cut_end(pattern: re.Pattern[str], text: str) -> str:
    """`pattern.sub("", text)` for an end-anchored pattern shorter than `TAIL`."""
    m = pattern.search(text, max(0, len(text) - TAIL))
    return text[: m.start()] if m else text


def clause_start(text: str, pos: int, window: int = 160) -> int:
    """Where the clause that contains `pos` begins (looking back at most `window` chars)."""
    lo = max(0, pos - window)
    start = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        start = m.end()
    return start


def repeats_head(head: str, body: str) -> int:
    """Where `body` stops repeating `head` at a clause break; 0 when it does not repeat it.

    Feeds often open the summary with the headline ("<title> - Publisher. The
    company said ..."): detectors already read that part in the headline, so
    they read the summary from here on. Only at a clause break, so that no
    sentence read in the headline continues into the rest.
    """
    n = len(head)
    if not n or not body.startswith(head):
        return 0
    if n == len(body) or _CLAUSE_BREAK.match(body, n):
        return n
    return 0


def clause_end(text: str, pos: int, window: int = 220) -> int:
    hi = min(len(text), pos + window)
    m = _CLAUSE_BREAK.search(text, pos, hi)
    return m.start() if m else hi


_MONEY_WORD = re.compile(r"(?:[$€£¥₹]|(?:US|C|A|S|HK|NZ|R)\$)")


_DOMAIN_NAME = re.compile(r"[a-z0-9]{2,}(?:\.[a-z]{2,})+")


def _is_namey(word: str) -> bool:
    """A word that can be part of a company name: capitalised, a digit, or camel-cased."""
    if not word or _MONEY_WORD.match(word):
        return False  # "$40M appoints ...": an amount is never a company
    head = word[0]
    if head.isupper() or head.isdigit():
        return True
    # camel-cased ("iPhone", "eToro"): a capital after the first letter; a digit inside
    # a lowercase word ("n8n") is a brand's spelling too, and so is a domain ("super.money",
    # "cal.com")
    return len(word) > 2 and (
        word[1:].lower() != word[1:]
        or (word.isalnum() and any(c.isdigit() for c in word))
        or _DOMAIN_NAME.fullmatch(word) is not None
    )


def strip_legal(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1].lower().rstrip(",") in LEGAL_SUFFIXES:
        words = words[:-1]
    if words:
        words[-1] = words[-1].rstrip(",")
    return words


_LEGAL_AFTER = re.compile(r"(?:,?\s+[\w.]+\.?)", re.IGNORECASE)


def past_legal(text: str, pos: int) -> int:
    """The end of the legal forms written at `pos` ("Acme| Corp.", "Acme|, Inc."), or `pos`."""
    while (m := _LEGAL_AFTER.match(text, pos)) is not None:
        word = m.group(0).lstrip(", \t").lower()
        if word not in LEGAL_SUFFIXES and word.rstrip(".") not in LEGAL_SUFFIXES:
            break
        pos = m.end()
    return pos


def _possessive(word: str) -> str | None:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > 2:
            return word[: -len(suffix)]
    if word.endswith(("s'", "s’")) and len(word) > 2:
        return word[:-1]
    return None


_SUPERLATIVES = {
    "first", "largest", "biggest", "only", "leading", "top", "fastest", "fastest-growing",
    "oldest", "newest", "most", "best", "second-largest", "richest",
}  # fmt: skip


def _trim_descriptors(words: list[str]) -> list[str]:
    """Drop "Berlin-based", "AI startup", "Exclusive" and the like before a name."""
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower()
        # "Toronto's Fieldstack", "Paysafe rival Tillo": the name follows.
        if (
            (
                low.endswith(DESCRIPTOR_SUFFIXES)
                or low in HEAD_NOUNS
                or (low[-1:] == "s" and low[:-1] in PLACES)  # "Chinas Xiaomi": China's
                or low.rpartition("-")[2] in HEAD_NOUNS  # "Founder-platform Acme"
                or _possessive(w) is not None
            )
            and not all(x.lower().rstrip(",") in _NAME_TAILS for x in words[i + 1 :])
        ):
            # but "OLB Group Inc.", "Skyline Builders Group Holding Limited": a head noun
            # before a legal form is the name
            cut = i + 1
    if cut and _possessive(words[cut - 1]) is not None and words[cut].lower() in _SUPERLATIVES:
        return []  # "World's First AI Lawyer", "India's largest bank": described, not named
    words = words[cut:]
    while len(words) > 1 and words[0].lower().strip(",") in SECTOR_WORDS:
        words = words[1:]
    if len(words) == 2 and words[0].lower() in DEMONYMS and _BRANDLIKE.fullmatch(words[1]):
        words = words[1:]  # "Swiss SkyCell bags $116M"; "Swiss Re", "British Airways" stay
    return words


# Nationalities news writes before a name: "Swiss SkyCell", "Danish Velatir".
DEMONYMS = frozenset(
    {
        "american", "austrian", "belgian", "brazilian", "british", "canadian", "chinese",
        "croatian", "czech", "danish", "dutch", "emirati", "estonian", "finnish", "french",
        "german", "greek", "hungarian", "indian", "indonesian", "irish", "israeli", "italian",
        "japanese", "kenyan", "korean", "latvian", "lithuanian", "mexican", "nigerian",
        "norwegian", "pakistani", "polish", "portuguese", "romanian", "saudi", "scottish",
        "singaporean", "slovak", "slovenian", "spanish", "swedish", "swiss", "turkish",
        "ukrainian", "welsh",
    }
)  # fmt: skip
# A brand's spelling no dictionary word has: a capital or a digit inside ("SkyCell", "Cars24",
# "DeepL") or all capitals ("ASML").
_BRANDLIKE = re.compile(r"[A-Za-z][a-z]+[A-Z0-9][\w-]*|[A-Z][A-Z0-9]{2,}")


def company_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The company written just before `end` (a verb), inside text[start:end]."""
    # "Acme Inc. (NASDAQ: ACME)" and "Acme (YC W21)": blank the parenthesis, keep offsets.
    seg = _PAREN.sub(lambda m: " " * len(m.group(0)), text[start:end])
    stop = len(seg.rstrip())
    if seg[:stop].endswith(","):
        # "Acme, the Austin-based maker of X, raises" or "Acme Expands Team, Appoints":
        # the name opens the clause.
        return company_after(text, start, min(120, end - start))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(seg, max(0, stop - 200), stop)]
    # "Verdant Grid today named ...", "Acme has officially closed ...": skip the adverbs.
    while spans and seg[spans[-1][0] : spans[-1][1]].lower() in _ADVERBS:
        spans.pop()
    run: list[tuple[int, int]] = []
    for ws, we in reversed(spans):
        w = seg[ws:we]
        low = w.lower()
        if run and low in _CONNECTORS and low != "and":
            run.append((ws, we))
            continue
        legal_only = bool(run) and all(
            seg[a:b].lower().rstrip(",") in LEGAL_SUFFIXES for a, b in run
        )  # "Acme, Inc. raises": the comma sets off the legal form, not the name
        if not _is_namey(w) or (w.endswith(",") and not legal_only) or len(run) >= 7:
            break
        run.append((ws, we))
    while run and seg[run[-1][0] : run[-1][1]].lower() in _CONNECTORS:
        run.pop()
    run.reverse()
    kept = _trim_descriptors([seg[a:b] for a, b in run])
    run = run[len(run) - len(kept) :]
    kept = strip_legal(kept)
    run = run[: len(kept)]
    if not run:
        return _brand_at_start(text, start, end, seg, spans) or _brand_after_noun(start, seg, spans)
    if len(run) == 1 and seg[run[0][0] : run[0][1]].lower() in _PRONOUNS:
        return None  # "We are pleased to announce ...": no name
    if seg[run[-1][0] : run[-1][1]].lower() == "and":
        return None  # "Acme Reports Results And Completion of ...": a second predicate
    s, e = start + run[0][0], start + run[-1][1]
    return _tidy_span(text, s, e)


_PRONOUNS = {
    "she", "they", "who", "one", "everyone", "everybody", "nobody", "someone", "somebody",
    "this", "that", "these", "those", "both", "all", "each", "many", "most", "few", "some",
    "here", "there", "what", "why", "how", "when", "where", "which", "you", "we", "our",
    "it", "he", "i", "us",
}  # fmt: skip


def _brand_at_start(
    text: str, start: int, end: int, seg: str, spans: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A brand written in lowercase opening a title-case headline: "iink Appoints ...".

    Only one word, only at the very start of the text: a headline opens with a capital,
    in title case ("iink Appoints ...") and in sentence case ("conmeet raises ...") alike,
    so a lowercase first word is a brand's spelling -- unless it is a pronoun.
    """
    if start != 0 or len(spans) != 1 or end >= len(text):
        return None
    ws, we = spans[0]
    word = seg[ws:we]
    low = word.lower()
    if not text[end].isupper() and (ws != 0 or low in _PRONOUNS):
        return None
    if not word.isalnum() or not _may_be_brand(low):
        return None
    return ws, we


def _may_be_brand(low: str) -> bool:
    """Whether a lowercase word of three letters or more may be a brand's spelling: not a
    word the sentence itself uses (a stop word, an adverb, a sector, a head noun)."""
    return len(low) >= 3 and not (
        low in _STOP_FORWARD
        or low in _ADVERBS
        or low in SECTOR_WORDS
        or low in HEAD_NOUNS
        or low in _NOT_NAMES
    )


# Words of the sentence's own that follow a head noun: "startup again raises".
_NOT_BRANDS = frozenset(
    {"again", "first", "already", "soon", "once", "too", "then", "yet", "ever", "never"}
)


def _brand_after_noun(start: int, seg: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A brand written in lowercase right after the noun that describes it: "German
    DeepTech startup kausable raises ..."; one word, never a word of the sentence's own
    ("startup successfully raises", "startup also raises")."""
    if len(spans) < 2:
        return None
    ws, we = spans[-1]
    word, noun = seg[ws:we], seg[spans[-2][0] : spans[-2][1]].lower()
    if noun not in HEAD_NOUNS or not (word.isalnum() and word.islower()):
        return None
    if word.endswith(("ly", "self")) or word in _NOT_BRANDS or word in _PRONOUNS:
        return None
    return (start + ws, start + we) if _may_be_brand(word) else None


def _tidy_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Drop a possessive and trailing punctuation from a company span."""
    owner = _possessive(text[s:e])
    if owner is not None:
        e = s + len(owner)
    e = s + len(text[s:e].rstrip(",.;:").rstrip())
    if e <= s or text[s:e].lower().strip(".") in LEGAL_SUFFIXES:
        return None
    return s, e


# A capitalised word, then a lowercase description ending in a head noun: "Hydrogen fuel
# startup", "Indian home services startup": the name, if any, comes after.
DESCRIBED_AFTER = re.compile(
    r"\s+(?:(?!(?:a|an|the|its|is|was|as|and|or|of|to|in|for)\s)[a-z][\w-]*\s+){1,2}?(?:"
    + "|".join(sorted(HEAD_NOUNS))
    + r")\b(?!-)"
)


def headline_subject(head: str) -> str | None:
    """The company a headline opens with, as the subject of a lowercase verb ("Niv-AI
    exits stealth to ..."), or None."""
    span = company_after(head, 0, 60)
    if span is not None and (dm := DESCRIBED_AFTER.match(head, span[1])) is not None:
        span = company_after(head, dm.end(), 60)  # "Commercial services platform BuildOps"
    elif span is not None and span[0] != 0:
        return None  # the name must open the headline, or follow its description
    if span is None:
        return None
    m = re.match(r"\s+([a-z]+)\b", head[span[1] : span[1] + 30])
    if m is None or not m.group(1).endswith(("s", "ed")) or m.group(1) in ("is", "was", "has"):
        return None
    return head[span[0] : span[1]]


_GAP_BREAK = re.compile(r"[,;]|\.\s")


# What a company's part is called when it is no company of its own: "Acme's Consumer
# Division" is Acme's; "Jeff Bezos' Blue Origin" is Blue Origin.
_UNIT_NOUNS = frozenset({"division", "unit", "business", "arm", "operations", "segment"})


def _owns_a_unit(text: str, pos: int, words: list[tuple[int, int]]) -> bool:
    """Whether the capitalised words after a possessive name one of its units."""
    for ws, we in words[:4]:
        w = text[pos + ws : pos + we]
        if not _is_namey(w):
            return False
        if w.lower().rstrip(".") in _UNIT_NOUNS:
            return True
    return False


# After a capitalised "New", words that make it a new thing, not a name's first word
_NOT_AFTER_NEW = frozenset(
    {
        "ceo", "cfo", "cto", "coo", "cmo", "cro", "cio", "president", "director", "manager",
        "chair", "chairman", "chairwoman", "partner", "partners", "members", "member", "leader",
        "leaders", "leadership", "funding", "round", "seed", "series", "capital", "investment",
        "financing", "money", "cash", "plant", "facility", "factory", "office", "offices",
        "headquarters", "hq", "product", "products", "platform", "fund", "funds", "era",
        "year", "deal", "deals", "program", "programme", "project", "projects", "data",
        "research", "report", "study", "feature", "features", "tools", "tool", "app", "apps",
    }
)  # fmt: skip


# "New York", "New Delhi": places, never a company's name
PLACES_NEW = frozenset(
    {"york", "jersey", "delhi", "zealand", "mexico", "hampshire", "england", "orleans",
     "brunswick", "south", "haven", "caledonia", "guinea"}
)  # fmt: skip


def _new_name(
    text: str, pos: int, words: list[tuple[int, int]], i: int, run: list[tuple[int, int]]
) -> bool:
    """Whether a capitalised "New" opens a name ("in New Lantern, a smarter way ...",
    "joins New Relic"): first of the run, a capitalised word after it that is no title,
    round or thing ("New CEO", "New Funding", "New Plant": not names)."""
    if run or text[pos + words[i][0] : pos + words[i][1]] != "New" or i + 1 >= len(words):
        return False
    nxt = text[pos + words[i + 1][0] : pos + words[i + 1][1]]
    low = nxt.lower()
    return (
        nxt[:1].isupper()
        and _is_namey(nxt)
        and low not in _STOP_FORWARD
        and low not in _NOT_AFTER_NEW
        and low not in PLACES_NEW
    )


def _group_ends(text: str, pos: int, words: list[tuple[int, int]], i: int) -> bool:
    """Whether "Group" ends the name it follows ("Dentsu Group posts biggest-ever loss"), a
    verb after it, rather than opening a description ("Acme Group company Beta")."""
    if text[pos + words[i][0] : pos + words[i][1]] != "Group":
        return False
    nxt = text[pos + words[i + 1][0] : pos + words[i + 1][1]]
    return not _is_namey(nxt)


def company_after(text: str, pos: int, limit: int = 120) -> tuple[int, int] | None:
    """The company written from `pos` on ("joins fintech startup Acme Pay as CRO")."""
    hi = min(len(text), pos + limit)
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s,;:()]+", text[pos:hi])]
    i = 0
    # Skip a few lowercase descriptors and articles before the name.
    while i < len(words) and i < 5:
        w = text[pos + words[i][0] : pos + words[i][1]]
        low = w.lower()
        if (
            low in ("the", "a", "an")
            or low.endswith(DESCRIPTOR_SUFFIXES)
            or (not _is_namey(w) and low not in _STOP_FORWARD)
            or low in SECTOR_WORDS
            or low in HEAD_NOUNS
        ):
            i += 1
            continue
        if w == "New" and i + 2 < len(words):
            place = text[pos + words[i + 1][0] : pos + words[i + 1][1]].lower()
            then = text[pos + words[i + 2][0] : pos + words[i + 2][1]]
            if place.endswith(DESCRIPTOR_SUFFIXES) or (place in PLACES_NEW and then.islower()):
                i += 2  # "New York startup Acme", "New York-based Acme": described
                continue
        break
    if i and i < len(words) and _GAP_BREAK.search(text, pos + words[0][1], pos + words[i][0]):
        return None  # "for the division, replacing John Roe": the name is another clause's
    run: list[tuple[int, int]] = []
    while i < len(words) and len(run) < 6:
        ws, we = words[i]
        w = text[pos + ws : pos + we]
        low = w.lower()
        if (
            run
            and low in HEAD_NOUNS
            and i + 1 < len(words)
            and not _group_ends(text, pos, words, i)
        ):
            run = []  # "AI Startup Acme": the name is after the head noun
            i += 1
            continue
        if (
            low in _STOP_FORWARD
            and not (low == "of" and run)
            and not _new_name(text, pos, words, i, run)
        ):
            break
        if run and low in ("&", "of"):
            run.append((ws, we))
            i += 1
            continue
        if not _is_namey(w) or w[0] in "“\"‘'":
            break
        run.append((ws, we))
        i += 1
        if w.endswith(".") and "." not in w[:-1] and low not in LEGAL_SUFFIXES:
            break  # "... at Uber Freight. “As I ...": a sentence ends the name
        if _possessive(w) is not None:
            if i < len(words):
                nxt = text[pos + words[i][0] : pos + words[i][1]]
                if (
                    _is_namey(nxt)
                    and nxt.lower() not in _STOP_FORWARD
                    and nxt.lower() not in ("series", "seed", "pre-seed")
                    and not _owns_a_unit(text, pos, words[i:])
                ):
                    run = []  # "Jeff Bezos' Blue Origin", "Bizongo's NextBuy": the owned one
                    continue
            break
        # A comma, colon or parenthesis right after the word ends the name.
        after = pos + we
        if after < len(text) and text[after] in ",;:()":
            break
    while run and text[pos + run[-1][0] : pos + run[-1][1]].lower() in ("&", "of"):
        run.pop()
    if not run:
        return None
    # "joins P2P lending startup UangTeman as CTO": the name follows its description (read
    # for a clause's company, not a short reach)
    described = DESCRIBED_AFTER.match(text, pos + run[-1][1]) if limit >= 100 else None
    if described is not None:
        named = company_after(text, described.end(), 40)
        if named is not None and named[0] == described.end() + 1:
            return named
    texts = strip_legal([text[pos + a : pos + b] for a, b in run])
    run = run[: len(texts)]
    return _tidy_span(text, pos + run[0][0], pos + run[-1][1])


# --- people ------------------------------------------------------------------

_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "le", "la",
              "bin", "al", "dos", "das", "ten", "ter", "st.", "mac", "y"}  # fmt: skip
_NOT_NAMES = {
    "as", "to", "the", "its", "if", "when", "government", "govt", "insider", "outsider", "first",
    "new", "chief", "officer", "former", "ex", "exec", "executive",
    "veteran", "head", "vp", "svp", "evp", "president", "vice", "appoints", "names", "named",
    "joins", "hires", "taps", "inc", "ltd", "and", "of", "for", "with", "at", "in", "on",
    "interim", "acting", "senior", "global", "group", "industry", "tech", "marketing",
    "sales", "revenue", "finance", "founder", "co-founder", "cofounder", "alum", "alumna",
    "alumnus", "leader", "director", "manager", "partner", "general", "managing", "google",
    "microsoft", "amazon", "salesforce", "meta", "apple", "oracle", "ibm", "sap", "adobe",
    "their", "his", "her", "a", "an", "welcomes", "adds", "promotes", "announces",
    "appointment", "hiring", "hire", "exclusive", "startup", "company", "firm", "team",
    "today", "board", "ai", "labs", "inc.", "corp", "corp.", "llc", "chairman",
    "dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof", "prof.", "sir", "dame",
    "innovator", "expert", "developer", "specialist", "strategist", "pioneer", "entrepreneur",
    "scientist", "researcher", "engineer", "banker", "investor", "attorney", "lawyer",
    "physician", "builder", "operator", "technologist", "marketer", "visionary", "exec.",
    "succession", "transition", "leadership", "leaders", "plan", "plans", "coach", "player",
    "builders", "assumes", "takes", "becomes", "returns", "leaves", "steps", "moves", "gets",
}  # fmt: skip
_NAME_WORD = re.compile(r"^(?:[^\W\d_][.]|[^\W\d_][\w'’.-]*)$")


# Initials written together: "A.L. Hutchinson", "C.W. Strong" (not a place: "U.S.").
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "E.U.", "U.N.", "U.A.E.", "L.A.", "D.C.", "N.Y."})


# A surname that opens with a lowercase particle: "al-Khater", "el-Sayed", "d'Arcy".
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ul|bin|abu|ibn|d)[-'’][A-Z][\w'’-]+")


def name_word(word: str) -> bool:
    """Whether `word` can be a word of a person's name ("Howard"; not "Google", "CEO")."""
    if _PARTICLE_NAME.fullmatch(word):
        return True
    if not _NAME_WORD.match(word) or not word[0].isupper():
        return False
    if word.startswith(("Non-", "non-")):
        return False  # "Appoints First Non-Swedish CEO"
    if word.endswith(("'", "’")) and not word[:-1].endswith("s"):
        return False  # "'No Life In Lebanon' If Government": a quote's end, not a name's
    if word.lower() in _NOT_NAMES:
        return False
    if _DOTTED_INITIALS.fullmatch(word):
        return word not in _PLACE_INITIALS
    letters = word.replace(".", "").replace("-", "").replace("'", "")
    # "CRO", "AI", "SVP": all capitals is an abbreviation, not a name (initials "J." pass).
    return not (len(letters) > 1 and letters.isupper())


# A nickname written inside a name: "Matthew (Matt) Walker".
# "Mohd Ridzwan (Reez) Nordin", "Elizabeth “Liz” Hamren": a nickname inside the name
_NICKNAME = re.compile(r"\s(?:\([^()\s]{1,15}\)|[“\"‘'][^\s“”\"‘’']{1,15}[”\"’'])(?=\s)")
# Initials written as one capitalised word before a surname: "KV Sridhar", "PVK Mohan".
_INITIALS = re.compile(r"[A-Z]{2,3}")
_NOT_INITIALS = frozenset(_KEEP_CAPS) | {"ex", "new", "the", "and", "for", "sbi", "hp", "ibm"}


def _initials(word: str) -> bool:
    return bool(_INITIALS.fullmatch(word)) and word.lower() not in _NOT_INITIALS


_INITIAL = re.compile(r"\w\.")
# A generation after a name, in capitals like an abbreviation: "Winthrop Sargent IV".
_GENERATIONS = frozenset({"II", "III", "IV"})


def _full(run: list[str]) -> bool:
    """Whether a name read backwards has its four words: particles, initials and a
    generation do not count ("Romke E. de Haan III")."""
    words = [
        w
        for w in run
        if w.lower() not in _PARTICLES and not _INITIAL.fullmatch(w) and w not in _GENERATIONS
    ]
    return len(words) >= 4 or len(run) >= 6


def person_at_end(segment: str) -> str | None:
    """The person named at the end of `segment`: "former Salesforce exec Jane Doe"."""
    segment = _NICKNAME.sub("", segment.strip().rstrip(",").strip())
    if "," in segment:
        # "Jane Doe, formerly of Copperleaf,": the name is before the appositive.
        head = segment.split(",", 1)[0].strip()
        found = person_at_end(head)
        if found:
            return found
    words = segment.split()
    run: list[str] = []
    for w in reversed(words[-8:]):
        if not run and w in _GENERATIONS and len(words) > 2:
            run.append(w)
            continue
        if run and w.lower() in _PARTICLES:
            run.append(w)
            continue
        if run and len(run) <= 2 and _initials(w) and any(len(x) > 2 for x in run):
            run.append(w)  # "KV Sridhar", "PVK Mohan": the initials open the name
            break
        if not name_word(w) or _possessive(w) is not None or _full(run):
            break
        run.append(w)
    run.reverse()
    while run and run[0].lower() in _PARTICLES:
        run = run[1:]
    real = [w for w in run if w.lower() not in _PARTICLES and not _INITIAL.fullmatch(w)]
    if real and real[-1] in _GENERATIONS:
        real.pop()
    if len(real) < 2 and not (len(real) == 1 and len(run) >= 2 and run[-1] not in _GENERATIONS):
        return None
    return " ".join(run)


def person_at_start(segment: str) -> str | None:
    """The person named at the start of `segment`: "Jane Doe, formerly of ..."."""
    words = _NICKNAME.sub("", " " + segment.strip() + " ").split()
    run: list[str] = []
    for w in words[:5]:
        bare = w.rstrip(",")
        if run and bare.lower() in _PARTICLES:
            run.append(bare)
            continue
        if not run and _initials(bare) and len(words) > 1 and name_word(words[1].rstrip(",")):
            run.append(bare)  # "KV Sridhar joins ..."
            continue
        if len(run) >= 2 and bare in _GENERATIONS:
            run.append(bare)  # "Winthrop Sargent IV has been named ..."
            break
        if not name_word(bare) or _possessive(bare) is not None:
            break
        run.append(bare)
        if w.endswith(","):
            break
    while run and run[-1].lower() in _PARTICLES:
        run.pop()
    return " ".join(run) if len(run) >= 2 else None


# --- a company's full name -----------------------------------------------------

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_FULL_NAME_REACH = 300  # the first mention of the company, at the top of the summary


def full_name(name: str, body: str, any_case: bool = False) -> str | None:
    """The company's name as the summary spells it, when the headline abbreviates or
    shouts it: "DSE" for "the Dhaka Stock Exchange (DSE)" (the initials must match), and
    with `any_case` (a headline in capitals) "WLRN Public Media" for "Wlrn Public Media".

    Decided: a shortened name is kept as the headline writes it ("Euro Sun" for "Euro
    Sun Mining Inc."): real labels go both ways on it, and the headline's is the name
    the company itself uses in the news.
    """
    if not name or not body:
        return None
    head = body[:_FULL_NAME_REACH]
    if _ACRONYM.fullmatch(name):
        at = head.find(f"({name})")
        if at > 0:
            span = company_before(head, clause_start(head, at), at)
            if span is not None:
                long = head[span[0] : span[1]]
                words = [w for w in long.split() if w[0].isupper()]
                if len(words) >= 2 and "".join(w[0] for w in words).upper() == name:
                    return long
        return None
    folded, key = (lower_same(head), lower_same(name)) if any_case else (head, name)
    at = folded.find(key)
    while at > 0 and (head[at - 1].isalnum()):
        at = folded.find(key, at + 1)
    if at < 0:
        return None
    spelled = head[at : at + len(name)]  # "WLRN Public Media" for a shouted "Wlrn Public Media"
    return spelled if spelled != name and not spelled.islower() else None


# A government, an agency, a central bank or a legislature, by its name: never a company that
# raises or hires ("RBI conducts Rs 8,450 crore ... auction", "Trump's pick to lead the Bureau of
# Labor Statistics").
GOVERNMENT = re.compile(
    r"\b(?:Department\s+of|Ministry\s+of|Bureau\s+of|Office\s+of|Reserve\s+Bank|Central\s+Bank|"
    r"Federal\s+Reserve|Government|Treasury|Senate|Parliament|General\s+Assembly|Legislature|"
    r"Congress|(?:U\.S\.|US|Federal|National|State)\s+(?:[\w-]+\s+){0,4}?Agency)\b"
    r"|\A(?:RBI|SEBI|IMF|NITI\s+Aayog|USDA|EPA|SEC|FTC|FCC|FDA|DOE|DOJ|CISA|NASA|IRS|"
    r"FERC|CFTC|FDIC|NIH|CDC|DHS|DOD|DoD|FBI|CIA|NSA|FAA|USPTO|MBTA|WMATA|SEPTA|ECB)\Z"
)

# Countries, regions and the states and provinces news names most: never the company that
# raised or hired ("India Gets ₹1 Lakh Cr Investment Commitments", "Bangladesh receives
# $2.09b remittances", "Asia draws $100bn in capital"). Lowercase, as `normalize_company`
# leaves them.
PLACES = frozenset(
    (
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
        "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bhutan",
        "bolivia", "bosnia", "botswana", "brazil", "brunei", "bulgaria", "cambodia", "cameroon",
        "canada", "chile", "china", "colombia", "croatia", "cuba", "cyprus", "czechia",
        "denmark", "ecuador", "egypt", "estonia", "ethiopia", "finland", "france", "georgia",
        "germany", "ghana", "greece", "guatemala", "hungary", "iceland", "india", "indonesia",
        "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya",
        "kuwait", "laos", "latvia", "lebanon", "libya", "lithuania", "luxembourg", "malaysia",
        "maldives", "malta", "mexico", "moldova", "mongolia", "morocco", "mozambique",
        "myanmar", "namibia", "nepal", "netherlands", "nigeria", "norway", "oman", "pakistan",
        "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
        "russia", "rwanda", "serbia", "singapore", "slovakia", "slovenia", "somalia", "spain",
        "sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania", "thailand", "tunisia",
        "turkey", "turkiye", "uganda", "ukraine", "uruguay", "uzbekistan", "venezuela",
        "vietnam", "yemen", "zambia", "zimbabwe", "africa", "asia", "europe", "oceania",
        "antarctica", "eurozone",
        "south africa", "south korea", "north korea", "korea", "new zealand", "saudi arabia",
        "sri lanka", "hong kong", "united states", "united kingdom", "uk", "us", "usa", "uae",
        "united arab emirates", "czech republic", "costa rica", "ivory coast", "north america",
        "south america", "latin america", "latam", "middle east", "southeast asia",
        "south asia", "east asia", "central asia", "gcc", "mena", "apac", "emea", "asean", "eu",
        "european union", "gulf",
        # Indian states and cities that business news names as actors
        "andhra pradesh", "assam", "bihar", "delhi", "goa", "gujarat", "haryana", "karnataka",
        "kerala", "madhya pradesh", "maharashtra", "odisha", "orissa", "punjab", "rajasthan",
        "tamil nadu", "telangana", "uttar pradesh", "uttarakhand", "west bengal", "mumbai",
        "bengaluru", "bangalore", "chennai", "hyderabad", "kolkata", "dhaka", "chattogram",
        # US states and provinces of Canada
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
        "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
        "new jersey", "new mexico", "new york state", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
        "tennessee", "texas", "utah", "vermont", "virginia", "washington state",
        "west virginia", "wisconsin", "wyoming", "ontario", "quebec", "alberta",
        "british columbia", "manitoba", "saskatchewan", "nova scotia",
    )
)  # fmt: skip
