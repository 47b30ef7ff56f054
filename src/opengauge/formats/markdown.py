"""Markdown: GitHub-flavoured tables, for READMEs, issues and reports."""

from __future__ import annotations

from collections.abc import Sequence

from opengauge.formats.comparison import comparison
from opengauge.formats.inert import markdown as _escape
from opengauge.formats.inert import markdown_code as _code
from opengauge.formats.interface import Format
from opengauge.formats.records import Document
from opengauge.formats.text import (
    criteria_names,
    disagreement_lines,
    gate_lines,
    headline,
    progress_text,
    result_lines,
    score_text,
    transparency_text,
)


def _table(header: list[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]  # our own names
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return lines


def _eu_ai_act(section: dict) -> list[str]:
    """The exemption check as a nested list."""
    from opengauge.formats.euact import headline, section_items

    lines = [f"- **{_escape(headline(section))}**"]
    for head, details, _ in section_items(section):
        lines.append(f"  - {_escape(head)}")
        lines += [f"    - {_escape(line)}" for line in details]
    return lines


class MarkdownFormat(Format):
    name = "markdown"

    def render(self, document: Document) -> str:
        return "\n".join(getattr(self, f"_{document.kind}")(document)) + "\n"

    def _ranking(self, document: Document) -> list[str]:
        framework = document.payload.framework
        dims = [c.ref for c in framework.criteria]
        progress = framework.kind == "class"
        header = ["#", "model", "org", score_text(framework.kind, header=True),
                  *(["progress"] if progress else []), *[c.name for c in framework.criteria]]
        rows = [[r["rank"], r["name"], r.get("org"), score_text(framework.kind, record=r),
                 *([progress_text(r.get("progress"))] if progress else []),
                 *[r["ratings"].get(d, "unknown") for d in dims]] for r in document.records]
        return [f"## {_escape(document.title)}", "", *_table(header, rows)]

    def _comparison(self, document: Document) -> list[str]:
        compared = comparison(document.records)
        blank = [""] * len(compared.models)
        rows = [[row.label.upper(), *blank] if row.heading else [row.label, *row.cells]
                for row in compared.rows]
        header = ["", *(_escape(m["name"]) for m in compared.models)]  # names are untrusted
        lines = ["## Comparison", "", *_table(header, rows)]
        return [*lines, "", *(f"- {_escape(line)}" for line in compared.developers)]

    def _models(self, document: Document) -> list[str]:
        lines: list[str] = []
        for r in document.records:
            names = criteria_names(r["framework"])
            lines += [f"## {_escape(r['name'])} — {_escape(names.get('__name__', r['framework']))}", "",
                      f"{_escape(score_text('score', record=r, long=True))}; source "
                      f"{_code(r['source_file'])}", ""]
            extra = result_lines(r)
            if r.get("developer_transparency"):
                extra.append(transparency_text(r["developer_transparency"]))
            lines += [*(f"- {_escape(line)}" for line in extra), *([""] if extra else [])]
            rows = []
            for dim, detail in r.get("evidence", {}).items():
                for e in detail["evidence"] or [{}]:
                    loc = e.get("locator") or {}
                    quote, note = e.get("quote"), e.get("note")
                    text = f"“{quote}” ({note})" if quote and note else (quote or note or "")
                    rows.append([names.get(dim, dim), detail["level"], loc.get("url") or "", text])
            lines += [*_table(["dimension", "level", "link", "note"], rows), ""]
        return lines

    def _reports(self, document: Document) -> list[str]:
        lines: list[str] = [f"*{_escape(document.notice)}*", ""] if document.notice else []
        for r in document.records:
            lines += [f"## {_escape(headline(r))}", ""]
            lic = r.get("license") or {}
            named = lic.get("name") or ("no curated license string; its terms below"
                                        if lic.get("texts") else "unknown")
            lines.append(f"- **License:** {_escape(named)}")
            if lic.get("analysis"):
                from opengauge.formats.licenses import analysis_phrase

                lines.append(f"- **License analyzer:** {_escape(analysis_phrase(lic['analysis']))}")
            if lic.get("texts"):
                from opengauge.formats.licenses import governing_phrase

                lines += [f"- **Terms:** {_escape(governing_phrase(t))}" for t in lic["texts"]]
            automatic = r.get("automatic") or {}
            for fid, f in r["frameworks"].items():
                name = criteria_names(fid).get("__name__", fid)
                pairs = [("curated", f), ("automatic", automatic[fid])] if fid in automatic \
                    else [("", f)]
                for label, entry in pairs:
                    title = f"{name} ({label})" if label else name
                    lines.append(f"- **{_escape(title)}:** "
                                 f"{_escape(score_text('score', record=entry, long=True))}")
                    if entry.get("kind") in ("class", "verdict"):
                        lines += [f"  - {_escape(line)}" for line in result_lines(entry)
                                  if not line.startswith("warning")]
                lines += [f"  - {_escape(line)}"
                          for line in disagreement_lines((r.get("comparison") or {}).get(fid))]
            if r.get("developer_transparency"):
                scored = transparency_text(r["developer_transparency"])
                lines.append(f"- **Developer transparency:** {_escape(scored)}")
            for finding in r.get("findings", []):
                severity = f" ({finding['severity']})" if finding.get("severity") else ""
                lines.append(f"- **Finding** {_code(finding.get('id'))}{_escape(severity)}: "
                             f"{_escape(finding.get('message', ''))}")
            lines += [f"- **Gate:** {_escape(line)}" for line in gate_lines(r.get("gate"))]
            if "eu_ai_act" in document.sections and r.get("eu_ai_act"):
                lines += _eu_ai_act(r["eu_ai_act"])
            if (r.get("provenance") or {}).get("revision"):
                lines.append(f"- **Assessed revision:** {_code(r['provenance']['revision'])}")
            lines.append("")
        return lines

    def _batch(self, document: Document) -> list[str]:
        from opengauge.formats.batchview import COLUMNS, row

        rows = [[row(r)[c] for c in COLUMNS] for r in document.records]
        return [f"## {_escape(document.title)}", "", *_table(list(COLUMNS), rows)]

    def _history(self, document: Document) -> list[str]:
        from opengauge.formats.historyview import COLUMNS, row

        rows = [[row(r)[c] for c in COLUMNS] for r in document.records]
        return [f"## {_escape(document.title)}", "", *_table(list(COLUMNS), rows)]

    def _diff(self, document: Document) -> list[str]:
        from opengauge.formats.diffview import rows

        lines: list[str] = []
        for record in document.records:
            lines += [f"## {_escape(record['a']['label'])} → {_escape(record['b']['label'])}", ""]
            if record["same"]:
                lines += ["No differences.", ""]
                continue
            lines += [*_table(["section", "item", "A", "B"], [list(r) for r in rows(record)]), ""]
        return lines

    def _frameworks(self, document: Document) -> list[str]:
        lines: list[str] = []
        for f in document.records:
            rows = [[c["ref"], c.get("group"), c["name"], c.get("question")] for c in f["criteria"]]
            lines += [f"## {_escape(f['name'])} ({_code(f['id'])})", "",
                      *_table(["criterion", "group", "name", "question"], rows), ""]
        return lines

    def _licenses(self, document: Document) -> list[str]:
        from opengauge.formats.licenses import match_line, ordered_findings, title, verdict_line

        lines: list[str] = []
        for r in document.records:
            lines += [f"## {_code(title(r))}", ""]
            if r.get("error"):
                lines += [f"- **Error:** {_escape(r['error'])}", ""]
                continue
            lines += [f"- **License:** {_escape(match_line(m))}" for m in r["matches"]]
            if not r["matches"]:
                lines.append(f"- **License:** {_escape(r.get('note') or 'none found')}")
            lines += [f"- **Verdict:** {_escape(verdict_line(r))}", ""]
            rows = [[f["kind"], f"{f['lines'][0]}-{f['lines'][1]}", f.get("source") or "",
                     ", ".join(map(str, f["osd"])) or "—", f["quote"]] for f in ordered_findings(r)]
            if rows:
                lines += [*_table(["kind", "lines", "source", "OSD", "quote"], rows), ""]
        return lines or ["No license-like files found."]

    def _answers(self, document: Document) -> list[str]:
        from opengauge.formats.answers import answer_lines, headline, text_line, title

        lines = [f"*{_escape(document.notice)}*", ""]
        for record in document.records:
            lines += [f"## {_escape(title(record))}", ""]
            lines += [f"- {_escape(text_line(t))}" for t in record.get("texts") or []]
            lines.append("")
            for answer in record.get("answers") or []:
                lines.append(f"- **{_escape(headline(answer))}**")
                lines += [f"  - {_escape(line)}" for line in answer_lines(answer)]
            lines += [f"- note: {_escape(n)}" for n in record.get("notes") or []]
            lines.append("")
        return lines

    def _datasets(self, document: Document) -> list[str]:
        rows = [[d["source"], d["layer"], d.get("snapshot"), d.get("date"), d["models"],
                 d.get("path")] for d in document.records]
        return _table(["source", "layer", "snapshot", "date", "models", "path"], rows)
