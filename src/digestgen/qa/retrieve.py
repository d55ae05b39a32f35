"""Hybrid retrieval: BM25 over passages and over whole papers, MiniLM over passages, fused by reciprocal rank.

A paper's rank in each retriever is the rank of its best passage (or of its whole text for the paper-level
BM25); the fused score is the sum of 1 / (60 + rank) over the retrievers, the usual RRF constant.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from typing import Sequence

from .corpus import Doc, Passage, doc_text, passages
from .index import BM25Index, NumpyVectorIndex, VectorIndex
from .terms import stems

RRF_K = 60


@dataclass
class PaperHit:
    doc: int                 # index into Scope.docs
    arxiv_id: str
    date: str | None
    fused: float             # RRF score
    ranks: dict[str, int]    # retriever -> 1-based rank of this paper
    dense: float             # best passage cosine (0 without embeddings)
    passages: list[tuple[int, float]] = field(default_factory=list)  # (passage index, score) best first


@dataclass
class Retrieval:
    question: str
    hits: list[PaperHit]     # every paper in scope, best first
    retrievers: list[str]


class Scope:
    """The papers a question is asked about, indexed once."""

    def __init__(self, docs: Sequence[Doc], *, embedder=None, vector_index: VectorIndex | None = None):
        self.docs = list(docs)
        self.passages: list[Passage] = []
        self.passage_doc: list[int] = []
        for i, d in enumerate(self.docs):
            for p in passages(d):
                self.passages.append(p)
                self.passage_doc.append(i)
        self.by_doc: dict[int, list[int]] = {}
        for pid, d in enumerate(self.passage_doc):
            self.by_doc.setdefault(d, []).append(pid)
        self.doc_texts = [doc_text(d) for d in self.docs]
        self._doc_stems: dict[int, set[str]] = {}
        self._passage_stems: dict[int, set[str]] = {}
        self.bm25_passages = BM25Index([p.text for p in self.passages])
        self.bm25_docs = BM25Index(self.doc_texts)
        self.embedder = embedder
        self.vectors: VectorIndex | None = None
        if embedder is not None:
            vecs = embedder.encode([p.text for p in self.passages])
            self.vectors = vector_index or NumpyVectorIndex()
            self.vectors.add(list(range(len(self.passages))), vecs)

    def doc_stems(self, i: int) -> set[str]:
        """The stems of paper ``i`` (memoised: evidence checks look at the same top papers again and again)."""
        got = self._doc_stems.get(i)
        if got is None:
            got = self._doc_stems[i] = set(stems(self.doc_texts[i]))
        return got

    def passage_stems(self, pid: int) -> set[str]:
        got = self._passage_stems.get(pid)
        if got is None:
            got = self._passage_stems[pid] = set(stems(self.passages[pid].text))
        return got

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        """Every arXiv id in scope: the only ids an answer may ever cite."""
        return frozenset(d.arxiv_id for d in self.docs)

    @functools.cached_property
    def several_days(self) -> bool:
        return len({d.date for d in self.docs}) > 1

    def retrieve(self, question: str, *, query_vector=None, limit: int = 50) -> Retrieval:
        """The ``limit`` best papers for ``question``, each with its passages ranked."""
        import numpy as np

        n = len(self.docs)
        pdoc = np.asarray(self.passage_doc)
        rankings: dict[str, np.ndarray] = {}
        per_doc_best: dict[str, np.ndarray] = {}

        def best_per_doc(scores):
            best = np.full(n, -np.inf, dtype=np.float32)
            np.maximum.at(best, pdoc, scores)
            return best

        bm_p = self.bm25_passages.scores(question)
        per_doc_best["bm25"] = best_per_doc(bm_p)
        per_doc_best["bm25_doc"] = self.bm25_docs.scores(question)
        dense_p = None
        if self.vectors is not None:
            qv = query_vector if query_vector is not None else self.embedder.encode_query(question)
            if isinstance(self.vectors, NumpyVectorIndex) and len(self.vectors.ids) == len(self.passages):
                dense_p = self.vectors.similarities(qv)  # ids are 0..n-1 in order: every cosine at once
            else:  # any other VectorIndex: its nearest 2,000 passages, the rest count as unrelated
                dense_p = np.full(len(self.passages), -1.0, dtype=np.float32)
                for pid, s in self.vectors.search(qv, min(len(self.passages), 2000)):
                    dense_p[pid] = s
            per_doc_best["dense"] = best_per_doc(dense_p)
        fused = np.zeros(n, dtype=np.float64)
        for name, best in per_doc_best.items():
            order = np.argsort(-best, kind="stable")
            ranks = np.empty(n, dtype=np.int64)
            ranks[order] = np.arange(1, n + 1)
            if name.startswith("bm25") and not np.any(best > 0):
                ranks[:] = n  # no term of the question occurs anywhere: this retriever says nothing
            rankings[name] = ranks
            fused += 1.0 / (RRF_K + ranks)
        order = np.argsort(-fused, kind="stable")
        # passage score inside a paper: the dense cosine plus a share of normalised BM25
        bm_norm = bm_p / bm_p.max() if bm_p.max() > 0 else bm_p
        pscore = bm_norm * 0.5 + (dense_p if dense_p is not None else 0)
        hits = []
        for d in order[:limit]:
            d = int(d)
            plist = sorted(((pid, float(pscore[pid])) for pid in self.by_doc.get(d, [])), key=lambda x: -x[1])
            hits.append(PaperHit(doc=d, arxiv_id=self.docs[d].arxiv_id, date=self.docs[d].date,
                                 fused=float(fused[d]), ranks={k: int(v[d]) for k, v in rankings.items()},
                                 dense=float(per_doc_best["dense"][d]) if "dense" in per_doc_best else 0.0,
                                 passages=plist))
        return Retrieval(question=question, hits=hits, retrievers=list(rankings))


def make_embedder(*, use_embeddings: bool = True, cache_path=None, quiet: bool = False):
    """The cached MiniLM embedder, or None (with one line on stderr) when it cannot load here."""
    if not use_embeddings:
        return None
    from .embed import Embedder, EmbeddingsUnavailable, check_available

    try:
        check_available()
    except EmbeddingsUnavailable as exc:
        if not quiet:
            print(f"note: embeddings unavailable ({exc}); retrieving with BM25 alone", file=sys.stderr)
        return None
    return Embedder(cache_path)


def embedding_cache_path():
    from ..config import user_dir

    return user_dir() / "qa_embeddings.sqlite"


def build_scope(docs, *, use_embeddings: bool = True, quiet: bool = False) -> Scope:
    """Index ``docs`` with BM25 and (when the model loads) cached MiniLM embeddings."""
    return Scope(docs, embedder=make_embedder(use_embeddings=use_embeddings, cache_path=embedding_cache_path(),
                                              quiet=quiet))
