"""Text components: normalisation (same length), language check, sentence splitting."""

from __future__ import annotations

import re
import time

from harmattan.extraction.doc import Doc, Sentence
from harmattan.extraction.lexicon import fold_fast, load_taxonomy
from harmattan.extraction.pipeline import Component, register

# HTML leftovers are blanked with spaces (not removed) so offsets still index the original text.
_TAG = re.compile(r"<[^<>]{0,300}>|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_BAD_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
_WORD = re.compile(r"[a-z]+")


@register
class Normalise(Component):
    """Bound the input, reject binary garbage, blank HTML tags and control characters."""

    name = "normalise"
    provides = ("clean", "folded")
    defaults = {"max_chars": 300_000, "max_seconds": 10.0, "max_bad_share": 0.05}

    def __call__(self, doc: Doc) -> Doc:
        doc.deadline = time.monotonic() + float(self.settings["max_seconds"])
        text = doc.text
        if not text.strip():
            doc.stop("empty text: nothing to extract")
            return doc
        sample = text[:20000]
        if len(_BAD_CHARS.findall(sample)) > float(self.settings["max_bad_share"]) * len(sample):
            doc.stop("binary or non-text input: nothing extracted")
            return doc
        limit = int(self.settings["max_chars"])
        if len(text) > limit:
            doc.notes.append(f"text truncated: only the first {limit} of {len(text)} characters were read")
            text = text[:limit]
        clean = _TAG.sub(lambda m: " " * len(m.group()), text) if "<" in text or "&" in text else text
        doc.clean = _CONTROL.sub(" ", clean)
        doc.folded = fold_fast(doc.clean)
        return doc


@register
class Language(Component):
    """English or French by a function-word count; anything else stops with a clear note."""

    name = "language"
    requires = ("folded",)
    provides = ("lang",)
    defaults = {"lang": "auto", "sample_words": 400}

    def __init__(self, resources: object = None, **settings: object) -> None:
        super().__init__(resources, **settings)
        data = load_taxonomy("language")
        self.stop = {lang: frozenset(words) for lang, words in data["stopwords"].items()}
        self.min_share = float(data["min_share"])
        self.short = int(data["short_text_words"])

    def __call__(self, doc: Doc) -> Doc:
        forced = str(self.settings["lang"])
        if forced != "auto":
            if forced not in ("en", "fr"):
                doc.stop(f"unsupported language: {forced} (only en and fr are supported)")
            else:
                doc.lang, doc.langs = forced, frozenset({forced})
            return doc
        words = _sample_words(doc.folded, int(self.settings["sample_words"]))
        counts = {lang: sum(map(stop.__contains__, words)) for lang, stop in self.stop.items()}
        n = max(len(words), 1)
        en, fr, other = counts.get("en", 0), counts.get("fr", 0), counts.get("other", 0)
        best = "en" if en >= fr else "fr"
        best_n = max(en, fr)
        short = len(words) < self.short
        if other > 2 * best_n + (1 if short else 0) or (not short and best_n / n < self.min_share):
            doc.stop("unsupported language: the text is neither English nor French")
            return doc
        doc.lang = best
        low = min(en, fr)
        # headlines are too short to tell ("Thiou military detachment neutralizes a dozen terrorists" has
        # one function word, French "a"): read them with both lexicons, as mixed texts
        mixed = (short and (best_n - low <= 1 or low >= 1)) or (low >= 3 and low / n >= self.min_share / 2)
        doc.langs = frozenset({"en", "fr"}) if mixed else frozenset({best})
        return doc


def _sample_words(folded: str, count: int) -> list[str]:
    """The first ``count`` words of the first 8000 characters."""
    # most reports have ``count`` words well within 3000 characters: find them there first. With
    # more than ``count`` words found, the first ``count`` end before the next one starts, so none
    # is cut by the shorter window and they are the same words as in the longer one.
    words = _WORD.findall(folded[:3000])
    if len(words) > count:
        return words[:count]
    return _WORD.findall(folded[:8000])[:count]


_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "lt",
        "col",
        "gen",
        "capt",
        "cpt",
        "sgt",
        "st",
        "no",
        "vol",
        "p.m",
        "a.m",
        "m",
        "mm",
        "mme",
        "mlle",
        "cdt",
        "cne",
        "adj",
        "sous-lt",
        "art",
        "al",
    ]
)
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?…])[\"'»”)\]]*\s+(?=[\"'«“(\[]?[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n?|;\s*(?=[A-ZÀ-ÖØ-Þ]))"
)


@register
class Sentences(Component):
    """Rule-based sentence splitter (full stops, line breaks, headline lists joined by ';')."""

    name = "sentences"
    requires = ("clean",)
    provides = ("sentences",)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.clean
        sentences: list[Sentence] = []
        start = 0
        for match in _BOUNDARY.finditer(text):
            if match.start() <= start or _after_abbreviation(text, match.start(), match.end()):
                continue
            _add(sentences, text, start, match.start())
            start = match.end()
        _add(sentences, text, start, len(text))
        doc.sentences = sentences
        return doc


def _after_abbreviation(text: str, pos: int, next_start: int) -> bool:
    if pos == 0 or text[pos - 1] != ".":
        return False
    word_start = pos - 1
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : pos - 1].lower()
    if word in _MONTHS_SHORT and text[next_start : next_start + 1].isdigit():
        return True  # "on Sept. 2 a mine ...": a date, not a sentence's end
    # "U.S. Army special forces", "the U.N. mission": a dotted initialism rarely ends a sentence
    return word in _ABBREV or (len(word) == 1 and word.isalpha()) or bool(_INITIALISM.fullmatch(word))


_MONTHS_SHORT = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "janv",
        "fev",
        "févr",
        "déc",
    ]
)
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end))
