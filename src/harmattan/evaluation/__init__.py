"""Measuring extraction against gold data: readers, matching, per-field metrics, reports.

from harmattan.evaluation import read_gold, evaluate
passages = read_gold("gold/passages_en.jsonl", split="test")
report = evaluate(passages, extractor=Extractor())
report.to_dict()["groups"]["all"]["fields"]["event_type"]
"""

from __future__ import annotations

from harmattan.evaluation.canon import Canon, admin_key
from harmattan.evaluation.evaluate import (
    EvalReport,
    ExtractorLike,
    Predictions,
    evaluate,
    predict,
    read_predictions,
    score,
)
from harmattan.evaluation.gold import SCORED_FIELDS, GoldEvent, GoldPassage
from harmattan.evaluation.matching import match_events
from harmattan.evaluation.readers import GoldFormatError, cameo_to_plover, detect_format, read_gold
from harmattan.evaluation.report import render_table, report_dict
from harmattan.evaluation.validate import Problem, validate_gold_file
from harmattan.regions.geo import haversine_km

__all__ = [
    "SCORED_FIELDS",
    "Canon",
    "EvalReport",
    "ExtractorLike",
    "GoldEvent",
    "GoldFormatError",
    "GoldPassage",
    "Predictions",
    "Problem",
    "admin_key",
    "cameo_to_plover",
    "detect_format",
    "evaluate",
    "haversine_km",
    "match_events",
    "predict",
    "read_gold",
    "read_predictions",
    "render_table",
    "report_dict",
    "score",
    "validate_gold_file",
]
