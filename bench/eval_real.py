"""Detection quality on real headlines, through the real command line.

Runs `prospect detect --format jsonl` (a subprocess, packaged rules, no
database) over the labelled real items of tests/eval/real-test.tsv (the test
part: labelled first, never read while tuning) and tests/eval/real-dev*.tsv (the
development part, in one file per batch of labelling), and prints precision and
recall per signal type on (signal, company) pairs — over all items, per sample
kind (`as_it_comes`: a real morning; `signal_rich`: filtered for signal words)
and per source — and the accuracy of round, amount, currency, person, role and
previous company on the true positives. Targets apply to the test part.

    python bench/eval_real.py [--part test|dev|both] [--ids all|even|odd] [--show-misses] [--json]

`--ids even` (or `odd`) keeps the items whose id number is even (or odd): tune
on one half of the development part, check on the other.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _report import Figure, add_json_option, report  # noqa: E402
from eval_detect import run_cli  # noqa: E402
from realeval import SCORED, load_items, score  # noqa: E402

EVAL = BENCH.parent / "tests" / "eval"
TARGETS = {"precision": 0.95, "recall": 0.90, "field": 0.95}


def _keep(item_id: str, ids: str) -> bool:
    """Whether an item id (`d0012`) is in the half `ids` names."""
    if ids == "all":
        return True
    digits = "".join(ch for ch in item_id if ch.isdigit())
    return (int(digits or 0) % 2 == 0) == (ids == "even")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("test", "dev", "both"), default="test")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--quick", action="store_true", help="the test part, no per-source rows")
    parser.add_argument("--ids", choices=("all", "even", "odd"), default="all",
                        help="only the items whose id number is even or odd")  # fmt: skip
    parser.add_argument("--file", metavar="NAME", default=None,
                        help="one development file alone, e.g. real-dev-batch4.tsv")  # fmt: skip
    add_json_option(parser)
    args = parser.parse_args()
    if args.file and args.part != "dev":
        parser.error("--file scores one development file: give --part dev")
    say = sys.stderr if args.json else sys.stdout
    parts = ("test", "dev") if args.part == "both" else (args.part,)
    if args.show_misses and "test" in parts:
        parser.error("--show-misses reads the dev part only: the test part is not read in tuning")
    figures: list[Figure] = []
    ok = True
    for part in parts:
        files = sorted(EVAL.glob(f"real-{part}*.tsv"))
        if args.file:
            files = [f for f in files if f.name == args.file]
            if not files:
                parser.error(f"no development file {args.file} in {EVAL}")
        items = [i for f in files for i in load_items(f) if _keep(i.id, args.ids)]
        scores = score(items, run_cli([item.line() for item in items]))
        signals = {k: sum(lab.signal == k for i in items for lab in i.labels) for k in SCORED}
        print(f"== real-{part}: {len(items)} items, {signals}", file=say)
        for line in scores.lines():
            if args.quick and line.startswith("source:"):
                continue
            print("  " + line, file=say)
        for kind in SCORED:
            for name, value in (("precision", scores.precision(kind)),
                                ("recall", scores.recall(kind))):  # fmt: skip
                met = value >= TARGETS[name]
                figures.append(Figure(f"{kind} {name} (real {part})", value, "", None, None,
                                      f">= {TARGETS[name]:.2f}", met))  # fmt: skip
                ok &= met or part != "test"
        accuracy = scores.field_accuracy()
        target = f">= {TARGETS['field']:.2f}"
        met = accuracy >= TARGETS["field"]
        name = f"field accuracy (real {part})"
        figures.append(Figure(name, accuracy, "", None, None, target, met))
        ok &= accuracy >= TARGETS["field"] or part != "test"
        if args.show_misses:
            for miss in scores.misses:
                print("   ", miss, file=say)
    if args.json:
        report(figures, True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
