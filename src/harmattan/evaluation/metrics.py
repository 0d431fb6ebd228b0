"""Small metric accumulators: accuracy counts, per-label F1 (macro), set F1 (micro), numeric tolerances.

Each accumulator is updated pair by pair and merged across workers or groups, like
scikit-learn's metrics but incremental; ``result()`` returns plain floats (None when undefined).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Rate:
    """How often a check passes on the pairs it applies to."""

    passed: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.passed += int(ok)
        self.total += 1

    def value(self) -> float | None:
        return ratio(self.passed, self.total)

    def merge(self, other: Rate) -> None:
        self.passed += other.passed
        self.total += other.total


@dataclass
class LabelF1:
    """Per-label true/false positives and false negatives, for macro-averaged F1.

    A matched pair adds a TP (same label) or an FP for the predicted label and an FN for the
    gold label; an unmatched gold event adds an FN, an unmatched prediction an FP. The macro
    average runs over every label seen in gold or predictions.
    """

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def pair(self, gold: str | None, predicted: str | None) -> None:
        if gold is not None and gold == predicted:
            self.tp[gold] += 1
            return
        if predicted is not None:
            self.fp[predicted] += 1
        if gold is not None:
            self.fn[gold] += 1

    def per_label(self) -> dict[str, float]:
        labels = set(self.tp) | set(self.fp) | set(self.fn)
        out: dict[str, float] = {}
        for label in sorted(labels):
            precision = ratio(self.tp[label], self.tp[label] + self.fp[label]) or 0.0
            recall = ratio(self.tp[label], self.tp[label] + self.fn[label]) or 0.0
            out[label] = f1(precision, recall) or 0.0
        return out

    def macro(self) -> float | None:
        scores = self.per_label()
        return sum(scores.values()) / len(scores) if scores else None

    def merge(self, other: LabelF1) -> None:
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)


@dataclass
class SetF1:
    """Micro precision/recall/F1 over set-valued fields (tactics)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], predicted: set[str]) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def result(self) -> dict[str, float | None]:
        precision = ratio(self.tp, self.tp + self.fp)
        recall = ratio(self.tp, self.tp + self.fn)
        return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}

    def merge(self, other: SetF1) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class LabelScores:
    """One label per item (a classifier's output): accuracy, macro-F1 over the labels gold uses, each of
    those labels' F1, and the confusions, most frequent first."""

    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, float] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)


def label_scores(gold: Sequence[str], predicted: Sequence[str]) -> LabelScores:
    counts = LabelF1()
    for g, p in zip(gold, predicted, strict=True):
        counts.pair(g, p)
    f1s = counts.per_label()
    present = sorted(set(gold))
    confusions = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return LabelScores(
        n=len(gold),
        accuracy=sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / max(1, len(gold)),
        macro_f1=sum(f1s[label] for label in present) / max(1, len(present)),
        per_label={label: f1s[label] for label in present},
        confusions=[(g, p, c) for (g, p), c in confusions.most_common()],
    )


def within_fraction(gold: int, predicted: int | None, fraction: float = 0.2) -> bool:
    """``predicted`` is within ±``fraction`` of ``gold`` (0 must be exact)."""
    if predicted is None:
        return False
    return abs(predicted - gold) <= fraction * gold
