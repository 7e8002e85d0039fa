"""prospect.mail: SMTP URLs, where the password may come from, and real sends to a
real local server (plain, STARTTLS, implicit TLS, AUTH) including every failure."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest
from smtp_helpers import CA_FILE, PASSWORD, USER, free_port, smtp_server

from prospect.config import parse_config
from prospect.errors import ConfigError, ExitCode
from prospect.mail import SendError, SmtpSettings, parse_smtp_url, resolve_smtp, send_mail

# The plain-AUTH server is on loopback, on purpose: aiosmtpd warns about it.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(autouse=True)
def no_smtp_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own SMTP password must never reach a test server."""
    monkeypatch.delenv("PROSPECT_SMTP_PASSWORD", raising=False)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://localhost", ("smtp", "localhost", 25, None, None)),
        ("smtp://localhost:25", ("smtp", "localhost", 25, None, None)),
        ("smtps://mail.example.com", ("smtps", "mail.example.com", 465, None, None)),
        (
            "smtp://me%40example.com:p%40ss%3Aw%2Frd@smtp.example.com:587",
            ("smtp", "smtp.example.com", 587, "me@example.com", "p@ss:w/rd"),
        ),
        ("smtps://user@smtp.example.com:465/", ("smtps", "smtp.example.com", 465, "user", None)),
    ],
)
def test_smtp_urls_parse_with_percent_decoded_user_and_password(url, expected):
    s = parse_smtp_url(url)
    assert (s.scheme, s.host, s.port, s.username, s.password) == expected


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://smtp.example.com", "expected a URL starting smtp:// or smtps://"),
        ("smtp://", "expected a host name"),
        ("smtp://user:hunter2@host:port", "the port is not a number"),
        ("smtp://host:587/inbox", "expected only scheme, user, host and port"),
        ("smtp://host:0", "expected a port between 1 and 65535"),
    ],
)
def test_bad_smtp_urls_are_one_clear_line_without_the_password(url, problem):
    with pytest.raises(ConfigError) as info:
        parse_smtp_url(url)
    assert info.value.exit_code == ExitCode.USAGE
    assert problem in info.value.message
    assert "hunter2" not in info.value.message


def test_password_never_shows_in_repr():
    s = parse_smtp_url("smtp://u:hunter2@host:587")
    assert "hunter2" not in repr(s)


def test_where_the_server_comes_from_environment_then_file_then_local_relay():
    env = {"PROSPECT_SMTP_URL": "smtps://a@env.example.com", "PROSPECT_SMTP_PASSWORD": "pw"}
    s = resolve_smtp(env, "smtp://file.example.com:587")
    assert (s.host, s.password) == ("env.example.com", "pw")
    s = resolve_smtp({"PROSPECT_SMTP_PASSWORD": "pw"}, "smtp://me@file.example.com:587")
    assert (s.host, s.port, s.username, s.password) == ("file.example.com", 587, "me", "pw")
    s = resolve_smtp({}, None)
    assert (s.scheme, s.host, s.port, s.username) == ("smtp", "localhost", 25, None)
    # a password in the URL wins over the separate variable
    env = {"PROSPECT_SMTP_URL": "smtp://a:inurl@h", "PROSPECT_SMTP_PASSWORD": "separate"}
    assert resolve_smtp(env, None).password == "inurl"


def test_rules_file_refuses_a_password_and_names_the_line():
    text = "daily_limit: 5\ndigest:\n  to: [a@example.com]\n  smtp_url: smtp://u:hunter2@h:587\n"
    with pytest.raises(ConfigError) as info:
        parse_config(text, "signals.yaml")
    message = info.value.message
    assert message.startswith("signals.yaml:4: digest.smtp_url: a password does not belong")
    assert "PROSPECT_SMTP_PASSWORD" in message
    assert "hunter2" not in message


def test_rules_file_digest_section_loads():
    text = (
        "digest:\n  to: [a@example.com, b@example.com]\n  from: Me <me@example.com>\n"
        "  subject: 'daily {count}'\n  smtp_url: smtps://me%40example.com@smtp.example.com\n"
    )
    cfg = parse_config(text, "signals.yaml")
    assert cfg.digest.to == ["a@example.com", "b@example.com"]
    assert cfg.digest.smtp_url.startswith("smtps://")


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("localhost", True), ("127.0.0.1", True), ("::1", True), ("smtp.example.com", False)],
)
def test_loopback_hosts(host, loopback):
    assert SmtpSettings("smtp", host, 25).loopback is loopback


def _message(to: str = "a@example.com") -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = "hello"
    msg["From"] = "prospect@example.com"
    msg["To"] = to
    msg.set_content("body")
    return msg


def test_plain_local_relay_without_login():
    with smtp_server() as (sink, port):
        refused = send_mail(
            parse_smtp_url(f"smtp://127.0.0.1:{port}"),
            _message(),
            "prospect@example.com",
            ["a@example.com", "b@example.com"],
        )
    assert refused == {}
    assert sink.received[0].rcpt_tos == ["a@example.com", "b@example.com"]
    assert sink.received[0].mail_from == "prospect@example.com"


def test_login_on_loopback_without_tls():
    # The server requires AUTH before MAIL, so a delivered message proves the login.
    with smtp_server(auth=True) as (sink, port):
        settings = parse_smtp_url(
            f"smtp://{USER.replace('@', '%40')}@127.0.0.1:{port}", password=PASSWORD
        )
        send_mail(settings, _message(), "prospect@example.com", ["a@example.com"])
    assert len(sink.received) == 1


