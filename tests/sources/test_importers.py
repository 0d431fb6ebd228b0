from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

from sqlalchemy import select

from harmattan.settings import Settings
from harmattan.sources.gdelt import import_gdelt
from harmattan.sources.tabular import ColumnMap, import_table
from harmattan.sources.ucdp import import_ucdp
from harmattan.store.database import Database
from harmattan.store.schema import documents, lead_mentions, leads, reference_events

FIXTURES = Path(__file__).parent / "fixtures"
UCDP_HEADER = (
    "id,country,date_start,date_end,type_of_violence,side_a,side_b,dyad_name,adm_1,adm_2,where_coordinates,"
    "latitude,longitude,where_prec,date_prec,best,low,high,source_headline,source_article,source_original,"
    "relid,where_description,ged_release"
)


def ucdp_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "ged.csv"
    path.write_text(UCDP_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_ucdp_rows_become_reference_events_with_provenance_and_bad_rows_are_named(
    database: Database, tmp_path: Path
) -> None:
    path = ucdp_file(
        tmp_path,
        "101,Burkina Faso,2019-01-01,2019-01-02,3,JNIM,Civilians,JNIM - Civilians,Centre-Nord region,"
        'Sanmatenga,Yirgou village,13.2,-1.1,1,1,49,40,210,"Attack in Yirgou",AFP 2019-01-03,,,Yirgou,25.1',
        "102,Burkina Faso,not-a-date,,1,Government of Burkina Faso,IS,,,,,,,,,3,3,3,,,,,,25.1",
        "103,Mali,2020-02-03,2020-02-03,1,Government of Mali,JNIM,,Mopti,,Sokolo,14.7,-5.9,2,1,"
        "20,20,30,,,,,,25.1",
    )
    report = import_ucdp(database, path)
    assert (report.rows, report.new, len(report.errors)) == (2, 2, 1)
    assert report.errors[0].line == 3 and "date_start" in report.errors[0].message
    with database.engine.connect() as conn:
        rows = {r.dataset_id: r for r in conn.execute(select(reference_events))}
    yirgou = rows["101"]
    assert (yirgou.dataset, yirgou.country, yirgou.event_date) == ("ucdp-ged", "BF", dt.date(2019, 1, 1))
    assert (yirgou.fatalities, yirgou.fatalities_low, yirgou.fatalities_high) == (49, 40, 210)
    assert yirgou.origin == f"{path}:2" and yirgou.raw["where_description"] == "Yirgou"
    assert rows["103"].country == "ML"
    again = import_ucdp(database, path)  # idempotent: updated in place, nothing new
    assert (again.new, again.updated) == (0, 2)


def test_the_shared_ucdp_file_imports_completely(database: Database) -> None:
    shared = Path("/work/shared/data/gold/ucdp_ged_sahel_train.csv")
    if not shared.exists():
        import pytest

        pytest.skip("shared data not mounted")
    report = import_ucdp(database, shared)
    assert (report.rows, report.new, report.errors) == (673, 673, [])


def test_not_a_ged_file_is_refused_with_the_missing_columns(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    report = import_ucdp(database, path)
    assert report.rows == 0 and "missing columns" in report.errors[0].message


def test_gdelt_events_are_filtered_to_the_sahel_and_mentions_attach_to_leads(
    database: Database, tmp_path: Path
) -> None:
    events = FIXTURES / "20250526120000.export.CSV"
    zipped = tmp_path / "20250526120000.mentions.CSV.gz"
    with (FIXTURES / "20250526120000.mentions.CSV").open("rb") as src, gzip.open(zipped, "wb") as dst:
        shutil.copyfileobj(src, dst)
    event_report, mention_report = import_gdelt(database, [zipped, events])  # events are read first
    assert (event_report.rows, event_report.new, len(event_report.errors)) == (7, 4, 1)
    assert event_report.errors[0].line == 4 and "61 tab-separated columns" in event_report.errors[0].message
    with database.engine.connect() as conn:
        kept = {r.dataset_id: r for r in conn.execute(select(leads))}
        mentions = [r.url for r in conn.execute(select(lead_mentions))]
    assert set(kept) == {
        "1200000001",
        "1200000002",
        "1200000003",
        "1200000006",
    }  # not Nigeria, France, Algeria
    menaka = kept["1200000001"]
    assert (menaka.country, menaka.event_code, menaka.event_date) == ("ML", "190", dt.date(2025, 5, 26))
    assert menaka.source_url == "https://example.org/menaka-attack" and menaka.status == "new"
    assert kept["1200000003"].country == "NE"  # FIPS NG is Niger, not Nigeria
    assert (mention_report.rows, mention_report.new, mention_report.skipped) == (5, 2, 2)
    assert sorted(mentions) == ["https://example.org/menaka-attack", "https://other.example/menaka"]
    assert import_gdelt(database, [events])[0].new == 0  # idempotent


def test_gdelt_country_option_takes_iso_codes(database: Database) -> None:
    [report] = import_gdelt(database, [FIXTURES / "20250526120000.export.CSV"], ["NG"])
    with database.engine.connect() as conn:
        kept = [r.location for r in conn.execute(select(leads))]
    assert report.new == 1 and kept == ["Maiduguri, Borno, Nigeria"]  # ISO NG (Nigeria) = GDELT's FIPS NI


def test_generic_csv_and_jsonl_with_mapped_columns(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    body = "Des hommes armés ont attaqué un convoi près de Djibo dimanche, selon des sources locales."
    csv_path = tmp_path / "dump.csv"
    csv_path.write_text(
        f'headline,body,link,pubdate,outlet\nConvoi attaqué,"{body}",https://x.org/1,2025-05-25,Sahel Info\n'
        ",,https://x.org/empty,2025-05-25,\n",
        encoding="utf-8",
    )
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text('{"body": "' + body + '", "headline": "copy"}\n{not json\n', encoding="utf-8")
    columns = ColumnMap(text="body", title="headline", url="link", date="pubdate", source="outlet")
    report = import_table(database, settings, csv_path, columns)
    assert (report.documents_new, len(report.errors)) == (1, 1) and "no text" in report.errors[0].message
    second = import_table(database, settings, jsonl, columns)
    assert (second.documents_new, second.documents_duplicate, len(second.errors)) == (0, 1, 1)
    with database.engine.connect() as conn:
        [row] = conn.execute(select(documents)).all()
    assert (row.title, row.url, row.published_at, row.language) == (
        "Convoi attaqué",
        "https://x.org/1",
        dt.date(2025, 5, 25),
        "fr",
    )
