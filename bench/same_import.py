"""Whether two stores hold the same import: every table an import writes,
compared row for row, less the times it was written at.

A change to how an import runs, rather than to what it decides, must leave
the store exactly as it was. Import the same files with the code before and
after the change (bench_import.py's generator writes them; `--dir` keeps
them), then compare:

    python bench/same_import.py before.db after.db
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

# table -> (the columns that say when a row was written, or follow from it as a
# signal's key does, left out; the order to compare in)
TABLES = {
    "contacts": (("created_at", "updated_at"), "id"),
    "contact_sources": (("seen_at",), "contact_id, source"),
    "signals": (("id", "key", "published_at", "detected_at"), "contact_id, evidence"),
    "companies": ((), "name_norm"),
    "company_aliases": ((), "alias_norm"),
    "source_exports": (("imported_at",), "source"),
}


def rows(db: Path, table: str) -> list[tuple[object, ...]]:
    stamps, order = TABLES[table]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c not in stamps)
        return conn.execute(f"SELECT {kept} FROM {table} ORDER BY {order}").fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    differ = 0
    for table in TABLES:
        old, new = rows(args.before, table), rows(args.after, table)
        if old == new:
            print(f"{table}: {len(old):,} rows, the same")
            continue
        differ += 1
        first = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        print(f"{table}: {len(old):,} rows and {len(new):,}; first difference at row {first}:")
        print(f"  before: {old[first] if first < len(old) else None}")
        print(f"  after:  {new[first] if first < len(new) else None}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
