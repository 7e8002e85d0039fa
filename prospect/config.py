"""Loading and validating `signals.yaml`, the rules file.

The file is checked against `SCHEMA` on every load. Any problem becomes one
`ConfigError` line naming the file, the line, the key path and what was
expected -- never a traceback. Keys a user leaves out take the packaged
defaults (`prospect/data/signals.yaml`, the same file as `signals.yaml` at the
repository root), merged key by key; lists replace the default list whole.

That file is the one place defaults are written: after the merge every key is
there, so `Config` and its parts are typed settings read from it, and no
other module keeps a fallback of its own. The exception is a rule's own weight
and half-life, which a rule written by the rep may leave out (`RULE_WEIGHT`,
`RULE_HALF_LIFE_DAYS`).
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import re2
import yaml

from prospect.errors import ConfigError
from prospect.trust import trust_problem

DEFAULT_CONFIG_NAME = "signals.yaml"
SIGNAL_TYPES = ("job_change", "funding_round", "executive_hire")
RULE_WEIGHT = 0.5  # a keyword rule that gives no weight
RULE_HALF_LIFE_DAYS = 14.0  # nor a half-life


# --- the schema ---------------------------------------------------------------
# A spec is a type name ("int", "number", "weight", "days", "half_life", "bool",
# "str", "regex"), a one-item list [spec] for a list of that spec, a dict of
# known keys -> spec, or {"*": spec} for a mapping whose keys are free strings.
#
# Numbers carry their range in the type name, because a value out of range is
# not an error anywhere else: it silently means something absurd. A half-life
# of 0 would make signals never fade, a max_age_days of 0 would empty the list,
# and a day count in the millions overflows dates. A weight of 0 is how many
# people mute a signal type or rule, so it means exactly `enabled: false`
# (`_build`), rather than ranking it below everything.

_NUMBER = "number"  # a multiplier: zero or more
_WEIGHT = "weight"  # zero or more; 0 turns the signal type or rule off
_DAYS = "days"  # 0 to MAX_DAYS
_HALF_LIFE = "half_life"  # above zero, at most MAX_DAYS
MAX_DAYS = 36500  # a hundred years: anything longer is a typo
MAX_COUNT = 1_000_000  # daily_limit, per_company: more people than anyone has
MAX_FACTOR = 1_000_000.0  # a weight or multiplier beyond this only overflows scores
_SIGNAL_COMMON: dict[str, Any] = {
    "enabled": "bool",
    "weight": _WEIGHT,
    "half_life_days": _HALF_LIFE,
}

# A job change's mover by level (titles.LEVEL_NAMES; not imported: titles
# needs the detector, which needs this module).
_LEVEL_NAMES = ("unknown", "intern", "individual", "lead", "manager", "director", "head", "vp",
                "c_level")  # fmt: skip

SCHEMA: dict[str, Any] = {
    "daily_limit": "int",  # 0: everyone
    "cooldown_days": _DAYS,
    "max_age_days": _HALF_LIFE,
    "target_roles": ["str"],
    "accounts": {
        "include": ["str"],
        "exclude": ["str"],
        "news": {"hl": "str", "gl": "str", "ceid": "str", "words": ["str"]},
    },
    "edgar": {"contact": "str"},
    "aliases": {"*": ["str"]},
    "ranking": {
        "relationship": {
            "direct": _NUMBER,
            "intro": _NUMBER,
            "unknown": _NUMBER,
            "name_only": _NUMBER,
        },
        "warmth": {"recent_days": _DAYS, "recent_connection": _NUMBER, "recent_contact": _NUMBER},
        "fit": {
            "target_role": _NUMBER,
            "other_role": _NUMBER,
            "unknown_role": _NUMBER,
            "included_account": _NUMBER,
        },
        "cluster_days": _DAYS,
        "per_company": "int",  # 0: no cap
    },
    "signals": {
        "job_change": {
            **_SIGNAL_COMMON,
            "changes": {
                "new_company": _NUMBER,
                "promotion": _NUMBER,
                "role_change": _NUMBER,
                "departure": _NUMBER,
            },
            # the mover's level (titles.LEVEL_NAMES)
            "levels": {name: _NUMBER for name in _LEVEL_NAMES},
        },
        "funding_round": {**_SIGNAL_COMMON, "rounds": {"*": _NUMBER}},
        "executive_hire": {**_SIGNAL_COMMON, "other_role": _NUMBER},
    },
    "rules": [
        {
            "name": "str",
            "type": "str",
            "phrases": ["str"],
            "pattern": "regex",
            "weight": _WEIGHT,
            "half_life_days": _HALF_LIFE,
            "enabled": "bool",
        }
    ],
    "feeds": [{"url": "str", "name": "str", "tag": "str"}],
    "digest": {
        "from": "str",
        "to": ["str"],
        "subject": "str",
        "smtp_url": "str",
    },
}

_TYPE_WORDS = {
    "int": "a whole number",
    "number": "a number",
    "weight": "a number",
    "days": "a number of days",
    "half_life": "a number of days",
    "bool": "true or false",
    "str": "a string",
    "regex": "a regular expression",
}


def _describe(spec: Any) -> str:
    if isinstance(spec, str):
        return _TYPE_WORDS[spec]
    if isinstance(spec, list):
        return "a list"
    return "a mapping"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    named = {dict: "a mapping", list: "a list", bool: "true/false", str: "a string"}
    return named.get(type(value)) or _shown(value)


def _shown(value: Any, limit: int = 60) -> str:
    """A value as the message shows it: its repr, cut short (a file may hold a long one)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _validate(value: Any, spec: Any, path: str) -> list[tuple[str, str]]:
    """Return (key path, what was expected) for every problem found."""
    if isinstance(spec, str):
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        ok = {
            "int": isinstance(value, int) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "str": isinstance(value, str),
            "regex": isinstance(value, str),
        }.get(spec, is_number)
        if not ok:
            shown = _shown(value) if isinstance(value, str | int | float) else _type_name(value)
            return [(path, f"expected {_TYPE_WORDS[spec]}, got {shown}")]
        if spec == "regex":
            problem = pattern_problem(value)
            return [(path, problem)] if problem else []
        if is_number:
            problem = _out_of_range(value, spec)
            return [(path, problem)] if problem else []
        return []
    if isinstance(spec, list):
        if not isinstance(value, list):
            return [(path, f"expected a list, got {_type_name(value)}")]
        problems = []
        for i, item in enumerate(value):
            problems += _validate(item, spec[0], f"{path}[{i}]")
        return problems
    if not isinstance(value, dict):
        return [(path, f"expected a mapping, got {_type_name(value)}")]
    problems = []
    for key, item in value.items():
        sub = f"{path}.{key}" if path else str(key)
        if "*" in spec:
            problems += _validate(item, spec["*"], sub)
        elif key not in spec:
            known = ", ".join(sorted(spec))
            problems.append((sub, f"unknown key (expected one of: {known})"))
        else:
            problems += _validate(item, spec[key], sub)
    return problems


