"""Match gold events to predicted events within one passage (optimal one-to-one assignment).

Similarity rewards agreeing on the type (ACLED event type, or PLOVER type), the date (±1 day),
the place (same location within 10 km, or same admin1) and the actors. A pair may be matched
only if it agrees on the type, or on at least two of date, place and actors (gold that gives
only a type, such as PLOVER sentences, may match any prediction); among allowed
pairs, scipy's ``linear_sum_assignment`` picks the assignment of highest total similarity, so
the result does not depend on the order events are listed in.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from harmattan.evaluation.canon import Canon, admin_key
from harmattan.evaluation.gold import GoldEvent
from harmattan.records import Event
from harmattan.regions.geo import haversine_km

_NOT_ALLOWED = -1.0e6


def same_type(gold: GoldEvent, pred: Event) -> bool:
    if gold.event.plover_type and gold.event.plover_type == pred.plover_type:
        return True
    return pred.event_type is not None and pred.event_type in gold.accepted_types()


def actor_ids(gold: GoldEvent, canon: Canon) -> tuple[set[str], set[str]]:
    """Accepted canonical ids for the gold actor1 and actor2."""
    event = gold.event
    ids1 = set(gold.actor1_ids) or {
        x for x in [canon.actor_id(event.actor1_id, event.actor1, event.event_date)] if x
    }
    ids2 = set(gold.actor2_ids) or {
        x for x in [canon.actor_id(event.actor2_id, event.actor2, event.event_date)] if x
    }
    return ids1, ids2


def place_agrees(gold: Event, pred: Event, canon: Canon) -> bool:
    if None not in (gold.latitude, gold.longitude, pred.latitude, pred.longitude):
        return haversine_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude) <= 10.0  # type: ignore[arg-type]
    if gold.location and pred.location and admin_key(gold.location) == admin_key(pred.location):
        return True
    return gold.admin1 is not None and canon.same_admin(gold.admin1, pred.admin1, gold.country, 1)


def similarity(gold: GoldEvent, pred: Event, canon: Canon) -> float:
    """Similarity of a gold and a predicted event, or a large negative number if they may not match."""
    typed = same_type(gold, pred)
    dated = (
        gold.event.event_date is not None
        and pred.event_date is not None
        and abs((gold.event.event_date - pred.event_date).days) <= 1
    )
    placed = place_agrees(gold.event, pred, canon)
    ids1, ids2 = actor_ids(gold, canon)
    date = pred.event_date or gold.event.event_date
    pred_ids = {
        canon.actor_id(pred.actor1_id, pred.actor1, date),
        canon.actor_id(pred.actor2_id, pred.actor2, date),
    }
    shared = len((ids1 | ids2) & (pred_ids - {None})) if ids1 or ids2 else 0
    if not typed and dated + placed + (shared > 0) < 2 and _has_context(gold, ids1 | ids2):
        return _NOT_ALLOWED
    return 0.1 + 3.0 * typed + 1.0 * dated + 1.0 * placed + 0.5 * min(shared, 2)


def _has_context(gold: GoldEvent, ids: set[str]) -> bool:
    """Whether gold says anything besides the type (date, place, actors) that a match could rest on.

    Gold with the type alone (PLOVER, PETRARCH, CASE 2021 snippets) matches any prediction in scope:
    otherwise only predictions of the right type could match and type accuracy would be 1 by design.
    """
    event = gold.event
    return bool(event.event_date or event.latitude is not None or event.location or event.admin1 or ids)


def match_events(gold: list[GoldEvent], predicted: list[Event], canon: Canon) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of the best one-to-one matching."""
    if not gold or not predicted:
        return []
    scores = np.array([[similarity(g, p, canon) for p in predicted] for g in gold])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if scores[r, c] > _NOT_ALLOWED / 2]
