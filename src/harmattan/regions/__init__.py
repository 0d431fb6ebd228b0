"""Region packs: what the pipeline knows about a region's actors and places, as validated data.

>>> from harmattan import regions
>>> pack = regions.load("sahel")
>>> pack.actors.resolve("Wagner", datetime.date(2025, 9, 1)).id   # doctest: +SKIP
'africa-corps'
"""

from harmattan.regions.actor_files import PackError
from harmattan.regions.actors import (
    Actor,
    ActorRegistry,
    Affiliation,
    Alias,
    Ambiguity,
    GenericTerm,
    PresenceFact,
)
from harmattan.regions.pack import Manifest, RegionPack, load, open_pack

__all__ = [
    "Actor",
    "ActorRegistry",
    "Affiliation",
    "Alias",
    "Ambiguity",
    "GenericTerm",
    "Manifest",
    "PackError",
    "PresenceFact",
    "RegionPack",
    "load",
    "open_pack",
]
