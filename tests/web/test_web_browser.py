"""The leaderboard in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

Covers load, sort, filter, open a model, compare, badge, keyboard use, the page without
JavaScript, the static site, and hostile catalog text. Screenshots go to test-artifacts/web/.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from opengauge import api

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"

pytestmark = pytest.mark.slow  # a real browser: seconds per page

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page plus what went wrong on it: console errors, uncaught errors, dialogs."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


@pytest.fixture()
def page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def visible_ids(page: object) -> list[str]:
    return page.eval_on_selector_all("#board tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)")


def shown_ranks(page: object) -> list[int]:
    return page.eval_on_selector_all(
        "#board tbody tr:not([hidden]) td.rank", "cells => cells.map(c => +c.textContent)")


def ids_of(ranking: api.Ranking) -> list[str]:
    return [e.assessment.subject.id for e in ranking.entries]


def test_leaderboard_loads_with_every_model(page: Watched, live_server: str) -> None:
    page.page.goto(live_server + "/")
    assert visible_ids(page.page) == ids_of(api.rank("osai"))
    assert page.page.locator("#count").inner_text() == f"{len(visible_ids(page.page))} of 193 models"
    cell = page.page.locator('#board tr[data-id="llama-2"] td.l-closed a').last
    assert "OSI recognised" in cell.get_attribute("title")
    assert cell.get_attribute("href") == "https://github.com/facebookresearch/llama/blob/main/LICENSE"
    shot(page.page, "leaderboard")
    assert page.errors == []


def test_sorting_by_clicking_and_by_keyboard(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/leaderboard/osai")
    p.evaluate("window.__still = true")
    p.click('th[data-col="name"] button')
    names = p.eval_on_selector_all("#board tbody th[scope=row]", "c => c.map(x => x.textContent.trim())")
    assert names == sorted(names, key=str.lower)
    assert p.get_attribute('th[data-col="name"]', "aria-sort") == "ascending"
    assert "sort=name&order=asc" in p.url
    p.click('th[data-col="name"] button')
    names = p.eval_on_selector_all("#board tbody th[scope=row]", "c => c.map(x => x.textContent.trim())")
    assert names == sorted(names, key=str.lower, reverse=True)
    p.focus('th[data-col="trainingcode"] button')
    p.keyboard.press("Enter")
    assert p.get_attribute('th[data-col="trainingcode"]', "aria-sort") == "descending"
    levels = p.eval_on_selector_all("#board tbody tr", """rows => rows.map(r =>
        r.querySelectorAll('td[class^="l-"]')[4].className)""")
    order = {"l-open": 3, "l-partial": 2, "l-closed": 1, "l-unknown": 0}
    assert [order[c] for c in levels] == sorted((order[c] for c in levels), reverse=True)
    assert p.evaluate("window.__still") is True  # no reload
    server = p.context.new_page()
    server.goto(p.url)  # the shareable URL gives the same order from the server
    assert server.eval_on_selector_all("#board tbody tr", "r => r.map(x => x.dataset.id)") == \
        p.eval_on_selector_all("#board tbody tr", "r => r.map(x => x.dataset.id)")
    shot(p, "sorted-by-training-code")
    assert page.errors == []


def test_filters_apply_without_reload_and_match_the_server(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/leaderboard/osai")
    p.evaluate("window.__still = true")
    p.select_option("#f-type", "code")
    assert visible_ids(p) == ids_of(api.rank("osai", type="code"))
    assert shown_ranks(p) == list(range(1, len(visible_ids(p)) + 1))
    p.click("details.levels summary")
    p.select_option("#f-trainingcode", "open")
    expected = ids_of(api.rank("osai", type="code", levels={"trainingcode": "open"}))
    assert expected and visible_ids(p) == expected
    assert "type=code" in p.url and "trainingcode=open" in p.url
    csv_href = p.get_attribute("#csv-link", "href")
    assert csv_href == "/leaderboard/osai.csv?type=code&trainingcode=open"
    p.select_option("#f-type", "")
    p.select_option("#f-trainingcode", "")
    p.fill("#f-q", "llama")
    expect(p.locator("#count")).to_have_text(f"{len(api.rank('osai', query='llama').entries)} of 193 models")
    assert visible_ids(p) == ids_of(api.rank("osai", query="llama"))
    p.select_option("#f-org", "Meta")
    p.fill("#f-q", "")
    expect(p).not_to_have_url(re.compile(r"q=llama"))
    assert visible_ids(p) == ids_of(api.rank("osai", org="Meta"))
    family = "Llama / Meta community license"
    p.select_option("#f-family", family)
    expected = ids_of(api.rank("osai", org="Meta", license_family=family))
    assert 0 < len(expected) < len(ids_of(api.rank("osai", org="Meta")))
    assert visible_ids(p) == expected
    assert p.evaluate("window.__still") is True
    shot(p, "filtered")
    server = p.context.new_page()
    server.goto(p.url)
    assert visible_ids(server) == visible_ids(p)
    assert page.errors == []


def test_the_release_view_keeps_its_switch_through_filters(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/leaderboard/mof?releases=1")
    assert len(visible_ids(p)) == 273
    p.evaluate("window.__still = true")
    p.select_option("#f-org", "Meta")
    expected = ids_of(api.rank("mof", releases=True, org="Meta"))
    assert expected and visible_ids(p) == expected
    assert "org=Meta" in p.url and "releases=1" in p.url  # the shareable URL keeps the view
    assert p.get_attribute("#csv-link", "href") == "/leaderboard/mof.csv?org=Meta&releases=1"
    assert p.get_attribute("#json-link", "href") == "/api/ranking?framework=mof&org=Meta&releases=1"
    families = p.locator("#release-switch a[data-releases='0']")
    assert families.get_attribute("href") == "/leaderboard/mof?org=Meta"
    assert p.evaluate("window.__still") is True
    families.click()
    p.wait_for_url(re.compile(r"/leaderboard/mof\?org=Meta$"))
    assert visible_ids(p) == ids_of(api.rank("mof", org="Meta"))
    assert p.eval_on_selector_all("#board tbody tr", "r => r.length") == len(api.ranked("mof"))
    shot(p, "release-view-switched-to-families")
    assert page.errors == []


def test_readable_without_javascript(browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto(live_server + "/leaderboard/osai?type=code&trainingcode=open")
    assert visible_ids(p) == ids_of(api.rank("osai", type="code", levels={"trainingcode": "open"}))
    p.select_option("#f-type", "text")
    p.click("#filters button[type=submit]")
    p.wait_for_url("**type=text**")
    assert visible_ids(p) == ids_of(api.rank("osai", type="text", levels={"trainingcode": "open"}))
    p.goto(live_server + "/models/olmo-3")
    assert p.locator("h1").inner_text() == "OLMo"
    shot(p, "no-javascript")
    context.close()


def test_open_a_model_from_the_leaderboard(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/leaderboard/osai")
    p.click('#board tr[data-id="llama-2"] th a')
    p.wait_for_url("**/models/llama-2")
    assert p.locator("h1").inner_text() == "Llama 2"
    assert p.locator("#fw-osai table.ratings tbody tr").count() == 12
    assert p.locator("#fw-ouc-2023 table.ratings tbody tr").count() == 14
    assert p.locator("#permalink").inner_text().startswith(live_server + "/models/llama-2?snapshot=")
    shot(p, "model-llama-2")
    p.goto(live_server + p.locator("#permalink").get_attribute("href"))
    assert "Pinned to data snapshots" in p.locator(".pinned").inner_text()
    assert page.errors == []


def test_compare_selected_models(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/leaderboard/osai")
    p.check('#board tr[data-id="olmo-3"] input[type=checkbox]')
    p.check('#board tr[data-id="llama-2"] input[type=checkbox]')
    p.click("#compare-form button")
    p.wait_for_url("**/compare?**")
    headers = p.eval_on_selector_all("#cmp-osai thead th", "c => c.map(x => x.textContent.trim())")
    assert headers[0] == "Criterion" and sorted(headers[1:]) == ["Llama 2", "OLMo"]
    assert p.locator("#cmp-osai tbody tr").count() == 13
    shot(p, "compare")
    assert page.errors == []


def test_badge_renders(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/models/llama-2")
    badge = p.locator('img[src="/badge/llama-2.svg?framework=osai"]')
    badge.scroll_into_view_if_needed()
    expect(badge).to_be_visible()
    width = 0
    for _ in range(50):
        width = badge.evaluate("img => img.complete ? img.naturalWidth : 0")
        if width:
            break
        p.wait_for_timeout(100)
    assert width > 100
    p.goto(live_server + "/badge/llama-2.svg?framework=ouc-2023")
    assert "3/14" in p.locator("svg").inner_html()
    shot(p, "badge")


def test_hostile_catalog_text_stays_inert_in_the_browser(page: Watched, hostile_server: str) -> None:
    p = page.page
    for path in ("/", "/leaderboard/osai?q=evil", "/models/xss-model",
                 "/compare?models=xss-model&models=llama-2"):
        p.goto(hostile_server + path)
        p.wait_for_load_state("load")
        for cell in p.locator('tr[data-id="xss-model"] a').all()[:3]:
            cell.hover()
        assert p.evaluate("typeof window.__xss") == "undefined", path
        assert p.locator("img[src='x']").count() == 0
        if path == "/models/xss-model":
            assert "Evil<img" in p.locator("h1").inner_text()  # shown as text
    shot(p, "hostile-record")
    assert page.dialogs == []


@pytest.fixture(scope="module")
def static_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from opengauge.web.site import build

    root = tmp_path_factory.mktemp("static") / "site"
    os.environ.pop("OPENGAUGE_CATALOG", None)
    api.reset()
    build(root)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_static_site_filters_and_sorts_with_javascript(page: Watched, static_site: str) -> None:
    p = page.page
    p.goto(static_site + "/leaderboard/osai.html?type=code&trainingcode=open&sort=name")
    expected = ids_of(api.rank("osai", type="code", levels={"trainingcode": "open"}))
    assert sorted(visible_ids(p)) == sorted(expected)
    names = p.eval_on_selector_all("#board tbody tr:not([hidden]) th",
                                   "c => c.map(x => x.textContent.trim())")
    assert names == sorted(names, key=str.lower)
    assert p.input_value("#f-type") == "code"
    p.select_option("#f-type", "")
    assert len(visible_ids(p)) == len(ids_of(api.rank("osai", levels={"trainingcode": "open"})))
    shot(p, "static-site")
    p.click('#board tbody tr:not([hidden]) th a >> nth=0')
    p.wait_for_url("**/models/*.html")
    assert p.locator("h1").count() == 1
    assert page.errors == []