def test_refused_login_is_a_clear_error_without_the_password():
    with smtp_server(auth=True) as (sink, port):
        settings = parse_smtp_url(f"smtp://{USER}:wrong-hunter2@127.0.0.1:{port}")
        with pytest.raises(SendError) as info:
            send_mail(settings, _message(), "prospect@example.com", ["a@example.com"])
    message = info.value.message
    assert message.startswith(f"the mail server 127.0.0.1:{port} refused the login for {USER}")
    assert "535" in message
    assert "wrong-hunter2" not in message
    assert info.value.exit_code == ExitCode.ERROR
    assert sink.received == []


def test_connection_refused_names_the_server():
    port = free_port()
    with pytest.raises(SendError) as info:
        send_mail(
            parse_smtp_url(f"smtp://127.0.0.1:{port}"), _message(), "p@example.com", ["a@x.org"]
        )
    assert info.value.message.startswith(f"cannot connect to the mail server 127.0.0.1:{port}")
    assert "PROSPECT_SMTP_URL" in info.value.message


def test_starttls_with_a_trusted_certificate(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(CA_FILE))
    with smtp_server(auth=True, starttls=True) as (sink, port):
        settings = parse_smtp_url(f"smtp://{USER.replace('@', '%40')}@localhost:{port}", PASSWORD)
        send_mail(settings, _message(), "prospect@example.com", ["a@example.com"])
    assert len(sink.received) == 1


def test_starttls_with_an_untrusted_certificate_fails_before_login(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    with smtp_server(auth=True, starttls=True) as (sink, port):
        settings = parse_smtp_url(f"smtp://u@localhost:{port}", "hunter2")
        with pytest.raises(SendError) as info:
            send_mail(settings, _message(), "prospect@example.com", ["a@example.com"])
    assert "certificate is not trusted" in info.value.message
    assert "hunter2" not in info.value.message
    assert sink.received == []


def test_implicit_tls(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(CA_FILE))
    with smtp_server(implicit_tls=True) as (sink, port):
        send_mail(
            parse_smtp_url(f"smtps://localhost:{port}"),
            _message(),
            "prospect@example.com",
            ["a@example.com"],
        )
    assert len(sink.received) == 1


def test_smtps_to_a_plain_server_is_a_tls_error():
    with smtp_server() as (sink, port), pytest.raises(SendError) as info:
        send_mail(
            parse_smtp_url(f"smtps://127.0.0.1:{port}"),
            _message(),
            "prospect@example.com",
            ["a@example.com"],
            timeout=5,
        )
    assert info.value.message.startswith(f"TLS with the mail server 127.0.0.1:{port} failed")
    assert sink.received == []


def test_every_recipient_refused_is_an_error_some_refused_is_reported():
    with smtp_server() as (sink, port):
        sink.refuse = {"gone@example.com", "away@example.com"}
        settings = parse_smtp_url(f"smtp://127.0.0.1:{port}")
        with pytest.raises(SendError) as info:
            send_mail(settings, _message(), "p@example.com", ["gone@example.com"])
        assert "refused every recipient: gone@example.com (550" in info.value.message
        refused = send_mail(
            settings, _message(), "p@example.com", ["a@example.com", "away@example.com"]
        )
    assert list(refused) == ["away@example.com"]
    assert refused["away@example.com"].startswith("550")
    assert [r.rcpt_tos for r in sink.received] == [["a@example.com"]]


class EchoingServer:
    """A raw SMTP server on 127.0.0.1 that answers AUTH with a 535 echoing what
    it was sent, reworked by `echo` (as careless servers do)."""

    def __init__(self, echo) -> None:  # type: ignore[no-untyped-def]
        import socket
        import threading

        self.echo = echo
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import base64

        conn, _ = self.sock.accept()
        with conn, conn.makefile("rwb") as f:
            f.write(b"220 echo.test ESMTP\r\n")
            f.flush()
            for line in f:
                verb = line.split(b" ", 1)[0].upper().strip()
                if verb == b"EHLO":
                    f.write(b"250-echo.test\r\n250 AUTH PLAIN\r\n")
                elif verb == b"AUTH":
                    sent = line.split()[2]
                    password = base64.b64decode(sent).split(b"\0")[2].decode()
                    f.write(f"535 5.7.8 {self.echo(sent.decode(), password)}\r\n".encode())
                elif verb == b"QUIT":
                    f.write(b"221 bye\r\n")
                    f.flush()
                    return
                else:
                    f.write(b"250 OK\r\n")
                f.flush()

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize(
    "echo",
    [
        lambda sent, pw: f"bad password {pw}",
        lambda sent, pw: f"bad password {pw.upper()}",
        lambda sent, pw: f"bad password {pw.lower()}",
        lambda sent, pw: f"invalid credentials {sent}",  # the AUTH PLAIN argument itself
        lambda sent, pw: "bad " + __import__("base64").b64encode(pw.encode()).decode(),
        lambda sent, pw: "bad " + __import__("urllib.parse").parse.quote(pw, safe=""),
    ],
    ids=["as-is", "upper", "lower", "auth-plain-base64", "base64", "percent"],
)
def test_a_server_echoing_the_password_in_any_form_never_shows_it(echo) -> None:  # type: ignore[no-untyped-def]
    import base64
    from urllib.parse import quote

    password = "Hunter2-Secret/Pw"
    server = EchoingServer(echo)
    try:
        settings = SmtpSettings("smtp", "127.0.0.1", server.port, USER, password)
        with pytest.raises(SendError) as info:
            send_mail(settings, _message(), "p@example.com", ["a@example.com"], timeout=10)
    finally:
        server.close()
    message = info.value.message
    assert "refused the login" in message and "535" in message and "***" in message
    lowered = message.lower()
    assert password.lower() not in lowered
    assert quote(password, safe="").lower() not in lowered
    assert base64.b64encode(password.encode()).decode() not in message
    plain = base64.b64encode(f"\0{USER}\0{password}".encode()).decode()
    assert plain not in message
