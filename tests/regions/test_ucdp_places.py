"""The UCDP GED place supplement: its builder on a small fixture, the honesty rule, loading and lookup."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml

from harmattan.regions.gazetteer.ucdp import clean, main
from harmattan.regions.gazetteer.ucdp_exclusions import ids_in, read_exclusions
from harmattan.regions.places import Gazetteer

PACK = Path(__file__).resolve().parents[2] / "src" / "harmattan" / "regions" / "sahel"
GOLD = Path(__file__).resolve().parents[2] / "gold"
COLUMNS = ["id", "country", "date_start", "date_end", "type_of_violence", "side_a", "side_b", "dyad_name",
           "adm_1", "adm_2", "where_coordinates", "latitude", "longitude", "where_prec", "date_prec", "best",
           "low", "high", "source_headline", "source_article", "source_original", "relid",
           "where_description", "ged_release"]  # fmt: skip
TSV_HEADER = (
    "id\tname\tcountry\tadmin1\tadmin2\tlatitude\tlongitude\tfeature\tpopulation\tkind\tnames\tnote\n"
)
TSV_ROWS = [  # a tiny GeoNames extract: two Soum villages and one in Séno
    ("gn:1", "Djibo", "Soum", "Djelgodji", 14.09940, -1.62554, "P.PPLA2"),
    ("gn:2", "Kelbo", "Soum", "Djelgodji", 13.86584, -1.16084, "P.PPL"),
    ("gn:3", "Gorgadji", "Liptako", "Séno", 14.03000, -0.52000, "P.PPL"),
]
#: (id, where_coordinates, lat, lon, where_prec, adm_2)
UCDP_ROWS = [
    (900001, "Tiemboulo village", 14.30693, -1.33737, 1, "Soum province"),
    (900002, "Kassa village", 14.00000, -1.40000, 1, "Soum province"),
    (900003, "Kassa village", 14.00900, -1.40000, 1, "Soum province"),
    (900004, "Kassa village", 14.00000, -1.40000, 1, "Soum province"),
    (900005, "Farland village", 14.00000, -1.00000, 1, "Soum province"),
    (900006, "Farland village", 14.30000, -1.00000, 1, "Soum province"),
    (900007, "Kèlbo village", 13.87000, -1.17000, 1, "Soum province"),
    (900008, "Djibo town", 14.09940, -1.62554, 2, "Soum province"),
    (900009, "Secretville village", 14.10000, -1.10000, 1, "Soum province"),
    (900010, "Testplace village", 14.20000, -1.20000, 1, "Soum province"),
    (900011, "Refplace village", 14.15000, -1.25000, 1, "Soum province"),
    (900012, "Listedplace camp", 14.12000, -1.30000, 1, "Soum province"),
    # Between Gorgadji (Séno, nearer) and Kelbo: UCDP's "Soum province" decides.
    (900013, "Bouro (Liki) village", 13.95000, -0.90000, 1, "Soum province"),
]  # fmt: skip


def write_pack(root: Path) -> Path:
    pack = root / "pack"
    (pack / "places").mkdir(parents=True)
    (pack / "actors").mkdir()
    shutil.copy(PACK / "actors" / "countries.yaml", pack / "actors")
    for name in ("admin_changes.yaml", "spelling.yaml"):
        shutil.copy(PACK / "places" / name, pack / "places")
    lines = [
        f"{i}\t{n}\tBF\t{a1}\t{a2}\t{lat}\t{lon}\t{f}\t0\tpopulated\t\t\n"
        for i, n, a1, a2, lat, lon, f in TSV_ROWS
    ]
    (pack / "places" / "geonames.tsv").write_text(TSV_HEADER + "".join(lines), encoding="utf-8")
    shutil.copy(PACK / "places" / "SOURCES.md", pack / "places")
    return pack


def write_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        for rid, where, lat, lon, prec, adm2 in UCDP_ROWS:
            writer.writerow({**dict.fromkeys(COLUMNS, ""), "id": rid, "country": "Burkina Faso",
                             "adm_1": "Sahel region", "adm_2": adm2, "where_coordinates": where,
                             "latitude": lat, "longitude": lon, "where_prec": prec})  # fmt: skip
    return path


def write_gold(root: Path) -> Path:
    gold = root / "gold"
    gold.mkdir()
    passages = [
        {"id": "en-1", "split": "dev", "source": {"ref": None}, "notes": "Also UCDP GED id 900009.",
         "events": [{"location": "Kassa"}]},
        {"id": "en-2", "split": "test", "source": {"ref": "UCDP GED id 900011"}, "notes": None,
         "events": [{"location": "Testplace"}]},
    ]  # fmt: skip
    (gold / "passages_en.jsonl").write_text("".join(json.dumps(p) + "\n" for p in passages), encoding="utf-8")
    (gold / "SOURCES.md").write_text(
        "# x\n\n### UCDP GED ids used\n\n900012 (en-9), 900009 (en-1)\n\n## Other\n1\n", "utf-8"
    )
    return gold


Built = tuple[Path, dict[str, dict[str, object]], str, str]


@pytest.fixture()
def built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Built:
    """The fixture pack with its supplement: (pack, entries by name, file text, what the build printed)."""
    pack, data_csv, gold = write_pack(tmp_path), write_csv(tmp_path / "ucdp.csv"), write_gold(tmp_path)
    out = pack / "places" / "ucdp_places.yaml"
    assert main(["--csv", str(data_csv), "--gold", str(gold), "--pack", str(pack), "--out", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    return (
        pack,
        {e["name"]: e for e in data["places"]},
        out.read_text(encoding="utf-8"),
        capsys.readouterr().out,
    )


def test_names_are_cleaned_and_keep_their_original_text() -> None:
    assert clean("Tiemboulo village") == ("Tiemboulo", (), "P.PPL")
    assert clean("Koutougou camp") == ("Koutougou", (), "S.CMP")
    assert clean("Bouro (Liki) village") == ("Bouro", ("Liki",), "P.PPL")
    assert clean("Ouagadougou city") == ("Ouagadougou", (), "P.PPL")


def test_builder_writes_new_exact_places_with_the_gazetteers_admin_names(built: Built) -> None:
    _, places, _, out = built
    # Secretville's row is behind a dev passage only: dev is tuning data, so its place stays
    assert sorted(places) == ["Bouro", "Kassa", "Secretville", "Tiemboulo"]
    tiemboulo = places["Tiemboulo"]
    assert (tiemboulo["id"], tiemboulo["original"], tiemboulo["source"]) == (
        "ucdp:bf-tiemboulo",
        "Tiemboulo village",
        "UCDP GED id 900001",
    )
    assert (tiemboulo["admin1"], tiemboulo["admin2"]) == ("Soum", "Djelgodji")  # UCDP: "Soum province"
    kassa = places["Kassa"]  # three rows within 1 km: their median, all ids
    assert (kassa["latitude"], kassa["rows"], kassa["source"]) == (
        14.0,
        3,
        "UCDP GED ids 900002, 900003, 900004",
    )
    bouro = places["Bouro"]  # Gorgadji (Séno) is nearer, but UCDP files it under Soum
    assert (bouro["names"], bouro["admin2"]) == (["Liki"], "Djelgodji")
    assert str(bouro["admin_from"]).startswith("gn:2 Kelbo, nearest place in UCDP's Soum province")
    expected = [
        "rows read\t13",
        "rows with where_prec 1\t12",
        "rows excluded (UCDP id referenced by gold)\t2",
        "dropped as inconsistent (> 10 km)\t1",
        "  dropped: Farland (2 rows, up to 17 km from their median)",
        "excluded (named like a gold test location)\t1",
        "skipped as known to the gazetteer\t1",
        "places written\t4",
    ]
    for line in expected:
        assert line in out


def test_build_is_reproducible(built: Built, tmp_path: Path) -> None:
    pack, _, first, _ = built
    again = tmp_path / "again.yaml"
    args = ["--csv", str(tmp_path / "ucdp.csv"), "--gold", str(tmp_path / "gold"), "--pack", str(pack)]
    assert main([*args, "--out", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("broken", ["no-gold-dir", "no-sources", "no-test-split", "bad-json"])
def test_build_refuses_without_the_exclusion_set(
    tmp_path: Path, broken: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, data_csv, gold = write_pack(tmp_path), write_csv(tmp_path / "ucdp.csv"), write_gold(tmp_path)
    if broken == "no-gold-dir":
        shutil.rmtree(gold)
    elif broken == "no-sources":
        (gold / "SOURCES.md").unlink()
    elif broken == "no-test-split":
        lines = (gold / "passages_en.jsonl").read_text(encoding="utf-8").splitlines()
        (gold / "passages_en.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    else:
        (gold / "passages_en.jsonl").write_text("{not json\n", encoding="utf-8")
    out = pack / "places" / "ucdp_places.yaml"
    assert main(["--csv", str(data_csv), "--gold", str(gold), "--pack", str(pack), "--out", str(out)]) == 2
    assert "honesty exclusion set cannot be read" in capsys.readouterr().err
    assert not out.exists()


def test_ids_in_free_text() -> None:
    assert ids_in("Moura = GeoNames 'Mora' (2453345). Also UCDP GED ids 321603, 321604.") == {321603, 321604}
    assert ids_in("Two attacks, two events (UCDP 401147, 403236).") == {401147, 403236}
    assert ids_in("No ids here 2453345.") == set()


def test_supplement_loads_validates_and_rebuilds_the_cache(built: Built, tmp_path: Path) -> None:
    pack, _, text, _ = built
    cache = tmp_path / "cache"
    gaz = Gazetteer.load(pack, cache_dir=cache)
    place = gaz.search("Tiemboulo")[0]
    assert (place.id, place.admin1, place.admin2) == ("ucdp:bf-tiemboulo", "Soum", "Djelgodji")
    assert gaz.search("Liki")[0].id == "ucdp:bf-bouro"
    assert gaz.validate() == [] and gaz.stats()["ucdp"] == 4
    assert Gazetteer.load(pack, cache_dir=cache, supplements=False).search("Tiemboulo") == []
    # An edit (here one that loses the source) is seen at the next load and reported.
    out = pack / "places" / "ucdp_places.yaml"
    out.write_text(text.replace("  source: UCDP GED id 900001\n", ""), encoding="utf-8")
    gaz = Gazetteer.load(pack, cache_dir=cache)
    assert any("ucdp:bf-tiemboulo: missing 'source'" in p for p in gaz.validate())
    assert gaz.search("Tiemboulo") == []  # an entry that fails its checks is left out
    out.write_text(text.replace("attribution: UCDP", "attribution: someone"), encoding="utf-8")
    assert any("'attribution' must read" in p for p in Gazetteer.load(pack, cache_dir=cache).validate())
    out.write_text(text, encoding="utf-8")
    (pack / "places" / "SOURCES.md").write_text("# Sources\n\nGeoNames only.\n", encoding="utf-8")
    problems = Gazetteer.load(pack, cache_dir=cache).validate()
    assert any("SOURCES.md: must name ucdp_places.yaml" in p for p in problems)


def test_shipped_supplement_finds_a_ucdp_only_village_with_its_admin_names(tmp_path: Path) -> None:
    gaz = Gazetteer.load(PACK, cache_dir=tmp_path)
    place = gaz.search("Bombofa")[0]
    assert (place.id, place.country, place.admin1, place.admin2) == (
        "ucdp:bf-bombofa",
        "BF",
        "Liptako",
        "Séno",
    )
    assert Gazetteer.load(PACK, cache_dir=tmp_path, supplements=False).named("Bombofa") == []


def test_shipped_supplement_keeps_the_honesty_rule(tmp_path: Path) -> None:
    gaz = Gazetteer.load(PACK, cache_dir=tmp_path)
    exclusions = read_exclusions(GOLD, gaz.loose_key)
    data = yaml.safe_load((PACK / "places" / "ucdp_places.yaml").read_text(encoding="utf-8"))
    assert data["places"], "the shipped supplement is empty"
    for entry in data["places"]:
        assert not ids_in(entry["source"]) & exclusions.ucdp_ids, entry["id"]
        for name in (entry["name"], *entry.get("names", ())):
            assert not exclusions.names_test_location(name, gaz.loose_key), entry["id"]
