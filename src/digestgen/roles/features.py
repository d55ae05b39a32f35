"""Sentence features for the role classifier: hashed word n-grams, the opening words, numbers, length, position.

Plain Python (zlib's crc32 is stable across runs and machines, unlike ``hash``):
the same sentence always gives the same feature indices, in training and at run time.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

DIM = 1 << 16
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|\d+(?:[.,]\d+)?%?|[%×]")
# A name ("SparseCache", "GPT-4", "LLaMA3", "CLIP") says which paper, not which part: one shared token.
_NAME = re.compile(r"^(?:[A-Za-z]+[A-Z][\w\-']*|[A-Za-z]+[\-]?\d[\w\-]*|[A-Z]{2,}[\w\-]*)$")
_SUFFIX = re.compile(r"(?:ing|ed|es|e|s|ly)$")
_PERF = re.compile(r"\d(?:[\d.,]*)\s*(?:%|×|x\b|-?fold|points?\b|pp\b)|\b(?:by|to|of|from)\s+\d[\d.,]*", re.IGNORECASE)


@lru_cache(maxsize=1 << 17)  # the same words and n-grams recur across sentences: hash each once
def _h(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % DIM


def tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(text):
        out.append("<num>" if t[0].isdigit() else "<name>" if _NAME.match(t) else t.lower())
    return out


def featurize(text: str, position: float | None = None, first: bool | None = None) -> dict[int, float]:
    """Feature index -> value for one sentence (its content, frame words already removed).

    ``position`` (0..1 within its text) and ``first`` are optional: the engine
    classifies abstract sentences, whose positions mean something else than a
    summary's, and leaves them out; the model is trained with them dropped half the time.
    """
    toks = tokens(text)
    feats: dict[int, float] = {}

    def add(key: str, value: float = 1.0) -> None:
        i = _h(key)
        feats[i] = feats.get(i, 0.0) + value

    n = max(1, len(toks))
    scale = 1.0 / (n ** 0.5)
    for i, t in enumerate(toks):
        add("u:" + t, scale)
        add("s:" + (_SUFFIX.sub("", t) if len(t) > 4 else t), scale)
        if i + 1 < len(toks):
            add("b:" + t + " " + toks[i + 1], scale)
    for k, t in enumerate(toks[:3]):
        add(f"w{k}:" + t)
    if toks[:2]:
        add("w01:" + " ".join(toks[:2]))
    add("bias")
    if "<num>" in toks:
        add("has_number")
    if _PERF.search(text):
        add("perf_number")
    if text.rstrip().endswith("?"):
        add("question")
    add(f"len:{min(len(toks) // 8, 6)}")
    if position is not None:
        add(f"pos:{min(int(position * 5), 4)}")
    if first is not None:
        add(f"first:{int(first)}")
    return feats
