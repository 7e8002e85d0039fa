"""Executive hires: "Acme appoints Jane Doe as CMO", "Jane Doe joins Acme as CRO".

Anchored, like funding, on a verb found by one compiled alternation. Two
shapes of sentence cover the wire and news styles:

- company first ("Acme Names Marcus Lee Chief Revenue Officer", "Acme announces
  the appointment of ..."): the company is read backwards from the verb, the
  person and role forwards;
- person first ("Former Copperleaf exec Sam Okafor joins Quarry AI as CRO",
  "Jane Doe named CEO of Acme"): the person is read backwards, the hiring
  company forwards -- so a former employer named before the person is never
  taken for the company that hired them.

Not hires: departures, board seats, interviews and opinion pieces, surveys and
councils, a contract manufacturing organisation called a CMO, and executives
selling stock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prospect.detect.roles import (
    FUNC_PHRASE,
    QUALIFIER_RE,
    REGION_Q,
    ROLE_RE,
    find_roles,
    normalize_role,
    search_role,
)
from prospect.detect.text import (
    GOVERNMENT,
    HEAD_NOUNS,
    PLACES,
    POLITICS_WORDS,
    Folded,
    WordGated,
    at_end,
    blank_defined_terms,
    clause_end,
    clause_start,
    company_after,
    company_before,
    company_opening,
    compile_folded,
    cut_end,
    find_verbs,
    fold,
    name_word,
    past_legal,
    person_at_end,
    person_at_start,
)
from prospect.normalize import normalize_company

_COMPANY_FIRST = (
    # "announced the appointment of", the wires' "is pleased to announce the appointment of"
    r"(?:announces|announced|confirms|confirmed|approves|approved|(?:is\s+)?(?:pleased|"
    r"delighted|excited|proud|happy|thrilled)\s+to\s+(?:announce|confirm))\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?"
    r"(?:appointment|hiring|hire|addition|promotion|arrival|selection)\s+of"
    # "Bolsters Strategic Security Capabilities with the Appointment of": what it bolsters
    r"|(?:expands|strengthens|bolsters|boosts|enhances)\s+(?:[\w-]+\s+){1,4}?with\s+(?:the\s+)?"
    r"(?:appointment|hire|hiring|addition)\s+of"
    r"|(?:expands|strengthens|bolsters|boosts|builds\s+out|grows|adds\s+to)\s+(?:its\s+)?"
    r"(?:(?:(?:executive|leadership|senior|management|c-suite|go-to-market|sales|marketing)\s+)+"
    r"(?:(?:team|bench|ranks)\s+)?|(?:team|bench|ranks)\s+)with(?:\s+(?:the\s+)?(?:appointment|hire|hiring|addition)\s+of)?"
    r"|appoints|appointed|names|named|hires|hired|taps|tapped|welcomes|welcomed|adds|added|"
    r"tap|hire|name|appoint|"
    r"promotes|promoted|elevates|elevated|poaches|poached|recruits|recruited|selects|selected|"
    r"picks|picked|brings\s+on(?:\s+board)?|brings\s+in|ropes\s+in|roped\s+in|"
    r"brought\s+on(?:\s+board)?|brought\s+in|"
    r"onboards|onboarded|lures|snags|nabs|"
    # "Tune Therapeutics gets CEO", "Acme gets new CFO in Jane Doe": only a title that ends the
    # clause or is followed by its holder ("gets CEO nod", "gets president's approval": no)
    r"gets(?=\s+(?:a\s+)?(?:new\s+|first\s+|permanent\s+)?(?:(?:chief\s+[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:officer|scientist)|ceo|cfo|cto|coo|cmo|cro|cio|president)(?:\s*(?:$|[,;:–—])|\s+(?:in|as|from)\s)|"
    r"head\s+of\b)|\Z)|"
    r"elects|elected|inducts|inducted|installs|installed|chooses|chose|designates|designated|"
    r"announces|announced"
)
_PERSON_FIRST = (
    r"(?:has\s+|have\s+|will\s+|to\s+)?(?:re)?(?:joins|joined|join)|returns\s+to|"
    r"(?:is|are|will\s+be)\s+(?:re)?joining|(?:is\s+)?returning\s+to|"
    r"(?:is|are)\s+back\s+as|(?:is|are)\s+now|"
    # "Tom Conrad ... is stepping in as interim CEO", "Stephanie Roberts will serve as interim CEO"
    r"(?:is|are)\s+stepping\s+(?:in|up)\s+as|will\s+serve\s+as|"
    r"(?:is\s+|has\s+been\s+|was\s+|to\s+be\s+)?(?:named|appointed|tapped|hired|selected|chosen|"
    r"picked|promoted|elevated|elected)|takes\s+(?:the\s+)?helm\s+at|takes\s+over\s+at|moves\s+to|"
    r"takes\s+(?:the\s+)?helm\s+as|returns\s+as|new|"
    r"heads\s+to|lands\s+at|departs\s+for|takes?\s+over\s+as|"
    r"takes?\s+charge\s+(?:as|of)|"
    r"(?:will|to)\s+(?:head|helm)|steps\s+(?:in|up|into)(?:\s+as)?|"
    r"(?:will\s+|to\s+)?(?:succeeds|succeed|succeeded|replaces|replace)|"
    r"(?:will\s+|to\s+)?(?:become|becomes)|(?:will|to)\s+lead|"
    r"(?:will\s+|to\s+)?(?:assumes|assume|assumed)\s+(?:the\s+)?(?:role|position|post|title)\s+of"
)
_VERB = re.compile(r"\b(?P<verb>" + _COMPANY_FIRST + r"|" + _PERSON_FIRST + r")\b", re.IGNORECASE)
# Every word a verb above starts with: a text containing none of them is skipped.
ANCHOR_WORDS = frozenset(
    {
        "announces", "announced", "confirms", "confirmed", "expands", "strengthens", "bolsters",
        "boosts", "builds", "grows", "adds", "appoints", "appointed", "names", "named", "hires",
        "hired", "taps", "tapped", "welcomes", "welcomed", "added", "promotes", "promoted",
        "elevates", "elevated", "poaches", "poached", "recruits", "recruited", "selects",
        "selected", "picks", "picked", "brings", "ropes", "roped", "brought", "lures", "snags",
        "nabs", "joins", "gets", "joining", "rejoining", "returning", "back", "now", "departs",
        "stepping", "serve", "tap", "hire", "name", "appoint",
        "joined", "join", "rejoins", "rejoined", "returns", "chosen", "takes", "moves", "heads",
        "lands", "become", "becomes", "onboards", "onboarded", "lead", "steps", "succeeds",
        "succeed", "succeeded", "elects", "elected", "new", "take", "head", "helm", "assume",
        "assumes",
        "assumed", "inducts", "inducted", "installs", "installed", "chooses", "chose",
        "designates", "designated", "replace", "replaces", "pleased", "delighted", "excited",
        "proud", "happy", "thrilled", "approves", "approved",
    }
)  # fmt: skip
_AMBIGUOUS = {"named", "appointed", "hired", "tapped", "selected", "picked", "promoted",
              "elevated", "elected"}  # fmt: skip
# Verbs that take "X to lead Y": "taps Jane Doe to lead sales".
_LEADS_TO = {"appoints", "names", "hires", "taps", "promotes", "picks", "recruits", "brings",
             "in", "on", "poaches", "elevates", "selects", "tapped", "hired", "appointed",
             "named", "promoted"}  # fmt: skip
# A headline of several items set off by semicolons ("Tech Moves: Typeface hires first CMO;
# Microsoft adds CVP; ..."): each item is a clause of its own, its title the item's end.
_SEGMENTED = re.compile(r";\s")
_WEAK = {"announces", "announced", "adds", "added", "welcomes", "welcomed", "selects",
         "selected", "picks", "picked", "lures", "snags", "nabs"}  # fmt: skip
_FILLERS = {
    "as", "to", "the", "its", "their", "his", "her", "a", "an", "new", "first", "first-ever",
    "next", "incoming", "interim", "acting", "permanent", "founding", "inaugural", "role",
    "position", "post", "of", "in", "into", "for", "be", "serve", "become", "company's",
    "newly", "created", "newly-created", "global", "sole", "co", "at", "in-house", "woman",
    "female",
}  # fmt: skip
# Not news of a hire, wherever it is said: surveys, awards, insiders selling stock.
_NOT_A_HIRE_ANYWHERE = (
    r"\b(?:survey|council|club|summit|awards?|of\s+the\s+year|most\s+influential|top\s+\d+|"
    r"roundtable|forum|study|poll|index|report\s+finds|cmos|ctos|ceos|cfos|cros|ranking|"
    r"insider\s+(?:trading|selling|buying|sales?)|business\s+insider|"
    # sports: "named head coach", "Player Development Coach Joins the Magic"
    r"(?:head|assistant|associate|development|defensive|offensive|interim)\s+coach(?:es)?|"
    r"(?:offensive|defensive)\s+coordinator|coaching\s+staff|"
    r"(?:fires|fired|sacks|sacked|ousts|ousted|hires|hired)\s+coach)\b"
    r"|\b(?:sells?|sold|selling|buys?|bought|buying|purchases?|purchased|dumps?|unloads?|"
    r"offloads?)\b.{0,40}?\b(?:shares|stock|stake)\b"
)
# A headline that is an interview, a quote or a how-to; a summary says "said" of any news.
_NOT_A_HIRE = re.compile(
    r"^(?:interview|q&a|opinion|op-ed|podcast|webinar|video|watch|listen|column|commentary|"
    r"in\s+conversation|fireside|how|why|what|when|should|lessons|tips|ask|\d+\s)\b"
    r"|\b(?:says|said|talks|explains|shares\s+(?:how|why|tips|lessons))\b|" + _NOT_A_HIRE_ANYWHERE,
    re.IGNORECASE,
)
_VERB_FOLDED = compile_folded(_VERB.pattern)
_COMPANY_FIRST_RE = re.compile(_COMPANY_FIRST, re.IGNORECASE)
_PERSON_FIRST_RE = re.compile(_PERSON_FIRST, re.IGNORECASE)
# Every match of the vetoes holds one of these words: most texts hold none.
_ANYWHERE_WORDS = frozenset(
    {
        "survey", "council", "club", "summit", "award", "awards", "year", "influential", "top",
        "roundtable", "forum", "study", "poll", "index", "finds", "cmos", "ctos", "ceos", "cfos",
        "cros", "ranking", "insider", "shares", "stock", "stake", "coach", "coaches",
        "coordinator", "coaching",
    }
)  # fmt: skip
_HEADLINE_WORDS = frozenset(
    {
        "interview", "q", "opinion", "op", "podcast", "webinar", "video", "watch", "listen",
        "column", "commentary", "conversation", "fireside", "how", "why", "what", "when",
        "should", "lessons", "tips", "ask", "says", "said", "talks", "explains", "shares"
    }
)  # fmt: skip
_NOT_A_HIRE_FOLDED = WordGated(
    compile_folded(_NOT_A_HIRE.pattern), _ANYWHERE_WORDS | _HEADLINE_WORDS, digit=True
)
_NOT_A_HIRE_LEAD_FOLDED = WordGated(compile_folded(_NOT_A_HIRE_ANYWHERE), _ANYWHERE_WORDS)
_BOARD = re.compile(
    r"\b(?:board|non-executive|independent\s+director|advisory|advis[eo]rs?|trustees?|"
    r"(?:additional|nominee|whole[\s-]time|shareholder|government)\s+director|"
    r"chair(?:man|woman|person)?|fellow|ambassador|investor|mentor|"
    r"(?:a\s+)?director\s+of\s+the\s+(?:company|corporation|board))\b",
    re.IGNORECASE,
)
_DEPARTURE = re.compile(
    r"\b(?:steps?\s+down|stepping\s+down|resigns?|resignation|retires?|retiring|retirement|"
    r"departs?|departure|exits?|ousted|fired|sacked|let\s+go|parts\s+ways|search\s+for|"
    r"to\s+leave|leaving|farewell)\b",
    re.IGNORECASE,
)
_SPECULATION = re.compile(
    r"\b(?:likely|unlikely|tipped|expected|poised|could|may|might|reportedly|rumou?red|frontrunner|"
    r"in\s+talks|in\s+line|considered|eyed|eyes|plans?|planning|hopes?|wants?|seeks?)"
    r"\s+(?:to\s+)?(?:be\s+)?\Z",
    re.IGNORECASE,
)
_SET = re.compile(r"\s+(?:is\s+|are\s+)?(?:set|due|slated)\s*\Z", re.IGNORECASE)
_LEFT_DEPARTURE = re.compile(
    r"\s(?:leaves|left|departs|exits|quits|moves\s+(?:on\s+)?from|steps\s+down\s+(?:at|from))\s",
    re.I,
)
_PHARMA = re.compile(
    r"\b(?:contract\s+manufactur\w*|CDMO|biologics?|manufactur\w*|production|GMP|clinical|"
    r"drug|fill[- ]finish|batch(?:es)?|biotech\w*|pharma\w*|vaccines?|therapeutics|"
    r"therapy|oncology|bio)\b",
    re.IGNORECASE,
)
# A title the person has, or had, set off by a comma: "Jane Doe, its CTO, to ...", "Jane
# Doe, previously head of Asia, as CEO".
_OWNER_WORD = r"(?:its|his|her|their|the\s+company['’]s)\s+"
_APPOSITIVE = re.compile(
    r",\s*(?:(?:previously|formerly|until\s+recently|most\s+recently)\s+(?:"
    + _OWNER_WORD
    + r")?|"
    + _OWNER_WORD
    + r")\Z",
    re.IGNORECASE,
)
# "COO and longtime executive Jane Doe" before "to CEO": the title she had, then her name.
_MOVED_TO = re.compile(r"\s+and\s+(?P<who>(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+\s+[\w'’.-]+)(?=\s+to\s)")
_NEW_TITLE = re.compile(
    r"\s*,?\s+(?:to|as)\s+(?:(?:the|its|a|an|new|added|additional|newly-created)\s+)*"
    r"(?:(?:post|position|role)\s+of\s+)?",  # "... Jane Doe to the added post of CEO"
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\S\s+and\s+\Z", re.IGNORECASE)
# "Novo Nordisk cut its outlook and named a new CEO": the name acts before the hire, so it is
# the company, not a person "named a new CEO".
_ACTS_BEFORE = re.compile(r"\s+\w+\s+(?:its|their|the)\s", re.IGNORECASE)
_ITS_AFTER = re.compile(r"\s+(?:its|their)\s", re.IGNORECASE)
_IN_ROLE = re.compile(r"\s+(?:role|position|post|capacity)\b", re.IGNORECASE)
_IN_A_ROLE = re.compile(r"in(?:\s+(?:a|an|the|new|newly\s+created))*", re.IGNORECASE)
# "Acme's board names", "Acme board appoints": the company whose board it is.
_BOARD_OWNER = re.compile(r"(?P<owns>['’]s)?\s+board(?:\s+of\s+directors)?\s+\Z", re.IGNORECASE)
# "... vice chairman and ...": what follows the chair is another title, or another hire.
_AND_AFTER_BOARD = re.compile(r"\s+and(?:\s+|\Z)")
_VICE_END = re.compile(r"[\s-]*(?:vice|deputy|co)[\s-]*\Z", re.IGNORECASE)
_LINK_ONLY = re.compile(r"\s*(?:(?:as|to|be|the|new|a|an)\s+)*", re.IGNORECASE)
# The wire's "Acme Corp said it has named Jane Doe CFO", "... said its board elected ...":
# the company is the one that said it.
# A headline drops the "it": "Verily Says Appointed Deepak Ahuja As CFO".
_SAID_IT = re.compile(
    r"(?:\s+today)?\s+(?:said|says|announced|announces)"
    r"(?:\s+(?:on\s+\w+day|today|yesterday|late\s+\w+day))?"  # "said on Tuesday it had named"
    r"(?:\s+(?:that\s+)?(?:it|its\s+board(?:\s+of\s+directors)?))?"
    r"(?:\s+(?:has|had|have|will|would))?\s+\Z"
    # "Jefferies Is Said to Tap JPMorgan's Melly as ...": a report of the company's hire
    r"|\s+(?:(?:is|are)\s+(?:said|set)\s+)?to\s+\Z",
    re.IGNORECASE,
)
_BOARD_END = re.compile(r"\bboard(?:\s+of\s+directors)?\s+\Z", re.IGNORECASE)
# "appoints Nandita Sinha as Instamart CEO": a unit's name between "as" and the title.
_AS_UNIT = re.compile(
    r"\s+as\s+((?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*)?)\s+\Z"
    # "names Ajith Babu Narasimha new healthcare CEO": a unit after "new"
    r"|\s+(?:as\s+)?(?:its\s+|the\s+)?new\s+([\w&'’.-]+(?:\s+[\w&'’.-]+)?)\s+\Z",
    re.IGNORECASE,
)
_BARE_BOARD = re.compile(r"(?:the\s+)?board(?:\s+of\s+directors)?", re.IGNORECASE)
_BOARD_OF = re.compile(r"\s+(?:board(?:\s+of\s+directors)?|directors)\Z", re.IGNORECASE)
_AFTER_ROLE_COMPANY = re.compile(
    r"\s*(?:(?:role|position|post|job|seat)\s+)?(?:of|at|for|with)\s+", re.IGNORECASE
)  # "steps into CEO role at Acme"
# The unit a parent names the executive of: "president of its Megatek Corp unit", "of its
# Mountain Bell subsidiary": the unit is the company that hired.
_OF_UNIT = re.compile(
    r"\s+(?:of|at)\s+(?:its|the\s+company['’]s)\s+"
    r"((?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3}?)"
    r"(?:\s+(?:Corp|Inc|Co|Ltd|LLC|Plc)\b\.?)?\s+(?:unit|subsidiary|affiliate)\b",
    re.IGNORECASE,
)
# The company the text is about, referred to before a title: "the company's", "its", "the
# supercomputer maker's".
_OWN_REFERENCE = re.compile(
    r"\s*(?:its|their|the\s+(?:[\w-]+\s+){0,2}?(?:company|firm|maker|startup|group|bank|"
    r"business|retailer|lender|insurer|developer|provider)['’]s)\s*"
    r"(?:(?:new|next|incoming|interim|permanent)\s+)?",  # "has been named the company’s new CEO"
    re.IGNORECASE,
)
# The predecessor named after "succeeds": "to succeed John Roe as ...".
_SUCCEEDED = re.compile(r"\s+(?:[\w.'’-]+\s+){1,4}?(?=as\s)", re.IGNORECASE)


@dataclass(slots=True)
class HireHit:
    company: tuple[int, int] | None
    person: str | None
    role: str | None  # None: "Acme to be led by Jane Doe" names no title
    evidence: tuple[int, int]
    confidence: float
    previous: str | None = None  # "hires Jane Doe from Beta as CRO": read with the hire


# A board seat that comes with the executive title: "as CEO and a member of the board".
_WITH_BOARD_SEAT = re.compile(
    r"\s*(?:,?\s*(?:and|&)|,)\s+(?:as\s+)?(?:a\s+)?(?:(?:appointment|election)\s+to\s+(?:the\s+|its\s+)?"
    r"board(?:\s+of\s+directors)?|member\s+of\s+(?:the|its|their)\s+board"
    r"(?:\s+of\s+directors)?|(?:a\s+)?(?:whole[\s-]time\s+)?director|board\s+member"
    # "as CEO and Chairman (of the Board)": the chair comes with the executive title
    r"|(?:its\s+)?(?:vice[\s-])?chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?)\b",
    re.IGNORECASE,
)


_OF_NAME = re.compile(r"\s+(?:of|at)\s+(?=(?-i:[A-Z]))")
_FUNC_START = re.compile(r"(?:" + FUNC_PHRASE + r"|" + REGION_Q + r")\b", re.IGNORECASE)


def _own_title(rm: re.Match[str]) -> re.Match[str]:
    """A title written in lowercase, then a capitalised name after "of": "senior VP of
    Endemol India" is the title "senior VP" at Endemol India. In title case ("Vice
    President of Global Marketing") the words after "of" stay the title's."""
    raw = rm.group()
    if not raw[:1].islower() or (m := _OF_NAME.search(raw)) is None:
        return rm
    if _FUNC_START.match(raw, m.end()):
        return rm  # "head of Sales", "president of APAC"
    short = ROLE_RE.match(rm.string, rm.start(), rm.start() + m.start())
    return short if short is not None and short.end() == rm.start() + m.start() else rm


