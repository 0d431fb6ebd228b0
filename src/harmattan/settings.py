"""Settings: the one place that reads the environment.

Every value can be set by an environment variable prefixed ``HARMATTAN_``
(``HARMATTAN_DB``, ``HARMATTAN_HOME``, ``HARMATTAN_LOG_LEVEL``...). Nothing is
created at import time: call :func:`get_settings` when you need them.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HARMATTAN_", extra="ignore")

    home: Path = Field(default=Path("var"), description="Data directory (database, originals, caches).")
    db: str | None = Field(default=None, description="Database URL; default: SQLite file in HOME.")
    log_level: str = "WARNING"
    max_document_bytes: int = Field(default=5 * 1024 * 1024, description="Largest file or document accepted.")
    keep_originals: bool = Field(default=True, description="Keep original bytes of ingested files in HOME.")
    region_pack: str = "sahel"
    fetch_allow: str = Field(
        default="", description="Hosts/CIDRs the fetcher may reach despite the SSRF guard."
    )
    public: bool = Field(default=True, description="Anonymous read-only access to the dashboard and API.")
    secret_key: str | None = None

    @property
    def database_url(self) -> str:
        """The effective database URL (SQLite file under ``home`` unless ``db`` is set)."""
        if self.db:
            return normalise_db_url(self.db)
        return f"sqlite:///{(self.home / 'harmattan.sqlite').resolve()}"

    @property
    def originals_dir(self) -> Path:
        return self.home / "originals"


def normalise_db_url(url: str) -> str:
    """Accept ``postgresql://`` and plain file paths; use psycopg 3 for PostgreSQL."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).resolve()}"
    return url


def get_settings(**overrides: object) -> Settings:
    """Read settings from the environment, with explicit overrides on top."""
    return Settings(**overrides)  # type: ignore[arg-type]
