"""HTML to text. Article pages are hostile input: scripts, styles and markup never reach the text."""

from __future__ import annotations

import lxml.html
from lxml import etree

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return ``(title, main_text)`` of an HTML page.

    trafilatura finds the main article text; short or unusual pages where it
    finds nothing fall back to all visible text.
    """
    import trafilatura

    title = _title(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text) < 40:
        text = _visible_text(html)
    return title, text or ""


def _title(html: str) -> str | None:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for xpath in ("//meta[@property='og:title']/@content", "//title/text()", "//h1//text()"):
        found = [s.strip() for s in tree.xpath(xpath) if isinstance(s, str) and s.strip()]
        if found:
            return found[0]
    return None


def _visible_text(html: str) -> str:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    blocks = []
    for element in tree.iter("p", "h1", "h2", "h3", "li", "td", "div", "body"):
        if element.tag in {"div", "body"} and len(element):
            continue
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)
