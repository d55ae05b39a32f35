"""A test-only engine that answers with hand-written, faithful summaries of the sample day.

Tests about reviewing and publishing need rows that truly pass the validator,
whatever the offline (extractive) engine achieves today. ``FixedEngine`` gives
them: its answers are the five parts written by hand from each abstract of the
2025-02-28 sample day (``sample_day_summaries.json``, every number copied from
the abstract). A paper it has no summary for gets a ``generation_failed`` row,
never an invented one; a paper without an abstract is ``NoAbstract`` as for any
engine.

It is not a built-in: a test registers it through the engine registry, exactly
as a plugin would (``register_fixed_engine()``, then ``--engine fixed``,
``DIGESTGEN_ENGINE=fixed`` or ``Settings(engine="fixed")``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from ..engines import register
from ..engines.base import Engine, GenerationFailed, NoAbstract
from ..ids import canonical_id
from ..types import Paper, Summary

NAME = "fixed"
TARGET = "digestgen.testing.fixed_engine:FixedEngine"
FIXTURE = "sample_day_summaries.json"


@cache
def _fixture() -> dict[str, dict]:
    return json.loads(files(__package__).joinpath(FIXTURE).read_text(encoding="utf-8"))["papers"]


def summarized_ids() -> list[str]:
    """The arXiv ids that have a hand-written summary, in the sample day's order."""
    return list(_fixture())


def good_summary(arxiv_id: str) -> Summary:
    """The hand-written five parts for ``arxiv_id`` (KeyError when there are none)."""
    entry = _fixture()[canonical_id(arxiv_id)]
    return Summary(**{k: v for k, v in entry.items() if k != "title"})


def good_text(arxiv_id: str) -> str:
    """The hand-written summary of ``arxiv_id`` as one paragraph of house prose (what a row holds)."""
    from ..engines import prose

    return prose(good_summary(arxiv_id))


class FixedEngine(Engine):
    """Answers every known paper with its hand-written summary; calls nothing."""

    name = NAME

    def summarize(self, paper: Paper, feedback: list[str] | None = None) -> Summary:
        if not paper.abstract:
            raise NoAbstract(paper.arxiv_id)
        try:
            return good_summary(paper.arxiv_id)
        except (KeyError, ValueError):
            raise GenerationFailed("", [f"the {NAME} engine has no hand-written summary for {paper.arxiv_id}"],
                                   attempts=1) from None


def register_fixed_engine() -> str:
    """Make ``fixed`` a known engine name (idempotent) and return the name."""
    register(NAME, TARGET)
    return NAME
