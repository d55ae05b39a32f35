"""The role classifier's inference path, fast: the same features and the same probabilities, bit for bit.

``features.featurize`` is the definition (training uses it); ``featurize`` here returns the
identical dict (same keys, same insertion order, same float values, added in the same order)
at a fraction of the cost: each raw token's normal form and each word's and word pair's hashed
index are worked out once and remembered, and the adds run inline instead of through a closure.
``tests/test_roles_fast.py`` checks the two agree, on written sentences and (slow) on every
sentence of the reference archive.
"""

from __future__ import annotations

import re
import zlib

from ..regex_gate import gated
from .features import _NAME, _PERF, _SUFFIX, _TOKEN, DIM, _h

_PERF_FAST = gated(_PERF.pattern, _PERF.flags)  # the same matches (regex_gate), fewer positions tried
_DIGIT = re.compile(r"\d")  # every _PERF match holds a digit: text without one is not searched

_LIMIT = 1 << 18  # entries per memo before it is cleared (bounded memory on any input)
_norm: dict[str, str] = {}  # raw token -> "<num>" / "<name>" / lowercased
_uni: dict[str, tuple[int, int]] = {}  # token -> (index of "u:tok", index of "s:stem")
_bi: dict[tuple[str, str], int] = {}  # (token, next token) -> index of "b:tok next"
_FIXED: dict[str, int] = {}  # the other features ("bias", "w0:tok", "len:3") -> index


def _normal(raw: str) -> str:
    if len(_norm) >= _LIMIT:
        _norm.clear()
    t = _norm[raw] = "<num>" if raw[0].isdigit() else "<name>" if _NAME.match(raw) else raw.lower()
    return t


def _unigram(t: str) -> tuple[int, int]:
    if len(_uni) >= _LIMIT:
        _uni.clear()
    pair = _uni[t] = (_h("u:" + t), _h("s:" + (_SUFFIX.sub("", t) if len(t) > 4 else t)))
    return pair


def _bigram(a: str, b: str) -> int:
    if len(_bi) >= _LIMIT:
        _bi.clear()
    # features._h's value without its memo: word pairs rarely recur outside this one, so _h's cache would only churn
    i = _bi[(a, b)] = zlib.crc32(("b:" + a + " " + b).encode("utf-8")) % DIM
    return i


def _fixed(key: str) -> int:
    if len(_FIXED) >= _LIMIT:
        _FIXED.clear()
    i = _FIXED[key] = _h(key)
    return i


def tokens(text: str) -> list[str]:
    """``features.tokens``, memoised per raw token."""
    raw = _TOKEN.findall(text)
    toks = list(map(_norm.get, raw))  # the lookups in C; a token not seen before is worked out below
    if None in toks:
        toks = [t or _normal(r) for t, r in zip(toks, raw)]
    return toks


def featurize(text: str, position: float | None = None, first: bool | None = None) -> dict[int, float]:
    """Exactly ``features.featurize(text, position, first)``."""
    toks = tokens(text)
    feats: dict[int, float] = {}
    get = feats.get
    n = len(toks)
    scale = 1.0 / (max(1, n) ** 0.5)
    uni, bi = _uni, _bi
    prev = None
    # features.featurize adds u:tok, s:tok, then b:tok+next for each token; adding b:prev+tok before
    # u:tok, s:tok is the same sequence of adds.
    for t in toks:
        if prev is not None:
            k = bi.get((prev, t))
            if k is None:
                k = _bigram(prev, t)
            feats[k] = get(k, 0.0) + scale
        pair = uni.get(t) or _unigram(t)
        k = pair[0]
        feats[k] = get(k, 0.0) + scale
        k = pair[1]
        feats[k] = get(k, 0.0) + scale
        prev = t
    fixed = [f"w{j}:" + t for j, t in enumerate(toks[:3])]
    if toks[:2]:
        fixed.append("w01:" + " ".join(toks[:2]))
    fixed.append("bias")
    if "<num>" in toks:
        fixed.append("has_number")
    if _DIGIT.search(text) and _PERF_FAST.search(text):
        fixed.append("perf_number")
    if text.rstrip().endswith("?"):
        fixed.append("question")
    fixed.append(f"len:{min(n // 8, 6)}")
    if position is not None:
        fixed.append(f"pos:{min(int(position * 5), 4)}")
    if first is not None:
        fixed.append(f"first:{int(first)}")
    for key in fixed:
        k = _FIXED.get(key)
        if k is None:
            k = _fixed(key)
        feats[k] = get(k, 0.0) + 1.0
    return feats


def clear() -> None:
    """Forget the memos (a benchmark's next pass then starts as a fresh process would)."""
    for memo in (_norm, _uni, _bi, _FIXED):
        memo.clear()
