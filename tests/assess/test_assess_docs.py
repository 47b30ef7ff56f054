"""The rating rules' documentation names every finding id, parameter and requirement form."""

from __future__ import annotations

from opengauge import frameworks
from opengauge.assess.findings import FINDINGS

from .conftest import ROOT

RULES = (ROOT / "docs" / "rating-rules.md").read_text()
README = (ROOT / "README.md").read_text()


def test_every_finding_id_is_documented_in_the_table_and_listed_in_the_readme():
    for finding_id in FINDINGS:
        assert f"| `{finding_id}` |" in RULES, finding_id
        assert f"`{finding_id}`" in README, finding_id


def test_every_eu_parameter_has_a_rule():
    for criterion in frameworks.get("osai-14").criteria:
        assert f"| `{criterion.ref}`" in RULES, criterion.ref


def test_every_mof_component_has_a_rule():
    for criterion in frameworks.get("mof").criteria:
        assert criterion.ref in RULES or criterion.ref.split(" (")[0] in RULES, criterion.ref


def test_the_check_options_are_documented():
    for option in ("--offline", "--endpoint", "--token", "--timeout", "--require", "--deny",
                   "--from", "--jobs", "--fresh"):
        assert f"`{option}" in README, option
