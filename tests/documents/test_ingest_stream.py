"""Ingest reads all files as one stream: each document must still be credited to its own file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from harmattan.documents.ingest import Ingester
from harmattan.documents.prepare import Prepared, Source, prepare_source
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema import documents, ingested_files

ARTICLE = "Gunmen killed {n} soldiers near Djibo on Sunday, the army said in a statement on Monday."


def archive(folder: Path) -> Path:
    folder.mkdir()
    lines = [json.dumps({"text": ARTICLE.format(n=n), "url": f"https://example.org/{n}"}) for n in range(3)]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "b-empty.txt").write_text("")  # a read error, no documents
    (folder / "c-bad.jsonl").write_text(json.dumps({"text": ARTICLE.format(n=10)}) + "\n{broken\n")
    (folder / "d.txt").write_text(ARTICLE.format(n=20))
    (folder / "e.jsonl").write_text(json.dumps({"text": ARTICLE.format(n=0)}) + "\n")  # a copy of a.jsonl:1
    return folder


def read_everything_first(sources: Iterator[Source]) -> Iterator[list[Prepared]]:
    """A prepare stage with the longest possible look-ahead: every file is read before anything is stored."""
    everything = list(sources)
    for source in everything:
        yield prepare_source(source, sign=True)


def state(db: Database) -> tuple[object, object]:
    with db.engine.connect() as conn:
        files = conn.execute(select(ingested_files.c.path, ingested_files.c.documents)).all()
        docs = conn.execute(select(documents.c.content_hash, documents.c.origin, documents.c.language)).all()
    return sorted((Path(path).name, count) for path, count in files), sorted(docs)


def test_documents_and_done_files_do_not_depend_on_how_far_the_stage_reads_ahead(tmp_path: Path) -> None:
    folder = archive(tmp_path / "in")
    results = []
    for name, prepare in (("here", None), ("ahead", read_everything_first)):
        settings = Settings(home=tmp_path / name, db=f"sqlite:///{tmp_path / name}.sqlite")
        db = Database(settings.database_url)
        db.upgrade()
        report = Ingester(db, settings, prepare=prepare).ingest_paths([folder])
        assert (report.files_seen, report.documents_new, report.documents_duplicate) == (5, 5, 1)
        assert sorted(str(e).split(":")[0] for e in report.errors) == [
            str(folder / "b-empty.txt"),
            str(folder / "c-bad.jsonl"),
        ]
        results.append(state(db))
        again = Ingester(db, settings, prepare=prepare).ingest_paths([folder])
        # Files with errors are read again (and their documents found again); the others are skipped.
        assert (again.files_skipped, again.documents_new, again.documents_duplicate) == (3, 0, 1)
        assert state(db) == results[-1]
        db.close()
    assert results[0] == results[1]
    files, _ = results[0]
    assert files == [("a.jsonl", 3), ("d.txt", 1), ("e.jsonl", 1)]
