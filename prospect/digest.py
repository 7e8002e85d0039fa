"""The morning digest: today's outreach list as an email, sent once.

Composing is pure (`compose_digest`, `render_text`, `render_html`,
`build_message`): records in, text out. `run_digest` owns one whole run:
build the list -> compose -> deliver -> record.

Design decisions:
- Intent before sending, outcome after: the digest goes into an outbox row
  before the mail is sent and is moved from there to the digests in the one
  transaction that records its people. A failed send (refused connection,
  login, TLS, recipients) removes the row and records nothing, so tomorrow's
  digest still carries everyone. A row left behind (the run killed while the
  server held its reply, the database locked after the mail went out) is
  recorded by the next run, which says so: at most once, never twice. The
  database being locked before sending sends nothing.
- Whoever was delivered counts as "listed" (not "contacted"): they stay off the
  next digests until a new, stronger signal about them arrives, but stay on
  today's `prospect list` with the numbers the mail gave them, so the rep can
  act on the mail with `prospect mark 3 contacted` (or the `c:` key it shows). That holds for
  the stdout path too (no recipients configured): under cron, stdout *is* the
  mail cron sends. `--dry-run` is the way to look without recording.
- A dry run shows what the reader will see, read back from the very message a
  real run would send: the headers decoded and the text part decoded (the
  wire form is quoted-printable, "=E2=82=AC" for "€"). The whole message, HTML
  part included, goes to a file on request (`eml`), byte for byte as sent.
- An empty digest sends nothing unless asked (`send_empty`): no daily noise.
- The text part must read well in any client and in cron's own mail: plain
  lines, wrapped, control characters made inert. The HTML part is a block per
  person (not a table: it reads on a phone) with inline styles, no remote
  images, every value escaped, only http(s) links.
"""

from __future__ import annotations

import getpass
import html
import os
import socket
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from prospect.config import Config
from prospect.errors import InputError, ProspectError, StoreError
from prospect.mail import resolve_smtp, send_mail
from prospect.outreach import ListOptions, build_list
from prospect.render import inert, row_record, why_parts, wrap_words
from prospect.store import db_file, describe_db_error, write
from prospect.store.digests import delete_outbox, outbox_rows, save_digest, save_outbox
from prospect.store.outreach import save_outreach

WIDTH = 76
DEFAULT_SUBJECT = "prospect: {count} to contact today ({date})"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(slots=True)
class Digest:
    """A composed digest: what the rep reads, in both forms."""

    subject: str
    text: str
    html: str
    records: list[dict[str, Any]]
    now: datetime


@dataclass(slots=True)
class DigestOptions:
    to: list[str] = field(default_factory=list)  # empty: print the text part on stdout
    sender: str | None = None
    subject: str | None = None
    limit: int | None = None
    since_days: float | None = None
    dry_run: bool = False
    send_empty: bool = False
    eml: Path | None = None  # dry run: also write the whole message (.eml) here


@dataclass(slots=True)
class DigestResult:
    status: str  # sent | printed | dry_run | empty
    count: int
    subject: str
    recipients: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    digest_id: int | None = None
    message_id: str | None = None
    server: str | None = None
    html_chars: int = 0  # dry run: the size of the HTML part not shown
    notes: list[str] = field(default_factory=list)  # what an earlier, stopped run left


# --- composing (pure) -------------------------------------------------------------


def day_words(now: datetime) -> str:
    """'Mon 23 Nov', whatever the locale: the subject must not change with LANG."""
    local = now.astimezone()
    return f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}"


def people_words(count: int) -> str:
    if count == 0:
        return "nobody"
    return "1 person" if count == 1 else f"{count} people"


def make_subject(count: int, now: datetime, template: str | None = None) -> str:
    """The subject; a template may use {count} and {date} (other braces stay as written)."""
    text = template or DEFAULT_SUBJECT
    text = text.replace("{count}", people_words(count)).replace("{date}", day_words(now))
    return " ".join(inert(text).split())


