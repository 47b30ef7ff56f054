"""Whole pages: view data from `views.py` rendered with the templates for one kind of links."""

from __future__ import annotations

import secrets
from typing import Any

from markupsafe import Markup

from opengauge.web.links import Links
from opengauge.web.render import environment, render
from opengauge.web.views import Filters, Views


class Pages:
    """Renders every page of one catalog, for the server or the static site."""

    def __init__(self, views: Views, links: Links) -> None:
        self.views = views
        self.links = links
        self._rows: dict[tuple[str, bool, int], dict[str, tuple[str, str, str]]] = {}
        self._marker = f"\ue000{secrets.token_hex(8)}\ue000"  # text XML allows: kept by render

    def render(self, template: str, *, depth: int = 0, **context: Any) -> str:
        links = self.links.at(depth)
        context.setdefault("frameworks", self.views.frameworks())
        return render(template, {"citation": self.views.citation(), **context}, links)

    def leaderboard(self, framework_id: str, filters: Filters, notices: list[str] | None = None,
                    *, depth: int = 1) -> str:
        context = self.views.leaderboard(framework_id, filters)
        context["notices"] = [*(notices or []), *context["notices"]]
        parts = self._row_parts(framework_id, depth, filters.releases)
        context["rows_html"] = Markup("".join(
            f"{a}{' hidden' if item['view_rank'] is None else ''}{b}{item['view_rank'] or ''}{c}"
            for item in context["rows"]
            for a, b, c in (parts[item["row"]["id"]],)
        ))
        return self.render("leaderboard.html", depth=depth, **context)

    def model(self, name: str, pins: list[str] | None = None, *, base_url: str = "") -> str:
        context = self.views.model_page(name, pins)
        badges = [item["framework"]["id"] for item in context["by_framework"] if item["assessments"]]
        return self.render("model.html", depth=1, base_url=base_url, badge_frameworks=badges,
                           **context)

    def warm(self) -> None:
        """Compile every template and render every leaderboard row now, not on first request."""
        for name in environment().list_templates():
            environment().get_template(name)
        for described in self.views.frameworks():
            self._row_parts(described["id"], 1)

    def _row_parts(self, framework_id: str, depth: int,
                   releases: bool = False) -> dict[str, tuple[str, str, str]]:
        """Each row of a framework's board (of its families, or of every MOT release with
        `releases`) rendered once, split where a view fills it in."""
        key = (framework_id, releases, depth)
        if key not in self._rows:
            board = self.views.board(framework_id, releases)
            macro = environment().get_template("_board.html").module.row  # type: ignore[attr-defined]
            links = self.links.at(depth)
            parts = {}
            for row in board.rows:
                html = str(macro(row, board.framework, links, Markup(self._marker), not links.static))
                pieces = html.split(self._marker)
                if len(pieces) != 3:
                    raise RuntimeError(f"leaderboard row of '{row['id']}' did not render as expected")
                parts[row["id"]] = (pieces[0], pieces[1], pieces[2])
            self._rows[key] = parts
        return self._rows[key]

    def report(self, report: Any, target: str) -> str:
        return self.render("check.html", report=self.views.report(report), target=target,
                           error=None, max_length=0)

    def check_form(self, target: str = "", error: str | None = None, *, max_length: int) -> str:
        return self.render("check.html", report=None, target=target, error=error,
                           max_length=max_length)

    def compare(self, names: list[str], error: str | None = None) -> str:
        context: dict[str, Any] = {"models": [], "ids": names, "sections": [], "error": error}
        if names and error is None:
            context.update(self.views.compare(names))
        return self.render("compare.html", all_ids=self.views.all_model_ids(), **context)

    def frameworks(self) -> str:
        return self.render("frameworks.html", depth=1)

    def framework(self, framework_id: str) -> str:
        described = self.views.framework(framework_id)
        rated = len(self.views.board(framework_id).rows)
        return self.render("framework.html", depth=1, framework=described, rated=rated)

    def models(self) -> str:
        return self.render("models.html", depth=1, **self.views.models_index())

    def scan(self, census: dict[str, Any]) -> str:
        """The census of a scan dataset (`opengauge serve --scan DIR`, `site OUT --scan DIR`)."""
        return self.render("scan.html", depth=1, census=census)

    def error(self, title: str, message: str, suggestions: list[str] | None = None) -> str:
        return self.render("error.html", title=title, message=message,
                           suggestions=suggestions or [])