def _out_of_range(value: float, spec: str) -> str | None:
    """What was expected, when a number of the right type is out of its range."""
    if not math.isfinite(value):
        return f"expected a finite number, got {value!r}"
    if spec == _WEIGHT and value < 0:
        return f"expected a number of zero or more (0 turns it off), got {value!r}"
    if spec == _HALF_LIFE and not 0 < value <= MAX_DAYS:
        return f"expected a number of days above zero, at most {MAX_DAYS}, got {value!r}"
    if spec == _DAYS and not 0 <= value <= MAX_DAYS:
        return f"expected a number of days from 0 to {MAX_DAYS}, got {value!r}"
    if value < 0:
        return f"expected a number of zero or more, got {_shown(value)}"
    top = MAX_COUNT if spec == "int" else MAX_FACTOR
    if value > top:
        return f"expected a number of at most {top:,}, got {_shown(value)}"
    return None


def _line_of(node: yaml.Node | None, path: str) -> int | None:
    """The 1-based line of a key path in the composed YAML, for error messages."""
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    line = node.start_mark.line + 1 if node is not None else None
    for part in parts:
        if node is None:
            break
        if part.startswith("[") and isinstance(node, yaml.SequenceNode):
            idx = int(part[1:-1])
            node = node.value[idx] if idx < len(node.value) else None
        elif isinstance(node, yaml.MappingNode):
            found = None
            for key_node, value_node in node.value:
                if str(key_node.value) == part:
                    line = key_node.start_mark.line + 1
                    found = value_node
                    break
            node = found
            continue
        else:
            node = None
        if node is not None:
            line = node.start_mark.line + 1
    return line


