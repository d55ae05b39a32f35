"""Questions about the papers in scope: retrieval, evidence-checked abstention, answers with checked citations.

Heavy pieces (numpy, bm25s, the embedding model) are imported inside the functions that need them.
"""

ABSTAIN = "None of the papers in scope answers this question."
"""The one fixed reply when no paper in scope is relevant; tests and callers compare against it."""

__all__ = ["ABSTAIN"]
