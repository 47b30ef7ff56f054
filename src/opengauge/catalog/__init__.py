"""The catalog of curated openness records: readers for the published formats, snapshots, index."""
