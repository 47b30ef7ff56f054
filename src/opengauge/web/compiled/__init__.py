"""The templates' code compiled ahead of time by `python -m opengauge.web.precompile`
(see `opengauge/web/precompile.py`); do not edit these modules, regenerate them."""

JINJA_VERSION = "3.1.6"
