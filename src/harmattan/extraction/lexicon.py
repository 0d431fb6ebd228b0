"""Lexicon loading and the Aho-Corasick scanner every mention component shares.

Terms are matched on folded text (:mod:`harmattan.regions.text` folding, same length as
the original), so a match's span indexes the original text. Case rules come from how a
term is written: an all-capitals term ("IED", "FAMa" is mixed) must match the original
exactly, a capitalised term needs a capital in the original, a lower-case term matches
any case. A trailing ``*`` matches any word ending.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

import yaml

from harmattan.regions.text import fold_char

TAXONOMY_PACKAGE = "harmattan.extraction.taxonomies"


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each character once and remembers it."""

    def __missing__(self, key: int) -> str:
        value = fold_char(chr(key))
        self[key] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold_fast(text: str) -> str:
    """Same result as :func:`harmattan.regions.text.fold_aligned`, at C speed after warm-up."""
    return text.translate(_FOLD_TABLE)


def fold_term(term: str) -> str:
    """Fold a lexicon term and collapse its spaces (a term is matched word by word)."""
    return " ".join(fold_fast(term).split())


@functools.cache
def load_taxonomy(name: str) -> dict[str, Any]:
    """Read ``taxonomies/<name>.yaml`` shipped with the package (cached per process)."""
    text = resources.files(TAXONOMY_PACKAGE).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"taxonomy {name!r} is not a mapping")
    return data


def case_rule(term: str) -> str:
    """How strictly a term's case must match: ``exact``, ``initial`` or ``any``."""
    letters = [c for c in term if c.isalpha()]
    if len(letters) >= 2 and any(c.isupper() for c in letters[1:]):
        return "exact"
    if letters and term[0].isupper():
        return "initial"
    return "any"


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon term stands for: a kind (``cue``, ``actor``...), a value and its language."""

    kind: str
    value: Any
    lang: str | None
    term: str
    case: str
    prefix: bool


class Hit(NamedTuple):
    """One lexicon match in a text: the entry and its span in the original text.

    A named tuple, not a frozen dataclass: hundreds are made per report, and a tuple is built in C.
    """

    entry: Entry
    start: int
    end: int


class Scanner:
    """An Aho-Corasick automaton over many terms; build once per process, scan many texts."""

    def __init__(self, entries: Iterable[Entry], before_capital: frozenset[str] = frozenset()) -> None:
        """``before_capital``: kinds of entry (introducing words: "in", "near") kept only when a
        capitalised word or a figure follows; dropping the rest here saves building hundreds of hits."""
        import ahocorasick_rs

        self._before_capital = before_capital

        by_pattern: dict[str, list[Entry]] = {}
        for entry in entries:
            folded = fold_term(entry.term.rstrip("*"))
            if not folded:
                continue
            pattern = " " + folded + ("" if entry.prefix else " ")
            by_pattern.setdefault(pattern, []).append(entry)
        self._patterns = list(by_pattern)
        self._entries = [by_pattern[p] for p in self._patterns]
        self._automaton = ahocorasick_rs.AhoCorasick(self._patterns) if self._patterns else None

    def __len__(self) -> int:
        return len(self._patterns)

    def scan(self, text: str, folded: str, langs: frozenset[str] | None = None) -> list[Hit]:
        """Every match (overlapping ones too) whose case and language rules hold, in the automaton's order."""
        if self._automaton is None:
            return []
        found: list[Hit] = []
        entries_of, before_capital = self._entries, self._before_capital
        # one flat loop with the checks inlined: this runs for every match of every report
        matches = self._automaton.find_matches_as_indexes(" " + folded + " ", overlapping=True)
        for index, start, end in matches:
            # padded offsets: the leading space is at original start-1; the match begins after it
            for entry in entries_of[index]:
                if langs is not None and entry.lang is not None and entry.lang not in langs:
                    continue
                o_end = _word_end(folded, end - 1) if entry.prefix else end - 2
                case = entry.case
                if case != "any":
                    if case == "initial":
                        if not text[start : start + 1].isupper():
                            continue
                    elif text[start:o_end] != entry.term.rstrip("*"):
                        continue
                    elif o_end - start <= 2 and _in_capitals(text, start, o_end):
                        continue  # "UN KOGLWÉOGO TUÉ": a shouted headline's article, not the UN
                if before_capital and entry.kind in before_capital and not capital_follows(text, o_end):
                    continue
                found.append(Hit(entry, start, o_end))
        return found


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether a word next to ``text[start:end]`` is in capitals too (a headline in capitals)."""
    after = _CAPS_WORD.match(text, end)
    before = _CAPS_WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(after or before)


_CAPS_WORD = re.compile(r"[\s:,'’-]+[A-ZÀ-ÖØ-Þ]{3,}\b")
_CAPS_WORD_BEFORE = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{3,}[\s:,'’-]+$")


def capital_follows(text: str, end: int) -> bool:
    """A capitalised word or a figure starts within the next three characters (after spaces or an
    apostrophe): "in Gao", "d'Arbinda", "near 3"."""
    nxt = text[end : end + 3].lstrip(" '’")
    return bool(nxt) and (nxt[0].isupper() or nxt[0].isdigit())


def _word_end(folded: str, pos: int) -> int:
    n = len(folded)
    while pos < n and folded[pos].isalnum():
        pos += 1
    return pos


def lang_terms(section: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield (lang, term) from a ``{en: [...], fr: [...]}`` mapping."""
    for lang, terms in section.items():
        for term in terms or []:
            yield lang, str(term)


def entry(kind: str, value: Any, lang: str | None, term: str) -> Entry:
    """Build an :class:`Entry`, reading the case rule and the prefix star from the term."""
    return Entry(kind, value, lang, term, case_rule(term), term.endswith("*"))


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hits, dropping any hit overlapping a longer (then earlier) one."""
    if not hits:
        return []
    by_start = sorted(hits, key=_start)
    last_end = -1
    for hit in by_start:
        if hit.start < last_end:
            return _resolve_overlapping(hits)
        last_end = hit.end
    return by_start  # nothing overlaps (the common case): every hit is kept, in text order


def _start(hit: Hit) -> int:
    return hit.start


def _resolve_overlapping(hits: list[Hit]) -> list[Hit]:
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    taken = bytearray(max(h.end for h in hits) + 1)
    kept: list[Hit] = []
    for hit in ordered:
        start, end = hit.start, hit.end
        if taken.find(1, start, end) >= 0:  # a longer hit holds one of its characters
            continue
        kept.append(hit)
        taken[start:end] = b"\x01" * (end - start)
    return sorted(kept, key=_start)
