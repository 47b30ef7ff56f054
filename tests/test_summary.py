"""The check headline: weights and open source, and what each rests on."""

from __future__ import annotations

from opengauge import api


def summary(name: str) -> dict:
    return api.check(name).context["summary"]


def test_osaid_verdict_decides_open_source_when_there_is_one() -> None:
    assert summary("amber") == {"weights": "open", "open_source": True, "basis": "osaid: Amber.yml"}
    llama = summary("llama-2")
    assert llama["open_source"] is False and llama["basis"].startswith("osaid: Llama-2")
    assert llama["weights"] == "partial"


def test_without_osaid_the_eu_levels_decide_or_it_is_unknown() -> None:
    bloomz = summary("bloomz")  # EU licenses partial: neither rule applies
    assert bloomz["open_source"] is None and bloomz["basis"].startswith("osai:")
    chatgpt = summary("chatgpt")  # only in the 2023 table
    assert chatgpt == {"weights": "closed", "open_source": False,
                       "basis": "ouc-2023: rlweights, license, opencode"}
