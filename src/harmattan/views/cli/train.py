"""``harmattan train``: fit the extraction's trained components from the data the project ships."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Train the extraction's statistical models (seeded, offline).", no_args_is_help=True
    )
    group.command("subevent")(subevent)
    app.add_typer(group, name="train")


def subevent(
    data: list[Path] = typer.Option(
        None, "--data", help="Training JSONL files (default: the shipped harmattan/extraction/training)."
    ),
    out: Path = typer.Option(None, "--out", help="Where to write the model (default: the packaged model)."),
    validate: list[Path] = typer.Option(
        None, "--validate", help="Labelled snippets to score the new model on (never trained on)."
    ),
    c: float = typer.Option(30.0, "--c", help="Inverse regularisation strength."),
    min_df: int = typer.Option(2, "--min-df", help="Drop n-grams seen in fewer training texts."),
) -> None:
    """Fit the sub-event classifier (word n-grams, TF-IDF, logistic regression) and write its artifact."""
    from harmattan.evaluation.metrics import label_scores
    from harmattan.extraction.components.classify import sub_event_types
    from harmattan.extraction.models.training import (
        TrainingDataError,
        default_model_path,
        default_training_files,
        label_of,
        read_snippets,
        train_subevent,
    )

    types = set(sub_event_types())
    files = list(data) if data else default_training_files()
    try:
        model = train_subevent(files, types, c=c, min_df=min_df, seed=0)
        held = read_snippets(validate, types) if validate else []
    except (TrainingDataError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    target = out or default_model_path()
    digest = model.save(target)
    texts, labels = model.meta["texts"], len(model.classes)
    typer.echo(f"trained on {texts} snippets from {len(files)} file(s), {labels} labels")
    typer.echo(f"{len(model.vocabulary)} features; wrote {target} (content sha256 {digest[:16]})")
    if held:
        s = label_scores([label_of(r) for r in held], model.predict([r["text"] for r in held]))
        typer.echo(f"validation: {s.n} snippets, accuracy {s.accuracy:.3f}, macro-F1 {s.macro_f1:.3f}")
        for gold, predicted, count in s.confusions[:10]:
            typer.echo(f"  {count:3d}  {gold} -> {predicted}")
