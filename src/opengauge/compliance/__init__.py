"""Compliance answers built on the license analyzer and the assessments.

- `texts`: the governing license texts of a target (files, or the registry's bundled texts of
  a catalog model's licenses and the use policies they make binding);
- `rules`: which findings answer which "can I ...?" question (the decision rules);
- `can_i`: `opengauge can-i` (questions -> answers with quoted clauses);
- `eu_ai_act`: the EU AI Act open-source exemption (`check --eu-ai-act`,
  `report.context["eu_ai_act"]`); `gpai`: its scope (is it a general-purpose AI model);
  `monetisation`: its monetisation criterion.

Nothing here is legal advice; every answer says so (`NOTICE`).
"""

from __future__ import annotations

NOTICE = ("Not legal advice: opengauge reads license texts mechanically and can be wrong; "
          "ask a lawyer before relying on an answer.")
