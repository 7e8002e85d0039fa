"""The poll's HTTP/1.1 transport against real sockets on 127.0.0.1.

Each test runs a small server that answers with exactly the bytes the test
gives it, so keep-alive, framing and the races of a reused connection can be
shown as they happen on the wire."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from prospect.fetch import fetch_feed, make_client
from prospect.transport import Transport

TLS = Path(__file__).parent / "fixtures" / "tls"
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"


def read_request(conn: socket.socket) -> bytes:
    """One request head (the tests send no bodies), or b"" when the client closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    return data


class ScriptedServer:
    """Accepts connections; `handle(server, conn)` speaks on each, in a thread.
    `connections` counts the connections accepted, `requests` every request head."""

    def __init__(
        self,
        handle: Callable[[ScriptedServer, socket.socket], None],
        tls: ssl.SSLContext | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.handle = handle
        self.connections = 0
        self.finished = 0  # connections whose handler has returned (the client closed)
        self.requests: list[bytes] = []
        self.host = host
        self.sock = socket.create_server((host, 0))
        self.tls = tls
        self.port = self.sock.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            self.handle(self, conn)
        except (OSError, ssl.SSLError):
            pass
        finally:
            conn.close()
            self.finished += 1

    def request(self, conn: socket.socket) -> bytes:
        head = read_request(conn)
        if head:
            self.requests.append(head)
        return head

    def url(self, path: str = "/feed", host: str | None = None, scheme: str = "http") -> str:
        return f"{scheme}://{host or self.host}:{self.port}{path}"

    def close(self) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture
def server() -> Iterator[Callable[..., ScriptedServer]]:
    started: list[ScriptedServer] = []

    def start(handle, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1"):
        started.append(ScriptedServer(handle, tls, host))
        return started[-1]

    yield start
    for s in started:
        s.close()


def eventually(check: Callable[[], bool], seconds: float = 3.0) -> bool:
    """Whether `check()` comes true within `seconds` (server threads see a close late)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def get_all(urls: list[str], transport: Transport | None = None, **kwargs) -> list[httpx.Response]:
    """GET each URL in turn with one client, reading every body."""

    async def run() -> list[httpx.Response]:
        client = (
            httpx.AsyncClient(transport=transport, timeout=kwargs.pop("timeout", 5.0))
            if transport
            else make_client(**kwargs)
        )
        async with client:
            responses = []
            for url in urls:
                response = await client.get(url)
                responses.append(response)
            return responses

    return asyncio.run(run())


def keep_alive(response: bytes = OK) -> Callable[[ScriptedServer, socket.socket], None]:
    """A server that answers every request on a connection with `response`."""

    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        while srv.request(conn):
            conn.sendall(response)

    return handle


# --- keep-alive ------------------------------------------------------------------------


def test_one_host_s_requests_share_a_kept_alive_connection(server):
    srv = server(keep_alive())
    responses = get_all([srv.url(f"/feed/{i}") for i in range(10)])
    assert [r.text for r in responses] == ["hello"] * 10
    assert len(srv.requests) == 10
    assert srv.connections == 1


def test_an_idle_connection_past_its_expiry_is_not_reused(server):
    srv = server(keep_alive())
    get_all([srv.url(), srv.url()], Transport(per_host=2, keepalive_expiry=0.0))
    assert srv.connections == 2


def test_a_connection_the_server_closed_while_idle_is_replaced(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(OK)  # then close: the client finds it at end of stream

    srv = server(handle)

    async def run() -> list[str]:
        async with make_client() as client:
            first = await client.get(srv.url())
            await asyncio.sleep(0.2)  # the server's close arrives
            second = await client.get(srv.url())
            return [first.text, second.text]

    assert asyncio.run(run()) == ["hello", "hello"]
    assert srv.connections == 2


def test_a_get_on_a_connection_closed_in_the_race_is_sent_again_once(server):
    # The server answers the first request, then takes the second and closes
    # without a word: what a keep-alive timeout on the server looks like when
    # it fires just as the client sends. The GET goes again on a new connection.
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(OK)
        srv.request(conn)

    srv = server(handle)
    responses = get_all([srv.url("/a"), srv.url("/b")])
    assert [r.status_code for r in responses] == [200, 200]
    assert srv.connections == 2
    assert [r.split(b" ")[1] for r in srv.requests] == [b"/a", b"/b", b"/b"]


def test_a_post_is_never_sent_twice(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(OK)
        srv.request(conn)

    srv = server(handle)

    async def run() -> None:
        async with make_client() as client:
            await client.get(srv.url())
            await client.post(srv.url(), content=b"x")

    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        asyncio.run(run())
    assert len([r for r in srv.requests if r.startswith(b"POST")]) == 1


def test_a_fresh_connection_closed_without_an_answer_is_an_error_not_a_retry(server):
    srv = server(lambda srv, conn: srv.request(conn))
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        get_all([srv.url()])
    assert srv.connections == 1


# --- framing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n",
            id="chunked",
        ),
        pytest.param(
            b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n" + OK,
            id="informational-first",
        ),
        pytest.param(b"HTTP/1.0 200 OK\r\n\r\nhello", id="until-close"),
        pytest.param(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello",
            id="connection-close",
        ),
    ],
)
def test_every_http_1_1_framing_reads_the_whole_body(server, response):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        if srv.request(conn):
            conn.sendall(response)
            conn.shutdown(socket.SHUT_WR)  # the end of a read-until-close body

    srv = server(handle)
    responses = get_all([srv.url(), srv.url()])
    assert [r.text for r in responses] == ["hello", "hello"]


def test_a_304_keeps_the_connection_for_the_next_request(server):
    srv = server(keep_alive(b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n'))
    responses = get_all([srv.url(f"/{i}") for i in range(3)])
    assert [(r.status_code, r.headers["etag"], r.content) for r in responses] == [
        (304, '"v1"', b"")
    ] * 3
    assert srv.connections == 1


def test_the_reason_phrase_and_headers_reach_the_response(server):
    srv = server(
        keep_alive(b"HTTP/1.1 404 Nowhere To Be Found\r\nX-Thing: a\r\nContent-Length: 0\r\n\r\n")
    )
    (response,) = get_all([srv.url()])
    assert (response.status_code, response.reason_phrase) == (404, "Nowhere To Be Found")
    assert response.headers["x-thing"] == "a"
    head = srv.requests[0].decode()
    assert head.startswith("GET /feed HTTP/1.1\r\n")
    assert f"host: 127.0.0.1:{srv.port}" in head.lower()
    assert "user-agent: prospect/" in head.lower()


def test_garbage_instead_of_http_is_a_protocol_error(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")

    srv = server(handle)
    with pytest.raises(httpx.RemoteProtocolError):
        get_all([srv.url()])


# --- limits and cancellation -----------------------------------------------------------


def test_no_more_than_per_host_connections_to_one_origin(server):
    active = peak = 0
    lock = threading.Lock()

    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        nonlocal active, peak
        while srv.request(conn):
            with lock:
                active += 1
                peak = max(peak, active)
            threading.Event().wait(0.05)
            with lock:
                active -= 1
            conn.sendall(OK)

    srv = server(handle)

    async def run() -> list[int]:
        async with httpx.AsyncClient(transport=Transport(per_host=3)) as client:
            responses = await asyncio.gather(*(client.get(srv.url(f"/{i}")) for i in range(12)))
            return [r.status_code for r in responses]

    assert asyncio.run(run()) == [200] * 12
    assert peak == 3
    assert srv.connections == 3


def test_a_cancelled_request_gives_back_its_slot_and_never_its_connection(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        while head := srv.request(conn):
            if b"/slow" in head:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf")
                threading.Event().wait(2)
                return
            conn.sendall(OK)

    srv = server(handle)

    async def run() -> str:
        async with httpx.AsyncClient(transport=Transport(per_host=1)) as client:
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.3):
                    await client.get(srv.url("/slow"))
            response = await asyncio.wait_for(client.get(srv.url("/fast")), 1.5)
            return response.text

    assert asyncio.run(run()) == "hello"
    assert srv.connections == 2  # the half-read connection was closed, not reused


# --- TLS -------------------------------------------------------------------------------


def server_tls() -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    return ctx


def test_https_with_a_trusted_certificate(server, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "ca.pem"))  # as a user trusts a company CA
    srv = server(keep_alive(), tls=server_tls())
    responses = get_all([srv.url(scheme="https"), srv.url(scheme="https", host="localhost")])
    assert [r.text for r in responses] == ["hello", "hello"]


@pytest.mark.parametrize(
    "trusted, host", [(False, "127.0.0.1"), (True, "127.0.0.2")], ids=["untrusted", "mismatch"]
)
def test_https_with_an_untrusted_or_mismatched_certificate_is_refused(
    server, monkeypatch, trusted, host
):
    if trusted:
        monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "ca.pem"))
    srv = server(lambda srv, conn: srv.request(conn), tls=server_tls(), host=host)
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        get_all([srv.url(scheme="https")])


def test_a_header_value_with_a_line_break_is_refused_before_sending(server):
    srv = server(keep_alive())

    async def run() -> None:
        async with make_client() as client:
            await client.get(srv.url(), headers={"If-None-Match": '"v1"\r\nX-Injected: 1'})

    with pytest.raises(httpx.LocalProtocolError):
        asyncio.run(run())
    assert srv.requests == []


def test_idle_connections_in_all_are_capped_oldest_closed_first(server):
    servers = [server(keep_alive()) for _ in range(5)]

    async def run() -> None:
        transport = Transport(per_host=2, max_idle=2)
        async with httpx.AsyncClient(transport=transport) as client:
            for srv in servers:
                assert (await client.get(srv.url())).text == "hello"
            # the two newest stay open for reuse; the three oldest were closed
            await asyncio.sleep(0.05)  # the loop closes sockets in its callbacks
            assert eventually(lambda: [s.finished for s in servers] == [1, 1, 1, 0, 0])
            assert (await client.get(servers[-1].url())).text == "hello"
        assert servers[-1].connections == 1

    asyncio.run(run())


def test_bytes_a_server_sends_while_idle_never_pass_for_the_next_response(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(OK)
        time.sleep(0.05)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale")  # unasked
        while srv.request(conn):
            conn.sendall(OK)

    srv = server(handle)

    async def run() -> list[str]:
        async with make_client() as client:
            first = await client.get(srv.url("/a"))
            await asyncio.sleep(0.2)
            second = await client.get(srv.url("/b"))
            return [first.text, second.text]

    assert asyncio.run(run()) == ["hello", "hello"]
    assert srv.connections == 2


def test_a_large_response_head_is_accepted(server):
    big = b"X-Big: " + b"a" * 20_000 + b"\r\n"
    srv = server(keep_alive(b"HTTP/1.1 200 OK\r\n" + big + b"Content-Length: 5\r\n\r\nhello"))
    (response,) = get_all([srv.url()])
    assert (response.status_code, len(response.headers["x-big"])) == (200, 20_000)


@pytest.mark.parametrize("port", [0, 99999])
def test_an_impossible_port_fails_that_feed_only(port):
    async def run():
        async with make_client() as client:
            return await fetch_feed(client, f"http://127.0.0.1:{port}/feed")

    assert asyncio.run(run()).error == f"cannot connect: invalid port {port}"


def test_a_protocol_switch_is_an_error_not_a_hang(server):
    srv = server(keep_alive(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"))

    async def run() -> None:
        async with make_client() as client:
            await asyncio.wait_for(
                client.get(srv.url(), headers={"Upgrade": "websocket", "Connection": "Upgrade"}),
                5,
            )

    with pytest.raises(httpx.RemoteProtocolError, match="switched protocols"):
        asyncio.run(run())


def test_closing_the_client_closes_a_busy_connection_when_its_response_ends(server):
    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        while srv.request(conn):
            time.sleep(0.2)
            conn.sendall(OK)

    srv = server(handle)

    async def run() -> str:
        client = make_client()
        request = asyncio.create_task(client.get(srv.url()))
        await asyncio.sleep(0.05)
        await client.aclose()
        return (await request).text

    assert asyncio.run(run()) == "hello"
    assert eventually(lambda: srv.finished == 1)


def test_closing_the_client_never_waits_for_a_tls_server_to_answer(server, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "ca.pem"))

    def handle(srv: ScriptedServer, conn: socket.socket) -> None:
        srv.request(conn)
        conn.sendall(OK)
        time.sleep(10)  # never reads, so never answers the client's TLS close

    srv = server(handle, tls=server_tls())

    async def run() -> float:
        async with make_client() as client:
            assert (await client.get(srv.url(scheme="https"))).text == "hello"
            start = time.monotonic()
        return time.monotonic() - start

    assert asyncio.run(run()) < 2
