"""Measure gazetteer load and lookup times: ``python -m harmattan.regions.gazetteer.bench [PACK_DIR]``.

Prints the cold load (no cache: parse the pack files and build the index),
the warm load (from the compiled cache), building a name list for a matcher,
and lookups per second. A measurement to report, not a test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from harmattan.regions.places import Gazetteer

PACK = Path(__file__).resolve().parents[1] / "sahel"
QUERIES = ("Tinzawatene", "Ménaka", "Djibo", "Tillabery", "Karimama", "Boulkessi", "province du Soum",
           "Ménaka region", "Kuilsé", "Ouagadougou", "Anderamboukane", "Barsalogho", "Diafarabé")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    pack = Path(args[0]) if args else PACK
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        start = time.perf_counter()
        gaz = Gazetteer.load(pack, cache_dir=cache)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        gaz = Gazetteer.load(pack, cache_dir=cache)
        warm = time.perf_counter() - start
    start = time.perf_counter()
    names = list(gaz.names())
    matcher = time.perf_counter() - start
    start = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        for query in QUERIES:
            gaz.search(query)
    per_query = (time.perf_counter() - start) / (rounds * len(QUERIES))
    stats = gaz.stats()
    print(f"places\t{stats['places']}\nnames\t{stats['names']}\tdistinct folded\t{stats['distinct_names']}")
    print(f"matchable names\t{len(names)}")
    print(f"cold load (parse + index)\t{cold:.3f} s")
    print(f"warm load (cache)\t{warm:.3f} s")
    print(f"names() for a matcher\t{matcher:.3f} s")
    print(f"search\t{per_query * 1e6:.0f} us/query (exact, loose, admin and fuzzy tiers mixed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
