"""Spelling rules from ``spelling.yaml``: the loose key, stop-names and capitalised-only names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DOUBLE = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Spelling:
    rewrites: tuple[tuple[str, str], ...] = ()
    collapse_doubles: bool = True
    strip_final: tuple[str, ...] = ()
    stopnames: frozenset[str] = frozenset()
    capitalised_only: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> Spelling:
        if not path.exists():
            return cls()
        data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        return cls(
            rewrites=tuple((str(a), str(b)) for a, b in data.get("loose_key") or ()),
            collapse_doubles=bool(data.get("collapse_double_letters", True)),
            strip_final=tuple(str(x) for x in data.get("strip_final") or ()),
            stopnames=frozenset(str(x) for x in data.get("stopnames") or ()),
            capitalised_only=frozenset(str(x) for x in data.get("capitalised_only") or ()),
        )

    def loose(self, folded: str) -> str:
        """Loose key of a folded name: ``"tin zaouatene"`` and ``"tinzawaten"`` -> ``"tinzauaten"``."""
        key = folded
        for old, new in self.rewrites:
            key = key.replace(old, new)
        if self.collapse_doubles:
            key = _DOUBLE.sub(r"\1", key)
        # Only longer names lose a final letter: "bere" (Béré) must not become "ber" (Ber).
        while len(key) > 5 and key[-1:] in self.strip_final:
            key = key[:-1]
        return key
