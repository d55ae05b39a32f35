"""The LLM answer: the top papers' best passages go to the model as untrusted data, the reply comes back with
[arXiv:ID] citations, and the citation checker (in answer.py) keeps only ids of the papers that were sent."""

from __future__ import annotations

import asyncio
import inspect

from ..errors import DigestgenError, UsageError
from . import ABSTAIN

PASSAGES_PER_PAPER = 3


def client_from_settings(settings, model: str | None):
    """``digestgen.llm.LLMClient`` for the configured endpoint; one clear line when there is none."""
    if not (settings.openai_base_url or settings.openai_api_key):
        raise UsageError("the openai engine needs an endpoint: set OPENAI_BASE_URL (e.g. a local llama.cpp "
                         "server) or OPENAI_API_KEY")
    model = model or settings.model or "gpt-4o-mini"
    try:
        from ..llm import LLMClient  # the one LLM client (cache, call log, limiter, budget, retries)
    except ImportError:
        return _OpenAIAdapter(settings, model)
    return LLMClient.from_settings(settings, model=model)


class _OpenAIAdapter:
    """Until ``digestgen.llm`` lands: the real ``openai`` client, same ``complete`` shape (async, ``.text``)."""

    def __init__(self, settings, model: str):
        self.settings = settings
        self.model = model

    async def complete(self, messages, *, schema=None, purpose="qa", arxiv_id=None):
        import openai

        client = openai.AsyncOpenAI(base_url=self.settings.openai_base_url, api_key=self.settings.openai_api_key
                                    or "not-needed", max_retries=2, timeout=60)
        try:
            resp = await client.chat.completions.create(model=self.model, messages=messages, temperature=0)
        except openai.APIError as exc:
            raise DigestgenError(f"the LLM endpoint failed: {exc}") from None
        finally:
            await client.close()

        class _Result:
            text = resp.choices[0].message.content or ""

        return _Result()


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


def _run(coro):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    raise RuntimeError("llm_answer is synchronous; call it outside a running event loop")


def llm_answer(scope, decision, question: str, *, k: int = 5, llm=None) -> str:
    """The model's answer text (citations unchecked); ``ABSTAIN`` when it says the papers do not answer."""
    if llm is None:
        raise UsageError("the openai engine needs an LLM client")
    if not decision.retrieval.hits:
        return ABSTAIN
    messages = build_messages(scope, decision, question, k=k)
    result = llm.complete(messages, purpose="qa")
    if inspect.isawaitable(result):
        result = _run(result)
    text = (getattr(result, "text", None) or "").strip()
    if not text or _says_not_in_papers(text):
        return ABSTAIN
    return text


def _says_not_in_papers(text: str) -> bool:
    low = " ".join(text.lower().split())
    return (low.startswith(ABSTAIN.lower().rstrip(".")) or low.startswith("not in these papers")
            or low.startswith("none of the papers") or low.startswith("no paper in"))
