"""`check TARGET`: the report for a path, a Hub id or a catalog name.

A repository is assessed automatically (`assess.engine`). When the target is also in the
catalog (a Hub id matching an identity-table Hub pattern), the report holds the curated records
in `frameworks`, the automatic ones in `context["automatic"]` and where they disagree in
`context["comparison"]`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from opengauge.assess import engine
from opengauge.assess import findings as finding_rules
from opengauge.assess.report import CuratedLicense, Report
from opengauge.errors import BadInput
from opengauge.model import Evidence, Locator
from opengauge.sources.facts import Facts
from opengauge.sources.target import Target, resolve_target

if TYPE_CHECKING:
    from opengauge.app.session import Session
    from opengauge.sources.hub import HubUnreachable


def check_target(session: Session, text: str, *, allow_paths: bool = True) -> Report:
    """The report for any target: a path, a Hub id or a catalog name (see docs/sources.md);
    `allow_paths=False` refuses local paths (servers)."""
    target = resolve_target(text)
    if target.kind == "catalog":
        return session.check(str(target.name))
    if target.kind == "path" and not allow_paths:
        raise BadInput(f"target '{text}': local paths are not checked here")
    from opengauge.sources.hub import HubUnreachable

    try:
        facts = engine.gather(target, session.hub, session.store)
    except HubUnreachable as error:
        if target.kind != "hub":
            raise
        return catalog_fallback(session, target, error)
    return report(session, facts)


def catalog_fallback(session: Session, target: Target, error: HubUnreachable) -> Report:
    """The catalog's curated view of a Hub id the identity table knows, when the Hub cannot be
    reached; its `hub-unreachable` finding notes that the revision was not assessed. Without a
    catalog entry the failure stands (exit 4)."""
    from opengauge.errors import NetworkError
    from opengauge.identity import table

    known = set(session.ids())
    ids = [i for i in table().ids_for_hub(str(target.repo_id)) if i in known]
    if len(ids) != 1:
        raise NetworkError(f"the Hub could not be reached ({error.reason}) and there is no local "
                           f"evidence for {target.label} (not in the catalog, nothing stored); "
                           "try again when it can be reached") from None
    result = session.check(ids[0])
    note = (f"{target.label} was not read: the revision was not assessed; this is the catalog's "
            f"curated view of {ids[0]}")
    result.findings.append(finding_rules.unreachable_finding(
        error.reason, [Evidence("hub", Locator(url=error.endpoint), note=str(error))], note=note))
    result.provenance = result.provenance.set(target=target.to_dict(), revision=None,
                                              revision_note=note)
    return result


def curated_section(report: Report) -> CuratedLicense:
    """The license section of a catalog report."""
    if not isinstance(report.license, CuratedLicense):
        raise TypeError(f"{report.subject.id}: a catalog report without a curated license section")
    return report.license


def report(session: Session, facts: Facts) -> Report:
    """The Report of an automatic assessment, beside the catalog's records when it has them."""
    dossier, subject, assessed = engine.assess(facts, session.terms())
    ranked = {fid: engine.place(fid, a, session.catalog) for fid, a in assessed.items()}
    license_section = engine.license_of(dossier, assessed)
    summary = engine.summarize(dossier, assessed)
    provenance = engine.provenance_of(facts, dossier)
    model_id = engine.catalog_id(facts, set(session.ids()), subject)
    if model_id is None:
        result = Report(subject=subject, frameworks=ranked, license=license_section,
                        findings=finding_rules.find(dossier), provenance=provenance)
    else:
        curated = session.check(model_id)
        result = Report(subject=curated.subject, frameworks=curated.frameworks,
                        license=replace(license_section, curated=curated_section(curated)),
                        findings=finding_rules.find(dossier),
                        provenance=curated.provenance.merged(provenance).set(
                            kind="curated+automatic"))
        result.context.update({k: v for k, v in curated.context.items() if k != "summary"})
        result.context["automatic"] = ranked
        result.context["comparison"] = engine.compare(curated.frameworks, ranked,
                                                      curated.context.get("summary"), summary)
    result.context["summary"] = summary
    result.context["model_card"] = engine.model_card_of(dossier)
    result.context["repository"] = engine.repository_of(dossier)
    from opengauge.compliance.eu_ai_act import evaluate

    result.context["eu_ai_act"] = evaluate(result, facts, session.catalog)
    return result
