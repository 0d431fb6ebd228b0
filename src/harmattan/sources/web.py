"""Web pages: bytes of unknown charset in, the article's main text, title, date and author out."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass

from harmattan.documents.html import html_to_text
from harmattan.documents.readers import BadInput, decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class PageError(Exception):
    """A page with nothing we can use in it."""


@dataclass
class Page:
    url: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None


def decode_body(body: bytes, declared: str | None) -> str:
    """Text of a body whose declared charset may be wrong or missing.

    Valid UTF-8 is taken as UTF-8 whatever the header says (a page mislabelled
    ISO-8859-1 is common; the converse almost never decodes cleanly); then the
    declared or ``<meta>`` charset; then charset-normalizer's guess.
    """
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for name in (declared, _meta_charset(body)):
        if name and _known_codec(name):
            try:
                return body.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return decode(body)
    except BadInput as exc:
        raise PageError(str(exc)) from None


def _meta_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def extract_page(url: str, html: str) -> Page:
    """Main text, title, publication date and author of an article page (trafilatura, with a fallback)."""
    import trafilatura

    title, text = html_to_text(html)
    if not text.strip():
        raise PageError("page has no readable text")
    published, author = None, None
    meta = trafilatura.extract_metadata(html)
    if meta is not None:
        title = meta.title or title
        author = meta.author
        published = _date(meta.date)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(url=url, text=text, title=title, published=published, author=author)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
