"""Automatic assessment: read a model's repository, rate it under every framework, report.

The automatic assessment of gathered facts (`engine.py`; `app.checking.check_target` builds the
Report with a session); the license picture the rules share
(`licensing.py`), findings with stable ids (`findings.py`), release gates (`gate.py`) and batch
runs with resume (`batch.py`). The rating rules themselves live beside each framework
(`frameworks/*_rules.py`). See docs/rating-rules.md.
"""