def _past_board_seat(post: str) -> str:
    m = _WITH_BOARD_SEAT.match(post)
    return post[m.end() :] if m else post


def _strip_fillers(segment: str) -> tuple[str, bool]:
    """`segment` without trailing filler words; and whether an "as"/"to" was among them."""
    words = segment.split()
    linked = False
    while words and words[-1].lower().strip(",").replace("’", "'") in _FILLERS:
        if words[-1].lower() in ("as", "to", "be"):
            linked = True
        words.pop()
    return " ".join(words), linked


# Between the person and the new title, after the name: "from Beta" (the former employer),
# "to its leadership team", "to succeed John Roe" -- none of them part of the name.
_PERSON_TAIL = re.compile(
    r"['’]s\s+(?:appointment|promotion|hiring|hire|selection|election|return)\b"
    r"|\s+(?:(?P<from>from)\s+(?:rival\s+)?(?=\S)"
    r"|to\s+(?:(?:its|the|their|his|her)\s+)?(?:[\w-]+\s+){0,3}?(?:team|ranks|bench|lineup)\b"
    r"|(?:to\s+)?(?:succeed|succeeds|succeeding|replace|replaces|replacing)\s)",
    re.IGNORECASE,
)


_POSSESSIVES = ("'s", "’s", "s'", "s’")


def _owner_of(owned: str) -> str | None:
    """The company a person is written as belonging to: "HP India's" -> "HP India",
    "Barclays'" -> "Barclays"."""
    span = company_before(owned, 0, len(owned))
    if span is None:
        return None
    return owned[span[0] : span[1]].rstrip("'’")


# "names Gianfranco Lanci of Italy as president", "appoints Jane Doe of Acme as CTO": a
# place or an employer after the whole name.
_OF_AFTER_NAME = re.compile(r"\s+of\s+(?=[A-Z])")


def _peel_of(pre: str) -> tuple[str, str | None]:
    of = _OF_AFTER_NAME.search(pre)
    if of is None or "'" in pre or "’" in pre:
        return pre, None  # "Bank of America's Jane Doe": the "of" is in the employer's name
    head = pre[: of.start()]
    if person_at_end(head) != head:
        return pre, None
    span = company_after(pre, of.end(), 60)
    if span is None or span[1] != len(pre):
        return pre, None
    where = pre[span[0] : span[1]]
    return head, None if normalize_company(where) in PLACES else where


def _peel_person(pre: str) -> tuple[str, str | None]:
    """`pre` up to where the person's name ends, and the former employer a "from Y" or an
    "of Y" names."""
    m = _PERSON_TAIL.search(pre)
    if m is None:
        return _peel_of(pre)
    previous = None
    if m.group("from"):
        span = company_after(pre, m.end(), 60)
        previous = pre[span[0] : span[1]] if span else None
    return pre[: m.start()], previous


def _role_name(match: re.Match[str], text: str) -> str | None:
    raw = match.group("role")
    role = normalize_role(raw)
    if raw == "CMO" and _PHARMA.search(text):
        return None  # a contract manufacturer, or a Chief Medical Officer: not a sale
    return role


_FORMER_BEFORE = re.compile(r"\b(?:former|ex)[\s-]+\Z", re.IGNORECASE)


def _former(pre: str, person: str) -> bool:
    """Whether `pre` ends with "former <person>" or "ex-<person>"."""
    cut = len(pre) - len(person)
    return pre[cut:].lower() == person.lower() and _FORMER_BEFORE.search(pre, 0, cut) is not None


_OFFICIAL = re.compile(r"\b(?:official|exclusive|preferred|strategic|channel)\b", re.IGNORECASE)


def _partner_of_no_one(role: str | None, person: str | None, pre: str = "") -> bool:
    """A partner title with no person's full name: "names Deloitte as partner" is a firm;
    "named Official Audio Partner of the Golden Knights" is a sponsorship."""
    if role is None or not role.endswith("Partner"):
        return False
    return person is None or " " not in person or _OFFICIAL.search(pre) is not None


_FOR_NEW = re.compile(r"\sfor\s+(?:(?:a|the|new|newly[\s-]created)\s+)*\Z", re.IGNORECASE)


def _for_role(before: str, right: str, rm: re.Match[str]) -> bool:
    """ "taps Aurora co-founder for new chief product officer role": "for" links the one
    hired to a title only when a word for the post follows it."""
    return _FOR_NEW.search(before) is not None and _IN_ROLE.match(right, rm.end()) is not None


