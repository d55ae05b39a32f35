"""One question in, one checked answer out: retrieve, weigh the evidence, answer (extractive or LLM), check."""

from __future__ import annotations

import re
import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import ABSTAIN
from .citations import check_citations
from .evidence import Evidence, evidence, probability, threshold
from .retrieve import Retrieval, Scope

MAX_QUESTION_CHARS = 2000
_PLURAL = re.compile(r"\b(papers|works|studies|articles|methods|models|approaches|ones|all|any of|list)\b", re.I)


class PassageOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    arxiv_id: str
    date: str | None
    text: str
    score: float


class Answer(BaseModel):
    """What ``ask --json`` prints (plus ``flagged``: the citation checker removed an id)."""

    model_config = ConfigDict(extra="forbid")

    answer: str
    citations: list[str] = Field(default_factory=list)
    abstained: bool = False
    passages: list[PassageOut] = Field(default_factory=list)
    flagged: bool = False

    def public(self) -> dict:
        return self.model_dump()


class Decision(BaseModel):
    """Which papers the evidence supports, best first (empty: abstain), and the retrieval behind it."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    papers: list[int]                # ranks in retrieval.hits
    probabilities: list[float]
    retrieval: Retrieval
    evidence: list[Evidence]
    seconds: float = 0.0


def normalise_question(question: str) -> str:
    """Whitespace collapsed, cut to ``MAX_QUESTION_CHARS`` (a 10,000-character paste is still a question)."""
    q = " ".join((question or "").split())
    return q[:MAX_QUESTION_CHARS]


def decide(scope: Scope, question: str, *, k: int = 5) -> Decision:
    """Retrieve and decide which of the top ``k`` papers answer; the first must pass for any to."""
    started = time.perf_counter()
    retrieval = scope.retrieve(question, limit=max(k, 4) + 1)
    dense = scope.vectors is not None
    papers: list[int] = []
    probs: list[float] = []
    evs: list[Evidence] = []
    if retrieval.hits:
        ev = evidence(scope, retrieval, 0)
        p = probability(ev, dense_available=dense)
        evs.append(ev)
        if p >= threshold(dense_available=dense):
            papers.append(0)
            probs.append(p)
            if _PLURAL.search(question):
                # several right papers: each further one must carry the evidence on its own, and cover the
                # question about as well as the first does
                for rank in range(1, min(k, len(retrieval.hits))):
                    ev_r = evidence(scope, retrieval, rank)
                    p_r = probability(ev_r, dense_available=dense)
                    evs.append(ev_r)
                    if p_r >= threshold(dense_available=dense) and ev_r.coverage >= ev.coverage - 0.05:
                        papers.append(rank)
                        probs.append(p_r)
    return Decision(papers=papers, probabilities=probs, retrieval=retrieval, evidence=evs,
                    seconds=time.perf_counter() - started)


def top_passages(scope: Scope, retrieval: Retrieval, k: int, per_paper: int = 2) -> list[PassageOut]:
    out = []
    for hit in retrieval.hits[:k]:
        for pid, score in hit.passages[:per_paper]:
            p = scope.passages[pid]
            out.append(PassageOut(arxiv_id=p.arxiv_id, date=p.date, text=p.text, score=round(score, 4)))
    return out


def ask(scope: Scope, question: str, *, engine: Literal["extractive", "openai"] | str = "extractive", k: int = 5,
        llm=None) -> Answer:
    """Answer ``question`` from the papers in ``scope`` only, citing them as [arXiv:ID] (the extractive engine;
    the LLM engine is async: ``await aask(...)``)."""
    return ask_with_decision(scope, question, engine=engine, k=k, llm=llm)[0]


async def aask(scope: Scope, question: str, *, engine: Literal["extractive", "openai"] | str = "extractive",
               k: int = 5, llm=None) -> Answer:
    """``ask`` for any engine, awaited in the caller's event loop (the LLM client's HTTP pool lives there)."""
    return (await aask_with_decision(scope, question, engine=engine, k=k, llm=llm))[0]


def ask_with_decision(scope: Scope, question: str, *, engine: str = "extractive", k: int = 5,
                      llm=None) -> tuple[Answer, Decision | None]:
    """``ask``, also returning the retrieval and evidence behind the answer (None for an empty question).

    Synchronous, so for the extractive engine only (no I/O); the LLM engine is awaited through
    :func:`aask_with_decision` (``asyncio.run`` belongs to the CLI alone)."""
    if engine != "extractive":
        raise TypeError(f"the {engine} engine answers asynchronously: await aask() / aask_with_decision()")
    question = normalise_question(question)
    if not question.strip(" ?!.\t"):
        return Answer(answer=ABSTAIN, abstained=True), None
    decision = decide(scope, question, k=k)
    return _extractive(scope, question, decision, k=k), decision


async def aask_with_decision(scope: Scope, question: str, *, engine: str = "extractive", k: int = 5,
                             llm=None) -> tuple[Answer, Decision | None]:
    """:func:`ask_with_decision` for any engine; the LLM's answer is awaited (nothing blocks the loop on it)."""
    if engine == "extractive":
        return ask_with_decision(scope, question, engine=engine, k=k)
    question = normalise_question(question)
    if not question.strip(" ?!.\t"):
        return Answer(answer=ABSTAIN, abstained=True), None
    decision = decide(scope, question, k=k)
    passages = top_passages(scope, decision.retrieval, k)
    if not decision.papers:  # no paper carries the evidence: no call, nothing for a model to ground
        return Answer(answer=ABSTAIN, abstained=True, passages=passages), decision
    from .llm_answer import allm_answer

    # the model sees the top k papers and may still say that none of them answers
    text = await allm_answer(scope, decision, question, k=k, llm=llm)
    allowed = {h.arxiv_id for h in decision.retrieval.hits[:k]}
    return _checked(scope, text, allowed, passages), decision


def _extractive(scope: Scope, question: str, decision: Decision, *, k: int) -> Answer:
    from .extractive import extractive_answer

    passages = top_passages(scope, decision.retrieval, k)
    if not decision.papers:
        return Answer(answer=ABSTAIN, abstained=True, passages=passages)
    text = extractive_answer(scope, decision, question)
    allowed = {decision.retrieval.hits[r].arxiv_id for r in decision.papers}
    return _checked(scope, text, allowed, passages)


def _checked(scope: Scope, text: str, allowed: set[str], passages: list[PassageOut]) -> Answer:
    """The answer text with its citations checked against ``allowed`` papers in scope."""
    if text.strip() == ABSTAIN:
        return Answer(answer=ABSTAIN, abstained=True, passages=passages)
    checked = check_citations(text, allowed & scope.ids)
    if not checked.kept:
        # nothing citable is left: say so rather than show an unsupported claim
        return Answer(answer=ABSTAIN, abstained=True, passages=passages, flagged=checked.flagged)
    return Answer(answer=checked.text, citations=checked.kept, abstained=False, passages=passages,
                  flagged=checked.flagged)
