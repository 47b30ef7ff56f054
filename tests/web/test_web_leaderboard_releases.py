"""The leaderboard's per-release view (`releases=1`): the same contract as `rank --releases`."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest
from typer.testing import CliRunner

from opengauge import api
from opengauge.cli import app as cli_app
from opengauge.errors import BadInput

RELEASES = 273
NOT_RATED = "--releases: framework 'osai' does not rate MOT releases (expected one of: mof, osaid)"


def row_ids(html: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', html)


def visible_ids(html: str) -> list[str]:
    rows = re.findall(r'<tr data-id="([^"]+)"[^>]*?( hidden)?>', html)
    return [model_id for model_id, hidden in rows if not hidden]


def switch_links(html: str) -> dict[str, str]:
    """The release switch's links by their text."""
    block = re.search(r'<p class="view-switch" id="release-switch">(.*?)</p>', html, re.S)
    assert block, "no release switch on the page"
    return {text: unescape(href) for href, text in
            re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))}


def release_ids(framework: str, **filters: object) -> list[str]:
    return [e.assessment.subject.id for e in api.rank(framework, releases=True, **filters).entries]


@pytest.mark.parametrize("framework", ["mof", "osaid"])
def test_the_switch_shows_every_release_or_one_row_per_family(app_client, framework: str) -> None:
    families = app_client.get(f"/leaderboard/{framework}").text
    expected_families = [e.assessment.subject.id for e in api.rank(framework).entries]
    assert row_ids(families) == expected_families and len(expected_families) < RELEASES
    releases = app_client.get(f"/leaderboard/{framework}?releases=1").text
    assert row_ids(releases) == release_ids(framework)
    assert len(row_ids(releases)) == RELEASES
    assert f"{RELEASES} of {RELEASES} models" in releases
    links = switch_links(families)
    assert links == {"one row per family": f"/leaderboard/{framework}",
                     f"every release ({RELEASES})": f"/leaderboard/{framework}?releases=1"}
    assert 'data-releases="0" aria-current="true">one row per family' in families
    assert 'data-releases="1" aria-current="true">every release' in releases
    assert '<input type="hidden" name="releases" value="1">' in releases  # the form keeps the view
    assert 'name="releases"' not in families


def test_frameworks_without_releases_show_no_switch(app_client) -> None:
    for path in ("/", "/leaderboard/osai", "/leaderboard/ouc-2023"):
        assert 'id="release-switch"' not in app_client.get(path).text


def test_a_release_row_links_to_its_release_page(app_client) -> None:
    html = app_client.get("/leaderboard/mof?releases=1").text
    row = html[html.index('<tr data-id="pythia-70m"'):]
    row = row[:row.index("</tr>")]
    assert '<th scope="row"><a href="/models/pythia-70m">' in row
    page = app_client.get("/models/pythia-70m", follow_redirects=False)
    assert page.status_code == 200 and "Pythia-70M.yml" in page.text
    assert '<tr data-id="pythia-70m"' not in app_client.get("/leaderboard/mof").text


def test_the_release_view_combines_with_filters_and_sort(app_client) -> None:
    html = app_client.get("/leaderboard/mof?releases=1&org=Meta&sort=name").text
    expected = release_ids("mof", org="Meta")
    assert expected and sorted(visible_ids(html)) == sorted(expected)
    assert len(row_ids(html)) == RELEASES
    name_of = {e.assessment.subject.id: e.assessment.subject.name
               for e in api.rank("mof", releases=True).entries}
    names = [name_of[model_id] for model_id in visible_ids(html)]
    assert names == sorted(names, key=str.casefold)
    links = switch_links(html)  # the switch keeps the filters and the sort
    assert links["one row per family"] == "/leaderboard/mof?org=Meta&sort=name"
    assert links[f"every release ({RELEASES})"] == "/leaderboard/mof?org=Meta&releases=1&sort=name"
    csv_link = unescape(re.search(r'id="csv-link" href="([^"]+)"', html).group(1))
    assert csv_link == "/leaderboard/mof.csv?org=Meta&releases=1"
    json_link = unescape(re.search(r'id="json-link" href="([^"]+)"', html).group(1))
    assert json_link == "/api/ranking?framework=mof&org=Meta&releases=1"


def test_csv_and_api_answer_the_ranking_of_every_release(app_client) -> None:
    expected = release_ids("mof")
    answer = app_client.get("/leaderboard/mof.csv?releases=1")
    assert answer.status_code == 200
    assert 'filename="opengauge-mof-releases.csv"' in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["id"] for r in rows] == expected
    assert rows[0]["source_file"].endswith(".yml")
    body = app_client.get("/api/ranking?framework=mof&releases=true").json()
    assert [r["id"] for r in body["models"]] == expected
    result = CliRunner().invoke(cli_app, ["rank", "--framework", "mof", "--releases", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert body == json.loads(result.output)
    filtered = app_client.get("/api/ranking?framework=osaid&releases=1&org=Meta&top=3").json()
    assert [r["id"] for r in filtered["models"]] == release_ids("osaid", org="Meta")[:3]
    off = app_client.get("/api/ranking?framework=mof&releases=0").json()
    assert [r["id"] for r in off["models"]] == [e.assessment.subject.id for e in api.rank("mof").entries]


@pytest.mark.parametrize("url", ["/leaderboard/mof?releases=maybe", "/leaderboard/mof.csv?releases=2",
                                 "/api/ranking?framework=mof&releases=yes"])
def test_a_bad_value_is_one_clear_line(app_client, url: str) -> None:
    answer = app_client.get(url)
    assert answer.status_code == 400
    message = "releases must be 1 or true (every MOT release) or 0 or false (one row per family)"
    if url.startswith("/api/"):
        assert answer.json()["error"]["message"].startswith(message)
    else:
        assert message in answer.text and 'role="alert"' in answer.text
    assert "Traceback" not in answer.text


@pytest.mark.parametrize("url", ["/leaderboard/osai?releases=1", "/leaderboard/osai.csv?releases=1",
                                 "/api/ranking?framework=osai&releases=1", "/?releases=1"])
def test_a_framework_without_releases_is_refused_as_the_cli_does(app_client, url: str) -> None:
    answer = app_client.get(url)
    assert answer.status_code == 400
    if url.startswith("/api/"):
        assert answer.json()["error"]["message"] == NOT_RATED
    else:
        assert unescape(NOT_RATED) in unescape(answer.text)
    with pytest.raises(BadInput) as raised:  # what `rank --framework osai --releases` says
        api.rank("osai", releases=True)
    assert str(raised.value) == NOT_RATED
    assert app_client.get("/leaderboard/osai?releases=0").status_code == 200


def test_the_cache_keeps_the_two_views_apart() -> None:
    from fastapi.testclient import TestClient

    from opengauge.web.app import create_app

    families = len(api.ranked("mof"))
    with TestClient(create_app(warm=False)) as client:
        assert len(row_ids(client.get("/leaderboard/mof?releases=1").text)) == RELEASES
        assert len(row_ids(client.get("/leaderboard/mof").text)) == families
        assert len(row_ids(client.get("/leaderboard/mof?org=Meta").text)) == families
        assert len(row_ids(client.get("/leaderboard/mof?org=Meta&releases=1").text)) == RELEASES
        api_releases = client.get("/api/ranking?framework=osaid&releases=1").json()["models"]
        api_families = client.get("/api/ranking?framework=osaid").json()["models"]
        assert (len(api_families), len(api_releases)) == (families, RELEASES)
        assert len(client.get("/api/models?framework=mof").json()["models"]) == families
