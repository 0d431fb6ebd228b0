"""Signing in and out, API tokens, and user management (admins only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response

from harmattan.store import users as store
from harmattan.views.api import models, security
from harmattan.views.api.security import User, current_user, requires

router = APIRouter(prefix="/api", tags=["accounts"])


@router.post("/login", response_model=models.Me)
def login(body: models.LoginIn, request: Request, response: Response) -> Any:
    """Start a session (cookie); failed attempts are limited per address and per user name."""
    security.check_csrf(request, None)
    limiter: security.LoginLimiter = request.app.state.limiter
    keys = (f"ip:{security.client_address(request)}", f"user:{body.username.lower()}")
    wait = limiter.retry_after(*keys)
    if wait:
        raise HTTPException(
            429, "too many failed sign-ins; try again later", headers={"Retry-After": str(wait)}
        )
    db = request.app.state.database
    with db.engine.connect() as conn:
        row = store.get_user(conn, body.username)
    ok, rehash = security.verify_password(
        row["password_hash"] if row else security.dummy_hash(), body.password
    )
    if row is None or not ok or row["disabled"]:
        limiter.failed(*keys)
        raise HTTPException(401, "wrong user name or password")
    limiter.succeeded(*keys)
    session, csrf = security.new_secret(), security.new_secret()
    with db.engine.begin() as conn:
        store.add_session(conn, row["id"], security.digest(session), csrf, security.SESSION_LIFETIME)
        store.touch_login(conn, row["id"])
        if rehash:
            store.set_password(conn, row["id"], rehash)
    https = request.url.scheme == "https"
    max_age = int(security.SESSION_LIFETIME.total_seconds())
    response.set_cookie(security.SESSION_COOKIE, session, max_age=max_age, httponly=True, samesite="lax",
                        secure=https, path="/")  # fmt: skip
    response.set_cookie(security.CSRF_COOKIE, csrf, samesite="strict", secure=https, path="/")
    return {"username": row["username"], "role": row["role"], "csrf_token": csrf}


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response) -> None:
    """End the session (needs the CSRF token like any other write)."""
    user = current_user(request)
    security.check_csrf(request, user)
    cookie = request.cookies.get(security.SESSION_COOKIE)
    if cookie:
        with request.app.state.database.engine.begin() as conn:
            store.remove_session(conn, security.digest(cookie))
    response.delete_cookie(security.SESSION_COOKIE, path="/")


@router.get("/me", response_model=models.Me)
def me(request: Request) -> Any:
    """Who the request is signed in as (nulls when anonymous), with the session's CSRF token."""
    user = current_user(request)
    if user is None:
        return {"username": None, "role": None, "csrf_token": request.cookies.get(security.CSRF_COOKIE)}
    return {"username": user.username, "role": user.role, "csrf_token": user.csrf_token}


@router.post("/tokens", response_model=models.TokenOut, status_code=201)
def new_token(body: models.TokenIn, request: Request, user: User = Depends(requires("viewer"))) -> Any:
    """A new API token for the signed-in user (shown once, stored hashed)."""
    token = security.new_secret()
    with request.app.state.database.engine.begin() as conn:
        store.add_token(conn, user.id, body.name, security.digest(token))
    return {"name": body.name, "token": token}


@router.get("/users")
def list_users(request: Request, _: User = Depends(requires("admin"))) -> dict[str, Any]:
    with request.app.state.database.engine.connect() as conn:
        rows = store.list_users(conn)
    return {
        "users": [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in rows]
    }


@router.post("/users", status_code=201)
def add_user(body: models.UserIn, request: Request, _: User = Depends(requires("admin"))) -> dict[str, Any]:
    try:
        with request.app.state.database.engine.begin() as conn:
            store.add_user(conn, body.username, security.hash_password(body.password), body.role)
    except store.UserError as exc:
        raise HTTPException(409, str(exc)) from exc
    return {"username": body.username, "role": body.role}


@router.delete("/users/{username}", status_code=204)
def remove_user(username: str, request: Request, _: User = Depends(requires("admin"))) -> None:
    with request.app.state.database.engine.begin() as conn:
        if not store.remove_user(conn, username):
            raise HTTPException(404, f"no user {username!r}")
