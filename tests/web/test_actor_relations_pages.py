"""In headless Chromium: the actor page's footprint time control and the relations graph's edge evidence.

Screenshots go to ``test-artifacts/``, like the dashboard tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]")


def footprint(page: Any) -> list[str]:
    return [page.inner_text(f"#footprint-table tbody tr >> nth={i} >> td >> nth=1")
            for i in range(page.locator("#footprint-table tbody tr").count())]  # fmt: skip


def test_footprint_time_control_redraws_and_keeps_the_period_in_the_url(page: Any) -> None:
    page.goto("/actors/ml-military")
    ready(page)
    assert sorted(footprint(page)) == ["Gao", "Kidal", "Ménaka"]
    assert page.get_attribute("#footprint-map", "data-period") == "all"
    assert page.locator("#footprint-map path.footprint-place").count() == 3
    page.screenshot(path=str(ARTIFACTS / "actor-all-time.png"), full_page=True)

    page.select_option("#period-window", "1")  # one month, ending with the latest (May 2024)
    expect(page.locator("#footprint-map")).to_have_attribute("data-period", "2024-05-01/2024-05-31")
    ready(page)
    assert sorted(footprint(page)) == ["Gao", "Ménaka"]
    assert "since=2024-05-01" in page.url and "until=2024-05-31" in page.url
    assert page.locator("#footprint-map path.footprint-place").count() == 2

    page.fill("#period-end", "0")  # the slider's first month: February 2024, the Kidal drone strike
    expect(page.locator("#footprint-map")).to_have_attribute("data-period", "2024-02-01/2024-02-29")
    ready(page)
    assert footprint(page) == ["Kidal"]
    assert page.locator("#actor-timeline rect.out-of-period").count() == 1  # May (no event in Mar/Apr)
    page.screenshot(path=str(ARTIFACTS / "actor-footprint-2024-02.png"), full_page=True)

    page.reload()  # the period lives in the URL: a shared link shows the same footprint
    ready(page)
    assert footprint(page) == ["Kidal"] and page.input_value("#period-end") == "0"
    assert page.inner_text("#period-label") == "2024-02-01 – 2024-02-29"
    page.go_back()
    expect(page.locator("#footprint-map")).to_have_attribute("data-period", "2024-05-01/2024-05-31")
    page.click("#period-all")
    expect(page.locator("#footprint-map")).to_have_attribute("data-period", "all")
    assert "since=" not in page.url and len(footprint(page)) == 3
    assert page.errors == []


def test_relations_edge_click_shows_its_evidence(page: Any) -> None:
    page.goto("/relations")
    ready(page)
    assert int(page.get_attribute("#graph", "data-edges")) >= 2
    assert page.locator("#edge-detail").is_hidden()
    edge = page.locator('#graph g.edge-g[data-edge*="is-sahel"]')
    box = edge.bounding_box()  # a real pointer click on the line (a vertical line has no width: no .click())
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.75)
    detail = page.locator("#edge-detail")
    expect(detail).to_be_visible()
    expect(detail).to_have_attribute("data-state", "ready")
    assert "Islamic State Sahel Province" in page.inner_text("#edge-title")
    assert page.locator("#edge-evidence li").count() == 1
    assert page.locator("#edge-evidence blockquote.evidence mark").count() == 1
    assert "Ménaka" in page.inner_text("#edge-evidence")
    assert "selected" in (edge.get_attribute("class") or "")
    page.screenshot(path=str(ARTIFACTS / "relations-edge.png"), full_page=True)

    page.click('#edges tr[data-edge*="dz-state"] button.show-edge')  # the table does the same
    expect(page.locator("#edge-title")).to_contain_text("Algeria")
    expect(detail).to_have_attribute("data-state", "ready")
    page.fill("#at", "1")  # as of the end of March 2024: only the Algeria-Mali edge is in the window
    expect(page.locator("#graph")).to_have_attribute("data-edges", "1")
    assert "at=2024-03-31" in page.url and page.inner_text("#at-label") == "2024-03-31"
    page.reload()  # the date lives in the URL
    ready(page)
    assert page.input_value("#at") == "1" and page.get_attribute("#graph", "data-edges") == "1"
    page.click('#edges tr[data-edge*="dz-state"] button.show-edge')
    expect(page.locator("#edge-detail")).to_have_attribute("data-state", "ready")
    page.click("#edge-evidence li a >> nth=0")
    page.wait_for_selector("blockquote.evidence mark")
    assert "ambassadeur" in page.inner_text("#reports")
    assert page.errors == []


def many_actors(n: int = 60) -> dict[str, Any]:
    """A graph bigger than the view draws: a ring of n actors with long names, plus chords."""
    nodes = [{"id": f"a{i:02d}", "name": f"Actor number {i} with a long official name"} for i in range(n)]
    edges = []
    for i in range(n):
        for step, weight in ((1, -(i + 1)), (7, 2.5)):
            j = (i + step) % n
            edges.append({"source": f"a{i:02d}", "target": f"a{j:02d}", "weight": weight,
                          "sign": 1 if weight > 0 else -1, "hostile": int(weight < 0),
                          "allied": int(weight > 0),
                          "events": abs(int(weight)) or 1, "first": "2024-01-01", "last": "2024-05-01",
                          "evidence": []})  # fmt: skip
    return {"at": "", "window_days": 0, "nodes": nodes, "edges": edges}


def test_relations_with_many_actors_draws_the_busiest_with_labels_inside(page: Any) -> None:
    import json

    body = json.dumps(many_actors())
    page.route("**/api/relations*", lambda route: route.fulfill(status=200, content_type="application/json",
                                                                 body=body))  # fmt: skip
    page.goto("/relations")
    ready(page)
    assert page.get_attribute("#graph", "data-nodes") == "40"
    assert "40" in page.inner_text("#graph-note") and "60" in page.inner_text("#graph-note")
    assert page.locator("#edges tbody tr").count() == 120  # the table keeps every pair
    page.screenshot(path=str(ARTIFACTS / "relations-many-actors.png"))  # the graph; the table is long
    frame = page.locator("#graph").bounding_box()
    labels = page.locator("#graph text.node-label")
    assert labels.count() == 40
    for i in range(40):
        box = labels.nth(i).bounding_box()
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
        assert (labels.nth(i).text_content() or "").endswith("…")  # shortened; full name in the title
    widths = {float(w) for w in page.locator("#graph line.edge").evaluate_all(
        "lines => lines.map(l => l.getAttribute('stroke-width'))")}  # fmt: skip
    assert max(widths) == 9 and min(widths) < 3  # weights stay distinguishable
    assert page.errors == []
