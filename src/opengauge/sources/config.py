"""config.json (architecture, model type, dtype, quantization) and adapter_config.json (a
PEFT adapter's base model), read as JSON with their size capped."""

from __future__ import annotations

import json
from typing import Any

from opengauge.sources.facts import Fact, Facts
from opengauge.sources.interface import Repository, Source, read_text

SOURCE = "config"
MAX_CONFIG_BYTES = 5 << 20
SUMMARY_KEYS = ("model_type", "architectures", "torch_dtype", "base_model_name_or_path",
                "peft_type", "_name_or_path")


def parse_json_object(text: str, name: str) -> tuple[dict[str, Any] | None, str | None]:
    """(object, None) or (None, problem) for a JSON file that must hold an object."""
    try:
        data = json.loads(text)
    except RecursionError:
        return None, f"{name}: JSON nested too deeply"
    except ValueError as exc:
        return None, f"{name}: invalid JSON: {exc}"
    if not isinstance(data, dict):
        return None, f"{name}: expected a JSON object, found {type(data).__name__}"
    return data, None


class ConfigSource(Source):
    """`config.json` and `adapter_config.json` at the top of the repository."""

    name = SOURCE

    def collect(self, repo: Repository, facts: Facts) -> None:
        for file_name, attribute in (("config.json", "config"),
                                     ("adapter_config.json", "adapter_config")):
            found = repo.find(file_name)
            if found is None:
                continue
            read = read_text(repo, found.name, MAX_CONFIG_BYTES, SOURCE, facts)
            if read is None:
                continue
            data, problem = parse_json_object(read[0], found.name)
            if problem:
                facts.problem(SOURCE, problem, repo.evidence(SOURCE, found.name), kind="malformed")
                continue
            assert data is not None
            quote = "; ".join(f"{k}: {data[k]}" for k in SUMMARY_KEYS if k in data)
            setattr(facts, attribute, Fact(data, repo.evidence(SOURCE, found.name,
                                                                quote=quote[:200] or None)))
