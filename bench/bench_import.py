"""Importing a 30,000-connection LinkedIn export, against the raw baseline.

Generates a realistic Connections.csv (the current export: "Notes:" preamble,
URL column, `30 May 2024` dates, quoted commas, empty emails, rows with only
a date), then measures in the same run, each as a separate process:

  baseline   sqlite-utils insert DB contacts FILE --csv   (same rows, no preamble)
  first      prospect import linkedin FILE                 (fresh database)
  re-import  prospect import linkedin FILE                 (same file again: no change)
  changes    prospect import linkedin CHANGED.csv          (the same export a month on:
                                                            10% of the rows at another
                                                            company or title, into a copy
                                                            of the first import's store)
  crm        prospect import csv CRM.csv                   (the same number of CRM rows,
                                                            each with a two-line address)

Targets: first <= 1x baseline (names parsed and all); re-import faster than
first; peak memory (RSS) of the first import and of the re-import with job
changes under 150 MB at any size (the import streams: rows are read, reconciled
and written a batch at a time); the CRM file with multi-line cells <= 2x its
own sqlite-utils baseline (a cell spanning lines must not make the import
re-read the file once per row). Each time is the best of --repeat runs, and
the CPU time (user + system) of the best-timed run is reported beside it (the
machine is noisy: compare the ratios).

    python bench/bench_import.py                 # 30,000 rows
    python bench/bench_import.py --rows 300000   # the growth series' largest step
    python bench/bench_import.py --quick         # 2,000 rows, one run: a smoke test
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _report import Figure, add_json_option, report

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)


def words(text: str) -> list[str]:
    return text.split()


HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
FIRST = words(
    "Ada Ben Cara Dev Eli Fatima Grace Hugo Ines Jonas Kenji Lena Mateo Nina Omar Priya Ravi "
    "Sofia Tom Uma Victor Wei Xavier Yusuf Zoe Ana Björn Chloé Dmitri Eva Νίκος 美咲"
)
LAST = words(
    "Adams Becker Chen Diaz Ellis Fischer García Hale Ito Jones Kim Lopez Müller Nakamura "
    "Okafor Patel Quinn Rossi Shah Tanaka Usman Vogel Walsh Young Zhang O'Neill Παπαδόπουλος"
)
WORDS = words(
    "Brightloop Kestrel Lumen Northwind Orbital Saltmarsh Verdant Quarry Tidewater Fernhill "
    "Copperleaf Pinecrest Nordlys Hoshi Bramble Solenne Atlas Greyhound Kranich Halcyon Corvid"
)
SUFFIX = ("", "", "", " Inc.", ", Inc.", " GmbH", " Ltd", " LLC", " S.A.", " AI", " Labs")
KIND = ("Health", "Analytics", "Payroll", "Robotics", "Bank", "Software", "Energy", "Logistics")
TITLES = (
    "VP of Sales", "Head of Marketing", "Chief Executive Officer", "Software Engineer",
    "Senior Account Executive", "Director, Partnerships", "Head of Growth", "Data Scientist",
    "Chief Revenue Officer", "Operations Manager", "Founder & CEO", "Product Manager",
)  # fmt: skip
MONTHS = words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")


def quote(cell: str) -> str:
    return f'"{cell}"' if "," in cell or '"' in cell else cell


def generate(path: Path, rows: int, seed: int = 7, changed: float = 0.0) -> None:
    """A Connections.csv with `rows` rows, about 2,000 companies, 1% date-only rows;
    with `changed`, the same export with that share of the people at another
    company or in another role (drawn apart, so the rest is the same)."""
    rnd = random.Random(seed)
    moves = random.Random(seed + 1)
    companies = [f"{rnd.choice(WORDS)} {rnd.choice(KIND)}{rnd.choice(SUFFIX)}" for _ in range(2000)]
    lines = [PREAMBLE, HEADER]
    for n in range(rows):
        day = f"{rnd.randint(1, 28):02d} {rnd.choice(MONTHS)} {rnd.randint(2012, 2026)}"
        if rnd.random() < 0.01:
            lines.append(f",,,,,,{day}\n")
            continue
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        slug = f"{first}-{last}-{n:x}".lower().replace("'", "")
        email = f"{slug}@example.com" if rnd.random() < 0.05 else ""
        last_cell = last + (", MBA" if rnd.random() < 0.02 else "")
        company, title = rnd.choice(companies), rnd.choice(TITLES)
        if changed and moves.random() < changed:
            if moves.random() < 0.5:
                company = moves.choice(companies)
            title = moves.choice(TITLES)
        cells = [
            first,
            last_cell,
            f"https://www.linkedin.com/in/{slug}",
            email,
            company,
            title,
            day,
        ]
        lines.append(",".join(quote(c) for c in cells) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def generate_crm(path: Path, rows: int, seed: int = 7) -> None:
    """A CRM / Google Contacts style export whose address cell spans two lines."""
    rnd = random.Random(seed)
    lines = ["Name,Email,Company,Title,Address\n"]
    for n in range(rows):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        company = f"{rnd.choice(WORDS)} {rnd.choice(KIND)}"
        address = f'"{rnd.randint(1, 999)} {rnd.choice(WORDS)} Street\n{rnd.choice(WORDS)}ville"'
        email = f"p{n}@example.com"
        lines.append(f"{name},{email},{company},{quote(rnd.choice(TITLES))},{address}\n")
    path.write_text("".join(lines), encoding="utf-8")


def make_files(work: Path, rows: int) -> None:
    """The export, the same a month on with job changes, the export without its
    preamble (for sqlite-utils) and the CRM file."""
    export = work / "Connections.csv"
    generate(export, rows)
    generate(work / "Changed.csv", rows, changed=0.1)
    # the same rows without the preamble, for sqlite-utils
    (work / "bare.csv").write_text(export.read_text("utf-8")[len(PREAMBLE) :], encoding="utf-8")
    generate_crm(work / "crm.csv", rows)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall time in seconds, CPU time in seconds and peak RSS in MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr.decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # Linux reports KB


@dataclass(slots=True)
class Timing:
    seconds: float  # the best wall time
    cpu: float  # CPU time of that run
    rss: float  # the highest peak RSS of all runs, MB


def best(cmd_for_run, repeat: int) -> Timing:
    results = [run(cmd_for_run(i)) for i in range(repeat)]
    wall, cpu, _ = min(results)
    return Timing(wall, cpu, max(r[2] for r in results))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 rows, one run each")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: temp)")
    add_json_option(parser)
    args = parser.parse_args()
    rows = args.rows or (2_000 if args.quick else 30_000)
    repeat = args.repeat or (1 if args.quick else 3)
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(sys.executable).parent)) or (
        shutil.which("sqlite-utils")
    )
    if not sqlite_utils:
        sys.exit("sqlite-utils not found: pip install -e . installs it")
    prospect = [sys.executable, "-m", "prospect"]

    with tempfile.TemporaryDirectory(prefix="bench-import-", dir=args.dir) as tmp:
        work = Path(tmp)
        export, changed = work / "Connections.csv", work / "Changed.csv"
        bare, crm_file = work / "bare.csv", work / "crm.csv"
        # Written by a process of their own: a child's peak RSS, as Linux
        # reports it, counts the parent it was forked from, so the parent
        # must never have held 300,000 rows.
        maker = multiprocessing.get_context("spawn").Process(target=make_files, args=(work, rows))
        maker.start()
        maker.join()
        if maker.exitcode:
            sys.exit(f"could not write the files ({maker.exitcode})")

        def fresh(name: str, i: int) -> Path:
            db = work / f"{name}-{i}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            return db

        def copy_of_first(i: int) -> Path:
            db = fresh("changes", i)
            shutil.copyfile(work / "first-0.db", db)
            return db

        def linkedin(db: Path, file: Path) -> list[str]:
            return [*prospect, "--db", str(db), "import", "linkedin", str(file)]

        baseline = best(
            lambda i: [
                sqlite_utils,
                "insert",
                str(fresh("base", i)),
                "contacts",
                str(bare),
                "--csv",
            ],
            repeat,
        )
        first = best(lambda i: linkedin(fresh("first", i), export), repeat)
        reimport = best(lambda i: linkedin(work / "first-0.db", export), repeat)
        changes = best(lambda i: linkedin(copy_of_first(i), changed), repeat)
        crm_base = best(
            lambda i: [
                sqlite_utils,
                "insert",
                str(fresh("crm-base", i)),
                "contacts",
                str(crm_file),
                "--csv",
            ],
            repeat,
        )
        crm = best(
            lambda i: [*prospect, "--db", str(fresh("crm", i)), "import", "csv", str(crm_file)],
            repeat,
        )

    n = f"{rows:,}"
    figures = [
        Figure.against(f"import {n} connections, fresh db", first.seconds, "s", baseline.seconds,
                       "<= 1x baseline", 1.0),
        Figure.against("  the same, CPU time", first.cpu, "s", baseline.cpu,
                       "<= 1x baseline", 1.0),
        Figure(f"re-import {n} connections, unchanged", reimport.seconds, "s", first.seconds,
               reimport.seconds / first.seconds, "< first import",
               reimport.seconds < first.seconds),
        Figure(f"re-import {n}, 10% job changes", changes.seconds, "s", first.seconds,
               changes.seconds / first.seconds),
        Figure(f"peak RSS, import of {n} connections", first.rss, "MB", baseline.rss,
               first.rss / baseline.rss, "< 150 MB", first.rss < 150),
        Figure(f"peak RSS, re-import of {n}, 10% job changes", changes.rss, "MB", baseline.rss,
               changes.rss / baseline.rss, "< 150 MB", changes.rss < 150),
        Figure.against(f"import {n} CRM rows, two-line addresses", crm.seconds, "s",
                       crm_base.seconds, "<= 2x baseline", 2.0),
    ]  # fmt: skip
    if not args.json:
        print(f"{rows:,} connections, best of {repeat} run(s); baseline: sqlite-utils insert")
    report(figures, args.json)
    # --quick is a smoke test: at 2,000 rows start-up time dominates every figure.
    return 1 if any(f.ok is False for f in figures) and not args.quick else 0


if __name__ == "__main__":
    raise SystemExit(main())
