"""SQL for accounts: users, API tokens and sessions (hashes in, rows out; no crypto here).

Callers pass digests, never secrets: hashing and verification live in
``harmattan.views.api.security``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from harmattan.store.database import utcnow
from harmattan.store.schema_users import ROLES, api_tokens, sessions, users


class UserError(ValueError):
    """An account operation that cannot be done (unknown user, duplicate name, bad role)."""


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def add_user(conn: Connection, username: str, password_hash: str, role: str) -> int:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if get_user(conn, username) is not None:
        raise UserError(f"user {username!r} already exists")
    result = conn.execute(
        insert(users).values(username=username, password_hash=password_hash, role=role, created_at=utcnow())
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def get_user(conn: Connection, username: str) -> dict[str, Any] | None:
    row = conn.execute(select(users).where(users.c.username == username)).first()
    return dict(row._mapping) if row else None


def user_by_id(conn: Connection, user_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return dict(row._mapping) if row else None


def list_users(conn: Connection) -> list[dict[str, Any]]:
    cols = [users.c.id, users.c.username, users.c.role, users.c.disabled, users.c.created_at]
    return [dict(r._mapping) for r in conn.execute(select(*cols, users.c.last_login_at).order_by(users.c.id))]


def remove_user(conn: Connection, username: str) -> bool:
    user = get_user(conn, username)
    if user is None:
        return False
    # Explicit deletes: SQLite enforces ON DELETE CASCADE only with foreign keys on, which a tool may not set.
    conn.execute(delete(sessions).where(sessions.c.user_id == user["id"]))
    conn.execute(delete(api_tokens).where(api_tokens.c.user_id == user["id"]))
    conn.execute(delete(users).where(users.c.id == user["id"]))
    return True


def set_password(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def touch_login(conn: Connection, user_id: int) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(last_login_at=utcnow()))


# -- API tokens ----------------------------------------------------------------------------------
def add_token(conn: Connection, user_id: int, name: str, token_hash: str) -> int:
    result = conn.execute(
        insert(api_tokens).values(user_id=user_id, name=name, token_hash=token_hash, created_at=utcnow())
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def user_by_token(conn: Connection, token_hash: str) -> dict[str, Any] | None:
    """The (enabled) user owning the token with this digest; marks the token used."""
    row = conn.execute(
        select(users, api_tokens.c.id.label("token_id"))
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == token_hash, users.c.disabled.is_(False))
    ).first()
    if row is None:
        return None
    conn.execute(update(api_tokens).where(api_tokens.c.id == row.token_id).values(last_used_at=utcnow()))
    return dict(row._mapping)


def list_tokens(conn: Connection, user_id: int) -> list[dict[str, Any]]:
    cols = [api_tokens.c.id, api_tokens.c.name, api_tokens.c.created_at, api_tokens.c.last_used_at]
    stmt = select(*cols).where(api_tokens.c.user_id == user_id).order_by(api_tokens.c.id)
    return [dict(r._mapping) for r in conn.execute(stmt)]


# -- sessions -----------------------------------------------------------------------------------
def add_session(
    conn: Connection, user_id: int, session_hash: str, csrf_token: str, lifetime: dt.timedelta
) -> None:
    now = utcnow()
    conn.execute(delete(sessions).where(sessions.c.expires_at < now))
    conn.execute(
        insert(sessions).values(
            user_id=user_id,
            session_hash=session_hash,
            csrf_token=csrf_token,
            created_at=now,
            expires_at=now + lifetime,
        )
    )


def session_user(conn: Connection, session_hash: str) -> dict[str, Any] | None:
    """The user of a live session, with the session's CSRF token as ``csrf_token``."""
    row = conn.execute(
        select(users, sessions.c.csrf_token, sessions.c.expires_at)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(sessions.c.session_hash == session_hash, users.c.disabled.is_(False))
    ).first()
    if row is None or _aware(row.expires_at) < utcnow():
        return None
    return dict(row._mapping)


def remove_session(conn: Connection, session_hash: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.session_hash == session_hash))
