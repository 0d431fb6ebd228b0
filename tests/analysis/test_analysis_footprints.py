import datetime as dt

import pytest
from analysis_scenarios import D, ev

from harmattan.analysis import footprints, frame
from harmattan.analysis.footprints import Capital
from harmattan.regions.geo import haversine_km

OUAGA = Capital("BF", "Ouagadougou", 12.36566, -1.53388)


def _jnim() -> frame.pl.DataFrame:
    return frame.from_records(
        [
            ev(
                "a",
                D(2019, 3, 1),
                "jnim",
                "bf-military",
                country="BF",
                admin1="Sahel",
                admin2="Soum",
                location="Djibo",
                latitude=14.0994,
                longitude=-1.6255,
            ),
            ev(
                "b",
                D(2019, 6, 1),
                "jnim",
                None,
                country="BF",
                admin1="Nord",
                admin2="Loroum",
                location="Titao",
                latitude=13.7667,
                longitude=-2.0667,
            ),
            ev(
                "c",
                D(2020, 4, 1),
                "bf-military",
                "jnim",
                country="BF",
                admin1="Sahel",
                admin2="Soum",
                location="Arbinda",
                latitude=14.2283,
                longitude=-0.8684,
            ),
            ev(
                "d",
                D(2020, 9, 1),
                "jnim",
                None,
                country="BF",
                admin1="Est",
                admin2="Gourma",
                location="Fada N'Gourma",
                latitude=12.0616,
                longitude=0.3584,
            ),
            ev(
                "x",
                D(2020, 9, 2),
                "is-sahel",
                None,
                country="BF",
                admin1="Centre",
                admin2="Kadiogo",
                location="Ouagadougou",
                latitude=12.37,
                longitude=-1.52,
            ),
        ]
    )


def test_footprint_sets_cells_and_frontier_list_their_events() -> None:
    fp = footprints.footprint(_jnim(), "jnim", capitals=[OUAGA])
    assert fp.events == 4
    assert fp.admin1 == {"BF/Est": ["d"], "BF/Nord": ["b"], "BF/Sahel": ["a", "c"]}
    assert set(fp.admin2) == {"BF/Sahel/Soum", "BF/Nord/Loroum", "BF/Est/Gourma"}
    assert len(fp.cells) == 4 and all(len(c) == 15 for c in fp.cells)  # four places, far apart
    (front,) = fp.frontier
    assert front.event_id == "b"  # Titao is closer to Ouagadougou than Fada N'Gourma
    assert front.distance_km == pytest.approx(haversine_km(13.7667, -2.0667, 12.36566, -1.53388), abs=0.1)
    assert 160 < front.distance_km < 170


def test_compare_lists_added_and_lost_areas_between_periods() -> None:
    change = footprints.compare(
        _jnim(), "jnim", (D(2019, 1, 1), D(2019, 12, 31)), (D(2020, 1, 1), D(2020, 12, 31))
    )
    assert change.added_admin1 == {"BF/Est": ["d"]}
    assert change.lost_admin1 == {"BF/Nord": ["b"]}
    assert "BF/Sahel/Soum" not in change.added_admin2 and "BF/Sahel/Soum" not in change.lost_admin2
    assert (
        len(change.added_cells) == 2 and len(change.lost_cells) == 2
    )  # Arbinda and Fada in, Djibo and Titao out


def test_spread_gives_one_footprint_per_year() -> None:
    years = footprints.spread(_jnim(), "jnim", "BF", [OUAGA])
    assert [(f.since, f.events, sorted(f.admin1)) for f in years] == [
        (D(2019, 1, 1), 2, ["BF/Nord", "BF/Sahel"]),
        (D(2020, 1, 1), 2, ["BF/Est", "BF/Sahel"]),
    ]


def test_capitals_come_from_the_pack_gazetteer() -> None:
    caps = {c.country: c for c in footprints.capitals_from_pack()}
    assert caps["BF"].name == "Ouagadougou" and caps["ML"].name == "Bamako"
    assert caps["BJ"].name == "Porto-Novo" and abs(caps["NE"].latitude - 13.51) < 0.1
    assert footprints.date_bounds(_jnim(), None, dt.date(2020, 1, 1)) == (D(2019, 3, 1), D(2020, 1, 1))
