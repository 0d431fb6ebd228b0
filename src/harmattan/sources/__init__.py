"""Sources: bringing news in, safely.

- :mod:`~harmattan.sources.http` — the guarded HTTP client (:class:`Fetcher`), with the SSRF
  :mod:`~harmattan.sources.guard`, robots.txt, politeness, conditional GET, retries, caps;
- :mod:`~harmattan.sources.feeds` and :mod:`~harmattan.sources.web` — RSS/Atom items and article pages;
- :mod:`~harmattan.sources.fetch` — :class:`SourceFetcher`: registered sources into the store;
- :mod:`~harmattan.sources.catalogue` — the region pack's outlet catalogue;
- importers: :mod:`~harmattan.sources.ucdp` (reference events), :mod:`~harmattan.sources.gdelt`
  (leads), :mod:`~harmattan.sources.tabular` (CSV/JSONL articles).

Submodules are imported on use: ``import harmattan.sources`` loads nothing heavy.
"""
