"""One extractor per test session, on the real Sahel region pack (matchers are built once)."""

from __future__ import annotations

import pytest

from harmattan.extraction import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    from harmattan import regions

    return Extractor(pack=regions.load("sahel"))