def _company_first(text: str, vm: re.Match[str]) -> HireHit | None:
    end = clause_end(text, vm.end(), 200)
    right = text[vm.end() : end]
    skip_to = -1
    aside: tuple[int, int] | None = None
    for rm in map(_own_title, find_roles(right)):
        if rm.start() < skip_to or _NOT_A_POST.match(right, rm.end()):
            continue  # "Promotes 3 Executives as CEO Search Continues": no one holds it
        before = right[: rm.start()]
        if aside is not None:  # the person's present or past title set off by commas
            before = right[: aside[0]] + right[aside[1] + 1 : rm.start()]
        unit = _AS_UNIT.search(before)
        name = (unit.group(1) or unit.group(2)) if unit is not None else ""
        if (
            unit is not None
            and _FILLERS.isdisjoint(name.lower().split())
            and _BOARD.search(name) is None  # "as Non-Executive Director"
            and person_at_end(before[: unit.start()].rstrip()) is not None
        ):
            before = before[: unit.start()] + " as "  # "as Instamart CEO": a unit, not her name
        else:
            unit = None
        pre, linked = _strip_fillers(before)
        board = _BOARD.search(pre)
        comma = pre.rfind(",")
        if board is not None and comma > board.start() and not _BOARD.search(pre, comma):
            pre = pre[comma + 1 :].strip()  # "X as Chairman, Jane Doe as CEO": the next hire
            board = None
        elif board is not None and (
            (joined := _AND_AFTER_BOARD.search(pre, board.end())) is not None
            and not _BOARD.search(pre, joined.end())
        ):
            # "X its Chairman and Jane Doe its president": the next hire; "Jane Doe to the new
            # position of vice chairman and as CEO": the chair comes with the title
            after = pre[joined.end() :].strip()
            raw = right[: rm.start()]
            if after or _LINK_ONLY.fullmatch(raw[raw.lower().rfind(" and") + 4 :]):
                pre = after or _strip_fillers(_VICE_END.sub("", pre[: board.start()]))[0]
                board = None
        if len(pre.split()) > 9 or _DEPARTURE.search(pre) or board is not None:
            return None
        pre, previous = _peel_person(pre)
        told = _APPOSITIVE.search(right, 0, rm.start())
        if told is not None:
            skip_to = right.find(",", rm.end()) % (len(right) + 1)
            aside = (told.start(), skip_to)
            continue  # "has elevated Jane Doe, its CTO (CTO), to ...": the title she has
        person = person_at_end(pre) if pre else None
        if person is None and linked and _SURNAME.fullmatch(pre) and pre.lower() not in _NOT_A_NAME:
            person = pre  # "appoints Kanchinadam as Chief Compliance Officer"
        elif (
            person is None
            and not linked
            and vm.group("verb").lower() == "names"
            and _SURNAME.fullmatch(pre)
            and name_word(pre)
            and pre.lower() not in _NOT_A_NAME
            and normalize_company(pre) not in PLACES
        ):
            person, linked = pre, True  # "Keller Williams Realty Names Howard CMO"
        elif person is None and linked and (om := _OWNED_SURNAME.fullmatch(pre)) is not None:
            person = om.group(2)  # "Tap JPMorgan’s Melly as APAC Head": the summary names her
            previous = previous or om.group(1)
        if person and _former(pre, person):
            continue  # "appoints former Bajaj Electricals CEO Anuj Poddar": the old employer
        if previous is None and pre:
            # "appoints HP India's Sunil Dutt", "appoints Grameenphone CTO as India COO"
            owned = pre[: pre.rfind(person)].strip() if person else ""
            if owned.endswith(_POSSESSIVES):
                previous = _owner_of(owned)
            elif person is None:
                previous = _employer_before(pre)
            elif owned:  # "appoints Google Cloud finance chief Steffan Tomlinson as CFO"
                previous = _employer_before(owned)
        if pre and person is None and not linked and not _for_role(before, right, rm):
            continue  # "appoints former CMO Jane Doe as CRO": CMO is not the new role
        post = right[rm.end() :]
        role_end = vm.end() + rm.end()
        if not pre:
            person = person_at_start(post.lstrip(" ,"))
            if person is not None and normalize_company(person) in PLACES:
                person = None  # "names new Chief Diversity Officer, North America": where
            if person is not None:
                at = role_end + len(post) - len(post.lstrip(" ,")) + len(person)
                link = _NEW_TITLE.match(text, at, end)
                if link is not None:  # "promotes CTO Jane Doe to CEO": CEO is the new title
                    new = ROLE_RE.match(text, link.end(), end)
                    if new is None:
                        return None  # "promotes CTO Jane Doe to Cofounder"
                    rm, role_end = new, new.end()
            elif (link := _NEW_TITLE.match(text, role_end, end)) is not None and (
                new := ROLE_RE.match(text, link.end(), end)
            ) is not None:
                rm, role_end = new, new.end()  # "names CFO as interim CEO": the new title
            elif (moved := _MOVED_TO.match(post)) is not None:
                # "promotes COO and longtime executive Shailesh Jejurikar to CEO": the title
                # after "to" is the new one, the name before it the person's
                at = role_end + moved.end()
                link = _NEW_TITLE.match(text, at, end)
                new = ROLE_RE.match(text, link.end(), end) if link is not None else None
                person = person_at_end(moved.group("who")) if new is not None else None
                if new is not None and person is not None:
                    rm, role_end = new, new.end()
        role = _role_name(rm, text)
        if role is None or _BOARD.search(_past_board_seat(_next_hire_cut(post))[:30]):
            return None
        if _partner_of_no_one(role, person, pre):
            return None
        verb = vm.group("verb").lower()
        if (
            verb in _WEAK
            and person is None
            and not re.search(r"\b(?:a|an|new)\s*$", right[: rm.start()], re.IGNORECASE)
            and (post.strip() or not _SEGMENTED.search(text))  # "Tech Moves: ...; Acme adds CVP"
        ):
            return None
        start = clause_start(text, vm.start())
        if verb.startswith("approv") and not _BOARD_END.search(text, start, vm.start()):
            return None  # "SEBI approves appointment of ...": a regulator, not the employer
        span = company_before(text, start, vm.start())
        if span is not None and _BARE_BOARD.fullmatch(text, span[0], span[1]):
            span = None  # "announced that its Board of Directors has appointed": whose, said
        owner = _BOARD_OWNER.search(text, start, vm.start()) if span is None else None
        if owner is not None:  # "Acme's board names Jane Doe CEO"
            name_end = owner.end("owns") if owner.group("owns") else owner.start()
            span = company_before(text, start, name_end)
        said = _SAID_IT.search(text, start, vm.start()) if span is None else None
        if said is not None:  # "Acme Corp said it named Jane Doe president"
            span = company_before(text, start, said.start())
        subject = False  # the company is the clause's subject, doing more than the hire
        if span is None and _AND_BEFORE.search(text, start, vm.start()):
            span = company_after(text, start)  # "Clearbit raises $17M and names ...": the subject
            subject = span is not None and _ACTS_BEFORE.match(text, span[1]) is not None
            if span is not None and not subject and _ITS_AFTER.match(text, span[1]):
                # "Novo Nordisk Cut Its Outlook and Named a New CEO": a title-case verb read
                # into the name; the name is the words before it
                cut = text.rfind(" ", span[0], span[1])
                span, subject = ((span[0], cut), True) if cut > span[0] else (span, False)
        if span is None and start > 0:
            span = _opening_company(text, start)  # "Acme rejigs management; ropes in ..."
        if span is None:  # "Hims & Hers, the telehealth company, has hired ..."
            span = _described_opener(text, vm.start())
        if span is not None:
            span = _and_joined(text, start, span)  # "Cushman and Wakefield appoints"
        if span is None:
            return None
        if person is None and vm.group("verb").lower() in _AMBIGUOUS and not subject:
            name = text[span[0] : span[1]]
            if (
                person_at_end(name) == name
                or ROLE_RE.match(name)
                or _titled_person(name)
                or _DESCRIBED.search(name)  # "... and Insider Named CEO": who, not whose
            ):
                # "Transition: Jane Doe Appointed CEO", "CFO John Roe named CEO", "Acme CFO
                # Jane Doe named CEO": the person was named, read from the person's side
                return None
        if _titled_person(text[span[0] : span[1]]):
            # "Microsoft CEO Satya Nadella ..., taps veteran exec as CEO": the company is the
            # one the titled person leads
            owner = search_role(text, span[0], span[1])
            if owner is not None and owner.start() > span[0]:
                span = (span[0], owner.start() - 1)
        board = _BOARD_OF.search(" " + text[span[0] : span[1]])
        if board is not None:
            if board.start() == 0:
                return None  # "Board appoints Jane Doe as CEO": whose board is not said
            span = (span[0], span[0] + board.start() - 1)  # "AER Board appoints": AER hires
        ev_end = role_end
        unit = _OF_UNIT.match(text, role_end)
        if unit is not None:  # "names Jane Doe president of its Megatek Corp unit"
            span, ev_end = (unit.start(1), unit.end(1)), unit.end()
        confidence = 0.9 if person else 0.75
        return HireHit(span, person, role, (min(span[0], vm.start()), ev_end), confidence, previous)
    bare = _NEW_CHIEF.match(text, vm.end())
    if bare is not None and vm.group("verb").lower() in ("names", "appoints", "gets", "picks"):
        # "Ceva Logistics restructures North America operations, names new chief"
        start = clause_start(text, vm.start())
        span = company_before(text, start, vm.start())
        if span is None and start > 0 and text[start - 2 : start] == ", ":
            span = company_before(text, clause_start(text, start - 2), start - 2)
            span = _subject_of(text, span)
        return HireHit(span, None, None, (span[0], bare.end()), 0.6) if span else None
    if _APPOINTMENT_OF.search(vm.group("verb")) is not None:
        return _appointment_of_someone(text, vm, end)
    return None


_APPOINTMENT_OF = re.compile(r"(?:appointment|hiring|hire|addition)\s+of\Z", re.IGNORECASE)


def _appointment_of_someone(text: str, vm: re.Match[str], end: int) -> HireHit | None:
    """ "XCF Global Announces Appointment of Experienced Energy Industry Leader William
    Dale ...": a named person's appointment whose title the headline leaves out."""
    right = text[vm.end() : end]
    cut = _CUT_OFF.search(right)
    right = right[: cut.start()] if cut else right
    person = person_at_end(right)
    if person is None or not right.rstrip().endswith(person):
        return None
    if _BOARD.search(right) or _BOARD.search(vm.group(0)):
        return None  # "strengthens its Board of Directors with the appointment of"
    span = company_before(text, clause_start(text, vm.start()), vm.start())
    if span is None:
        return None
    lead = right[: right.rfind(person)]  # "Former Google Executive": where from, if said
    previous = previous_employer(lead, None) if lead.strip() else None
    return HireHit(span, person, None, (span[0], vm.end() + len(right)), 0.7, previous)


_CUT_OFF = re.compile(r"\s*(?:\.\.\.|…)\s*\Z")
_NEW_CHIEF = re.compile(r"\s+(?:a\s+)?new\s+(?:chief|boss|head|leader)\s*(?:\Z|[,;:.])", re.I)


