"""The SSRF guard: a fetch may only reach public addresses, unless a host or range is allowed.

A URL is checked *after* DNS resolution (every address the name resolves to
must be public), and the connection is then pinned to the address that was
checked, so a second, different DNS answer cannot slip a private address in
between check and connect (DNS rebinding). Every redirect hop is checked again.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

ALLOWED_SCHEMES = ("http", "https")
# Cloud metadata endpoints, named explicitly because some are not link-local (Alibaba's 100.100.100.200).
METADATA_ADDRESSES = frozenset({"169.254.169.254", "fd00:ec2::254", "100.100.100.200"})


class Refused(Exception):
    """A URL the guard will not let the fetcher reach; the message says why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url!r}: {reason}")
        self.reason = f"refused: {reason}"


@dataclass(frozen=True)
class Target:
    """A checked URL: the host name it names and the address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Guard:
    """Decides whether a URL may be fetched.

    ``allow`` holds host names and CIDR ranges (``HARMATTAN_FETCH_ALLOW``,
    comma-separated) that may be reached even though they are not public.
    """

    def __init__(self, allow: Iterable[str] = (), resolver: Resolver = system_resolver) -> None:
        self.allowed_hosts: set[str] = set()
        self.allowed_networks: list[IPNetwork] = []
        for item in allow:
            item = item.strip().lower()
            if not item:
                continue
            try:
                self.allowed_networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.allowed_hosts.add(item)
        self.resolver = resolver

    @classmethod
    def from_setting(cls, value: str) -> Guard:
        return cls(value.split(","))

    def check(self, url: str) -> Target:
        """The address to connect to for ``url``; raises :class:`Refused` when it may not be reached."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise Refused(url, f"scheme {scheme or '(none)'!r} is not http or https")
        host = (parts.hostname or "").lower()
        if not host:
            raise Refused(url, "no host")
        if parts.username or parts.password:
            raise Refused(url, "credentials in URLs are not accepted")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise Refused(url, str(exc)) from None
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise Refused(url, f"cannot resolve {host!r} ({exc})") from None
        if not addresses:
            raise Refused(url, f"{host!r} resolves to no address")
        for address in addresses:
            self._check_address(url, host, address)
        return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0])

    def _check_address(self, url: str, host: str, address: str) -> None:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if self._allowed(host, ip):
            return
        reason = _non_public_reason(ip)
        if reason:
            raise Refused(url, f"{host} resolves to {ip}, a {reason} address")

    def _allowed(self, host: str, ip: IPAddress) -> bool:
        return host in self.allowed_hosts or any(ip in net for net in self.allowed_networks)


def _non_public_reason(ip: IPAddress) -> str | None:
    if str(ip) in METADATA_ADDRESSES:
        return "cloud metadata"
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("non-global", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)
