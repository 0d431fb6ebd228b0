"""The gazetteer build on a tiny GeoNames-format extract, and the checks and cache around it.

The fixture is written in the exact formats of ``shared/data/gazetteer`` (19-column dumps,
admin code tables, the cities1000 CSV), so the build runs end to end on real files.
"""

from __future__ import annotations

import csv
import shutil
import unicodedata
from pathlib import Path

import pytest

from harmattan.regions.gazetteer.build import COLUMNS, build_rows, main
from harmattan.regions.places import Gazetteer

PACK_PLACES = Path(__file__).resolve().parents[2] / "src" / "harmattan" / "regions" / "sahel" / "places"


def dump_line(gid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str,
              cc: str, admin1: str, admin2: str = "", population: int = 0) -> str:  # fmt: skip
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cols = [str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, admin2,
            "", "", str(population), "", "300", "Africa/Bamako", "2023-01-01"]  # fmt: skip
    return "\t".join(cols) + "\n"


ML_ROWS = [
    dump_line(
        2453514,
        "Ménaka",
        "Menaka,Ménaka,منكا,mei na ka,https://x.org/Menaka",
        15.9182,
        2.4022,
        "P",
        "PPLA",
        "ML",
        "12070577",
        "8631539",
        9110,
    ),
    dump_line(
        2461034,
        "Andéramboukane",
        "Anderamboukane,Amderamboukane",
        15.4275,
        3.0175,
        "P",
        "PPL",
        "ML",
        "12070577",
        "8631539",
    ),
    dump_line(2458334, "Douentza", "Duwansa", 15.00155, -2.94978, "P", "PPLA2", "ML", "04", "7670549", 28005),
    # admin code unknown ("00"): takes the nearest known place's admin names
    dump_line(2453375, "Mondoro", "Moundoro", 15.05, -2.90, "P", "PPL", "ML", "00"),
    dump_line(2461999, "Nowhere Well", "", 22.9, -5.9, "H", "WLL", "ML", "00"),
    # a dune is not kept
    dump_line(2461998, "Erg Test", "", 15.1, -2.8, "T", "DUNE", "ML", "04"),
    dump_line(2453347, "Mopti Region", "Région de Mopti,Fifth Region", 14.7, -3.4, "A", "ADM1", "ML", "04"),
]
BF_ROWS = [
    dump_line(2359608, "Kaya", "", 13.09167, -1.08444, "P", "PPLA", "BF", "05", "70", 39623),
    dump_line(2361177, "Djibo", "Jibo", 14.0994, -1.62554, "P", "PPLA2", "BF", "12", "40", 22223),
    dump_line(2361082, "Dori", "", 14.0354, -0.0345, "P", "PPLA", "BF", "12", "71", 37806),
    dump_line(2363174, "Aribinda", "", 14.22963, -0.86537, "P", "PPL", "BF", "12", "40"),
]
ADMIN1 = """ML.04\tMopti\tMopti\t2453347
ML.12070577\tMénaka\tMenaka\t12070577
BF.05\tCentre-Nord\tCentre-Nord\t6930706
BF.12\tSahel\tSahel\t6930713
BJ.07\tAlibori\tAlibori\t2597271
BJ.08\tAtakora\tAtakora\t2395524
"""
ADMIN2 = """ML.04.7670549\tDouentza Cercle\tDouentza Cercle\t7670549
ML.12070577.8631539\tCercle de Ménaka\tCercle de Menaka\t8631539
BF.05.70\tProvince du Sanmatenga\tProvince du Sanmatenga\t70
BF.12.40\tProvince du Soum\tProvince du Soum\t40
BF.12.71\tProvince du Séno\tProvince du Seno\t71
BJ.07.7874170\tMalanville\tMalanville\t7874170
"""
CITIES = """lat,lon,name,admin1,admin2,cc
11.86819,3.38327,Malanville,Atakora,,BJ
11.13417,2.93861,Kandi,Alibori,,BJ
14.0,-1.0,Ignored Because Dump,Sahel,,BF
"""
CURATED = """places:
  - {id: "cur:bj-karimama", name: Karimama, country: BJ, admin1: Alibori, latitude: 12.0667,
     longitude: 3.1833, feature: P.PPLA2, names: [Kalmanman], source: "https://fr.wikipedia.org/wiki/Karimama"}
aliases:
  - {id: "gn:2363174", names: [Arbinda], source: "https://voxsahel.com/?p=2238"}
"""


