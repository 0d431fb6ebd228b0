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
