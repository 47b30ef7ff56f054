"""Is the model a general-purpose AI model (Art. 3(63))? The indicative criterion of the
Commission's guidelines for providers of general-purpose AI models (C(2025) 5045, July 2025,
section 2): training compute above 10^23 FLOP **and** the ability to generate language (text
or audio), text-to-image or text-to-video. A model below it, or one made for a narrow task or
another modality, is likely not one.

`scope(estimate, modality)` answers `likely-gpai`, `likely-not-gpai` (with `reason`
`compute` or `modality`) or `unknown`. `modality(...)` reads what the model generates from the
card's or the Hub's `pipeline_tag`, `config.json`'s architectures, or the catalog's types.
Documented in docs/compliance.md ("Scope").
"""

from __future__ import annotations

from typing import Any

from opengauge.assess.report import Report
from opengauge.model import Evidence, Locator

GPAI_COMPUTE = 1e23
"""The guidelines' indicative training compute for a general-purpose AI model (FLOP)."""

GENERATIVE = {
    "text-generation": "generates text", "text2text-generation": "generates text",
    "conversational": "generates text", "image-text-to-text": "generates text from images and text",
    "audio-text-to-text": "generates text from audio and text",
    "video-text-to-text": "generates text from video and text", "any-to-any": "generates several modalities",
    "text-to-speech": "generates spoken language (audio)", "text-to-image": "text-to-image",
    "text-to-video": "text-to-video",
}
"""Hub pipeline tags inside the criterion: language (text or audio), text-to-image, text-to-video."""
NARROW = {
    "summarization": "a narrow task: summarization", "translation": "a narrow task: translation",
    "automatic-speech-recognition": "a narrow task: speech-to-text transcription",
    "text-classification": "classification", "token-classification": "classification",
    "zero-shot-classification": "classification", "fill-mask": "masked-token prediction",
    "feature-extraction": "embeddings", "sentence-similarity": "embeddings",
    "question-answering": "extractive question answering",
    "table-question-answering": "table question answering",
    "image-classification": "image classification", "object-detection": "object detection",
    "image-segmentation": "image segmentation", "depth-estimation": "depth estimation",
    "image-to-image": "image-to-image", "image-to-3d": "3D generation", "text-to-3d": "3D generation",
    "audio-classification": "audio classification", "audio-to-audio": "audio-to-audio",
    "voice-activity-detection": "voice activity detection",
    "time-series-forecasting": "time-series forecasting", "reinforcement-learning": "reinforcement learning",
    "robotics": "robotics", "tabular-classification": "tabular data", "tabular-regression": "tabular data",
    "image-feature-extraction": "embeddings", "mask-generation": "segmentation masks",
    "zero-shot-image-classification": "image classification",
    "unconditional-image-generation": "image generation without a text prompt",
    "video-classification": "video classification", "keypoint-detection": "keypoint detection",
}
"""Hub pipeline tags outside the criterion: another modality, or one narrow task."""
ARCHITECTURES = (("ForCausalLM", "text-generation"), ("ForSequenceClassification", "text-classification"),
                 ("ForTokenClassification", "token-classification"), ("ForMaskedLM", "fill-mask"),
                 ("ForQuestionAnswering", "question-answering"),
                 ("ForSpeechSeq2Seq", "automatic-speech-recognition"),
                 ("ForCTC", "automatic-speech-recognition"),
                 ("ForImageClassification", "image-classification"))
"""`config.json` architecture suffixes read as a pipeline tag (`*ForConditionalGeneration` is not:
it is used for chat, summarization and speech models alike)."""
TYPES = {"text": "generates text", "image": "text-to-image", "video": "text-to-video"}
"""The catalog's (EU Open Source AI Index) model types inside the criterion; `audio` may be
speech or music and decides nothing."""


def modality(report: Report, facts: Any) -> dict[str, Any]:
    """What the model generates: {"result": "in"|"out"|"unknown", "what", "evidence"}."""
    tags: list[tuple[str, Evidence]] = []
    if facts is not None:
        for fact in (facts.card.pipeline_tag if facts.card is not None else None,
                     facts.hub.pipeline_tag if facts.hub is not None else None):
            if fact is not None and isinstance(fact.value, str):
                tags.append((fact.value, fact.evidence))
        if not tags and facts.card is not None:
            tags += [(t.value, t.evidence) for t in facts.card.tags
                     if isinstance(t.value, str) and (t.value in GENERATIVE or t.value in NARROW)][:1]
        config = facts.config.value if facts.config is not None else None
        if not tags and isinstance(config, dict):
            for name in config.get("architectures") or []:
                for suffix, tag in ARCHITECTURES:
                    if isinstance(name, str) and name.endswith(suffix):
                        tags.append((tag, Evidence(facts.config.evidence.source,
                                                   facts.config.evidence.locator,
                                                   f"architectures: {name}",
                                                   f"read as pipeline tag {tag}")))
    for tag, evidence in tags:
        if tag in GENERATIVE:
            return {"result": "in", "what": f"{tag} ({GENERATIVE[tag]})", "evidence": [evidence]}
        if tag in NARROW:
            return {"result": "out", "what": f"{tag} ({NARROW[tag]})", "evidence": [evidence]}
    if not tags:
        kinds = [t for t in report.subject.type if t in TYPES]
        if kinds:
            return {"result": "in", "what": f"catalog type {kinds[0]} ({TYPES[kinds[0]]})",
                    "evidence": [Evidence("catalog", Locator(field="type"), ", ".join(report.subject.type),
                                          "the catalog's model type")]}
    named = ", ".join(t for t, _ in tags)
    return {"result": "unknown", "what": f"pipeline tag {named} decides nothing" if named else None,
            "evidence": [e for _, e in tags]}


def scope(flop: float | None, unsettled: str | None, estimate_evidence: list[dict[str, Any]],
          generates: dict[str, Any]) -> dict[str, Any]:
    """`likely-gpai`, `likely-not-gpai` (reason `modality` or `compute`) or `unknown`;
    `unsettled` says why the estimate `flop` cannot be compared (None when it can)."""
    settled = unsettled is None
    evidence = [*generates["evidence"], *estimate_evidence]
    found: dict[str, Any] = {"result": "unknown", "reason": None, "compute_threshold": GPAI_COMPUTE,
                             "modality": generates["result"], "modality_note": generates["what"],
                             "evidence": [e.to_dict() if isinstance(e, Evidence) else e for e in evidence],
                             "note": None}
    if generates["result"] == "out":
        found.update(result="likely-not-gpai", reason="modality",
                     note=f"the model does {generates['what']}: outside the guidelines' criterion "
                          "(language as text or audio, text-to-image, text-to-video)")
    elif flop is not None and flop <= GPAI_COMPUTE and settled:
        found.update(result="likely-not-gpai", reason="compute",
                     note=f"estimated training compute {flop:.2e} FLOP is not above 10^23 "
                          "(the guidelines' indicative criterion; a model below it that still "
                          "shows significant generality can be one)")
    elif flop is not None and flop > GPAI_COMPUTE and settled and generates["result"] == "in":
        found.update(result="likely-gpai",
                     note=f"estimated training compute {flop:.2e} FLOP is above 10^23 and the "
                          f"model {generates['what']}")
    else:
        missing = []
        if flop is None:
            missing.append("training compute unknown")
        elif not settled:
            missing.append(f"training compute estimate {flop:.2e} FLOP does not settle it "
                           f"({unsettled})")
        if generates["result"] == "unknown":
            missing.append("what the model generates is unknown"
                           + (f" ({generates['what']})" if generates["what"] else ""))
        found["note"] = "; ".join(missing)
    return found
