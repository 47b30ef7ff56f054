"""Sections other stages fill in (license analysis, findings, transparency, automatic
assessments, assessed revision) slot into the model page generically."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from opengauge import api, licenses
from opengauge.assess.report import AssessedLicense, CuratedLicense
from opengauge.formats.records import ranked_record
from opengauge.model import Evidence, Finding, Locator
from opengauge.web.links import Links
from opengauge.web.pages import Pages
from opengauge.web.views import Views


def full_report():
    report = api.check("llama-2")
    assert isinstance(report.license, CuratedLicense)
    report.license.analysis = licenses.lookup_name("Llama 2 Community License")
    report.findings = [Finding(
        "field-of-use-restriction", "error",
        "Clause 2 limits use above 700 million monthly users <b>",
        [Evidence("license", Locator(file="LICENSE", line=42),
                  "greater than 700 million monthly active users")],
        {"osd": 6},
    )]
    report.context["developer_transparency"] = {"fmti": {"edition": 2025, "score": 38,
                                                          "developer": "Meta"}}
    automatic = ranked_record(report.frameworks["osai"], evidence=True)
    automatic = copy.deepcopy(automatic) | {"provenance": "automatic", "score": 0.3}
    report.context["automatic"] = {"osai": automatic}
    report.provenance.revision = "0123456789abcdef0123456789abcdef01234567"
    report.context["energy"] = {"kwh": 12.5}
    return report


def test_generic_sections_render() -> None:
    html = Pages(Views(), Links("server")).report(full_report(), "llama-2")
    assert "<h3>License analysis</h3>" in html and "Llama 2 Community License" in html
    assert 'id="h-findings"' in html and "<strong>field-of-use-restriction</strong>" in html
    assert "<blockquote>greater than 700 million monthly active users</blockquote>" in html
    assert "LICENSE:42" in html
    assert "limits use above 700 million monthly users &lt;b&gt;" in html
    assert 'id="h-fmti"' in html and "<dt>score</dt><dd>38" in html.replace("\n", "")
    assert "<h3>Curated assessment</h3>" in html and "<h3>Automatic assessment</h3>" in html
    assert 'id="osai-licenses-automatic"' in html
    assert "Assessed revision: <code>0123456789abcdef0123456789abcdef01234567</code>" in html
    assert 'id="h-extra"' in html and "kwh" in html


def test_summary_lists_curated_and_automatic_rows() -> None:
    context = Views().report(full_report())
    osai = next(item for item in context["by_framework"] if item["framework"]["id"] == "osai")
    assert [a["record"]["provenance"] for a in osai["assessments"]] == ["curated", "automatic"]
    assert [a["result"]["text"] for a in osai["assessments"]] == ["0.25", "0.30"]


def license_section(html: str) -> str:
    start = html.index('id="h-license"')
    return html[start:html.index("</section>", start)]


def test_license_restrictions_are_quoted_readably_on_the_model_page(app_client) -> None:
    section = license_section(app_client.get("/models/llama-2").text)
    threshold = re.search(r"<li><strong>user-threshold</strong> \(700,000,000 monthly active users\)"
                          r"<blockquote>([^<]*)</blockquote>\s*<p class=\"where\">(.*?)</p>",
                          section, re.S)
    assert threshold, section
    assert "greater than 700 million" in threshold.group(1)
    assert "llama-2-license-2023.LICENSE</code>, lines 81–87" in threshold.group(2)
    assert "conflicts with OSD 5 (No Discrimination Against Persons or Groups)" in threshold.group(2)
    assert "<strong>Llama 2 Community License Agreement 2023</strong>, version 2" in section
    assert "Open source: <strong>no</strong> — conflicts with the Open Source Definition" in section
    assert "<li>OSD 7 (Distribution of License): click-through at lines 46–47</li>" in section
    # no raw dump of the analyzer's record
    assert "<pre>" not in section and "&#34;click-through&#34;" not in section
    assert "<dt>restrictions</dt>" not in section and "<dt>osd_violations</dt>" not in section


def test_automatic_license_results_render_readably() -> None:
    report = api.check("llama-2")
    assert isinstance(report.license, CuratedLicense)
    text = report.license.texts[0]
    report.license = AssessedLicense(report.license.name, results=[replace(
        text, path="LICENSE", annotations={**text.annotations, "source": "license file"})])
    html = license_section(Pages(Views(), Links("server")).report(report, "llama-2"))
    assert "from license file <code>LICENSE</code>" in html
    assert "<code>LICENSE</code>, lines 81–87 · conflicts with OSD 5" in html
    assert "<dt>results</dt>" not in html


def test_mot_license_strings_show_the_literal_and_the_analyzers_reading(app_client) -> None:
    section = license_section(app_client.get("/models/ul2").text)
    row = re.search(r'<th scope="row"><code>Apache 2.0</code></th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>',
                    section, re.S)
    assert row, section
    assert row.group(1).startswith("not open — not an id the MOT counts as open")
    assert row.group(2) == "Apache License 2.0 <code>Apache-2.0</code> — open source: yes"
    assert "<pre>" not in section