def write_extract(root: Path) -> Path:
    geonames = root / "shared" / "geonames"
    geonames.mkdir(parents=True)
    (geonames / "ML.txt").write_text("".join(ML_ROWS), encoding="utf-8")
    (geonames / "BF.txt").write_text("".join(BF_ROWS), encoding="utf-8")
    (geonames / "admin1CodesASCII.txt").write_text(ADMIN1, encoding="utf-8")
    (geonames / "admin2Codes.txt").write_text(ADMIN2, encoding="utf-8")
    (root / "shared" / "cities1000_west_africa.csv").write_text(CITIES, encoding="utf-8")
    return root / "shared"


def write_pack(root: Path, curated: str = CURATED) -> Path:
    """A pack folder with the real admin-change and spelling tables and a small curated file."""
    places = root / "pack" / "places"
    places.mkdir(parents=True)
    shutil.copy(PACK_PLACES / "admin_changes.yaml", places)
    shutil.copy(PACK_PLACES / "spelling.yaml", places)
    (places / "curated.yaml").write_text(curated, encoding="utf-8")
    return places


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, dict[str, dict[str, str]]]:
    shared = write_extract(tmp_path)
    places = write_pack(tmp_path)
    assert main([str(shared), "--out", str(places / "geonames.tsv")]) == 0
    with (places / "geonames.tsv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh, delimiter="\t")}
    return places.parent, rows


def test_rows_join_admin_names_and_keep_latin_spellings(
    built: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    _, rows = built
    menaka = rows["gn:2453514"]
    assert (menaka["country"], menaka["admin1"], menaka["admin2"]) == ("ML", "Ménaka", "Ménaka")
    assert (menaka["feature"], menaka["population"], menaka["kind"]) == ("P.PPLA", "9110", "populated")
    # Arabic script, machine transliterations and URLs are dropped; the accent-free spelling folds
    # to the name itself, so it is not repeated.
    assert menaka["names"] == ""
    assert rows["gn:2461034"]["names"] == "Amderamboukane"  # "Anderamboukane" folds to the name
    assert "gn:2461998" not in rows  # T.DUNE is not kept
    assert list(rows["gn:2453514"]) == list(COLUMNS)


def test_current_admin_names_replace_former_ones(built: tuple[Path, dict[str, dict[str, str]]]) -> None:
    _, rows = built
    # Burkina Faso 2025: Centre-Nord is Kuilsé; Soum province (Sahel) is in the new Soum region and
    # is now called Djelgodji; Séno stays with Dori in Liptako.
    assert (rows["gn:2359608"]["admin1"], rows["gn:2359608"]["admin2"]) == ("Kuilsé", "Sandbondtenga")
    assert (rows["gn:2361177"]["admin1"], rows["gn:2361177"]["admin2"]) == ("Soum", "Djelgodji")
    assert rows["gn:2361082"]["admin1"] == "Liptako"
    # Mali: Douentza cercle (Mopti) is the Douentza region since the 2023 law.
    assert rows["gn:2458334"]["admin1"] == "Douentza"


def test_unknown_admin_codes_come_from_the_nearest_place(
    built: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    _, rows = built
    mondoro = rows["gn:2453375"]
    assert (mondoro["admin1"], mondoro["admin2"]) == ("Douentza", "Douentza")
    assert mondoro["note"] == "admin from nearest place gn:2458334"
    # Too far from any known place: left unknown rather than guessed.
    assert rows["gn:2461999"]["admin1"] == ""


def test_admin_areas_sit_at_their_seat_and_keep_former_names(
    built: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    _, rows = built
    kuilse = rows["gn:6930706"]
    assert (kuilse["name"], kuilse["kind"], kuilse["feature"]) == ("Kuilsé", "admin1", "A.ADM1")
    assert (kuilse["latitude"], kuilse["longitude"]) == ("13.09167", "-1.08444")  # Kaya, its seat
    assert "Centre-Nord" in kuilse["names"].split("|")
    soum_province = rows["gn:40"]
    assert (soum_province["name"], soum_province["kind"]) == ("Djelgodji", "admin2")
    assert {"Soum", "Province du Soum"} <= set(soum_province["names"].split("|"))
    soum_region = rows["cur:bf-region-soum"]
    assert (soum_region["latitude"], soum_region["longitude"]) == ("14.09940", "-1.62554")  # Djibo
    mopti = rows["gn:2453347"]  # merged with the dump's ADM1 row and its alternate names
    assert "Région de Mopti" in mopti["names"].split("|")
    assert rows["gn:8631539"]["name"] == "Ménaka"  # "Cercle de Ménaka" shown without its level word


def test_cities1000_rows_get_slug_ids_and_corrected_departments(
    built: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    _, rows = built
    malanville = rows["gn1000:bj-malanville"]
    # The file files Malanville under Atakora; the commune table says Alibori.
    assert (malanville["admin1"], malanville["admin2"]) == ("Alibori", "Malanville")
    assert not any(r["name"] == "Ignored Because Dump" for r in rows.values())
    alibori = rows["gn:2597271"]
    assert (alibori["kind"], alibori["latitude"]) == (
        "admin1",
        "11.13417",
    )  # seat Kandi, from the seats table


def test_build_is_reproducible(tmp_path: Path) -> None:
    shared = write_extract(tmp_path)
    places = write_pack(tmp_path)
    first, second = places / "a.tsv", places / "b.tsv"  # next to the pack tables they are built with
    assert main([str(shared), "--out", str(first)]) == 0
    assert main([str(shared), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(build_rows(shared, places)) == len(first.read_text(encoding="utf-8").splitlines()) - 1


def test_missing_extract_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nothing"), "--out", str(tmp_path / "x.tsv")]) == 2
    assert "geonames not found" in capsys.readouterr().err


def test_gazetteer_on_the_fixture(built: tuple[Path, dict[str, dict[str, str]]], tmp_path: Path) -> None:
    pack, _ = built
    gaz = Gazetteer.load(pack, cache_dir=tmp_path / "cache")
    assert [p.id for p in gaz.search("Arbinda")] == ["gn:2363174"]  # curated alias
    assert gaz.search("Kalmanman")[0].id == "cur:bj-karimama"
    assert gaz.admin_area("région du Centre-Nord").id == "gn:6930706"  # type: ignore[union-attr]
    assert gaz.validate() == []


def test_validate_names_what_is_wrong_with_curated_entries(tmp_path: Path) -> None:
    shared = write_extract(tmp_path)
    broken = """places:
  - {id: "cur:bj-nosource", name: Nosource, country: BJ, latitude: 11.0, longitude: 2.0, feature: P.PPL}
  - {id: "cur:ml-swapped", name: Swapped, country: ML, latitude: -2.9, longitude: 15.0, feature: P.PPL,
     source: "https://example.org/swapped"}
  - {id: "cur:ml-dangling", name: Dangling, country: ML, admin1: Atlantis, latitude: 15.0, longitude: -2.9,
     feature: P.PPL, source: "https://example.org/dangling"}
  - {id: "cur:bf-badfeature", name: Badfeature, country: BF, latitude: 13.0, longitude: -1.0,
     feature: village, source: "https://example.org/feature"}
  - {id: "karimama", name: Karimama, country: BJ, latitude: 12.0, longitude: 3.1, feature: P.PPL,
     source: "https://example.org/id"}
aliases:
  - {id: "gn:999999999", names: [Ghost], source: "https://example.org/ghost"}
"""
    places = write_pack(tmp_path, broken)
    assert main([str(shared), "--out", str(places / "geonames.tsv")]) == 0
    problems = Gazetteer.load(places.parent, cache_dir=tmp_path / "cache").validate()
    text = "\n".join(problems)
    assert "cur:bj-nosource: missing 'source'" in text
    assert "cur:ml-swapped: (-2.9, 15.0) lies outside ML" in text
    assert "cur:ml-dangling: admin1 'Atlantis' is no admin1 area of ML" in text
    assert "cur:bf-badfeature" in text and "feature must be a GeoNames class.code" in text
    assert "id must look like 'cur:bj-karimama'" in text
    assert "no place has id gn:999999999" in text
    assert len(problems) == 6


def test_cache_is_used_and_rebuilt_when_the_pack_changes(
    built: tuple[Path, dict[str, dict[str, str]]], tmp_path: Path
) -> None:
    pack, _ = built
    cache = tmp_path / "cache"
    Gazetteer.load(pack, cache_dir=cache)
    first = sorted(cache.glob("gazetteer-*.pickle"))
    assert len(first) == 1
    curated = pack / "places" / "curated.yaml"
    curated.write_text(
        curated.read_text(encoding="utf-8").replace("names: [Kalmanman]", "names: [Kalmanman, Karamma]"),
        encoding="utf-8",
    )
    gaz = Gazetteer.load(pack, cache_dir=cache)
    assert gaz.search("Karamma")[0].id == "cur:bj-karimama"
    second = sorted(cache.glob("gazetteer-*.pickle"))
    assert len(second) == 1 and second != first  # the stale cache was replaced, not kept beside
