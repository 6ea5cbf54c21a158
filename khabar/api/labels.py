"""Arabic labels for stored codes (event types, modes, channels, roles, outlets), read from data/api/labels.yaml."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..resources import load_yaml

SECTIONS = ("entity_types", "quote_kinds", "event_types", "modes", "channels", "roles", "outlets", "errors")
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


# pydantic's error types -> the Arabic message for a bad query parameter, and the context key of its limit
VALIDATION = {"date_from_datetime_parsing": ("date", None), "date_parsing": ("date", None),
              "date_from_datetime_inexact": ("date", None), "int_parsing": ("int", None),
              "greater_than_equal": ("too_small", "ge"), "greater_than": ("too_small", "gt"),
              "less_than_equal": ("too_large", "le"), "less_than": ("too_large", "lt"),
              "string_too_long": ("too_long", "max_length")}


def error_text(code: str, **fields: object) -> str:
    """An error message in Arabic (the errors section), its fields filled in."""
    template = labels()["errors"].get(code) or labels()["errors"]["bad_query"]
    return template.format(**{k: str(v) for k, v in fields.items()})


def validation_text(error: dict) -> str:
    """One pydantic validation error of a page's query parameter, said in Arabic."""
    field = ".".join(str(p) for p in error.get("loc", ())[1:]) or "?"
    code, limit_key = VALIDATION.get(error.get("type", ""), ("invalid", None))
    return error_text(code, field=field, limit=(error.get("ctx") or {}).get(limit_key, ""))
