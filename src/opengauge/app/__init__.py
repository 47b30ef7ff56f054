"""The app layer: the session (catalog, Hub options, store) and what needs all of them: the
curated and automatic reports (`curated`, `checking`), batches and scans."""
