"""Build the Sahel pack's UCDP place supplement (``places/ucdp_places.yaml``) from the shared UCDP GED CSV.

    python scripts/build_ucdp_places.py [--csv UCDP_CSV] [--gold GOLD_DIR] [--out FILE]

Same as ``python -m harmattan.regions.gazetteer.ucdp``. One entry per distinct exact UCDP place
(``where_prec`` 1) that the GeoNames gazetteer lacks, at the median of its rows (dropped when they
disagree by more than 10 km), with the gazetteer's own admin names and the UCDP GED ids.

HONESTY RULE: the project's held-out gold (``gold/passages_*.jsonl``, split "test") was written
partly from UCDP rows. The supplement therefore leaves out (a) every UCDP GED id a gold test passage
references (``source.ref``, ids in ``notes``, the "id (passage)" pairs of ``gold/SOURCES.md``; an id
listed there without a dev passage counts as a test one) and (b) every place whose name equals a gold
test event's location. Rows behind dev passages only stay (dev is tuning data). The build fails
(exit 2) if that exclusion set cannot be read, so the held-out figure is never helped by this file.
"""

from harmattan.regions.gazetteer.ucdp import main

if __name__ == "__main__":
    raise SystemExit(main())