def _subject_of(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The clause's subject when `span` is read from its end: the company it opens with."""
    if span is None:
        return None
    first = company_after(text, clause_start(text, span[0]), 60)
    return first if first is not None and first[0] <= span[0] else span


# The company that tells the news, before the person: "Acme today announced that Jane Doe
# has been named CFO", "Acme, a maker of X, said Jane Doe will join as CRO".
_ANNOUNCES = re.compile(
    r"(?:\s+(?:today|also|recently|has|have))*\s+(?:announced|announces|said|says|confirmed|"
    r"confirms|(?:is|are)\s+(?:pleased|proud|excited|delighted|thrilled|happy)\s+to\s+"
    r"announce)\b",
    re.IGNORECASE,
)
_JOINED_AS = re.compile(
    r"\s+(?:(?:the|our)\s+(?:company|firm|team|bank|group|organi[sz]ation)\s+)?as\s", re.I
)


# What follows the company that opens a headline whose later clause names the hire:
# "Acme Announces CEO Transition; Jane Doe Named CEO", "Acme CEO John Roe to Retire; ...".
_OPENING_NEWS = re.compile(
    r"\s+(?:announces|announced|unveils|reveals|confirms|sets|outlines|names|appoints|rejigs|"
    r"revamps|reshuffles|restructures|overhauls|reshuffle|rejig|shake-?up|overhaul|top-level|top-deck|"
    r"completes|reports|plans|(?:new\s+)?leadership|executive|management|ceo|board|"
    # results told before the hire: "Dentsu Group posts biggest-ever loss, taps new CEO"
    r"posts|cuts|warns|misses|beats|tops|swings|slashes|lifts|raises|lands|secures|closes)\b",
    re.IGNORECASE,
)


# "Acme, the leader in cloud security, today announced the appointment of ...": what the
# company is, between its name and its verb.
_DESCRIBED_BEFORE_VERB = re.compile(
    r",\s+(?:a|an|the)\s+[^,;.]{1,80},(?:\s+(?:today|also|recently|has|have|now))*\s+",
    re.IGNORECASE,
)


_PLACE_BASED = re.compile(r"[\w .'’-]{2,30},\s+[\w .'’]{2,20}-based\s+(?=\S)")


def _described_opener(text: str, verb_at: int) -> tuple[int, int] | None:
    """The company that opens the text when only a description of it stands between its
    name and the verb at `verb_at`."""
    based = _PLACE_BASED.match(text, 0, verb_at)  # "Redmond, Wash.-based Kymeta, a ..."
    at = based.end() if based else 0
    span = company_after(text, at, verb_at - at)
    if span is None or span[0] > at:
        return None
    return span if _DESCRIBED_BEFORE_VERB.fullmatch(text, span[1], verb_at) else None


def _opening_company(text: str, clause_at: int) -> tuple[int, int] | None:
    """The company that opens the text, when a later clause (from `clause_at`) tells the
    hire and the opening clause is that company's news."""
    span = company_after(text, 0, clause_at)
    if span is None or span[0] > 0:
        return None
    rm = search_role(text, span[0], span[1])
    news = _OPENING_NEWS.search(text, span[0], span[1])
    if rm is not None and rm.start() > span[0]:
        span = (span[0], rm.start() - 1)  # "Acme CEO John Roe to retire": Acme
    elif news is not None and news.start() > span[0] and text[span[1] : span[1] + 1] == ":":
        span = (span[0], news.start())  # "Practo Leadership Reshuffle: Jagnoor Singh ..."
    elif _OPENING_NEWS.match(text, span[1]) is None:
        return None
    return span if span[1] > span[0] else None


def _announcer(text: str, start: int, person_at: int) -> tuple[int, int] | None:
    """The company that announces, in text[start:person_at], or None."""
    if person_at <= start:
        return None
    m = _ANNOUNCES.search(text, start, person_at)
    span = company_before(text, start, m.start()) if m else None
    return _and_joined(text, start, span) if span else None  # "Kansas Power and Light Co said"


# "taps Jane Doe to lead sales", "hires Jane Doe to head its Europe business": the part of
# the company she is to lead, when it is a function or a unit, is her title (Head of ...).
_UNIT = (
    r"(?:sales|marketing|finance|operations|engineering|product|products|technology|research|"
    r"strategy|growth|partnerships|communications|hr|people|talent|revenue|data|design|"
    r"security|legal|compliance|risk|investments?|wealth|retail|commercial|business|unit|"
    r"division|team|teams|region|arm|practice|organi[sz]ation|group|office|function|efforts|"
    r"platform|brand|lab|labs|expansion|banking|payments|lending|insurance|cloud|infrastructure|"
    r"services|markets|trading|advisory|innovation|sustainability|policy|affairs|content|"
    r"editorial|news|analytics|ai)"
)
_TO_LEAD = re.compile(
    r"\s+to\s+(?P<co>co-?)?(?:lead|head|run|oversee|spearhead)\s+(?:(?:its|the|their|all|a|new)\s+)*"
    r"(?P<unit>(?:(?!to\s|as\s|and\s|in\s|at\s|for\s)[\w&'’-]+\s+){0,3}" + _UNIT + r")\b",
    re.IGNORECASE,
)
_TO_LEAD_ANY = re.compile(
    r"\s+to\s+(?:co-?)?(?:lead|head|run|oversee|spearhead)\s+(?!(?:the\s+|its\s+|a\s+)?(?:[\w$€£.,-]+\s+)?"
    r"(?:charge|funding|round|investment|financing|deal|ipo|offering|acquisition|bid|consortium|"
    r"panel|committee|probe|inquiry|investigation|commission|delegation|task\s+force)\b)",
    re.I,
)
# A name that is a firm's: "taps Nimbus Capital to lead ...".
_FIRM_WORDS = frozenset(
    {"capital", "partners", "ventures", "group", "bank", "fund", "labs", "holdings", "advisors"}
)
_TEAM_WORD = re.compile(r"\s+(?:team|teams|efforts|unit|function)\Z", re.IGNORECASE)
# Who is hired, when the text does not name them: "former Amazon exec", "sales veteran".
_DESCRIBED_WORDS = (
    r"\b(?:exec(?:utive)?s?|veterans?|vets?|leaders?|insiders?|official|banker|alum(?:nus|na|ni)?|"
    # "former Carbon CEO joins Stacklok", "Amazon AI VP departs for CoreWeave"
    r"(?-i:C[A-Z]{1,3}O|S?VP|EVP)|president|co-?founder|founder|boss"
)
_DESCRIBED = re.compile(_DESCRIBED_WORDS + r")\Z", re.I)
# ... and, hired to lead something, someone described by a senior post they held:
# "taps former Google DeepMind director to lead its AI research lab".
_DESCRIBED_HIRE = re.compile(_DESCRIBED_WORDS + r"|director|chief|editor)\Z", re.I)


def _to_lead(text: str, vm: re.Match[str]) -> HireHit | None:
    end = clause_end(text, vm.end(), 160)
    lm = _TO_LEAD.search(text, vm.end(), end)
    bare = _TO_LEAD_ANY.search(text, vm.end(), end) if lm is None else None
    if bare is not None:  # "taps Jane Doe to lead foundry packaging push": no title said
        pre = text[vm.end() : bare.start()].strip()
        short = len(pre.split()) <= 7 and not _BOARD.search(pre)
        person = person_at_end(pre) if short else None
        span = company_before(text, clause_start(text, vm.start()), vm.start())
        if person is None and short and _DESCRIBED_HIRE.search(pre) and span is not None:
            # "hires Dunzo's co-founder to lead quick commerce push": who is in the summary
            return HireHit(span, None, None, (span[0], bare.end()), 0.7, _employer_before(pre))
        if person is None or span is None or person.split()[-1].lower() in _FIRM_WORDS:
            return None
        return HireHit(span, person, None, (span[0], bare.end()), 0.7)
    if lm is None:
        return None
    pre = text[vm.end() : lm.start()].strip()
    if not pre or len(pre.split()) > 7 or _DEPARTURE.search(pre) or _BOARD.search(pre):
        return None
    pre, previous = _peel_person(pre)
    person = person_at_end(pre)
    if person is None and not _DESCRIBED_HIRE.search(pre):
        return None
    owned = pre[: pre.rfind(person)].strip() if person else ""
    if previous is None and owned.endswith(_POSSESSIVES):
        previous = _owner_of(owned)  # "hires Barclays' Emma Taylor to co-lead ..."
    elif previous is None and person is None:
        previous = _employer_before(pre)  # "taps BNP Paribas exec to lead sustainable finance"
    start = clause_start(text, vm.start())
    span = company_before(text, start, vm.start())
    if span is None or _BOARD.search(text, lm.end(), lm.end() + 20):
        return None
    unit = _TEAM_WORD.sub("", lm.group("unit")) or lm.group("unit")
    role = normalize_role(("Co-Head of " if lm.group("co") else "Head of ") + unit)
    return HireHit(span, person, role, (span[0], lm.end()), 0.8 if person else 0.7, previous)


_AIM_WORD = re.compile(
    r"\b(?:expansion|growth|strategy|efforts?|initiatives?|transformation|push|drive|turnaround|"
    r"development|innovation|operations)\Z",
    re.IGNORECASE,
)
# What "to head" is followed by when it names the company: "to head Acme", "to head the".
_HEAD_OBJECT = re.compile(r"\s+(?:the\s+)?(?-i:[A-Z])(?![\d])")
_OWNER_AFTER = re.compile(r"\s+((?:[\w&.-]+\s+){0,4}?[\w&.-]+?)['’]s\s")
# A join with no title stated ends with the company: "Jane Doe joins Acme".
# "Jane Doe joins Acme to lead its new robotics group": a join with the job it is for.
_JOIN_ENDS = re.compile(
    r"\s*(?:\Z|[,.;:]|\s+(?:from|in|after|as\s+(?:it|the|part)|to\s+(?:lead|run|head|oversee))\b"
    # "joins Anthropic as Google loses AI talent": a clause of its own, not a title
    r"|\s+as\s+(?-i:[A-Z])[\w&.'’-]*\s+(?-i:[a-z]+s)\b)"
)


_JOINS_DESCRIBED = re.compile(
    # "joins self-driving truck company Waabi", "join Seattle startup MotherDuck"
    r"\s+(?:(?-i:[A-Z])[\w.-]*\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}?|(?:(?-i:[a-z])[\w-]*\s+){1,4}?)(?:"
    + "|".join(sorted(HEAD_NOUNS - {"leader", "parent"}))
    + r")\s+(?=(?-i:[A-Z]))"
)


def _tidy_span_of(text: str, s: int, e: int) -> tuple[int, int] | None:
    return (s, e) if e > s else None


# Verbs whose object is the company joined or led: "joins Acme as CFO", "to head Acme".
_JOIN_LIKE = frozenset(
    {"join", "joins", "rejoins", "joined", "joining", "rejoining", "to", "lead", "head", "for"}
)
# "Jane Doe to take over as ...", "Jane Doe is set to ...": the name is before.
_TO = re.compile(r"\s+(?:is\s+)?(?:set\s+)?(?:to|will)\s*\Z", re.IGNORECASE)
# Chosen, before "to head": "Jane Doe selected to head Acme".
_CHOSEN_WORDS = (
    "selected", "chosen", "picked", "named", "nominated", "set", "appointed", "tapped", "hired",
    "promoted", "elevated", "elected", "recruited",
)  # fmt: skip
_CHOSEN = re.compile(
    r"\s+(?:is\s+|has\s+been\s+|was\s+)?(?:" + "|".join(_CHOSEN_WORDS) + r")\s*\Z",
    re.IGNORECASE,
)
# "to head Acme's US-based arm": the part she is to head.
_HEADED_UNIT = re.compile(
    r"['’]s\s+(?P<unit>(?:[\w&-]+\s+){0,3}?(?:business|arm|unit|division|operations))\b",
    re.IGNORECASE,
)
# The company's own word for its head, right after its name: "takes over as Acme chief".
_BARE_CHIEF = re.compile(r"\s+(chief|head|boss)\b(?!\s+of\b)", re.IGNORECASE)
# An executive described before the name: "Former Airtel executive director Jane Doe".
_EXEC_BEFORE = re.compile(
    r"\b(?:former|ex-|ex\s|exec(?:utive)?|director|chief|head|president|founder|co-founder|"
    r"chairman|boss|leader|alum(?:nus|na)?|(?-i:C[A-Z]{1,3}O|MD))\b",
    re.IGNORECASE,
)
# Another hire after this one: ", John Roe as CEO".
_NEXT_HIRE = re.compile(
    r",\s*(?:and\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s+"
    r"(?:as|to|(?i:becomes|named|appointed|elevated|promoted|takes))\s"
)  # "..., John Roe as chairman", "..., Shashank ND Becomes Chairman"


# One word that is a name: "appoints Kanchinadam as".
_NOT_A_NAME = frozenset(
    {"board", "company", "firm", "group", "bank", "startup", "team", "report", "insider",
     "outsider", "veteran", "exec", "executive", "founder", "successor", "outsiders"}
)  # fmt: skip
_SURNAME = re.compile(r"(?-i:[A-Z])[a-z][\w'’-]{2,}")
# "Cushman and Wakefield", "Kasturi and Sons": one company, at the opening of the clause.
_AND_OPEN = re.compile(r"((?:(?-i:[A-Z])[\w'’.-]*\s+){0,3}(?-i:[A-Z])[\w'’.-]*)\s+(?:and|&)\s+\Z")


def _and_joined(text: str, start: int, span: tuple[int, int]) -> tuple[int, int]:
    m = _AND_OPEN.search(text, start, span[0])
    if m is not None and not text[start : m.start()].strip():
        return m.start(), span[1]
    return span


_AND_TAIL = re.compile(
    r"\s+(?:and|&)\s+((?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})"
    r"(?=\s+(?:PLC|Ltd|Limited|Inc|LLC|Corp|Bank)\b)"
)


def _and_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A company whose name goes on after "and": "Islamic Finance and Investment PLC"."""
    m = _AND_TAIL.match(text, span[1])
    return (span[0], m.end(1)) if m else span


def _next_hire_cut(post: str) -> str:
    """`post` up to where another hire of the same sentence begins."""
    m = _NEXT_HIRE.search(post)
    return post[: m.start()] if m else post


def _unit_title(unit: str) -> str:
    return " ".join(w if w.isupper() or "-" in w else w.capitalize() for w in unit.split())


def _employer_before(segment: str) -> str | None:
    """The employer an executive is described by before their name: "Samsung India mobile
    chief" -> "Samsung India", "Grameenphone CTO" -> "Grameenphone", "Jabong co-founder"."""
    segment = segment.rstrip(" ,")
    if not segment or _DESCRIBED_BEFORE.search(segment):
        return None  # "former Beta exec", "Departing Beta exec": read by `previous_employer`
    words = segment.split()
    last = words[-1]
    bare = last[3:] if last.lower().startswith("ex-") else last
    if not (_EMPLOYEE.fullmatch(bare) or ROLE_RE.fullmatch(bare) or _FOUNDER.fullmatch(last)):
        return None
    cut = len(segment) - len(last)
    while len(words) > 2 and words[-2].islower() and words[-2] not in ("of", "at"):
        words.pop(-2)  # "Samsung India mobile chief": "mobile" qualifies the title
        cut = segment.rfind(words[-2]) + len(words[-2]) + 1
    span = company_before(segment, 0, cut)
    if span is None:
        return None
    name = segment[span[0] : span[1]]
    return None if re.match(r"(?i)(?:former|ex)\b", name) else name


_FOUNDER = re.compile(r"(?:ex-)?(?:(?:co-?)?founder|boss|chief|chairman|head)", re.IGNORECASE)
_CHAIR_TITLE = re.compile(r"(?:\w+\s+)?chairman\b|(?-i:CMD)\b", re.IGNORECASE)
_DESCRIBED_BEFORE = re.compile(r"\b(?:former|ex|longtime|long-time|departing|veteran)\b", re.I)
# A function, not a company: "to head R&D".
_FUNCTION_NAMES = frozenset(
    {"r&d", "hr", "it", "csr", "pr", "sales", "marketing", "finance", "engineering", "product",
     "operations", "growth", "partnerships", "communications", "legal", "strategy", "design"}
)  # fmt: skip


def _is_function(text: str, span: tuple[int, int]) -> bool:
    """Whether the words at `span` are a function of a company ("Sales"), not a company."""
    return text[span[0] : span[1]].lower() in _FUNCTION_NAMES


_OWNED_NEW = re.compile(r"(\S+)['’]s\s+\Z")


def _owned(left: str) -> bool:
    """Whether `left` may end with an owner, "BHP's ", as `_OWNED_NEW` reads it."""
    return left[-1:].isspace() and left.rstrip().endswith(("'s", "’s"))


def _new_of_owner(text: str, start: int, vm: re.Match[str], owned: re.Match[str]) -> HireHit | None:
    """ "BHP's new CEO Craig": the owner hired the person named after the title."""
    rm = ROLE_RE.match(text, vm.end() + 1)
    if rm is None:
        return None
    end = rm.end()
    person = person_at_start(text[rm.end() :]) or (
        m.group(0) if (m := _SURNAME.match(text, rm.end() + 1)) and rm.end() < len(text) else None
    )
    if person is not None and text[rm.end() : rm.end() + 1] == " ":
        end = rm.end() + 1 + len(person)
        if len(person.split()) > 3 or not _NAME_ENDS.match(text, end):
            return None  # "Volkswagen's New CEO Puts Self-Driving Car Plans Under Review"
    elif (is_m := _IS_PERSON.match(text, rm.end())) is not None:
        person = person_at_start(text[is_m.end() :])  # "Acme's new CEO is Jane Doe"
        end = is_m.end() + len(person or "")
        if person is None and (ex := _FORMER_EXEC.match(text, is_m.end())) is not None:
            person, end = ex.group("person"), ex.end()  # "... is former Oracle exec Jane Doe"
    else:
        # "Jane Doe is Acme's new CEO", "is IndusInd Bank's new CEO": the person before the
        # owner, however many words the owner's name has
        owner = company_before(text, start, start + owned.end(1) + 2)
        name_at = owner[0] if owner else start + owned.start(1)
        before = _PERSON_IS.search(text, start, name_at)
        person = person_at_end(text[start : before.start()]) if before else None
        if person is None and _NEW_OWNED_NEWS.match(text, rm.end()):
            person = ""  # "Smashburger's new CEO wants to ...": who, the summary tells
    if person is None:
        return None
    span = company_before(text, start, start + owned.end(1) + 2)
    if span is None:
        return None
    role = _role_name(rm, text)
    begin = min(span[0], start + text[start:].find(person)) if person else span[0]
    return HireHit(span, person or None, role, (begin, end), 0.7) if role else None


# "Rad Power Bikes already has a new CEO": the holder, if named, is in the summary.
_HAS_A = re.compile(r"\s+(?:already\s+|now\s+)?(?:has|have)\s+(?:a\s+)?\Z", re.IGNORECASE)
_TITLE_ENDS = re.compile(r"\s*(?:\Z|[,.:;–—]|\s+in\s+(?=(?-i:[A-Z])))")


def _has_new(text: str, start: int, vm: re.Match[str], has_at: int) -> HireHit | None:
    rm = ROLE_RE.match(text, vm.end() + 1)
    ends = _TITLE_ENDS.match(text, rm.end()) if rm is not None else None
    if rm is None or ends is None:
        return None  # "Acme has a new CEO problem"
    span = company_before(text, start, has_at)
    role = _role_name(rm, text)
    if span is None or role is None:
        return None
    person = None
    if ends.group().strip() == "in":
        person = person_at_start(text[ends.end() :])  # "has a new CFO in Jane Doe"
    return HireHit(span, person, role, (span[0], rm.end()), 0.7)


# After "Acme's new CEO" with no name: a verb of what the new executive does, as a headline
# about them reads ("Smashburger's new CEO wants to flip the script").
_NEW_OWNED_NEWS = re.compile(
    r"\s+(?:wants|plans|aims|says|is|has|takes|faces|bets|eyes|sets|vows|outlines|shares)\b"
)
# "former Oracle Cloud exec Don Johnson": a past employer's executive, named.
_FORMER_EXEC = re.compile(
    r"(?:former|ex-)\s*(?:(?-i:[A-Z])[\w&.'’-]*\s+){1,4}"
    r"(?:exec(?:utive)?|veteran|vet|alum|(?-i:C[A-Z]{1,3}O|S?VP|EVP)|president|chief|head)\s+"
    r"(?P<person>(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){1,2})(?=\s*(?:\Z|[,.:;(]))",
    re.IGNORECASE,
)
# Where a name read after a title ends: the text's end, punctuation or a lowercase word.
_NAME_ENDS = re.compile(r"\s*(?:\Z|[,.:;()\-–—]|(?-i:[a-z]))")
_IS_PERSON = re.compile(r"\s+(?:is|:)\s+|:\s+")
_PERSON_IS = re.compile(r"\s+(?:is|will\s+be|becomes|as)\s+\Z")


def _person_hit(
    text: str,
    start: int,
    left: str,
    person: str | None,
    company: tuple[int, int] | None,
    role: str | None,
    role_end: int,
    previous: str | None,
) -> HireHit | None:
    if company is None:
        return None
    ev_start = start + (left.find(person) if person and person in left else 0)
    return HireHit(company, person, role, (ev_start, role_end), 0.8 if person else 0.7, previous)


_IS_THE = re.compile(r"\s+(?:is|was|as)(?:\s+the)?\s*\Z|\s*,\s*(?:the\s+)?\Z", re.IGNORECASE)
# "Yahoo! has hired Usama Fayyad ...", "said it named Eugene Mora ...": the verb is active, so
# the name after it is the person hired, not the company a passive "Jane Doe named CEO of" reads.
_ACTIVE_BEFORE = re.compile(r"(?:^|\s)(?:has|have|had|it|they|we|which|who)\s*\Z", re.IGNORECASE)


# The last words `_TO`, `_IS_THE`, `_SET` and `_CHOSEN` strip ("is to", "as the", "set").
_CUT_WORDS = frozenset({"to", "will", "is", "was", "as", "set", "due", "slated", *_CHOSEN_WORDS})


def _no_name_before(left: str) -> bool:
    """Whether no person can be read at the end of `left`, cut as `_person_first` cuts it:
    its last word is no name (names are capitalised) and nothing the cuts strip, with no
    comma or parenthesis for person_at_end to read around ("the new leadership"). A cheap
    proof that spares the cuts and person_at_end on most texts; False when unsure."""
    if "," in left or "(" in left:
        return False
    words = left.split()
    if len(words) < 2:  # one word may be a surname alone: "Karmazin Joins Sirius"
        return False
    last = words[-1]
    if last.lower() in _CUT_WORDS or (last == "the" and words[-2].lower() in ("is", "was", "as")):
        return False
    return not last[:1].isupper()


_INSIDER = re.compile(
    r"\s(?:(?:co-?)?founder|(?-i:C[A-Z]{1,3}O)|president|chief)\Z", re.IGNORECASE
)  # a present post before the new one: "Faraday Future founder named co-CEO"
_PAST_WORD = re.compile(r"\b(?:former|ex|erstwhile|onetime|one-time)\b", re.IGNORECASE)


def _titled_person(name: str) -> bool:
    """Whether `name` ends with a person after a title: "Acme CFO Jane Doe"."""
    person = person_at_end(name)
    if person is None or person == name:
        return False
    before = name[: name.rfind(person)].rstrip()
    return any(m.end() == len(before) for m in find_roles(before))


def _promoted_at(
    text: str, start: int, left: str, employer: str, person: str
) -> tuple[int, int] | None:
    """The span of `employer` when `left` reads "<employer>('s) <title> <person>"."""
    at = left.find(employer)
    title_end = left.rfind(person)
    if at < 0 or title_end < at + len(employer) or _PAST_WORD.search(left, 0, at):
        return None  # "Former Google CFO Jane Doe named CEO": Google is the past
    between = left[at + len(employer) : title_end].strip()
    between = between[2:].strip() if between[:2] in ("'s", "’s") else between
    if not between or ROLE_RE.fullmatch(between) is None:
        return None
    return (start + at, start + at + len(employer))


def _person_first(text: str, vm: re.Match[str]) -> HireHit | None:
    verb_word = vm.group("verb").lower()
    start = clause_start(text, vm.start())
    left = text[start : vm.start()]
    if verb_word == "new" and (has := _HAS_A.search(left)) is not None:
        return _has_new(text, start, vm, start + has.start())  # "Acme already has a new CEO"
    if (
        verb_word == "new"
        and not _owned(left)
        and _no_name_before(left)
        and not _LEFT_DEPARTURE.search(left)
    ):
        return None  # "the new leadership will ...": no owner and no person before it
    if at_end(_SPECULATION, left):
        return None  # "Likely To Join Angel One As CBO": not announced
    dep = _LEFT_DEPARTURE.search(left)
    left_from = None
    if dep:
        came = company_after(left, dep.end(), 60)
        left_from = left[came[0] : came[1]] if came else None
        left = left[: dep.start()]  # "Jane Doe leaves Acme to join Beta": Acme is the past
    person = (
        None
        if _no_name_before(left)
        else person_at_end(cut_end(_CHOSEN, cut_end(_SET, cut_end(_IS_THE, cut_end(_TO, left)))))
    )
    if (
        person is None
        and _SURNAME.fullmatch(left.strip())
        and left.strip().lower() not in _NOT_A_NAME
        and not left.strip().endswith(_POSSESSIVES)  # "Amazon's new CEO": an owner
    ):
        person = left.strip()  # "Dandapani named CEO of Infy BPO", "Karmazin Joins Sirius"
    if person is None and verb_word in _AMBIGUOUS and _ACTIVE_BEFORE.search(left):
        return None
    if verb_word == "new" and person is None:
        owned = at_end(_OWNED_NEW, left) if _owned(left) else None
        hit = _new_of_owner(text, start, vm, owned) if owned else None
        return hit  # "BHP's new CEO Craig"; "Analysts expect new CEO at Acme to ..." is none
    if verb_word == "join" and person is None and not _DESCRIBED.search(left.strip()):
        return None  # "Join Jane Doe, Head of Research, live at 2 pm"; not "Google leaders join"
    described = person is None and _DESCRIBED.search(left.strip()) is not None
    end = clause_end(text, vm.end(), 200)
    right = text[vm.end() : end]
    verb = vm.group("verb").lower().split()[-1]
    verb = "head" if verb == "helm" else verb  # "Nandita Sinha to helm Instamart"
    company: tuple[int, int] | None = None
    referred = False  # the company is the one the text is about, not named in the sentence
    previous: str | None = left_from
    if previous is None and person is not None:
        previous = _employer_before(left[: left.rfind(person)])  # "Samsung mobile chief Jane"
    role: str | None = None
    if verb == "head" and (
        not _HEAD_OBJECT.match(text, vm.end()) or _COMPANY_FIRST_RE.search(cut_end(_CHOSEN, left))
    ):
        return None  # "Nifty to head towards 8200"; "hires Jane Doe to head ..." is read there
    if verb == "lead" and _WELCOMES.search(left):
        return None  # "Acme Welcomes Veteran Jane Doe to Lead Community Engagement": Acme's
    if verb in _JOIN_LIKE or (
        verb.endswith(("to", "at")) and verb != "into"  # "steps into CEO role at Acme"
    ):
        jm = _JOINED_AS.match(text, vm.end()) if verb != "head" else None
        company = None if jm else company_after(text, vm.end())  # not "as CFO": a title
        if company is None and jm is None and (dm := _JOINS_DESCRIBED.match(text, vm.end())):
            # "joins self-driving truck company Waabi": the name after its description
            company = company_after(text, dm.end(), 60)
            company = company if company is not None and company[0] == dm.end() else None
        if verb == "lead" and company is not None and _is_function(text, company):
            return None  # "taps Jane Doe to Lead Sales": read as the tapping company's hire
        if (
            verb in ("lead", "head")
            and company is not None
            and _AIM_WORD.search(text, company[0], company[1])
        ):
            return None  # "Names Simon Yu CEO to Lead Strategic Growth Expansion": an aim
        if verb == "head" and company is not None:
            owner = _OWNER_AFTER.match(text, vm.end())
            if owner is not None:  # "to head Acme's retail business": Acme
                company = _tidy_span_of(text, owner.start(1), owner.end(1))
            if company is None or _is_function(text, company):
                return None
            nxt = re.match(r"\s+([a-z][\w-]*)", text[company[1] :])
            if nxt is not None and nxt.group(1) not in ("from", "in", "as", "and", "after"):
                return None  # "to head India business of Fiat": a unit, not the company
        name_end = vm.end()
        if company is None:
            # "Acme announced that Jane Doe has joined as CFO": the announcer hired her;
            # "Jane Doe joins as head of partnerships": the company the text is about.
            if person is None or jm is None:
                return None
            company = _announcer(text, start, start + left.rfind(person))
            referred = company is None
            name_end = jm.end() - 3  # "joins the company as CFO": the title after "as"
        else:
            name_end = past_legal(text, company[1])  # "joins Acme Corp as CRO"
            fm = _FROM_AFTER_ROLE.match(text, name_end)
            came = company_after(text, fm.end(), 60) if fm else None
            if came is not None:  # "joins Acme from Beta as CRO"
                previous, name_end = text[came[0] : came[1]], past_legal(text, came[1])
            elif (place := _IN_PLACE_AS.match(text, name_end)) is not None:
                name_end = place.end()
        after = text[name_end : min(end, name_end + 70)]
        rm = search_role(after)
        if rm is None or (verb == "head" and rm.start() > 0 and after[0] not in " ,"):
            if verb == "head":  # "Jane Doe to head Acme", "to head Acme's retail business"
                unit = _HEADED_UNIT.match(text, name_end)
                role = "Head of " + _unit_title(unit.group("unit")) if unit else "Head"
                return _person_hit(text, start, left, person, company, role, name_end, previous)
            helm = person is not None and "helm" in vm.group("verb").lower()
            if (
                (person is not None or described)
                and (dep or _EXEC_BEFORE.search(left) or described or helm)
                and _JOIN_ENDS.match(text, name_end)
            ):
                if described and previous is None:
                    previous = _employer_before(left.strip())
                # "Former Airtel executive Jane Doe joins Acme", "quits Beta to join Acme"
                return _person_hit(text, start, left, person, company, None, name_end, previous)
            return None
        between, linked = _strip_fillers(after[: rm.start()].replace("'s", " ").strip(" ,"))
        if _IN_ROLE.match(after, rm.end()) and _IN_A_ROLE.fullmatch(after[: rm.start()].strip()):
            linked = True  # "joins Acme in CFO role", "rejoins Amazon in new VP role"
        if between or (not linked and after[: rm.start()].strip(" ,'s")):
            return None
        role_end = name_end + rm.end()
        post = after[rm.end() :]
    else:
        skip = 0
        if verb.startswith(("succeed", "replace")):
            whom = _SUCCEEDED.match(right)  # "Jane Doe to succeed John Roe as CEO of Acme"
            if whom is None or (verb.startswith("replace") and " " not in (person or "")):
                return None  # "Acme replaces John Roe as CEO": whom by, not said
            skip = whom.end()
        rm = search_role(right, skip)
        rm = _own_title(rm) if rm is not None else None
        if rm is None and person is not None and verb in ("as", "become", "becomes"):
            # "Jane Doe takes over as Acme chief", "to become new Acme head"
            co = company_after(text, vm.end())
            chief = _BARE_CHIEF.match(text, past_legal(text, co[1])) if co else None
            if co is not None and chief is not None:
                role = "Head" if chief.group(1).lower() == "head" else "Chief"
                return _person_hit(text, start, left, person, co, role, chief.end(), previous)
        if rm is None or _APPOSITIVE.search(right, skip, rm.start()):
            return None
        if verb == "now" and "founder" in right[: rm.start()].lower():
            return None  # "is now co-founder and CEO of Exia Labs": a founder, not a hire
        between, _ = _strip_fillers(right[skip : rm.start()])
        qm = QUALIFIER_RE.match(right, rm.start())
        if between and qm is not None and not right[: rm.start()].rstrip().endswith(("'s", "’s")):
            inner = ROLE_RE.match(right, qm.end())  # "Jane Doe appointed Orbitail Asia MD"
            chief = _BARE_CHIEF.match(right, qm.end() - 1) if inner is None else None
            if inner is not None:
                rm, between = inner, right[skip : qm.end()].strip()
            elif chief is not None and person is not None:  # "takes over as Ford India head"
                co = company_after(text, vm.end() + skip, qm.end() - skip)
                role = "Head" if chief.group(1).lower() == "head" else "Chief"
                end_at = vm.end() + chief.end()
                return _person_hit(text, start, left, person, co, role, end_at, previous)
        if between:
            # "Jane Doe named Acme CMO", "named Acme's new CMO"
            company = company_after(text, vm.end() + skip, rm.start() - skip)
        post = right[rm.end() :]
        if company is None:
            seat = len(post) - len(_past_board_seat(post))  # "named CEO and chairman of Acme"
            link = _AFTER_ROLE_COMPANY.match(post, seat)
            if link:
                company = company_after(text, vm.end() + rm.end() + link.end())
                company = _and_tail(text, company) if company else None
            elif verb == "as" and post[:1] == " ":  # "takes charge as MD Numaligarh Refinery"
                company = company_after(text, vm.end() + rm.end())
        role_end = vm.end() + rm.end()
        # "Jane Doe becomes the supercomputer maker's SVP": the company the text is about
        referred = company is None and _OWN_REFERENCE.fullmatch(right, skip, rm.start()) is not None
    if company is None and person is not None:
        company = _announcer(text, start, start + left.rfind(person))
    if company is None and person is not None and start > 0:
        company = _opening_company(text, start)
    if company is None and person is not None:
        # "Acme's Jane Doe promoted to CRO": the possessive names the company.
        owner = re.search(r"(\S+)['’]s\s+" + re.escape(person.split()[0]), left)
        if owner:
            company = company_before(text, start, start + owner.end(1) + 2)
    if company is None and person is not None and previous is not None:
        # "Acme CFO Jane Doe named CEO", "Acme's CFO Jane Doe to take over as CEO": her
        # present title's company promotes her; it is no former employer
        company = _promoted_at(text, start, left, previous, person)
        previous = None if company is not None else previous
    if company is None and person is None and described and rm is not None:
        # "Faraday Future founder named co-CEO", "Acme CFO named CEO": an insider by their
        # present post, promoted; the company is the post's
        insider = _INSIDER.search(left.rstrip())
        if insider is not None and not _PAST_WORD.search(left):
            company = company_before(text, start, start + insider.start())
    referred = referred and company is None and person is not None
    board = _BOARD.search(text, vm.end(), role_end) if company is not None or referred else None
    if (company is None and not referred) or (
        board is not None
        and not (board.start() >= role_end - len(rm.group(0)) and _CHAIR_TITLE.match(rm.group(0)))
    ):
        return None  # the role itself may name the chair: "Chairman and Managing Director"
    if _BOARD.search(_past_board_seat(_next_hire_cut(text[role_end:]))[:30]):
        return None
    if _DEPARTURE.search(right[: role_end - vm.end()]):
        return None
    role = _role_name(rm, text)
    if role is None or _partner_of_no_one(role, person, text[vm.end() : role_end]):
        return None  # "Arctic Wolf Named Official Cybersecurity Partner of BWT Alpine"
    unit = _OF_UNIT.match(text, role_end)
    if unit is not None:  # "has been named president of its Mainline Travel Inc subsidiary"
        company = (unit.start(1), unit.end(1))
    ev_start = start + (left.find(person) if person and person in left else 0)
    return HireHit(company, person, role, (ev_start, role_end), 0.9 if person else 0.75, previous)


# Where the new executive comes from: "former Y exec", "ex-Y", "Longtime Y exec", "joins
# from Y", "formerly of Y", "previously at Y", "most recently ... at Y", "poached from Y".
_PREVIOUS = re.compile(
    r"\b(?:former|ex-|ex\s|longtime|long-time|departing|veteran)\s*(?=\S)"
    r"|\b(?:joins|joined|joining|comes|coming|moves|moving|arrives|arriving|poached|lured|"
    r"hired\s+away|recruited)\s+from\s+(?:rival\s+)?"
    r"|\bformerly\s+(?:of|at|with)\s+"
    # "joins after nearly nine years at Tesla", "spent 12 years at Oracle"
    r"|\b(?:after|spent)\s+(?:nearly\s+|almost\s+|more\s+than\s+|over\s+|about\s+)?"
    r"(?:[\w-]+\s+)?years?\s+(?:at|with)\s+"
    r"|\b(?:previously|formerly|most\s+recently|prior\s+to\s+(?:joining|this(?:\s+appointment)?)|"
    r"before\s+(?:joining|taking\s+on\s+this(?:\s+\w+){0,2}(?:\s+at\s+[^,]{1,40})?))[\s,]+"
    r"(?:(?:he|she|they|was|were|served|worked|spent|held|led|ran|had)\s+)*"
    r"(?:[\w'’&.()-]+[\s,]+){0,14}?(?:at|with|of|serving)\s+",
    re.IGNORECASE,
)
# After "former Y": a word that says Y was an employer ("former Marketo exec").
_EMPLOYEE = re.compile(
    r"\s*(?:(?!(?:as|to|at|of|for|in|on|and|with)\s)[\w-]+\s+){0,2}?"
    r"(?:exec(?:utive)?s?|vet(?:eran)?s?|leaders?|heads?|chiefs?|"
    r"employees?|alum(?:nus|na|ni)?|researchers?|managers?|directors?|engineers?|officials?|"
    r"scientists?|designers?|organi[sz]ers?|"
    r"lead|president|staffer|insider|" + r"(?-i:C[A-Z]{1,3}O))\b",
    re.IGNORECASE,
)


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)  # fmt: skip
# Right after the new title: "Jane Doe joins Acme as CFO from Beta".
_FROM_AFTER_ROLE = re.compile(r"\s+from\s+(?:rival\s+)?(?=(?-i:[A-Z]))", re.IGNORECASE)
# "joins KKR Capstone in Asia as India Director", "joins Acme in London as CFO": a place
# between the company and "as" is where the job is.
_IN_PLACE_AS = re.compile(
    r"\s+in\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?(?=\s+as\s)", re.IGNORECASE
)


