"""A total deadline on every socket operation of a request, headers included.

httpx's timeouts apply to each read: a server dripping its *headers* one byte a
second never trips them. Here every connect, read and write gets at most the
time left before the request's deadline, so the whole exchange is bounded.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class DeadlineBackend(httpcore.SyncBackend):
    """httpcore's socket backend, with a deadline (``time.monotonic()`` seconds) set per request."""

    def __init__(self) -> None:
        super().__init__()
        self.deadline: float | None = None

    def bound(self, timeout: float | None) -> float | None:
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the request's total deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, self.bound(timeout), local_address, socket_options)
        return DeadlineStream(stream, self)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: DeadlineBackend) -> None:
        self.inner = inner
        self.backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.backend.bound(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.backend.bound(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        upgraded = self.inner.start_tls(ssl_context, server_hostname, self.backend.bound(timeout))
        return DeadlineStream(upgraded, self.backend)

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


def transport_with_deadline() -> tuple[httpx.HTTPTransport, DeadlineBackend]:
    """An httpx transport whose sockets honour ``backend.deadline``."""
    transport = httpx.HTTPTransport()
    backend = DeadlineBackend()
    # httpx does not take a network backend as an argument; its pool keeps it here (checked by tests).
    transport._pool._network_backend = backend
    return transport, backend
