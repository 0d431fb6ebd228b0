from pathlib import Path

import networkx as nx
from analysis_scenarios import D, algeria_mali, ev

from harmattan.analysis import frame, relations

ROLLUP = {
    "dz-government": "dz-state",
    "dz-military": "dz-state",
    "ml-government": "ml-state",
    "ml-air-force": "ml-state",
    "ml-military": "ml-state",
}


def _edges() -> frame.pl.DataFrame:
    return relations.edge_events(frame.from_records(algeria_mali()), ROLLUP)


def test_algeria_mali_falls_event_by_event() -> None:
    steps = relations.timeline(_edges(), "ml-state", "dz-state")
    assert [s.event_id for s in steps] == [f"dzml-{i:02d}" for i in range(1, 10)]
    assert [s.kind for s in steps][:3] == ["CONSULT", "COOPERATE", "DISAPPROVE"]
    assert steps[6].kind == "Explosions/Remote violence" and steps[6].delta < 0  # the drone shot down
    assert [s.score for s in steps] == [0.5, 2.0, 1.0, -0.5, -2.0, -3.0, -1.0, -2.5, -4.0]
    assert [s.sign for s in steps] == [1, 1, 1, -1, -1, -1, -1, -1, -1]


def test_shift_detection_finds_the_sign_change_of_december_2023_with_its_evidence() -> None:
    found = relations.shifts(_edges())
    flips = [s for s in found if s.kind == "sign_change"]
    assert [(s.a, s.b, s.date) for s in flips] == [("dz-state", "ml-state", D(2023, 12, 1))]
    assert flips[0].before == 2.0 and flips[0].after == -2.0
    assert flips[0].evidence == ["dzml-03", "dzml-04", "dzml-05"]
    big = [s for s in found if s.kind == "weight_change"]
    assert [(s.date, s.after) for s in big] == [(D(2025, 4, 1), -4.0)]


def test_graph_window_weights_signs_and_evidence() -> None:
    g = relations.graph(_edges(), at=D(2024, 6, 30), window_days=365)
    edge = g.edges["dz-state", "ml-state"]
    assert edge["weight"] == -3.5 and edge["sign"] == -1 and edge["hostile"] == 4 and edge["allied"] == 1
    assert edge["evidence"] == ["dzml-02", "dzml-03", "dzml-04", "dzml-05", "dzml-06"]
    early = relations.graph(_edges(), at=D(2023, 10, 1), window_days=365)
    assert early.edges["dz-state", "ml-state"]["sign"] == 1


def test_fighting_is_hostile_association_is_allied_and_civilians_are_not_nodes() -> None:
    fr = frame.from_records(
        [
            ev(
                "b1",
                D(2024, 7, 27),
                "fla",
                "ml-military",
                inter1=2,
                inter2=1,
                assoc_actor_2="Africa Corps",
                event_type="Battles",
            ),
            ev(
                "b2",
                D(2024, 8, 1),
                "jnim",
                "civilians-ml",
                inter1=2,
                inter2=7,
                event_type="Violence against civilians",
            ),
        ]
    )
    edges = relations.edge_events(fr, resolve=lambda name, day: {"Africa Corps": "africa-corps"}.get(name))
    g = relations.graph(edges)
    assert g.edges["fla", "ml-military"]["weight"] == -1.0
    assert g.edges["africa-corps", "ml-military"]["weight"] == 1.0
    assert "civilians-ml" not in g and "jnim" not in g


def test_graphml_and_json_exports(tmp_path: Path) -> None:
    g = relations.graph(_edges(), at=D(2025, 4, 30))
    path = tmp_path / "g.graphml"
    relations.write_graphml(g, path)
    back = nx.read_graphml(path)
    assert back.edges["dz-state", "ml-state"]["evidence"] == "dzml-07;dzml-08;dzml-09"
    data = relations.to_json(g)
    assert data["edges"][0]["evidence"] == ["dzml-07", "dzml-08", "dzml-09"]
    assert {n["id"] for n in data["nodes"]} == {"dz-state", "ml-state"}


def test_state_rollup_from_the_pack() -> None:
    roll = relations.state_rollup()
    assert roll["ml-military"] == "ml-state" and roll["dz-government"] == "dz-state"
    assert "jnim" not in roll
