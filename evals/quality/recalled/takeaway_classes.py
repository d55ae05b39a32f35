"""Per takeaway class, on each set of abstracts: the rows where the class offers a candidate ("fires") and the rows
whose implication it writes (quality12). A class that writes on fewer than 3 rows of all sets together, or on one
set only, is a rule shaped on one or two rows.

    python evals/quality/recalled/takeaway_classes.py ../shared/evalset/dev.jsonl evals/quality/recalled/wide_a.jsonl \\
        evals/quality/recalled/wide_b.jsonl [--json] [--rows]

"offered" is extractive.offered_takeaway (the contribution's purpose clause when no class writes one).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from digestgen.engines import get_engine, takeaway
from digestgen.engines.base import NoAbstract

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_engine import read_set  # noqa: E402  (the sibling script's reader of a set)


def trace_set(path: Path) -> list[dict]:
    engine = get_engine("extractive")
    rows = []
    for row in read_set(path):
        takeaway.TRACE = []
        try:
            implication = engine.summarize(row.paper()).implication
        except NoAbstract:
            implication = ""
        trace = takeaway.TRACE[-1] if takeaway.TRACE else {"fired": [], "wrote": ""}
        takeaway.TRACE = None
        wrote = trace["wrote"] or ("offered" if implication else "")
        rows.append({"set": path.stem, "id": row.arxiv_id, "title": row.title, "fired": trace["fired"],
                     "wrote": wrote, "implication": implication})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", type=Path, nargs="+", help="jsonl files of {arxiv_id, title, authors, abstract}")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON lines instead of the table")
    ap.add_argument("--rows", action="store_true", help="also print each written implication under its class")
    args = ap.parse_args(argv)
    rows = [r for p in args.sets for r in trace_set(p)]
    if args.json:
        print("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
        return 0
    sets = list(dict.fromkeys(r["set"] for r in rows))
    fired = {s: Counter(k for r in rows if r["set"] == s for k in r["fired"]) for s in sets}
    wrote = {s: Counter(r["wrote"] for r in rows if r["set"] == s and r["wrote"]) for s in sets}
    kinds = sorted({k for c in (*fired.values(), *wrote.values()) for k in c},
                   key=lambda k: (-sum(wrote[s][k] for s in sets), -sum(fired[s][k] for s in sets), k))
    print("class".ljust(16) + "".join(f"{s + ' fired/wrote':>22}" for s in sets) + f"{'all wrote':>11}")
    for k in kinds:
        print(k.ljust(16) + "".join(f"{fired[s][k]:>15d} /{wrote[s][k]:>4d}" for s in sets)
              + f"{sum(wrote[s][k] for s in sets):>11d}")
    print("rows".ljust(16) + "".join(f"{sum(r['set'] == s for r in rows):>22d}" for s in sets))
    print("implications".ljust(16) + "".join(f"{sum(wrote[s].values()):>22d}" for s in sets)
          + f"{sum(sum(w.values()) for w in wrote.values()):>11d}")
    if args.rows:
        for k in kinds:
            print(f"\n## {k}")
            for r in rows:
                if r["wrote"] == k:
                    print(f"  [{r['set']}] {r['title'][:60]}\n      {r['implication']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
