"""Name normalisation, done once on write and reused by detection and matching.

`normalize_company("The Acme Co., Inc.")` and `normalize_company("acme & co")`
both give `acme and co`; the original spelling is always kept beside it.
Company names and titles repeat across a 30,000-row export, so their keys are
cached.

Feed addresses have one stored form too (`canonical_feed_url`), so a feed is
one subscription however it was typed: an http(s) URL with its scheme and host
lower-cased and the rest exactly as given (paths and queries are
case-sensitive), or an absolute path for a local file, whether it came as a
path or as a file:// URL. A path rather than a file:// URL because it is what
the user reads and types in `feeds list` and `feeds remove`.

Times are read in one place as well: stored ISO 8601 stamps (`parse_time`, a
bare date taken as UTC) and the durations a rep types (`duration_days`: 12h,
3d, 2w).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

# Legal-form suffixes in many countries, compared after punctuation is removed;
# any run of them at the end goes ("Acme Holdings Co., Ltd." -> "acme").
_LEGAL_SUFFIXES = [
    "incorporated", "corporation", "limited", "company", "holdings", "holding",
    "gmbh and co kg", "gmbh co kg", "pty ltd", "pvt ltd", "private limited", "co ltd",
    "sa de cv", "s a de c v", "sapi de cv", "sp z o o", "sp zoo", "sdn bhd", "bhd",
    "inc", "corp", "co", "llc", "l l c", "pllc", "llp", "lp", "ltd", "ltda", "plc", "gmbh",
    "ag", "kg", "kgaa", "ug", "ohg", "sa", "s a", "sas", "sasu", "sarl", "srl", "s r l", "spa",
    "s p a", "bv", "b v", "nv", "n v", "bvba", "ab", "publ", "as", "asa", "a s", "oy", "oyj",
    "aps", "kk", "pte", "pty", "pvt", "sl", "s l", "se", "sro", "s r o", "kft", "zrt", "doo",
    "d o o", "jsc", "pjsc", "ooo", "lda", "ltee", "limitee",
]  # fmt: skip
_SUFFIXES = frozenset(_LEGAL_SUFFIXES)
_SUFFIX_WORDS = max(len(s.split()) for s in _LEGAL_SUFFIXES)
_SUFFIX_LAST_WORDS = frozenset(s.split()[-1] for s in _LEGAL_SUFFIXES)
# A web-style name is the company's own: "salesforce.com", "Gong.io" and
# "100ms.live" are Salesforce, Gong and 100ms. Only a word glued to a known
# top-level domain counts, so "S.A." or "Inc." never look like one.
_WEB_NAME = re.compile(
    r"\b([a-z0-9][a-z0-9-]*)\.(?:com|io|ai|co|live|net|org|app|dev|so|xyz|tech|us|uk|de"
    r"|fr|me|cc|gg|sh|tv|one|cloud|health|money|finance|inc|to|ly|vc|hq)\b(?!\.\w)"
)
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_CANONICAL_HOST = "https://www.linkedin.com/"


def strip_accents(text: str) -> str:
    if text.isascii():  # most names: skip the costly decomposition
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalize_company(name: str | None) -> str:
    """A company name reduced to the key two spellings of one company share."""
    if not name:
        return ""
    text = strip_accents(name).casefold().replace("&", " and ").replace("+", " and ")
    text = text.replace("'s ", " ").replace("’s ", " ")
    if "." in text:
        text = _WEB_NAME.sub(r"\1", text)
    text = text.replace(".", "")  # "S.A." -> "sa", "Inc." -> "inc"
    text = _NON_WORD.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    stripped = _strip_legal_forms(text)
    if stripped.endswith(" and"):
        # "Bramble & Co." is a name, not "Bramble" plus a legal form.
        stripped += " co"
    # Never strip a name down to nothing ("Co", "AG" alone stay as they are).
    return stripped or text


def _strip_legal_forms(text: str) -> str:
    """Drop the longest run of legal forms that ends the name, never its first
    word: "acme holdings co ltd" -> "acme". A run is any sequence of
    `_LEGAL_SUFFIXES` entries (some of several words) that fills the tail."""
    last = text.rpartition(" ")[2]
    if last == text or last not in _SUFFIX_LAST_WORDS:  # most names: nothing to strip
        return text
    words = text.split(" ")
    n = len(words)
    ends_run = [False] * n + [True]  # ends_run[i]: words[i:] is a run of legal forms
    cut, misses = n, 0
    for i in range(n - 1, 0, -1):
        ends_run[i] = any(
            ends_run[i + k] and " ".join(words[i : i + k]) in _SUFFIXES
            for k in range(1, min(_SUFFIX_WORDS, n - i) + 1)
        )
        if ends_run[i]:
            cut, misses = i, 0
        else:
            misses += 1
            if misses >= _SUFFIX_WORDS:  # no run can reach past this many words
                break
    return " ".join(words[:cut])


def normalize_person(name: str | None) -> str:
    """A person's name as a comparison key: case, accents, punctuation folded."""
    if not name:
        return ""
    if name.isascii():
        text = name.lower()  # casefold, for ASCII
        if text.replace(" ", "").isalnum():  # nearly every name: no punctuation to fold
            return " ".join(text.split())
    else:
        text = strip_accents(name).casefold()
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def normalize_text(text: str | None) -> str:
    """Free text folded the same way company names are, for scanning."""
    if not text:
        return ""
    folded = strip_accents(text).casefold().replace("&", " and ")
    folded = folded.replace(".", "")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def normalize_email(email: str | None) -> str:
    """An email as a key: trimmed and lower-cased (mailboxes are matched that way
    in practice). Anything without an @ (LinkedIn once put `urn:li:member:...`
    in the email column) is not an email at all."""
    if not email:
        return ""
    text = email.strip().casefold()
    if text.startswith("mailto:"):
        text = text[7:]
    return text if "@" in text and " " not in text else ""


