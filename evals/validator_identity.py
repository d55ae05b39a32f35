"""Guard for validator speed work: the findings over a digest archive must not change.

    python evals/validator_identity.py save  BASELINE.json [PATHS...]
    python evals/validator_identity.py check BASELINE.json [PATHS...]

``save`` writes ``digestgen validate PATHS --json`` (every finding, in order, and the per-code
counts) to BASELINE.json; ``check`` validates again and exits 1, naming the first differences,
unless the findings and counts are identical. PATHS default to the shared reference archive.
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=["save", "check"])
    ap.add_argument("baseline")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--abstracts", help="dataset JSONL with abstracts")
    args = ap.parse_args()
    paths = args.paths or [str(ARCHIVE)]
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
