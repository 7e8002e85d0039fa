"""The detector's shortcuts give what the plain patterns give, on real text and on made-up
title soup: each shortcut skips work only where the plain pattern cannot match.

Real text: every headline and summary of the development sets (tests/eval/real-dev*.tsv,
public feeds and datasets, sources in tests/eval/README.md) and the written sets.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from prospect.detect import funding, hires, roles, text
from prospect.detect.roles import ROLE_RE, find_roles, search_role

EVAL = Path(__file__).parent / "eval"
csv.field_size_limit(10**8)


def _texts() -> list[str]:
    out = []
    for path in sorted(EVAL.glob("*.tsv")):
        if path.name.startswith("real-test"):
            continue  # the held-out part is read by the evaluation only
        rows = [line for line in path.read_text().splitlines() if not line.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t"):
            for key in ("headline", "summary"):
                if row.get(key):
                    out.append(" ".join(row[key].split()))
    return out


TEXTS = _texts()


def _soup(rng: random.Random, n: int) -> list[str]:
    """Strings of title words, scopes, names and glue in every case."""
    glue = (
        "of and the & officer president vice head director manager counsel partner chief staff "
        "executive region VPs SVPs CEOs CEO-elect Co-CEO co-head Head-HR Director-India "
        "e-commerce R&D Jane Doe Acme joins as to at from former ex-Google"
    )
    vocab = [*sorted(roles._FIRST_WORDS), *glue.split(" ")]
    out = []
    for _ in range(n):
        words = [rng.choice(vocab) for _ in range(rng.randint(1, 9))]
        words = [
            w.upper() if rng.random() < 0.2 else w.title() if rng.random() < 0.3 else w
            for w in words
        ]
        out.append(rng.choice([" ", " ", ", ", "-", " - "]).join(words))
    return out


def test_the_real_sets_are_there() -> None:
    assert len(TEXTS) > 3000


def test_find_roles_finds_what_the_title_pattern_finds() -> None:
    rng = random.Random(5)
    checked = 0
    for t in TEXTS + _soup(rng, 20_000):
        for pos in (0, rng.randrange(len(t) + 1)):
            want = [m.span() for m in ROLE_RE.finditer(t, pos)]
            assert [m.span() for m in find_roles(t, pos)] == want, (t, pos)
            first = ROLE_RE.search(t, pos)
            got = search_role(t, pos)
            assert (got.span() if got else None) == (first.span() if first else None)
            checked += 1
    assert checked > 40_000


def test_find_roles_reads_text_with_letters_outside_ascii_the_plain_way() -> None:
    t = "Zoë Müller named Chief Revenue Officer of Café Cloud"
    assert [m.group(0) for m in find_roles(t)] == ["Chief Revenue Officer"]


# One phrase for each way the funding exclusions match, so every branch meets its gate.
EXCLUDED_PHRASES = [
    "Acme in advanced talks to raise",
    "Acme reportedly closes",
    "rumours swirl",
    "a rumored $1B",
    "Acme is said to be",
    "Acme plans to raise $5M",
    "Acme is raising a round",
    "Acme could land $10M",
    "Acme eyes $50M",
    "Acme eyeing a new round",
    "Acme mulls a sale",
    "Acme weighing options",
    "considering a round",
    "in discussions with",
    "Acme nears a deal",
    "close to closing",
    "Acme seeking capital",
    "Acme explores options",
    "a charity raises",
    "non-profit raises",
    "a nonprofit",
    "fundraising campaign",
    "a fundraiser",
    "donations of $5M",
    "GoFundMe",
    "telethon",
    "gala raises",
    "in memory of",
    "raises awareness",
    "raised money for the victims",
    "appeal raises",
    "bake sale",
    "marathon",
    "food bank",
    "scholarships",
    "PTA raises",
    "church raises",
    "volunteers raise",
    "Foundation raises",
    "for the homeless",
    "for families",
    "preferred stock",
    "dividend",
    "depositary shares",
    "cumulative",
    "senior notes",
    "notes due 2030",
    "distribution on",
    "convertible senior",
    "exercise of warrants",
    "from the government of",
    "Serie A club",
    "Premier League",
    "La Liga",
    "Bundesliga",
    "Ligue 1",
    "transfer fee",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "footballer",
    "winger",
    "Champions League",
    "relegation",
    "funding roundup",
    "week in review",
    "top 10",
    "biggest rounds",
    "this week's",
    "weekly funding",
    "the week's",
    "deals of the week",
    "funding report",
    "Q3 funding",
    "VC funding",
    "venture funding",
    "startups raised",
    "funding fell",
    "rounds are",
    "why Series",
    "how to raise",
    "IPO",
    "initial public offering",
    "goes public",
    "direct listing",
    "SPAC",
    "public offering",
    "market debut",
    "lists on Nasdaq",
    "prices its shares",
]


@pytest.mark.parametrize(
    "veto",
    [
        hires._NOT_A_HIRE_FOLDED,
        hires._NOT_A_HIRE_LEAD_FOLDED,
        funding._EXCLUDED,
        funding._IPO_FOLDED,
    ],
    ids=["hire-head", "hire-lead", "funding-excluded", "funding-ipo"],
)
def test_word_gated_vetoes_answer_as_their_patterns(veto: text.WordGated) -> None:
    extra = [
        "Acme wins Awards® for its CFO",  # a symbol glued to the word: searched in full
        "10 things a new CFO should know",  # opens with a digit
        "Jane Doe sells shares of Acme after joining as CRO",
        "Acme names Jane Doe CFO",
        *EXCLUDED_PHRASES,
    ]
    vetoed = 0
    for t in TEXTS + extra:
        folded = text.fold(t)
        plain = veto.pattern.search(folded.low)
        gated = veto.search(folded)
        assert (gated.span() if gated else None) == (plain.span() if plain else None), t
        vetoed += plain is not None
    assert vetoed > 100


END_ANCHORED = [
    hires._SPECULATION,
    hires._TO,
    hires._IS_THE,
    hires._SET,
    hires._CHOSEN,
    hires._OWNED_NEW,
]


@pytest.mark.parametrize("pattern", END_ANCHORED, ids=lambda p: p.pattern[:24])
def test_end_anchored_patterns_read_on_the_tail_alone(pattern: re.Pattern[str]) -> None:
    rng = random.Random(9)
    found = 0
    for t in TEXTS:
        for cut in {len(t), rng.randrange(len(t) + 1), rng.randrange(len(t) + 1)}:
            left = t[:cut] + " "
            plain = pattern.search(left)
            tail = text.at_end(pattern, left)
            if pattern is hires._OWNED_NEW:  # its callers read where the owner ends
                assert (tail.end(1) if tail else None) == (plain.end(1) if plain else None)
            else:
                assert (tail.span() if tail else None) == (plain.span() if plain else None)
            assert text.cut_end(pattern, left) == pattern.sub("", left)
            found += plain is not None
    assert found > 0


def test_previous_employer_cues_are_in_every_text_its_patterns_match() -> None:
    matched = 0
    for t in TEXTS:
        if hires._PREVIOUS.search(t) or hires._VETERAN_OF.search(t):
            matched += 1
            assert any(cue in t.lower() for cue in hires._PREVIOUS_CUES), t
    assert matched > 100


def test_clause_breaks_are_the_breaks_written_plainly() -> None:
    plain = re.compile(
        r"[:;|!?]\s|\s[-–—]\s|\.(?<=[a-z]{3}\.)(?<!Corp\.)(?<!Bros\.)\s+(?=[A-Z])|\s[–—]|[“”\"]"
    )
    extra = ["Acme Corp. Names Jane", "He said. Then — she left", 'A "quote": here; ok! - yes']
    for t in TEXTS + extra:
        assert [m.span() for m in text._CLAUSE_BREAK.finditer(t)] == [
            m.span() for m in plain.finditer(t)
        ], t


def test_no_name_before_is_only_said_where_no_person_is_read() -> None:
    rng = random.Random(11)
    said = 0
    extra = ["Jane Doe is the ", "Jane Doe, the ", "Acme's ", "Jane Doe (Janie) ", "the new "]
    for t in TEXTS + extra:
        for cut in {len(t), *(rng.randrange(len(t) + 1) for _ in range(4))}:
            left = t[:cut]
            if not hires._no_name_before(left):
                continue
            said += 1
            cuts = hires._CHOSEN, hires._SET, hires._IS_THE, hires._TO
            seg = left
            for pattern in reversed(cuts):
                seg = pattern.sub("", seg)
            assert text.person_at_end(seg) is None, left
            assert hires._SURNAME.fullmatch(left.strip()) is None, left
    assert said > 1000


def test_owned_is_said_wherever_the_owner_pattern_reads_an_owner() -> None:
    rng = random.Random(13)
    owners = 0
    for t in [*TEXTS, "BHP's ", "Acme’s  ", "the company's new"]:
        for cut in {len(t), *(rng.randrange(len(t) + 1) for _ in range(4))}:
            left = t[:cut]
            if hires._OWNED_NEW.search(left):
                owners += 1
                assert hires._owned(left), left
    assert owners > 0
