"""Numbers in prose, and whether a summary's numbers come from the paper.

Equivalent forms count as the same number: 1,000 / 1000 / 1k, 45% / 0.45,
2x / 2×, 1.5M / 1,500,000, "three" / 3, and a summary may round (55.11 -> 55.1).
"""

from __future__ import annotations

import re

from .regex_gate import gated
from dataclasses import dataclass

_NUM = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s*(?P<unit>%|percent\b|[kKMB]\b|[xX×]\b|×))?"
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "twice": 2, "double": 2, "doubles": 2,
    "triple": 3, "half": 0.5, "single": 1, "dozen": 12, "first": 1, "second": 2, "third": 3,
}
_WORD_RE = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}


@dataclass(frozen=True)
class Number:
    text: str
    value: float
    decimals: int
    percent: bool


def extract_numbers(text: str) -> list[Number]:
    """Every numeric mention written with digits."""
    out = []
    for m in _NUM.finditer(text):
        raw = m.group("num")
        unit = (m.group("unit") or "").strip()
        value = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        if unit in _SCALE:
            value *= _SCALE[unit]
        out.append(Number(m.group(0).strip(), value, decimals, unit in ("%", "percent")))
    return out


# URLs and '(2)' / '2)' enumeration markers. ('1.' list numbering is left alone: in the archive it only
# numbers appended follow-up questions, which the `postscript` check reports.)
_ENUM_MARKER = r"\(?\b(?:\d{1,2}|[ivx]{1,4})\)"
_NOT_QUANTITY = re.compile(r"https?://\S+|\S+\.(?:com|org|io|net)/\S*|" + _ENUM_MARKER)
_ONLY_ENUM = gated(_ENUM_MARKER)  # the same substitutions when the text has no "/" (no URL can match)

_DIGIT = re.compile(r"\d")


_RUN = re.compile(r"\d+")
# Without URLs, a digit is removed only inside a marker: a run of one or two digits that starts a word and is
# followed by ")" ('2)', '(12)'). This shortcut holds for the marker pattern it was written for.
_RUN_SHORTCUT = _ENUM_MARKER == r"\(?\b(?:\d{1,2}|[ivx]{1,4})\)"


def _stated_digit(text: str) -> bool:
    """Whether a digit survives _ONLY_ENUM's substitution, without building the substituted text."""
    for m in _RUN.finditer(text):
        start, end = m.span()
        if end - start > 2 or text[end:end + 1] != ")":
            return True
        before = text[start - 1] if start else ""
        if before.isalnum() or before == "_":  # no word boundary before the run: not a marker
            return True
    return False


def has_number(text: str) -> bool:
    """A digit that states something: not in a URL, not an enumeration marker like '(2)' or '2)'."""
    if not _DIGIT.search(text):
        return False
    if ")" not in text and "/" not in text:  # nothing for _NOT_QUANTITY to remove
        return True
    if "/" not in text and _RUN_SHORTCUT:
        return _stated_digit(text)
    rx = _NOT_QUANTITY if "/" in text else _ONLY_ENUM
    return bool(_DIGIT.search(rx.sub(" ", text)))


def source_values(text: str) -> list[float]:
    """Values a source states, in digits or words, with their percent/fraction twins."""
    values = []
    for n in extract_numbers(text):
        values += [n.value, n.value / 100, n.value * 100]
    for m in _WORD_RE.finditer(text):
        v = float(_WORDS[m.group(1).lower()])
        values += [v, v / 100, v * 100]
    return values


def is_supported(n: Number, values: list[float]) -> bool:
    tol = 0.5 * 10 ** (-n.decimals) + 1e-9
    for v in values:
        if abs(v - n.value) <= max(tol, abs(v) * 1e-9):
            return True
        # scaled forms ("1.5M" vs "1,500,000") round at their own magnitude
        if n.value >= 1000 and abs(v - n.value) <= abs(n.value) * 0.005:
            return True
    return False


def unsupported_numbers(summary: str, source: str) -> list[str]:
    """The numbers of ``summary`` that ``source`` (title + abstract) does not state."""
    values = source_values(source)
    return [n.text for n in extract_numbers(summary) if not is_supported(n, values)]
