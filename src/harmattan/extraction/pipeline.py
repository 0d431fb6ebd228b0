"""The extraction pipeline: small named components over one :class:`Doc`, assembled from config.

Each component declares ``name``, what it ``requires`` and what it ``provides`` (spaCy's
model); rule-based and trained components share one interface, ``fit(docs)`` and
``__call__(doc)`` (scikit-learn's ``fit``/``predict`` split). The default pipeline is
``config/default.yaml``; swap a component by naming another registered one there.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, ClassVar

import yaml

from harmattan.extraction.doc import Doc

REGISTRY: dict[str, type[Component]] = {}


class Component:
    """Base class: subclasses set ``name``/``requires``/``provides`` and implement ``__call__``."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, resources: Any = None, **settings: Any) -> None:
        unknown = set(settings) - set(self.defaults)
        if unknown:
            raise ValueError(f"component {self.name!r}: unknown settings {sorted(unknown)}")
        self.resources = resources
        self.settings: dict[str, Any] = {**self.defaults, **settings}

    def fit(self, docs: Iterable[Doc]) -> Component:
        """Learn from documents (rule-based components learn nothing and return themselves)."""
        return self

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def register(cls: type[Component]) -> type[Component]:
    """Class decorator: make a component available to pipeline configs by its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    REGISTRY[cls.name] = cls
    return cls


def default_config() -> dict[str, Any]:
    text = (
        importlib_resources.files("harmattan.extraction.config").joinpath("default.yaml").read_text("utf-8")
    )
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def read_config(config: str | Path | dict[str, Any] | None) -> dict[str, Any]:
    """A pipeline config from a mapping, a YAML file path, or the packaged default."""
    if config is None:
        return default_config()
    if isinstance(config, dict):
        return config
    data = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "pipeline" not in data:
        raise ValueError(f"{config}: a pipeline config needs a 'pipeline' list")
    return data


class Pipeline:
    """Components run in order; assembly checks that every requirement is provided earlier."""

    def __init__(self, components: Sequence[Component]) -> None:
        provided: set[str] = {"text"}
        for comp in components:
            missing = [r for r in comp.requires if r not in provided]
            if missing:
                raise ValueError(
                    f"component {comp.name!r} requires {missing}, provided by no earlier component"
                )
            provided.update(comp.provides)
        self.components = list(components)

    @classmethod
    def from_config(
        cls, config: dict[str, Any], resources: Any, overrides: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        import harmattan.extraction.components  # noqa: F401  (registers the built-in components)

        comps: list[Component] = []
        for item in config["pipeline"]:
            name, settings = (item, {}) if isinstance(item, str) else next(iter(dict(item).items()))
            if name not in REGISTRY:
                raise ValueError(f"unknown pipeline component {name!r}; known: {sorted(REGISTRY)}")
            merged = {**(settings or {}), **((overrides or {}).get(name, {}))}
            comps.append(REGISTRY[name](resources, **merged))
        return cls(comps)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Doc) -> Doc:
        for comp in self.components:
            if doc.stopped:
                break
            if doc.deadline is not None and time.monotonic() > doc.deadline:
                doc.notes.append(f"time limit reached before {comp.name!r}: results may be incomplete")
                break
            doc = comp(doc)
        return doc


def make_doc(text: str, published: dt.date | None = None, document_id: str | None = None) -> Doc:
    return Doc(
        text=text if isinstance(text, str) else str(text), published=published, document_id=document_id
    )
