"""The LLM answer: the top papers' best passages go to the model as untrusted data, the reply comes back with
[arXiv:ID] citations, and the citation checker (in answer.py) keeps only ids of the papers that were sent."""

from __future__ import annotations

import inspect

from ..errors import UsageError
from . import ABSTAIN

PASSAGES_PER_PAPER = 3


def client_from_settings(settings, model: str | None):
    """``digestgen.llm.LLMClient`` for the configured endpoint; one clear line when there is none."""
    from ..llm import LLMClient  # the one LLM client: response cache, call log, limiter, budget, retries

    if not (settings.openai_base_url or settings.openai_api_key):
        raise UsageError("the openai engine needs an endpoint: set OPENAI_BASE_URL (e.g. a local llama.cpp "
                         "server) or OPENAI_API_KEY")
    return LLMClient.from_settings(settings, model=model, temperature=0.0, max_tokens=400)


def build_messages(scope, decision, question: str, *, k: int = 5) -> list[dict]:
    from ..prompts import render

    passages = []
    for hit in decision.retrieval.hits[:k]:
        doc = scope.docs[hit.doc]
        for pid, _ in hit.passages[:PASSAGES_PER_PAPER]:
            p = scope.passages[pid]
            if p.kind == "title":
                continue
            passages.append({"arxiv_id": doc.arxiv_id, "date": doc.date, "title": doc.title, "text": p.text})
    example = decision.retrieval.hits[0].arxiv_id if decision.retrieval.hits else "2502.19634"
    return [
        {"role": "system", "content": render("qa_system.md.j2", abstain=ABSTAIN, example_id=example,
                                             max_sentences=4)},
        {"role": "user", "content": render("qa_user.md.j2", passages=passages, question=question)},
    ]


async def allm_answer(scope, decision, question: str, *, k: int = 5, llm=None) -> str:
    """The model's answer text (citations unchecked); ``ABSTAIN`` when it says the papers do not answer.

    Awaited in the caller's event loop; the client stays open (its owner closes it: concurrent questions
    may share one client), and nothing here starts a loop of its own."""
    if llm is None:
        raise UsageError("the openai engine needs an LLM client")
    if not decision.retrieval.hits:
        return ABSTAIN
    messages = build_messages(scope, decision, question, k=k)
    result = llm.complete(messages, purpose="qa")
    result = await result if inspect.isawaitable(result) else result
    text = (getattr(result, "text", None) or "").strip()
    if not text or _says_not_in_papers(text):
        return ABSTAIN
    return text


def _says_not_in_papers(text: str) -> bool:
    low = " ".join(text.lower().split())
    return (low.startswith(ABSTAIN.lower().rstrip(".")) or low.startswith("not in these papers")
            or low.startswith("none of the papers") or low.startswith("no paper in"))
