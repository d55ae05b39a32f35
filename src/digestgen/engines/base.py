"""The one interface every summarisation engine implements."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod

from pydantic import BaseModel, ConfigDict

from ..types import Paper, Summary


class EngineOptions(BaseModel):
    """Options an engine accepts; engines subclass this with their own fields."""

    model_config = ConfigDict(extra="forbid")


class NoAbstract(Exception):
    """The paper has no abstract: no engine may invent a summary for it."""


class Engine(ABC):
    """Turns a paper into the five summary parts.

    Engines never see the network sources; they receive :class:`Paper` records.
    ``feedback`` carries the validator's messages for a re-ask (engines that
    cannot use it ignore it).
    """

    name: str = "engine"
    Options = EngineOptions

    def __init__(self, **options):
        self.options = self.Options(**options)

    @abstractmethod
    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        """Summarise one paper. Raises :class:`NoAbstract` when there is nothing to summarise."""

    async def asummarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        """Async form used by the pipeline; the default runs :meth:`summarize` inline."""
        return self.summarize(paper, feedback)


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
