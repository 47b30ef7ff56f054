"""Stored checks: the store's history table and its migration, what `check` records, dedupe,
`opengauge history` in every format, `diff --history` of two stored revisions, the opt-out,
an unusable store, bad refs."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_process import run_cli
from opengauge import api, history
from opengauge.app import recording
from opengauge.errors import BadInput, NotFound
from opengauge.formats.records import report_from_record, reports_document
from opengauge.store import SCHEMA_VERSION, HistoryRow, Store, default_path
from reference_data import REFERENCE

APACHE = (REFERENCE / "licenses" / "scancode" / "apache-2.0.LICENSE").read_text()
APACHE = APACHE.split("---", 2)[2].lstrip() if APACHE.startswith("---") else APACHE
LLAMA31 = (REFERENCE / "licenses" / "ai" / "llama3_1-license.txt").read_text()
CARD = "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# My model\n"

# The schema of version 2 as it shipped (migrations 1 and 2), written out so that a change to
# `_MIGRATIONS` cannot hide a broken upgrade.
V2_SCHEMA = """
CREATE TABLE hub_answers (kind TEXT NOT NULL, key TEXT NOT NULL, status INTEGER NOT NULL,
    body BLOB, fetched_at REAL NOT NULL, PRIMARY KEY (kind, key));
CREATE TABLE batch_results (batch TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL,
    exit_code INTEGER NOT NULL, record BLOB, error TEXT, finished_at REAL NOT NULL,
    PRIMARY KEY (batch, target));
