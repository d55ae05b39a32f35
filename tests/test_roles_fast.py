"""The classifier's fast inference path gives exactly what its definition gives.

``roles.fast.featurize`` must return the same dict as ``roles.features.featurize`` (keys, order,
float values bit for bit), so ``roles.predict`` keeps its probabilities whatever the speed work.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from digestgen.roles import content, predict
from digestgen.roles.fast import featurize as fast
from digestgen.roles.features import featurize as reference

SENTENCES = [
    "The main research objective is to reduce the memory of KV caches in long-context LLM inference.",
    "The key methodology involves SparseCache, which evicts 40% of tokens using GPT-4 attention scores.",
    "Primary results show that LLaMA3-8B reaches 85.3% accuracy, 3.2x faster than the baseline (p < 0.05).",
    "For AI practitioners, this offers a drop-in way to cut serving costs by half.",
    "the the the the the the the the the",  # one index hit many times: the sums must add in the same order
    "Does it work?",
    "",
    "42",
    "× % 1,000 2.5%",
    "Über-große Modelle, naïve Bayes and 東京 text, with CLIP and ViT-L/14.",
    "A b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z",
]


def _reference_predict(text: str, *, position=None, first=None, framed=True) -> dict[str, float]:
    """roles.model.predict as first written: features.featurize, then the same arithmetic."""
    import numpy as np

    from digestgen.roles.frames import ROLES
    from digestgen.roles.model import _load

    weights, m = _load()
    feats = reference(content(text) if framed else text, position, first)
    idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
    vals = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
    logits = [z + b for z, b in zip((vals @ weights[idx]).tolist(), m["bias"])]
    top = max(logits)
    exp = [math.exp(z - top) for z in logits]
    return {r: e / sum(exp) for r, e in zip(ROLES, exp)}


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("position,first", [(None, None), (None, True), (0.0, False), (0.99, True), (1.0, None)])
def test_fast_features_equal_the_definition(text, position, first):
    want = reference(text, position, first)
    got = fast(text, position, first)
    assert list(got.items()) == list(want.items())  # same keys, same order, same floats


@pytest.mark.parametrize("text", SENTENCES)
def test_predict_is_bit_identical_to_the_reference(text):
    for kw in ({}, {"first": True}, {"first": False, "framed": False}, {"position": 0.5}):
        assert predict(text, **kw) == _reference_predict(text, **kw)


def test_a_changed_definition_is_caught():
    """The comparison above can fail: a feature dict that differs in one value or in order is told apart."""
    want = reference(SENTENCES[0])
    changed = dict(want)
    k = next(iter(changed))
    changed[k] += 1e-12
    assert list(changed.items()) != list(want.items())
    reordered = dict(reversed(list(want.items())))
    assert reordered == want and list(reordered.items()) != list(want.items())


ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", Path(__file__).resolve().parents[1].parent / "shared")) \
    / "references" / "digests"


@pytest.mark.slow
@pytest.mark.skipif(not ARCHIVE.is_dir(), reason="no reference archive")
def test_every_archive_sentence_gets_the_same_features_and_probabilities():
    from digestgen.parse import parse_file
    from digestgen.parts import summary_sentences
    from digestgen.validate import digest_files

    n = 0
    for f in digest_files([ARCHIVE]):
        for row in parse_file(f).rows:
            for i, s in enumerate(summary_sentences(row.summary.strip())):
                c = content(s)
                assert list(fast(c, None, i == 0).items()) == list(reference(c, None, i == 0).items()), s
                if n % 7 == 0:  # the numpy part is shared; a sample checks the whole predict
                    assert predict(s, first=i == 0) == _reference_predict(s, first=i == 0), s
                n += 1
    assert n > 20_000