def employer_after_role(text: str, role_end: int, hired_by: str | None) -> str | None:
    """The former employer named right after the new title ("as CFO from Beta")."""
    m = _FROM_AFTER_ROLE.match(text, role_end)
    if m is None:
        return None
    span = company_after(text, m.end(), 60)
    if span is None:
        return None
    name = text[span[0] : span[1]]
    owner = _UNIT_OF_OWNER.match(text, m.end())
    if owner is not None and owner.end("unit") >= span[1]:
        name = owner.group("owner")  # "from Facebook's Blockchain Project": Facebook
    if name.split()[0].lower() in _MONTHS or (hired_by and name.lower() == hired_by.lower()):
        return None
    return name


# A unit written after its owner: "Facebook's Blockchain Project", "Google's AI Unit".
_UNIT_OF_OWNER = re.compile(
    r"(?P<owner>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,2})['’]s\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<unit>project|unit|division|team|arm|lab|labs|business|group|"
    r"subsidiary|venture)\b",
    re.IGNORECASE,
)
# A company-first verb before "X to Lead ...": the welcoming company's hire.
_WELCOMES = re.compile(r"\b(?:welcomes|welcomed|appoints|names|hires|taps|adds)\b", re.I)
# After a title, a word that makes it no post anyone holds: "as CEO Search Continues".
_NOT_A_POST = re.compile(r"\s+(?:search|succession|hunt|race|pay|compensation)\b", re.I)
# Between a "veteran"/"former" cue and a name: "Veteran as Next CEO" links a post.
_LINK_WORD = re.compile(r"\b(?:as|to|for)\s", re.IGNORECASE)
# "Beta veteran Jane Doe", "Beta alum Jane Doe": the employer is written before the word.
_VETERAN_OF = re.compile(r"\s(?:veteran|vet|alum|alumnus|alumna|insider)\s+(?=(?-i:[A-Z]))", re.I)


