"""Measuring detection quality against a labelled set of headlines.

The labelled file is a TSV (comment lines start with '#'): headline, signal
(funding_round | executive_hire | none), company, round, amount, currency,
person, role; an optional ninth column holds a summary. Precision and recall are
counted on (signal, normalised company) pairs; round, amount (with currency),
role and person are scored on the true positives.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prospect.normalize import normalize_company, normalize_person

SCORED = ("funding_round", "executive_hire")
FIELDS = ("round", "amount", "role", "person")


@dataclass(slots=True)
class Label:
    line: int  # 1-based, among the headlines (comments and header skipped)
    headline: str
    summary: str
    signal: str
    company: str
    round: str | None
    amount: float | None
    currency: str | None
    person: str | None
    role: str | None


def load_labels(path: Path) -> list[Label]:
    labels = []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    rows = [r for r in rows if not r[0].startswith("#")]
    for number, row in enumerate(rows[1:], start=1):
        cells = [*row, *[""] * (9 - len(row))]
        headline, signal, company, rnd, amount, currency, person, role, summary = cells[:9]
        labels.append(
            Label(
                number,
                headline,
                summary,
                signal,
                company,
                rnd or None,
                float(amount) if amount else None,
                currency or None,
                person or None,
                role or None,
            )
        )
    return labels


def input_lines(labels: Iterable[Label]) -> list[str]:
    """The lines `prospect detect` reads: headline, TAB, summary."""
    return [f"{lab.headline}\t{lab.summary}" if lab.summary else lab.headline for lab in labels]


@dataclass
class Scores:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, total]
    misses: list[str] = field(default_factory=list)

    def precision(self, kind: str) -> float:
        c = self.counts[kind]
        return c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0

    def recall(self, kind: str) -> float:
        c = self.counts[kind]
        return c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0

    def accuracy(self, name: str) -> float:
        right, total = self.fields[name]
        return right / total if total else 1.0

    def lines(self) -> list[str]:
        out = []
        for kind in SCORED:
            c = self.counts[kind]
            out.append(
                f"{kind:15} precision {self.precision(kind):.3f}  recall {self.recall(kind):.3f}"
                f"  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})"
            )
        for name in FIELDS:
            right, total = self.fields[name]
            out.append(f"{name + ' accuracy':15} {self.accuracy(name):.3f}  ({right}/{total})")
        return out


def _same_amount(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def score(labels: list[Label], predicted: list[dict[str, Any]]) -> Scores:
    """Compare predicted records (the jsonl contract) with the labels."""
    result = Scores(
        counts={k: {"tp": 0, "fp": 0, "fn": 0} for k in SCORED},
        fields={name: [0, 0] for name in FIELDS},
    )
    by_line: dict[int, list[dict[str, Any]]] = {}
    for rec in predicted:
        if rec["signal"] in SCORED:
            by_line.setdefault(rec["line"], []).append(rec)
    for lab in labels:
        got = {(r["signal"], normalize_company(r["company"])): r for r in by_line.get(lab.line, [])}
        want = (lab.signal, normalize_company(lab.company)) if lab.signal in SCORED else None
        for key, rec in got.items():
            if key != want:
                result.counts[key[0]]["fp"] += 1
                result.misses.append(
                    f"FP {lab.line}: {lab.headline} -> {key[0]} {rec['company']!r}"
                )
        if want is None:
            continue
        rec = got.get(want)
        if rec is None:
            result.counts[lab.signal]["fn"] += 1
            result.misses.append(f"FN {lab.line}: {lab.headline} (want {lab.company!r})")
            continue
        result.counts[lab.signal]["tp"] += 1
        if lab.signal == "funding_round":
            checks = {
                "round": rec["round"] == lab.round,
                "amount": _same_amount(rec["amount"], lab.amount)
                and (lab.amount is None or rec["currency"] == lab.currency),
            }
        else:
            checks = {
                "role": rec["role"] == lab.role,
                "person": normalize_person(rec["person"]) == normalize_person(lab.person),
            }
        for name, ok in checks.items():
            result.fields[name][1] += 1
            result.fields[name][0] += int(ok)
            if not ok:
                result.misses.append(
                    f"{name} {lab.line}: {lab.headline} -> {rec[name]!r} "
                    f"(want {getattr(lab, name)!r})"
                )
    return result
