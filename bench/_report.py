"""What every benchmark reports, in one shape, so `bench/run.py` can gather them.

A benchmark builds a list of `Figure`s and calls `report(figures, args.json)`:
with `--json` the list is printed on stdout as JSON (and nothing else goes to
stdout); without it, as a small table. Each figure carries its baseline
measured in the same run, the ratio against it, the target as text, and
whether the target was met (None when the figure has no target).

    from _report import Figure, add_json_option, report
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from typing import TextIO


@dataclass(slots=True)
class Figure:
    figure: str
    value: float
    unit: str
    baseline: float | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None

    @classmethod
    def against(
        cls, figure: str, value: float, unit: str, baseline: float, target: str, limit: float
    ) -> Figure:
        """A figure whose target is `value / baseline <= limit`."""
        ratio = value / baseline if baseline else float("inf")
        return cls(figure, value, unit, baseline, ratio, target, ratio <= limit)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the figures as a JSON list on stdout (messages go to stderr)",
    )


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if unit == "s":
        return f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.2f} ms"
    if unit in ("MB", "ms"):
        return f"{value:.1f} {unit}"
    if unit == "%":
        return f"{value:.1f} %"
    return f"{value:.3f}{' ' + unit if unit else ''}"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "NO")


def table(figures: list[Figure], out: TextIO) -> None:
    width = max([len(f.figure) for f in figures] + [6])
    head = f"{'figure':{width}} {'value':>12} {'baseline':>12} {'ratio':>8}  {'target':16} ok"
    print(head, file=out)
    for f in figures:
        ratio = f"{f.ratio:.3f}" if f.ratio is not None else ""
        print(
            f"{f.figure:{width}} {number(f.value, f.unit):>12} {number(f.baseline, f.unit):>12} "
            f"{ratio:>8}  {f.target:16} {verdict(f.ok)}",
            file=out,
        )


def report(figures: list[Figure], as_json: bool) -> None:
    """The figures as JSON on stdout with --json, else as a table."""
    if as_json:
        json.dump([asdict(f) for f in figures], sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        table(figures, sys.stdout)


def missed(figures: list[Figure]) -> bool:
    return any(f.ok is False for f in figures)
