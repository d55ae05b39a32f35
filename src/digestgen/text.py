"""Small text utilities shared by the engines, the validator and the evals."""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_gate import gated

_ABBREV = r"(?:e\.g|i\.e|et al|etc|vs|Fig|Figs|Eq|Eqs|Sec|Tab|approx|cf|resp|No|Dr|Mr|Ms|St|U\.S|w\.r\.t)"
_SPLIT = gated(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[])")
_PROTECT = gated(rf"\b{_ABBREV}\.", re.IGNORECASE)
_INITIAL = gated(r"\b([A-Z])\.(?=\s[A-Z])")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, decimals and initials intact."""
    return list(_split_sentences(text))  # a fresh list: callers may change it, the cache must not


@lru_cache(maxsize=2048)  # the validator's checks, the engines and the evals split the same texts repeatedly
def _split_sentences(text: str) -> tuple[str, ...]:
    text = " ".join(text.split())
    if not text:
        return ()
    protected = _PROTECT.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    protected = _INITIAL.sub("\\1\x00", protected)  # initials: "J. Smith"
    parts = _SPLIT.split(protected)
    return tuple(p.replace("\x00", ".").strip() for p in parts if p.strip())


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def word_count(text: str) -> int:
    return len(text.split())  # the same count as words(): both split on str.isspace() characters
