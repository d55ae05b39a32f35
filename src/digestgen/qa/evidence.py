"""Is the best paper really an answer? Evidence from the question's terms and numbers, the retrievers and margins.

Similarity alone cannot say: a several-paper or fact question scores lower than a "which paper" question,
while a question asked on the wrong day can score high against a paper on a nearby topic. So the decision
combines evidence that means the same thing for every kind of question:

* ``coverage``: the idf-weighted share of the question's key terms found in the paper (idf from the reference
  archive, so "model" weighs little and "GRPO" a lot);
* ``passage_coverage``: the same inside the paper's single best passage (a fact sits in one sentence or two);
* ``missing_rare``: how rare the rarest missing key term is (a missing "protein" is damning, a missing "use" not);
* ``numbers``: the share of the question's numbers the paper states (78% ~ 78.22%); 1 when it has none;
* ``agree``: the share of retrievers (BM25 passage, BM25 paper, MiniLM) that rank this paper first;
* ``margin``: how far the paper's coverage leads the best of the next three papers' (a lone match stands out);
* ``dense``: the best passage's cosine to the question (0 without embeddings);
* ``dense_margin``: how far that cosine leads the best of the next three papers' (a paper that stands out in
  meaning even when a word of the question, say "GRPO", is missing from its abstract).

A logistic model over these (weights in ``data/abstain.json``, fitted by ``evals/qa/calibrate.py`` on dev-day
questions, cross-day negatives and hand-written questions, with a leave-one-day-out check) gives the probability
that the paper answers; below the threshold the answer is the fixed ``ABSTAIN`` phrase.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import asdict, dataclass
from importlib import resources

from ..numbers import extract_numbers, is_supported, source_values
from .retrieve import PaperHit, Retrieval, Scope
from .terms import idf, key_terms, weight

FEATURES = ("coverage", "passage_coverage", "missing_rare", "numbers", "agree", "margin", "dense", "dense_margin")


@dataclass
class Evidence:
    coverage: float
    passage_coverage: float
    missing_rare: float
    numbers: float
    agree: float
    margin: float
    dense: float
    dense_margin: float
    missing: list[str]

    def vector(self) -> list[float]:
        return [getattr(self, f) for f in FEATURES]

    def to_json(self) -> dict:
        return asdict(self)


def _weighted_share(terms: list[str], present: set[str]) -> tuple[float, list[str]]:
    if not terms:
        return 0.0, []
    total = sum(weight(t) for t in terms)
    found = sum(weight(t) for t in terms if t in present)
    return found / total if total else 0.0, [t for t in terms if t not in present]


# A quantity the question states: "78%", "2.15", "41.6", "4,096", "250M", "8x" - not the digits of a name such as
# "Pass@1", "top-1", "CIFAR-10", "LLaMA3-8B" or "256x256", nor a year.
_QUANTITY = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[\"']))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:%|percent\b|[kKMB]\b|[xX×]\b))?"
                       r"(?![\w@.-]*[A-Za-z@-])")


def question_numbers(question: str):
    out = []
    for m in _QUANTITY.finditer(question):
        for n in extract_numbers(m.group(0)):
            if not (1900 <= n.value <= 2100 and n.decimals == 0):
                out.append(n)
    return out


def _numbers_share(question: str, text: str) -> float:
    nums = question_numbers(question)
    if not nums:
        return 1.0
    values = source_values(text)
    ok = 0
    for n in nums:
        # "78%" asks about 78.22%: a question may round, so compare at the question's own precision
        if is_supported(n, values) or any(abs(v - n.value) < 1.0 and n.decimals == 0 and v >= n.value
                                          for v in values):
            ok += 1
    return ok / len(nums)


def _coverage(scope: Scope, terms: list[str], hit: PaperHit) -> tuple[float, float, list[str]]:
    """(paper coverage, best single passage coverage, missing terms) of ``terms`` in ``hit``'s paper."""
    coverage, missing = _weighted_share(terms, scope.doc_stems(hit.doc))
    passage_cov = 0.0
    for pid, _ in hit.passages[:8]:
        passage_cov = max(passage_cov, _weighted_share(terms, scope.passage_stems(pid))[0])
    return coverage, passage_cov, missing


def evidence(scope: Scope, retrieval: Retrieval, rank: int = 0) -> Evidence:
    """The evidence that ``retrieval.hits[rank]`` answers the question."""
    hit: PaperHit = retrieval.hits[rank]
    terms = key_terms(retrieval.question)
    coverage, passage_cov, missing = _coverage(scope, terms, hit)
    rare = max((weight(t) for t in missing), default=0.0)
    rare_max = idf("\x00never-seen")
    agree = sum(1 for r in hit.ranks.values() if r == rank + 1) / max(1, len(hit.ranks))
    # the lead over the best other paper, in what the question's terms say about each
    others = [h for i, h in enumerate(retrieval.hits[:4]) if i != rank]
    runner = max((_coverage(scope, terms, h)[0] for h in others), default=0.0)
    best_other_dense = max((h.dense for h in others), default=0.0)
    return Evidence(coverage=coverage, passage_coverage=passage_cov, missing_rare=rare / rare_max,
                    numbers=_numbers_share(retrieval.question, scope.doc_texts[hit.doc]), agree=agree,
                    margin=coverage - runner, dense=max(0.0, hit.dense),
                    dense_margin=max(0.0, hit.dense) - max(0.0, best_other_dense), missing=missing)


@functools.lru_cache(maxsize=1)
def calibration() -> dict:
    """The fitted weights: {"features", "weights", "bias", "threshold", ...}."""
    return json.loads(resources.files("digestgen.qa").joinpath("data/abstain.json").read_text())


def combine(model: dict, values: dict[str, float]) -> float:
    """The fitted logistic model, then the number gate: a question that states quantities is answered only by a
    paper that states them (a fact look-up about "41.6% on SWE-bench" is not answered by another SWE-bench score)."""
    z = model["bias"] + sum(w * values[f] for w, f in zip(model["weights"], model["features"]))
    return values["numbers"] / (1.0 + math.exp(-z))


def probability(ev: Evidence, *, dense_available: bool = True) -> float:
    """The probability that the paper answers the question (compare with ``threshold()``)."""
    model = calibration()["with_dense" if dense_available else "bm25_only"]
    return combine(model, {f: getattr(ev, f) for f in FEATURES})


def threshold(*, dense_available: bool = True) -> float:
    return calibration()["with_dense" if dense_available else "bm25_only"]["threshold"]
