import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from harmattan.documents.ingest import ingest
from harmattan.settings import Settings
from harmattan.store.database import Database
from harmattan.store.schema import documents, ingest_errors, ingest_runs


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def doc_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(documents)) or 0)


def test_ingest_is_idempotent(database: Database, settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", "Attack near Djibo\nGunmen killed 5 soldiers near Djibo on Sunday.")
    write(folder / "b.md", "# Manifestation à Niamey\nDes milliers de manifestants à Niamey.")
    write(
        folder / "c.jsonl",
        json.dumps({"text": "gunmen killed 5 soldiers near djibo on sunday.", "title": "Attack near Djibo"})
        + "\n",
    )
    first = ingest([folder], database, settings)
    assert (first.documents_new, first.documents_duplicate, first.errors) == (3, 0, [])
    # Same content in another file (case and spacing differ): a duplicate, not a new document.
    write(folder / "d.txt", "ATTACK NEAR DJIBO\n\nGunmen  killed 5 soldiers near Djibo on Sunday.")
    second = ingest([folder], database, settings)
    assert second.documents_new == 0 and second.documents_duplicate == 1
    assert second.files_skipped == 3  # unchanged files are not read again
    assert doc_count(database) == 3
    with database.engine.connect() as conn:
        langs = dict(conn.execute(select(documents.c.origin, documents.c.language)).all())
    assert langs[str(folder / "b.md")] == "fr" and langs[str(folder / "a.txt")] == "en"


def test_bad_inputs_are_reported_and_do_not_stop_the_others(
    database: Database, tmp_path: Path, db_url: str
) -> None:
    settings = Settings(home=tmp_path / "home", db=db_url, max_document_bytes=2000)
    folder = tmp_path / "bad"
    write(folder / "binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    write(folder / "empty.txt", b"")
    write(folder / "huge.txt", "x" * 3000)
    write(folder / "latin1.txt", "Des hommes armés ont attaqué Ségou".encode("cp1252"))
    write(folder / "lines.jsonl", '{"text": "first good document"}\nnot json\n{"text": "second good one"}\n')
    write(folder / "good.txt", "A perfectly fine report about Gao.")
    report = ingest([folder], database, settings)
    messages = {Path(e.path).name + (f":{e.line}" if e.line else ""): e.message for e in report.errors}
    assert set(messages) == {"binary.txt", "empty.txt", "huge.txt", "lines.jsonl:2"}
    assert "binary" in messages["binary.txt"] and "empty" in messages["empty.txt"]
    assert "over the 0.002 MB limit" in messages["huge.txt"]
    assert report.documents_new == 4  # latin1, two good jsonl lines, good.txt
    with database.engine.connect() as conn:
        run = conn.execute(select(ingest_runs)).one()._mapping
        assert run["status"] == "completed_with_errors" and run["errors"] == 4
        assert conn.scalar(select(func.count()).select_from(ingest_errors)) == 4
        assert "Ségou" in conn.scalar(select(documents.c.text).where(documents.c.origin.like("%latin1.txt")))
    # A file with errors is read again next time and reported again; nothing is duplicated.
    again = ingest([folder], database, settings)
    assert len(again.errors) == 4 and again.documents_new == 0


def test_kill_9_during_a_large_ingest_then_rerun_stores_each_document_once(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "big"
    n_files, per_file = 6, 400
    for f in range(n_files):
        lines = [
            json.dumps(
                {
                    "text": f"Report {f}-{i}: clashes reported near Gao, {i} people displaced.",
                    "language": "en",
                }
            )
            for i in range(per_file)
        ]
        write(folder / f"part{f}.jsonl", "\n".join(lines) + "\n")
    env = {**os.environ, "HARMATTAN_DB": db_url, "HARMATTAN_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "harmattan", "ingest", str(folder)]
    db = Database(db_url)
    db.upgrade()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while doc_count(db) < per_file and time.time() < deadline:  # wait until it is part-way through
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = doc_count(db)
    assert 0 < partial < n_files * per_file, "the kill should land mid-ingest"
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert doc_count(db) == n_files * per_file
    with db.engine.connect() as conn:
        hashes = conn.scalar(select(func.count(func.distinct(documents.c.content_hash))))
        statuses = [row[0] for row in conn.execute(select(ingest_runs.c.status).order_by(ingest_runs.c.id))]
    assert hashes == n_files * per_file
    assert statuses == ["interrupted", "completed"]
    db.close()
