"""`opengauge serve` is parsed by an app with that command only (it starts sooner), and answers
exactly as within the whole app."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from opengauge import cli


@pytest.mark.parametrize("args", [["serve", "--help"], ["serve", "--port", "x"],
                                  ["serve", "--port", "70000"], ["serve", "--check-workers", "0"],
                                  ["serve", "--bogus"], ["serve", "extra"]])
def test_serve_alone_answers_as_within_the_whole_app(args: list[str]) -> None:
    alone = cli._app_for(["opengauge", *args])
    assert alone is not cli.app
    runner = CliRunner()
    whole = runner.invoke(cli.app, args, prog_name="opengauge")
    single = runner.invoke(alone, args, prog_name="opengauge")
    assert whole.exit_code != 0 or args[-1] == "--help"
    assert (single.exit_code, single.output) == (whole.exit_code, whole.output)


def test_other_commands_use_the_whole_app() -> None:
    for argv in (["opengauge"], ["opengauge", "rank"], ["opengauge", "--version"],
                 ["opengauge", "catalog", "list"]):
        assert cli._app_for(argv) is cli.app
