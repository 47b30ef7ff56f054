"""Inert output: hostile text is shown, never obeyed, in every format (issue 17 item 3).

One test per attack: ANSI sequences from a card's license, a GGUF name, a catalog name, a file
name and an error line never reach the terminal raw; spreadsheet formulas are neutralised in
the CLI CSV, the web download and the static site; `<img onerror>` never passes raw into
Markdown; control characters never break the SVG badge or HTML.
"""

from __future__ import annotations

import csv
import io
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import gguf
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_process import run_cli
from opengauge.formats import inert

ESC = "\x1b"
CRITERIA = ["datasources_basemodel", "datasources_endmodel", "weights_basemodel", "weights_endmodel",
            "trainingcode", "code", "hardware_architecture", "preprint", "paper", "modelcard",
            "datasheet", "licenses"]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SPOOF = "\x1b[2J\x1b[H\x1b[32mspoofed: OPEN SOURCE\x1b[0m\r\x07"


# -- the helpers ---------------------------------------------------------------------------

def test_terminal_shows_escapes_visibly() -> None:
    shown = inert.terminal(SPOOF)
    assert ESC not in shown and "\r" not in shown and "\x07" not in shown
    assert shown == "\\x1b[2J\\x1b[H\\x1b[32mspoofed: OPEN SOURCE\\x1b[0m\\r\\x07"
    assert inert.terminal("a\u202eb\u2066c") == "a\\u202eb\\u2066c"  # bidi overrides
    assert inert.terminal("two\nlines\tok") == "two\nlines\tok"
    assert inert.terminal("two\nlines", line=True) == "two\\nlines"
    assert inert.terminal("Llama 2 — open · ● ◐ ○ é 中") == "Llama 2 — open · ● ◐ ○ é 中"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_terminal_never_lets_a_control_character_through(text: str) -> None:
    assert not RAW_CONTROL.search(inert.terminal(text))
    assert not re.search("[\n\t]", inert.terminal(text, line=True))


