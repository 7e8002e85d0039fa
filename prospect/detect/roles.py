"""Executive titles: one compiled pattern to find them, one function to name them.

News writes a role a dozen ways ("CMO", "chief marketing officer", "marketing
chief", "VP, Marketing", "Vice President of Global Marketing"); the rep's
`target_roles` and the ranking compare full titles, so every spelling becomes
one canonical title: "Chief Marketing Officer", "VP of Marketing",
"SVP of Sales", "Head of Sales".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from prospect.titles import ABBREVIATIONS

# "marketing chief", "finance boss": the function's chief officer.
_FUNCTION_CHIEFS = {
    "marketing": "Chief Marketing Officer",
    "revenue": "Chief Revenue Officer",
    "finance": "Chief Financial Officer",
    "financial": "Chief Financial Officer",
    "technology": "Chief Technology Officer",
    "tech": "Chief Technology Officer",
    "product": "Chief Product Officer",
    "operations": "Chief Operating Officer",
    "operating": "Chief Operating Officer",
    "people": "Chief People Officer",
    "digital": "Chief Digital Officer",
    "data": "Chief Data Officer",
    "growth": "Chief Growth Officer",
    "commercial": "Chief Commercial Officer",
    "sales": "Chief Sales Officer",
    "security": "Chief Information Security Officer",
    "information": "Chief Information Officer",
    "customer": "Chief Customer Officer",
    "strategy": "Chief Strategy Officer",
    "legal": "Chief Legal Officer",
    "hr": "Chief Human Resources Officer",
    "risk": "Chief Risk Officer",
    "compliance": "Chief Compliance Officer",
    "investment": "Chief Investment Officer",
    "content": "Chief Content Officer",
    "creative": "Chief Creative Officer",
    "medical": "Chief Medical Officer",
    "scientific": "Chief Scientific Officer",
    "science": "Chief Scientific Officer",
    "innovation": "Chief Innovation Officer",
    "sustainability": "Chief Sustainability Officer",
    "ai": "Chief AI Officer",
    "communications": "Chief Communications Officer",
}
# "global affairs chief", "policy chief": a head of the function, no officer title.
_HEAD_CHIEFS = frozenset(
    {
        "global affairs", "public affairs", "government affairs", "corporate affairs", "policy",
        "public policy", "research", "engineering",
    }
)  # fmt: skip
# The functions the title pattern reads before "chief", "boss" or "head": both kinds above,
# longest first. Not "operating": the pattern never read "operating chief", though
# `normalize_role` still names it when a title comes from elsewhere.
_CHIEF_FUNCTIONS = "|".join(
    w.replace(" ", r"\s+")
    for w in sorted({*_FUNCTION_CHIEFS, *_HEAD_CHIEFS} - {"operating"}, key=lambda w: (-len(w), w))
)
_FUNCS = (
    r"(?:business\s+development|customer\s+success|customer\s+experience|demand\s+generation|"
    r"product\s+marketing|revenue\s+operations|sales\s+operations|corporate\s+development|"
    r"human\s+resources|enterprise\s+sales|global\s+sales|field\s+marketing|"
    r"growth\s+marketing|brand\s+marketing|partner\s+sales|channel\s+sales|"
    r"sales|marketing|growth|revenue|partnerships|alliances|brand|communications|"
    r"engineering|product|finance|people|operations|strategy|channels?|digital|"
    r"e-?commerce|data|technology|talent|hr|it|commercial|customer\s+success)"
)
_FUNC_PHRASE = _FUNCS + r"(?:\s+(?:and|&)\s+" + _FUNCS + r")?"
_REGION = (
    r"(?:(?:global|worldwide|international|enterprise|north\s+american?|americas|emea|apac|"
    r"us|uk|europe(?:an)?)\s+)?"
)
# "Chief Marketing Officer", "Chief Diversity, Equity & Inclusion Officer"
_CHIEF_WORDS = r"(?:(?!chief\b)[a-z]+(?:,?\s+(?:and|&)\s+|,\s+|\s+)){1,4}"
# Where a title's scope is written before it: "India MD", "APAC President", "global COO",
# "Country Director", "India Region CEO".
_REGION_Q = (
    r"(?:india|china|japan|asia|apac|emea|europe|americas|us|uk|mena|latam|africa|saarc|"
    r"north\s+america|south\s+asia|south-east\s+asia|southeast\s+asia|asia[\s-]pacific|"
    r"middle\s+east|global|international|national|regional|country|zonal|worldwide|canada|"
    r"australia|germany|mexico|singapore|nordics?|ireland|spain|italy|anz)"
)
_QUAL = r"(?:" + _REGION_Q + r"(?:\s+(?:and|&)\s+" + _REGION_Q + r")?(?:\s+region)?\s+)"
# The units a "... head" or "... director" is written after: "India operations head",
# "Equities Head", "consumer banking head", "Group distribution director".
_UNIT_WORD = (
    r"(?:operations|equities|equity|research|banking|consumer|retail|corporate|enterprise|"
    r"business|distribution|brand|creative|content|programming|news|editorial|design|legal|"
    r"risk|credit|treasury|investments?|wealth|sales|marketing|finance|technology|product|"
    r"engineering|hr|it|digital|data|strategy|growth|commercial|partnerships|alliances|"
    r"communications|people|talent|channel|customer|services|steel|healthcare|manufacturing|"
    r"sustainability|esg)"
)
_ABBR = (
    r"(?-i:C(?:EO|FO|OO|TO|MO|RO|PO|IO|ISO|HRO|CO|DO|GO|SO|LO|BO|XO|AO|SCO|MSO)"
    r"|C(?:eo|fo|to|oo|mo))"  # "Enzolytics announces New Ceo": a wire's own casing
)
# Any department a leadership title can run ("External Affairs", "RIA Distribution",
# "Exploration"): up to four words after "of", none of them a word that ends a title.
_DEPT_WORD = (
    r"(?!(?:at|of|for|to|in|on|and|with|the|as|effective|from|who|which|where|after|since|"
    r"while|its|their|his|her|a|an|will|has|is|was|be|succeeding|replacing|reporting|"
    r"joins|joined|based|starting|following|amid|by|into|this|that|new|chief|president|company|"
    r"corporation|"
    r"general\s+counsel)\b)"
    r"[^\W\d_][\w'’.&-]*"
)
# After "and": the next hire's person, not more of the department ("EVP of Operations and
# Jane Doe to SVP of Finance").
_NEXT_PERSON = (
    r"(?!(?-i:[A-Z])[\w'’.-]+\s+(?:(?-i:[A-Z])[\w'’.-]+\s+)?(?-i:[A-Z])[\w'’.-]+\s+"
    r"(?:as|to|has|have|was|will|is|who)\b)"
)
_DEPT = (
    r"(?:" + _FUNC_PHRASE + r"\b(?!\s+(?-i:[a-z])|\s+(?:and|&)\s+\w)"
    r"|(?:the\s+)?"
    + _DEPT_WORD
    + r"(?:(?:\s+|\s+(?:and|&)\s+"
    + _NEXT_PERSON
    + r")"
    + _DEPT_WORD
    + r"){0,3})"
)
# A grade written before a title, kept as written: "Interim CFO", "Group CEO".
_GRADE = r"(?:(?:interim|acting|group|deputy|additional|regional|joint|co)[\s-]+|co-)?"
_LEVEL = (
    r"(?:(?:senior|executive|group|global|regional|area|corporate|deputy|assistant)\s+)?"
    r"(?:vice[\s-]president|v-p|(?-i:(?:S?VP|EVP|AVP|CVP)(?![A-Z])))"  # not "VPN"
)

# The word before a title that links it to its holder: "as", "to", "new".
_AFTER_LINK = r"(?:(?<=\bas\s)|(?<=\bto\s)|(?<=\bnew\s))"
_DIRECTOR_DEPT_WORD = (
    r"(?!(?:board|independent|non-executive|nonexecutive|non|outside|lead|nominee|alternate|"
    r"whole-time|associate|assistant|managing|executive|director|the|a|an|its|their|his|her)\b)"
    r"(?-i:[A-Z])[\w&'’-]*"
)
_SINGLE_BASE = (
    r"(?:" + _GRADE + _ABBR + r"\b"
    r"|" + _GRADE + r"chief\s+of\s+staff"
    # "Chief of Global Operations": a chief of any department
    r"|" + _GRADE + r"(?-i:Chief)\s+of\s+" + _DEPT + r""
    r"|" + _GRADE + r"chief\s+" + _CHIEF_WORDS + r"officer"
    r"|" + _GRADE + r"chief\s+executive"
    r"|" + _GRADE + r"chief\s+(?:(?:ai|data|research)\s+)?(?:scientist|economist)\b"
    r"|"
    + _LEVEL
    + r"(?:\s*(?:,\s*|\s+of\s+|\s+for\s+|\s+-\s+)"
    + _DEPT
    + r"|\s+"
    + _REGION
    + _FUNC_PHRASE
    + r"\b)?"
    r"|(?:global\s+|regional\s+|group\s+|national\s+|interim\s+|acting\s+)?head\s+(?:of|for)\s+"
    r"(?:its\s+)?"
    + _DEPT
    + r"|co-head\b(?:\s+of\s+"
    + _DEPT
    + r")?"
    + r"|(?:senior\s+|executive\s+)?director\s+(?:of|for)\s+"
    + _DEPT
    + r"|"
    + _GRADE
    + r"managing\s+(?:director|partner)"
    # "Partner", "Venture Partner": a partner of a firm (read with a named person only)
    r"|(?:(?:general|venture|founding|senior|equity|operating)\s+)?partner\b"
    r"(?!s?\s+(?:with|in|for|to|program|programme|network|ecosystem|sales|solutions?)\b|-)"
    # not "Chin Lee, MD, MPH"; "MD, CEO" is two titles
    r"|" + _GRADE + r"(?<!,\s)(?-i:MD|GM)\b(?!,\s*(?!(?-i:C[A-Z]{1,3}O)\b)(?-i:[A-Z]{2}))"
    r"|executive\s+director"
    r"|" + _GRADE + r"general\s+(?:manager|counsel)"
    # "General Manager of Sales", "of APAC"; "General Manager of Warner Music" names the company
    r"(?:\s+of\s+(?:the\s+)?(?:" + _FUNC_PHRASE + r"|" + _REGION_Q + r")\b)?"
    r"|country\s+(?:manager|head|director)"
    r"|(?:" + _CHIEF_FUNCTIONS + r")\s+(?:chief|boss|head)\b"
    r"|(?:regional\s+|group\s+|company\s+|interim\s+|acting\s+)?president"
    r"(?:\s*(?:,\s*|\s+of\s+|\s+for\s+)(?=(?:the\s+)?(?:"
    + _REGION_Q
    + r"|"
    + _FUNCS
    + r")\b)"
    + _DEPT
    + r"|\s+(?=(?-i:[A-Z]))"
    + _FUNC_PHRASE
    + r"\b)?\b"
    # "CMD", "Chairman and Managing Director", "Global Chairman and CEO": the chair comes
    # with the executive title.
    r"|(?-i:CMD)\b"
    r"|(?:global\s+|group\s+|executive\s+)?chairman\s*(?:and|&|,)\s*(?:managing\s+director|"
    r"chief\s+executive(?:\s+officer)?|(?-i:MD|CEO))\b"
    # "Equities Head", "India operations head", "Head-Equity", "Global Head-HR"; each branch
    # led by a scope first checks, cheaply, that its title word is near.
    r"|(?=(?:[\w&-]+\s+){1,4}head\b)"
    r"(?:(?:(?:" + _REGION_Q + r"|group|business)\s+){1,2}(?:" + _UNIT_WORD + r"\s+){0,2}"
    r"|(?:" + _UNIT_WORD + r"\s+){1,2})"
    r"head\b(?!\s+(?:to|towards|up|for|into|back|down|out|home|over|off|north|south|"
    r"higher|lower)\b|-)"
    r"|(?=(?:[\w&-]+\s+)?head\s*-)(?:"
    + _REGION_Q
    + r"\s+|group\s+)?head\s*-\s*"
    + _DEPT_WORD
    # "Country Director", "India Director", "Research Director", "Director-India".
    + r"|(?=(?:[\w&-]+\s+){1,4}director\b)(?:"
    + _QUAL
    + r"|resident\s+)(?:"
    + _UNIT_WORD
    + r"\s+){0,2}director\b"
    r"(?:\s+(?:of|for)\s+(?=(?:" + _FUNCS + r")\b)" + _DEPT + r")?"
    r"|(?=(?:[\w&-]+\s+){1,3}director\b)(?:group\s+)?(?:" + _UNIT_WORD + r"\s+){1,2}"
    r"(?:(?:and|&)\s+" + _UNIT_WORD + r"\s+)?director\b"
    r"|director\s*-\s*"
    + _DEPT_WORD
    # "Director (Marketing)", "Director Operations": a function written after the title
    + r"|director\s*\(\s*"
    + _DEPT_WORD
    + r"(?:\s+(?:(?:and|&)\s+)?"
    + _DEPT_WORD
    + r"){0,2}\s*\)"
    r"|director\s+(?=(?:" + _FUNCS + r")\b)" + _FUNC_PHRASE + r"\b(?!\s+(?-i:[a-z]))"
    # "as Cybersecurity Director", "to Program Director", "new Critical Infrastructure
    # Director": after "as", "to" or "new" the capitalised words before "Director" are its
    # department (not a board seat: "as Independent Director")
    r"|" + _AFTER_LINK + r"(?:" + _DIRECTOR_DEPT_WORD + r"\s+){1,3}?director\b"
    r")"
)
# A title with the scope it is written with ("India MD", "global COO").
# (the character class lets most words skip the scope alternation: it lists the letters the
# scopes begin with)
_SINGLE = r"(?:(?:(?=[aceginjlmrsuwz])" + _QUAL + r")?(?:" + _SINGLE_BASE + r"))"
ROLE_PATTERN = (
    r"(?P<role>" + _SINGLE + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*)" + _SINGLE + r")?)"
)
# The scope written before a title ("India" of "India MD"); after a company's name with no
# word between ("Orbitail Asia MD") it is part of the company's name instead.
QUALIFIER_RE = re.compile(_QUAL + r"+", re.IGNORECASE)
# A role starts at a word: the leading \b also lets the engine skip mid-word positions fast.
ROLE_RE = re.compile(r"\b" + ROLE_PATTERN, re.IGNORECASE)

# The word a title can open with (lowercased): a scope ("India MD"), a grade ("Interim
# CFO"), a level ("Senior VP"), a unit ("Equities Head") or the title word itself. Read
# off `_SINGLE_BASE`'s branches; a test checks `find_roles` against `ROLE_RE` on real text.
_FIRST_WORDS = frozenset(
    {
        "india", "china", "japan", "asia", "apac", "emea", "europe", "americas", "us", "uk",
        "mena", "latam", "africa", "saarc", "north", "south", "southeast", "middle", "global",
        "canada", "australia", "germany", "mexico", "singapore", "nordic", "nordics", "ireland",
        "spain", "italy", "anz",
        "international", "national", "regional", "country", "zonal", "worldwide",
        "interim", "acting", "group", "deputy", "additional", "joint", "co", "company",
        "ceo", "cfo", "coo", "cto", "cmo", "cro", "cpo", "cio", "ciso", "chro", "cco", "cdo",
        "cgo", "cso", "clo", "cbo", "cxo", "cao", "csco", "cmso", "chief",
        "senior", "executive", "area", "corporate", "assistant", "vice", "v", "vp", "svp",
        "evp", "avp", "cvp", "head", "director", "managing", "md", "gm", "general", "president",
        "cmd", "chairman", "resident", "business",
        "marketing", "revenue", "finance", "financial", "technology", "tech", "product",
        "operations", "people", "digital", "data", "growth", "commercial", "sales",
        "security", "information", "customer", "strategy", "compliance", "medical", "scientific",
        "science", "innovation", "sustainability", "ai", "public", "government", "policy",
        "equities", "equity", "research", "banking", "consumer", "retail", "enterprise",
        "distribution", "brand", "creative", "content", "programming", "news", "editorial",
        "design", "legal", "risk", "credit", "treasury", "investment", "investments",
        "wealth", "engineering", "hr", "it", "partnerships", "alliances", "communications",
        "talent", "channel", "services", "steel", "healthcare", "manufacturing",
        "partner", "venture", "founding", "operating",
    }
)  # fmt: skip
# Level abbreviations run on into the word ("VPs" holds the title "VP").
_OPEN_ENDED = ("vp", "svp", "evp", "avp", "cvp")
_LETTERS = re.compile(r"\b[a-z]+")
_LINKS = (" as ", " to ", " new ")  # before a department's "... Director" (`_AFTER_LINK`)


def find_roles(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """`ROLE_RE.finditer(text, pos, endpos)`, trying the title pattern only at the words
    a title can open with rather than at every word (most words of a text are not)."""
    end = len(text) if endpos is None else endpos
    if not text.isascii():  # a letter IGNORECASE folds to ASCII ("K", Kelvin) may open one
        yield from ROLE_RE.finditer(text, pos, end)
        return
    low = text.lower()
    for word in _LETTERS.finditer(low, pos, end):
        w = word.group()
        at = word.start()
        if at < pos or (
            w not in _FIRST_WORDS
            and not w.startswith(_OPEN_ENDED)
            and not (low.endswith(_LINKS, 0, at) and low.find("director", at, end) >= 0)
        ):
            continue
        m = ROLE_RE.match(text, word.start(), end)
        if m is not None:
            yield m
            pos = m.end()


def search_role(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """`ROLE_RE.search(text, pos, endpos)`, the cheap way (`find_roles`)."""
    return next(find_roles(text, pos, endpos), None)


_SMALL = {"and", "of", "for", "the"}
_LEVELS = {
    "vp": "VP",
    "vice president": "VP",
    "vice-president": "VP",
    "svp": "SVP",
    "senior vice president": "SVP",
    "senior vp": "SVP",
    "evp": "EVP",
    "executive vice president": "EVP",
    "executive vp": "EVP",
    "avp": "AVP",
    "cvp": "Corporate Vice President",  # Microsoft's grade
    "v-p": "VP",
    "senior v-p": "SVP",
}


def _title_word(low: str) -> str:
    if low in ("hr", "it", "apac", "emea", "saarc", "mena", "us", "uk", "r&d"):
        return low.upper()
    return low[:1].upper() + low[1:]


def _title(words: str) -> str:
    out: list[str] = []
    for w in words.replace(" & ", " and ").split():
        low = w.lower()
        if low in _SMALL and out:
            out.append(low)
        elif low in ("e-commerce", "ecommerce"):
            out.append("E-commerce")
        else:
            out.append("-".join(_title_word(p) for p in low.split("-")))  # "Head-Equity"
    return " ".join(out)


_GRADE_WORDS = (
    "interim", "acting", "group", "deputy", "additional", "regional", "company", "joint",
)  # fmt: skip
_SHORT = {
    "md": "Managing Director",
    "gm": "General Manager",
    "cmd": "Chairman and Managing Director",
}
_QUALIFIED = re.compile(r"(" + _QUAL + r"+)(.+)", re.IGNORECASE)
_CHAIR_AND = re.compile(r"((?:\w+\s+)?)chairman\s*(?:and|&|,)\s*(.+)", re.IGNORECASE)
_PARTS = re.compile(
    r"(" + _SINGLE + r")(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*)(" + _SINGLE + r")",
    re.IGNORECASE,
)


@lru_cache(maxsize=2048)  # news writes the same few titles again and again
def normalize_role(text: str) -> str:
    """The canonical full title for one way of writing a role; "President and CEO"
    keeps both titles: "President and Chief Executive Officer"."""
    raw = " ".join(text.split()).strip(" ,")
    if raw.endswith(".") and not raw.endswith(("Sr.", "Jr.", "Co.", "Inc.")):
        raw = raw[:-1]  # the sentence's end: "... for worldwide foreign exchange trading."
    m = _PARTS.fullmatch(raw)
    if m:
        return f"{_normalize_single(m.group(1))} and {_normalize_single(m.group(2))}"
    return _normalize_single(raw)


def _normalize_single(raw: str) -> str:
    """One title; words written in capitals ("RIA", "EMEA") stay as written."""
    out = _normalize_one(raw)
    caps = {w.lower(): w for w in re.findall(r"[\w&]+", raw) if len(w) > 1 and w.isupper()}
    if not caps or raw.isupper():
        return out
    return " ".join(
        caps.get(w.lower(), w) if w.lower() not in ABBREVIATIONS else w for w in out.split()
    )


def _normalize_one(raw: str) -> str:
    low = raw.lower()
    q = _QUALIFIED.fullmatch(raw)
    if q and not low.endswith(" head") and not low.startswith(("global head", "regional head")):
        return f"{_title(q.group(1))} {_normalize_single(q.group(2))}"  # "India MD"
    if low.endswith(" head") and " of " not in low:
        words = low.split()
        if len(words) > 2 or words[0] not in _FUNCTION_CHIEFS:
            return _title(low)  # "India Operations Head", "Equities Head"
    c = _CHAIR_AND.fullmatch(raw)
    if c:
        return f"{_title(c.group(1) + 'chairman')} and {_normalize_single(c.group(2))}"
    if low.startswith("co-") or low.startswith("co "):
        return "Co-" + _normalize_single(raw[3:])
    first, _, rest = low.partition(" ")
    if first in _GRADE_WORDS and rest and not rest.startswith(("vice", "vp", "svp")):
        inner = _normalize_single(raw.split(" ", 1)[1])
        if first == "company":
            return inner
        return f"{first.title()} {inner}"
    if low in ABBREVIATIONS:
        return ABBREVIATIONS[low]
    if low in _SHORT:
        return _SHORT[low]
    if low in _LEVELS:
        return _LEVELS[low]
    if low in ("chief executive", "chief exec"):
        return "Chief Executive Officer"
    m = re.fullmatch(r"(\w+(?:\s+\w+)?)\s+(?:chief|boss|head)", low)
    if m and m.group(1) in _HEAD_CHIEFS:
        return f"Head of {_title(m.group(1))}"  # "global affairs chief"
    if m and m.group(1) in _FUNCTION_CHIEFS:
        if low.endswith("head"):
            return f"Head of {_title(m.group(1))}"
        return _FUNCTION_CHIEFS[m.group(1)]
    if low.startswith("chief "):
        return _title(low)
    m = re.fullmatch(
        r"(?:(?:senior|executive|group|global|regional|area|corporate)\s+)?"
        r"(vice[\s-]president|v-p|s?vp|evp|avp)\s*(?:,\s*|\s+of\s+|\s+for\s+|\s+-\s+|\s+)(.+)",
        low,
    )
    if m:
        prefix = low[: m.start(1)].strip()
        level = _LEVELS.get(f"{prefix} {m.group(1)}".strip(), _LEVELS.get(m.group(1), "VP"))
        func = m.group(2)
        return f"{level} of {_title(func)}"
    m = re.fullmatch(
        r"(?:global\s+|regional\s+|group\s+|national\s+)?head\s+(of|for)\s+(?:its\s+)?(.+)", low
    )
    if m:
        return f"Head {m.group(1)} {_title(m.group(2))}"
    m = re.fullmatch(r"director\s*\(\s*(.+?)\s*\)", low)
    if m:
        return f"Director ({_title(m.group(1))})"
    m = re.fullmatch(r"director\s+of\s+(.+)", low)
    if m:
        return f"Director of {_title(m.group(1))}"
    return _title(low)


# For readers of a title's words ("senior VP of Endemol India": a function or a region
# after "of" is the title's, a name is the company's).
FUNC_PHRASE = _FUNC_PHRASE
REGION_Q = _REGION_Q
