"""`opengauge scan`: many Hub repositories as Dask tasks into a Parquet dataset, and its census.

See docs/scan.md. Modules: `schema` (the dataset's Arrow schema), `inputs` (ids from a file,
a cards snapshot or the Hub's listing), `rows` (one repository's row), `limiter` (the shared
rate limiter), `run` (shards, manifests, resume, Dask), `census` (DuckDB over the dataset).
"""
