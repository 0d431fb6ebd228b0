"""The trained sub-event model: scikit-learn fits it, numpy predicts the same, the artifact reproduces."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from harmattan.extraction.components.classify import sub_event_types
from harmattan.extraction.models.subevent import NO_EVENT, SubEventModel, features
from harmattan.extraction.models.training import (
    TrainingDataError,
    default_model_path,
    default_training_files,
    read_snippets,
    train_subevent,
)

TEXTS = [
    "Soldiers and rebels fought for hours near the town.",
    "Insurgents and troops exchanged fire at a checkpoint.",
    "Thousands marched peacefully through the capital.",
    "Teachers rallied outside the ministry to demand pay.",
    "The minister will travel abroad next week.",
    "Fuel prices rose again this month.",
    "Police arrested five suspects in a dawn raid.",
    "Officers detained two men accused of smuggling arms.",
]
LABELS = ["Armed clash"] * 2 + ["Peaceful protest"] * 2 + [NO_EVENT] * 2 + ["Arrests"] * 2


def test_features_fold_accents_and_numbers() -> None:
    assert features("Des soldats tués à Ménaka, 12 morts") == [
        "des", "soldats", "tues", "a", "menaka", "0", "morts",
        "des soldats", "soldats tues", "tues a", "a menaka", "menaka 0", "0 morts",
    ]  # fmt: skip


def test_numpy_prediction_equals_scikit_learn() -> None:
    model = SubEventModel(min_df=1, c=5.0).fit(TEXTS, LABELS)
    vec = TfidfVectorizer(analyzer=features, min_df=1, sublinear_tf=True, norm="l2")
    clf = LogisticRegression(C=5.0, max_iter=2000, random_state=0).fit(vec.fit_transform(TEXTS), LABELS)
    probe = ["Rebels fought soldiers at a checkpoint.", "Students marched to the ministry.", "Nothing here"]
    expected = clf.predict_proba(vec.transform(probe))
    assert model.classes == list(clf.classes_)
    assert np.allclose(model.predict_proba(probe), expected, atol=1e-9)
    assert model.predict(probe)[:2] == ["Armed clash", "Peaceful protest"]


def test_saved_model_loads_and_is_byte_stable(tmp_path: Path) -> None:
    model = SubEventModel(min_df=1).fit(TEXTS, LABELS)
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    assert model.save(a) == SubEventModel(min_df=1).fit(TEXTS, LABELS).save(b)
    assert a.read_bytes() == b.read_bytes()
    loaded = SubEventModel.load(a)
    probe = ["Police detained three protesters."]
    assert np.allclose(loaded.predict_proba(probe), model.predict_proba(probe), atol=1e-4)
    with pytest.raises(ValueError, match="not a sub-event model"):
        SubEventModel.from_dict({"format": "other"})


def test_weights_name_the_words_that_speak_for_a_label() -> None:
    model = SubEventModel(min_df=1).fit(TEXTS, LABELS)
    weights = model.weights("Arrests")
    assert max(weights, key=weights.__getitem__) in {"arrested", "detained", "suspects", "police", "officers"}


def _write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "subevent_x.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", "utf-8")
    return path


ROW = {
    "id": "x-1",
    "language": "en",
    "text": "Police arrested five men.",
    "event_type": "Strategic developments",
    "sub_event_type": "Arrests",
    "style": "lead",
}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["{not json"], "x.jsonl:1: not JSON"),
        ([{**ROW, "extra": 1}], "keys must be"),
        ([{**ROW, "sub_event_type": "Skirmish"}], "unknown sub_event_type 'Skirmish'"),
        ([ROW, {**ROW, "id": "x-2", "text": "police  ARRESTED five men."}], "x.jsonl:2: the same text as"),
    ],
)
def test_bad_training_data_is_refused_with_its_line(tmp_path: Path, rows: list[object], message: str) -> None:
    with pytest.raises(TrainingDataError, match=message):
        read_snippets([_write(tmp_path, rows)], set(sub_event_types()))


def test_shipped_training_data_covers_every_sub_event_type_in_both_languages() -> None:
    rows = read_snippets(default_training_files(), set(sub_event_types()))
    for lang in ("en", "fr"):
        labels = {r["sub_event_type"] for r in rows if r["language"] == lang}
        assert labels == set(sub_event_types()) | {None}, lang


def test_shipped_model_is_the_one_the_shipped_data_makes() -> None:
    """Retraining from the shipped snippets with the shipped settings gives the shipped model (to float
    noise: the solver's last digits may differ between machines) and the same predictions."""
    shipped = SubEventModel.load(default_model_path())
    model = train_subevent(None, set(sub_event_types()), **shipped.to_dict()["settings"])
    assert model.classes == shipped.classes and model.vocabulary == shipped.vocabulary
    assert np.allclose(model.idf, shipped.idf, atol=1e-5)
    assert np.allclose(model.coef, shipped.coef, atol=1e-3)
    probe = [
        r["text"] for r in read_snippets([Path(__file__).parents[2] / "gold" / "subevent_validation.jsonl"])
    ]
    assert model.predict(probe) == shipped.predict(probe)


def test_model_cues_map_every_sub_event_type_to_a_known_cue() -> None:
    from harmattan.extraction.lexicon import load_taxonomy

    mapping = load_taxonomy("rules")["model_cues"]
    assert set(mapping) == set(sub_event_types())
    assert set(mapping.values()) <= set(load_taxonomy("triggers")["cues"])


def test_train_command_writes_a_model_and_scores_held_out_snippets(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from harmattan.views.cli import build_app

    rows = [
        {**ROW, "id": f"x-{i}", "text": text, "sub_event_type": None if label == NO_EVENT else label,
         "event_type": None if label == NO_EVENT else sub_event_types()[label]}
        for i, (text, label) in enumerate(zip(TEXTS, LABELS, strict=True))
    ]  # fmt: skip
    data = _write(tmp_path, rows)
    held = tmp_path / "held.jsonl"
    held.write_text(json.dumps({**rows[6], "id": "h-1", "text": "Police arrested three suspects."}) + "\n")
    out = tmp_path / "model.json.gz"
    args = ["train", "subevent", "--data", str(data), "--out", str(out), "--validate", str(held)]
    args += ["--min-df", "1"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    assert "trained on 8 snippets" in result.output
    assert "validation: 1 snippets, accuracy 1.000" in result.output
    assert SubEventModel.load(out).predict(["Police arrested two men."]) == ["Arrests"]
    bad = CliRunner().invoke(build_app(), ["train", "subevent", "--data", str(tmp_path / "missing.jsonl")])
    assert bad.exit_code == 1 and "error:" in bad.output
