"""``harmattan eval``: score extraction against gold files, and ``harmattan eval validate`` gold files."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import typer

HELP = """Score extraction against gold: GOLD is one or more files (project JSONL, UCDP GED CSV, PLOVER
JSON, PETRARCH-2 XML, CASE 2021 TSV; format auto-detected). Prints a per-field table (or --json).

`harmattan eval validate GOLD...` checks project gold JSONL files against the codebook labels."""


def _load_factory(spec: str) -> Any:
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "Extractor")


def _validate(paths: list[Path]) -> int:
    from harmattan.evaluation import validate_gold_file

    known = _known_actor()
    errors = warnings = 0
    for path in paths:
        for problem in validate_gold_file(path, known_actor=known):
            typer.echo(f"{path}: {problem}", err=problem.level == "error")
            errors += problem.level == "error"
            warnings += problem.level == "warning"
    typer.echo(f"{len(paths)} file(s): {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _known_actor() -> Any:
    from harmattan.evaluation.canon import region_pack

    pack = region_pack()
    if pack is None:
        return None
    return lambda actor_id: pack.actors.get(actor_id) is not None


def _run(passages: list[Any], factory: Any, workers: int, errors: Path | None) -> Any:
    """Evaluate, with a progress bar on stderr when it is a terminal."""
    from rich.console import Console
    from rich.progress import Progress

    from harmattan.evaluation import evaluate

    console = Console(stderr=True)
    if not console.is_terminal:
        return evaluate(passages, factory=factory, workers=workers, errors_path=errors)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("extracting", total=len(passages))
        return evaluate(
            passages,
            factory=factory,
            workers=workers,
            errors_path=errors,
            progress=lambda n: bar.advance(task, n),
        )


def register(app: typer.Typer) -> None:
    @app.command("eval", help=HELP)
    def eval_command(
        gold: list[Path] = typer.Argument(
            ..., help="Gold file(s), or `validate` followed by gold JSONL file(s)."
        ),
        format: str | None = typer.Option(
            None, "--format", help="jsonl, ucdp, plover, petrarch or case2021."
        ),
        split: str = typer.Option(
            "all", "--split", help="dev, test or all (formats without splits: all rows)."
        ),
        lang: str | None = typer.Option(None, "--lang", help="Only passages in this language (en, fr)."),
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        limit: int | None = typer.Option(None, "--limit", min=1, help="Score only the first N passages."),
        workers: int = typer.Option(1, "--workers", min=1, help="Extraction worker processes."),
        errors: Path | None = typer.Option(
            None, "--errors", help="Write per-passage mismatches here (JSONL)."
        ),
        predictions: Path | None = typer.Option(
            None,
            "--predictions",
            help="Score these events (JSON lines with document_id) instead of extracting.",
        ),
        extractor: str = typer.Option(
            "harmattan.extraction:Extractor", "--extractor", help="module:callable building the extractor."
        ),
    ) -> None:
        if gold and str(gold[0]) == "validate" and not gold[0].exists():
            raise typer.Exit(_validate(gold[1:]))
        from harmattan.evaluation import GoldFormatError, read_gold, render_table

        if split not in ("dev", "test", "all"):
            raise typer.BadParameter("--split must be dev, test or all")
        passages = []
        try:
            for path in gold:
                passages += read_gold(path, format=format, split=split, lang=lang)
        except (GoldFormatError, OSError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        passages = passages[:limit] if limit else passages
        if predictions is not None:
            from harmattan.evaluation import read_predictions, score

            try:
                report = score(passages, read_predictions(predictions, passages), errors_path=errors)
            except (OSError, ValueError) as exc:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(2) from exc
        else:
            try:
                factory = _load_factory(extractor)
            except (ImportError, AttributeError) as exc:
                typer.echo(f"error: cannot load the extractor {extractor!r}: {exc}", err=True)
                raise typer.Exit(2) from exc
            report = _run(passages, factory, workers, errors)
        data = {"gold": [str(p) for p in gold], "split": split, "lang": lang, **report.to_dict()}
        if as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return
        from rich.console import Console

        title = f"harmattan eval {' '.join(p.name for p in gold)} (split {split})"
        Console().print(render_table(data, title=title))