def safe_link(url: Any) -> str | None:
    """A link worth making clickable: http(s) only, never javascript: or data:."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if url.lower().startswith(("https://", "http://")) else None


def _wrap(label: str, value: str) -> list[str]:
    """'   Why now: ...' wrapped with a hanging indent; URLs are never broken."""
    first = f"   {label:<8} "
    return wrap_words(value, WIDTH, first, " " * len(first)) or [first.rstrip()]


def _who(rec: Mapping[str, Any]) -> str:
    person = inert(rec.get("person"))
    title, company = inert(rec.get("title")), inert(rec.get("company"))
    if title and company:
        return f"{person}, {title} at {company}"
    if title or company:
        return f"{person}, {title or company}"
    return person


def render_text(records: Sequence[Mapping[str, Any]], now: datetime) -> str:
    """The plain-text part: numbered people, each with why now, intro and link."""
    count = len(records)
    head = f"{people_words(count)} to contact today, {day_words(now)} {now.astimezone().year}"
    lines = [head.capitalize() if count == 0 else head, ""]
    if not records:
        lines.append("No new signals about people worth contacting since the last digest.")
    for rec in records:
        key = f" [{inert(rec.get('person_key'))}]" if rec.get("person_key") else ""
        lines += wrap_words(f"{rec.get('rank')}. {_who(rec)}{key}", WIDTH, rest="   ")
        signal = inert(rec.get("signal"))
        when = inert(rec.get("when"))
        lines += _wrap("Signal:", f"{signal} ({when})" if when else signal)
        lines += _wrap("Why now:", "; ".join(why_parts(rec)) or inert(rec.get("why_now")))
        if rec.get("intro"):
            lines += _wrap("Intro:", inert(rec.get("intro")))
        if rec.get("also"):
            lines += _wrap("Also:", inert(rec.get("also")))
        if rec.get("url"):
            lines += _wrap("Link:", inert(rec.get("url")))
        if rec.get("email"):
            lines += _wrap("Email:", inert(rec.get("email")))
        if rec.get("profile_url"):
            lines += _wrap("Profile:", inert(rec.get("profile_url")))
        lines.append("")
    lines += [
        "-- ",
        "Sent by prospect digest. Act on it with the numbers above: `prospect mark 1",
        "contacted` (or the key in brackets); `prospect list` shows the same numbers",
        "today. The people above will not appear in another digest until a new,",
        "stronger signal about them arrives. `prospect history` shows what was sent.",
    ]
    return "\n".join(lines) + "\n"


_MUTED = "color:#666666;"
_LINK = "color:#1a5fb4;"
_CARD = "padding:10px 0;border-bottom:1px solid #e2e2e2;font-size:14px;line-height:1.45;"


def _e(value: Any) -> str:
    return html.escape(inert(value), quote=True)


def _html_card(rec: Mapping[str, Any]) -> str:
    """One person as a block of short lines, like the terminal's card: it reads
    the same on a phone as on a desktop (a table's columns do not fit a phone)."""
    head = f"{_e(rec.get('rank'))}. <strong>{_e(rec.get('person'))}</strong>"
    title, company = rec.get("title"), rec.get("company")
    if title:
        head += f", {_e(title)}"
    if company:
        head += f" at {_e(company)}" if title else f", {_e(company)}"
    signal = _e(rec.get("signal"))
    if rec.get("when"):
        signal += f' <span style="{_MUTED}">&middot; {_e(rec.get("when"))}</span>'
    link = safe_link(rec.get("url"))
    if link:
        signal += f' &middot; <a href="{_e(link)}" style="{_LINK}">read the story</a>'
    lines = [head, signal]
    parts = why_parts(rec)
    if parts:
        lines.append(f'<span style="{_MUTED}">why now:</span> ' + " &middot; ".join(map(_e, parts)))
    if rec.get("intro"):
        lines.append(f'<span style="color:#2e7d32;">&rarr; {_e(rec.get("intro"))}</span>')
    if rec.get("also"):
        lines.append(f'<span style="{_MUTED}">also: {_e(rec.get("also"))}</span>')
    if rec.get("url") and not link:
        lines.append(f'<span style="{_MUTED}">{_e(rec.get("url"))}</span>')
    reach = []
    if rec.get("email"):
        addr = _e(rec.get("email"))
        reach.append(f'<a href="mailto:{addr}" style="{_LINK}">{addr}</a>')
    profile = safe_link(rec.get("profile_url"))
    if profile:
        reach.append(f'<a href="{_e(profile)}" style="{_LINK}">profile</a>')
    if rec.get("person_key"):
        reach.append(f'<span style="{_MUTED}">{_e(rec.get("person_key"))}</span>')
    if reach:
        lines.append(" &middot; ".join(reach))
    return f'<div style="{_CARD}">' + "<br>\n".join(lines) + "</div>\n"


def render_html(records: Sequence[Mapping[str, Any]], now: datetime, subject: str) -> str:
    """The HTML part: the same people as the text part, a block each."""
    count = len(records)
    title = f"{people_words(count)} to contact today, {day_words(now)}"
    if records:
        body = "".join(_html_card(r) for r in records)
    else:
        body = "<p>No new signals about people worth contacting since the last digest.</p>"
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(subject)}</title></head>\n"
        '<body style="font-family:Helvetica,Arial,sans-serif;color:#222222;margin:0;padding:16px;'
        'max-width:720px;">'
        f'<h1 style="font-size:18px;margin:0 0 4px 0;">{_e(title[0].upper() + title[1:])}</h1>'
        f"\n{body}\n"
        '<p style="font-size:12px;color:#666666;margin-top:16px;">Sent by prospect digest. '
        "Act on it with the numbers above (<code>prospect mark 1 contacted</code>, or the key "
        "at the end of an entry); <code>prospect list</code> shows the same numbers today. "
        "The people above will not appear in another digest until a new, stronger signal "
        "about them arrives.</p></body></html>\n"
    )


