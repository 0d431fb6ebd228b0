"""RSS and Atom feeds (feedparser): items with a stable id, a date we can trust, and text.

Feeds are hostile input too: malformed XML, duplicate GUIDs, dates in the
future or missing. Each problem is noted on the parsed feed (and logged by the
caller) and the usable items are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from harmattan.documents.html import html_to_text

#: A feed date more than this far ahead of the clock is wrong (time zones explain less than a day).
FUTURE_TOLERANCE = dt.timedelta(days=1)


class FeedError(Exception):
    """A feed we cannot read at all."""


@dataclass
class FeedItem:
    guid: str
    url: str | None
    title: str | None
    text: str
    published: dt.date | None
    author: str | None = None


@dataclass
class ParsedFeed:
    title: str | None
    items: list[FeedItem]
    problems: list[str] = field(default_factory=list)


def parse_feed(
    data: bytes, url: str, now: dt.datetime | None = None, content_type: str | None = None
) -> ParsedFeed:
    """Parse feed bytes (never a URL: feedparser must not fetch anything itself)."""
    import feedparser

    now = now or dt.datetime.now(dt.UTC)
    # Servers often send feeds as text/html or nothing; the XML itself tells feedparser the encoding.
    if not content_type or "xml" not in content_type:
        content_type = "application/xml"
    headers = {"content-location": url, "content-type": content_type}
    parsed = feedparser.parse(data, response_headers=headers)
    problems: list[str] = []
    if parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        if not parsed.entries:
            raise FeedError(f"not a readable RSS/Atom feed: {reason or 'no entries'}")
        problems.append(f"malformed feed, read what could be read: {reason}")
    if not parsed.get("version") and not parsed.entries:
        raise FeedError("not an RSS/Atom feed (no feed elements found)")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for index, entry in enumerate(parsed.entries):
        item = _item(entry, now, problems, index)
        if item is None:
            continue
        if item.guid in seen:
            problems.append(f"duplicate item id {item.guid!r} ignored")
            continue
        seen.add(item.guid)
        items.append(item)
    title = parsed.feed.get("title") if isinstance(parsed.get("feed"), dict) else None
    return ParsedFeed(title=title, items=items, problems=problems)


def _item(entry: Any, now: dt.datetime, problems: list[str], index: int) -> FeedItem | None:
    link = _clean(entry.get("link"))
    title = _clean(entry.get("title"))
    text = _entry_text(entry)
    if not (link or text or title):
        problems.append(f"item {index + 1} has no link, title or text; skipped")
        return None
    guid = _clean(entry.get("id")) or link or _digest(title, text)
    return FeedItem(
        guid=guid[:2000],
        url=link,
        title=title,
        text=text,
        published=_published(entry, now, problems, guid),
        author=_clean(entry.get("author")),
    )


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = next((c.get("value") for c in contents if c.get("value")), None) or entry.get("summary") or ""
    if not isinstance(html, str) or not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    return html_to_text(f"<html><body>{html}</body></html>")[1].strip()


def _published(entry: Any, now: dt.datetime, problems: list[str], guid: str) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        problems.append(f"item {guid!r} has no date; publication date left unknown")
        return None
    try:
        when = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)
    except (OverflowError, ValueError, TypeError):
        problems.append(f"item {guid!r} has an unreadable date; left unknown")
        return None
    if when > now + FUTURE_TOLERANCE:
        problems.append(f"item {guid!r} is dated {when.date()}, in the future; date left unknown")
        return None
    return when.date()


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _digest(*parts: str | None) -> str:
    return "sha1:" + hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
