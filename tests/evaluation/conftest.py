from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SHARED_GOLD = Path("/work/shared/data/gold")

# The CLI loads the test predictor by module name (``--extractor fixed_predictor:FixedPredictor``).
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared_gold() -> Path:
    """The shared gold folder (read-only); tests that need it skip where it is absent."""
    if not SHARED_GOLD.exists():
        pytest.skip(f"{SHARED_GOLD} not present")
    return SHARED_GOLD
