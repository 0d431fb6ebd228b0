"""Building and indexing the region pack's gazetteer.

``geonames`` reads the GeoNames extracts, ``admin`` applies the table of
administrative changes, ``build`` writes the committed TSV, ``curated`` reads
and checks the hand-made entries, and ``index`` keeps the compiled cache that
makes :meth:`harmattan.regions.places.Gazetteer.load` fast.
"""
