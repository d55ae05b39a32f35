"""The LLM engine: any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server, Ollama).

The transport (response cache, call log, limiter, budget, retries, structured-output
negotiation) is :class:`digestgen.llm.LLMClient`'s. This module adds the summary's
own layer: the prompts, the five-part JSON, and the validation re-ask: the
validator's findings (never API errors) go back to the model a bounded number of
times; the last answer is kept with its findings when every re-ask fails, so the
row is marked, never dropped.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import Field

from ..llm import CallFailed, Completion, LLMClient, LLMOptions, Prepared
from ..llm_json import SCHEMA, ParseError, parse_summary
from ..prompts import render, template_hash
from ..types import Paper, Summary
from .base import Check, Engine, EngineOptions, GenerationFailed, NoAbstract

TEMPLATES = ("system.md.j2", "user.md.j2", "reask.md.j2")
# a tag that would open or close the prompt's data block, in any spacing or case
_BLOCK_TAG = re.compile(r"<\s*(/?)\s*abstract\b[^>]*>", re.IGNORECASE)


def neutralise(text: str) -> str:
    """Untrusted text made unable to close (or open) the prompt's <abstract> block; it still reads the same."""
    return _BLOCK_TAG.sub(lambda m: f"\u2039{m.group(1)}abstract\u203a", text or "")


class OpenAIOptions(EngineOptions, LLMOptions):
    max_reasks: int = Field(2, ge=0, description="validation re-asks per paper")
    input_budget: int = Field(700, ge=100, description="max prompt tokens; the abstract is cut to fit")
    min_words: int = 60
    max_words: int = 250


class OpenAIEngine(Engine):
    name = "openai"
    Options = OpenAIOptions

    def __init__(self, **options):
        super().__init__(**options)
        o = self.options
        self.llm = LLMClient(LLMOptions(**{k: getattr(o, k) for k in LLMOptions.model_fields}))
        o.base_url, o.api_key = self.llm.options.base_url, self.llm.options.api_key
        self.template_hash = hashlib.sha256("".join(template_hash(t) for t in TEMPLATES).encode()).hexdigest()[:16]

    @property
    def model_name(self) -> str:
        return self.options.model

    @property
    def run_id(self) -> str:
        return self.llm.run_id

    @property
    def store(self):
        return self.llm.store

    async def aclose(self) -> None:
        await self.llm.aclose()

    def messages(self, paper: Paper) -> list[dict]:
        """System and user messages, the abstract cut to the input budget and unable to leave its block."""
        from .. import tokens

        o = self.options
        title = " ".join(neutralise(paper.title).split())  # one line: a title cannot start a line of its own
        system = render("system.md.j2", min_words=o.min_words, max_words=o.max_words)
        empty = render("user.md.j2", title=title, abstract="")
        room = o.input_budget - tokens.count(system + empty, o.model) - 12  # per-message overhead
        abstract, _ = tokens.truncate(neutralise(paper.abstract), max(50, room), o.model)
        return [{"role": "system", "content": system},
                {"role": "user", "content": render("user.md.j2", title=title, abstract=abstract)}]

    def prompt_tokens(self, messages: list[dict]) -> int:
        return self.llm.prompt_tokens(messages)

    def estimate(self, paper: Paper) -> tuple[int, int, float] | None:
        """(prompt tokens, expected completion tokens, USD) for one first attempt."""
        if not paper.abstract:
            return None
        return self.llm.estimate(self.messages(paper), min(self.options.max_tokens, 250))

    def first_request(self, paper: Paper) -> Prepared:
        """The first attempt's request for ``paper``, as the live run would send it (for the Batch API)."""
        return self.llm.prepare(self.messages(paper), schema=SCHEMA, schema_name="digest_summary",
                                cache_tag=self.template_hash)

    async def complete(self, messages: list[dict], *, arxiv_id: str | None = None, attempt: int = 1) -> Completion:
        return await self.llm.complete(messages, schema=SCHEMA, schema_name="digest_summary", purpose="summary",
                                       arxiv_id=arxiv_id, attempt=attempt, cache_tag=self.template_hash)

    # --- the engine interface, with the validation re-ask layer ------------------------------
    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        """Not offered: the LLM engine is async (``await engine.asummarize(paper)`` in the caller's event loop;
        the pipeline's ``summarize_all``/``arun_day`` do that). A library never starts its own loop."""
        raise TypeError("the openai engine is async: await engine.asummarize(paper) (or use pipeline.arun_day)")

    async def asummarize(self, paper: Paper, check: Check | None = None) -> Summary:
        if not paper.abstract or not paper.abstract.strip():
            raise NoAbstract(paper.arxiv_id)
        messages = self.messages(paper)
        kept: tuple[str, Summary] | None = None  # the last answer that parsed, kept (marked) if none passes
        problems: list[str] = []
        for attempt in range(1, self.options.max_reasks + 2):
            text = (await self.complete(messages, arxiv_id=paper.arxiv_id, attempt=attempt)).text
            try:
                summary = parse_summary(text)
                kept = (text, summary)
                problems = check(summary) if check else []
            except ParseError as exc:
                problems = [str(exc)]
            if not problems:
                return summary
            self.llm.log_call("summary", arxiv_id=paper.arxiv_id, key=None, attempt=attempt, outcome="invalid",
                              error="; ".join(problems)[:500])
            messages = messages + [{"role": "assistant", "content": text},
                                   {"role": "user", "content": render("reask.md.j2", problems=problems)}]
        attempts = self.options.max_reasks + 1
        if kept is None:  # not one answer was a usable JSON object: this paper's call failed
            raise CallFailed(f"unparseable answer after {attempts} attempt(s): {problems[0]}")
        raise GenerationFailed(kept[0], problems, attempts, kept[1])

    def totals(self) -> dict:
        return self.llm.totals()
