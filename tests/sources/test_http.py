from __future__ import annotations

import gzip
import time
from http.server import BaseHTTPRequestHandler

import pytest
from httpfixtures import LocalServer, local_resolver

from harmattan.sources.guard import Guard
from harmattan.sources.http import Fetcher, FetchError, FetchPolicy


def test_get_returns_body_headers_and_validators(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    server.add("/a", "<p>Ménaka</p>", headers={"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'})
    with Fetcher(guard, policy) as fetcher:
        response = fetcher.get(server.url("/a"))
    assert response.status == 200 and response.body.decode() == "<p>Ménaka</p>"
    assert response.etag == '"v1"' and response.charset == "utf-8"
    assert server.hits[-1][1]["host"] == f"news.test:{server.port}"  # pinned address, original Host


def test_conditional_get_sends_validators_and_reports_not_modified(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    def route(handler: BaseHTTPRequestHandler) -> None:
        fresh = handler.headers.get("If-None-Match") == '"v1"'
        handler.send_response(304 if fresh else 200)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.routes["/feed"] = route
    with Fetcher(guard, policy) as fetcher:
        response = fetcher.get(
            server.url("/feed"), etag='"v1"', last_modified="Sat, 01 Nov 2025 10:00:00 GMT"
        )
    assert response.not_modified
    assert server.hits[-1][1]["if-modified-since"] == "Sat, 01 Nov 2025 10:00:00 GMT"


@pytest.mark.parametrize("address", ["127.0.0.1", "169.254.169.254", "10.1.2.3", "[::1]", "0.0.0.0"])
def test_redirect_to_a_private_or_metadata_address_is_refused(
    server: LocalServer, guard: Guard, policy: FetchPolicy, address: str
) -> None:
    server.redirect("/go", f"http://{address}:{server.port}/latest/meta-data/")
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="refused") as caught:
        fetcher.get(server.url("/go"))
    assert "address" in str(caught.value)
    assert [path for path, _ in server.hits] == ["/robots.txt", "/go"]  # the private target was never hit


def test_direct_private_urls_and_odd_schemes_are_refused(policy: FetchPolicy) -> None:
    guard = Guard([], resolver=local_resolver)
    with Fetcher(guard, policy) as fetcher:
        for url in ("http://news.test/", "http://127.0.0.1/", "file:///etc/passwd", "http://u:p@news.test/"):
            with pytest.raises(FetchError, match="refused"):
                fetcher.get(url)


def test_allowing_a_cidr_range_lets_the_local_server_through(
    server: LocalServer, policy: FetchPolicy
) -> None:
    server.add("/ok", "fine")
    with Fetcher(Guard.from_setting("192.0.2.0/24, 127.0.0.0/8"), policy) as fetcher:
        assert fetcher.get(server.url("/ok", host="127.0.0.1")).body == b"fine"


def test_redirect_loops_and_long_chains_stop(server: LocalServer, guard: Guard, policy: FetchPolicy) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    for n in range(8):
        server.redirect(f"/c{n}", f"/c{n + 1}")
    with Fetcher(guard, policy) as fetcher:
        with pytest.raises(FetchError, match="redirect loop"):
            fetcher.get(server.url("/a"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(server.url("/c0"))


def test_a_redirect_within_limits_is_followed(server: LocalServer, guard: Guard, policy: FetchPolicy) -> None:
    server.redirect("/old", server.url("/new", host="other.test"), status=301)
    server.add("/new", "moved here")
    with Fetcher(guard, policy) as fetcher:
        response = fetcher.get(server.url("/old"))
    assert response.body == b"moved here" and response.url.endswith("/new") and len(response.redirects) == 1


def test_a_200_mb_body_is_cut_at_the_cap_while_streaming(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    sent = []

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()  # no Content-Length: the size is only known by reading
        chunk = b"x" * 65536
        for _ in range(200 * 1024 * 1024 // len(chunk)):
            handler.wfile.write(chunk)
            sent.append(len(chunk))

    server.routes["/huge"] = route
    start = time.monotonic()
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="over the 1000000-byte cap"):
        fetcher.get(server.url("/huge"))
    assert time.monotonic() - start < 5
    assert sum(sent) < 50 * 1024 * 1024  # the client stopped reading long before 200 MB


def test_a_declared_oversized_body_is_refused_before_reading(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(200 * 1024 * 1024))
        handler.end_headers()
        handler.wfile.write(b"x" * 1000)

    server.routes["/declared"] = route
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="over the 1000000-byte cap"):
        fetcher.get(server.url("/declared"))


def test_a_gzip_bomb_never_expands_past_the_cap(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    server.add("/bomb", bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="cap"):
        fetcher.get(server.url("/bomb"))


def test_gzip_bodies_are_inflated(server: LocalServer, guard: Guard, policy: FetchPolicy) -> None:
    server.add("/gz", gzip.compress(b"Tombouctou"), headers={"Content-Encoding": "gzip"})
    server.add("/bad", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    with Fetcher(guard, policy) as fetcher:
        assert fetcher.get(server.url("/gz")).body == b"Tombouctou"
        with pytest.raises(FetchError, match="corrupt gzip"):
            fetcher.get(server.url("/bad"))


def test_a_server_sending_one_byte_a_second_hits_the_deadline(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.5)

    server.routes["/slow"] = route
    start = time.monotonic()
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="too slow"):
        fetcher.get(server.url("/slow"))
    assert time.monotonic() - start < 4


def test_a_server_dripping_its_headers_hits_the_deadline_too(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    def route(handler: BaseHTTPRequestHandler) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 200:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.2)  # every read succeeds well within the 2 s read timeout

    server.routes["/drip"] = route
    start = time.monotonic()
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="too slow"):
        fetcher.get(server.url("/drip"))
    assert time.monotonic() - start < 4
    assert [p for p, _ in server.hits].count("/drip") == 1  # a deadline is not retried


def test_transient_errors_are_retried_with_backoff(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    calls = []

    def route(handler: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        ok = len(calls) >= 3
        handler.send_response(200 if ok else 503)
        body = b"finally" if ok else b""
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.routes["/flaky"] = route
    server.add("/down", b"", status=503, headers={"Retry-After": "0"})
    waits: list[float] = []
    with Fetcher(guard, policy, sleep=waits.append) as fetcher:
        assert fetcher.get(server.url("/flaky")).body == b"finally"
        assert waits == [0.01, 0.02]
        with pytest.raises(FetchError, match=r"HTTP 503 \(gave up after 3 tries\)"):
            fetcher.get(server.url("/down"))


def test_client_errors_are_not_retried(server: LocalServer, guard: Guard, policy: FetchPolicy) -> None:
    with Fetcher(guard, policy) as fetcher, pytest.raises(FetchError, match="HTTP 404") as caught:
        fetcher.get(server.url("/missing"))
    assert caught.value.status == 404
    assert [path for path, _ in server.hits].count("/missing") == 1


def test_robots_txt_is_obeyed(server: LocalServer, guard: Guard, policy: FetchPolicy) -> None:
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})
    server.add("/private/x", "secret")
    server.add("/public", "hello")
    with Fetcher(guard, policy) as fetcher:
        assert fetcher.get(server.url("/public")).body == b"hello"
        with pytest.raises(FetchError, match=r"robots\.txt"):
            fetcher.get(server.url("/private/x"))
    assert "/private/x" not in [path for path, _ in server.hits]


def test_robots_txt_unreachable_means_nothing_is_fetched(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    server.add("/robots.txt", "", status=500)
    server.add("/page", "hello")
    with Fetcher(guard, policy, sleep=lambda _s: None) as fetcher, pytest.raises(FetchError, match="robots"):
        fetcher.get(server.url("/page"))


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(
    server: LocalServer, guard: Guard, policy: FetchPolicy
) -> None:
    server.add("/p", "page")
    now = [100.0]
    waits: list[float] = []
    polite = FetchPolicy(politeness_s=5.0, deadline_s=10, retries=0)
    with Fetcher(guard, polite, sleep=waits.append, clock=lambda: now[0]) as fetcher:
        fetcher.get(server.url("/p"))
        fetcher.get(server.url("/p"))
    # robots.txt at 100, first page at 105, second at 110: each waited the full delay
    assert waits == [5.0, 10.0]
