"""Count glue defects (digestgen.glue.glue_defects) in an eval's rows and in a sample of archive rows.

    PYTHONPATH=src python scripts/glue_count.py /tmp/eval/rows.jsonl [--show] [--archive 60]

Prints, for the engine rows ('generated') and their reference rows, how many rows have a defect and the count per
code; with --archive N, the same over the summaries of N archive days (a fixed random sample, seed 0).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from digestgen.glue import glue_findings

ARCHIVE = Path(__file__).resolve().parents[1].parent / "shared" / "references" / "digests"


def _report(label: str, texts: list[str], show: bool) -> None:
    counts: collections.Counter = collections.Counter()
    flagged = 0
    for t in texts:
        found = glue_findings(t)
        flagged += bool(found)
        counts.update(code for code, _ in found)
        if show:
            for code, evidence in found:
                print(f"  {code:26} {evidence}")
    print(f"{label}: {flagged}/{len(texts)} rows with a glue defect {dict(sorted(counts.items()))}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", help="rows.jsonl written by `digestgen eval`")
    ap.add_argument("--show", action="store_true", help="print each engine row's defects")
    ap.add_argument("--archive", type=int, default=0, metavar="DAYS", help="also count N archive days")
    args = ap.parse_args()
    try:
        rows = [json.loads(line) for line in Path(args.rows).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        print(f"error: cannot read {args.rows}: {e}", file=sys.stderr)
        return 1
    _report("engine", [r["generated"] for r in rows], args.show)
    _report("reference", [r["reference"] for r in rows], False)
    if args.archive:
        files = sorted(ARCHIVE.glob("*/*/*.md"))
        random.seed(0)
        cells = []
        for path in random.sample(files, min(args.archive, len(files))):
            for line in path.read_text(encoding="utf-8").splitlines():
                cols = [c.strip() for c in line.split("|")]
                if len(cols) > 4 and len(cols[-2].split()) > 40:  # the summary cell of a table row
                    cells.append(cols[-2])
        _report("archive", cells, False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
