"""Executive titles: one compiled pattern to find them, one function to name them.

News writes a role a dozen ways ("CMO", "chief marketing officer", "marketing
chief", "VP, Marketing", "Vice President of Global Marketing"); the rep's
`target_roles` and the ranking compare full titles, so every spelling becomes
one canonical title: "Chief Marketing Officer", "VP of Marketing",
"SVP of Sales", "Head of Sales".
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "ceo": "Chief Executive Officer",
    "cfo": "Chief Financial Officer",
    "coo": "Chief Operating Officer",
    "cto": "Chief Technology Officer",
    "cmo": "Chief Marketing Officer",
    "cro": "Chief Revenue Officer",
    "cpo": "Chief Product Officer",
    "cio": "Chief Information Officer",
    "ciso": "Chief Information Security Officer",
    "chro": "Chief Human Resources Officer",
    "cco": "Chief Commercial Officer",
    "cdo": "Chief Digital Officer",
    "cgo": "Chief Growth Officer",
    "cso": "Chief Strategy Officer",
    "clo": "Chief Legal Officer",
    "cbo": "Chief Business Officer",
    "cxo": "Chief Experience Officer",
    "cao": "Chief Administrative Officer",
}
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
_ABBR = r"(?-i:C(?:EO|FO|OO|TO|MO|RO|PO|IO|ISO|HRO|CO|DO|GO|SO|LO|BO|XO|AO))"

ROLE_PATTERN = (
    r"(?P<role>"
    r"(?:president\s+(?:and|&)\s+(?:(?-i:CEO)|chief\s+executive(?:\s+officer)?))"
    r"|(?:(?:(?-i:CEO)|chief\s+executive(?:\s+officer)?)\s+(?:and|&)\s+president)"
    r"|(?:co-)?" + _ABBR + r"\b"
    r"|(?:co-)?chief\s+of\s+staff"
    r"|(?:co-)?chief\s+" + _CHIEF_WORDS + r"officer"
    r"|chief\s+executive"
    r"|(?:(?:senior|executive|group|global|regional|area|corporate)\s+)?"
    r"(?:vice[\s-]president|(?-i:S?VP|EVP|AVP))\s*(?:,\s*|\s+of\s+|\s+for\s+|\s+-\s+|\s+)"
    + _REGION
    + _FUNC_PHRASE
    + r"\b"
    r"|(?:global\s+|regional\s+|group\s+)?head\s+of\s+" + _REGION + _FUNC_PHRASE + r"\b"
    r"|director\s+of\s+" + _REGION + _FUNC_PHRASE + r"\b"
    r"|managing\s+director"
    r"|general\s+(?:manager|counsel)"
    r"|(?:marketing|revenue|finance|financial|technology|tech|product|operations|people|"
    r"digital|data|growth|commercial|sales|security|information|customer|strategy)\s+"
    r"(?:chief|boss|head)\b"
    r"|president\b"
    r")"
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
    out = []
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


def normalize_role(text: str) -> str:
    """The canonical full title for one way of writing a role."""
    raw = " ".join(text.split()).strip(" ,")
    low = raw.lower()
    if low.startswith("co-"):
        low = low[3:]
    if low in ABBREVIATIONS:
        return ABBREVIATIONS[low]
    if "president" in low and ("ceo" in low or "chief executive" in low):
        return "Chief Executive Officer"
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