def compose_digest(
    records: Sequence[Mapping[str, Any]], now: datetime, subject_template: str | None = None
) -> Digest:
    subject = make_subject(len(records), now, subject_template)
    return Digest(
        subject=subject,
        text=render_text(records, now),
        html=render_html(records, now, subject),
        records=[dict(r) for r in records],
        now=now,
    )


def default_sender() -> str:
    """user@host, what cron itself would use."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "prospect"
    return f"prospect <{user}@{socket.getfqdn() or 'localhost'}>"


def parse_addresses(values: Sequence[str], what: str) -> list[str]:
    """Plain addresses from '--to' values ('a@x, b@y' and 'Name <a@x>' work too)."""
    out: list[str] = []
    for _name, addr in getaddresses(list(values)):
        if not addr or "@" not in addr or any(c.isspace() for c in addr):
            raise InputError(f"{what}: expected an email address like you@example.com")
        if addr not in out:
            out.append(addr)
    if values and not out:
        raise InputError(f"{what}: expected an email address like you@example.com")
    return out


def build_message(
    digest: Digest, sender: str, recipients: Sequence[str], now: datetime
) -> EmailMessage:
    """A multipart/alternative message: text first, HTML second (clients show the last
    one they can). UTF-8 throughout so non-ASCII names arrive intact."""
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = digest.subject
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Date"] = format_datetime(now.astimezone())
    domain = _domain(sender)
    msg["Message-ID"] = make_msgid(
        domain=domain
    )  # short: a folded Message-ID confuses some parsers
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to a robot
    # quoted-printable keeps the source readable (and spam filters calm); base64 would not.
    msg.set_content(digest.text, charset="utf-8", cte="quoted-printable")
    msg.add_alternative(digest.html, subtype="html", charset="utf-8", cte="quoted-printable")
    for part in msg.iter_parts():
        del part["MIME-Version"]  # belongs on the top level only
    return msg


PREVIEW_HEADERS = ("From", "To", "Subject", "Date")


def preview_message(msg: EmailMessage) -> str:
    """The message as its reader sees it: decoded headers, a blank line, the text part.

    Read back from `msg` itself, so the preview cannot differ from what is sent.
    """
    lines = [f"{name}: {msg[name]}" for name in PREVIEW_HEADERS if msg[name] is not None]
    text = msg.get_body(("plain",))
    body = text.get_content() if isinstance(text, EmailMessage) else ""
    return "\n".join(lines) + "\n\n" + body.rstrip("\n") + "\n"


def html_part_chars(msg: EmailMessage) -> int:
    part = msg.get_body(("html",))
    return len(part.get_content()) if isinstance(part, EmailMessage) else 0


def save_eml(msg: EmailMessage, path: Path) -> None:
    """The whole message, as sent (CRLF line ends), written whole or not at all."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        # 0600: the message holds the contacts' names and addresses
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # a stale temporary file keeps its old mode otherwise
        with os.fdopen(fd, "wb") as fh:
            fh.write(msg.as_bytes())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"--eml {path}: cannot write the message ({exc.strerror})") from None


def _domain(sender: str) -> str:
    addrs = getaddresses([sender])
    addr = addrs[0][1] if addrs else ""
    domain = addr.rpartition("@")[2]
    return domain or "localhost"


