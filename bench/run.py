"""Every benchmark in bench/, one after the other, and one table of the results.

Each benchmark runs as its own process (never two at once: the machine has two
noisy cores) and reports each figure with its baseline measured in the same
run, the ratio and the target set for it:

  bench_import.py   30,000-connection import vs `sqlite-utils insert`; peak memory
  bench_poll.py     300-feed poll vs a naive feedparser loop; the 304 re-poll; peak memory
  bench_detect.py   parse (feedparser) and detection with 15,000 companies
  bench_list.py     `prospect list` on 30,000 contacts and 100,000 items
  eval_detect.py    detection precision and recall on the labelled headlines
  eval_real.py      the same on real headlines: the test part (targets) and the dev part
  bench_scenario.py a realistic world end to end: job changes, top-10/50 precision
  robustness.py     every file of a feed corpus through `poll`, no crash

A benchmark that offers `--json` (see bench/_report.py) is read as JSON; the
others' printed tables are parsed. Exit status: 1 when a benchmark crashed or
its figures could not be read; in a full run, also when any target is missed.
`--quick` runs small sizes (start-up dominates them, so a missed ratio there is
shown but does not fail): it is the CI smoke test that keeps benchmarks alive.

    python bench/run.py            # full sizes, a few minutes
    python bench/run.py --quick    # about a minute
    python bench/run.py --corpus ../shared/realfeeds --corpus DIR2
    python bench/run.py --scale    # growth series: how each cost grows with the work
    python bench/run.py --scale --series import   # one of them

`--scale` runs poll (300, 1,000, 3,000 feeds; 50 and 500 entries per feed),
detection (1,000, 10,000, 100,000 headlines), the list (4,000, 40,000,
400,000 signals) and the import of a LinkedIn export (30,000, 100,000,
300,000 rows: each step also reports its ratio to `sqlite-utils insert` and
its peak memory, first import and re-import with 10% job changes) at each
size and prints each series' exponent: the slope of log(time) over log(size),
least squares. 1.0 is linear; the target is <= 1.1 (no worse than a little
above linear), which a fixed cost at the small end only makes easier to meet,
so each series also shows its times. All sizes run in one session, one at a
time, so the times compare with each other even on a loaded machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from _report import Figure, number, table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPORA = (
    ROOT.parent / "shared" / "corpora" / "feedparser-tests",
    ROOT.parent / "shared" / "realfeeds",
)
FALLBACK_CORPUS = ROOT / "tests" / "fixtures" / "feeds"


@dataclass(slots=True)
class Outcome:
    name: str
    figures: list[Figure] = field(default_factory=list)
    crashed: str | None = None  # why, when the benchmark could not be read
    seconds: float = 0.0


# --- reading the text of benchmarks that do not offer --json yet ---------------------

_POLL_ROW = re.compile(
    r"^(?P<name>\(\w\).*?)\s{2,}(?P<value>[\d.]+)\s+(?P<base>[\d.]+)\s+(?P<ratio>[\d.]+)"
    r"\s+<=\s*(?P<target>[\d.]+)"
)
_POLL_RSS = re.compile(r"^peak RSS.*?\s{2,}(?P<value>[\d.]+)\s+<\s*(?P<target>[\d.]+)")
_POLL_SIZE = re.compile(r"^(?P<feeds>\d+) feeds x", re.M)


def parse_poll(stdout: str, stderr: str) -> list[Figure]:
    size = _POLL_SIZE.search(stderr) or _POLL_SIZE.search(stdout)
    feeds = f"{size['feeds']} feeds" if size else "feeds"
    figures = []
    for line in stdout.splitlines():
        if m := _POLL_ROW.match(line):
            name = m["name"].split(")", 1)[1].strip()
            target = float(m["target"])
            ratio = float(m["ratio"])
            figures.append(
                Figure(f"{name} ({feeds})", float(m["value"]), "s", float(m["base"]), ratio,
                       f"<= {target:g}x baseline", ratio <= target)
            )  # fmt: skip
        elif m := _POLL_RSS.match(line):
            value, target = float(m["value"]), float(m["target"])
            figures.append(
                Figure(f"peak RSS, poll of {feeds}", value, "MB", None, None,
                       f"< {target:g} MB", value < target)
            )  # fmt: skip
    return figures


_DETECT_PARSE = re.compile(r"feedparser\.parse.*?:\s*(?P<value>[\d.]+) s")
_DETECT_SIZE = re.compile(r"feed: (?P<entries>[\d,]+) entries")
_DETECT_15K = re.compile(r"detect with\s+15,000 companies:\s*(?P<value>[\d.]+) s")
_DETECT_RATIO = re.compile(r"ratio detect.*?:\s*(?P<ratio>[\d.]+) \(target <= (?P<target>[\d.]+)")
_DETECT_REAL = re.compile(r"real entries \(bench/data, (?P<n>\d+)\).*?ratio (?P<ratio>[\d.]+)")
_DETECT_GROWTH = re.compile(r"growth (?P<span>[\d,]+ -> [\d,]+) companies.*?time x(?P<x>[\d.]+)")


def parse_detect(stdout: str, stderr: str) -> list[Figure]:
    size, parse = _DETECT_SIZE.search(stdout), _DETECT_PARSE.search(stdout)
    detect, ratio = _DETECT_15K.search(stdout), _DETECT_RATIO.search(stdout)
    if not (size and parse and detect and ratio):
        return []
    entries = size["entries"]
    parse_s, detect_s = float(parse["value"]), float(detect["value"])
    share, target = float(ratio["ratio"]), float(ratio["target"])
    figures = [
        Figure(f"parse {entries} entries (feedparser.parse)", parse_s, "s"),
        Figure(f"detect in {entries} entries, 15,000 companies", detect_s, "s", parse_s,
               share, f"<= {target:g}x parse", share <= target),
    ]  # fmt: skip
    if real := _DETECT_REAL.search(stdout):
        real_ratio = float(real["ratio"])
        figures.append(
            Figure(f"detect / parse on {real['n']} real entries (bench/data)", real_ratio, "x",
                   None, None, f"<= {target:g}x", real_ratio <= target)
        )  # fmt: skip
    if growth := _DETECT_GROWTH.search(stdout):
        figures.append(
            Figure(f"detect time growth, {growth['span']} companies", float(growth["x"]), "x")
        )
    return figures


# --- running ---------------------------------------------------------------------------


def offers_json(script: Path) -> bool:
    """Whether a benchmark already takes --json (it says so in its --help)."""
    result = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60
    )
    return "--json" in result.stdout


def run_one(
    name: str,
    args: list[str],
    parse: Callable[[str, str], list[Figure]] | None,
    timeout: float,
) -> Outcome:
    script = BENCH / name
    use_json = offers_json(script)
    cmd = [sys.executable, str(script), *args, *(["--json"] if use_json else [])]
    print(f"running {' '.join([script.name, *args])} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    outcome = Outcome(name)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        outcome.crashed = f"did not finish in {timeout:g} s"
        return outcome
    outcome.seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in proc.stderr:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        outcome.crashed = f"exit {proc.returncode}: {tail}"
        return outcome
    try:
        if use_json:
            outcome.figures = [Figure(**f) for f in json.loads(proc.stdout)]
        elif parse is not None:
            outcome.figures = parse(proc.stdout, proc.stderr)
    except (ValueError, TypeError) as exc:
        outcome.crashed = f"unreadable output ({exc})"
        return outcome
    if not outcome.figures:
        outcome.crashed = f"no figures in its output (exit {proc.returncode})"
    return outcome


# --- growth series (--scale) -----------------------------------------------------------

SCALE_TARGET = 1.1  # a series' exponent: no worse than a little above linear


@dataclass(slots=True)
class Series:
    name: str
    unit: str  # what the size counts
    script: str
    args: Callable[[int], list[str]]
    sizes: tuple[int, ...]
    seconds: Callable[[str, str], float | None]  # the step's time from stdout, stderr
    # more of the step's figures to show (its ratios, its memory), from stdout
    extra: Callable[[str], list[Figure]] | None = None


_POLL_RUNS = re.compile(r"runs of \(b\): (?P<runs>[\d. ]+) s")


def poll_seconds(stdout: str, stderr: str) -> float | None:
    m = _POLL_RUNS.search(stderr)
    return min(float(t) for t in m["runs"].split()) if m else None


def detect_seconds(stdout: str, stderr: str) -> float | None:
    m = _DETECT_15K.search(stdout)
    return float(m["value"]) if m else None


def list_seconds(stdout: str, stderr: str) -> float | None:
    for f in json.loads(stdout):
        if f["figure"].startswith("list in-process"):
            return float(f["value"])
    return None


_IMPORT_FIRST = "import "  # bench_import.py's first figure: "import N connections, fresh db"


def import_seconds(stdout: str, stderr: str) -> float | None:
    for f in json.loads(stdout):
        if f["figure"].startswith(_IMPORT_FIRST) and f["figure"].endswith("fresh db"):
            return float(f["value"])
    return None


def import_extra(stdout: str) -> list[Figure]:
    """The step's ratios to sqlite-utils (time, CPU time) and its peak memory."""
    keep = ("fresh db", "CPU time", "peak RSS")
    return [Figure(**f) for f in json.loads(stdout) if any(k in f["figure"] for k in keep)]


