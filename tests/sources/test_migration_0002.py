from sqlalchemy import inspect

from harmattan.store.database import Database

NEW_TABLES = {
    "document_minhashes",
    "fetch_state",
    "source_fetches",
    "feed_items",
    "reference_events",
    "leads",
    "lead_mentions",
}


def test_0002_adds_tables_and_columns_and_downgrades_cleanly(db_url: str) -> None:
    db = Database(db_url)
    db.upgrade("0002")
    inspector = inspect(db.engine)
    assert set(inspector.get_table_names()) >= NEW_TABLES
    doc_columns = {c["name"] for c in inspector.get_columns("documents")}
    assert {"http_status", "near_dup_of", "near_dup_similarity"} <= doc_columns
    source_columns = {c["name"] for c in inspector.get_columns("sources")}
    assert {"homepage", "source_type", "enabled", "verified", "interval_s", "meta"} <= source_columns
    db.downgrade("0001")
    inspector = inspect(db.engine)
    assert not NEW_TABLES & set(inspector.get_table_names())
    assert "near_dup_of" not in {c["name"] for c in inspector.get_columns("documents")}
    db.upgrade("0002")
    assert db.status().current == "0002"
    db.close()
