"""Near-duplicates: syndicated and lightly edited copies of one report across outlets.

An exact copy has the same content hash and is stored once. A *near* copy (an
agency dispatch republished with another intro line, a byline, a corrected
figure) is a different text, so it is kept, but linked to the first document
of its group (``documents.near_dup_of``) so that fusion counts the group as one
source, not as independent confirmations.

Method: MinHash signatures of word bigrams, candidates from LSH banding,
then the estimated Jaccard similarity must reach ``threshold``. Bigrams and a
threshold of 0.3 were chosen on the bundled sample: its rewritten wire copy
scores 0.45 while the closest unrelated pair (two stories on the same
political event) scores 0.18; longer shingles drop rewritten copies below
unrelated pairs. Signatures are
stored, so documents ingested later are compared with earlier ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import Connection

from harmattan.store import sources as store
from harmattan.store.database import Database

NUM_PERM = 128
#: datasketch's 32-bit affine permutations; stored signatures are num_perm little-endian uint32 values.
SCHEME = "affine32"
SHINGLE_WORDS = 2
#: Shorter texts (about 25 words) are not judged: in a one-line report, one changed number is a new fact.
MIN_SHINGLES = 25
THRESHOLD = 0.3
#: Signatures of the newest documents kept in memory for comparison: syndication happens within days.
WINDOW = 200_000
_WORDS = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORDS.findall(text.casefold())
    if len(words) < size:
        return set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> Any | None:
    """The MinHash of ``text``'s shingles, or None for texts too short to judge."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = _minhash(num_perm)
    minhash.update_batch(list(grams))
    return minhash


def signature_bytes(text: str, num_perm: int = NUM_PERM) -> bytes | None:
    """:func:`signature` as the bytes that are stored (and cheap to send between processes)."""
    minhash = signature(text, num_perm)
    return None if minhash is None else _to_bytes(minhash)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, scheme=SCHEME).permutations


def _minhash(num_perm: int, hashvalues: Any = None) -> Any:
    # Sharing the permutations avoids regenerating them for every document (the costly part of init).
    from datasketch import MinHash

    return MinHash(
        permutations=_permutations(num_perm), hashvalues=hashvalues, scheme=SCHEME, num_perm=num_perm
    )


@dataclass(frozen=True)
class Match:
    canonical_id: int
    similarity: float


class NearDuplicateIndex:
    """In-memory LSH over MinHash signatures; each entry remembers the canonical id of its group."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._entries: dict[int, tuple[Any, int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, doc_id: int, minhash: Any, canonical_id: int | None = None) -> None:
        if doc_id in self._entries:
            return
        self._entries[doc_id] = (minhash, canonical_id or doc_id)
        self.lsh.insert(doc_id, minhash)

    def match(self, minhash: Any) -> Match | None:
        """The group ``minhash`` belongs to: the oldest canonical among candidates similar enough."""
        matches: list[tuple[int, float]] = []
        for candidate in self.lsh.query(minhash):
            other, canonical = self._entries[candidate]
            similarity = float(minhash.jaccard(other))
            if similarity >= self.threshold:
                matches.append((canonical, similarity))
        if not matches:
            return None
        oldest = min(canonical for canonical, _ in matches)
        return Match(oldest, max(sim for canonical, sim in matches if canonical == oldest))

    def group(self, items: Iterable[tuple[int, str]]) -> dict[int, Match]:
        """Link in id order: document id -> its match, for documents that are near copies."""
        links: dict[int, Match] = {}
        for doc_id, text in sorted(items):
            minhash = signature(text, self.num_perm)
            if minhash is None:
                continue
            found = self.match(minhash)
            if found is not None:
                links[doc_id] = found
            self.add(doc_id, minhash, found.canonical_id if found else None)
        return links


class NearDuplicateLinker:
    """Links newly stored documents to earlier near copies, inside the ingest transaction."""

    def __init__(self, db: Database, threshold: float = THRESHOLD, window: int = WINDOW) -> None:
        self.db = db
        self.window = window
        self.index = NearDuplicateIndex(threshold)
        self._loaded = False
        self.links = 0

    def link(
        self, conn: Connection, texts: dict[str, str], signed: dict[str, bytes | None] | None = None
    ) -> int:
        """``texts``: content hash -> text of documents just inserted. Returns the links made.

        ``signed``: signatures already computed elsewhere (:func:`signature_bytes`, e.g. on
        worker processes), by content hash; the others are computed here.
        """
        if not texts:
            return 0
        self._load(conn)
        ids = store.document_ids(conn, list(texts))
        signatures: list[tuple[int, int, bytes]] = []
        made = 0
        for digest, doc_id in sorted(ids.items(), key=lambda item: item[1]):
            minhash = self._signature(texts[digest], (signed or {}).get(digest))
            if minhash is None:
                continue
            found = self.index.match(minhash)
            if found is not None:
                store.link_near_duplicate(conn, doc_id, found.canonical_id, found.similarity)
                made += 1
            self.index.add(doc_id, minhash, found.canonical_id if found else None)
            signatures.append((doc_id, self.index.num_perm, _to_bytes(minhash)))
        store.save_signatures(conn, signatures)
        self.links += made
        return made

    def _signature(self, text: str, signed: bytes | None) -> Any | None:
        if signed is None:
            return signature(text, self.index.num_perm)
        return _minhash(self.index.num_perm, np.frombuffer(signed, dtype="<u4").astype(np.uint32))

    def _load(self, conn: Connection) -> None:
        if self._loaded:
            return
        stored = store.load_signatures(conn, self.index.num_perm, self.window)
        for doc_id, canonical, data in reversed(stored):  # oldest first, as they were linked
            hashvalues = np.frombuffer(data, dtype="<u4").astype(np.uint32)
            self.index.add(doc_id, _minhash(self.index.num_perm, hashvalues), canonical)
        self._loaded = True


def _to_bytes(minhash: Any) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype="<u4").tobytes())


def precision_recall(
    links: dict[int, Match], truth: Sequence[tuple[int, int]], ids: Iterable[int]
) -> tuple[float, float]:
    """Pairwise precision and recall of predicted groups against true (document, group) pairs."""
    true_group = dict(truth)
    predicted = {doc: links[doc].canonical_id if doc in links else doc for doc in ids}
    pairs_pred = _pairs(predicted)
    pairs_true = _pairs(true_group)
    hits = len(pairs_pred & pairs_true)
    precision = hits / len(pairs_pred) if pairs_pred else 1.0
    recall = hits / len(pairs_true) if pairs_true else 1.0
    return precision, recall


def _pairs(groups: dict[int, int]) -> set[tuple[int, int]]:
    members: dict[int, list[int]] = {}
    for doc, group in groups.items():
        members.setdefault(group, []).append(doc)
    return {(a, b) for docs in members.values() for a in docs for b in docs if a < b}