def normalize_profile_url(url: str | None) -> str:
    """A profile URL as a key: for LinkedIn, scheme, host case, `www.`, query
    and trailing slash do not tell two people apart. Any other address (a
    vCard's company website, a blog) is kept as it was given, trimmed."""
    if not url:
        return ""
    if url.startswith(_CANONICAL_HOST) and not url.endswith(("/", " ")) and "?" not in url:
        return url if "#" not in url else url.split("#", 1)[0].rstrip("/")
    text = url.strip()
    if not text:
        return ""
    _scheme, sep, rest = text.partition("://")
    if not sep:
        rest = text
    host, slash, path = rest.partition("/")
    host = host.casefold()
    if not (host in ("linkedin.com", "m.linkedin.com") or host.endswith(".linkedin.com")):
        return text
    path = path.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return f"https://www.linkedin.com{slash}{path}"


# LinkedIn member profiles: /in/NAME, and /pub/NAME/... from before 2015.
_PERSON_PATHS = (_CANONICAL_HOST + "in/", _CANONICAL_HOST + "pub/")


def is_person_url(url: str | None) -> bool:
    """Whether a normalised profile URL names one person (a LinkedIn member
    profile), so that two records holding it are one person. A company's
    website on two colleagues' cards is not."""
    return url is not None and url.startswith(_PERSON_PATHS) and len(url) > len(_PERSON_PATHS[0])


_NETLOC_END = re.compile(r"[/?#]")


def canonical_feed_url(text: str) -> str:
    """The one stored form of a feed address; pure (never touches the network,
    never requires a local file to exist), so it also finds feeds by any spelling."""
    text = text.strip()
    scheme, sep, rest = text.partition("://")
    if not sep:
        return str(Path(text).expanduser().resolve())
    scheme = scheme.lower()
    end = _NETLOC_END.search(rest)
    netloc, tail = (rest[: end.start()], rest[end.start() :]) if end else (rest, "")
    if scheme == "file":
        # file:///abs, file://localhost/abs; file://dir/f.xml is read as relative
        path = tail if netloc in ("", "localhost") else netloc + tail
        return str(Path(unquote(path.split("?")[0].split("#")[0])).expanduser().resolve())
    if scheme not in ("http", "https"):
        return text
    userinfo, at, hostport = netloc.rpartition("@")
    return f"{scheme}://{userinfo}{at}{_ascii_host(hostport.lower())}{tail}"


def _ascii_host(hostport: str) -> str:
    """A host name in its ASCII (IDNA) form: "i❤.ws" -> "xn--i-7iq.ws". Python's
    IDNA 2003 codec takes the emoji and symbol domains that exist in the wild
    (and that httpx's stricter IDNA 2008 refuses); a host it cannot encode is
    left as it is, for the URL check to refuse."""
    if hostport.isascii() or hostport.startswith("["):
        return hostport
    host, colon, port = hostport.rpartition(":") if ":" in hostport else (hostport, "", "")
    try:
        return host.encode("idna").decode("ascii") + colon + port
    except UnicodeError:
        return hostport


# --- times ---------------------------------------------------------------------

_DURATION_UNITS = {"h": 1 / 24, "d": 1.0, "w": 7.0}


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:  # a bare date or naive time is taken as UTC
        when = when.replace(tzinfo=UTC)
    return when


def age_days(published_at: str | None, now: datetime) -> float:
    """Days from a stored time to `now`; 0 when the time is not known."""
    when = parse_time(published_at)
    if when is None:
        return 0.0
    return max(0.0, (now - when).total_seconds() / 86400)


def duration_days(text: str) -> float | None:
    """'12h', '3d' or '2w' in days; None when the text is not such a duration."""
    text = text.strip().lower()
    if not text or text[-1] not in _DURATION_UNITS:
        return None
    try:
        return float(text[:-1]) * _DURATION_UNITS[text[-1]]
    except ValueError:
        return None
