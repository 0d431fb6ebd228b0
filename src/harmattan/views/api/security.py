"""Who is asking, and may they: passwords, API tokens, sessions, CSRF, roles and login rate limits.

- Passwords: argon2id (``ARGON2_*`` below), re-hashed on sign-in when the parameters change.
- API tokens and session ids: 256-bit random strings; the database keeps only their SHA-256.
- Sessions: an ``HttpOnly`` cookie, ``SameSite=Lax``, ``Secure`` when the request came over HTTPS.
- CSRF: every state-changing request authenticated by cookie must carry ``X-CSRF-Token`` equal to
  the token bound to its session (and, before login, to the ``hm_csrf`` cookie: double submit).
  Requests with ``Authorization: Bearer`` carry no ambient credential and need no CSRF token.
- Anonymous read-only access when ``HARMATTAN_PUBLIC`` is on (the default for a local run).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from harmattan.store import users as store
from harmattan.store.schema_users import ROLES

SESSION_COOKIE = "hm_session"
CSRF_COOKIE = "hm_csrf"
CSRF_HEADER = "X-CSRF-Token"
SESSION_LIFETIME = dt.timedelta(days=7)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    via: str  # session | token
    csrf_token: str | None = None

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the database keeps of a token or session id."""
    return hashlib.sha256(secret.encode()).hexdigest()


#: argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): a sign-in stays well under a
#: second on a busy two-core server; hashes made with other parameters are upgraded at the next sign-in.
ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_LANES = 2, 19_456, 1


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_LANES)


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify_password(password_hash: str, password: str) -> tuple[bool, str | None]:
    """Whether the password matches, and a fresh hash when the stored one uses old parameters."""
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    try:
        hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False, None
    return True, hasher.hash(password) if hasher.check_needs_rehash(password_hash) else None


# A real hash to verify against when the user does not exist, so timing does not reveal user names.
_DUMMY: list[str] = []


def dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(new_secret()))
    return _DUMMY[0]


class LoginLimiter:
    """At most ``attempts`` failed logins per ``window_s`` seconds per client address and per user name."""

    def __init__(self, attempts: int = 5, window_s: float = 300.0) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window_s:
            times.popleft()
        return times

    def retry_after(self, *keys: str) -> int:
        """Seconds until a login may be tried again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                self.window_s - (now - times[0])
                for times in (self._recent(k, now) for k in keys)
                if len(times) >= self.attempts
            ]
        return int(max(waits)) + 1 if waits else 0

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def authenticate(request: Request) -> User | None:
    """The user behind a bearer token or a session cookie (``None``: anonymous)."""
    database = request.app.state.database
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        with database.engine.begin() as conn:
            row = store.user_by_token(conn, digest(header[7:].strip()))
        if row is None:
            raise HTTPException(401, "invalid API token", headers={"WWW-Authenticate": "Bearer"})
        return User(int(row["id"]), row["username"], row["role"], "token")
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    with database.engine.connect() as conn:
        row = store.session_user(conn, digest(cookie))
    if row is None:
        return None
    return User(int(row["id"]), row["username"], row["role"], "session", row["csrf_token"])


def check_csrf(request: Request, user: User | None) -> None:
    """Refuse a state-changing cookie-authenticated request without the right CSRF token."""
    if request.method in SAFE_METHODS or (user is not None and user.via == "token"):
        return
    sent = request.headers.get(CSRF_HEADER, "")
    expected = user.csrf_token if user is not None else request.cookies.get(CSRF_COOKIE)
    if not sent or not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "CSRF token missing or wrong: send the X-CSRF-Token header")


def current_user(request: Request) -> User | None:
    """Dependency: the authenticated user (or ``None``), cached on the request."""
    if not hasattr(request.state, "user"):
        request.state.user = authenticate(request)
    user: User | None = request.state.user
    return user


def reader(request: Request) -> User | None:
    """Dependency for reads: anyone when the site is public, else a signed-in user."""
    user = current_user(request)
    if user is None and not request.app.state.settings.public:
        raise HTTPException(401, "sign in or send an API token (this site is not public)")
    return user


def requires(role: str) -> Any:
    """Dependency factory for writes: a user with at least ``role``, and a valid CSRF token."""

    def dependency(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise HTTPException(401, "sign in or send an API token to make changes")
        check_csrf(request, user)
        if not user.can(role):
            raise HTTPException(403, f"your role ({user.role}) cannot do this; it needs {role}")
        return user

    return dependency


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
