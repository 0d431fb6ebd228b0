import datetime as dt

from harmattan.analysis import frame, trends


def _weekly(counts: list[int], start: dt.date = dt.date(2024, 1, 1)) -> list[dict[str, object]]:
    rows, n = [], 0
    for week, count in enumerate(counts):
        for k in range(count):
            n += 1
            rows.append(
                {
                    "event_id": f"e{n}",
                    "event_date": start + dt.timedelta(weeks=week, days=k % 5),
                    "country": "ML",
                    "admin1": "Gao",
                    "actor1_id": "jnim",
                    "event_type": "Battles",
                    "fatalities": 2,
                    "tactics": ["IED"] if k == 0 else [],
                }
            )
    return rows


def test_series_are_zero_filled_per_period() -> None:
    fr = frame.from_records(_weekly([2, 0, 0, 3]))
    table = trends.series(fr, "admin1", "week")
    assert table["events"].to_list() == [2, 0, 0, 3]
    assert table["fatalities"].to_list() == [4, 0, 0, 6]


def test_change_point_found_where_the_level_steps_up_with_its_evidence() -> None:
    fr = frame.from_records(_weekly([1] * 20 + [8] * 20))
    (trend,) = trends.trends(fr, ("country",), "week")
    assert [c.period for c in trend.change_points] == [dt.date(2024, 5, 20)]  # week 20
    cp = trend.change_points[0]
    assert (cp.before, cp.after) == (1.0, 8.0)
    assert len(cp.evidence) == 8 and all(e.startswith("e") for e in cp.evidence)
    assert trend.escalation is None  # a new level, but the last week is inside its recent range


def test_escalation_when_the_last_period_leaves_its_recent_range() -> None:
    fr = frame.from_records(_weekly([3, 4, 2, 3, 4, 3, 2, 3, 4, 3, 3, 2, 15]))
    (trend,) = trends.trends(fr, ("admin1",), "week")
    esc = trend.escalation
    assert esc is not None and esc.value == 15 and esc.recent_max == 4
    assert len(esc.evidence) == 15 and "Gao" in esc.sentence
    (flat,) = trends.trends(
        frame.from_records(_weekly([3, 4, 2, 3, 4, 3, 2, 3, 4, 3, 3, 2, 4])), ("admin1",), "week"
    )
    assert flat.escalation is None


def test_tactic_and_actor_dimensions_and_period_comparison() -> None:
    fr = frame.from_records(_weekly([2] * 10 + [6] * 10))
    by_tactic = trends.trends(fr, ("tactic",), "month")
    assert {t.key for t in by_tactic} == {"IED"} and by_tactic[0].total == 20
    (cmp,) = trends.compare_periods(
        fr, "actor", (dt.date(2024, 1, 1), dt.date(2024, 3, 10)), (dt.date(2024, 3, 11), dt.date(2024, 5, 31))
    )
    assert (cmp.key, cmp.events_a, cmp.events_b) == ("jnim", 20, 60)
    assert cmp.change == 2.0 and len(cmp.evidence) == 50
