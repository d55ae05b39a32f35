"""One benchmark for the whole tool: every figure against its target, in one run, misses printed as MISSED.

    python evals/bench.py            (or: make bench)
    python evals/bench.py --quick    (a 40-paper synthetic day instead of 200: about 1 minute less... of 3)

Each part runs in its own process, so its peak memory (ru_maxrss) is its own:

* the 2025-02-28 sample day (14 papers with abstracts) and a 200-paper synthetic day, through the
  openai engine against the fake OpenAI server (1 s latency, 60 RPM / 200k TPM enforced by the server
  and configured on the client), each as a ratio to the ideal bound those limits allow (one call per
  paper: re-asks are off, so the ratio measures the client's scheduling; rows the validator still
  flags are counted beside it);
* the warm-cache re-run: `digestgen run` of the sample day again, a whole process, answers from the cache;
* validator throughput over the whole reference archive (rows/s);
* offline (extractive) engine throughput (papers/s);
* `digestgen --help` start-up (median of 5 processes);
* QA latency p50/p95 where `digestgen.qa` offers a bench function.

The LLM timing logic (ideal bound, engine, timed run) is evals/bench_generate.py's, imported.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVALS = Path(__file__).resolve().parent
ROOT = EVALS.parent
SHARED = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "evalset" / "dev.jsonl"
ARCHIVE = SHARED / "references" / "digests"
LATENCY, RPM, TPM, CONCURRENCY = 1.0, 60.0, 200_000.0, 8


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dev_papers(day: str | None = None):
    from digestgen.dataset import load_dataset

    return [r.paper() for r in load_dataset(DEV) if r.abstract and (day is None or r.date == day)]


def _synthetic_day(n: int):
    """n distinct papers made from the dev abstracts (each prompt differs, so nothing is a cache hit)."""
    base = _dev_papers()
    out = []
    for i in range(n):
        p = base[i % len(base)]
        out.append(p.model_copy(update={"arxiv_id": f"2599.{i:05d}", "title": f"{p.title} (variant {i})",
                                        "abstract": f"Variant {i} of this study. {p.abstract}"}))
    return out


def _answers(papers) -> dict:
    """Fixed per-paper answers for the fake server (a model that gets it right), where the testing kit has them."""
    try:
        from digestgen.testing.answers import answers_for
    except ImportError:
        return {}
    return {"answers": answers_for(papers)}


def _llm_day(papers, store: Path) -> dict:
    sys.path.insert(0, str(EVALS))
    from bench_generate import ideal_bound, make_engine, run_timed as timed

    from digestgen.testing.fake_openai import FakeOpenAI

    with FakeOpenAI(latency=LATENCY, rpm=RPM, **_answers(papers)) as srv:
        eng = make_engine(srv, store, concurrency=CONCURRENCY, rpm=RPM, tpm=TPM, max_reasks=0)
        tokens = sum(eng.prompt_tokens(eng.messages(p)) + eng.options.max_tokens for p in papers)
        ideal = ideal_bound(len(papers), LATENCY, CONCURRENCY, RPM, tokens, TPM)
        seconds, rows = timed(papers, eng)
        return {"papers": len(papers), "seconds": seconds, "ideal": ideal, "ratio": seconds / ideal,
                "rows_without_errors": sum(1 for r in rows if not r.errors), "server_429": srv.faults,
                "calls": srv.completions, "url": srv.url}


def part_sample_day(tmp: Path) -> dict:
    """The sample day cold, then `digestgen run` of it warm (a whole process) against the same server."""
    sys.path.insert(0, str(EVALS))
    from bench_generate import ideal_bound, make_engine, run_timed as timed

    from digestgen.testing.fake_openai import FakeOpenAI

    papers = _dev_papers("2025-02-28")
    store = tmp / "home" / "llm.sqlite"
    store.parent.mkdir(parents=True, exist_ok=True)
    with FakeOpenAI(latency=LATENCY, rpm=RPM, **_answers(papers)) as srv:
        eng = make_engine(srv, store, concurrency=CONCURRENCY, rpm=RPM, tpm=TPM, max_reasks=0)
        tokens = sum(eng.prompt_tokens(eng.messages(p)) + eng.options.max_tokens for p in papers)
        ideal = ideal_bound(len(papers), LATENCY, CONCURRENCY, RPM, tokens, TPM)
        seconds, rows = timed(papers, eng)
        cold_calls = srv.completions
        env = {**os.environ, "OPENAI_BASE_URL": srv.url, "OPENAI_API_KEY": "bench", "DIGESTGEN_HOME": str(store.parent),
               "DIGESTGEN_OUT": str(tmp / "out"), "PYTHONPATH": str(ROOT / "src")}
        t = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "digestgen.cli", "run", "--date", "2025-02-28", "--offline",
                               "--engine", "openai", "--model", "gpt-4o-mini", "--max-reasks", "0",
                               "--out", str(tmp / "warm.md")],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        warm = time.monotonic() - t
        warm_calls = srv.completions - cold_calls
    return {"papers": len(papers), "seconds": seconds, "ideal": ideal, "ratio": seconds / ideal,
            "rows_without_errors": sum(1 for r in rows if not r.errors), "server_429": srv.faults,
            "warm_seconds": warm, "warm_calls": warm_calls, "warm_exit": proc.returncode,
            "warm_error": proc.stderr.strip().splitlines()[-1] if proc.returncode not in (0, 3) else ""}


def part_synthetic_day(tmp: Path, n: int) -> dict:
    return _llm_day(_synthetic_day(n), tmp / "synthetic.sqlite")


def part_validator(tmp: Path) -> dict:
    from digestgen.validate import validate_paths

    try:
        from digestgen.validate import clear_caches
    except ImportError:  # an older tree, measured for comparison
        def clear_caches() -> None:
            return None

    best, wall, report = float("inf"), float("inf"), None
    for _ in range(2):  # CPU time: on a shared machine wall time mostly measures the neighbours
        clear_caches()  # each pass cold: the checks' memos must not carry the archive from one pass to the next
        t, w = time.process_time(), time.perf_counter()
        report = validate_paths([ARCHIVE])
        best, wall = min(best, time.process_time() - t), min(wall, time.perf_counter() - w)
    return {"rows": report.rows, "files": report.files, "seconds": best, "wall_seconds": wall,
            "rows_per_s": report.rows / best}


def part_offline_engine(tmp: Path) -> dict:
    from digestgen.engines import prose
    from digestgen.engines.extractive import ExtractiveEngine

    papers = _synthetic_day(340)
    eng = ExtractiveEngine()
    t = time.process_time()
    for p in papers:
        prose(eng.summarize(p))
    s = time.process_time() - t
    return {"papers": len(papers), "seconds": s, "papers_per_s": len(papers) / s}


def part_startup(tmp: Path) -> dict:
    times = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "digestgen.cli", "--help"], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"median_s": statistics.median(times), "min_s": min(times), "child_peak_mib": child}


def part_qa(tmp: Path) -> dict:
    """QA: evals/qa/bench_qa.py's figures (a cold archive index build into a fresh home, then latency per question)."""
    import importlib.util

    path = Path(__file__).parent / "qa" / "bench_qa.py"
    spec = importlib.util.spec_from_file_location("bench_qa", path)
    if spec is None or not path.exists():
        return {"available": False}
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    got = mod.bench_qa(home=tmp / "qa-home")
    return {"available": True, **{k: v for k, v in got.items() if isinstance(v, (int, float, str, bool))}}