# --- rule patterns ------------------------------------------------------------
# A rule's regex runs on every headline and summary of every poll, so it must
# run in time proportional to the text, whatever the rep wrote: `(a+)+$` on a
# title of a's would otherwise take the stdlib's backtracking engine past the
# age of the universe. RE2 guarantees linear time; it refuses the constructs
# that cannot be run that way (lookaround, backreferences), and a rule using
# one is refused with a line saying so. Python's \w, \d and \s match any
# script's letters and digits; RE2's are ASCII, so they are written as Unicode
# classes first. \b stays RE2's (an ASCII word boundary): `phrases` match
# whole words in any script.

_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # its errors go in our message, not on stderr
_RE2_OPTIONS.max_mem = 8 << 20  # a pattern whose automaton needs more is refused

_UNICODE_CLASSES = {
    "w": (r"[\p{L}\p{N}_]", r"\p{L}\p{N}_"),
    "W": (r"[^\p{L}\p{N}_]", None),
    "d": (r"\p{Nd}", r"\p{Nd}"),
    "D": (r"\P{Nd}", None),
    "s": (r"[\s\p{Z}]", r"\s\p{Z}"),
    "S": (r"[^\s\p{Z}]", None),
    "Z": (r"\z", None),  # Python's end of text; RE2 spells it \z
}
_REFUSED = (
    (re.compile(r"\(\?<[=!]"), "lookbehind"),
    (re.compile(r"\(\?[=!]"), "lookahead"),
    (re.compile(r"\(\?P=|\\[1-9]"), "backreferences"),
)


def _re2_source(pattern: str) -> str:
    """`pattern` with Python's Unicode-aware classes spelled out for RE2."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            esc = pattern[i + 1]
            outside, inside = _UNICODE_CLASSES.get(esc, (None, None))
            replacement = inside if in_class else outside
            out.append(replacement if replacement is not None else pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            # a ']' right after '[' or '[^' is a literal, not the end of the class
            for lead in ("^", "]"):
                if pattern.startswith(lead, i + 1):
                    out.append(lead)
                    i += 1
            i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str) -> Any:
    """A rule's regex compiled for RE2 (linear time); raises re2.error."""
    return re2.compile(_re2_source(pattern), options=_RE2_OPTIONS)


def pattern_set(patterns: list[Any]) -> Any | None:
    """The compiled rule patterns as one RE2 set, which tells in one pass over a text
    which of them match in it; None when the set would need more memory than a rule may."""
    regexes = re2.Set.SearchSet(_RE2_OPTIONS)
    try:
        for pattern in patterns:
            regexes.Add(pattern.pattern)
        regexes.Compile()
    except re2.error:
        return None
    return regexes


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a rule's regex for RE2, in words, or None."""
    try:
        compile_pattern(pattern)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        for construct, what in _REFUSED:
            if construct.search(pattern):
                return (
                    f"expected a regular expression without {what} ({reason}): rules run "
                    "in guaranteed time, which lookaround and backreferences cannot"
                )
        return f"expected a valid regular expression ({reason})"
    return None


# --- the loaded configuration ------------------------------------------------


@dataclass(slots=True)
class Rule:
    """A keyword rule written by the rep."""

    name: str
    phrases: list[str]
    pattern: Any  # an RE2 pattern (compile_pattern), or None for a phrase list
    weight: float
    half_life_days: float
    type: str = "keyword"


@dataclass(slots=True)
class SignalType:
    enabled: bool
    weight: float
    half_life_days: float
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Ranking:
    """`ranking:` in the rules file."""

    relationship: dict[str, float]  # direct, intro, unknown; name_only, a factor
    recent_days: float
    recent_connection: float
    recent_contact: float
    fit: dict[str, float]  # target_role, other_role, unknown_role, included_account
    cluster_days: float
    per_company: int  # 0: no cap


@dataclass(slots=True)
class DigestSettings:
    """`digest:` in the rules file."""

    to: list[str]
    sender: str | None  # `from:`
    subject: str | None
    smtp_url: str | None


@dataclass(slots=True)
class AccountNews:
    """`accounts.news:` in the rules file: the Google News search per account."""

    hl: str
    gl: str
    ceid: str
    words: list[str]


