"""The templates' code compiled ahead of time, written by `python -m opengauge.web.precompile`
(see `opengauge/web/precompile.py`); do not edit these modules, regenerate them."""
