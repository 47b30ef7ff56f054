"""`opengauge scan` and `scan report` against the local Hub and synthetic card snapshots."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_process import run_cli
from hubserver import HubServer
from opengauge.errors import BadInput, NotFound
from opengauge.scan import census, inputs
from opengauge.scan.limiter import Budgets, SlidingWindow
from opengauge.scan.run import HubSettings, ScanOptions, run_shard, scan, write_manifests
from opengauge.scan.schema import SCHEMA_VERSION

from .synthetic import cards_parquet, serve


def rows_of(out: Path) -> list[dict]:
    rows = []
    for part in sorted(out.glob("part-*.parquet")):
        assert pq.read_schema(part).metadata[b"schema_version"].decode() == SCHEMA_VERSION
        rows.extend(pq.read_table(part).to_pylist())
    return sorted(rows, key=lambda r: r["id"])


@pytest.fixture
def server():
    hub = HubServer()
    hub.start()
    yield hub
    hub.stop()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> tuple[Path, list[str]]:
    """A 264-repository card snapshot in two Parquet files."""
    folder = tmp_path_factory.mktemp("cards")
    return folder, cards_parquet(folder, 264, files=2)


# -- inputs ----------------------------------------------------------------------------------

def test_from_file_names_the_bad_line(tmp_path):
    listing = tmp_path / "ids.txt"
    listing.write_text("# models\norg/good\n\nnot a valid id!\n")
    with pytest.raises(BadInput, match=r"ids.txt:4: 'not a valid id!'"):
        list(inputs.from_file(listing))
    listing.write_text("org/a  # first\norg/b\n")
    assert [item.id for item in inputs.from_file(listing)] == ["org/a", "org/b"]


@pytest.mark.slow  # starts a Dask cluster
def test_cards_without_card_column_is_one_line_error(tmp_path):
    import pyarrow as pa

    pq.write_table(pa.table({"modelId": ["a/b"], "downloads": [1]}), tmp_path / "x.parquet")
    result = run_cli("scan", "--cards", str(tmp_path / "x.parquet"), "--out", str(tmp_path / "o"),
                     "--offline")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"opengauge: error: {tmp_path / 'x.parquet'}: no 'card' column (expected the "
        "librarian-bots/model_cards_with_metadata layout: " + ", ".join(inputs.CARD_COLUMNS) + ")"]
    with pytest.raises(NotFound):
        inputs.card_files(str(tmp_path / "nothing-*.parquet"))


def test_cards_folder_and_glob_read_every_row(snapshot):
    folder, ids = snapshot
    assert [i.id for i in inputs.from_cards(str(folder))] == ids
    assert sorted(i.id for i in inputs.from_cards(str(folder / "train-*.parquet"))) == sorted(ids)
    first = next(inputs.from_cards(str(folder)))
    assert first.card.startswith("---\n") and first.sha is None and "gated" not in first.known


def test_hub_listing_follows_link_pages_and_filters(server, monkeypatch):
    ids = serve(server, 30, with_files=False)
    monkeypatch.setattr(inputs, "PAGE", 7)
    listed = list(inputs.from_hub(inputs.HubQuery(), server.url, None, None))
    assert [i.id for i in listed] == sorted(ids)
    assert server.requests_to("/api/models") == 5  # 30 repositories, 7 a page
    assert all(i.card_data is not None and "gated" in i.known for i in listed)
    assert {i.id for i in listed if i.gated == "manual"} == {ids[n] for n in range(0, 30, 7)}
    mine = list(inputs.from_hub(inputs.HubQuery(author="org3"), server.url, None, None))
    assert [i.id for i in mine] == sorted(i for i in ids if i.startswith("org3/"))
    found = list(inputs.from_hub(inputs.HubQuery(search="GEMMA", limit=2), server.url, None, None))
    assert len(found) == 2 and all("gemma" in i.id.lower() for i in found)
    tagged = list(inputs.from_hub(inputs.HubQuery(filter=["license:mit"]), server.url, None, None))
    assert tagged and all(i.card_data.get("license") == "mit" for i in tagged)


# -- the limiter -----------------------------------------------------------------------------

def test_sliding_window_never_grants_more_than_the_budget():
    window = SlidingWindow(api=5, download=8, window=0.2, margin=0.0)
    grants = {"api": [], "download": []}
    end = time.monotonic() + 0.7
    while time.monotonic() < end:
        for kind in grants:
            if window.take(kind) == 0.0:
                grants[kind].append(time.monotonic())
    for kind, budget in (("api", 5), ("download", 8)):
        times = grants[kind]
        assert len(times) > budget  # the window moved on and granted again
        assert max(sum(1 for t in times if s <= t < s + 0.2) for s in times) <= budget
    window.pause(30)
    assert window.take("api") > 29
    with pytest.raises(BadInput):
        Budgets(api=0)


# -- shards and the census -------------------------------------------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, list[str]]:
    """A 120-repository card snapshot for the Dask runs."""
    folder = tmp_path_factory.mktemp("small")
    return folder, cards_parquet(folder, 120, files=1)


@pytest.fixture(scope="module")
def dataset(snapshot, tmp_path_factory) -> Path:
    """The snapshot scanned at depth card, shard by shard in this process (no Dask)."""
    folder, _ = snapshot
    out = tmp_path_factory.mktemp("dataset")
    state = write_manifests(out, inputs.from_cards(str(folder)), 100, "card", "cards")
    for shard in range(state["shards"]):
        run_shard(str(out), shard, "card", HubSettings(offline=True), None)
    return out


@pytest.mark.slow
def test_rows_follow_the_cards(dataset, snapshot):
    rows = rows_of(dataset)
    assert [r["id"] for r in rows] == sorted(snapshot[1])
    assert not [r for r in rows if r["error"]]
    assert {r["input"] for r in rows} == {"cards"}
    by_id = {r["id"]: r for r in rows}
    apache = [r for r in rows if r["declared_licenses"] == ["apache-2.0"]]
    assert apache and all(r["license_open_source"] is True for r in apache)
    nc = [r for r in rows if r["declared_licenses"] == ["cc-by-nc-4.0"]]
    assert nc and all(r["open_source"] is False and "non-commercial" in r["restrictions"]
                      for r in nc)
    # no gated column in a snapshot: null with the reason, unless the card asks for terms
    eu = by_id[snapshot[1][0]]
    assert eu["excluded_regions"] == ["EU"] and eu["gated"] == "card"
    plain = by_id[snapshot[1][1]]
    assert plain["gated"] is None and "gated: the input has no gated field" in plain["nulls"]
    assert plain["revision"] is None and plain["depth"] == "card"


@pytest.mark.slow
def test_a_shard_larger_than_a_batch_streams_every_row_once_in_order(snapshot, tmp_path):
    """A worker holds ROW_BATCH repositories at a time (its memory does not grow with the
    shard): a 250-repository shard is read and written in row groups, and its rows are exactly
    the rows of its repositories scanned one by one, in manifest order."""
    from opengauge.scan.limiter import LimitedClient
    from opengauge.scan.rows import Listed
    from opengauge.scan.run import ROW_BATCH, manifest_path, part_path, scan_one
    from opengauge.sources.hub import HubOptions
    from opengauge.store import Store

    folder, _ = snapshot
    out = tmp_path / "out"
    write_manifests(out, inputs.from_cards(str(folder)), 250, "card", "cards")
    result = run_shard(str(out), 0, "card", HubSettings(offline=True), None)
    part = pq.ParquetFile(part_path(out, 0))
    assert result["repos"] == part.metadata.num_rows == 250
    assert part.metadata.num_row_groups == -(-250 // ROW_BATCH) > 1
    assert pq.ParquetFile(manifest_path(out, 0)).metadata.num_row_groups > 1
    client = LimitedClient(HubOptions(offline=True), Store(tmp_path / "s.sqlite"), None)
    records = pq.read_table(manifest_path(out, 0)).to_pylist()
    expected = [{**scan_one(Listed.from_record(r), "card", client), "input": "cards", "shard": 0}
                for r in records]
    rows = part.read().to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, want in zip(rows, expected, strict=True):
        assert {k: row[k] for k in want} == want
    assert not list(out.glob(".part-*.tmp"))


@pytest.mark.slow
def test_census_numbers_match_their_sql(dataset):
    import duckdb

    result = census.compute(dataset)
    rows = rows_of(dataset)
    assert result.repositories == len(rows) == 264 and result.errors == 0
    numbers = {n.key: n for n in result.numbers}
    no_license = [r["id"] for r in rows if not r["declared_licenses"] and not r["license_files"]
                  and not r["licenses"]]
    assert numbers["no-license"].count == len(no_license) > 0
    assert numbers["not-open-source"].count == sum(1 for r in rows if r["open_source"] is False)
    derivatives = [r for r in rows if r["base_models"]]
    assert numbers["laundering"].total == len(derivatives)
    assert 0 < numbers["laundering"].count < len(derivatives)
    assert numbers["region-excluded"].count == sum(1 for r in rows if r["excluded_regions"])
    unidentified = numbers["unidentified-licenses"]
    assert any(b["license"] == "custom-terms" or b["license"] == "my-own-terms-v2"
               for b in unidentified.breakdown)
    for number in result.numbers:
        assert len(number.examples) <= 20
        listed = [r[-1] for r in duckdb.sql(number.sql).fetchall()]
        if number.key != "not-open-source-by-license":
            assert len(listed) == (number.count if number.key != "unidentified-licenses"
                                   else len(listed))
        assert set(number.examples) <= set(listed)
    markdown = census.render_markdown(result)
    assert "```sql" in markdown and "read_parquet" in markdown
    assert json.loads(census.render_json(result))["numbers"][0]["key"] == "no-license"


@pytest.mark.slow
def test_report_cli_formats_and_errors(dataset, tmp_path):
    table = run_cli("scan", "report", str(dataset), "--format", "table")
    assert table.returncode == 0 and "Repositories without any license" in table.stdout
    data = json.loads(run_cli("scan", "report", str(dataset)).stdout)
    assert data["repositories"] == 264 and data["schema_version"] == SCHEMA_VERSION
    missing = run_cli("scan", "report", str(tmp_path))
    assert missing.returncode == 3 and missing.stderr.startswith("opengauge: error: ")


# -- Dask ------------------------------------------------------------------------------------

def cli_scan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "opengauge.cli", "scan", *args],
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_two_process_cluster_equals_one_process_and_a_killed_scan_resumes(small, tmp_path):
    folder, ids = small
    one, two, killed = tmp_path / "one", tmp_path / "two", tmp_path / "killed"
    common = ["--cards", str(folder), "--depth", "metadata", "--offline", "--shard-size", "10"]
    assert cli_scan(*common, "--out", str(one), "--workers", "1").returncode == 0
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:  # an existing two-process cluster
        result = cli_scan(*common, "--out", str(two), "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert rows_of(one) == rows_of(two)
    # kill a scan midway (the whole process group), then resume it
    process = subprocess.Popen([sys.executable, "-m", "opengauge.cli", "scan", *common, "--out",
                                str(killed), "--workers", "1"], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while len(list(killed.glob("part-*.parquet"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = len(list(killed.glob("part-*.parquet")))
    assert 3 <= done < 12
    resumed = cli_scan(*common, "--out", str(killed), "--workers", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{done} shards done before" in resumed.stderr
    rows = rows_of(killed)
    assert [r["id"] for r in rows] == sorted(ids)  # each once
    assert rows == rows_of(one)
    again = cli_scan("--cards", str(folder), "--depth", "card", "--out", str(killed))
    assert again.returncode == 2 and "--fresh" in again.stderr


@pytest.mark.slow
def test_files_depth_equals_check_for_300_repositories(server, tmp_path):
    from opengauge.app.session import Session, SessionConfig

    ids = serve(server, 300)
    listing = tmp_path / "ids.txt"
    listing.write_text("\n".join(ids) + "\n")
    out = tmp_path / "out"
    result = cli_scan("--from", str(listing), "--depth", "files", "--out", str(out),
                      "--endpoint", server.url, "--workers", "2", "--shard-size", "50")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in rows_of(out)}
    assert sorted(rows) == sorted(ids)
    session = Session(SessionConfig.of(endpoint=server.url))
    for repo_id in ids:
        report = session.check_target(repo_id)
        row = rows[repo_id]
        assert row["error"] is None
        assert row["license_name"] == report.license_dict()["name"], repo_id
        assert row["license_open_source"] == report.license_dict()["open_source"], repo_id
        assert row["open_source"] == report.context["summary"]["open_source"], repo_id
        assert row["findings"] == [f.id for f in report.findings], repo_id


@pytest.mark.slow
def test_budget_holds_through_429_and_5xx_bursts(server, tmp_path):
    ids = serve(server, 24, with_files=False)
    listing = tmp_path / "ids.txt"
    listing.write_text("\n".join(ids) + "\n")
    server.fault("/api/models/org1/", "status", times=3, status=429,
                 headers={"Retry-After": "1"})
    server.fault("/resolve/", "status", times=4, status=503)
    server.fault("/api/models/org2/", "status", times=2, status=500)
    out = tmp_path / "out"
    result = cli_scan("--from", str(listing), "--depth", "card", "--out", str(out), "--endpoint",
                      server.url, "--workers", "2", "--shard-size", "10", "--api-budget", "12",
                      "--download-budget", "15", "--window", "1")
    assert result.returncode == 0, result.stderr
    rows = rows_of(out)
    assert [r["id"] for r in rows] == sorted(ids)
    assert [r["id"] for r in rows if r["error"]] == []
    api = [t for t, path in server.stamps if path.startswith("/api/")]
    downloads = [t for t, path in server.stamps if "/resolve/" in path]
    assert len(api) == 24 + 5 and len(downloads) == 24 + 4  # every retry went to the server
    # the Hub's listing, pages of 10 repositories, then each README
    listed = cli_scan("--hub", "--author", "org1", "--depth", "card", "--out", str(tmp_path / "hub"),
                      "--endpoint", server.url, "--workers", "1", "--api-budget", "12",
                      "--download-budget", "15", "--window", "1")
    assert listed.returncode == 0, listed.stderr
    hub_rows = rows_of(tmp_path / "hub")
    assert [r["id"] for r in hub_rows] == sorted(i for i in ids if i.startswith("org1/"))
    assert all(r["error"] is None and r["revision"] and r["gated"] for r in hub_rows)
    api = [t for t, path in server.stamps if path.startswith("/api/")]
    downloads = [t for t, path in server.stamps if "/resolve/" in path]
    for times, budget in ((api, 12), (downloads, 15)):
        assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= budget


@pytest.mark.slow
def test_ten_thousand_synthetic_repositories(tmp_path):
    folder = tmp_path / "cards"
    ids = cards_parquet(folder, 10_000, files=3)
    out = tmp_path / "out"
    result = cli_scan("--cards", str(folder / "*.parquet"), "--depth", "metadata", "--offline",
                      "--out", str(out), "--workers", "2", "--shard-size", "1000")
    assert result.returncode == 0, result.stderr
    import duckdb

    parts = str(out / "part-*.parquet")
    db = duckdb.connect()
    count, unique, errors = db.execute(f"SELECT count(*), count(DISTINCT id), count(error) "
                                       f"FROM read_parquet('{parts}')").fetchone()
    assert (count, unique, errors) == (10_000, 10_000, 0)
    listed = db.execute(f"SELECT id FROM read_parquet('{parts}') ORDER BY id").fetchall()
    assert [r[0] for r in listed] == sorted(ids)
    numbers = {n.key: n for n in census.compute(out).numbers}
    assert numbers["region-excluded"].count == len(range(0, 10_000, 13))
    assert numbers["laundering"].count > 0


def test_out_folder_of_other_files_is_refused(tmp_path, snapshot):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BadInput, match="holds no scan"):
        scan(lambda limiter: iter([]), "cards x",
             ScanOptions(out=tmp_path, hub=HubSettings(offline=True)))
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.slow  # builds the whole static site
def test_census_page_in_the_web_app_and_the_static_site(dataset, tmp_path):
    from fastapi.testclient import TestClient

    from opengauge.web.app import create_app
    from opengauge.web.site import build

    numbers = {n.key: n for n in census.compute(dataset).numbers}
    example = numbers["not-open-source"].examples[0]
    with TestClient(create_app(scan=str(dataset), warm=False)) as client:
        page = client.get("/scan")
    assert page.status_code == 200 and "Scan census" in page.text
    assert example in page.text and "read_parquet" in page.text
    summary = build(tmp_path / "site", scan=dataset)
    written = (summary.path / "scan" / "index.html").read_text()
    assert example in written and 'href="../static/style.css"' in written


@given(st.text(max_size=300))
def test_link_header_parser_takes_any_text(header):
    found = inputs._next_link(header)
    assert found is None or isinstance(found, str)


def test_next_link_is_the_rel_next_url():
    header = '<https://h/api/models?cursor=a>; rel="prev", <https://h/api/models?cursor=b>; rel="next"'
    assert inputs._next_link(header) == "https://h/api/models?cursor=b"
    assert inputs._next_link('<https://h/x>; rel="last"') is None


@pytest.mark.slow
def test_bad_scan_invocations_are_one_line_errors(tmp_path):
    for args, message in (
        (["--hub", "--offline", "--out", str(tmp_path / "o")], "--hub lists the Hub"),
        (["--out", str(tmp_path / "o")], "exactly one of --hub, --from FILE or --cards PATH"),
        (["--from", str(tmp_path / "ids.txt"), "--out", str(tmp_path / "o"), "--depth", "deep"],
         "--depth must be one of metadata, card, files"),
    ):
        (tmp_path / "ids.txt").write_text("org/model\n")
        result = run_cli("scan", *args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("opengauge: error: ") and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_progress_bar_fills_with_the_shards_done():
    from opengauge.scan.cli import progress_line

    assert progress_line(0, 4, 0.0, "10:00:00", 0, 0, width=8).startswith("[--------] shards 0/4")
    half = progress_line(2, 4, 150.25, "10:00:00", 1, 1, width=8)
    assert half.startswith("[####----] shards 2/4  150.2 repos/s  1 errors in shard 1")
    assert half.endswith("ends ~10:00:00")
    assert progress_line(4, 4, 1.0, "x", 0, 3, width=8).startswith("[########]")
