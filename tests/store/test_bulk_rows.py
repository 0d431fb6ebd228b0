"""The bulk path's dict rows: typed values converted, a missing optional column written as NULL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from harmattan.store import bulk


def test_dict_rows_with_a_missing_column_become_null(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'b.sqlite'}")
    names = Table("names", MetaData(), Column("id", Integer, primary_key=True), Column("name", String))
    notes = Table("notes", MetaData(), Column("note", String))
    names.metadata.create_all(engine)
    notes.metadata.create_all(engine)
    with engine.begin() as conn:
        bulk.insert_dicts(conn, names, [{"id": 1, "name": "Gao"}, {"id": 2}])
        bulk.insert_dicts(conn, notes, [{"note": "a"}, {}])
        rows = conn.execute(select(names.c.id, names.c.name).order_by(names.c.id)).all()
        assert [tuple(r) for r in rows] == [(1, "Gao"), (2, None)]
        assert sorted(conn.execute(select(notes.c.note)).scalars(), key=str) == [None, "a"]
    engine.dispose()