SERIES = (
    Series("poll", "feeds", "bench_poll.py",
           lambda n: ["--feeds", str(n), "--runs", "1", "--no-naive"],
           (300, 1_000, 3_000), poll_seconds),
    Series("poll, 300 feeds", "entries per feed", "bench_poll.py",
           lambda n: ["--feeds", "300", "--entries", str(n), "--runs", "1", "--no-naive"],
           (50, 500), poll_seconds),
    Series("detection, 15,000 companies", "headlines", "bench_detect.py",
           lambda n: ["--quick", "--entries", str(n)], (1_000, 10_000, 100_000), detect_seconds),
    Series("list (build_list + JSON)", "signals", "bench_list.py",
           lambda n: ["--signals", str(n), "--repeat", "1", "--json"],
           (4_000, 40_000, 400_000), list_seconds),
    Series("import (LinkedIn export, fresh db)", "rows", "bench_import.py",
           lambda n: ["--rows", str(n), "--repeat", "1", "--json"],
           (30_000, 100_000, 300_000), import_seconds, import_extra),
)  # fmt: skip


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def run_step(series: Series, size: int, timeout: float) -> tuple[float, list[Figure]] | str:
    """The step's seconds and its other figures, or why there are none."""
    cmd = [sys.executable, str(BENCH / series.script), *series.args(size)]
    print(f"running {' '.join(cmd[1:])} ...", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return f"did not finish in {timeout:g} s"
    try:
        seconds = series.seconds(proc.stdout, proc.stderr)
    except (ValueError, TypeError, KeyError) as exc:
        seconds, why = None, f"unreadable output ({exc})"
    else:
        why = f"no time in its output (exit {proc.returncode})"
    if seconds is None or seconds <= 0:
        last = (proc.stderr.strip().splitlines() or [""])[-1]  # the exception, if it raised
        return f"{why}: {last}"[:160]
    try:
        extra = series.extra(proc.stdout) if series.extra else []
    except (ValueError, TypeError, KeyError):
        extra = []
    return seconds, extra


def run_scale(timeout: float, only: str | None = None) -> int:
    start = time.perf_counter()
    figures: list[Figure] = []
    for series in SERIES:
        if only and only not in series.name:
            continue
        sizes, times = [], []
        for size in series.sizes:
            got = run_step(series, size, timeout)
            label = f"{series.name}: {size:,} {series.unit}"
            if isinstance(got, str):
                figures.append(Figure(f"{label}: FAILED, {got}"[:120], float("nan"), ""))
                continue
            seconds, extra = got
            sizes.append(size)
            times.append(seconds)
            per = seconds / size * 1000
            figures.append(Figure(f"{label} ({number(per, 's')} per 1,000)", seconds, "s"))
            for f in extra:
                f.figure = f"  {f.figure.strip()}"
                figures.append(f)
        if len(sizes) >= 2:
            slope = exponent(sizes, times)
            figures.append(
                Figure(f"{series.name}: exponent over {sizes[0]:,}..{sizes[-1]:,} {series.unit}",
                       slope, "", None, None, f"<= {SCALE_TARGET:g}", slope <= SCALE_TARGET)
            )  # fmt: skip
    elapsed = time.perf_counter() - start
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"prospect growth series ({elapsed:.0f} s; load average {load:.1f} on "
        f"{os.cpu_count()} cores at the end)"
    )
    table(figures, sys.stdout)
    failed = [f.figure for f in figures if "FAILED" in f.figure or f.ok is False]
    if failed:
        print(f"{len(failed)} step(s) failed or exponent(s) above target", file=sys.stderr)
        return 1
    return 0


