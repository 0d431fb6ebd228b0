"""The one document object every pipeline component reads and writes (spaCy's ``Doc`` idea)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from harmattan.records import Event, Evidence


@dataclass(slots=True)
class Sentence:
    """A sentence as a span of the document text; ``index`` counts from 0."""

    index: int
    start: int
    end: int
    #: the sentence contains at least one event cue (set by the cue scan)
    has_cue: bool = False


@dataclass(slots=True)
class Mention:
    """A span of the text that names something: an actor, place, date, number, cue...

    ``kind`` says which (``cue``, ``actor``, ``place``, ``date``, ``number``, ``country``,
    ``context``...), ``value`` carries what it resolved to, ``rule`` how it was found.
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any
    sentence: int = -1
    rule: str = ""
    lang: str | None = None


@dataclass(slots=True)
class Doc:
    """Text plus everything the components found in it."""

    text: str
    published: dt.date | None = None
    document_id: str | None = None
    lang: str | None = None
    #: the text with HTML leftovers and control characters blanked, same length as ``text``
    clean: str = ""
    #: languages whose lexicons apply (both for mixed EN/FR text)
    langs: frozenset[str] = frozenset()
    folded: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the country the document is about, when it can tell (ISO2)
    country: str | None = None
    #: set when a component decides that nothing further should run (bad input, unsupported language)
    stopped: bool = False
    #: wall-clock deadline (time.monotonic()) after which components stop early
    deadline: float | None = None
    user_data: dict[str, Any] = field(default_factory=dict)

    def stop(self, note: str) -> None:
        self.notes.append(note)
        self.stopped = True

    def replace_mention(self, i: int, mention: Mention) -> None:
        """Put ``mention`` in place of the ``i``-th mention; the index of :meth:`of_kind`, which only
        notices added mentions, is dropped."""
        self.mentions[i] = mention
        self.user_data.pop("_index", None)

    def of_kind(self, kind: str, sentence: int | None = None) -> list[Mention]:
        """Mentions of a kind (in one sentence), from an index rebuilt only when mentions were added."""
        index = self.user_data.get("_index")
        # a component that swaps the list for another of the same length ("vingt" number words turned into
        # numbers) must not leave the old index in place: the index holds the list it was built from
        if index is None or index[0] != len(self.mentions) or index[3] is not self.mentions:
            by_kind: dict[str, list[Mention]] = {}
            for m in self.mentions:
                found = by_kind.get(m.kind)
                if found is None:
                    by_kind[m.kind] = [m]
                else:
                    found.append(m)
            # per sentence: built for a kind when first asked (a few kinds are asked for, per sentence)
            per_sentence: dict[str, dict[int, list[Mention]]] = {}
            index = self.user_data["_index"] = (len(self.mentions), by_kind, per_sentence, self.mentions)
        of_kind: list[Mention] = index[1].get(kind, [])
        if sentence is None:
            return list(of_kind)
        table: dict[int, list[Mention]] | None = index[2].get(kind)
        if table is None:
            table = {}
            for m in of_kind:
                table.setdefault(m.sentence, []).append(m)
            index[2][kind] = table
        return list(table.get(sentence, ()))

    def mask(self, kinds: tuple[str, ...]) -> bytearray:
        """One byte per character, 1 where a mention of these kinds lies (linear-time overlap tests)."""
        out = bytearray(len(self.text))
        for m in self.mentions:
            if m.kind in kinds:
                out[m.start : m.end] = b"\x01" * (m.end - m.start)
        return out

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding character ``offset``; between two sentences, the next one;
        clamped to the first and last sentence (0 when there are none)."""
        sentences = self.sentences
        cached = self.user_data.get("_ends")
        if cached is None or cached[0] is not sentences or cached[1] != len(sentences):
            # sentence ends, ascending: one C-level bisection per lookup (called for every mention)
            cached = self.user_data["_ends"] = (sentences, len(sentences), [s.end for s in sentences])
        return max(0, min(bisect_right(cached[2], offset), len(sentences) - 1))

    def evidence(self, field_name: str, mention: Mention, rule: str | None = None) -> Evidence:
        """Evidence for a field, pointing at a mention's exact span of the document text; the rule that
        used it (default: the rule that found the mention)."""
        start, end = mention.start, mention.end
        return Evidence(
            field_name,
            self.document_id,
            mention.sentence,
            start,
            end,
            self.text[start:end],
            mention.rule if rule is None else rule,
        )

    def sentence_evidence(self, field_name: str, index: int, rule: str) -> Evidence:
        """Evidence for a field decided from a whole sentence (a default or a rule over it)."""
        sent = self.sentences[index]
        return Evidence(
            field_name, self.document_id, index, sent.start, sent.end, self.text[sent.start : sent.end], rule
        )
