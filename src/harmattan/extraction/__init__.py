"""Extraction: report text in, events with evidence out (``Extractor``; pipeline in ``pipeline.py``)."""

from harmattan.extraction.doc import Doc, Mention, Sentence
from harmattan.extraction.extractor import Extractor, Result, as_document
from harmattan.extraction.pipeline import REGISTRY, Component, Pipeline, register

__all__ = [
    "REGISTRY",
    "Component",
    "Doc",
    "Extractor",
    "Mention",
    "Pipeline",
    "Result",
    "Sentence",
    "as_document",
    "register",
]
