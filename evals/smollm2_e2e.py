"""Run the sample day through SmolLM2-135M-Instruct (llama.cpp server) and report what the validator caught.

    python evals/smollm2_e2e.py [--max-reasks 2] [--out evals/reports/smollm2-sample.md]

The model is tiny and invents facts: this measures the plumbing, the validator and the re-ask, not prose.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-reasks", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "evals" / "reports" / "smollm2-sample.md"))
    args = ap.parse_args()

    from digestgen.cache import Cache
    from digestgen.engines import get_engine
    from digestgen.fetch import fetch_day
    from digestgen.pipeline import summarize_all
    from digestgen.testing.llama_server import llama_server

    papers = fetch_day(dt.date(2025, 2, 28), cache=Cache(ROOT / "cache"), offline=True).papers
    store = Path(tempfile.mkdtemp()) / "llm.sqlite"
    with llama_server() as url:
        eng = get_engine("openai", model="smollm2", base_url=url, store=store, max_reasks=args.max_reasks,
                         concurrency=2)
        t = time.monotonic()
        rows = asyncio.run(summarize_all(papers, eng))
        wall = time.monotonic() - t
    db = sqlite3.connect(store)
    invalid = collections.Counter(r[0] for r in db.execute("SELECT arxiv_id FROM calls WHERE outcome='invalid'"))
    first_fail = {pid for pid in invalid}
    fixed = [r for r in rows if r.arxiv_id in first_fail and not r.errors]
    marked = [r for r in rows if r.errors]
    reasons = collections.Counter(f.code for r in marked for f in r.errors
                                  if f.code not in ("generation_failed", "llm_failed"))
    reasons["final answer not valid JSON / missing field (llm_failed)"] = sum(
        1 for r in marked if "unparseable answer" in " ".join(f.message for f in r.errors))
    parse_fail = collections.Counter()
    for (err,) in db.execute("SELECT error FROM calls WHERE outcome='invalid'"):
        for part in err.split("; "):
            parse_fail[part.split(":")[0] if not part.startswith("the ") else "not valid JSON / missing field"] += 1
    t = eng.totals()
    lines = [
        "# SmolLM2-135M-Instruct on the 2025-02-28 sample day", "",
        f"llama.cpp server (llama-cpp-python), structured mode reached: `{eng.llm.negotiation().mode}`; max re-asks {args.max_reasks}; "
        f"{wall:.0f}s wall on this machine's CPUs.", "",
        f"- papers: {len(rows)} ({sum(1 for r in rows if r.needs_attention and not r.errors)} without abstract, "
        "never sent to the model)",
        f"- answers: {t['api_calls']} model calls, {t['tokens_in']} tokens in, {t['tokens_out']} out",
        f"- rows whose first answer failed validation and were re-asked: {len(first_fail)}",
        f"- rows fixed by a re-ask: {len(fixed)}",
        f"- rows still marked NEEDS REVIEW after the last re-ask: {len(marked)}", "",
        "Why the marked rows stayed marked (error findings on the final answer):", "",
        "| finding | rows |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in reasons.most_common()]
    lines += ["", "Problems across every rejected answer (what the re-asks told the model):", "",
              "| problem | answers |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in parse_fail.most_common()]
    lines += ["", "Rows:", ""]
    for r in rows:
        state = "needs attention (no abstract)" if r.needs_attention and not r.errors else (
            "marked: " + ", ".join(sorted({f.code for f in r.errors})) if r.errors else "valid")
        lines.append(f"- {r.arxiv_id}: {state}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
