"""End to end in headless Chromium: map, filters, evidence, sign-in, a correction, CSV export, hostile text.

Screenshots go to ``test-artifacts/``. One browser for the session; each test has its own context.
Waits use locators, never ``wait_for_function`` strings: the CSP forbids eval, in tests as in use.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from playwright.sync_api import expect
from scenario import PASSWORDS

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]")


def test_map_filters_event_evidence_and_export(page: Any) -> None:
    page.goto("/")
    ready(page)
    assert page.get_attribute("#map", "data-markers") == "5"
    page.wait_for_selector(".leaflet-marker-icon")  # clusters or single markers drawn on the map
    assert page.locator("#events tbody tr").count() == 5
    assert page.locator("#timeline rect").count() == 4
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    page.fill("input[name=admin1]", "Menaka")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    ready(page)
    assert "admin1=Menaka" in page.url
    assert page.get_attribute("#map", "data-markers") == "1"
    assert "Ménaka" in page.inner_text("#events tbody")
    page.screenshot(path=str(ARTIFACTS / "dashboard-menaka.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert [r["admin1"] for r in rows] == ["Ménaka"]

    page.click("#events tbody a >> nth=0")
    page.wait_for_selector("blockquote.evidence mark")
    assert page.locator("#reports article.report").count() == 2
    assert "Studio Tamani" in page.inner_text("#claims") and "RFI" in page.inner_text("#claims")
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    page.go_back()
    ready(page)
    assert page.input_value("input[name=admin1]") == "Menaka"  # the view lives in the URL
    assert page.errors == []


def test_sign_in_and_correct_a_field(page: Any) -> None:
    page.goto("/?admin1=Ménaka")
    ready(page)
    page.click("#events tbody a >> nth=0")
    page.wait_for_selector("#event-key")
    event_url = page.url
    assert page.locator("#correct-form").count() == 0  # anonymous: read-only
    page.click("#login-link")
    page.fill("input[name=username]", "anna")
    page.fill("input[name=password]", PASSWORDS["anna"])
    page.click("#login-form button[type=submit]")
    page.wait_for_url(event_url)
    assert page.inner_text("#whoami") == "anna"
    page.select_option("#correct-form select[name=field]", "fatalities")
    page.fill("#correct-form input[name=value]", "15")
    page.fill("#correct-form input[name=reason]", "official toll")
    page.click("#correct-form button[type=submit]")
    expect(page.locator("#corrections")).to_contain_text("official toll")
    assert page.inner_text("tr[data-field=fatalities] td").strip() == "15"
    assert "anna" in page.inner_text("#corrections")
    page.screenshot(path=str(ARTIFACTS / "event-corrected.png"), full_page=True)
    assert page.errors == []


def test_hostile_text_stays_text_and_french_interface(page: Any, server: str) -> None:
    page.goto("/?admin1=Gao&lang=fr")
    ready(page)
    assert page.inner_text("header nav a >> nth=0") == "Carte"
    page.click("#events tbody a >> nth=0")
    page.wait_for_selector("blockquote.evidence")
    page.click("text=Ouvrir le document")
    page.wait_for_selector("#document-text mark")
    assert "<script>alert(2)</script>" in page.inner_text("#document-text")  # shown as text, not run
    page.screenshot(path=str(ARTIFACTS / "document-hostile.png"), full_page=True)
    page.goto("/review")
    page.wait_for_selector("#queue tbody tr")
    assert page.dialogs == [] and page.errors == []