@dataclass(slots=True)
class Config:
    """The validated rules file."""

    path: Path | None
    daily_limit: int
    cooldown_days: float
    max_age_days: float
    target_roles: list[str]
    include_accounts: list[str]
    exclude_accounts: list[str]
    aliases: dict[str, list[str]]
    ranking: Ranking
    signals: dict[str, SignalType]
    rules: list[Rule]
    feeds: list[dict[str, str]]
    digest: DigestSettings
    raw: dict[str, Any]
    account_news: AccountNews | None = None
    edgar_contact: str | None = None  # `edgar.contact`: who SEC EDGAR may write to

    def half_life(self, signal_type: str, rule: str | None = None) -> float:
        for r in self.rules:
            if rule is not None and r.name == rule:
                return r.half_life_days
        st = self.signals.get(signal_type)
        return st.half_life_days if st else RULE_HALF_LIFE_DAYS

    def enabled(self, signal_type: str, rule: str | None = None) -> bool:
        """Whether stored signals of this type (and keyword rule) still count: a
        type turned off does not, nor a keyword rule that is off or no longer in
        the rules file (its weight would otherwise fall back to the type's)."""
        st = self.signals.get(signal_type)
        if st is not None and not st.enabled:
            return False
        if signal_type == "keyword":
            return any(r.name == rule for r in self.rules)
        return True

    def weight(self, signal_type: str, rule: str | None = None) -> float:
        for r in self.rules:
            if rule is not None and r.name == rule:
                return r.weight
        st = self.signals.get(signal_type)
        return st.weight if st else RULE_WEIGHT


def default_config_text() -> str:
    return resources.files("prospect").joinpath("data", DEFAULT_CONFIG_NAME).read_text("utf-8")


# libyaml's loader where PyYAML was built with it (its wheels are): the pure-Python
# one takes tens of milliseconds per load, on every command's start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_NUMBER_CHARS = 24  # a number longer than this is a typo (and 4,300 digits a traceback)


