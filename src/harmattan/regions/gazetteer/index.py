"""The compiled gazetteer index and its on-disk cache.

The pack's files (``geonames.tsv``, ``curated.yaml``, ``ucdp_places.yaml``,
``spelling.yaml``, ``admin_changes.yaml``) stay the source of truth; the cache is a pickle of
the parsed rows and lookup tables, keyed by a hash of those files, rebuilt
whenever one of them changes.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmattan.regions.gazetteer import curated, features, supplement
from harmattan.regions.gazetteer.geonames import spellings
from harmattan.regions.gazetteer.spelling import Spelling
from harmattan.regions.text import fold

#: Bump when the index layout changes, so old caches are ignored.
INDEX_VERSION = 5
#: SOURCES.md is read for the supplement's attribution check.
PACK_FILES = (
    "geonames.tsv", "curated.yaml", supplement.FILE, "spelling.yaml", "admin_changes.yaml", "SOURCES.md",
)  # fmt: skip

#: id, name, country, admin1, admin2, latitude, longitude, feature, population, kind, names
RowTuple = tuple[str, str, str, str | None, str | None, float, float, str, int, str, tuple[str, ...]]


Bucket = int | tuple[int, ...]


@dataclass(slots=True)
class Index:
    """Rows as compact TSV lines (parsed on access) and name tables mapping to row positions.

    Most names belong to one place, so a bucket is a bare position, else a tuple of positions,
    best first. Few, flat objects keep the cache quick to unpickle.
    """

    ids: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    exact: dict[str, Bucket] = field(default_factory=dict)
    loose: dict[str, Bucket] = field(default_factory=dict)
    curated_ids: frozenset[str] = frozenset()
    supplement_ids: frozenset[str] = frozenset()
    seats: frozenset[str] = frozenset()
    problems: list[str] = field(default_factory=list)
    digest: str = ""

    def row(self, pos: int) -> RowTuple:
        c = self.lines[pos].split("\t")
        names = tuple(n for n in c[9].split("|") if n)
        return (self.ids[pos], c[0], c[1], c[2] or None, c[3] or None, float(c[4]), float(c[5]), c[6],
                int(c[7]), c[8], names)  # fmt: skip

    def rows(self) -> Iterator[RowTuple]:
        return (self.row(i) for i in range(len(self.ids)))

    def __len__(self) -> int:
        return len(self.ids)


def positions(bucket: Bucket | None) -> tuple[int, ...]:
    if bucket is None:
        return ()
    return (bucket,) if isinstance(bucket, int) else bucket


def _line(row: RowTuple) -> str:
    return "\t".join([row[1], row[2], row[3] or "", row[4] or "", repr(row[5]), repr(row[6]), row[7],
                      str(row[8]), row[9], "|".join(row[10])])  # fmt: skip


#: Code whose changes alter the index: part of the cache key, so a new release rebuilds it.
_CODE = ("index.py", "spelling.py", "features.py", "curated.py", "supplement.py", "geonames.py")


def digest(places_dir: Path, supplements: bool = True) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}{'' if supplements else '-bare'}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    for name in PACK_FILES:
        path = places_dir / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:24]


#: A populated place this close (degrees) to a same-named admin area is taken as its seat.
SEAT_DEG = 0.1


def importance(row: RowTuple, seat: bool = False) -> tuple[int, int, int, str]:
    """Sort key of a row among same-name candidates: feature rank, population, core country.

    A town that is the seat of a same-named admin area ranks as an admin seat even when
    GeoNames codes it plain ``PPL`` (Bosso, Malanville): in text, the name means the town.
    """
    rank = (
        min(features.rank(row[7], row[8]), features.rank("P.PPLA2", 0))
        if seat
        else features.rank(row[7], row[8])
    )
    return (rank, -row[8], row[2] not in features.CORE_COUNTRIES, row[0])


def _seats(rows: dict[str, RowTuple], exact: dict[str, list[str]]) -> frozenset[str]:
    seats: set[str] = set()
    for ids in exact.values():
        areas = [rows[i] for i in ids if rows[i][9] in ("admin1", "admin2")]
        for area in areas:
            for pid in ids:
                row = rows[pid]
                if (row[9] == "populated" and row[2] == area[2]
                        and abs(row[5] - area[5]) + abs(row[6] - area[6]) <= SEAT_DEG):  # fmt: skip
                    seats.add(pid)
    return frozenset(seats)


def _read_tsv(path: Path) -> dict[str, RowTuple]:
    rows: dict[str, RowTuple] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        next(reader, None)
        for c in reader:
            names = (c[1], *(n for n in c[10].split("|") if n))
            rows[c[0]] = (c[0], c[1], c[2], c[3] or None, c[4] or None, float(c[5]), float(c[6]), c[7],
                          int(c[8] or 0), c[9], names)  # fmt: skip
    return rows


def _merge_curated(rows: dict[str, RowTuple], index: Index, places_dir: Path) -> None:
    data = curated.read(places_dir / "curated.yaml")
    ids = _add_entries(rows, index, curated.places(data), curated.check_entry)
    for alias in curated.aliases(data):
        row = rows.get(alias.id)
        if row is None:
            index.problems.append(f"{alias.where}: no place has id {alias.id}")
            continue
        if not alias.source:
            index.problems.append(f"{alias.where}: missing 'source'")
        index.problems.extend(curated.alias_problems(alias))
        admin1 = alias.admin1 if alias.admin1 is not None else row[3]
        admin2 = alias.admin2 if alias.admin2 is not None else row[4]
        feature = str(alias.feature) if alias.feature is not None else row[7]
        population = alias.population if isinstance(alias.population, int) else row[8]
        rows[alias.id] = (*row[:3], admin1, admin2, row[5], row[6], feature, population, row[9],
                          spellings(*row[10], *alias.names))  # fmt: skip
    index.curated_ids = frozenset(ids)


def _merge_supplement(rows: dict[str, RowTuple], index: Index, places_dir: Path) -> None:
    data = supplement.read(places_dir / supplement.FILE)
    index.problems.extend(supplement.file_problems(data, places_dir / "SOURCES.md"))
    added = _add_entries(rows, index, supplement.places(data), supplement.check_entry)
    index.supplement_ids = frozenset(added)


def _add_entries(
    rows: dict[str, RowTuple],
    index: Index,
    entries: Iterable[tuple[str, dict[str, Any]]],
    check: Callable[[str, dict[str, Any]], list[str]],
) -> set[str]:
    """Add hand-made or derived place entries as rows; their problems go to ``index.problems``."""
    ids: set[str] = set()
    for where, entry in entries:
        problems = check(where, entry)
        if problems:
            index.problems.extend(problems)
            continue
        pid = str(entry["id"])
        if pid in rows:
            index.problems.append(f"{where}: id {pid} is used twice")
            continue
        feature = str(entry["feature"])
        names = spellings(str(entry["name"]), *(str(n) for n in entry.get("names") or ()))
        rows[pid] = (
            pid, str(entry["name"]), str(entry["country"]), entry.get("admin1"), entry.get("admin2"),
            float(entry["latitude"]), float(entry["longitude"]), feature, int(entry.get("population") or 0),
            features.kind_of(feature), names,
        )  # fmt: skip
        ids.add(pid)
    return ids


def build_index(places_dir: Path, spelling: Spelling, supplements: bool = True) -> Index:
    """Parse the pack's place files and build the lookup tables (no cache involved).

    ``supplements=False`` leaves out the places taken from other datasets (``ucdp_places.yaml``):
    what their builder compares against, so that a rebuild does not see its own output.
    """
    index = Index(digest=digest(places_dir, supplements))
    tsv = places_dir / "geonames.tsv"
    rows: dict[str, RowTuple] = {}
    if tsv.exists():
        rows = _read_tsv(tsv)
    else:
        index.problems.append(f"{tsv} is missing: run python -m harmattan.regions.gazetteer.build")
    _merge_curated(rows, index, places_dir)
    if supplements:
        _merge_supplement(rows, index, places_dir)
    exact: dict[str, list[str]] = {}
    loose: dict[str, list[str]] = {}
    for pid, row in rows.items():
        for name in row[10]:
            key = fold(name)
            if not key:
                continue
            bucket = exact.setdefault(key, [])
            if not bucket or bucket[-1] != pid:
                bucket.append(pid)
            lbucket = loose.setdefault(spelling.loose(key), [])
            if not lbucket or lbucket[-1] != pid:
                lbucket.append(pid)
    index.seats = _seats(rows, exact)
    order = {pid: importance(row, pid in index.seats) for pid, row in rows.items()}
    index.ids = list(rows)
    index.lines = [_line(row) for row in rows.values()]
    pos = {pid: i for i, pid in enumerate(index.ids)}
    index.exact = {k: _bucket(v, order, pos) for k, v in exact.items()}
    index.loose = {k: _bucket(v, order, pos) for k, v in loose.items()}
    return index


def _bucket(ids: list[str], order: dict[str, tuple[int, int, int, str]], pos: dict[str, int]) -> Bucket:
    if len(ids) == 1:
        return pos[ids[0]]
    best_first = sorted(dict.fromkeys(ids), key=order.__getitem__)
    return pos[best_first[0]] if len(best_first) == 1 else tuple(pos[i] for i in best_first)


def default_cache_dir() -> Path:
    """``$HARMATTAN_HOME/cache`` when HOME is set, else ``~/.cache/harmattan``."""
    from harmattan.settings import get_settings

    home = get_settings().home
    if home.is_absolute():
        return home / "cache"
    return Path.home() / ".cache" / "harmattan"


def load_index(
    places_dir: Path, spelling: Spelling, cache_dir: Path | None = None, supplements: bool = True
) -> Index:
    """The index for ``places_dir``, from the cache when its files have not changed."""
    cache_dir = cache_dir or default_cache_dir()
    key = digest(places_dir, supplements)
    where = hashlib.sha256(f"{places_dir.resolve()}{'' if supplements else '-bare'}".encode()).hexdigest()[:8]
    path = cache_dir / f"gazetteer-{where}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            # The collector would walk the fresh objects several times while they load.
            gc.disable()
            try:
                cached = pickle.load(fh)
            finally:
                gc.enable()
        if isinstance(cached, Index) and cached.digest == key:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    index = build_index(places_dir, spelling, supplements)
    _write_cache(index, path)
    return index


def _write_cache(index: Index, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.pickle"):
            old.unlink(missing_ok=True)
        # Write then rename, so a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home must not stop the gazetteer from working
        print(f"harmattan: gazetteer cache not written ({exc})", file=sys.stderr)
