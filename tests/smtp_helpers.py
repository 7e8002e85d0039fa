"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), and what it received.

Shared by the mail and digest tests. The TLS certificate is in
tests/fixtures/tls (see make.sh there); tests trust its CA through
SSL_CERT_FILE, exactly as a user would for a company CA.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

TLS = Path(__file__).parent / "fixtures" / "tls"
CA_FILE = TLS / "ca.pem"
USER, PASSWORD = "rep@example.com", "s3cret p@ss:/%"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=default)  # type: ignore[return-value]


@dataclass
class Sink:
    """Keeps every message; refuses the recipients listed in `refuse`."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_tls_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    return ctx


def _authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == USER
        and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False)


@contextlib.contextmanager
def smtp_server(
    *, auth: bool = False, starttls: bool = False, implicit_tls: bool = False
) -> Iterator[tuple[Sink, int]]:
    """A running server: plain, STARTTLS, or implicit TLS; with or without AUTH."""
    sink = Sink()
    port = free_port()
    kwargs: dict = {}
    if auth:
        kwargs.update(authenticator=_authenticator, auth_required=True, auth_require_tls=starttls)
    if starttls:
        kwargs.update(tls_context=server_tls_context(), require_starttls=True)
    if implicit_tls:
        kwargs.update(ssl_context=server_tls_context())
    controller = Controller(sink, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()
