"""Name folding shared by every lookup: accent-, case-, hyphen- and apostrophe-insensitive.

``fold("Tin-Zaouatène") == fold("tin zaouatene")``. Matchers run over
:func:`fold_aligned` text, which keeps the original's length, so evidence
spans found in folded text index the original exactly.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_'’‘`´.,;:/()\[\]\"«»“”]+")


def fold(text: str) -> str:
    """Lower-case, strip accents, turn hyphens/apostrophes/punctuation into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped.lower()).strip()


def fold_char(ch: str) -> str:
    """Fold one character to at most one character (used by :func:`fold_with_map`)."""
    if ch.isspace() or _SEPARATORS.fullmatch(ch):
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    # Ligatures and the like (æ, ß, ﬁ) may expand; keep one character so offsets line up.
    return base[:1] if base else " "


def fold_aligned(text: str) -> str:
    """Fold ``text`` character by character into a string of exactly the same length.

    Unlike :func:`fold`, separators are not collapsed, so an offset in the
    folded text is the same offset in the original: matchers scan the folded
    text and report spans that index the original directly.
    """
    return "".join(fold_char(ch) for ch in text)
