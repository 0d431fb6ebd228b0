from analysis_scenarios import D, ev

from harmattan.analysis import frame, presence
from harmattan.analysis.presence import Fact

FOREIGN = {
    "us-africom": ("US", "US forces"),
    "africa-corps": ("RU", "Africa Corps"),
    "tr-military": ("TR", "Turkey"),
}


def _frame() -> frame.pl.DataFrame:
    return frame.from_records(
        [
            ev(
                "p1",
                D(2024, 5, 19),
                "us-africom",
                None,
                inter1=8,
                country="NE",
                plover_type="RETREAT",
                event_type="Strategic developments",
            ),
            ev(
                "p2",
                D(2024, 8, 5),
                "us-africom",
                "ne-military",
                inter1=8,
                inter2=1,
                country="NE",
                event_type="Strategic developments",
                sub_event_type="Non-violent transfer of territory",
            ),
            ev(
                "p3",
                D(2024, 4, 20),
                "africa-corps",
                "is-sahel",
                inter1=8,
                inter2=2,
                country="NE",
                event_type="Battles",
            ),
            ev(
                "p4",
                D(2024, 6, 1),
                "africa-corps",
                "is-sahel",
                inter1=8,
                inter2=2,
                country="NE",
                event_type="Battles",
            ),
            ev(
                "p5",
                D(2024, 6, 2),
                "ne-military",
                "tr-military",
                inter1=1,
                inter2=8,
                country="NE",
                event_type="Strategic developments",
                plover_type="AGREE",
            ),
        ]
    )


def test_status_timeline_merges_facts_and_events_with_evidence() -> None:
    facts = [
        Fact("us-africom", "NE", "present", D(2013, 2, 1), "https://example.org/a"),
        Fact("us-africom", "NE", "announced_withdrawal", D(2024, 3, 16), "https://example.org/b"),
        Fact("us-africom", "NE", "left", D(2024, 8, 5), "https://example.org/c"),
        Fact("africa-corps", "NE", "arrived", D(2024, 4, 10), "https://example.org/d"),
    ]
    found = {(t.actor, t.country): t for t in presence.timelines(_frame(), facts, FOREIGN)}
    us = found[("us-africom", "NE")]
    assert [(c.date, c.status, c.basis) for c in us.changes] == [
        (D(2013, 2, 1), "present", "fact"),
        (D(2024, 3, 16), "drawing_down", "fact"),
        (D(2024, 8, 5), "left", "fact"),
    ]
    assert us.changes[1].evidence == ["https://example.org/b", "p1"]  # the RETREAT
    assert us.changes[2].evidence == ["https://example.org/c", "p2"]  # the base handed over that day
    assert us.status == "left" and us.since == D(2024, 8, 5)
    russia = found[("africa-corps", "NE")]
    assert [(c.status, c.evidence) for c in russia.changes] == [
        ("present", ["https://example.org/d", "p3", "p4"])
    ]
    # A defence agreement is a statement, not a presence on the ground: no timeline for Turkey.
    assert ("tr-military", "NE") not in found


def test_events_alone_show_a_force_arriving_and_a_country_filter() -> None:
    found = presence.timelines(_frame(), [], FOREIGN, country="NE")
    russia = next(t for t in found if t.actor == "africa-corps")
    assert (russia.status, russia.since, russia.changes[0].evidence) == (
        "present",
        D(2024, 4, 20),
        ["p3", "p4"],
    )
    assert presence.timelines(_frame(), [], FOREIGN, country="ML") == []


def test_pack_facts_show_france_and_the_us_out_of_niger_and_russia_in() -> None:
    found = {
        t.actor: t
        for t in presence.timelines(
            frame.empty(), presence.pack_facts(), presence.pack_foreign(), country="NE"
        )
    }
    assert found["fr-military"].status == "left" and found["us-africom"].status == "left"
    assert found["africa-corps"].status == "present"
    assert all(c.evidence and c.evidence[0].startswith("http") for t in found.values() for c in t.changes)
    dicts = [presence.to_dict(t) for t in found.values()]
    assert {"actor", "name", "country", "status", "since", "changes"} <= set(dicts[0])
