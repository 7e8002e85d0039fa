"""`prospect digest` end to end: real mail to a real local SMTP server, and what
the store records (or does not) afterwards."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from smtp_helpers import PASSWORD, USER, free_port, smtp_server

from prospect.digest import DigestOptions, run_digest
from prospect.errors import ProspectError
from prospect.importers import import_contacts
from prospect.lock import run_lock
from prospect.models import Contact, Entry, Signal
from prospect.store import connect, write
from prospect.store.digests import digest_people, list_digests
from prospect.store.feeds import save_items
from prospect.store.outreach import history, outreach_states
from prospect.store.signals import save_signals

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(autouse=True)
def no_smtp_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own SMTP password must never reach a test server."""
    monkeypatch.delenv("PROSPECT_SMTP_PASSWORD", raising=False)


HOSTILE = "<script>alert('x')</script> & Sakura Systems opens office in Berlin"


def _ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).replace(microsecond=0).isoformat()


def add_signal(db_path: Path, signal: Signal, title: str) -> None:
    """Store a news item and the signal found in it, like a poll would."""
    db = connect(db_path)
    try:
        with write(db):
            (entry,) = save_items(
                db,
                None,
                [
                    Entry(
                        guid=f"g-{title}",
                        title=title,
                        url=signal.url,
                        published_at=signal.published_at,
                    )
                ],
            )
            signal.item_id = entry.id
            save_signals(db, [signal])
    finally:
        db.close()


@pytest.fixture
def seeded(db_path: Path) -> Path:
    """Three people worth contacting: two with non-ASCII names, one only through an intro."""
    db = connect(db_path)
    with write(db):
        import_contacts(
            db,
            [
                Contact(
                    "Zoë Ångström",
                    "Zoë",
                    "Ångström",
                    company="Nordisk Data AB",
                    title="Chief Revenue Officer",
                ),
                Contact("山田太郎", company="Sakura Systems", title="Head of Sales"),
                Contact(
                    "Rachel Kim", "Rachel", "Kim", company="Acme Robotics", title="VP of Sales"
                ),
            ],
            "linkedin",
        )
    db.close()
    add_signal(
        db_path,
        Signal(type="funding_round", rule="funding_round", company="Nordisk Data AB",
               round="series_b", amount=20e6, currency="USD", published_at=_ago(days=2),
               url="https://news.example.com/nordisk-series-b"),
        "Nordisk Data AB raises $20M Series B",
    )  # fmt: skip
    add_signal(
        db_path,
        Signal(type="keyword", rule="expansion", company="Sakura Systems", evidence=HOSTILE,
               published_at=_ago(hours=3), url="javascript:alert(1)"),
        HOSTILE,
    )  # fmt: skip
    add_signal(
        db_path,
        Signal(type="executive_hire", rule="executive_hire", company="Acme Robotics",
               person="Marta Nowak", role="Chief Marketing Officer", published_at=_ago(hours=5),
               url="https://news.example.com/acme-cmo?a=1&b=2"),
        "Acme Robotics names Marta Nowak Chief Marketing Officer",
    )  # fmt: skip
    return db_path


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n")


def flat(text: str) -> str:
    """The text with line wrapping undone, to look for whole phrases."""
    return " ".join(text.split())


def listed(db_path: Path) -> dict[str, dict]:
    db = connect(db_path)
    try:
        return {k: v for k, v in outreach_states(db).items() if v["state"] == "listed"}
    finally:
        db.close()


def digests(db_path: Path) -> list[dict]:
    db = connect(db_path)
    try:
        return list_digests(db)
    finally:
        db.close()


def use_server(monkeypatch: pytest.MonkeyPatch, port: int, userinfo: str = "") -> None:
    monkeypatch.setenv("PROSPECT_SMTP_URL", f"smtp://{userinfo}127.0.0.1:{port}")


