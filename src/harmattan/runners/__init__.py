"""Runners: where long jobs run (this process, a local process pool, a Dask cluster) and the
jobs themselves: :func:`~harmattan.runners.backfill.backfill` and the
:class:`~harmattan.runners.watch.Watcher`."""
