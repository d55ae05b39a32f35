"""The five-part summary as JSON: the schema the model is given, and a tolerant parser for what comes back."""

from __future__ import annotations

import json
import re

from pydantic import ValidationError

from .llm.jsonish import candidates
from .types import PARTS, Summary

SCHEMA = {
    "type": "object",
    "properties": {name: {"type": "string", "description": field.description or ""}
                   for name, field in Summary.model_fields.items()},
    "required": list(PARTS),
    "additionalProperties": False,
}

_SYNONYMS = {
    "one_line": ("one_line", "oneline", "one_line_summary", "summary", "tldr", "one-line", "one_line_summary_"),
    "objective": ("objective", "objectives", "research_objective", "goal", "research_question"),
    "methodology": ("methodology", "method", "methods", "key_methodology", "approach"),
    "results": ("results", "result", "primary_results", "findings", "key_results"),
    "implication": ("implication", "implications", "practical_implication", "implication_for_practitioners"),
}


class ParseError(ValueError):
    """What was wrong with the model's answer, phrased for a re-ask."""


def _norm_key(k: str) -> str:
    return re.sub(r"[^a-z_]", "", k.lower().replace(" ", "_").replace("-", "_"))


def _as_text(v) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return " ".join(_as_text(x) for x in v)
    if isinstance(v, dict):
        return " ".join(_as_text(x) for x in v.values())
    return "" if v is None else str(v)


def parse_summary(text: str) -> Summary:
    """A :class:`Summary` from the model's text, or :class:`ParseError` saying what is missing."""
    data = None
    for cand in candidates(text or ""):
        try:
            data = json.loads(cand)
            break
        except (json.JSONDecodeError, ValueError):
            continue
    if not isinstance(data, dict):
        raise ParseError("the answer was not a JSON object with the fields one_line, objective, methodology, "
                         "results, implication")
    keyed = {_norm_key(k): v for k, v in data.items()}
    out = {}
    for part, names in _SYNONYMS.items():
        for n in names:
            if _norm_key(n) in keyed:
                out[part] = " ".join(_as_text(keyed[_norm_key(n)]).split())
                break
    missing = [p for p in PARTS if not out.get(p)]
    if missing:
        raise ParseError(f"the JSON object lacks non-empty string field(s): {', '.join(missing)}")
    try:
        return Summary(**out)
    except ValidationError as exc:  # pragma: no cover - all fields are strings by now
        raise ParseError(str(exc)) from None