def test_terminal_document_leaves_the_payload_alone() -> None:
    from opengauge.formats.records import Document

    payload = object()
    document = Document("models", [{"name": SPOOF, "nested": [{"x": (ESC,)}]}], [{"a": ESC}],
                        title=ESC, payload=payload, notice=ESC)
    safe = inert.terminal_document(document)
    assert ESC not in repr((safe.records, safe.data, safe.title, safe.notice))
    assert safe.payload is payload and document.records[0]["name"] == SPOOF


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"), ("@SUM(1+1)*cmd", "'@SUM(1+1)*cmd"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-", "'-"),
    ("-0.5", "-0.5"), ("+3", "+3"), ("-1e-3", "-1e-3"), ("-.5", "-.5"),  # plain numbers
    (-0.5, -0.5), (3, 3), ("Llama 2", "Llama 2"), ("", ""), ("a=b", "a=b"),
])
def test_csv_cells(value: object, expected: object) -> None:
    assert inert.csv_cell(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_csv_cell_never_starts_a_formula(text: str) -> None:
    cell = inert.csv_cell(text)
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(cell)  # only a plain number may start so


@pytest.mark.parametrize(("text", "absent"), [
    ("<img src=x onerror=alert(1)>", "<img"), ("<script>alert(1)</script>", "<script"),
    ("[click](javascript:alert(1))", "[click]("), ("![x](http://evil/x.png)", "!["),
    ("**bold** _it_ `code`", "**"), ("a | b", " | "), ("line\n# two", "\n"),
])
def test_markdown_escapes(text: str, absent: str) -> None:
    assert absent not in inert.markdown(text)


@pytest.mark.parametrize("text", ["# Heading", "- item", "+ item", "1. item", "2) item", "> quote",
                                  "* item", "  # indented", "###### h6"])
def test_markdown_escapes_line_start_markers(text: str) -> None:
    shown = inert.markdown(text)
    assert not shown.lstrip().startswith(text.lstrip()[:2])


def test_markdown_keeps_plain_text_readable() -> None:
    for text in ("Apache-2.0 (v2.0), see https://example.org", "-0.5", "1.00 rank 1/195", "#1"):
        assert inert.markdown(text) == text
    assert inert.markdown_code("<img onerror=x>") == "`<img onerror=x>`"  # literal in code
    assert inert.markdown_code("a`b") == "a\\`b"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_xml_text_always_parses_as_text(text: str) -> None:
    element = ET.fromstring(f"<t a=\"{inert.xml_text(text)}\">{inert.xml_text(text)}</t>")
    expected = inert.xml_clean(text).replace("\r\n", "\n").replace("\r", "\n")  # XML line ends
    assert (element.text or "") == expected  # the text reads back as itself, nothing broke out
    assert len(element) == 0 and list(element.attrib) == ["a"]


# -- the attacks, end to end -----------------------------------------------------------

def hostile_record(name: str, org: str, license_name: str) -> str:
    """An own-catalog record in the EU index format (double-quoted YAML: escapes allowed)."""
    def q(text: str) -> str:
        return '"' + text.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'

    lines = ["system:", f"    name: {q(name)}", "    link: https://example.org", "    type: text",
             f"    endmodellicense: {q(license_name)}", "    notes: note", "org:",
             f"    name: {q(org)}", "    link: https://example.org", "    notes: note"]
    for ref in CRITERIA:
        lines += [f"{ref}:", "    class: open", "    link: https://example.org", "    notes: x"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def ansi_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ansi-catalog")
    (folder / "spoof.yaml").write_text(hostile_record(f"Spoof{SPOOF}", f"Org{ESC}[8m", "MIT"),
                                       encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def formula_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("formula-catalog")
    (folder / "formula.yaml").write_text(
        hostile_record('=HYPERLINK("http://evil.example","x")', "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0"),
        encoding="utf-8")
    (folder / "markup.yaml").write_text(
        hostile_record("<img src=x onerror=alert(1)>", "Org", "[x](javascript:alert(1))"),
        encoding="utf-8")
    return folder


def assert_terminal_inert(text: str) -> None:
    assert ESC not in text and "\x07" not in text and "\r" not in text


@pytest.mark.slow
def test_ansi_in_a_card_license_and_a_file_name_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "README.md").write_text('---\nlicense: "\\e[2J\\e[Hspoofed: OPEN SOURCE"\n---\n# M\n',
                                      encoding="utf-8")
    (folder / f"LICENSE-{ESC}[31mred").write_text("MIT License\n", encoding="utf-8")
    done = run_cli("check", str(folder), "-f", "table")
    assert done.returncode in (0, 1), done.stderr
    assert_terminal_inert(done.stdout + done.stderr)
    assert "\\x1b[2J\\x1b[Hspoofed: OPEN SOURCE" in done.stdout  # shown, as visible escapes
    assert "LICENSE-\\x1b[31mred" in done.stdout


@pytest.mark.slow
def test_ansi_in_a_gguf_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "spoof.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name(f"Tiny{SPOOF}")
    writer.add_license(f"mit{ESC}]0;pwned{ESC}\\")
    writer.add_tensor("output_norm.weight", np.zeros(8, dtype=np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    done = run_cli("check", str(path), "-f", "table")
    assert done.returncode in (0, 1), done.stderr
    assert_terminal_inert(done.stdout + done.stderr)
    assert "\\x1b" in done.stdout


@pytest.mark.slow
def test_ansi_in_a_catalog_name_never_reaches_the_terminal(ansi_catalog: Path) -> None:
    for args in (("rank", "--catalog", str(ansi_catalog), "-f", "table"),
                 ("show", "spoof", "--catalog", str(ansi_catalog), "-f", "table"),
                 ("check", "spoof", "--catalog", str(ansi_catalog), "-f", "table")):
        done = run_cli(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert_terminal_inert(done.stdout + done.stderr)
        assert "Spoof\\x1b[2J" in done.stdout


def test_error_lines_carry_no_raw_control_characters() -> None:
    done = run_cli("check", f"catalog:nothing{SPOOF}")
    assert done.returncode == 3
    assert_terminal_inert(done.stderr)
    assert done.stderr.startswith("opengauge: error: ") and done.stderr.count("\n") == 1
    usage = run_cli("rank", f"--no-such-option{ESC}[2J")
    assert usage.returncode == 2
    assert_terminal_inert(usage.stderr)


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


FORMULA = re.compile(r"^[=+\-@\t\r]")


def assert_no_formula(text: str) -> None:
    cells = csv_cells(text)
    assert cells
    for cell in cells:
        if FORMULA.match(cell):
            float(cell)  # only plain numbers may begin so
    assert "'=HYPERLINK(" in text and "'@SUM(1+1)" in text


@pytest.mark.slow
def test_cli_csv_neutralises_formulas(formula_catalog: Path) -> None:
    done = run_cli("rank", "--catalog", str(formula_catalog), "-f", "csv")
    assert done.returncode == 0, done.stderr
    assert_no_formula(done.stdout)
    shown = run_cli("check", "formula", "--catalog", str(formula_catalog), "-f", "csv")
    assert shown.returncode == 0, shown.stderr
    for cell in csv_cells(shown.stdout):
        if FORMULA.match(cell):
            float(cell)


@pytest.mark.slow  # builds the whole static site
def test_web_and_site_csv_neutralise_formulas(formula_catalog: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from opengauge.web.app import create_app
    from opengauge.web.site import build

    with TestClient(create_app(str(formula_catalog), warm=False)) as client:
        answer = client.get("/leaderboard/osai.csv")
        assert answer.status_code == 200
        assert_no_formula(answer.text)
    build(tmp_path / "site", str(formula_catalog))
    assert_no_formula((tmp_path / "site" / "leaderboard" / "osai.csv").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_markdown_never_passes_html_or_links_raw(formula_catalog: Path) -> None:
    for args in (("rank", "--catalog", str(formula_catalog), "-f", "markdown"),
                 ("show", "markup", "--catalog", str(formula_catalog), "-f", "markdown"),
                 ("check", "markup", "--catalog", str(formula_catalog), "-f", "markdown")):
        done = run_cli(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert "<img" not in done.stdout and "[x](javascript:" not in done.stdout
        if args[0] == "check":  # the license is shown, not linked
            assert "\\[x\\](javascript:alert(1))" in done.stdout
        assert "&lt;img src=x onerror=alert(1)&gt;" in done.stdout


def test_control_characters_never_break_the_badge_or_the_page(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from opengauge.web.app import create_app

    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "ctl.yaml").write_text(hostile_record("Ctl\x00\x01\x0b\x1b[31m\ufffeName", "Org\x08",
                                                    "MIT\x0c"), encoding="utf-8")
    with TestClient(create_app(str(folder), warm=False)) as client:
        ranking = client.get("/api/ranking", params={"q": "Ctl"}).json()
        model_id = ranking["models"][0]["id"]
        badge = client.get(f"/badge/{model_id}.svg")
        assert badge.status_code == 200
        root = ET.fromstring(badge.text)  # well-formed XML
        assert "Ctl[31mName" in root.find("{http://www.w3.org/2000/svg}title").text
        page = client.get(f"/models/{model_id}")
        assert page.status_code == 200
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", page.text)
        assert "Ctl[31mName" in page.text


def run_on_a_terminal(*args: str) -> str:
    """The CLI with stdout on a pseudo-terminal (NO_COLOR: any ESC in the output is not ours)."""
    import os
    import pty
    import select
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "opengauge.cli", *args], stdout=secondary,
                               stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    os.close(secondary)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 1)
        if ready:
            try:
                data = os.read(primary, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(primary)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_every_format_is_inert_on_a_terminal(ansi_catalog: Path, fmt: str) -> None:
    shown = run_on_a_terminal("rank", "--catalog", str(ansi_catalog), "-f", fmt)
    assert ESC not in shown and "\x07" not in shown
    assert "Spoof" in shown
