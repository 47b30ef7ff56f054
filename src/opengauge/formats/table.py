"""Terminal tables (rich): colour on a terminal, plain text otherwise."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from opengauge.formats.comparison import comparison
from opengauge.formats.grid import Column, grid
from opengauge.formats.inert import terminal_document
from opengauge.formats.interface import Format
from opengauge.formats.records import Document
from opengauge.formats.text import (
    LEVEL_GLYPH,
    LEVEL_STYLE,
    abbreviations,
    blockers_text,
    class_text,
    criteria_names,
    disagreement_lines,
    gate_lines,
    headline,
    result_lines,
    score_text,
    transparency_text,
)


def _level(level: str) -> Text:
    return Text(LEVEL_GLYPH.get(level, "?"), style=LEVEL_STYLE.get(level, ""))


class TableFormat(Format):
    name = "table"

    def __init__(self, color: bool = False, width: int | None = None) -> None:
        self.color = color
        self.width = width

    def render(self, document: Document) -> str:
        out = io.StringIO()
        console = Console(file=out, force_terminal=self.color, no_color=not self.color,
                          width=self.width or 120, highlight=False, soft_wrap=False,
                          markup=False)  # text is never read as rich markup
        getattr(self, f"_{document.kind}")(console, terminal_document(document))
        return out.getvalue()

    def _ranking(self, console: Console, document: Document) -> None:
        records = document.records
        framework = document.payload.framework
        dims = [c.ref for c in framework.criteria]
        short = abbreviations(framework)
        progress = framework.kind == "class"
        columns = [Column("#", "right"), Column("model", max_width=28), Column("org", max_width=28),
                   Column("type"), Column(score_text(framework.kind, header=True))]
        columns += [Column(f"{numeral} %", "right") for numeral in (("III", "II", "I") if progress else ())]
        columns += [Column(short[dim], "center") for dim in dims]
        rows = [[str(r["rank"]), r["name"], r.get("org") or "", ",".join(r.get("type") or []),
                 _result(framework.kind, r), *(_progress_cells(r) if progress else ()),
                 *[_level(r["ratings"].get(d, "unknown")) for d in dims]] for r in records]
        if document.title:
            console.print(Text(document.title, style="italic"), soft_wrap=True)
        console.print(grid(columns, rows), soft_wrap=True, end="")
        console.print(_legend(framework))
        if not records:
            console.print("no models match these filters")

    def _models(self, console: Console, document: Document) -> None:
        for r in document.records:
            title = f"{r['name']} ({r.get('org') or 'unknown organisation'}) — {r['framework']}"
            console.print(Text(title, style="bold"))
            console.print(f"  {score_text(r.get('kind', 'score'), record=r, long=True)}  "
                          f"source {r['source']} {r['source_file']} ({r['layer']})")
            for line in result_lines(r):
                console.print(f"  {line}", overflow="fold")
            if r.get("developer_transparency"):
                console.print(f"  {transparency_text(r['developer_transparency'])}", overflow="fold")
            table = Table(box=None, pad_edge=False, show_header=True)
            table.add_column("dimension", no_wrap=True)
            table.add_column("level")
            table.add_column("evidence", overflow="fold")
            names = criteria_names(r["framework"])
            for dim, detail in r.get("evidence", {}).items():
                table.add_row(names.get(dim, dim), _level(detail["level"]).append(" " + detail["level"]),
                              _evidence_text(detail["evidence"]))
            console.print(table)
            console.print()

    def _comparison(self, console: Console, document: Document) -> None:
        compared = comparison(document.records)
        width = max(12, ((self.width or 120) - 26) // max(1, len(compared.models)) - 2)
        columns = [Column("", max_width=28)] + [Column(m["name"], max_width=width)
                                                 for m in compared.models]
        rows: list[list[Any]] = []
        for row in compared.rows:
            if row.heading:
                rows.append([Text(row.label, style="bold"), *[""] * len(compared.models)])
            elif row.levels:
                rows.append([f"  {row.label}", *[
                    _level(level).append(f" {level}") if level else Text("—")
                    for level in row.levels]])
            else:
                rows.append([f"  {row.label}", *row.cells])
        headings = frozenset(i for i, row in enumerate(compared.rows) if row.heading)
        console.print(grid(columns, rows, spanning=headings), soft_wrap=True, end="")
        for line in compared.developers:
            console.print(f"developer  {line}", overflow="fold")
        console.print(Text("evidence for each rating: opengauge show MODEL", style="dim"))

    def _reports(self, console: Console, document: Document) -> None:
        if document.notice:
            console.print(Text(document.notice, style="italic"))
        for r in document.records:
            console.print(Text(headline(r), style="bold"))
            if (r.get("summary") or {}).get("basis"):
                console.print(f"  verdict    {r['summary']['basis']}", overflow="fold")
            console.print(_license_line(r.get("license") or {}), overflow="fold")
            automatic = r.get("automatic") or {}
            for fid, f in r["frameworks"].items():
                self._framework_line(console, fid, f, "curated " if automatic else "")
                if fid in automatic:
                    self._framework_line(console, fid, automatic[fid], "automatic ")
                for line in disagreement_lines((r.get("comparison") or {}).get(fid)):
                    console.print(f"      {line}", overflow="fold")
            if r.get("developer_transparency"):
                console.print(f"  developer  {transparency_text(r['developer_transparency'])}",
                              overflow="fold")
            for finding in r.get("findings", []):
                severity = f"{finding.get('severity')} " if finding.get("severity") else ""
                console.print(f"  finding    {severity}{finding.get('id')}: "
                              f"{finding.get('message', '')}", overflow="fold")
            for line in gate_lines(r.get("gate")):
                console.print(f"  gate       {line}", overflow="fold")
            if "eu_ai_act" in document.sections and r.get("eu_ai_act"):
                self._eu_ai_act(console, r["eu_ai_act"])
            prov = r.get("provenance") or {}
            if prov.get("revision"):
                console.print(Text(f"  revision   {prov['revision']}"
                                   + (f" ({prov['revision_kind']})" if prov.get("revision_kind")
                                      else ""), style="dim"))
            if "curated" in str(prov.get("kind", "curated")):
                console.print(Text(f"  details: opengauge show {r['id']}", style="dim"))

    def _eu_ai_act(self, console: Console, section: dict[str, Any]) -> None:
        from opengauge.formats.euact import RESULT_STYLE, STATUS_STYLE, headline, section_items

        status = section.get("status", "unknown")
        console.print(Text(f"  {headline(section)}", style=STATUS_STYLE.get(status, "")))
        for head, lines, result in section_items(section):
            console.print(Text(f"      {head}", style=RESULT_STYLE.get(result, "")), overflow="fold")
            for line in lines:
                console.print(Text(f"          {line}"), overflow="fold")

    def _framework_line(self, console: Console, fid: str, f: dict[str, Any], label: str) -> None:
        name = criteria_names(fid).get("__name__", fid)
        if label:
            name = f"{name} ({label.strip()})"
        console.print(f"  {name:<42} {score_text(f.get('kind', 'score'), record=f, long=True)}   "
                      f"{_evidence_count(f)}")
        for line in _report_details(f):
            console.print(f"      {line}", overflow="fold")
        if f.get("release") and f.get("provenance") != "automatic":
            console.print(f"      rates {f['release']} ({f.get('source')} {f.get('source_file')})",
                          overflow="fold")

    def _batch(self, console: Console, document: Document) -> None:
        from opengauge.formats.batchview import COLUMNS, row

        console.print(_rows_table(document, COLUMNS, row, wide="target"))

    def _history(self, console: Console, document: Document) -> None:
        from opengauge.formats.historyview import COLUMNS, row

        console.print(_rows_table(document, COLUMNS, row, wide="license"))

    def _diff(self, console: Console, document: Document) -> None:
        from opengauge.formats.diffview import rows

        for record in document.records:
            console.print(Text(f"{record['a']['label']} → {record['b']['label']}", style="bold"))
            table = Table(box=None, pad_edge=False)
            for column in ("section", "item", "A", "B"):
                table.add_column(column, overflow="fold")
            for row in rows(record):
                table.add_row(*row)
            console.print(table if not record["same"] else "  no differences")
            console.print()

    def _frameworks(self, console: Console, document: Document) -> None:
        for f in document.records:
            console.print(Text(f"{f['id']}: {f['name']}", style="bold"))
            table = Table(box=None, pad_edge=False)
            for column in ("criterion", "group", "name", "question"):
                table.add_column(column, overflow="fold")
            for c in f["criteria"]:
                table.add_row(c["ref"], c.get("group", ""), c["name"], c.get("question", ""))
            console.print(table)
            console.print()

    def _licenses(self, console: Console, document: Document) -> None:
        from opengauge.formats.licenses import text_lines

        for record in document.records:
            first, *rest = text_lines(record)
            console.print(Text(first, style="bold"))
            for line in rest:
                console.print(Text(line), overflow="fold")
            console.print()
        if not document.records:
            console.print("no license-like files found")

    def _answers(self, console: Console, document: Document) -> None:
        from opengauge.formats.answers import ANSWER_STYLE, answer_lines, headline, text_line, title

        console.print(Text(document.notice or "", style="italic"))
        for record in document.records:
            console.print(Text(title(record), style="bold"))
            for text in record.get("texts") or []:
                console.print(Text(f"  {text_line(text)}"), overflow="fold")
            for answer in record.get("answers") or []:
                console.print(Text(f"  {headline(answer)}", style=ANSWER_STYLE.get(answer["answer"], "")))
                for line in answer_lines(answer):
                    console.print(Text(f"      {line}"), overflow="fold")
            for note in record.get("notes") or []:
                console.print(Text(f"  note: {note}", style="dim"), overflow="fold")
            console.print()

    def _datasets(self, console: Console, document: Document) -> None:
        table = Table(box=None, pad_edge=False)
        for column in ("source", "layer", "snapshot", "date", "models", "path"):
            table.add_column(column, overflow="fold")
        for d in document.records:
            table.add_row(d["source"], d["layer"], d.get("snapshot") or "", d.get("date") or "",
                          str(d["models"]), d.get("path") or "")
        console.print(table)
        for note in document.payload.get("notes", []) if isinstance(document.payload, dict) else []:
            console.print(f"note: {note}")


def _rows_table(document: Document, columns: Any, row: Any, wide: str) -> Table:
    """One row per record (`row(record)` maps column -> cell); the `wide` column folds at 40."""
    table = Table(title=document.title, title_justify="left", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=40 if column == wide else None)
    for record in document.records:
        values = row(record)
        table.add_row(*(values[c] for c in columns))
    return table


def _result(kind: str, record: dict[str, Any]) -> Text | str:
    if kind == "verdict":
        verdict = record.get("verdict") or "unknown"
        return Text(verdict, style={"pass": "green", "fail": "red"}.get(verdict, ""))
    if kind == "class":
        return class_text(record.get("class"))
    return score_text(kind, record=record)


def _progress_cells(record: dict[str, Any]) -> list[str]:
    progress = record.get("progress") or {}
    return [f"{progress[k]:.0f}" if k in progress else "" for k in ("3", "2", "1")]


def _report_details(record: dict[str, Any]) -> list[str]:
    """Under a class or verdict in `check`: the release shown, what blocks it, the reasons."""
    if record.get("kind") not in ("class", "verdict"):
        return []
    lines = [] if record.get("provenance") == "automatic" else [
        f"release {record.get('source_file')}"
        + (f" (other releases: {len(record['related'])})" if record.get("related") else "")]
    if record.get("kind") == "class":
        lines += [blockers_text(record)] if record.get("blockers") else []
    else:
        lines += list(record.get("reasons") or [])
    return lines


def _legend(framework: Any) -> Text:
    short = abbreviations(framework)
    parts = [f"{short[c.ref]}={c.name}" for c in framework.criteria]
    glyphs = "  ".join(f"{LEVEL_GLYPH[k]} {k}" for k in LEVEL_GLYPH)
    return Text(f"{glyphs}\n" + ", ".join(parts), style="dim")


def _license_line(lic: dict[str, Any]) -> str:
    name = lic.get("name") or ("no curated license string; its terms:" if lic.get("texts")
                               else "unknown")
    line = f"  license    {name}"
    if "open_source" in lic:  # an automatic assessment read the declared terms
        verdict = {True: "open source", False: "not open source"}.get(lic["open_source"],
                                                                      "open source status unknown")
        line += f" — {verdict}"
        if lic.get("curated"):
            curated = lic["curated"]
            line += f"; curated: {curated.get('name') or 'unknown'}"
            if curated.get("rating"):
                line += f" ({curated['rating']})"
    elif lic.get("rating"):
        line += f" — curated rating: {lic['rating']}"
    if lic.get("evidence"):
        line += f"   evidence: {_first_link(lic['evidence'])}"
    if lic.get("analysis") and not _identified_text(lic):
        from opengauge.formats.licenses import analysis_phrase

        phrase = analysis_phrase(lic["analysis"])
        if phrase.startswith("not recognized"):
            phrase = f"'{lic.get('name') or ''}' {phrase}"
        line += f"\n             analyzer: {phrase}"
    if lic.get("texts"):
        from opengauge.formats.licenses import governing_phrase

        line += "".join(f"\n             terms: {governing_phrase(t)}" for t in lic["texts"])
    return line


def _identified_text(lic: dict[str, Any]) -> bool:
    """Whether a governing text of a catalog model was identified (then the analyzer's reading
    of the curated name is not shown: the texts are the terms)."""
    return any(t.get("identified") for t in lic.get("texts") or [])


def _first_link(evidence: list[dict] | None) -> str:
    for e in evidence or []:
        loc = e.get("locator") or {}
        if loc.get("url"):
            return loc["url"]
        if loc.get("file"):
            return f"{loc['file']}:{loc.get('line') or ''}".rstrip(":")
    return ""


def _evidence_text(evidence: list[dict]) -> str:
    lines = []
    for e in evidence:
        loc = e.get("locator") or {}
        file = f"{loc['file']}:{loc['line']}" if loc.get("file") and loc.get("line") else loc.get("file")
        where = loc.get("url") or file or ""
        quote, note = e.get("quote"), e.get("note")
        text = f"'{quote}' ({note})" if quote and note else (quote or note or "")
        lines.append(" — ".join(p for p in (where, text) if p))
    return "\n".join(lines) or "(no evidence)"


def _evidence_count(record: dict[str, Any]) -> str:
    details = record.get("evidence") or {}
    with_link = sum(1 for d in details.values()
                    if any((e.get("locator") or {}).get("url") for e in d["evidence"]))
    with_note = sum(1 for d in details.values() if any(e.get("note") for e in d["evidence"]))
    return f"{len(details)} ratings, {with_link} with a link, {with_note} with a note"