PRAGMA user_version=2;
"""


def folder_with(tmp_path: Path, license_text: str, name: str = "my-model") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "README.md").write_text(CARD)
    (folder / "LICENSE").write_text(license_text)
    return folder


def cli_json(*args: str, env: dict[str, str] | None = None) -> dict:
    done = run_cli(*args, "-f", "json", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return json.loads(done.stdout)


def one_line_error(done, code: int) -> str:
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stderr.startswith("opengauge: error: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


def store_check(target: str, report) -> tuple[int, bool]:
    with Store() as store:
        return recording.record(store, target, report)


def row(model: str = "m", digest: str = "d1", revision: str = "r1", when: float = 100.0,
        snapshots: str = "[]") -> HistoryRow:
    return HistoryRow(model=model, number=0, target=model, subject=model, revision=revision,
                      revision_kind="hub-commit", snapshots=snapshots, tool_version="0.1.0",
                      digest=digest, record=b"{}", first_checked_at=when, checked_at=when, count=1)


# -- the store ------------------------------------------------------------------------------------

def test_a_version_2_store_migrates_and_keeps_its_data(tmp_path):
    path = tmp_path / "opengauge.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(V2_SCHEMA)
    db.execute("INSERT INTO hub_answers VALUES ('file', 'k', 200, x'6f6e65', 5.0)")
    db.execute("INSERT INTO batch_results VALUES ('b', 't', 'done', 0, x'7b7d', NULL, 6.0)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert SCHEMA_VERSION == 3 and store.version == 3
        assert store.hub_get("file", "k").body == b"one"
        assert store.batch_results("b")["t"].record == b"{}"
        assert store.history("m") == []
        assert store.history_add(row()) == (1, True)
    with Store(path) as again:  # opening a current file changes nothing
        assert again.version == 3 and [r.number for r in again.history("m")] == [1]


def test_only_identical_consecutive_checks_are_merged(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.history_add(row(when=1.0)) == (1, True)
        assert store.history_add(row(when=2.0)) == (1, False)
        assert store.history_add(row(digest="d2", when=3.0)) == (2, True)  # another record
        assert store.history_add(row(when=4.0)) == (3, True)  # the first again, not consecutive
        assert store.history_add(row(revision="r2", when=5.0)) == (4, True)
        assert store.history_add(row(revision="r2", snapshots='["x"]', when=6.0)) == (5, True)
        assert store.history_add(row(model="other", when=7.0)) == (1, True)  # numbered per model
        rows = store.history("m")
    assert [r.number for r in rows] == [5, 4, 3, 2, 1]  # newest first
    first = rows[-1]
    assert (first.count, first.first_checked_at, first.checked_at) == (2, 1.0, 2.0)
    assert all(r.count == 1 for r in rows[:-1])


def test_threads_number_checks_without_gaps_or_clashes(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        def work(n: int) -> None:
            for i in range(10):
                store.history_add(row(digest=f"{n}-{i}"))
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(r.number for r in store.history("m")) == list(range(1, 41))


# -- what a check stores --------------------------------------------------------------------------

@pytest.mark.slow
def test_a_catalog_check_is_stored_with_its_snapshots_and_record():
    shown = cli_json("check", "llama-2")
    listed = cli_json("history", "llama-2")
    assert listed["schema_version"] == "1.0" and listed["tool"]["name"] == "opengauge"
    (entry,) = listed["checks"]
    assert entry["model"] == entry["id"] == "llama-2" and entry["number"] == 1
    assert entry["target"] == "llama-2" and entry["count"] == 1
    assert entry["revision_kind"] == "catalog-snapshot" and entry["revision"].startswith("catalog:")
    assert entry["tool_version"] == shown["tool"]["version"]
    assert {d["source"] for d in entry["data"]} >= {"osai-index", "ouc-2023"}
    assert entry["data"] == [{k: d.get(k) for k in ("source", "snapshot", "date", "layer")}
                             for d in shown["models"][0]["provenance"]["data"]]
    assert entry["summary"] == shown["models"][0]["summary"]
    assert entry["results"]["osaid"] == shown["models"][0]["frameworks"]["osaid"]["verdict"]
    assert entry["results"]["osai"] == shown["models"][0]["frameworks"]["osai"]["score"]
    stored = cli_json("history", "llama-2", "--show", "1")
    assert stored["models"] == shown["models"]  # the same record the check showed


def test_the_same_check_again_moves_the_date_and_counts(tmp_path):
    report = api.check("llama-2")
    store_check("llama-2", report)
    before = api.history("llama-2").entries[0].row
    assert store_check("Llama 2", report) == (1, False)  # an alias: the same model
    (entry,) = api.history("llama2").entries
    assert entry.row.count == 2 and entry.row.target == "llama-2"  # as first written
    assert entry.row.checked_at >= before.checked_at == entry.row.first_checked_at


@pytest.mark.slow
def test_a_gate_outcome_is_not_part_of_the_stored_record():
    done = run_cli("check", "llama-2", "--require", "osai>=0", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert "gate" in json.loads(done.stdout)["models"][0]
    again = run_cli("check", "llama-2", "-f", "json")
    assert again.returncode == 0
    (entry,) = api.history("llama-2").entries  # merged: the gate is the options', not the model's
    assert entry.row.count == 2 and "gate" not in entry.record


def test_a_local_folder_is_stored_under_its_absolute_path(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, APACHE)
    monkeypatch.chdir(tmp_path)
    report = api.check_target("my-model")
    assert store_check("my-model", report) == (1, True)
    (entry,) = api.history(str(folder)).entries
    assert entry.row.model == str(folder.resolve()) and entry.row.target == "my-model"
    assert entry.row.revision_kind == "local-digest"
    assert entry.row.revision == report.provenance.revision
    assert json.loads(entry.row.snapshots) == []  # rated from its own files, no catalog record
    assert api.history("./my-model").model == str(folder.resolve())
    assert api.history(f"path:{folder}").model == str(folder.resolve())


def test_a_report_comes_back_from_its_stored_record(tmp_path):
    for report in (api.check("olmo"), api.check_target(str(folder_with(tmp_path, LLAMA31)))):
        (record,) = reports_document([report], []).records
        again = report_from_record(json.loads(json.dumps(record)))
        (round_trip,) = reports_document([again], []).records
        assert round_trip == json.loads(json.dumps(record))


# -- history and diff of a local folder whose license changed -------------------------------------

@pytest.mark.slow
def test_history_and_diff_when_a_folder_changes_from_apache_to_llama_31(tmp_path):
    folder = folder_with(tmp_path, APACHE)
    first = cli_json("check", str(folder))["models"][0]
    (folder / "LICENSE").write_text(LLAMA31)
    second = cli_json("check", str(folder))["models"][0]
    assert first["provenance"]["revision"] != second["provenance"]["revision"]

    checks = cli_json("history", str(folder))["checks"]
    assert [c["number"] for c in checks] == [2, 1]  # newest first
    assert [c["revision"] for c in checks] == [second["provenance"]["revision"],
                                               first["provenance"]["revision"]]
    assert [c["summary"]["open_source"] for c in checks] == [False, None]
    # the identified license, not the file it is in
    assert checks[1]["license"] == "Apache License 2.0"
    # the card still says apache-2.0 beside the Llama 3.1 LICENSE file: both are named
    assert checks[0]["license"] == "Apache License 2.0; Llama 3.1 Community License Agreement 2024"
    assert "LICENSE" not in (checks[0]["license"], checks[1]["license"])
    table = run_cli("history", str(folder), "-f", "csv")
    assert table.returncode == 0
    assert "Apache License 2.0" in table.stdout and "Llama 3.1 Community License" in table.stdout

    record = cli_json("diff", str(folder), "--history", "1", "--history", "2")["diffs"][0]
    assert not record["same"]
    assert record["a"]["label"].startswith(f"{folder.resolve()} #1 (")
    license = {c["field"]: (c["a"], c["b"]) for c in record["license"]}
    identified_a, identified_b = license["identified"]
    assert not any("Llama" in x for x in identified_a)
    assert any(x.startswith("Llama 3.1 Community License") and "version 3.1" in x
               for x in identified_b)
    assert license["rating"] == ("partial", "closed")
    added = {r["kind"]: r for r in record["restrictions_added"]}
    assert {"user-threshold", "field-of-use", "attribution-display"} <= set(added)
    assert added["user-threshold"]["value"]["amount"] == 700_000_000
    assert "700 million" in added["user-threshold"]["quote"]
    assert record["restrictions_removed"] == []
    assert "license-mismatch" in {f["id"] for f in record["findings_added"]}
    (osai,) = [f for f in record["frameworks"] if f["framework"] == "osai"]
    assert {r["dimension"]: (r["a"], r["b"]) for r in osai["ratings"]}["licenses"] == ("partial",
                                                                                     "closed")

    by_name = cli_json("diff", str(folder), "--history", "previous", "--history", "latest")["diffs"]
    by_revision = cli_json("diff", str(folder), "--history", checks[1]["revision"][7:19],
                           "--history", checks[0]["revision"][:20])["diffs"]
    assert by_name == by_revision == [record]

    markdown = run_cli("diff", str(folder), "--history", "1", "--history", "2", "-f", "markdown")
    assert markdown.returncode == 0
    assert "| license | restriction added |" in markdown.stdout
    assert "user-threshold" in markdown.stdout


def test_two_models_latest_stored_checks(tmp_path):
    a, b = folder_with(tmp_path, APACHE, "a"), folder_with(tmp_path, LLAMA31, "b")
    for folder in (a, b):
        store_check(str(folder), api.check_target(str(folder)))
    result = api.diff(str(a), str(b), history=["latest"])
    assert result.a["label"].startswith(f"{a} #1") and result.b["label"].startswith(f"{b} #1")
    assert any(r["kind"] == "user-threshold" for r in result.to_dict()["restrictions_added"])


# -- formats ----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_history_in_every_format(tmp_path):
    folder = folder_with(tmp_path, APACHE)
    for text in (APACHE, LLAMA31, LLAMA31):
        (folder / "LICENSE").write_text(text)
        os.utime(folder / "LICENSE", (1_700_000_000, 1_700_000_000))
        store_check(str(folder), api.check_target(str(folder)))
    target = str(folder)

    table = run_cli("history", target, "-f", "table")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].strip() == f"{target}: 2 stored checks"
    assert lines[1].split()[:3] == ["#", "checked", "at"]
    rows = [line.split() for line in lines[2:] if line.split()[0].isdigit()]  # long cells wrap
    assert [row[0] for row in rows] == ["2", "1"]
    assert rows[0][-1] == "2" and rows[1][-1] == "1"  # times
    assert "Apache" in table.stdout and "LICENSE" not in table.stdout

    rows = list(csv.DictReader(io.StringIO(run_cli("history", target, "-f", "csv").stdout)))
    assert [r["#"] for r in rows] == ["2", "1"] and rows[0]["times"] == "2"
    assert rows[0]["revision"].startswith("sha256:") and len(rows[0]["revision"]) == 71
    assert rows[0]["open source"] == "no" and rows[1]["open source"] == "unknown"
    assert rows[0]["model"] == target and rows[0]["revision_kind"] == "local-digest"

    markdown = run_cli("history", target, "-f", "markdown").stdout.splitlines()
    assert markdown[0] == f"## {target}: 2 stored checks"
    assert markdown[2].startswith("| # | checked at | revision |") and markdown[4].startswith("| 2 |")

    jsonl = [json.loads(x) for x in run_cli("history", target, "-f", "jsonl").stdout.splitlines()]
    assert [x["number"] for x in jsonl] == [2, 1] and jsonl[0]["count"] == 2

    limited = cli_json("history", target, "--limit", "1")["checks"]
    assert [x["number"] for x in limited] == [2]

    shown = run_cli("history", target, "--show", "1", "-f", "table")
    assert shown.returncode == 0 and "revision   sha256:" in shown.stdout


# -- the Hub (the local test server) --------------------------------------------------------------

@pytest.mark.slow
def test_hub_checks_are_stored_per_commit(hub):
    repo = hub.add_model("Acme/Tiny-Model", {"README.md": CARD, "LICENSE": APACHE,
                                             "config.json": '{"model_type": "llama"}'})
    env = {"OPENGAUGE_HUB_ENDPOINT": hub.url}
    first = cli_json("check", "Acme/Tiny-Model", env=env)["models"][0]
    assert first["provenance"]["revision"] == repo.sha
    offline = cli_json("check", "Acme/Tiny-Model", "--offline", env=env)["models"][0]
    assert offline["provenance"]["cached"] is True
    repo.files["LICENSE"] = LLAMA31.encode()
    repo.sha = repo.branches["main"] = "f" * 40
    pinned = cli_json("check", f"Acme/Tiny-Model@{repo.sha}", env=env)["models"][0]
    assert pinned["provenance"]["revision"] == "f" * 40

    checks = cli_json("history", "acme/TINY-model")["checks"]
    assert [(c["number"], c["revision"], c["count"]) for c in checks] == [
        (2, "f" * 40, 1), (1, first["provenance"]["revision"], 2)]  # the offline check merged
    assert checks[0]["model"] == "acme/tiny-model" and checks[0]["revision_kind"] == "hub-commit"
    record = cli_json("diff", "Acme/Tiny-Model", "--history", "1", "--history", "fffffff")["diffs"][0]
    assert any(r["kind"] == "user-threshold" for r in record["restrictions_added"])


# -- batches, opt-out, unusable stores ------------------------------------------------------------

@pytest.mark.slow
def test_a_batch_stores_each_target_it_checks(tmp_path):
    folder = folder_with(tmp_path, APACHE)
    listing = tmp_path / "targets.txt"
    listing.write_text(f"llama-2\nolmo\n{folder}\n")
    assert run_cli("check", "--from", str(listing), "-f", "json").returncode == 0
    assert [len(api.history(t).entries) for t in ("llama-2", "olmo", str(folder))] == [1, 1, 1]
    assert run_cli("check", "--from", str(listing), "-f", "json").returncode == 0  # resumed
    assert api.history("olmo").entries[0].row.count == 1
    assert run_cli("check", "--from", str(listing), "--fresh", "-f", "json").returncode == 0
    assert [api.history(t).entries[0].row.count for t in ("llama-2", "olmo", str(folder))] == [2] * 3
    done = run_cli("check", "--from", str(listing), "--fresh", "--no-history", "-f", "json")
    assert done.returncode == 0
    assert api.history("olmo").entries[0].row.count == 2


@pytest.mark.slow
def test_opting_out_stores_nothing(tmp_path):
    assert cli_json("check", "llama-2", "--no-history")
    assert cli_json("check", "llama-2", env={"OPENGAUGE_NO_HISTORY": "1"})
    assert not default_path().exists()
    one_line_error(run_cli("history", "llama-2"), 3)
    assert cli_json("check", "llama-2", env={"OPENGAUGE_NO_HISTORY": "0"})  # 0 does not opt out
    assert len(api.history("llama-2").entries) == 1


@pytest.mark.slow
def test_an_unusable_store_never_fails_a_check_and_is_left_alone(tmp_path):
    path = default_path()
    path.parent.mkdir(parents=True)
    garbage = b"not a database, but the user's file " * 200
    path.write_bytes(garbage)
    done = run_cli("check", "llama-2", "-f", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["models"][0]["id"] == "llama-2"
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("opengauge: warning: check not stored in the history: ")
    assert str(path) in done.stderr and "Traceback" not in done.stderr
    assert path.read_bytes() == garbage
    assert "not a usable opengauge store" in one_line_error(run_cli("history", "llama-2"), 2)
    assert path.read_bytes() == garbage


@pytest.mark.slow
def test_a_store_that_cannot_be_created_only_warns(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = run_cli("check", "llama-2", "-f", "json", env={"OPENGAUGE_CACHE_DIR": str(blocker / "c")})
    assert done.returncode == 0 and json.loads(done.stdout)["models"]
    assert done.stderr.startswith("opengauge: warning: check not stored in the history: ")
    with Store(tmp_path / "s.sqlite3") as elsewhere:
        assert recording.record_safely("x", api.check("olmo"), elsewhere) is None
        assert [r.model for r in elsewhere.history("olmo")] == ["olmo"]


# -- bad input ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_bad_refs_and_unknown_models_are_one_line(tmp_path):
    store_check("llama-2", api.check("llama-2"))
    assert "history ref 'zz'" in one_line_error(run_cli("history", "llama-2", "--show", "zz"), 2)
    assert "no stored check '7'" in one_line_error(run_cli("history", "llama-2", "--show", "7"), 3)
    assert "no stored check 'previous'" in one_line_error(
        run_cli("history", "llama-2", "--show", "previous"), 3)
    one_line_error(run_cli("history", "llama-2", "--limit", "0"), 2)
    assert "did you mean" in one_line_error(run_cli("history", "lama-2"), 3)
    assert "no stored checks of 'olmo'" in one_line_error(run_cli("history", "olmo"), 3)
    one_line_error(run_cli("history", str(tmp_path / "gone" / "model")), 3)
    assert "needs two models" in one_line_error(run_cli("diff", "llama-2", "--history", "1"), 2)
    # a malformed ref is named first, whatever else is wrong (one --history, no model B)
    for args in (["--history", "zz"], ["--history", "1", "--history", "x!"]):
        error = one_line_error(run_cli("diff", "llama-2", *args), 2)
        assert f"history ref '{args[-1]}': expected a check number" in error, error
    assert "history ref 'zz'" in one_line_error(run_cli("diff", str(tmp_path), "--history", "zz"), 2)
    one_line_error(run_cli("diff", "llama-2", "--history", "1", "--history", "2"), 3)
    one_line_error(run_cli("diff", "llama-2", "--history", "1", "--snapshot", "osai"), 2)
    one_line_error(run_cli("diff", "llama-2", "--history", "1", "--history", "1",
                           "--history", "1"), 2)
    same = cli_json("diff", "llama-2", "--history", "1", "--history", "latest")["diffs"][0]
    assert same["same"] is True


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=24))
def test_any_ref_finds_a_check_or_says_why(ref):
    if not default_path().exists():
        store_check("llama-2", api.check("llama-2"))
    try:
        entry = history.find("llama-2", ref, api.resolve)
    except (BadInput, NotFound) as error:
        assert "\n" not in str(error)
    else:
        assert entry.row.number == 1


def test_the_history_is_documented():
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text()
    docs = (root / "docs" / "compliance.md").read_text()
    for text in ("`--no-history`", "OPENGAUGE_NO_HISTORY=1", "opengauge history", "--history",
                 "docs/compliance.md#history"):
        assert text in readme, text
    store_check("llama-2", api.check("llama-2"))
    (entry,) = api.history("llama-2").entries
    for field in entry.to_record():
        assert f"`{field}`" in docs, field
    for option in ("--show", "--limit", "--history REF", "--no-history", "`latest`", "`previous`"):
        assert option in docs, option