# Every match of `_VETERAN_OF` or `_PREVIOUS` holds one of these (lowercased): a text
# with none of them names no former employer, and its patterns are not tried.
_PREVIOUS_CUES = (
    "former", "ex-", "ex ", "longtime", "long-time", "departing", "vet", "from",
    "previously", "recently", "prior", "before", "alum", "insider", "year",
)  # fmt: skip


def previous_employer(text: str, hired_by: str | None, person: str | None = None) -> str | None:
    """The employer the text says the new executive (`person`, when known) comes from."""
    low = text.lower()
    if not any(cue in low for cue in _PREVIOUS_CUES):
        return None
    for m in _VETERAN_OF.finditer(text):
        span = company_before(text, clause_start(text, m.start()), m.start())
        if span is not None and text.startswith(person or " ", m.end()):
            name = text[span[0] : span[1]]
            if not hired_by or name.lower() != hired_by.lower():
                return name
    for m in _PREVIOUS.finditer(text):
        span = company_after(text, m.end(), 60)
        if span is None or not text[span[0]].isalpha():
            continue  # "previously announced his retirement in March of 2024"
        if _LINK_WORD.search(text, m.end(), span[0]):
            continue  # "Names Telecom Veteran as Next CEO": the post, not an employer
        span = _and_tail(text, span)  # "Islamic Finance and Investment PLC"
        name = text[span[0] : span[1]]
        words = name.split()
        for i, word in enumerate(words[1:], start=1):
            if _EMPLOYEE.fullmatch(word) or ROLE_RE.fullmatch(word):
                name = " ".join(words[:i])  # "Bajaj Electricals CEO Anuj Poddar"
                span = (span[0], span[0] + len(name))
                break
        glued = m.group(0).lower().startswith(("former", "ex", "longtime", "long-time",
                                               "departing", "veteran"))  # fmt: skip
        employee = _EMPLOYEE.match(text, span[1]) is not None
        if glued and not employee:
            if person_at_start(name) == name:
                continue  # "former Jane Doe": a person, not an employer
            if not text[span[1] : span[1] + 2].startswith((",", " a", " and")):
                continue
        if (hired_by and name.lower() == hired_by.lower()) or name == person:
            continue
        return name
    return None


# A successor named in a departure story: "Ericsson CEO Ekholm to step down, be replaced by
# Per Narvinger", "Macquarie's CEO to retire, replaced by bank veteran"; and "WhatsApp to be
# led by Kunal Shah". The title is the one the departing executive holds.
_SUCCESSOR = re.compile(
    r"\b(?:(?:to\s+)?be\s+|is\s+|are\s+|will\s+be\s+)?(?P<how>replaced|succeeded)\s+by\s+"
    r"|\b(?:to\s+be|will\s+be|is\s+now)\s+(?P<how2>led|headed|run)\s+by\s+",
    re.IGNORECASE,
)
_OWNER = re.compile(r"(?-i:[A-Z][\w&.-]*)(?:\s+(?-i:[A-Z][\w&.-]*)){0,3}(?=['’]s\s)")


def _successor(text: str, since: int) -> HireHit | None:
    if not POLITICS_WORDS.isdisjoint(fold(text).words):
        return None
    for sm in _SUCCESSOR.finditer(text, since):
        end = clause_end(text, sm.end(), 120)
        person = person_at_end(text[sm.end() : end])
        if sm.group("how2"):
            start = clause_start(text, sm.start())
            span = company_before(text, start, sm.start())
            if span is None or person is None or _FUNDING_WORDS.search(text, start, end):
                continue
            return HireHit(span, person, None, (span[0], end), 0.75)
        head = text[max(0, sm.start() - 200) : sm.start()]
        roles = list(find_roles(head))
        if not roles:
            continue
        rm = roles[0]
        base = sm.start() - len(head)
        lo = clause_start(text, base + rm.start())
        span = company_before(text, lo, base + rm.start())
        if span is None:
            owner = _OWNER.search(text, lo, base + rm.start())
            span = (owner.start(), owner.end()) if owner else None
        role = _role_name(rm, text)
        if span is None or role is None or _BOARD.search(rm.group(0)):
            continue
        if person is None and not _SOMEONE.search(text, sm.end(), end):
            continue  # "to be replaced by AI": nobody named or described
        return HireHit(span, person, role, (span[0], end), 0.8 if person else 0.7)
    return None


# A summary that names the successor of the executive a headline has leaving: "Namsun Kim,
# who has served as executive chairman since April, has been appointed as his successor".
_NAMED_SUCCESSOR = re.compile(
    r"(?:,\s[^,;]{0,90},)?\s+(?:has\s+been|was|is|will\s+be|had\s+been)\s+(?:named|appointed|"
    r"chosen|tapped|picked|selected)\s+(?:as\s+)?(?:his|her|their)\s+(?:successor|replacement)\b",
    re.IGNORECASE,
)


# The successor named after the words that hand over: "passing the baton to longtime exec
# Brent Turner", "handing the reins to hardware chief John Ternus", "appointed Paul Ricci to
# the role", "to have Greg Abel replace him as CEO".
_HANDS_TO = re.compile(
    r"\b(?:pass(?:es|ing)?|hand(?:s|ing)?(?:\s+over)?)\s+(?:the\s+)?(?:baton|reins)\s+to\s+"
    r"|\b(?:appointed|named|tapped|picked)\s+(?=(?-i:[A-Z])[\w'’.-]+\s+(?-i:[A-Z])[\w'’.-]+\s+"
    r"(?:to\s+(?:the|that)\s+(?:role|post|job|position)|as\s+(?:his|her|their)\s+successor))"
    r"|\bhave\s+(?=(?-i:[A-Z])[\w'’.-]+\s+(?:(?-i:[A-Z])[\w'’.-]+\s+)?replace\s+(?:him|her)\b)",
    re.IGNORECASE,
)
# ... or before the words that take over: "Tom Conrad, the co-founder of Pandora, is stepping
# in as interim CEO".
_STEPS_IN = re.compile(
    r"(?:,\s[^,;]{0,90},)?\s+(?:is\s+stepping|will\s+step|steps|stepped)\s+in\s+as\s+",
    re.IGNORECASE,
)
_HANDED_TO = re.compile(r"[\w'’.-]+(?:\s+[\w'’.-]+){0,3}")


def _successor_named(body: str) -> tuple[str, str | None] | None:
    """The successor a summary names for an executive leaving, and the title it gives them
    when it gives one ("is stepping in as interim CEO")."""
    if "successor" in body or "replacement" in body:
        for m in _NAMED_SUCCESSOR.finditer(body):
            person = person_at_start(body[: m.start()].rsplit(". ", 1)[-1])
            if person is not None:
                return person, None
    for m in _STEPS_IN.finditer(body):
        person = person_at_start(body[: m.start()].rsplit(". ", 1)[-1])
        rm = ROLE_RE.match(body, m.end())
        if person is not None and rm is not None:
            return person, _role_name(rm, body)
    for m in _HANDS_TO.finditer(body):
        run = body[m.end() : clause_end(body, m.end(), 80)]
        words = _HANDED_TO.match(run)
        cut = run[: words.end()] if words else ""
        for stop in (" replace ", " to ", " as "):
            cut = cut.split(stop, 1)[0]
        person = person_at_end(cut.rstrip(" ,."))
        if person is not None:
            return person, None
    return None


_FOUNDER_LEAVES = re.compile(r"\b(?:co-?)?founder\b(?:\s+of\s+)?", re.IGNORECASE)


def successor_in_summary(head: str, body: str) -> tuple[tuple[int, int], str, str] | None:
    """For a headline with an executive leaving ("Poshmark CEO and founder to step down"):
    the company's span in the headline, the successor the summary names and the title."""
    if _DEPARTURE.search(head) is None and not re.search(r"\breplaced\b", head, re.I):
        return None
    rm = search_role(head)
    if rm is None or _BOARD.search(rm.group(0)):
        return None
    span = company_before(head, clause_start(head, rm.start()), rm.start())
    if span is None and (fm := _FOUNDER_LEAVES.search(head, 0, rm.start())) is not None:
        # "IMDb founder steps down as CEO", "Billionaire founder of Luminar replaced as CEO"
        if fm.group().lower().endswith("of "):
            span = company_after(head, fm.end(), 60)
        else:
            span = company_before(head, clause_start(head, fm.start()), fm.start())
    role = _role_name(rm, head)
    if span is None or role is None:
        return None
    dep = _DEPARTURE.search(head, rm.end())
    named = _successor_named(body) or (_successor_named(head[dep.end() :]) if dep else None)
    if named is None:  # "Indeed CEO Chris Hyams resigns, hands over reins to Hisayuki Idekoba"
        return None
    person, title = named
    return span, person, title or role


_SOMEONE = re.compile(
    r"\b(?:veteran|vet|exec(?:utive)?|insider|outsider|leader|official|banker|founder|president|"
    r"head|chief|deputy|lieutenant|successor|(?-i:C[A-Z]{1,3}O))\b",
    re.IGNORECASE,
)
_FUNDING_WORDS = re.compile(r"\b(?:round|funding|financing|investors?|raise[sd]?)\b", re.I)


# A summary that opens with the new executive: "Scott McGregor, former head of X, will
# replace Alan Ross", "Jane Doe has been named ...".
_OPENS_WITH_HIRE = re.compile(
    r"[^.;]{0,160}?\b(?:will\s+(?:replace|succeed|join|become|take\s+over|lead|head)|"
    r"succeeds|replaces|the\s+(?:new|incoming)|(?:has\s+been|was|is|will\s+be)\s+(?:named|appointed|promoted|"
    r"hired|elected)|joins|joined|takes\s+over|becomes|assumes|"
    # the hire's career, told as the summary opens: "Stuart Levey most recently served as"
    r"most\s+recently|previously\s+(?:served|was|led|worked)|will\s+be\s+coming\s+on\s+board)\b",
    re.IGNORECASE,
)


