"""The server's pages, JSON API, CSV and badges, through the app (FastAPI's TestClient)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from typer.testing import CliRunner

from opengauge import __version__, api
from opengauge.cli import app as cli_app
from opengauge.web.app import create_app

PAGES = ["/", "/leaderboard/osai", "/leaderboard/osai-14", "/leaderboard/ouc-2023", "/models",
         "/models/llama-2", "/compare?models=llama-2&models=olmo", "/frameworks", "/frameworks/osai",
         "/check"]


def page_text(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, whitespace folded."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli_app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def visible_ids(html: str) -> list[str]:
    rows = re.findall(r'<tr data-id="([^"]+)"[^>]*?( hidden)?>', html)
    return [model_id for model_id, hidden in rows if not hidden]


def all_row_ids(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_version_snapshots_and_attribution(app_client, path: str) -> None:
    answer = app_client.get(path)
    assert answer.status_code == 200
    html = answer.text
    assert f"opengauge {__version__}" in html
    for snapshot in api.data_snapshots():
        assert snapshot.snapshot in html
        if snapshot.date:
            assert snapshot.date in html
        assert snapshot.attribution
        assert snapshot.attribution in page_text(html)
    assert '<a href="https://osai-index.eu">https://osai-index.eu</a>' in html
    assert "Liesenfeld" in html and "Dingemanse" in html
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["server-timing"].startswith("app;dur=")


def test_leaderboard_has_one_row_per_model_in_published_order(app_client) -> None:
    html = app_client.get("/leaderboard/osai").text
    expected = [e.assessment.subject.id for e in api.rank("osai").entries]
    assert all_row_ids(html) == expected
    assert visible_ids(html) == expected
    assert "<caption>" in html and '<th scope="col" data-col="trainingcode"' in html
    assert html.count('<th scope="row">') == len(expected)


def test_leaderboard_cells_carry_level_note_and_evidence_link(app_client) -> None:
    html = app_client.get("/leaderboard/osai").text
    row = html[html.index('<tr data-id="llama-2"'):]
    row = row[:row.index("</tr>")]
    assert 'class="l-closed"><a href="https://github.com/facebookresearch/llama/blob/main/LICENSE" ' \
           'title="Usage requires signing Meta&#39;s bespoke &#39;community license&#39;' in row
    assert row.count('<td class="l-') == 12
    assert '<span class="bar w25" aria-hidden="true"></span> 0.25' in row


def test_filtered_view_is_the_cli_ranking_and_shareable(app_client) -> None:
    url = "/leaderboard/osai?type=text&trainingcode=open&license_family=Apache-2.0"
    html = app_client.get(url).text
    ranking = api.rank("osai", type="text", levels={"trainingcode": "open"}, license_family="Apache-2.0")
    expected = [e.assessment.subject.id for e in ranking.entries]
    assert expected and visible_ids(html) == expected
    assert f"{len(expected)} of {len(all_row_ids(html))} models" in html
    assert '<option value="open" selected>' in html  # the form shows the view
    csv_link = re.search(r'id="csv-link" href="([^"]+)"', html).group(1)
    assert csv_link.replace("&amp;", "&") == \
        "/leaderboard/osai.csv?type=text&license_family=Apache-2.0&trainingcode=open"


def test_server_sorting_by_name(app_client) -> None:
    html = app_client.get("/leaderboard/osai?sort=name&order=asc").text
    names = re.findall(r'<th scope="row"><a href="/models/[^"]+">([^<]+)</a>', html)
    assert names == sorted(names, key=str.casefold)
    assert 'data-col="name" data-type="text" aria-sort="ascending"' in html


def test_unknown_parameter_is_named_on_the_page(app_client) -> None:
    html = app_client.get("/leaderboard/osai?colour=red").text
    assert "ignored unknown parameter &#39;colour&#39;" in html


@pytest.mark.parametrize(("url", "status"), [
    ("/leaderboard/osai?trainingcode=maybe", 400),
    ("/leaderboard/osai?sort=bogus", 400),
    ("/leaderboard/osai?order=up", 400),
    ("/leaderboard/nope", 400),
    ("/models/no-such-model-anywhere", 404),
    ("/frameworks/nope", 400),
    ("/compare?models=llama-2", 400),
    ("/compare?models=a&models=b&models=c&models=d&models=e", 400),
    ("/nowhere", 404),
])
def test_bad_requests_get_one_clear_message(app_client, url: str, status: int) -> None:
    answer = app_client.get(url)
    assert answer.status_code == status
    assert 'role="alert"' in answer.text
    assert "Traceback" not in answer.text


def test_model_name_redirects_to_its_id(app_client) -> None:
    answer = app_client.get("/models/Llama 2", follow_redirects=False)
    assert answer.status_code == 308
    assert answer.headers["location"] == "/models/llama-2"


def test_model_page_shows_every_framework_with_evidence_and_a_pinned_permalink(app_client) -> None:
    html = app_client.get("/models/llama-2").text
    for described in api.describe_frameworks():
        assert f'id="fw-{described["id"]}"' in html
    assert 'id="osai-licenses"' in html
    assert "Usage requires signing Meta" in html
    assert "llama-2-chat.yaml:91 (licenses)" in html
    pins = [f"{s.source}@{api.snapshot_commit(s)}" for s in api.data_snapshots()]
    permalink = re.search(r'id="permalink">([^<]+)<', html).group(1).replace("&amp;", "&")
    for pin in pins:
        assert f"snapshot={pin.replace('@', '%40')}" in permalink
    pinned = app_client.get(permalink.removeprefix("http://testserver"))
    assert pinned.status_code == 200
    assert "Pinned to data snapshots" in pinned.text


def test_permalink_to_other_data_is_refused(app_client) -> None:
    answer = app_client.get("/models/llama-2?snapshot=osai-index@0123456")
    assert answer.status_code == 404
    assert "not @0123456" in answer.text
    assert app_client.get("/models/llama-2?snapshot=bogus").status_code == 400


def test_sort_by_an_unknown_column_is_named_in_the_error(app_client) -> None:
    answer = app_client.get("/leaderboard/osai?sort=bogus")
    assert answer.status_code == 400
    assert "sort must be rank, name, org, type, license, result or a criterion" in answer.text
    assert "not &#39;bogus&#39;" in answer.text
    assert app_client.get("/api/ranking?framework=osai&sort=bogus").status_code == 400


def test_api_model_answers_enforce_pins_like_the_model_page(app_client) -> None:
    pins = [f"snapshot={s.source}@{api.snapshot_commit(s)}" for s in api.data_snapshots()]
    pinned = app_client.get("/api/models/llama-2?" + "&".join(pins))
    assert pinned.status_code == 200 and pinned.json()["models"][0]["id"] == "llama-2"
    other = app_client.get("/api/models/llama-2?snapshot=osai-index@0123456")
    assert other.status_code == 404
    assert "not @0123456" in other.json()["error"]["message"]
    malformed = app_client.get("/api/models/llama-2?snapshot=bogus")
    assert malformed.status_code == 400
    assert "expected SOURCE@COMMIT" in malformed.json()["error"]["message"]
    too_many = app_client.get("/api/models/llama-2?" + "&".join(["snapshot=a@1234"] * 11))
    assert too_many.status_code == 400 and "at most 10 pins" in too_many.json()["error"]["message"]


def test_model_without_records_in_a_framework_says_so(app_client) -> None:
    html = app_client.get("/models/yulan").text
    assert "no record in this framework" in html


def test_compare_puts_two_to_four_models_side_by_side(app_client) -> None:
    html = app_client.get("/compare?models=llama-2,olmo,bloomz").text
    assert '<table class="compare" id="cmp-osai">' in html
    table = html[html.index('id="cmp-osai"'):]
    table = table[:table.index("</table>")]
    header = table[table.index("<thead>"):table.index("</thead>")]
    assert header.count('<th scope="col">') == 4
    assert table.count('<th scope="row"') == 13  # the result row and 12 criteria


def test_framework_page_lists_its_criteria(app_client) -> None:
    html = app_client.get("/frameworks/ouc-2023").text
    for criterion in api.describe_frameworks()[2]["criteria"]:
        assert f'id="c-{criterion["ref"]}"' in html


# -- JSON API: the CLI's contract -----------------------------------------------------------

@pytest.mark.parametrize(("url", "cli"), [
    ("/api/ranking?framework=osai&type=code&top=5", ["rank", "--framework", "osai", "--type", "code",
                                                     "--top", "5"]),
    ("/api/ranking?framework=ouc-2023", ["rank", "--framework", "ouc-2023"]),
    ("/api/models/llama-2", ["show", "llama-2"]),
    ("/api/models/llama-2?framework=osai", ["show", "llama-2", "--framework", "osai"]),
    ("/api/frameworks", ["frameworks"]),
    ("/api/check?target=llama-2", ["check", "llama-2"]),
])
def test_json_answers_equal_the_cli_json(app_client, url: str, cli: list[str]) -> None:
    answer = app_client.get(url)
    assert answer.status_code == 200
    assert answer.json() == cli_json(*cli)
    assert answer.headers["access-control-allow-origin"] == "*"


def test_api_ranking_takes_criterion_filters(app_client) -> None:
    body = app_client.get("/api/ranking?framework=osai&trainingcode=open&licenses=open,partial").json()
    assert body["models"]
    for record in body["models"]:
        assert record["ratings"]["trainingcode"] == "open"
        assert record["ratings"]["licenses"] in ("open", "partial")
    assert [r["rank"] for r in body["models"]] == list(range(1, len(body["models"]) + 1))


def test_api_models_lists_every_model_in_every_framework(app_client) -> None:
    body = app_client.get("/api/models").json()
    assert body["tool"] == {"name": "opengauge", "version": __version__}
    assert {d["source"] for d in body["data"]} == {s.source for s in api.data_snapshots()}
    pairs = {(r["id"], r["framework"]) for r in body["models"]}
    for framework_id in api.framework_ids():
        for entry in api.rank(framework_id).entries:
            assert (entry.assessment.subject.id, framework_id) in pairs
    assert all("evidence" not in r for r in body["models"])
    from opengauge.formats.records import ranked_record

    entry = next(e for e in api.rank("osai").entries if e.assessment.subject.id == "llama-2")
    record = next(r for r in body["models"] if (r["id"], r["framework"]) == ("llama-2", "osai"))
    assert record == {**ranked_record(entry), "kind": "score"}  # the contract's record, as `rank`


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/api/ranking?framework=osai&colour=red", 400, "unknown parameter 'colour'"),
    ("/api/ranking?framework=osai&top=0", 400, "top"),
    ("/api/models/no-such-model-anywhere", 404, "no model 'no-such-model-anywhere'"),
    ("/api/frameworks/nope", 400, "unknown framework 'nope'"),
    ("/api/nowhere", 404, "no such page"),
])
def test_api_errors_are_json_with_the_tool_version(app_client, url: str, status: int, message: str) -> None:
    answer = app_client.get(url)
    assert answer.status_code == status
    body = answer.json()
    assert body["tool"]["version"] == __version__
    assert message in body["error"]["message"]


def test_openapi_document_describes_the_api(app_client) -> None:
    spec = app_client.get("/api/openapi.json").json()
    assert spec["info"]["version"] == __version__
    assert set(spec["paths"]) == {"/api/models", "/api/models/{name}", "/api/frameworks",
                                  "/api/frameworks/{framework_id}", "/api/ranking", "/api/check"}


# -- CSV and badges -----------------------------------------------------------------------

def test_csv_of_a_view_equals_the_cli_csv(app_client) -> None:
    answer = app_client.get("/leaderboard/osai.csv?type=code&trainingcode=open")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    result = CliRunner().invoke(cli_app, ["rank", "--framework", "osai", "--type", "code", "-f", "csv"])
    expected_rows = [r for r in csv.DictReader(io.StringIO(result.output)) if r["trainingcode"] == "open"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["id"] for r in rows] == [r["id"] for r in expected_rows]


def test_badge_is_svg_with_the_result(app_client) -> None:
    answer = app_client.get("/badge/llama-2.svg?framework=osai")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/svg+xml"
    root = ET.fromstring(answer.text)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["opengauge osai", "0.25 · #162/193"]
    ouc = ET.fromstring(app_client.get("/badge/llama-2.svg?framework=ouc-2023").text)
    assert [t.text for t in ouc.iter("{http://www.w3.org/2000/svg}text")][1] == "3/14 · #41/46"


def test_badge_for_unknown_model_or_framework(app_client) -> None:
    missing = app_client.get("/badge/no-such-model-anywhere.svg")
    assert missing.status_code == 404
    assert "no record" in missing.text
    assert app_client.get("/badge/llama-2.svg?framework=nope").status_code == 400


def test_leaderboard_page_is_cached_and_compressed(app_client) -> None:
    first = app_client.get("/leaderboard/osai-14?type=code", headers={"accept-encoding": "gzip"})
    second = app_client.get("/leaderboard/osai-14?type=code", headers={"accept-encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip"
    assert first.text == second.text


def test_app_with_own_catalog_lists_own_records(hostile_catalog) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(str(hostile_catalog)))
    ids = [r["id"] for r in client.get("/api/models?framework=osai").json()["models"]]
    assert "xss-model" in ids
    assert any(d["layer"] == "own" for d in client.get("/api/frameworks").json()["data"])
