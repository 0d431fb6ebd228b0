"""Fixtures for source tests: a local HTTP server, a guard that allows only it, a fast fetch policy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from httpfixtures import LocalServer, local_resolver

from harmattan.sources.guard import Guard
from harmattan.sources.http import FetchPolicy


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()


@pytest.fixture
def guard() -> Guard:
    # Only the test host names are allowed: a redirect to 127.0.0.1 itself must still be refused.
    return Guard(["news.test", "other.test"], resolver=local_resolver)


@pytest.fixture
def policy() -> FetchPolicy:
    return FetchPolicy(
        timeout_s=2.0, deadline_s=2.0, max_bytes=1_000_000, retries=2, backoff_s=0.01, politeness_s=0.0
    )
