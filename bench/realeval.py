"""Detection quality on real headlines: the labelled items of tests/eval/real-*.tsv.

A labelled file has one row per expected signal (see tests/eval/README.md):
id, source, kind, headline, summary, signal, company, round, amount, currency,
person, role, previous_company, origin. An item without a signal has one row
whose signal is `none`; an item with two signals has two rows with one id.

Scoring, per signal type, on (signal, company) pairs: a predicted signal is a
true positive when the item has an unmatched label of the same type whose
company normalises alike (with several such labels, the one naming the same
person first). Round, amount (with currency), role, person and previous company
are scored on the true positives; precision and recall are also given per
sample kind (`as_it_comes`, `signal_rich`) and per source.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prospect.detect.roles import ABBREVIATIONS
from prospect.normalize import normalize_company, normalize_person

SCORED = ("funding_round", "executive_hire")
FIELDS = {
    "funding_round": ("round", "amount", "currency"),
    "executive_hire": ("person", "role", "previous_company"),
}
COLUMNS = (
    "id", "source", "kind", "headline", "summary", "signal", "company", "round", "amount",
    "currency", "person", "role", "previous_company", "origin",
)  # fmt: skip


@dataclass(slots=True)
class Label:
    signal: str
    company: str
    round: str | None = None
    amount: float | None = None
    currency: str | None = None
    person: str | None = None
    role: str | None = None
    previous_company: str | None = None


@dataclass(slots=True)
class Item:
    id: str
    source: str
    kind: str
    headline: str
    summary: str
    origin: str
    labels: list[Label] = field(default_factory=list)

    def line(self) -> str:
        """The line `prospect detect` reads: headline, TAB, summary."""
        return f"{self.headline}\t{self.summary}" if self.summary else self.headline


def load_items(path: Path) -> list[Item]:
    """The items of a labelled file, in file order; a bad row raises ValueError
    naming the file and line."""
    items: dict[str, Item] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if tuple(header) != COLUMNS:
        raise ValueError(f"{path}: expected the columns {', '.join(COLUMNS)}")
    for number, row in enumerate(reader, start=2):
        if len(row) != len(COLUMNS):
            raise ValueError(f"{path}: row {number}: {len(row)} cells, expected {len(COLUMNS)}")
        cell = dict(zip(COLUMNS, row, strict=True))
        item = items.get(cell["id"])
        if item is None:
            item = items[cell["id"]] = Item(
                cell["id"], cell["source"], cell["kind"], cell["headline"], cell["summary"],
                cell["origin"],
            )  # fmt: skip
        if cell["signal"] == "none":
            continue
        if cell["signal"] not in SCORED:
            raise ValueError(f"{path}: row {number}: unknown signal {cell['signal']!r}")
        item.labels.append(
            Label(
                cell["signal"],
                cell["company"],
                cell["round"] or None,
                float(cell["amount"]) if cell["amount"] else None,
                cell["currency"] or None,
                cell["person"] or None,
                cell["role"] or None,
                cell["previous_company"] or None,
            )
        )
    return list(items.values())


_ROLE_WORDS = {
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "sr": "senior",
    "&": "and",
    "md": "managing director",
    "gm": "general manager",
}
_ROLE_DROP = {"of", "the", "its", "new", "a", "an"}


def role_key(role: str | None) -> str:
    """A title compared loosely: case, punctuation, abbreviations and filler words aside."""
    if not role:
        return ""
    words = re.findall(r"[a-z0-9&]+", role.lower().replace("-", " "))
    out: list[str] = []
    for word in words:
        if word in ABBREVIATIONS:
            out += ABBREVIATIONS[word].lower().split()
        elif word in _ROLE_WORDS:
            out += _ROLE_WORDS[word].split()
        elif word not in _ROLE_DROP:
            out.append(word)
    return " ".join(out)


def _same_amount(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def field_ok(name: str, label: Label, rec: dict[str, Any]) -> bool:
    if name == "amount":
        return _same_amount(rec.get("amount"), label.amount)
    if name == "currency":
        return label.amount is None or rec.get("currency") == label.currency
    if name == "round":
        return rec.get("round") == label.round
    if name == "person":
        return normalize_person(rec.get("person")) == normalize_person(label.person)
    if name == "role":
        return role_key(rec.get("role")) == role_key(label.role)
    if name == "previous_company":
        return normalize_company(rec.get("previous_company")) == normalize_company(
            label.previous_company
        )
    raise KeyError(name)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # a signal of the right type on the item, with another company than the label's: one
    # false positive and one false negative at once
    renamed: int = 0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scores:
    # (group, kind) -> Counts; group is "all", "kind:<sample kind>" or "source:<source>"
    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)

    def precision(self, kind: str, group: str = "all") -> float:
        return self.counts[(group, kind)].precision()

    def recall(self, kind: str, group: str = "all") -> float:
        return self.counts[(group, kind)].recall()

    def accuracy(self, name: str) -> float:
        right, total = self.fields[name]
        return right / total if total else 1.0

    def field_accuracy(self) -> float:
        right = sum(r for r, _ in self.fields.values())
        total = sum(t for _, t in self.fields.values())
        return right / total if total else 1.0

    def groups(self) -> list[str]:
        return sorted({group for group, _ in self.counts}, key=lambda g: (g != "all", g))

    def lines(self) -> list[str]:
        out = []
        for group in self.groups():
            cells = []
            for kind in SCORED:
                c = self.counts[(group, kind)]
                cells.append(
                    f"{kind} P {c.precision():.3f} R {c.recall():.3f} "
                    f"(tp {c.tp}, fp {c.fp}, fn {c.fn}"
                    + (f", {c.renamed} of them another company" if c.renamed else "")
                    + ")"
                )
            out.append(f"{group:24} " + "; ".join(cells))
        for name in (*FIELDS["funding_round"], *FIELDS["executive_hire"]):
            right, total = self.fields[name]
            out.append(f"{name + ' accuracy':24} {self.accuracy(name):.3f}  ({right}/{total})")
        return out


def _pair(labels: list[Label], recs: list[dict[str, Any]]) -> list[tuple[Label, dict]]:
    """Predicted records paired with labels of the same type and company; with
    several such labels, the one naming the same person goes first."""
    pairs = []
    free = list(labels)
    for rec in sorted(recs, key=lambda r: r.get("person") is None):
        key = normalize_company(rec.get("company"))
        same = [lab for lab in free if lab.signal == rec["signal"]
                and normalize_company(lab.company) == key]  # fmt: skip
        if not same:
            continue
        person = normalize_person(rec.get("person"))
        best = next((lab for lab in same if normalize_person(lab.person) == person), same[0])
        free.remove(best)
        pairs.append((best, rec))
    return pairs


def score(items: Iterable[Item], predicted: list[dict[str, Any]]) -> Scores:
    """Compare `prospect detect --format jsonl` records (their `line` is the
    1-based position of the item) with the labels."""
    result = Scores()
    by_line: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for rec in predicted:
        if rec["signal"] in SCORED:
            by_line[rec["line"]].append(rec)
    for number, item in enumerate(items, start=1):
        recs = by_line.get(number, [])
        pairs = _pair(item.labels, recs)
        matched_recs = {id(rec) for _, rec in pairs}
        matched_labels = {id(lab) for lab, _ in pairs}
        groups = ("all", f"kind:{item.kind}", f"source:{item.source}")
        for rec in recs:
            if id(rec) not in matched_recs:
                for group in groups:
                    result.counts[(group, rec["signal"])].fp += 1
                result.misses.append(
                    f"FP {item.id}: {item.headline} -> {rec['signal']} {rec.get('company')!r}"
                )
        for lab in item.labels:
            if id(lab) not in matched_labels:
                for group in groups:
                    result.counts[(group, lab.signal)].fn += 1
                result.misses.append(
                    f"FN {item.id}: {item.headline} (want {lab.signal} {lab.company!r})"
                )
        for kind in SCORED:
            extra = sum(rec["signal"] == kind for rec in recs if id(rec) not in matched_recs)
            missed = sum(lab.signal == kind for lab in item.labels if id(lab) not in matched_labels)
            for group in groups:
                result.counts[(group, kind)].renamed += min(extra, missed)
        for lab, rec in pairs:
            for group in groups:
                result.counts[(group, lab.signal)].tp += 1
            for name in FIELDS[lab.signal]:
                ok = field_ok(name, lab, rec)
                result.fields[name][1] += 1
                result.fields[name][0] += int(ok)
                if not ok:
                    result.misses.append(
                        f"{name} {item.id}: {item.headline} -> {rec.get(name)!r} "
                        f"(want {getattr(lab, name)!r})"
                    )
        for kind in SCORED:  # every group shows both types, even with nothing in it
            for group in groups:
                result.counts.setdefault((group, kind), Counts())
    return result
