"""Robustness: empty, binary, non-UTF-8, huge and odd inputs get an answer or one clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from license_fixtures import library_text

from opengauge.errors import BadInput, NotFound
from opengauge.licenses import analyze_bytes, analyze_path
from opengauge.licenses.inputs import MAX_BYTES, decode, is_license_like, license_files


def test_empty_file_is_a_sensible_answer(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE"
    path.write_bytes(b"")
    result = analyze_path(path)[0]
    assert not result.identified and result.note == "empty input" and result.open_source is None


def test_binary_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 10)
    with pytest.raises(BadInput, match=r"LICENSE: binary file, not a license text"):
        analyze_path(path)


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="no such file"):
        analyze_path(tmp_path / "nope")


def test_windows_1252_text_is_read_with_a_warning() -> None:
    data = library_text("mit").replace("\"", "\u201c", 1).encode("cp1252")
    result = analyze_bytes(data, "LICENSE")
    assert result.matches[0].key == "mit"
    assert "not UTF-8" in result.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark(encoding: str) -> None:
    data = library_text("apache-2.0").encode(encoding)
    assert analyze_bytes(data, "LICENSE").matches[0].key == "apache-2.0"


@pytest.mark.slow
def test_huge_input_is_cut_with_a_warning_and_still_answered(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE"
    block = library_text("mit")
    with path.open("w", encoding="utf-8") as out:
        out.write(block)
        filler = "This line is filler text about nothing in particular. " * 20 + "\n"
        while out.tell() < 50 * 1024 * 1024:
            out.write(filler * 100)
    result = analyze_path(path)[0]
    assert result.contains[0]["key"] == "mit" and not result.identified
    assert result.unexplained[0][0] >= result.contains[0]["lines"][1]
    assert any("only the first 2 MB" in w for w in result.warnings)


def test_truncated_utf8_at_the_read_limit_is_not_an_encoding_problem() -> None:
    data = ("é" * (MAX_BYTES // 2 + 10)).encode()
    decoded = decode(data[:MAX_BYTES - 1], "x", len(data))
    assert not any("not UTF-8" in w for w in decoded.warnings)


def test_folder_scan_finds_license_like_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text(library_text("mit"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "USE_POLICY.md").write_text(library_text("llama-3.1-aup"), encoding="utf-8")
    (tmp_path / "README.md").write_text("---\nlicense: apache-2.0\n---\n# Model\n", encoding="utf-8")
    (tmp_path / "NOTICE").write_bytes(b"\0\0\0binary")
    (tmp_path / "model.safetensors").write_bytes(b"\0" * 100)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "LICENSE").write_text("ignored", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in license_files(tmp_path)] == \
        ["LICENSE", "NOTICE", "README.md", "sub/USE_POLICY.md"]
    results = {Path(r.path).name: r for r in analyze_path(tmp_path)}
    assert results["LICENSE"].matches[0].key == "mit"
    assert results["USE_POLICY.md"].matches[0].key == "llama-3.1-aup"
    assert results["README.md"].matches[0].key == "apache-2.0"
    assert "binary" in results["NOTICE"].error


def test_license_like_names() -> None:
    for name in ("LICENSE", "LICENSE.txt", "COPYING", "NOTICE.md", "USE_POLICY.md", "README.md",
                 "mit-license.txt", "Terms-of-use.txt"):
        assert is_license_like(Path(name)), name
    assert not is_license_like(Path("config.json"))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_get_a_result_or_a_bad_input_error(data: bytes) -> None:
    try:
        result = analyze_bytes(data, "blob")
    except BadInput as error:
        assert str(error).startswith("blob: ")
        return
    assert result.to_dict()["path"] == "blob"


@settings(max_examples=30, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"),
               max_size=1500))
def test_any_text_gets_a_well_formed_result(text: str) -> None:
    data = analyze_bytes(text.encode("utf-8"), "t").to_dict()
    assert data["identified"] == bool(data["matches"])
    lines = max(1, text.count("\n") + text.count("\r") + 1)
    for item in data["matches"] + data["restrictions"]:
        if item.get("lines") and not item.get("source"):
            assert 1 <= item["lines"][0] <= item["lines"][1] <= lines


def test_utf16_without_bom_reads_as_binary_not_garbage() -> None:
    data = codecs.encode("Permission is hereby granted", "utf-16-le")
    with pytest.raises(BadInput):
        decode(data, "x")


def test_large_folders_are_analyzed_in_parallel_with_the_same_results(tmp_path: Path) -> None:
    texts = [library_text(k) for k in ("mit", "apache-2.0", "llama-3.1-license-2024", "cc-by-nc-4.0")]
    for number in range(36):
        (tmp_path / f"{number:02d}-LICENSE").write_text(texts[number % 4], encoding="utf-8")
    (tmp_path / "99-LICENSE").write_bytes(b"\0binary")
    sequential = [r.to_dict() for r in analyze_path(tmp_path, jobs=1)]
    parallel = [r.to_dict() for r in analyze_path(tmp_path, jobs=2)]
    assert parallel == sequential
    assert [r["matches"][0]["key"] for r in sequential[:4]] == [
        "mit", "apache-2.0", "llama-3.1-license-2024", "cc-by-nc-4.0"]
    assert "binary" in sequential[-1]["error"]
