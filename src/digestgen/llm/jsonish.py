"""A JSON object out of a model's text: fenced, surrounded by prose, or with trailing commas."""

from __future__ import annotations

import json
import re


def candidates(text: str):
    text = (text or "").strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", text, re.DOTALL)
    if fence:
        yield fence.group(1)
    yield text
    start, end = text.find("{"), text.rfind("}")
    if start != -1 and end > start:
        chunk = text[start:end + 1]
        yield chunk
        yield re.sub(r",\s*([}\]])", r"\1", chunk)  # trailing commas


def loads_object(text: str) -> dict | None:
    """The first JSON object found in ``text``, or None."""
    for cand in candidates(text):
        try:
            data = json.loads(cand)
        except (json.JSONDecodeError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return None