def _load_yaml(text: str, source: str) -> tuple[yaml.Node | None, Any]:
    """The composed node tree and the data built from it, after checks the YAML
    loader does not make: no anchors or aliases (a 1 KB alias bomb expands to
    billions of values), no key given twice in one mapping (the second would
    silently win), no number too long to be meant. Raises ConfigError."""
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _check_nodes(root, source)
        return root, loader.construct_document(root)
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node, source: str) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:  # the composer hands back the anchored node for an alias
            raise ConfigError(
                f"{source}:{line}: anchors and aliases (&name, *name) are not supported: "
                "write the value out where it is used"
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith((":int", ":float")) and len(node.value) > MAX_NUMBER_CHARS:
                raise ConfigError(
                    f"{source}:{line}: expected a number of at most {MAX_NUMBER_CHARS} "
                    f"characters, got one of {len(node.value):,}"
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value == "<<":
                        raise ConfigError(
                            f"{source}:{key.start_mark.line + 1}: merge keys (<<) are not "
                            "supported: write the keys out"
                        )
                    if key.value in keys:
                        raise ConfigError(
                            f"{source}:{key.start_mark.line + 1}: {_shown(key.value)} is given "
                            "twice in the same mapping: keep one"
                        )
                    keys.add(key.value)
                stack.extend((value, key))


@cache
def _defaults() -> dict[str, Any]:
    return yaml.load(default_config_text(), Loader=_LOADER)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and key != "aliases":
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def parse_config(text: str, source: str = DEFAULT_CONFIG_NAME, path: Path | None = None) -> Config:
    """Validate the text of a rules file and build a `Config`; raises ConfigError."""
    try:
        root, data = _load_yaml(text, source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: not valid YAML ({problem})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}:1: expected a mapping of settings at the top level")
    problems = _validate(data, SCHEMA, "")
    problems += _check_rules(data.get("rules"))
    problems += _check_digest(data.get("digest"))
    if problems:
        key, what = problems[0]
        line = _line_of(root, key)
        where = f"{source}:{line}" if line else source
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise ConfigError(f"{where}: {key}: {what}{more}")
    return _build(_merge(_defaults(), data), path)


def _check_rules(rules: Any) -> list[tuple[str, str]]:
    if not isinstance(rules, list):
        return []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        if not isinstance(rule, dict):
            continue
        path = f"rules[{i}]"
        if "name" not in rule:
            problems.append((path, "expected a 'name' for the rule"))
        elif rule["name"] in seen:
            problems.append(
                (f"{path}.name", f"expected a unique name, {rule['name']!r} is used twice")
            )
        else:
            seen.add(rule["name"])
        if rule.get("type", "keyword") != "keyword":
            problems.append((f"{path}.type", f"expected 'keyword', got {rule.get('type')!r}"))
        if not rule.get("phrases") and not rule.get("pattern"):
            problems.append((path, "expected 'phrases' or 'pattern'"))
    return problems


def _check_digest(digest: Any) -> list[tuple[str, str]]:
    """The SMTP URL must parse and must not carry a password: this file is not a secret."""
    if not isinstance(digest, dict) or not isinstance(digest.get("smtp_url"), str):
        return []
    if not digest["smtp_url"].strip():
        return []
    from prospect.mail import smtp_url_problem  # smtplib and email: only with an smtp_url

    problem = smtp_url_problem(digest["smtp_url"], allow_password=False)
    return [("digest.smtp_url", problem)] if problem else []


def _build(data: dict[str, Any], path: Path | None) -> Config:
    signals = {}
    for name in SIGNAL_TYPES:
        spec = dict(data["signals"][name])
        weight = float(spec.pop("weight"))
        signals[name] = SignalType(
            enabled=bool(spec.pop("enabled")) and weight > 0,  # weight 0: off
            weight=weight,
            half_life_days=float(spec.pop("half_life_days")),
            extra=spec,
        )
    rules = [
        Rule(
            name=r["name"],
            phrases=list(r.get("phrases") or []),
            pattern=compile_pattern(r["pattern"]) if r.get("pattern") else None,
            weight=float(r.get("weight", RULE_WEIGHT)),
            half_life_days=float(r.get("half_life_days", RULE_HALF_LIFE_DAYS)),
        )
        for r in data.get("rules") or []
        if r.get("enabled", True) and float(r.get("weight", RULE_WEIGHT)) > 0  # weight 0: off
    ]
    accounts = data.get("accounts") or {}
    news = accounts.get("news") or _defaults()["accounts"]["news"]
    ranking, warmth, digest = data["ranking"], data["ranking"]["warmth"], data["digest"]
    return Config(
        path=path,
        daily_limit=int(data["daily_limit"]),
        cooldown_days=float(data["cooldown_days"]),
        max_age_days=float(data["max_age_days"]),
        target_roles=list(data.get("target_roles") or []),
        include_accounts=list(accounts.get("include") or []),
        exclude_accounts=list(accounts.get("exclude") or []),
        aliases={k: list(v) for k, v in (data.get("aliases") or {}).items()},
        ranking=Ranking(
            relationship={k: float(v) for k, v in ranking["relationship"].items()},
            recent_days=float(warmth["recent_days"]),
            recent_connection=float(warmth["recent_connection"]),
            recent_contact=float(warmth["recent_contact"]),
            fit={k: float(v) for k, v in ranking["fit"].items()},
            cluster_days=float(ranking["cluster_days"]),
            per_company=int(ranking["per_company"]),
        ),
        signals=signals,
        rules=rules,
        feeds=list(data.get("feeds") or []),
        digest=DigestSettings(
            to=list(digest.get("to") or []),
            sender=digest.get("from"),
            subject=digest.get("subject"),
            smtp_url=digest.get("smtp_url"),
        ),
        raw=data,
        account_news=AccountNews(
            hl=str(news["hl"]),
            gl=str(news["gl"]),
            ceid=str(news["ceid"]),
            words=[w for w in news.get("words") or [] if w.strip()],
        ),
        edgar_contact=(data.get("edgar") or {}).get("contact") or None,
    )


def load_config(path: Path | None) -> Config:
    """Load the rules file at `path`, or the packaged defaults when it does not exist."""
    if path is None or not path.exists():
        # nothing to override: the packaged defaults, parsed once (tests validate them)
        return _build(_merge(_defaults(), {}), None)
    problem = trust_problem(path, "rules file")
    if problem:
        raise ConfigError(problem)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the rules file ({exc})") from None
    return parse_config(text, str(path), path)
