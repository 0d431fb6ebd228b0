"""Event reports with evidence, fused events, claims, corrections, snapshots, and SQL views.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)

TABLES = (
    "event_vocab", "report_evidence", "event_members", "claims", "processed_documents", "extraction_errors",
    "event_reports", "event_tactics", "event_actors", "snapshots", "merge_log", "fusion_runs",
    "extraction_runs", "events", "corrections",
)

# Frozen copies of harmattan.store.schema_events.VIEWS at this revision.
VIEWS = {
    "v_events": (
        "SELECT e.event_key, e.event_date, e.date_precision, e.event_type, e.sub_event_type, "
        "e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2, e.country, "
        "e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.geo_precision, e.fatalities, "
        "e.tactics, e.plover_type, e.confidence, e.n_reports, e.n_sources, e.sources, e.corrected "
        "FROM events e WHERE e.status = 'active'"
    ),
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


def upgrade() -> None:
    op.create_table('corrections',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('anchors', sa.JSON(), nullable=False),
    sa.Column('event_key', sa.String(length=24), nullable=True),
    sa.Column('state', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('applied_event_key', sa.String(length=24), nullable=True),
    sa.Column('applied_at', TS, nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrections'))
    )
    op.create_table('events',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('event_key', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='active', nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.Integer(), server_default='1', nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=True),
    sa.Column('sub_event_type', sa.String(length=64), nullable=True),
    sa.Column('actor1', sa.String(length=200), nullable=True),
    sa.Column('actor1_id', sa.String(length=100), nullable=True),
    sa.Column('assoc_actor_1', sa.String(length=400), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2', sa.String(length=200), nullable=True),
    sa.Column('actor2_id', sa.String(length=100), nullable=True),
    sa.Column('assoc_actor_2', sa.String(length=400), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=100), nullable=True),
    sa.Column('admin2', sa.String(length=100), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('tactics', sa.String(length=400), nullable=True),
    sa.Column('plover_type', sa.String(length=32), nullable=True),
    sa.Column('historical', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('confidence', sa.Float(), server_default='0', nullable=False),
    sa.Column('n_reports', sa.Integer(), server_default='1', nullable=False),
    sa.Column('n_sources', sa.Integer(), server_default='1', nullable=False),
    sa.Column('sources', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('corrected', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('fusion_run_id', PK, nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('event_key', name=op.f('uq_events_event_key'))
    )
    op.create_index('ix_events_admin1_date', 'events', ['admin1', 'event_date'], unique=False)
    op.create_index('ix_events_country_date', 'events', ['country', 'event_date'], unique=False)
    op.create_index('ix_events_date', 'events', ['event_date'], unique=False)
    op.create_index('ix_events_lat_lon', 'events', ['latitude', 'longitude'], unique=False)
    op.create_index('ix_events_sub_type_date', 'events', ['sub_event_type', 'event_date'], unique=False)
    op.create_index('ix_events_type_date', 'events', ['event_type', 'event_date'], unique=False)
    op.create_table('extraction_runs',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('started_at', TS, nullable=False),
    sa.Column('finished_at', TS, nullable=True),
    sa.Column('status', sa.String(length=32), server_default='running', nullable=False),
    sa.Column('workers', sa.Integer(), server_default='1', nullable=False),
    sa.Column('documents', sa.Integer(), server_default='0', nullable=False),
    sa.Column('reports', sa.Integer(), server_default='0', nullable=False),
    sa.Column('errors', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extraction_runs'))
    )
    op.create_table('fusion_runs',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('started_at', TS, nullable=False),
    sa.Column('finished_at', TS, nullable=True),
    sa.Column('status', sa.String(length=32), server_default='running', nullable=False),
    sa.Column('state_token', sa.String(length=200), nullable=True),
    sa.Column('reports', sa.Integer(), server_default='0', nullable=False),
    sa.Column('events', sa.Integer(), server_default='0', nullable=False),
    sa.Column('merges', sa.Integer(), server_default='0', nullable=False),
    sa.Column('corrections_applied', sa.Integer(), server_default='0', nullable=False),
    sa.Column('corrections_unresolved', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fusion_runs'))
    )
    op.create_table('merge_log',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('fusion_run_id', PK, nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('report_id', PK, nullable=False),
    sa.Column('other_report_id', PK, nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_log'))
    )
    op.create_index(op.f('ix_merge_log_report_id'), 'merge_log', ['report_id'], unique=False)
    op.create_table('snapshots',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=True),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshots')),
    sa.UniqueConstraint('name', name=op.f('uq_snapshots_name'))
    )
    op.create_table('event_actors',
    sa.Column('event_id', PK, nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('actor_key', sa.String(length=200), nullable=False),
    sa.Column('actor_id', sa.String(length=100), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events'), ondelete='CASCADE')
    )
    op.create_index('ix_event_actors_event', 'event_actors', ['event_id'], unique=False)
    op.create_index('ix_event_actors_key_date', 'event_actors', ['actor_key', 'event_date'], unique=False)
    op.create_table('event_tactics',
    sa.Column('event_id', PK, nullable=False),
    sa.Column('tactic', sa.String(length=40), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_tactics_event_id_events'), ondelete='CASCADE')
    )
    op.create_index('ix_event_tactics_event', 'event_tactics', ['event_id'], unique=False)
    op.create_index('ix_event_tactics_tactic_date', 'event_tactics', ['tactic', 'event_date'], unique=False)
    op.create_table('event_reports',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('report_key', sa.String(length=120), nullable=False),
    sa.Column('document_id', PK, nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.Integer(), server_default='1', nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=True),
    sa.Column('sub_event_type', sa.String(length=64), nullable=True),
    sa.Column('actor1', sa.String(length=200), nullable=True),
    sa.Column('actor1_id', sa.String(length=100), nullable=True),
    sa.Column('assoc_actor_1', sa.String(length=400), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2', sa.String(length=200), nullable=True),
    sa.Column('actor2_id', sa.String(length=100), nullable=True),
    sa.Column('assoc_actor_2', sa.String(length=400), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.String(length=100), nullable=True),
    sa.Column('admin2', sa.String(length=100), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('tactics', sa.String(length=400), nullable=True),
    sa.Column('plover_type', sa.String(length=32), nullable=True),
    sa.Column('historical', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('confidence', sa.Float(), server_default='0', nullable=False),
    sa.Column('extras', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_reports_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_reports')),
    sa.UniqueConstraint('report_key', name=op.f('uq_event_reports_report_key'))
    )
    op.create_index('ix_event_reports_doc_version', 'event_reports', ['document_id', 'pipeline_version'], unique=False)
    op.create_table('extraction_errors',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('run_id', PK, nullable=False),
    sa.Column('document_id', PK, nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_extraction_errors_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['extraction_runs.id'], name=op.f('fk_extraction_errors_run_id_extraction_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extraction_errors'))
    )
    op.create_index(op.f('ix_extraction_errors_run_id'), 'extraction_errors', ['run_id'], unique=False)
    op.create_table('processed_documents',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('document_id', PK, nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('is_current', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('reports', sa.Integer(), server_default='0', nullable=False),
    sa.Column('processed_at', TS, nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_processed_documents_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processed_documents')),
    sa.UniqueConstraint('document_id', 'pipeline_version', name='uq_processed_documents_doc_version')
    )
    op.create_index('ix_processed_documents_current', 'processed_documents', ['is_current', 'document_id'], unique=False)
    op.create_index('ix_processed_documents_version', 'processed_documents', ['pipeline_version', 'document_id'], unique=False)
    op.create_table('event_vocab',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value_fold', sa.String(length=200), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'value_fold', 'value', name=op.f('pk_event_vocab'))
    )
    op.create_table('claims',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('event_id', PK, nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('value_num', sa.Float(), nullable=True),
    sa.Column('report_id', PK, nullable=False),
    sa.Column('document_id', PK, nullable=False),
    sa.Column('source_name', sa.String(length=200), nullable=True),
    sa.Column('claimant', sa.String(length=200), nullable=True),
    sa.Column('chosen', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_claims_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index(op.f('ix_claims_event_id'), 'claims', ['event_id'], unique=False)
    op.create_table('event_members',
    sa.Column('event_id', PK, nullable=False),
    sa.Column('report_id', PK, nullable=False),
    sa.Column('source_unit', PK, nullable=True),
    sa.Column('how', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('matched_report_id', PK, nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_members_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['event_reports.id'], name=op.f('fk_event_members_report_id_event_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'report_id', name=op.f('pk_event_members'))
    )
    op.create_index('ix_event_members_report', 'event_members', ['report_id'], unique=False)
    op.create_table('report_evidence',
    sa.Column('id', PK, autoincrement=True, nullable=False),
    sa.Column('report_id', PK, nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('document_id', PK, nullable=True),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('rule', sa.String(length=120), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_report_evidence_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['event_reports.id'], name=op.f('fk_report_evidence_report_id_event_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_evidence'))
    )
    op.create_index(op.f('ix_report_evidence_report_id'), 'report_evidence', ['report_id'], unique=False)

    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name in TABLES:
        op.drop_table(name)
