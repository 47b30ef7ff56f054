"""Automatic assessment: read a model's repository, rate it under every framework, report.

`check_target(target, options)` -> Report (`engine.py`); the license picture the rules share
(`licensing.py`), findings with stable ids (`findings.py`), release gates (`gate.py`) and batch
runs with resume (`batch.py`). The rating rules themselves live beside each framework
(`frameworks/*_rules.py`). See docs/rating-rules.md.
"""
