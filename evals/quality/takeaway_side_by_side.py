"""Print every dataset row's one-line, objective and implication side by side, for a strict reading of the takeaway.

    python evals/quality/takeaway_side_by_side.py ../shared/evalset/dev.jsonl [--abstract] [--json]

The implication is what this script is for: read each one against the objective and the one-line (does it say who
can do what with the contribution, and why it matters; does it repeat the objective?). No scores: the reading is yours.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from digestgen.dataset import load_dataset
from digestgen.errors import UsageError
from digestgen.engines.extractive import ExtractiveEngine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--abstract", action="store_true", help="print the abstract too")
    ap.add_argument("--json", action="store_true", help="one JSON line per row")
    args = ap.parse_args(argv)
    engine = ExtractiveEngine()
    empty = 0
    try:
        rows = load_dataset(args.dataset)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    done = 0
    for n, row in enumerate(rows, 1):
        if not (row.abstract or "").strip():  # the engine needs an abstract; such a row is not summarised
            continue
        s = engine.summarize(row.paper())
        done += 1
        empty += not s.implication
        if args.json:
            print(json.dumps({"arxiv_id": row.arxiv_id, "date": row.date, "one_line": s.one_line,
                              "objective": s.objective, "implication": s.implication}))
            continue
        print(f"[{n}] {row.arxiv_id} {row.date or ''}  {row.title}")
        if args.abstract:
            print(textwrap.indent(textwrap.fill(row.abstract, 118), "   abstract | "))
        for label, text in (("one-line", s.one_line), ("objective", s.objective), ("TAKEAWAY", s.implication or "-")):
            print(textwrap.indent(textwrap.fill(text, 110), f"  {label:>9} | "))
        print()
    print(f"{done} rows summarised ({len(rows) - done} without an abstract), {empty} without a takeaway", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
