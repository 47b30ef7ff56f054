"""Every license string of the bundled catalogs resolves to a registry text or is a documented
known-missing one (catalog/data/license-strings.yml), and the table stays true."""

from __future__ import annotations

from opengauge import api
from opengauge import frameworks as registry
from opengauge.catalog import license_strings
from opengauge.compliance.texts import NO_LICENSE
from opengauge.compliance.texts import license_strings as strings_of
from opengauge.licenses import lookup_id, lookup_name
from opengauge.model import Ranked


def catalog_strings() -> set[str]:
    cat = api.catalog()
    found = {a.subject.license for fid in registry.ids() for a in cat.assessments(fid)
             if a.subject.license}
    mof = registry.get("mof")
    for family in {a.subject.id for a in cat.assessments("mof")}:
        for record in cat.releases("mot", family):
            evaluated = mof.evaluate(record)
            found |= {s.value for s in strings_of(evaluated.subject, {"mof": Ranked(evaluated, 1, 1)})}
    return {s for s in found if s.strip().lower() not in NO_LICENSE}


def test_every_catalog_license_string_resolves_or_is_known_missing() -> None:
    table = license_strings.table()
    unresolved = sorted(s for s in catalog_strings()
                        if not lookup_name(s).matches and s not in table["resolves"]
                        and s not in table["missing"])
    assert unresolved == []


def test_the_table_stays_true() -> None:
    strings = catalog_strings()
    table = license_strings.table()
    for value, key in table["resolves"].items():
        assert value in strings, value
        assert not lookup_name(value).matches, f"{value}: the analyzer reads it now; drop the entry"
        assert lookup_id(key).identified, key
    for value, why in table["missing"].items():
        assert value in strings, value
        assert why.strip()
        assert not lookup_name(value).matches, f"{value}: the analyzer reads it now; drop the entry"


# Catalog strings whose publisher's text was added to licenses/data/ai/ (issue 12, item 3):
# the string, the registry key of that text, and whether it resolves by name or by the table.
ADDED = {
    "Databricks Open Model License": ("databricks-open-model", "name"),
    "LTX-2 Community License Agreement": ("ltx-2-community-2026-01-05", "name"),
    "EXAONE AI Model License Agreement 1.2": ("exaone-1.2-nc", "table"),
}


def test_strings_with_an_added_publisher_text_resolve_to_it() -> None:
    strings = catalog_strings()
    table = license_strings.table()
    for value, (key, how) in ADDED.items():
        assert value in strings, value
        assert value not in table["missing"], value
        if how == "name":
            assert [m.key for m in lookup_name(value).matches] == [key], value
        else:
            assert table["resolves"][value] == key
        assert lookup_id(key).identified, key


def test_a_name_of_another_version_does_not_resolve_to_an_added_text() -> None:
    # the added texts name their own versions only: 1.3 is not 1.2, LTX-2.x is not LTX-2
    assert not lookup_name("EXAONE AI Model License Agreement 1.3").matches
    assert [m.key for m in lookup_name("EXAONE AI Model 1.1 - NC").matches] == [
        "exaone-ai-model-1.1-nc"]
    assert not lookup_name("LTX-2.x Community License Agreement").matches
