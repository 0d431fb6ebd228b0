"""Per-field scoring of matched (gold, predicted) pairs, accumulated per group of passages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from harmattan.evaluation.canon import Canon, admin_key
from harmattan.evaluation.gold import GoldEvent, GoldPassage, in_scope
from harmattan.evaluation.matching import actor_ids, match_events
from harmattan.evaluation.metrics import LabelF1, Rate, SetF1, ratio, within_fraction
from harmattan.records import Event
from harmattan.regions.geo import haversine_km

LABEL_FIELDS = ("event_type", "sub_event_type", "plover_type")
LOCATION_KM = 10.0


@dataclass
class GroupStats:
    """Counts for one group of passages (one language, or all)."""

    passages: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    empty_passages: int = 0
    false_alarm_passages: int = 0
    false_alarms: int = 0
    rates: dict[str, Rate] = field(default_factory=dict)
    #: per-label counts on matched pairs (classification quality) ...
    labels: dict[str, LabelF1] = field(default_factory=lambda: {name: LabelF1() for name in LABEL_FIELDS})
    #: ... and with unmatched gold events (FN) and predictions (FP) added (end to end).
    labels_all: dict[str, LabelF1] = field(default_factory=lambda: {name: LabelF1() for name in LABEL_FIELDS})
    tactics: SetF1 = field(default_factory=SetF1)
    gold_fields: Counter[str] = field(default_factory=Counter)

    def rate(self, key: str, ok: bool) -> None:
        self.rates.setdefault(key, Rate()).add(ok)

    def merge(self, other: GroupStats) -> None:
        for name in ("passages", "gold_events", "predicted_events", "matched", "empty_passages"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_alarm_passages += other.false_alarm_passages
        self.false_alarms += other.false_alarms
        for key, rate in other.rates.items():
            self.rates.setdefault(key, Rate()).merge(rate)
        for key, labels in other.labels.items():
            self.labels[key].merge(labels)
        for key, labels in other.labels_all.items():
            self.labels_all[key].merge(labels)
        self.tactics.merge(other.tactics)
        self.gold_fields.update(other.gold_fields)

    def event_level(self) -> dict[str, float | None]:
        precision = ratio(self.matched, self.predicted_events)
        recall = ratio(self.matched, self.gold_events)
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Mismatch:
    field: str
    gold: Any
    predicted: Any


def score_passage(
    passage: GoldPassage, predicted: list[Event], canon: Canon, stats: GroupStats
) -> dict[str, Any] | None:
    """Score one passage into ``stats``; return its error record (None when all is right).

    Background events (``historical: true``) are optional on both sides: the issue lets an
    extractor either leave them out or report them flagged, so an unmatched historical gold
    event is not a miss and an unmatched prediction flagged historical is not a false alarm.
    """
    predicted = [p for p in predicted if in_scope(p, passage.scope)]
    pairs = match_events(passage.events, predicted, canon)
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    gold_kept = [i for i, g in enumerate(passage.events) if i in matched_gold or not g.event.historical]
    pred_kept = [i for i, p in enumerate(predicted) if i in matched_pred or not p.historical]
    stats.passages += 1
    stats.gold_events += len(gold_kept)
    stats.predicted_events += len(pred_kept)
    stats.matched += len(pairs)
    if not passage.events and passage.exhaustive:
        stats.empty_passages += 1
        if pred_kept:
            stats.false_alarm_passages += 1
            stats.false_alarms += len(pred_kept)
    for index in gold_kept:
        stats.gold_fields.update(passage.events[index].fields)
    errors: list[dict[str, Any]] = []
    for gi, pi in pairs:
        for miss in score_pair(passage.events[gi], predicted[pi], canon, stats):
            errors.append({"gold_event": gi, "predicted_event": pi, **miss.__dict__})
    missed = [i for i in gold_kept if i not in matched_gold]
    spurious = [i for i in pred_kept if i not in matched_pred]
    _unmatched_labels(passage, predicted, missed, spurious, stats)
    if not errors and not missed and not spurious:
        return None
    return {
        "id": passage.id,
        "language": passage.language,
        "text": passage.text[:2000],
        "mismatches": errors,
        "missed": [passage.events[i].event.to_dict() for i in missed],
        "spurious": [predicted[i].to_dict() for i in spurious],
    }


def _unmatched_labels(
    passage: GoldPassage, predicted: list[Event], missed: list[int], spurious: list[int], stats: GroupStats
) -> None:
    for index in missed:
        gold = passage.events[index]
        for name in LABEL_FIELDS:
            if name in gold.fields:
                stats.labels_all[name].pair(_gold_label(gold, name, None), None)
    for index in spurious:
        for name in LABEL_FIELDS:
            stats.labels_all[name].pair(None, getattr(predicted[index], name))


def _gold_label(gold: GoldEvent, name: str, predicted: str | None) -> str | None:
    """The gold label; with several accepted event types, the predicted one if accepted."""
    if name == "event_type":
        accepted = gold.accepted_types()
        if predicted in accepted:
            return predicted
        return accepted[0] if accepted else None
    value = getattr(gold.event, name)
    return str(value) if value is not None else None


def score_pair(gold: GoldEvent, pred: Event, canon: Canon, stats: GroupStats) -> list[Mismatch]:
    """Score each field the gold event supports; return the fields that were wrong."""
    wrong: list[Mismatch] = []

    def check(key: str, ok: bool, name: str, gold_value: Any, pred_value: Any) -> None:
        stats.rate(key, ok)
        if not ok:
            wrong.append(Mismatch(name, gold_value, pred_value))

    g = gold.event
    for name in LABEL_FIELDS:
        if name in gold.fields:
            label = _gold_label(gold, name, getattr(pred, name))
            stats.labels[name].pair(label, getattr(pred, name))
            stats.labels_all[name].pair(label, getattr(pred, name))
            check(f"{name}.accuracy", label == getattr(pred, name), name, label, getattr(pred, name))
    _score_actors(gold, pred, canon, check)
    for name in ("country", "geo_precision", "historical"):
        if name in gold.fields:
            check(
                f"{name}.accuracy",
                getattr(g, name) == getattr(pred, name),
                name,
                getattr(g, name),
                getattr(pred, name),
            )
    current = canon.current_admins(g.location, g.country, g.latitude, g.longitude)
    for level, name in ((1, "admin1"), (2, "admin2")):
        if name in gold.fields:
            country = g.country or pred.country
            ok = canon.same_admin(getattr(g, name), getattr(pred, name), country, level) or (
                current[level - 1] is not None
                and canon.same_admin(current[level - 1], getattr(pred, name), country, level)
            )
            check(f"{name}.accuracy", ok, name, getattr(g, name), getattr(pred, name))
    if "location" in gold.fields:
        distance = _distance(g, pred, canon)
        ok = distance is not None and distance <= LOCATION_KM
        if distance is None and g.location and _unplaced(g, canon):
            # a village GeoNames lacks has no point to measure from: naming it is what can be checked
            ok = admin_key(g.location) == admin_key(pred.location)
        check("location.within_10km", ok, "location", _place(g), {**_place(pred), "km": distance})
    _score_date(gold, pred, check)
    _score_fatalities(gold, pred, check)
    if "tactics" in gold.fields:
        stats.tactics.add(set(g.tactics), set(pred.tactics))
        if set(g.tactics) != set(pred.tactics):
            wrong.append(Mismatch("tactics", sorted(g.tactics), sorted(pred.tactics)))
    return wrong


def _score_actors(gold: GoldEvent, pred: Event, canon: Canon, check: Any) -> None:
    ids1, ids2 = actor_ids(gold, canon)
    date = gold.event.event_date or pred.event_date
    p1 = canon.actor_id(pred.actor1_id, pred.actor1, date)
    p2 = canon.actor_id(pred.actor2_id, pred.actor2, date)
    g = gold.event
    inter1 = gold.inter1_options or ((g.inter1,) if g.inter1 is not None else ())
    inter2 = gold.inter2_options or ((g.inter2,) if g.inter2 is not None else ())
    fields = set(gold.fields)
    if gold.unordered_actors and (p1 in ids2 or p2 in ids1) and not (p1 in ids1 and p2 in ids2):
        # UCDP sides are not initiator/target: compare the predicted pair the other way round.
        ids1, ids2, inter1, inter2 = ids2, ids1, inter2, inter1
        fields = {_swap(name) for name in fields}
    for name, ids, predicted_id, inter, pred_inter in (
        ("actor1", ids1, p1, inter1, pred.inter1),
        ("actor2", ids2, p2, inter2, pred.inter2),
    ):
        if name in fields:
            check(f"{name}.accuracy", predicted_id in ids, name, sorted(ids), predicted_id)
        inter_name = "inter" + name[-1]
        if inter_name in fields:
            check(f"{inter_name}.accuracy", pred_inter in inter, inter_name, list(inter), pred_inter)


def _swap(name: str) -> str:
    return {"actor1": "actor2", "actor2": "actor1", "inter1": "inter2", "inter2": "inter1"}.get(name, name)


def _place(event: Event) -> dict[str, Any]:
    return {"location": event.location, "latitude": event.latitude, "longitude": event.longitude}


def _distance(gold: Event, pred: Event, canon: Canon) -> float | None:
    glat, glon = gold.latitude, gold.longitude
    if (glat is None or glon is None) and gold.location:
        found = canon.coordinates(gold.location, gold.country)
        glat, glon = found if found else (None, None)
    if glat is None or glon is None or pred.latitude is None or pred.longitude is None:
        return None
    return round(haversine_km(glat, glon, pred.latitude, pred.longitude), 3)


def _unplaced(gold: Event, canon: Canon) -> bool:
    """Gold names a place but has no coordinates for it, and the gazetteer has none either."""
    return (gold.latitude is None or gold.longitude is None) and canon.coordinates(
        str(gold.location), gold.country
    ) is None


def _score_date(gold: GoldEvent, pred: Event, check: Any) -> None:
    if "event_date" not in gold.fields or gold.event.event_date is None:
        return
    g, p = gold.event.event_date, pred.event_date
    delta = abs((g - p).days) if p is not None else None
    check("event_date.exact", delta == 0, "event_date", g.isoformat(), p.isoformat() if p else None)
    check("event_date.within_1_day", delta is not None and delta <= 1, "event_date±1", g.isoformat(), None)


def _score_fatalities(gold: GoldEvent, pred: Event, check: Any) -> None:
    if "fatalities" not in gold.fields or gold.event.fatalities is None:
        return
    g, p = gold.event.fatalities, pred.fatalities
    check("fatalities.exact", g == p, "fatalities", g, p)
    check("fatalities.within_20pct", within_fraction(g, p), "fatalities±20%", g, p)
    if gold.fatalities_range is not None:
        low, high = gold.fatalities_range
        check(
            "fatalities.within_low_high",
            p is not None and low <= p <= high,
            "fatalities[low,high]",
            [low, high],
            p,
        )
