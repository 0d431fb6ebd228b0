"""Rebuild the Sahel pack's gazetteer from the shared GeoNames extracts.

    python scripts/build_gazetteer.py [SHARED_GAZETTEER_DIR] [--out FILE]

Same as ``python -m harmattan.regions.gazetteer.build``; the shared folder defaults to
``../shared/data/gazetteer`` next to the repository.
"""

from harmattan.regions.gazetteer.build import main

if __name__ == "__main__":
    raise SystemExit(main())
