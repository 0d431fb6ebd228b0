"""Request and response bodies of the API (responses documented in OpenAPI; requests validated)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class EventPage(BaseModel):
    events: list[dict[str, Any]] = Field(description="Fused events (ACLED-shaped fields, tactics as a list).")
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null at the end.")


class Summary(BaseModel):
    total: int
    months: list[dict[str, Any]]
    event_type: list[dict[str, Any]]
    admin1: list[dict[str, Any]]
    country: list[dict[str, Any]]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: str
    schema_current: str | None
    schema_head: str
    events: int | None
    public: bool


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1000)


class Me(BaseModel):
    username: str | None
    role: str | None
    csrf_token: str | None = None


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=120, pattern=r"^[\w.@+-]+$")
    password: str = Field(min_length=8, max_length=1000)
    role: Literal["viewer", "analyst", "admin"] = "viewer"


class TokenIn(BaseModel):
    name: str = Field(default="script", min_length=1, max_length=120)


class TokenOut(BaseModel):
    name: str
    token: str = Field(description="Shown once; send as 'Authorization: Bearer <token>'.")


class ReviewIn(BaseModel):
    """An analyst's decision about one event (``with`` names the other events of a merge)."""

    action: Literal["accept", "override", "reject", "restore", "merge", "split"]
    reason: str = Field(min_length=1, max_length=2000)
    field: str | None = None
    value: str | None = Field(default=None, max_length=400)
    with_: list[str] = Field(default_factory=list, alias="with")
    reports: list[str] = Field(default_factory=list, description="Report keys to split out (default: all).")

    model_config = {"populate_by_name": True}


class ReviewOut(BaseModel):
    action: str
    correction: int | None
    state: str
    event_key: str | None = Field(description="Where the event is now (keys can change after a merge).")
