"""`opengauge serve` is parsed by an app with that command only (it starts sooner), and answers
exactly as within the whole app."""

from __future__ import annotations

import pytest

from cli_process import alone_and_whole
from opengauge import cli


@pytest.mark.parametrize("args", [["serve", "--help"], ["serve", "--port", "x"],
                                  ["serve", "--port", "70000"], ["serve", "--check-workers", "0"],
                                  ["serve", "--bogus"], ["serve", "extra"]])
def test_serve_alone_answers_as_within_the_whole_app(args: list[str]) -> None:
    single, whole = alone_and_whole(args)
    assert whole[0] != 0 or args[-1] == "--help"
    assert single == whole


def test_other_commands_use_the_whole_app() -> None:
    for argv in (["opengauge"], ["opengauge", "rank"], ["opengauge", "--version"],
                 ["opengauge", "catalog", "list"]):
        assert cli._app_for(argv) is cli.app
