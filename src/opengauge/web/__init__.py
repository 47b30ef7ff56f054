"""The leaderboard on the web: a FastAPI app (`opengauge serve`) and a static site (`opengauge site`).

Both render the same Jinja2 templates from the same view data (`views.py`), which comes from
`opengauge.api` only. Importing this package is cheap; FastAPI is imported by `app.py` alone.
"""
