"""View data: filters, sorting, results by framework kind, links, license families."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge import api
from opengauge.errors import BadInput
from opengauge.licenses.curated_family import family, names
from opengauge.web.links import Links
from opengauge.web.views import Filters, Views, parse_filters, result_of, safe_url

OSAI_CRITERIA = [c["ref"] for c in api.describe_frameworks()[0]["criteria"]]


@pytest.mark.parametrize(("curated", "expected"), [
    ("Apache 2.0", "Apache-2.0"),
    ("Apache-2.0", "Apache-2.0"),
    ("Apache License 2.0", "Apache-2.0"),
    ("MIT License", "MIT"),
    ("Modified MIT License", "other bespoke license"),
    ("Llama 2 Community License Agreement", "Llama / Meta community license"),
    ("Meta Llama 3 Community License", "Llama / Meta community license"),
    ("CC-BY-NC-4.0", "Creative Commons non-commercial or no-derivatives"),
    ("CC-BY-SA-4.0", "Creative Commons BY / BY-SA"),
    ("CreativeML Open RAIL++-M License", "RAIL family"),
    ("Gemma Terms of Use", "Gemma terms of use"),
    ("Skywork Terms and Conditions", "other bespoke license"),
    ("Apache-2.0 and CC-BY-NC-4.0 and additional terms", "several licenses"),
    ("Unclear", "unknown or unclear"),
    ("Unknown (Apache-2.0?)", "unknown or unclear"),
    (None, "unknown or unclear"),
    ("GNU General Public License v3.0", "GPL family"),
])
def test_curated_license_strings_group_into_families(curated: str | None, expected: str) -> None:
    assert family(curated) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_every_license_string_gets_a_listed_family(text: str) -> None:
    assert family(text) in names()


def test_parse_filters_reads_named_filters_levels_and_sort() -> None:
    items = [("type", "code"), ("org", " Meta "), ("trainingcode", "open,partial"), ("q", "llama"),
             ("sort", "name"), ("order", "desc"), ("licenses", "")]
    filters, notices = parse_filters(items, OSAI_CRITERIA, strict=True)
    assert filters == Filters("code", "Meta", None, "llama", (("trainingcode", "open,partial"),),
                              "name", "desc")
    assert notices == []
    assert filters.params() == {"type": "code", "org": "Meta", "q": "llama",
                                "trainingcode": "open,partial", "sort": "name", "order": "desc"}


def test_parse_filters_names_unknown_parameters() -> None:
    with pytest.raises(BadInput, match="unknown parameter 'colour'"):
        parse_filters([("colour", "red")], OSAI_CRITERIA, strict=True)
    _, notices = parse_filters([("colour", "red")], OSAI_CRITERIA, strict=False)
    assert notices == ["ignored unknown parameter 'colour'"]


@pytest.mark.parametrize("items", [[("trainingcode", "opne")], [("order", "sideways")],
                                   [("q", "x" * 201)], [("sort", "bogus")], [("sort", "Name")]])
def test_parse_filters_rejects_bad_values(items: list[tuple[str, str]]) -> None:
    with pytest.raises(BadInput):
        parse_filters(items, OSAI_CRITERIA, strict=True)


@pytest.mark.parametrize(("value", "releases"), [("1", True), ("true", True), ("TRUE", True),
                                                 ("0", False), ("false", False), ("", False)])
def test_parse_filters_reads_the_release_view(value: str, releases: bool) -> None:
    filters, _ = parse_filters([("releases", value), ("org", "Meta")], OSAI_CRITERIA, strict=True)
    assert filters.releases is releases
    assert filters.api_kwargs()["releases"] is releases
    assert filters.params() == ({"org": "Meta", "releases": "1"} if releases else {"org": "Meta"})
    assert not Filters(releases=releases).active  # a view, not a filter: no row is hidden
    assert (filters.key() == Filters(org="Meta").key()) is not releases


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=20))
def test_any_other_release_value_is_refused_naming_the_parameter(value: str) -> None:
    if value.strip().lower() in ("", "1", "true", "0", "false"):
        assert parse_filters([("releases", value)], OSAI_CRITERIA, strict=False)[0]
        return
    for strict in (True, False):
        with pytest.raises(BadInput) as caught:
            parse_filters([("releases", value)], OSAI_CRITERIA, strict=strict)
        message = str(caught.value)
        assert message.startswith("releases must be 1 or true (every MOT release) or 0 or false")
        assert message.endswith(f"not {value.strip()[:40]!r}") and "\n" not in message


def test_sort_names_the_bad_value_and_what_is_expected() -> None:
    for strict in (True, False):
        with pytest.raises(BadInput) as caught:
            parse_filters([("sort", "bogus")], OSAI_CRITERIA, strict=strict)
        assert str(caught.value).startswith("sort must be rank, name, org, type, license, result "
                                            "or a criterion (datasources_basemodel, ")
        assert str(caught.value).endswith(", not 'bogus'")
    for column in ("rank", "result", "trainingcode"):
        assert parse_filters([("sort", column)], OSAI_CRITERIA, strict=True)[0].sort == column


def test_rank_filters_by_level_license_family_and_text() -> None:
    ranking = api.rank("osai", levels={"trainingcode": "open"}, license_family="Apache-2.0")
    assert ranking.entries
    for entry in ranking.entries:
        assert entry.assessment.rating("trainingcode").level == "open"
        assert api.license_family_of(entry.assessment.subject) == "Apache-2.0"
    assert [e.rank for e in ranking.entries] == list(range(1, len(ranking.entries) + 1))
    llama = api.rank("osai", query="LLAMA")
    assert llama.entries and all("llama" in (e.assessment.subject.id + e.assessment.subject.name
                                            + (e.assessment.subject.license or "")).lower()
                                 for e in llama.entries)
    with pytest.raises(BadInput, match="'weights' is not a criterion"):
        api.rank("osai", levels={"weights": "open"})


def test_leaderboard_view_hides_rows_outside_the_filter_and_numbers_the_rest() -> None:
    views = Views()
    filters, _ = parse_filters([("type", "code")], OSAI_CRITERIA, strict=True)
    context = views.leaderboard("osai", filters)
    expected = [e.assessment.subject.id for e in api.rank("osai", type="code").entries]
    shown = [item["row"]["id"] for item in context["rows"] if item["view_rank"] is not None]
    assert shown == expected
    assert [item["view_rank"] for item in context["rows"] if item["view_rank"]] == \
        list(range(1, len(expected) + 1))
    assert context["count"] == len(expected) and context["total"] == len(context["rows"])


def test_leaderboard_sorts_by_a_criterion_with_ties_in_published_order() -> None:
    views = Views()
    filters = Filters(sort="trainingcode", order="desc")
    rows = [item["row"] for item in views.leaderboard("osai", filters)["rows"]]
    values = [next(c["sort"] for c in r["cells"] if c["ref"] == "trainingcode") for r in rows]
    assert values == sorted(values, reverse=True)
    for value in set(values):
        ranks = [r["record"]["rank"] for r, v in zip(rows, values, strict=True) if v == value]
        assert ranks == sorted(ranks)


def test_unknown_sort_column_is_named_not_applied() -> None:
    context = Views().leaderboard("osai", Filters(sort="colour"))
    assert context["notices"] == ["ignored unknown sort column 'colour'"]
    assert [i["row"]["record"]["rank"] for i in context["rows"]] == list(range(1, context["total"] + 1))


@pytest.mark.parametrize(("record", "framework", "text", "fraction"), [
    ({"score": 0.25, "rank": 3, "of": 10}, {"kind": "score", "score": {"max": 1.0}}, "0.25", 0.25),
    ({"score": 7.0, "rank": 1, "of": 10}, {"kind": "score", "score": {"max": 14.0}}, "7/14", 0.5),
    ({"class": 2, "rank": 1, "of": 5}, {"kind": "class"}, "Class II", None),
    ({"class": None, "rank": 5, "of": 5}, {"kind": "class"}, "not classified", None),
    ({"verdict": "open source", "rank": 1, "of": 2}, {"kind": "verdict"}, "open source", None),
    ({"score": None}, {"kind": "score"}, "unknown", None),
])
def test_results_show_by_framework_kind(record: dict, framework: dict, text: str,
                                        fraction: float | None) -> None:
    shown = result_of(record, framework)
    assert shown["text"] == text
    assert shown["fraction"] == fraction


def test_result_sort_value_puts_the_best_rank_highest() -> None:
    best = result_of({"rank": 1, "of": 10, "score": 1.0}, {"kind": "score"})
    worst = result_of({"rank": 10, "of": 10, "score": 0.0}, {"kind": "score"})
    assert best["sort"] > worst["sort"]


@pytest.mark.parametrize(("url", "safe"), [
    ("https://osai-index.eu", True), ("http://example.org/a?b=c", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:x", False),
    ("data:text/html,<script>", False), ("//evil.example", False), ("https://a.b/\"onmouseover", False),
    (None, False), (42, False),
])
def test_safe_url_keeps_only_web_links(url: object, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_links_for_server_and_static_site() -> None:
    server = Links("server")
    assert server.model("llama-2") == "/models/llama-2"
    assert server.model("llama-2", ["osai-index@5a388e8"]) == "/models/llama-2?snapshot=osai-index%405a388e8"
    assert server.leaderboard("osai", {"type": "code"}) == "/leaderboard/osai?type=code"
    assert server.badge("llama-2", "osai") == "/badge/llama-2.svg?framework=osai"
    static = Links("static", 1)
    assert static.model("llama-2") == "../models/llama-2.html"
    assert static.leaderboard("osai", {"type": "code"}) == "../leaderboard/osai.html"
    assert static.at(0).home() == "index.html"
    assert static.asset("app.js") == "../static/app.js"


def test_pins_are_checked_against_the_loaded_data() -> None:
    snapshot = next(s for s in api.data_snapshots() if s.source == "osai-index")
    commit = api.snapshot_commit(snapshot)
    assert api.pin_snapshots([f"osai-index@{commit}"]) == [snapshot]
    from opengauge.errors import NotFound

    with pytest.raises(NotFound, match="not @0000000"):
        api.pin_snapshots(["osai-index@0000000"])
    with pytest.raises(NotFound, match="no dataset 'nowhere'"):
        api.pin_snapshots(["nowhere@5a388e8"])
    with pytest.raises(BadInput, match="expected SOURCE@COMMIT"):
        api.pin_snapshots(["osai-index"])


def test_page_cache_keeps_within_its_byte_budget() -> None:
    from opengauge.web.cache import PageCache

    cache = PageCache(max_bytes=10_000)
    built: list[str] = []

    def page(name: str) -> str:
        built.append(name)
        return name * 2_000

    for name in "abcdefgh":
        cache.get(name, lambda n=name: page(n))
    assert cache.used <= 10_000
    cache.get("h", lambda: page("h"))
    assert built.count("h") == 1  # the newest is still cached
    cache.get("a", lambda: page("a"))
    assert built.count("a") == 2  # the oldest was evicted and rebuilt


def test_organisations_differing_only_in_case_are_listed_in_a_fixed_order() -> None:
    """The filter's organisation list is sorted ignoring case, then by the exact spelling, so the
    page is the same whatever the order of the set it came from (Python's hash seed)."""
    orgs = Views().board("ouc-2023").options["orgs"]
    assert orgs == sorted(orgs, key=lambda org: (org.casefold(), org))
    assert orgs.index("TogetherComputer") + 1 == orgs.index("togethercomputer")
