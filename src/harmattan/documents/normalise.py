"""Text normalisation and content hashing: the identity of a document is its normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INVISIBLE = re.compile("[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, no invisible or control characters, single spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace differences removed.

    Two files carrying the same article with different line wrapping or
    capitalised headlines are the same document.
    """
    key = " ".join(normalise_text(text).split()).casefold()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
