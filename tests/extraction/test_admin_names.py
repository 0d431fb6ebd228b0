"""An event's admin names are those in force on its date (Burkina Faso's 2025 reform, Mali's 2023 regions)."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor

TEXT = "Burkina Faso: 14 soldiers killed in ambush near Djibo"


def test_before_the_reform_the_former_names(extractor: Extractor) -> None:
    (e,) = extractor.extract(TEXT, published=dt.date(2023, 3, 2))
    assert (e.admin1, e.admin2, e.location) == ("Sahel", "Soum", "Djibo")


def test_after_the_reform_the_new_names(extractor: Extractor) -> None:
    (e,) = extractor.extract(TEXT, published=dt.date(2025, 9, 2))
    assert (e.admin1, e.admin2) == ("Soum", "Djelgodji")


def test_gazetteer_names_on_a_date(extractor: Extractor) -> None:
    places = extractor.pack.places
    dori = places.search("Dori", "BF")[0]
    assert places.admin_names_on(dori, dt.date(2021, 1, 1))[0] == "Sahel"
    assert places.admin_names_on(dori, dt.date(2025, 8, 1))[0] == "Liptako"
    bandiagara = places.search("Bandiagara", "ML")[0]
    assert places.admin_names_on(bandiagara, dt.date(2022, 6, 1))[0] == "Mopti"
    assert places.admin_names_on(bandiagara, dt.date(2024, 6, 1))[0] == "Bandiagara"
    assert places.admin_names_on(dori, None)[0] == "Liptako"


def test_a_decision_with_no_place_is_at_the_capital(extractor: Extractor) -> None:
    text = "Niger's junta on Monday suspended its military cooperation with Benin, citing hostile acts."
    (e,) = extractor.extract(text, published=dt.date(2023, 8, 28))
    assert e.event_type == "Strategic developments"
    assert (e.country, e.admin1, e.geo_precision, e.location) == ("NE", "Niamey", 3, None)
    assert abs(e.latitude - 13.51) < 0.1 and abs(e.longitude - 2.11) < 0.1
