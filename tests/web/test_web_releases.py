"""A page per MOT release, linked from its family's page; the JSON API answers by release id."""

from __future__ import annotations


def test_a_release_has_a_page_linked_from_its_family(app_client) -> None:
    family = app_client.get("/models/pythia")
    assert family.status_code == 200
    assert 'href="/models/pythia-70m"' in family.text
    page = app_client.get("/models/pythia-70m")
    assert page.status_code == 200
    assert "Pythia-70M.yml" in page.text and 'href="/models/pythia"' in page.text
    moved = app_client.get("/models/Pythia-70M.yml", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/models/pythia-70m"


def test_the_api_answers_by_release_id_and_refuses_a_shared_name(app_client) -> None:
    record = app_client.get("/api/models/llama-2-7b").json()["models"][0]
    assert record["id"] == "llama-2-7b"
    assert record["source_file"] == "Llama-2-7B.yml"
    assert record["family"]["id"] == "llama-2"
    shared = app_client.get("/api/models/Meta-Llama-3-8B-Instruct")
    assert shared.status_code == 404
    assert "llama-3-8b-instruct" in shared.text and "meta-llama-3-8b-instruct" in shared.text
