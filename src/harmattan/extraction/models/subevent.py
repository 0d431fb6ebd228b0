"""A trained sub-event classifier: folded word n-grams, TF-IDF, multinomial logistic regression.

scikit-learn fits it (``fit``); prediction is plain numpy over the stored vocabulary and weights, so
extraction workers never import scikit-learn and the artifact is a small, deterministic JSON file.
The label ``None`` (no event) is a class like the others: the model says "no event" as well as which.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from harmattan.regions.text import fold

NO_EVENT = "none"
_TOKEN = re.compile(r"[a-z]+|\d+")
_FORMAT = "harmattan-subevent-1"


def features(text: str, folded: bool = False) -> list[str]:
    """Folded word unigrams and bigrams; every number is one token (the figure does not type an event).
    ``folded``: the text is folded already (a slice of ``Doc.folded``), which saves the costly fold."""
    words = ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text if folded else fold(text))]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


class SubEventModel:
    """``fit(texts, labels)`` / ``predict_proba(texts)`` / ``predict(texts)``, scikit-learn's shape.

    Labels are ACLED sub-event types or :data:`NO_EVENT`. ``min_df`` drops n-grams seen in fewer
    training texts (names of places and people); ``c`` is the inverse regularisation strength.
    """

    def __init__(self, min_df: int = 2, c: float = 30.0, seed: int = 0) -> None:
        self.min_df, self.c, self.seed = min_df, c, seed
        self.classes: list[str] = []
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0)
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)
        self.meta: dict[str, Any] = {}

    # -- training ----------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SubEventModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(texts) != len(labels) or not texts:
            raise ValueError("fit needs as many labels as texts, and at least one of each")
        vec = TfidfVectorizer(analyzer=features, min_df=self.min_df, sublinear_tf=True, norm="l2")
        x = vec.fit_transform(texts)
        clf = LogisticRegression(C=self.c, max_iter=2000, random_state=self.seed)
        clf.fit(x, list(labels))
        self.classes = [str(c) for c in clf.classes_]
        self.vocabulary = {str(k): int(v) for k, v in vec.vocabulary_.items()}
        self.idf = np.asarray(vec.idf_, dtype=np.float64)
        self.coef = np.asarray(clf.coef_, dtype=np.float64)
        self.intercept = np.asarray(clf.intercept_, dtype=np.float64)
        self.meta = {"texts": len(texts), "labels": dict(sorted(Counter(labels).items()))}
        return self

    # -- prediction --------------------------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str], folded: bool = False) -> np.ndarray:
        """One row of label probabilities per text, computed sparsely and in one pass for all of them (a
        sentence has a few dozen of the model's thousands of features)."""
        coef_t = self.__dict__.get("_coef_t")
        if coef_t is None:
            coef_t = self.__dict__["_coef_t"] = np.ascontiguousarray(self.coef.T)
        scores = np.tile(self.intercept, (len(texts), 1))
        get = self.vocabulary.get
        sizes: list[int] = []
        index: list[int] = []
        counts: list[int] = []
        for text in texts:
            found = Counter(map(get, features(text, folded)))
            found.pop(None, None)  # type: ignore[call-overload]  # words the model never saw
            sizes.append(len(found))
            index.extend(found)  # type: ignore[arg-type]
            counts.extend(found.values())
        if index:
            idx = np.asarray(index, dtype=np.intp)
            which = np.repeat(np.arange(len(texts)), sizes)
            values = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * self.idf[idx]
            values /= np.sqrt(np.bincount(which, weights=values * values, minlength=len(texts)))[which]
            # each text's features are contiguous: sum their weighted rows segment by segment
            present = np.flatnonzero(sizes)
            starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))[present]
            scores[present] += np.add.reduceat(values[:, None] * coef_t[idx], starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [self.classes[i] for i in self.predict_proba(texts).argmax(axis=1)]

    def weights(self, label: str) -> dict[str, float]:
        """Each single word's weight for ``label`` (which word of a sentence speaks most for it)."""
        cached: dict[str, dict[str, float]] = self.__dict__.setdefault("_weights", {})
        if label not in cached:
            row = self.coef[self.classes.index(label)] * self.idf
            cached[label] = {t: float(row[j]) for t, j in self.vocabulary.items() if " " not in t}
        return cached[label]

    # -- the artifact ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": _FORMAT,
            "settings": {"min_df": self.min_df, "c": self.c, "seed": self.seed},
            "meta": self.meta,
            "classes": self.classes,
            "terms": terms,
            # rounded so that the file is small and the same on every machine's last float bits
            "idf": [round(float(v), 6) for v in self.idf],
            "intercept": [round(float(v), 6) for v in self.intercept],
            "coef": [[round(float(v), 4) for v in row] for row in self.coef],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubEventModel:
        if data.get("format") != _FORMAT:
            found = data.get("format")
            raise ValueError(f"not a sub-event model file (format {found!r}, expected {_FORMAT})")
        model = cls(**data["settings"])
        model.meta = data.get("meta", {})
        model.classes = list(data["classes"])
        model.vocabulary = {t: i for i, t in enumerate(data["terms"])}
        model.idf = np.asarray(data["idf"], dtype=np.float64)
        model.intercept = np.asarray(data["intercept"], dtype=np.float64)
        model.coef = np.asarray(data["coef"], dtype=np.float64)
        return model

    def save(self, path: Path) -> str:
        """Write the gzipped JSON artifact (no timestamp: the same model gives the same bytes); its sha256."""
        raw = json.dumps(self.to_dict(), separators=(",", ":"), sort_keys=True).encode("utf-8")
        data = gzip.compress(raw, compresslevel=9, mtime=0)
        path.write_bytes(data)
        return hashlib.sha256(raw).hexdigest()

    @classmethod
    def load(cls, path: Path) -> SubEventModel:
        return cls.from_dict(json.loads(gzip.decompress(path.read_bytes())))
