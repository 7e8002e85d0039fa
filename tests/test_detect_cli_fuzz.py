"""Random text into `prospect detect`, the command a rep tests rules with:
exit 0 and well-formed output, or one clean error for bytes that are not
text; never a traceback, never a hang on long hostile lines."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_WORDS = st.sampled_from(
    [
        "raises", "$40M", "Series B", "appoints", "as", "Chief Revenue Officer", "joins",
        "Brightloop", "Inc.", "\t", "\x1b[31m", "\x00", "\r", "€1.2bn", "names", "CMO", " ",
    ]
)  # fmt: skip
_TEXT = st.characters(blacklist_categories=("Cs",))  # no lone surrogates: not encodable
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(st.lists(st.one_of(_WORDS, st.text(_TEXT, max_size=30)), max_size=60))
def test_random_text_through_prospect_detect(cli, tmp_path: Path, words: list[str]):
    path = tmp_path / "headlines.txt"
    path.write_text(" ".join(words), encoding="utf-8")
    result = cli("detect", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        record = json.loads(line)
        assert record["signal"] in {"funding_round", "executive_hire", "keyword"}
    assert result.stderr.rstrip().endswith("signal(s) found")


@SETTINGS
@given(st.binary(max_size=500))
def test_random_bytes_through_prospect_detect(cli, tmp_path: Path, data: bytes):
    path = tmp_path / "headlines.txt"
    path.write_bytes(data)
    result = cli("detect", str(path))
    if result.exit_code:
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {path}: not UTF-8 text")
    assert "Traceback" not in result.output


def test_long_hostile_lines_do_not_hang_the_command(tmp_path: Path):
    """100 KB lines built to make a backtracking regex explode, in one process."""
    lines = [
        "A" * 100_000,
        "Acme " * 20_000,
        "raises " * 14_000,
        "Aa Bb " * 16_000 + "raises $",
        "Jane Doe " * 11_000 + "as",
        "$1" * 50_000,
        "Series " * 14_000,
        "appoints " * 11_000 + "as CMO",
    ]
    path = tmp_path / "hostile.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "prospect", "detect", str(path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    end = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (end.ru_utime + end.ru_stime) - (start.ru_utime + start.ru_stime)  # CPU, not wall
    assert result.returncode == 0, result.stderr
    # start-up plus 800 KB of text: a backtracking regex would take minutes here
    assert elapsed < 20, f"{elapsed:.1f} s"


def test_an_amount_is_never_taken_for_a_company(cli, tmp_path: Path):
    path = tmp_path / "headlines.txt"
    path.write_text("$40M appoints Chief Revenue Officer\n", encoding="utf-8")
    result = cli("detect", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    companies = [json.loads(line)["company"] for line in result.stdout.splitlines()]
    assert "$40M" not in companies