def test_digest_arrives_with_both_parts_escaped_html_and_intact_names(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        result = cli(
            "digest", "--to", "rep@example.com", "--to", "Boss <boss@example.com>",
            "--from", "Prospect Bot <bot@example.com>",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "digest: 3 people sent to rep@example.com, boss@example.com" in result.stderr
    (got,) = sink.received
    assert got.rcpt_tos == ["rep@example.com", "boss@example.com"]
    assert got.mail_from == "bot@example.com"
    msg = got.message
    assert re.fullmatch(
        r"prospect: 3 people to contact today \((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3}\)",
        msg["Subject"],
    )
    assert msg["From"] == "Prospect Bot <bot@example.com>"
    assert msg["To"] == "rep@example.com, boss@example.com"
    assert msg["MIME-Version"] == "1.0"
    assert msg["Message-ID"].endswith("@example.com>")
    assert abs((msg["Date"].datetime - datetime.now(UTC)).total_seconds()) < 120
    assert msg.get_content_type() == "multipart/alternative"
    text, html = parts(msg)

    # the same people, in rank order, in both parts
    for name in ("Zoë Ångström", "山田太郎", "Marta Nowak"):
        assert name in text
        assert name in html
    assert text.index("1. ") < text.index("2. ") < text.index("3. ")
    # why now, intro and links in both parts
    assert "Why now:" in text and "you know them" in text and "you know them" in html
    assert "ask Rachel Kim, VP of Sales at Acme Robotics, for an introduction" in flat(text)
    assert "ask Rachel Kim, VP of Sales at Acme Robotics, for an introduction" in flat(html)
    assert "https://news.example.com/nordisk-series-b" in text
    assert 'href="https://news.example.com/nordisk-series-b"' in html
    assert 'href="https://news.example.com/acme-cmo?a=1&amp;b=2"' in html
    # the hostile headline: literal in the text part, escaped in the HTML part
    assert "<script>alert('x')</script> & Sakura" in flat(text)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Sakura Systems" in html
    assert 'href="javascript' not in html
    # no remote images, only inline styles
    assert "<img" not in html and "<link" not in html and "<style" not in html


def test_what_was_sent_is_recorded_and_not_repeated(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        first = cli("digest", "--to", "rep@example.com")
        again = cli("digest", "--to", "rep@example.com")
    assert first.exit_code == 0 and again.exit_code == 0
    assert len(sink.received) == 1  # the second run had nobody new: nothing sent
    assert "nobody new to contact today, nothing sent" in again.stderr

    people = listed(seeded)
    assert {p["person"] for p in people.values()} == {"Zoë Ångström", "山田太郎", "Marta Nowak"}
    assert all(p["signal_id"] and p["score"] > 0 for p in people.values())
    (record,) = digests(seeded)
    assert record["recipients"] == ["rep@example.com"]
    assert record["delivery"] == "smtp" and record["people"] == 3
    assert record["message_id"] == sink.received[0].message["Message-ID"].strip()
    db = connect(seeded)
    try:
        assert len(digest_people(db, record["id"])) == 3
    finally:
        db.close()

    # `prospect history` shows them as listed
    shown = json.loads(cli("history", "--format", "json").stdout)
    assert {h["person"] for h in shown if h["action"] == "listed"} == {
        "Zoë Ångström", "山田太郎", "Marta Nowak",
    }  # fmt: skip
    assert all(h["note"] == "digest to rep@example.com" for h in shown)


def test_a_new_stronger_signal_brings_a_person_back(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        assert cli("digest", "--to", "rep@example.com").exit_code == 0
        add_signal(
            seeded,
            Signal(type="funding_round", rule="funding_round", company="Nordisk Data AB",
                   round="series_c", amount=60e6, currency="EUR", published_at=_ago(hours=1),
                   url="https://news.example.com/nordisk-series-c"),
            "Nordisk Data AB raises €60M Series C",
        )  # fmt: skip
        result = cli("digest", "--to", "rep@example.com")
    assert result.exit_code == 0, result.output
    assert len(sink.received) == 2
    second = sink.received[1].message
    text, html = parts(second)
    assert "Zoë Ångström" in html
    assert "1 person to contact today" in second["Subject"]
    assert "Zoë Ångström" in text and "€60M Series C" in text
    assert "山田太郎" not in text and "Marta Nowak" not in text
    assert len(digests(seeded)) == 2


def test_limit_sends_the_best_first_and_keeps_the_rest_for_the_next_digest(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        first = cli("digest", "--to", "rep@example.com", "--limit", "1")
        second = cli("digest", "--to", "rep@example.com", "--since", "1d")
    assert first.exit_code == 0 and second.exit_code == 0
    one, rest = (parts(r.message)[0] for r in sink.received)
    assert "1. Zoë Ångström" in one and "Marta Nowak" not in one
    # the rest came in the next digest; --since 1d left out nothing older than a day
    assert "Zoë Ångström" not in rest
    assert "Marta Nowak" in rest and "山田太郎" in rest


def test_empty_digest_sends_nothing_unless_asked(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        quiet = cli("digest", "--to", "rep@example.com", "--quiet")
        plain = cli("digest", "--to", "rep@example.com")
        assert sink.received == []
        forced = cli("digest", "--to", "rep@example.com", "--send-empty")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert plain.exit_code == 0 and "nothing sent" in plain.stderr
    assert forced.exit_code == 0
    (got,) = sink.received
    assert "prospect: nobody to contact today" in got.message["Subject"]
    text, html = parts(got.message)
    assert "No new signals" in text and "No new signals" in html
    assert [d["people"] for d in digests(db_path)] == [0]


def test_refused_login_exits_non_zero_and_records_nothing(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server(auth=True) as (sink, port):
        use_server(monkeypatch, port, f"{USER.replace('@', '%40')}@")
        monkeypatch.setenv("PROSPECT_SMTP_PASSWORD", "hunter2-wrong")
        result = cli("digest", "--to", "rep@example.com")
        assert result.exit_code == 1
        assert sink.received == []
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith(f"error: the mail server 127.0.0.1:{port} refused the login")
        assert "hunter2-wrong" not in result.output
        assert listed(seeded) == {} and digests(seeded) == []

        # the right password: the same people go out, nothing was lost
        monkeypatch.setenv("PROSPECT_SMTP_PASSWORD", PASSWORD)
        ok = cli("digest", "--to", "rep@example.com")
    assert ok.exit_code == 0, ok.output
    assert len(sink.received) == 1 and len(listed(seeded)) == 3


def test_unreachable_server_exits_non_zero_and_records_nothing(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PROSPECT_SMTP_URL", f"smtp://u:hunter2@127.0.0.1:{free_port()}")
    result = cli("digest", "--to", "rep@example.com")
    assert result.exit_code == 1
    assert "error: cannot connect to the mail server 127.0.0.1:" in result.stderr
    assert "hunter2" not in result.output
    assert listed(seeded) == {} and digests(seeded) == []


def test_some_recipients_refused_is_sent_recorded_and_exit_5(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        sink.refuse = {"gone@example.com"}
        use_server(monkeypatch, port)
        result = cli("digest", "--to", "rep@example.com", "--to", "gone@example.com")
    assert result.exit_code == 5
    assert "warning: the mail server refused gone@example.com (550" in result.stderr
    assert sink.received[0].rcpt_tos == ["rep@example.com"]
    assert digests(seeded)[0]["recipients"] == ["rep@example.com"]
    assert len(listed(seeded)) == 3


def test_dry_run_shows_what_the_reader_sees_and_records_nothing(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        result = cli(
            "digest", "--to", "Zoë <rep@example.com>", "--dry-run", "--subject", "Leads für {date}"
        )
    assert result.exit_code == 0, result.output
    assert sink.received == []
    head, _, body = result.stdout.partition("\n\n")
    headers = dict(line.split(": ", 1) for line in head.splitlines())
    assert list(headers) == ["From", "To", "Subject", "Date"]
    assert headers["To"] == "rep@example.com"
    assert re.fullmatch(r"Leads für \w{3} \d{1,2} \w{3}", headers["Subject"])
    # The text part decoded, as a mail client shows it: no MIME, no quoted-printable.
    assert body.startswith("3 people to contact today")
    assert "1. Zoë Ångström, Chief Revenue Officer at Nordisk Data AB" in body
    assert "raised $20M Series B" in flat(body)
    for wire in ("=C3=AB", "=?utf-8?", "Content-Transfer-Encoding", "MIME-Version", "<html"):
        assert wire not in result.stdout
    assert "also has an HTML part" in result.stderr and "--eml FILE" in result.stderr
    assert "dry run" in result.stderr
    assert listed(seeded) == {} and digests(seeded) == []


def test_dry_run_eml_holds_the_message_a_real_run_sends(
    cli, seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    eml = tmp_path / "digest.eml"
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        dry = cli("digest", "--to", "rep@example.com", "--dry-run", "--eml", str(eml))
        assert dry.exit_code == 0, dry.output
        assert sink.received == [] and listed(seeded) == {}
        assert cli("digest", "--to", "rep@example.com").exit_code == 0
    saved = message_from_bytes(eml.read_bytes(), policy=default)
    (sent,) = sink.received
    assert saved["Subject"] == sent.message["Subject"] and saved["To"] == "rep@example.com"
    assert parts(saved) == parts(sent.message)  # type: ignore[arg-type]
    assert "Zoë Ångström" in parts(saved)[0] and "山田太郎" in parts(saved)[1]  # type: ignore[arg-type]
    assert f"is in {eml}" in dry.stderr
    assert dry.stdout.startswith("From: ")


def test_eml_without_dry_run_is_a_usage_error_said_before_any_work(
    cli, seeded: Path, tmp_path: Path
):
    # Said even while another run holds the lock: nothing is built, locked or sent first.
    with run_lock(seeded, "digest"):
        result = cli("digest", "--to", "rep@example.com", "--eml", str(tmp_path / "x.eml"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --eml: only with --dry-run (a real run sends the message instead)\n"
    )
    assert result.stdout == ""
    assert not (tmp_path / "x.eml").exists() and listed(seeded) == {}


def test_without_recipients_the_text_goes_to_stdout_and_counts_as_listed(cli, seeded: Path):
    result = cli("digest", "--quiet")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("3 people to contact today")
    assert "1. Zoë Ångström, Chief Revenue Officer at Nordisk Data AB" in result.stdout
    assert "<" not in result.stdout.split("Why now")[0]  # plain text, not HTML
    assert len(listed(seeded)) == 3
    assert digests(seeded)[0]["delivery"] == "stdout"
    # the next run (cron tomorrow) prints nothing: cron sends no mail
    assert cli("digest", "--quiet").stdout == ""


def test_recipients_sender_and_subject_from_the_rules_file(
    cli, seeded: Path, isolated_paths: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (sink, port):
        (isolated_paths / "signals.yaml").write_text(
            "digest:\n  to: [a@example.com, b@example.com]\n  from: Zoë <zoe@example.com>\n"
            "  subject: 'Leads for {date}: {count}'\n"
            f"  smtp_url: smtp://127.0.0.1:{port}\n",
            "utf-8",
        )
        result = cli("digest")
    assert result.exit_code == 0, result.output
    (got,) = sink.received
    assert got.rcpt_tos == ["a@example.com", "b@example.com"]
    assert got.message["From"] == "Zoë <zoe@example.com>"
    assert re.fullmatch(r"Leads for \w{3} \d{1,2} \w{3}: 3 people", got.message["Subject"])


def test_a_second_run_while_one_holds_the_lock_exits_3(cli, seeded: Path):
    with run_lock(seeded, "digest"):
        result = cli("digest", "--to", "rep@example.com")
    assert result.exit_code == 3
    assert "another prospect run is using" in result.stderr
    assert listed(seeded) == {}


@pytest.mark.parametrize("bad", ["not-an-address", "a b@example.com"])
def test_a_bad_address_is_one_line_and_sends_nothing(cli, seeded: Path, bad: str):
    result = cli("digest", "--to", bad)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --to: expected an email address")
    assert listed(seeded) == {}


def test_history_is_untouched_by_a_dry_run(cli, seeded: Path):
    cli("digest", "--dry-run")
    db = connect(seeded)
    try:
        assert history(db) == []
    finally:
        db.close()


class ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_stdout_records_nothing(seeded: Path, config):
    db = connect(seeded)
    try:
        with pytest.raises(ProspectError) as info:
            run_digest(db, config, DigestOptions(), datetime.now(UTC), ClosedPipe(), {})
    finally:
        db.close()
    assert info.value.message.startswith("cannot write the digest to stdout")
    assert listed(seeded) == {} and digests(seeded) == []


BAD_SMTP_URLS = [
    ("http://smtp.example.com", "expected a URL starting smtp:// or smtps://"),
    ("smtp://smtp.example.com:port", "the port is not a number"),
]


@pytest.mark.parametrize(("url", "problem"), BAD_SMTP_URLS)
@pytest.mark.parametrize("from_rules_file", [False, True])
def test_a_bad_smtp_url_is_exit_2_also_on_a_day_with_nobody_new(
    cli,
    db_path: Path,
    isolated_paths: Path,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    problem: str,
    from_rules_file: bool,
):
    # Recipients (on the command line or in signals.yaml): the digest is mailed, so
    # the setting is checked every day, and by a dry run that previews the mailing.
    monkeypatch.setenv("PROSPECT_SMTP_URL", url)
    to = ["--to", "rep@example.com"]
    if from_rules_file:
        (isolated_paths / "signals.yaml").write_text("digest:\n  to: [rep@example.com]\n", "utf-8")
        to = []
    for args in ([], ["--dry-run"], ["--quiet"]):
        result = cli("digest", *to, *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: PROSPECT_SMTP_URL: ") and problem in line
    assert digests(db_path) == []


@pytest.mark.parametrize(("url", "problem"), BAD_SMTP_URLS)
def test_a_bad_smtp_url_does_not_matter_when_the_digest_is_only_printed(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch, url: str, problem: str
):
    monkeypatch.setenv("PROSPECT_SMTP_URL", url)
    dry = cli("digest", "--dry-run")
    assert dry.exit_code == 0, dry.output
    printed = cli("digest", "--quiet")
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.startswith("3 people to contact today")
    assert printed.stderr == ""
    assert [d["delivery"] for d in digests(seeded)] == ["stdout"]
    empty = cli("digest")  # the next day, nobody new: still no error
    assert empty.exit_code == 0 and problem not in empty.stderr


# --- one day, one list: the digest, then `list` and `mark` ------------------------


def _give_reach(db_path: Path, name: str, email: str, profile: str) -> None:
    db = connect(db_path)
    try:
        with write(db):
            (row,) = db["contacts"].rows_where("full_name = ?", [name])
            db["contacts"].update(row["id"], {"email": email, "profile_url": profile})
    finally:
        db.close()


def test_after_the_digest_the_list_keeps_its_numbers_and_mark_n_marks_the_mails_n(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    _give_reach(seeded, "Zoë Ångström", "zoe@nordisk.example", "https://www.linkedin.com/in/zoe")
    before = json.loads(cli("list", "--format", "json").stdout)
    with smtp_server() as (sink, port):
        use_server(monkeypatch, port)
        assert cli("digest", "--to", "rep@example.com").exit_code == 0
    text, html = parts(sink.received[0].message)
    mailed = {int(m.group(1)): m.group(2) for m in re.finditer(r"^(\d+)\. (.+?),", text, re.M)}
    assert len(mailed) == 3
    # the mail carries each person's key, and how to reach them
    for rec in before:
        assert f"[{rec['person_key']}]" in flat(text)
    assert "Email:   zoe@nordisk.example" in text
    assert "Profile: https://www.linkedin.com/in/zoe" in text
    assert 'href="mailto:zoe@nordisk.example"' in html
    assert 'href="https://www.linkedin.com/in/zoe"' in html

    # the list is not emptied: the same people under the same numbers, now listed
    after = json.loads(cli("list", "--format", "json").stdout)
    assert [(r["rank"], r["person"]) for r in after] == sorted(mailed.items())
    assert {r["state"] for r in after} == {"listed"}
    zoe = next(r for r in after if r["person"] == "Zoë Ångström")
    assert (zoe["email"], zoe["profile_url"]) == (
        "zoe@nordisk.example",
        "https://www.linkedin.com/in/zoe",
    )

    # mark 3 is the mail's number 3; once marked, the others keep their numbers
    result = cli("mark", "3", "contacted")
    assert result.exit_code == 0, result.output
    assert f"marked {mailed[3]}" in result.stderr
    result = cli("mark", "1", "skipped")
    assert f"marked {mailed[1]}" in result.stderr
    left = json.loads(cli("list", "--format", "json").stdout)
    assert [(r["rank"], r["person"]) for r in left] == [(2, mailed[2])]
    # a number acted on still names its person today (to correct a mark)
    result = cli("mark", "3", "skipped")
    assert f"marked {mailed[3]}" in result.stderr
    # and the next digest today carries nobody again
    assert cli("digest", "--dry-run").stdout.count("Why now:") == 0


def test_an_empty_list_after_the_digest_says_why(
    cli, seeded: Path, monkeypatch: pytest.MonkeyPatch
):
    with smtp_server() as (_sink, port):
        use_server(monkeypatch, port)
        assert cli("digest", "--to", "rep@example.com").exit_code == 0
    for number in ("1", "2"):
        assert cli("mark", number, "contacted").exit_code == 0
    assert cli("mark", "3", "skipped").exit_code == 0
    result = cli("list")
    assert result.exit_code == 0
    assert result.stdout == "rank,person,title,company,signal,when,why_now,intro,score," + (
        "strength,recency,relationship,fit,signal_type,published_at,url,also,person_key,"
        "contact_id,signal_id,relationship_score,sources,state,email,profile_url\n"
    )
    assert (
        "nobody left to contact today: 3 people already sent in today's digest, "
        "2 contacted, 1 skipped: `--all` shows them"
    ) in result.stderr
    shown = json.loads(cli("list", "--all", "--format", "json").stdout)
    assert [r["rank"] for r in shown] == [1, 2, 3]


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("nothing", "no contacts yet"),
        ("contacts", "no signals yet: poll feeds (prospect poll)"),
    ],
)
def test_an_empty_list_with_no_digest_says_why(cli, db_path: Path, setup: str, reason: str):
    if setup == "contacts":
        db = connect(db_path)
        with write(db):
            import_contacts(db, [Contact("Ann Lee", company="Acme", title="CTO")], "linkedin")
        db.close()
    result = cli("list")
    assert result.exit_code == 0
    assert reason in result.stderr
