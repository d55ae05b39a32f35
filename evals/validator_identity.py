"""Guard for validator speed work: the findings over a digest archive must not change.

    python evals/validator_identity.py save  BASELINE.json [PATHS...]
    python evals/validator_identity.py check BASELINE.json [PATHS...]
    python evals/validator_identity.py compare OLD_SRC [PATHS...]   (e.g. OLD_SRC from `git archive main src`)

``save`` writes ``digestgen validate PATHS --json`` (every finding, in order, and the per-code
counts) to BASELINE.json; ``check`` validates again and exits 1, naming the first differences,
unless the findings and counts are identical. ``compare`` runs the validator of another source
tree (OLD_SRC, a folder holding the ``digestgen`` package) and this tree's, each in fresh processes,
alternately (--rounds, default 2), checks their findings are identical and prints both throughputs
(CPU time, each process cold) and their ratio. PATHS default to the shared reference archive.
Also: ``--abstracts FILE`` passes a dataset of abstracts, as ``digestgen validate --abstracts`` does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = Path(os.environ.get("DIGESTGEN_SHARED", ROOT.parent / "shared")) / "references" / "digests"


def snapshot(paths: list[str], abstracts: str | None = None) -> tuple[dict, float]:
    """(the report as ``--json`` prints it, CPU seconds it took)."""
    from digestgen.validate import validate_paths

    abs_map = None
    if abstracts:
        from digestgen.dataset import load_dataset

        abs_map = {r.arxiv_id: {"title": r.title, "abstract": r.abstract} for r in load_dataset(Path(abstracts))
                   if r.abstract}
    t = time.process_time()
    report = validate_paths(paths, abstracts=abs_map)
    return report.to_json(), time.process_time() - t


def diff(old: dict, new: dict, limit: int = 10) -> list[str]:
    out = []
    for key in ("files", "rows", "counts", "unreadable"):
        if old.get(key) != new.get(key):
            out.append(f"{key}: {old.get(key)!r} -> {new.get(key)!r}")
    a, b = old["findings"], new["findings"]
    if len(a) != len(b):
        out.append(f"findings: {len(a)} -> {len(b)}")
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            out.append(f"finding {i}: {x} -> {y}")
            if len(out) >= limit:
                break
    return out


def _run_in(src: str, paths: list[str], abstracts: str | None, out: Path) -> float:
    """Validate in a fresh process with ``src`` first on the path; the report goes to ``out``; CPU seconds back."""
    import subprocess

    cmd = [sys.executable, __file__, "save", str(out), *paths] + (["--abstracts", abstracts] if abstracts else [])
    env = {**os.environ, "PYTHONPATH": src}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise SystemExit(f"validator under {src} failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
    return float(proc.stdout.split("rows, ")[1].split(" s CPU")[0])


def compare(old_src: str, paths: list[str], abstracts: str | None, rounds: int) -> int:
    import tempfile

    new_src = str(ROOT / "src")
    with tempfile.TemporaryDirectory() as tmp:
        old_out, new_out = Path(tmp) / "old.json", Path(tmp) / "new.json"
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(rounds):  # alternate, so both see the same load on a shared machine
            times["old"].append(_run_in(old_src, paths, abstracts, old_out))
            times["new"].append(_run_in(new_src, paths, abstracts, new_out))
        old, new = json.loads(old_out.read_text()), json.loads(new_out.read_text())
    problems = diff(old, new)
    for p in problems:
        print(p, file=sys.stderr)
    rows = new["rows"]
    best_old, best_new = min(times["old"]), min(times["new"])
    print(f"{'DIFFERENT' if problems else 'identical'} findings ({len(new['findings'])}); {rows} rows, "
          f"best of {rounds} cold processes each (CPU time):")
    print(f"  old ({old_src}): {rows / best_old:7.0f} rows/s ({best_old:.2f} s)")
    print(f"  new ({new_src}): {rows / best_new:7.0f} rows/s ({best_new:.2f} s)")
    print(f"  speed-up: {best_old / best_new:.2f}x")
    return 1 if problems else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=["save", "check", "compare"])
    ap.add_argument("baseline", help="the baseline JSON (save, check), or the old source folder (compare)")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--abstracts", help="dataset JSONL with abstracts")
    ap.add_argument("--rounds", type=int, default=2, help="compare: processes per side (default 2)")
    args = ap.parse_args()
    paths = args.paths or [str(ARCHIVE)]
    if args.action == "compare":
        return compare(args.baseline, paths, args.abstracts, max(1, args.rounds))
    got, seconds = snapshot(paths, args.abstracts)
    rate = f"{got['rows'] / seconds:.0f} rows/s ({got['rows']} rows, {seconds:.2f} s CPU)"
    if args.action == "save":
        Path(args.baseline).write_text(json.dumps(got, indent=1) + "\n")
        print(f"saved {len(got['findings'])} findings to {args.baseline}; {rate}")
        return 0
    problems = diff(json.loads(Path(args.baseline).read_text()), got)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{'DIFFERENT' if problems else 'identical'}: {len(got['findings'])} findings; {rate}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
