"""One company resolver: which company a name stands for, used by job-change
comparison, matching, `who`, account lists and intro paths alike.

A name goes through two steps:

1. `normalize.normalize_company` (stored beside every name): case, accents,
   punctuation, legal forms in many countries (Inc., GmbH, S.A., B.V.,
   Holdings ...) and web-style names ("salesforce.com", "Gong.io").
2. `company_key` here: a placeholder employer is no company at all; a
   well-known rename or parent is the company it is now part of
   (`BUILTIN_ALIASES`, extended by the aliases in signals.yaml); a descriptor
   suffix ("Coco Robotics", "OakNorth Bank", "Mistral AI") is dropped when what
   is left is a distinctive name.

The descriptor rule is guarded against the collisions real exports have: the
name left must be a single word that is not an everyday word (`COMMON_WORDS`),
so "Apple Bank" is never Apple, "Linear Technology" never Linear, "Figure AI"
never a contact's "Figure" (Figure Technologies), and "Notion Capital" or
"Ramp Network" (no descriptor at all) never Notion or Ramp. Two descriptors
on one base ("Figure AI", "Figure Technologies") stay two companies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from prospect.normalize import normalize_company

# Well-known renames, legal names and parents: canonical name -> other names.
# A person moving between two of these has not changed jobs, and news about
# one reaches the rep's contacts at the other. signals.yaml `aliases` add to
# this table (and win where they disagree).
BUILTIN_ALIASES: dict[str, tuple[str, ...]] = {
    "Meta Platforms": ("Meta", "Facebook", "Meta Platforms Inc", "Facebook Inc"),
    "Alphabet": ("Google", "Google LLC", "Google Cloud", "Alphabet Inc"),
    "X Corp": ("Twitter", "X", "Twitter Inc"),
    "Block": ("Square", "Square Inc", "Block Inc"),
    "Amazon": ("AWS", "Amazon Web Services", "Amazon.com"),
    "Solaris": ("Solarisbank", "Solaris SE", "solarisBank AG"),
    "GWI": ("GlobalWebIndex", "Global Web Index"),
    "Rippling": ("Rippling People Center",),
    "Ramp": ("Ramp Business Corporation", "Ramp Business"),
    "Notion": ("Notion Labs",),
    "Snap": ("Snapchat", "Snap Inc"),
    "Salesforce": ("salesforce.com",),
    "Gong": ("Gong.io",),
    "IBM": ("International Business Machines",),
    "EY": ("Ernst & Young", "Ernst and Young"),
    "PwC": ("PricewaterhouseCoopers", "Price Waterhouse Coopers"),
    "JPMorgan Chase": ("JPMorgan", "J.P. Morgan", "JP Morgan", "JPMorgan Chase & Co."),
    "Bank of America": ("BofA", "Bank of America Merrill Lynch"),
    "Boston Consulting Group": ("BCG", "The Boston Consulting Group"),
    "Procter & Gamble": ("P&G", "Procter and Gamble"),
    "Tesla": ("Tesla Motors",),
    "Accenture": ("Accenture Federal Services",),
}

# Company names that are also everyday words: never found by scanning free
# text, never fuzzy-matched, and never left bare by dropping a descriptor.
COMMON_WORDS = frozenset(
    [
     "apple", "amazon", "box", "square", "notion", "gong", "slack", "zoom", "stripe", "block",
     "meta", "oracle", "shell", "target", "visa", "delta", "ford", "gap", "next", "sage", "ring",
     "nest", "signal", "bolt", "lime", "bird", "loom", "figma", "canva", "asana", "affirm",
     "chime", "brex", "ramp", "mercury", "plaid", "rippling", "deel", "gusto", "lattice",
     "pilot", "carta", "vanguard", "discovery", "platform", "together", "general", "united",
     "national", "global", "capital", "partners", "ventures", "labs", "group", "health", "bank",
     "energy", "digital", "solutions", "systems", "software", "technologies",
     "figure", "linear", "scale", "runway", "anchor", "arc", "spring", "echo", "wave",
     "beacon", "pulse", "north", "summit", "bright", "clear", "true", "first", "one", "blue",
     "red", "green", "black", "white", "gold", "silver", "star", "sky", "cloud", "data",
     "smart", "open", "common", "modern", "new", "prime", "core", "peak", "atlas", "apex",
     "nova", "orbit", "vector", "matrix", "quantum", "fusion", "vision", "insight", "harbor",
     "bridge", "path", "river", "stone", "rock", "iron", "steel", "field", "ocean", "standard",
     "american", "city", "metro", "community", "citizens", "people", "world", "stability",
     "character", "inflection", "anthropic", "safe", "secure", "sun", "moon", "light",
     "fast", "simple", "bench", "stealth", "independent", "freelance", "x", "ai",
    ]
)  # fmt: skip

# Suffixes that describe what a company does rather than name it.
DESCRIPTORS = frozenset(
    {"ai", "labs", "lab", "robotics", "bank", "technologies", "technology", "tech", "hq", "app"}
)

# Employers that are no employer: never a company, never read as one from text.
_PLACEHOLDER = re.compile(
    r"^(?:stealth(?: \w+){0,3}|self ?employed(?: \w+){0,2}|freelanc\w*(?: \w+){0,2}"
    r"|independent(?: \w+){0,2}|confidential(?: \w+){0,2}|retired|open to work|unemployed"
    r"|none|n a|na|various|private|currently \w+(?: \w+){0,3}|seeking(?: \w+){0,4}"
    r"|looking for(?: \w+){0,4}|between jobs|career break|sabbatical|not employed"
    r"|available(?: \w+){0,3}|self)$"
)
_MIN_BASE_CHARS = 3


def is_placeholder(name: str | None) -> bool:
    """Stealth, Self-employed, Freelance, Independent, Confidential, Retired,
    Open to work and the like: where someone works, not who they work for."""
    return is_placeholder_norm(normalize_company(name))


@lru_cache(maxsize=65536)
def is_placeholder_norm(norm: str) -> bool:
    return bool(norm) and _PLACEHOLDER.match(norm) is not None


def alias_norms(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """alias norm -> canonical norm, from canonical name -> its other names (as
    `BUILTIN_ALIASES` and signals.yaml's `aliases` write them); a later group
    wins an alias two groups claim."""
    table: dict[str, str] = {}
    for canonical, names in groups.items():
        canon = normalize_company(canonical)
        for name in names:
            norm = normalize_company(name)
            if norm and norm != canon:
                table[norm] = canon
    return table


@lru_cache(maxsize=1)
def _builtin() -> dict[str, str]:
    return alias_norms(BUILTIN_ALIASES)


def alias_table(configured: Mapping[str, str] | None = None) -> dict[str, str]:
    """alias norm -> canonical norm: the built-in table, then the given aliases
    (signals.yaml and the store's), which win where they disagree."""
    table = dict(_builtin())
    if configured:
        table.update(configured)
    return table


def _strip_descriptor(norm: str) -> str:
    words = norm.split()
    if len(words) == 2 and words[1] in DESCRIPTORS:
        base = words[0]
        if len(base) >= _MIN_BASE_CHARS and base not in COMMON_WORDS and not base.isdigit():
            return base
    return norm


def company_key(norm: str, aliases: Mapping[str, str] | None = None) -> str:
    """The company a normalised name stands for; '' for a placeholder employer.
    `aliases` (alias norm -> canonical norm) replaces the built-in table when
    given: pass `alias_table(...)` to extend it."""
    if not norm or is_placeholder_norm(norm):
        return ""
    table = aliases if aliases is not None else _builtin()
    if norm in table:
        return table[norm]
    base = _strip_descriptor(norm)
    return table.get(base, base)


def company_of(name: str | None, aliases: Mapping[str, str] | None = None) -> str:
    """`company_key` of a raw name."""
    return company_key(normalize_company(name), aliases)


def same_company(a: str | None, b: str | None, aliases: Mapping[str, str] | None = None) -> bool:
    """Two names of one company ("Facebook Inc." and "Meta", "Gong" and
    "Gong.io"); a placeholder is never the same company as anything."""
    ka, kb = company_of(a, aliases), company_of(b, aliases)
    return bool(ka) and ka == kb
