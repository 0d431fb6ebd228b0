import datetime as dt

import pandas as pd
import polars as pl

from harmattan.analysis import frame
from harmattan.records import Event


def test_from_records_takes_events_and_dicts_and_fills_actor_ids_from_names() -> None:
    event = Event(
        event_date=dt.date(2024, 7, 27),
        actor1="Front de Libération de l'Azawad",
        actor1_id=None,
        tactics=["armed drone"],
        extras={"event_id": "k1"},
    )
    fr = frame.from_records(
        [
            event,
            {
                "event_key": "k0",
                "event_date": "2024-07-26",
                "actor1": "JNIM",
                "actor1_id": "jnim",
                "fatalities": None,
            },
        ]
    )
    assert fr["event_id"].to_list() == ["k0", "k1"]  # sorted by date
    assert fr["actor1_id"].to_list() == ["jnim", "front de liberation de l azawad"]
    assert fr["tactics"].to_list() == [[], ["armed drone"]]
    assert fr["fatalities"].to_list() == [0, 0]
    assert fr.schema == pl.Schema(frame.SCHEMA)


def test_from_table_reads_pandas_with_acled_style_tactics_and_drops_undated_rows() -> None:
    table = pd.DataFrame(
        {
            "event_key": ["a", "b", "c"],
            "event_date": ["2024-01-02", None, "2024-01-01"],
            "tactics": ["IED; ambush", None, ""],
            "actor1": ["X", "Y", None],
        }
    )
    fr = frame.from_table(table)
    assert fr["event_id"].to_list() == ["c", "a"]
    assert fr["tactics"].to_list() == [[], ["IED", "ambush"]]


def test_assoc_long_resolves_each_name_once_and_drops_self_association() -> None:
    fr = frame.from_records(
        [
            {
                "event_id": "e1",
                "event_date": "2024-01-01",
                "actor1_id": "ml-military",
                "assoc_actor_1": "Wagner; Mali army",
            },
            {
                "event_id": "e2",
                "event_date": "2024-01-01",
                "actor1_id": "ml-military",
                "assoc_actor_1": "Wagner",
            },
        ]
    )
    calls = []

    def resolve(name: str, day: dt.date) -> str | None:
        calls.append(name)
        return {"Wagner": "wagner-group", "Mali army": "ml-military"}.get(name)

    rows = frame.assoc_long(fr, resolve)
    assert sorted(calls) == ["Mali army", "Wagner"]
    assert rows.select("event_id", "other").rows() == [("e1", "wagner-group"), ("e2", "wagner-group")]
