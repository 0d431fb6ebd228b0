from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.sources.catalogue import CatalogueError, load_catalogue, register_catalogue
from harmattan.store import sources as store
from harmattan.store.database import Database

REQUIRED_OUTLETS = {
    "rfi-afrique",
    "le-monde-afrique",
    "jeune-afrique",
    "studio-tamani",
    "sahelien",
    "maliweb",
    "lefaso-net",
    "actuniger",
    "air-info",
    "benin-web-tv",
    "reuters-africa",
    "ap-africa",
    "afp-france24-afrique",
    "al-jazeera",
    "defense-post",
    "maghrebi",
    "crisis-group",
    "critical-threats",
}


def test_the_shipped_catalogue_validates_and_covers_the_outlets() -> None:
    entries = load_catalogue()
    names = {e.name for e in entries}
    assert names >= REQUIRED_OUTLETS
    assert {e.language for e in entries} >= {"fr", "en"}
    assert all(not e.verified for e in entries if e.feed)  # nothing was fetched live when it was written
    claims = [e for e in entries if e.type == "armed_group_claims"]
    assert claims and all(not e.fetchable and e.feed is None and e.homepage is None for e in claims)
    assert {"wire", "national_press", "radio", "think_tank", "government"} <= {e.type for e in entries}


def test_invalid_catalogues_name_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(
        "version: 1\nsources:\n"
        "  - {name: Bad Name, title: x, homepage: null, feed: 'ftp://x', kind: rss, language: fr,"
        " countries: [ML], type: blog}\n"
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(bad)
    message = str(caught.value)
    assert "sources/0/name" in message and "sources/0/feed" in message and "sources/0/type" in message


def test_a_claims_channel_with_a_url_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(
        "version: 1\nsources:\n"
        "  - {name: c, title: x, homepage: 'https://x.org', feed: null, kind: none, language: ar,"
        " countries: [ML], type: armed_group_claims}\n"
    )
    with pytest.raises(CatalogueError, match="without URLs"):
        load_catalogue(bad)


def test_registering_keeps_live_verification_and_disables_unfetchable_entries(database: Database) -> None:
    entries = load_catalogue()
    register_catalogue(database, entries)
    store.save_source(database, "sahelien", verified=True)
    register_catalogue(database, entries, types=("national_press",))
    assert store.get_source(database, "sahelien")["verified"] is True
    reuters = store.get_source(database, "reuters-africa")
    assert reuters["enabled"] is False and reuters["kind"] == "none"
    rfi = store.get_source(database, "rfi-afrique")
    assert (rfi["kind"], rfi["source_type"], rfi["country"], rfi["enabled"]) == ("rss", "radio", "FR", True)
