"""Detection quality on the labelled headlines, through the real command line.

Runs `prospect detect --format jsonl` (a subprocess, with the packaged rules and
no database) over tests/eval/headlines.tsv, the two held-out sets
(tests/eval/holdout.tsv, tests/eval/holdout2.tsv, written after the rules) and
the fund-raise look-alikes (tests/eval/funds.tsv), and
prints precision and recall per signal type on (signal, company) pairs, plus
the accuracy of round, amount, role and person on the true positives.

    python bench/eval_detect.py [--quick] [--show-misses] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _report import Figure, add_json_option, report  # noqa: E402
from evaluate import SCORED, input_lines, load_labels, score  # noqa: E402

TARGETS = {"precision": 0.95, "recall": 0.90, "field": 0.90}


def run_cli(lines: list[str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PROSPECT_DB": str(Path(tmp) / "none.db")}
        rules = Path(tmp) / "signals.yaml"
        rules.write_text("# empty: the packaged defaults\n", "utf-8")
        env["PROSPECT_CONFIG"] = str(rules)
        proc = subprocess.run(
            [sys.executable, "-m", "prospect", "detect", "-", "--format", "jsonl"],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--quick", action="store_true", help="main set only")
    parser.add_argument("--show-misses", action="store_true")
    add_json_option(parser)
    args = parser.parse_args()
    say = sys.stderr if args.json else sys.stdout
    figures: list[Figure] = []
    files = args.files or [ROOT / "tests/eval/headlines.tsv"]
    if not args.files and not args.quick:
        files += [ROOT / f"tests/eval/{name}.tsv" for name in ("holdout", "holdout2", "funds")]
    ok = True
    for path in files:
        labels = load_labels(path)
        scores = score(labels, run_cli(input_lines(labels)))
        counts = {k: sum(1 for lab in labels if lab.signal == k) for k in SCORED}
        print(f"== {path.name}: {len(labels)} headlines, {counts}", file=say)
        for line in scores.lines():
            print("  " + line, file=say)
        for kind in SCORED:
            p, r = scores.precision(kind), scores.recall(kind)
            print(
                f"  {kind}: precision/target {p / TARGETS['precision']:.2f}, "
                f"recall/target {r / TARGETS['recall']:.2f}",
                file=say,
            )
            ok &= p >= TARGETS["precision"] and r >= TARGETS["recall"]
            for name, value in (("precision", p), ("recall", r)):
                figures.append(
                    Figure(f"{kind} {name} ({path.stem})", value, "", None, None,
                           f">= {TARGETS[name]:.2f}", value >= TARGETS[name])
                )  # fmt: skip
        if args.show_misses:
            for miss in scores.misses:
                print("   ", miss, file=say)
    if args.json:
        report(figures, True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
