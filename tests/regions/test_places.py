"""Lookups in the shipped Sahel gazetteer: spellings, country hints, admin areas old and new."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.regions.places import Gazetteer, Place

PACK = Path(__file__).resolve().parents[2] / "src" / "harmattan" / "regions" / "sahel"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer.load(PACK, cache_dir=tmp_path_factory.mktemp("gazetteer-cache"))


def first(gaz: Gazetteer, name: str, country: str | None = None) -> Place:
    found = gaz.search(name, country)
    assert found, f"nothing found for {name!r}"
    return found[0]


@pytest.mark.parametrize("spelling", ["Tin-Zaouatene", "Tinzaouaten", "Tinzawatene", "TINZAOUATÈNE",
                                      "Tin Zaouatene", "Ti-n-Zaouâtene"])  # fmt: skip
def test_tinzaouaten_spellings_find_one_town(gaz: Gazetteer, spelling: str) -> None:
    place = first(gaz, spelling)
    assert (place.id, place.country, place.admin1) == ("gn:2476086", "ML", "Kidal")


@pytest.mark.parametrize(
    ("spelling", "place_id", "country", "admin1"),
    [
        # Mali
        ("Ménaka", "gn:2453514", "ML", "Ménaka"),
        ("menaka", "gn:2453514", "ML", "Ménaka"),
        ("Anderamboukane", "gn:2461034", "ML", "Ménaka"),
        ("Andéramboukane", "gn:2461034", "ML", "Ménaka"),
        ("Diafarabé", "gn:2459126", "ML", "Mopti"),
        ("Boulkessy", "cur:ml-boulkessi", "ML", "Douentza"),
        ("Aguelhoc", "gn:2461247", "ML", "Kidal"),
        ("Ogossagou", "gn:6867217", "ML", "Bandiagara"),
        # Burkina Faso (2025 region names)
        ("Djibo", "gn:2361177", "BF", "Soum"),
        ("Barsalogho", "gn:2362735", "BF", "Kuilsé"),
        ("Solhan", "gn:2356040", "BF", "Liptako"),
        ("Seytenga", "gn:2355472", "BF", "Liptako"),
        ("Arbinda", "gn:2363174", "BF", "Soum"),
        # Niger
        ("Tillabéri", "gn:2438678", "NE", "Tillabéri"),
        ("Tillabery", "gn:2438678", "NE", "Tillabéri"),
        ("Tilaberi", "gn:2438678", "NE", "Tillabéri"),
        ("Tahoua", "gn:2439376", "NE", "Tahoua"),
        ("Inatès", "cur:ne-inates", "NE", "Tillabéri"),
        # Northern Benin and Togo's Savanes
        ("Karimama", "cur:bj-karimama", "BJ", "Alibori"),
        ("Kérou", "cur:bj-kerou", "BJ", "Atakora"),
        ("Kerou", "cur:bj-kerou", "BJ", "Atakora"),
        ("Malanville", "gn1000:bj-malanville", "BJ", "Alibori"),
        ("Banikoara", "gn1000:bj-banikoara", "BJ", "Alibori"),
        ("Tanguieta", "gn1000:bj-tanguieta", "BJ", "Atakora"),
        ("Point triple", "cur:bj-point-triple", "BJ", "Alibori"),
        ("Pendjari", "cur:bj-pendjari", "BJ", "Atakora"),
        ("Dapaong", "gn1000:tg-dapaong", "TG", "Savanes"),
        ("Cinkassé", "cur:tg-cinkasse", "TG", "Savanes"),
    ],
)
def test_towns_across_spellings(
    gaz: Gazetteer, spelling: str, place_id: str, country: str, admin1: str
) -> None:
    place = first(gaz, spelling)
    assert (place.id, place.country, place.admin1) == (place_id, country, admin1)


def test_country_hint_ranks_first(gaz: Gazetteer) -> None:
    # "Bosso" is a town in Diffa (Niger) and villages in Burkina Faso and Mali.
    assert first(gaz, "Bosso").country == "NE"
    assert first(gaz, "Bosso", "BF").country == "BF"
    assert first(gaz, "Bosso", "ml").country == "ML"
    # The W park: Niger's GeoNames entry, or the Benin section when the report is about Benin.
    assert first(gaz, "Parc W").id == "gn:6980619"
    assert first(gaz, "Parc W", "BJ").id == "cur:bj-parc-w"
    assert first(gaz, "Mango", "TG").id == "gn1000:tg-sansanne-mango"


def test_importance_orders_same_name_candidates(gaz: Gazetteer) -> None:
    kidal = gaz.search("Kidal")
    assert [p.kind for p in kidal[:2]] == ["populated", "admin1"]  # the town before the region
    # A town that is the seat of a same-named commune comes before the commune.
    assert [p.kind for p in gaz.search("Malanville")] == ["populated", "admin2"]


@pytest.mark.parametrize(
    ("phrase", "level", "place_id", "name"),
    [
        ("Ménaka region", None, "gn:12070577", "Ménaka"),
        ("région de Ménaka", None, "gn:12070577", "Ménaka"),
        ("Taoudénit", 1, "gn:12070575", "Taoudénit"),
        ("région de Bandiagara", None, "cur:ml-region-bandiagara", "Bandiagara"),
        ("cercle de Douentza", None, "gn:7670549", "Douentza"),
        ("Centre-Nord", None, "gn:6930706", "Kuilsé"),
        ("région du Centre-Nord", None, "gn:6930706", "Kuilsé"),
        ("Kuilsé region", None, "gn:6930706", "Kuilsé"),
        ("Sahel region", None, "gn:6930713", "Liptako"),
        ("région de l'Est", None, "gn:6930709", "Goulmou"),
        ("Boucle du Mouhoun", None, "gn:6930701", "Bankui"),
        ("province du Soum", None, "gn:2355248", "Djelgodji"),
        ("Djelgodji", None, "gn:2355248", "Djelgodji"),
        ("Soum", 1, "cur:bf-region-soum", "Soum"),
        ("province du Sanmatenga", None, "gn:2355914", "Sandbondtenga"),
        ("département de Say", None, "gn:2439811", "Say"),
        ("Atacora", None, "gn:2395524", "Atakora"),
        ("préfecture de Kpendjal", None, "gn:2597447", "Kpendjal"),
    ],
)
def test_admin_areas_by_old_and_new_names(
    gaz: Gazetteer, phrase: str, level: int | None, place_id: str, name: str
) -> None:
    area = gaz.admin_area(phrase, level=level)
    assert area is not None
    assert (area.id, area.name) == (place_id, name)
    assert area.kind in ("admin1", "admin2")


def test_admin_area_levels_and_countries(gaz: Gazetteer) -> None:
    soum_region = gaz.admin_area("Soum", country="BF", level=1)
    soum_province = gaz.admin_area("Soum", country="BF", level=2)
    assert soum_region is not None and soum_province is not None
    assert (soum_region.kind, soum_province.kind) == ("admin1", "admin2")
    # Region seat's coordinates stand for the region (geo precision 3): Djibo for Soum.
    djibo = first(gaz, "Djibo")
    assert (soum_region.latitude, soum_region.longitude) == (djibo.latitude, djibo.longitude)
    assert gaz.admin_area("Ménaka region", country="NE") is None
    assert gaz.admin_area("Xqzzvw region") is None
    # search() falls back to admin areas for phrases with a level word.
    assert first(gaz, "Ménaka region").id == "gn:12070577"


def test_places_carry_current_admin_names(gaz: Gazetteer) -> None:
    assert first(gaz, "Kaya", "BF").admin1 == "Kuilsé"
    djibo = first(gaz, "Djibo")
    assert (djibo.admin1, djibo.admin2) == ("Soum", "Djelgodji")
    assert first(gaz, "Bandiagara").admin1 == "Bandiagara"
    assert first(gaz, "Araouane").admin1 == "Taoudénit"  # curated correction
    assert first(gaz, "Ouagadougou").admin1 == "Kadiogo"


def test_to_dict_is_the_cli_json_shape(gaz: Gazetteer) -> None:
    data = first(gaz, "Ménaka").to_dict()
    assert list(data) == ["id", "name", "country", "admin1", "admin2", "latitude", "longitude", "feature",
                          "population"]  # fmt: skip
    assert data["id"] == "gn:2453514" and data["feature"] == "P.PPLA" and data["population"] == 9110
    assert gaz.get("gn:2453514") == first(gaz, "Ménaka")
    assert gaz.get("gn:0") is None


def test_names_for_matchers(gaz: Gazetteer) -> None:
    names = dict(gaz.names())
    assert names["tinzawatene"] == ("gn:2476086",)
    assert names["karimama"][0] == "cur:bj-karimama"
    assert "est" not in names and "la" not in names  # stop-names stay out of text matchers
    assert "dire" in gaz.capitalised_only
    assert all(key == key.lower() and ids for key, ids in list(names.items())[:1000])


def test_fuzzy_fallback_for_near_misses(gaz: Gazetteer) -> None:
    assert first(gaz, "Anderamboukan").id == "gn:2461034"
    assert gaz.search("Xqzzvw Nowhere") == []
    assert gaz.search("") == []


def test_shipped_pack_is_valid(gaz: Gazetteer) -> None:
    assert gaz.validate() == []
    stats = gaz.stats()
    assert stats["places"] > 75_000 and stats["curated"] >= 20
    assert stats["country:ML"] > 15_000 and stats["country:BF"] > 9_000 and stats["country:NE"] > 15_000