def corpora(given: list[Path] | None) -> list[Path]:
    if given:
        return given
    found = [d for d in DEFAULT_CORPORA if d.is_dir()]
    return found or [FALLBACK_CORPUS]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="small sizes, about a minute (CI)")
    ap.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="DIR",
        help="feed files for robustness.py (repeat for more; default: ../shared/corpora/"
        "feedparser-tests and ../shared/realfeeds when present, else tests/fixtures/feeds)",
    )
    ap.add_argument(
        "--scale", action="store_true", help="the growth series and their exponents (long)"
    )
    ap.add_argument(
        "--series", metavar="NAME", help="with --scale, only the series whose name has NAME"
    )
    args = ap.parse_args()
    if args.scale:
        return run_scale(timeout=3600, only=args.series)
    quick = ["--quick"] if args.quick else []
    timeout = 600 if args.quick else 3600
    dirs = [str(d) for d in corpora(args.corpus)]
    plan: list[tuple[str, list[str], Callable[[str, str], list[Figure]] | None]] = [
        ("bench_import.py", quick, None),
        ("bench_poll.py", quick, parse_poll),
        ("bench_detect.py", quick, parse_detect),
        ("bench_list.py", quick, None),
        ("eval_detect.py", quick, None),
        ("eval_real.py", ["--part", "both"] if not args.quick else ["--quick"], None),
        ("bench_scenario.py", quick, None),
        ("robustness.py", [*quick, *dirs], None),
    ]
    start = time.perf_counter()
    outcomes = [run_one(name, a, parse, timeout) for name, a, parse in plan]
    elapsed = time.perf_counter() - start

    rows: list[Figure] = []
    for outcome in outcomes:
        short = outcome.name.removesuffix(".py").removeprefix("bench_")
        for f in outcome.figures:
            f.figure = f"{short}: {f.figure}"
            rows.append(f)
        if outcome.crashed:
            rows.append(Figure(f"{short}: CRASHED, {outcome.crashed}"[:120], float("nan"), ""))
    mode = "quick" if args.quick else "full"
    print(f"prospect benchmarks ({mode} run, {elapsed:.0f} s; corpus: {', '.join(dirs)})")
    table(rows, sys.stdout)
    crashed = [o.name for o in outcomes if o.crashed]
    missed = [f.figure for f in rows if f.ok is False]
    if crashed:
        print(f"crashed: {', '.join(crashed)}", file=sys.stderr)
        return 1
    if missed:
        note = " (quick sizes are dominated by start-up: not a failure)" if args.quick else ""
        print(f"{len(missed)} target(s) missed{note}", file=sys.stderr)
        return 0 if args.quick else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
