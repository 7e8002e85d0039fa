"""Sending mail: an SMTP URL, and one function that delivers a message or fails
with one clear line.

Where the server comes from, first match wins:
1. `PROSPECT_SMTP_URL` in the environment (may carry `user:password@`);
2. `digest.smtp_url` in signals.yaml (never a password: the file is not a secret);
3. `smtp://localhost:25`, the machine's own mail relay, like cron itself uses.
The password, when not in `PROSPECT_SMTP_URL`, comes from `PROSPECT_SMTP_PASSWORD`.

URL forms:
- `smtp://host:587`: plain SMTP upgraded with STARTTLS whenever the server offers
  it. With a login, STARTTLS is required (a password never crosses the network in
  clear text) unless the host is this machine's loopback address.
- `smtps://host:465`: TLS from the first byte (implicit TLS).
- `smtp://localhost:25`: a local relay, no login.
User and password are percent-decoded (`me%40example.com` for `me@example.com`).
Certificates are checked against the system's CAs (`SSL_CERT_FILE` names another
bundle, e.g. a company CA).

A password is never part of a `SmtpSettings` repr, an error message or the database.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
import smtplib
import socket
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import quote, quote_plus, unquote, urlsplit

from prospect.errors import ConfigError, ProspectError

ENV_URL = "PROSPECT_SMTP_URL"
ENV_PASSWORD = "PROSPECT_SMTP_PASSWORD"
DEFAULT_URL = "smtp://localhost:25"
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}
TIMEOUT_SECONDS = 30.0


class SendError(ProspectError):
    """The mail server could not be reached or would not take the message."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    scheme: str  # smtp | smtps
    host: str
    port: int
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    source: str = DEFAULT_URL  # where the settings came from, for messages

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def loopback(self) -> bool:
        if self.host.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host.strip("[]")).is_loopback
        except ValueError:
            return False


def smtp_url_problem(url: str, allow_password: bool = True) -> str | None:
    """What is wrong with an SMTP URL, or None; never repeats a password."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return "expected a URL like smtp://host:587 or smtps://host:465 (the port is not a number)"
    if parts.scheme not in DEFAULT_PORTS:
        return "expected a URL starting smtp:// or smtps://"
    if not parts.hostname:
        return "expected a host name, like smtp://smtp.example.com:587"
    if port == 0:
        return "expected a port between 1 and 65535"
    if parts.password is not None and not allow_password:
        return f"a password does not belong in this file: set it in {ENV_PASSWORD} instead"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "expected only scheme, user, host and port, like smtp://user@host:587"
    return None


def parse_smtp_url(url: str, password: str | None = None, source: str = ENV_URL) -> SmtpSettings:
    """Settings from an SMTP URL; `password` fills in when the URL has none."""
    problem = smtp_url_problem(url)
    if problem:
        raise ConfigError(f"{source}: {problem}")
    parts = urlsplit(url.strip())
    username = unquote(parts.username) if parts.username else None
    url_password = unquote(parts.password) if parts.password is not None else None
    return SmtpSettings(
        scheme=parts.scheme,
        host=parts.hostname or "localhost",
        port=parts.port or DEFAULT_PORTS[parts.scheme],
        username=username,
        password=url_password if url_password is not None else (password or None),
        source=source,
    )


def resolve_smtp(env: Mapping[str, str], config_url: str | None) -> SmtpSettings:
    """The SMTP server to use: environment, then signals.yaml, then the local relay."""
    password = env.get(ENV_PASSWORD) or None
    if env.get(ENV_URL):
        return parse_smtp_url(env[ENV_URL], password, ENV_URL)
    if config_url:
        return parse_smtp_url(config_url, password, "signals.yaml digest.smtp_url")
    return parse_smtp_url(DEFAULT_URL, password, "the default local relay")


def send_mail(
    settings: SmtpSettings,
    message: EmailMessage,
    sender: str,
    recipients: Sequence[str],
    timeout: float = TIMEOUT_SECONDS,
) -> dict[str, str]:
    """Deliver `message`; return recipients the server refused while taking the rest.

    Raises SendError, with one line naming the server and what went wrong, when
    nothing was delivered."""
    try:
        refused = _send(settings, message, sender, recipients, timeout)
        return {a: _scrub(reply, settings.password) for a, reply in refused.items()}
    except SendError as exc:
        raise SendError(_scrub(exc.message, settings.password)) from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        raise SendError(_scrub(describe_failure(settings, exc), settings.password)) from None


def _send(
    settings: SmtpSettings,
    message: EmailMessage,
    sender: str,
    recipients: Sequence[str],
    timeout: float,
) -> dict[str, str]:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.scheme == "smtps":
        client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    with client:
        client.ehlo_or_helo_if_needed()
        if settings.scheme == "smtp":
            if client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            elif settings.username and not settings.loopback:
                raise SendError(
                    f"the mail server {settings.where} does not offer STARTTLS: refusing to "
                    "send the password in clear text (use smtps:// or a server with STARTTLS)"
                )
        if settings.username:
            client.login(settings.username, settings.password or "")
        refused = client.send_message(message, from_addr=sender, to_addrs=list(recipients))
    return {addr: _reply(code, text) for addr, (code, text) in refused.items()}


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}".strip()


def describe_failure(settings: SmtpSettings, exc: BaseException) -> str:
    """One line a person can act on; never the password."""
    where = settings.where
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        user = f" for {settings.username}" if settings.username else ""
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return (
            f"the mail server {where} refused the login{user} ({reply}); "
            f"check the user and password ({ENV_URL} or {ENV_PASSWORD})"
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(f"{a} ({_reply(c, t)})" for a, (c, t) in exc.recipients.items())
        return f"the mail server {where} refused every recipient: {refused}"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return f"the mail server {where} refused the sender {exc.sender} ({reply})"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"the mail server {where} does not support what was asked ({exc}); check the URL"
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return f"the mail server {where} did not take the message ({reply})"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"the mail server {where} closed the connection ({exc or 'no reason given'})"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (
            f"TLS with the mail server {where} failed: its certificate is not trusted "
            f"({exc.verify_message or exc.reason})"
        )
    if isinstance(exc, ssl.SSLError):
        hint = (
            " (is it really smtps://? port 587 usually wants smtp://)"
            if settings.scheme == "smtps"
            else ""
        )
        return f"TLS with the mail server {where} failed ({exc.reason or exc}){hint}"
    if isinstance(exc, socket.gaierror):
        return f"cannot find the mail server {settings.host} ({exc.strerror or exc})"
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"the mail server {where} did not answer in time"
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"cannot connect to the mail server {where} ({reason}); set {ENV_URL}"
    return f"sending through {where} failed ({exc})"


_BASE64_TOKEN = re.compile(r"[A-Za-z0-9+/_-]{6,}={0,2}")


def _scrub(text: str, password: str | None) -> str:
    """Belt and braces: a server echoing the password must not put it on screen,
    nor in cron's mail: not as sent, not in another case, not percent-encoded, and
    not inside base64 (as AUTH PLAIN and LOGIN carry it)."""
    if not password:
        return text
    for form in {password, quote(password, safe=""), quote_plus(password)}:
        text = re.sub(re.escape(form), "***", text, flags=re.IGNORECASE)
    folded = password.casefold()

    def hide(match: re.Match[str]) -> str:
        token = match.group(0)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(token + "=" * (-len(token) % 4))
            except (binascii.Error, ValueError):
                continue
            if folded in raw.decode("utf-8", "replace").casefold():
                return "***"
        return token

    return _BASE64_TOKEN.sub(hide, text)
