"""The interface's languages: messages are data (``messages.yaml``); the request picks the language.

Order: ``?lang=`` (remembered in a cookie), the ``hm_lang`` cookie, the browser's
``Accept-Language``, English.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES: tuple[str, ...] = ("en", "fr")
LANG_COOKIE = "hm_lang"
MESSAGES = Path(__file__).parent / "messages.yaml"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """``{language: {key: text}}``; a key missing in one language falls back to English."""
    raw: dict[str, dict[str, str]] = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
    out: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for key, texts in raw.items():
        for lang in LANGUAGES:
            out[lang][key] = texts.get(lang) or texts["en"]
    return out


def choose(query: str | None, cookie: str | None, accept: str | None) -> str:
    for value in (query, cookie):
        if value in LANGUAGES:
            return value
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"
