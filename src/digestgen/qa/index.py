"""The passage index behind one small interface: a lexical (BM25) side and a vector side.

``VectorIndex`` is the seam for a vector database: ``add`` vectors under integer ids, ``search`` a query vector
for the k nearest by cosine. ``NumpyVectorIndex`` keeps them in one matrix in memory (exact, ~15k x 384 floats for
the whole archive); a LanceDB table or a Qdrant collection can implement the same two methods.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from .terms import stems


class VectorIndex(Protocol):
    def add(self, ids: Sequence[int], vectors) -> None: ...

    def search(self, vector, k: int) -> list[tuple[int, float]]:
        """The k nearest (id, cosine) pairs, best first."""
        ...


class NumpyVectorIndex:
    """Exact cosine search over L2-normalised vectors in memory."""

    def __init__(self) -> None:
        import numpy as np

        self._np = np
        self.ids = np.empty(0, dtype=np.int64)
        self.matrix = np.empty((0, 0), dtype=np.float32)

    def add(self, ids: Sequence[int], vectors) -> None:
        np = self._np
        vectors = np.asarray(vectors, dtype=np.float32)
        if not len(ids):
            return
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        self.matrix = vectors if self.matrix.size == 0 else np.vstack([self.matrix, vectors])

    def similarities(self, vector):
        """Cosine of every stored vector, in insertion order (exact search can afford all of them)."""
        np = self._np
        if self.matrix.size == 0:
            return np.empty(0, dtype=np.float32)
        return self.matrix @ np.asarray(vector, dtype=np.float32)

    def search(self, vector, k: int) -> list[tuple[int, float]]:
        np = self._np
        if self.matrix.size == 0:
            return []
        sims = self.matrix @ np.asarray(vector, dtype=np.float32)
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return [(int(self.ids[i]), float(sims[i])) for i in top]


class BM25Index:
    """bm25s over stemmed, stopword-free tokens (the same tokens the evidence checks use)."""

    def __init__(self, texts: Sequence[str]):
        try:
            import bm25s
        except ImportError:
            from ..errors import DigestgenError

            raise DigestgenError("bm25s is not installed: pip install 'digestgen[qa]'") from None
        self.n = len(texts)
        corpus = [stems(t) or ["\x00empty"] for t in texts]
        self.retriever = bm25s.BM25()
        self.retriever.index(corpus, show_progress=False)
        self._vocab = set(self.retriever.vocab_dict) if hasattr(self.retriever, "vocab_dict") else None

    def scores(self, query: str):
        """BM25 score of every text for ``query`` (numpy array; zeros when no term is known)."""
        import numpy as np

        q = stems(query)
        if self._vocab is not None:
            q = [t for t in q if t in self._vocab]
        if not q:
            return np.zeros(self.n, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(q), dtype=np.float32)
