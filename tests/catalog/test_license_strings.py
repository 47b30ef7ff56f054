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
