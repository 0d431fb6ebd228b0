"""Who may do what: roles on every write, CSRF on cookie sessions, hashed tokens, rate limits, private mode,
and hostile article text rendered inert."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from scenario import PASSWORDS, XSS_TITLE, token_for
from sqlalchemy import select

from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema_users import api_tokens, sessions, users
from harmattan.views.api.app import create_app

#: What does not depend on the database backend runs on SQLite only (a PostgreSQL clone costs seconds).
SQLITE_ONLY = pytest.mark.parametrize("fresh", ["sqlite"], indirect=True)


def login(client: TestClient, name: str) -> str:
    """Sign in through the API as a browser would; returns the session's CSRF token."""
    client.get("/login")  # the page hands out the pre-login CSRF cookie
    response = client.post(
        "/api/login",
        json={"username": name, "password": PASSWORDS[name]},
        headers={"X-CSRF-Token": client.cookies.get("hm_csrf", "")},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["csrf_token"])


def first_key(client: TestClient, query: str = "") -> str:
    return str(client.get(f"/api/events?{query}").json()["events"][0]["event_key"])


def test_permission_matrix_with_tokens(wclient: TestClient, fresh: Database) -> None:
    key = first_key(wclient)
    tokens = {name: token_for(fresh, name) for name in PASSWORDS}
    accept = {"action": "accept", "reason": "checked"}
    calls = [  # (method, url, body, least role)
        ("POST", f"/api/review/{key}", accept, "analyst"),
        ("GET", "/api/users", None, "admin"),
        (
            "POST",
            "/api/users",
            {"username": "new-{who}", "password": "long-enough-1", "role": "viewer"},
            "admin",
        ),
        ("DELETE", "/api/users/new-{who}", None, "admin"),
        ("POST", "/api/tokens", {"name": "x"}, "viewer"),
    ]
    rank = {"anonymous": -1, "vera": 0, "anna": 1, "adam": 2}
    need = {"viewer": 0, "analyst": 1, "admin": 2}
    for who in ("anonymous", "vera", "anna", "adam"):
        headers = {"Authorization": f"Bearer {tokens[who]}"} if who in tokens else {}
        for method, url, body, role in calls:
            json_body = {k: v.format(who=who) if isinstance(v, str) else v for k, v in (body or {}).items()}
            response = wclient.request(method, url.format(who=who), json=json_body or None, headers=headers)
            expected = 401 if who == "anonymous" else (403 if rank[who] < need[role] else None)
            if expected is None:
                assert response.status_code < 300, (who, method, url, response.text)
            else:
                assert response.status_code == expected, (who, method, url, response.status_code)


def test_tokens_and_sessions_are_stored_hashed(wclient: TestClient, fresh: Database) -> None:
    secret = token_for(fresh, "anna")
    login(wclient, "vera")
    session_cookie = wclient.cookies.get("hm_session")
    with fresh.engine.connect() as conn:
        stored_tokens = [r.token_hash for r in conn.execute(select(api_tokens))]
        stored_sessions = [r.session_hash for r in conn.execute(select(sessions))]
        hashes = [r.password_hash for r in conn.execute(select(users))]
    assert secret not in stored_tokens and len(stored_tokens[0]) == 64
    assert session_cookie and session_cookie not in stored_sessions
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert wclient.get("/api/me", headers={"Authorization": "Bearer wrong"}).status_code == 401


@SQLITE_ONLY
def test_session_cookie_flags(wclient: TestClient) -> None:
    wclient.get("/login")
    response = wclient.post("/api/login", json={"username": "anna", "password": PASSWORDS["anna"]},
                            headers={"X-CSRF-Token": wclient.cookies.get("hm_csrf", "")})  # fmt: skip
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("hm_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie  # plain HTTP here
    secure = TestClient(wclient.app, base_url="https://testserver")
    secure.get("/login")
    response = secure.post("/api/login", json={"username": "anna", "password": PASSWORDS["anna"]},
                           headers={"X-CSRF-Token": secure.cookies.get("hm_csrf", "")})  # fmt: skip
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("hm_session="))
    assert "Secure" in cookie


@SQLITE_ONLY
def test_csrf_is_required_for_cookie_writes(wclient: TestClient) -> None:
    wclient.get("/login")
    refused = wclient.post("/api/login", json={"username": "anna", "password": PASSWORDS["anna"]})
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    csrf = login(wclient, "anna")
    key = first_key(wclient)
    body = {"action": "accept", "reason": "checked"}
    assert wclient.post(f"/api/review/{key}", json=body).status_code == 403
    assert (
        wclient.post(f"/api/review/{key}", json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    )
    assert wclient.post(f"/api/review/{key}", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert wclient.post("/api/logout").status_code == 403
    assert wclient.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert wclient.post(f"/api/review/{key}", json=body, headers={"X-CSRF-Token": csrf}).status_code == 401


@SQLITE_ONLY
def test_login_is_rate_limited(wclient: TestClient) -> None:
    wclient.get("/login")
    headers = {"X-CSRF-Token": wclient.cookies.get("hm_csrf", "")}
    for _ in range(5):
        bad = wclient.post("/api/login", json={"username": "adam", "password": "guess"}, headers=headers)
        assert bad.status_code == 401
    blocked = wclient.post(
        "/api/login", json={"username": "adam", "password": PASSWORDS["adam"]}, headers=headers
    )
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0


@SQLITE_ONLY
def test_private_mode_needs_an_account(fresh: Database, fresh_settings: Settings) -> None:
    client = TestClient(create_app(fresh_settings.model_copy(update={"public": False}), fresh))
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/health").status_code == 200  # no data in it
    page = client.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    token = token_for(fresh, "vera")
    assert client.get("/api/events", headers={"Authorization": f"Bearer {token}"}).status_code == 200


@SQLITE_ONLY
@pytest.mark.parametrize("page", ["event", "document", "list"])
def test_hostile_text_is_escaped_under_a_strict_csp(wclient: TestClient, page: str) -> None:
    key = first_key(wclient, "admin1=Gao")
    event = wclient.get(f"/api/events/{key}").json()
    url = {"event": f"/events/{key}", "document": f"/documents/{event['reports'][0]['document_id']}",
           "list": "/review"}[page]  # fmt: skip
    response = wclient.get(url)
    html = response.text
    assert response.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert 'href="javascript:' not in html
    assert page == "list" or 'href="#"' in html  # the javascript: URL of the article became a dead link
    if page != "list":
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html or "&lt;script&gt;alert" in html
    assert "&lt;svg onload=alert(3)&gt;" in html or page == "document"
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert all('src="/static/' in attrs or 'type="application/json"' in attrs for attrs, _ in scripts)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert XSS_TITLE not in html