PARTS = ["sample", "synthetic", "validator", "offline", "startup", "qa"]


def run_part(name: str, args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"digestgen-bench-{name}-"))
    os.environ["DIGESTGEN_HOME"] = str(tmp / "home")
    fn = {"sample": part_sample_day, "synthetic": lambda t: part_synthetic_day(t, args.papers),
          "validator": part_validator, "offline": part_offline_engine, "startup": part_startup, "qa": part_qa}[name]
    result = fn(tmp)
    result["peak_mib"] = _peak_mib()
    return result


def _child(name: str, args) -> dict:
    cmd = [sys.executable, __file__, "--part", name, "--papers", str(args.papers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(results: dict) -> list[str]:
    lines = [f"digestgen benchmark: {os.cpu_count()} CPU cores, Python {sys.version.split()[0]}, "
             f"load average {os.getloadavg()[0]:.1f} at the start"]

    def line(label, r, text):
        mem = f"  peak {r['peak_mib']:.0f} MiB" if "peak_mib" in r else ""
        lines.append(f"{label:<34} {r['error'] if 'error' in r else text}{mem}")

    r = results["sample"]
    if "error" in r:
        line("sample day (LLM, fake server)", r, "")
        line("warm re-run (digestgen run)", r, "")
    else:
        line(f"sample day ({r['papers']} papers, LLM)", r,
             f"{r['seconds']:6.1f} s, ideal {r['ideal']:.1f} s, ratio {r['ratio']:.2f} (target <= 1.2) "
             f"{_verdict(r['ratio'] <= 1.2)}; {r['rows_without_errors']}/{r['papers']} rows clean, "
             f"{r['server_429']} server 429s")
        lines.append(f"{'warm re-run (digestgen run)':<34} {r['warm_seconds']:6.2f} s, {r['warm_calls']} API calls, "
                     f"exit {r['warm_exit']} (target < 2 s, 0 calls) "
                     f"{_verdict(r['warm_seconds'] < 2 and r['warm_calls'] == 0 and r['warm_exit'] in (0, 3))}"
                     + (f"; {r['warm_error']}" if r.get("warm_error") else ""))
    r = results["synthetic"]
    line(f"synthetic day ({r.get('papers', '?')} papers, LLM)", r,
         "" if "error" in r else
         f"{r['seconds']:6.1f} s, ideal {r['ideal']:.1f} s, ratio {r['ratio']:.2f} (target <= 1.2) "
         f"{_verdict(r['ratio'] <= 1.2)}; {r['rows_without_errors']}/{r['papers']} rows clean, "
         f"{r['server_429']} server 429s")
    r = results["validator"]
    line("validator, whole archive", r, "" if "error" in r else
         f"{r['rows_per_s']:6.0f} rows/s ({r['rows']} rows, {r['files']} files, {r['seconds']:.2f} s CPU, "
         f"{r['wall_seconds']:.2f} s wall) "
         f"(target >= 5000) {_verdict(r['rows_per_s'] >= 5000)}")
    r = results["offline"]
    line("offline engine (extractive)", r, "" if "error" in r else
         f"{r['papers_per_s']:6.0f} papers/s ({r['papers']} papers, {r['seconds']:.2f} s CPU)")
    r = results["startup"]
    line("digestgen --help start-up", r, "" if "error" in r else
         f"{r['median_s']:6.3f} s median of 5 (min {r['min_s']:.3f} s, process peak {r['child_peak_mib']:.0f} MiB) "
         f"(target < 0.5 s) {_verdict(r['median_s'] < 0.5)}")
    r = results["qa"]
    line("QA latency", r, "" if "error" in r else (
        f"day p50 {r['day_p50_ms']:.0f} ms, p95 {r['day_p95_ms']:.0f} ms; archive p50 {r['archive_p50_ms']:.0f} ms, "
        f"p95 {r['archive_p95_ms']:.0f} ms (target p95 < 100 ms) {_verdict(r['archive_p95_ms'] < 100)}; "
        f"archive index cold build {r['archive_build_s_cold']:.0f} s (target < 300 s) "
        f"{_verdict(r['archive_build_s_cold'] < 300)}" if r.get("available") else "not available"))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=PARTS, help="run one part here and print its JSON (used by the full run)")
    ap.add_argument("--papers", type=int, default=200, help="papers in the synthetic day (default 200)")
    ap.add_argument("--quick", action="store_true", help="a 40-paper synthetic day")
    ap.add_argument("--json", action="store_true", help="print every part's figures as JSON as well")
    args = ap.parse_args()
    if args.quick:
        args.papers = 40
    if args.part:
        print(json.dumps(run_part(args.part, args)))
        return
    results = {}
    for name in PARTS:
        print(f"running {name}...", file=sys.stderr, flush=True)
        results[name] = _child(name, args)
    for x in report(results):
        print(x)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
