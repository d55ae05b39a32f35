"""The shipped role classifier: multinomial logistic regression over hashed features, loaded lazily with numpy.

``weights.npy`` (float16, DIM x roles) and ``model.json`` (roles, biases, learned
priors, provenance) are rebuilt by ``scripts/train_roles.py``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from .fast import featurize as fast_featurize
from .features import DIM
from .frames import ROLES, content

SCORER = "hashed-ngram-logreg"


@lru_cache(maxsize=1)
def _load():
    import numpy as np

    pkg = resources.files(__package__)
    meta = json.loads((pkg / "model.json").read_text())
    with resources.as_file(pkg / "weights.npy") as path:
        weights = np.load(path).astype("float32")
    if weights.shape != (DIM, len(meta["roles"])) or tuple(meta["roles"]) != ROLES:
        raise RuntimeError("roles/weights.npy does not match model.json; rebuild with scripts/train_roles.py")
    return weights, meta


def meta() -> dict:
    """The model's provenance and learned priors (position and length per role)."""
    return _load()[1]


def predict(text: str, *, position: float | None = None, first: bool | None = None,
            framed: bool = True) -> dict[str, float]:
    """Role -> probability for one sentence. ``framed``: strip the digest's frame words first."""
    weights, m = _load()
    # fast.featurize returns exactly features.featurize's dict (tests/test_roles_fast.py), in less time
    feats = fast_featurize(content(text) if framed else text, position, first)
    np = _np()
    idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
    vals = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
    logits = (vals @ weights.take(idx, axis=0)).tolist()  # take: the same rows as weights[idx], gathered faster
    logits = [z + b for z, b in zip(logits, m["bias"])]
    top = max(logits)
    exp = [math.exp(z - top) for z in logits]
    total = sum(exp)
    return {r: e / total for r, e in zip(ROLES, exp)}


@lru_cache(maxsize=1)
def _np():
    import numpy

    return numpy


def predict_many(texts: list[str], **kw) -> list[dict[str, float]]:
    return [predict(t, **kw) for t in texts]


def best(probs: dict[str, float]) -> tuple[str, float]:
    role = max(probs, key=probs.__getitem__)
    return role, probs[role]
