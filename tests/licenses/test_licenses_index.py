"""The prebuilt index: fresh in package data, rebuilt by itself when a license file is added."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengauge import licenses
from opengauge.licenses import index, rulebook

NEW_LICENSE = """---
key: example-model-license-1.0
name: Example Model License 1.0
family: example
version: "1.0"
kind: license
---

EXAMPLE MODEL LICENSE 1.0

The Licensor grants you a worldwide, royalty-free license to use, copy, modify and
distribute the Example Model, provided that you do not use the Example Model or any of
its outputs for the operation of weather satellites, and that every copy you distribute
names the Example Foundation as the origin of the weights. Tomatoes, lighthouses and
harpsichords are mentioned here only so that this text resembles no other license.
"""


def test_committed_index_is_fresh() -> None:
    """Fails after a license file changes until `python -m opengauge.licenses.build` runs."""
    built = index.parse(index.bundled_path().read_bytes())
    assert built is not None, "data/index.zip is missing or unreadable"
    assert built.meta["fingerprint"] == index.fingerprint(None)
    assert built.meta["digest"] == index.content_digest(None)


def test_committed_index_holds_the_rule_files_as_they_are() -> None:
    """Fails after a rule file changes until the build runs (the rules are then parsed from
    their YAML, correct but slower to start)."""
    built = index.parse(index.bundled_path().read_bytes())
    assert built is not None
    assert built.rules == index.rules_part()
    assert sorted(built.rules) == sorted(p.name for p in rulebook.RULES.glob("*.yml"))


def test_a_rule_file_changed_since_the_build_is_read_from_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = sorted(rulebook.RULES.glob("*.yml"))[0]
    changed = tmp_path / source.name
    changed.write_text(source.read_text(encoding="utf-8").replace(
        "summary: ", "summary: (changed) ", 1), encoding="utf-8")
    assert rulebook._parsed(changed)["summary"].startswith("(changed) ")
    assert not rulebook._parsed(source)["summary"].startswith("(changed) ")
    assert rulebook._parsed(source) == index.load().rules[source.name]["data"]


def test_index_round_trips_through_its_bytes() -> None:
    built = index.load()
    again = index.parse(index.dump(built))
    assert again is not None
    assert again.registry == built.registry and again.matching == built.matching
    assert again.text_tokens(3) == built.text_tokens(3)


def test_an_unreadable_index_is_rejected() -> None:
    assert index.parse(b"not a zip") is None


@pytest.mark.slow
def test_adding_a_license_file_rebuilds_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "my-licenses"
    folder.mkdir()
    (folder / "example-model-license-1.0.LICENSE").write_text(NEW_LICENSE, encoding="utf-8")
    monkeypatch.setenv("OPENGAUGE_LICENSES", str(folder))
    monkeypatch.setenv("OPENGAUGE_CACHE_DIR", str(tmp_path / "cache"))
    licenses.reset()
    try:
        text = NEW_LICENSE.split("---\n", 2)[2]
        result = licenses.analyze_text(text)
        assert "rebuilt its index" in capsys.readouterr().err
        assert [m.key for m in result.matches] == ["example-model-license-1.0"]
        assert result.matches[0].spdx == "LicenseRef-opengauge-example-model-license-1.0"
        assert (tmp_path / "cache" / "licenses-index.zip").exists()
        licenses.reset()
        licenses.analyze_text(text)
        assert "rebuilt" not in capsys.readouterr().err
    finally:
        monkeypatch.delenv("OPENGAUGE_LICENSES")
        licenses.reset()
