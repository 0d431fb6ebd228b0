"""The evaluation report as a plain dict (for ``--json``) and as a Rich table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from harmattan.evaluation.gold import SCORED_FIELDS
from harmattan.evaluation.scoring import LABEL_FIELDS, GroupStats

if TYPE_CHECKING:
    from rich.table import Table

    from harmattan.evaluation.evaluate import EvalReport

#: (field, metric) rows of the table, in the order the issue lists them.
FIELD_METRICS: tuple[tuple[str, str], ...] = (
    ("event_type", "accuracy"),
    ("event_type", "macro_f1"),
    ("event_type", "macro_f1_all"),
    ("sub_event_type", "accuracy"),
    ("sub_event_type", "macro_f1"),
    ("sub_event_type", "macro_f1_all"),
    ("actor1", "accuracy"),
    ("actor2", "accuracy"),
    ("inter1", "accuracy"),
    ("inter2", "accuracy"),
    ("country", "accuracy"),
    ("admin1", "accuracy"),
    ("admin2", "accuracy"),
    ("location", "within_10km"),
    ("geo_precision", "accuracy"),
    ("event_date", "exact"),
    ("event_date", "within_1_day"),
    ("fatalities", "exact"),
    ("fatalities", "within_20pct"),
    ("fatalities", "within_low_high"),
    ("tactics", "precision"),
    ("tactics", "recall"),
    ("tactics", "f1"),
    ("plover_type", "accuracy"),
    ("plover_type", "macro_f1"),
    ("plover_type", "macro_f1_all"),
    ("historical", "accuracy"),
)

NOTE = (
    "Field metrics are computed on matched (gold, predicted) pairs where the gold states the field "
    "(weak gold such as UCDP: only where the text mentions it); n = pairs scored. macro_f1 is over matched "
    "pairs; macro_f1_all also counts unmatched gold events (FN) and unmatched predictions (FP)."
)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def group_dict(stats: GroupStats) -> dict[str, Any]:
    fields: dict[str, dict[str, Any]] = {}
    for name in SCORED_FIELDS:
        entry: dict[str, Any] = {"gold": stats.gold_fields.get(name, 0)}
        for key, rate in stats.rates.items():
            field_name, metric = key.split(".", 1)
            if field_name == name:
                entry[metric] = _round(rate.value())
                entry["n"] = max(entry.get("n", 0), rate.total)
        if name in LABEL_FIELDS and name in stats.gold_fields:
            entry["macro_f1"] = _round(stats.labels[name].macro())
            entry["macro_f1_all"] = _round(stats.labels_all[name].macro())
        if name == "tactics" and name in stats.gold_fields:
            entry.update({k: _round(v) for k, v in stats.tactics.result().items()})
            entry["n"] = stats.tactics.tp + stats.tactics.fn
        fields[name] = entry
    level = {k: _round(v) for k, v in stats.event_level().items()}
    return {
        "passages": stats.passages,
        "gold_events": stats.gold_events,
        "predicted_events": stats.predicted_events,
        "matched": stats.matched,
        **level,
        "empty_passages": stats.empty_passages,
        "false_alarm_passages": stats.false_alarm_passages,
        "false_alarms": stats.false_alarms,
        "fields": fields,
    }


def report_dict(report: EvalReport) -> dict[str, Any]:
    pred = report.predictions
    total_events = sum(len(events) for events in pred.events)
    docs = len(pred.events)
    return {
        **report.meta,
        "groups": {name: group_dict(report.groups[name]) for name in _group_order(report.groups)},
        "speed": {
            "documents": docs,
            "events": total_events,
            "seconds": round(pred.seconds, 3),
            "workers": pred.workers,
            "docs_per_s": round(docs / pred.seconds, 2) if pred.seconds else None,
            "events_per_s": round(total_events / pred.seconds, 2) if pred.seconds else None,
        },
        "failures": len(pred.failures),
        "note": NOTE,
    }


def _group_order(groups: dict[str, GroupStats]) -> list[str]:
    first = [name for name in ("all", "en", "fr") if name in groups]
    return first + sorted(set(groups) - set(first))


def _cell(entry: dict[str, Any], metric: str) -> str:
    value = entry.get(metric)
    if value is None:
        return "–"
    return f"{value:.3f} ({entry.get('n', 0)})"


def render_table(data: dict[str, Any], title: str = "harmattan eval") -> Table:
    """A Rich table: one row per (field, metric), one column per group (all, en, fr...)."""
    from rich.table import Table

    groups = list(data["groups"])
    table = Table(title=title, caption=NOTE, caption_justify="left")
    table.add_column("field", no_wrap=True)
    table.add_column("metric", no_wrap=True)
    for name in groups:
        table.add_column(f"{name} (n)", justify="right")
    for key, label in (("passages", "passages"), ("gold_events", "gold"), ("predicted_events", "predicted")):
        table.add_row("events", label, *[str(data["groups"][g][key]) for g in groups])
    table.add_row("events", "matched", *[str(data["groups"][g]["matched"]) for g in groups])
    for key in ("precision", "recall", "f1"):
        table.add_row("events", key, *[_fmt(data["groups"][g][key]) for g in groups])
    table.add_row(
        "events",
        "false alarms",
        *[
            f"{data['groups'][g]['false_alarm_passages']}/{data['groups'][g]['empty_passages']}"
            for g in groups
        ],
        end_section=True,
    )
    for name, metric in FIELD_METRICS:
        cells = [_cell(data["groups"][g]["fields"][name], metric) for g in groups]
        if any(cell != "–" for cell in cells):
            table.add_row(name, metric, *cells)
    speed = data["speed"]
    table.add_section()
    if speed["docs_per_s"] is not None:
        table.add_row("speed", "docs/s", str(speed["docs_per_s"]), *[""] * (len(groups) - 1))
        table.add_row("speed", "events/s", str(speed["events_per_s"]), *[""] * (len(groups) - 1))
    return table


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