def envelope_sender(sender: str) -> str:
    addrs = getaddresses([sender])
    return addrs[0][1] if addrs and addrs[0][1] else sender


def check_sender(sender: str) -> str:
    if any(ord(c) < 32 or ord(c) == 127 for c in sender):
        raise InputError(f"--from {inert(sender)!r}: expected one line, like Me <me@example.com>")
    addr = envelope_sender(sender)
    try:
        Address(addr_spec=addr)
    except (ValueError, IndexError, TypeError) as exc:
        raise InputError(f"--from {sender!r}: expected an email address ({exc})") from None
    if "@" not in addr:
        raise InputError(f"--from {sender!r}: expected an email address like you@example.com")
    return sender


# --- one run -------------------------------------------------------------------


def run_digest(
    db: Database,
    config: Config,
    options: DigestOptions,
    now: datetime,
    out: TextIO,
    env: Mapping[str, str],
) -> DigestResult:
    """Build today's list, deliver it (SMTP, stdout, or a dry run), record what went out."""
    settings = config.digest
    recipients = parse_addresses(options.to or settings.to, "--to")
    sender = check_sender(options.sender or settings.sender or default_sender())
    # The mail setting matters only when the digest is mailed (a dry run previews a
    # mailing); printed on stdout, no server is used and a bad setting is no error.
    # When it matters, it fails every day, not only the first with news: checked
    # before an empty list can end the run with exit 0.
    smtp = resolve_smtp(env, settings.smtp_url) if recipients else None
    # A digest a stopped run left half-done is recorded first, so its people are
    # not in today's list again.
    notes = [] if options.dry_run else settle_outbox(db)
    rows = build_list(
        db,
        config,
        ListOptions(limit=options.limit, since_days=options.since_days, fresh_only=True),
        now,
    )
    records = [row_record(r, now) for r in rows]
    digest = compose_digest(records, now, options.subject or settings.subject)
    result = DigestResult(
        status="empty",
        count=len(records),
        subject=digest.subject,
        recipients=recipients,
        notes=notes,
    )
    if options.dry_run:
        result.notes = pending_outbox(db)
        msg = build_message(digest, sender, recipients or [envelope_sender(sender)], now)
        if options.eml is not None:
            save_eml(msg, options.eml)
        out.write(preview_message(msg))
        out.flush()
        result.status, result.message_id = "dry_run", str(msg["Message-ID"]).strip()
        result.html_chars = html_part_chars(msg)
        return result
    if not records and not options.send_empty:
        return result
    if not recipients:
        # the outbox row first: a run killed between printing and recording must
        # not print (and cron mail) the same people again tomorrow
        outbox_id = _intend(db, digest, "stdout", [], None)
        try:
            out.write(digest.text)
            out.flush()  # a closed pipe fails here, before anything is recorded
        except OSError as exc:
            _forget(db, outbox_id)
            message = f"cannot write the digest to stdout ({exc}); nothing recorded"
            raise ProspectError(message) from None
        result.status = "printed"
        result.digest_id = _settle(db, outbox_id, digest, "stdout", [], None)
        return result
    assert smtp is not None  # resolved above: there are recipients
    msg = build_message(digest, sender, recipients, now)
    result.message_id = str(msg["Message-ID"]).strip()
    outbox_id = _intend(db, digest, "smtp", recipients, result.message_id)
    try:
        refused = send_mail(smtp, msg, envelope_sender(sender), recipients)
    except ProspectError:
        _forget(db, outbox_id)  # nothing was delivered
        raise
    delivered = [r for r in recipients if r not in refused]
    result.status, result.refused, result.server = "sent", refused, smtp.where
    result.digest_id = _settle(db, outbox_id, digest, "smtp", delivered, result.message_id)
    return result


# --- the outbox: intent before sending, outcome after ------------------------------
#
# A digest is written to the outbox before it goes out and moved from there to
# the digests it records in one transaction after. A row left in the outbox means
# a run stopped in between -- killed while the server held its reply, or the
# database locked by someone else after the mail went out -- so whether it was
# delivered is unknown. The next run counts its people as listed and says so:
# a digest reaches its people at most once, never twice.


