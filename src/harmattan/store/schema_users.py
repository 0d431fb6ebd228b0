"""Accounts: users with a role, API tokens and browser sessions (mirrored by migration ``0005``).

Secrets never reach the database in clear: passwords are argon2 hashes, API tokens
and session ids are stored as SHA-256 digests of high-entropy random strings (a
leaked database gives no usable credential).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, String, Table, Text

from harmattan.store.schema import PK, metadata

TS = DateTime(timezone=True)

#: viewer reads; analyst also corrects, merges and splits; admin also manages users.
ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")

users = Table(
    "users",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("username", String(120), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False, server_default="viewer"),
    Column("disabled", Boolean, nullable=False, server_default="0"),
    Column("created_at", TS, nullable=False),
    Column("last_login_at", TS),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("user_id", PK, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", TS, nullable=False),
    Column("last_used_at", TS),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("user_id", PK, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("session_hash", String(64), nullable=False, unique=True),
    # The CSRF token bound to this session; compared with the header or form field of each write.
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("expires_at", TS, nullable=False),
    Index("ix_sessions_user", "user_id"),
)

# An analyst's "looked at it, it is right" on an event (takes it off the review queue). Keyed by
# event_key, which survives re-fusion; corrections proper live in the events stage's own table.
event_reviews = Table(
    "event_reviews",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("event_key", String(24), nullable=False, unique=True),
    Column("user_id", PK, ForeignKey("users.id", ondelete="SET NULL")),
    Column("verdict", String(16), nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("created_at", TS, nullable=False),
)
