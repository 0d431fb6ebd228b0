"""A region pack: a folder of YAML/CSV data with a manifest, loaded lazily.

``load("sahel")`` reads only the manifest; ``pack.actors`` builds the actor
registry on first access and ``pack.places`` the gazetteer, so a caller that
needs actors only never pays for places.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harmattan.regions.actor_files import PackError, read_actor_files, read_yaml
from harmattan.regions.actors import ActorRegistry

if TYPE_CHECKING:
    from harmattan.regions.places import Gazetteer

#: Packs shipped inside the package live beside this module.
PACKS_DIR = Path(__file__).resolve().parent
MANIFEST = "pack.yaml"
MANIFEST_KEYS = ("name", "version", "description", "licence")


@dataclass(frozen=True, slots=True)
class Manifest:
    """What ``pack.yaml`` says about the pack."""

    name: str
    version: str
    description: str
    licence: str
    path: Path


def pack_dir(name_or_path: str | Path) -> Path:
    """A shipped pack by name (``"sahel"``) or any folder holding a ``pack.yaml``."""
    candidate = Path(name_or_path)
    if (candidate / MANIFEST).is_file():
        return candidate.resolve()
    shipped = PACKS_DIR / str(name_or_path)
    if isinstance(name_or_path, str) and "/" not in name_or_path and (shipped / MANIFEST).is_file():
        return shipped
    known = sorted(p.parent.name for p in PACKS_DIR.glob(f"*/{MANIFEST}"))
    raise PackError(
        f"no region pack {str(name_or_path)!r}: expected one of {known} or a folder with {MANIFEST}"
    )


def read_manifest(path: Path) -> Manifest:
    data = read_yaml(path / MANIFEST)
    if not isinstance(data, dict):
        raise PackError(f"{path / MANIFEST}: must be a mapping with keys {', '.join(MANIFEST_KEYS)}")
    missing = [key for key in MANIFEST_KEYS if not data.get(key)]
    if missing:
        raise PackError(f"{path / MANIFEST}: missing {', '.join(missing)}")
    name, version, description, licence = (str(data[key]) for key in MANIFEST_KEYS)
    return Manifest(name, version, description, licence, path)


class RegionPack:
    """One region's knowledge: ``actors`` (an :class:`ActorRegistry`) and ``places`` (a ``Gazetteer``)."""

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self._actors: ActorRegistry | None = None
        self._places: Gazetteer | None = None
        #: Seconds spent building each part, for ``pack stats`` and the load-time budget.
        self.timings: dict[str, float] = {}

    def __repr__(self) -> str:
        return f"<RegionPack {self.name} {self.manifest.version} at {self.path}>"

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def path(self) -> Path:
        return self.manifest.path

    @property
    def actors(self) -> ActorRegistry:
        if self._actors is None:
            from harmattan.regions.actor_files import build_registry

            start = time.perf_counter()
            self._actors = build_registry(read_actor_files(self.path))
            self.timings["actors"] = time.perf_counter() - start
        return self._actors

    @property
    def places(self) -> Gazetteer:
        if self._places is None:
            start = time.perf_counter()
            self._places = places_module().Gazetteer.load(self.path)
            self.timings["places"] = time.perf_counter() - start
        return self._places

    def stats(self) -> dict[str, Any]:
        """Counts of everything in the pack (places only when the gazetteer module is present)."""
        out: dict[str, Any] = {"pack": self.name, "version": self.manifest.version}
        out["actors"] = self.actors.stats()
        if has_places():
            out["places"] = self.places.stats()
        out["load_seconds"] = {k: round(v, 3) for k, v in self.timings.items()}
        return out


def places_module() -> Any:
    """The gazetteer module, imported on demand (heavy, and built by another part of the project)."""
    try:
        return importlib.import_module("harmattan.regions.places")
    except ModuleNotFoundError as exc:
        if exc.name != "harmattan.regions.places":
            raise
        raise PackError("places are not available: harmattan.regions.places is not installed") from exc


def has_places() -> bool:
    return importlib.util.find_spec("harmattan.regions.places") is not None


def open_pack(name_or_path: str | Path) -> RegionPack:
    """A fresh, uncached pack (tests, validation of a folder being edited)."""
    path = pack_dir(name_or_path)
    return RegionPack(read_manifest(path))


@functools.lru_cache(maxsize=8)
def _cached(path: Path, signature: tuple[tuple[str, int], ...]) -> RegionPack:
    return RegionPack(read_manifest(path))


def load(name: str | Path = "sahel") -> RegionPack:
    """The pack ``name``, shared across callers; edited files give a fresh pack on the next call."""
    path = pack_dir(name)
    return _cached(path, _signature(path))


def _signature(path: Path) -> tuple[tuple[str, int], ...]:
    # Only the manifest and actor files: cheap to stat; the gazetteer checks its own sources.
    files = [path / MANIFEST, *sorted((path / "actors").rglob("*.yaml"))]
    return tuple((f.relative_to(path).as_posix(), f.stat().st_mtime_ns) for f in files if f.exists())
