"""QA latency benchmark: index build time and per-question latency once the index is built (no LLM call).

* archive: every row of the reference archive (~4,800 rows, ~14,600 passages) indexed from a cold embedding
  cache (a fresh temporary DIGESTGEN_HOME unless --home is given), then again from the warm cache;
* questions: qa_dev + own questions asked against the archive, and against their own dev day, p50/p95 per
  question (extractive answer included, the process already warm).

Targets (issue 9): p95 under 100 ms per question; the archive indexed once in under 5 minutes on 2 cores.
``bench_qa()`` returns the numbers as a dict for evals/bench.py; run as a script it prints them as JSON and the
ratios to the targets.

    PYTHONPATH=src python evals/qa/bench_qa.py [--archive DIR] [--home DIR] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _questions() -> list[dict]:
    rows = []
    for path in (SHARED / "evalset" / "qa_dev.jsonl", ROOT / "evals" / "qa" / "questions_own.jsonl"):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def _latencies(scope, questions: list[str]) -> list[float]:
    from digestgen.qa.answer import ask

    ask(scope, "warm-up question about transformers")
    out = []
    for q in questions:
        t = time.perf_counter()
        ask(scope, q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_qa(archive_dir: Path | None = None, *, home: Path | None = None, use_embeddings: bool = True) -> dict:
    """{"archive_build_s_cold", "archive_build_s_warm", "archive_passages", "archive_p50_ms", "archive_p95_ms",
    "day_p50_ms", "day_p95_ms", "questions", "embeddings"}"""
    import datetime as dt

    from digestgen.qa.corpus import archive_docs, dataset_docs
    from digestgen.qa.retrieve import build_scope

    archive_dir = archive_dir or SHARED / "references" / "digests"
    tmp = None
    if home is None:
        tmp = tempfile.TemporaryDirectory(prefix="qa-bench-")
        home = Path(tmp.name)
    old_home = os.environ.get("DIGESTGEN_HOME")
    os.environ["DIGESTGEN_HOME"] = str(home)
    try:
        questions = _questions()
        t = time.perf_counter()
        docs = archive_docs([archive_dir])
        scope = build_scope(docs, use_embeddings=use_embeddings)
        cold = time.perf_counter() - t
        embedded = scope.embedder.computed if scope.embedder else 0
        t = time.perf_counter()
        scope = build_scope(archive_docs([archive_dir]), use_embeddings=use_embeddings, quiet=True)
        warm = time.perf_counter() - t
        arch = _latencies(scope, [q["question"] for q in questions])
        day = []
        by_day: dict[str, list[str]] = {}
        for q in questions:
            by_day.setdefault(q["date"], []).append(q["question"])
        for d, qs in by_day.items():
            day_scope = build_scope(dataset_docs(SHARED / "evalset" / "dev.jsonl", dt.date.fromisoformat(d)),
                                    use_embeddings=use_embeddings, quiet=True)
            day += _latencies(day_scope, qs)
        return {
            "embeddings": scope.vectors is not None,
            "archive_rows": len(scope.docs),
            "archive_passages": len(scope.passages),
            "archive_build_s_cold": round(cold, 1),
            "archive_passages_embedded_cold": embedded,  # < archive_passages: the cache was not cold
            "archive_build_s_warm": round(warm, 1),
            "questions": len(questions),
            "archive_p50_ms": round(statistics.median(arch), 1),
            "archive_p95_ms": round(_pct(arch, 0.95), 1),
            "day_p50_ms": round(statistics.median(day), 1),
            "day_p95_ms": round(_pct(day, 0.95), 1),
            "load_average": round(os.getloadavg()[0], 1),
        }
    finally:
        if old_home is None:
            os.environ.pop("DIGESTGEN_HOME", None)
        else:
            os.environ["DIGESTGEN_HOME"] = old_home
        if tmp is not None:
            tmp.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archive", type=Path, default=None)
    ap.add_argument("--home", type=Path, default=None, help="keep the embedding cache here (default: a temp dir)")
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    r = bench_qa(args.archive, home=args.home, use_embeddings=not args.no_embeddings)
    print(json.dumps(r, indent=1))
    print(f"p95 per question / 100 ms target: archive {r['archive_p95_ms'] / 100:.2f}, day {r['day_p95_ms'] / 100:.2f}; "
          f"cold archive build / 300 s target: {r['archive_build_s_cold'] / 300:.2f} "
          f"(cpus: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})", file=sys.stderr)


if __name__ == "__main__":
    main()
