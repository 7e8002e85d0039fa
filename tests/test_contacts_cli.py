"""`prospect import ...`, `contacts ...` and `who` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_import_prints_one_summary_line_on_stderr(cli):
    result = cli("import", "linkedin", str(FIX / "linkedin-2024.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        "linkedin: 6 added, 0 updated, 0 unchanged, 1 skipped; 0 job changes"
    )
    again = cli("import", "linkedin", str(FIX / "linkedin-2024.csv"))
    assert "0 added, 0 updated, 6 unchanged, 1 skipped; 0 job changes" in again.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("csv", str(FIX / "hubspot.csv")), "csv: 2 added"),
        (("csv", str(FIX / "crm-custom.csv"), "--map", "Mail=email", "--source", "crm"), "crm: 1"),
        (("vcard", str(FIX / "contacts-v4.vcf")), "vcard: 2 added"),
    ],
)
def test_import_each_kind(cli, args, line):
    result = cli("import", *args)
    assert result.exit_code == 0, result.output
    assert line in result.stderr


def test_cp1252_file_warns(cli):
    result = cli("import", "linkedin", str(FIX / "linkedin-excel-semicolon-cp1252.csv"))
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "Windows-1252" in result.stderr
    assert "2 added" in result.stderr


def test_skipped_rows_are_named_and_strict_fails_without_writing(cli, tmp_path, db_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Byron,https://www.linkedin.com/in/ada,,Engines,Analyst,30 May 2024\n"
        "Bad,Row,https://www.linkedin.com/in/bad,,Engines,Analyst,someday\n"
    )
    strict = cli("import", "linkedin", str(path), "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.strip() == (
        f"error: {path}:3: cannot read the date 'someday' (expected e.g. '30 May 2024')"
    )
    assert "Traceback" not in strict.output
    listed = cli("contacts", "list", "--format", "json")
    assert json.loads(listed.stdout) == []
    loose = cli("import", "linkedin", str(path))
    assert loose.exit_code == 0
    assert f"skipped {path}:3: cannot read the date" in loose.stderr
    assert "1 added, 0 updated, 0 unchanged, 1 skipped" in loose.stderr


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("linkedin", "missing.csv"), 1, "missing.csv: cannot read"),
        (("linkedin", str(FIX / "linkedin-no-header.csv")), 1, "prospect import csv"),
        (("csv", str(FIX / "hubspot.csv"), "--map", "Email=mail"), 2, "unknown field 'mail'"),
        (("csv", str(FIX / "hubspot.csv"), "--map", "Nope=email"), 2, "no column 'Nope'"),
        (("vcard", str(FIX / "hubspot.csv")), 1, "not a vCard file"),
    ],
)
def test_import_errors_are_one_line_with_an_exit_code(cli, args, code, fragment):
    result = cli("import", *args)
    assert result.exit_code == code
    assert result.stderr.startswith("error: ")
    assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_reimport_of_a_newer_export_reports_job_changes(cli, tmp_path):
    cli("import", "linkedin", str(FIX / "linkedin-2019-crlf.csv"))
    result = cli("import", "linkedin", str(FIX / "linkedin-2021-no-url.csv"))
    assert "2 job changes" in result.stderr


def _imported(cli):
    assert cli("import", "linkedin", str(FIX / "linkedin-2024.csv")).exit_code == 0
    assert cli("import", "vcard", str(FIX / "contacts-v3.vcf")).exit_code == 0


def test_contacts_list_search_show_in_every_format(cli):
    _imported(cli)
    rows = json.loads(cli("contacts", "list", "--format", "json").stdout)
    assert len(rows) == 8
    assert {"id", "full_name", "company", "title", "sources"} <= set(rows[0])
    found = cli("contacts", "search", "hoshi", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["full_name"] for line in found] == ["美咲 佐藤"]
    table = cli("contacts", "search", "head of growth").stdout
    assert "Bramble" in table
    one = cli("contacts", "show", str(rows[0]["id"]), "--format", "csv").stdout
    (record,) = csv.DictReader(io.StringIO(one))
    assert record["full_name"] == rows[0]["full_name"]
    missing = cli("contacts", "show", "9999")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "error: no contact with id 9999"


def test_who_finds_people_by_alias(cli, tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        'Ada,Byron,https://www.linkedin.com/in/ada,,"Meta Platforms, Inc.",CRO,30 May 2024\n'
        "Cara,Dunn,https://www.linkedin.com/in/cara,,Globex,CEO,30 May 2024\n"
    )
    cli("import", "linkedin", str(path))
    result = cli("who", "Facebook", "--format", "json")
    assert result.exit_code == 0
    assert [r["full_name"] for r in json.loads(result.stdout)] == ["Ada Byron"]
    assert "Cara Dunn" in cli("who", "globex inc").stdout
    assert json.loads(cli("who", "Initech", "--format", "json").stdout) == []


DEMO = Path(__file__).parent.parent / "prospect" / "data" / "demo"


def test_an_older_export_is_named_and_as_of_is_the_way_out(cli):
    assert cli("import", "linkedin", str(DEMO / "Connections.csv")).exit_code == 0
    older = cli("import", "linkedin", str(DEMO / "connections-2026-10.csv"))
    assert older.exit_code == 0, older.output
    assert f"warning: {DEMO / 'connections-2026-10.csv'} is older than" in older.stderr
    assert "--as-of DATE" in older.stderr
    assert older.stderr.strip().endswith("0 job changes")
    forced = cli(
        "import", "linkedin", str(DEMO / "connections-2026-10.csv"), "--as-of", "2026-12-01"
    )
    assert "warning" not in forced.stderr
    assert "3 job changes" in forced.stderr
    bad = cli("import", "linkedin", str(DEMO / "Connections.csv"), "--as-of", "soon")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == "error: --as-of 'soon': expected a date such as 2026-10-31"
