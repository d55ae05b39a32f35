"""The one interface every summarisation engine implements."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Callable

from pydantic import BaseModel, ConfigDict

from ..types import Paper, Summary


class EngineOptions(BaseModel):
    """Options an engine accepts; engines subclass this with their own fields."""

    model_config = ConfigDict(extra="forbid")


class NoAbstract(Exception):
    """The paper has no abstract: no engine may invent a summary for it."""


class GenerationFailed(Exception):
    """Every attempt failed validation or parsing; carries the last output and the evidence."""

    def __init__(self, last_text: str, problems: list[str], attempts: int, summary: Summary | None = None):
        self.last_text = last_text
        self.problems = problems
        self.attempts = attempts
        self.summary = summary
        super().__init__(f"{attempts} attempts failed: {'; '.join(problems)}")


Check = Callable[[Summary], list[str]]


class Engine(ABC):
    """Turns a paper into the five summary parts: everything the pipeline needs, declared here.

    Engines never see the network sources; they receive :class:`Paper` records.
    ``check`` is the validator: it returns the error messages for a candidate
    summary; engines that can re-ask send them back to the model, others ignore it.
    The pipeline calls only what this class declares (no probing): :meth:`asummarize`,
    :meth:`estimate`, :meth:`totals` and :meth:`aclose`, each with a default.
    An engine that calls an LLM declares the client's fields in its ``Options``
    (e.g. by inheriting :class:`digestgen.llm.LLMOptions`) and receives the endpoint settings.
    """

    name: str = "engine"
    Options = EngineOptions

    def __init__(self, **options):
        self.options = self.Options(**options)

    @abstractmethod
    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        """Summarise one paper. Raises :class:`NoAbstract` when there is nothing to summarise."""

    async def asummarize(self, paper: Paper, check: Check | None = None) -> Summary:
        """Async form used by the pipeline; the default runs :meth:`summarize` inline and ignores ``check``.

        May raise :class:`NoAbstract`, :class:`GenerationFailed` (every answer failed ``check``),
        ``digestgen.llm.CallFailed`` (this paper's call failed) or an error that ends the run.
        """
        return self.summarize(paper)

    @property
    def model_name(self) -> str | None:
        """The model this engine calls (recorded with the digest); None for engines that call none."""
        return None

    def estimate(self, paper: Paper) -> tuple[int, int, float] | None:
        """(prompt tokens, expected completion tokens, USD) of a first attempt; None for engines that call nothing."""
        return None

    def totals(self) -> dict | None:
        """The run's LLM usage (calls, cache hits, tokens, cost); None for engines that call nothing."""
        return None

    async def aclose(self) -> None:
        """Release per-run resources (HTTP clients) at the end of a run."""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text


def prose(summary: Summary) -> str:
    """The five parts as one paragraph of house prose (``prompts/prose.md.j2``)."""
    from ..prompts import render

    text = render("prose.md.j2", **{k: _sentence(v) for k, v in summary.model_dump().items()})
    return re.sub(r"\s+", " ", text).strip()
