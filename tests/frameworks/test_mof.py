"""The Model Openness Framework: the MOT's 27 test files, its 273 releases, and each rule."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from opengauge.catalog.mot import MotReader
from opengauge.frameworks import mof
from opengauge.model import Assessment
from reference_data import REFERENCE

MOT = REFERENCE / "mot"
TEST_FILES = sorted((MOT / "test-data").glob("*.yml"))
BUNDLED = Path(mof.__file__).parents[1] / "catalog" / "data" / "mot"


def expected_results() -> dict[str, dict]:
    """`expected_results.json` (the MOT API's output; trailing commas, so read as YAML)."""
    data = yaml.safe_load((MOT / "test-data" / "expected_results.json").read_text("utf-8"))
    return {m["release"]["name"]: m["classification"] for m in data["models"]}


def classify(path: Path) -> Assessment:
    return mof.framework().evaluate(MotReader().read_record(path))


def release(tmp_path: Path, components: str, licenses: str = "", name: str = "T") -> Path:
    """A MOT release file with the given `components` list and `release.license` block."""
    text = (f"framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\n"
            f"release:\n  name: {name}\n  license:\n{licenses or '    {}'}\n  components:\n{components}")
    path = tmp_path / f"{name}.yml"
    path.write_text(text, "utf-8")
    return path


def items(*entries: tuple[str, str | None]) -> str:
    out = []
    for name, lic in entries:
        out.append(f"    - name: '{name}'")
        if lic is not None:
            out.append(f"      license: '{lic}'")
    return "\n".join(out) + "\n"


def test_there_are_27_test_files_and_17_components() -> None:
    assert len(TEST_FILES) == 27
    assert len(mof.components()) == 17
    assert [len(mof._slots(k, False)) for k in (3, 2, 1)] == [6, 10, 14]


@pytest.mark.parametrize("path", TEST_FILES, ids=[p.stem for p in TEST_FILES])
def test_mot_test_file_gives_the_expected_class_and_progress(path: Path) -> None:
    result = classify(path)
    expected = expected_results()[result.subject.name]
    assert result.klass == expected["class"]
    assert result.progress is not None
    assert set(result.progress) == {"1", "2", "3"}
    for key in ("1", "2", "3"):
        assert result.progress[key] == pytest.approx(float(expected["progress"][key]), abs=1e-9)
    assert result.score is None


def test_every_bundled_release_classifies() -> None:
    files = sorted(BUNDLED.glob("*.yml"))
    assert len(files) == 273
    classes = {}
    for path in files:
        result = classify(path)
        assert result.klass in (0, 1, 2, 3)
        assert len(result.ratings) == 17
        assert all(0 <= v <= 100 for v in result.progress.values())
        classes[path.name] = result.klass
    assert classes["Pythia-6.9B.yml"] == 1
    assert classes["Llama-2-7B.yml"] == 0


def test_license_strings_are_read_literally(tmp_path: Path) -> None:
    spaced = classify(release(tmp_path, items(("Model architecture", "Apache 2.0")), name="a"))
    assert spaced.rating("Model architecture").level == "closed"
    assert spaced.extra["license_readings"]["Apache 2.0"]["open"] is False
    assert spaced.extra["license_readings"]["Apache 2.0"]["normalized"] is None
    exact = classify(release(tmp_path, items(("Model architecture", "Apache-2.0")), name="b"))
    assert exact.rating("Model architecture").level == "open"
    assert exact.extra["license_readings"]["Apache-2.0"]["basis"].startswith("OSI-approved")


def test_open_license_lists() -> None:
    lists = mof.license_lists()
    assert lists.is_open("MIT") and lists.is_open("CC-BY-4.0") and lists.is_open("OpenMDW-1.0")
    assert lists.is_open("GPL-3.0-only")
    for closed in ("Llama 2 Community License", "CC-BY-NC-4.0", "unlicensed", "apache-2.0", "", None):
        assert not lists.is_open(closed)


def test_license_resolution_order(tmp_path: Path) -> None:
    licenses = ("    distribution:\n      name: MIT\n    code:\n      name: 'Llama 2 Community License'\n"
                "    document:\n      name: ''\n")
    path = release(tmp_path, items(("Model architecture", None), ("Training code", "Apache-2.0"),
                                   ("Model card", None), ("Datasets", None), ("Data card", "")),
                   licenses)
    quotes = {r.dimension: (r.evidence[0].quote, r.evidence[0].locator.field)
              for r in MotReader().read_record(path).ratings}
    assert quotes["Training code"] == ("Apache-2.0", "release.components[1].license")
    assert quotes["Model architecture"] == ("Llama 2 Community License", "release.license.code.name")
    assert quotes["Model card"] == ("MIT", "release.license.distribution.name")  # blank type-wide
    assert quotes["Datasets"] == ("MIT", "release.license.distribution.name")
    assert quotes["Data card"] == (None, "release.components[4].license")  # explicit blank
    bare = release(tmp_path, items(("Model card", None)), name="bare")
    (rating,) = MotReader().read_record(bare).ratings
    assert rating.level == "closed" and rating.evidence[0].quote is None
    assert classify(bare).blockers["Model card"] == {"status": "unlicensed", "license": None}


def test_evidence_points_at_file_line_and_license(tmp_path: Path) -> None:
    result = classify(BUNDLED / "Llama-2-7B.yml")
    architecture = result.rating("Model architecture").evidence[0]
    lines = (BUNDLED / "Llama-2-7B.yml").read_text("utf-8").splitlines()
    assert architecture.locator.file == "Llama-2-7B.yml"
    assert "license: 'Llama 2 Community License'" in lines[architecture.locator.line - 1]
    assert architecture.quote == "Llama 2 Community License"
    missing = result.rating("Training code")
    assert missing.level == "unknown"
    assert missing.evidence[0].note == "not listed among the release's components"


def test_blockers_name_the_next_class_and_why() -> None:
    llama = classify(BUNDLED / "Llama-2-7B.yml")
    assert llama.klass == 0 and llama.extra["next_class"] == 3
    assert llama.blockers["Model architecture"] == {"status": "not-open",
                                                     "license": "Llama 2 Community License"}
    assert llama.blockers["Model card"] == {"status": "missing", "license": None}
    assert llama.blockers["Research paper"] == {"status": "unlicensed", "license": "unlicensed"}
    assert "Technical report" not in llama.blockers  # the listed research paper stands in
    pythia = classify(BUNDLED / "Pythia-6.9B.yml")
    assert pythia.klass == 1 and pythia.blockers == {} and pythia.extra["next_class"] is None


def test_research_paper_stands_in_for_the_technical_report(tmp_path: Path) -> None:
    class2r = next(p for p in TEST_FILES if p.name.startswith("Class2R"))
    result = classify(class2r)
    assert result.klass == 2
    assert result.progress["1"] == pytest.approx(10 / 13 * 100)
    assert any("Research paper stands in" in w for w in result.warnings)
    assert set(result.blockers) == {"Datasets", "Data preprocessing code",
                                    "Model parameters (Intermediate)"}


def test_progress_is_gated_by_the_classes_above(tmp_path: Path) -> None:
    # Every Class II and I component is open, but a Class III one is missing.
    names = [c.name for c in mof.components() if c.required and c.name != "Evaluation results"]
    result = classify(release(tmp_path, items(*[(n, "MIT") for n in names])))
    assert result.progress == {"3": pytest.approx(500 / 6), "2": 0.0, "1": 0.0}
    assert result.klass == 0
    assert list(result.blockers) == ["Evaluation results"]


def test_open_license_of_the_wrong_type_counts_with_a_warning(tmp_path: Path) -> None:
    result = classify(release(tmp_path, items(("Model parameters (Final)", "MIT"),
                                              ("Model architecture", "CC-BY-4.0"))))
    assert result.rating("Model parameters (Final)").level == "open"
    assert any(w.startswith("Model parameters (Final): 'MIT' is open but not a type-appropriate data")
               for w in result.warnings)
    assert any(w.startswith("Model architecture: 'CC-BY-4.0'") for w in result.warnings)


def test_order_puts_class_one_first_and_unclassified_last() -> None:
    framework = mof.framework()
    names = ["Llama-2-7B.yml", "GPT-NeoX-20B.yml", "Pythia-6.9B.yml", "Polyglot-Ko.yml"]
    ranked = framework.rank(classify(BUNDLED / n) for n in names)
    assert [r.assessment.klass for r in ranked] == [1, 2, 3, 0]
    assert [r.rank for r in ranked] == [1, 2, 3, 4]


def test_check_shows_the_analyzers_reading_beside_the_literal_one() -> None:
    from opengauge import api

    ranked = next(e for e in api.rank("mof").entries if e.assessment.subject.id == "ul2")
    literal = ranked.assessment.extra["license_readings"]["Apache 2.0"]
    assert literal == {"open": False, "normalized": None,
                       "basis": "not an id the MOT counts as open (compared literally)"}
    report = api.check("ul2")
    checked = report.frameworks["mof"].assessment
    reading = checked.extra["license_readings"]["Apache 2.0"]
    assert reading["open"] is False  # the MOT's literal rule stands
    assert reading["normalized"]["licenses"] == [
        {"spdx": "Apache-2.0", "key": "apache-2.0", "name": "Apache License 2.0"}]
    assert reading["normalized"]["open_source"] is True
    assert reading["normalized"]["provenance"] == "automatic"
    assert checked.klass == ranked.assessment.klass == 0
    assert checked.blockers == ranked.assessment.blockers
    assert report.license_dict()["mot"]["readings"]["Apache 2.0"] == reading
    unlicensed = checked.extra["license_readings"]["unlicensed"]["normalized"]
    assert unlicensed["licenses"] == [] and unlicensed["open_source"] is None
    assert ranked.assessment.extra["license_readings"]["Apache 2.0"]["normalized"] is None


def test_ranking_does_not_load_the_license_analyzer() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import sys; from opengauge import api; "
                           "api.rank('mof'); api.model('ul2'); "
                           "print(sorted(m for m in sys.modules if m.startswith('opengauge.licenses')))"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
