"""Attribution of unclaimed violence: who is likely behind an "unidentified armed group" event.

An inference, labelled as such: a naive-Bayes ranking over the armed groups
seen in the data, from the event's place (country, admin1, admin2, H3 cell —
the actors' footprints), time (recent events weigh more, half-life
``half_life_days``), tactic, sub-event type and target (the other side's inter
code). The sharpness of the probabilities (a temperature) is fitted on the
last fifth of the training period, so the figures are calibrated on events
the model did not see; :func:`evaluate` measures that calibration by hiding
known perpetrators after a cut-off date (top-1/top-3, Brier score, log loss,
reliability table).
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from harmattan.analysis.footprints import with_cells
from harmattan.analysis.frame import UNIDENTIFIED, date_quantile, date_span

FEATURES: tuple[str, ...] = ("country", "admin1", "admin2", "cell", "tactic", "sub_event_type", "target")
ARMED_INTER = (2, 3, 4)
TEMPERATURE_SAMPLE = 10_000
LABEL = "inference: ranked likelihood of perpetrator from place, time, tactic and target; not a finding"


def _features(frame: pl.DataFrame) -> pl.DataFrame:
    """Per event: the perpetrator (the first armed non-state side) and the features."""
    if "h3" not in frame.columns:
        frame = with_cells(frame)
    armed1 = pl.col("inter1").is_in(ARMED_INTER) | (pl.col("actor1_id") == UNIDENTIFIED)
    armed2 = pl.col("inter2").is_in(ARMED_INTER) | (pl.col("actor2_id") == UNIDENTIFIED)
    return (
        frame.with_columns(
            pl.when(armed1)
            .then(pl.col("actor1_id"))
            .when(armed2)
            .then(pl.col("actor2_id"))
            .alias("perpetrator"),
            pl.when(armed1)
            .then(pl.col("inter2"))
            .otherwise(pl.col("inter1"))
            .cast(pl.Utf8)
            .fill_null("none")
            .alias("target"),
            pl.concat_str(["country", "admin1"], separator="/").alias("admin1"),
            pl.concat_str(["country", "admin1", "admin2"], separator="/").alias("admin2"),
            pl.col("h3").alias("cell"),
            pl.col("tactics").list.first().fill_null("none").alias("tactic"),
        )
        .filter(pl.col("perpetrator").is_not_null())
        .select("event_id", "event_date", "perpetrator", *FEATURES)
    )


@dataclass
class Model:
    actors: list[str]
    log_prior: np.ndarray
    vocab: dict[str, dict[str, int]]
    tables: dict[str, np.ndarray]
    temperature: float = 1.0
    trained_on: int = 0
    reference: dt.date | None = None

    def logits(self, feats: pl.DataFrame) -> np.ndarray:
        out: np.ndarray = np.tile(self.log_prior, (feats.height, 1))
        for name in FEATURES:
            vocab = self.vocab[name]
            unknown, missing = len(vocab), len(vocab) + 1
            col = pl.col(name)
            coded = col.replace_strict(vocab, default=unknown, return_dtype=pl.Int64)
            idx = feats.select(pl.when(col.is_null()).then(missing).otherwise(coded))[:, 0].to_numpy()
            out += self.tables[name][idx]
        return out

    def predict(self, feats: pl.DataFrame) -> np.ndarray:
        """Probabilities, one row per event, one column per ``actors`` entry."""
        z = self.logits(feats) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        result: np.ndarray = p / p.sum(axis=1, keepdims=True)
        return result


def _fit_counts(train: pl.DataFrame, min_events: int, half_life_days: float, alpha: float) -> Model:
    reference = date_span(train)[1]
    weighted = train.with_columns(
        (0.5 ** ((pl.lit(reference) - pl.col("event_date")).dt.total_days() / half_life_days)).alias("w")
    )
    totals = weighted.group_by("perpetrator").agg(pl.len().alias("n"), pl.col("w").sum())
    totals = totals.filter(pl.col("n") >= min_events).sort("perpetrator")
    actors = totals["perpetrator"].to_list()
    index = {a: i for i, a in enumerate(actors)}
    w_tot = totals["w"].to_numpy()
    log_prior = np.log((w_tot + 1.0) / (w_tot.sum() + len(actors)))
    weighted = weighted.filter(pl.col("perpetrator").is_in(actors))
    vocab: dict[str, dict[str, int]] = {}
    tables: dict[str, np.ndarray] = {}
    for name in FEATURES:
        counts = (
            weighted.filter(pl.col(name).is_not_null()).group_by(name, "perpetrator").agg(pl.col("w").sum())
        )
        values = sorted(set(counts[name].to_list()))
        vocab[name] = {v: i for i, v in enumerate(values)}
        mat = np.zeros((len(values) + 2, len(actors)))
        rows = [vocab[name][v] for v in counts[name].to_list()]
        cols = [index[a] for a in counts["perpetrator"].to_list()]
        np.add.at(mat, (rows, cols), counts["w"].to_numpy())
        seen = mat[: len(values)].sum(axis=0)
        # Laplace smoothing; the last row (feature missing on the event) contributes nothing.
        mat[: len(values) + 1] = np.log((mat[: len(values) + 1] + alpha) / (seen + alpha * (len(values) + 1)))
        mat[len(values) + 1] = 0.0
        tables[name] = mat
    return Model(actors, log_prior, vocab, tables, 1.0, weighted.height, reference)


def _log_loss(p: np.ndarray, truth: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(p[np.arange(len(truth)), truth], 1e-12, 1.0))))


def fit(frame: pl.DataFrame, min_events: int = 5, half_life_days: float = 730.0, alpha: float = 0.5) -> Model:
    """Fit on the events whose perpetrator is known; the temperature on the last fifth of them (by date)."""
    return _fit(
        _features(frame).filter(pl.col("perpetrator") != UNIDENTIFIED), min_events, half_life_days, alpha
    )


def _fit(
    feats: pl.DataFrame, min_events: int = 5, half_life_days: float = 730.0, alpha: float = 0.5
) -> Model:
    if feats.is_empty():
        raise ValueError("no events with a known armed perpetrator to learn from")
    split = date_quantile(feats, 0.8)
    early, late = feats.filter(pl.col("event_date") < split), feats.filter(pl.col("event_date") >= split)
    temperature = 1.0
    if early.height >= 20 and late.height >= 10:
        probe = _fit_counts(early, min_events, half_life_days, alpha)
        index = {a: i for i, a in enumerate(probe.actors)}
        late = late.filter(pl.col("perpetrator").is_in(probe.actors))
        if late.height > TEMPERATURE_SAMPLE:  # a fixed-seed sample fits one number as well as all of them
            late = late.sample(TEMPERATURE_SAMPLE, seed=0)
        if late.height:
            truth = np.array([index[a] for a in late["perpetrator"].to_list()])
            logits = probe.logits(late)
            temperature = min(
                (float(t) for t in np.geomspace(0.5, 16, 16)),
                key=lambda t: _log_loss(_softmax(logits / t), truth),
            )
    model = _fit_counts(feats, min_events, half_life_days, alpha)
    model.temperature = temperature
    return model


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    out: np.ndarray = p / p.sum(axis=1, keepdims=True)
    return out


@dataclass
class Attribution:
    event_id: str
    event_date: dt.date
    candidates: list[tuple[str, float]]
    label: str = LABEL
    basis: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "event_date": self.event_date.isoformat(),
            "label": self.label,
            "candidates": [{"actor": a, "probability": round(p, 4)} for a, p in self.candidates],
            "basis": self.basis,
        }


def attribute(
    frame: pl.DataFrame, event_ids: list[str] | None = None, model: Model | None = None, top: int = 5
) -> list[Attribution]:
    """Ranked likely perpetrators of unidentified-armed-group events (all of them, or ``event_ids``)."""
    model = model or fit(frame)
    unclaimed = frame.filter((pl.col("actor1_id") == UNIDENTIFIED) | (pl.col("actor2_id") == UNIDENTIFIED))
    if event_ids is not None:
        unclaimed = unclaimed.filter(pl.col("event_id").is_in(event_ids))
    feats = _features(unclaimed).filter(pl.col("perpetrator") == UNIDENTIFIED)
    if feats.is_empty():
        return []
    probs = model.predict(feats)
    order = np.argsort(-probs, axis=1)[:, :top]
    ranked = np.take_along_axis(probs, order, axis=1).tolist()
    names = np.array(model.actors)[order].tolist()
    model_info = {"temperature": round(model.temperature, 3), "trained_on": model.trained_on}
    rows = feats.select(["event_id", "event_date", *FEATURES]).rows()
    # Many small objects at once: the cyclic GC would rescan the growing heap again and again.
    gc.disable()
    try:
        return [
            Attribution(row[0], row[1], list(zip(names[i], ranked[i], strict=True)),
                        basis=dict(zip(FEATURES, row[2:], strict=True)) | model_info)
            for i, row in enumerate(rows)
        ]  # fmt: skip
    finally:
        gc.enable()


@dataclass
class Calibration:
    cutoff: dt.date
    train_events: int
    test_events: int
    unseen_actor_events: int
    top1: float
    top3: float
    brier: float
    log_loss: float
    temperature: float
    reliability: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["cutoff"] = self.cutoff.isoformat()
        return out


def evaluate(
    frame: pl.DataFrame, cutoff: dt.date | None = None, bins: int = 10, **fit_args: Any
) -> Calibration:
    """Hide the perpetrators of events after ``cutoff`` (default: the 80% date), predict them, score it."""
    known = _features(frame).filter(pl.col("perpetrator") != UNIDENTIFIED)
    cutoff = cutoff or date_quantile(known, 0.8)
    model = _fit(known.filter(pl.col("event_date") < cutoff), **fit_args)
    test = known.filter(pl.col("event_date") >= cutoff)
    index = {a: i for i, a in enumerate(model.actors)}
    scored = test.filter(pl.col("perpetrator").is_in(model.actors))
    if scored.is_empty():
        raise ValueError("no test events whose perpetrator the model knows")
    truth = np.array([index[a] for a in scored["perpetrator"].to_list()])
    probs = model.predict(scored)
    rank = (probs > probs[np.arange(len(truth)), truth][:, None]).sum(axis=1)
    onehot = np.zeros_like(probs)
    onehot[np.arange(len(truth)), truth] = 1.0
    return Calibration(
        cutoff,
        model.trained_on,
        scored.height,
        test.height - scored.height,
        round(float((rank == 0).mean()), 4),
        round(float((rank < 3).mean()), 4),
        round(float(((probs - onehot) ** 2).sum(axis=1).mean()), 4),
        round(_log_loss(probs, truth), 4) + 0.0,
        round(model.temperature, 3),
        reliability(probs.max(axis=1), probs.argmax(axis=1) == truth, bins),
    )


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    """Per bin of top-1 probability: events, mean probability, share correct."""
    edges = np.linspace(0, 1, bins + 1)
    out = []
    for lo, hi in itertools.pairwise(edges):
        mask = (confidence >= lo) & ((confidence < hi) | (hi == 1.0))
        if mask.any():
            out.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "events": int(mask.sum()),
                    "mean_probability": round(float(confidence[mask].mean()), 3),
                    "accuracy": round(float(correct[mask].mean()), 3),
                }
            )
    return out