# The summary's own word for the hire, with the name after it.
_CHOSE_NAME = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|also\s+)?(?:tapped|hired|named|appointed|chosen|selected|"
    r"picked|turned\s+to|recruited|brought\s+(?:on|in))\s+(?=(?-i:[A-Z])(?!(?:The|A|An|Its)\s))",
    re.IGNORECASE,
)
_TELLS = re.compile(r"\b(?:said|says|announced|announces|reported|reports)\b", re.IGNORECASE)


def person_in_summary(body: str, since: int, surname: str | None) -> str | None:
    """The hire's full name from the summary, for a headline that names no one or only a
    surname ("Intel Taps Otellini As Next CEO": "... named Paul Otellini ...")."""
    lead = body[since : since + 600]
    if surname:
        for m in re.finditer(r"\b" + re.escape(surname) + r"\b", lead):
            found = person_at_end(lead[max(0, m.start() - 60) : m.end()])
            if found and found != surname and found.endswith(surname):
                return found
        return None
    person = person_at_start(lead)
    opens = _OPENS_WITH_HIRE.match(lead, len(person)) if person is not None else None
    if opens is None or _TELLS.search(lead, len(person or ""), opens.end()):
        # "Braintree Savings Bank said Winthrop Sargent has been named": the teller; "The
        # e-bike company has tapped Kathi Lentzsch, who ...": the one it hired
        chose = _CHOSE_NAME.search(lead)
        return person_at_start(lead[chose.end() :]) if chose else None
    return person


def not_hire_news(head: str) -> bool:
    """Whether a headline is no hire news whatever its summary says (an interview, a
    quote, an award): its summary is not read for hires either."""
    folded = fold(head)
    return bool(_NOT_A_HIRE_FOLDED.search(folded)) or not POLITICS_WORDS.isdisjoint(folded.words)


# "Acme hires a YouTube exec as CPO, says it will raise money": the hiring company's next
# clause, not a quote.
_SAYS_IT = re.compile(r"(?<=, )says\s+it\b")
_OWNED_SURNAME = re.compile(
    r"((?-i:[A-Z])[\w&.-]*(?:\s+[\w&.-]+){0,3})['’]s\s+((?-i:[A-Z])[a-z][\w'’-]{2,})"
)
_BARE_VERBS = frozenset({"tap", "hire", "name", "appoint"})
_SAYS_NEXT = re.compile(r"(?<=, )says\b")
# "Verily says it appointed Deepak Ahuja as CFO": the company telling its own hire, not a
# quote; only the teller word and "it" stand between the company and the verb.
_SAYS_HIRED = re.compile(
    r"(?:says|said)(?:\s+that)?(?:\s+it)?(?:\s+(?:has|had|have))?\s+\Z|said\s+to\s+\Z"
)


def _excused(m: re.Match[str], folded: Folded, vm: re.Match[str]) -> bool:
    """Whether a veto's match `m` is part of the company's own report of hit `vm`."""
    verb = " ".join(vm.group("verb").lower().split())
    company_first = _COMPANY_FIRST_RE.fullmatch(verb)
    if company_first is None:
        # "Uber Freight CEO joins Waabi, says era of ... is here": the joiner's next clause
        joined = verb.endswith(("joins", "joined", "joining"))
        return (
            joined and vm.end() <= m.start() and _SAYS_NEXT.match(folded.low, m.start()) is not None
        )
    if vm.end() <= m.start():
        return _SAYS_IT.match(folded.low, m.start()) is not None
    told = _SAYS_HIRED.match(folded.low, m.start(), vm.start())
    return m.end() <= vm.start() and told is not None


def _vetoed(veto: WordGated, folded: Folded, vm: re.Match[str]) -> bool:
    return any(not _excused(m, folded, vm) for m in veto.finditer(folded))


def detect_hires(text: str, since: int = 0, summary: bool = False) -> list[HireHit]:
    """Executive hires announced in `text` (a cleaned headline or, with `summary`, a
    summary's lead, where "said" is how news is told).

    Verbs before `since` are not read; the whole text counts for the exclusions.
    """
    text = blank_defined_terms(text)
    folded = fold(text)
    veto = _NOT_A_HIRE_LEAD_FOLDED if summary else _NOT_A_HIRE_FOLDED
    checked = False
    hits: list[HireHit] = []
    for vm in find_verbs(folded, ANCHOR_WORDS, _VERB_FOLDED, since):
        if not checked:
            if _vetoed(veto, folded, vm) or not POLITICS_WORDS.isdisjoint(folded.words):
                return []
            checked = True
        verb = " ".join(vm.group("verb").lower().split())
        last = verb.split()[-1]
        if verb == "names" and _NAMES_NOUN.search(folded.low, max(0, vm.start() - 24), vm.start()):
            continue  # "shortlists 3 names for Chairman": the noun
        if verb in _BARE_VERBS and not folded.low.endswith(" to ", 0, vm.start()):
            continue  # "the new hire", "a name": the bare verb only after "is said to", "to"
        hit = None
        if _COMPANY_FIRST_RE.fullmatch(verb):
            hit = _company_first(text, vm)
            if hit is not None and last in _AMBIGUOUS and hit.person is None:
                # "Jane Doe named CEO of Acme": the person is before the verb.
                other = _person_first(text, vm)
                hit = other or hit
            elif hit is not None and last in _AMBIGUOUS and not summary:
                # A headline's past tense is passive: "Jane Doe appointed Acme India MD".
                other = _person_first(text, vm)
                if other is not None and _swapped(text, hit, other):
                    hit = other
        if hit is None and _PERSON_FIRST_RE.fullmatch(verb):
            hit = _person_first(text, vm)
        if hit is None and last in _LEADS_TO:
            hit = _to_lead(text, vm)
        if hit is not None and verb in _BARE_VERBS and hit.person is None:
            hit = None  # "Analysts expect Acme to name a new CEO": a plan, no one named
        if hit is not None and not any(_same_hit(hit, h) for h in hits):
            hits.append(hit)
            hits += [h for h in _more_after(text, hit) if not any(_same_hit(h, o) for o in hits)]
    if any(hit.person and " and " in (hit.role or "") for hit in hits):
        hits = [pair for hit in hits for pair in _respectively(text, hit)]
    if not hits or ";" in text:
        team = _team_hires(text, since, folded.words)
        hits += [h for h in team if not any(_same_company(h, o) for o in hits)]
    if not hits and "by" in folded.words and (checked or not veto.search(folded)):
        hit = _successor(text, since)
        if hit is not None:
            hits.append(hit)
    if not hits and since == 0 and "new" in folded.words and not veto.search(folded):
        hit = _as_new_chief(text)
        if hit is not None:
            hits.append(hit)
    if not hits and not folded.words.isdisjoint(("loses", "lost")):
        hit = _lost_to(text, since)
        if hit is not None and not veto.search(folded):
            hits.append(hit)
    if not hits and since == 0 and not folded.words.isdisjoint(("named", "appointed")):
        hit = _successor_clause(text)
        if hit is not None:
            hits.append(hit)
    if not hits and not folded.words.isdisjoint(
        ("replaces", "replaced", "takes", "take", "steps", "step")
    ):
        hit = _replaced_with(text, since) or _takes_over(text, since)
        if hit is not None and not veto.search(folded):
            hits.append(hit)
    if not hits and not folded.words.isdisjoint(_EXEC_OF_WORDS):
        hit = _hires_exec_of(text, since)
        if hit is not None and not veto.search(folded):
            hits.append(hit)
    if not hits and not folded.words.isdisjoint(("appointment", "appointments", "hire", "hires")):
        hit = _colon_appointment(text) if since == 0 and ":" in text else None
        hit = hit or _with_appointment(text, since)
        if hit is not None and not veto.search(folded):
            hits.append(hit)
    return hits


# "Nightingale Health strengthens its commercial operations with new EMEA appointment",
# "Viber ups marketing efforts with CMO appointment": a hire, its title said or not.
_WITH_APPOINTMENT = re.compile(
    r"\s(?:strengthens|bolsters|expands|boosts|ups|enhances|reinforces)\s+(?:[\w-]+\s+){1,4}?"
    r"with\s+(?:an?\s+|the\s+)?(?:new\s+|key\s+|senior\s+)?(?P<what>(?:[\w-]+\s+){0,3}?)"
    r"(?:appointments?|hires?)\b",
    re.IGNORECASE,
)


# "PropertyLimBrothers CEO and VP resign, interim CEO appointed", "Acme CEO steps down; CFO
# named interim CEO": a departure, then its successor's title in a clause of its own.
_CLAUSE_OPEN = re.compile(r"[,;]\s+(?:(?:an?|the)\s+)?(?:new\s+)?")
_BARE_NAMED = re.compile(r"\s+(?:appointed|named)(?:\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?)?", re.I)


def _successor_clause(text: str) -> HireHit | None:
    gone = _DEPARTURE.search(text)
    if gone is None:
        return None
    for cm in _CLAUSE_OPEN.finditer(text, gone.end()):
        rm = ROLE_RE.match(text, cm.end())
        link = _BARE_NAMED.match(text, rm.end()) if rm is not None else None
        if rm is None or link is None:
            continue
        new = ROLE_RE.match(text, link.end())
        rest = text[link.end() :].lstrip()
        if new is None and rest and rest[0] not in ",;:.–—":
            continue  # neither a new title ("CFO named interim CEO") nor the clause's end
        role_m = new or rm
        role = _role_name(role_m, text)
        span = _opening_company(text, cm.start())
        if role is None or span is None or _BOARD.search(role_m.group(0)):
            return None
        return HireHit(span, None, role, (span[0], role_m.end()), 0.6)
    return None


# "Procter & Gamble replaces CEO Moeller with COO and long-time executive Jejurikar": the
# title, the one who leaves, and after "with" the one who takes it.
_REPLACES = re.compile(r"\s(?:replaces|replaced)\s+(?:its\s+|their\s+)?(?=\S)", re.IGNORECASE)
_WITH_NEXT = re.compile(r"\s+with\s+", re.IGNORECASE)


def _replaced_with(text: str, since: int) -> HireHit | None:
    m = _REPLACES.search(text, since)
    rm = ROLE_RE.match(text, m.end()) if m is not None else None
    if m is None or rm is None:
        return None
    end = clause_end(text, rm.end(), 160)
    wm = _WITH_NEXT.search(text, rm.end(), end)
    if wm is None:
        return None
    who = text[wm.end() : end].strip()
    last = who.rpartition(" ")[2]
    person = person_at_end(who)
    if person is None and _SURNAME.fullmatch(last):
        person = last  # "... with COO and long-time executive Jejurikar"
    span = company_before(text, clause_start(text, m.start()), m.start())
    role = _role_name(rm, text)
    if person is None or span is None or role is None or _BOARD.search(rm.group(0)):
        return None
    return HireHit(span, person, role, (span[0], end), 0.7)


# "Tim Cook to step down as Apple CEO as hardware chief John Ternus takes over": after a
# departure, the one who takes over; the title and the company are the departing one's.
_TAKES_OVER = re.compile(
    r"(?:\s(?:as|and)|[;,])\s+(?P<who>[^,;]{2,70}?)\s+"
    r"(?:takes\s+over|to\s+take\s+over|will\s+take\s+over|steps\s+in|to\s+step\s+in)\b",
    re.IGNORECASE,
)


def _takes_over(text: str, since: int) -> HireHit | None:
    gone = _DEPARTURE.search(text, since)
    m = _TAKES_OVER.search(text, gone.end()) if gone is not None else None
    if gone is None or m is None:
        return None
    who = m.group("who")
    person = person_at_end(who)
    if person is None:
        return None
    person_at = m.start("who") + who.rfind(person)
    # the title left: said after the departure ("to step down as Apple CEO") or before it
    # ("Acme CEO John Roe retires"), not the successor's own description
    rm = next(find_roles(text, gone.end(), person_at), None)
    if rm is None:
        for found in find_roles(text, since, gone.start()):
            rm = found
    if rm is None or rm.start() >= person_at:
        return None
    lo = gone.end() if rm.start() > gone.end() else clause_start(text, gone.start())
    span = company_before(text, lo, rm.start())
    span = span or _opening_company(text, m.start())
    role = _role_name(rm, text)
    if span is None or role is None or _BOARD.search(rm.group(0)):
        return None
    return HireHit(span, person, role, (span[0], m.end()), 0.7)


# "Apple hires Tesla exec", "Acme poaches former Google veteran": a hire the headline
# describes by the employer the person comes from, with no title and no name.
_EXEC_OF = re.compile(
    r"\s(?:hires|taps|poaches|lures|nabs|snags|recruits)\s+(?:former\s+|ex-)?"
    r"(?P<co>(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,2})\s+"
    r"(?:exec(?:utive)?|veteran|vet|alum(?:nus|na)?|leader|boss)\b"
    r"(?=\s*(?:$|[;,:.–—])|\s+(?:to|amid|as|after|for|in)\s)",
    re.IGNORECASE,
)
_EXEC_OF_WORDS = frozenset({"exec", "executive", "veteran", "vet", "alum", "alumnus", "alumna",
                            "leader", "boss"})  # fmt: skip


def _hires_exec_of(text: str, since: int) -> HireHit | None:
    m = _EXEC_OF.search(text, since)
    if m is None or search_role(text, m.end(), clause_end(text, m.end(), 80)) is not None:
        return None  # with a title: read by the company-first reading
    if not text[m.start() + 1].islower() or GOVERNMENT.search(m.group("co")):
        return None  # "Foxconn Hires Chip Veteran": title case tells no name; "MBTA leader"
    span = company_before(text, clause_start(text, m.start()), m.start())
    if span is None:
        return None
    return HireHit(span, None, None, (span[0], m.end()), 0.6, m.group("co"))


_LEADER_HIRE = re.compile(
    r"\b(?:exec(?:utive)?s?|leadership|senior|c-suite|double|key|top)\b", re.IGNORECASE
)


def _with_appointment(text: str, since: int) -> HireHit | None:
    m = _WITH_APPOINTMENT.search(text, since)
    if m is None or _BOARD.search(m.group(0)) or "director" in m.group("what").lower():
        return None
    what = m.group("what").strip()
    if m.group(0).lower().endswith(("hire", "hires")) and not (
        _LEADER_HIRE.search(what) or ROLE_RE.fullmatch(what)
    ):
        return None  # "expands team with 50 engineering hires": not leadership
    span = company_before(text, clause_start(text, m.start()), m.start())
    if span is None:
        return None
    rm = ROLE_RE.fullmatch(m.group("what").strip()) if m.group("what").strip() else None
    role = _role_name(rm, text) if rm is not None else None
    return HireHit(span, None, role, (span[0], m.end()), 0.6)


