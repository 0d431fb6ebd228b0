"""Pack loading and the validator, on small packs written to tmp_path (one broken thing each)."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from harmattan.regions import PackError, load, open_pack
from harmattan.regions.actor_files import parse_date
from harmattan.regions.validate import validate_pack

SRC = "https://en.wikipedia.org/wiki/Example"


def actor(actor_id: str, **fields: Any) -> dict[str, Any]:
    base = {
        "id": actor_id,
        "name": actor_id.title(),
        "name_fr": actor_id.title(),
        "kind": "rebel_group",
        "inter": 2,
        "countries": ["ML"],
        "source": SRC,
    }
    return {**base, **fields}


def write_pack(root: Path, files: dict[str, Any], manifest: bool = True) -> Path:
    if manifest:
        (root / "pack.yaml").write_text(
            yaml.safe_dump({"name": "mini", "version": "1", "description": "test pack", "licence": "CC0"})
        )
    (root / "actors").mkdir(exist_ok=True)
    for name, content in files.items():
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        (root / "actors" / name).write_text(text, encoding="utf-8")
    return root


GOOD = {
    "countries": {"countries": [{"code": "ML", "name": "Mali", "name_fr": "Mali"}]},
    "groups": {
        "actors": [
            actor(
                "old-front", valid_from="2010", valid_to="2014-05-31", successor="new-front", aliases=["OF"]
            ),
            actor(
                "new-front",
                valid_from="2014-06",
                predecessor="old-front",
                aliases=["NF", "the Front"],
                affiliations=[{"type": "ally", "target": "ml-military", "from": "2015", "source": SRC}],
            ),
            actor("ml-military", kind="state_force", inter=1, aliases=["FAMa"]),
        ],
        "templates": [
            {
                "id": "civilians-{cc}",
                "name": "Civilians ({country})",
                "name_fr": "Civils ({country_fr})",
                "kind": "civilian_group",
                "inter": 7,
                "countries": ["ML"],
                "source": SRC,
            }
        ],
        "generic_terms": [{"actor": "{cc}-military", "en": ["soldiers"], "fr": ["soldats"], "source": SRC}],
        "presence": [
            {"actor": "new-front", "country": "ML", "status": "arrived", "date": "2014-06", "source": SRC}
        ],
    },
}


def problems(tmp_path: Path, **changes: Any) -> list[str]:
    files = {f"{k}.yaml": v for k, v in {**GOOD, **changes}.items()}
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # a fresh pack per call: earlier files must not linger
    report = validate_pack(write_pack(root, files), places=False)
    return [str(p) for p in report.problems]


def one_problem(tmp_path: Path, *needles: str, **changes: Any) -> str:
    found = problems(tmp_path, **changes)
    assert len(found) == 1, found
    assert all(n in found[0] for n in needles), found[0]
    return found[0]


def with_actors(*actors: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**GOOD["groups"], "actors": [*GOOD["groups"]["actors"], *actors], **extra}


def test_a_good_pack_passes_and_loads(tmp_path: Path) -> None:
    assert problems(tmp_path) == []
    registry = open_pack(write_pack(tmp_path, {f"{k}.yaml": v for k, v in GOOD.items()})).actors
    assert len(registry) == 4 and registry.get("civilians-ml") is not None
    assert registry.resolve("OF", dt.date(2020, 1, 1)).id == "new-front"  # type: ignore[union-attr]
    assert registry.generic("soldats", "ML").id == "ml-military"  # type: ignore[union-attr]


def test_duplicate_ids(tmp_path: Path) -> None:
    one_problem(
        tmp_path,
        "groups.yaml: ml-military",
        "duplicate id",
        extra={"actors": [actor("ml-military", kind="state_force", inter=1)]},
    )


def test_dangling_references(tmp_path: Path) -> None:
    bad = actor("splinter", affiliations=[{"type": "member_of", "target": "nobody", "source": SRC}])
    one_problem(tmp_path, "splinter", "'nobody': no such actor", groups=with_actors(bad))
    one_problem(
        tmp_path, "successor 'ghost'", groups=with_actors(actor("exile", valid_to="2020", successor="ghost"))
    )


def test_successor_must_point_back(tmp_path: Path) -> None:
    acts = [actor("alpha", valid_to="2012", successor="bravo"), actor("bravo", valid_from="2013")]
    one_problem(
        tmp_path,
        "alpha: successor bravo does not point back",
        "predecessor: alpha",
        groups=with_actors(*acts),
    )


def test_unsourced_entity_and_fact(tmp_path: Path) -> None:
    unsourced = actor("quiet")
    del unsourced["source"]
    one_problem(tmp_path, "actors quiet", "'source' is a required property", groups=with_actors(unsourced))
    fact = actor("fact-group", affiliations=[{"type": "ally", "target": "ml-military", "from": "2020"}])
    one_problem(tmp_path, "affiliations/0", "'source' is a required property", groups=with_actors(fact))


def test_alias_clash_on_one_date_is_refused_unless_declared(tmp_path: Path) -> None:
    clash = actor("rival-front", valid_from="2016", aliases=["the Front"])
    one_problem(tmp_path, "alias 'the Front' also names", "ambiguous.yaml", groups=with_actors(clash))
    declared = {
        "ambiguous": [
            {
                "alias": "the Front",
                "candidates": ["new-front", "rival-front"],
                "rule": "prefer",
                "prefer": "new-front",
                "source": SRC,
            }
        ]
    }
    assert problems(tmp_path, groups=with_actors(clash), amb=declared) == []
    files = {"countries.yaml": GOOD["countries"], "groups.yaml": with_actors(clash), "amb.yaml": declared}
    registry = open_pack(write_pack(tmp_path, files)).actors
    assert registry.resolve("the Front", dt.date(2020, 1, 1)).id == "new-front"  # type: ignore[union-attr]


def test_a_date_rule_needs_disjoint_candidates(tmp_path: Path) -> None:
    clash = actor("rival-front", valid_from="2016", aliases=["the Front"])
    declared = {
        "ambiguous": [
            {"alias": "the Front", "candidates": ["new-front", "rival-front"], "rule": "date", "source": SRC}
        ]
    }
    one_problem(tmp_path, "rule 'date' but the candidates overlap", groups=with_actors(clash), amb=declared)


def test_shared_alias_on_disjoint_dates_is_fine(tmp_path: Path) -> None:
    later = actor("third-front", valid_from="2030", aliases=["OF"])
    assert problems(tmp_path, groups=with_actors(later)) == []


def test_case_sensitive_abbreviations_do_not_clash_with_words(tmp_path: Path) -> None:
    word = actor("fama-word", aliases=[{"text": "FAMA", "case_sensitive": True}])
    assert problems(tmp_path, groups=with_actors(word)) == []


def test_inter_must_fit_the_kind(tmp_path: Path) -> None:
    one_problem(tmp_path, "inter 1 does not fit kind rebel_group", groups=with_actors(actor("odd", inter=1)))


def test_dates_are_checked(tmp_path: Path) -> None:
    one_problem(
        tmp_path,
        "valid_from is after valid_to",
        groups=with_actors(actor("late", valid_from="2020", valid_to="2019")),
    )
    one_problem(tmp_path, "valid_from", groups=with_actors(actor("bad", valid_from="2020-13-01")))
    found = problems(tmp_path, groups=with_actors(actor("feb", valid_from="2023-02-30")))
    assert len(found) == 1 and "day is out of range" in found[0]


def test_unknown_field_and_kind(tmp_path: Path) -> None:
    one_problem(
        tmp_path,
        "actors typo",
        "'aliasses' was unexpected",
        groups=with_actors(actor("typo", aliasses=["T"])),
    )
    one_problem(tmp_path, "at kind", groups=with_actors(actor("kind-group", kind="gang")))


def test_unreadable_files(tmp_path: Path) -> None:
    one_problem(tmp_path, "broken.yaml", "not valid YAML", broken="actors: [unclosed\n")
    one_problem(tmp_path, "odd.yaml", "unknown section 'people'", odd={"people": []})
    report = validate_pack(write_pack(tmp_path, {}, manifest=False), places=False)
    assert [p.file for p in report.problems] == ["pack.yaml"]


def test_generic_terms_presence_and_ambiguity_references(tmp_path: Path) -> None:
    term = {"actor": "{cc}-navy", "en": ["sailors"], "source": SRC}
    one_problem(tmp_path, "{cc}-navy", "no actor matches", groups=with_actors(generic_terms=[term]))
    fact = {"actor": "nobody", "country": "ML", "status": "left", "date": "2020", "source": SRC}
    one_problem(tmp_path, "presence nobody", "no such actor", groups=with_actors(presence=[fact]))
    amb = {
        "ambiguous": [
            {
                "alias": "NF",
                "candidates": ["new-front", "old-front"],
                "rule": "prefer",
                "prefer": "new-front",
                "source": SRC,
            }
        ]
    }
    one_problem(tmp_path, "old-front has no alias 'NF'", amb=amb)
    amb["ambiguous"][0]["rule"] = "country"
    del amb["ambiguous"][0]["prefer"]
    one_problem(tmp_path, "'by_country' is a required property", amb=amb)


def test_the_shipped_pack_is_valid() -> None:
    report = validate_pack("sahel", places=False)
    assert report.problems == []
    assert report.counts["actors"] >= 200 and report.counts["aliases"] >= 1000


def test_loading_the_shipped_actors_is_fast() -> None:
    start = time.perf_counter()
    registry = open_pack("sahel").actors
    list(registry.aliases())
    assert time.perf_counter() - start < 2.0


def test_load_is_cached_until_a_file_changes(tmp_path: Path) -> None:
    write_pack(tmp_path, {f"{k}.yaml": v for k, v in GOOD.items()})
    first = load(tmp_path)
    assert load(tmp_path) is first and len(first.actors) == 4
    extra = tmp_path / "actors" / "more.yaml"
    extra.write_text(yaml.safe_dump({"actors": [actor("late-comer")]}))
    second = load(tmp_path)
    assert second is not first and second.actors.get("late-comer") is not None


def test_unknown_pack_and_malformed_data_raise_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="no region pack"):
        load("atlantis")
    write_pack(tmp_path, {"bad.yaml": {"actors": [{"id": "x"}]}})
    with pytest.raises(PackError, match=r"bad\.yaml"):
        open_pack(tmp_path).actors  # noqa: B018 - the property does the loading


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024", False, dt.date(2024, 1, 1)),
        ("2024", True, dt.date(2024, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2023-11-30", True, dt.date(2023, 11, 30)),
        (None, False, None),
    ],
)
def test_partial_dates(value: str | None, end: bool, expected: dt.date | None) -> None:
    assert parse_date(value, end=end) == expected
