"""Run the offline engine and the validator over a set of recalled abstracts (no reference summaries): one row per
abstract with its summary and error codes, and the per-code counts. The dev set has 34 abstracts from three days and
every engine rule was shaped with them in view; these sets are abstracts of other well-known arXiv papers written
down from memory by separate agents (close to, not guaranteed to be, the published text), used to see which rules
hold beyond the dev set.

    python evals/quality/recalled/run_engine.py evals/quality/recalled/wide_a.jsonl --out /tmp/rows.jsonl
    python evals/quality/recalled/run_engine.py A.jsonl B.jsonl --compare OLD_ROWS.jsonl   (rows that changed)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from digestgen.dataset import DatasetRow
from digestgen.engines import get_engine, prose
from digestgen.engines.base import NoAbstract
from digestgen.validate import RowCheck, check_row


def read_set(path: Path) -> list[DatasetRow]:
    """A recalled set's rows ({arxiv_id, title, authors, abstract} per line); a row without an id gets SET-NNN."""
    rows = []
    for n, line in enumerate(path.read_text().splitlines()):
        if line.strip():
            r = json.loads(line)
            rows.append(DatasetRow(arxiv_id=r.get("arxiv_id") or f"{path.stem}-{n:03d}", title=r["title"],
                                   authors=r.get("authors") or [], abstract=r["abstract"]))
    return rows


def rows_for(paths: list[Path]) -> list[dict]:
    engine = get_engine("extractive")
    out = []
    for path in paths:
        for row in read_set(path):
            try:
                summary = prose(engine.summarize(row.paper()))
            except NoAbstract:
                summary = ""
            findings = check_row(RowCheck(row.arxiv_id, row.title, row.authors or ["A. Author"], summary,
                                          abstract=row.abstract))
            out.append({"set": path.stem, "id": row.arxiv_id, "title": row.title, "abstract": row.abstract,
                        "summary": summary, "errors": sorted({f.code for f in findings if f.severity == "error"})})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", type=Path, nargs="+", help="jsonl files of {arxiv_id, title, authors, abstract}")
    ap.add_argument("--out", type=Path, help="write the rows here (jsonl)")
    ap.add_argument("--compare", type=Path, help="an earlier --out file: print the rows whose summary changed")
    args = ap.parse_args(argv)
    rows = rows_for(args.sets)
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    codes = Counter(c for r in rows for c in r["errors"])
    print(f"{len(rows)} rows, {sum(not r['errors'] for r in rows)} with no error finding, "
          f"{sum('missing_part:implication' not in r['errors'] for r in rows)} with an implication")
    for code, n in codes.most_common():
        print(f"  {n:4d}  {code}")
    if args.compare:
        old = {r["id"]: r for r in map(json.loads, args.compare.read_text().splitlines())}
        changed = [r for r in rows if r["id"] in old and old[r["id"]]["summary"] != r["summary"]]
        print(f"\n{len(changed)} rows changed against {args.compare}")
        for r in changed:
            o = old[r["id"]]
            print(f"\n## {r['title']}\nOLD: {o['summary']} {o['errors']}\nNEW: {r['summary']} {r['errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
