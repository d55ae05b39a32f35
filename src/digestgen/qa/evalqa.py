"""eval-qa: retrieval, abstention and citation metrics of the QA assistant on a questions file.

Questions: JSONL with ``date``, ``question``, ``answer_ids`` (empty: no paper of that day answers it; several:
each of them does), optionally ``kind``. Papers: a dataset JSONL (dev.jsonl format); each question is asked
against the papers of its own date.

* recall@k: the share of a question's answer ids among the top k papers, out of the most the top k can hold
  (min(k, number of answer ids)), averaged over answerable questions;
* mrr: 1 / rank of the first answer id, averaged over answerable questions;
* abstain_accuracy: abstained when no paper answers, answered when one does, over all questions;
* citation_precision: cited ids that are answer ids, over all ids cited by answered questions;
* latency: per question, once the day's index is built (an LLM call included only with an LLM engine).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import UsageError


class QARow(BaseModel):
    model_config = ConfigDict(extra="ignore")

    date: str
    question: str
    answer_ids: list[str]
    kind: str | None = None


def load_questions(path: str | Path) -> list[QARow]:
    from ..dataset import read_jsonl

    return read_jsonl(path, QARow, "question row")


def kind_of(answer_ids: list[str]) -> str:
    if not answer_ids:
        return "unanswerable"
    return "several" if len(answer_ids) > 1 else "single"


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    i = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return s[i]


def metrics(results: list[dict]) -> dict:
    answerable = [r for r in results if r["answer_ids"]]

    def recall(r, k):
        top = r["ranking"][:k]
        return len(set(top) & set(r["answer_ids"])) / min(k, len(r["answer_ids"]))

    def rr(r):
        for i, a in enumerate(r["ranking"], 1):
            if a in r["answer_ids"]:
                return 1 / i
        return 0.0

    cited = [(c, r) for r in results if not r["abstained"] for c in r["citations"]]
    lat = [r["latency_ms"] for r in results]
    mean = lambda xs: round(statistics.fmean(xs), 4) if xs else None  # noqa: E731
    return {
        "n": len(results),
        "recall_at_1": mean([recall(r, 1) for r in answerable]),
        "recall_at_3": mean([recall(r, 3) for r in answerable]),
        "mrr": mean([rr(r) for r in answerable]),
        "abstain_accuracy": mean([float(r["abstained"] == (not r["answer_ids"])) for r in results]),
        "citation_precision": round(sum(c in r["answer_ids"] for c, r in cited) / len(cited), 4) if cited else None,
        "latency_ms_p50": round(_percentile(lat, 0.5), 2) if lat else None,
        "latency_ms_p95": round(_percentile(lat, 0.95), 2) if lat else None,
    }


async def arun_eval_qa(questions: list[QARow], docs, *, engine: str = "extractive", k: int = 5, llm=None,
                       use_embeddings: bool = True, progress=None) -> dict:
    """Ask every question against its day's papers; return {"metrics", "by_kind", "results"}.

    Async (the LLM engine's answers are awaited in the caller's loop); the CLI is what runs the loop."""
    from .answer import aask_with_decision
    from .retrieve import build_scope

    by_day: dict[str, list] = {}
    for d in docs:
        by_day.setdefault(d.date or "", []).append(d)
    scopes = {}
    results = []
    for i, q in enumerate(questions, 1):
        if q.date not in by_day:
            raise UsageError(f"no papers dated {q.date} in the papers file (question: {q.question[:60]!r})")
        if q.date not in scopes:
            scopes[q.date] = build_scope(by_day[q.date], use_embeddings=use_embeddings, quiet=bool(scopes))
        scope = scopes[q.date]
        started = time.perf_counter()
        answer, decision = await aask_with_decision(scope, q.question, engine=engine, k=k, llm=llm)
        latency = (time.perf_counter() - started) * 1000
        ranking = [h.arxiv_id for h in decision.retrieval.hits] if decision else []
        results.append({"date": q.date, "question": q.question, "kind": q.kind or kind_of(q.answer_ids),
                        "answer_ids": q.answer_ids, "ranking": ranking[:10], "abstained": answer.abstained,
                        "citations": answer.citations, "flagged": answer.flagged, "answer": answer.answer,
                        "latency_ms": round(latency, 2)})
        if progress and (i % 10 == 0 or i == len(questions)):
            progress(f"eval-qa: {i}/{len(questions)} questions")
    by_kind = {}
    for kind in ("single", "several", "unanswerable"):
        sub = [r for r in results if kind_of(r["answer_ids"]) == kind]
        if sub:
            by_kind[kind] = metrics(sub)
    return {"metrics": metrics(results), "by_kind": by_kind, "results": results, "engine": engine}


def is_miss(r: dict) -> bool:
    if r["abstained"] != (not r["answer_ids"]):
        return True
    if r["answer_ids"] and (not r["ranking"] or r["ranking"][0] not in r["answer_ids"]):
        return True
    return any(c not in r["answer_ids"] for c in r["citations"])


def write_report(result: dict, out: Path, *, title: str = "eval-qa") -> list[Path]:
    """``report.md`` (misses first) and ``results.jsonl`` in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    results = result["results"]
    misses = [r for r in results if is_miss(r)]
    lines = [f"# {title} ({result['engine']})", "", "```json", json.dumps(result["metrics"], indent=1), "```", ""]
    for kind, m in result["by_kind"].items():
        lines.append(f"- {kind}: " + ", ".join(f"{k} {v}" for k, v in m.items()))
    lines += ["", f"## Misses ({len(misses)})", ""]
    if not misses:
        lines.append("None.")
    for r in misses:
        why = ("answered, should abstain" if r["abstained"] is False and not r["answer_ids"] else
               "abstained, should answer" if r["abstained"] and r["answer_ids"] else
               "wrong paper first" if r["answer_ids"] and r["ranking"][:1] != r["answer_ids"][:1] and
               r["ranking"][0] not in r["answer_ids"] else "cited a wrong paper")
        lines += [f"- **{why}** ({r['date']}): {r['question']}",
                  f"  - expected {r['answer_ids'] or 'abstain'}; ranked {r['ranking'][:3]}; cited {r['citations']}"]
    lines += ["", "## All questions", ""]
    for r in results:
        mark = "MISS" if is_miss(r) else "ok"
        lines.append(f"- {mark} ({r['date']}, {r['kind']}) {r['question']} -> "
                     f"{'abstained' if r['abstained'] else r['citations']} ({r['latency_ms']:.1f} ms)")
    report = out / "report.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = out / "results.jsonl"
    rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
    return [report, rows]


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr)
