"""A report is unique by (document, pipeline version, ordinal): one sequential index for what two did.

``report_key`` (a content-hash prefix, the ordinal and the version) stays the portable id of a
report; it stays unique because a document's content hash is. Its unique index made every bulk
insert land at a random place of a million-entry B-tree; the (document, version, ordinal) index
grows at its end and also serves the lookups of the index it replaces (measured on SQLite, 1M
reports with evidence: 25.6 s -> 17.9 s).

On SQLite the table is rebuilt (batch mode): its views are dropped and made again around it;
``env.py`` runs the migration in one transaction with foreign keys off (so that dropping the old
table cascades nothing) and checks them before the commit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copies of the views over event_reports at this revision (as in 0003).
VIEWS = {
    "v_event_sources": (
        "SELECT e.event_key, m.how, m.score, m.reason, r.report_key, r.pipeline_version, "
        "d.id AS document_id, d.title, d.url, d.published_at, s.name AS source_name, "
        "COALESCE(d.near_dup_of, d.id) AS source_unit "
        "FROM events e JOIN event_members m ON m.event_id = e.id "
        "JOIN event_reports r ON r.id = m.report_id JOIN documents d ON d.id = r.document_id "
        "LEFT JOIN sources s ON s.id = d.source_id"
    ),
    "v_claims": (
        "SELECT e.event_key, c.field, c.value, c.value_num, c.chosen, c.claimant, c.source_name, "
        "c.document_id, r.report_key FROM claims c JOIN events e ON e.id = c.event_id "
        "JOIN event_reports r ON r.id = c.report_id"
    ),
    "v_report_evidence": (
        "SELECT r.report_key, r.document_id, v.field, v.sentence, v.start_char, v.end_char, v.text, v.rule "
        "FROM report_evidence v JOIN event_reports r ON r.id = v.report_id"
    ),
}


def _rebuild(change: object) -> None:
    # what an interrupted batch rebuild of an older, non-transactional run may have left
    op.execute("DROP TABLE IF EXISTS _alembic_tmp_event_reports")
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    change()  # type: ignore[operator]
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def upgrade() -> None:
    def change() -> None:
        with op.batch_alter_table("event_reports") as batch:
            batch.drop_constraint("uq_event_reports_report_key", type_="unique")
            batch.drop_index("ix_event_reports_doc_version")
            batch.create_unique_constraint(
                "uq_event_reports_doc_version_ordinal", ["document_id", "pipeline_version", "ordinal"]
            )

    _rebuild(change)


def downgrade() -> None:
    def change() -> None:
        with op.batch_alter_table("event_reports") as batch:
            batch.drop_constraint("uq_event_reports_doc_version_ordinal", type_="unique")
            batch.create_index("ix_event_reports_doc_version", ["document_id", "pipeline_version"])
            batch.create_unique_constraint("uq_event_reports_report_key", ["report_key"])

    _rebuild(change)


_ = sa  # the revision's imports stay those of its siblings
