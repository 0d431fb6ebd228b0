"""robots.txt, read the way RFC 9309 says: missing (4xx) allows all, unreachable (5xx) allows nothing."""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

#: How long a robots.txt answer is trusted before it is fetched again (RFC 9309 suggests up to 24 h).
TTL_S = 24 * 3600
#: An unreachable robots.txt is retried sooner: the server may just be having a bad minute.
ERROR_TTL_S = 15 * 60

# (status, body) of GET /robots.txt; status None when the request failed outright.
RobotsFetch = Callable[[str], tuple[int | None, bytes]]


@dataclass
class _Entry:
    parser: urllib.robotparser.RobotFileParser | None
    allow_all: bool
    expires: float


class RobotsCache:
    """Per-origin robots.txt rules for one user agent."""

    def __init__(self, fetch: RobotsFetch, user_agent: str, clock: Callable[[], float] = time.monotonic):
        self.fetch = fetch
        self.user_agent = user_agent
        self.clock = clock
        self._entries: dict[str, _Entry] = {}

    def allowed(self, url: str) -> bool:
        entry = self._entry(url)
        if entry.parser is None:
            return entry.allow_all
        return entry.parser.can_fetch(self.user_agent, url)

    def crawl_delay(self, url: str) -> float | None:
        entry = self._entry(url)
        if entry.parser is None:
            return None
        delay = entry.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    def _entry(self, url: str) -> _Entry:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        entry = self._entries.get(origin)
        if entry is None or entry.expires < self.clock():
            entry = self._load(origin)
            self._entries[origin] = entry
        return entry

    def _load(self, origin: str) -> _Entry:
        status, body = self.fetch(f"{origin}/robots.txt")
        now = self.clock()
        if status is None or status >= 500:
            return _Entry(None, allow_all=False, expires=now + ERROR_TTL_S)
        if status >= 400:
            return _Entry(None, allow_all=True, expires=now + TTL_S)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Entry(parser, allow_all=True, expires=now + TTL_S)
