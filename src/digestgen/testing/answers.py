"""Fixed model answers that tests hand to the fake OpenAI server.

``sentence_answer`` is what a careful model would answer for a paper, built only
from the abstract's own sentences behind the house openers ("The main research
objective...", "Primary results show that..."): every number is copied, nothing
is invented. It is deliberately simple (no rewriting), so an LLM-engine test
checks the LLM path, not the offline engine.

``answers_for`` hands the fake server the answers a model that gets it right
would give: for the sample day's papers, the same hand-written five parts the
test-only ``fixed`` engine uses (they pass the validator); for any other paper,
``sentence_answer``.
"""

from __future__ import annotations

import json
import re

from ..text import split_sentences
from ..types import Paper

_MEASURE = re.compile(r"\d+(?:\.\d+)?\s*%|\d+\.\d+|\d{2,}")


def _lower(s: str) -> str:
    return s[:1].lower() + s[1:] if s[:2] != s[:2].upper() else s


def sentence_answer(paper: Paper) -> dict:
    """The five fields for ``paper`` from its abstract's sentences (the results sentence has a number if any)."""
    s = split_sentences(paper.abstract or "") or [paper.title]
    results = next((x for x in s if _MEASURE.search(x)), None) or next((x for x in s if re.search(r"\d", x)), s[-1])
    rest = [x for x in s if x is not results] or [results]
    pick = lambda i: rest[min(i, len(rest) - 1)]  # noqa: E731
    return {"one_line": pick(0),
            "objective": "The main research objective is stated as follows: " + _lower(pick(1)),
            "methodology": "The key methodology: " + _lower(pick(2)),
            "results": "Primary results show that " + _lower(results),
            "implication": "For AI practitioners, " + _lower(rest[-1])}


def good_answer(paper: Paper) -> dict:
    """The five fields a model that gets ``paper`` right answers: hand-written for the sample day, else
    :func:`sentence_answer`."""
    from .fixed_engine import good_summary

    try:
        return good_summary(paper.arxiv_id).model_dump()
    except (KeyError, ValueError):
        return sentence_answer(paper)


def answers_for(papers: list[Paper]) -> dict[str, str]:
    """title -> the JSON answer of :func:`good_answer`, for ``FakeOpenAI(answers=...)``."""
    return {p.title: json.dumps(good_answer(p)) for p in papers if p.abstract}