# "Novo Nordisk shares fall further as new CEO faces US challenges": the company the headline
# opens with has a new executive, the story's subject.
_AS_NEW = re.compile(r"\s(?:as|while|with)\s+(?:its\s+|a\s+)?new\s+(?=\S)", re.IGNORECASE)
_NEW_CHIEF_ACTS = re.compile(
    r"\s+(?:faces|takes|starts|begins|sets|eyes|vows|plans|looks|gets|inherits|settles)\b",
    re.IGNORECASE,
)


# "New CEO at BP as 'renewable rockstar' era ends", "New CFO for Acme": the headline opens
# with the post and names its company.
_NEW_AT = re.compile(r"(?:an?\s+)?new\s+(?=\S)", re.IGNORECASE)
_AT_FOR = re.compile(r"\s+(?:at|for)\s+(?=(?-i:[A-Z0-9]))", re.IGNORECASE)


def _new_at(text: str) -> HireHit | None:
    m = _NEW_AT.match(text)
    rm = ROLE_RE.match(text, m.end()) if m else None
    at = _AT_FOR.match(text, rm.end()) if rm else None
    span = company_after(text, at.end(), 60) if at else None
    role = _role_name(rm, text) if rm else None
    if span is None or rm is None or role is None or _BOARD.search(rm.group(0)):
        return None
    return HireHit(span, None, role, (0, span[1]), 0.6)


def _as_new_chief(text: str) -> HireHit | None:
    if (found := _new_at(text)) is not None:
        return found
    m = _AS_NEW.search(text)
    rm = ROLE_RE.match(text, m.end()) if m else None
    if m is None or rm is None or not _NEW_CHIEF_ACTS.match(text, rm.end()):
        return None
    span = company_opening(text, m.start())
    role = _role_name(rm, text)
    if span is None or role is None or _BOARD.search(rm.group(0)):
        return None
    return HireHit(span, None, role, (0, rm.end()), 0.6)


# "Nike loses head of North America women's business to Athleta": a hire of the company the
# executive goes to, from the one that lost them.
_LOST_TO = re.compile(
    r"\s(?:loses|lost)\s+(?:(?:its|their|a|another|top|key)\s+)*(?P<who>[^,;:]{2,80}?)\s+to\s+"
    r"(?:rival\s+)?(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
_LEADER_WORD = re.compile(r"\b(?:head|chief|boss|exec(?:utive)?s?|leader|president)\b", re.I)


def _lost_to(text: str, since: int) -> HireHit | None:
    m = _LOST_TO.search(text, since)
    if m is None:
        return None
    who = m.group("who")
    if not (_LEADER_WORD.search(who) or search_role(who)) or any(c.isdigit() for c in who):
        return None  # "loses market share to Rivals", "Lost Rs 127 Crore ... To Indian Flights"
    person = person_at_end(who)
    went = company_after(text, m.end(), 60)
    lost = company_before(text, clause_start(text, m.start()), m.start())
    if went is None or lost is None:
        return None
    previous = text[lost[0] : lost[1]]
    return HireHit(went, person, None, (lost[0], went[1]), 0.6, previous)


# A wire's "Company: Appointment of Finance Director", "Acme plc: Appointment of Jane Doe as
# Chief Financial Officer" (London's RNS style): the company is the one before the colon.
_COLON_APPOINTMENT = re.compile(
    r"(?P<co>[^:;|]{2,80}?)\s*:\s+(?:the\s+)?appointments?\s+of\s+"
    r"(?:(?:a|an|the|new|permanent)\s+)*",
    re.IGNORECASE,
)
_AS = re.compile(r"\s*,?\s+as\s+(?:(?:the|its|a|an|new)\s+)*", re.IGNORECASE)


def _colon_appointment(text: str) -> HireHit | None:
    m = _COLON_APPOINTMENT.match(text)
    if m is None:
        return None
    span = company_opening(text, m.end("co"))
    if span is None:
        return None
    at, person = m.end(), None
    rm = ROLE_RE.match(text, at)
    if rm is None:  # "Appointment of Jane Doe as CFO"
        person = person_at_start(text[at:])
        link = _AS.match(text, at + len(person)) if person else None
        rm = ROLE_RE.match(text, link.end()) if link else None
    if rm is None or _BOARD.search(text, rm.start(), rm.end() + 12):
        return None  # "Appointment of Non-Executive Director"
    role = _role_name(rm, text)
    return HireHit(span, person, role, (0, rm.end()), 0.8 if person else 0.7) if role else None


# Hires announced as a group, with no title or name: "TerraPower adds execs", "SeekOut and
# Slalom name new leaders", "Avanade bolsters C-suite", "Cray promotes two execs". The
# summary, when it names them, gives who and as what.
_TEAM_HIRE = re.compile(
    r"\s(?:adds|add|names|name|hires|hire|appoints|appoint|promotes|promote|taps|tap|picks|pick|"
    r"gets|get|bolsters|strengthens|expands|revamps|reshuffles|rejigs|shakes\s+up|unveils)\s+"
    r"(?:to\s+)?(?:(?:its|a|new|another|two|three|four|five|several|senior|top|key|more|[2-9]|"
    r"executive)\s+)*"
    # "F5 adds tech exec": one word saying what kind
    r"(?:(?-i:[a-z][\w-]*)\s+)?"
    r"(?:execs|exec|executives|leaders|leader|c-suite|leadership(?:\s+team)?|executive\s+team|"
    r"management\s+team|top\s+brass)\b(?=\s*(?:$|[;,:.–—])|\s+(?:to|amid|as|after|for|ahead)\b)",
    re.IGNORECASE,
)
# "Clear Street Expands UK Leadership Team with Key Senior Hires", "AutoZone Announces
# Senior Vice President Promotions", "Acme Announces Executive Appointments"
_TEAM_NEWS = re.compile(
    r"\s(?:(?:expands|strengthens|bolsters|boosts|builds\s+out|grows)\s+(?:its\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:leadership|executive|management|senior|c-suite)(?:\s+(?:team|bench|ranks))?"
    r"\s+with\s+(?:[\w-]+\s+){0,3}?(?:hires|appointments|additions|promotions)"
    r"|(?:announces|announced|unveils|makes)\s+(?P<titles>(?:[\w-]+\s+){0,4}?)"
    r"(?:promotions|appointments|leadership\s+(?:changes|appointments|promotions)))\b",
    re.IGNORECASE,
)
_FIRST_OF_PAIR = re.compile(
    r"((?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){1,2})\s+(?:and|&)\s+\Z"
)
# Words each of `_team_hires`' shapes needs, a verb and a noun: most texts lack one, and
# skip the look.
_TEAM_VERBS = frozenset(
    {"adds", "add", "names", "name", "hires", "hire", "appoints", "appoint", "promotes",
     "promote", "taps", "tap", "picks", "pick", "gets", "get", "bolsters", "strengthens",
     "expands", "revamps", "reshuffles", "rejigs", "shakes", "unveils"}
)  # fmt: skip
_TEAM_NOUNS = frozenset(
    {"execs", "exec", "executives", "leaders", "leader", "suite", "leadership", "team", "brass"}
)
_NEWS_VERBS = frozenset(
    {"expands", "strengthens", "bolsters", "boosts", "builds", "grows", "announces",
     "announced", "unveils", "makes"}
)  # fmt: skip
_NEWS_NOUNS = frozenset({"hires", "appointments", "additions", "promotions", "changes"})
_TEAM_WORDS = frozenset(
    {"executive", "senior", "key", "new", "senior executive", "executive leadership",
     "senior leadership", "leadership", "management", "senior management", "two", "three",
     "several", "new executive", "new senior", "key executive", "key leadership"}
)  # fmt: skip
_NAME_WORDS = r"(?-i:[A-Z]|[a-z]+[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?"  # "iSpot"
_LISTED_BEFORE = re.compile(
    r"\s*" + _NAME_WORDS + r"(?:,\s+" + _NAME_WORDS + r")*(?:,?\s+(?:and|&)\s+|,\s+)"
)
_LISTED_NAME = re.compile(r"(?<![\w'’.-])" + _NAME_WORDS + r"(?=,|\s+(?:and|&)\s)")
# An item of a segmented headline that is only "Starbucks’ new COO": the hire it reports.
_NEW_IN_SEGMENT = re.compile(
    r"(?:(?<=;)|(?<=:))\s+(?P<owner>[^;:]{2,60}?)['’]s?\s+new\s+(?P<role>[^;:]{2,60}?)\s*(?=;|\Z)"
)
_TO_BOARD = re.compile(r"\s+to\s+(?:the\s+|its\s+|their\s+)?boards?\b", re.IGNORECASE)


def _team_hires(text: str, since: int, words: frozenset[str]) -> list[HireHit]:
    out: list[HireHit] = []
    team = not _TEAM_VERBS.isdisjoint(words) and not _TEAM_NOUNS.isdisjoint(words)
    for m in _TEAM_HIRE.finditer(text, since) if team else ():
        start = clause_start(text, m.start())
        span = company_before(text, start, m.start() + 1)
        if span is None:
            continue
        if _TO_BOARD.match(text, m.end()):
            continue  # "adds execs to board": seats, not jobs
        verb = m.group(0).split()[0].lower()
        if verb.endswith("s"):
            span = _and_joined(text, start, span)  # "Plug and Play picks leaders": one company
        spans = [span]
        listed = _LISTED_BEFORE.fullmatch(text, start, span[0])
        if listed is not None and verb in ("add", "name", "hire", "tap", "pick", "get"):
            # "SeekOut and Slalom name new leaders", "Rippl, Tasso, Lexion add execs"
            spans = [
                (start + n.start(), start + n.end())
                for n in _LISTED_NAME.finditer(text[start : span[0]])
            ] + [span]
        out += [HireHit(sp, None, None, (sp[0], m.end()), 0.55) for sp in spans]
    news = not _NEWS_VERBS.isdisjoint(words) and not _NEWS_NOUNS.isdisjoint(words)
    for m in _TEAM_NEWS.finditer(text, since) if news else ():
        span = company_before(text, clause_start(text, m.start()), m.start() + 1)
        if span is None:
            continue
        titles = (m.group("titles") or "").strip()
        rm = ROLE_RE.fullmatch(titles) if titles else None
        role = _role_name(rm, titles) if rm is not None else None
        if titles and rm is None and titles.lower() not in _TEAM_WORDS:
            continue  # "announces board appointments", "announces product promotions"
        out.append(HireHit(span, None, role, (span[0], m.end()), 0.55))
    if ";" in text and "new" in words:
        for m in _NEW_IN_SEGMENT.finditer(text, since):
            rm = ROLE_RE.fullmatch(text, m.start("role"), m.end("role"))
            role = _role_name(rm, text) if rm is not None else None
            span = company_before(text, m.start(), m.end("owner"))
            if role is not None and span is not None and not _BOARD.search(role):
                out.append(HireHit(span, None, role, (span[0], m.end()), 0.6))
    return out


_TWO_TITLES = re.compile(r"(.+?) and (.+)")


def _respectively(text: str, hit: HireHit) -> list[HireHit]:
    """ "elevates co-founders Satyam Nathani and Tanmay Sagar as CEO and COO": two people,
    two titles, in turn; one person's "President and CEO" stays one hire."""
    titles = _TWO_TITLES.fullmatch(hit.role or "")
    if hit.person is None or titles is None:
        return [hit]
    at = text.find(hit.person, hit.evidence[0])
    m = _FIRST_OF_PAIR.search(text, max(0, at - 60), at) if at > 0 else None
    if m is None or " " not in m.group(1):
        return [hit]
    first = HireHit(hit.company, m.group(1), titles.group(1), hit.evidence, hit.confidence)
    second = HireHit(hit.company, hit.person, titles.group(2), hit.evidence, hit.confidence)
    return [first, second]


def _same_company(a: HireHit, b: HireHit) -> bool:
    return a.company is not None and a.company == b.company


_NAMES_NOUN = re.compile(
    # "3 names", not "Network18 names": a number standing alone
    r"(?:(?<!\w)\d[\d,]*|\b(?:the|big|top|few|brand|domain|shortlists?|two|three|four|five))\s+\Z"
)


def _swapped(text: str, active: HireHit, passive: HireHit) -> bool:
    """Whether the passive reading is the active one with person and company swapped,
    the active reading's company being written like a person."""
    if active.company is None or passive.company is None or None in (passive.person, active.person):
        return False
    company = text[active.company[0] : active.company[1]]
    return (
        person_at_end(company) == company
        and passive.person == company
        and text[passive.company[0] : passive.company[1]].startswith(active.person or " ")
    )


def _same_hit(a: HireHit, b: HireHit) -> bool:
    if a.person is None and b.person is None and a.company != b.company:
        return False  # "Microsoft vet joins Tola Capital; ...; Edelman exec joins Boeing"
    return a.role == b.role and (a.person == b.person or a.person is None or b.person is None)


# "... as CMO and John Stockel as CFO", "names interim CFO, new CHRO": another hire that
# shares the company of the one just read.
_MORE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)
_MORE_LINK = re.compile(r"\s+(?:(?:as|to)\s+)?(?:(?:its|a|an|the|new|company's)\s+)*", re.I)
_MORE_FILL = re.compile(r"(?:(?:its|a|an|the|new)\s+)*", re.IGNORECASE)


def _more_after(text: str, hit: HireHit) -> list[HireHit]:
    out: list[HireHit] = []
    pos = hit.evidence[1]
    for _ in range(3):
        if _WITH_BOARD_SEAT.match(text, pos):
            break  # "as CEO and a director of Acme": the seat that comes with the title
        jm = _MORE_JOIN.match(text, pos)
        if jm is None:
            break
        rest = text[jm.end() : jm.end() + 120]
        person = person_at_start(rest)
        at = jm.end()
        if person is not None:
            lm = _MORE_LINK.match(text, at + rest.find(person) + len(person))
            if lm is None:
                break
            at = lm.end()
        else:
            at = _MORE_FILL.match(text, at).end()  # type: ignore[union-attr]  # matches empty
        rm = ROLE_RE.match(text, at)
        if rm is None:
            break
        role = _role_name(rm, text)
        if role is None:
            break
        out.append(HireHit(hit.company, person, role, (hit.evidence[0], rm.end()), hit.confidence))
        pos = rm.end()
    return out
