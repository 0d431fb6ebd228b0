"""Speed-safety: each optimised scan finds exactly what its plain definition finds.

The fast paths (the inlined lexicon scan, overlap resolution without a sort, sentence lookup by
bisection, date patterns the regex engine can skip through, the short language sample) must not
change a single mention. Each is checked against a plain reference implementation written here or
kept beside it, on the project's own texts (gold passages and the bundled sample news) and on
crafted edge cases.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

from harmattan.extraction import Extractor
from harmattan.extraction.components.mentions import _DIGITS
from harmattan.extraction.components.temporal import _month_table, date_patterns, reference_date_patterns
from harmattan.extraction.components.text import _WORD, _sample_words
from harmattan.extraction.doc import Doc, Sentence
from harmattan.extraction.lexicon import (
    Entry,
    Hit,
    Scanner,
    _resolve_overlapping,
    fold_fast,
    resolve_overlaps,
)

ROOT = Path(__file__).resolve().parents[2]

EDGE_CASES = [
    "Le 1er et 2 mars 2021, puis le 12/03/21 et le 2021-03-14; x1 et 14 mars; a12 mars; 123 mars 2020.",
    "On March 3rd 2024, May 5, mid-May, Sept. 9, sept 10, 'janvier 3' and (août 15) — then 3-4 June.",
    "IED near FAMa; Wagner attaquaient Ménaka? NIAMEY — JNIM, d'Arbinda, l'Oudalan, Burkina-Faso.",
    "",
    "Ⓐ Ⅷ 3 MARS 2020 ÉTATS-UNIS İstanbul ǅ x",
]


def corpus() -> list[str]:
    texts = list(EDGE_CASES)
    for name in ("passages_en.jsonl", "passages_fr.jsonl"):
        with open(ROOT / "gold" / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "news").iterdir())]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = corpus()
    assert len(found) > 300  # the gold passages and the samples were read
    return found


def _reference_scan(scanner: Scanner, text: str, folded: str, langs: frozenset[str] | None) -> list[Hit]:
    """Every occurrence of every pattern by plain string search, with the documented rules."""
    padded = " " + folded + " "
    out: list[Hit] = []
    for pattern, entries in zip(scanner._patterns, scanner._entries, strict=True):
        at = padded.find(pattern)
        while at >= 0:
            start = at  # the pattern's leading space sits at original start - 1
            for e in entries:
                if e.prefix:
                    end = start + len(pattern) - 1
                    while end < len(folded) and folded[end].isalnum():
                        end += 1
                else:
                    end = start + len(pattern) - 2
                if langs is not None and e.lang is not None and e.lang not in langs:
                    continue
                if e.case == "initial" and not text[start : start + 1].isupper():
                    continue
                if e.case == "exact" and text[start:end] != e.term.rstrip("*"):
                    continue
                if e.case == "exact" and end - start <= 2 and _capitals_beside(text, start, end):
                    continue
                if e.kind in scanner._before_capital and not _capital_next(text, end):
                    continue
                out.append(Hit(e, start, end))
            at = padded.find(pattern, at + 1)
    return out


def _capitals_beside(text: str, start: int, end: int) -> bool:
    """The word after or before (past spaces and punctuation) is three or more capital letters."""
    after = text[end:].lstrip(" \t\n:,'’-").split(" ")[0]
    before = text[max(0, start - 30) : start].rstrip(" \t\n:,'’-").split(" ")[-1]
    return any(len(w) >= 3 and _all_caps_word(w) for w in (_letters(after, False), _letters(before, True)))


def _letters(word: str, from_end: bool) -> str:
    """The run of letters at the start (or end) of ``word`` that ends at a word boundary."""
    if from_end:
        return word if word.isalpha() else ""
    run = ""
    for ch in word:
        if not ch.isalpha():
            break
        run += ch
    return run


def _all_caps_word(word: str) -> bool:
    return word.isupper() and all("A" <= ch <= "Z" or "À" <= ch <= "Þ" for ch in word)


def _capital_next(text: str, end: int) -> bool:
    """Within three characters, after spaces and apostrophes, a capital letter or a digit."""
    for ch in text[end : end + 3]:
        if ch not in " '’":
            return ch.isupper() or ch.isdigit()
    return False


def _key(hit: Hit) -> tuple[int, int, str, str]:
    return (hit.start, hit.end, hit.entry.kind, hit.entry.term)


@pytest.mark.parametrize("which", ["lexicon", "actor_scanner"])
def test_scanner_finds_what_plain_search_finds(extractor: Extractor, texts: list[str], which: str) -> None:
    scanner = getattr(extractor.resources, which)
    total = 0
    for text in texts:
        folded = fold_fast(text)
        for langs in (None, frozenset({"en"}), frozenset({"fr"})):
            fast = scanner.scan(text, folded, langs)
            assert sorted(fast, key=_key) == sorted(_reference_scan(scanner, text, folded, langs), key=_key)
            total += len(fast)
    assert total > 2000  # the texts did exercise the scanner


def test_lexicon_drops_introducing_words_before_lower_case(extractor: Extractor) -> None:
    text = "Fighting in the north, then in Gao, near 3 villages and in d'Arbinda."
    found = extractor.resources.lexicon.scan(text, fold_fast(text), frozenset({"en", "fr"}))
    intro = {(h.start, text[h.start : h.end]) for h in found if h.entry.kind in ("ctx_before", "ctx_near")}
    # "in the north" and the "in" before "d'Arbinda" are dropped; "d'" before "Arbinda" is kept
    expected = [(text.index("in Gao"), "in"), (text.index("near"), "near"), (text.index("d'"), "d")]
    assert sorted(intro) == expected


def test_scanner_case_and_prefix_rules() -> None:
    entries = [
        Entry("cue", "attack", "fr", "attaqu*", "any", True),
        Entry("term", "ied", "en", "IED", "exact", False),
        Entry("place", "x", None, "Gao", "initial", False),
    ]
    scanner = Scanner(entries)
    text = "Les attaquants ont attaqué Gao, pas gao; an IED, not an ied."
    found = sorted(scanner.scan(text, fold_fast(text), None), key=lambda h: h.start)
    hits = [(h.entry.term, text[h.start : h.end]) for h in found]
    assert hits == [("attaqu*", "attaquants"), ("attaqu*", "attaqué"), ("Gao", "Gao"), ("IED", "IED")]
    assert scanner.scan(text, fold_fast(text), frozenset({"en"}))[0].entry.term == "Gao"


def test_overlap_resolution_fast_path_agrees(extractor: Extractor, texts: list[str]) -> None:
    rng = random.Random(7)
    entry = Entry("cue", None, None, "x", "any", False)
    cases: list[list[Hit]] = []
    for text in texts[:120]:
        cases.append(extractor.resources.lexicon.scan(text, fold_fast(text), None))
    for _ in range(500):  # random spans, overlapping or not, in random order
        spans = [(s, s + rng.randint(1, 6)) for s in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        cases.append([Hit(entry, s, e) for s, e in spans])
    overlapping = 0
    for hits in cases:
        expected = _resolve_overlapping(hits) if hits else []
        assert resolve_overlaps(hits) == expected
        overlapping += len(expected) < len(hits)
    assert overlapping > 50  # both paths were taken


def test_sentence_of_bisection_agrees_with_linear_search() -> None:
    rng = random.Random(3)
    for _ in range(200):
        bounds = sorted(rng.sample(range(0, 300), rng.randint(0, 12) * 2))
        doc = Doc(text="x" * 300)
        doc.sentences = [Sentence(i, bounds[2 * i], bounds[2 * i + 1]) for i in range(len(bounds) // 2)]
        for offset in range(-2, 302):
            # the definition: the sentence holding the offset, else the first one after it, clamped
            after = [s.index for s in doc.sentences if offset < s.end]
            expected = after[0] if after else max(0, len(doc.sentences) - 1)
            assert doc.sentence_of(offset) == expected
        doc.sentences = doc.sentences[:1]  # a new sentence list is noticed
        assert doc.sentence_of(299) == 0


def test_of_kind_index_agrees_with_a_plain_filter(extractor: Extractor, texts: list[str]) -> None:
    checked = 0
    for text in texts[5:60]:
        doc = extractor.process(text, published=dt.date(2024, 6, 1))
        kinds = {m.kind for m in doc.mentions} | {"absent"}
        for round_ in range(2):
            for kind in kinds:
                assert doc.of_kind(kind) == [m for m in doc.mentions if m.kind == kind]
                for index in range(-1, len(doc.sentences) + 1):
                    expected = [m for m in doc.mentions if m.kind == kind and m.sentence == index]
                    assert doc.of_kind(kind, index) == expected
                    checked += len(expected)
            if round_ == 0 and doc.mentions:  # a mention added later is seen
                doc.mentions.append(doc.mentions[0])
    assert checked > 1000


def test_date_patterns_match_their_plain_forms(texts: list[str]) -> None:
    fast, plain = date_patterns(_month_table()), reference_date_patterns(_month_table())
    # and random strings of the pieces the patterns care about: digits, months, words, separators
    rng = random.Random(11)
    pieces = ["1", "12", "3", "2021", "21", "er", "st", "mars", "mai", "may", "sept", "x", "_", "é", "et"]
    pieces += [" ", " ", "  ", "/", ".", "-", "\n", ","]
    fuzz = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    found = 0
    for text in [*texts, *fuzz]:
        folded = fold_fast(text)
        for f, p, subject in zip(fast, plain, (folded, folded, text), strict=True):
            got = [(m.span(), m.groups()) for m in f.finditer(subject)]
            assert got == [(m.span(), m.groups()) for m in p.finditer(subject)]
            found += len(got)
    assert found > 300


#: the number pattern as first written (a look-behind first); mentions._DIGITS leads with (?=\d)
PLAIN_DIGITS = re.compile(
    r"(?<![\w/.,:])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+)(?![\w/:]|[.,]\d|\s?%|\s?h\d)"
)


def test_number_pattern_matches_its_plain_form(texts: list[str]) -> None:
    rng = random.Random(5)
    pieces = ["1", "12", "123", "1 000", "2021", ",", ".", " ", "\u00a0", "\u202f", "/", ":", "%", "h"]
    pieces += ["h3", "a", "É", "_", "\n", "x"]
    fuzz = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    found = 0
    for text in [*texts, *fuzz]:
        got = [(m.span(), m.groups()) for m in _DIGITS.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in PLAIN_DIGITS.finditer(text)]
        found += len(got)
    assert found > 1000


def test_language_sample_is_the_first_words(texts: list[str]) -> None:
    for text in [*texts, "a " * 1600, "word " * 399 + "x" * 5000]:
        folded = fold_fast(text)
        for count in (0, 1, 400, 2000):
            assert _sample_words(folded, count) == _WORD.findall(folded[:8000])[:count]