def _intend(
    db: Database,
    digest: Digest,
    delivery: str,
    recipients: Sequence[str],
    message_id: str | None,
) -> int:
    """The outbox row for a digest about to go out; nothing is sent when this fails."""
    try:
        with write(db):
            return save_outbox(
                db,
                delivery=delivery,
                recipients=list(recipients),
                subject=digest.subject,
                message_id=message_id,
                records=digest.records,
            )
    except (sqlite3.Error, StoreError) as exc:
        raise _store_error(db, exc, "nothing was sent") from None


def _forget(db: Database, outbox_id: int) -> None:
    """A send that delivered nothing leaves no outbox row; a row that cannot be
    removed now only makes the next run count these people as listed."""
    try:
        with write(db):
            delete_outbox(db, outbox_id)
    except (sqlite3.Error, ProspectError):
        pass


def _settle(
    db: Database,
    outbox_id: int,
    digest: Digest,
    delivery: str,
    recipients: Sequence[str],
    message_id: str | None,
) -> int:
    """Record what went out and clear its outbox row, in one transaction."""
    try:
        with write(db):
            digest_id = record_digest(db, digest, delivery, recipients, message_id)
            delete_outbox(db, outbox_id)
    except (sqlite3.Error, ProspectError) as exc:
        # The mail is out; say so, or the rep will think nothing was sent. The
        # outbox row stays: the next run records these people, never resends them.
        what = f" (Message-ID {message_id})" if message_id else ""
        reason = exc.message if isinstance(exc, ProspectError) else str(exc)
        raise ProspectError(
            f"the digest went out{what} but could not be recorded yet ({reason}); "
            "the next run records it, so nobody in it is sent it again"
        ) from None
    return digest_id


def settle_outbox(db: Database) -> list[str]:
    """Record the digests a stopped run left in the outbox; one line per digest."""
    notes = []
    try:
        rows = outbox_rows(db)
    except sqlite3.Error as exc:
        raise _store_error(db, exc, "nothing was sent") from None
    for row in rows:
        delivered = row["recipients"]
        where = f"to {', '.join(delivered)}" if delivered else f"on {row['delivery']}"
        digest = Digest(
            subject=row["subject"], text="", html="", records=row["records"], now=datetime.now()
        )
        try:
            with write(db):
                record_digest(
                    db,
                    digest,
                    row["delivery"],
                    delivered,
                    row["message_id"],
                    note=f"digest {where}, delivery not confirmed",
                    sent_at=row["created_at"],
                )
                delete_outbox(db, row["id"])
        except (sqlite3.Error, StoreError) as exc:
            raise _store_error(db, exc, "nothing was sent") from None
        msgid = f", Message-ID {row['message_id']}" if row["message_id"] else ""
        notes.append(
            f"the digest of {row['created_at']} {where}{msgid} was interrupted while it was "
            f"being sent and may have arrived: its {people_words(len(row['records']))} now "
            "count as listed and are not sent again (see `prospect history`)"
        )
    return notes


def pending_outbox(db: Database) -> list[str]:
    """What a real run would settle first, for a dry run to mention."""
    try:
        rows = outbox_rows(db)
    except sqlite3.Error:
        return []
    return [
        f"the digest of {row['created_at']} was interrupted while it was being sent: "
        f"the next real run counts its {people_words(len(row['records']))} as listed"
        for row in rows
    ]


def _store_error(db: Database, exc: sqlite3.Error | StoreError, outcome: str) -> StoreError:
    error = exc if isinstance(exc, StoreError) else describe_db_error(db_file(db), exc)
    return StoreError(f"{error.message}; {outcome}")


def record_digest(
    db: Database,
    digest: Digest,
    delivery: str,
    recipients: Sequence[str],
    message_id: str | None,
    note: str | None = None,
    sent_at: str | None = None,
) -> int:
    """The digest and everyone in it, as listed, in one transaction."""
    if note is None:
        note = f"digest to {', '.join(recipients)}" if recipients else f"digest on {delivery}"
    with write(db):
        digest_id = save_digest(
            db,
            subject=digest.subject,
            delivery=delivery,
            recipients=list(recipients),
            message_id=message_id,
            records=digest.records,
            sent_at=sent_at,
        )
        for rec in digest.records:
            save_outreach(
                db,
                rec["person_key"],
                rec["person"],
                "listed",
                contact_id=rec.get("contact_id"),
                score=rec.get("score"),
                signal_id=rec.get("signal_id"),
                note=note,
            )
    return digest_id
