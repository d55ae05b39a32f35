"""The offline answer: for each supported paper its title (for "which paper" questions) and the sentences that
match the question best, each followed by its citation. Every word comes from the papers in scope."""

from __future__ import annotations

import re

from ..text import split_sentences
from .terms import key_terms, stems, weight

_WHICH = re.compile(r"^\s*(which|what|who|name|list|is there|are there|any)\b", re.I)


def _sentence_score(sentence: str, terms: list[str]) -> float:
    have = set(stems(sentence))
    return sum(weight(t) for t in terms if t in have)


def best_sentences(texts: list[str], question: str, n: int = 2) -> list[str]:
    """The ``n`` sentences of ``texts`` that carry most of the question's key terms (ties: earlier first)."""
    terms = key_terms(question)
    sents: list[str] = []
    for t in texts:
        sents += [s for s in split_sentences(t) if s not in sents]
    scored = sorted(((-_sentence_score(s, terms), i, s) for i, s in enumerate(sents)))
    chosen = sorted((i, s) for score, i, s in scored[:n] if score < 0) or [(0, sents[0])] if sents else []
    return [s for _, s in chosen]


def extractive_answer(scope, decision, question: str) -> str:
    """Markdown lines, one per supported paper: ``**Title** (date): sentence. sentence. [arXiv:ID]``."""
    lines = []
    dated = scope.several_days
    which = bool(_WHICH.match(question))
    for rank in decision.papers:
        hit = decision.retrieval.hits[rank]
        doc = scope.docs[hit.doc]
        texts = [scope.passages[pid].text for pid, _ in hit.passages if scope.passages[pid].kind != "title"]
        sents = best_sentences(texts, question, n=1 if which else 2)
        head = f"**{doc.title}**" + (f" ({doc.date})" if dated and doc.date else "")
        body = " ".join(sents)
        lines.append(f"{head}: {body} [arXiv:{doc.arxiv_id}]" if which else f"{body} [arXiv:{doc.arxiv_id}]"
                     if body else f"{head} [arXiv:{doc.arxiv_id}]")
    return "\n".join(lines)
