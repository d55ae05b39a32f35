"""HTML fragments for the review page: numbers highlighted (found in the abstract or not) and word diffs.

Every piece of text is escaped here before any markup is added; the result is ``Markup``.
"""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

from ..numbers import _NUM, extract_numbers, is_supported, source_values


def _spans(text: str):
    for m in _NUM.finditer(text):
        yield m.start(), m.start() + len(m.group(0).rstrip()), m.group(0).rstrip()


def highlight_summary(summary: str, source: str | None) -> Markup:
    """Each number in the summary marked ``num ok`` (stated in title/abstract) or ``num bad`` (not found).

    Without an abstract there is nothing to check against: numbers are marked ``num unknown``.
    """
    values = source_values(source) if source else None
    out, last = [], 0
    for start, end, raw in _spans(summary):
        nums = extract_numbers(raw)
        if not nums:
            continue
        if values is None:
            cls, tip = "num unknown", "no abstract to check this number against"
        elif is_supported(nums[0], values):
            cls, tip = "num ok", "found in the title or abstract"
        else:
            cls, tip = "num bad", "not in the title or abstract"
        out.append(escape(summary[last:start]))
        out.append(Markup('<mark class="{}" title="{}">{}</mark>').format(cls, tip, raw))
        last = end
    out.append(escape(summary[last:]))
    return Markup("").join(out)


def highlight_source(source: str, summary: str) -> Markup:
    """Numbers of the abstract, marked ``num used`` when the summary states them, else ``num``."""
    used = source_values(summary)
    out, last = [], 0
    for start, end, raw in _spans(source):
        nums = extract_numbers(raw)
        if not nums:
            continue
        n = nums[0]
        cls = "num used" if any(abs(v - n.value) <= max(1e-9, abs(n.value) * 1e-6) for v in used) else "num"
        out.append(escape(source[last:start]))
        out.append(Markup('<mark class="{}">{}</mark>').format(cls, raw))
        last = end
    out.append(escape(source[last:]))
    return Markup("").join(out)


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> Markup:
    """``<del>``/``<ins>`` over words, everything escaped."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Markup("<del>{}</del>").format("".join(a[i1:i2])))
        if j2 > j1:
            out.append(Markup("<ins>{}</ins>").format("".join(b[j1:j2])))
    return Markup("").join(out)
