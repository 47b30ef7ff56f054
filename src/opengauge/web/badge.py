"""SVG badges for READMEs: `opengauge <framework> | <result>`, coloured by the result."""

from __future__ import annotations

from typing import Any

from opengauge.formats.inert import xml_text

# Text colour is white on every fill; each fill has a contrast ratio of at least 4.5 with it.
COLOURS = {"high": "#1a7f37", "middle": "#8a6100", "low": "#b42318", "none": "#57606a"}
LABEL_FILL = "#24292f"


def _text_width(text: str) -> int:
    """An estimate of the width of `text` at 11px Verdana-like sans-serif."""
    narrow = set("fijlrt.,:;|!' ()[]")
    wide = set("mwMW@%")
    return int(sum(4 if c in narrow else 10 if c in wide else 7 for c in text)) + 10


def colour_for(result: dict[str, Any]) -> str:
    """The fill for a framework result (from `views.result_of`)."""
    fraction = result.get("fraction")
    if fraction is None:
        if result.get("kind") == "class" and result.get("text", "").startswith("Class"):
            return COLOURS["middle"] if result["text"] != "Class I" else COLOURS["high"]
        return COLOURS["none"]
    if fraction >= 0.75:
        return COLOURS["high"]
    if fraction >= 0.4:
        return COLOURS["middle"]
    return COLOURS["low"]


def svg(label: str, message: str, fill: str, title: str) -> str:
    """A flat two-part badge; all text is escaped and stripped of characters XML forbids."""
    left, right = _text_width(label), _text_width(message)
    total = left + right
    label_e, message_e, title_e = xml_text(label), xml_text(message), xml_text(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" '
        f'aria-label="{label_e}: {message_e}">'
        f"<title>{title_e}</title>"
        f'<rect width="{left}" height="20" fill="{LABEL_FILL}"/>'
        f'<rect x="{left}" width="{right}" height="20" fill="{fill}"/>'
        f'<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" '
        f'text-anchor="middle">'
        f'<text x="{left / 2:.1f}" y="14">{label_e}</text>'
        f'<text x="{left + right / 2:.1f}" y="14">{message_e}</text>'
        f"</g></svg>"
    )


def model_badge(framework_id: str, record: dict[str, Any] | None, result: dict[str, Any] | None,
                name: str) -> str:
    """The badge of one model in one framework (a grey 'no record' badge without one)."""
    label = f"opengauge {framework_id}"
    if record is None or result is None:
        return svg(label, "no record", COLOURS["none"], f"{name}: no record in {framework_id}")
    message = result["text"]
    if record.get("rank") and record.get("of"):
        message += f" · #{record['rank']}/{record['of']}"
    return svg(label, message, colour_for(result), f"{name} — {framework_id}: {message}")
