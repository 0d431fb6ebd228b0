"""The shipped Sahel actor registry: time-aware resolution, French names, case rules, generic terms."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.regions import ActorRegistry, load
from harmattan.regions.text import fold

D = dt.date


@pytest.fixture(scope="module")
def actors() -> ActorRegistry:
    return load("sahel").actors


def _id(
    registry: ActorRegistry, name: str, date: dt.date | None = None, country: str | None = None
) -> str | None:
    found = registry.resolve(name, date, country)
    return found.id if found else None


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Wagner", D(2022, 3, 1), "wagner-group"),
        ("Wagner", D(2025, 9, 1), "africa-corps"),
        ("Wagner", D(2026, 2, 1), "africa-corps"),
        ("instructeurs russes", D(2023, 5, 1), "wagner-group"),
        ("instructeurs russes", D(2025, 8, 1), "africa-corps"),
        ("CSP", D(2022, 1, 10), "csp-psd"),
        ("CSP", D(2024, 6, 1), "csp-dpa"),
        ("CSP", D(2025, 3, 1), "fla"),
        ("CSP-PSD", D(2025, 3, 1), "fla"),
        ("CMA", D(2025, 3, 1), "fla"),
        ("MNLA", D(2019, 3, 1), "mnla"),
        ("ISGS", D(2023, 5, 1), "is-sahel"),
        ("EIGS", D(2018, 5, 1), "is-sahel"),
        ("Islamic State in the Greater Sahara", D(2024, 1, 1), "is-sahel"),
        ("Serval", D(2016, 1, 1), "barkhane"),
        ("MUJAO", D(2014, 1, 1), "al-mourabitoun"),
        ("gendarmerie béninoise", D(2019, 1, 1), "bj-police"),
    ],
)
def test_alias_resolves_to_the_entity_valid_on_the_date(
    actors: ActorRegistry, name: str, date: dt.date, expected: str
) -> None:
    assert _id(actors, name, date) == expected


def test_a_name_shared_over_time_needs_a_date(actors: ActorRegistry) -> None:
    assert _id(actors, "CSP") is None
    assert {a.id for a in actors.candidates("CSP")} == {"csp-psd", "csp-dpa"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Forces armées maliennes", "ml-military"),
        ("FORCES ARMEES MALIENNES", "ml-military"),
        ("armée burkinabè", "bf-military"),
        ("Groupe de soutien à l'islam et aux musulmans", "jnim"),
        ("Groupe de soutien a l’Islam et aux musulmans", "jnim"),
        ("Jama'at Nusrat al-Islam wal-Muslimin", "jnim"),
        ("État islamique au Sahel", "is-sahel"),
        ("Etat islamique au Sahel", "is-sahel"),
        ("Front de libération de l'Azawad", "fla"),
        ("Al-Qaïda au Maghreb islamique", "aqim"),
        ("Volontaires pour la défense de la patrie", "bf-vdp"),
        ("Opération Barkhane", "barkhane"),
    ],
)
def test_french_and_transliterated_names(actors: ActorRegistry, name: str, expected: str) -> None:
    assert _id(actors, name, D(2024, 12, 15)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("FAMa", "ml-military"), ("FAN", "ne-military"), ("AES", "aes"), ("MSA", "msa"), ("EIGS", "is-sahel")],
)
def test_abbreviations_are_case_sensitive(actors: ActorRegistry, name: str, expected: str) -> None:
    assert _id(actors, name, D(2024, 1, 1)) == expected
    assert _id(actors, name.lower(), D(2024, 1, 1)) is None
    alias = next(a for a in actors.aliases() if a.text == name and a.actor_id == expected)
    assert alias.case_sensitive


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Volunteers for the Defence of the Homeland (VDP)", "bf-vdp"),
        ("Coordination of Azawad Movements (CMA)", "cma"),
        ("Groupe de soutien (JNIM)", "jnim"),
        ("Military Forces of Mali (2021-)", "ml-military"),
    ],
)
def test_name_with_an_aside_in_parentheses(actors: ActorRegistry, name: str, expected: str) -> None:
    assert _id(actors, name, D(2023, 10, 7)) == expected


def test_ordinary_names_are_case_insensitive(actors: ActorRegistry) -> None:
    assert _id(actors, "barkhane", D(2020, 1, 1)) == "barkhane"
    assert _id(actors, "DAN NA AMBASSAGOU") == "dan-na-ambassagou"


@pytest.mark.parametrize(
    ("name", "date", "country", "expected"),
    [
        ("CNSP", D(2020, 9, 1), None, "ml-government"),
        ("CNSP", D(2023, 9, 1), None, "ne-government"),
        ("CNSP", D(2022, 1, 1), "NE", "ne-government"),
        ("CNSP", D(2022, 1, 1), None, None),
        ("ISWAP", D(2020, 6, 1), "ML", "is-sahel"),
        ("ISWAP", D(2020, 6, 1), "NG", "iswap"),
        ("ISWAP", D(2023, 6, 1), "ML", "iswap"),
        ("État islamique", D(2024, 1, 1), "BF", "is-sahel"),
        ("Islamic State", D(2024, 1, 1), "NG", "iswap"),
        ("Daech", D(2024, 1, 1), None, "islamic-state"),
        # the first candidate of the country's list that exists on the date
        ("al-Qaeda", D(2016, 1, 15), "BF", "aqim"),
        ("Al-Qaïda", D(2019, 6, 1), "ML", "jnim"),
        ("Al Qaeda", D(2019, 6, 1), "DZ", "al-qaeda"),
        ("al-Qaeda", D(2019, 6, 1), None, "al-qaeda"),
    ],
)
def test_declared_ambiguities_apply_their_rule(
    actors: ActorRegistry, name: str, date: dt.date, country: str | None, expected: str | None
) -> None:
    assert _id(actors, name, date, country) == expected


@pytest.mark.parametrize(
    ("term", "country", "date", "expected"),
    [
        ("soldats", "ML", None, "ml-military"),
        ("troops", "BF", None, "bf-military"),
        ("FDS", "NE", None, "ne-military"),
        ("gendarmes", "BF", None, "bf-gendarmerie"),
        ("gendarmes", "BJ", D(2016, 1, 1), "bj-gendarmerie"),
        ("gendarmes", "BJ", D(2021, 1, 1), "bj-police"),
        ("policiers", "TG", None, "tg-police"),
        ("villageois", "NE", None, "civilians-ne"),
        ("civilians", "BJ", None, "civilians-bj"),
        ("manifestants", "ML", None, "protesters-ml"),
        ("orpailleurs", "BF", None, "miners-bf"),
        ("hommes armés non identifiés", None, None, "unidentified-armed-group"),
        ("HANI", "ML", None, "unidentified-armed-group"),
        ("terroristes", "BF", None, "unidentified-armed-group"),
        ("volontaires", "BF", None, "bf-vdp"),
        ("junte", "NE", None, "ne-government"),
    ],
)
def test_generic_terms_by_country(
    actors: ActorRegistry, term: str, country: str | None, date: dt.date | None, expected: str
) -> None:
    found = actors.generic(term, country, date)
    assert found is not None and found.id == expected


@pytest.mark.parametrize(
    ("term", "country"),
    [("soldiers", None), ("volontaires", "ML"), ("hani", "ML"), ("gardes nationaux", "BF")],
)
def test_generic_terms_without_an_actor_give_nothing(
    actors: ActorRegistry, term: str, country: str | None
) -> None:
    assert actors.generic(term, country) is None


def test_presence_facts_give_who_is_on_the_ground(actors: ActorRegistry) -> None:
    assert {"barkhane", "minusma", "wagner-group"} <= set(actors.present_on("ML", D(2022, 3, 1)))
    in_2024 = set(actors.present_on("ML", D(2024, 3, 1)))
    assert "wagner-group" in in_2024 and not {"barkhane", "minusma"} & in_2024
    assert "us-africom" in actors.present_on("NE", D(2024, 6, 1))
    assert "us-africom" not in actors.present_on("NE", D(2024, 9, 1))
    assert "fr-military" not in actors.present_on("TD", D(2025, 3, 1))
    facts = actors.presence("NE", "us-africom")
    assert [f.status for f in facts][-1] == "left" and all(f.source.startswith("http") for f in facts)


def test_required_ids_exist(actors: ActorRegistry) -> None:
    required = [
        f"{cc}-military" for cc in ("ml", "bf", "ne", "bj", "tg", "mr", "dz", "td", "ng", "ci", "gh", "sn")
    ]
    required += [f"{cc}-state" for cc in ("dz", "ru", "fr", "us", "tr", "ua", "cn", "ma")]
    required += [
        f"{kind}-{cc}"
        for kind in ("civilians", "protesters", "rioters", "journalists", "miners")
        for cc in ("ml", "bf", "ne", "bj", "tg", "mr")
    ]
    required += [
        "bf-vdp",
        "dan-na-ambassagou",
        "dozo",
        "koglweogo",
        "gatia",
        "msa",
        "jnim",
        "ansar-dine",
        "katiba-macina",
        "al-mourabitoun",
        "aqim",
        "katiba-serma",
        "ansarul-islam",
        "is-sahel",
        "iswap",
        "jas-boko-haram",
        "mnla",
        "hcua",
        "maa",
        "cma",
        "csp-psd",
        "csp-dpa",
        "fla",
        "wagner-group",
        "africa-corps",
        "serval",
        "barkhane",
        "sabre",
        "takuba",
        "us-africom",
        "minusma",
        "eutm-mali",
        "eucap-sahel-mali",
        "eucap-sahel-niger",
        "g5-sahel-force",
        "ecowas",
        "african-union",
        "united-nations",
        "eu",
        "aes",
        "aes-unified-force",
        "unidentified-armed-group",
        "aid-workers",
        "fulani-militia",
        "dogon-militia",
        "ml-government",
        "ne-gendarmerie",
    ]
    assert [i for i in required if actors.get(i) is None] == []


def test_registry_shape(actors: ActorRegistry) -> None:
    assert len(actors) >= 200 and len(list(actors)) == len(actors)
    assert all(a.source and a.name and a.name_fr for a in actors)
    assert all(alias.folded == fold(alias.text) for alias in actors.aliases())
    civilians = actors.get("civilians-ml")
    assert civilians is not None and civilians.name == "Civilians (Mali)" and civilians.countries == ("ML",)
    assert actors.country_of_demonym("maliennes") == "ML" and actors.country_of_demonym("Burkinabè") == "BF"


def test_actor_json_shape(actors: ActorRegistry) -> None:
    data = actors.get("africa-corps").to_dict()  # type: ignore[union-attr]
    assert list(data) == [
        "id",
        "name",
        "name_fr",
        "inter",
        "kind",
        "countries",
        "valid_from",
        "valid_to",
        "affiliations",
    ]
    assert data["inter"] == 8 and data["valid_to"] is None
    assert {"type": "successor_of", "target": "wagner-group"}.items() <= data["affiliations"][1].items()


def test_a_national_force_stands_for_its_one_operation_on_the_ground(actors: ActorRegistry) -> None:
    def op(actor_id: str, country: str, day: str) -> str | None:
        found = actors.operation_of(actor_id, country, dt.date.fromisoformat(day))
        return found.id if found is not None else None

    assert op("fr-military", "ML", "2013-02-01") == "serval"
    assert op("fr-military", "NE", "2018-01-01") == "barkhane"
    assert op("fr-military", "BF", "2019-05-09") is None  # Barkhane and Sabre both there
    assert op("fr-military", "ML", "2023-06-01") is None  # gone
    assert op("barkhane", "ML", "2021-01-01") is None  # Takuba is part of Barkhane, not Barkhane
