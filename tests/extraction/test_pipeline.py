"""The pipeline is assembled from config; components declare what they need and provide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from harmattan.extraction import REGISTRY, Component, Doc, Extractor, Pipeline, register
from harmattan.extraction.pipeline import default_config


def test_default_config_names_registered_components() -> None:
    import harmattan.extraction.components  # noqa: F401  (registers them; alone, no earlier test has)

    names = [item if isinstance(item, str) else next(iter(item)) for item in default_config()["pipeline"]]
    assert names[:3] == ["normalise", "language", "sentences"]
    assert all(n in REGISTRY for n in names)
    for n in names:
        assert REGISTRY[n].name == n and isinstance(REGISTRY[n].provides, tuple)


def test_missing_requirement_is_refused(extractor: Extractor) -> None:
    with pytest.raises(ValueError, match="requires"):
        Pipeline.from_config({"pipeline": ["normalise", "events"]}, extractor.resources)


def test_unknown_component_and_setting_are_refused(extractor: Extractor) -> None:
    with pytest.raises(ValueError, match="unknown pipeline component"):
        Pipeline.from_config({"pipeline": ["nope"]}, extractor.resources)
    with pytest.raises(ValueError, match="unknown settings"):
        Pipeline.from_config({"pipeline": [{"normalise": {"colour": 1}}]}, extractor.resources)


@register
class UppercaseOnlyLanguage(Component):
    """A swapped-in language component: everything is English."""

    name = "test-english-only"
    requires = ("folded",)
    provides = ("lang",)

    def __call__(self, doc: Doc) -> Doc:
        doc.lang, doc.langs = "en", frozenset({"en"})
        return doc


def test_component_can_be_swapped_by_config(extractor: Extractor, tmp_path: Path) -> None:
    config = default_config()
    config["pipeline"] = ["test-english-only" if item == "language" else item for item in config["pipeline"]]
    swapped = Extractor(pack=extractor.pack, config=config)
    assert "test-english-only" in swapped.pipeline().names
    text = "Der Bundestag: 14 soldiers killed in ambush near Djibo"
    assert swapped.extract(text, published=dt.date(2021, 1, 1))
    config_file = tmp_path / "p.yaml"
    config_file.write_text("pipeline: [normalise, language, sentences]\n", encoding="utf-8")
    assert Extractor(pack=extractor.pack, config=config_file).extract(text) == []


def test_emit_historical_setting(extractor: Extractor) -> None:
    text = "Le 10 décembre 2019, des jihadistes ont tué 71 soldats à Inates, au Niger."
    flagged = extractor.extract(text, published=dt.date(2021, 1, 1))
    assert flagged and all(e.historical for e in flagged)
    config = default_config()
    config["pipeline"] = [
        {"consolidate": {"emit_historical": False}} if (isinstance(i, dict) and "consolidate" in i) else i
        for i in config["pipeline"]
    ]
    assert Extractor(pack=extractor.pack, config=config).extract(text, published=dt.date(2021, 1, 1)) == []


def test_the_mention_index_follows_a_list_swapped_for_one_of_the_same_length() -> None:
    from harmattan.extraction.doc import Doc, Mention, Sentence

    doc = Doc("deux morts", sentences=[Sentence(0, 0, 10)])
    doc.mentions = [Mention("numword", 0, 4, "deux", 2, 0)]
    assert doc.of_kind("number", 0) == []
    # number words turned into numbers: another list, the same length
    doc.mentions = [Mention("number", 0, 4, "deux", 2, 0)]
    assert [m.text for m in doc.of_kind("number", 0)] == ["deux"]
