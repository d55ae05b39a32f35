"""Benchmark the LLM engine against the fake OpenAI server: speed against the limits' ideal, cache, tokens, faults.

Prints, for the 2025-02-28 sample day (14 papers with abstracts), in one run:
* wall time with 1 s of server latency per call, as a ratio of the ideal bound set
  by the client limits (concurrency and requests per minute), and a sequential
  client measured the same way as the baseline;
* a re-run with a warm response cache (API calls made);
* a cold run against a new endpoint, which first probes structured output with one call, and a cold run of a
  later process against that endpoint, which reads the negotiated mode from the store and probes nothing;
* prompt tokens per paper (tiktoken, system + user prompt);
* a run with 30% injected 429/500 answers: rows produced without errors.

    python evals/bench_generate.py [--latency 1.0] [--concurrency 8] [--rpm 600]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "evalset" / "dev.jsonl"


def ideal_bound(n: int, latency: float, concurrency: int, rpm: float | None = None, tokens: int = 0,
                tpm: float | None = None) -> float:
    """The fastest any client could finish n calls under these limits: concurrency, requests and tokens per minute."""
    bounds = [math.ceil(n / concurrency) * latency]
    if rpm:
        bounds.append((n - 1) * 60.0 / rpm + latency)
    if tpm and tokens:
        bounds.append(tokens * 60.0 / tpm)
    return max(bounds)


def make_engine(srv, store, **kw):
    from digestgen.engines import get_engine

    kw.setdefault("max_reasks", 0)  # one call per paper: the LLM path is measured, not the validator's re-asks
    return get_engine("openai", model="gpt-4o-mini", base_url=srv.url, api_key="bench", store=store, **kw)


def run_timed(papers, eng):
    """(seconds, rows) for summarising ``papers`` with ``eng`` through the pipeline."""
    from digestgen.pipeline import summarize_all

    t = time.monotonic()
    rows = asyncio.run(summarize_all(papers, eng))
    return time.monotonic() - t, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--latency", type=float, default=1.0)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--rpm", type=float, default=600)
    ap.add_argument("--fault-rate", type=float, default=0.3)
    ap.add_argument("--dataset", default=str(DEV))
    args = ap.parse_args()

    from digestgen.dataset import load_dataset
    from digestgen.testing.answers import answers_for
    from digestgen.testing.fake_openai import FakeOpenAI

    papers = [r.paper() for r in load_dataset(args.dataset) if r.date == "2025-02-28" and r.abstract]
    n = len(papers)
    answers = answers_for(papers)  # fixed per-paper answers: the fake server plays a model that gets it right
    tmp = Path(tempfile.mkdtemp(prefix="digestgen-bench-"))

    engine = make_engine  # shared with evals/bench.py

    def timed(eng):
        return run_timed(papers, eng)

    L, C, R = args.latency, args.concurrency, args.rpm
    ideal = ideal_bound(n, L, C, R)
    print(f"papers: {n}; server latency {L:.1f}s/call; client limits: concurrency {C}, {R:.0f} rpm")
    print(f"ideal bound from the limits: {ideal:.2f}s")

    with FakeOpenAI(latency=L, answers=answers) as srv:
        # the sequential run also negotiates structured output with this endpoint, once for the process
        seq_s, _ = timed(engine(srv, tmp / "seq.sqlite", concurrency=1))
        cold_s, rows = timed(engine(srv, tmp / "run.sqlite", concurrency=C, rpm=R))
        before = srv.completions
        warm_s, rows2 = timed(engine(srv, tmp / "run.sqlite", concurrency=C, rpm=R))
        warm_calls = srv.completions - before
        e = engine(srv, tmp / "x.sqlite")
        toks = [e.prompt_tokens(e.messages(p)) for p in papers]
    print(f"sequential client:  {seq_s:6.2f}s  ratio to ideal {seq_s / ideal:5.2f}")
    print(f"digestgen, cold:    {cold_s:6.2f}s  ratio to ideal {cold_s / ideal:5.2f}  (target <= 1.2)"
          f"  speed-up vs sequential {seq_s / cold_s:4.1f}x")
    print(f"digestgen, warm:    {warm_s:6.2f}s  API calls {warm_calls} (target 0); same rows: "
          f"{[r.summary for r in rows] == [r.summary for r in rows2]}")
    print(f"prompt tokens/paper: mean {statistics.mean(toks):.0f}, max {max(toks)} (target <= 700)")

    with FakeOpenAI(latency=L, answers=answers) as srv:  # a new endpoint: structured output is probed first
        fresh_s, _ = timed(engine(srv, tmp / "fresh.sqlite", concurrency=C, rpm=R))
        # a later process (e.g. the next day: new papers, so no cached answer) with the same state database:
        # the negotiated mode comes from the store, so nothing is probed
        from digestgen.llm import client
        from digestgen.store import Store

        client._NEGOTIATED.clear()  # what a new process starts with
        with Store(tmp / "fresh.sqlite").transaction() as db:
            db.execute("DELETE FROM responses")
        later_s, _ = timed(engine(srv, tmp / "fresh.sqlite", concurrency=C, rpm=R))
    print(f"digestgen, cold, new endpoint: {fresh_s:6.2f}s  ratio to ideal {fresh_s / ideal:5.2f}"
          "  (includes the one-call structured-output probe)")
    print(f"digestgen, cold, later process, known endpoint: {later_s:6.2f}s  ratio to ideal {later_s / ideal:5.2f}"
          "  (target <= 1.2; the negotiated mode is read from the store, no probe)")

    with FakeOpenAI(latency=L, fault_rate=args.fault_rate, seed=7, answers=answers) as srv:
        fault_s, rows = timed(engine(srv, tmp / "faults.sqlite", concurrency=C, rpm=R, backoff_initial=0.5))
        good = sum(1 for r in rows if r.summary and not any(f.code == "llm_failed" for f in r.findings))
        print(f"{args.fault_rate:.0%} injected 429/500: {srv.faults} faults over {len(srv.chat_requests())} requests;"
              f" rows produced {len(rows)}/{n}, answered (no llm_failed) {good}/{n}; {fault_s:.2f}s"
              f" (ratio to ideal {fault_s / ideal:.2f})")
    sys.exit(0 if good == n and warm_calls == 0 else 1)


if __name__ == "__main__":
    main()
