"""Job titles: one model for what a title says, read once and used everywhere.

`parse_title` reads a title into roles, each a level (intern ... C-level,
founder, board) and a function (the words that say what it runs: "sales",
"marketing", "engineering"). Abbreviations and re-orderings are one title
(Dir./Director, Sr./Senior, VP/Vice President, SDR/Sales Development
Representative, II/2, "Manager, Engineering" = "Engineering Manager",
"Founder & CEO" = "CEO & Founder": `same_title`), and a title that
only mentions a role is never taken for it: "Assistant to the CEO" is an
assistant, "Chief of Staff to the CEO" a chief of staff (a director-level
staff role), "Former CMO" and "ex-CEO" no role at all.

The model decides three things:
- promotions on import (`title_rank`: a higher rank in the same company);
- target-role fit in ranking (`is_target_role`: a whole role of the title has
  the target's level and function, never a substring of the title);
- the best introducer in matching (`title_rank`, then warmth).

The patterns that find roles in news text are detection's own
(`prospect.detect.roles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from prospect.normalize import normalize_text, strip_accents

# The chief-officer abbreviations, one reading each: a contact's "CMO" and a
# headline's "CMO" are one title (detection reads them from here too).
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

_TITLE_FILLER = frozenset({"of", "the", "and", "for", "at"})
# Short forms of ordinary title words. The chief-officer abbreviations (CMO,
# CSO, ...) are `ABBREVIATIONS` below, shared with the detector,
# so a contact's "CSO" and a headline's "CSO" are one title.
_TITLE_WORDS = {
    "sr": "senior",
    "jr": "junior",
    "snr": "senior",
    "exec": "executive",
    "asst": "assistant",
    "assoc": "associate",
    "mgr": "manager",
    "dir": "director",
    "mktg": "marketing",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "sdr": "sales development representative",
    "bdr": "business development representative",
    "ae": "account executive",
    "rep": "representative",
    "cofounder": "cofounder",
}
# A grade of VP written out is its own level, never plain "vp": a move from
# VP to Senior VP is a promotion, not a re-spelling.
_VP_GRADES = {"senior": "svp", "executive": "evp", "assistant": "avp", "associate": "avp"}


# Abbreviations with a second common reading besides the detector's: a title
# that changes from "CSO" to either expansion is the same title (for job
# changes only; detection keeps the one reading).
_OTHER_READINGS = {"cso": "chief sales officer"}


@lru_cache(maxsize=65536)
def normalize_title(title: str | None) -> str:
    """A job title as a comparison key: "VP, Sales & Marketing", "vp sales and
    marketing" and "Vice President of Sales and Marketing" are one title,
    "Sr. Vice President" is "SVP", and "CMO" is "Chief Marketing Officer" (the
    detector's own abbreviations), so none of these re-spellings is a job
    change. SVP, EVP and AVP stay distinct from VP (`titles.role_key` folds
    them when only the function matters)."""
    return _title_key(title, lambda w: ABBREVIATIONS[w].casefold() if w in ABBREVIATIONS else w)


def _title_key(title: str | None, expand: Callable[[str], str]) -> str:
    text = normalize_text(title).replace("vice president", "vp").replace("co founder", "cofounder")
    words: list[str] = []
    for word in text.split():
        if word in _TITLE_FILLER:
            continue
        word = _TITLE_WORDS.get(word, word)
        if word == "vp" and words and words[-1] in _VP_GRADES:
            words[-1] = _VP_GRADES[words[-1]]  # "senior vp" -> "svp"
            continue
        words.append(expand(word))
    return " ".join(words)


@lru_cache(maxsize=65536)
def title_keys(title: str | None) -> frozenset[str]:
    """Every key a title may stand for: `normalize_title`'s, plus the other
    reading of an ambiguous abbreviation ("CSO": strategy or sales)."""
    key = _bag(normalize_title(title))
    if not any(w in _OTHER_READINGS for w in normalize_text(title).split()):
        return frozenset({key})
    readings = {**{k: v.casefold() for k, v in ABBREVIATIONS.items()}, **_OTHER_READINGS}
    other = _bag(_title_key(title, lambda w: readings.get(w, w)))
    return frozenset({key, other})


def _bag(key: str) -> str:
    """A title key with its words in order: "Manager, Engineering" is
    "Engineering Manager", "Founder & CEO" is "CEO & Founder". A grade of 1
    ("Engineer I") is the title without one."""
    return " ".join(sorted(w for w in key.split() if w not in ("1", "i")))


def same_title(a: str | None, b: str | None) -> bool:
    """One title, however written: "CSO" is the same as "Chief Strategy
    Officer" and as "Chief Sales Officer" (though those two differ); word
    order, abbreviations (Dir., Sr., SDR, II) and "Co-Founder"/"Cofounder"
    never make two titles."""
    return a == b or not title_keys(a).isdisjoint(title_keys(b))


# Levels, lowest first. Founders, owners, partners and board members sit with
# the C-level: they sign off on what the rep sells.
UNKNOWN, INTERN, INDIVIDUAL, LEAD, MANAGER, DIRECTOR, HEAD, VP, C_LEVEL = range(9)
LEVEL_NAMES = {
    UNKNOWN: "unknown",
    INTERN: "intern",
    INDIVIDUAL: "individual",
    LEAD: "lead",
    MANAGER: "manager",
    DIRECTOR: "director",
    HEAD: "head",
    VP: "vp",
    C_LEVEL: "c_level",
}

# SVP, EVP and AVP of Sales all run sales: for fit, a VP is a VP.
_VP_LEVELS = frozenset({"vp", "svp", "evp", "avp"})
# Steps within one level: EVP > SVP > VP > AVP; "Senior" X above X.
_GRADES = {"evp": 2, "svp": 1, "senior": 1, "avp": -1}
# A grade below the word it modifies: "Associate Director" below "Director",
# "Junior AE" below "AE". Only before another word: "Associate" alone is a
# title of its own, not a grade of one.
_GRADES_BELOW = frozenset({"associate", "assistant", "junior", "deputy"})
# "Manager" titles of individual contributors, who carry a book of accounts,
# not a team: they get no people-manager level. Kept short and explicit.
_IC_MANAGERS = re.compile(
    r"\b(?:key account|account|customer success|client success|partner|channel partner"
    r"|alliance|territory|relationship|client|product marketing|community|social media"
    r"|office|program|project|case|property) manager\b"
)
# "Partner" is the top of a firm only on its own or as one of these; an "HR
# Business Partner" or a "Talent Acquisition Partner" is an individual role.
_SENIOR_PARTNERS = frozenset(
    {"managing", "general", "founding", "senior", "equity", "venture", "operating", "name"}
)
_C_WORDS = frozenset({"chief", "president", "founder", "cofounder", "owner", "chairman",
                      "chairwoman", "chair", "chairperson"})  # fmt: skip
_BOARD = re.compile(r"\b(?:board member|member board|board directors|non executive director"
                    r"|board director|board advisor|advisory board)\b")  # fmt: skip
_FORMER = re.compile(r"^(?:former|ex|previously|past|retired)\b")
_ASSISTANT = re.compile(
    r"\b(?:assistant to|executive assistant|personal assistant|administrative assistant"
    r"|admin assistant|ea to|pa to)\b"
)
_CHIEF_OF_STAFF = re.compile(r"\bchief staff\b")
_INTERN = re.compile(r"\b(?:intern|internship|trainee|apprentice|working student|werkstudent)\b")
# Where one role of a title ends and the next begins ("Founder & CEO",
# "VP, Sales & Marketing"); "@"/" at " start the company, which is not the title.
_SPLIT = re.compile(r"\s*(?:,|&|/|\||;|\+|\band\b|\s-\s|\s–\s|\s—\s)\s*")
_COMPANY_PART = re.compile(r"\s(?:@|at)\s.*$|@.*$")
_NOT_FUNCTION = frozenset(
    {"chief", "officer", "senior", "junior", "associate", "assistant", "deputy", "head", "vp",
     "svp", "evp", "avp", "director", "manager", "lead", "principal", "staff", "general",
     "managing", "president", "cofounder", "founder", "owner", "partner", "intern", "global",
     "group", "interim", "acting", "1", "2", "3", "4", "5", "6"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Role:
    level: int
    functions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Title:
    roles: tuple[Role, ...]
    level: int  # the highest of its roles
    step: int  # grades within the level: Senior +1, EVP +2, Associate -1
    number: int  # "Engineer II" is 2, "Engineer III" 3: a step too
    qualifier: str = ""  # former | assistant | chief_of_staff | board | ""

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


def _segment_level(words: list[str]) -> int | None:
    """The level a run of words names on its own, or None: only a function."""
    text = " ".join(words)
    if not words:
        return None
    if ("owner" in words and "product" in words) or _IC_MANAGERS.search(text):
        return INDIVIDUAL
    if any(w in _C_WORDS for w in words) and "staff" not in words:
        return C_LEVEL
    if "partner" in words:
        i = words.index("partner")
        if i == 0 or words[i - 1] in _SENIOR_PARTNERS:
            return C_LEVEL
        return INDIVIDUAL
    if any(w in _VP_LEVELS for w in words) or "managing director" in text:
        return VP
    if "general manager" in text:
        return VP
    if "head" in words:
        return HEAD
    if "director" in words:
        return DIRECTOR
    if "manager" in words:
        return INDIVIDUAL if _IC_MANAGERS.search(text) else MANAGER
    if any(w in ("lead", "principal", "staff", "supervisor", "architect") for w in words):
        return LEAD
    return None


def _functions(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _NOT_FUNCTION and not w.isdigit())


def _words(part: str) -> list[str]:
    return normalize_title(part).split()


@lru_cache(maxsize=16384)
def parse_title(title: str | None) -> Title:
    """A title as roles with a level and a function each; see the module doc."""
    raw = strip_accents(title or "").casefold().strip()
    raw = _COMPANY_PART.sub("", raw) if raw else raw
    whole = normalize_title(raw)
    words = whole.split()
    if not words:
        return Title((), UNKNOWN, 0, 0)
    if _FORMER.match(whole):
        return Title((), UNKNOWN, 0, 0, "former")
    number = next((int(w) for w in reversed(words) if w.isdigit() and len(w) == 1), 0)
    step = _step(words)
    if _ASSISTANT.search(whole):
        return Title((Role(INDIVIDUAL, frozenset({"assistant"})),), INDIVIDUAL, 0, 0, "assistant")
    if _CHIEF_OF_STAFF.search(whole):
        role = Role(DIRECTOR, frozenset({"chief of staff"}))
        return Title((role,), DIRECTOR, 0, 0, "chief_of_staff")
    if _BOARD.search(whole):
        return Title((Role(C_LEVEL, frozenset({"board"})),), C_LEVEL, 0, 0, "board")
    if _INTERN.search(whole):
        return Title((Role(INTERN, _functions(words)),), INTERN, 0, number)
    roles: list[Role] = []
    pending: set[str] = set()
    for part in _SPLIT.split(raw):
        seg = _words(part)
        level = _segment_level(seg)
        if level is None:
            if roles and not pending:
                last = roles[-1]
                roles[-1] = Role(last.level, last.functions | _functions(seg))
            else:
                pending |= _functions(seg)
            continue
        roles.append(Role(level, _functions(seg) | pending))
        pending = set()
    if not roles:  # no level word anywhere: one individual role
        roles = [Role(INDIVIDUAL, _functions(words))]
    elif pending:
        last = roles[-1]
        roles[-1] = Role(last.level, last.functions | pending)
    return Title(tuple(roles), max(r.level for r in roles), step, number)


def _step(words: list[str]) -> int:
    """The grades in a title, added up: a Senior Associate Director is level
    with a Director."""
    step = 0
    for i, word in enumerate(words):
        if word in _GRADES:
            step += _GRADES[word]
        elif word in _GRADES_BELOW and i + 1 < len(words) and words[i + 1] != "to":
            step -= 1
    return step


@lru_cache(maxsize=16384)
def role_key(title: str | None) -> str:
    """A title folded for comparison with target roles: 'SVP, Sales' and
    'VP of Sales' give 'vp sales' (`normalize_title`, with the VP grade dropped)."""
    return " ".join("vp" if w in _VP_LEVELS else w for w in normalize_title(title).split())


def is_target_role(title: str | None, target_roles: Iterable[str]) -> bool:
    """Whether one whole role of the title is a target role: the same level
    and the target's function ("Head of Sales EMEA" is Head of Sales, "Founder
    & CEO" is a CEO; "Assistant to the CEO", "Chief of Staff to the CEO" and
    "Former CMO" are none of them)."""
    parsed = parse_title(title)
    if not parsed.roles or parsed.qualifier in ("former", "assistant", "chief_of_staff"):
        return False
    for target in _targets(tuple(target_roles)):
        for role in parsed.roles:
            same_level = role.level == target.level and target.functions <= role.functions
            if same_level and (target.functions or not role.functions):
                return True
    return False


@lru_cache(maxsize=64)
def _targets(target_roles: tuple[str, ...]) -> tuple[Role, ...]:
    return tuple(r for t in target_roles for r in parse_title(t).roles[:1])


def seniority(title: str | None) -> int:
    """0 (unknown) to 8 (C-level, founder, board): who opens doors best."""
    return parse_title(title).level


def level_name(title: str | None) -> str:
    """The level in a word, as signals.yaml names it: intern ... c_level."""
    return parse_title(title).level_name


@lru_cache(maxsize=16384)
def title_rank(title: str | None) -> tuple[int, int, int]:
    """(level, step within it, number): an SVP above a VP, a Senior Manager
    above a Manager, an Associate Director below a Director, an Engineer III
    above an Engineer II. A higher rank in the same company is a promotion."""
    parsed = parse_title(title)
    return parsed.level, parsed.step, parsed.number
