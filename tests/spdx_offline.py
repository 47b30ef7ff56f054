"""SPDX 3.0.1 validation with spdx3-validate, offline: the three files the validator downloads
from spdx.org (model with SHACL shapes, JSON-LD context, JSON schema) are answered from the
reference folder by a urllib handler placed before the network's (imported by name from tests
and benchmarks)."""

from __future__ import annotations

import email.message
import io
import urllib.error
import urllib.request
import urllib.response
from pathlib import Path
from typing import Any

from reference_data import REFERENCE

FILES = {
    "https://spdx.org/rdf/3.0.1/spdx-model.ttl": ("spdx-model.ttl", "text/turtle"),
    "https://spdx.org/rdf/3.0.1/spdx-context.jsonld": ("spdx-context.jsonld", "application/ld+json"),
    "https://spdx.org/schema/3.0.1/spdx-json-schema.json": ("schema.json", "application/json"),
}


class SpdxFromReference(urllib.request.BaseHandler):
    """Answers the SPDX 3.0.1 files from shared/reference/spdx-3.0.1; any other https URL is
    refused (the tests never use the network)."""

    handler_order = 100  # before urllib's own HTTPS handler

    def https_open(self, request: urllib.request.Request) -> urllib.response.addinfourl:
        found = FILES.get(request.full_url)
        if found is None:
            raise urllib.error.URLError(f"offline: {request.full_url} is not an SPDX 3.0.1 file")
        name, kind = found
        headers = email.message.Message()
        headers["Content-Type"] = kind
        body = (REFERENCE / "spdx-3.0.1" / name).read_bytes()
        response = urllib.response.addinfourl(io.BytesIO(body), headers, request.full_url, 200)
        response.msg = "OK"
        return response


def install() -> None:
    urllib.request.install_opener(urllib.request.build_opener(SpdxFromReference()))


def validate(paths: list[Path]) -> list[str]:
    """spdx3-validate's JSON-schema and SHACL errors for each document (empty when all pass)."""
    import spdx3_validate

    install()
    result = spdx3_validate.validate([str(p) for p in paths], version="3.0.1")
    return [str(error) for error in result.errors]


def validate_merged(texts: dict[str, str]) -> dict[str, list[str]]:
    """Many documents in one SHACL pass (the shapes are loaded and run once over the union of
    their graphs; every element id is unique to its document), and each against the JSON
    schema: name -> errors, with each SHACL error given to the document its focus node is in."""
    from spdx3_validate import core
    from spdx3_validate.spdx_versions import SPDX_VERSIONS

    install()
    version = next(v for v in SPDX_VERSIONS if v.pretty == "3.0.1")
    schema, shacl = core.load_validation_data(version)
    validator = core.schema_validator(schema)
    errors: dict[str, list[str]] = {name: [] for name in texts}
    merged: Any = None
    for name, text in texts.items():
        # blank-node labels (`_:creationinfo`) are per document: keep them apart in the union
        document = core.Document.from_text(name, text.replace('"_:', f'"_:{name}-'))
        errors[name] += [f"schema: {e.json_path}: {e.message}"
                         for e in validator.iter_errors(document.data)]
        merged = document.graph if merged is None else merged + document.graph
    if merged is not None:
        for problem in core.check_graph(merged, shacl, version, True):
            owners = [n for n in texts if f"urn:opengauge:{n}:" in problem] or list(texts)
            for owner in owners:
                errors[owner].append(f"shacl: {problem}")
    return errors
