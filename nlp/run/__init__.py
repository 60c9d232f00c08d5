"""Running the model over a corpus: loading it, parsing in batches and processes, caching, progress, Dask.

- :mod:`nlp.run.model`: which spaCy pipeline, and its identity for the cache;
- :mod:`nlp.run.pipeline`: documents in, :class:`~nlp.records.Extraction` records out, in one or N processes;
- :mod:`nlp.run.cache`: the SQLite cache of extractions;
- :mod:`nlp.run.progress`: the progress line on a terminal;
- :mod:`nlp.run.dask_engine`: the same on a Dask cluster.
"""
