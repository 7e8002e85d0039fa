"""Executive titles: one compiled pattern to find them, one function to name them.

News writes a role a dozen ways ("CMO", "chief marketing officer", "marketing
chief", "VP, Marketing", "Vice President of Global Marketing"); the rep's
`target_roles` and the ranking compare full titles, so every spelling becomes
one canonical title: "Chief Marketing Officer", "VP of Marketing",
"SVP of Sales", "Head of Sales".
"""

from __future__ import annotations

import re

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
}
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
_CHIEF_WORDS = r"(?:[a-z]+(?:\s+(?:and|&)\s+|\s+)){1,3}"
_ABBR = r"(?-i:C(?:EO|FO|OO|TO|MO|RO|PO|IO|ISO|HRO|CO|DO|GO|SO|LO|BO|XO|AO|SCO|MSO))"
# Any department a leadership title can run ("External Affairs", "RIA Distribution",
# "Exploration"): up to four words after "of", none of them a word that ends a title.
_DEPT_WORD = (
    r"(?!(?:at|of|for|to|in|on|and|with|the|as|effective|from|who|which|where|after|since|"
    r"while|its|their|his|her|a|an|will|has|is|was|be|succeeding|replacing|reporting|"
    r"joins|joined|based|starting|following|amid|by|into|this|that|new|chief|president|"
    r"general\s+counsel)\b)"
    r"[^\W\d_][\w'’.-]*"
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
_GRADE = r"(?:(?:interim|acting|group|deputy|additional|regional|co)[\s-]+|co-)?"
_LEVEL = (
    r"(?:(?:senior|executive|group|global|regional|area|corporate|deputy|assistant)\s+)?"
    r"(?:vice[\s-]president|(?-i:S?VP|EVP|AVP))"
)

_SINGLE = (
    r"(?:" + _GRADE + _ABBR + r"\b"
    r"|" + _GRADE + r"chief\s+of\s+staff"
    r"|" + _GRADE + r"chief\s+" + _CHIEF_WORDS + r"officer"
    r"|" + _GRADE + r"chief\s+executive"
    r"|"
    + _LEVEL
    + r"(?:\s*(?:,\s*|\s+of\s+|\s+for\s+|\s+-\s+)"
    + _DEPT
    + r"|\s+"
    + _REGION
    + _FUNC_PHRASE
    + r"\b)?"
    r"|(?:global\s+|regional\s+|group\s+|interim\s+|acting\s+)?head\s+of\s+"
    + _DEPT
    + r"|co-head\b(?:\s+of\s+"
    + _DEPT
    + r")?"
    + r"|(?:senior\s+|executive\s+)?director\s+of\s+"
    + _DEPT
    + r"|"
    + _GRADE
    + r"managing\s+(?:director|partner)"
    r"|(?<!,\s)(?-i:MD|GM)\b(?!,\s*(?-i:[A-Z]{2}))"  # not "Chin Lee, MD, MPH"
    r"|executive\s+director"
    r"|" + _GRADE + r"general\s+(?:manager|counsel)(?:\s+of\s+" + _DEPT + r")?"
    r"|country\s+(?:manager|head|director)"
    r"|(?:marketing|revenue|finance|financial|technology|tech|product|operations|people|"
    r"digital|data|growth|commercial|sales|security|information|customer|strategy)\s+"
    r"(?:chief|boss|head)\b"
    r"|(?:regional\s+|group\s+|company\s+|interim\s+|acting\s+)?president\b"
    r")"
)
ROLE_PATTERN = (
    r"(?P<role>" + _SINGLE + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*)" + _SINGLE + r")?)"
)
# A role starts at a word: the leading \b also lets the engine skip mid-word positions fast.
ROLE_RE = re.compile(r"\b" + ROLE_PATTERN, re.IGNORECASE)

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
}
_REGION_WORDS = re.compile(
    r"\b(?:global|worldwide|international|north\s+american?|americas|emea|apac|us|uk|"
    r"europe(?:an)?)\s+",
    re.IGNORECASE,
)


def _title(words: str) -> str:
    out: list[str] = []
    for w in words.replace("&", " and ").split():
        low = w.lower()
        if low in _SMALL and out:
            out.append(low)
        elif low in ("hr", "it"):
            out.append(low.upper())
        elif low in ("e-commerce", "ecommerce"):
            out.append("E-commerce")
        else:
            out.append(low[:1].upper() + low[1:])
    return " ".join(out)


_GRADE_WORDS = ("interim", "acting", "group", "deputy", "additional", "regional", "company")
_SHORT = {"md": "Managing Director", "gm": "General Manager"}
_PARTS = re.compile(
    r"(" + _SINGLE + r")(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*)(" + _SINGLE + r")",
    re.IGNORECASE,
)


def normalize_role(text: str) -> str:
    """The canonical full title for one way of writing a role; "President and CEO"
    keeps both titles: "President and Chief Executive Officer"."""
    raw = " ".join(text.split()).strip(" ,")
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
    m = re.fullmatch(r"(\w+)\s+(?:chief|boss|head)", low)
    if m and m.group(1) in _FUNCTION_CHIEFS:
        if low.endswith("head"):
            return f"Head of {_title(m.group(1))}"
        return _FUNCTION_CHIEFS[m.group(1)]
    if low.startswith("chief "):
        return _title(low)
    m = re.fullmatch(
        r"(?:(?:senior|executive|group|global|regional|area|corporate)\s+)?"
        r"(vice[\s-]president|s?vp|evp|avp)\s*(?:,\s*|\s+of\s+|\s+for\s+|\s+-\s+|\s+)(.+)",
        low,
    )
    if m:
        prefix = low[: m.start(1)].strip()
        level = _LEVELS.get(f"{prefix} {m.group(1)}".strip(), _LEVELS.get(m.group(1), "VP"))
        func = _REGION_WORDS.sub("", m.group(2))
        return f"{level} of {_title(func)}"
    m = re.fullmatch(r"(?:global\s+|regional\s+|group\s+)?head\s+of\s+(.+)", low)
    if m:
        return f"Head of {_title(_REGION_WORDS.sub('', m.group(1)))}"
    m = re.fullmatch(r"director\s+of\s+(.+)", low)
    if m:
        return f"Director of {_title(_REGION_WORDS.sub('', m.group(1)))}"
    return _title(low)
