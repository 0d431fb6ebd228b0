"""What the UCDP place supplement must leave out so that it cannot help the held-out score.

The project's gold passages (``gold/passages_*.jsonl``) were written partly from UCDP GED rows,
and the test split is the held-out figure. So the supplement excludes (a) every UCDP GED id a gold
*test* passage references (``source.ref`` "UCDP GED id N", ids named in ``notes``, and the pairs
"N (passage-id)" of ``gold/SOURCES.md``), and every id SOURCES.md lists without a dev passage to
show for it, and (b) every place whose name (folded, or by its loose spelling key) equals the
location of a gold *test* event. Rows behind dev passages only stay: dev is tuning data, and the
places those rows give are the region's knowledge. If these cannot be read, the build stops: a
supplement built without them could leak the test set into the gazetteer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from harmattan.regions.text import fold

_UCDP_TAIL = re.compile(r"UCDP\b(.*)", re.S)
_ID = re.compile(r"\b\d{5,7}\b")
_SOURCES_SECTION = "### UCDP GED ids used"


class ExclusionError(RuntimeError):
    """The exclusion set could not be read: the supplement must not be built without it."""


@dataclass(frozen=True, slots=True)
class Exclusions:
    ucdp_ids: frozenset[int]
    #: folded names and loose keys of gold test-event locations (never printed: they are test data)
    test_names: frozenset[str]
    test_loose: frozenset[str]

    def names_test_location(self, name: str, loose: Callable[[str], str]) -> bool:
        key = fold(name)
        return key in self.test_names or loose(key) in self.test_loose


def ids_in(text: str) -> set[int]:
    """UCDP ids in a free-text field: the numbers after the word "UCDP" ("Also UCDP GED ids 1, 2")."""
    found: set[int] = set()
    for tail in _UCDP_TAIL.findall(text or ""):
        found.update(int(n) for n in _ID.findall(tail))
    return found


def _passages(gold_dir: Path) -> list[dict[str, object]]:
    files = sorted(gold_dir.glob("passages_*.jsonl"))
    if not files:
        raise ExclusionError(f"no gold passages (passages_*.jsonl) in {gold_dir}")
    passages: list[dict[str, object]] = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ExclusionError(f"{path}:{n}: not JSON ({exc})") from exc
            if not isinstance(record, dict) or record.get("split") not in ("dev", "test"):
                raise ExclusionError(f"{path}:{n}: a passage without split dev/test")
            passages.append(record)
    return passages


def _sources_ids(gold_dir: Path, dev: set[str]) -> set[int]:
    """The ids SOURCES.md lists ("219115 (en-0001)"), but those whose passages are all dev passages."""
    path = gold_dir / "SOURCES.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExclusionError(f"{path}: cannot be read ({exc})") from exc
    if _SOURCES_SECTION not in text:
        raise ExclusionError(f"{path}: no '{_SOURCES_SECTION}' section")
    found: set[int] = set()
    for section in text.split(_SOURCES_SECTION)[1:]:
        listed = section.split("\n#", 1)[0]
        for number, owners in _LISTED.findall(listed):
            if not {o.strip() for o in owners.split(",")} <= dev:
                found.add(int(number))
        # an id listed without its passage is left out whatever it is
        bare = _LISTED.sub(" ", listed)
        found.update(int(n) for n in _ID.findall(bare))
    return found


_LISTED = re.compile(r"\b(\d{5,7})\s*\(([^)]*)\)")


def read_exclusions(gold_dir: Path, loose: Callable[[str], str]) -> Exclusions:
    """The exclusion set from the gold folder; raises :class:`ExclusionError` when it is unusable."""
    passages = _passages(gold_dir)
    ids = _sources_ids(gold_dir, {str(r.get("id")) for r in passages if r["split"] == "dev"})
    names: set[str] = set()
    for record in passages:
        if record["split"] != "test":
            continue
        source = record.get("source")
        if isinstance(source, dict):
            ids |= ids_in(str(source.get("ref") or ""))
        ids |= ids_in(str(record.get("notes") or ""))
        for event in record.get("events") or []:  # type: ignore[attr-defined]
            if isinstance(event, dict) and event.get("location"):
                names.add(fold(str(event["location"])))
    if not ids or not names:
        raise ExclusionError(
            f"{gold_dir}: found {len(ids)} UCDP ids and {len(names)} test locations; need both"
        )
    return Exclusions(frozenset(ids), frozenset(names), frozenset(loose(n) for n in names))
