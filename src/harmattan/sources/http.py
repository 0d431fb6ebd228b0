"""The one HTTP client every fetch goes through: guarded, polite, bounded.

- every URL, and every redirect hop, passes the SSRF :class:`~harmattan.sources.guard.Guard`,
  and the connection is pinned to the address the guard checked;
- robots.txt is obeyed and each host gets a minimum delay between requests;
- conditional GET (ETag / Last-Modified), retries with exponential back-off on
  transient failures (connection errors, timeouts, 429 and 5xx, honouring Retry-After);
- a per-read timeout *and* a total deadline on every socket operation (a server
  dripping its headers or body one byte a second is cut off; see :mod:`.deadline`),
  a cap on the decoded body size (checked while streaming, so a 200 MB body or a
  gzip bomb is never held in memory), and a redirect limit.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from harmattan.sources.deadline import transport_with_deadline
from harmattan.sources.guard import Guard, Refused, Target
from harmattan.sources.robots import RobotsCache

log = logging.getLogger(__name__)

USER_AGENT = "harmattan/0.1 (Sahel conflict observatory; +https://github.com/harmattan-observatory/harmattan)"
REDIRECTS = {301, 302, 303, 307, 308}
TRANSIENT = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A fetch that failed for good (after retries); ``str()`` says which URL and why."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        self.status = status


class _Transient(FetchError):
    def __init__(self, url: str, message: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(url, message, status)
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchPolicy:
    timeout_s: float = 15.0
    deadline_s: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff_s: float = 1.0
    max_backoff_s: float = 60.0
    politeness_s: float = 2.0
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: dt.datetime
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class Fetcher:
    """A guarded HTTP client; use as a context manager, one per fetch run."""

    def __init__(
        self,
        guard: Guard,
        policy: FetchPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.guard = guard
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.clock = clock
        timeout = httpx.Timeout(self.policy.timeout_s)
        transport, self._sockets = transport_with_deadline()
        # trust_env=False: no proxy from the environment may route around the pinned address.
        self.client = httpx.Client(
            transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
        )
        self.robots = RobotsCache(self._fetch_robots, self.policy.user_agent, clock)
        self._next_slot: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` within the policy; raises :class:`FetchError` on any failure."""
        conditional = {"If-None-Match": etag} if etag else {}
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                self._sockets.deadline = time.monotonic() + self.policy.deadline_s
                return self._follow(url, conditional)
            except _Transient as exc:
                if attempt >= self.policy.retries:
                    reason = f"{exc.reason} (gave up after {attempt + 1} tries)"
                    raise FetchError(exc.url, reason, exc.status) from None
                wait = self.policy.backoff_s * 2**attempt
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                wait = min(wait, self.policy.max_backoff_s)
                log.info("retrying %s in %.1fs: %s", url, wait, exc)
                self.sleep(wait)
                attempt += 1
            finally:
                self._sockets.deadline = None

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        deadline = self.clock() + self.policy.deadline_s
        seen = [url]
        current = url
        while True:
            target = self._check(current)
            if self.policy.respect_robots and not self.robots.allowed(current):
                raise FetchError(current, "disallowed by robots.txt")
            self._wait_turn(target)
            response = self._request(target, headers, deadline)
            if response.status not in REDIRECTS:
                response.url, response.redirects = current, seen[1:]
                return response
            location = response.headers.get("location")
            if not location:
                raise FetchError(current, f"redirect {response.status} without a Location header")
            following = urljoin(current, location)
            if following in seen:
                raise FetchError(url, f"redirect loop: {' -> '.join([*seen, following])}")
            if len(seen) > self.policy.max_redirects:
                raise FetchError(url, f"more than {self.policy.max_redirects} redirects")
            seen.append(following)
            current = following

    def _check(self, url: str) -> Target:
        try:
            return self.guard.check(url)
        except Refused as exc:
            raise FetchError(url, exc.reason) from None

    def _wait_turn(self, target: Target, use_robots: bool = True) -> None:
        key = f"{target.host}:{target.port}"
        delay = self.policy.politeness_s
        if use_robots and self.policy.respect_robots:
            delay = max(delay, self.robots.crawl_delay(target.url) or 0.0)
        now = self.clock()
        slot = self._next_slot.get(key, now)
        if slot > now:
            self.sleep(slot - now)
        self._next_slot[key] = max(slot, now) + delay

    def _request(self, target: Target, headers: dict[str, str], deadline: float) -> Response:
        request_headers = {
            "User-Agent": self.policy.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Host": _host_header(target),
            **headers,
        }
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        fetched_at = dt.datetime.now(dt.UTC)
        try:
            with self.client.stream(
                "GET", _pinned_url(target), headers=request_headers, extensions=extensions
            ) as raw:
                status, headers_out = raw.status_code, {k.lower(): v for k, v in raw.headers.items()}
                if status in TRANSIENT:
                    raise _Transient(target.url, f"HTTP {status}", status, _retry_after(headers_out))
                if status in REDIRECTS or status == 304:
                    return Response(target.url, status, headers_out, b"", fetched_at)
                if status >= 400:
                    raise FetchError(target.url, f"HTTP {status}", status)
                body = self._read_body(target.url, raw, headers_out, deadline)
        except httpx.TimeoutException as exc:
            if self._sockets.deadline is not None and time.monotonic() >= self._sockets.deadline:
                limit = self.policy.deadline_s
                raise FetchError(target.url, f"too slow: no complete response within {limit:g}s") from None
            raise _Transient(target.url, f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Transient(target.url, f"connection failed: {exc or type(exc).__name__}") from None
        except httpx.HTTPError as exc:
            raise FetchError(target.url, f"HTTP error: {exc}") from None
        return Response(target.url, status, headers_out, body, fetched_at)

    def _read_body(self, url: str, raw: httpx.Response, headers: dict[str, str], deadline: float) -> bytes:
        cap = self.policy.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and "content-encoding" not in headers:
            raise FetchError(url, f"body of {int(declared)} bytes is over the {cap}-byte cap")
        encoding = headers.get("content-encoding", "identity").strip().lower()
        return read_capped(url, raw.iter_raw(), encoding, cap, deadline, self.clock)

    def _fetch_robots(self, url: str) -> tuple[int | None, bytes]:
        try:
            target = self.guard.check(url)
            self._wait_turn(target, use_robots=False)
            response = self._request(target, {}, self.clock() + self.policy.deadline_s)
        except FetchError as exc:
            log.info("robots.txt %s: %s", url, exc)
            return exc.status, b""
        if response.status in REDIRECTS:
            return 404, b""  # a redirected robots.txt is rare; treat it as absent rather than chase it
        return response.status, response.body


def read_capped(
    url: str,
    chunks: Iterator[bytes],
    encoding: str,
    cap: int,
    deadline: float,
    clock: Callable[[], float] = time.monotonic,
) -> bytes:
    """Read (and inflate) a streamed body, stopping as soon as it passes ``cap`` bytes or the deadline."""
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater: Any = zlib.decompressobj(wbits=47)  # 47: accept both gzip and zlib headers
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
    out = bytearray()
    for chunk in chunks:
        if clock() > deadline:
            raise FetchError(url, f"too slow: no complete body within the deadline ({len(out)} bytes read)")
        try:
            _append(out, chunk, inflater, cap)
        except zlib.error as exc:
            raise FetchError(url, f"corrupt {encoding} body: {exc}") from None
        if len(out) > cap:
            raise FetchError(url, f"body is over the {cap}-byte cap (cut off while streaming)")
    return bytes(out)


def _append(out: bytearray, chunk: bytes, inflater: Any, cap: int) -> None:
    if inflater is None:
        out += chunk
        return
    # max_length bounds each inflate step, so a gzip bomb never expands past cap + 1 bytes.
    out += inflater.decompress(chunk, cap + 1 - len(out))
    while inflater.unconsumed_tail and len(out) <= cap:
        out += inflater.decompress(inflater.unconsumed_tail, cap + 1 - len(out))


def _pinned_url(target: Target) -> str:
    """The URL with its host replaced by the checked address (the Host header keeps the name)."""
    address = f"[{target.address}]" if ":" in target.address else target.address
    parts = urlsplit(target.url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{target.scheme}://{address}:{target.port}{path}"


def _host_header(target: Target) -> str:
    default = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def _retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
