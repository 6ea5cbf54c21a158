"""Arabic labels for stored codes (event types, modes, channels, roles, outlets), read from data/api/labels.yaml."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..resources import load_yaml

SECTIONS = ("entity_types", "quote_kinds", "event_types", "modes", "channels", "roles", "outlets")
SCHEMA = {
    "type": "object",
    "required": ["labels"],
    "properties": {"labels": {
        "type": "object", "required": list(SECTIONS), "additionalProperties": False,
        "properties": {s: {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}} for s in SECTIONS},
    }},
}


def labels() -> dict[str, dict[str, str]]:
    """Section -> code -> Arabic label."""
    return load_yaml("api/labels.yaml", SCHEMA)["labels"]


def arabic(section: str, code: object) -> str:
    """The Arabic label of `code`, or the code itself when the table has none."""
    if code in (None, ""):
        return ""
    return labels()[section].get(str(code), str(code))


def label(section: str, code: object) -> Markup:
    """The label as HTML: Arabic text, the code in its tooltip, so an analyst can still read and filter by it."""
    if code in (None, ""):
        return Markup("")
    return Markup('<span class="code-label" title="{}">{}</span>').format(code, arabic(section, code))


def ltr(value: object) -> Markup:
    """A date or number isolated left-to-right, so 2018-06-18 never splits inside Arabic text."""
    return Markup('<bdi dir="ltr">{}</bdi>').format(escape(value if value not in (None, "") else "؟"))
